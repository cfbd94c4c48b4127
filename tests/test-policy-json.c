/* SPDX-License-Identifier: MIT */
/*
 * Policy JSON: round trip, partial loads, and malformed or hostile input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fixture.h"



static int
load(const char *json)
{
	return ecap_policy_load_json(p, json, strlen(json), &err);
}

static char *
dump(const ecap_policy *q)
{
	char *text = NULL;

	ck_assert_int_eq(ecap_policy_dump_json(q, &text, &err), 0);
	ck_assert_ptr_nonnull(text);
	return text;
}

START_TEST(roundtrip_defaults)
{
	char *a = dump(p), *b;
	ecap_policy *q = NULL;

	ck_assert_int_eq(ecap_policy_new(&q, &err), 0);
	ck_assert_int_eq(ecap_policy_load_json(q, a, strlen(a), &err), 0);
	b = dump(q);
	ck_assert_str_eq(a, b);
	/* Shortest exact decimals: 0.2 is written as 0.2. */
	ck_assert_ptr_nonnull(strstr(a, "\"executor.price_usd_per_hour\": 0.2,"));
	ck_assert_ptr_nonnull(strstr(a, "\"join.prefer_sort_merge\": true"));
	ck_assert_ptr_nonnull(strstr(a, "\"model\": \"ecap-1\""));
	ecap_free(a);
	ecap_free(b);
	ecap_policy_free(&q);
}
END_TEST

START_TEST(roundtrip_is_exact)
{
	static const double values[] = { 0.1 + 0.2, 1.0 / 3.0, 123.456789012345678,
					 5e-324 * 1e300, 0.30000000000000004 };
	ecap_policy *q = NULL;
	char *a;
	double v;
	size_t i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		ck_assert_int_eq(ecap_policy_set_double(p, "executor.price_usd_per_hour",
							values[i], &err), 0);
		a = dump(p);
		ck_assert_int_eq(ecap_policy_new(&q, &err), 0);
		ck_assert_int_eq(ecap_policy_load_json(q, a, strlen(a), &err), 0);
		ck_assert_int_eq(ecap_policy_get_double(q, "executor.price_usd_per_hour", &v, &err), 0);
		ck_assert_msg(v == values[i], "%.17g != %.17g", v, values[i]);
		ecap_free(a);
		ecap_policy_free(&q);
	}
}
END_TEST

START_TEST(roundtrip_negative_zero)
{
	/* JSON's -0 reads back as the integer 0: -0.0 is stored as 0.0, so
	 * set, dump, load, dump gives the same text (found by hypothesis in
	 * the Python binding). */
	char *a, *b;
	ecap_policy *q = NULL;
	double v;

	ck_assert_int_eq(ecap_policy_set_double(p, "join.broadcast_threshold_mb", -0.0, &err), 0);
	ck_assert_int_eq(ecap_policy_get_double(p, "join.broadcast_threshold_mb", &v, &err), 0);
	ck_assert(v == 0.0 && !signbit(v));
	ck_assert_int_eq(ecap_policy_set_double(p, "growth.scenarios.enterprise.yearly_growth_ratio",
						-0.0, &err), 0);
	ck_assert_int_eq(load("{\"catalog.database\": [{\"name\": \"free\", \"memory_gb\": 1,"
			      " \"price_usd_per_hour\": -0.0, \"vcpu_count\": 1, \"region\": \"us-east-1\", \"price_date\": \"2026-01-01\"}]}"), 0);
	a = dump(p);
	ck_assert_ptr_null(strstr(a, ": -0"));
	ck_assert_int_eq(ecap_policy_new(&q, &err), 0);
	ck_assert_int_eq(ecap_policy_load_json(q, a, strlen(a), &err), 0);
	b = dump(q);
	ck_assert_str_eq(a, b);
	ecap_free(a);
	ecap_free(b);
	ecap_policy_free(&q);
}
END_TEST

