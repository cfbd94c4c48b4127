// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <stdlib.h>
#include <ecaptune.h>
#cgo noescape ecap_partition_action_from_string
#cgo nocallback ecap_partition_action_from_string
#cgo noescape ecap_partition_action_to_string
#cgo nocallback ecap_partition_action_to_string
#cgo noescape ecap_partition_aqe_explain
#cgo nocallback ecap_partition_aqe_explain
#cgo noescape ecap_partition_explain
#cgo nocallback ecap_partition_explain
#cgo noescape ecap_partition_reason_from_string
#cgo nocallback ecap_partition_reason_from_string
#cgo noescape ecap_partition_reason_to_string
#cgo nocallback ecap_partition_reason_to_string
#cgo noescape ecap_partition_scan_explain
#cgo nocallback ecap_partition_scan_explain
#cgo noescape ecap_partition_spark_properties
#cgo nocallback ecap_partition_spark_properties
#cgo noescape ecap_go_partition_aqe
#cgo nocallback ecap_go_partition_aqe
#cgo noescape ecap_go_partition_advise
#cgo nocallback ecap_go_partition_advise
#cgo noescape ecap_go_partition_scan_tasks
#cgo nocallback ecap_go_partition_scan_tasks

// ecap_partition_advise for adviseLean: the handle and the input struct
// (whose file listing is C memory) as byte pointers, which cgo does not
// inspect.
static int
ecap_go_partition_advise(const char *policy, const char *in,
			 struct ecap_partition_out *out, struct ecap_error *err)
{
	return ecap_partition_advise((const ecap_policy *)(const void *)policy,
				     (const struct ecap_partition_in *)(const void *)in,
				     out, err);
}

// ecap_partition_scan_tasks for adviseLean, as ecap_go_partition_advise
// (the listing and its flags are C memory).
static int
ecap_go_partition_scan_tasks(const char *policy, const char *in,
			     struct ecap_partition_scan_out *out,
			     struct ecap_error *err)
{
	return ecap_partition_scan_tasks((const ecap_policy *)(const void *)policy,
					 (const struct ecap_partition_scan_in *)(const void *)in,
					 out, err);
}

// ecap_partition_aqe for adviseLean, as ecap_go_partition_advise (the
// sizes are C memory; the split counts go straight into the Go result,
// memory without pointers that C does not keep).
static int
ecap_go_partition_aqe(const char *policy, const char *in,
		      struct ecap_partition_aqe_out *out, int64_t *split_counts,
		      size_t *count, struct ecap_error *err)
{
	return ecap_partition_aqe((const ecap_policy *)(const void *)policy,
				  (const struct ecap_partition_aqe_in *)(const void *)in,
				  out, split_counts, count, err);
}
*/
import "C"

import "unsafe"

// Limits of the partition functions.
const (
	// PartitionMaxBytes is ECAP_PARTITION_MAX_BYTES: 1 EiB: largest data size.
	PartitionMaxBytes = 1152921504606846976
	// PartitionMaxCount is ECAP_PARTITION_MAX_COUNT: largest file or partition count.
	PartitionMaxCount = 10000000
)

// PartitionAction is what to do with a DataFrame's partitions (enum
// ecap_partition_action).
type PartitionAction int32

const (
	// PartitionKeep is ECAP_PARTITION_ACTION_KEEP: already the advised count.
	PartitionKeep PartitionAction = 1
	// PartitionCoalesce is ECAP_PARTITION_ACTION_COALESCE: df.coalesce(n): fewer, no shuffle.
	PartitionCoalesce PartitionAction = 2
	// PartitionRepartition is ECAP_PARTITION_ACTION_REPARTITION: df.repartition(n): with a shuffle.
	PartitionRepartition PartitionAction = 3
)

// String is "keep", "coalesce" or "repartition".
func (a PartitionAction) String() string {
	return enumString(C.ecap_partition_action_to_string(C.int32_t(a)), "PartitionAction", int32(a))
}

