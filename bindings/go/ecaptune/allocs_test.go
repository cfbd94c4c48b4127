// SPDX-License-Identifier: MIT

//go:build !race

package ecaptune

import "testing"

// A call allocates nothing beyond its result, and a value result needs
// nothing: the structs live on the stack (cgo noescape), an advisor gets
// no error struct (adviseLean), a key's C copy comes from a pool, an
// advice's names are read once (goName), and an *Error is made only for
// a failure.  (Counted without the race detector, which allocates on its
// own; AllocsPerRun's warm-up call meets the names first.)
func TestCallsAllocateNothing(t *testing.T) {
	p := newPolicy(t)
	check := func(_ any, err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	// A listing goes to C memory (not Go's heap) for the call.
	listing := []int64{64 << 20, 128 << 20, 512 << 20, 1 << 30}
	splittable := []bool{true, true, false, true}
	cases := map[string]func(){
		"AdvisePartitions": func() { check(p.AdvisePartitions(PartitionInput{DataSizeBytes: 10e9})) },
		"AdviseJoin": func() {
			check(p.AdviseJoin(JoinInput{LeftSizeBytes: 1e10, RightSizeBytes: 8e6}))
		},
		"AdviseCache": func() {
			check(p.AdviseCache(CacheInput{DeserializedSizeBytes: 1e9, PartitionCount: 60,
				ReuseCount: 3, StorageMemoryBytes: 16 << 30, API: SparkAPIRDD}))
		},
		"AdviseExecutor": func() { check(p.AdviseExecutor(ExecutorInput{DailyDataGB: 100})) },
		"AdviseExecutor NodeType": func() {
			check(p.AdviseExecutor(ExecutorInput{DailyDataGB: 100, NodeType: "r5.4xlarge"}))
		},
		"AdviseDatabase": func() { check(p.AdviseDatabase(DatabaseInput{TransactionsPerDay: 1e6})) },
		"AdviseKafka":    func() { check(p.AdviseKafka(KafkaInput{EventsPerSecond: 1000})) },
		"AdviseDatabaseShape": func() {
			check(p.AdviseDatabaseShape(DatabaseShape{MemoryGB: 16, VCPUCount: 4}))
		},
		"AdvisePartitions listing": func() {
			check(p.AdvisePartitions(PartitionInput{DataSizeBytes: 1e9, FileSizesBytes: listing, TotalExecutorCores: 8}))
		},
		"PartitionScanTasks": func() {
			check(p.PartitionScanTasks(PartitionScanInput{FileSizesBytes: listing,
				FileSplittable: splittable, TotalExecutorCores: 8}))
		},
		"Float64": func() { check(p.Float64("partition.target_size_mb")) },
		"Int64":   func() { check(p.Int64("executor.cores")) },
	}
	for name, fn := range cases {
		if n := testing.AllocsPerRun(100, fn); n != 0 {
			t.Errorf("%s: %v allocations per call", name, n)
		}
	}
}

// PartitionAQE allocates its result's split counts, which C writes in
// place, and nothing else.
func TestPartitionAQEAllocatesItsResult(t *testing.T) {
	p := newPolicy(t)
	in := PartitionAQEInput{PartitionSizesBytes: []int64{10 << 20, 10 << 20, 10 << 20, 10 << 20, 300 << 20},
		ParallelismFirstDisabled: true}
	var r PartitionAQEResult
	n := testing.AllocsPerRun(100, func() {
		var err error
		if r, err = p.PartitionAQE(in); err != nil {
			t.Fatal(err)
		}
	})
	if n != 1 {
		t.Errorf("PartitionAQE: %v allocations per call, want 1 (its SplitCounts)", n)
	}
	if len(r.SplitCounts) != 5 || cap(r.SplitCounts) != 5 || r.SplitCounts[4] != 5 {
		t.Errorf("SplitCounts %v (cap %d)", r.SplitCounts, cap(r.SplitCounts))
	}
}
