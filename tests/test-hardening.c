/* SPDX-License-Identifier: MIT */
/*
 * Hardening (issue 17): the undefined behaviour a fuzzer found (at its
 * exact inputs), counts past Spark's Int refused rather than handed to a
 * renderer that rejects them, renderers that never print -0, the rules
 * between policy keys, reserved fields, and one code per situation.
 */
#include <float.h>
#include <stdio.h>

#include "fixture.h"

/* ---- executor: the window reaches float-to-integer conversions ---- */

static int
guide_executors(double window_hours, struct ecap_executor_out *out)
{
	ECAP_OPTS(ecap_executor_in, in, .daily_data_gb = 500.0,
		  .processing_window_hours = window_hours);

	use_model("guide");
	ECAP_STRUCT_INIT(out);
	return ecap_executor_advise(p, &in, out, &err);
}

START_TEST(executor_tiny_window_is_refused)
{
	/* Found by libFuzzer under UBSan: 500 / (10 * 1e-300 * 0.25) is
	 * 2e302, past int64 (undefined), and the call returned 187
	 * executors.  The field now has the range of its policy key,
	 * executor.processing_window_hours: 0 (the key) or 0.01 .. 8760. */
	const double windows[] = { 1e-300, DBL_MIN, 4.9406564584124654e-324,
				   0.0099 };
	struct ecap_executor_out out;
	size_t i;

	for (i = 0; i < sizeof(windows) / sizeof(windows[0]); i++) {
		ck_assert_err(guide_executors(windows[i], &out),
			      ECAP_ERR_RANGE, err, "processing_window_hours");
		ck_assert_ptr_nonnull(strstr(err.message,
					     "executor.processing_window_hours"));
		ck_assert_int_eq(out.executor_count, 0);
	}
}
END_TEST

START_TEST(executor_smallest_window)
{
	struct ecap_executor_out out;

	/* The key's minimum, 0.01 h: required 500 * 3 = 1500 GB; target
	 * 0.01 * 0.25 = 0.0025 h; int(500 / (10 * 0.0025)) = 20000
	 * executors wanted; memory min(8, max(4, 1500 / 20000)) = 4 GB;
	 * final int(1500 / 4) = 375. */
	ck_assert_int_eq(guide_executors(0.01, &out), ECAP_OK);
	ck_assert_int_eq(out.executor_count, 375);
	ck_assert_double_near(out.executor_heap_gb, 4.0);
}
END_TEST

START_TEST(executor_overrides_share_the_key_ranges)
{
	ECAP_OPTS(ecap_executor_in, in, .daily_data_gb = 100.0);
	struct ecap_executor_out out;

	ECAP_STRUCT_INIT(&out);
	/* executor.cores is 1 .. 256, executor.max_executors 1 .. 100000 */
	in.executor_core_count = 257;
	ck_assert_err(ecap_executor_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "executor_core_count");
	ck_assert_ptr_nonnull(strstr(err.message, "executor.cores"));
	in.executor_core_count = 0;
	in.max_executor_count = 100001;
	ck_assert_err(ecap_executor_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "max_executor_count");
	ck_assert_ptr_nonnull(strstr(err.message, "executor.max_executors"));
}
END_TEST

/* ---- partition: split sizes below the open cost ---- */

