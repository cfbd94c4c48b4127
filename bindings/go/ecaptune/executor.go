// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_executor_explain
#cgo nocallback ecap_executor_explain
#cgo noescape ecap_executor_node_reason_from_string
#cgo nocallback ecap_executor_node_reason_from_string
#cgo noescape ecap_executor_node_reason_to_string
#cgo nocallback ecap_executor_node_reason_to_string
#cgo noescape ecap_executor_reason_from_string
#cgo nocallback ecap_executor_reason_from_string
#cgo noescape ecap_executor_reason_to_string
#cgo nocallback ecap_executor_reason_to_string
#cgo noescape ecap_executor_spark_properties
#cgo nocallback ecap_executor_spark_properties
#cgo noescape ecap_spark_memory_regions
#cgo nocallback ecap_spark_memory_regions
#cgo noescape ecap_spark_platform_from_string
#cgo nocallback ecap_spark_platform_from_string
#cgo noescape ecap_spark_platform_to_string
#cgo nocallback ecap_spark_platform_to_string
#cgo noescape ecap_go_executor_advise
#cgo nocallback ecap_go_executor_advise

// ecap_executor_advise for adviseLean: the handle as a byte pointer, which
// cgo does not inspect.
static int
ecap_go_executor_advise(const char *policy, const struct ecap_executor_in *in,
                        struct ecap_executor_out *out, struct ecap_error *err)
{
	return ecap_executor_advise((const ecap_policy *)(const void *)policy, in, out, err);
}
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
	// PlatformDefault is ECAP_SPARK_PLATFORM_DEFAULT: policy executor.overhead_factor.
	PlatformDefault SparkPlatform = 0
	// PlatformYARN is ECAP_SPARK_PLATFORM_YARN: 0.10.
	PlatformYARN SparkPlatform = 1
	// PlatformEMR is ECAP_SPARK_PLATFORM_EMR: 0.1875.
	PlatformEMR SparkPlatform = 2
	// PlatformKubernetes is ECAP_SPARK_PLATFORM_KUBERNETES: 0.10.
	PlatformKubernetes SparkPlatform = 3
	// PlatformKubernetesNonJVM is ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM: 0.40.
	PlatformKubernetesNonJVM SparkPlatform = 4
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
// ecap_executor_reason); Explain says it in a sentence.
type ExecutorReason int32

const (
	// ExecutorReasonGuideFormula is ECAP_EXECUTOR_REASON_GUIDE_FORMULA.
	ExecutorReasonGuideFormula ExecutorReason = 1
	// ExecutorReasonGuideMemoryShort is ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT.
	ExecutorReasonGuideMemoryShort ExecutorReason = 2
	// ExecutorReasonGuideNoExecutors is ECAP_EXECUTOR_REASON_GUIDE_NO_EXECUTORS.
	ExecutorReasonGuideNoExecutors ExecutorReason = 3
	// ecap-1: the floor executor.min_executors covers the work.
	// C: ECAP_EXECUTOR_REASON_MIN_EXECUTORS.
	ExecutorReasonMinExecutors ExecutorReason = 10
	// ecap-1: the cores the window needs decided.
	// C: ECAP_EXECUTOR_REASON_THROUGHPUT.
	ExecutorReasonThroughput ExecutorReason = 11
	// ecap-1: the caller's MaxExecutorCount held the count; the run takes
	// ProjectedHours.
	// C: ECAP_EXECUTOR_REASON_CAPPED.
	ExecutorReasonCapped ExecutorReason = 13
	// ecap-1: more executors than executor.max_executors; advised and
	// flagged.
	// C: ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED.
	ExecutorReasonPolicyCapExceeded ExecutorReason = 15
)

// String names the reason, e.g. "capped" (ecap_executor_reason_to_string).
func (r ExecutorReason) String() string {
	return enumString(C.ecap_executor_reason_to_string(C.int32_t(r)), "ExecutorReason", int32(r))
}

// ParseExecutorReason parses a reason name; ErrUnknownEnum if unknown.
func ParseExecutorReason(name string) (ExecutorReason, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_executor_reason_from_string(cs, v, ce)
	})
	return ExecutorReason(v), err
}

// ExecutorNodeReason says how the node type was chosen (enum
// ecap_executor_node_reason).
type ExecutorNodeReason int32

