/* SPDX-License-Identifier: MIT */
/*
 * partition.c - partition sizing: the guide's optimize_partitions and its
 * ecap-1 correction, Spark's scan-task count for a file listing, AQE's
 * post-shuffle coalescing and skew detection, and the Spark settings that
 * realise an advice.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MIB INT64_C(1048576)
/* Spark's defaults: spark.sql.files.maxPartitionBytes 128MB and
 * spark.sql.files.openCostInBytes 4MB (SQLConf). */
#define SPARK_MAX_PARTITION_BYTES (128 * MIB)
#define SPARK_OPEN_COST_BYTES (4 * MIB)
/* Bounded so that file_count * open cost stays far below INT64_MAX. */
#define MAX_OPEN_COST_BYTES (INT64_C(1) << 36)
/* Spark keeps partition numbers in a Scala Int. */
#define MAX_SPARK_INT INT64_C(2147483647)
/* ShufflePartitionsUtil's constants for splitting a skewed partition. */
#define SMALL_PARTITION_FACTOR 0.2
#define MERGED_PARTITION_FACTOR 1.2

/* ---- enum names ---- */

static const struct ecap__enum_name action_names[] = {
	{ ECAP_PARTITION_ACTION_KEEP, { "keep" } },
	{ ECAP_PARTITION_ACTION_COALESCE, { "coalesce" } },
	{ ECAP_PARTITION_ACTION_REPARTITION, { "repartition" } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name reason_names[] = {
	{ ECAP_PARTITION_REASON_GUIDE_COALESCE, { "guide-coalesce" } },
	{ ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP, { "guide-coalesce-noop" } },
	{ ECAP_PARTITION_REASON_KEEP, { "keep" } },
	{ ECAP_PARTITION_REASON_COALESCE, { "coalesce" } },
	{ ECAP_PARTITION_REASON_REPARTITION, { "repartition" } },
	{ ECAP_PARTITION_REASON_REPARTITION_CURRENT_UNKNOWN,
	  { "repartition-current-unknown" } },
	{ ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_BYTES,
	  { "split-max-partition-bytes" } },
	{ ECAP_PARTITION_REASON_SPLIT_OPEN_COST, { "split-open-cost" } },
	{ ECAP_PARTITION_REASON_SPLIT_BYTES_PER_CORE, { "split-bytes-per-core" } },
	{ ECAP_PARTITION_REASON_SPLIT_NO_FILES, { "split-no-files" } },
	{ ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_NUM,
	  { "split-max-partition-num" } },
	{ ECAP_PARTITION_REASON_AQE_TARGET_ADVISORY, { "aqe-target-advisory" } },
	{ ECAP_PARTITION_REASON_AQE_TARGET_PARALLELISM,
	  { "aqe-target-parallelism" } },
	{ ECAP_PARTITION_REASON_AQE_TARGET_MIN_SIZE, { "aqe-target-min-size" } },
	{ 0, { NULL } },
};

ECAP_API const char *
ecap_partition_action_to_string(int32_t action)
{
	return ecap__enum_to_string(action_names, action);
}

ECAP_API int
ecap_partition_action_from_string(const char *name, int32_t *action,
				  struct ecap_error *err)
{
	return ecap__enum_from_string(action_names, false, "partition action",
				      "action", name, action, err);
}

ECAP_API const char *
ecap_partition_reason_to_string(int32_t reason)
{
	return ecap__enum_to_string(reason_names, reason);
}

ECAP_API int
ecap_partition_reason_from_string(const char *name, int32_t *reason,
				  struct ecap_error *err)
{
	return ecap__enum_from_string(reason_names, false, "partition reason",
				      "reason", name, reason, err);
}

/* ---- shared helpers ---- */

/* A policy size in MB as bytes (MB = 2^20; truncated like Spark's
 * byte-string parsing of a whole number). */
static int64_t
policy_bytes(const ecap_policy *p, enum ecap_key_id id)
{
	return (int64_t)(ecap__pd(p, id) * (double)MIB);
}

static int64_t
ceil_div(int64_t a, int64_t b)
{
	return a / b + (a % b != 0);
}

static int64_t
max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/*
 * Validates an array of n byte sizes (each and their sum within
 * ECAP_PARTITION_MAX_BYTES) and stores the sum.
 */
static int
check_sizes(struct ecap_error *err, const char *field, const int64_t *v,
	    int64_t n, int64_t *sum)
{
	int64_t i, s = 0;
	int rc;

	if (n > 0 && (rc = ecap__check_ptr(err, v, field)) != ECAP_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if (v[i] < 0 || v[i] > ECAP_PARTITION_MAX_BYTES)
			return ecap__fail(err, ECAP_ERR_RANGE, field,
					  "%s[%" PRId64 "] is %" PRId64
					  "; the range is 0 to %" PRId64,
					  field, i, v[i],
					  ECAP_PARTITION_MAX_BYTES);
		s += v[i];
		if (s > ECAP_PARTITION_MAX_BYTES)
			return ecap__fail(err, ECAP_ERR_RANGE, field,
					  "%s sum past 1 EiB at index %" PRId64,
					  field, i);
	}
	*sum = s;
	return ECAP_OK;
}

/* Default parallelism: the given value, or max(cores, 2) as
 * CoarseGrainedSchedulerBackend.defaultParallelism does. */
static int
resolve_parallelism(struct ecap_error *err, const char *field, int64_t given,
		    int64_t cores, int64_t *out)
{
	if (given > 0)
		*out = given;
	else if (cores > 0)
		*out = max64(cores, 2);
	else
		return ecap__fail(err, ECAP_ERR_INVALID, field,
				  "%s is 0 and total_executor_cores is 0; "
				  "one of them is needed", field);
	return ECAP_OK;
}

static int
check_policy(struct ecap_error *err, const ecap_policy *policy)
{
	return ecap__check_ptr(err, policy, "policy");
}

/* ---- ecap_partition_advise ---- */

static int
advise_check(const struct ecap_partition_in *in, struct ecap_error *err,
	     int64_t *bytes)
{
	int rc;

	if ((rc = ecap__check_int64(err, "data_size_bytes", in->data_size_bytes,
				    0, ECAP_PARTITION_MAX_BYTES)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "row_count", in->row_count, 0,
				    ECAP_PARTITION_MAX_BYTES)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "avg_row_bytes", in->avg_row_bytes, 0,
				    ECAP_PARTITION_MAX_BYTES)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "current_partition_count",
				    in->current_partition_count, 0,
				    ECAP_PARTITION_MAX_COUNT)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "total_executor_cores",
				    in->total_executor_cores, 0,
				    ECAP_PARTITION_MAX_COUNT)) != ECAP_OK)
		return rc;
	if (in->data_size_bytes > 0) {
		*bytes = in->data_size_bytes;
		return ECAP_OK;
	}
	if (in->row_count == 0 || in->avg_row_bytes == 0)
		return ecap__fail(err, ECAP_ERR_INVALID, "data_size_bytes",
				  "data_size_bytes is 0 (unknown) and "
				  "row_count * avg_row_bytes is not given");
	/* Both are at most 2^60, so compare by division, not by product. */
	if (in->row_count > ECAP_PARTITION_MAX_BYTES / in->avg_row_bytes)
		return ecap__fail(err, ECAP_ERR_RANGE, "row_count",
				  "row_count %" PRId64 " * avg_row_bytes %"
				  PRId64 " is past 1 EiB", in->row_count,
				  in->avg_row_bytes);
	*bytes = in->row_count * in->avg_row_bytes;
	return ECAP_OK;
}

