/* SPDX-License-Identifier: MIT */
/*
 * The one buffer rule of every ecap_<family>_explain function
 * (libecaptune(3)): buf may be NULL only when size is 0; a buffer too
 * small for the sentence, size 0 included, keeps what fits and is
 * ECAP_ERR_NOSPACE with the bytes needed in the message.
 */
#include <stdio.h>

#include "fixture.h"
#include "human-size.h"

/* Each advice of the default policy, kept so an explain can read it. */
struct advices {
	struct ecap_partition_out partition;
	struct ecap_partition_scan_out scan;
	struct ecap_partition_aqe_out aqe;
	struct ecap_join_out join;
	struct ecap_cache_out cache;
	struct ecap_executor_out executor;
	struct ecap_database_out database;
	struct ecap_kafka_out kafka;
	struct ecap_projection_year year;
};

static const int64_t files[] = { INT64_C(1) << 30, 5, 1 << 20 };

static void
advise_all(struct advices *a)
{
	ECAP_OPTS(ecap_partition_in, part, .data_size_bytes = INT64_C(1) << 34);
	ECAP_OPTS(ecap_partition_scan_in, scan, .file_sizes_bytes = files,
		  .file_count = 3, .total_executor_cores = 8);
	ECAP_OPTS(ecap_partition_aqe_in, aqe, .partition_sizes_bytes = files,
		  .partition_count = 3, .total_executor_cores = 8);
	ECAP_OPTS(ecap_join_in, join, .left_size_bytes = INT64_C(1) << 40,
		  .right_size_bytes = 10 << 20, .left_row_count = 1000000000,
		  .right_row_count = 50000);
	ECAP_OPTS(ecap_cache_in, cache, .deserialized_size_bytes = 1 << 30,
		  .reuse_count = 3, .partition_count = 200,
		  .storage_memory_bytes = UINT64_C(1) << 34,
		  .api = ECAP_SPARK_API_RDD);
	ECAP_OPTS(ecap_executor_in, exec, .daily_data_gb = 500.0);
	ECAP_OPTS(ecap_database_in, db, .transactions_per_day = 1e6);
	ECAP_OPTS(ecap_kafka_in, kafka, .events_per_second = 1000.0);
	ECAP_OPTS(ecap_projection_in, proj, .current_daily_transactions = 1e6,
		  .years = 1);
	size_t one = 1;

	memset(a, 0, sizeof(*a));
	ECAP_STRUCT_INIT(&a->partition);
	ECAP_STRUCT_INIT(&a->scan);
	ECAP_STRUCT_INIT(&a->aqe);
	ECAP_STRUCT_INIT(&a->join);
	ECAP_STRUCT_INIT(&a->cache);
	ECAP_STRUCT_INIT(&a->executor);
	ECAP_STRUCT_INIT(&a->database);
	ECAP_STRUCT_INIT(&a->kafka);
	ECAP_STRUCT_INIT(&a->year);
	ck_assert_int_eq(ecap_partition_advise(p, &part, &a->partition, &err),
			 0);
	ck_assert_int_eq(ecap_partition_scan_tasks(p, &scan, &a->scan, &err),
			 0);
	ck_assert_int_eq(ecap_partition_aqe(p, &aqe, &a->aqe, NULL, NULL,
					    &err), 0);
	ck_assert_int_eq(ecap_join_advise(p, &join, &a->join, &err), 0);
	ck_assert_int_eq(ecap_cache_advise(p, &cache, &a->cache, &err), 0);
	ck_assert_int_eq(ecap_executor_advise(p, &exec, &a->executor, &err),
			 0);
	ck_assert_int_eq(ecap_database_advise(p, &db, &a->database, &err), 0);
	ck_assert_int_eq(ecap_kafka_advise(p, &kafka, &a->kafka, &err), 0);
	ck_assert_int_eq(ecap_projection_run(p, &proj, &a->year, &one, &err),
			 0);
}

/* One explain call: family i of the table below. */
static int
explain(const struct advices *a, int i, char *buf, size_t size)
{
	switch (i) {
	case 0: return ecap_partition_explain(&a->partition, buf, size, &err);
	case 1: return ecap_partition_scan_explain(&a->scan, buf, size, &err);
	case 2: return ecap_partition_aqe_explain(&a->aqe, buf, size, &err);
	case 3: return ecap_join_explain(&a->join, buf, size, &err);
	case 4: return ecap_join_explain_part(&a->join,
					      ECAP_JOIN_TEXT_STRATEGY, buf,
					      size, &err);
	case 5: return ecap_cache_explain(&a->cache, buf, size, &err);
	case 6: return ecap_executor_explain(&a->executor, buf, size, &err);
	case 7: return ecap_database_explain(&a->database, buf, size, &err);
	case 8: return ecap_kafka_explain(&a->kafka, buf, size, &err);
	default: return ecap_projection_year_explain(&a->year, buf, size,
						     &err);
	}
}

