/* SPDX-License-Identifier: MIT */
/*
 * AQE's post-shuffle coalescing and skew (ShufflePartitionsUtil,
 * OptimizeSkewedJoin), the median by selection, and the sentence.
 * Every expected number is worked by hand in the comment beside it, from
 * the rule named there.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fixture.h"

#define MIB INT64_C(1048576)
#define GIB (1024 * MIB)

/* The last sentence an explain call wrote. */
static char text[ECAP_EXPLAIN_MAX];

/* ---- ecap_partition_aqe ---- */

static struct ecap_partition_aqe_in
aqe_in(const int64_t *sizes, int64_t n, int64_t advisory, int32_t pf_off,
       int64_t dp)
{
	struct ecap_partition_aqe_in in;

	ECAP_STRUCT_INIT(&in);
	in.partition_sizes_bytes = sizes;
	in.partition_count = n;
	in.advisory_partition_size_bytes = advisory;
	in.parallelism_first_disabled = pf_off;
	in.default_parallelism = dp;
	return in;
}

static struct ecap_partition_aqe_out
aqe(const struct ecap_partition_aqe_in *in, int64_t *splits, size_t cap)
{
	struct ecap_partition_aqe_out out;
	size_t count = cap;

	ECAP_STRUCT_INIT(&out);
	ck_assert_msg(ecap_partition_aqe(p, in, &out, splits,
					 splits != NULL ? &count : NULL,
					 &err) == 0, "%s", err.message);
	if (splits != NULL)
		ck_assert_uint_eq(count, (size_t)in->partition_count);
	ck_assert_msg(ecap_partition_aqe_explain(&out, text, sizeof(text),
						 &err) == 0, "%s",
		      err.message);
	return out;
}

START_TEST(aqe_spark_doc_example)
{
	/* ShufflePartitionsUtil's doc: shuffles [100,20,100,10,30] and
	 * [10,10,70,5,5] MiB sum to [110,30,170,15,35]; target 128 MiB
	 * gives [110], [30], [170], [15+35]: 4 partitions */
	int64_t s[] = { 110 * MIB, 30 * MIB, 170 * MIB, 15 * MIB, 35 * MIB };
	struct ecap_partition_aqe_in in = aqe_in(s, 5, 128 * MIB, 1, 0);
	struct ecap_partition_aqe_out o = aqe(&in, NULL, 0);

	/* parallelismFirst off: minNumPartitions 1, maxTarget = 360 MiB,
	 * target = max(min(360, 128), 1) = 128 MiB */
	ck_assert_int_eq(o.min_num_partitions, 1);
	ck_assert_int_eq(o.total_bytes, 360 * MIB);
	ck_assert_int_eq(o.max_target_size_bytes, 360 * MIB);
	ck_assert_int_eq(o.target_size_bytes, 128 * MIB);
	ck_assert_int_eq(o.coalesced_partition_count, 4);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_AQE_TARGET_ADVISORY);
	/* parallelism first, defaultParallelism 4: maxTarget = ceil(360/4)
	 * = 90 MiB < 128: target 90 MiB; 110 | 30 | 170 | 15+35: 4 */
	in = aqe_in(s, 5, 128 * MIB, 0, 4);
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.min_num_partitions, 4);
	ck_assert_int_eq(o.target_size_bytes, 90 * MIB);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_AQE_TARGET_PARALLELISM);
	ck_assert_int_eq(o.coalesced_partition_count, 4);
}
END_TEST

