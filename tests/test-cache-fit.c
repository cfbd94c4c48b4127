/* SPDX-License-Identifier: MIT */
/*
 * ecap-1's cache fit: the in-memory share measured against unified
 * memory (storage borrows what execution does not use,
 * UnifiedMemoryManager), the in-memory levels against the eviction-safe
 * region (spark.memory.storageFraction of it), memory-and-disk levels
 * declined on local disk room, and on cache.min_memory_share_ratio only
 * for data read from storage.  Datasets and RDDs follow the same rules.
 * Every expected number is worked by hand beside it.
 */
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "fixture.h"

#define MIB UINT64_C(1048576)
#define GIB (1024 * MIB)

static struct ecap_cache_in in;
static struct ecap_cache_out out;
static char text[ECAP_EXPLAIN_MAX];

/*
 * 10 executors of 8 GiB: unified (long)((2^33 - 300 MiB) * 0.6) =
 * 4965217075 B each, the eviction-safe region (long)(4965217075 * 0.5) =
 * 2482608537 B.  Blocks of 512 MiB: floor(4965217075 / 536870912) = 9 in
 * unified memory, floor(2482608537 / 536870912) = 4 in the region, per
 * executor: 90 and 40 in all.
 */
static void
setup(void)
{
	policy_setup();
	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	in.reuse_count = 4;
	in.executor_count = 10;
	in.executor_heap_bytes = 8 * GIB;
}

static void
advise(void)
{
	ck_assert_msg(ecap_cache_advise(p, &in, &out, &err) == 0, "%s",
		      err.message);
	ck_assert_msg(ecap_cache_explain(&out, text, sizeof(text), &err) == 0,
		      "%s", err.message);
}

static void
dataset(uint64_t parquet, int64_t partitions)
{
	in.api = ECAP_SPARK_API_DATASET;
	in.storage_format_size_bytes = parquet;
	in.serialized_size_bytes = 0;
	in.partition_count = partitions;
	advise();
}

static void
rdd(uint64_t serialized, int64_t partitions)
{
	in.api = ECAP_SPARK_API_RDD;
	in.storage_format_size_bytes = 0;
	in.serialized_size_bytes = serialized;
	in.partition_count = partitions;
	advise();
}

START_TEST(share_of_unified_memory)
{
	/* 24 GiB of Parquet -> 2.5 x = 60 GiB columnar in 120 blocks of
	 * 512 MiB: 90 of 120 (75%) in unified memory, 40 (33%) safe from
	 * eviction.  Measured against the region alone it was 33%,
	 * "do not cache"; now MEMORY_AND_DISK, up to (120 - 40) x 512 MiB
	 * = 40 GiB on local disk */
	dataset(24 * GIB, 120);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_uint_eq(out.unified_memory_bytes,
			  UINT64_C(4965217075) * 10);
	ck_assert_uint_eq(out.storage_memory_bytes,
			  UINT64_C(2482608537) * 10);
	ck_assert_int_eq(out.partitions_in_memory_count, 90);
	ck_assert_int_eq(out.partitions_safe_count, 40);
	ck_assert_double_near(out.memory_share_ratio, 0.75);
	ck_assert_uint_eq(out.disk_bytes, 40 * GIB);
	ck_assert_uint_eq(out.stored_size_bytes, 60 * GIB);
	ck_assert_str_eq(text, "ecap-1: 60 GiB columnar "
			 "(cache.columnar_size_factor 2.5 x 24 GiB "
			 "Parquet/ORC) x1: 90 of 120 partitions (75%) fit in "
			 "46.2 GiB of unified memory (23.1 GiB safe from "
			 "eviction), at least cache.min_memory_share_ratio "
			 "50%: MEMORY_AND_DISK keeps the rest on local disk "
			 "(up to 40 GiB)");
	/* the same 60 GiB as a serialized RDD: objects 3 x 60 GiB do not
	 * fit the region, nor do the 512 MiB serialized blocks (40 of
	 * 120): MEMORY_AND_DISK_SER at the same 75%, the same disk */
	rdd(60 * GIB, 120);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_double_near(out.memory_share_ratio, 0.75);
	ck_assert_uint_eq(out.disk_bytes, 40 * GIB);
}
END_TEST

