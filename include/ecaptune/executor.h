/* SPDX-License-Identifier: MIT */
/*
 * ecaptune/executor.h - executor sizing.
 *
 * Part of the public interface; include <ecaptune.h>, not this file.
 */
#ifndef ECAPTUNE_EXECUTOR_H
#define ECAPTUNE_EXECUTOR_H

#ifndef ECAPTUNE_H
#error "include <ecaptune.h> instead of <ecaptune/executor.h>"
#endif

/* ------------------------------------------------------------------------
 * executor sizing
 */
/*
 * Spark's memory regions for one executor heap (UnifiedMemoryManager;
 * engine-facts 3.1).  All values in bytes.
 */
struct ecap_spark_memory_regions {
	size_t sz;
	/* The heap (spark.executor.memory) the regions were computed for. */
	uint64_t heap_bytes;
	/* Reserved system memory: policy spark.reserved_memory_mb (300 MiB). */
	uint64_t reserved_bytes;
	/* heap - reserved. */
	uint64_t usable_bytes;
	/* Execution + storage: (long)(usable * spark.memory.fraction). */
	uint64_t unified_bytes;
	/* Storage immune to eviction:
	 * (long)(unified * spark.memory.storageFraction). */
	uint64_t storage_bytes;
	/* unified - storage. */
	uint64_t execution_bytes;
	/* User data structures: usable - unified, i.e.
	 * (heap - reserved) * (1 - spark.memory.fraction). */
	uint64_t user_bytes;
	/* The fractions used (policy spark.memory_fraction and
	 * spark.memory_storage_fraction). */
	double memory_fraction_ratio;
	double storage_fraction_ratio;
	size_t :0;
};
#define ecap_spark_memory_regions__last_field storage_fraction_ratio

/*
 * Splits a heap of heap_bytes into Spark's regions with the policy's
 * fractions.  heap_bytes must be at least Spark's minimum system memory,
 * ceil(1.5 * reserved) (450 MiB), and at most 1 TiB (ECAP_ERR_RANGE).
 */
ECAP_API int ecap_spark_memory_regions(const ecap_policy *policy,
				       uint64_t heap_bytes,
				       struct ecap_spark_memory_regions *out,
				       struct ecap_error *err);

/*
 * Platform that runs the executors; it sets the default memory overhead
 * factor (spark.executor.memoryOverheadFactor).  Values are pinned.
 */
enum ecap_spark_platform {
	/* Not given: policy executor.overhead_factor. */
	ECAP_SPARK_PLATFORM_DEFAULT = 0,
	/* Apache Spark on YARN: 0.10. */
	ECAP_SPARK_PLATFORM_YARN = 1,
	/* Amazon EMR: 0.1875. */
	ECAP_SPARK_PLATFORM_EMR = 2,
	/* Kubernetes, JVM jobs: 0.10. */
	ECAP_SPARK_PLATFORM_KUBERNETES = 3,
	/* Kubernetes, non-JVM (PySpark, R) jobs: 0.40. */
	ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM = 4,
};

/** "default", "yarn", "emr", "kubernetes", "kubernetes-non-jvm"; NULL if unknown. */
ECAP_API const char *ecap_spark_platform_to_string(int32_t platform);
/** Parses a platform name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_spark_platform_from_string(const char *name,
					     int32_t *platform,
					     struct ecap_error *err);

/* Why the executor count is what it is.  Values are pinned. */
enum ecap_executor_reason {
	/* guide: calculate_spark_resources as written. */
	ECAP_EXECUTOR_REASON_GUIDE_FORMULA = 1,
	/* guide: int() truncation left less memory than it says is needed. */
	ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT = 2,
	/* guide: int() truncation gave 0 executors (under ~1.33 GB a day). */
	ECAP_EXECUTOR_REASON_GUIDE_NO_EXECUTORS = 3,
	/* ecap-1: the floor executor.min_executors covers the work. */
	ECAP_EXECUTOR_REASON_MIN_EXECUTORS = 10,
	/* ecap-1: the cores the window needs decided (volume per run /
	 * executor.throughput_gb_per_core_hour / (window x share)). */
	ECAP_EXECUTOR_REASON_THROUGHPUT = 11,
	/* ecap-1: the caller's max_executor_count held the count below what
	 * the window needs; projected_hours says how long the run takes. */
	ECAP_EXECUTOR_REASON_CAPPED = 13,
	/* ecap-1: the window needs more executors than the policy's
	 * executor.max_executors; advised anyway (dynamic allocation's
	 * maximum raised to them) and flagged. */
	ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED = 15,
};

