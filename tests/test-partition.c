/* SPDX-License-Identifier: MIT */
/*
 * Partition sizing: the guide's optimize_partitions, its ecap-1
 * correction, Spark's scan-task count (FilePartition), AQE coalescing and
 * skew (ShufflePartitionsUtil, OptimizeSkewedJoin), and the rendered
 * settings.  Every expected number is worked by hand in the comment beside
 * it, from the rule named there.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fixture.h"

#define MIB INT64_C(1048576)
#define GIB (1024 * MIB)



/* Runs ecap_partition_advise on a size and current count / cores. */
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
	ck_assert_msg(out.reason_text[0] != '\0', "empty reason_text");
	return out;
}

/* ---- ecap_partition_advise, guide model ---- */

START_TEST(guide_truncates_and_coalesces)
{
	struct ecap_partition_out o;

	use_model("guide");
	/* guide: int(200 / 128) = int(1.5625) = 1 partition of 200 MB */
	o = advise(200 * MIB, 0, 0);
	ck_assert_int_eq(o.model, ECAP_MODEL_GUIDE);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_COALESCE);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_GUIDE_COALESCE);
	ck_assert_int_eq(o.partition_count, 1);
	ck_assert_int_eq(o.effective_partition_count, 1);
	ck_assert_int_eq(o.bytes_per_partition, 200 * MIB);
	/* guide: int(256 / 128) = 2, exactly at the threshold */
	o = advise(256 * MIB, 0, 0);
	ck_assert_int_eq(o.partition_count, 2);
	/* guide: int((256 MB - 1 B) / 128) = int(1.99999999) = 1 */
	o = advise(256 * MIB - 1, 0, 0);
	ck_assert_int_eq(o.partition_count, 1);
	/* guide: max(1, int(1 B / 128 MB)) = max(1, 0) = 1 */
	o = advise(1, 0, 0);
	ck_assert_int_eq(o.partition_count, 1);
	ck_assert_int_eq(o.bytes_per_partition, 1);
	/* guide: cores do not matter; int(1000 / 128) = int(7.8125) = 7 */
	o = advise(1000 * MIB, 0, 64);
	ck_assert_int_eq(o.partition_count, 7);
	ck_assert_int_eq(o.parallelism_floor_count, 0);
	/* guide with target 64: int(200 / 64) = int(3.125) = 3 */
	ck_assert_int_eq(ecap_policy_set_double(p, "partition.target_size_mb",
						64, &err), 0);
	o = advise(200 * MIB, 0, 0);
	ck_assert_int_eq(o.partition_count, 3);
}
END_TEST

START_TEST(guide_coalesce_noop_when_increasing)
{
	struct ecap_partition_out o;

	use_model("guide");
	/* guide: coalesce(int(512 / 128) = 4) on 2 partitions: Spark ignores
	 * a coalesce that would increase, so 2 remain of 256 MB each */
	o = advise(512 * MIB, 2, 0);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_COALESCE);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP);
	ck_assert_int_eq(o.partition_count, 4);
	ck_assert_int_eq(o.effective_partition_count, 2);
	ck_assert_int_eq(o.bytes_per_partition, 256 * MIB);
	ck_assert_ptr_nonnull(strstr(o.reason_text, "no-op"));
	/* guide: coalesce(4) on 4 partitions (equal): not a no-op */
	o = advise(512 * MIB, 4, 0);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_GUIDE_COALESCE);
	ck_assert_int_eq(o.effective_partition_count, 4);
	/* guide: coalesce(4) on 3 partitions (one under): a no-op */
	o = advise(512 * MIB, 3, 0);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP);
	ck_assert_int_eq(o.effective_partition_count, 3);
	/* guide: coalesce(4) on 100 partitions */
	o = advise(512 * MIB, 100, 0);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_GUIDE_COALESCE);
	ck_assert_int_eq(o.effective_partition_count, 4);
	ck_assert_int_eq(o.bytes_per_partition, 128 * MIB);
}
END_TEST

/* ---- ecap_partition_advise, ecap-1 ---- */

START_TEST(ecap1_rounds_up)
{
	struct ecap_partition_out o;

	/* ecap-1: ceil(200 / 128) = 2 partitions of 100 MB; current unknown,
	 * so repartition */
	o = advise(200 * MIB, 0, 0);
	ck_assert_int_eq(o.model, ECAP_MODEL_ECAP_1);
	ck_assert_int_eq(o.partition_count, 2);
	ck_assert_int_eq(o.bytes_per_partition, 100 * MIB);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_REPARTITION);
	ck_assert_int_eq(o.reason,
			 ECAP_PARTITION_REASON_REPARTITION_CURRENT_UNKNOWN);
	/* ecap-1: ceil(128 MB / 128 MB) = 1, exactly at the threshold */
	o = advise(128 * MIB, 0, 0);
	ck_assert_int_eq(o.partition_count, 1);
	/* ecap-1: ceil((128 MB + 1 B) / 128 MB) = 2, one byte over;
	 * bytes per partition ceil((2^27 + 1) / 2) = 2^26 + 1 */
	o = advise(128 * MIB + 1, 0, 0);
	ck_assert_int_eq(o.partition_count, 2);
	ck_assert_int_eq(o.bytes_per_partition, 64 * MIB + 1);
	/* ecap-1: ceil(1 B / 128 MB) = 1 */
	o = advise(1, 0, 0);
	ck_assert_int_eq(o.partition_count, 1);
	/* ecap-1: Spark's count is an Int: 2^31 - 1 partitions of 128 MiB
	 * = 2147483647 * 2^27 = 288230375992492032 B is the most it takes */
	o = advise(INT64_C(2147483647) << 27, 0, 0);
	ck_assert_int_eq(o.partition_count, INT64_C(2147483647));
}
END_TEST

