/* SPDX-License-Identifier: MIT */
/*
 * ecaptune/partition.h - partition sizing.
 *
 * Part of the public interface; include <ecaptune.h>, not this file.
 */
#ifndef ECAPTUNE_PARTITION_H
#define ECAPTUNE_PARTITION_H

#ifndef ECAPTUNE_H
#error "include <ecaptune.h> instead of <ecaptune/partition.h>"
#endif

/* ------------------------------------------------------------------------
 * partition sizing
 */
/*
 * What to do with a DataFrame's partitions.  Values are pinned.
 */
enum ecap_partition_action {
	/* The current partition count is already the advised one. */
	ECAP_PARTITION_ACTION_KEEP = 1,
	/* df.coalesce(n): fewer partitions, no shuffle (it cannot add any). */
	ECAP_PARTITION_ACTION_COALESCE = 2,
	/* df.repartition(n): more partitions, with a shuffle.  ecap-1 never
	 * asks for a rebalance to fewer partitions: see
	 * ecap_partition_advise(3). */
	ECAP_PARTITION_ACTION_REPARTITION = 3,
};

/*
 * The rule that decided a partition result.  Values are pinned, never
 * renumbered; each function uses its own range.
 */
enum ecap_partition_reason {
	/* ecap_partition_advise, guide model: coalesce(max(1, int(MB / target))). */
	ECAP_PARTITION_REASON_GUIDE_COALESCE = 1,
	/* As above, but the count exceeds the current one: Spark ignores it. */
	ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP = 2,
	/* ecap-1: the advised count equals the current count. */
	ECAP_PARTITION_REASON_KEEP = 3,
	/* ecap-1: fewer partitions than now. */
	ECAP_PARTITION_REASON_COALESCE = 4,
	/* ecap-1: more partitions than now. */
	ECAP_PARTITION_REASON_REPARTITION = 5,
	/* ecap-1: current count unknown and not read from files, so a
	 * shuffle sets the count. */
	ECAP_PARTITION_REASON_REPARTITION_CURRENT_UNKNOWN = 6,
	/* ecap-1: current count unknown; the file scan already produces
	 * the advised count (predicted by ecap_partition_scan_tasks'
	 * rule): keep it, no shuffle. */
	ECAP_PARTITION_REASON_KEEP_SCAN = 7,
	/* ecap-1: the file scan produces more partitions: coalesce. */
	ECAP_PARTITION_REASON_COALESCE_SCAN = 8,
	/* ecap-1: the file scan produces fewer partitions: repartition. */
	ECAP_PARTITION_REASON_REPARTITION_SCAN = 9,
	/* ecap-1: fewer partitions are advised, but the current (or
	 * scanned) ones already hold between half the target and the
	 * target: keep them; a coalesce would only merge some, unevenly. */
	ECAP_PARTITION_REASON_KEEP_NEAR_TARGET = 10,
	/* ecap-1: the size or the parallelism floor asks for more than
	 * partition.max_count rounded up to whole waves of the cores
	 * (cores x ceil(max_count / cores); never fewer than the cores):
	 * partition_count is that ceiling and the action (keep, coalesce
	 * or repartition) only reaches it.  When the size asked, the
	 * shuffle's partitions grow past the target (split_size_bytes >
	 * target_size_bytes; consider processing the data in batches);
	 * when only the floor did, they stay within it. */
	ECAP_PARTITION_REASON_MAX_COUNT = 11,
	/* ecap_partition_scan_tasks: maxSplitBytes is maxPartitionBytes. */
	ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_BYTES = 20,
	/* maxSplitBytes is openCostInBytes (bytesPerCore was smaller). */
	ECAP_PARTITION_REASON_SPLIT_OPEN_COST = 21,
	/* maxSplitBytes is bytesPerCore = totalBytes / minPartitionNum. */
	ECAP_PARTITION_REASON_SPLIT_BYTES_PER_CORE = 22,
	/* The listing holds no non-empty file: no scan task. */
	ECAP_PARTITION_REASON_SPLIT_NO_FILES = 23,
	/* Spark 3.5+: the packing exceeded spark.sql.files.maxPartitionNum,
	 * so the splits were packed again to ceil(total / maxPartitionNum). */
	ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_NUM = 24,
	/* ecap_partition_aqe: the target is the advisory size. */
	ECAP_PARTITION_REASON_AQE_TARGET_ADVISORY = 40,
	/* The target is ceil(total / minNumPartitions) (parallelism first). */
	ECAP_PARTITION_REASON_AQE_TARGET_PARALLELISM = 41,
	/* The target is raised to minPartitionSize. */
	ECAP_PARTITION_REASON_AQE_TARGET_MIN_SIZE = 42,
};