START_TEST(roundtrip_custom_scenarios_and_catalog)
{
	ecap_policy *q = NULL;
	char *a, *b;
	struct ecap_scenario s;
	struct ecap_catalog_entry c;

	ck_assert_int_eq(load("{\"growth.scenarios\": {\"hyper\": {"
			      "\"yearly_growth_ratio\": 2.5, \"seasonal_peak_factor\": 4,"
			      "\"yearly_growth_sd_ratio\": 0.5, \"description\": \"\\u00e9t\\u00e9 \\\"quoted\\\"\"}},"
			      "\"catalog.database\": ["
			      "{\"name\": \"db.x2g.16xlarge\", \"memory_gb\": 1024, \"price_usd_per_hour\": 6.672, \"vcpu_count\": 64, \"region\": \"us-east-1\", \"price_date\": \"2026-01-01\"},"
			      "{\"name\": \"db.r6g.large\", \"memory_gb\": 16, \"price_usd_per_hour\": 0.252, \"vcpu_count\": 2, \"region\": \"us-east-1\", \"price_date\": \"2026-01-01\"}]}"), 0);
	a = dump(p);
	ck_assert_int_eq(ecap_policy_new(&q, &err), 0);
	ck_assert_int_eq(ecap_policy_load_json(q, a, strlen(a), &err), 0);
	b = dump(q);
	ck_assert_str_eq(a, b);
	ECAP_STRUCT_INIT(&s);
	ck_assert_int_eq(ecap_policy_scenario_find(q, "hyper", &s, &err), 0);
	ck_assert_str_eq(s.description, "\xc3\xa9t\xc3\xa9 \"quoted\"");
	ck_assert_double_near(s.yearly_growth_ratio, 2.5);
	ck_assert_double_near(s.seasonal_peak_sd_factor, 0.0);
	/* The catalog was replaced and sorted by price. */
	ck_assert_uint_eq(ecap_policy_catalog_count(q, ECAP_CATALOG_DATABASE), 2);
	ECAP_STRUCT_INIT(&c);
	ck_assert_int_eq(ecap_policy_catalog_at(q, ECAP_CATALOG_DATABASE, 0, &c, &err), 0);
	ck_assert_str_eq(c.name, "db.r6g.large");
	ecap_free(a);
	ecap_free(b);
	ecap_policy_free(&q);
}
END_TEST

START_TEST(partial_load_keeps_other_keys)
{
	double v;

	ck_assert_int_eq(load("{\"model\": \"guide\", \"executor.cores\": 4,"
			      " \"partition.target_size_mb\": 64,"
			      " \"growth.scenarios\": {\"aggressive\": {\"seasonal_peak_factor\": 3.5}}}"), 0);
	ck_assert_int_eq(ecap_policy_model(p), ECAP_MODEL_GUIDE);
	ck_assert_int_eq(ecap_policy_get_double(p, "partition.target_size_mb", &v, &err), 0);
	ck_assert_double_near(v, 64.0);
	ck_assert_int_eq(ecap_policy_get_double(p, "join.broadcast_threshold_mb", &v, &err), 0);
	ck_assert_double_near(v, 50.0);
	ck_assert_int_eq(ecap_policy_get_double(p, "growth.scenarios.aggressive.yearly_growth_ratio", &v, &err), 0);
	ck_assert_double_near(v, 1.0);
	ck_assert_int_eq(ecap_policy_get_double(p, "growth.scenarios.aggressive.seasonal_peak_factor", &v, &err), 0);
	ck_assert_double_near(v, 3.5);
	ck_assert_int_eq(load("{}"), 0);
	ck_assert_int_eq(load("  {\n}\n  "), 0);
}
END_TEST

/* A failing document leaves the policy exactly as it was. */
static void
assert_unchanged(const char *before)
{
	char *after = dump(p);

	ck_assert_str_eq(before, after);
	ecap_free(after);
}

