/* SPDX-License-Identifier: MIT */
/*
 * ecap-1's bounds on the partition count: the smallest partition the
 * parallelism floor makes (partition.min_size_mb, Spark's openCostInBytes
 * of 4 MiB, with AQE's 1 MiB minimum), the most partitions it advises
 * (partition.max_count), what AQE makes of the rendered settings, and a
 * grid from 1 MB to 1 PB on 1 to 10,000 cores.  Expected numbers are
 * worked by hand beside them.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define MIB INT64_C(1048576)
#define GIB (1024 * MIB)
#define TIB (1024 * GIB)

static char text[ECAP_EXPLAIN_MAX];

static struct ecap_partition_out
advise(int64_t bytes, int64_t current, int64_t cores)
{
	struct ecap_partition_in in;
	struct ecap_partition_out out;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	in.data_size_bytes = bytes;
	in.current_partition_count = current;
	in.total_executor_cores = cores;
	ck_assert_msg(ecap_partition_advise(p, &in, &out, &err) == 0, "%s",
		      err.message);
	ck_assert_msg(ecap_partition_explain(&out, text, sizeof(text), &err) ==
			      0, "%s", err.message);
	return out;
}

/* The reviewer's commands: --total-cores 60 --current-partitions 200. */
START_TEST(review_cases)
{
	struct ecap_partition_out o;

	/* 1 MiB: ceil(1 MiB / 128 MiB) = 1; floor min(120, 1 MiB / 4 MiB =
	 * 0) = 0: one partition, coalesced from 200 */
	o = advise(MIB, 200, 60);
	ck_assert_int_eq(o.partition_count, 1);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_COALESCE);
	/* 100 MiB: floor min(60 x 2 = 120, 100 MiB / 4 MiB = 25) = 25
	 * partitions of exactly 4 MiB (was 100 of 1 MiB) */
	o = advise(100 * MIB, 200, 60);
	ck_assert_int_eq(o.min_partition_size_bytes, 4 * MIB);
	ck_assert_int_eq(o.min_size_partition_count, 25);
	ck_assert_int_eq(o.partition_count, 25);
	ck_assert_int_eq(o.split_size_bytes, 4 * MIB);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_COALESCE);
	/* 1 GiB: floor min(120, 1024 / 4 = 256) = 120 partitions of
	 * ceil(2^30 / 120) = ceil(8947848.53) = 8947849 B (unchanged) */
	o = advise(GIB, 200, 60);
	ck_assert_int_eq(o.partition_count, 120);
	ck_assert_int_eq(o.split_size_bytes, 8947849);
	/* 500 TiB: ceil(500 x 2^40 / 2^27) = 4096000 > partition.max_count
	 * 100000: 100000 partitions of ceil(549755813888000 / 100000) =
	 * 5497558139 B (5.12 GiB), a repartition from 200, flagged */
	o = advise(500 * TIB, 200, 60);
	ck_assert_int_eq(o.size_partition_count, 4096000);
	ck_assert_int_eq(o.partition_count, 100000);
	ck_assert_int_eq(o.effective_partition_count, 100000);
	ck_assert_int_eq(o.split_size_bytes, INT64_C(5497558139));
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_REPARTITION);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_MAX_COUNT);
	ck_assert_str_eq(text, "ecap-1: repartition 100000 partitions of "
			 "5.12 GiB: 500 TiB asks for 4096000 (ceil(size / "
			 "target)), above partition.max_count 100000 (a "
			 "shuffle tracks maps x reducers blocks), so the "
			 "partitions grow past the 128 MiB target; consider "
			 "processing the data in batches (current 200)");
}
END_TEST