/** "keep", "coalesce" or "repartition"; NULL for an unknown value. */
ECAP_API const char *ecap_partition_action_to_string(int32_t action);
/** Parses an action name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_partition_action_from_string(const char *name,
					       int32_t *action,
					       struct ecap_error *err);
/** Names a reason, e.g. "guide-coalesce"; NULL for an unknown value. */
ECAP_API const char *ecap_partition_reason_to_string(int32_t reason);
/** Parses a reason name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_partition_reason_from_string(const char *name,
					       int32_t *reason,
					       struct ecap_error *err);

/* Largest data size accepted by the partition functions: 1 EiB. */
#define ECAP_PARTITION_MAX_BYTES (INT64_C(1) << 60)
/* Largest file or shuffle partition count accepted. */
#define ECAP_PARTITION_MAX_COUNT INT64_C(10000000)

/* Input of ecap_partition_advise. */
struct ecap_partition_in {
	size_t sz;
	/* Data size; 1 .. ECAP_PARTITION_MAX_BYTES.  0 = unknown: use
	 * row_count * avg_row_bytes, else the files' total size. */
	int64_t data_size_bytes;
	/* Rows and average row size, used when data_size_bytes is 0; both
	 * 1 .. ECAP_PARTITION_MAX_BYTES and the product at most
	 * ECAP_PARTITION_MAX_BYTES. */
	int64_t row_count;
	int64_t avg_row_bytes;
	/* Current partition count; 0 = unknown; at most
	 * ECAP_PARTITION_MAX_COUNT. */
	int64_t current_partition_count;
	/* Total executor cores (ecap-1 parallelism floor); 0 = unknown;
	 * at most ECAP_PARTITION_MAX_COUNT.  Needed with files. */
	int64_t total_executor_cores;
	/* The files the data is read from (ecap-1 predicts the scan's
	 * partition count from them when current_partition_count is 0):
	 * either a listing of file_count sizes (each 0 ..
	 * ECAP_PARTITION_MAX_BYTES, sum at most that), or NULL and
	 * file_count files of file_size_bytes each (0 = data size spread
	 * evenly).  file_count 0 = not read from files (or not known). */
	const int64_t *file_sizes_bytes;
	int64_t file_count;
	int64_t file_size_bytes;
	/* 1 = the files cannot be split (gzip); 0 or 1. */
	int32_t files_not_splittable;
	int32_t reserved_0;
	size_t :0;
};
#define ecap_partition_in__last_field reserved_0

/* Output of ecap_partition_advise. */
struct ecap_partition_out {
	size_t sz;
	/* enum ecap_model that produced the result. */
	int32_t model;
	/* enum ecap_partition_reason. */
	int32_t reason;
	/* enum ecap_partition_action. */
	int32_t action;
	int32_t reserved_0;
	/* The data size used (given, rows * avg row bytes, or the files'). */
	int64_t data_size_bytes;
	/* The partition count the action asks for. */
	int64_t partition_count;
	/* Partitions after the action as Spark runs it: a coalesce to more
	 * than the current count, or ecap-1's keep near the target, leaves
	 * the current count. */
	int64_t effective_partition_count;
	/* ceil(data_size_bytes / effective_partition_count). */
	int64_t bytes_per_partition;
	/* ecap-1: min(core_task_count, min_size_partition_count); 0
	 * without cores. */
	int64_t parallelism_floor_count;
	/* partition.target_size_mb in bytes. */
	int64_t target_size_bytes;
	/* ecap-1: ceil(data_size_bytes / target_size_bytes). */
	int64_t size_partition_count;
	/* ecap-1: cores * partition.min_tasks_per_core. */
	int64_t core_task_count;
	/* ecap-1: the smallest partition the floor makes,
	 * max(aqe.min_partition_size_mb, partition.min_size_mb), and
	 * data_size_bytes / it (no partition below it; 0 size: no cap,
	 * data_size_bytes). */
	int64_t min_partition_size_bytes;
	int64_t min_size_partition_count;
	/* The count compared against: the given current count, or the
	 * predicted scan_task_count; 0 = unknown. */
	int64_t current_partition_count;
	/* ecap-1: scan tasks predicted for the files at split_size_bytes;
	 * 0 = no prediction. */
	int64_t scan_task_count;
	/* ecap-1: ceil(data_size_bytes / partition_count), rendered as
	 * AQE's advisory size and, up to target_size_bytes, as the file
	 * split; 0 for the guide. */
	int64_t split_size_bytes;
	size_t :0;
};
#define ecap_partition_out__last_field split_size_bytes

/**
 * Advises a partition count and the action to reach it from the data
 * size (guide: optimize_partitions; ecap-1: rounded up, a parallelism
 * floor that makes no partition below partition.min_size_mb (4 MiB), at
 * most partition.max_count partitions rounded up to whole waves of the
 * cores, the file scan's own count kept,
 * coalesce only to fewer partitions).  Formats no text.
 * See ecap_partition_advise(3).
 */
