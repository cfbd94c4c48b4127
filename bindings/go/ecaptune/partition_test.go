// SPDX-License-Identifier: MIT

package ecaptune

import (
	"errors"
	"strings"
	"testing"
)

const (
	MiB = int64(1) << 20
	GiB = int64(1) << 30
)

// wantErr checks that err is an *Error with code want naming field.
func wantErr(t *testing.T, name string, err error, want Code, field string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%s: %v is not an *Error", name, err)
		return
	}
	if !errors.Is(err, want) || (field != "" && e.Field != field) {
		t.Errorf("%s: %v (code %v, field %q); want %v on %q", name, err, e.Code, e.Field, want, field)
	}
}

func guidePolicy(t *testing.T) *Policy {
	t.Helper()
	p := newPolicy(t)
	if err := p.SetModel(ModelGuide); err != nil {
		t.Fatal(err)
	}
	return p
}

// Cases from tests/test-partition.c, guide_truncates_and_coalesces and
// guide_coalesce_noop_when_increasing.
func TestPartitionGuide(t *testing.T) {
	p := guidePolicy(t)
	cases := []struct {
		rule           string
		bytes, current int64
		count, eff     int64
		reason         PartitionReason
	}{
		{"guide: int(200 / 128) = int(1.5625) = 1 partition of 200 MB", 200 * MiB, 0, 1, 1, PartitionReasonGuideCoalesce},
		{"guide: int(256 / 128) = 2, exactly at the threshold", 256 * MiB, 0, 2, 2, PartitionReasonGuideCoalesce},
		{"guide: int((256 MB - 1 B) / 128) = int(1.99999999) = 1", 256*MiB - 1, 0, 1, 1, PartitionReasonGuideCoalesce},
		{"guide: max(1, int(1 B / 128 MB)) = max(1, 0) = 1", 1, 0, 1, 1, PartitionReasonGuideCoalesce},
		{"guide: coalesce(int(512 / 128) = 4) on 2 partitions is a no-op: 2 remain", 512 * MiB, 2, 4, 2, PartitionReasonGuideCoalesceNoop},
		{"guide: coalesce(4) on 4 partitions (equal): not a no-op", 512 * MiB, 4, 4, 4, PartitionReasonGuideCoalesce},
		{"guide: coalesce(4) on 3 partitions (one under): a no-op", 512 * MiB, 3, 4, 3, PartitionReasonGuideCoalesceNoop},
	}
	for _, c := range cases {
		a, err := p.AdvisePartitions(PartitionInput{DataSizeBytes: c.bytes, CurrentPartitionCount: c.current})
		if err != nil {
			t.Fatalf("%s: %v", c.rule, err)
		}
		if a.Model != ModelGuide || a.Action != PartitionCoalesce || a.Reason != c.reason ||
			a.PartitionCount != c.count || a.EffectivePartitionCount != c.eff {
			t.Errorf("%s: %+v", c.rule, a)
		}
	}
	// guide: coalesce(4) on 2: 512 MB over 2 partitions = 256 MB each
	a, _ := p.AdvisePartitions(PartitionInput{DataSizeBytes: 512 * MiB, CurrentPartitionCount: 2})
	text, err := a.Explain()
	if a.BytesPerPartition != 256*MiB || err != nil || !strings.Contains(text, "is a no-op") {
		t.Errorf("no-op: %+v %q %v", a, text, err)
	}
}