START_TEST(ecap1_parallelism_floor)
{
	struct ecap_partition_out o;

	/* ecap-1: ceil(200/128) = 2 < floor 8 cores * 2 = 16 -> 16;
	 * ceil(200 MiB / 16) = 13107200 B */
	o = advise(200 * MIB, 0, 8);
	ck_assert_int_eq(o.partition_count, 16);
	ck_assert_int_eq(o.parallelism_floor_count, 16);
	ck_assert_int_eq(o.bytes_per_partition, 13107200);
	/* ecap-1: floor 1 core * 2 = 2 equals ceil(200/128) = 2 */
	o = advise(200 * MIB, 0, 1);
	ck_assert_int_eq(o.partition_count, 2);
	/* ecap-1: floor 2 cores * 2 = 4 is one over ceil(384/128) = 3 */
	o = advise(384 * MIB, 0, 2);
	ck_assert_int_eq(o.partition_count, 4);
	/* ecap-1: ceil(10 GiB / 128 MiB) = 80 > floor 4 * 2 = 8 */
	o = advise(10 * GIB, 0, 4);
	ck_assert_int_eq(o.partition_count, 80);
	ck_assert_int_eq(o.parallelism_floor_count, 8);
	/* ecap-1 with partition.min_tasks_per_core 3: floor 8 * 3 = 24 */
	ck_assert_int_eq(ecap_policy_set_int64(p, "partition.min_tasks_per_core",
					       3, &err), 0);
	o = advise(200 * MIB, 0, 8);
	ck_assert_int_eq(o.partition_count, 24);
}
END_TEST

START_TEST(ecap1_actions)
{
	struct ecap_partition_out o;

	/* ecap-1: ceil(200/128) = 2 on 2 partitions: keep */
	o = advise(200 * MIB, 2, 0);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_KEEP);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_KEEP);
	/* ecap-1: 2 on 3 partitions (one over): coalesce to fewer */
	o = advise(200 * MIB, 3, 0);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_COALESCE);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_COALESCE);
	ck_assert_int_eq(o.partition_count, 2);
	ck_assert_int_eq(o.effective_partition_count, 2);
	/* ecap-1: 2 on 1 partition: coalesce cannot increase, repartition */
	o = advise(200 * MIB, 1, 0);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_REPARTITION);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_REPARTITION);
	ck_assert_int_eq(o.effective_partition_count, 2);
	/* ecap-1: floor 16 (8 cores * 2) on 200 partitions: coalesce to 16 */
	o = advise(200 * MIB, 200, 8);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_COALESCE);
	ck_assert_int_eq(o.partition_count, 16);
}
END_TEST

START_TEST(ecap1_rows_times_avg)
{
	struct ecap_partition_in in;
	struct ecap_partition_out o;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&o);
	/* 2^20 rows * 200 B = 200 MiB -> ecap-1 ceil(200/128) = 2 */
	in.row_count = MIB;
	in.avg_row_bytes = 200;
	ck_assert_int_eq(ecap_partition_advise(p, &in, &o, &err), 0);
	ck_assert_int_eq(o.data_size_bytes, 200 * MIB);
	ck_assert_int_eq(o.partition_count, 2);
	/* 2^30 rows * 2^30 B = 2^60, exactly the limit; with the largest
	 * target, 1048576 MB = 2^40 B: 2^60 / 2^40 = 2^20 partitions (at
	 * 128 MiB, 2^33 would be past Spark's Int: ecap1_count_past_spark_int) */
	ck_assert_int_eq(ecap_policy_set_double(p, "partition.target_size_mb",
						1048576.0, &err), 0);
	in.row_count = GIB;
	in.avg_row_bytes = GIB;
	ck_assert_int_eq(ecap_partition_advise(p, &in, &o, &err), 0);
	ck_assert_int_eq(o.data_size_bytes, ECAP_PARTITION_MAX_BYTES);
	ck_assert_int_eq(o.partition_count, INT64_C(1) << 20);
	/* (2^30 + 1) rows * 2^30 B is past 1 EiB: overflow-checked */
	in.row_count = GIB + 1;
	ck_assert_err(ecap_partition_advise(p, &in, &o, &err), ECAP_ERR_RANGE,
		      err, "row_count");
	/* 2^40 * 2^40 would wrap int64: still rejected, not wrapped */
	in.row_count = INT64_C(1) << 40;
	in.avg_row_bytes = INT64_C(1) << 40;
	ck_assert_err(ecap_partition_advise(p, &in, &o, &err), ECAP_ERR_RANGE,
		      err, "row_count");
	/* data_size_bytes wins when given */
	in.data_size_bytes = 128 * MIB;
	ck_assert_int_eq(ecap_partition_advise(p, &in, &o, &err), 0);
	ck_assert_int_eq(o.partition_count, 1);
}
END_TEST