const (
	// ExecutorNodeReasonNone is ECAP_EXECUTOR_NODE_REASON_NONE.
	ExecutorNodeReasonNone ExecutorNodeReason = 0
	// ExecutorNodeReasonNamed is ECAP_EXECUTOR_NODE_REASON_NAMED.
	ExecutorNodeReasonNamed ExecutorNodeReason = 1
	// ExecutorNodeReasonShape is ECAP_EXECUTOR_NODE_REASON_SHAPE.
	ExecutorNodeReasonShape ExecutorNodeReason = 2
	// ExecutorNodeReasonCheapest is ECAP_EXECUTOR_NODE_REASON_CHEAPEST.
	ExecutorNodeReasonCheapest ExecutorNodeReason = 3
	// ExecutorNodeReasonFastest is ECAP_EXECUTOR_NODE_REASON_FASTEST.
	ExecutorNodeReasonFastest ExecutorNodeReason = 4
)

// String names the node reason, e.g. "cheapest".
func (r ExecutorNodeReason) String() string {
	return enumString(C.ecap_executor_node_reason_to_string(C.int32_t(r)), "ExecutorNodeReason", int32(r))
}

// ParseExecutorNodeReason parses a node reason name; ErrUnknownEnum if
// unknown.
func ParseExecutorNodeReason(name string) (ExecutorNodeReason, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_executor_node_reason_from_string(cs, v, ce)
	})
	return ExecutorNodeReason(v), err
}

// ExecutorInput is a daily data volume to size executors for (struct
// ecap_executor_in).  Zero means "not given": the policy's value.
type ExecutorInput struct {
	DailyDataGB           float64       // required, > 0 .. 1073741824
	ProcessingWindowHours float64       // 0 = policy executor.processing_window_hours
	Platform              SparkPlatform // 0 = default (YARN rules)
	OverheadFactor        float64       // 0 = from Platform
	// guide: most executors, 0 = policy executor.max_executors; ecap-1: a
	// hard cap, 0 = none.
	MaxExecutorCount  int64
	ExecutorCoreCount int64 // 0 = guide: executor.cores; ecap-1: from the node
	// NodeType names a spark-node catalog entry ("r5.4xlarge"); "" = the
	// raw shape, or (ecap-1) the cheapest catalog node meeting the window.
	NodeType string
	// Raw node shape, optional: NodeVCPUCount 0 = none; with a shape
	// NodeMemoryGB is required.
	NodeVCPUCount       int64
	NodeMemoryGB        float64
	NodeYARNMemoryGB    float64 // 0 = node memory - executor.node_reserved_memory_gb (EMR: EMR's rule)
	NodePriceUSDPerHour float64 // 0 = price executors with policy executor.price_usd_per_hour
	NodeMaxPodCount     int64   // Kubernetes; 0 = policy executor.k8s_max_pods
	RunsPerDayCount     int64   // ecap-1; 0 = 1
	PartitionSizeMB     float64 // ecap-1; 0 = policy partition.target_size_mb
}

// ExecutorAdvice is the executor sizing (struct ecap_executor_out).
type ExecutorAdvice struct {
	Model                       Model
	Reason                      ExecutorReason
	NodeReason                  ExecutorNodeReason
	Platform                    SparkPlatform
	ExecutorCount               int64   // executors, dynamic allocation's maximum (guide: may be 0)
	ExecutorCoreCount           int64   // spark.executor.cores
	ExecutorRequestVCPU         float64 // spark.kubernetes.executor.request.cores on Kubernetes, else the cores
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
	TaskMemoryNeedBytes         uint64 // ecap-1: partition x executor.memory_multiplier
	TaskMemoryBytes             uint64 // ecap-1: unified memory / cores
	NodeType                    string // catalog name, "" for a raw shape
	RunnerUpNodeType            string // when the advisor picked the node
	NodeCount                   int64
	ExecutorsPerNodeCount       int64
	NodeVCPUCount               int64
	NodeMemoryGB                float64
	NodeUsableVCPU              float64 // ecap-1: what a node offers executors
	NodeUsableMemoryGB          float64
	NodeAllocatableVCPU         float64 // Kubernetes allocatable, else 0
	NodeAllocatableMemoryGB     float64
	NodeIdleVCPU                float64 // vCPUs an executor node leaves idle
	NeededCoreCount             int64   // cores the window needs
	TotalCoreCount              int64
	DynamicMinExecutorCount     int64
	DynamicInitialExecutorCount int64
	DynamicMaxExecutorCount     int64
	RunsPerDayCount             int64
	RunDataGB                   float64
	ProcessingWindowHours       float64
	TargetHours                 float64
	ProjectedHours              float64
	WindowMissHours             float64
	CostUSDPerHour              float64
	WindowCostUSD               float64
	ProjectedCostUSD            float64 // a run
	CostUSDPerMonth             float64
	RunnerUpCostUSD             float64
	CappedByMaxExecutors        bool
	PolicyCapExceeded           bool
	WindowMet                   bool
	SpillRisk                   bool
	HeapLimited                 bool
	// ecap-1 on EMR ("", 0, 0 elsewhere): the primary node priced
	// (executor.emr_primary_node, or executor.emr_primary_large_node above
	// EMRPrimaryLargeAfterNodeCount nodes), its price an hour (part of
	// CostUSDPerHour) and that threshold.
	EMRPrimaryNodeType            string
	EMRPrimaryUSDPerHour          float64
	EMRPrimaryLargeAfterNodeCount int64
	// ecap-1: the EBS volume each node gets and is priced for (GiB):
	// executor.node_ebs_gb, or executor.shuffle_disk_ratio of a run's
	// input over the nodes when more (0 from the guide).
	NodeEBSGB float64
	// ecap-1: NodeEBSGB in this many gp3 volumes of one size (more than
	// one past executor.ebs_volume_max_gb), the MiB/s provisioned on them
	// for the node's shuffle written and read back in the run, and true
	// when the volumes' most sets ProjectedHours (0 from the guide).
	NodeEBSVolumeCount            int64
	NodeEBSThroughputMiBPerSecond float64
	NodeEBSThroughputBound        bool
}

