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

static int64_t rendered(const struct ecap_property *props, size_t n,
			const char *key);

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
	 * 100000 rounded up to whole waves of 60 cores, 60 x ceil(100000 /
	 * 60) = 60 x 1667 = 100020: 100020 partitions of
	 * ceil(549755813888000 / 100020) = 5496458848 B (5.12 GiB), a
	 * repartition from 200, flagged */
	o = advise(500 * TIB, 200, 60);
	ck_assert_int_eq(o.size_partition_count, 4096000);
	ck_assert_int_eq(o.partition_count, 100020);
	ck_assert_int_eq(o.effective_partition_count, 100020);
	ck_assert_int_eq(o.split_size_bytes, INT64_C(5496458848));
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_REPARTITION);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_MAX_COUNT);
	ck_assert_str_eq(text, "ecap-1: repartition 100020 partitions of "
			 "5.12 GiB: 500 TiB asks for 4096000 (ceil(size / "
			 "target)), above partition.max_count rounded up to "
			 "whole waves of the cores (a shuffle tracks maps x "
			 "reducers blocks), so the count stops at 100020 and "
			 "the shuffle's partitions grow past the 128 MiB "
			 "target (scans keep it); consider processing the "
			 "data in batches (current 200)");
}
END_TEST

/*
 * The pre-release review: a plan of 1 PB a day sized 104,892 cores for
 * 2 h at executor.gb_per_core_hour 5, and 2 TB on 150,000 cores.
 */
START_TEST(review_cap_cases)
{
	struct ecap_property props[16];
	struct ecap_partition_out o;
	size_t n = 16, i;

	/* 1 PiB = 2^50 B: ceil(2^50 / 2^27) = 8388608 asked; the cap
	 * 100000 on 104892 cores is 104892 x ceil(100000 / 104892) =
	 * 104892, one wave, no core idle (was 100000: 4892 idle); a task
	 * ceil(2^50 / 104892) = 10733896836 B = 10.0 GiB, at 5 GiB a
	 * core-hour 1.9993 h, within the 2 h the executors were sized for
	 * (was 11258999069 B, 2.097 h) */
	o = advise(1024 * TIB, 2000, 104892);
	ck_assert_int_eq(o.size_partition_count, 8388608);
	ck_assert_int_eq(o.partition_count, 104892);
	ck_assert_int_eq(o.split_size_bytes, INT64_C(10733896836));
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_MAX_COUNT);
	ck_assert_ptr_nonnull(strstr(text, "grow past the 128 MiB target"));
	/* rendered: 104892 shuffle partitions with that advisory size, but
	 * the scan keeps the 128 MiB split (was 11258999069) */
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&props[i]);
	ck_assert_int_eq(ecap_partition_spark_properties(p, &o, props, &n,
							 &err), 0);
	ck_assert_int_eq(rendered(props, n, "spark.sql.shuffle.partitions"),
			 104892);
	ck_assert_int_eq(rendered(props, n,
				  "spark.sql.files.maxPartitionBytes"),
			 128 * MIB);
	ck_assert_int_eq(rendered(props, n, "spark.sql.adaptive."
				  "advisoryPartitionSizeInBytes"),
			 INT64_C(10733896836));
	/* the same PiB read from 8192 files of 128 GiB: the scan is
	 * predicted at the rendered 128 MiB split, min(128 MiB, max(4 MiB,
	 * (2^50 + 8192 x 4 MiB) / 104892)) = 128 MiB: 2^37 / 2^27 = 1024
	 * splits a file, each with its 4 MiB open cost alone in a task,
	 * 8192 x 1024 = 8388608 scan tasks, coalesced to the cap */
	{
		struct ecap_partition_in in;

		ECAP_STRUCT_INIT(&in);
		ECAP_STRUCT_INIT(&o);
		in.total_executor_cores = 104892;
		in.file_count = 8192;
		in.file_size_bytes = 128 * GIB;
		ck_assert_msg(ecap_partition_advise(p, &in, &o, &err) == 0,
			      "%s", err.message);
		ck_assert_int_eq(o.scan_task_count, 8388608);
		ck_assert_int_eq(o.partition_count, 104892);
		ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_COALESCE);
		ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_MAX_COUNT);
	}
	/* 651 TiB on 66667 cores (its plan: 651 x 1024 / 10 cores): the
	 * cap gives 66667 x ceil(100000 / 66667) = 133334, two whole
	 * waves of ceil(651 x 2^40 / 133334) = 5368338681 B, 2 x 5368338681
	 * / 5 GiB = 2.0 h (100000 would run 2 waves of 6.67 GiB: 2.67 h) */
	o = advise(651 * TIB, 0, 66667);
	ck_assert_int_eq(o.partition_count, 133334);
	ck_assert_int_eq(o.split_size_bytes, INT64_C(5368338681));
	/* 2 TiB on 150000 cores: the floor min(150000 x 2, 2^41 / 2^22 =
	 * 524288) = 300000 asks past the cap, which is 150000 x 1 = 150000
	 * (was 100000, 50000 cores idle); ceil(2^41 / 150000) = 14660156 B
	 * (14 MiB), under the target: worded as the floor's, not batches */
	o = advise(2 * TIB, 2000, 150000);
	ck_assert_int_eq(o.parallelism_floor_count, 300000);
	ck_assert_int_eq(o.partition_count, 150000);
	ck_assert_int_eq(o.split_size_bytes, 14660156);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_MAX_COUNT);
	ck_assert_str_eq(text, "ecap-1: repartition 150000 partitions of "
			 "14 MiB: the parallelism floor asks for 300000 tasks "
			 "(cores x partition.min_tasks_per_core), above "
			 "partition.max_count rounded up to whole waves of "
			 "the cores (a shuffle tracks maps x reducers "
			 "blocks), so the count stops at 150000; the "
			 "partitions stay within the 128 MiB target "
			 "(current 2000)");
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
	 * cap (100020 on 60 cores) the count is reached by a coalesce */
	o = advise(500 * TIB, 3000000, 60);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_COALESCE);
	ck_assert_int_eq(o.effective_partition_count, 100020);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_MAX_COUNT);
	/* already at the cap: keep */
	o = advise(500 * TIB, 100020, 60);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_KEEP);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_MAX_COUNT);
	/* a policy cap of 10: 2 GiB asks for ceil(2048 / 128) = 16 -> 10 of
	 * ceil(2147483648 / 10) = 214748365 B */
	ck_assert_int_eq(ecap_policy_set_int64(p, "partition.max_count", 10,
					       &err), 0);
	o = advise(2 * GIB, 0, 0);
	ck_assert_int_eq(o.partition_count, 10);
	ck_assert_int_eq(o.split_size_bytes, 214748365);
	/* the floor drives it: 1 GiB on 60 cores asks for min(60 x 2, 1024
	 * / 4) = 120; the cap 10 rounded up to whole waves of 60 cores is
	 * 60 (never fewer partitions than cores): 60 of ceil(2^30 / 60) =
	 * 17895698 B, within the target, worded as the floor's */
	o = advise(GIB, 0, 60);
	ck_assert_int_eq(o.partition_count, 60);
	ck_assert_int_eq(o.split_size_bytes, 17895698);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_MAX_COUNT);
	ck_assert_ptr_nonnull(strstr(text, "the parallelism floor asks for "
				     "120 tasks"));
	ck_assert_ptr_nonnull(strstr(text, "stay within the 128 MiB "
				     "target"));
	/* 2 GiB on 4 cores asks for 16: 4 x ceil(10 / 4) = 12 (3 waves) */
	o = advise(2 * GIB, 0, 4);
	ck_assert_int_eq(o.partition_count, 12);
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
	 * 100020 x 5496458848 B; 1 PiB on 104892 cores: 104892 x
	 * 10733896836 B */
	check_aqe_keeps(100 * MIB, 60);
	check_aqe_keeps(GIB, 60);
	check_aqe_keeps(8 * MIB, 2);
	check_aqe_keeps(3 * GIB, 4);
	check_aqe_keeps(500 * TIB, 60);
	check_aqe_keeps(1024 * TIB, 104892);
}
END_TEST

