/* SPDX-License-Identifier: MIT */
/*
 * Cache (storage) level advice: the guide's cache_frequently_accessed_data,
 * the ecap-1 fit rule, and every bad input.  Level names and flags are in
 * test-cache-levels.c, sentences in test-cache-explain.c.  Expected values
 * are worked by hand in the comments.
 */
#include "fixture.h"

#define MIB ((uint64_t)1 << 20)
#define GIB ((uint64_t)1 << 30)

static struct ecap_cache_in in;
static struct ecap_cache_out out;
static char text[ECAP_EXPLAIN_MAX];

/* 3 GiB as objects, 1 GiB serialized, 400 MiB as Parquet (a Dataset's
 * columnar cache 2.5 x 400 = 1000 MiB), 100 partitions, used 3 times. */
static void
reset_in(void)
{
	ECAP_STRUCT_INIT(&in);
	in.deserialized_size_bytes = 3 * GIB;
	in.serialized_size_bytes = GIB;
	in.storage_format_size_bytes = 400 * MIB;
	in.partition_count = 100;
	in.reuse_count = 3;
	in.storage_memory_bytes = 4 * GIB;
	in.api = ECAP_SPARK_API_RDD;
}

static void
setup(void)
{
	ECAP_STRUCT_INIT(&out);
	reset_in();
	policy_setup();
}

static void
advise(void)
{
	ck_assert_msg(ecap_cache_advise(p, &in, &out, &err) == 0, "%s",
		      err.message);
}

static void
expect(int32_t api, int32_t level, const char *name)
{
	in.api = api;
	advise();
	ck_assert_int_eq(out.level, level);
	ck_assert_str_eq(out.level_name, name);
	ck_assert_int_eq(out.level_exists_in_api, 1);
}

/* ---- guide ---- */

START_TEST(guide_partition_threshold)
{
	ck_assert_int_eq(ecap_policy_set_string(p, "model", "guide", &err), 0);
	/* getNumPartitions() > 200: 200 is not above -> MEMORY_ONLY_SER */
	in.partition_count = 200;
	in.storage_memory_bytes = 512 * MIB;
	advise();
	ck_assert_int_eq(out.model, ECAP_MODEL_GUIDE);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER);
	ck_assert_str_eq(out.level_name, "MEMORY_ONLY_SER");
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_GUIDE_FEW_PARTITIONS);
	ck_assert_int_eq(out.level_exists_in_api, 1);
	ck_assert_int_eq(out.deserialized, 0);
	/* serialized block ceil(2^30 / 200 = 5368709.12) = 5368710;
	 * floor(2^29 / 5368710 = 99.99) = 99 blocks: share 99/200 */
	ck_assert_int_eq(out.partitions_in_memory_count, 99);
	ck_assert_double_near(out.memory_share_ratio, 99.0 / 200.0);
	ck_assert_uint_eq(out.stored_size_bytes, GIB);
	/* 201 > 200 -> MEMORY_AND_DISK_SER */
	in.partition_count = 201;
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_GUIDE_MANY_PARTITIONS);
	/* The guide caches even data used once, and ignores replicas. */
	in.reuse_count = 1;
	in.replicated = 1;
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER);
	ck_assert_int_eq(out.replication_count, 1);
	/* PySpark: the guide's names do not exist there */
	in.api = ECAP_SPARK_API_PYSPARK_DATAFRAME;
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER);
	ck_assert_int_eq(out.level_exists_in_api, 0);
	ck_assert_int_eq(ecap_cache_explain(&out, text, sizeof(text), &err), 0);
	ck_assert_ptr_nonnull(strstr(text, "PySpark 3.x has no such constant"));
	/* the policy threshold is read: 300 makes 201 "few" */
	ck_assert_int_eq(ecap_policy_set_int64(p, "cache.guide_partition_threshold",
					       300, &err), 0);
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER);
}
END_TEST

/* ---- ecap-1 ---- */