/* The guide: max(1, int(total_size_mb / target_partition_size_mb)), then
 * df.coalesce(n), which Spark ignores when n exceeds the current count.
 * coalesce(numPartitions: Int) takes no count past 2^31-1: such a count is
 * refused, in this model as in ecap-1, rather than returned for a renderer
 * (or Spark) to reject. */
static int
advise_guide(const ecap_policy *p, const struct ecap_partition_in *in,
	     struct ecap_partition_out *out, struct ecap_error *err)
{
	double target_mb = ecap__pd(p, ECAP_K_PARTITION_TARGET_SIZE_MB);
	double total_mb = (double)out->data_size_bytes / 1024 / 1024;
	/* At most 2^40 (2^60 bytes over a 1 MB target): exact in int64. */
	int64_t n = (int64_t)(total_mb / target_mb);
	int64_t cur = in->current_partition_count;

	n = max64(1, n);
	if (n > MAX_SPARK_INT)
		return ecap__fail(err, ECAP_ERR_RANGE, "data_size_bytes",
				  "guide: int(%.17g MB / %.17g MB) = %" PRId64
				  " partitions; Spark takes at most 2147483647",
				  total_mb, target_mb, n);
	out->action = ECAP_PARTITION_ACTION_COALESCE;
	out->partition_count = n;
	out->effective_partition_count = cur > 0 && cur < n ? cur : n;
	if (cur > 0 && n > cur) {
		out->reason = ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "guide optimize_partitions: coalesce(max(1, int(%.17g "
			 "MB / %.17g MB))) = coalesce(%" PRId64 ") is a no-op: "
			 "coalesce cannot raise %" PRId64 " partitions",
			 total_mb, target_mb, n, cur);
	} else {
		out->reason = ECAP_PARTITION_REASON_GUIDE_COALESCE;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "guide optimize_partitions: coalesce(max(1, int(%.17g "
			 "MB / %.17g MB))) = coalesce(%" PRId64 ")",
			 total_mb, target_mb, n);
	}
	return ECAP_OK;
}