START_TEST(fits_evictable)
{
	/* 16 GiB of Parquet -> 40 GiB columnar in 80 blocks of 512 MiB:
	 * all 80 fit in unified memory (90), 40 in the region: memory and
	 * disk, up to 40 x 512 MiB = 20 GiB written if execution evicts */
	dataset(16 * GIB, 80);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_EVICTABLE);
	ck_assert_int_eq(out.partitions_in_memory_count, 80);
	ck_assert_int_eq(out.partitions_safe_count, 40);
	ck_assert_uint_eq(out.disk_bytes, 20 * GIB);
	ck_assert_str_eq(text, "ecap-1: 40 GiB columnar "
			 "(cache.columnar_size_factor 2.5 x 16 GiB "
			 "Parquet/ORC) x1: all 80 partitions fit in 46.2 GiB "
			 "of unified memory, 40 of them in the 23.1 GiB safe "
			 "from eviction: MEMORY_AND_DISK writes up to 20 GiB "
			 "that execution evicts to local disk");
	/* an RDD of 40 GiB serialized: the same blocks, MEMORY_AND_DISK_SER
	 * (MEMORY_ONLY_SER would drop what execution evicts and recompute
	 * it) */
	rdd(40 * GIB, 80);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_EVICTABLE);
	/* 40 blocks fit the region: the in-memory levels, nothing on disk:
	 * serialized 20 GiB in 40 blocks of 512 MiB; objects 60 GiB do not */
	rdd(20 * GIB, 40);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_SERIALIZED);
	ck_assert_uint_eq(out.disk_bytes, 0);
	dataset(8 * GIB, 40);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_COLUMNAR);
	ck_assert_uint_eq(out.disk_bytes, 0);
}
END_TEST

START_TEST(local_disk_room)
{
	/* share_of_unified_memory's 40 GiB on disk: exactly 40 GiB of
	 * local disk holds it; one byte less declines, re-read the source
	 * (read from storage) or checkpoint (out of a shuffle) */
	in.local_disk_bytes = 40 * GIB;
	dataset(24 * GIB, 120);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK);
	ck_assert_uint_eq(out.local_disk_bytes, 40 * GIB);
	in.local_disk_bytes = 40 * GIB - 1;
	dataset(24 * GIB, 120);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_NONE);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_NO_DISK_ROOM);
	ck_assert_int_eq(out.alternative, ECAP_CACHE_ALTERNATIVE_REREAD_SOURCE);
	ck_assert_uint_eq(out.stored_size_bytes, 0);
	ck_assert_uint_eq(out.disk_bytes, 40 * GIB);
	ck_assert_str_eq(text, "ecap-1: 60 GiB columnar "
			 "(cache.columnar_size_factor 2.5 x 24 GiB "
			 "Parquet/ORC): up to 40 GiB would go to local disk "
			 "(every partition outside the 23.1 GiB safe from "
			 "eviction), more than the 40 GiB of local disk: do "
			 "not cache; re-read the source for each use instead");
	in.computed_with_shuffle = 1;
	dataset(24 * GIB, 120);
	ck_assert_int_eq(out.alternative, ECAP_CACHE_ALTERNATIVE_CHECKPOINT);
	/* an RDD is held to the same room */
	in.computed_with_shuffle = 0;
	rdd(60 * GIB, 120);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_NO_DISK_ROOM);
	/* the in-memory levels write nothing to disk: no room needed */
	in.local_disk_bytes = 1;
	rdd(20 * GIB, 40);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER);
}
END_TEST