START_TEST(load_errors_say_line_column_key)
{
	char *before = dump(p);

	ck_assert_err(load("{\n  \"executor.cores\": 4,\n  \"partition.target_size\": 1\n}"),
		      ECAP_ERR_UNKNOWN_KEY, err, "partition.target_size");
	ck_assert_int_eq(err.line, 3);
	ck_assert_int_eq(err.column, 3);
	assert_unchanged(before);

	ck_assert_err(load("{\"executor.cores\": 4,\n \"executor.memory_min_gb\": -1}"),
		      ECAP_ERR_RANGE, err, "executor.memory_min_gb");
	ck_assert_int_eq(err.line, 2);
	ck_assert_int_eq(err.column, 2);
	assert_unchanged(before);

	/* a nested member: its name is searched under its parents', after
	 * a value elsewhere holding the same name as text */
	ck_assert_err(load("{\n"
			   "  \"kafka.instance_type\": \"seasonal_peak_factor\",\n"
			   "  \"growth.scenarios\": {\n"
			   "    \"hyper\": {\n"
			   "      \"yearly_growth_ratio\": 2.0,\n"
			   "      \"seasonal_peak_factor\": \"x\"\n"
			   "    }\n"
			   "  }\n"
			   "}"),
		      ECAP_ERR_JSON, err,
		      "growth.scenarios.hyper.seasonal_peak_factor");
	ck_assert_int_eq(err.line, 6);
	ck_assert_int_eq(err.column, 7);
	assert_unchanged(before);
	/* a load that succeeds reports no position */
	ck_assert_int_eq(load("{\n\n  \"executor.cores\": 2\n}"), ECAP_OK);
	ck_assert_int_eq(err.line, 0);
	ck_assert_int_eq(err.column, 0);
	ck_assert_int_eq(load(before), ECAP_OK);

	ck_assert_err(load("{\"executor.cores\": 2.5}"),
		      ECAP_ERR_JSON, err, "executor.cores");
	ck_assert_int_eq(err.line, 1);
	ck_assert_int_eq(err.column, 2);
	ck_assert_err(load("{\"executor.cores\": \"2\"}"), ECAP_ERR_JSON, err, "executor.cores");
	ck_assert_err(load("{\"partition.target_size_mb\": null}"), ECAP_ERR_JSON, err,
		      "partition.target_size_mb");
	ck_assert_err(load("{\"join.prefer_sort_merge\": 1}"), ECAP_ERR_JSON, err,
		      "join.prefer_sort_merge");
	ck_assert_err(load("{\"model\": \"fast\"}"), ECAP_ERR_UNKNOWN_MODEL, err, "model");
	ck_assert_err(load("{\"model\": 1}"), ECAP_ERR_JSON, err, "model");
	ck_assert_err(load("{\"growth.scenarios\": {\"new\": {\"yearly_growth_ratio\": 0.1}}}"),
		      ECAP_ERR_INVALID, err, "growth.scenarios.new.");
	ck_assert_err(load("{\"growth.scenarios\": {\"aggressive\": {\"yearly_growth\": 0.1}}}"),
		      ECAP_ERR_UNKNOWN_KEY, err, "growth.scenarios.aggressive.yearly_growth");
	ck_assert_err(load("{\"growth.scenarios\": {\"aggressive\": {\"seasonal_peak_factor\": 0.5}}}"),
		      ECAP_ERR_RANGE, err, "growth.scenarios.aggressive.seasonal_peak_factor");
	ck_assert_err(load("{\"growth.scenarios\": []}"), ECAP_ERR_JSON, err, "growth.scenarios");
	ck_assert_err(load("{\"catalog.database\": []}"), ECAP_ERR_RANGE, err,
		      "catalog.database");
	ck_assert_err(load("{\"catalog.database\": [{\"name\": \"a\", \"memory_gb\": 8}]}"),
		      ECAP_ERR_INVALID, err, "catalog.database[0].");
	assert_unchanged(before);
	ecap_free(before);
}
END_TEST

START_TEST(malformed_json)
{
	static const char *const bad[] = {
		"", "{", "{\"model\": \"guide\"", "[1, 2", "{\"model\" \"guide\"}",
		"{\"model\": guide}", "{'model': 'guide'}", "{\"a\": 1,}", "nul",
		"{\"executor.cores\": 01}", "\xff\xfe{}",
	};
	char *before = dump(p);
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_err(load(bad[i]), ECAP_ERR_JSON, err, "");
		ck_assert_int_ge(err.line, 1);
	}
	/* Not an object. */
	ck_assert_err(load("[]"), ECAP_ERR_JSON, err, "");
	ck_assert_err(load("42"), ECAP_ERR_JSON, err, "");
	/* Duplicate keys are an error, not "last wins". */
	ck_assert_err(load("{\"executor.cores\": 3, \"executor.cores\": 4}"), ECAP_ERR_JSON, err, "");
	/* Embedded NUL within the given length. */
	ck_assert_err(ecap_policy_load_json(p, "{\"model\": \"gu\0ide\"}", 19, &err),
		      ECAP_ERR_JSON, err, "");
	ck_assert_err(ecap_policy_load_json(p, NULL, 0, &err), ECAP_ERR_INVALID, err, "json");
	ck_assert_err(ecap_policy_load_json(NULL, "{}", 2, &err), ECAP_ERR_INVALID, err, "policy");
	assert_unchanged(before);
	ecap_free(before);
}
END_TEST

