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
	/* ecap-1: the floor executor.min_executors decided. */
	ECAP_EXECUTOR_REASON_MIN_EXECUTORS = 10,
	/* ecap-1: throughput in the target share of the window decided. */
	ECAP_EXECUTOR_REASON_THROUGHPUT = 11,
	/* ecap-1: the memory needed at the largest heap decided. */
	ECAP_EXECUTOR_REASON_MEMORY = 12,
	/* ecap-1: capped by the maximum executors; the heap rose so the
	 * capped executors still hold the memory needed. */
	ECAP_EXECUTOR_REASON_CAPPED = 13,
	/* ecap-1: capped, and even the largest heap
	 * (executor.capped_memory_max_gb, or the node's container memory)
	 * cannot hold the memory needed: memory_shortfall_gb > 0. */
	ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE = 14,
};

struct ecap_executor_in {
	size_t sz;
	/* Daily data volume; required, > 0 .. 1073741824 (1 EiB). */
	double daily_data_gb;
	/* Processing window; 0 = policy executor.processing_window_hours
	 * (8); range 0 .. 8760. */
	double processing_window_hours;
	/* enum ecap_spark_platform; 0 = policy executor.overhead_factor. */
	int32_t platform;
	int32_t reserved_0;
	/* Memory overhead factor; 0 = from platform, else policy
	 * executor.overhead_factor (0.10); range 0 .. 10. */
	double overhead_factor;
	/* Most executors; 0 = policy executor.max_executors (20);
	 * range 0 .. 100000, and not below executor.min_executors. */
	int64_t max_executor_count;
	/* Cores per executor; 0 = policy executor.cores (2); 0 .. 256. */
	int64_t executor_core_count;
	/* Node shape, optional: node_vcpu_count 0 = no node shape.  With a
	 * shape, node_memory_gb is required (> 0 .. 1048576). */
	int64_t node_vcpu_count;		/* 0 .. 65536 */
	double node_memory_gb;
	/* Memory YARN (or the kubelet) may give containers; 0 = node memory
	 * minus policy executor.node_reserved_memory_gb; at most
	 * node_memory_gb. */
	double node_yarn_memory_gb;
	/* Node price including any EMR uplift; 0 = price executors with
	 * policy executor.price_usd_per_hour; range 0 .. 1000000. */
	double node_price_usd_per_hour;
	size_t :0;
};
#define ecap_executor_in__last_field node_price_usd_per_hour

struct ecap_executor_out {
	size_t sz;
	/* enum ecap_model and enum ecap_executor_reason. */
	int32_t model;
	int32_t reason;
	char reason_text[256];
	/* spark.executor.instances (guide: may be 0). */
	int64_t executor_count;
	/* spark.executor.cores. */
	int64_t executor_core_count;
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
	/* daily_data_gb * executor.memory_multiplier, and executors * heap. */
	double required_memory_gb;
	double total_memory_gb;
	/* required - total when positive (guide truncation, or an ecap-1
	 * cap the largest heap cannot make up for). */
	double memory_shortfall_gb;
	/* executors * container, in GB. */
	double total_container_gb;
	/* With a node shape: nodes and executors per node; else 0. */
	int64_t node_count;
	int64_t executors_per_node_count;
	/* spark.dynamicAllocation.min/initial/maxExecutors. */
	int64_t dynamic_min_executor_count;
	int64_t dynamic_initial_executor_count;
	int64_t dynamic_max_executor_count;
	/* The window used, its target share and the hours the executors
	 * need at executor.throughput_gb_per_hour each (0 with 0
	 * executors). */
	double processing_window_hours;
	double target_hours;
	double projected_hours;
	/* Cost per hour, per processing window (hour cost * window) and for
	 * the projected hours. */
	double cost_usd_per_hour;
	double window_cost_usd;
	double projected_cost_usd;
	/* 1 when the maximum executors capped the count; 1 when
	 * projected_hours fits the window. */
	int32_t capped_by_max_executors;
	int32_t window_met;
	size_t :0;
};
#define ecap_executor_out__last_field window_met

/*
 * Sizes executors for a daily data volume (the guide's
 * calculate_spark_resources, or ecap-1; see ecap_executor_advise(3)).
 */
ECAP_API int ecap_executor_advise(const ecap_policy *policy,
				  const struct ecap_executor_in *in,
				  struct ecap_executor_out *out,
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
