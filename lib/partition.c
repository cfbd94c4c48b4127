/* SPDX-License-Identifier: MIT */
/*
 * partition.c - partition sizing: the guide's optimize_partitions and its
 * ecap-1 correction, and the Spark settings that realise an advice.  The
 * engine predictions are in partition-scan.c and partition-aqe.c, the
 * sentences in partition-explain.c.
 */
#include <inttypes.h>

#include "partition.h"

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
	{ ECAP_PARTITION_REASON_KEEP_SCAN, { "keep-scan" } },
	{ ECAP_PARTITION_REASON_COALESCE_SCAN, { "coalesce-scan" } },
	{ ECAP_PARTITION_REASON_REPARTITION_SCAN, { "repartition-scan" } },
	{ ECAP_PARTITION_REASON_KEEP_NEAR_TARGET, { "keep-near-target" } },
	{ ECAP_PARTITION_REASON_MAX_COUNT, { "max-count" } },
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

int
ecap__partition_check_sizes(struct ecap_error *err, const char *field,
			    const int64_t *v, int64_t n, int64_t *sum)
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

int
ecap__partition_parallelism(struct ecap_error *err, const char *field,
			    int64_t given, int64_t cores, int64_t *out)
{
	if (given > 0)
		*out = given;
	else if (cores > 0)
		*out = ecap__max64(cores, 2);
	else
		return ecap__fail(err, ECAP_ERR_INVALID, field,
				  "%s is 0 and total_executor_cores is 0; "
				  "one of them is needed", field);
	return ECAP_OK;
}

/* ---- ecap_partition_advise ---- */

/* The files: a listing, or a count of files of one size. */
static int
files_check(const struct ecap_partition_in *in, struct ecap_error *err,
	    int64_t *files_bytes)
{
	int rc;

	*files_bytes = 0;
	if ((rc = ecap__check_int64(err, "file_count", in->file_count, 0,
				    ECAP_PARTITION_MAX_COUNT)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "file_size_bytes",
				    in->file_size_bytes, 0,
				    ECAP_PARTITION_MAX_BYTES)) != ECAP_OK ||
	    (rc = ecap__check_bool(err, "files_not_splittable",
				   in->files_not_splittable)) != ECAP_OK)
		return rc;
	if (in->file_count == 0) {
		/* Nothing about files may be set without a file count. */
		if (in->file_sizes_bytes != NULL || in->file_size_bytes != 0 ||
		    in->files_not_splittable != 0)
			return ecap__fail(err, ECAP_ERR_INVALID, "file_count",
					  "file_count is 0 but a file listing, "
					  "size or flag is given");
		return ECAP_OK;
	}
	if (in->file_sizes_bytes != NULL) {
		if (in->file_size_bytes != 0)
			return ecap__fail(err, ECAP_ERR_INVALID,
					  "file_size_bytes",
					  "give file_sizes_bytes or "
					  "file_size_bytes, not both");
		return ecap__partition_check_sizes(err, "file_sizes_bytes",
						   in->file_sizes_bytes,
						   in->file_count, files_bytes);
	}
	if (in->file_size_bytes > ECAP_PARTITION_MAX_BYTES / in->file_count)
		return ecap__fail(err, ECAP_ERR_RANGE, "file_size_bytes",
				  "%" PRId64 " files of %" PRId64
				  " B are past 1 EiB", in->file_count,
				  in->file_size_bytes);
	*files_bytes = in->file_count * in->file_size_bytes;
	return ECAP_OK;
}