START_TEST(scan_tasks_open_cost_overflow_is_refused)
{
	/* Found by libFuzzer under UBSan: one file of 2^40 bytes cut into
	 * 1-byte splits (max_partition_bytes 1 < open_cost_bytes 2^36)
	 * makes 2^40 splits; their open costs sum to 2^76 bytes, past
	 * int64 (undefined), and rescaled_split_bytes came out negative.
	 * Spark sums in BigDecimal; 2^40 splits are no plan anyway. */
	const int64_t files[] = { INT64_C(1) << 40 };
	ECAP_OPTS(ecap_partition_scan_in, in, .file_sizes_bytes = files,
		  .file_count = 1, .max_partition_bytes = 1,
		  .open_cost_bytes = INT64_C(1) << 36, .max_partition_num = 1, .min_partition_num = 2);
	struct ecap_partition_scan_out out;

	ECAP_STRUCT_INIT(&out);
	ck_assert_err(ecap_partition_scan_tasks(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "max_partition_bytes");
	ck_assert_int_eq(out.task_count, 0);
	ck_assert_int_eq(out.rescaled_split_bytes, 0);
}
END_TEST

START_TEST(scan_tasks_split_below_open_cost)
{
	/* One 1 MiB file, max_partition_bytes 1 < open cost 1 MiB: 2^20
	 * splits of 1 byte, one per task at maxSplitBytes 1, more than
	 * maxPartitionNum 1, so Spark packs again at
	 * ceil((2^20 + 2^20 * 2^20) / 1) = 2^40 + 2^20 bytes, which holds
	 * all 2^20 splits of 1 + 2^20 bytes: one task. */
	const int64_t files[] = { INT64_C(1) << 20 };
	ECAP_OPTS(ecap_partition_scan_in, in, .file_sizes_bytes = files,
		  .file_count = 1, .max_partition_bytes = 1,
		  .open_cost_bytes = INT64_C(1) << 20, .max_partition_num = 1, .min_partition_num = 2);
	struct ecap_partition_scan_out out;

	ECAP_STRUCT_INIT(&out);
	ck_assert_int_eq(ecap_partition_scan_tasks(p, &in, &out, &err), 0);
	ck_assert_int_eq(out.split_count, INT64_C(1) << 20);
	ck_assert_int_eq(out.size_packed_task_count, INT64_C(1) << 20);
	ck_assert_int_eq(out.rescaled_split_bytes,
			 (INT64_C(1) << 40) + (INT64_C(1) << 20));
	ck_assert_int_eq(out.task_count, 1);
}
END_TEST

/* ---- successes the renderers accept ---- */

START_TEST(guide_partitions_past_spark_int_are_refused)
{
	/* 2^60 bytes / 128 MiB = 2^33 = 8,589,934,592 partitions: the
	 * guide's coalesce(n) takes an Int, as ecap-1's count does, so both
	 * models refuse it (the renderer's limit is the same 2^31-1). */
	ECAP_OPTS(ecap_partition_in, in,
		  .data_size_bytes = INT64_C(1) << 60);
	struct ecap_partition_out out;

	use_model("guide");
	ECAP_STRUCT_INIT(&out);
	ck_assert_err(ecap_partition_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "data_size_bytes");
	ck_assert_ptr_nonnull(strstr(err.message, "8589934592"));
	/* 2^31 - 1 partitions of 128 MiB are still an answer. */
	in.data_size_bytes = (INT64_C(2147483647) << 27);
	ck_assert_int_eq(ecap_partition_advise(p, &in, &out, &err), 0);
	ck_assert_int_eq(out.partition_count, INT64_C(2147483647));
}
END_TEST

START_TEST(guide_executors_render)
{
	/* 1 EiB a day: required 2^30 * 3 GB; the guide's memory per
	 * executor min(8, max(4, ...)) = 8, int(3 * 2^30 / 8) =
	 * 402,653,184 executors.  spark.executor.instances is an Int, so
	 * the renderer takes every count up to 2^31-1 (it stopped at 1e6). */
	ECAP_OPTS(ecap_executor_in, in, .daily_data_gb = 1073741824.0);
	struct ecap_executor_out out;
	struct ecap_property props[32];
	size_t n = 32, i;

	use_model("guide");
	ECAP_STRUCT_INIT(&out);
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&props[i]);
	ck_assert_int_eq(ecap_executor_advise(p, &in, &out, &err), 0);
	ck_assert_int_eq(out.executor_count, 402653184);
	ck_assert_msg(ecap_executor_spark_properties(&out, props, &n, &err) ==
		      0, "%s", err.message);
	ck_assert_str_eq(props[0].key, "spark.executor.instances");
	ck_assert_str_eq(props[0].value, "402653184");
	/* With executor.memory_multiplier 1000 the count passes the Int:
	 * 2^30 * 1000 / 8 = 1.3e11, refused by the advisor. */
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.memory_multiplier",
						1000.0, &err), 0);
	ck_assert_err(ecap_executor_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "daily_data_gb");
}
END_TEST

START_TEST(renderers_never_print_negative_zero)
{
	ECAP_OPTS(ecap_executor_in, in, .daily_data_gb = 100.0);
	struct ecap_executor_out out;
	struct ecap_property props[32];
	size_t n = 32, i;

	ECAP_STRUCT_INIT(&out);
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&props[i]);
	ck_assert_int_eq(ecap_executor_advise(p, &in, &out, &err), 0);
	/* An edited advice: -0.0 passes the 0 .. 1 range check. */
	out.memory_storage_fraction_ratio = -0.0;
	ck_assert_int_eq(ecap_executor_spark_properties(&out, props, &n, &err),
			 0);
	for (i = 0; i < n; i++)
		if (strcmp(props[i].key, "spark.memory.storageFraction") == 0)
			ck_assert_str_eq(props[i].value, "0");
}
END_TEST

