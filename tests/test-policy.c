/* SPDX-License-Identifier: MIT */
/*
 * Policy defaults (checked against the tuning guide's numbers), typed
 * access, ranges, scenarios (the catalogs: test-catalog.c).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>

#include "fixture.h"



static double
getd(const char *key)
{
	double v = NAN;

	ck_assert_msg(ecap_policy_get_double(p, key, &v, &err) == 0, "%s: %s",
		      key, err.message);
	return v;
}

static int64_t
geti(const char *key)
{
	int64_t v = -1;

	ck_assert_msg(ecap_policy_get_int64(p, key, &v, &err) == 0, "%s: %s",
		      key, err.message);
	return v;
}

static const char *
gets_(const char *key)
{
	const char *v = NULL;

	ck_assert_msg(ecap_policy_get_string(p, key, &v, &err) == 0, "%s: %s",
		      key, err.message);
	return v;
}

START_TEST(defaults_are_the_guides)
{
	ck_assert_str_eq(gets_("model"), "ecap-1");
	ck_assert_int_eq(ecap_policy_model(p), ECAP_MODEL_ECAP_1);
	/* optimize_partitions(df, target_partition_size_mb=128) */
	ck_assert_double_near(getd("partition.target_size_mb"), 128.0);
	/* spark.sql.autoBroadcastJoinThreshold: 50MB */
	ck_assert_double_near(getd("join.broadcast_threshold_mb"), 50.0);
	/* optimize_join: small_df.count() < 1000000 */
	ck_assert_int_eq(geti("join.guide_broadcast_max_rows"), 1000000);
	/* cache_frequently_accessed_data: getNumPartitions() > 200 */
	ck_assert_int_eq(geti("cache.guide_partition_threshold"), 200);
	/* calculate_spark_resources */
	ck_assert_double_near(getd("executor.memory_multiplier"), 3.0);
	ck_assert_double_near(getd("executor.window_share_ratio"), 0.25);
	ck_assert_double_near(getd("executor.throughput_gb_per_hour"), 10.0);
	ck_assert_double_near(getd("executor.memory_min_gb"), 4.0);
	ck_assert_double_near(getd("executor.memory_max_gb"), 8.0);
	ck_assert_int_eq(geti("executor.cores"), 2);
	ck_assert_double_near(getd("executor.price_usd_per_hour"), 0.20);
	ck_assert_double_near(getd("executor.processing_window_hours"), 8.0);
	/* Dynamic allocation: min 2, initial 4, max 20 */
	ck_assert_int_eq(geti("executor.min_executors"), 2);
	ck_assert_int_eq(geti("executor.initial_executors"), 4);
	ck_assert_int_eq(geti("executor.max_executors"), 20);
	/* calculate_database_resources */
	ck_assert_double_near(getd("database.transaction_size_kb"), 2.0);
	ck_assert_double_near(getd("database.index_overhead_factor"), 1.3);
	ck_assert_double_near(getd("database.analytics_multiplier"), 2.0);
	ck_assert_double_near(getd("database.memory_share_ratio"), 0.25);
	ck_assert_double_near(getd("database.min_memory_gb"), 16.0);
	ck_assert_double_near(getd("database.storage_buffer_ratio"), 0.2);
	ck_assert_int_eq(geti("database.retention_days"), 365);
	/* RDS parameter group and DATABASE_CONFIG */
	ck_assert_int_eq(geti("database.max_connections"), 200);
	ck_assert_double_near(getd("database.maintenance_work_mem_mb"), 256.0);
	ck_assert_double_near(getd("database.checkpoint_completion_target_ratio"), 0.7);
	ck_assert_double_near(getd("database.wal_buffers_mb"), 16.0);
	ck_assert_int_eq(geti("database.pool_size"), 10);
	ck_assert_int_eq(geti("database.pool_max_overflow"), 20);
	ck_assert_int_eq(geti("database.pool_timeout_seconds"), 30);
	ck_assert_int_eq(geti("database.pool_recycle_seconds"), 3600);
	/* calculate_kafka_resources */
	ck_assert_double_near(getd("kafka.event_size_kb"), 0.75);
	ck_assert_int_eq(geti("kafka.replication_factor"), 3);
	ck_assert_double_near(getd("kafka.retention_hours"), 168.0);
	ck_assert_double_near(getd("kafka.guide_partition_mb_per_day"), 50.0);
	ck_assert_int_eq(geti("kafka.min_partitions"), 12);
	ck_assert_int_eq(geti("kafka.guide_partitions_per_broker"), 10);
	ck_assert_int_eq(geti("kafka.min_brokers"), 3);
	ck_assert_double_near(getd("kafka.storage_buffer_ratio"), 0.3);
	ck_assert_double_near(getd("kafka.broker_price_usd_per_hour"), 0.192);
	ck_assert_str_eq(gets_("kafka.instance_type"), "kafka.m5.large");
	/* project_capacity_needs: peak_transactions / 100000 GB; 24 * 30 h */
	ck_assert_double_near(getd("growth.transactions_per_gb"), 100000.0);
	ck_assert_double_near(getd("cost.hours_per_month"), 720.0);
	ck_assert_str_eq(gets_("growth.default_scenario"), "conservative");
	/* Spark's own defaults the guide relies on */
	ck_assert_double_near(getd("spark.memory_fraction"), 0.6);
	ck_assert_double_near(getd("spark.memory_storage_fraction"), 0.5);
	ck_assert_double_near(getd("spark.reserved_memory_mb"), 300.0);
	ck_assert_double_near(getd("aqe.skew_partition_factor"), 5.0);
	ck_assert_double_near(getd("aqe.skew_partition_threshold_mb"), 256.0);
	ck_assert_int_eq(geti("join.shuffle_partitions"), 200);
	ck_assert_int_eq(geti("join.prefer_sort_merge"), 1);
	ck_assert_double_near(getd("join.shuffle_hash_factor"), 3.0);
}
END_TEST