/* ecap-1: ceil(bytes / target), at least cores * min_tasks_per_core, and
 * coalesce only to fewer partitions.  Spark takes a partition count as a
 * Scala Int (repartition(numPartitions: Int), spark.sql.shuffle.partitions
 * is an intConf), so a count past 2^31-1 is an error, not an answer. */
static int
advise_ecap1(const ecap_policy *p, const struct ecap_partition_in *in,
	     struct ecap_partition_out *out, struct ecap_error *err)
{
	int64_t target = policy_bytes(p, ECAP_K_PARTITION_TARGET_SIZE_MB);
	int64_t by_size = ceil_div(out->data_size_bytes, target);
	int64_t floor_n = in->total_executor_cores *
			  ecap__pi(p, ECAP_K_PARTITION_MIN_TASKS_PER_CORE);
	int64_t n = max64(by_size, floor_n);
	int64_t cur = in->current_partition_count;
	char why[128];

	if (n > MAX_SPARK_INT)
		return ecap__fail(err, ECAP_ERR_RANGE,
				  floor_n > by_size ? "total_executor_cores" :
						      "data_size_bytes",
				  "ecap-1 needs %" PRId64 " partitions (ceil(%"
				  PRId64 " B / %" PRId64 " B) = %" PRId64
				  ", floor %" PRId64 "); Spark takes at most "
				  "2147483647", n, out->data_size_bytes, target,
				  by_size, floor_n);
	out->parallelism_floor_count = floor_n;
	out->partition_count = n;
	out->effective_partition_count = n;
	if (floor_n > by_size)
		snprintf(why, sizeof(why), "the floor %" PRId64 " cores * %"
			 PRId64 " tasks per core = %" PRId64,
			 in->total_executor_cores,
			 ecap__pi(p, ECAP_K_PARTITION_MIN_TASKS_PER_CORE),
			 floor_n);
	else
		snprintf(why, sizeof(why), "ceil(%" PRId64 " B / %" PRId64
			 " B) = %" PRId64, out->data_size_bytes, target,
			 by_size);
	if (cur == 0) {
		out->action = ECAP_PARTITION_ACTION_REPARTITION;
		out->reason = ECAP_PARTITION_REASON_REPARTITION_CURRENT_UNKNOWN;
	} else if (n == cur) {
		out->action = ECAP_PARTITION_ACTION_KEEP;
		out->reason = ECAP_PARTITION_REASON_KEEP;
	} else if (n < cur) {
		out->action = ECAP_PARTITION_ACTION_COALESCE;
		out->reason = ECAP_PARTITION_REASON_COALESCE;
	} else {
		out->action = ECAP_PARTITION_ACTION_REPARTITION;
		out->reason = ECAP_PARTITION_REASON_REPARTITION;
	}
	snprintf(out->reason_text, sizeof(out->reason_text),
		 "ecap-1: %s %" PRId64 " partitions from %s (current %"
		 PRId64 "%s)", ecap_partition_action_to_string(out->action), n,
		 why, cur, cur == 0 ? ", unknown" : "");
	return ECAP_OK;
}

ECAP_API int
ecap_partition_advise(const ecap_policy *policy,
		      const struct ecap_partition_in *in,
		      struct ecap_partition_out *out, struct ecap_error *err)
{
	int64_t bytes = 0;
	int rc;

	ecap__err_clear(err);
	if ((rc = check_policy(err, policy)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_partition_in)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_partition_out)) != ECAP_OK ||
	    (rc = advise_check(in, err, &bytes)) != ECAP_OK)
		return rc;
	ECAP__OUT_ZERO(out, ecap_partition_out);
	out->model = policy->model;
	out->data_size_bytes = bytes;
	if (policy->model == ECAP_MODEL_GUIDE)
		rc = advise_guide(policy, in, out, err);
	else
		rc = advise_ecap1(policy, in, out, err);
	if (rc != ECAP_OK) {
		ECAP__OUT_ZERO(out, ecap_partition_out);
		return rc;
	}
	out->bytes_per_partition = ceil_div(bytes,
					    out->effective_partition_count);
	return ECAP_OK;
}

/* ---- ecap_partition_scan_tasks ---- */