START_TEST(ecap1_fits_deserialized)
{
	/* deserialized block ceil(3 GiB / 100 = 32212254.72) = 32212255;
	 * floor(4 GiB / 32212255 = 133.3) = 133 >= 100: fits as objects */
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_ONLY,
	       "MEMORY_ONLY");	/* RDD.cache() default */
	ck_assert_int_eq(out.model, ECAP_MODEL_ECAP_1);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_DESERIALIZED);
	ck_assert_int_eq(out.deserialized, 1);
	ck_assert_int_eq(out.partitions_in_memory_count, 100);
	ck_assert_double_near(out.memory_share_ratio, 1.0);
	ck_assert_uint_eq(out.stored_size_bytes, 3 * GIB);
	ck_assert_uint_eq(out.storage_memory_bytes, 4 * GIB);
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_OBJECTS);
	/* Dataset.cache() default: columnar rebuild is expensive; the
	 * columnar cache, 2.5 x 400 MiB = 1000 MiB, fits in 4 GiB */
	expect(ECAP_SPARK_API_DATASET, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK,
	       "MEMORY_AND_DISK");
	ck_assert_int_eq(out.use_disk, 1);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_COLUMNAR);
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_COLUMNAR);
	ck_assert_uint_eq(out.stored_size_bytes, 1000 * MIB);
	/* PySpark DataFrame.cache() default since 3.0 */
	expect(ECAP_SPARK_API_PYSPARK_DATAFRAME,
	       ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_DESER,
	       "MEMORY_AND_DISK_DESER");
	ck_assert_int_eq(out.deserialized, 1);
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_COLUMNAR);
	/* PySpark RDD: pickled bytes, 1 GiB fits; MEMORY_ONLY is
	 * serialized there */
	expect(ECAP_SPARK_API_PYSPARK_RDD, ECAP_STORAGE_LEVEL_MEMORY_ONLY,
	       "MEMORY_ONLY");
	ck_assert_int_eq(out.deserialized, 0);
	ck_assert_uint_eq(out.stored_size_bytes, GIB);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_SERIALIZED);
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_PICKLED);
	ck_assert_int_eq(out.alternative, ECAP_CACHE_ALTERNATIVE_NONE);
}
END_TEST

START_TEST(ecap1_fit_threshold)
{
	/* 100 blocks of 32212255 = 3221225500 bytes: fits exactly */
	in.storage_memory_bytes = 3221225500u;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_ONLY,
	       "MEMORY_ONLY");
	/* one byte less: 99 blocks; serialized block ceil(2^30/100) =
	 * 10737419, floor(3221225499 / 10737419) = 299 >= 100 */
	in.storage_memory_bytes = 3221225499u;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER,
	       "MEMORY_ONLY_SER");
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_SERIALIZED);
	ck_assert_double_near(out.memory_share_ratio, 1.0);
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_SERIALIZED);
	/* a Dataset is columnar batches at any level: no _SER level, its
	 * 1000 MiB fits */
	expect(ECAP_SPARK_API_DATASET, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK,
	       "MEMORY_AND_DISK");
	expect(ECAP_SPARK_API_PYSPARK_DATAFRAME,
	       ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_DESER,
	       "MEMORY_AND_DISK_DESER");
	/* serialized threshold: 100 * 10737419 = 1073741900 fits ... */
	in.storage_memory_bytes = 1073741900u;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER,
	       "MEMORY_ONLY_SER");
	/* ... one byte less spills: 99 of 100 blocks in memory */
	in.storage_memory_bytes = 1073741899u;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER,
	       "MEMORY_AND_DISK_SER");
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_int_eq(out.partitions_in_memory_count, 99);
	ck_assert_double_near(out.memory_share_ratio, 0.99);
	/* columnar threshold: 100 blocks of 10 MiB = 1000 MiB fit ... */
	in.storage_memory_bytes = 1000 * MIB;
	expect(ECAP_SPARK_API_DATASET, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK,
	       "MEMORY_AND_DISK");
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_COLUMNAR);
	/* ... one byte less: 99 of 100 in memory, the rest on disk */
	in.storage_memory_bytes = 1000 * MIB - 1;
	expect(ECAP_SPARK_API_DATASET, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK,
	       "MEMORY_AND_DISK");
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_int_eq(out.partitions_in_memory_count, 99);
}
END_TEST

