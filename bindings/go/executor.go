// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_executor_advise
#cgo nocallback ecap_executor_advise
#cgo noescape ecap_executor_spark_properties
#cgo nocallback ecap_executor_spark_properties
#cgo noescape ecap_spark_memory_regions
#cgo nocallback ecap_spark_memory_regions
#cgo noescape ecap_spark_platform_from_string
#cgo nocallback ecap_spark_platform_from_string
#cgo noescape ecap_spark_platform_to_string
#cgo nocallback ecap_spark_platform_to_string
*/
import "C"

// SparkMemoryRegions are Spark's memory regions of one executor heap
// (struct ecap_spark_memory_regions; UnifiedMemoryManager).
type SparkMemoryRegions struct {
	HeapBytes            uint64 // spark.executor.memory
	ReservedBytes        uint64 // policy spark.reserved_memory_mb (300 MiB)
	UsableBytes          uint64 // heap - reserved
	UnifiedBytes         uint64 // (long)(usable * spark.memory.fraction)
	StorageBytes         uint64 // (long)(unified * spark.memory.storageFraction)
	ExecutionBytes       uint64 // unified - storage
	UserBytes            uint64 // usable - unified
	MemoryFractionRatio  float64
	StorageFractionRatio float64
}

// SparkMemoryRegions splits a heap into Spark's regions with the policy's
// fractions (ecap_spark_memory_regions); the heap must be 450 MiB .. 1 TiB.
func (p *Policy) SparkMemoryRegions(heapBytes uint64) (SparkMemoryRegions, error) {
	r := initSized(new(C.struct_ecap_spark_memory_regions), C.sizeof_struct_ecap_spark_memory_regions)
	err := p.advise(func(cp *C.ecap_policy, ce *C.struct_ecap_error) C.int {
		return C.ecap_spark_memory_regions(cp, C.uint64_t(heapBytes), r, ce)
	})
	if err != nil {
		return SparkMemoryRegions{}, err
	}
	return SparkMemoryRegions{
		HeapBytes:            uint64(r.heap_bytes),
		ReservedBytes:        uint64(r.reserved_bytes),
		UsableBytes:          uint64(r.usable_bytes),
		UnifiedBytes:         uint64(r.unified_bytes),
		StorageBytes:         uint64(r.storage_bytes),
		ExecutionBytes:       uint64(r.execution_bytes),
		UserBytes:            uint64(r.user_bytes),
		MemoryFractionRatio:  float64(r.memory_fraction_ratio),
		StorageFractionRatio: float64(r.storage_fraction_ratio),
	}, nil
}

// SparkPlatform is the platform that runs the executors; it sets the
// default memory overhead factor (enum ecap_spark_platform).
type SparkPlatform int32

const (
	PlatformDefault          SparkPlatform = C.ECAP_SPARK_PLATFORM_DEFAULT            // policy executor.overhead_factor
	PlatformYARN             SparkPlatform = C.ECAP_SPARK_PLATFORM_YARN               // 0.10
	PlatformEMR              SparkPlatform = C.ECAP_SPARK_PLATFORM_EMR                // 0.1875
	PlatformKubernetes       SparkPlatform = C.ECAP_SPARK_PLATFORM_KUBERNETES         // 0.10
	PlatformKubernetesNonJVM SparkPlatform = C.ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM // 0.40
)

// String is "default", "yarn", "emr", "kubernetes" or "kubernetes-non-jvm".
func (pl SparkPlatform) String() string {
	return enumString(C.ecap_spark_platform_to_string(C.int32_t(pl)), "SparkPlatform", int32(pl))
}

// ParseSparkPlatform parses a platform name; ErrUnknownEnum if unknown.
func ParseSparkPlatform(name string) (SparkPlatform, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_spark_platform_from_string(cs, v, ce)
	})
	return SparkPlatform(v), err
}

// ExecutorReason says why the executor count is what it is (enum
// ecap_executor_reason).
type ExecutorReason int32