START_TEST(default_scenarios_are_the_guides)
{
	struct ecap_scenario s;

	ECAP_STRUCT_INIT(&s);
	ck_assert_uint_eq(ecap_policy_scenario_count(p), 3);
	ck_assert_int_eq(ecap_policy_scenario_find(p, "conservative", &s, &err), 0);
	ck_assert_double_near(s.yearly_growth_ratio, 0.50);
	ck_assert_double_near(s.seasonal_peak_factor, 2.0);
	ck_assert_str_eq(s.description, "Steady growth, established market");
	/* the spreads of ecap_projection_run(3): a fifth of the growth, a
	 * tenth of the peak for an established market */
	ck_assert_double_near(s.yearly_growth_sd_ratio, 0.10);
	ck_assert_double_near(s.seasonal_peak_sd_factor, 0.20);
	ck_assert_int_eq(ecap_policy_scenario_find(p, "aggressive", &s, &err), 0);
	ck_assert_double_near(s.yearly_growth_ratio, 1.0);
	ck_assert_double_near(s.seasonal_peak_factor, 3.0);
	/* a startup: two fifths of the growth, a sixth of the peak */
	ck_assert_double_near(s.yearly_growth_sd_ratio, 0.40);
	ck_assert_double_near(s.seasonal_peak_sd_factor, 0.50);
	ck_assert_int_eq(ecap_policy_scenario_at(p, 2, &s, &err), 0);
	ck_assert_str_eq(s.name, "enterprise");
	ck_assert_double_near(s.yearly_growth_ratio, 0.25);
	ck_assert_double_near(s.seasonal_peak_factor, 1.5);
	/* a mature enterprise: a fifth of a small growth, a fifteenth of
	 * the peak */
	ck_assert_double_near(s.yearly_growth_sd_ratio, 0.05);
	ck_assert_double_near(s.seasonal_peak_sd_factor, 0.10);
	ck_assert_err(ecap_policy_scenario_at(p, 3, &s, &err), ECAP_ERR_RANGE,
		      err, "index");
	ck_assert_err(ecap_policy_scenario_find(p, "hyper", &s, &err),
		      ECAP_ERR_NOT_FOUND, err, "scenario");
	/* Scenario fields are keys too. */
	ck_assert_double_near(getd("growth.scenarios.aggressive.seasonal_peak_factor"), 3.0);
}
END_TEST