static int
advise_check(const struct ecap_partition_in *in, struct ecap_error *err,
	     int64_t *bytes)
{
	int64_t files_bytes;
	int rc;

	if ((rc = ecap__check_int64(err, "reserved_0", in->reserved_0, 0,
				    0)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "data_size_bytes", in->data_size_bytes,
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
				    ECAP_PARTITION_MAX_COUNT)) != ECAP_OK ||
	    (rc = files_check(in, err, &files_bytes)) != ECAP_OK)
		return rc;
	if (in->data_size_bytes > 0) {
		*bytes = in->data_size_bytes;
		return ECAP_OK;
	}
	if ((in->row_count == 0 || in->avg_row_bytes == 0) &&
	    files_bytes > 0) {
		*bytes = files_bytes;
		return ECAP_OK;
	}
	if (in->row_count == 0 || in->avg_row_bytes == 0)
		return ecap__fail(err, ECAP_ERR_INVALID, "data_size_bytes",
				  "data_size_bytes is 0 (unknown) and neither "
				  "row_count * avg_row_bytes nor the files' "
				  "sizes are given");
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
 * df.coalesce(n), which Spark ignores when n exceeds the current count. */
static int
advise_guide(const ecap_policy *p, const struct ecap_partition_in *in,
	     struct ecap_partition_out *out, struct ecap_error *err)
{
	double target_mb = ecap__pd(p, ECAP_K_PARTITION_TARGET_SIZE_MB);
	double total_mb = (double)out->data_size_bytes / 1024 / 1024;
	/* At most 2^40 (2^60 bytes over a 1 MB target): exact in int64. */
	int64_t n = (int64_t)(total_mb / target_mb);
	int64_t cur = in->current_partition_count;

	n = ecap__max64(1, n);
	/* coalesce(numPartitions: Int) takes no count past 2^31-1: refused,
	 * in this model as in ecap-1, rather than returned for a renderer
	 * (or Spark) to reject. */
	if (n > ECAP__MAX_SPARK_INT)
		return ecap__fail(err, ECAP_ERR_RANGE, "data_size_bytes",
				  "guide: int(%.17g MB / %.17g MB) = %" PRId64
				  " partitions; Spark takes at most 2147483647",
				  total_mb, target_mb, n);
	out->action = ECAP_PARTITION_ACTION_COALESCE;
	out->partition_count = n;
	out->effective_partition_count = cur > 0 && cur < n ? cur : n;
	out->current_partition_count = cur;
	out->reason = cur > 0 && n > cur ?
			      ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP :
			      ECAP_PARTITION_REASON_GUIDE_COALESCE;
	return ECAP_OK;
}

/*
 * The file split ecap-1 renders (spark.sql.files.maxPartitionBytes): the
 * advised split, never past the target.  Under the count's ceiling they
 * are one (the scan makes the advised count itself); past it the cap is
 * about shuffles (maps x reducers blocks), not scan tasks, which keep
 * the target size the executors were sized for.
 */
static int64_t
scan_split_bytes(const struct ecap_partition_out *o)
{
	return o->target_size_bytes > 0 ?
		ecap__min64(o->split_size_bytes, o->target_size_bytes) :
		o->split_size_bytes;
}

/*
 * The scan's partition count at the split size ecap-1 renders
 * (spark.sql.files.maxPartitionBytes = scan_split_bytes), Spark's
 * default openCostInBytes and minPartitionNum = defaultParallelism =
 * max(cores, 2).  Files of one size are arithmetic; a listing is packed
 * as ecap_partition_scan_tasks does (a scratch copy of its splits).
 */
static int
predict_scan(const struct ecap_partition_in *in,
	     struct ecap_partition_out *out, struct ecap_error *err)
{
	int64_t parallelism = ecap__max64(in->total_executor_cores, 2);
	struct ecap_partition_scan_in sin;
	struct ecap_partition_scan_out sout;
	int rc;

	if (in->total_executor_cores == 0)
		return ecap__fail(err, ECAP_ERR_INVALID, "total_executor_cores",
				  "total_executor_cores is needed to predict "
				  "the file scan's partitions (Spark's "
				  "default parallelism)");
	if (in->file_sizes_bytes == NULL) {
		out->scan_task_count = ecap__partition_scan_uniform(
			in->file_count,
			in->file_size_bytes > 0 ?
				in->file_count * in->file_size_bytes :
				out->data_size_bytes,
			!in->files_not_splittable, scan_split_bytes(out),
			parallelism);
		return ECAP_OK;
	}
	ECAP_STRUCT_INIT(&sin);
	ECAP_STRUCT_INIT(&sout);
	sin.file_sizes_bytes = in->file_sizes_bytes;
	sin.file_count = in->file_count;
	sin.not_splittable = in->files_not_splittable;
	sin.max_partition_bytes = scan_split_bytes(out);
	sin.min_partition_num = parallelism;
	if ((rc = ecap__partition_scan(&sin, &sout, err)) == ECAP_OK)
		out->scan_task_count = sout.task_count;
	return rc;
}