// ParsePartitionAction parses an action name; ErrUnknownEnum if unknown.
func ParsePartitionAction(name string) (PartitionAction, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_partition_action_from_string(cs, v, ce)
	})
	return PartitionAction(v), err
}

// PartitionReason is the rule that decided a partition result (enum
// ecap_partition_reason; pinned values).
type PartitionReason int32

const (
	// PartitionReasonGuideCoalesce is ECAP_PARTITION_REASON_GUIDE_COALESCE.
	PartitionReasonGuideCoalesce PartitionReason = 1
	// PartitionReasonGuideCoalesceNoop is ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP.
	PartitionReasonGuideCoalesceNoop PartitionReason = 2
	// PartitionReasonKeep is ECAP_PARTITION_REASON_KEEP.
	PartitionReasonKeep PartitionReason = 3
	// PartitionReasonCoalesce is ECAP_PARTITION_REASON_COALESCE.
	PartitionReasonCoalesce PartitionReason = 4
	// PartitionReasonRepartition is ECAP_PARTITION_REASON_REPARTITION.
	PartitionReasonRepartition PartitionReason = 5
	// PartitionReasonRepartitionCurrentUnknown is ECAP_PARTITION_REASON_REPARTITION_CURRENT_UNKNOWN.
	PartitionReasonRepartitionCurrentUnknown PartitionReason = 6
	// PartitionReasonKeepScan is ECAP_PARTITION_REASON_KEEP_SCAN.
	PartitionReasonKeepScan PartitionReason = 7
	// PartitionReasonCoalesceScan is ECAP_PARTITION_REASON_COALESCE_SCAN.
	PartitionReasonCoalesceScan PartitionReason = 8
	// PartitionReasonRepartitionScan is ECAP_PARTITION_REASON_REPARTITION_SCAN.
	PartitionReasonRepartitionScan PartitionReason = 9
	// PartitionReasonKeepNearTarget is ECAP_PARTITION_REASON_KEEP_NEAR_TARGET.
	PartitionReasonKeepNearTarget PartitionReason = 10
	// PartitionReasonMaxCount is ECAP_PARTITION_REASON_MAX_COUNT.
	PartitionReasonMaxCount PartitionReason = 11
	// PartitionReasonSplitMaxPartitionBytes is ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_BYTES.
	PartitionReasonSplitMaxPartitionBytes PartitionReason = 20
	// PartitionReasonSplitOpenCost is ECAP_PARTITION_REASON_SPLIT_OPEN_COST.
	PartitionReasonSplitOpenCost PartitionReason = 21
	// PartitionReasonSplitBytesPerCore is ECAP_PARTITION_REASON_SPLIT_BYTES_PER_CORE.
	PartitionReasonSplitBytesPerCore PartitionReason = 22
	// PartitionReasonSplitNoFiles is ECAP_PARTITION_REASON_SPLIT_NO_FILES.
	PartitionReasonSplitNoFiles PartitionReason = 23
	// PartitionReasonSplitMaxPartitionNum is ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_NUM.
	PartitionReasonSplitMaxPartitionNum PartitionReason = 24
	// PartitionReasonAQETargetAdvisory is ECAP_PARTITION_REASON_AQE_TARGET_ADVISORY.
	PartitionReasonAQETargetAdvisory PartitionReason = 40
	// PartitionReasonAQETargetParallelism is ECAP_PARTITION_REASON_AQE_TARGET_PARALLELISM.
	PartitionReasonAQETargetParallelism PartitionReason = 41
	// PartitionReasonAQETargetMinSize is ECAP_PARTITION_REASON_AQE_TARGET_MIN_SIZE.
	PartitionReasonAQETargetMinSize PartitionReason = 42
)

// String names the reason, e.g. "guide-coalesce".
func (r PartitionReason) String() string {
	return enumString(C.ecap_partition_reason_to_string(C.int32_t(r)), "PartitionReason", int32(r))
}

// ParsePartitionReason parses a reason name; ErrUnknownEnum if unknown.
func ParsePartitionReason(name string) (PartitionReason, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_partition_reason_from_string(cs, v, ce)
	})
	return PartitionReason(v), err
}