START_TEST(ecap1_more_data_never_fewer_partitions)
{
	int64_t cores, bytes, prev;
	struct ecap_partition_out o;

	/* Property (ecap-1): the count never drops as the size grows, with
	 * and without a parallelism floor, across every 128 MB threshold. */
	for (cores = 0; cores <= 16; cores += 4) {
		prev = 0;
		for (bytes = 1; bytes < 4 * GIB; bytes += 7 * MIB + 12345) {
			o = advise(bytes, 0, cores);
			ck_assert_int_ge(o.partition_count, prev);
			prev = o.partition_count;
			o = advise(bytes + 1, 0, cores);
			ck_assert_int_ge(o.partition_count, prev);
			prev = o.partition_count;
		}
	}
}
END_TEST

/* ecap-1: a count past Spark's Int (2^31 - 1) is ECAP_ERR_RANGE, naming
 * the input that drove it. */
START_TEST(ecap1_count_past_spark_int)
{
	ECAP_OPTS(ecap_partition_in, in);
	struct ecap_partition_out out;

	ECAP_STRUCT_INIT(&out);
	/* one byte over 2147483647 partitions of 2^27: ceil = 2^31 */
	in.data_size_bytes = (INT64_C(2147483647) << 27) + 1;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "data_size_bytes");
	ck_assert_int_eq(out.partition_count, 0);
	/* 1 EiB / 128 MiB = 2^60 / 2^27 = 2^33 */
	in.data_size_bytes = ECAP_PARTITION_MAX_BYTES;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "data_size_bytes");
	/* the floor: 10^7 cores * 1000 tasks per core = 10^10 > 2^31 - 1 */
	ck_assert_int_eq(ecap_policy_set_int64(p,
			 "partition.min_tasks_per_core", 1000, &err), 0);
	in.data_size_bytes = 1;
	in.total_executor_cores = ECAP_PARTITION_MAX_COUNT;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "total_executor_cores");
	/* 2147483 cores * 1000 = 2147483000 <= 2147483647: accepted */
	in.total_executor_cores = 2147483;
	ck_assert_int_eq(ecap_partition_advise(p, &in, &out, &err), 0);
	ck_assert_int_eq(out.partition_count, INT64_C(2147483000));
	/* guide model: int(2^60 / 2^20 / 128) = 2^33, the guide's number,
	 * but its coalesce(2^33) fails in Spark (an Int) and no renderer
	 * takes it: refused like ecap-1's (issue 17) */
	ck_assert_int_eq(ecap_policy_set_string(p, "model", "guide", &err), 0);
	in.total_executor_cores = 0;
	in.data_size_bytes = ECAP_PARTITION_MAX_BYTES;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "data_size_bytes");
	ck_assert_int_eq(out.partition_count, 0);
}
END_TEST

START_TEST(advise_bad_input)
{
	struct ecap_partition_in in;
	struct ecap_partition_out out;
	struct {
		struct ecap_partition_in in;
		unsigned char tail[16];
	} big;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	in.data_size_bytes = MIB;
	ck_assert_err(ecap_partition_advise(NULL, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_partition_advise(p, NULL, &out, &err),
		      ECAP_ERR_INVALID, err, "ecap_partition_in");
	ck_assert_err(ecap_partition_advise(p, &in, NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_partition_out");
	in.sz = sizeof(size_t);
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_partition_in");
	in.sz = 0;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_partition_in");
	in.sz = sizeof(in);
	out.sz = 4;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_partition_out");
	out.sz = sizeof(out);
	/* larger struct with a zero tail: accepted */
	memset(&big, 0, sizeof(big));
	big.in.sz = sizeof(big);
	big.in.data_size_bytes = 200 * MIB;
	ck_assert_int_eq(ecap_partition_advise(p, &big.in, &out, &err), 0);
	ck_assert_int_eq(out.partition_count, 2);
	/* non-zero tail: rejected */
	big.tail[3] = 1;
	ck_assert_err(ecap_partition_advise(p, &big.in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_partition_in");
	/* the data size is required, one way or the other */
	in.data_size_bytes = 0;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "data_size_bytes");
	in.row_count = 10;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "data_size_bytes");
	in.row_count = 0;
	in.avg_row_bytes = 10;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "data_size_bytes");
	in.avg_row_bytes = 0;
	/* ranges: negative and huge */
	in.data_size_bytes = -1;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "data_size_bytes");
	in.data_size_bytes = ECAP_PARTITION_MAX_BYTES + 1;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "data_size_bytes");
	in.data_size_bytes = 0;
	in.row_count = -5;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "row_count");
	in.row_count = 5;
	in.avg_row_bytes = -5;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "avg_row_bytes");
	in.avg_row_bytes = 5;
	in.current_partition_count = -1;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "current_partition_count");
	in.current_partition_count = ECAP_PARTITION_MAX_COUNT + 1;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "current_partition_count");
	in.current_partition_count = 0;
	in.total_executor_cores = -1;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "total_executor_cores");
	in.total_executor_cores = INT64_MAX;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "total_executor_cores");
	in.total_executor_cores = 0;
	/* 5 rows * 5 B = 25 B: 1 partition; the error is cleared */
	ck_assert_int_eq(ecap_partition_advise(p, &in, &out, &err), 0);
	ck_assert_int_eq(err.code, 0);
	ck_assert_int_eq(out.partition_count, 1);
}
END_TEST

/* ---- enum strings ---- */