/*
 * Fewer partitions than now are a coalesce, unless the current ones
 * already hold half the target or more on average: coalescing 100
 * partitions of 100 MiB to 80 would merge 20 pairs into 200 MiB tasks and
 * leave the rest, doubling the longest task for nothing.  More is a
 * repartition (coalesce cannot add partitions).  Past partition.max_count
 * the cap is the reason, and the action only reaches the capped count.
 */
static void
choose_action(struct ecap_partition_out *out, bool scan, bool capped)
{
	int64_t n = out->partition_count, cur = out->current_partition_count;

	if (capped) {
		/* Past partition.max_count: reach it whatever the current
		 * partitions hold (keeping more would keep the overload). */
		out->reason = ECAP_PARTITION_REASON_MAX_COUNT;
		out->action = cur == n ? ECAP_PARTITION_ACTION_KEEP :
			      cur > n ? ECAP_PARTITION_ACTION_COALESCE :
					ECAP_PARTITION_ACTION_REPARTITION;
	} else if (cur > n && ecap__ceil_div(out->data_size_bytes, cur) * 2 >=
			       out->target_size_bytes) {
		out->action = ECAP_PARTITION_ACTION_KEEP;
		out->reason = ECAP_PARTITION_REASON_KEEP_NEAR_TARGET;
		out->effective_partition_count = cur;
	} else if (cur == 0) {
		out->action = ECAP_PARTITION_ACTION_REPARTITION;
		out->reason = ECAP_PARTITION_REASON_REPARTITION_CURRENT_UNKNOWN;
	} else if (n == cur) {
		out->action = ECAP_PARTITION_ACTION_KEEP;
		out->reason = scan ? ECAP_PARTITION_REASON_KEEP_SCAN :
				     ECAP_PARTITION_REASON_KEEP;
	} else if (n < cur) {
		out->action = ECAP_PARTITION_ACTION_COALESCE;
		out->reason = scan ? ECAP_PARTITION_REASON_COALESCE_SCAN :
				     ECAP_PARTITION_REASON_COALESCE;
	} else {
		out->action = ECAP_PARTITION_ACTION_REPARTITION;
		out->reason = scan ? ECAP_PARTITION_REASON_REPARTITION_SCAN :
				     ECAP_PARTITION_REASON_REPARTITION;
	}
}

/*
 * The most partitions ecap-1 advises: partition.max_count rounded up to
 * whole waves of the cores, cores x ceil(max_count / cores).  Capping
 * below the cores would idle the rest for the whole stage (100,000 tasks
 * on 104,892 cores), and a last wave only partly full stretches the stage
 * by a whole task while the other cores wait: 100,000 tasks of 6.67 GB on
 * 66,667 cores run in two waves, 2.67 h where the executors were sized
 * for 2.  Whole waves finish the stage in bytes / cores of work a core,
 * the time the executors were sized for, whatever the partitions hold.
 * The ceiling passes the key by less than one wave (never falls below
 * it, so counts under the key are unchanged), and does not depend on the
 * data, so the count still only rises with it.  Without cores, the key.
 * Both are at most ECAP_PARTITION_MAX_COUNT, so the ceiling is under
 * 2^31-1, an Int Spark takes.
 */
static int64_t
ceiling_count(int64_t max_count, int64_t cores)
{
	if (cores <= 0)
		return max_count;
	return ecap__ceil_div(max_count, cores) * cores;
}