// c fills the caller's struct (declared on its stack: no allocation).
func (in *ExecutorInput) c(ci *C.struct_ecap_executor_in) error {
	initSized(ci, C.sizeof_struct_ecap_executor_in)
	ci.daily_data_gb = C.double(in.DailyDataGB)
	ci.processing_window_hours = C.double(in.ProcessingWindowHours)
	ci.platform = C.int32_t(in.Platform)
	ci.overhead_factor = C.double(in.OverheadFactor)
	ci.max_executor_count = C.int64_t(in.MaxExecutorCount)
	ci.executor_core_count = C.int64_t(in.ExecutorCoreCount)
	if err := setChars(ci.node_type[:], in.NodeType, "node_type"); err != nil {
		return err
	}
	ci.node_vcpu_count = C.int64_t(in.NodeVCPUCount)
	ci.node_memory_gb = C.double(in.NodeMemoryGB)
	ci.node_yarn_memory_gb = C.double(in.NodeYARNMemoryGB)
	ci.node_price_usd_per_hour = C.double(in.NodePriceUSDPerHour)
	ci.node_max_pod_count = C.int64_t(in.NodeMaxPodCount)
	ci.runs_per_day_count = C.int64_t(in.RunsPerDayCount)
	ci.partition_size_mb = C.double(in.PartitionSizeMB)
	return nil
}