static int
scan_check(const struct ecap_partition_scan_in *in, struct ecap_error *err,
	   int64_t *file_bytes)
{
	int64_t i;
	int rc;

	if ((rc = ecap__check_int64(err, "file_count", in->file_count, 0,
				    ECAP_PARTITION_MAX_COUNT)) != ECAP_OK ||
	    (rc = ecap__check_bool(err, "not_splittable",
						   in->not_splittable)) !=
		    ECAP_OK ||
	    (rc = ecap__check_int64(err, "reserved_0", in->reserved_0, 0,
				    0)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "max_partition_bytes",
				    in->max_partition_bytes, 0,
				    ECAP_PARTITION_MAX_BYTES)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "open_cost_bytes",
				    in->open_cost_bytes, 0,
				    MAX_OPEN_COST_BYTES)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "min_partition_num",
				    in->min_partition_num, 0,
				    MAX_SPARK_INT)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "total_executor_cores",
				    in->total_executor_cores, 0,
				    ECAP_PARTITION_MAX_COUNT)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "max_partition_num",
				    in->max_partition_num, 0,
				    MAX_SPARK_INT)) != ECAP_OK ||
	    (rc = check_sizes(err, "file_sizes_bytes", in->file_sizes_bytes,
			      in->file_count, file_bytes)) != ECAP_OK)
		return rc;
	if (in->file_splittable != NULL)
		for (i = 0; i < in->file_count; i++)
			if ((rc = ecap__check_bool(err, "file_splittable",
						   in->file_splittable[i])) !=
			    ECAP_OK)
				return rc;
	return ECAP_OK;
}

static int
cmp_desc(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x < y) - (x > y);
}

/*
 * FilePartition.getFilePartitions' Next Fit packing of the splits sorted
 * by length, largest first:
 *   if (currentSize + file.length > maxSplitBytes) closePartition()
 *   currentSize += file.length + openCostInBytes
 * closePartition() adds only a non-empty partition.  Splits of one length
 * are packed as a run in closed form, since a listing of 1 EiB cut into
 * 4 MiB splits is too many to walk one by one.
 */
struct pack {
	int64_t limit, open_cost, cur, parts;
	int has_files;
};

static void
pack_run(struct pack *p, int64_t len, int64_t m)
{
	int64_t step = len + p->open_cost, k, t;

	if (m == 0)
		return;
	/* Fill the open partition while currentSize + len <= limit. */
	if (p->has_files && p->cur + len <= p->limit) {
		t = min64((p->limit - p->cur - len) / step + 1, m);
		p->cur += t * step;
		m -= t;
	}
	if (m == 0)
		return;
	if (p->has_files)
		p->parts++;
	/* A fresh partition takes its first split unconditionally and the
	 * (j+1)th while j * step + len <= limit: k splits each. */
	k = len <= p->limit ? (p->limit - len) / step + 1 : 1;
	p->parts += (m - 1) / k;
	p->cur = (m - (m - 1) / k * k) * step;
	p->has_files = 1;
}

/*
 * Packs run_count splits of run_len bytes and the n other splits in
 * items[] (sorted largest first) with the given limit; returns the
 * partitions.  Equal lengths pack the same in any order, so the run goes
 * between the longer and the other items.
 */
static int64_t
pack_splits(const int64_t *items, int64_t n, int64_t run_len,
	    int64_t run_count, int64_t limit, int64_t open_cost)
{
	struct pack p = { limit, open_cost, 0, 0, 0 };
	int64_t i = 0;

	for (; i < n && items[i] > run_len; i++)
		pack_run(&p, items[i], 1);
	pack_run(&p, run_len, run_count);
	for (; i < n; i++)
		pack_run(&p, items[i], 1);
	return p.parts + p.has_files;
}

static void
scan_reason(struct ecap_partition_scan_out *out, int64_t max_pb,
	    int64_t open_cost, int64_t max_part_num)
{
	if (out->split_count == 0) {
		out->reason = ECAP_PARTITION_REASON_SPLIT_NO_FILES;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "FilePartition: no non-empty file, so no scan task");
		return;
	}
	if (out->rescaled_split_bytes > 0) {
		out->reason = ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_NUM;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "FilePartition: %" PRId64 " tasks at maxSplitBytes %"
			 PRId64 " exceed maxPartitionNum %" PRId64 "; %" PRId64
			 " splits packed again at ceil(total / %" PRId64
			 ") = %" PRId64 " B give %" PRId64 " tasks",
			 out->size_packed_task_count, out->max_split_bytes,
			 max_part_num, out->split_count, max_part_num,
			 out->rescaled_split_bytes, out->task_count);
		return;
	}
	if (out->max_split_bytes == max_pb)
		out->reason = ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_BYTES;
	else if (out->bytes_per_core <= open_cost)
		out->reason = ECAP_PARTITION_REASON_SPLIT_OPEN_COST;
	else
		out->reason = ECAP_PARTITION_REASON_SPLIT_BYTES_PER_CORE;
	snprintf(out->reason_text, sizeof(out->reason_text),
		 "FilePartition: maxSplitBytes = min(maxPartitionBytes %"
		 PRId64 ", max(openCost %" PRId64 ", %" PRId64 " / %" PRId64
		 ")) = %" PRId64 "; %" PRId64 " splits pack into %" PRId64
		 " tasks", max_pb, open_cost, out->total_bytes,
		 out->min_partition_num, out->max_split_bytes,
		 out->split_count, out->task_count);
}

