/* SPDX-License-Identifier: MIT */
/*
 * Spark's scan-task count for a file listing (FilePartition.maxSplitBytes
 * and getFilePartitions) and its sentence.  Every expected number is
 * worked by hand in the comment beside it, from the rule named there.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fixture.h"

#define MIB INT64_C(1048576)
#define GIB (1024 * MIB)

/* The last sentence an explain call wrote. */
static char text[ECAP_EXPLAIN_MAX];

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
	ck_assert_msg(ecap_partition_scan_explain(&out, text, sizeof(text),
						  &err) == 0, "%s",
		      err.message);
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

START_TEST(scan_explain)
{
	int64_t one_gib[] = { GIB };
	struct ecap_partition_scan_in in = scan_in(one_gib, 1, 1, 4);
	struct ecap_partition_scan_out o = scan(&in);
	char small[16];

	/* the numbers of scan_split_sizes, named in the sentence */
	ck_assert_int_eq(o.max_partition_bytes, 128 * MIB);
	ck_assert_int_eq(o.open_cost_bytes, 4 * MIB);
	ck_assert_ptr_nonnull(strstr(text, "maxSplitBytes = min(maxPartition"
				     "Bytes 134217728, max(openCost 4194304, "
				     "1077936128 / 4)) = 134217728; 8 splits "
				     "pack into 8 tasks"));
	/* a short buffer: the truncated sentence and ECAP_ERR_NOSPACE */
	ck_assert_err(ecap_partition_scan_explain(&o, small, sizeof(small),
						  &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_str_eq(small, "FilePartition: ");
	ck_assert_err(ecap_partition_scan_explain(&o, NULL, 8, &err),
		      ECAP_ERR_INVALID, err, "buf");
	ck_assert_err(ecap_partition_scan_explain(&o, small, 0, &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_err(ecap_partition_scan_explain(NULL, small, 8, &err),
		      ECAP_ERR_INVALID, err, "ecap_partition_scan_out");
	o.reason = ECAP_PARTITION_REASON_KEEP;
	ck_assert_err(ecap_partition_scan_explain(&o, text, sizeof(text),
						  &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
	/* the longest sentence, every number at its widest, still fits */
	o.reason = ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_NUM;
	o.size_packed_task_count = o.max_split_bytes = INT64_MIN;
	o.max_partition_num = o.split_count = INT64_MIN;
	o.rescaled_split_bytes = o.task_count = INT64_MIN;
	ck_assert_int_eq(ecap_partition_scan_explain(&o, text, sizeof(text),
						     &err), 0);
}
END_TEST

Suite *
partition_scan_suite(void)
{
	Suite *s = suite_create("partition-scan");
	TCase *tc = tcase_create("scan");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, scan_split_sizes);
	tcase_add_test(tc, scan_integer_division);
	tcase_add_test(tc, scan_small_files_pack);
	tcase_add_test(tc, scan_next_fit_threshold);
	tcase_add_test(tc, scan_non_splittable_and_empty);
	tcase_add_test(tc, scan_max_partition_num);
	tcase_add_test(tc, scan_matches_literal_packing);
	tcase_add_test(tc, scan_bad_input);
	tcase_add_test(tc, scan_explain);
	suite_add_tcase(s, tc);
	return s;
}