const (
	ExecutorReasonGuideFormula     ExecutorReason = C.ECAP_EXECUTOR_REASON_GUIDE_FORMULA
	ExecutorReasonGuideMemoryShort ExecutorReason = C.ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT
	ExecutorReasonGuideNoExecutors ExecutorReason = C.ECAP_EXECUTOR_REASON_GUIDE_NO_EXECUTORS
	ExecutorReasonMinExecutors     ExecutorReason = C.ECAP_EXECUTOR_REASON_MIN_EXECUTORS
	ExecutorReasonThroughput       ExecutorReason = C.ECAP_EXECUTOR_REASON_THROUGHPUT
	ExecutorReasonMemory           ExecutorReason = C.ECAP_EXECUTOR_REASON_MEMORY
	ExecutorReasonCapped           ExecutorReason = C.ECAP_EXECUTOR_REASON_CAPPED
	// ExecutorReasonCappedMemoryUnreachable: capped, and even the largest
	// heap cannot hold the memory needed (MemoryShortfallGB > 0).
	ExecutorReasonCappedMemoryUnreachable ExecutorReason = C.ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE
)

var executorReasonNames = map[ExecutorReason]string{
	ExecutorReasonGuideFormula:            "guide-formula",
	ExecutorReasonGuideMemoryShort:        "guide-memory-short",
	ExecutorReasonGuideNoExecutors:        "guide-no-executors",
	ExecutorReasonMinExecutors:            "min-executors",
	ExecutorReasonThroughput:              "throughput",
	ExecutorReasonMemory:                  "memory",
	ExecutorReasonCapped:                  "capped",
	ExecutorReasonCappedMemoryUnreachable: "capped-memory-unreachable",
}

// String names the reason, e.g. "capped".
func (r ExecutorReason) String() string { return enumName(executorReasonNames, r, "ExecutorReason") }

// ExecutorInput is a daily data volume to size executors for (struct
// ecap_executor_in).  Zero means "not given": the policy's value.
type ExecutorInput struct {
	DailyDataGB           float64       // required, > 0 .. 1073741824
	ProcessingWindowHours float64       // 0 = policy executor.processing_window_hours
	Platform              SparkPlatform // 0 = policy executor.overhead_factor
	OverheadFactor        float64       // 0 = from Platform
	MaxExecutorCount      int64         // 0 = policy executor.max_executors
	ExecutorCoreCount     int64         // 0 = policy executor.cores
	// Node shape, optional: NodeVCPUCount 0 = none; with a shape
	// NodeMemoryGB is required.
	NodeVCPUCount       int64
	NodeMemoryGB        float64
	NodeYARNMemoryGB    float64 // 0 = node memory - policy executor.node_reserved_memory_gb
	NodePriceUSDPerHour float64 // 0 = price executors with policy executor.price_usd_per_hour
}

// ExecutorAdvice is the executor sizing (struct ecap_executor_out).
type ExecutorAdvice struct {
	Model                       Model
	Reason                      ExecutorReason
	ReasonText                  string
	ExecutorCount               int64   // spark.executor.instances (guide: may be 0)
	ExecutorCoreCount           int64   // spark.executor.cores
	ExecutorHeapGB              float64 // spark.executor.memory in GB (may be fractional)
	ExecutorHeapBytes           uint64  // the same in bytes, whole MiB
	OverheadFactor              float64
	ExecutorOverheadBytes       uint64
	ExecutorContainerBytes      uint64
	MemoryReservedBytes         uint64
	MemoryUnifiedBytes          uint64
	MemoryStorageBytes          uint64
	MemoryExecutionBytes        uint64
	MemoryUserBytes             uint64
	MemoryFractionRatio         float64
	MemoryStorageFractionRatio  float64
	RequiredMemoryGB            float64
	TotalMemoryGB               float64
	MemoryShortfallGB           float64
	TotalContainerGB            float64
	NodeCount                   int64
	ExecutorsPerNodeCount       int64
	DynamicMinExecutorCount     int64
	DynamicInitialExecutorCount int64
	DynamicMaxExecutorCount     int64
	ProcessingWindowHours       float64
	TargetHours                 float64
	ProjectedHours              float64
	CostUSDPerHour              float64
	WindowCostUSD               float64
	ProjectedCostUSD            float64
	CappedByMaxExecutors        bool
	WindowMet                   bool
}