ECAP_API int
ecap_partition_scan_tasks(const ecap_policy *policy,
			  const struct ecap_partition_scan_in *in,
			  struct ecap_partition_scan_out *out,
			  struct ecap_error *err)
{
	int64_t file_bytes = 0, max_pb, open_cost, msb, i, n = 0;
	int64_t run = 0, *items = NULL;
	int rc;

	ecap__err_clear(err);
	if ((rc = check_policy(err, policy)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_partition_scan_in)) !=
		    ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_partition_scan_out)) !=
		    ECAP_OK ||
	    (rc = scan_check(in, err, &file_bytes)) != ECAP_OK)
		return rc;
	/* Allocated first: a failed call leaves *out as it was. */
	if (in->file_count > 0) {
		items = ecap__malloc((size_t)in->file_count * sizeof(*items));
		if (items == NULL)
			return ecap__fail(err, ECAP_ERR_NOMEM,
					  "file_sizes_bytes",
					  "no memory for %" PRId64 " splits",
					  in->file_count);
	}
	ECAP__OUT_ZERO(out, ecap_partition_scan_out);
	out->model = policy->model;
	if ((rc = resolve_parallelism(err, "min_partition_num",
				      in->min_partition_num,
				      in->total_executor_cores,
				      &out->min_partition_num)) != ECAP_OK) {
		ecap__free(items);
		return rc;
	}
	max_pb = in->max_partition_bytes > 0 ? in->max_partition_bytes
					     : SPARK_MAX_PARTITION_BYTES;
	open_cost = in->open_cost_bytes > 0 ? in->open_cost_bytes
					    : SPARK_OPEN_COST_BYTES;
	/* The file index drops empty files (isNonEmptyFile: getLen > 0)
	 * before maxSplitBytes sums (len + openCost). */
	for (i = 0; i < in->file_count; i++)
		if (in->file_sizes_bytes[i] > 0)
			out->total_bytes += in->file_sizes_bytes[i] + open_cost;
	out->bytes_per_core = out->total_bytes / out->min_partition_num;
	msb = min64(max_pb, max64(open_cost, out->bytes_per_core));
	out->max_split_bytes = msb;
	/* The splits: a run of pieces of exactly msb, and at most one other
	 * split per file (a remainder or a whole unsplittable file). */
	for (i = 0; i < in->file_count; i++) {
		int64_t len = in->file_sizes_bytes[i];
		int split = in->file_splittable != NULL ?
				    in->file_splittable[i] : !in->not_splittable;

		if (len == 0)
			continue;
		if (!split) {
			/* one split from 0 to getLen */
			items[n++] = len;
			continue;
		}
		/* PartitionedFileUtil.splitFiles: (0 until len by msb) */
		run += len / msb;
		if (len % msb > 0)
			items[n++] = len % msb;
	}
	if (n > 1)
		qsort(items, (size_t)n, sizeof(*items), cmp_desc);
	out->split_count = run + n;
	out->task_count = pack_splits(items, n, msb, run, msb, open_cost);
	out->size_packed_task_count = out->task_count;
	/* Spark 3.5+ getFilePartitions: maxPartNum.exists(partitions.size > _)
	 * packs the same splits again at desiredSplitBytes =
	 * ceil(sum(split.length + openCost) / maxPartNum) (BigDecimal, UP).
	 * Spark sums in BigDecimal; here the sum fits int64 while
	 * maxSplitBytes >= openCost, but a maxPartitionBytes below the open
	 * cost cuts files into splits whose open costs alone can pass 2^63. */
	if (in->max_partition_num > 0 &&
	    out->task_count > in->max_partition_num) {
		int64_t costs, sum;

		if (__builtin_mul_overflow(out->split_count, open_cost, &costs) ||
		    __builtin_add_overflow(file_bytes, costs, &sum)) {
			ecap__free(items);
			ECAP__OUT_ZERO(out, ecap_partition_scan_out);
			return ecap__fail(err, ECAP_ERR_RANGE,
					  "max_partition_bytes",
					  "max_partition_bytes %" PRId64
					  " below open_cost_bytes %" PRId64
					  " makes %" PRId64 " splits whose "
					  "sizes and open costs pass 2^63 "
					  "bytes", max_pb, open_cost,
					  out->split_count);
		}
		out->rescaled_split_bytes = ceil_div(sum,
						     in->max_partition_num);
		out->task_count = pack_splits(items, n, msb, run,
					      out->rescaled_split_bytes,
					      open_cost);
	}
	ecap__free(items);
	scan_reason(out, max_pb, open_cost, in->max_partition_num);
	return ECAP_OK;
}

