/* SPDX-License-Identifier: MIT */
/*
 * Cache advice sentences (ecap_cache_explain) and the names of the cache
 * family's enums.  The numbers quoted are worked by hand beside them.
 */
#include "fixture.h"

#define MIB ((uint64_t)1 << 20)
#define GIB ((uint64_t)1 << 30)

static char text[ECAP_EXPLAIN_MAX];

/* A Dataset of 400 MiB Parquet (1000 MiB columnar) in 100 partitions,
 * used 3 times, with the given storage memory; its sentence in text. */
static struct ecap_cache_out
advise_dataset(uint64_t storage, int32_t shuffle)
{
	struct ecap_cache_in in;
	struct ecap_cache_out out;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	in.api = ECAP_SPARK_API_DATASET;
	in.storage_format_size_bytes = 400 * MIB;
	in.partition_count = 100;
	in.reuse_count = 3;
	in.storage_memory_bytes = storage;
	in.computed_with_shuffle = shuffle;
	ck_assert_msg(ecap_cache_advise(p, &in, &out, &err) == 0, "%s",
		      err.message);
	ck_assert_msg(ecap_cache_explain(&out, text, sizeof(text), &err) == 0,
		      "%s", err.message);
	return out;
}

START_TEST(explain_sentences)
{
	struct ecap_cache_out o;
	char small[12];

	/* 1000 MiB in 4 GiB: fits */
	o = advise_dataset(4 * GIB, 0);
	ck_assert_str_eq(text, "ecap-1: 1000 MiB columnar "
			 "(cache.columnar_size_factor 2.5 x 400 MiB "
			 "Parquet/ORC) x1 in 100 partitions fits in the 4 GiB "
			 "of storage memory safe from eviction: "
			 "MEMORY_AND_DISK");
	/* 512 MiB: 51 of 100 blocks of 10 MiB */
	o = advise_dataset(512 * MIB, 0);
	ck_assert_ptr_nonnull(strstr(text, ": 51 of 100 partitions (51%) fit "
				     "in 512 MiB of storage memory, at least "
				     "cache.min_memory_share_ratio 50%: "
				     "MEMORY_AND_DISK keeps the rest on local "
				     "disk (up to 490 MiB)"));
	/* 100 MiB: 10 of 100, declined, the alternative named */
	o = advise_dataset(100 * MIB, 0);
	ck_assert_int_eq(o.level, ECAP_STORAGE_LEVEL_NONE);
	ck_assert_ptr_nonnull(strstr(text, "only 10% of the 100 partitions"));
	ck_assert_ptr_nonnull(strstr(text, "do not cache; re-read the source "
				     "for each use instead"));
	/* the same out of a shuffle: cached with disk at any share */
	o = advise_dataset(100 * MIB, 1);
	ck_assert_ptr_nonnull(strstr(text, "below cache.min_memory_share_ratio "
				     "50% but computed through a shuffle: "
				     "MEMORY_AND_DISK keeps the rest"));
	o = advise_dataset(100 * MIB, 0);
	/* a short buffer: truncated, ECAP_ERR_NOSPACE */
	ck_assert_err(ecap_cache_explain(&o, small, sizeof(small), &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_str_eq(small, "ecap-1: onl");
	ck_assert_err(ecap_cache_explain(&o, NULL, 8, &err), ECAP_ERR_INVALID,
		      err, "buf");
	ck_assert_err(ecap_cache_explain(NULL, text, 8, &err),
		      ECAP_ERR_INVALID, err, "ecap_cache_out");
	o.reason = 99;
	ck_assert_err(ecap_cache_explain(&o, text, sizeof(text), &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
	/* the widest numbers still fit ECAP_EXPLAIN_MAX */
	o.reason = ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY;
	o.cache_format = ECAP_CACHE_FORMAT_COLUMNAR;
	o.cached_size_bytes = o.storage_format_size_bytes = UINT64_MAX;
	o.storage_memory_bytes = UINT64_MAX;
	o.columnar_size_factor = -1e300;
	o.memory_share_ratio = o.min_memory_share_ratio = -1e300;
	o.partition_count = INT64_MIN;
	o.alternative = ECAP_CACHE_ALTERNATIVE_CHECKPOINT;
	ck_assert_int_eq(ecap_cache_explain(&o, text, sizeof(text), &err), 0);
	o.reason = ECAP_CACHE_REASON_SPILLS_TO_DISK;
	o.replication_count = o.partitions_in_memory_count = INT64_MIN;
	o.unified_memory_bytes = o.disk_bytes = UINT64_MAX;
	o.local_disk_bytes = UINT64_MAX;
	ck_assert_int_eq(ecap_cache_explain(&o, text, sizeof(text), &err), 0);
	o.reason = ECAP_CACHE_REASON_FITS_EVICTABLE;
	o.partitions_safe_count = INT64_MIN;
	ck_assert_int_eq(ecap_cache_explain(&o, text, sizeof(text), &err), 0);
	o.reason = ECAP_CACHE_REASON_NO_DISK_ROOM;
	ck_assert_int_eq(ecap_cache_explain(&o, text, sizeof(text), &err), 0);
}
END_TEST

START_TEST(explain_not_reused_and_guide)
{
	struct ecap_cache_in in;
	struct ecap_cache_out o;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&o);
	in.api = ECAP_SPARK_API_RDD;
	in.serialized_size_bytes = GIB;
	in.partition_count = 300;
	in.reuse_count = 1;
	in.storage_memory_bytes = GIB;
	ck_assert_int_eq(ecap_cache_advise(p, &in, &o, &err), 0);
	ck_assert_int_eq(ecap_cache_explain(&o, text, sizeof(text), &err), 0);
	ck_assert_str_eq(text, "ecap-1: used 1 time(s), fewer than "
			 "cache.min_reuse_count 2: not cached");
	/* guide: 300 > 200 */
	use_model("guide");
	ck_assert_int_eq(ecap_cache_advise(p, &in, &o, &err), 0);
	ck_assert_int_eq(ecap_cache_explain(&o, text, sizeof(text), &err), 0);
	ck_assert_str_eq(text, "guide: 300 partitions > 200 gives "
			 "MEMORY_AND_DISK_SER");
}
END_TEST

START_TEST(enum_names)
{
	static const struct {
		const char *(*to)(int32_t);
		int (*from)(const char *, int32_t *, struct ecap_error *);
		int32_t value;
		const char *name;
	} t[] = {
		{ ecap_cache_reason_to_string, ecap_cache_reason_from_string,
		  1, "guide-many-partitions" },
		{ ecap_cache_reason_to_string, ecap_cache_reason_from_string,
		  2, "guide-few-partitions" },
		{ ecap_cache_reason_to_string, ecap_cache_reason_from_string,
		  10, "not-reused" },
		{ ecap_cache_reason_to_string, ecap_cache_reason_from_string,
		  11, "fits-deserialized" },
		{ ecap_cache_reason_to_string, ecap_cache_reason_from_string,
		  12, "fits-serialized" },
		{ ecap_cache_reason_to_string, ecap_cache_reason_from_string,
		  13, "spills-to-disk" },
		{ ecap_cache_reason_to_string, ecap_cache_reason_from_string,
		  14, "too-little-in-memory" },
		{ ecap_cache_reason_to_string, ecap_cache_reason_from_string,
		  15, "fits-columnar" },
		{ ecap_cache_reason_to_string, ecap_cache_reason_from_string,
		  16, "fits-evictable" },
		{ ecap_cache_reason_to_string, ecap_cache_reason_from_string,
		  17, "no-disk-room" },
		{ ecap_cache_format_to_string, ecap_cache_format_from_string,
		  1, "columnar" },
		{ ecap_cache_format_to_string, ecap_cache_format_from_string,
		  2, "objects" },
		{ ecap_cache_format_to_string, ecap_cache_format_from_string,
		  3, "serialized" },
		{ ecap_cache_format_to_string, ecap_cache_format_from_string,
		  4, "pickled" },
		{ ecap_cache_alternative_to_string,
		  ecap_cache_alternative_from_string, 1, "none" },
		{ ecap_cache_alternative_to_string,
		  ecap_cache_alternative_from_string, 2, "reread-source" },
		{ ecap_cache_alternative_to_string,
		  ecap_cache_alternative_from_string, 3, "checkpoint" },
		{ ecap_spark_api_to_string, ecap_spark_api_from_string, 1,
		  "dataset" },
		{ ecap_spark_api_to_string, ecap_spark_api_from_string, 2,
		  "rdd" },
		{ ecap_spark_api_to_string, ecap_spark_api_from_string, 3,
		  "pyspark-dataframe" },
		{ ecap_spark_api_to_string, ecap_spark_api_from_string, 4,
		  "pyspark-rdd" },
	};
	size_t i;
	int32_t v;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		ck_assert_str_eq(t[i].to(t[i].value), t[i].name);
		v = 0;
		ck_assert_int_eq(t[i].from(t[i].name, &v, &err), 0);
		ck_assert_int_eq(v, t[i].value);
		ck_assert_ptr_null(t[i].to(0));
		ck_assert_ptr_null(t[i].to(18));
		ck_assert_err(t[i].from("nope", &v, &err),
			      ECAP_ERR_UNKNOWN_ENUM, err, err.field);
		ck_assert_err(t[i].from(NULL, &v, &err), ECAP_ERR_INVALID,
			      err, "name");
	}
}
END_TEST

Suite *
cache_explain_suite(void)
{
	Suite *s = suite_create("cache-explain");
	TCase *tc = tcase_create("cache-explain");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, explain_sentences);
	tcase_add_test(tc, explain_not_reused_and_guide);
	tcase_add_test(tc, enum_names);
	suite_add_tcase(s, tc);
	return s;
}