START_TEST(aqe_min_partition_size_merge)
{
	/* ShufflePartitionsUtil's comment: [64, 0.5, 64] MiB with target
	 * 64 MiB cannot coalesce greedily; 0.5 MiB < minPartitionSize 1 MiB
	 * is packed with the smaller neighbour.  Walk: [64] closes (64 >= 1);
	 * 0.5 + 64 > 64 and 0.5 < 1 MiB: the group before (64) is not smaller
	 * than the next (64), so 0.5 packs with the next: [64] [64.5]: 2. */
	int64_t s[] = { 64 * MIB, MIB / 2, 64 * MIB };
	/* Measured by Spark 3.5.3 (tests/spark, min_partition_size_binds):
	 * target max(min(172766, 500), 4000) = 4000, minPartitionSize 4000;
	 * Spark read 15 partitions where greedy packing gives 19. */
	int64_t m[] = { 10626, 7256, 2798, 6926, 14142, 20706, 2798, 2798,
			20706, 14142, 10626, 7256, 10626, 0, 10626, 10626, 7256,
			2798, 7256, 2798 };
	struct ecap_partition_aqe_in in = aqe_in(s, 3, 64 * MIB, 1, 0);
	struct ecap_partition_aqe_out o = aqe(&in, NULL, 0);

	ck_assert_int_eq(o.target_size_bytes, 64 * MIB);
	ck_assert_int_eq(o.coalesced_partition_count, 2);
	/* minPartitionSize 0: nothing is small, greedy gives 3 = n, so the
	 * layout is kept. */
	in.min_partition_size_bytes = 0;
	ck_assert_int_eq(ecap_policy_set_double(p, "aqe.min_partition_size_mb",
						0.0, &err), 0);
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.coalesced_partition_count, 3);
	in = aqe_in(m, 20, 500, 1, 0);
	in.min_partition_size_bytes = 4000;
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.target_size_bytes, 4000);
	ck_assert_int_eq(o.coalesced_partition_count, 15);
}
END_TEST

START_TEST(aqe_targets)
{
	int64_t s[8], halves[] = { 32 * MIB, 32 * MIB }, zeros[] = { 0, 0, 0 };
	int64_t lead0[] = { 0, 0, 100 * MIB };
	struct ecap_partition_aqe_in in;
	struct ecap_partition_aqe_out o;
	int i;

	for (i = 0; i < 8; i++)
		s[i] = 10 * MIB;
	/* advisory 64 MiB (policy default), parallelismFirst off: 6 x 10 =
	 * 60, the 7th makes 70 > 64: [60], [20] -> 2 */
	in = aqe_in(s, 8, 0, 1, 0);
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.target_size_bytes, 64 * MIB);
	ck_assert_int_eq(o.coalesced_partition_count, 2);
	/* parallelism first from cores 8 (max(8, 2)): maxTarget = 80/8 =
	 * 10 MiB; every partition alone is 8, not fewer: Spark keeps 8 */
	in = aqe_in(s, 8, 0, 0, 0);
	in.total_executor_cores = 8;
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.min_num_partitions, 8);
	ck_assert_int_eq(o.target_size_bytes, 10 * MIB);
	ck_assert_int_eq(o.coalesced_partition_count, 8);
	/* defaultParallelism 1000: ceil(83886080 / 1000) = 83887 B; raised
	 * to minPartitionSize 1 MiB; still 8 */
	in = aqe_in(s, 8, 0, 0, 1000);
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.max_target_size_bytes, 83887);
	ck_assert_int_eq(o.target_size_bytes, MIB);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_AQE_TARGET_MIN_SIZE);
	ck_assert_int_eq(o.coalesced_partition_count, 8);
	/* 32 + 32 = 64 MiB is not > 64 MiB: one partition */
	in = aqe_in(halves, 2, 64 * MIB, 1, 0);
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.coalesced_partition_count, 1);
	/* one byte over: two, which is not fewer: 2 */
	halves[1]++;
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.coalesced_partition_count, 2);
	/* all empty: maxTarget = max(ceil(0 / 4), 16) = 16; one forced
	 * partition (allowReturnEmpty false) */
	in = aqe_in(zeros, 3, 0, 0, 4);
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.max_target_size_bytes, 16);
	ck_assert_int_eq(o.coalesced_partition_count, 1);
	/* leading empty partitions are skipped, not a group of their own */
	in = aqe_in(lead0, 3, 64 * MIB, 1, 0);
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.coalesced_partition_count, 1);
	/* explicit min partition size 40 MiB beats advisory 16 MiB:
	 * target 40 MiB; 8 x 10: 40 | 40 -> 2 */
	in = aqe_in(s, 8, 16 * MIB, 1, 0);
	in.min_partition_size_bytes = 40 * MIB;
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.target_size_bytes, 40 * MIB);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_AQE_TARGET_MIN_SIZE);
	ck_assert_int_eq(o.coalesced_partition_count, 2);
}
END_TEST