START_TEST(hostile_json)
{
	char *before = dump(p), *big;
	size_t n, i;

	/* Numbers beyond every range. */
	ck_assert_err(load("{\"executor.cores\": 99999999999999999999999}"), ECAP_ERR_JSON, err, "");
	ck_assert_err(load("{\"partition.target_size_mb\": 1e999}"), ECAP_ERR_JSON, err, "");
	ck_assert_err(load("{\"partition.target_size_mb\": 1e300}"), ECAP_ERR_RANGE, err,
		      "partition.target_size_mb");
	ck_assert_err(load("{\"executor.cores\": -9223372036854775808}"), ECAP_ERR_RANGE, err,
		      "executor.cores");
	/* A NUL between tokens: jansson drops it ("[1\0]" loads as [1]);
	 * the library calls it malformed, not out of memory (fuzz find). */
	ck_assert_int_eq(ecap_policy_load_json(p, "[1\0]", 4, &err), ECAP_ERR_JSON);
	ck_assert_int_eq(ecap_policy_load_json(p, "{\"executor.cores\": 4\0}", 22, &err),
			 ECAP_ERR_JSON);
	/* Deep nesting: 100000 levels. */
	n = 100000;
	big = malloc(2 * n + 1);
	ck_assert_ptr_nonnull(big);
	for (i = 0; i < n; i++) {
		big[i] = '[';
		big[n + i] = ']';
	}
	big[2 * n] = '\0';
	ck_assert_err(load(big), ECAP_ERR_JSON, err, "");
	memset(big, ' ', 2 * n);
	memcpy(big, "{\"a\":", 5);
	for (i = 5; i < 5 + 4000; i++)
		big[i] = '{';
	ck_assert_err(load(big), ECAP_ERR_JSON, err, "");
	free(big);
	/* 10 MB input is refused before parsing. */
	n = 10u << 20;
	big = malloc(n + 1);
	ck_assert_ptr_nonnull(big);
	memset(big, ' ', n);
	big[0] = '{';
	big[n - 1] = '}';
	big[n] = '\0';
	ck_assert_err(ecap_policy_load_json(p, big, n, &err), ECAP_ERR_RANGE, err, "json");
	ck_assert_ptr_nonnull(strstr(err.message, "10485760"));
	/* Just under the limit, a huge unknown key is named (truncated). */
	n = ECAP_POLICY_JSON_MAX_BYTES;
	big[0] = '{';
	big[1] = '"';
	memset(big + 2, 'k', n - 6);
	memcpy(big + n - 4, "\":1}", 4);
	ck_assert_int_eq(ecap_policy_load_json(p, big, n, &err), ECAP_ERR_UNKNOWN_KEY);
	ck_assert_uint_eq(strlen(err.field), sizeof(err.field) - 1);
	ck_assert_int_eq(err.field[0], 'k');
	free(big);
	/* More scenarios than fit. */
	{
		char doc[20000];
		size_t off = (size_t)snprintf(doc, sizeof(doc), "{\"growth.scenarios\": {");

		for (i = 0; i < 70; i++)
			off += (size_t)snprintf(doc + off, sizeof(doc) - off,
						"%s\"s%zu\": {\"yearly_growth_ratio\": 0.1,"
						" \"seasonal_peak_factor\": 1}",
						i ? "," : "", i);
		snprintf(doc + off, sizeof(doc) - off, "}}");
		ck_assert_err(load(doc), ECAP_ERR_LIMIT, err, "s61");
	}
	assert_unchanged(before);
	ecap_free(before);
}
END_TEST

START_TEST(load_file)
{
	char path[] = "/tmp/ecaptune-test-XXXXXX";
	const char *doc = "{\"model\": \"guide\"}\n";
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, doc, strlen(doc)), (int)strlen(doc));
	close(fd);
	ck_assert_int_eq(ecap_policy_load_file(p, path, &err), 0);
	ck_assert_int_eq(ecap_policy_model(p), ECAP_MODEL_GUIDE);
	unlink(path);
	ck_assert_err(ecap_policy_load_file(p, path, &err), ECAP_ERR_IO, err, "path");
	ck_assert_err(ecap_policy_load_file(p, NULL, &err), ECAP_ERR_INVALID, err, "path");
	ck_assert_err(ecap_policy_load_file(p, "/", &err), ECAP_ERR_IO, err, "path");
}
END_TEST

START_TEST(dump_bad_args)
{
	char *text;

	ck_assert_err(ecap_policy_dump_json(NULL, &text, &err), ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_policy_dump_json(p, NULL, &err), ECAP_ERR_INVALID, err, "json");
}
END_TEST

Suite *
policy_json_suite(void)
{
	Suite *s = suite_create("policy_json");
	TCase *tc = tcase_create("json");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, roundtrip_defaults);
	tcase_add_test(tc, roundtrip_is_exact);
	tcase_add_test(tc, roundtrip_negative_zero);
	tcase_add_test(tc, roundtrip_custom_scenarios_and_catalog);
	tcase_add_test(tc, partial_load_keeps_other_keys);
	tcase_add_test(tc, load_errors_say_line_column_key);
	tcase_add_test(tc, malformed_json);
	tcase_add_test(tc, hostile_json);
	tcase_add_test(tc, load_file);
	tcase_add_test(tc, dump_bad_args);
	suite_add_tcase(s, tc);
	return s;
}