START_TEST(ecap1_spills)
{
	/* 512 MiB: the columnar 10 MiB blocks, floor(512 / 10) = 51 of 100
	 * >= cache.min_memory_share_ratio 0.5: memory and disk */
	in.storage_memory_bytes = 512 * MIB;
	expect(ECAP_SPARK_API_DATASET, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK,
	       "MEMORY_AND_DISK");
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_double_near(out.memory_share_ratio, 0.51);
	expect(ECAP_SPARK_API_PYSPARK_DATAFRAME,
	       ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_DESER,
	       "MEMORY_AND_DISK_DESER");
	/* 1.5 GiB, serialized blocks of 10737419: floor(1610612736 /
	 * 10737419 = 149.99) = 149 >= 100: fits serialized; 768 MiB holds
	 * floor(805306368 / 10737419 = 74.99) = 74 of 100 */
	in.storage_memory_bytes = 768 * MIB;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER,
	       "MEMORY_AND_DISK_SER");
	ck_assert_double_near(out.memory_share_ratio, 0.74);
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_SERIALIZED);
	expect(ECAP_SPARK_API_PYSPARK_RDD, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK,
	       "MEMORY_AND_DISK");
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_PICKLED);
}
END_TEST

START_TEST(ecap1_reuse_threshold)
{
	/* used once < cache.min_reuse_count 2: not cached */
	in.reuse_count = 1;
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_NONE);
	ck_assert_str_eq(out.level_name, "NONE");
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_NOT_REUSED);
	ck_assert_double_near(out.memory_share_ratio, 0.0);
	ck_assert_uint_eq(out.stored_size_bytes, 0);
	/* twice: cached */
	in.reuse_count = 2;
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_ONLY);
	/* policy 5: 4 uses are not enough */
	ck_assert_int_eq(ecap_policy_set_int64(p, "cache.min_reuse_count", 5,
					       &err), 0);
	in.reuse_count = 4;
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_NONE);
}
END_TEST

START_TEST(ecap1_replicas)
{
	/* 2 copies: 200 deserialized blocks > 133; serialized
	 * floor(4 GiB / 10737419 = 399.99) = 399 >= 200 */
	in.replicated = 1;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER_2,
	       "MEMORY_ONLY_SER_2");
	ck_assert_int_eq(out.replication_count, 2);
	ck_assert_uint_eq(out.stored_size_bytes, 2 * GIB);
	ck_assert_int_eq(out.partitions_in_memory_count, 200);
	/* a Dataset's 2 x 100 columnar blocks of 10 MiB fit in 4 GiB */
	expect(ECAP_SPARK_API_DATASET, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_2,
	       "MEMORY_AND_DISK_2");
	ck_assert_uint_eq(out.stored_size_bytes, 2000 * MIB);
	/* 8 GiB: floor(8 GiB / 32212255) = 266 >= 200 as objects */
	in.storage_memory_bytes = 8 * GIB;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_ONLY_2,
	       "MEMORY_ONLY_2");
	expect(ECAP_SPARK_API_DATASET, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_2,
	       "MEMORY_AND_DISK_2");
	/* PySpark has no MEMORY_AND_DISK_DESER_2: MEMORY_AND_DISK_2 */
	expect(ECAP_SPARK_API_PYSPARK_DATAFRAME,
	       ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_2, "MEMORY_AND_DISK_2");
	expect(ECAP_SPARK_API_PYSPARK_RDD, ECAP_STORAGE_LEVEL_MEMORY_ONLY_2,
	       "MEMORY_ONLY_2");
	/* spilling with replicas: 1.5 GiB holds 149 of 200 copies */
	in.storage_memory_bytes = 1536 * MIB;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER_2,
	       "MEMORY_AND_DISK_SER_2");
	ck_assert_double_near(out.memory_share_ratio, 149.0 / 200.0);
	/* 512 MiB holds 49 of 200 copies (24.5%): declined */
	in.storage_memory_bytes = 512 * MIB;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_NONE, "NONE");
	ck_assert_double_near(out.memory_share_ratio, 49.0 / 200.0);
}
END_TEST