/** "guide-formula", "guide-memory-short", "guide-no-executors",
 * "min-executors", "throughput", "capped", "policy-cap-exceeded"; NULL if
 * unknown. */
ECAP_API const char *ecap_executor_reason_to_string(int32_t reason);
/** Parses a reason name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_executor_reason_from_string(const char *name,
					      int32_t *reason,
					      struct ecap_error *err);

/* How the node type was chosen.  Values are pinned. */
enum ecap_executor_node_reason {
	/* No node (guide model without a node shape). */
	ECAP_EXECUTOR_NODE_REASON_NONE = 0,
	/* The caller named a spark-node catalog entry (node_type). */
	ECAP_EXECUTOR_NODE_REASON_NAMED = 1,
	/* The caller gave a raw shape (node_vcpu_count, node_memory_gb). */
	ECAP_EXECUTOR_NODE_REASON_SHAPE = 2,
	/* ecap-1: the cheapest run among the catalog nodes of the allowed
	 * families (executor.node_families) that meet the window. */
	ECAP_EXECUTOR_NODE_REASON_CHEAPEST = 3,
	/* ecap-1: no allowed node meets the window (a hard cap): the one
	 * with the fewest projected hours. */
	ECAP_EXECUTOR_NODE_REASON_FASTEST = 4,
};

/** "none", "named", "shape", "cheapest", "fastest"; NULL if unknown. */
ECAP_API const char *ecap_executor_node_reason_to_string(int32_t reason);
/** Parses a node reason name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_executor_node_reason_from_string(const char *name,
						   int32_t *reason,
						   struct ecap_error *err);

struct ecap_executor_in {
	size_t sz;
	/* Daily data volume; required, > 0 .. 1073741824 (1 EiB). */
	double daily_data_gb;
	/* Processing window of one run; 0 = policy
	 * executor.processing_window_hours (8); range 0 .. 8760. */
	double processing_window_hours;
	/* enum ecap_spark_platform; 0 = default (YARN rules, policy
	 * executor.overhead_factor). */
	int32_t platform;
	int32_t reserved_0;
	/* Memory overhead factor; 0 = from platform, else policy
	 * executor.overhead_factor (0.10); range 0 .. 10. */
	double overhead_factor;
	/* guide: most executors, 0 = policy executor.max_executors (20).
	 * ecap-1: a hard cap, 0 = none (the policy's maximum is only
	 * flagged); range 0 .. 100000. */
	int64_t max_executor_count;
	/* Cores per executor; 0 = guide: policy executor.cores (2); ecap-1:
	 * chosen from the node (executor.cores_min..cores_max); 0 .. 256. */
	int64_t executor_core_count;
	/* A spark-node catalog entry by name ("r5.4xlarge"); "" = the raw
	 * shape below, or (ecap-1, no shape either) the cheapest catalog node
	 * that meets the window.  Not together with a raw shape. */
	char node_type[64];
	/* Raw node shape, optional: node_vcpu_count 0 = no shape.  With a
	 * shape, node_memory_gb is required (> 0 .. 1048576). */
	int64_t node_vcpu_count;		/* 0 .. 65536 */
	double node_memory_gb;
	/* Memory YARN may give containers; 0 = YARN: node memory minus
	 * policy executor.node_reserved_memory_gb, EMR: EMR's rule; at most
	 * node_memory_gb. */
	double node_yarn_memory_gb;
	/* Node price including any EMR uplift; 0 = price executors with
	 * policy executor.price_usd_per_hour; range 0 .. 1000000. */
	double node_price_usd_per_hour;
	/* Kubernetes: pods the node allows; 0 = policy executor.k8s_max_pods
	 * (110); range 0 .. 100000. */
	int64_t node_max_pod_count;
	/* ecap-1: runs a day sharing the daily volume; 0 = 1; 0 .. 1440. */
	int64_t runs_per_day_count;
	/* ecap-1: partition a task holds; 0 = policy
	 * partition.target_size_mb (128); range 0 .. 1048576. */
	double partition_size_mb;
	size_t :0;
};
#define ecap_executor_in__last_field partition_size_mb