START_TEST(max_count)
{
	struct ecap_partition_out o;

	/* exactly 100000 x 128 MiB = 12800000 MiB: ceil = 100000, not
	 * capped; one byte more asks for 100001: capped at 100000 */
	o = advise(100000 * 128 * MIB, 0, 0);
	ck_assert_int_eq(o.partition_count, 100000);
	ck_assert_int_eq(o.reason,
			 ECAP_PARTITION_REASON_REPARTITION_CURRENT_UNKNOWN);
	o = advise(100000 * 128 * MIB + 1, 0, 0);
	ck_assert_int_eq(o.partition_count, 100000);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_MAX_COUNT);
	/* 500 TiB on 3,000,000 current partitions (183 MiB each, above half
	 * the target): the near-target keep would keep 3,000,000; past the
	 * cap the count is reached by a coalesce instead */
	o = advise(500 * TIB, 3000000, 60);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_COALESCE);
	ck_assert_int_eq(o.effective_partition_count, 100000);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_MAX_COUNT);
	/* already at the cap: keep */
	o = advise(500 * TIB, 100000, 60);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_KEEP);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_MAX_COUNT);
	/* a policy cap of 10: 2 GiB asks for ceil(2048 / 128) = 16 -> 10 of
	 * ceil(2147483648 / 10) = 214748365 B */
	ck_assert_int_eq(ecap_policy_set_int64(p, "partition.max_count", 10,
					       &err), 0);
	o = advise(2 * GIB, 0, 0);
	ck_assert_int_eq(o.partition_count, 10);
	ck_assert_int_eq(o.split_size_bytes, 214748365);
	/* the floor drives it: 1 GiB on 60 cores asks for 120 (floor) */
	o = advise(GIB, 0, 60);
	ck_assert_int_eq(o.partition_count, 10);
	ck_assert_ptr_nonnull(strstr(text, "asks for 120 (the parallelism "
				     "floor)"));
	/* the key's range: 1 .. ECAP_PARTITION_MAX_COUNT */
	ck_assert_err(ecap_policy_set_int64(p, "partition.max_count", 0,
					    &err),
		      ECAP_ERR_RANGE, err, "partition.max_count");
	ck_assert_err(ecap_policy_set_int64(p, "partition.max_count",
					    ECAP_PARTITION_MAX_COUNT + 1, &err),
		      ECAP_ERR_RANGE, err, "partition.max_count");
	/* the guide is not capped: int(500 TiB / 128 MiB) = 4096000 */
	ck_assert_int_eq(ecap_policy_set_int64(p, "partition.max_count",
					       100000, &err), 0);
	use_model("guide");
	o = advise(500 * TIB, 0, 60);
	ck_assert_int_eq(o.partition_count, 4096000);
}
END_TEST

START_TEST(min_size_key)
{
	struct ecap_partition_out o;

	/* partition.min_size_mb 1 gives back AQE's 1 MiB: 100 MiB on 60
	 * cores is min(120, 100) = 100 partitions of 1 MiB */
	ck_assert_int_eq(ecap_policy_set_double(p, "partition.min_size_mb",
						1.0, &err), 0);
	o = advise(100 * MIB, 200, 60);
	ck_assert_int_eq(o.partition_count, 100);
	/* a larger AQE minimum wins over a smaller key: max(8, 1) = 8 MiB,
	 * 100 MiB / 8 MiB = 12 partitions */
	ck_assert_int_eq(ecap_policy_set_double(p, "aqe.min_partition_size_mb",
						8.0, &err), 0);
	o = advise(100 * MIB, 200, 60);
	ck_assert_int_eq(o.min_partition_size_bytes, 8 * MIB);
	ck_assert_int_eq(o.partition_count, 12);
}
END_TEST

/*
 * What AQE does with the rendered settings (parallelismFirst false,
 * advisory = split, minPartitionSize = aqe.min_partition_size_mb): a
 * shuffle of the advised partitions, sizes as even as integers allow, is
 * not coalesced further.  ShufflePartitionsUtil: target = max(min(
 * ceil(total / 1), advisory), minPartitionSize) = split; any two
 * neighbours together exceed it, so no merge.
 */
static int64_t
rendered(const struct ecap_property *props, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(props[i].key, key) == 0)
			return strtoll(props[i].value, NULL, 10);
	ck_abort_msg("%s not rendered", key);
	return 0;
}