// ecap1_tiny_data_many_cores and ecap1_files_keep_scan_count.
func TestPartitionFloorAndFiles(t *testing.T) {
	p := newPolicy(t)
	// 100 MiB on 60 cores: floor min(60 x 2, 100 MiB / 4 MiB
	// (partition.min_size_mb)) = 25 partitions of 4 MiB, not 120 of
	// 853 KiB
	a, err := p.AdvisePartitions(PartitionInput{DataSizeBytes: 100 * MiB, TotalExecutorCores: 60})
	if err != nil || a.PartitionCount != 25 || a.BytesPerPartition != 4*MiB || a.CoreTaskCount != 120 ||
		a.MinSizePartitionCount != 25 {
		t.Errorf("tiny: %+v %v", a, err)
	}
	// 500 TiB asks for 500 x 2^40 / 2^27 = 4096000 partitions; the count
	// stops at partition.max_count 100000 rounded up to whole waves of 60
	// cores, 60 x ceil(100000 / 60) = 100020
	a, err = p.AdvisePartitions(PartitionInput{DataSizeBytes: 500 * 1024 * GiB, TotalExecutorCores: 60})
	if err != nil || a.Reason != PartitionReasonMaxCount || a.SizePartitionCount != 4096000 ||
		a.PartitionCount != 100020 {
		t.Errorf("max count: %+v %v", a, err)
	}
	// 1 PiB on 104892 cores: never fewer partitions than cores, 104892 of
	// ceil(2^50 / 104892) = 10733896836 B
	a, err = p.AdvisePartitions(PartitionInput{DataSizeBytes: 1024 * 1024 * GiB, TotalExecutorCores: 104892})
	if err != nil || a.Reason != PartitionReasonMaxCount || a.PartitionCount != 104892 ||
		a.SplitSizeBytes != 10733896836 {
		t.Errorf("max count, cores: %+v %v", a, err)
	}
	// 2 TiB from 2048 files of 1 GiB, current unknown: 16384 partitions
	// of 128 MiB, and the scan makes 2048 x 8 splits, one task each: keep
	a, err = p.AdvisePartitions(PartitionInput{DataSizeBytes: 2048 * GiB, TotalExecutorCores: 160, FileCount: 2048})
	if err != nil || a.Action != PartitionKeep || a.Reason != PartitionReasonKeepScan ||
		a.PartitionCount != 16384 || a.ScanTaskCount != 16384 {
		t.Errorf("2 TiB: %+v %v", a, err)
	}
	text, err := a.Explain()
	if err != nil || !strings.Contains(text, "keep 16384 partitions of 128 MiB") {
		t.Errorf("%q %v", text, err)
	}
	// the same as a listing
	files := make([]int64, 2048)
	for i := range files {
		files[i] = GiB
	}
	a, err = p.AdvisePartitions(PartitionInput{FileSizesBytes: files, TotalExecutorCores: 160})
	if err != nil || a.DataSizeBytes != 2048*GiB || a.ScanTaskCount != 16384 {
		t.Errorf("listing: %+v %v", a, err)
	}
	// one gzip file of 1 GiB on 8 cores: 16 partitions, 1 scan task
	a, err = p.AdvisePartitions(PartitionInput{DataSizeBytes: GiB, FileCount: 1, FilesNotSplittable: true,
		TotalExecutorCores: 8})
	if err != nil || a.Reason != PartitionReasonRepartitionScan || a.PartitionCount != 16 || a.ScanTaskCount != 1 {
		t.Errorf("gzip: %+v %v", a, err)
	}
	// 200 MiB on 3 partitions of 66.7 MiB, half the target or more: keep
	a, err = p.AdvisePartitions(PartitionInput{DataSizeBytes: 200 * MiB, CurrentPartitionCount: 3})
	if err != nil || a.Reason != PartitionReasonKeepNearTarget || a.EffectivePartitionCount != 3 ||
		a.SplitSizeBytes != 100*MiB {
		t.Errorf("near target: %+v %v", a, err)
	}
	_, err = p.AdvisePartitions(PartitionInput{DataSizeBytes: GiB, FileCount: 8})
	wantErr(t, "files without cores", err, ErrInvalid, "total_executor_cores")
	// an advice edited to another function's reason is refused
	a.Reason = PartitionReasonSplitOpenCost
	_, err = a.Explain()
	wantErr(t, "foreign reason", err, ErrUnknownEnum, "reason")
}