func (in ExecutorInput) c() *C.struct_ecap_executor_in {
	ci := initSized(new(C.struct_ecap_executor_in), C.sizeof_struct_ecap_executor_in)
	ci.daily_data_gb = C.double(in.DailyDataGB)
	ci.processing_window_hours = C.double(in.ProcessingWindowHours)
	ci.platform = C.int32_t(in.Platform)
	ci.overhead_factor = C.double(in.OverheadFactor)
	ci.max_executor_count = C.int64_t(in.MaxExecutorCount)
	ci.executor_core_count = C.int64_t(in.ExecutorCoreCount)
	ci.node_vcpu_count = C.int64_t(in.NodeVCPUCount)
	ci.node_memory_gb = C.double(in.NodeMemoryGB)
	ci.node_yarn_memory_gb = C.double(in.NodeYARNMemoryGB)
	ci.node_price_usd_per_hour = C.double(in.NodePriceUSDPerHour)
	return ci
}

func goExecutorAdvice(o *C.struct_ecap_executor_out) ExecutorAdvice {
	return ExecutorAdvice{
		Model:                       Model(o.model),
		Reason:                      ExecutorReason(o.reason),
		ReasonText:                  goChars(o.reason_text[:]),
		ExecutorCount:               int64(o.executor_count),
		ExecutorCoreCount:           int64(o.executor_core_count),
		ExecutorHeapGB:              float64(o.executor_heap_gb),
		ExecutorHeapBytes:           uint64(o.executor_heap_bytes),
		OverheadFactor:              float64(o.overhead_factor),
		ExecutorOverheadBytes:       uint64(o.executor_overhead_bytes),
		ExecutorContainerBytes:      uint64(o.executor_container_bytes),
		MemoryReservedBytes:         uint64(o.memory_reserved_bytes),
		MemoryUnifiedBytes:          uint64(o.memory_unified_bytes),
		MemoryStorageBytes:          uint64(o.memory_storage_bytes),
		MemoryExecutionBytes:        uint64(o.memory_execution_bytes),
		MemoryUserBytes:             uint64(o.memory_user_bytes),
		MemoryFractionRatio:         float64(o.memory_fraction_ratio),
		MemoryStorageFractionRatio:  float64(o.memory_storage_fraction_ratio),
		RequiredMemoryGB:            float64(o.required_memory_gb),
		TotalMemoryGB:               float64(o.total_memory_gb),
		MemoryShortfallGB:           float64(o.memory_shortfall_gb),
		TotalContainerGB:            float64(o.total_container_gb),
		NodeCount:                   int64(o.node_count),
		ExecutorsPerNodeCount:       int64(o.executors_per_node_count),
		DynamicMinExecutorCount:     int64(o.dynamic_min_executor_count),
		DynamicInitialExecutorCount: int64(o.dynamic_initial_executor_count),
		DynamicMaxExecutorCount:     int64(o.dynamic_max_executor_count),
		ProcessingWindowHours:       float64(o.processing_window_hours),
		TargetHours:                 float64(o.target_hours),
		ProjectedHours:              float64(o.projected_hours),
		CostUSDPerHour:              float64(o.cost_usd_per_hour),
		WindowCostUSD:               float64(o.window_cost_usd),
		ProjectedCostUSD:            float64(o.projected_cost_usd),
		CappedByMaxExecutors:        goBool(o.capped_by_max_executors),
		WindowMet:                   goBool(o.window_met),
	}
}