struct ecap_executor_out {
	size_t sz;
	/* enum ecap_model, enum ecap_executor_reason (ecap_executor_explain
	 * says why in a sentence), enum ecap_executor_node_reason and enum
	 * ecap_spark_platform. */
	int32_t model;
	int32_t reason;
	int32_t node_reason;
	int32_t platform;
	/* Executors (guide: may be 0); dynamic allocation's maximum. */
	int64_t executor_count;
	/* spark.executor.cores. */
	int64_t executor_core_count;
	/* CPU each executor is given: spark.kubernetes.executor.request.cores
	 * on Kubernetes (may be fractional), else the cores. */
	double executor_request_vcpu;
	/* spark.executor.memory: the guide's memory_per_executor in GB (may
	 * be fractional), and in bytes (whole MiB, truncated). */
	double executor_heap_gb;
	uint64_t executor_heap_bytes;
	/* The factor used, max(factor * heap, minimum) and heap + overhead
	 * (ResourceProfile; whole MiB). */
	double overhead_factor;
	uint64_t executor_overhead_bytes;
	uint64_t executor_container_bytes;
	/* Spark's regions of executor_heap_bytes (0 when the heap is below
	 * Spark's 450 MiB minimum). */
	uint64_t memory_reserved_bytes;
	uint64_t memory_unified_bytes;
	uint64_t memory_storage_bytes;
	uint64_t memory_execution_bytes;
	uint64_t memory_user_bytes;
	double memory_fraction_ratio;
	double memory_storage_fraction_ratio;
	/* guide: daily_data_gb * executor.memory_multiplier.  ecap-1:
	 * task_memory_need x concurrent tasks. */
	double required_memory_gb;
	/* executors * heap. */
	double total_memory_gb;
	/* guide: required - total when positive.  ecap-1: required -
	 * executors x unified memory when positive. */
	double memory_shortfall_gb;
	/* executors * container, in GB. */
	double total_container_gb;
	/* ecap-1: a task's need (partition x executor.memory_multiplier) and
	 * the unified memory per task (unified / cores); spill_risk_flag
	 * when the need is larger. */
	uint64_t task_memory_need_bytes;
	uint64_t task_memory_bytes;
	/* The node type ("" for a raw shape or none) and, when the advisor
	 * picked it, the next best. */
	char node_type[64];
	char runner_up_node_type[64];
	/* Nodes (0 without a node), executors per node, and the node's
	 * vCPUs and memory (GiB). */
	int64_t node_count;
	int64_t executors_per_node_count;
	int64_t node_vcpu_count;
	double node_memory_gb;
	/* ecap-1: what a node offers executors on the platform (vCPU, GiB:
	 * YARN memory, or Kubernetes allocatable less DaemonSet headroom),
	 * the Kubernetes allocatable (0 elsewhere), and the vCPUs an
	 * executor node leaves idle. */
	double node_usable_vcpu;
	double node_usable_memory_gb;
	double node_allocatable_vcpu;
	double node_allocatable_memory_gb;
	double node_idle_vcpu;
	/* ecap-1: cores the window needs and cores advised. */
	int64_t needed_core_count;
	int64_t total_core_count;
	/* spark.dynamicAllocation.min/initial/maxExecutors. */
	int64_t dynamic_min_executor_count;
	int64_t dynamic_initial_executor_count;
	int64_t dynamic_max_executor_count;
	/* Runs a day and the data of one run (GB). */
	int64_t runs_per_day_count;
	double run_data_gb;
	/* The window used, its target share, the hours a run takes, and by
	 * how many hours it misses the window (0 when met). */
	double processing_window_hours;
	double target_hours;
	double projected_hours;
	double window_miss_hours;
	/* Cost per hour (ecap-1: nodes with EMR charge and EBS, plus the EMR
	 * primary node), per window, per run (projected hours, ecap-1 plus
	 * executor.startup_hours) and per month (runs x days). */
	double cost_usd_per_hour;
	double window_cost_usd;
	double projected_cost_usd;
	double cost_usd_per_month;
	/* The runner-up's cost per run (0 without one). */
	double runner_up_cost_usd;
	/* 1 when the caller's (guide: any) maximum capped the count; 1 when
	 * the window needs more than executor.max_executors; 1 when
	 * projected_hours fits the window; 1 at spill risk; 1 when the heap
	 * stays at executor.heap_max_gb and node memory is left unused. */
	int32_t capped_by_max_executors;
	int32_t policy_cap_exceeded_flag;
	int32_t window_met;
	int32_t spill_risk_flag;
	int32_t heap_limited_flag;
	/* ecap-1 on EMR ("", 0, 0 elsewhere): the primary node priced
	 * (executor.emr_primary_node, or executor.emr_primary_large_node
	 * when node_count is above emr_primary_large_after_node_count,
	 * Amazon EMR's guideline), its price an hour (EMR charge and EBS
	 * included; part of cost_usd_per_hour), and that threshold. */
	char emr_primary_node_type[64];
	double emr_primary_usd_per_hour;
	int64_t emr_primary_large_after_node_count;
	/* ecap-1: the EBS volume each node gets and is priced for (GiB,
	 * whole): executor.node_ebs_gb, or executor.shuffle_disk_ratio of a
	 * run's input over the nodes when that is more (shuffle and spill);
	 * 0 from the guide. */
	double node_ebs_gb;
	/* ecap-1: node_ebs_gb in this many gp3 volumes of one size (more than
	 * one past executor.ebs_volume_max_gb), the throughput provisioned
	 * on them together (MiB/s: the node's shuffle written and read back
	 * in projected_hours, at least 125 a volume, at most
	 * executor.ebs_volume_max_throughput_mib_per_second a volume), and
	 * 1 when that most is short and sets projected_hours; 0 from the
	 * guide. */
	int64_t node_ebs_volume_count;
	double node_ebs_throughput_mib_per_second;
	int32_t node_ebs_throughput_bound_flag;
	size_t :0;
};
#define ecap_executor_out__last_field node_ebs_throughput_bound_flag