// PartitionInput describes a DataFrame to partition (struct
// ecap_partition_in).  Zero means "not given".
type PartitionInput struct {
	DataSizeBytes         int64 // 1 .. PartitionMaxBytes; 0 = RowCount * AvgRowBytes, else the files'
	RowCount              int64 // used when DataSizeBytes is 0
	AvgRowBytes           int64 // used when DataSizeBytes is 0
	CurrentPartitionCount int64 // 0 = unknown
	TotalExecutorCores    int64 // ecap-1 parallelism floor (needed with files); 0 = unknown
	// The files the data is read from: a listing, or nil and FileCount
	// files of FileSizeBytes each (0 = the data size spread evenly).
	// ecap-1 predicts the scan's count from them when the current count
	// is unknown.
	FileSizesBytes     []int64
	FileCount          int64 // ignored when FileSizesBytes is given
	FileSizeBytes      int64
	FilesNotSplittable bool // gzip and other non-splittable files
}

// PartitionAdvice is the advised partition count and action (struct
// ecap_partition_out).  Explain gives the sentence.
type PartitionAdvice struct {
	Model                   Model
	Reason                  PartitionReason
	Action                  PartitionAction
	DataSizeBytes           int64 // the data size used
	PartitionCount          int64 // the count the action asks for
	EffectivePartitionCount int64 // partitions after the action as Spark runs it
	BytesPerPartition       int64 // ceil(DataSizeBytes / EffectivePartitionCount)
	ParallelismFloorCount   int64 // ecap-1: min(CoreTaskCount, MinSizePartitionCount)
	TargetSizeBytes         int64 // partition.target_size_mb in bytes
	SizePartitionCount      int64 // ecap-1: ceil(DataSizeBytes / TargetSizeBytes)
	CoreTaskCount           int64 // ecap-1: cores * partition.min_tasks_per_core
	MinPartitionSizeBytes   int64 // ecap-1: AQE's minimum partition size
	MinSizePartitionCount   int64 // ecap-1: DataSizeBytes / MinPartitionSizeBytes
	CurrentPartitionCount   int64 // the count compared against (given, or ScanTaskCount)
	ScanTaskCount           int64 // ecap-1: scan tasks predicted for the files; 0 = none
	SplitSizeBytes          int64 // ecap-1: ceil(DataSizeBytes / PartitionCount), the rendered advisory size and, up to TargetSizeBytes, file split
}

// c fills the caller's struct (on its stack: no allocation) and returns
// the C copy of the file listing, which the caller frees (nil when none).
func (in *PartitionInput) c(ci *C.struct_ecap_partition_in) (listing *C.int64_t) {
	initSized(ci, C.sizeof_struct_ecap_partition_in)
	ci.data_size_bytes = C.int64_t(in.DataSizeBytes)
	ci.row_count = C.int64_t(in.RowCount)
	ci.avg_row_bytes = C.int64_t(in.AvgRowBytes)
	ci.current_partition_count = C.int64_t(in.CurrentPartitionCount)
	ci.total_executor_cores = C.int64_t(in.TotalExecutorCores)
	ci.file_count = C.int64_t(in.FileCount)
	ci.file_size_bytes = C.int64_t(in.FileSizeBytes)
	ci.files_not_splittable = cBool(in.FilesNotSplittable)
	if in.FileSizesBytes != nil {
		listing = cInt64s(in.FileSizesBytes)
		ci.file_sizes_bytes = listing
		ci.file_count = C.int64_t(len(in.FileSizesBytes))
	}
	return listing
}