START_TEST(set_get_roundtrip)
{
	ck_assert_int_eq(ecap_policy_set_double(p, "partition.target_size_mb", 256.5, &err), 0);
	ck_assert_double_near(getd("partition.target_size_mb"), 256.5);
	ck_assert_int_eq(ecap_policy_set_int64(p, "executor.cores", 5, &err), 0);
	ck_assert_int_eq(geti("executor.cores"), 5);
	ck_assert_int_eq(ecap_policy_set_int64(p, "join.prefer_sort_merge", 0, &err), 0);
	ck_assert_int_eq(geti("join.prefer_sort_merge"), 0);
	ck_assert_int_eq(ecap_policy_set_string(p, "model", "guide", &err), 0);
	ck_assert_int_eq(ecap_policy_model(p), ECAP_MODEL_GUIDE);
	ck_assert_str_eq(gets_("model"), "guide");
	/* -1 disables broadcasting, as in Spark. */
	ck_assert_int_eq(ecap_policy_set_double(p, "join.broadcast_threshold_mb", -1, &err), 0);
	/* Range edges are inclusive. */
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.window_share_ratio", 1.0, &err), 0);
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.window_share_ratio", 0.01, &err), 0);
}
END_TEST

START_TEST(set_rejects_bad_values_and_keeps_policy)
{
	static const double bad[] = { NAN, INFINITY, -INFINITY };
	size_t i;

	for (i = 0; i < 3; i++)
		ck_assert_err(ecap_policy_set_double(p, "partition.target_size_mb", bad[i], &err),
			      ECAP_ERR_INVALID, err, "partition.target_size_mb");
	ck_assert_err(ecap_policy_set_double(p, "partition.target_size_mb", 0.0, &err),
		      ECAP_ERR_RANGE, err, "partition.target_size_mb");
	ck_assert_err(ecap_policy_set_double(p, "partition.target_size_mb", -128.0, &err),
		      ECAP_ERR_RANGE, err, "partition.target_size_mb");
	ck_assert_err(ecap_policy_set_double(p, "partition.target_size_mb", 1e300, &err),
		      ECAP_ERR_RANGE, err, "partition.target_size_mb");
	ck_assert_ptr_nonnull(strstr(err.message, "1e+300"));
	ck_assert_err(ecap_policy_set_double(p, "executor.window_share_ratio", 1.0000001, &err),
		      ECAP_ERR_RANGE, err, "executor.window_share_ratio");
	ck_assert_err(ecap_policy_set_double(p, "join.broadcast_threshold_mb", -2, &err),
		      ECAP_ERR_RANGE, err, "join.broadcast_threshold_mb");
	ck_assert_err(ecap_policy_set_int64(p, "executor.cores", 0, &err),
		      ECAP_ERR_RANGE, err, "executor.cores");
	ck_assert_err(ecap_policy_set_int64(p, "executor.cores", INT64_MAX, &err),
		      ECAP_ERR_RANGE, err, "executor.cores");
	ck_assert_err(ecap_policy_set_int64(p, "join.prefer_sort_merge", 2, &err),
		      ECAP_ERR_RANGE, err, "join.prefer_sort_merge");
	ck_assert_err(ecap_policy_set_string(p, "model", "ecap-2", &err),
		      ECAP_ERR_UNKNOWN_MODEL, err, "model");
	ck_assert_err(ecap_policy_set_string(p, "model", NULL, &err),
		      ECAP_ERR_INVALID, err, "model");
	ck_assert_err(ecap_policy_set_string(p, "kafka.instance_type", "", &err),
		      ECAP_ERR_RANGE, err, "kafka.instance_type");
	ck_assert_err(ecap_policy_set_string(p, "kafka.instance_type", "a\"b", &err),
		      ECAP_ERR_RANGE, err, "kafka.instance_type");
	/* Nothing changed. */
	ck_assert_double_near(getd("partition.target_size_mb"), 128.0);
	ck_assert_double_near(getd("executor.window_share_ratio"), 0.25);
	ck_assert_double_near(getd("join.broadcast_threshold_mb"), 50.0);
	ck_assert_int_eq(geti("executor.cores"), 2);
	ck_assert_str_eq(gets_("model"), "ecap-1");
	ck_assert_int_eq(ecap_policy_model(p), ECAP_MODEL_ECAP_1);
}
END_TEST