START_TEST(ecap1_memory_from_executors)
{
	/* 10 executors of 1 GiB: storage region (long)((2^30 - 300 MiB) *
	 * 0.6 * 0.5) = 227750707 each, 2277507070 in all.  Objects: 7
	 * blocks of 32212255 per executor = 70 < 100; serialized
	 * floor(227750707 / 10737419 = 21.2) = 21 * 10 = 210 >= 100 */
	in.storage_memory_bytes = 0;
	in.executor_count = 10;
	in.executor_heap_bytes = GIB;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER,
	       "MEMORY_ONLY_SER");
	ck_assert_uint_eq(out.storage_memory_bytes, 2277507070u);
	/* One 300 MiB partition: no executor's 217 MiB region holds it,
	 * but its unified memory, (long)((2^30 - 300 MiB) * 0.6) =
	 * 455501414 B, does while execution leaves it: memory and disk,
	 * the block to disk if execution evicts it */
	in.partition_count = 1;
	in.deserialized_size_bytes = 300 * MIB;
	in.serialized_size_bytes = 300 * MIB;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER,
	       "MEMORY_AND_DISK_SER");
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_EVICTABLE);
	ck_assert_int_eq(out.partitions_in_memory_count, 1);
	ck_assert_int_eq(out.partitions_safe_count, 0);
	ck_assert_uint_eq(out.disk_bytes, 300 * MIB);
}
END_TEST

START_TEST(ecap1_one_size_and_factor)
{
	/* deserialized only: serialized ceil(3 GiB / policy 3) = 1 GiB,
	 * same as giving both */
	in.serialized_size_bytes = 0;
	in.storage_memory_bytes = 3221225499u;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER,
	       "MEMORY_ONLY_SER");
	ck_assert_uint_eq(out.stored_size_bytes, GIB);
	/* serialized only with factor 2.5: objects 2684354560 bytes, block
	 * 26843546, floor(3221225499 / 26843546 = 119.99) = 119 >= 100 */
	in.serialized_size_bytes = GIB;
	in.deserialized_size_bytes = 0;
	in.deserialized_size_factor = 2.5;
	expect(ECAP_SPARK_API_RDD, ECAP_STORAGE_LEVEL_MEMORY_ONLY,
	       "MEMORY_ONLY");
	ck_assert_uint_eq(out.stored_size_bytes, 2684354560u);
	/* factor 1: objects = serialized */
	in.deserialized_size_factor = 1.0;
	advise();
	ck_assert_uint_eq(out.stored_size_bytes, GIB);
	/* equal sizes given: allowed */
	in.deserialized_size_factor = 0.0;
	in.deserialized_size_bytes = GIB;
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_ONLY);
}
END_TEST

/* ---- ecap-1: declining, and each API's cache format ---- */

/*
 * The case: 2 TiB of Parquet read as a Dataset, used 3 times, on
 * 20 executors of 8 GiB.  Unified memory per executor (long)((2^33 -
 * 300 MiB) * 0.6) = 4965217075, its storage region * 0.5 = 2482608537 B.
 * Columnar cache 2.5 x 2 TiB = 5 TiB in 16384 partitions: blocks of
 * 320 MiB (335544320 B), floor(4965217075 / 335544320) = 14 per
 * executor in unified memory, 280 of 16384 = 1.7% < 50% (7 per executor,
 * 140, in the region): do not cache; re-read the Parquet instead.
 */
