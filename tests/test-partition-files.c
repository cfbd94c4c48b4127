/* SPDX-License-Identifier: MIT */
/*
 * ecap-1 partition advice on data read from files: the scan's own count
 * predicted (FilePartition's rule at the rendered split size), kept,
 * coalesced or repartitioned, and the file inputs' validation.  Every
 * expected number is worked by hand in the comment beside it.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>

#include "fixture.h"

#define MIB INT64_C(1048576)
#define GIB (1024 * MIB)
#define TIB (1024 * GIB)

/* The last sentence an explain call wrote. */
static char text[ECAP_EXPLAIN_MAX];

/* Advise on files: a count of files of one size, or a listing. */
static struct ecap_partition_out
advise_files(int64_t bytes, const int64_t *listing, int64_t files,
	     int64_t file_size, int32_t not_splittable, int64_t cores)
{
	struct ecap_partition_in in;
	struct ecap_partition_out out;

	ECAP_STRUCT_INIT(&in);
	in.data_size_bytes = bytes;
	in.total_executor_cores = cores;
	in.file_sizes_bytes = listing;
	in.file_count = files;
	in.file_size_bytes = file_size;
	in.files_not_splittable = not_splittable;
	ECAP_STRUCT_INIT(&out);
	ck_assert_msg(ecap_partition_advise(p, &in, &out, &err) == 0, "%s",
		      err.message);
	ck_assert_msg(ecap_partition_explain(&out, text, sizeof(text), &err) ==
			      0, "%s", err.message);
	return out;
}

START_TEST(ecap1_files_keep_scan_count)
{
	int64_t *listing = malloc(2048 * sizeof(*listing));
	struct ecap_partition_out o;
	int i;

	/* 2 TiB read from 2048 files of 1 GiB on 160 cores, current count
	 * unknown: ceil(2 TiB / 128 MiB) = 16384 (the floor min(320, 2^21)
	 * = 320 is below), 128 MiB each.  The scan at maxPartitionBytes
	 * 128 MiB: bytesPerCore = (2 TiB + 2048 * 4 MiB) / 160 > 128 MiB,
	 * so maxSplitBytes = 128 MiB; each file is 8 splits of 128 MiB and
	 * each split fills a task (128 + 4 MiB open cost, then + 128 MiB >
	 * 128 MiB): 2048 * 8 = 16384 tasks, the advised count.  Keep it: no
	 * 2 TiB shuffle to the same count. */
	o = advise_files(2 * TIB, NULL, 2048, 0, 0, 160);
	ck_assert_int_eq(o.partition_count, 16384);
	ck_assert_int_eq(o.bytes_per_partition, 128 * MIB);
	ck_assert_int_eq(o.scan_task_count, 16384);
	ck_assert_int_eq(o.current_partition_count, 16384);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_KEEP);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_KEEP_SCAN);
	ck_assert_int_eq(o.effective_partition_count, 16384);
	ck_assert_ptr_nonnull(strstr(text, "keep 16384 partitions of 128 MiB"));
	ck_assert_ptr_nonnull(strstr(text, "(scan 16384)"));
	/* the same files given by size, and as a listing: the same */
	o = advise_files(2 * TIB, NULL, 2048, GIB, 0, 160);
	ck_assert_int_eq(o.scan_task_count, 16384);
	ck_assert_ptr_nonnull(listing);
	for (i = 0; i < 2048; i++)
		listing[i] = GIB;
	o = advise_files(0, listing, 2048, 0, 0, 160);
	ck_assert_int_eq(o.data_size_bytes, 2 * TIB);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_KEEP_SCAN);
	ck_assert_int_eq(o.scan_task_count, 16384);
	free(listing);
	/* a current count given wins over the prediction: 16000 is
	 * repartitioned up to 16384 */
	{
		struct ecap_partition_in in;
		struct ecap_partition_out out;

		ECAP_STRUCT_INIT(&in);
		ECAP_STRUCT_INIT(&out);
		in.data_size_bytes = 2 * TIB;
		in.total_executor_cores = 160;
		in.file_count = 2048;
		in.current_partition_count = 16000;
		ck_assert_int_eq(ecap_partition_advise(p, &in, &out, &err), 0);
		ck_assert_int_eq(out.reason, ECAP_PARTITION_REASON_REPARTITION);
		ck_assert_int_eq(out.scan_task_count, 0);
	}
}
END_TEST