// fromC fills a from the C advice, field by field in place (a returned
// composite literal costs a copy through a stalled store).
func (a *PartitionAdvice) fromC(o *C.struct_ecap_partition_out) {
	a.Model = Model(o.model)
	a.Reason = PartitionReason(o.reason)
	a.Action = PartitionAction(o.action)
	a.DataSizeBytes = int64(o.data_size_bytes)
	a.PartitionCount = int64(o.partition_count)
	a.EffectivePartitionCount = int64(o.effective_partition_count)
	a.BytesPerPartition = int64(o.bytes_per_partition)
	a.ParallelismFloorCount = int64(o.parallelism_floor_count)
	a.TargetSizeBytes = int64(o.target_size_bytes)
	a.SizePartitionCount = int64(o.size_partition_count)
	a.CoreTaskCount = int64(o.core_task_count)
	a.MinPartitionSizeBytes = int64(o.min_partition_size_bytes)
	a.MinSizePartitionCount = int64(o.min_size_partition_count)
	a.CurrentPartitionCount = int64(o.current_partition_count)
	a.ScanTaskCount = int64(o.scan_task_count)
	a.SplitSizeBytes = int64(o.split_size_bytes)
}

// c converts an advice back for ecap_partition_spark_properties and
// ecap_partition_explain.
func (a PartitionAdvice) c() *C.struct_ecap_partition_out {
	o := initSized(new(C.struct_ecap_partition_out), C.sizeof_struct_ecap_partition_out)
	o.model = C.int32_t(a.Model)
	o.reason = C.int32_t(a.Reason)
	o.action = C.int32_t(a.Action)
	o.data_size_bytes = C.int64_t(a.DataSizeBytes)
	o.partition_count = C.int64_t(a.PartitionCount)
	o.effective_partition_count = C.int64_t(a.EffectivePartitionCount)
	o.bytes_per_partition = C.int64_t(a.BytesPerPartition)
	o.parallelism_floor_count = C.int64_t(a.ParallelismFloorCount)
	o.target_size_bytes = C.int64_t(a.TargetSizeBytes)
	o.size_partition_count = C.int64_t(a.SizePartitionCount)
	o.core_task_count = C.int64_t(a.CoreTaskCount)
	o.min_partition_size_bytes = C.int64_t(a.MinPartitionSizeBytes)
	o.min_size_partition_count = C.int64_t(a.MinSizePartitionCount)
	o.current_partition_count = C.int64_t(a.CurrentPartitionCount)
	o.scan_task_count = C.int64_t(a.ScanTaskCount)
	o.split_size_bytes = C.int64_t(a.SplitSizeBytes)
	return o
}

// Explain is one sentence naming the rule and numbers that decided the
// advice (ecap_partition_explain), formatted when asked for.
func (a PartitionAdvice) Explain() (string, error) {
	o := a.c()
	return callExplain(func(buf *C.char, n C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_partition_explain(o, buf, n, ce)
	})
}

// AdvisePartitions advises a partition count and the action to reach it
// from the data size (ecap_partition_advise).
func (p *Policy) AdvisePartitions(in PartitionInput) (a PartitionAdvice, err error) {
	var ci C.struct_ecap_partition_in
	var out C.struct_ecap_partition_out
	if listing := in.c(&ci); listing != nil {
		defer C.free(unsafe.Pointer(listing))
	}
	initSized(&out, C.sizeof_struct_ecap_partition_out)
	err = p.adviseLean(func(cp *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_go_partition_advise(cp, cBytes(unsafe.Pointer(&ci)), &out, ce)
	})
	if err == nil {
		a.fromC(&out)
	}
	return a, err
}

// PartitionSparkProperties renders the Spark properties that realise an
// advice: shuffle partitions, file split size, AQE coalescing and skew
// join settings (ecap-1: split and advisory size SplitSizeBytes,
// parallelismFirst false) (ecap_partition_spark_properties).
func (p *Policy) PartitionSparkProperties(a PartitionAdvice) ([]Property, error) {
	o := a.c()
	var props []Property
	err := p.read(func(cp *C.ecap_policy) error {
		var err error
		props, err = callProps(func(arr *C.struct_ecap_property, n *C.size_t, ce *C.struct_ecap_error) C.int {
			return C.ecap_partition_spark_properties(cp, o, arr, n, ce)
		})
		return err
	})
	return props, err
}