START_TEST(aqe_skew)
{
	int64_t s[] = { 10 * MIB, 10 * MIB, 10 * MIB, 10 * MIB, 300 * MIB };
	int64_t e[] = { 100 * MIB, 100 * MIB, 100 * MIB, 500 * MIB };
	int64_t t[] = { 300 * MIB, 10 * MIB, 10 * MIB, 256 * MIB };
	int64_t splits[5];
	struct ecap_partition_aqe_in in = aqe_in(s, 5, 0, 1, 0);
	struct ecap_partition_aqe_out o;

	/* median of 5 = 10 MiB; 300 > 10 * 5 and 300 > 256: skewed.  Split
	 * target max(64, mean(10,10,10,10) = 10) = 64 MiB; 300 = 4 x 64 +
	 * 44; 44 >= 0.2 * 64 = 12.8 and 44 + 64 >= 1.2 * 64: 5 splits */
	o = aqe(&in, splits, 5);
	ck_assert_int_eq(o.median_size_bytes, 10 * MIB);
	ck_assert_int_eq(o.skewed_partition_count, 1);
	ck_assert_int_eq(o.skew_split_target_bytes, 64 * MIB);
	ck_assert_int_eq(o.skew_split_task_count, 5);
	ck_assert_int_eq(splits[0], 1);
	ck_assert_int_eq(splits[3], 1);
	ck_assert_int_eq(splits[4], 5);
	/* even count: median (100 + 100) / 2 = 100 MiB; 500 = 100 * 5 is
	 * not > median * factor: not skewed */
	in = aqe_in(e, 4, 0, 1, 0);
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.median_size_bytes, 100 * MIB);
	ck_assert_int_eq(o.skewed_partition_count, 0);
	/* one byte over: skewed; target max(64, 100) = 100 MiB; 5 x 100 +
	 * 1 B, 1 B < 20 MiB merges: 5 splits */
	e[3] = 500 * MIB + 1;
	o = aqe(&in, splits, 4);
	ck_assert_int_eq(o.skewed_partition_count, 1);
	ck_assert_int_eq(o.skew_split_target_bytes, 100 * MIB);
	ck_assert_int_eq(splits[3], 5);
	/* remainder 20 MiB - 1 < 0.2 * 100 MiB: merged, 5 splits */
	e[3] = 520 * MIB - 1;
	o = aqe(&in, splits, 4);
	ck_assert_int_eq(splits[3], 5);
	/* remainder exactly 20 MiB is not < 20 MiB: 6 splits */
	e[3] = 520 * MIB;
	o = aqe(&in, splits, 4);
	ck_assert_int_eq(splits[3], 6);
	ck_assert_int_eq(o.skew_split_task_count, 6);
	/* threshold: median (10 + 256) / 2 = 133 MiB, 5 x = 665 MiB; 300
	 * MiB is not skewed, so none is */
	in = aqe_in(t, 4, 0, 1, 0);
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.median_size_bytes, 133 * MIB);
	ck_assert_int_eq(o.skewed_partition_count, 0);
	/* threshold edge: sizes [1, 1, 256 MiB]: median 1 B; 256 MiB is not
	 * > 256 MiB (threshold); 256 MiB + 1 is: target max(64 MiB, mean(1,
	 * 1) = 1) = 64 MiB; 4 x 64 + 1 B merges: 4 splits */
	t[0] = 1;
	t[1] = 1;
	t[2] = 256 * MIB;
	in = aqe_in(t, 3, 0, 1, 0);
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.median_size_bytes, 1);
	ck_assert_int_eq(o.skewed_partition_count, 0);
	t[2] = 256 * MIB + 1;
	o = aqe(&in, splits, 3);
	ck_assert_int_eq(o.skewed_partition_count, 1);
	ck_assert_int_eq(splits[2], 4);
	/* getSkewThreshold is a Long: factor 8, sizes [2^50, 2^50, 2^53 + 1]:
	 * median 2^50, (2^50 * 8.0).toLong = 2^53 and 2^53 + 1 > 2^53 is
	 * skewed (as a double 2^53 + 1 rounds to 2^53 and would not be);
	 * target max(64 MiB, mean(2^50, 2^50)) = 2^50: 8 x 2^50 + 1 B, the
	 * 1 B remainder < 0.2 x 2^50 merges: 8 splits */
	ck_assert_int_eq(ecap_policy_set_double(p, "aqe.skew_partition_factor",
						8, &err), 0);
	{
		int64_t h[] = { INT64_C(1) << 50, INT64_C(1) << 50,
				(INT64_C(1) << 53) + 1 };

		in = aqe_in(h, 3, 0, 1, 0);
		o = aqe(&in, splits, 3);
		ck_assert_int_eq(o.median_size_bytes, INT64_C(1) << 50);
		ck_assert_int_eq(o.skewed_partition_count, 1);
		ck_assert_int_eq(o.skew_split_target_bytes, INT64_C(1) << 50);
		ck_assert_int_eq(splits[2], 8);
		/* exactly 2^53 is not > 2^53 */
		h[2] = INT64_C(1) << 53;
		o = aqe(&in, NULL, 0);
		ck_assert_int_eq(o.skewed_partition_count, 0);
	}
	ck_assert_int_eq(ecap_policy_set_double(p, "aqe.skew_partition_factor",
						5, &err), 0);
	/* median at least 1: [0, 0] gives max((0 + 0) / 2, 1) = 1 */
	t[0] = t[1] = 0;
	in = aqe_in(t, 2, 0, 1, 0);
	o = aqe(&in, NULL, 0);
	ck_assert_int_eq(o.median_size_bytes, 1);
	/* policy factor 2, threshold 0: [10, 10, 21] MiB: median 10, 21 > 20
	 * skewed; target max(64, 10) = 64 MiB > 21 MiB: 1 split (not split) */
	ck_assert_int_eq(ecap_policy_set_double(p, "aqe.skew_partition_factor",
						2, &err), 0);
	ck_assert_int_eq(ecap_policy_set_double(p,
						"aqe.skew_partition_threshold_mb",
						0, &err), 0);
	t[0] = t[1] = 10 * MIB;
	t[2] = 21 * MIB;
	in = aqe_in(t, 3, 0, 1, 0);
	o = aqe(&in, splits, 3);
	ck_assert_int_eq(o.skewed_partition_count, 1);
	ck_assert_int_eq(splits[2], 1);
}
END_TEST