/* ---- ecap_partition_aqe ---- */

static int
aqe_check(const struct ecap_partition_aqe_in *in, int64_t *split_counts,
	  size_t *count, struct ecap_error *err, int64_t *total)
{
	int rc;

	if ((rc = ecap__check_int64(err, "reserved_0", in->reserved_0, 0,
				    0)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "partition_count",
				    in->partition_count, 1,
				    ECAP_PARTITION_MAX_COUNT)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "advisory_partition_size_bytes",
				    in->advisory_partition_size_bytes, 0,
				    ECAP_PARTITION_MAX_BYTES)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "min_partition_size_bytes",
				    in->min_partition_size_bytes, 0,
				    ECAP_PARTITION_MAX_BYTES)) != ECAP_OK ||
	    (rc = ecap__check_bool(err, "parallelism_first_disabled",
				   in->parallelism_first_disabled)) !=
		    ECAP_OK ||
	    (rc = ecap__check_int64(err, "default_parallelism",
				    in->default_parallelism, 0,
				    MAX_SPARK_INT)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "total_executor_cores",
				    in->total_executor_cores, 0,
				    ECAP_PARTITION_MAX_COUNT)) != ECAP_OK ||
	    (rc = check_sizes(err, "partition_sizes_bytes",
			      in->partition_sizes_bytes, in->partition_count,
			      total)) != ECAP_OK)
		return rc;
	if (split_counts != NULL && count == NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, "count",
				  "count is NULL but split_counts is not");
	if (count != NULL && *count > 0 && split_counts == NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, "split_counts",
				  "split_counts is NULL with capacity %zu",
				  *count);
	return ECAP_OK;
}

/*
 * ShufflePartitionsUtil.coalescePartitions over [0, n) of one shuffle with
 * allowReturnEmpty false (Spark 3.2+): contiguous packing up to target,
 * empty groups skipped, at least one partition.  A group below
 * minPartitionSize that cannot grow is packed with the smaller neighbour:
 * the group before when it is non-empty and smaller than the next
 * partition, else the partitions after; a small last group joins the one
 * before.  coalescePartitionsWithoutSkew keeps the original layout when
 * packing does not reduce the count.
 */
static int64_t
aqe_coalesce(const int64_t *sizes, int64_t n, int64_t target, int64_t min_size)
{
	int64_t i, latest = 0, coalesced = 0, latest_size = 0, specs = 0;

	for (i = 0; i < n; i++) {
		if (!(i > latest && coalesced + sizes[i] > target)) {
			coalesced += sizes[i];
		} else if (coalesced >= min_size) {
			specs += coalesced > 0;
			latest = i;
			latest_size = coalesced;
			coalesced = sizes[i];
		} else if (latest_size > 0 && latest_size < sizes[i]) {
			/* Merged into the group before: no new partition. */
			latest = i;
			latest_size += coalesced;
			coalesced = sizes[i];
		} else {
			coalesced += sizes[i];
		}
	}
	if (!(coalesced < min_size && latest_size > 0))
		specs += coalesced > 0 || specs == 0;
	return specs < n ? specs : n;
}