// PartitionScanInput is a file listing to be scanned (struct
// ecap_partition_scan_in).
type PartitionScanInput struct {
	FileSizesBytes []int64 // each 0 .. PartitionMaxBytes; empty files are dropped
	// Per-file splittable flags; nil = every file follows NotSplittable.  If
	// given, one per file.
	FileSplittable     []bool
	NotSplittable      bool  // files cannot be split (gzip); false: Parquet, ORC, text
	MaxPartitionBytes  int64 // spark.sql.files.maxPartitionBytes; 0 = 128 MiB
	OpenCostBytes      int64 // spark.sql.files.openCostInBytes; 0 = 4 MiB
	MinPartitionNum    int64 // 0 = max(TotalExecutorCores, 2)
	TotalExecutorCores int64 // used when MinPartitionNum is 0
	MaxPartitionNum    int64 // spark.sql.files.maxPartitionNum (Spark 3.5+); 0 = unset
}

// PartitionScanResult is the scan-task prediction (struct
// ecap_partition_scan_out).  Explain gives the sentence.
type PartitionScanResult struct {
	Model             Model
	Reason            PartitionReason // which bound set MaxSplitBytes
	TaskCount         int64           // FilePartitions Spark creates
	SplitCount        int64           // PartitionedFiles packed into them
	MaxSplitBytes     int64           // min(maxPartitionBytes, max(openCost, bytesPerCore))
	TotalBytes        int64           // sum of (size + openCost) over non-empty files
	BytesPerCore      int64           // TotalBytes / MinPartitionNum
	MinPartitionNum   int64           // the minPartitionNum used
	MaxPartitionBytes int64           // the maxPartitionBytes used
	OpenCostBytes     int64           // the openCostInBytes used
	MaxPartitionNum   int64           // the given maxPartitionNum; 0 = unset
	// Tasks of the packing by MaxSplitBytes, before any maxPartitionNum rescale
	SizePackedTaskCount int64
	RescaledSplitBytes  int64 // the rescale's desiredSplitBytes; 0 = none
}

// Explain is one sentence naming the bound and numbers of the prediction
// (ecap_partition_scan_explain).
func (r PartitionScanResult) Explain() (string, error) {
	o := initSized(new(C.struct_ecap_partition_scan_out), C.sizeof_struct_ecap_partition_scan_out)
	o.model = C.int32_t(r.Model)
	o.reason = C.int32_t(r.Reason)
	o.task_count = C.int64_t(r.TaskCount)
	o.split_count = C.int64_t(r.SplitCount)
	o.max_split_bytes = C.int64_t(r.MaxSplitBytes)
	o.total_bytes = C.int64_t(r.TotalBytes)
	o.bytes_per_core = C.int64_t(r.BytesPerCore)
	o.min_partition_num = C.int64_t(r.MinPartitionNum)
	o.max_partition_bytes = C.int64_t(r.MaxPartitionBytes)
	o.open_cost_bytes = C.int64_t(r.OpenCostBytes)
	o.max_partition_num = C.int64_t(r.MaxPartitionNum)
	o.size_packed_task_count = C.int64_t(r.SizePackedTaskCount)
	o.rescaled_split_bytes = C.int64_t(r.RescaledSplitBytes)
	return callExplain(func(buf *C.char, n C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_partition_scan_explain(o, buf, n, ce)
	})
}