START_TEST(aqe_bad_input)
{
	int64_t s[] = { MIB, MIB, MIB }, splits[3];
	struct ecap_partition_aqe_in in = aqe_in(s, 3, 0, 1, 0);
	struct ecap_partition_aqe_out out;
	size_t count = 2;
	struct {
		struct ecap_partition_aqe_in in;
		unsigned char tail[8];
	} big;

	ECAP_STRUCT_INIT(&out);
	ck_assert_err(ecap_partition_aqe(NULL, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_partition_aqe(p, NULL, &out, NULL, NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_partition_aqe_in");
	ck_assert_err(ecap_partition_aqe(p, &in, NULL, NULL, NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_partition_aqe_out");
	/* too small an array: the needed count, ECAP_ERR_NOSPACE, and the
	 * result is still filled: 3 x 1 MiB coalesce into 1 */
	ck_assert_err(ecap_partition_aqe(p, &in, &out, splits, &count, &err),
		      ECAP_ERR_NOSPACE, err, "count");
	ck_assert_uint_eq(count, 3);
	ck_assert_int_eq(out.coalesced_partition_count, 1);
	ck_assert_err(ecap_partition_aqe(p, &in, &out, splits, NULL, &err),
		      ECAP_ERR_INVALID, err, "count");
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, &count, &err),
		      ECAP_ERR_INVALID, err, "split_counts");
	/* count 0 and no array: asks for the size */
	count = 0;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, &count, &err),
		      ECAP_ERR_NOSPACE, err, "count");
	ck_assert_uint_eq(count, 3);
	in.sz = 1;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_partition_aqe_in");
	in.sz = sizeof(in);
	memset(&big, 0, sizeof(big));
	big.in = in;
	big.in.sz = sizeof(big);
	ck_assert_int_eq(ecap_partition_aqe(p, &big.in, &out, NULL, NULL,
					    &err), 0);
	big.tail[0] = 1;
	ck_assert_err(ecap_partition_aqe(p, &big.in, &out, NULL, NULL, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_partition_aqe_in");
	in.partition_count = 0;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_RANGE, err, "partition_count");
	in.partition_count = ECAP_PARTITION_MAX_COUNT + 1;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_RANGE, err, "partition_count");
	in.partition_count = 3;
	in.partition_sizes_bytes = NULL;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_INVALID, err, "partition_sizes_bytes");
	in.partition_sizes_bytes = s;
	s[2] = -1;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_RANGE, err, "partition_sizes_bytes");
	s[1] = s[2] = ECAP_PARTITION_MAX_BYTES;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_RANGE, err, "partition_sizes_bytes");
	s[1] = s[2] = MIB;
	in.advisory_partition_size_bytes = -1;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_RANGE, err, "advisory_partition_size_bytes");
	in.advisory_partition_size_bytes = 0;
	in.min_partition_size_bytes = ECAP_PARTITION_MAX_BYTES + 1;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_RANGE, err, "min_partition_size_bytes");
	in.min_partition_size_bytes = 0;
	in.parallelism_first_disabled = 2;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_RANGE, err, "parallelism_first_disabled");
	in.parallelism_first_disabled = 0;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_INVALID, err, "default_parallelism");
	in.default_parallelism = INT64_C(2147483648);
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_RANGE, err, "default_parallelism");
	in.default_parallelism = 0;
	in.total_executor_cores = -3;
	ck_assert_err(ecap_partition_aqe(p, &in, &out, NULL, NULL, &err),
		      ECAP_ERR_RANGE, err, "total_executor_cores");
}
END_TEST