START_TEST(ecap1_declines_too_little)
{
	in.api = ECAP_SPARK_API_DATASET;
	in.deserialized_size_bytes = 0;
	in.serialized_size_bytes = 0;
	in.storage_format_size_bytes = 2048 * GIB;
	in.partition_count = 16384;
	in.storage_memory_bytes = 0;
	in.executor_count = 20;
	in.executor_heap_bytes = 8 * GIB;
	advise();
	ck_assert_uint_eq(out.storage_memory_bytes, (uint64_t)2482608537 * 20);
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_NONE);
	ck_assert_str_eq(out.level_name, "NONE");
	ck_assert_int_eq(out.use_memory, 0);
	ck_assert_uint_eq(out.stored_size_bytes, 0);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY);
	ck_assert_int_eq(out.alternative, ECAP_CACHE_ALTERNATIVE_REREAD_SOURCE);
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_COLUMNAR);
	ck_assert_uint_eq(out.cached_size_bytes, 5 * 1024 * GIB);
	ck_assert_int_eq(out.partitions_in_memory_count, 280);
	ck_assert_int_eq(out.partitions_safe_count, 140);
	ck_assert_double_near(out.memory_share_ratio, 280.0 / 16384.0);
	ck_assert_double_near(out.min_memory_share_ratio, 0.5);
	/* the same data out of a join: reading local disk beats the join
	 * again, so cached with disk at any share, up to (16384 - 140) x
	 * 320 MiB = 4.96 TiB on disk; with 4 TiB of local disk, checkpoint */
	in.computed_with_shuffle = 1;
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK);
	ck_assert_uint_eq(out.disk_bytes, (uint64_t)16244 * 335544320);
	in.local_disk_bytes = 4 * 1024 * GIB;
	advise();
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_NO_DISK_ROOM);
	ck_assert_int_eq(out.alternative, ECAP_CACHE_ALTERNATIVE_CHECKPOINT);
	in.local_disk_bytes = 0;
	in.computed_with_shuffle = 0;
	/* a policy that takes any share caches it, spilling */
	ck_assert_int_eq(ecap_policy_set_double(p, "cache.min_memory_share_ratio",
						0.0, &err), 0);
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_int_eq(out.alternative, ECAP_CACHE_ALTERNATIVE_NONE);
}
END_TEST

/*
 * Just above and below what fits, and the share: 10 partitions in
 * 1000 MiB of storage memory, Datasets of 2.5 x the Parquet size.
 */
START_TEST(ecap1_fit_and_share_edges)
{
	in.api = ECAP_SPARK_API_DATASET;
	in.partition_count = 10;
	in.storage_memory_bytes = 1000 * MIB;
	/* 400 MiB -> 1000 MiB columnar, 10 blocks of 100 MiB: all fit */
	in.storage_format_size_bytes = 400 * MIB;
	advise();
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_COLUMNAR);
	ck_assert_int_eq(out.partitions_in_memory_count, 10);
	/* one byte more: ceil(2.5 x 419430401) = 1048576003, blocks of
	 * 104857601, floor(1048576000 / 104857601) = 9 of 10: spills */
	in.storage_format_size_bytes = 400 * MIB + 1;
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_uint_eq(out.cached_size_bytes, 1048576003u);
	ck_assert_int_eq(out.partitions_in_memory_count, 9);
	/* 800 MiB -> 2000 MiB, blocks of 200 MiB: 5 of 10 = 0.5, exactly
	 * cache.min_memory_share_ratio: still cached */
	in.storage_format_size_bytes = 800 * MIB;
	advise();
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_double_near(out.memory_share_ratio, 0.5);
	/* one byte more: ceil(2.5 x 838860801) = 2097152003, blocks of
	 * 209715201, floor(1048576000 / 209715201) = 4: 0.4, declined */
	in.storage_format_size_bytes = 800 * MIB + 1;
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_NONE);
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY);
	ck_assert_double_near(out.memory_share_ratio, 0.4);
	/* an RDD at the same edge: 1000 MiB serialized fits exactly, one
	 * byte more spills (9 of 10) */
	in.api = ECAP_SPARK_API_RDD;
	in.serialized_size_bytes = 1000 * MIB;
	in.deserialized_size_bytes = 3000 * MIB;
	advise();
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_FITS_SERIALIZED);
	in.serialized_size_bytes = 1000 * MIB + 1;
	advise();
	ck_assert_int_eq(out.reason, ECAP_CACHE_REASON_SPILLS_TO_DISK);
	ck_assert_int_eq(out.partitions_in_memory_count, 9);
}
END_TEST