/*
 * ecap-1: n = min(max(ceil(bytes / target), floor, 1), ceiling),
 * floor = min(cores * min_tasks_per_core, bytes / min_size), min_size =
 * max(aqe.min_partition_size_mb, partition.min_size_mb).  Idle cores are
 * worth filling, but not with partitions smaller than Spark would make
 * itself: FilePartition.maxSplitBytes never drops below openCostInBytes
 * (4 MiB) on its own, and a task that reads less spends more on being
 * scheduled than on its data (100 MiB on 60 cores is 25 partitions of
 * 4 MiB, not 100 of 1 MiB).  The split rendered as AQE's advisory size
 * is then at least min_size, so AQE (parallelismFirst false, target =
 * max(advisory, minPartitionSize)) keeps the advised count instead of
 * merging it.  Above partition.max_count the count stops and the
 * partitions grow: a shuffle of n maps into n reducers tracks n x n
 * blocks of bytes / n^2 each, which past about 10^5 overwhelms the
 * driver's map statuses and the reducers' fetches; the reason
 * (ECAP_PARTITION_REASON_MAX_COUNT) says so.  The ceiling is rounded up
 * to whole waves of the cores (see ceiling_count), so the cap never
 * idles a core.  Growing the size keeps the answer continuous: the
 * count saturates, the size rises with the data.  The count is compared with the current one, or when that is
 * unknown and the data is read from files, with the count the scan
 * produces at the rendered split size: equal is keep (no shuffle that
 * changes nothing), fewer is a coalesce, more a repartition.
 */
static int
advise_ecap1(const ecap_policy *p, const struct ecap_partition_in *in,
	     struct ecap_partition_out *out, struct ecap_error *err)
{
	int64_t bytes = out->data_size_bytes, n, max_count;
	bool capped;
	int rc;

	out->target_size_bytes =
		ecap__policy_bytes(p, ECAP_K_PARTITION_TARGET_SIZE_MB);
	out->min_partition_size_bytes = ecap__max64(
		ecap__policy_bytes(p, ECAP_K_AQE_MIN_PARTITION_SIZE_MB),
		ecap__policy_bytes(p, ECAP_K_PARTITION_MIN_SIZE_MB));
	out->size_partition_count = ecap__ceil_div(bytes,
						   out->target_size_bytes);
	out->core_task_count = in->total_executor_cores *
			       ecap__pi(p, ECAP_K_PARTITION_MIN_TASKS_PER_CORE);
	out->min_size_partition_count =
		out->min_partition_size_bytes > 0 ?
			bytes / out->min_partition_size_bytes : bytes;
	out->parallelism_floor_count = ecap__min64(
		out->core_task_count, out->min_size_partition_count);
	n = ecap__max64(ecap__max64(out->size_partition_count,
				    out->parallelism_floor_count), 1);
	max_count = ceiling_count(ecap__pi(p, ECAP_K_PARTITION_MAX_COUNT),
				  in->total_executor_cores);
	capped = n > max_count;
	if (capped)
		n = max_count;
	out->partition_count = n;
	out->effective_partition_count = n;
	out->split_size_bytes = ecap__ceil_div(bytes, n);
	out->current_partition_count = in->current_partition_count;
	if (in->current_partition_count == 0 && in->file_count > 0) {
		if ((rc = predict_scan(in, out, err)) != ECAP_OK)
			return rc;
		out->current_partition_count = out->scan_task_count;
	}
	choose_action(out, out->scan_task_count > 0, capped);
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
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_partition_in)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_partition_out)) != ECAP_OK ||
	    (rc = advise_check(in, err, &bytes)) != ECAP_OK)
		return rc;
	ECAP__OUT_ZERO(out, ecap_partition_out);
	out->model = policy->model;
	out->data_size_bytes = bytes;
	if (policy->model == ECAP_MODEL_GUIDE) {
		rc = advise_guide(policy, in, out, err);
		out->target_size_bytes = ecap__policy_bytes(
			policy, ECAP_K_PARTITION_TARGET_SIZE_MB);
	} else {
		rc = advise_ecap1(policy, in, out, err);
	}
	if (rc != ECAP_OK) {
		ECAP__OUT_ZERO(out, ecap_partition_out);
		return rc;
	}
	out->bytes_per_partition = ecap__ceil_div(
		bytes, out->effective_partition_count);
	return ECAP_OK;
}