static int
cmp_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The median as Utils.median computes it: sort, take the middle (even:
 * the mean of the two middle ones), at least 1. */
static int64_t
sorted_median(const int64_t *v, int64_t n)
{
	int64_t *s = malloc((size_t)n * sizeof(*s)), m;

	ck_assert_ptr_nonnull(s);
	memcpy(s, v, (size_t)n * sizeof(*s));
	qsort(s, (size_t)n, sizeof(*s), cmp_int64);
	m = n % 2 == 0 ? (s[n / 2] + s[n / 2 - 1]) / 2 : s[n / 2];
	free(s);
	return m > 1 ? m : 1;
}

/*
 * The median is found by selection (quickselect), not a sort of every
 * partition: the answer must be the sorted one for every count (odd and
 * even, on the stack up to 512 and allocated past it), with duplicates,
 * sorted and reversed input, and never touch the caller's array.
 */
START_TEST(aqe_median_by_selection)
{
	static const int64_t counts[] = { 1, 2, 3, 4, 5, 7, 8, 63, 64, 511,
					  512, 513, 1000, 4097 };
	int64_t *v = malloc(4097 * sizeof(*v)), *copy = malloc(4097 * sizeof(*v));
	struct ecap_partition_aqe_in in;
	struct ecap_partition_aqe_out o;
	uint64_t x = 88172645463325252u;
	size_t c;
	int shape;

	ck_assert_ptr_nonnull(v);
	ck_assert_ptr_nonnull(copy);
	for (c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
		int64_t n = counts[c], i;

		for (shape = 0; shape < 5; shape++) {
			for (i = 0; i < n; i++) {
				/* xorshift64 */
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				v[i] = shape == 0 ? (int64_t)(x % (64 * MIB)) :
				       shape == 1 ? (int64_t)(x % 3) * MIB :
				       shape == 2 ? i * 1000 :
				       shape == 3 ? (n - i) * 1000 :
						    (i % 2 ? 0 : GIB);
			}
			memcpy(copy, v, (size_t)n * sizeof(*v));
			in = aqe_in(v, n, 64 * MIB, 1, 0);
			o = aqe(&in, NULL, 0);
			ck_assert_int_eq(o.median_size_bytes,
					 sorted_median(copy, n));
			ck_assert_mem_eq(v, copy, (size_t)n * sizeof(*v));
		}
	}
	free(v);
	free(copy);
}
END_TEST