static int
cmp_asc(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Utils.median: sorted copy; even count takes the mean of the two
 * middle sizes; at least 1. */
static int
aqe_median(const int64_t *sizes, int64_t n, int64_t *median,
	   struct ecap_error *err)
{
	int64_t *s = ecap__malloc((size_t)n * sizeof(*s)), m;

	if (s == NULL)
		return ecap__fail(err, ECAP_ERR_NOMEM, "partition_sizes_bytes",
				  "no memory to sort %" PRId64 " sizes", n);
	memcpy(s, sizes, (size_t)n * sizeof(*s));
	qsort(s, (size_t)n, sizeof(*s), cmp_asc);
	if (n % 2 == 0)
		m = (s[n / 2] + s[n / 2 - 1]) / 2;
	else
		m = s[n / 2];
	ecap__free(s);
	*median = max64(m, 1);
	return ECAP_OK;
}

/* OptimizeSkewedJoin (4.x text): size > getSkewThreshold(median) =
 * threshold max (median * factor).toLong, a Long comparison; toLong
 * truncates and saturates.  (The older size > median * factor compared
 * as a double; the two differ only for sizes above 2^53.) */
static int
is_skewed(int64_t size, int64_t median, double factor, int64_t threshold)
{
	double m = (double)median * factor;
	int64_t t = m >= 9223372036854775807.0 ? INT64_MAX : (int64_t)m;

	return size > max64(threshold, t);
}

/*
 * Splits of one skewed partition by splitSizeListByTargetSize.  Spark
 * packs the partition's per-map block sizes, which a caller does not
 * have; the partition is modelled as a stream of small blocks, so the
 * packing gives floor(size / target) pieces of exactly target plus a
 * remainder r, and the final tryMergePartitions merges r into the
 * previous piece when (r + target) < target * MERGED_PARTITION_FACTOR or
 * r < target * SMALL_PARTITION_FACTOR.  One piece means "not split".
 */
static int64_t
skew_splits(int64_t size, int64_t target)
{
	int64_t n = size / target, r = size % target;
	int merge;

	if (n == 0)
		return 1;
	if (r == 0)
		return n;
	merge = (double)(r + target) < (double)target * MERGED_PARTITION_FACTOR ||
		(double)r < (double)target * SMALL_PARTITION_FACTOR;
	return merge ? n : n + 1;
}

static void
aqe_skew(const ecap_policy *p, const struct ecap_partition_aqe_in *in,
	 int64_t advisory, struct ecap_partition_aqe_out *out)
{
	double factor = ecap__pd(p, ECAP_K_AQE_SKEW_PARTITION_FACTOR);
	int64_t thr = policy_bytes(p, ECAP_K_AQE_SKEW_PARTITION_THRESHOLD_MB);
	int64_t i, sum = 0, cnt = 0, target;
	const int64_t *s = in->partition_sizes_bytes;

	for (i = 0; i < in->partition_count; i++)
		if (!is_skewed(s[i], out->median_size_bytes, factor, thr)) {
			sum += s[i];
			cnt++;
		}
	/* OptimizeSkewedJoin.targetSize */
	target = cnt == 0 ? advisory : max64(advisory, sum / cnt);
	out->skew_split_target_bytes = target;
	out->skewed_partition_count = in->partition_count - cnt;
	for (i = 0; i < in->partition_count; i++)
		if (is_skewed(s[i], out->median_size_bytes, factor, thr))
			out->skew_split_task_count += skew_splits(s[i], target);
}

static void
aqe_reason(struct ecap_partition_aqe_out *out, int64_t advisory,
	   int64_t min_size, int64_t n)
{
	const char *rule;

	if (min_size > min64(out->max_target_size_bytes, advisory)) {
		out->reason = ECAP_PARTITION_REASON_AQE_TARGET_MIN_SIZE;
		rule = "minPartitionSize";
	} else if (out->max_target_size_bytes < advisory) {
		out->reason = ECAP_PARTITION_REASON_AQE_TARGET_PARALLELISM;
		rule = "ceil(total / minNumPartitions)";
	} else {
		out->reason = ECAP_PARTITION_REASON_AQE_TARGET_ADVISORY;
		rule = "the advisory size";
	}
	snprintf(out->reason_text, sizeof(out->reason_text),
		 "ShufflePartitionsUtil: target %" PRId64 " B is %s (advisory %"
		 PRId64 ", max target %" PRId64 ", min %" PRId64 "); %" PRId64
		 " partitions coalesce to %" PRId64 "; %" PRId64 " skewed",
		 out->target_size_bytes, rule, advisory,
		 out->max_target_size_bytes, min_size, n,
		 out->coalesced_partition_count, out->skewed_partition_count);
}

ECAP_API int
ecap_partition_aqe(const ecap_policy *policy,
		   const struct ecap_partition_aqe_in *in,
		   struct ecap_partition_aqe_out *out, int64_t *split_counts,
		   size_t *count, struct ecap_error *err)
{
	int64_t total = 0, median = 0, advisory, min_size, i, n;
	double factor;
	int64_t thr;
	int rc;

	ecap__err_clear(err);
	if ((rc = check_policy(err, policy)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_partition_aqe_in)) !=
		    ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_partition_aqe_out)) !=
		    ECAP_OK ||
	    (rc = aqe_check(in, split_counts, count, err, &total)) != ECAP_OK ||
	    (rc = aqe_median(in->partition_sizes_bytes, in->partition_count,
			     &median, err)) != ECAP_OK)
		return rc;
	/* The median, which allocates, is taken first: a failed call leaves
	 * *out as it was. */
	ECAP__OUT_ZERO(out, ecap_partition_aqe_out);
	out->median_size_bytes = median;
	out->model = policy->model;
	n = in->partition_count;
	if (in->parallelism_first_disabled)
		out->min_num_partitions = 1;
	else if ((rc = resolve_parallelism(err, "default_parallelism",
					   in->default_parallelism,
					   in->total_executor_cores,
					   &out->min_num_partitions)) != ECAP_OK)
		return rc;
	advisory = in->advisory_partition_size_bytes > 0 ?
			   in->advisory_partition_size_bytes :
			   policy_bytes(policy,
					ECAP_K_AQE_ADVISORY_PARTITION_SIZE_MB);
	min_size = in->min_partition_size_bytes > 0 ?
			   in->min_partition_size_bytes :
			   policy_bytes(policy, ECAP_K_AQE_MIN_PARTITION_SIZE_MB);
	out->total_bytes = total;
	out->max_target_size_bytes =
		max64((int64_t)ceil((double)total /
				    (double)out->min_num_partitions), 16);
	out->target_size_bytes = max64(min64(out->max_target_size_bytes,
					     advisory), min_size);
	out->coalesced_partition_count = aqe_coalesce(
		in->partition_sizes_bytes, n, out->target_size_bytes, min_size);
	aqe_skew(policy, in, advisory, out);
	aqe_reason(out, advisory, min_size, n);
	if (count == NULL)
		return ECAP_OK;
	if (*count < (size_t)n) {
		*count = (size_t)n;
		return ecap__fail(err, ECAP_ERR_NOSPACE, "count",
				  "%" PRId64 " split counts need room", n);
	}
	factor = ecap__pd(policy, ECAP_K_AQE_SKEW_PARTITION_FACTOR);
	thr = policy_bytes(policy, ECAP_K_AQE_SKEW_PARTITION_THRESHOLD_MB);
	for (i = 0; i < n; i++)
		split_counts[i] =
			is_skewed(in->partition_sizes_bytes[i],
				  out->median_size_bytes, factor, thr) ?
				skew_splits(in->partition_sizes_bytes[i],
					    out->skew_split_target_bytes) :
				1;
	*count = (size_t)n;
	return ECAP_OK;
}