static void
check_aqe_keeps(int64_t bytes, int64_t cores)
{
	struct ecap_property props[16];
	struct ecap_partition_aqe_in ain;
	struct ecap_partition_aqe_out aout;
	struct ecap_partition_out o = advise(bytes, 0, cores);
	size_t n = 16, i;
	int64_t *sizes = malloc((size_t)o.partition_count * sizeof(*sizes));

	ck_assert_ptr_nonnull(sizes);
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&props[i]);
	ck_assert_int_eq(ecap_partition_spark_properties(p, &o, props, &n,
							 &err), 0);
	for (i = 0; i < (size_t)o.partition_count; i++)
		sizes[i] = bytes / o.partition_count +
			   ((int64_t)i < bytes % o.partition_count);
	ECAP_STRUCT_INIT(&ain);
	ECAP_STRUCT_INIT(&aout);
	ain.partition_sizes_bytes = sizes;
	ain.partition_count = o.partition_count;
	ain.advisory_partition_size_bytes = rendered(
		props, n, "spark.sql.adaptive.advisoryPartitionSizeInBytes");
	ain.min_partition_size_bytes = rendered(
		props, n,
		"spark.sql.adaptive.coalescePartitions.minPartitionSize");
	ain.parallelism_first_disabled = 1;
	ck_assert_msg(ecap_partition_aqe(p, &ain, &aout, NULL, NULL, &err) == 0,
		      "%s", err.message);
	ck_assert_int_eq(aout.target_size_bytes, o.split_size_bytes);
	ck_assert_int_eq(aout.coalesced_partition_count, o.partition_count);
	free(sizes);
}

START_TEST(aqe_keeps_the_advice)
{
	/* 100 MiB on 60 cores: 25 x 4 MiB; 1 GiB: 120 x 8947849 B; 8 MiB
	 * on 2 cores: 2 x 4 MiB; 3 GiB on 4 cores: 24 x 128 MiB; 500 TiB:
	 * 100000 x 5497558139 B */
	check_aqe_keeps(100 * MIB, 60);
	check_aqe_keeps(GIB, 60);
	check_aqe_keeps(8 * MIB, 2);
	check_aqe_keeps(3 * GIB, 4);
	check_aqe_keeps(500 * TIB, 60);
}
END_TEST

/*
 * The grid: 1 MiB to 1 PiB in steps of 1 %, on 1 to 10,000 cores.  More
 * data never gives fewer partitions, no partition of a split advice is
 * below 4 MiB, the count never passes partition.max_count, and the
 * partition size never jumps up by more than the data did (it falls
 * only where the count steps up).
 */
START_TEST(grid_is_smooth)
{
	static const int64_t cores[] = { 1, 2, 8, 60, 160, 1000, 10000 };
	size_t c;

	for (c = 0; c < sizeof(cores) / sizeof(cores[0]); c++) {
		int64_t prev_n = 0, prev_split = 0;
		double b;

		for (b = (double)MIB; b <= (double)(1024 * TIB); b *= 1.01) {
			struct ecap_partition_out o =
				advise((int64_t)b, 0, cores[c]);

			ck_assert_int_ge(o.partition_count, prev_n);
			ck_assert_int_le(o.partition_count, 100000);
			if (o.partition_count > 1)
				ck_assert_int_ge(o.split_size_bytes, 4 * MIB);
			if (prev_split > 0)
				ck_assert_msg((double)o.split_size_bytes <=
						      (double)prev_split * 1.0101 + 1,
					      "%" PRId64 " cores, %.0f B: %" PRId64
					      " -> %" PRId64, cores[c], b,
					      prev_split, o.split_size_bytes);
			prev_n = o.partition_count;
			prev_split = o.split_size_bytes;
		}
	}
}
END_TEST

Suite *
partition_bounds_suite(void)
{
	Suite *s = suite_create("partition-bounds");
	TCase *tc = tcase_create("bounds");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, review_cases);
	tcase_add_test(tc, max_count);
	tcase_add_test(tc, min_size_key);
	tcase_add_test(tc, aqe_keeps_the_advice);
	tcase_add_test(tc, grid_is_smooth);
	suite_add_tcase(s, tc);
	return s;
}
