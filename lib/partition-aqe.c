/* SPDX-License-Identifier: MIT */
/*
 * partition-aqe.c - AQE's post-shuffle coalescing (ShufflePartitionsUtil)
 * and skewed partitions (OptimizeSkewedJoin), engine-facts 2.2 and 2.3.
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "partition.h"

/* ShufflePartitionsUtil's constants for splitting a skewed partition. */
#define SMALL_PARTITION_FACTOR 0.2
#define MERGED_PARTITION_FACTOR 1.2

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
				    ECAP__MAX_SPARK_INT)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "total_executor_cores",
				    in->total_executor_cores, 0,
				    ECAP_PARTITION_MAX_COUNT)) != ECAP_OK ||
	    (rc = ecap__partition_check_sizes(err, "partition_sizes_bytes",
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

static void
swap64(int64_t *a, int64_t *b)
{
	int64_t t = *a;

	*a = *b;
	*b = t;
}

/*
 * Moves the k-th smallest of v[0..n) to v[k], smaller ones before it and
 * larger ones after (nth_element): Hoare quickselect on a median-of-three
 * pivot, expected linear.  Past 2 log2(n) rounds (an adversarial order)
 * the rest is sorted, so the worst case stays n log n.
 */
static void
select_kth(int64_t *v, int64_t n, int64_t k)
{
	int64_t lo = 0, hi = n - 1, rounds = 0, limit = 2;

	for (int64_t m = n; m > 1; m /= 2)
		limit += 2;
	while (hi > lo) {
		int64_t mid = lo + (hi - lo) / 2, i = lo, j = hi, pivot;

		if (++rounds > limit) {
			qsort(v + lo, (size_t)(hi - lo + 1), sizeof(*v),
			      cmp_asc);
			return;
		}
		if (v[mid] < v[lo])
			swap64(&v[mid], &v[lo]);
		if (v[hi] < v[lo])
			swap64(&v[hi], &v[lo]);
		if (v[hi] < v[mid])
			swap64(&v[hi], &v[mid]);
		pivot = v[mid];
		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j)
				swap64(&v[i++], &v[j--]);
		}
		/* [lo, j] <= pivot <= [i, hi]; between them equal pivot. */
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

/* Scratch copies up to this many sizes live on the stack (4 KiB). */
#define MEDIAN_STACK_COUNT 512

/* Utils.median over the sorted sizes: the middle one, or for an even
 * count the mean of the two middle ones; at least 1.  Found by selection
 * on a scratch copy (the caller's array is const), not a full sort. */
static int
aqe_median(const int64_t *sizes, int64_t n, int64_t *median,
	   struct ecap_error *err)
{
	int64_t stack[MEDIAN_STACK_COUNT], *s = stack, m, i, below;

	if (n > MEDIAN_STACK_COUNT &&
	    (s = ecap__malloc((size_t)n * sizeof(*s))) == NULL)
		return ecap__fail(err, ECAP_ERR_NOMEM, "partition_sizes_bytes",
				  "no memory to copy %" PRId64 " sizes", n);
	memcpy(s, sizes, (size_t)n * sizeof(*s));
	select_kth(s, n, n / 2);
	m = s[n / 2];
	if (n % 2 == 0) {
		/* The (n/2 - 1)-th smallest is the largest of those before. */
		below = s[0];
		for (i = 1; i < n / 2; i++)
			below = ecap__max64(below, s[i]);
		m = (m + below) / 2;
	}
	if (s != stack)
		ecap__free(s);
	*median = ecap__max64(m, 1);
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

	return size > ecap__max64(threshold, t);
}

/*
 * Splits of one skewed partition by splitSizeListByTargetSize.  Spark
 * packs the partition's per-map block sizes, which a caller does not
 * have; the partition is modelled as a stream of small blocks, so the
 * packing gives ecap__floor(size / target) pieces of exactly target plus a
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
	int64_t thr = ecap__policy_bytes(p, ECAP_K_AQE_SKEW_PARTITION_THRESHOLD_MB);
	int64_t i, sum = 0, cnt = 0, target;
	const int64_t *s = in->partition_sizes_bytes;

	for (i = 0; i < in->partition_count; i++)
		if (!is_skewed(s[i], out->median_size_bytes, factor, thr)) {
			sum += s[i];
			cnt++;
		}
	/* OptimizeSkewedJoin.targetSize */
	target = cnt == 0 ? advisory : ecap__max64(advisory, sum / cnt);
	out->skew_split_target_bytes = target;
	out->skewed_partition_count = in->partition_count - cnt;
	for (i = 0; i < in->partition_count; i++)
		if (is_skewed(s[i], out->median_size_bytes, factor, thr))
			out->skew_split_task_count += skew_splits(s[i], target);
}

static void
aqe_reason(struct ecap_partition_aqe_out *out)
{
	if (out->min_partition_size_bytes >
	    ecap__min64(out->max_target_size_bytes,
			out->advisory_partition_size_bytes))
		out->reason = ECAP_PARTITION_REASON_AQE_TARGET_MIN_SIZE;
	else if (out->max_target_size_bytes <
		 out->advisory_partition_size_bytes)
		out->reason = ECAP_PARTITION_REASON_AQE_TARGET_PARALLELISM;
	else
		out->reason = ECAP_PARTITION_REASON_AQE_TARGET_ADVISORY;
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
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_partition_aqe_in)) !=
		    ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_partition_aqe_out)) !=
		    ECAP_OK ||
	    (rc = aqe_check(in, split_counts, count, err, &total)) != ECAP_OK ||
	    (rc = aqe_median(in->partition_sizes_bytes, in->partition_count,
			     &median, err)) != ECAP_OK)
		return rc;
	/* The median, which may allocate, is taken first: a failed
	 * allocation leaves *out as it was. */
	ECAP__OUT_ZERO(out, ecap_partition_aqe_out);
	out->median_size_bytes = median;
	out->model = policy->model;
	n = in->partition_count;
	if (in->parallelism_first_disabled)
		out->min_num_partitions = 1;
	else if ((rc = ecap__partition_parallelism(err, "default_parallelism",
					   in->default_parallelism,
					   in->total_executor_cores,
					   &out->min_num_partitions)) != ECAP_OK)
		return rc;
	advisory = in->advisory_partition_size_bytes > 0 ?
			   in->advisory_partition_size_bytes :
			   ecap__policy_bytes(policy,
					ECAP_K_AQE_ADVISORY_PARTITION_SIZE_MB);
	min_size = in->min_partition_size_bytes > 0 ?
			   in->min_partition_size_bytes :
			   ecap__policy_bytes(policy, ECAP_K_AQE_MIN_PARTITION_SIZE_MB);
	out->total_bytes = total;
	out->max_target_size_bytes =
		ecap__max64((int64_t)ecap__ceil((double)total /
				    (double)out->min_num_partitions), 16);
	out->target_size_bytes = ecap__max64(ecap__min64(out->max_target_size_bytes,
					     advisory), min_size);
	out->coalesced_partition_count = aqe_coalesce(
		in->partition_sizes_bytes, n, out->target_size_bytes, min_size);
	aqe_skew(policy, in, advisory, out);
	out->partition_count = n;
	out->advisory_partition_size_bytes = advisory;
	out->min_partition_size_bytes = min_size;
	aqe_reason(out);
	if (count == NULL)
		return ECAP_OK;
	if (*count < (size_t)n) {
		*count = (size_t)n;
		return ecap__fail(err, ECAP_ERR_NOSPACE, "count",
				  "%" PRId64 " split counts need room", n);
	}
	factor = ecap__pd(policy, ECAP_K_AQE_SKEW_PARTITION_FACTOR);
	thr = ecap__policy_bytes(policy, ECAP_K_AQE_SKEW_PARTITION_THRESHOLD_MB);
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