#define EXPLAIN_COUNT 10

START_TEST(one_buffer_rule)
{
	struct advices a;
	char full[ECAP_EXPLAIN_MAX], small[8], want[32];
	size_t need;
	int i = _i;

	advise_all(&a);
	ck_assert_int_eq(explain(&a, i, full, sizeof(full)), ECAP_OK);
	need = strlen(full) + 1;
	ck_assert_uint_gt(need, sizeof(small));
	snprintf(want, sizeof(want), "needs %zu bytes", need);
	/* NULL with size 0 measures: nothing written, the size named. */
	ck_assert_err(explain(&a, i, NULL, 0), ECAP_ERR_NOSPACE, err, "size");
	ck_assert_msg(strstr(err.message, want) != NULL, "%d: %s", i,
		      err.message);
	/* size 0 writes nothing, not even a NUL. */
	small[0] = 'x';
	ck_assert_err(explain(&a, i, small, 0), ECAP_ERR_NOSPACE, err, "size");
	ck_assert_int_eq(small[0], 'x');
	/* A short buffer keeps the sentence's start. */
	ck_assert_err(explain(&a, i, small, sizeof(small)), ECAP_ERR_NOSPACE,
		      err, "size");
	ck_assert_uint_eq(strlen(small), sizeof(small) - 1);
	ck_assert_int_eq(strncmp(small, full, sizeof(small) - 1), 0);
	/* A NULL buffer that claims room is the caller's mistake. */
	ck_assert_err(explain(&a, i, NULL, sizeof(small)), ECAP_ERR_INVALID,
		      err, "buf");
	/* Exactly the bytes needed suffice. */
	ck_assert_int_eq(explain(&a, i, full, need), ECAP_OK);
	ck_assert_uint_eq(strlen(full) + 1, need);
}
END_TEST

/* One precision rule for what people read (lib/human-size.c): three
 * significant digits, halves away from zero (printf's half-to-even gives
 * "12.2" for an exact 12.25), the whole number from 100 up. */
START_TEST(three_digits)
{
	char b[ECAP__EXPLAIN_BYTES_MAX];

	/* 12.25 GiB = 12544 MiB: an exact half, rounded up */
	ck_assert_str_eq(ecap__explain_bytes(b, 12544.0 * 1048576.0),
			 "12.3 GiB");
	/* 2352 MiB = 2.296875 GiB -> 2.30, the zero dropped */
	ck_assert_str_eq(ecap__explain_bytes(b, 2352.0 * 1048576.0),
			 "2.3 GiB");
	/* 53.8125 GiB (storage memory) -> 53.8; 23.125 GiB -> 23.1 (the
	 * half is below the third digit) */
	ck_assert_str_eq(ecap__explain_bytes(b, 53.8125 * 0x1p30), "53.8 GiB");
	/* 1.46484375 TiB (1500 GiB) -> 1.46 */
	ck_assert_str_eq(ecap__explain_bytes(b, 1500.0 * 0x1p30), "1.46 TiB");
	ck_assert_str_eq(ecap__explain_bytes(b, 184.0 * 0x1p30), "184 GiB");
	ck_assert_str_eq(ecap__explain_bytes(b, 1000.0 * 0x1p30), "1000 GiB");
	/* 1023.6 MiB rounds to 1024 MiB: the next unit */
	ck_assert_str_eq(ecap__explain_bytes(b, 1023.6 * 1048576.0), "1 GiB");
	ck_assert_str_eq(ecap__explain_bytes(b, 128.0 * 1048576.0), "128 MiB");
	ck_assert_str_eq(ecap__explain_bytes(b, 0.0), "0 B");
	ck_assert_str_eq(ecap__explain_bytes(b, 512.0), "512 B");
	ck_assert_str_eq(ecap__explain_number(b, 0.8333), "0.833");
	ck_assert_str_eq(ecap__explain_number(b, 1023.0), "1023");
	ck_assert_str_eq(ecap__explain_number(b, 0.0125), "0.0125");
	ck_assert_str_eq(ecap__explain_quantity(b, 2250000.0), "2.25M");
	ck_assert_str_eq(ecap__explain_quantity(b, 10125000.0), "10.1M");
	ck_assert_str_eq(ecap__explain_quantity(b, 999.5), "1k");
	ck_assert_str_eq(ecap__explain_quantity(b, 150000.0), "150k");
	/* Nothing an advice holds, and still short. */
	ck_assert_str_eq(ecap__explain_number(b, 1.5e300), "1.5e+300");
}
END_TEST

Suite *
explain_suite(void)
{
	Suite *s = suite_create("explain");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_loop_test(tc, one_buffer_rule, 0, EXPLAIN_COUNT);
	tcase_add_test(tc, three_digits);
	suite_add_tcase(s, tc);
	return s;
}