/* ---- ecap_partition_spark_properties ---- */

/*
 * guide: the policy's sizes.  ecap-1: the advice's split size is AQE's
 * advisory size and, up to the target, the file split size (so a scan
 * makes the advised partitions itself; past the count's ceiling scans
 * keep the target split, and only the shuffle partitions,
 * spark.sql.shuffle.partitions and so AQE's initial partition number,
 * are capped), with parallelismFirst false: Spark's default true
 * ignores the advisory size and packs to total / defaultParallelism
 * ("recommended to set this config to false on a busy cluster";
 * CoalesceShufflePartitions then uses minNumPartitions 1 "so that the
 * specified advisory partition size will be respected").
 */
ECAP_API int
ecap_partition_spark_properties(const ecap_policy *policy,
				const struct ecap_partition_out *advice,
				struct ecap_property *props, size_t *count,
				struct ecap_error *err)
{
	struct ecap__props ctx;
	int64_t split, advisory;
	bool ecap1;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, advice, ecap_partition_out)) !=
		    ECAP_OK ||
	    (rc = ecap__check_int64(err, "partition_count",
				    advice->partition_count, 1,
				    ECAP__MAX_SPARK_INT)) != ECAP_OK)
		return rc;
	ecap1 = advice->model != ECAP_MODEL_GUIDE;
	if (ecap1 && (rc = ecap__check_int64(err, "split_size_bytes",
					     advice->split_size_bytes, 1,
					     ECAP_PARTITION_MAX_BYTES)) !=
			     ECAP_OK)
		return rc;
	if ((rc = ecap__props_begin(&ctx, props, count, err)) != ECAP_OK)
		return rc;
	split = ecap1 ? scan_split_bytes(advice) :
			ecap__policy_bytes(policy,
					   ECAP_K_PARTITION_TARGET_SIZE_MB);
	advisory = ecap1 ? advice->split_size_bytes :
			   ecap__policy_bytes(
				   policy, ECAP_K_AQE_ADVISORY_PARTITION_SIZE_MB);
	ecap__props_add(&ctx, "spark.sql.shuffle.partitions", "%" PRId64,
			advice->partition_count);
	ecap__props_add(&ctx, "spark.sql.files.maxPartitionBytes", "%" PRId64,
			split);
	ecap__props_add(&ctx, "spark.sql.adaptive.enabled", "true");
	ecap__props_add(&ctx, "spark.sql.adaptive.coalescePartitions.enabled",
			"true");
	if (ecap1)
		ecap__props_add(&ctx, "spark.sql.adaptive.coalescePartitions."
				"parallelismFirst", "false");
	ecap__props_add(&ctx, "spark.sql.adaptive.advisoryPartitionSizeInBytes",
			"%" PRId64, advisory);
	ecap__props_add(&ctx,
			"spark.sql.adaptive.coalescePartitions.minPartitionSize",
			"%" PRId64,
			ecap__policy_bytes(policy,
					   ECAP_K_AQE_MIN_PARTITION_SIZE_MB));
	ecap__props_add(&ctx, "spark.sql.adaptive.skewJoin.enabled", "true");
	ecap__props_add(&ctx,
			"spark.sql.adaptive.skewJoin.skewedPartitionFactor",
			"%.17g",
			ecap__pd(policy, ECAP_K_AQE_SKEW_PARTITION_FACTOR));
	ecap__props_add(&ctx,
			"spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes",
			"%" PRId64,
			ecap__policy_bytes(policy,
					   ECAP_K_AQE_SKEW_PARTITION_THRESHOLD_MB));
	return ecap__props_end(&ctx, err);
}