// PartitionScanTasks predicts the scan tasks Spark creates for a file
// listing (ecap_partition_scan_tasks).
func (p *Policy) PartitionScanTasks(in PartitionScanInput) (PartitionScanResult, error) {
	if in.FileSplittable != nil && len(in.FileSplittable) != len(in.FileSizesBytes) {
		return PartitionScanResult{}, goFail(ErrInvalid, "file_splittable",
			"file_splittable has %d flags for %d files", len(in.FileSplittable), len(in.FileSizesBytes))
	}
	var ci C.struct_ecap_partition_scan_in
	var out C.struct_ecap_partition_scan_out
	initSized(&ci, C.sizeof_struct_ecap_partition_scan_in)
	sizes := cInt64s(in.FileSizesBytes)
	defer C.free(unsafe.Pointer(sizes))
	flags := cBools(in.FileSplittable)
	defer C.free(unsafe.Pointer(flags))
	ci.file_sizes_bytes = sizes
	ci.file_splittable = flags
	ci.file_count = C.int64_t(len(in.FileSizesBytes))
	ci.not_splittable = cBool(in.NotSplittable)
	ci.max_partition_bytes = C.int64_t(in.MaxPartitionBytes)
	ci.open_cost_bytes = C.int64_t(in.OpenCostBytes)
	ci.min_partition_num = C.int64_t(in.MinPartitionNum)
	ci.total_executor_cores = C.int64_t(in.TotalExecutorCores)
	ci.max_partition_num = C.int64_t(in.MaxPartitionNum)
	initSized(&out, C.sizeof_struct_ecap_partition_scan_out)
	err := p.adviseLean(func(cp *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_go_partition_scan_tasks(cp, cBytes(unsafe.Pointer(&ci)), &out, ce)
	})
	if err != nil {
		return PartitionScanResult{}, err
	}
	return PartitionScanResult{
		Model:           Model(out.model),
		Reason:          PartitionReason(out.reason),
		TaskCount:       int64(out.task_count),
		SplitCount:      int64(out.split_count),
		MaxSplitBytes:   int64(out.max_split_bytes),
		TotalBytes:      int64(out.total_bytes),
		BytesPerCore:    int64(out.bytes_per_core),
		MinPartitionNum: int64(out.min_partition_num),

		MaxPartitionBytes:   int64(out.max_partition_bytes),
		OpenCostBytes:       int64(out.open_cost_bytes),
		MaxPartitionNum:     int64(out.max_partition_num),
		SizePackedTaskCount: int64(out.size_packed_task_count),
		RescaledSplitBytes:  int64(out.rescaled_split_bytes),
	}, nil
}

// PartitionAQEInput is the partition sizes of one shuffle (struct
// ecap_partition_aqe_in).
type PartitionAQEInput struct {
	PartitionSizesBytes []int64 // 1 .. PartitionMaxCount sizes, each 0 .. PartitionMaxBytes
	// spark.sql.adaptive.advisoryPartitionSizeInBytes; 0 = policy
	// aqe.advisory_partition_size_mb.
	AdvisoryPartitionSizeBytes int64
	// spark.sql.adaptive.coalescePartitions.minPartitionSize; 0 = policy
	// aqe.min_partition_size_mb.
	MinPartitionSizeBytes int64
	// true = spark.sql.adaptive.coalescePartitions.parallelismFirst=false.
	ParallelismFirstDisabled bool
	DefaultParallelism       int64 // 0 = max(TotalExecutorCores, 2)
	TotalExecutorCores       int64
}

// PartitionAQEResult is AQE's predicted coalescing and skew handling
// (struct ecap_partition_aqe_out, plus the split count per partition).
type PartitionAQEResult struct {
	Model                   Model
	Reason                  PartitionReason // which bound set TargetSizeBytes
	CoalescedPartitionCount int64
	TargetSizeBytes         int64
	MaxTargetSizeBytes      int64
	MinNumPartitions        int64
	TotalBytes              int64
	MedianSizeBytes         int64
	SkewedPartitionCount    int64
	SkewSplitTargetBytes    int64
	SkewSplitTaskCount      int64
	PartitionCount          int64 // the input partitions
	// The advisory and minimum partition sizes used.
	AdvisoryPartitionSizeBytes int64
	MinPartitionSizeBytes      int64
	// One split count per input partition (1 = not split).
	SplitCounts []int64
}