START_TEST(enum_strings)
{
	static const int32_t reasons[] = { 1, 2, 3, 4, 5, 6, 20, 21, 22, 23,
					   24, 40, 41, 42 };
	int32_t v = 0;
	size_t i;

	ck_assert_str_eq(ecap_partition_action_to_string(1), "keep");
	ck_assert_str_eq(ecap_partition_action_to_string(2), "coalesce");
	ck_assert_str_eq(ecap_partition_action_to_string(3), "repartition");
	ck_assert_ptr_null(ecap_partition_action_to_string(0));
	ck_assert_ptr_null(ecap_partition_action_to_string(4));
	ck_assert_int_eq(ecap_partition_action_from_string("coalesce", &v,
							   &err), 0);
	ck_assert_int_eq(v, ECAP_PARTITION_ACTION_COALESCE);
	ck_assert_err(ecap_partition_action_from_string("Coalesce", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "action");
	ck_assert_err(ecap_partition_action_from_string(NULL, &v, &err),
		      ECAP_ERR_INVALID, err, "name");
	ck_assert_err(ecap_partition_action_from_string("keep", NULL, &err),
		      ECAP_ERR_INVALID, err, "action");
	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++) {
		const char *s = ecap_partition_reason_to_string(reasons[i]);

		ck_assert_ptr_nonnull(s);
		ck_assert_int_eq(ecap_partition_reason_from_string(s, &v, &err),
				 0);
		ck_assert_int_eq(v, reasons[i]);
	}
	ck_assert_str_eq(ecap_partition_reason_to_string(2),
			 "guide-coalesce-noop");
	ck_assert_str_eq(ecap_partition_reason_to_string(24),
			 "split-max-partition-num");
	ck_assert_ptr_null(ecap_partition_reason_to_string(7));
	ck_assert_ptr_null(ecap_partition_reason_to_string(25));
	ck_assert_err(ecap_partition_reason_from_string("nope", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
}
END_TEST

/* ---- ecap_partition_scan_tasks ---- */

static struct ecap_partition_scan_in
scan_in(const int64_t *sizes, int64_t n, int32_t splittable, int64_t minpn)
{
	struct ecap_partition_scan_in in;

	ECAP_STRUCT_INIT(&in);
	in.file_sizes_bytes = sizes;
	in.file_count = n;
	in.not_splittable = !splittable;
	in.min_partition_num = minpn;
	return in;
}

static struct ecap_partition_scan_out
scan(const struct ecap_partition_scan_in *in)
{
	struct ecap_partition_scan_out out;

	ECAP_STRUCT_INIT(&out);
	ck_assert_msg(ecap_partition_scan_tasks(p, in, &out, &err) == 0, "%s",
		      err.message);
	ck_assert_msg(out.reason_text[0] != '\0', "empty reason_text");
	return out;
}

START_TEST(scan_split_sizes)
{
	int64_t one_gib[] = { GIB };
	struct ecap_partition_scan_in in = scan_in(one_gib, 1, 1, 4);
	struct ecap_partition_scan_out o;

	/* maxSplitBytes: total = 1024 + 4 MiB = 1028 MiB; bytesPerCore =
	 * 1028 / 4 = 257 MiB; min(128, max(4, 257)) = 128 MiB; 1024 / 128 =
	 * 8 splits of 128 MiB, 8 tasks */
	o = scan(&in);
	ck_assert_int_eq(o.total_bytes, 1028 * MIB);
	ck_assert_int_eq(o.bytes_per_core, 257 * MIB);
	ck_assert_int_eq(o.max_split_bytes, 128 * MIB);
	ck_assert_int_eq(o.split_count, 8);
	ck_assert_int_eq(o.task_count, 8);
	ck_assert_int_eq(o.reason,
			 ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_BYTES);
	/* minPartitionNum 16: bytesPerCore = 1028 MiB / 16 = 67371008 B;
	 * 1073741824 / 67371008 = 15 full splits, remainder 1073741824 -
	 * 15 * 67371008 = 63176704: 16 splits, each its own task */
	in.min_partition_num = 16;
	o = scan(&in);
	ck_assert_int_eq(o.max_split_bytes, 67371008);
	ck_assert_int_eq(o.split_count, 16);
	ck_assert_int_eq(o.task_count, 16);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_SPLIT_BYTES_PER_CORE);
	/* minPartitionNum from cores: max(1, 2) = 2 -> 1028 / 2 = 514 MiB,
	 * capped at 128 MiB: 8 tasks */
	in.min_partition_num = 0;
	in.total_executor_cores = 1;
	o = scan(&in);
	ck_assert_int_eq(o.min_partition_num, 2);
	ck_assert_int_eq(o.task_count, 8);
	/* cores 32 -> minPartitionNum 32: 1028 MiB / 32 = 33685504 B;
	 * 1073741824 / 33685504 = 31 rem 1073741824 - 31 * 33685504 =
	 * 29491200: 32 tasks */
	in.total_executor_cores = 32;
	o = scan(&in);
	ck_assert_int_eq(o.min_partition_num, 32);
	ck_assert_int_eq(o.max_split_bytes, 33685504);
	ck_assert_int_eq(o.task_count, 32);
}
END_TEST

START_TEST(scan_integer_division)
{
	int64_t ten[] = { 10 * MIB };
	struct ecap_partition_scan_in in = scan_in(ten, 1, 1, 3);
	struct ecap_partition_scan_out o;

	/* Scala Long division: openCost 1 MiB, total 11534336 / 3 =
	 * 3844778 (not 3844778.67); 10485760 / 3844778 = 2 rem 2796204:
	 * 3 splits, 3 tasks */
	in.open_cost_bytes = MIB;
	o = scan(&in);
	ck_assert_int_eq(o.bytes_per_core, 3844778);
	ck_assert_int_eq(o.max_split_bytes, 3844778);
	ck_assert_int_eq(o.split_count, 3);
	ck_assert_int_eq(o.task_count, 3);
}
END_TEST

START_TEST(scan_small_files_pack)
{
	int64_t ten[10], three[3];
	struct ecap_partition_scan_in in;
	struct ecap_partition_scan_out o;
	int i;

	for (i = 0; i < 10; i++)
		ten[i] = MIB;
	/* 10 files of 1 MiB, minPartitionNum 2: total 10 * 5 = 50 MiB,
	 * bytesPerCore 25 MiB = maxSplitBytes.  Next Fit: files 1-5 grow
	 * currentSize 5, 10, 15, 20, 25 MiB (each check 25 - 4 MiB + 1 <=
	 * 25); file 6: 25 + 1 > 25 closes -> 2 tasks of 5 files */
	in = scan_in(ten, 10, 1, 2);
	o = scan(&in);
	ck_assert_int_eq(o.max_split_bytes, 25 * MIB);
	ck_assert_int_eq(o.split_count, 10);
	ck_assert_int_eq(o.task_count, 2);
	/* 3 files of 1 MiB, minPartitionNum 100: total 15 MiB / 100 =
	 * 157286 B < openCost 4 MiB = maxSplitBytes; file 2: 5 + 1 > 4
	 * closes, file 3 likewise: 3 tasks */
	for (i = 0; i < 3; i++)
		three[i] = MIB;
	in = scan_in(three, 3, 1, 100);
	o = scan(&in);
	ck_assert_int_eq(o.bytes_per_core, 157286);
	ck_assert_int_eq(o.max_split_bytes, 4 * MIB);
	ck_assert_int_eq(o.task_count, 3);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_SPLIT_OPEN_COST);
}
END_TEST