/*
 * Sizes executors for a daily data volume (the guide's
 * calculate_spark_resources, or ecap-1; see ecap_executor_advise(3)).
 */
ECAP_API int ecap_executor_advise(const ecap_policy *policy,
				  const struct ecap_executor_in *in,
				  struct ecap_executor_out *out,
				  struct ecap_error *err);

/*
 * Writes one sentence saying why the advice is what it is, naming the rule
 * and the numbers that decided, into buf (NUL-terminated; ECAP_EXPLAIN_MAX
 * always suffices; a smaller buffer gets the truncated sentence and
 * ECAP_ERR_NOSPACE).
 */
ECAP_API int ecap_executor_explain(const struct ecap_executor_out *advice,
				   char *buf, size_t size,
				   struct ecap_error *err);

/*
 * Renders an advice as Spark properties (executor size, memory fraction,
 * dynamic allocation, and the guide's AQE, Kryo and Arrow settings) into a
 * caller's array; *count is its capacity in, the number written (or
 * needed, with ECAP_ERR_NOSPACE) out.
 */
ECAP_API int ecap_executor_spark_properties(const struct ecap_executor_out *advice,
					    struct ecap_property *props,
					    size_t *count,
					    struct ecap_error *err);

#endif /* ECAPTUNE_EXECUTOR_H */