/* Each API's cache format, and a measured columnar size. */
START_TEST(ecap1_cache_format_per_api)
{
	/* Dataset: columnar, 2.5 x 400 MiB; the object size is ignored */
	in.api = ECAP_SPARK_API_DATASET;
	advise();
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_COLUMNAR);
	ck_assert_uint_eq(out.cached_size_bytes, 1000 * MIB);
	ck_assert_uint_eq(out.storage_format_size_bytes, 400 * MIB);
	ck_assert_double_near(out.columnar_size_factor, 2.5);
	/* PySpark DataFrame: the same JVM columnar cache */
	in.api = ECAP_SPARK_API_PYSPARK_DATAFRAME;
	advise();
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_COLUMNAR);
	ck_assert_uint_eq(out.cached_size_bytes, 1000 * MIB);
	/* RDD: Java objects, 3 GiB (3x the serialized 1 GiB) */
	in.api = ECAP_SPARK_API_RDD;
	advise();
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_OBJECTS);
	ck_assert_uint_eq(out.cached_size_bytes, 3 * GIB);
	/* PySpark RDD: pickled, 1 GiB */
	in.api = ECAP_SPARK_API_PYSPARK_RDD;
	advise();
	ck_assert_int_eq(out.cache_format, ECAP_CACHE_FORMAT_PICKLED);
	ck_assert_uint_eq(out.cached_size_bytes, GIB);
	/* a measured columnar size wins over the estimate */
	in.api = ECAP_SPARK_API_DATASET;
	in.columnar_size_bytes = 700 * MIB;
	advise();
	ck_assert_uint_eq(out.cached_size_bytes, 700 * MIB);
	ck_assert_uint_eq(out.storage_format_size_bytes, 0);
	/* the policy factor is read: 5 x 400 MiB = 2000 MiB */
	in.columnar_size_bytes = 0;
	ck_assert_int_eq(ecap_policy_set_double(p, "cache.columnar_size_factor",
						5.0, &err), 0);
	advise();
	ck_assert_uint_eq(out.cached_size_bytes, 2000 * MIB);
	/* the guide keeps a Dataset's serialized size when given, and the
	 * columnar size when only the format's size is */
	use_model("guide");
	advise();
	ck_assert_uint_eq(out.stored_size_bytes, GIB);
	in.deserialized_size_bytes = 0;
	in.serialized_size_bytes = 0;
	advise();
	ck_assert_uint_eq(out.stored_size_bytes, 2000 * MIB);
}
END_TEST

/* ---- bad input ---- */

#define BAD(code, fld)                                                  \
	do {                                                            \
		ck_assert_err(ecap_cache_advise(p, &in, &out, &err),    \
			      code, err, fld);                          \
		ck_assert_int_eq(out.level, 0);                         \
		reset_in();                                             \
	} while (0)