START_TEST(aqe_explain)
{
	/* aqe_spark_doc_example's summed sizes, advisory 128 MiB */
	int64_t s[] = { 110 * MIB, 30 * MIB, 170 * MIB, 15 * MIB, 35 * MIB };
	struct ecap_partition_aqe_in in = aqe_in(s, 5, 128 * MIB, 1, 0);
	struct ecap_partition_aqe_out o = aqe(&in, NULL, 0);
	char small[24];

	ck_assert_int_eq(o.partition_count, 5);
	ck_assert_int_eq(o.advisory_partition_size_bytes, 128 * MIB);
	/* aqe.min_partition_size_mb 1 */
	ck_assert_int_eq(o.min_partition_size_bytes, MIB);
	ck_assert_ptr_nonnull(strstr(text, "target 134217728 B is the "
				     "advisory size"));
	ck_assert_ptr_nonnull(strstr(text, "5 partitions coalesce to 4"));
	ck_assert_err(ecap_partition_aqe_explain(&o, small, sizeof(small),
						 &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_uint_eq(strlen(small), sizeof(small) - 1);
	o.reason = 0;
	ck_assert_err(ecap_partition_aqe_explain(&o, text, sizeof(text), &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
	o.reason = ECAP_PARTITION_REASON_AQE_TARGET_PARALLELISM;
	o.target_size_bytes = o.advisory_partition_size_bytes = INT64_MIN;
	o.max_target_size_bytes = o.min_partition_size_bytes = INT64_MIN;
	o.partition_count = o.coalesced_partition_count = INT64_MIN;
	o.skewed_partition_count = o.median_size_bytes = INT64_MIN;
	o.skew_split_task_count = INT64_MIN;
	ck_assert_int_eq(ecap_partition_aqe_explain(&o, text, sizeof(text),
						    &err), 0);
}
END_TEST

Suite *
partition_aqe_suite(void)
{
	Suite *s = suite_create("partition-aqe");
	TCase *tc = tcase_create("aqe");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, aqe_spark_doc_example);
	tcase_add_test(tc, aqe_min_partition_size_merge);
	tcase_add_test(tc, aqe_targets);
	tcase_add_test(tc, aqe_skew);
	tcase_add_test(tc, aqe_bad_input);
	tcase_add_test(tc, aqe_median_by_selection);
	tcase_add_test(tc, aqe_explain);
	suite_add_tcase(s, tc);
	return s;
}