START_TEST(scan_next_fit_threshold)
{
	int64_t fit[] = { 4 * MIB, 5 * MIB }, over[] = { 5 * MIB, 4 * MIB + 1 };
	int64_t exact[] = { 10 * MIB }, plus1[] = { 10 * MIB + 1 };
	struct ecap_partition_scan_in in;
	struct ecap_partition_scan_out o;

	/* maxPartitionBytes 10 MiB, openCost 1 MiB, minPartitionNum 1:
	 * maxSplitBytes = min(10, max(1, 11)) = 10 MiB.  Sorted 5, 4: after
	 * 5 currentSize = 6; 6 + 4 = 10 is not > 10: one task */
	in = scan_in(fit, 2, 1, 1);
	in.max_partition_bytes = 10 * MIB;
	in.open_cost_bytes = MIB;
	o = scan(&in);
	ck_assert_int_eq(o.max_split_bytes, 10 * MIB);
	ck_assert_int_eq(o.task_count, 1);
	/* one byte over: 6 MiB + 4 MiB + 1 > 10 MiB: two tasks */
	in.file_sizes_bytes = over;
	o = scan(&in);
	ck_assert_int_eq(o.task_count, 2);
	/* a file of exactly maxSplitBytes is one split (0 until len by msb) */
	in.file_sizes_bytes = exact;
	in.file_count = 1;
	o = scan(&in);
	ck_assert_int_eq(o.split_count, 1);
	ck_assert_int_eq(o.task_count, 1);
	/* one byte more: splits of 10 MiB and 1 B; after the big one
	 * currentSize 11 MiB + 1 > 10 MiB closes: 2 tasks */
	in.file_sizes_bytes = plus1;
	o = scan(&in);
	ck_assert_int_eq(o.split_count, 2);
	ck_assert_int_eq(o.task_count, 2);
}
END_TEST

START_TEST(scan_non_splittable_and_empty)
{
	int64_t gz[] = { GIB }, two[] = { GIB, GIB }, empties[] = { 0, 0, MIB };
	int32_t flags[] = { 0, 1 };
	struct ecap_partition_scan_in in;
	struct ecap_partition_scan_out o;

	/* gzip: one split from 0 to getLen, one task */
	in = scan_in(gz, 1, 0, 4);
	o = scan(&in);
	ck_assert_int_eq(o.split_count, 1);
	ck_assert_int_eq(o.task_count, 1);
	/* per-file flags [0, 1], 2 x 1 GiB, minPartitionNum 4: total 2056
	 * MiB, 514 MiB per core -> 128 MiB; 1 + 8 splits, 9 tasks */
	in = scan_in(two, 2, 1, 4);
	in.file_splittable = flags;
	o = scan(&in);
	ck_assert_int_eq(o.total_bytes, 2056 * MIB);
	ck_assert_int_eq(o.split_count, 9);
	ck_assert_int_eq(o.task_count, 9);
	/* Empty files are dropped by the file index (getLen > 0): total
	 * 1 + 4 = 5 MiB, not 13; 5 / 2 = 2.5 MiB < 4 MiB; 1 task */
	in = scan_in(empties, 3, 1, 2);
	o = scan(&in);
	ck_assert_int_eq(o.total_bytes, 5 * MIB);
	ck_assert_int_eq(o.max_split_bytes, 4 * MIB);
	ck_assert_int_eq(o.split_count, 1);
	ck_assert_int_eq(o.task_count, 1);
	/* no non-empty file: no task */
	in = scan_in(empties, 2, 1, 2);
	o = scan(&in);
	ck_assert_int_eq(o.task_count, 0);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_SPLIT_NO_FILES);
	in = scan_in(NULL, 0, 1, 2);
	o = scan(&in);
	ck_assert_int_eq(o.task_count, 0);
}
END_TEST