// fromC fills a from the C advice, field by field in place (a returned
// composite literal costs a copy through a stalled store).
func (a *ExecutorAdvice) fromC(o *C.struct_ecap_executor_out) {
	a.Model = Model(o.model)
	a.Reason = ExecutorReason(o.reason)
	a.NodeReason = ExecutorNodeReason(o.node_reason)
	a.Platform = SparkPlatform(o.platform)
	a.ExecutorCount = int64(o.executor_count)
	a.ExecutorCoreCount = int64(o.executor_core_count)
	a.ExecutorRequestVCPU = float64(o.executor_request_vcpu)
	a.ExecutorHeapGB = float64(o.executor_heap_gb)
	a.ExecutorHeapBytes = uint64(o.executor_heap_bytes)
	a.OverheadFactor = float64(o.overhead_factor)
	a.ExecutorOverheadBytes = uint64(o.executor_overhead_bytes)
	a.ExecutorContainerBytes = uint64(o.executor_container_bytes)
	a.MemoryReservedBytes = uint64(o.memory_reserved_bytes)
	a.MemoryUnifiedBytes = uint64(o.memory_unified_bytes)
	a.MemoryStorageBytes = uint64(o.memory_storage_bytes)
	a.MemoryExecutionBytes = uint64(o.memory_execution_bytes)
	a.MemoryUserBytes = uint64(o.memory_user_bytes)
	a.MemoryFractionRatio = float64(o.memory_fraction_ratio)
	a.MemoryStorageFractionRatio = float64(o.memory_storage_fraction_ratio)
	a.RequiredMemoryGB = float64(o.required_memory_gb)
	a.TotalMemoryGB = float64(o.total_memory_gb)
	a.MemoryShortfallGB = float64(o.memory_shortfall_gb)
	a.TotalContainerGB = float64(o.total_container_gb)
	a.TaskMemoryNeedBytes = uint64(o.task_memory_need_bytes)
	a.TaskMemoryBytes = uint64(o.task_memory_bytes)
	a.NodeType = goName(o.node_type[:])
	a.RunnerUpNodeType = goName(o.runner_up_node_type[:])
	a.NodeCount = int64(o.node_count)
	a.ExecutorsPerNodeCount = int64(o.executors_per_node_count)
	a.NodeVCPUCount = int64(o.node_vcpu_count)
	a.NodeMemoryGB = float64(o.node_memory_gb)
	a.NodeUsableVCPU = float64(o.node_usable_vcpu)
	a.NodeUsableMemoryGB = float64(o.node_usable_memory_gb)
	a.NodeAllocatableVCPU = float64(o.node_allocatable_vcpu)
	a.NodeAllocatableMemoryGB = float64(o.node_allocatable_memory_gb)
	a.NodeIdleVCPU = float64(o.node_idle_vcpu)
	a.NeededCoreCount = int64(o.needed_core_count)
	a.TotalCoreCount = int64(o.total_core_count)
	a.DynamicMinExecutorCount = int64(o.dynamic_min_executor_count)
	a.DynamicInitialExecutorCount = int64(o.dynamic_initial_executor_count)
	a.DynamicMaxExecutorCount = int64(o.dynamic_max_executor_count)
	a.RunsPerDayCount = int64(o.runs_per_day_count)
	a.RunDataGB = float64(o.run_data_gb)
	a.ProcessingWindowHours = float64(o.processing_window_hours)
	a.TargetHours = float64(o.target_hours)
	a.ProjectedHours = float64(o.projected_hours)
	a.WindowMissHours = float64(o.window_miss_hours)
	a.CostUSDPerHour = float64(o.cost_usd_per_hour)
	a.WindowCostUSD = float64(o.window_cost_usd)
	a.ProjectedCostUSD = float64(o.projected_cost_usd)
	a.CostUSDPerMonth = float64(o.cost_usd_per_month)
	a.RunnerUpCostUSD = float64(o.runner_up_cost_usd)
	a.CappedByMaxExecutors = goBool(o.capped_by_max_executors)
	a.PolicyCapExceeded = goBool(o.policy_cap_exceeded_flag)
	a.WindowMet = goBool(o.window_met)
	a.SpillRisk = goBool(o.spill_risk_flag)
	a.HeapLimited = goBool(o.heap_limited_flag)
	a.EMRPrimaryNodeType = goName(o.emr_primary_node_type[:])
	a.EMRPrimaryUSDPerHour = float64(o.emr_primary_usd_per_hour)
	a.EMRPrimaryLargeAfterNodeCount = int64(o.emr_primary_large_after_node_count)
	a.NodeEBSGB = float64(o.node_ebs_gb)
	a.NodeEBSVolumeCount = int64(o.node_ebs_volume_count)
	a.NodeEBSThroughputMiBPerSecond = float64(o.node_ebs_throughput_mib_per_second)
	a.NodeEBSThroughputBound = goBool(o.node_ebs_throughput_bound_flag)
}