START_TEST(ecap1_files_coalesce_or_repartition)
{
	struct ecap_partition_out o;

	/* 1000 files of 100 KiB = 102400000 B on 16 cores: ceil(/128 MiB)
	 * = 1; floor min(32, floor(102400000 / 4 MiB) = 24) = 24
	 * partitions of ceil(102400000 / 24) = 4266667 B.  The scan at
	 * maxPartitionBytes 4266667: maxSplitBytes = min(4266667, max(4 MiB,
	 * ...)) = 4266667; a file (102400 B) + 4 MiB open cost already
	 * passes it, so every file is a task: 1000 > 24, coalesce (no
	 * shuffle) */
	o = advise_files(0, NULL, 1000, 102400, 0, 16);
	ck_assert_int_eq(o.partition_count, 24);
	ck_assert_int_eq(o.bytes_per_partition, 4266667);
	ck_assert_int_eq(o.scan_task_count, 1000);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_COALESCE);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_COALESCE_SCAN);
	/* one gzip file of 1 GiB on 8 cores: ceil(1024 / 128) = 8, floor
	 * min(16, 1024) = 16 partitions; the scan cannot split gzip: 1 task,
	 * so repartition to 16 (a shuffle that changes the count 16-fold) */
	o = advise_files(GIB, NULL, 1, 0, 1, 8);
	ck_assert_int_eq(o.partition_count, 16);
	ck_assert_int_eq(o.scan_task_count, 1);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_REPARTITION);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_REPARTITION_SCAN);
	/* 50 files of 200 MiB on 40 cores: ceil(10000 / 128) = 79 < floor
	 * min(80, 10000) = 80 partitions of 125 MiB; the scan cuts each
	 * file into 125 + 75 MiB: 100 tasks of 100 MiB on average, at least
	 * half the target, so keep them rather than merge 20 pairs */
	o = advise_files(0, NULL, 50, 200 * MIB, 0, 40);
	ck_assert_int_eq(o.partition_count, 80);
	ck_assert_int_eq(o.split_size_bytes, 125 * MIB);
	ck_assert_int_eq(o.scan_task_count, 100);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_KEEP);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_KEEP_NEAR_TARGET);
	ck_assert_int_eq(o.effective_partition_count, 100);
	ck_assert_int_eq(o.bytes_per_partition, 100 * MIB);
	ck_assert_ptr_nonnull(strstr(text, "keep the 100 scanned partitions"));
	/* the same file splittable: 16 splits of 64 MiB, 16 tasks: keep */
	o = advise_files(GIB, NULL, 1, 0, 0, 8);
	ck_assert_int_eq(o.bytes_per_partition, 64 * MIB);
	ck_assert_int_eq(o.scan_task_count, 16);
	ck_assert_int_eq(o.reason, ECAP_PARTITION_REASON_KEEP_SCAN);
	/* 8 MiB in one file on 160 cores: floor min(320, 8 MiB / 4 MiB) =
	 * 2 partitions of 4 MiB; maxSplitBytes = min(4 MiB, max(4 MiB open
	 * cost, 12 MiB / 160)) = 4 MiB cuts 2 splits, each alone (4 MiB +
	 * 4 MiB open cost passes 4 MiB): 2 tasks, keep */
	o = advise_files(8 * MIB, NULL, 1, 0, 0, 160);
	ck_assert_int_eq(o.partition_count, 2);
	ck_assert_int_eq(o.scan_task_count, 2);
	ck_assert_int_eq(o.action, ECAP_PARTITION_ACTION_KEEP);
}
END_TEST