START_TEST(share_rule_for_stored_data_only)
{
	/* 40 GiB of Parquet -> 100 GiB columnar in 200 blocks of 512 MiB:
	 * 90 of 200 = 45% in unified memory, below 50%: data read from
	 * storage is not cached (a disk copy of the source) */
	dataset(40 * GIB, 200);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_NONE);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY);
	ck_assert_double_near(out.memory_share_ratio, 0.45);
	ck_assert_ptr_nonnull(strstr(text, "only 45% of the 200 partitions"));
	ck_assert_ptr_nonnull(strstr(text, "below cache.min_memory_share_ratio "
				     "50% for data read from storage"));
	/* out of a shuffle, a local disk read beats recomputing it: cached,
	 * up to (200 - 40) x 512 MiB = 80 GiB on disk */
	in.computed_with_shuffle = 1;
	dataset(40 * GIB, 200);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_uint_eq(out.disk_bytes, 80 * GIB);
	ck_assert_ptr_nonnull(strstr(text, "below cache.min_memory_share_ratio "
				     "50% but computed through a shuffle"));
	/* and an RDD the same way: 100 GiB serialized, 45% */
	rdd(100 * GIB, 200);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER);
	in.computed_with_shuffle = 0;
	rdd(100 * GIB, 200);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_NONE);
}
END_TEST

START_TEST(memory_given_in_bytes)
{
	/* Without executors: region 1000 MiB, unified 2000 MiB; 800 MiB of
	 * Parquet -> 2000 MiB columnar in 10 blocks of 200 MiB: 5 in the
	 * region, all 10 in unified memory */
	in.executor_count = 0;
	in.executor_heap_bytes = 0;
	in.storage_memory_bytes = 1000 * MIB;
	in.unified_memory_bytes = 2000 * MIB;
	dataset(800 * MIB, 10);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_EVICTABLE);
	ck_assert_int_eq(out.partitions_safe_count, 5);
	/* unified alone: the region is (long)(2000 MiB x 0.5) = 1000 MiB */
	in.storage_memory_bytes = 0;
	dataset(800 * MIB, 10);
	ck_assert_uint_eq(out.storage_memory_bytes, 1000 * MIB);
	ck_assert_int_eq(out.partitions_safe_count, 5);
	/* the region alone counts no borrowing: 5 of 10 = 50%, spills */
	in.storage_memory_bytes = 1000 * MIB;
	in.unified_memory_bytes = 0;
	dataset(800 * MIB, 10);
	ck_assert_uint_eq(out.unified_memory_bytes, 1000 * MIB);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_double_near(out.memory_share_ratio, 0.5);
	/* unified below the region: refused */
	in.unified_memory_bytes = 1000 * MIB - 1;
	ck_assert_err(ecap_cache_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "unified_memory_bytes");
	/* with executors: one or the other */
	in.storage_memory_bytes = 0;
	in.unified_memory_bytes = GIB;
	in.executor_count = 2;
	in.executor_heap_bytes = GIB;
	ck_assert_err(ecap_cache_advise(p, &in, &out, &err), ECAP_ERR_INVALID,
		      err, "unified_memory_bytes");
	/* 2^60 + 1 is past the size range */
	in.executor_count = 0;
	in.executor_heap_bytes = 0;
	in.unified_memory_bytes = (UINT64_C(1) << 60) + 1;
	ck_assert_err(ecap_cache_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "unified_memory_bytes");
	in.unified_memory_bytes = GIB;
	in.local_disk_bytes = (UINT64_C(1) << 60) + 1;
	ck_assert_err(ecap_cache_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "local_disk_bytes");
}
END_TEST

Suite *
cache_fit_suite(void)
{
	Suite *s = suite_create("cache-fit");
	TCase *tc = tcase_create("fit");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, share_of_unified_memory);
	tcase_add_test(tc, fits_evictable);
	tcase_add_test(tc, local_disk_room);
	tcase_add_test(tc, share_rule_for_stored_data_only);
	tcase_add_test(tc, memory_given_in_bytes);
	suite_add_tcase(s, tc);
	return s;
}