/*
 * The grid: 1 MiB to 1 PiB in steps of 1 %, on 1 to 200,000 cores.  More
 * data never gives fewer partitions, no partition of a split advice is
 * below 4 MiB, the count never passes partition.max_count rounded up to
 * whole waves of the cores, the cap idles no core (at least one
 * partition a core once the data fills a 4 MiB partition a core), a
 * capped count is whole waves, and the partition size never jumps up by
 * more than the data did (it falls only where the count steps up).
 */
START_TEST(grid_is_smooth)
{
	static const int64_t cores[] = { 1, 2, 8, 60, 160, 1000, 10000,
		30000, 66667, 99999, 104892, 150000, 200000 };
	size_t c;

	for (c = 0; c < sizeof(cores) / sizeof(cores[0]); c++) {
		int64_t prev_n = 0, prev_split = 0;
		double b;

		for (b = (double)MIB; b <= (double)(1024 * TIB); b *= 1.01) {
			struct ecap_partition_out o =
				advise((int64_t)b, 0, cores[c]);

			int64_t ceiling = (100000 + cores[c] - 1) / cores[c] *
					  cores[c];

			ck_assert_int_ge(o.partition_count, prev_n);
			ck_assert_int_le(o.partition_count, ceiling);
			ck_assert_int_lt(ceiling, 100000 + cores[c]);
			if ((int64_t)b / (4 * MIB) >= cores[c])
				ck_assert_int_ge(o.partition_count, cores[c]);
			if (o.reason == ECAP_PARTITION_REASON_MAX_COUNT)
				ck_assert_int_eq(o.partition_count % cores[c],
						 0);
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
	tcase_add_test(tc, review_cap_cases);
	tcase_add_test(tc, max_count);
	tcase_add_test(tc, min_size_key);
	tcase_add_test(tc, aqe_keeps_the_advice);
	tcase_add_test(tc, grid_is_smooth);
	suite_add_tcase(s, tc);
	return s;
}