START_TEST(renderers_unknown_model_is_unknown_enum)
{
	struct ecap_executor_out eo;
	struct ecap_database_out dbo;
	struct ecap_property props[32];
	size_t n = 32, i;

	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&props[i]);
	ECAP_STRUCT_INIT(&eo);
	ECAP_STRUCT_INIT(&dbo);
	eo.model = dbo.model = 7;
	ck_assert_err(ecap_executor_spark_properties(&eo, props, &n, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "model");
	n = 32;
	ck_assert_err(ecap_database_properties(&dbo, props, &n, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "model");
}
END_TEST

/* ---- rules between policy keys ---- */

static double
getd(const char *key)
{
	double v = NAN;

	ck_assert_int_eq(ecap_policy_get_double(p, key, &v, &err), 0);
	return v;
}

START_TEST(policy_reserve_against_the_smallest_heap)
{
	/* 65536 MiB reserved needs heaps of 1.5 x 65536 = 98304 MiB (Spark's
	 * minSystemMemory); executor.memory_min_gb 4 GiB is 4096 MiB: the
	 * set fails, names both keys and changes nothing.  Before, ecap-1
	 * advised 4-8 GB heaps with memory_unified_bytes = 0. */
	ck_assert_err(ecap_policy_set_double(p, "spark.reserved_memory_mb",
					     65536.0, &err),
		      ECAP_ERR_RANGE, err, "spark.reserved_memory_mb");
	ck_assert_ptr_nonnull(strstr(err.message, "executor.memory_min_gb"));
	ck_assert_double_near(getd("spark.reserved_memory_mb"), 300.0);
	/* 96 GiB = 98304 MiB heaps take it exactly */
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.memory_max_gb",
						128.0, &err), 0);
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.memory_min_gb",
						96.0, &err), 0);
	ck_assert_int_eq(ecap_policy_set_double(p, "spark.reserved_memory_mb",
						65536.0, &err), 0);
	/* and the heap cannot then shrink under it */
	ck_assert_err(ecap_policy_set_double(p, "executor.memory_min_gb", 95.0,
					     &err),
		      ECAP_ERR_RANGE, err, "executor.memory_min_gb");
	ck_assert_ptr_nonnull(strstr(err.message, "spark.reserved_memory_mb"));
}
END_TEST

START_TEST(policy_min_above_max)
{
	ck_assert_err(ecap_policy_set_double(p, "executor.memory_min_gb", 10.0,
					     &err),
		      ECAP_ERR_RANGE, err, "executor.memory_min_gb");
	ck_assert_ptr_nonnull(strstr(err.message, "executor.memory_max_gb"));
	ck_assert_double_near(getd("executor.memory_min_gb"), 4.0);
	ck_assert_err(ecap_policy_set_int64(p, "executor.min_executors", 21,
					    &err),
		      ECAP_ERR_RANGE, err, "executor.min_executors");
	ck_assert_ptr_nonnull(strstr(err.message, "executor.max_executors"));
}
END_TEST

START_TEST(policy_json_rules_hold_for_the_whole_document)
{
	static const char both[] = "{\"executor.memory_min_gb\": 16,\n"
				   " \"executor.memory_max_gb\": 32}";
	static const char alone[] = "{\"executor.memory_min_gb\": 16}";

	/* Members are read in order; the rules are checked at the end. */
	ck_assert_int_eq(ecap_policy_load_json(p, both, strlen(both), &err), 0);
	ck_assert_double_near(getd("executor.memory_max_gb"), 32.0);
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.memory_max_gb",
						16.0, &err), 0);
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.memory_min_gb",
						4.0, &err), 0);
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.memory_max_gb",
						8.0, &err), 0);
	ck_assert_err(ecap_policy_load_json(p, alone, strlen(alone), &err),
		      ECAP_ERR_RANGE, err, "executor.memory_min_gb");
	ck_assert_double_near(getd("executor.memory_min_gb"), 4.0);
}
END_TEST