func TestPartitionEnums(t *testing.T) {
	if PartitionKeep.String() != "keep" || PartitionRepartition.String() != "repartition" {
		t.Error(PartitionKeep, PartitionRepartition)
	}
	if s := PartitionAction(4).String(); s != "PartitionAction(4)" {
		t.Error(s)
	}
	if a, err := ParsePartitionAction("coalesce"); err != nil || a != PartitionCoalesce {
		t.Error(a, err)
	}
	_, err := ParsePartitionAction("Coalesce")
	wantErr(t, "case matters", err, ErrUnknownEnum, "action")
	if PartitionReasonGuideCoalesceNoop.String() != "guide-coalesce-noop" {
		t.Error(PartitionReasonGuideCoalesceNoop)
	}
	for _, r := range []PartitionReason{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 21, 22, 23, 40, 41, 42} {
		if back, err := ParsePartitionReason(r.String()); err != nil || back != r {
			t.Errorf("%d: %v %v", r, back, err)
		}
	}
	_, err = ParsePartitionReason("nope")
	wantErr(t, "unknown reason", err, ErrUnknownEnum, "reason")
}

// scan_split_sizes: one 1 GiB file.
func TestPartitionScan(t *testing.T) {
	p := newPolicy(t)
	in := PartitionScanInput{FileSizesBytes: []int64{GiB}, MinPartitionNum: 4}
	// maxSplitBytes: total = 1024 + 4 MiB = 1028 MiB; bytesPerCore =
	// 1028 / 4 = 257 MiB; min(128, max(4, 257)) = 128 MiB; 1024 / 128 =
	// 8 splits of 128 MiB, 8 tasks
	r, err := p.PartitionScanTasks(in)
	if err != nil {
		t.Fatal(err)
	}
	if r.TotalBytes != 1028*MiB || r.BytesPerCore != 257*MiB || r.MaxSplitBytes != 128*MiB ||
		r.SplitCount != 8 || r.TaskCount != 8 || r.Reason != PartitionReasonSplitMaxPartitionBytes {
		t.Errorf("%+v", r)
	}
	// minPartitionNum 16: bytesPerCore = 1028 MiB / 16 = 67371008 B;
	// 15 full splits and a remainder: 16 splits, each its own task
	in.MinPartitionNum = 16
	r, _ = p.PartitionScanTasks(in)
	if r.MaxSplitBytes != 67371008 || r.TaskCount != 16 || r.Reason != PartitionReasonSplitBytesPerCore {
		t.Errorf("%+v", r)
	}
	// Scala Long division: openCost 1 MiB, total 11534336 / 3 = 3844778;
	// 10485760 / 3844778 = 2 rem 2796204: 3 splits, 3 tasks
	r, _ = p.PartitionScanTasks(PartitionScanInput{FileSizesBytes: []int64{10 * MiB},
		MinPartitionNum: 3, OpenCostBytes: MiB})
	if r.BytesPerCore != 3844778 || r.SplitCount != 3 || r.TaskCount != 3 {
		t.Errorf("%+v", r)
	}
	// per-file flags: a non-splittable 1 GiB file is one split
	r, _ = p.PartitionScanTasks(PartitionScanInput{FileSizesBytes: []int64{GiB}, FileSplittable: []bool{false},
		MinPartitionNum: 4})
	if r.SplitCount != 1 || r.TaskCount != 1 {
		t.Errorf("non-splittable: %+v", r)
	}
	// NotSplittable (gzip): the 1 GiB file is one split, one task
	r, _ = p.PartitionScanTasks(PartitionScanInput{FileSizesBytes: []int64{GiB}, NotSplittable: true,
		MinPartitionNum: 4})
	if r.SplitCount != 1 || r.TaskCount != 1 {
		t.Errorf("not splittable: %+v", r)
	}
	_, err = p.PartitionScanTasks(PartitionScanInput{FileSizesBytes: []int64{1}, FileSplittable: []bool{true, true}})
	wantErr(t, "flags per file", err, ErrInvalid, "file_splittable")
	_, err = p.PartitionScanTasks(PartitionScanInput{FileSizesBytes: []int64{-1}, MinPartitionNum: 4})
	wantErr(t, "negative size", err, ErrRange, "file_sizes_bytes")
	// maxPartitionNum 4 over ten 128 MiB files (minPartitionNum 4): ten
	// tasks at 128 MiB; 10 > 4, desired = ceil(10 * 132 MiB / 4) =
	// 346030080 B holds two splits (132 + 128 <= 330 MiB, 264 + 128 >
	// 330): 5 tasks
	ten := make([]int64, 10)
	for i := range ten {
		ten[i] = 128 * MiB
	}
	r, err = p.PartitionScanTasks(PartitionScanInput{FileSizesBytes: ten, MinPartitionNum: 4, MaxPartitionNum: 4})
	if err != nil || r.SizePackedTaskCount != 10 || r.RescaledSplitBytes != 346030080 || r.TaskCount != 5 ||
		r.Reason != PartitionReasonSplitMaxPartitionNum {
		t.Errorf("maxPartitionNum: %+v %v", r, err)
	}
	_, err = p.PartitionScanTasks(PartitionScanInput{FileSizesBytes: []int64{1}, MinPartitionNum: 4, MaxPartitionNum: -1})
	wantErr(t, "negative maxPartitionNum", err, ErrRange, "max_partition_num")
}

