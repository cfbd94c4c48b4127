// SPDX-License-Identifier: MIT

package ecaptune

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// Each Advise method passes C no error struct and, on a failure, calls
// again with one (adviseLean): the error still names the field and says
// why, as the library wrote it.
func TestAdviseFailuresNameTheField(t *testing.T) {
	p := newPolicy(t)
	check := func(name string, err error, want Code, field string) {
		t.Helper()
		wantErr(t, name, err, want, field)
		if e := (*Error)(nil); errors.As(err, &e) && !strings.Contains(e.Message, field) {
			t.Errorf("%s: message %q does not name %s", name, e.Message, field)
		}
	}
	check("partition", second(p.AdvisePartitions(PartitionInput{DataSizeBytes: -1})), ErrRange, "data_size_bytes")
	check("partition listing", second(p.AdvisePartitions(PartitionInput{DataSizeBytes: 1e9, FileSizesBytes: []int64{-5}})),
		ErrRange, "file_sizes_bytes")
	check("join", second(p.AdviseJoin(JoinInput{LeftSizeBytes: -1, RightSizeBytes: 1})), ErrRange, "left_size_bytes")
	check("cache", second(p.AdviseCache(CacheInput{DeserializedSizeBytes: 1e9, PartitionCount: -1})), ErrRange, "partition_count")
	check("executor", second(p.AdviseExecutor(ExecutorInput{DailyDataGB: math.NaN()})), ErrInvalid, "daily_data_gb")
	check("database", second(p.AdviseDatabase(DatabaseInput{TransactionsPerDay: -1})), ErrRange, "transactions_per_day")
	check("kafka", second(p.AdviseKafka(KafkaInput{EventsPerSecond: math.Inf(1)})), ErrInvalid, "events_per_second")
	check("database shape", second(p.AdviseDatabaseShape(DatabaseShape{MemoryGB: 0, VCPUCount: 4})), ErrRange, "memory_gb")
	check("scan", second(p.PartitionScanTasks(PartitionScanInput{FileSizesBytes: []int64{-1}, MinPartitionNum: 4})),
		ErrRange, "file_sizes_bytes")
	check("aqe", second(p.PartitionAQE(PartitionAQEInput{PartitionSizesBytes: []int64{MiB}})), ErrInvalid, "default_parallelism")
}

// A closed Policy fails on the lean path as everywhere else.
func TestAdviseOnClosedPolicy(t *testing.T) {
	p, err := NewPolicy()
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	var e *Error
	if _, err := p.AdvisePartitions(PartitionInput{DataSizeBytes: 1e9}); !errors.As(err, &e) ||
		e.Code != ErrInvalid || e.Field != "policy" {
		t.Fatalf("after Close: %v", err)
	}
	for name, err := range map[string]error{
		"AdviseDatabaseShape": second(p.AdviseDatabaseShape(DatabaseShape{MemoryGB: 16, VCPUCount: 4})),
		"PartitionScanTasks":  second(p.PartitionScanTasks(PartitionScanInput{FileSizesBytes: []int64{MiB}})),
		"PartitionAQE":        second(p.PartitionAQE(PartitionAQEInput{PartitionSizesBytes: []int64{MiB}, DefaultParallelism: 4})),
	} {
		if !errors.As(err, &e) || e.Code != ErrInvalid || e.Field != "policy" {
			t.Errorf("%s after Close: %v", name, err)
		}
	}
	var zero Policy
	if _, err := zero.AdviseKafka(KafkaInput{EventsPerSecond: 1}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("zero Policy: %v", err)
	}
}

// goName returns the same string for the same name (one copy, made the
// first time) and the right one for names past its table's bounds.
func TestGoNameInterns(t *testing.T) {
	a := goNameOfField("db.r6g.large", 64)
	b := goNameOfField("db.r6g.large", 64)
	if a != "db.r6g.large" || b != a || unsafe.StringData(a) != unsafe.StringData(b) {
		t.Fatalf("%q %q: not one copy", a, b)
	}
	if s := goNameOfField("", 64); s != "" {
		t.Fatalf("empty: %q", s)
	}
	// A field without a NUL is read to its end.
	if s := goNameOfField("abcd", 4); s != "abcd" {
		t.Fatalf("unterminated: %q", s)
	}
	long := strings.Repeat("x", knownNameMaxBytes+1)
	if s := goNameOfField(long, len(long)+1); s != long {
		t.Fatalf("long name: %q", s)
	}
}

// KafkaAdvice converts back to the very struct ecap_kafka_advise wrote
// (ReasonText renders from the conversion).
func TestKafkaAdviceConvertsBack(t *testing.T) {
	p := newPolicy(t)
	for _, in := range []KafkaInput{
		{EventsPerSecond: 1000},
		{EventsPerSecond: 100000},
		{IngressMBPerSecond: 2, PeakFactor: 1, PartitionProduceMBPerSecond: 1, PartitionConsumeMBPerSecond: 0.5},
	} {
		if same, err := p.kafkaRoundTrips(in); err != nil || !same {
			t.Errorf("%+v: round trip %v, %v", in, same, err)
		}
	}
}

// goName's cache and table are shared: goroutines reading the same and
// new names at once each get their own name back (run with -race).
func TestGoNameConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				want := fmt.Sprintf("name-%d", (g*7+i)%97)
				if s := goNameOfField(want, 64); s != want {
					t.Errorf("%q for %q", s, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
