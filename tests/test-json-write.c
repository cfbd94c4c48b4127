/* SPDX-License-Identifier: MIT */
/*
 * The JSON the library writes (json-write.c, through jansson: the policy
 * dump and the projection JSON): reals in
 * the shortest form that reads back as the same double, an integral real
 * as an integer, booleans as booleans, enum values by name.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"

/* Asserts that text holds "key": value (followed by ',' or a newline). */
static void
assert_member(const char *text, const char *key, const char *value)
{
	char want[160];
	const char *at;
	size_t n;

	n = (size_t)snprintf(want, sizeof(want), "\"%s\": %s", key, value);
	at = strstr(text, want);
	ck_assert_msg(at != NULL && (at[n] == ',' || at[n] == '\n'),
		      "no %s in\n%s", want, text);
}

/* A zeroed year (sz set) of the model; what the tests set is what shows. */
static void
year_init(struct ecap_projection_year *y, int32_t model, int32_t year)
{
	memset(y, 0, sizeof(*y));
	y->sz = sizeof(*y);
	y->model = model;
	y->year = year;
}

static char *
year_json(const struct ecap_projection_year *y)
{
	char *text = NULL;

	ck_assert_int_eq(ecap_projection_to_json(y, 1, &text, &err), 0);
	ck_assert_ptr_nonnull(text);
	return text;
}

START_TEST(projection_reals_shortest)
{
	struct ecap_projection_year y;
	char *text;

	year_init(&y, ECAP_MODEL_ECAP_1, 1);
	/* %.17g prints 0.40000000000000002 and 3413.7600000000002; 15
	 * digits read back as the same doubles. */
	y.spark_cost_usd_per_hour = 0.4;
	y.database_cost_usd_per_month = 3413.76;
	/* 0.1 + 0.2 needs all 17 digits (0.30000000000000004). */
	y.kafka_cost_usd_per_month = 0.1 + 0.2;
	/* 1/3 needs 16: 0.3333333333333333. */
	y.kafka_events_per_second = 1.0 / 3.0;
	/* Integral: 720, not 720.0 or 7.2e+02; 1e21 keeps its exponent (jansson drops the "+"). */
	y.spark_cost_usd_per_month = 720.0;
	y.total_cost_usd_per_month = 1e21;
	y.database_memory_required_gb = -0.0;
	y.database_fits_flag = 1;
	y.kafka_reason = ECAP_KAFKA_REASON_STORAGE;
	y.database_reason = ECAP_DATABASE_REASON_CHEAPEST_FIT;
	text = year_json(&y);
	assert_member(text, "spark_cost_usd_per_hour", "0.4");
	assert_member(text, "database_cost_usd_per_month", "3413.76");
	assert_member(text, "kafka_cost_usd_per_month", "0.30000000000000004");
	ck_assert_ptr_null(strstr(text, "0.40000000000000002"));
	assert_member(text, "kafka_events_per_second", "0.3333333333333333");
	assert_member(text, "spark_cost_usd_per_month", "720");
	assert_member(text, "total_cost_usd_per_month", "1e21");
	/* -0.0 keeps its sign: as -0 it would read back as the integer 0. */
	assert_member(text, "database_memory_required_gb", "-0.0");
	assert_member(text, "database_fits_flag", "true");
	assert_member(text, "model", "\"ecap-1\"");
	/* Reasons by their ecap_<family>_reason_to_string name. */
	assert_member(text, "kafka_reason", "\"storage\"");
	assert_member(text, "database_reason", "\"cheapest-fit\"");
	ecap_free(text);
	y.database_fits_flag = 0;
	text = year_json(&y);
	assert_member(text, "database_fits_flag", "false");
	ecap_free(text);
}
END_TEST

START_TEST(projection_text_escaped)
{
	struct ecap_projection_year y;
	char *text;

	year_init(&y, ECAP_MODEL_GUIDE, 2);
	/* A digit inside a string is not a number to rewrite. */
	strcpy(y.database_instance_class, "db.\"r6g\" 0.40000000000000002");
	text = year_json(&y);
	assert_member(text, "database_instance_class",
		      "\"db.\\\"r6g\\\" 0.40000000000000002\"");
	ecap_free(text);
}
END_TEST

START_TEST(policy_dump_readable)
{
	char *text = NULL, *again = NULL;
	ecap_policy *q = NULL;

	ck_assert_int_eq(ecap_policy_dump_json(p, &text, &err), 0);
	/* The hand-written dump printed 7.2e+02 and 5e+01. */
	assert_member(text, "cost.hours_per_month", "720");
	assert_member(text, "join.broadcast_threshold_mb", "50");
	assert_member(text, "spark.memory_fraction", "0.6");
	assert_member(text, "join.prefer_sort_merge", "true");
	assert_member(text, "model", "\"ecap-1\"");
	ck_assert_ptr_null(strstr(text, "e+"));
	ck_assert_ptr_null(strstr(text, "00000000000"));
	ck_assert_int_eq(text[strlen(text) - 1], '\n');
	/* A catalog entry is one line; 0.0 is written 0. */
	ck_assert_ptr_nonnull(strstr(text, "\n    {\"name\": \""));
	ck_assert_ptr_null(strstr(text, "\n      \"name\""));
	ck_assert_ptr_null(strstr(text, ": 0.0,"));
	ck_assert_ptr_null(strstr(text, ": 0.0}"));
	/* Loaded into a fresh policy it dumps the same text. */
	ck_assert_int_eq(ecap_policy_new(&q, &err), 0);
	ck_assert_int_eq(ecap_policy_set_string(q, "model", "guide", &err), 0);
	ck_assert_int_eq(ecap_policy_load_json(q, text, strlen(text), &err), 0);
	ck_assert_int_eq(ecap_policy_dump_json(q, &again, &err), 0);
	ck_assert_str_eq(text, again);
	ecap_free(text);
	ecap_free(again);
	ecap_policy_free(&q);
}
END_TEST

START_TEST(policy_dump_real_shortest)
{
	char *text = NULL;
	double v = 0.0;

	/* 0.1 * 3 is 0.30000000000000004: 17 digits, and it loads back. */
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.price_usd_per_hour",
						0.1 * 3, &err), 0);
	ck_assert_int_eq(ecap_policy_dump_json(p, &text, &err), 0);
	assert_member(text, "executor.price_usd_per_hour", "0.30000000000000004");
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.price_usd_per_hour",
						1, &err), 0);
	ck_assert_int_eq(ecap_policy_load_json(p, text, strlen(text), &err), 0);
	ck_assert_int_eq(ecap_policy_get_double(p, "executor.price_usd_per_hour",
						&v, &err), 0);
	ck_assert(v == 0.1 * 3);
	ecap_free(text);
}
END_TEST

Suite *
json_write_suite(void)
{
	Suite *s = suite_create("json_write");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, projection_reals_shortest);
	tcase_add_test(tc, projection_text_escaped);
	tcase_add_test(tc, policy_dump_readable);
	tcase_add_test(tc, policy_dump_real_shortest);
	suite_add_tcase(s, tc);
	return s;
}