ECAP_API int ecap_partition_advise(const ecap_policy *policy,
				   const struct ecap_partition_in *in,
				   struct ecap_partition_out *out,
				   struct ecap_error *err);

/**
 * Writes one sentence naming the rule and numbers that decided an
 * advice into buf (NUL-terminated).  ECAP_EXPLAIN_MAX bytes always
 * suffice; a smaller buffer gets the truncated sentence and
 * ECAP_ERR_NOSPACE.  See ecap_partition_explain(3).
 */
ECAP_API int ecap_partition_explain(const struct ecap_partition_out *advice,
				    char *buf, size_t size,
				    struct ecap_error *err);

/* Input of ecap_partition_scan_tasks: a file listing to be scanned. */
struct ecap_partition_scan_in {
	size_t sz;
	/* file_count file sizes, each 0 .. ECAP_PARTITION_MAX_BYTES, sum at
	 * most ECAP_PARTITION_MAX_BYTES; empty files are dropped, as Spark's
	 * file index does.  May be NULL when file_count is 0. */
	const int64_t *file_sizes_bytes;
	/* Optional per-file splittable flags (0 or 1); NULL = every file
	 * is splittable unless not_splittable is 1. */
	const int32_t *file_splittable;
	/* 0 .. ECAP_PARTITION_MAX_COUNT. */
	int64_t file_count;
	/* 0 = files can be split (Parquet, ORC, plain text; the default),
	 * 1 = they cannot (gzip and other non-splittable codecs). */
	int32_t not_splittable;
	int32_t reserved_0;
	/* spark.sql.files.maxPartitionBytes; 0 = 128 MiB; at most
	 * ECAP_PARTITION_MAX_BYTES. */
	int64_t max_partition_bytes;
	/* spark.sql.files.openCostInBytes; 0 = 4 MiB; at most 2^36. */
	int64_t open_cost_bytes;
	/* spark.sql.files.minPartitionNum or the default parallelism;
	 * 0 = max(total_executor_cores, 2); 1 .. 2^31-1. */
	int64_t min_partition_num;
	/* Total executor cores, used when min_partition_num is 0;
	 * 0 .. ECAP_PARTITION_MAX_COUNT. */
	int64_t total_executor_cores;
	/* spark.sql.files.maxPartitionNum (Spark 3.5+); 0 = unset (and
	 * before 3.5); 1 .. 2^31-1. */
	int64_t max_partition_num;
	size_t :0;
};
#define ecap_partition_scan_in__last_field max_partition_num

struct ecap_partition_scan_out {
	size_t sz;
	int32_t model;
	/* enum ecap_partition_reason: which bound set max_split_bytes. */
	int32_t reason;
	/* Scan tasks (FilePartitions) Spark creates. */
	int64_t task_count;
	/* File splits (PartitionedFiles) packed into the tasks. */
	int64_t split_count;
	/* min(maxPartitionBytes, max(openCostInBytes, bytesPerCore)). */
	int64_t max_split_bytes;
	/* Sum over non-empty files of (size + openCostInBytes). */
	int64_t total_bytes;
	/* total_bytes / min_partition_num (integer division). */
	int64_t bytes_per_core;
	/* The minPartitionNum used. */
	int64_t min_partition_num;
	/* The maxPartitionBytes and openCostInBytes used, and the given
	 * maxPartitionNum (0 = unset). */
	int64_t max_partition_bytes;
	int64_t open_cost_bytes;
	int64_t max_partition_num;
	/* Tasks of the packing by max_split_bytes, before any
	 * maxPartitionNum rescale (equals task_count without one). */
	int64_t size_packed_task_count;
	/* The rescale's desiredSplitBytes = ceil((sum over splits of
	 * length + openCostInBytes) / maxPartitionNum); 0 = no rescale. */
	int64_t rescaled_split_bytes;
	size_t :0;
};
#define ecap_partition_scan_out__last_field rescaled_split_bytes

/**
 * Predicts the number of scan tasks Spark creates for a file listing
 * (FilePartition.maxSplitBytes and getFilePartitions).  Needs a buffer of
 * file_count int64 values (ECAP_ERR_NOMEM).  See ecap_partition_scan_tasks(3).
 */
ECAP_API int ecap_partition_scan_tasks(const ecap_policy *policy,
				       const struct ecap_partition_scan_in *in,
				       struct ecap_partition_scan_out *out,
				       struct ecap_error *err);

/** The sentence of a scan prediction, as ecap_partition_explain. */
ECAP_API int ecap_partition_scan_explain(
	const struct ecap_partition_scan_out *scan, char *buf, size_t size,
	struct ecap_error *err);