/* Files of one size predicted by arithmetic agree with the packing of
 * the same listing (ecap_partition_scan_tasks' code), remainders, empty
 * files and gzip included. */
START_TEST(ecap1_uniform_files_match_listing)
{
	static const int64_t sizes[] = { 1, 1000, 3 * MIB + 7, 100 * MIB,
					 128 * MIB, 128 * MIB + 1, GIB + 5 };
	static const int64_t counts[] = { 1, 2, 3, 7, 64, 129 };
	static const int64_t cores[] = { 1, 8, 160 };
	int64_t *listing = malloc(129 * sizeof(*listing));
	size_t a, b, c;
	int ns;

	ck_assert_ptr_nonnull(listing);
	for (a = 0; a < sizeof(sizes) / sizeof(sizes[0]); a++)
	for (b = 0; b < sizeof(counts) / sizeof(counts[0]); b++)
	for (c = 0; c < sizeof(cores) / sizeof(cores[0]); c++)
	for (ns = 0; ns < 2; ns++) {
		int64_t n = counts[b], total = sizes[a], i;
		struct ecap_partition_out u, l;

		/* total bytes spread over n files: total % n files get one
		 * byte more (the arithmetic's rule) */
		for (i = 0; i < n; i++)
			listing[i] = total / n + (i < total % n);
		if (total < n)
			continue;
		u = advise_files(total, NULL, n, 0, ns, cores[c]);
		l = advise_files(total, listing, n, 0, ns, cores[c]);
		ck_assert_msg(u.scan_task_count == l.scan_task_count,
			      "%" PRId64 " B in %" PRId64 " files, %" PRId64
			      " cores, gzip %d: %" PRId64 " vs %" PRId64,
			      total, n, cores[c], ns, u.scan_task_count,
			      l.scan_task_count);
		ck_assert_int_eq(u.reason, l.reason);
	}
	free(listing);
}
END_TEST

START_TEST(ecap1_files_bad_input)
{
	int64_t listing[] = { MIB, -1 };
	struct ecap_partition_in in;
	struct ecap_partition_out out;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	in.data_size_bytes = GIB;
	in.total_executor_cores = 8;
	/* file details without a file count */
	in.file_size_bytes = MIB;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "file_count");
	in.file_size_bytes = 0;
	in.files_not_splittable = 1;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "file_count");
	in.files_not_splittable = 2;
	in.file_count = 1;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "files_not_splittable");
	in.files_not_splittable = 0;
	in.file_count = -1;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "file_count");
	in.file_count = ECAP_PARTITION_MAX_COUNT + 1;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "file_count");
	/* a listing and a size */
	in.file_count = 2;
	in.file_sizes_bytes = listing;
	in.file_size_bytes = MIB;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "file_size_bytes");
	in.file_size_bytes = 0;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "file_sizes_bytes");
	/* 10^7 files of 2^40 B are past 1 EiB */
	in.file_sizes_bytes = NULL;
	in.file_count = ECAP_PARTITION_MAX_COUNT;
	in.file_size_bytes = INT64_C(1) << 40;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "file_size_bytes");
	/* the scan needs the cores (Spark's default parallelism) */
	in.file_count = 8;
	in.file_size_bytes = 0;
	in.total_executor_cores = 0;
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "total_executor_cores");
	ck_assert_int_eq(out.partition_count, 0);
	/* with a current count, no prediction is needed */
	in.current_partition_count = 8;
	ck_assert_int_eq(ecap_partition_advise(p, &in, &out, &err), 0);
	ck_assert_int_eq(out.reason, ECAP_PARTITION_REASON_KEEP);
}
END_TEST

Suite *
partition_files_suite(void)
{
	Suite *s = suite_create("partition-files");
	TCase *tc = tcase_create("files");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, ecap1_files_keep_scan_count);
	tcase_add_test(tc, ecap1_files_coalesce_or_repartition);
	tcase_add_test(tc, ecap1_uniform_files_match_listing);
	tcase_add_test(tc, ecap1_files_bad_input);
	suite_add_tcase(s, tc);
	return s;
}