// c converts an advice back for ecap_executor_spark_properties.
func (a ExecutorAdvice) c() (*C.struct_ecap_executor_out, error) {
	o := initSized(new(C.struct_ecap_executor_out), C.sizeof_struct_ecap_executor_out)
	o.model = C.int32_t(a.Model)
	o.reason = C.int32_t(a.Reason)
	if err := setChars(o.reason_text[:], a.ReasonText, "reason_text"); err != nil {
		return nil, err
	}
	o.executor_count = C.int64_t(a.ExecutorCount)
	o.executor_core_count = C.int64_t(a.ExecutorCoreCount)
	o.executor_heap_gb = C.double(a.ExecutorHeapGB)
	o.executor_heap_bytes = C.uint64_t(a.ExecutorHeapBytes)
	o.overhead_factor = C.double(a.OverheadFactor)
	o.executor_overhead_bytes = C.uint64_t(a.ExecutorOverheadBytes)
	o.executor_container_bytes = C.uint64_t(a.ExecutorContainerBytes)
	o.memory_reserved_bytes = C.uint64_t(a.MemoryReservedBytes)
	o.memory_unified_bytes = C.uint64_t(a.MemoryUnifiedBytes)
	o.memory_storage_bytes = C.uint64_t(a.MemoryStorageBytes)
	o.memory_execution_bytes = C.uint64_t(a.MemoryExecutionBytes)
	o.memory_user_bytes = C.uint64_t(a.MemoryUserBytes)
	o.memory_fraction_ratio = C.double(a.MemoryFractionRatio)
	o.memory_storage_fraction_ratio = C.double(a.MemoryStorageFractionRatio)
	o.required_memory_gb = C.double(a.RequiredMemoryGB)
	o.total_memory_gb = C.double(a.TotalMemoryGB)
	o.memory_shortfall_gb = C.double(a.MemoryShortfallGB)
	o.total_container_gb = C.double(a.TotalContainerGB)
	o.node_count = C.int64_t(a.NodeCount)
	o.executors_per_node_count = C.int64_t(a.ExecutorsPerNodeCount)
	o.dynamic_min_executor_count = C.int64_t(a.DynamicMinExecutorCount)
	o.dynamic_initial_executor_count = C.int64_t(a.DynamicInitialExecutorCount)
	o.dynamic_max_executor_count = C.int64_t(a.DynamicMaxExecutorCount)
	o.processing_window_hours = C.double(a.ProcessingWindowHours)
	o.target_hours = C.double(a.TargetHours)
	o.projected_hours = C.double(a.ProjectedHours)
	o.cost_usd_per_hour = C.double(a.CostUSDPerHour)
	o.window_cost_usd = C.double(a.WindowCostUSD)
	o.projected_cost_usd = C.double(a.ProjectedCostUSD)
	o.capped_by_max_executors = cBool(a.CappedByMaxExecutors)
	o.window_met = cBool(a.WindowMet)
	return o, nil
}

// AdviseExecutor sizes executors for a daily data volume
// (ecap_executor_advise: the guide's calculate_spark_resources, or ecap-1).
func (p *Policy) AdviseExecutor(in ExecutorInput) (ExecutorAdvice, error) {
	ci := in.c()
	out := initSized(new(C.struct_ecap_executor_out), C.sizeof_struct_ecap_executor_out)
	err := p.advise(func(cp *C.ecap_policy, ce *C.struct_ecap_error) C.int {
		return C.ecap_executor_advise(cp, ci, out, ce)
	})
	if err != nil {
		return ExecutorAdvice{}, err
	}
	return goExecutorAdvice(out), nil
}

// SparkProperties renders the advice as Spark properties: executor size,
// memory fraction, dynamic allocation and the guide's AQE, Kryo and Arrow
// settings (ecap_executor_spark_properties).  A zero ExecutorAdvice is
// not an advice (ErrInvalid, field "model").
func (a ExecutorAdvice) SparkProperties() ([]Property, error) {
	o, err := a.c()
	if err != nil {
		return nil, err
	}
	return callProps(func(arr *C.struct_ecap_property, n *C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_executor_spark_properties(o, arr, n, ce)
	})
}
