/* SPDX-License-Identifier: MIT */
/*
 * partition.h - internal helpers shared by the partition family's files:
 * partition.c (advice and settings), partition-scan.c (Spark's scan
 * tasks), partition-aqe.c (AQE coalescing and skew) and
 * partition-explain.c (the sentences).
 */
#ifndef ECAP_PARTITION_INTERNAL_H
#define ECAP_PARTITION_INTERNAL_H

#include "internal.h"

#define ECAP__MIB INT64_C(1048576)
/* Spark's defaults: spark.sql.files.maxPartitionBytes 128MB and
 * spark.sql.files.openCostInBytes 4MB (SQLConf). */
#define ECAP__SPARK_MAX_PARTITION_BYTES (128 * ECAP__MIB)
#define ECAP__SPARK_OPEN_COST_BYTES (4 * ECAP__MIB)
/* Spark keeps partition numbers in a Scala Int. */

/* A policy size in MB as bytes (MB = 2^20; truncated like Spark's
 * byte-string parsing of a whole number). */
static inline int64_t
ecap__policy_bytes(const ecap_policy *p, enum ecap_key_id id)
{
	return (int64_t)(ecap__pd(p, id) * (double)ECAP__MIB);
}

static inline int64_t
ecap__ceil_div(int64_t a, int64_t b)
{
	return a / b + (a % b != 0);
}

static inline int64_t
ecap__max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static inline int64_t
ecap__min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/*
 * Validates an array of n byte sizes (each and their sum within
 * ECAP_PARTITION_MAX_BYTES) and stores the sum.
 */
int ecap__partition_check_sizes(struct ecap_error *err, const char *field,
				const int64_t *v, int64_t n, int64_t *sum);

/* Default parallelism: the given value, or max(cores, 2) as
 * CoarseGrainedSchedulerBackend.defaultParallelism does; neither is
 * ECAP_ERR_INVALID on field. */
int ecap__partition_parallelism(struct ecap_error *err, const char *field,
				int64_t given, int64_t cores, int64_t *out);

/*
 * The scan of ecap_partition_scan_tasks without the policy and struct
 * checks (in and out are full-size structs); allocates a scratch copy of
 * the splits.
 */
int ecap__partition_scan(const struct ecap_partition_scan_in *in,
			 struct ecap_partition_scan_out *out,
			 struct ecap_error *err);

/*
 * Scan tasks for file_count files that share size_bytes bytes as evenly
 * as integers allow (size_bytes % file_count files one byte longer),
 * under Spark's default openCostInBytes and no maxPartitionNum:
 * arithmetic, no allocation.
 */
int64_t ecap__partition_scan_uniform(int64_t file_count, int64_t size_bytes,
				     bool splittable,
				     int64_t max_partition_bytes,
				     int64_t min_partition_num);

#endif /* ECAP_PARTITION_INTERNAL_H */