/*
 * Spark 3.5+ spark.sql.files.maxPartitionNum (FilePartition.
 * getFilePartitions): when the packing gives more tasks than maxPartNum,
 * the same splits are packed again at desiredSplitBytes =
 * ceil(sum over splits of (length + openCost) / maxPartNum).
 */
START_TEST(scan_max_partition_num)
{
	int64_t ten[10], mixed[] = { 100 * MIB, 60 * MIB, 10 * MIB, 10 * MIB };
	int64_t one_gib[] = { 1024 * MIB };
	struct ecap_partition_scan_in in;
	struct ecap_partition_scan_out o;
	int i;

	for (i = 0; i < 10; i++)
		ten[i] = 128 * MIB;
	/* totalBytes = 10 * (128 + 4) MiB = 1320 MiB; bytesPerCore = 1320/4
	 * = 330 MiB; maxSplitBytes = min(128, max(4, 330)) = 128 MiB: ten
	 * 128 MiB splits, 128 + 128 > 128, so ten tasks.  maxPartitionNum
	 * 10: 10 > 10 is false, no rescale (equal to the limit). */
	in = scan_in(ten, 10, 1, 4);
	in.max_partition_num = 10;
	o = scan(&in);
	ck_assert_int_eq(o.task_count, 10);
	ck_assert_int_eq(o.size_packed_task_count, 10);
	ck_assert_int_eq(o.rescaled_split_bytes, 0);
	ck_assert_int_eq(o.reason,
			 ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_BYTES);
	/* maxPartitionNum 9 (one under): 10 > 9, desired = ceil(1320 MiB /
	 * 9) = ceil(1384120320 / 9) = 153791147 B; after one 128 MiB split
	 * currentSize = 132 MiB = 138412032 and 138412032 + 134217728 >
	 * 153791147: still one split per task, ten tasks. */
	in.max_partition_num = 9;
	o = scan(&in);
	ck_assert_int_eq(o.task_count, 10);
	ck_assert_int_eq(o.size_packed_task_count, 10);
	ck_assert_int_eq(o.rescaled_split_bytes, 153791147);
	ck_assert_int_eq(o.reason,
			 ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_NUM);
	/* maxPartitionNum 4: desired = ceil(1320 MiB / 4) = 330 MiB =
	 * 346030080 B; 132 + 128 = 260 <= 330 takes a second split, 264 +
	 * 128 = 392 > 330 closes: 2 splits per task, 5 tasks (more than 4:
	 * Spark does not check again). */
	in.max_partition_num = 4;
	o = scan(&in);
	ck_assert_int_eq(o.task_count, 5);
	ck_assert_int_eq(o.rescaled_split_bytes, 346030080);
	/* Mixed sizes, minPartitionNum 1: total = 180 + 4 * 4 = 196 MiB,
	 * maxSplitBytes = min(128, 196) = 128 MiB.  Next Fit at 128 MiB:
	 * 100 -> 104; 104 + 60 > 128 closes (1); 60 -> 64; +10 -> 78;
	 * +10 -> 92: 2 tasks.  maxPartitionNum 1: desired = ceil(196 MiB /
	 * 1) = 196 MiB: 104, 104 + 60 = 164 <= 196 -> 168, 168 + 10 = 178
	 * -> 182, 182 + 10 = 192 <= 196 -> 196: one task. */
	in = scan_in(mixed, 4, 1, 1);
	o = scan(&in);
	ck_assert_int_eq(o.task_count, 2);
	in.max_partition_num = 1;
	o = scan(&in);
	ck_assert_int_eq(o.size_packed_task_count, 2);
	ck_assert_int_eq(o.task_count, 1);
	ck_assert_int_eq(o.rescaled_split_bytes, 196 * MIB);
	/* Many equal splits: 1 GiB, maxPartitionBytes = openCost = 1 MiB,
	 * so maxSplitBytes = 1 MiB and 1024 splits, one per task.
	 * maxPartitionNum 100: sum = 1024 * (1 + 1) MiB = 2147483648,
	 * desired = ceil(2147483648 / 100) = 21474837; a task holds
	 * 1 + floor((21474837 - 1048576) / 2097152) = 1 + 9 = 10 splits,
	 * so ceil(1024 / 10) = 103 tasks. */
	in = scan_in(one_gib, 1, 1, 2);
	in.max_partition_bytes = MIB;
	in.open_cost_bytes = MIB;
	in.max_partition_num = 100;
	o = scan(&in);
	ck_assert_int_eq(o.split_count, 1024);
	ck_assert_int_eq(o.size_packed_task_count, 1024);
	ck_assert_int_eq(o.rescaled_split_bytes, 21474837);
	ck_assert_int_eq(o.task_count, 103);
}
END_TEST