// Explain is one sentence naming the target rule and numbers of the
// prediction (ecap_partition_aqe_explain).
func (r PartitionAQEResult) Explain() (string, error) {
	o := initSized(new(C.struct_ecap_partition_aqe_out), C.sizeof_struct_ecap_partition_aqe_out)
	o.model = C.int32_t(r.Model)
	o.reason = C.int32_t(r.Reason)
	o.coalesced_partition_count = C.int64_t(r.CoalescedPartitionCount)
	o.target_size_bytes = C.int64_t(r.TargetSizeBytes)
	o.max_target_size_bytes = C.int64_t(r.MaxTargetSizeBytes)
	o.min_num_partitions = C.int64_t(r.MinNumPartitions)
	o.total_bytes = C.int64_t(r.TotalBytes)
	o.median_size_bytes = C.int64_t(r.MedianSizeBytes)
	o.skewed_partition_count = C.int64_t(r.SkewedPartitionCount)
	o.skew_split_target_bytes = C.int64_t(r.SkewSplitTargetBytes)
	o.skew_split_task_count = C.int64_t(r.SkewSplitTaskCount)
	o.partition_count = C.int64_t(r.PartitionCount)
	o.advisory_partition_size_bytes = C.int64_t(r.AdvisoryPartitionSizeBytes)
	o.min_partition_size_bytes = C.int64_t(r.MinPartitionSizeBytes)
	return callExplain(func(buf *C.char, n C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_partition_aqe_explain(o, buf, n, ce)
	})
}

// PartitionAQE predicts AQE's post-shuffle coalescing and its skewed
// partitions (ecap_partition_aqe).
func (p *Policy) PartitionAQE(in PartitionAQEInput) (PartitionAQEResult, error) {
	n := len(in.PartitionSizesBytes)
	var ci C.struct_ecap_partition_aqe_in
	var out C.struct_ecap_partition_aqe_out
	initSized(&ci, C.sizeof_struct_ecap_partition_aqe_in)
	sizes := cInt64s(in.PartitionSizesBytes)
	defer C.free(unsafe.Pointer(sizes))
	ci.partition_sizes_bytes = sizes
	ci.partition_count = C.int64_t(n)
	ci.advisory_partition_size_bytes = C.int64_t(in.AdvisoryPartitionSizeBytes)
	ci.min_partition_size_bytes = C.int64_t(in.MinPartitionSizeBytes)
	ci.parallelism_first_disabled = cBool(in.ParallelismFirstDisabled)
	ci.default_parallelism = C.int64_t(in.DefaultParallelism)
	ci.total_executor_cores = C.int64_t(in.TotalExecutorCores)
	initSized(&out, C.sizeof_struct_ecap_partition_aqe_out)
	// C writes the split counts straight into the result's slice, one per
	// input partition: the call's only allocation.
	var splits []int64
	var splitp *C.int64_t
	count := C.size_t(n)
	countp := &count
	if n > 0 {
		splits = make([]int64, n)
		splitp = (*C.int64_t)(unsafe.Pointer(&splits[0]))
	} else {
		countp = nil
	}
	err := p.adviseLean(func(cp *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_go_partition_aqe(cp, cBytes(unsafe.Pointer(&ci)), &out, splitp, countp, ce)
	})
	if err != nil {
		return PartitionAQEResult{}, err
	}
	r := PartitionAQEResult{
		Model:                   Model(out.model),
		Reason:                  PartitionReason(out.reason),
		CoalescedPartitionCount: int64(out.coalesced_partition_count),
		TargetSizeBytes:         int64(out.target_size_bytes),
		MaxTargetSizeBytes:      int64(out.max_target_size_bytes),
		MinNumPartitions:        int64(out.min_num_partitions),
		TotalBytes:              int64(out.total_bytes),
		MedianSizeBytes:         int64(out.median_size_bytes),
		SkewedPartitionCount:    int64(out.skewed_partition_count),
		SkewSplitTargetBytes:    int64(out.skew_split_target_bytes),
		SkewSplitTaskCount:      int64(out.skew_split_task_count),
		PartitionCount:          int64(out.partition_count),

		AdvisoryPartitionSizeBytes: int64(out.advisory_partition_size_bytes),
		MinPartitionSizeBytes:      int64(out.min_partition_size_bytes),
	}
	if splits != nil {
		r.SplitCounts = splits[:min(int(count), n):min(int(count), n)]
	}
	return r, nil
}