START_TEST(policy_default_scenario_exists)
{
	static const char doc[] =
		"{\"growth.default_scenario\": \"steady\", \"growth.scenarios\": "
		"{\"steady\": {\"yearly_growth_ratio\": 0.1, "
		"\"seasonal_peak_factor\": 1.5}}}";
	static const char missing[] = "{\"growth.default_scenario\": \"gone\"}";

	ck_assert_err(ecap_policy_set_string(p, "growth.default_scenario",
					     "nope", &err),
		      ECAP_ERR_NOT_FOUND, err, "growth.default_scenario");
	ck_assert_err(ecap_policy_load_json(p, missing, strlen(missing), &err),
		      ECAP_ERR_NOT_FOUND, err, "growth.default_scenario");
	/* the default cannot be removed: projections fall back to it */
	ck_assert_err(ecap_policy_scenario_remove(p, "conservative", &err),
		      ECAP_ERR_INVALID, err, "scenario");
	ck_assert_ptr_nonnull(strstr(err.message, "growth.default_scenario"));
	ck_assert_uint_eq(ecap_policy_scenario_count(p), 3);
	/* a scenario defined after the key in the same document is fine */
	ck_assert_int_eq(ecap_policy_load_json(p, doc, strlen(doc), &err), 0);
	ck_assert_int_eq(ecap_policy_scenario_remove(p, "conservative", &err),
			 0);
}
END_TEST

START_TEST(reserved_fields_must_be_zero)
{
	const int64_t sizes[] = { 1 << 20 };
	ECAP_OPTS(ecap_partition_scan_in, scan, .file_sizes_bytes = sizes,
		  .file_count = 1, .total_executor_cores = 4, .reserved_0 = 1);
	ECAP_OPTS(ecap_partition_aqe_in, aqe, .partition_sizes_bytes = sizes,
		  .partition_count = 1, .total_executor_cores = 4,
		  .reserved_0 = -1);
	struct ecap_partition_scan_out so;
	struct ecap_partition_aqe_out ao;

	ECAP_STRUCT_INIT(&so);
	ECAP_STRUCT_INIT(&ao);
	ck_assert_err(ecap_partition_scan_tasks(p, &scan, &so, &err),
		      ECAP_ERR_RANGE, err, "reserved_0");
	ck_assert_err(ecap_partition_aqe(p, &aqe, &ao, NULL, NULL, &err),
		      ECAP_ERR_RANGE, err, "reserved_0");
}
END_TEST

START_TEST(projection_json_checks_every_year)
{
	ECAP_OPTS(ecap_projection_in, in, .current_daily_transactions = 1e6,
		  .years = 3);
	struct ecap_projection_year years[3];
	size_t n = 3, i;
	char *json = NULL;

	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&years[i]);
	ck_assert_int_eq(ecap_projection_run(p, &in, years, &n, &err), 0);
	years[2].model = 9;
	ck_assert_err(ecap_projection_to_json(years, 3, &json, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "model");
	ck_assert_ptr_nonnull(strstr(err.message, "years[2]"));
	ck_assert_ptr_null(json);
	years[2].model = years[0].model == ECAP_MODEL_GUIDE ?
				 ECAP_MODEL_ECAP_1 : ECAP_MODEL_GUIDE;
	ck_assert_err(ecap_projection_to_json(years, 3, &json, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "model");
}
END_TEST

Suite *
hardening_suite(void)
{
	Suite *s = suite_create("hardening");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, executor_tiny_window_is_refused);
	tcase_add_test(tc, executor_smallest_window);
	tcase_add_test(tc, executor_overrides_share_the_key_ranges);
	tcase_add_test(tc, scan_tasks_open_cost_overflow_is_refused);
	tcase_add_test(tc, scan_tasks_split_below_open_cost);
	tcase_add_test(tc, guide_partitions_past_spark_int_are_refused);
	tcase_add_test(tc, guide_executors_render);
	tcase_add_test(tc, renderers_never_print_negative_zero);
	tcase_add_test(tc, renderers_unknown_model_is_unknown_enum);
	tcase_add_test(tc, policy_reserve_against_the_smallest_heap);
	tcase_add_test(tc, policy_min_above_max);
	tcase_add_test(tc, policy_json_rules_hold_for_the_whole_document);
	tcase_add_test(tc, policy_default_scenario_exists);
	tcase_add_test(tc, reserved_fields_must_be_zero);
	tcase_add_test(tc, projection_json_checks_every_year);
	suite_add_tcase(s, tc);
	return s;
}