// aqe_spark_doc_example and aqe_skew.
func TestPartitionAQE(t *testing.T) {
	p := newPolicy(t)
	// ShufflePartitionsUtil's doc: [110,30,170,15,35] MiB with target 128
	// MiB gives [110], [30], [170], [15+35]: 4 partitions
	sizes := []int64{110 * MiB, 30 * MiB, 170 * MiB, 15 * MiB, 35 * MiB}
	r, err := p.PartitionAQE(PartitionAQEInput{PartitionSizesBytes: sizes, AdvisoryPartitionSizeBytes: 128 * MiB,
		ParallelismFirstDisabled: true})
	if err != nil {
		t.Fatal(err)
	}
	// parallelismFirst off: minNumPartitions 1, maxTarget 360 MiB,
	// target max(min(360, 128), 1) = 128 MiB
	if r.MinNumPartitions != 1 || r.TotalBytes != 360*MiB || r.TargetSizeBytes != 128*MiB ||
		r.CoalescedPartitionCount != 4 || r.Reason != PartitionReasonAQETargetAdvisory {
		t.Errorf("%+v", r)
	}
	// parallelism first, defaultParallelism 4: maxTarget ceil(360/4) =
	// 90 MiB < 128: target 90 MiB; still 4
	r, _ = p.PartitionAQE(PartitionAQEInput{PartitionSizesBytes: sizes, AdvisoryPartitionSizeBytes: 128 * MiB,
		DefaultParallelism: 4})
	if r.TargetSizeBytes != 90*MiB || r.Reason != PartitionReasonAQETargetParallelism || r.CoalescedPartitionCount != 4 {
		t.Errorf("%+v", r)
	}
	// median of 5 = 10 MiB; 300 > 10 * 5 and 300 > 256: skewed.  Split
	// target max(64, mean(10,10,10,10) = 10) = 64 MiB; 300 = 4 x 64 + 44;
	// 44 >= 0.2 * 64: 5 splits
	r, _ = p.PartitionAQE(PartitionAQEInput{PartitionSizesBytes: []int64{10 * MiB, 10 * MiB, 10 * MiB, 10 * MiB, 300 * MiB},
		ParallelismFirstDisabled: true})
	if r.MedianSizeBytes != 10*MiB || r.SkewedPartitionCount != 1 || r.SkewSplitTargetBytes != 64*MiB ||
		r.SkewSplitTaskCount != 5 || len(r.SplitCounts) != 5 || r.SplitCounts[0] != 1 || r.SplitCounts[4] != 5 {
		t.Errorf("skew: %+v", r)
	}
	// even count: median (100 + 100) / 2 = 100 MiB; 500 = 100 * 5 is not
	// > median * factor; one byte over is
	e := []int64{100 * MiB, 100 * MiB, 100 * MiB, 500 * MiB}
	r, _ = p.PartitionAQE(PartitionAQEInput{PartitionSizesBytes: e, ParallelismFirstDisabled: true})
	if r.SkewedPartitionCount != 0 {
		t.Errorf("edge: %+v", r)
	}
	e[3]++
	r, _ = p.PartitionAQE(PartitionAQEInput{PartitionSizesBytes: e, ParallelismFirstDisabled: true})
	if r.SkewedPartitionCount != 1 || r.SplitCounts[3] != 5 {
		t.Errorf("one over: %+v", r)
	}

	_, err = p.PartitionAQE(PartitionAQEInput{ParallelismFirstDisabled: true})
	wantErr(t, "no partitions", err, ErrRange, "partition_count")
	_, err = p.PartitionAQE(PartitionAQEInput{PartitionSizesBytes: []int64{MiB}})
	wantErr(t, "no parallelism", err, ErrInvalid, "default_parallelism")
	_, err = p.PartitionAQE(PartitionAQEInput{PartitionSizesBytes: []int64{MiB}, DefaultParallelism: 1 << 31})
	wantErr(t, "parallelism too large", err, ErrRange, "default_parallelism")
}