/*
 * Spark's packing written out literally (every split materialised,
 * sorted, Next Fit with closePartition), to cross-check the library's
 * shortcut for pieces of maxSplitBytes or more.
 */
static int
cmp_desc(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x < y) - (x > y);
}

/* Next Fit over pieces[] (sorted largest first) with the given limit. */
static int64_t
literal_pack(const int64_t *pieces, int np, int64_t limit, int64_t open)
{
	int64_t cur = 0, parts = 0;
	int i, has = 0;

	for (i = 0; i < np; i++) {
		if (cur + pieces[i] > limit) {
			parts += has;
			has = 0;
			cur = 0;
		}
		cur += pieces[i] + open;
		has = 1;
	}
	return parts + has;
}

/* maxpn 0 = spark.sql.files.maxPartitionNum unset. */
static int64_t
literal_spark(const int64_t *len, const int32_t *split, int n, int64_t maxpb,
	      int64_t open, int64_t minpn, int64_t maxpn)
{
	int64_t total = 0, msb, pieces[4096], parts, off, sum = 0;
	int i, np = 0;

	for (i = 0; i < n; i++)
		if (len[i] > 0)
			total += len[i] + open;
	msb = total / minpn;
	msb = msb > open ? msb : open;
	msb = msb < maxpb ? msb : maxpb;
	for (i = 0; i < n; i++) {
		if (len[i] == 0)
			continue;
		if (!split[i]) {
			pieces[np++] = len[i];
			continue;
		}
		for (off = 0; off < len[i]; off += msb)
			pieces[np++] = len[i] - off > msb ? msb : len[i] - off;
	}
	qsort(pieces, (size_t)np, sizeof(pieces[0]), cmp_desc);
	parts = literal_pack(pieces, np, msb, open);
	if (maxpn == 0 || parts <= maxpn)
		return parts;
	/* Spark 3.5+: desiredSplitBytes = ceil(sum(len + open) / maxpn) */
	for (i = 0; i < np; i++)
		sum += pieces[i] + open;
	return literal_pack(pieces, np, (sum + maxpn - 1) / maxpn, open);
}

START_TEST(scan_matches_literal_packing)
{
	uint32_t seed = 12345;
	int64_t len[40];
	int32_t split[40];
	int round, i, n;

	for (round = 0; round < 500; round++) {
		struct ecap_partition_scan_in in;
		struct ecap_partition_scan_out o;
		int64_t maxpb, open, minpn, maxpn;

		n = 1 + round % 40;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			len[i] = (int64_t)(seed >> 8) % (40 * MIB);
			if (i % 7 == 3)
				len[i] = 0;
			split[i] = (seed >> 3) & 1;
		}
		seed = seed * 1103515245u + 12345u;
		maxpb = (int64_t)(1 + (seed >> 20) % 64) * MIB;
		open = (int64_t)(1 + (seed >> 4) % 8) * (MIB / 2);
		minpn = 1 + (seed >> 12) % 50;
		maxpn = round % 3 == 0 ? 0 : 1 + (seed >> 9) % 12;
		in = scan_in(len, n, 1, minpn);
		in.file_splittable = split;
		in.max_partition_bytes = maxpb;
		in.open_cost_bytes = open;
		in.max_partition_num = maxpn;
		o = scan(&in);
		ck_assert_int_eq(o.task_count,
				 literal_spark(len, split, n, maxpb, open,
					       minpn, maxpn));
	}
}
END_TEST

START_TEST(scan_bad_input)
{
	int64_t sizes[] = { MIB, MIB };
	int32_t flags[] = { 1, 2 };
	struct ecap_partition_scan_in in = scan_in(sizes, 2, 1, 2);
	struct ecap_partition_scan_out out;
	struct {
		struct ecap_partition_scan_in in;
		unsigned char tail[8];
	} big;

	ECAP_STRUCT_INIT(&out);
	ck_assert_err(ecap_partition_scan_tasks(NULL, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_partition_scan_tasks(p, NULL, &out, &err),
		      ECAP_ERR_INVALID, err, "ecap_partition_scan_in");
	ck_assert_err(ecap_partition_scan_tasks(p, &in, NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_partition_scan_out");
	in.sz = 8;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_partition_scan_in");
	in.sz = sizeof(in);
	memset(&big, 0, sizeof(big));
	big.in = in;
	big.in.sz = sizeof(big);
	ck_assert_int_eq(ecap_partition_scan_tasks(p, &big.in, &out, &err), 0);
	big.tail[7] = 9;
	ck_assert_err(ecap_partition_scan_tasks(p, &big.in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_partition_scan_in");
	in.file_sizes_bytes = NULL;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "file_sizes_bytes");
	in.file_sizes_bytes = sizes;
	sizes[1] = -1;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "file_sizes_bytes");
	sizes[1] = ECAP_PARTITION_MAX_BYTES + 1;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "file_sizes_bytes");
	/* each within 1 EiB, the sum past it */
	sizes[0] = sizes[1] = ECAP_PARTITION_MAX_BYTES / 2 + 1;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "file_sizes_bytes");
	sizes[0] = sizes[1] = MIB;
	in.file_count = -1;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "file_count");
	in.file_count = 2;
	in.max_partition_num = -1;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "max_partition_num");
	/* spark.sql.files.maxPartitionNum is a Scala Int */
	in.max_partition_num = INT64_C(2147483648);
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "max_partition_num");
	in.max_partition_num = 0;
	in.file_count = ECAP_PARTITION_MAX_COUNT + 1;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "file_count");
	in.file_count = 2;
	in.not_splittable = 2;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "not_splittable");
	in.not_splittable = 0;
	in.file_splittable = flags;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "file_splittable");
	in.file_splittable = NULL;
	in.max_partition_bytes = -1;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "max_partition_bytes");
	in.max_partition_bytes = 0;
	in.open_cost_bytes = (INT64_C(1) << 36) + 1;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "open_cost_bytes");
	in.open_cost_bytes = 0;
	in.min_partition_num = INT64_C(2147483648);
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "min_partition_num");
	in.min_partition_num = -2;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "min_partition_num");
	in.min_partition_num = 0;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "min_partition_num");
	in.total_executor_cores = -1;
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "total_executor_cores");
}
END_TEST

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
	ck_assert_msg(out.reason_text[0] != '\0', "empty reason_text");
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