// c converts an advice back for ecap_executor_spark_properties and
// ecap_executor_explain.
func (a ExecutorAdvice) c() (*C.struct_ecap_executor_out, error) {
	o := initSized(new(C.struct_ecap_executor_out), C.sizeof_struct_ecap_executor_out)
	o.model = C.int32_t(a.Model)
	o.reason = C.int32_t(a.Reason)
	o.node_reason = C.int32_t(a.NodeReason)
	o.platform = C.int32_t(a.Platform)
	if err := setChars(o.node_type[:], a.NodeType, "node_type"); err != nil {
		return nil, err
	}
	if err := setChars(o.runner_up_node_type[:], a.RunnerUpNodeType, "runner_up_node_type"); err != nil {
		return nil, err
	}
	o.executor_count = C.int64_t(a.ExecutorCount)
	o.executor_core_count = C.int64_t(a.ExecutorCoreCount)
	o.executor_request_vcpu = C.double(a.ExecutorRequestVCPU)
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
	o.task_memory_need_bytes = C.uint64_t(a.TaskMemoryNeedBytes)
	o.task_memory_bytes = C.uint64_t(a.TaskMemoryBytes)
	o.node_count = C.int64_t(a.NodeCount)
	o.executors_per_node_count = C.int64_t(a.ExecutorsPerNodeCount)
	o.node_vcpu_count = C.int64_t(a.NodeVCPUCount)
	o.node_memory_gb = C.double(a.NodeMemoryGB)
	o.node_usable_vcpu = C.double(a.NodeUsableVCPU)
	o.node_usable_memory_gb = C.double(a.NodeUsableMemoryGB)
	o.node_allocatable_vcpu = C.double(a.NodeAllocatableVCPU)
	o.node_allocatable_memory_gb = C.double(a.NodeAllocatableMemoryGB)
	o.node_idle_vcpu = C.double(a.NodeIdleVCPU)
	o.needed_core_count = C.int64_t(a.NeededCoreCount)
	o.total_core_count = C.int64_t(a.TotalCoreCount)
	o.dynamic_min_executor_count = C.int64_t(a.DynamicMinExecutorCount)
	o.dynamic_initial_executor_count = C.int64_t(a.DynamicInitialExecutorCount)
	o.dynamic_max_executor_count = C.int64_t(a.DynamicMaxExecutorCount)
	o.runs_per_day_count = C.int64_t(a.RunsPerDayCount)
	o.run_data_gb = C.double(a.RunDataGB)
	o.processing_window_hours = C.double(a.ProcessingWindowHours)
	o.target_hours = C.double(a.TargetHours)
	o.projected_hours = C.double(a.ProjectedHours)
	o.window_miss_hours = C.double(a.WindowMissHours)
	o.cost_usd_per_hour = C.double(a.CostUSDPerHour)
	o.window_cost_usd = C.double(a.WindowCostUSD)
	o.projected_cost_usd = C.double(a.ProjectedCostUSD)
	o.cost_usd_per_month = C.double(a.CostUSDPerMonth)
	o.runner_up_cost_usd = C.double(a.RunnerUpCostUSD)
	o.capped_by_max_executors = cBool(a.CappedByMaxExecutors)
	o.policy_cap_exceeded_flag = cBool(a.PolicyCapExceeded)
	o.window_met = cBool(a.WindowMet)
	o.spill_risk_flag = cBool(a.SpillRisk)
	o.heap_limited_flag = cBool(a.HeapLimited)
	if err := setChars(o.emr_primary_node_type[:], a.EMRPrimaryNodeType, "emr_primary_node_type"); err != nil {
		return nil, err
	}
	o.emr_primary_usd_per_hour = C.double(a.EMRPrimaryUSDPerHour)
	o.emr_primary_large_after_node_count = C.int64_t(a.EMRPrimaryLargeAfterNodeCount)
	o.node_ebs_gb = C.double(a.NodeEBSGB)
	o.node_ebs_volume_count = C.int64_t(a.NodeEBSVolumeCount)
	o.node_ebs_throughput_mib_per_second = C.double(a.NodeEBSThroughputMiBPerSecond)
	o.node_ebs_throughput_bound_flag = cBool(a.NodeEBSThroughputBound)
	return o, nil
}

// AdviseExecutor sizes executors for a daily data volume
// (ecap_executor_advise: the guide's calculate_spark_resources, or ecap-1
// sized from a node of the platform).
func (p *Policy) AdviseExecutor(in ExecutorInput) (a ExecutorAdvice, err error) {
	var ci C.struct_ecap_executor_in
	var out C.struct_ecap_executor_out
	if err := in.c(&ci); err != nil {
		return ExecutorAdvice{}, err
	}
	initSized(&out, C.sizeof_struct_ecap_executor_out)
	err = p.adviseLean(func(cp *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_go_executor_advise(cp, &ci, &out, ce)
	})
	if err == nil {
		a.fromC(&out)
	}
	return a, err
}

// Explain is one sentence naming the rule and the numbers that decided
// the advice (ecap_executor_explain, formatted on each call).
func (a ExecutorAdvice) Explain() (string, error) {
	o, err := a.c()
	if err != nil {
		return "", err
	}
	var buf [C.ECAP_EXPLAIN_MAX]C.char
	err = call(func(ce *C.struct_ecap_error) C.int {
		return C.ecap_executor_explain(o, &buf[0], C.size_t(len(buf)), ce)
	})
	if err != nil {
		return "", err
	}
	return goChars(buf[:]), nil
}

// SparkProperties renders the advice as Spark properties: executor size
// (the guide also spark.executor.instances; ecap-1 on Kubernetes the CPU
// request), memory fraction, dynamic allocation and the guide's AQE, Kryo
// and Arrow settings (ecap_executor_spark_properties).  A zero
// ExecutorAdvice is not an advice (ErrInvalid, field "model").
func (a ExecutorAdvice) SparkProperties() ([]Property, error) {
	o, err := a.c()
	if err != nil {
		return nil, err
	}
	return callProps(func(arr *C.struct_ecap_property, n *C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_executor_spark_properties(o, arr, n, ce)
	})
}