/* ---- ecap_partition_spark_properties ---- */

ECAP_API int
ecap_partition_spark_properties(const ecap_policy *policy,
		      const struct ecap_partition_out *advice,
		      struct ecap_property *props, size_t *count,
		      struct ecap_error *err)
{
	struct ecap__props ctx;
	int rc;

	ecap__err_clear(err);
	if ((rc = check_policy(err, policy)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, advice, ecap_partition_out)) !=
		    ECAP_OK ||
	    (rc = ecap__check_int64(err, "partition_count",
				    advice->partition_count, 1,
				    MAX_SPARK_INT)) != ECAP_OK ||
	    (rc = ecap__props_begin(&ctx, props, count, err)) != ECAP_OK)
		return rc;
	ecap__props_add(&ctx, "spark.sql.shuffle.partitions", "%" PRId64,
			advice->partition_count);
	ecap__props_add(&ctx, "spark.sql.files.maxPartitionBytes", "%" PRId64,
			policy_bytes(policy, ECAP_K_PARTITION_TARGET_SIZE_MB));
	ecap__props_add(&ctx, "spark.sql.adaptive.enabled", "true");
	ecap__props_add(&ctx, "spark.sql.adaptive.coalescePartitions.enabled",
			"true");
	ecap__props_add(&ctx, "spark.sql.adaptive.advisoryPartitionSizeInBytes",
			"%" PRId64,
			policy_bytes(policy,
				     ECAP_K_AQE_ADVISORY_PARTITION_SIZE_MB));
	ecap__props_add(&ctx,
			"spark.sql.adaptive.coalescePartitions.minPartitionSize",
			"%" PRId64,
			policy_bytes(policy, ECAP_K_AQE_MIN_PARTITION_SIZE_MB));
	ecap__props_add(&ctx, "spark.sql.adaptive.skewJoin.enabled", "true");
	ecap__props_add(&ctx,
			"spark.sql.adaptive.skewJoin.skewedPartitionFactor",
			"%.17g",
			ecap__pd(policy, ECAP_K_AQE_SKEW_PARTITION_FACTOR));
	ecap__props_add(&ctx,
			"spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes",
			"%" PRId64,
			policy_bytes(policy,
				     ECAP_K_AQE_SKEW_PARTITION_THRESHOLD_MB));
	return ecap__props_end(&ctx, err);
}