/* ---- ecap_partition_spark_properties ---- */

START_TEST(render_properties)
{
	static const char *const want[][2] = {
		/* ecap-1: ceil(200 / 128) = 2 */
		{ "spark.sql.shuffle.partitions", "2" },
		/* partition.target_size_mb 128 * 2^20 */
		{ "spark.sql.files.maxPartitionBytes", "134217728" },
		{ "spark.sql.adaptive.enabled", "true" },
		{ "spark.sql.adaptive.coalescePartitions.enabled", "true" },
		/* aqe.advisory_partition_size_mb 64 * 2^20 */
		{ "spark.sql.adaptive.advisoryPartitionSizeInBytes", "67108864" },
		/* aqe.min_partition_size_mb 1 * 2^20 */
		{ "spark.sql.adaptive.coalescePartitions.minPartitionSize",
		  "1048576" },
		{ "spark.sql.adaptive.skewJoin.enabled", "true" },
		{ "spark.sql.adaptive.skewJoin.skewedPartitionFactor", "5" },
		/* aqe.skew_partition_threshold_mb 256 * 2^20 */
		{ "spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes",
		  "268435456" },
	};
	struct ecap_property props[12];
	struct ecap_partition_out o = advise(200 * MIB, 0, 0);
	size_t count = 12, i;

	for (i = 0; i < 12; i++)
		ECAP_STRUCT_INIT(&props[i]);
	ck_assert_int_eq(ecap_partition_spark_properties(p, &o, props, &count, &err), 0);
	ck_assert_uint_eq(count, 9);
	for (i = 0; i < 9; i++) {
		ck_assert_str_eq(props[i].key, want[i][0]);
		ck_assert_str_eq(props[i].value, want[i][1]);
	}
	count = 3;
	ck_assert_err(ecap_partition_spark_properties(p, &o, props, &count, &err),
		      ECAP_ERR_NOSPACE, err, "count");
	ck_assert_uint_eq(count, 9);
	ck_assert_err(ecap_partition_spark_properties(NULL, &o, props, &count, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_partition_spark_properties(p, NULL, props, &count, &err),
		      ECAP_ERR_INVALID, err, "ecap_partition_out");
	ck_assert_err(ecap_partition_spark_properties(p, &o, props, NULL, &err),
		      ECAP_ERR_INVALID, err, "count");
	o.partition_count = 0;
	ck_assert_err(ecap_partition_spark_properties(p, &o, props, &count, &err),
		      ECAP_ERR_RANGE, err, "partition_count");
	o.partition_count = 2;
	o.sz = 3;
	ck_assert_err(ecap_partition_spark_properties(p, &o, props, &count, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_partition_out");
}
END_TEST

Suite *
partition_suite(void)
{
	Suite *s = suite_create("partition");
	TCase *tc = tcase_create("advise");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, guide_truncates_and_coalesces);
	tcase_add_test(tc, guide_coalesce_noop_when_increasing);
	tcase_add_test(tc, ecap1_rounds_up);
	tcase_add_test(tc, ecap1_parallelism_floor);
	tcase_add_test(tc, ecap1_actions);
	tcase_add_test(tc, ecap1_rows_times_avg);
	tcase_add_test(tc, ecap1_more_data_never_fewer_partitions);
	tcase_add_test(tc, ecap1_count_past_spark_int);
	tcase_add_test(tc, advise_bad_input);
	tcase_add_test(tc, enum_strings);
	suite_add_tcase(s, tc);
	tc = tcase_create("scan");
	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, scan_split_sizes);
	tcase_add_test(tc, scan_integer_division);
	tcase_add_test(tc, scan_small_files_pack);
	tcase_add_test(tc, scan_next_fit_threshold);
	tcase_add_test(tc, scan_non_splittable_and_empty);
	tcase_add_test(tc, scan_max_partition_num);
	tcase_add_test(tc, scan_matches_literal_packing);
	tcase_add_test(tc, scan_bad_input);
	suite_add_tcase(s, tc);
	tc = tcase_create("aqe");
	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, aqe_spark_doc_example);
	tcase_add_test(tc, aqe_min_partition_size_merge);
	tcase_add_test(tc, aqe_targets);
	tcase_add_test(tc, aqe_skew);
	tcase_add_test(tc, aqe_bad_input);
	tcase_add_test(tc, render_properties);
	suite_add_tcase(s, tc);
	return s;
}
