// SPDX-License-Identifier: MIT

package ecaptune

// Benchmarks of one call per family, for bench/bench.py (make bench),
// which runs them with -benchmem between the C and Python rounds and
// prints the ratios.  BenchmarkCgoCall is cgo's fixed cost: one call of a
// C function that does nothing but return.  No timing is asserted.

import "testing"

func benchPolicy(b *testing.B) *Policy {
	b.Helper()
	p, err := NewPolicy()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { p.Close() })
	b.ReportAllocs()
	return p
}

func BenchmarkCgoCall(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		VersionNumber()
	}
}

func BenchmarkPartition(b *testing.B) {
	p := benchPolicy(b)
	for b.Loop() {
		if _, err := p.AdvisePartitions(PartitionInput{DataSizeBytes: 10e9}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJoin(b *testing.B) {
	p := benchPolicy(b)
	in := JoinInput{LeftSizeBytes: 1e10, RightSizeBytes: 8e6, LeftRowCount: 1e8, RightRowCount: 150000}
	for b.Loop() {
		if _, err := p.AdviseJoin(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCache(b *testing.B) {
	p := benchPolicy(b)
	in := CacheInput{DeserializedSizeBytes: 1e9, PartitionCount: 60, ReuseCount: 3,
		StorageMemoryBytes: 16 << 30, API: SparkAPIRDD}
	for b.Loop() {
		if _, err := p.AdviseCache(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExecutor(b *testing.B) {
	p := benchPolicy(b)
	for b.Loop() {
		if _, err := p.AdviseExecutor(ExecutorInput{DailyDataGB: 100}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDatabase(b *testing.B) {
	p := benchPolicy(b)
	for b.Loop() {
		if _, err := p.AdviseDatabase(DatabaseInput{TransactionsPerDay: 1e6}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKafka(b *testing.B) {
	p := benchPolicy(b)
	for b.Loop() {
		if _, err := p.AdviseKafka(KafkaInput{EventsPerSecond: 1000}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDatabaseShape(b *testing.B) {
	p := benchPolicy(b)
	in := DatabaseShape{MemoryGB: 16, VCPUCount: 4}
	for b.Loop() {
		if _, err := p.AdviseDatabaseShape(in); err != nil {
			b.Fatal(err)
		}
	}
}

// benchSizes is 16 sizes of 1 to 16 MiB, a listing or a shuffle's
// partitions.
func benchSizes() []int64 {
	sizes := make([]int64, 16)
	for i := range sizes {
		sizes[i] = int64(i+1) << 20
	}
	return sizes
}

func BenchmarkPartitionScan(b *testing.B) {
	p := benchPolicy(b)
	in := PartitionScanInput{FileSizesBytes: benchSizes(), TotalExecutorCores: 16}
	for b.Loop() {
		if _, err := p.PartitionScanTasks(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPartitionAQE(b *testing.B) {
	p := benchPolicy(b)
	in := PartitionAQEInput{PartitionSizesBytes: benchSizes(), DefaultParallelism: 16}
	for b.Loop() {
		if _, err := p.PartitionAQE(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProjectionYear reports per projected year (3 a call), as the
// C row does.
func BenchmarkProjectionYear(b *testing.B) {
	p := benchPolicy(b)
	for b.Loop() {
		if _, err := p.Project(ProjectionInput{CurrentDailyTransactions: 1e6, Years: 3}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/3, "ns/year")
}

func BenchmarkPolicyGet(b *testing.B) {
	p := benchPolicy(b)
	for b.Loop() {
		if _, err := p.Float64("partition.target_size_mb"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkC runs each advisor in C through one cgo call per iteration
// (no lock, no conversion): the C call plus cgo's fixed cost, in this
// process, against which the Go methods above are judged.
func BenchmarkC(b *testing.B) {
	p := benchPolicy(b)
	for _, family := range []string{"partition", "join", "cache", "executor", "database", "kafka"} {
		raw := p.rawAdvise(family)
		b.Run(family, func(b *testing.B) {
			for b.Loop() {
				if rc := raw(); rc != 0 {
					b.Fatalf("%s: %d", family, rc)
				}
			}
		})
	}
}