START_TEST(bad_input)
{
	ck_assert_err(ecap_cache_advise(NULL, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_cache_advise(p, NULL, &out, &err),
		      ECAP_ERR_INVALID, err, "ecap_cache_in");
	ck_assert_err(ecap_cache_advise(p, &in, NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_cache_out");
	in.partition_count = 0;		BAD(ECAP_ERR_RANGE, "partition_count");
	in.partition_count = -1;	BAD(ECAP_ERR_RANGE, "partition_count");
	in.partition_count = 10000001;	BAD(ECAP_ERR_RANGE, "partition_count");
	in.reuse_count = 0;		BAD(ECAP_ERR_RANGE, "reuse_count");
	in.reuse_count = -2;		BAD(ECAP_ERR_RANGE, "reuse_count");
	in.reuse_count = 1000000001;	BAD(ECAP_ERR_RANGE, "reuse_count");
	in.replicated = 2;		BAD(ECAP_ERR_RANGE, "replicated");
	in.api = 0;			BAD(ECAP_ERR_INVALID, "api");
	in.api = 5;			BAD(ECAP_ERR_UNKNOWN_ENUM, "api");
	in.api = -1;			BAD(ECAP_ERR_UNKNOWN_ENUM, "api");
	in.deserialized_size_bytes = 0;
	in.serialized_size_bytes = 0;
	in.storage_format_size_bytes = 0; BAD(ECAP_ERR_INVALID, "serialized_size_bytes");
	/* ecap-1 sizes an RDD from its objects, a Dataset from its format */
	in.deserialized_size_bytes = 0;
	in.serialized_size_bytes = 0;	BAD(ECAP_ERR_INVALID, "serialized_size_bytes");
	in.api = ECAP_SPARK_API_DATASET;
	in.storage_format_size_bytes = 0; BAD(ECAP_ERR_INVALID, "storage_format_size_bytes");
	in.storage_format_size_bytes = ((uint64_t)1 << 60) + 1;
	BAD(ECAP_ERR_RANGE, "storage_format_size_bytes");
	in.columnar_size_bytes = UINT64_MAX;
	BAD(ECAP_ERR_RANGE, "columnar_size_bytes");
	in.computed_with_shuffle = 2;	BAD(ECAP_ERR_RANGE, "computed_with_shuffle");
	in.deserialized_size_bytes = GIB - 1; BAD(ECAP_ERR_RANGE, "deserialized_size_bytes");
	in.deserialized_size_factor = 2; BAD(ECAP_ERR_INVALID, "deserialized_size_factor");
	in.deserialized_size_bytes = ((uint64_t)1 << 60) + 1;
	BAD(ECAP_ERR_RANGE, "deserialized_size_bytes");
	in.serialized_size_bytes = UINT64_MAX;
	BAD(ECAP_ERR_RANGE, "serialized_size_bytes");
	in.serialized_size_bytes = 0;
	in.deserialized_size_factor = NAN; BAD(ECAP_ERR_INVALID, "deserialized_size_factor");
	in.serialized_size_bytes = 0;
	in.deserialized_size_factor = INFINITY; BAD(ECAP_ERR_INVALID, "deserialized_size_factor");
	in.serialized_size_bytes = 0;
	in.deserialized_size_factor = 0.5; BAD(ECAP_ERR_RANGE, "deserialized_size_factor");
	in.serialized_size_bytes = 0;
	in.deserialized_size_factor = -1; BAD(ECAP_ERR_RANGE, "deserialized_size_factor");
	in.serialized_size_bytes = 0;
	in.deserialized_size_factor = 101; BAD(ECAP_ERR_RANGE, "deserialized_size_factor");
	in.storage_memory_bytes = ((uint64_t)1 << 60) + 1;
	BAD(ECAP_ERR_RANGE, "storage_memory_bytes");
	in.executor_count = 4;		BAD(ECAP_ERR_INVALID, "storage_memory_bytes");
	in.executor_heap_bytes = GIB;	BAD(ECAP_ERR_INVALID, "storage_memory_bytes");
	in.storage_memory_bytes = 0;	BAD(ECAP_ERR_INVALID, "storage_memory_bytes");
	in.storage_memory_bytes = 0;
	in.executor_heap_bytes = GIB;	BAD(ECAP_ERR_RANGE, "executor_count");
	in.storage_memory_bytes = 0;
	in.executor_count = 4;		BAD(ECAP_ERR_RANGE, "executor_heap_bytes");
	in.storage_memory_bytes = 0;
	in.executor_count = 4;
	/* below Spark's 450 MiB minimum */
	in.executor_heap_bytes = 471859199; BAD(ECAP_ERR_RANGE, "executor_heap_bytes");
	in.storage_memory_bytes = 0;
	in.executor_count = 4;
	in.executor_heap_bytes = ((uint64_t)1 << 40) + 1;
	BAD(ECAP_ERR_RANGE, "executor_heap_bytes");
	in.storage_memory_bytes = 0;
	in.executor_count = -1;
	in.executor_heap_bytes = GIB;	BAD(ECAP_ERR_RANGE, "executor_count");
	in.storage_memory_bytes = 0;
	in.executor_count = 100001;
	in.executor_heap_bytes = GIB;	BAD(ECAP_ERR_RANGE, "executor_count");
	/* the largest sizes are accepted: 1 EiB, 1e7 partitions */
	in.deserialized_size_bytes = (uint64_t)1 << 60;
	in.serialized_size_bytes = (uint64_t)1 << 60;
	in.storage_memory_bytes = (uint64_t)1 << 60;
	in.partition_count = 10000000;
	/* block ceil(2^60 / 1e7 = 115292150460.7) = 115292150461;
	 * floor(2^60 / 115292150461) = 9999999 < 1e7: the rounded-up
	 * blocks do not all fit in exactly the data's size */
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER);
	ck_assert_int_eq(out.partitions_in_memory_count, 9999999);
	/* a serialized 1 EiB times factor 100 is held at 1 EiB; nothing
	 * fits in 1 byte: declined */
	in.deserialized_size_bytes = 0;
	in.deserialized_size_factor = 100;
	in.storage_memory_bytes = 1;
	advise();
	ck_assert_int_eq(out.level, ECAP_STORAGE_LEVEL_NONE);
	ck_assert_uint_eq(out.cached_size_bytes, (uint64_t)1 << 60);
	/* the columnar size is held at 1 EiB too: 2^60 x 2.5 */
	in.api = ECAP_SPARK_API_DATASET;
	in.storage_format_size_bytes = (uint64_t)1 << 60;
	advise();
	ck_assert_uint_eq(out.cached_size_bytes, (uint64_t)1 << 60);
}
END_TEST

START_TEST(bad_struct_size)
{
	struct {
		struct ecap_cache_in in;
		char tail[16];
	} big_in;
	struct {
		struct ecap_cache_out out;
		char tail[16];
	} big_out;

	in.sz = 4;
	ck_assert_err(ecap_cache_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_cache_in");
	in.sz = sizeof(in);
	out.sz = sizeof(out) - 8;
	ck_assert_err(ecap_cache_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_cache_out");
	out.sz = sizeof(out);
	memset(&big_in, 0, sizeof(big_in));
	memset(&big_out, 0, sizeof(big_out));
	big_in.in = in;
	big_in.in.sz = sizeof(big_in);
	big_out.out.sz = sizeof(big_out);
	ck_assert_int_eq(ecap_cache_advise(p, &big_in.in, &big_out.out, &err),
			 0);
	ck_assert_int_eq(big_out.out.level, ECAP_STORAGE_LEVEL_MEMORY_ONLY);
	big_in.tail[5] = 1;
	ck_assert_err(ecap_cache_advise(p, &big_in.in, &big_out.out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_cache_in");
	big_in.tail[5] = 0;
	big_out.tail[0] = 1;
	ck_assert_err(ecap_cache_advise(p, &big_in.in, &big_out.out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_cache_out");
	ck_assert_int_eq(ecap_cache_advise(p, &in, &out, NULL), 0);
}
END_TEST

Suite *
cache_suite(void)
{
	Suite *s = suite_create("cache");
	TCase *tc = tcase_create("cache");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, guide_partition_threshold);
	tcase_add_test(tc, ecap1_fits_deserialized);
	tcase_add_test(tc, ecap1_fit_threshold);
	tcase_add_test(tc, ecap1_spills);
	tcase_add_test(tc, ecap1_reuse_threshold);
	tcase_add_test(tc, ecap1_replicas);
	tcase_add_test(tc, ecap1_memory_from_executors);
	tcase_add_test(tc, ecap1_one_size_and_factor);
	tcase_add_test(tc, ecap1_declines_too_little);
	tcase_add_test(tc, ecap1_fit_and_share_edges);
	tcase_add_test(tc, ecap1_cache_format_per_api);
	tcase_add_test(tc, bad_input);
	tcase_add_test(tc, bad_struct_size);
	suite_add_tcase(s, tc);
	return s;
}