// render_properties.
func TestPartitionSparkProperties(t *testing.T) {
	p := newPolicy(t)
	a, err := p.AdvisePartitions(PartitionInput{DataSizeBytes: 200 * MiB})
	if err != nil {
		t.Fatal(err)
	}
	props, err := p.PartitionSparkProperties(a)
	if err != nil {
		t.Fatal(err)
	}
	want := []Property{
		{"spark.sql.shuffle.partitions", "2"}, // ecap-1: ceil(200 / 128) = 2
		// the advice's partition size, 200 MiB / 2 = 104857600 B
		{"spark.sql.files.maxPartitionBytes", "104857600"},
		{"spark.sql.adaptive.enabled", "true"},
		{"spark.sql.adaptive.coalescePartitions.enabled", "true"},
		{"spark.sql.adaptive.coalescePartitions.parallelismFirst", "false"},
		{"spark.sql.adaptive.advisoryPartitionSizeInBytes", "104857600"},
		{"spark.sql.adaptive.coalescePartitions.minPartitionSize", "1048576"},
		{"spark.sql.adaptive.skewJoin.enabled", "true"},
		{"spark.sql.adaptive.skewJoin.skewedPartitionFactor", "5"},
		{"spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", "268435456"},
	}
	if len(props) != len(want) {
		t.Fatalf("%d properties: %v", len(props), props)
	}
	for i := range want {
		if props[i] != want[i] {
			t.Errorf("property %d: %v; want %v", i, props[i], want[i])
		}
	}
	a.PartitionCount = 0
	_, err = p.PartitionSparkProperties(a)
	wantErr(t, "zero partitions", err, ErrRange, "partition_count")
}

func TestPartitionBadInput(t *testing.T) {
	p := newPolicy(t)
	_, err := p.AdvisePartitions(PartitionInput{DataSizeBytes: -1})
	wantErr(t, "negative size", err, ErrRange, "data_size_bytes")
	_, err = p.AdvisePartitions(PartitionInput{DataSizeBytes: PartitionMaxBytes + 1})
	wantErr(t, "huge size", err, ErrRange, "data_size_bytes")
	_, err = p.AdvisePartitions(PartitionInput{})
	if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrRange) {
		t.Errorf("no size: %v", err)
	}
}