START_TEST(unknown_keys_and_types)
{
	double d;
	int64_t i;
	const char *s;

	ck_assert_err(ecap_policy_set_double(p, "partition.target_size", 1, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "partition.target_size");
	ck_assert_err(ecap_policy_get_double(p, "", &d, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "");
	ck_assert_err(ecap_policy_get_double(p, NULL, &d, &err),
		      ECAP_ERR_INVALID, err, "key");
	ck_assert_err(ecap_policy_get_double(NULL, "model", &d, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_policy_get_double(p, "partition.target_size_mb", NULL, &err),
		      ECAP_ERR_INVALID, err, "value");
	ck_assert_err(ecap_policy_get_double(p, "executor.cores", &d, &err),
		      ECAP_ERR_TYPE, err, "executor.cores");
	ck_assert_err(ecap_policy_set_double(p, "model", 1.0, &err),
		      ECAP_ERR_TYPE, err, "model");
	ck_assert_err(ecap_policy_get_int64(p, "partition.target_size_mb", &i, &err),
		      ECAP_ERR_TYPE, err, "partition.target_size_mb");
	ck_assert_err(ecap_policy_set_int64(p, "model", 1, &err),
		      ECAP_ERR_TYPE, err, "model");
	ck_assert_err(ecap_policy_get_string(p, "executor.cores", &s, &err),
		      ECAP_ERR_TYPE, err, "executor.cores");
	ck_assert_err(ecap_policy_set_string(p, "executor.cores", "2", &err),
		      ECAP_ERR_TYPE, err, "executor.cores");
	ck_assert_err(ecap_policy_get_double(p, "growth.scenarios.hyper.yearly_growth_ratio", &d, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "growth.scenarios.hyper.yearly_growth_ratio");
	ck_assert_err(ecap_policy_get_double(p, "growth.scenarios.aggressive.colour", &d, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "growth.scenarios.aggressive.colour");
	ck_assert_err(ecap_policy_get_double(p, "growth.scenarios.aggressive.description", &d, &err),
		      ECAP_ERR_TYPE, err, "growth.scenarios.aggressive.description");
}
END_TEST

START_TEST(dynamic_keys_validate)
{
	ck_assert_int_eq(ecap_policy_set_double(p, "growth.scenarios.enterprise.yearly_growth_ratio", 0.3, &err), 0);
	ck_assert_double_near(getd("growth.scenarios.enterprise.yearly_growth_ratio"), 0.3);
	ck_assert_err(ecap_policy_set_double(p, "growth.scenarios.enterprise.seasonal_peak_factor", 0.5, &err),
		      ECAP_ERR_RANGE, err, "growth.scenarios.enterprise.seasonal_peak_factor");
	ck_assert_double_near(getd("growth.scenarios.enterprise.seasonal_peak_factor"), 1.5);
	ck_assert_int_eq(ecap_policy_set_string(p, "growth.scenarios.enterprise.description", "Slow", &err), 0);
	ck_assert_str_eq(gets_("growth.scenarios.enterprise.description"), "Slow");
	ck_assert_err(ecap_policy_set_string(p, "growth.scenarios.enterprise.description", "bad\ncontrol", &err),
		      ECAP_ERR_RANGE, err, "growth.scenarios.enterprise.description");
	/* Catalog entries are keys too (more in test-catalog.c). */
	ck_assert_int_eq(geti("catalog.database.db.r6g.xlarge.vcpu_count"), 4);
}
END_TEST

START_TEST(scenarios_add_replace_remove)
{
	struct ecap_scenario s;

	ECAP_STRUCT_INIT(&s);
	strcpy(s.name, "black-friday_2027");
	strcpy(s.description, "Campaign year");
	s.yearly_growth_ratio = 0.8;
	s.seasonal_peak_factor = 5.0;
	s.yearly_growth_sd_ratio = 0.2;
	ck_assert_int_eq(ecap_policy_scenario_set(p, &s, &err), 0);
	ck_assert_uint_eq(ecap_policy_scenario_count(p), 4);
	s.seasonal_peak_factor = 4.0;
	ck_assert_int_eq(ecap_policy_scenario_set(p, &s, &err), 0);
	ck_assert_uint_eq(ecap_policy_scenario_count(p), 4);
	ck_assert_double_near(getd("growth.scenarios.black-friday_2027.seasonal_peak_factor"), 4.0);
	strcpy(s.name, "bad name");
	ck_assert_err(ecap_policy_scenario_set(p, &s, &err), ECAP_ERR_RANGE, err, "name");
	strcpy(s.name, "ok");
	s.yearly_growth_ratio = NAN;
	ck_assert_err(ecap_policy_scenario_set(p, &s, &err), ECAP_ERR_INVALID, err,
		      "yearly_growth_ratio");
	s.yearly_growth_ratio = -1.0;
	ck_assert_err(ecap_policy_scenario_set(p, &s, &err), ECAP_ERR_RANGE, err,
		      "yearly_growth_ratio");
	ck_assert_int_eq(ecap_policy_scenario_remove(p, "black-friday_2027", &err), 0);
	ck_assert_err(ecap_policy_scenario_remove(p, "black-friday_2027", &err),
		      ECAP_ERR_NOT_FOUND, err, "scenario");
	ck_assert_uint_eq(ecap_policy_scenario_count(p), 3);
}
END_TEST

START_TEST(scenarios_fill_up)
{
	struct ecap_scenario s;
	int i;

	ECAP_STRUCT_INIT(&s);
	s.yearly_growth_ratio = 0.1;
	s.seasonal_peak_factor = 1.0;
	for (i = 3; i < ECAP_MAX_SCENARIOS; i++) {
		snprintf(s.name, sizeof(s.name), "s%d", i);
		ck_assert_int_eq(ecap_policy_scenario_set(p, &s, &err), 0);
	}
	strcpy(s.name, "one-too-many");
	ck_assert_err(ecap_policy_scenario_set(p, &s, &err), ECAP_ERR_LIMIT,
		      err, "one-too-many");
}
END_TEST

START_TEST(key_listing)
{
	struct ecap_key_info ki;
	size_t i, n = ecap_policy_key_count();

	ECAP_STRUCT_INIT(&ki);
	ck_assert_uint_gt(n, 40);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(ecap_policy_key_at(i, &ki, &err), 0);
		ck_assert_ptr_nonnull(ki.name);
		ck_assert_ptr_nonnull(ki.unit);
		ck_assert_ptr_nonnull(ki.description);
		ck_assert(ki.type >= ECAP_TYPE_DOUBLE && ki.type <= ECAP_TYPE_BOOL);
		if (ki.type == ECAP_TYPE_DOUBLE) {
			double v = getd(ki.name);

			ck_assert_double_near(v, ki.default_double);
			ck_assert(ki.min_double <= v && v <= ki.max_double);
			/* The checks rely on it: a value within a key's
			 * range is finite (ecap__check_override_double). */
			ck_assert_msg(ki.min_double > -1e308 &&
					      ki.max_double < 1e308,
				      "%s has an infinite range", ki.name);
		} else if (ki.type == ECAP_TYPE_STRING) {
			ck_assert_str_eq(gets_(ki.name), ki.default_string);
		} else {
			int64_t v = geti(ki.name);

			ck_assert_int_eq(v, ki.default_int64);
			ck_assert(ki.min_int64 <= v && v <= ki.max_int64);
		}
	}
	ck_assert_err(ecap_policy_key_at(n, &ki, &err), ECAP_ERR_RANGE, err, "index");
	ck_assert_int_eq(ecap_policy_key_find("kafka.retention_hours", &ki, &err), 0);
	ck_assert_int_eq(ki.type, ECAP_TYPE_DOUBLE);
	ck_assert_str_eq(ki.unit, "hours");
	ck_assert_err(ecap_policy_key_find("kafka.retention", &ki, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "kafka.retention");
}
END_TEST

START_TEST(copy_is_independent)
{
	ecap_policy *q = NULL;
	double v;

	ck_assert_int_eq(ecap_policy_copy(p, &q, &err), 0);
	ck_assert_int_eq(ecap_policy_set_double(q, "partition.target_size_mb", 64, &err), 0);
	ck_assert_double_near(getd("partition.target_size_mb"), 128.0);
	ck_assert_int_eq(ecap_policy_get_double(q, "partition.target_size_mb", &v, &err), 0);
	ck_assert_double_near(v, 64.0);
	ecap_policy_free(&q);
	ecap_policy_free(&q);
	ecap_policy_free(NULL);
	ck_assert_err(ecap_policy_new(NULL, &err), ECAP_ERR_INVALID, err, "out");
	ck_assert_err(ecap_policy_copy(NULL, &q, &err), ECAP_ERR_INVALID, err, "policy");
}
END_TEST

static void *
reader(void *arg)
{
	const ecap_policy *shared = arg;
	struct ecap_error e;
	double v = 0;
	int i, bad = 0;

	ECAP_STRUCT_INIT(&e);
	for (i = 0; i < 20000; i++) {
		if (ecap_policy_get_double(shared, "partition.target_size_mb", &v, &e) != 0 ||
		    v != 128.0)
			bad++;
	}
	return (void *)(intptr_t)bad;
}

START_TEST(shared_across_threads)
{
	pthread_t t[4];
	void *res;
	int i;

	for (i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_create(&t[i], NULL, reader, p), 0);
	for (i = 0; i < 4; i++) {
		ck_assert_int_eq(pthread_join(t[i], &res), 0);
		ck_assert_int_eq((int)(intptr_t)res, 0);
	}
}
END_TEST

/* Value type names: "double", "int64", "string", "bool", both ways. */
START_TEST(value_type_names)
{
	static const char *const names[] = { "double", "int64", "string",
					     "bool" };
	int32_t t, v;

	for (t = ECAP_TYPE_DOUBLE; t <= ECAP_TYPE_BOOL; t++) {
		ck_assert_str_eq(ecap_value_type_to_string(t), names[t - 1]);
		ck_assert_int_eq(ecap_value_type_from_string(names[t - 1], &v,
							     &err), 0);
		ck_assert_int_eq(v, t);
	}
	ck_assert_ptr_null(ecap_value_type_to_string(0));
	ck_assert_ptr_null(ecap_value_type_to_string(5));
	ck_assert_err(ecap_value_type_from_string("Double", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "type");
	ck_assert_err(ecap_value_type_from_string(NULL, &v, &err),
		      ECAP_ERR_INVALID, err, "name");
}
END_TEST

Suite *
policy_suite(void)
{
	Suite *s = suite_create("policy");
	TCase *tc = tcase_create("policy");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, defaults_are_the_guides);
	tcase_add_test(tc, default_scenarios_are_the_guides);
	tcase_add_test(tc, set_get_roundtrip);
	tcase_add_test(tc, set_rejects_bad_values_and_keeps_policy);
	tcase_add_test(tc, unknown_keys_and_types);
	tcase_add_test(tc, dynamic_keys_validate);
	tcase_add_test(tc, scenarios_add_replace_remove);
	tcase_add_test(tc, scenarios_fill_up);
	tcase_add_test(tc, key_listing);
	tcase_add_test(tc, copy_is_independent);
	tcase_add_test(tc, shared_across_threads);
	tcase_add_test(tc, value_type_names);
	suite_add_tcase(s, tc);
	return s;
}