/* Input of ecap_partition_aqe: the partition sizes of one shuffle. */
struct ecap_partition_aqe_in {
	size_t sz;
	/* partition_count shuffle partition sizes, each 0 ..
	 * ECAP_PARTITION_MAX_BYTES, sum at most ECAP_PARTITION_MAX_BYTES. */
	const int64_t *partition_sizes_bytes;
	/* 1 .. ECAP_PARTITION_MAX_COUNT. */
	int64_t partition_count;
	/* spark.sql.adaptive.advisoryPartitionSizeInBytes; 0 = the policy's
	 * aqe.advisory_partition_size_mb; at most ECAP_PARTITION_MAX_BYTES. */
	int64_t advisory_partition_size_bytes;
	/* spark.sql.adaptive.coalescePartitions.minPartitionSize; 0 = the
	 * policy's aqe.min_partition_size_mb; at most ECAP_PARTITION_MAX_BYTES. */
	int64_t min_partition_size_bytes;
	/* 1 = spark.sql.adaptive.coalescePartitions.parallelismFirst=false
	 * (minNumPartitions 1, the advisory size is respected); 0 = Spark's
	 * default true (minNumPartitions = the default parallelism). */
	int32_t parallelism_first_disabled;
	int32_t reserved_0;
	/* SparkContext.defaultParallelism; 0 = max(total_executor_cores, 2);
	 * 1 .. 2^31-1.  Needed unless parallelism_first_disabled. */
	int64_t default_parallelism;
	/* 0 .. ECAP_PARTITION_MAX_COUNT. */
	int64_t total_executor_cores;
	size_t :0;
};
#define ecap_partition_aqe_in__last_field total_executor_cores

struct ecap_partition_aqe_out {
	size_t sz;
	int32_t model;
	/* enum ecap_partition_reason: which bound set target_size_bytes. */
	int32_t reason;
	/* Post-shuffle partitions after coalescing (the input count when
	 * coalescing would not reduce it, as Spark then leaves it). */
	int64_t coalesced_partition_count;
	/* max(min(max_target_size_bytes, advisory), minPartitionSize). */
	int64_t target_size_bytes;
	/* max(ceil(total / minNumPartitions), 16). */
	int64_t max_target_size_bytes;
	/* defaultParallelism when parallelism first, else 1. */
	int64_t min_num_partitions;
	/* Sum of the partition sizes. */
	int64_t total_bytes;
	/* Median size (even count: mean of the two middle), at least 1. */
	int64_t median_size_bytes;
	/* Partitions with size > median * factor and size > threshold. */
	int64_t skewed_partition_count;
	/* Split target: max(advisory, mean of the non-skewed sizes). */
	int64_t skew_split_target_bytes;
	/* Tasks the skewed partitions become after splitting. */
	int64_t skew_split_task_count;
	/* The input count, and the advisory and minimum sizes used. */
	int64_t partition_count;
	int64_t advisory_partition_size_bytes;
	int64_t min_partition_size_bytes;
	size_t :0;
};
#define ecap_partition_aqe_out__last_field min_partition_size_bytes

/**
 * Predicts AQE's post-shuffle coalescing (ShufflePartitionsUtil) and its
 * skewed partitions (OptimizeSkewedJoin).  split_counts, if not NULL,
 * receives one split count per partition (1 = not split); *count is its
 * capacity in and the number written (or needed: ECAP_ERR_NOSPACE) out.
 * The median is selected on a copy of the sizes, on the stack up to 512
 * of them, else allocated (ECAP_ERR_NOMEM).
 * See ecap_partition_aqe(3).
 */
ECAP_API int ecap_partition_aqe(const ecap_policy *policy,
				const struct ecap_partition_aqe_in *in,
				struct ecap_partition_aqe_out *out,
				int64_t *split_counts, size_t *count,
				struct ecap_error *err);

/** The sentence of an AQE prediction, as ecap_partition_explain. */
ECAP_API int ecap_partition_aqe_explain(
	const struct ecap_partition_aqe_out *aqe, char *buf, size_t size,
	struct ecap_error *err);

/**
 * Renders the Spark properties that realise a partition advice (shuffle
 * partitions, file split size, AQE coalescing and skew join settings;
 * ecap-1: advisory size split_size_bytes, file split that up to the
 * target, parallelismFirst false) into props; *count is the capacity in and the number
 * written or needed out (ECAP_ERR_NOSPACE).
 */
ECAP_API int ecap_partition_spark_properties(const ecap_policy *policy,
				   const struct ecap_partition_out *advice,
				   struct ecap_property *props, size_t *count,
				   struct ecap_error *err);

#endif /* ECAPTUNE_PARTITION_H */
