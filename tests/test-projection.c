/* SPDX-License-Identifier: MIT */
/*
 * Growth projection: the guide's project_capacity_needs by hand, year
 * counts 1 and 50, custom scenarios from JSON, bad input, JSON rendering
 * and the Monte Carlo projection (ordering, zero-spread convergence and a
 * golden run computed by an independent implementation of the generator).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "fixture.h"

#define MAXY 50

static struct ecap_projection_in in;
static struct ecap_projection_year years[MAXY];
static struct ecap_projection_montecarlo_in mcin;
static struct ecap_projection_montecarlo_year mc[MAXY];

static void
setup(void)
{
	size_t i;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&mcin);
	for (i = 0; i < MAXY; i++) {
		ECAP_STRUCT_INIT(&years[i]);
		ECAP_STRUCT_INIT(&mc[i]);
	}
	policy_setup();
}

static size_t
project(double tx, int64_t n, const char *scenario)
{
	size_t count = MAXY;

	in.current_daily_transactions = tx;
	in.years = n;
	snprintf(in.scenario, sizeof(in.scenario), "%s", scenario);
	ck_assert_msg(ecap_projection_run(p, &in, years, &count, &err) == 0,
		      "%s", err.message);
	ck_assert_uint_eq(count, (size_t)n);
	return count;
}

static void
montecarlo(double tx, int64_t n, const char *scenario, uint64_t seed,
	   int64_t paths)
{
	size_t count = MAXY;

	mcin.current_daily_transactions = tx;
	mcin.years = n;
	snprintf(mcin.scenario, sizeof(mcin.scenario), "%s", scenario);
	mcin.seed = seed;
	mcin.paths_count = paths;
	ck_assert_msg(ecap_projection_montecarlo(p, &mcin, mc, &count, &err) == 0,
		      "%s", err.message);
	ck_assert_uint_eq(count, (size_t)n);
}

START_TEST(guide_conservative)
{
	use_model("guide");
	project(100000, 3, "conservative");
	/* guide: base = 100000 * 1.5 ** 1 = 150000, peak = * 2.0 = 300000 */
	ck_assert_int_eq(years[0].year, 1);
	ck_assert_int_eq(years[0].model, ECAP_MODEL_GUIDE);
	ck_assert_double_near(years[0].base_daily_transactions, 150000.0);
	ck_assert_double_near(years[0].peak_daily_transactions, 300000.0);
	/* Spark: 300000 / 100000 = 3 GB; calculate_spark_resources(3):
	 * max(2, int(3 / (10 * 2))) = 2 executors of min(8, max(4, 9 / 2))
	 * = 4.5 GB; int(9 / 4.5) = 2; 2 * 0.20 = 0.40 USD/hour */
	ck_assert_double_near(years[0].spark_daily_data_gb, 3.0);
	ck_assert_int_eq(years[0].spark_executors_count, 2);
	ck_assert_double_near(years[0].spark_executor_memory_gb, 4.5);
	ck_assert_double_near(years[0].spark_cost_usd_per_hour, 0.4);
	/* the 8-hour window every day: 0.40 * 8 * 720 / 24 = 96 */
	ck_assert_double_near(years[0].spark_cost_usd_per_month, 96.0);
	/* database: 300000 * 2 * 1.3 / 2^20 * 365 * 2 * 0.25 = 135.755...
	 * GB > 64 -> db.r6g.4xlarge at 2.016 * 720 = 1451.52 */
	ck_assert_double_near(years[0].database_memory_required_gb,
			      300000 * 2 * 1.3 / 1024 / 1024 * 365 * 2 * 0.25);
	ck_assert_str_eq(years[0].database_instance_class, "db.r6g.4xlarge");
	ck_assert_int_eq(years[0].database_fits_flag, 0);
	ck_assert_double_near(years[0].database_cost_usd_per_month, 1451.52);
	/* Kafka: 300000 / 86400 events/s; 300000 * 0.75 * 3 / 2^20 =
	 * 0.6437 GB a day; max(12, int(0.6437 * 1024 / 50 = 13.18)) = 13
	 * partitions; max(3, int(1.3)) = 3 brokers at 414.72 */
	ck_assert_double_near(years[0].kafka_events_per_second, 300000.0 / 86400.0);
	ck_assert_int_eq(years[0].kafka_partitions_count, 13);
	ck_assert_int_eq(years[0].kafka_brokers_count, 3);
	ck_assert_double_near(years[0].kafka_cost_usd_per_month, 414.72);
	/* 96 + 1451.52 + 414.72 */
	ck_assert_double_near(years[0].total_cost_usd_per_month, 1962.24);
	/* year 3: 100000 * 1.5 ** 3 = 337500, peak 675000 */
	ck_assert_int_eq(years[2].year, 3);
	ck_assert_double_near(years[2].base_daily_transactions, 337500.0);
	ck_assert_double_near(years[2].peak_daily_transactions, 675000.0);
}
END_TEST

START_TEST(guide_truncates_reported_transactions)
{
	use_model("guide");
	project(100001, 1, "conservative");
	/* int(150001.5) = 150001, int(300003.0) = 300003 */
	ck_assert_double_near(years[0].base_daily_transactions, 150001.0);
	ck_assert_double_near(years[0].peak_daily_transactions, 300003.0);
	use_model("ecap-1");
	project(100001, 1, "conservative");
	ck_assert_double_near(years[0].base_daily_transactions, 150001.5);
}
END_TEST

START_TEST(ecap1_intraday_peak_and_catalog)
{
	project(100000, 1, "");		/* "" = growth.default_scenario */
	ck_assert_double_near(years[0].peak_daily_transactions, 300000.0);
	/* Kafka peak = 300000 / 86400 * growth.intraday_peak_factor 2 */
	ck_assert_double_near(years[0].kafka_peak_events_per_second,
			      300000.0 / 86400.0 * 2.0);
	/* ecap-1: one primary, the database advisor's answer for the peak
	 * day (instance, storage and IOPS), never N copies */
	{
		struct ecap_database_in din;
		struct ecap_database_out dout;

		ECAP_STRUCT_INIT(&din);
		ECAP_STRUCT_INIT(&dout);
		din.transactions_per_day = 300000;
		ck_assert_int_eq(ecap_database_advise(p, &din, &dout, &err), 0);
		ck_assert_int_eq(years[0].database_instances_count, 1);
		ck_assert_str_eq(years[0].database_instance_class,
				 dout.instance_class);
		ck_assert_double_near(years[0].database_cost_usd_per_month,
				      dout.cost_usd_per_month);
		ck_assert_double_near(years[0].total_cost_usd_per_month,
				      years[0].spark_cost_usd_per_month +
				      dout.cost_usd_per_month +
				      years[0].kafka_cost_usd_per_month);
	}
	{
		char buf[ECAP_EXPLAIN_MAX];

		ck_assert_int_eq(ecap_projection_year_explain(
					 &years[0], buf, sizeof(buf), &err), 0);
		ck_assert_msg(strstr(buf, "year 1: peak 300000 "
					  "transactions/day") != NULL &&
				      strstr(buf, " x1 for ") != NULL,
			      "%s", buf);
	}
}
END_TEST

START_TEST(one_and_fifty_years)
{
	project(1000, 1, "enterprise");
	/* 1000 * 1.25 = 1250, peak * 1.5 = 1875 */
	ck_assert_double_near(years[0].base_daily_transactions, 1250.0);
	ck_assert_double_near(years[0].peak_daily_transactions, 1875.0);
	project(1000, 50, "enterprise");
	ck_assert_int_eq(years[49].year, 50);
	/* 1000 * 1.25 ** 50 = 70064923.216... */
	ck_assert_double_near(years[49].base_daily_transactions,
			      1000 * pow(1.25, 50));
	ck_assert_double_near(years[49].peak_daily_transactions,
			      1000 * pow(1.25, 50) * 1.5);
}
END_TEST

START_TEST(custom_scenario_from_json)
{
	static const char doc[] =
		"{\"growth.scenarios\": {\"flat\": {\"yearly_growth_ratio\": 0,"
		" \"seasonal_peak_factor\": 1}}}";

	ck_assert_int_eq(ecap_policy_load_json(p, doc, sizeof(doc) - 1, &err), 0);
	project(5000, 2, "flat");
	/* no growth, no peak: 5000 each year */
	ck_assert_double_near(years[1].base_daily_transactions, 5000.0);
	ck_assert_double_near(years[1].peak_daily_transactions, 5000.0);
}
END_TEST

START_TEST(bad_input)
{
	size_t count = MAXY;

	in.current_daily_transactions = 1000;
	in.years = 0;
	ck_assert_err(ecap_projection_run(p, &in, years, &count, &err),
		      ECAP_ERR_RANGE, err, "years");
	in.years = 51;
	ck_assert_err(ecap_projection_run(p, &in, years, &count, &err),
		      ECAP_ERR_RANGE, err, "years");
	in.years = 3;
	in.current_daily_transactions = -1;
	ck_assert_err(ecap_projection_run(p, &in, years, &count, &err),
		      ECAP_ERR_RANGE, err, "current_daily_transactions");
	in.current_daily_transactions = 0;
	ck_assert_err(ecap_projection_run(p, &in, years, &count, &err),
		      ECAP_ERR_RANGE, err, "current_daily_transactions");
	in.current_daily_transactions = NAN;
	ck_assert_err(ecap_projection_run(p, &in, years, &count, &err),
		      ECAP_ERR_INVALID, err, "current_daily_transactions");
	in.current_daily_transactions = 1000;
	snprintf(in.scenario, sizeof(in.scenario), "hyper");
	ck_assert_err(ecap_projection_run(p, &in, years, &count, &err),
		      ECAP_ERR_NOT_FOUND, err, "scenario");
	memset(in.scenario, 'x', sizeof(in.scenario));
	ck_assert_err(ecap_projection_run(p, &in, years, &count, &err),
		      ECAP_ERR_INVALID, err, "scenario");
	in.scenario[0] = '\0';
	/* too small an array: NOSPACE and the count needed */
	count = 2;
	ck_assert_err(ecap_projection_run(p, &in, years, &count, &err),
		      ECAP_ERR_NOSPACE, err, "count");
	ck_assert_uint_eq(count, 3);
	ck_assert_err(ecap_projection_run(p, &in, years, NULL, &err),
		      ECAP_ERR_INVALID, err, "count");
	ck_assert_err(ecap_projection_run(NULL, &in, years, &count, &err),
		      ECAP_ERR_INVALID, err, "policy");
	count = MAXY;
	years[0].sz = 8;
	ck_assert_err(ecap_projection_run(p, &in, years, &count, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_projection_year");
	years[0].sz = sizeof(years[0]);
	/* 1e6 a day growing 100 % a year overflows 1e12 before year 50 */
	in.current_daily_transactions = 1e6;
	in.years = 50;
	snprintf(in.scenario, sizeof(in.scenario), "aggressive");
	ck_assert_err(ecap_projection_run(p, &in, years, &count, &err),
		      ECAP_ERR_RANGE, err, "years");
	/* Monte Carlo: the same checks, and the path count */
	mcin.current_daily_transactions = 1000;
	mcin.years = 51;
	ck_assert_err(ecap_projection_montecarlo(p, &mcin, mc, &count, &err),
		      ECAP_ERR_RANGE, err, "years");
	mcin.years = 2;
	mcin.paths_count = -1;
	ck_assert_err(ecap_projection_montecarlo(p, &mcin, mc, &count, &err),
		      ECAP_ERR_RANGE, err, "paths_count");
	mcin.paths_count = 1000001;
	ck_assert_err(ecap_projection_montecarlo(p, &mcin, mc, &count, &err),
		      ECAP_ERR_RANGE, err, "paths_count");
	mcin.paths_count = 10;
	snprintf(mcin.scenario, sizeof(mcin.scenario), "nope");
	ck_assert_err(ecap_projection_montecarlo(p, &mcin, mc, &count, &err),
		      ECAP_ERR_NOT_FOUND, err, "scenario");
}
END_TEST

START_TEST(json_rendering)
{
	char *json = NULL;

	use_model("guide");
	project(100000, 2, "conservative");
	ck_assert_int_eq(ecap_projection_to_json(years, 2, &json, &err), 0);
	ck_assert_ptr_nonnull(json);
	ck_assert_msg(strstr(json, "\"model\": \"guide\"") != NULL, "%s", json);
	ck_assert_msg(strstr(json, "\"year\": 2") != NULL, "%s", json);
	ck_assert_msg(strstr(json, "\"peak_daily_transactions\": 300000") != NULL, "%s", json);
	ck_assert_msg(strstr(json, "\"database_instance_class\": \"db.r6g.4xlarge\"") != NULL, "%s", json);
	ecap_free(json);
	ck_assert_err(ecap_projection_to_json(years, 0, &json, &err),
		      ECAP_ERR_RANGE, err, "count");
	ck_assert_err(ecap_projection_to_json(years, 2, NULL, &err),
		      ECAP_ERR_INVALID, err, "json");
	ECAP_STRUCT_INIT(&years[0]);
	ck_assert_err(ecap_projection_to_json(years, 1, &json, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "model");
	montecarlo(100000, 2, "conservative", 7, 100);
	ck_assert_int_eq(ecap_projection_montecarlo_to_json(mc, 2, &json, &err), 0);
	ck_assert_msg(strstr(json, "\"total_cost_p99_usd_per_month\"") != NULL, "%s", json);
	ecap_free(json);
}
END_TEST

/*
 * Text is escaped by jansson: a caller-edited reason with a quote, a
 * backslash, a newline and a control character renders as JSON escapes
 * ("\"", "\\", "\n", "\u0001"); text that is not UTF-8, an unterminated
 * class name and a NaN are refused naming the member and the year.
 */
START_TEST(json_escapes_and_refuses)
{
	char *json = NULL;

	project(100000, 2, "conservative");
	snprintf(years[1].database_instance_class,
		 sizeof(years[1].database_instance_class),
		 "say \"hi\" \\ now\n\001");
	ck_assert_int_eq(ecap_projection_to_json(years, 2, &json, &err), 0);
	ck_assert_msg(strstr(json, "\"database_instance_class\": \"say \\\"hi"
			     "\\\" \\\\ now\\n\\u0001\"") != NULL, "%s", json);
	/* the sentence is rendered into the JSON, escaped the same way */
	ck_assert_msg(strstr(json, "\"reason_text\": \"year 2: peak ") != NULL &&
			      strstr(json, "executors, say \\\"hi") != NULL,
		      "%s", json);
	ecap_free(json);
	/* 0xff never occurs in UTF-8 */
	snprintf(years[1].database_instance_class,
		 sizeof(years[1].database_instance_class), "\xff");
	ck_assert_err(ecap_projection_to_json(years, 2, &json, &err),
		      ECAP_ERR_INVALID, err, "database_instance_class");
	ck_assert_ptr_null(json);
	ck_assert_msg(strstr(err.message, "years[1]") != NULL, "%s",
		      err.message);
	snprintf(years[1].database_instance_class,
		 sizeof(years[1].database_instance_class), "db.r6g.xlarge");
	memset(years[0].database_instance_class, 'x',
	       sizeof(years[0].database_instance_class));
	ck_assert_err(ecap_projection_to_json(years, 2, &json, &err),
		      ECAP_ERR_INVALID, err, "database_instance_class");
	years[0].database_instance_class[0] = '\0';
	years[0].total_cost_usd_per_month = NAN;
	ck_assert_err(ecap_projection_to_json(years, 2, &json, &err),
		      ECAP_ERR_INVALID, err, "total_cost_usd_per_month");
	montecarlo(100000, 1, "conservative", 7, 10);
	mc[0].kafka_brokers_p90_count = INFINITY;
	ck_assert_err(ecap_projection_montecarlo_to_json(mc, 1, &json, &err),
		      ECAP_ERR_INVALID, err, "kafka_brokers_p90_count");
}
END_TEST

/* With no spread every path is the deterministic projection. */
START_TEST(montecarlo_converges_without_spread)
{
	const char *const models[] = { "guide", "ecap-1" };
	size_t m, i;

	for (m = 0; m < 2; m++) {
		use_model(models[m]);
		project(250000, 5, "aggressive");
		montecarlo(250000, 5, "aggressive", 1, 50);
		for (i = 0; i < 5; i++) {
			ck_assert_int_eq(mc[i].year, (int)i + 1);
			ck_assert_double_near(mc[i].spark_executors_p50_count,
					      (double)years[i].spark_executors_count);
			ck_assert_double_near(mc[i].spark_executors_p99_count,
					      (double)years[i].spark_executors_count);
			ck_assert_double_near(mc[i].database_memory_p50_gb,
					      years[i].database_memory_required_gb);
			ck_assert_double_near(mc[i].database_memory_p90_gb,
					      years[i].database_memory_required_gb);
			ck_assert_double_near(mc[i].kafka_brokers_p99_count,
					      (double)years[i].kafka_brokers_count);
			ck_assert_double_near(mc[i].total_cost_p50_usd_per_month,
					      years[i].total_cost_usd_per_month);
			ck_assert_double_near(mc[i].total_cost_p99_usd_per_month,
					      years[i].total_cost_usd_per_month);
		}
	}
}
END_TEST

static void
add_spread_scenario(void)
{
	struct ecap_scenario s;

	ECAP_STRUCT_INIT(&s);
	snprintf(s.name, sizeof(s.name), "noisy");
	s.yearly_growth_ratio = 0.3;
	s.seasonal_peak_factor = 2.0;
	s.yearly_growth_sd_ratio = 0.2;
	s.seasonal_peak_sd_factor = 0.5;
	ck_assert_int_eq(ecap_policy_scenario_set(p, &s, &err), 0);
}

START_TEST(montecarlo_ordered_and_reproducible)
{
	struct ecap_projection_montecarlo_year first[5];
	size_t i;

	add_spread_scenario();
	montecarlo(1e6, 5, "noisy", 12345, 2000);
	for (i = 0; i < 5; i++) {
		ck_assert(mc[i].spark_executors_p50_count <= mc[i].spark_executors_p90_count);
		ck_assert(mc[i].spark_executors_p90_count <= mc[i].spark_executors_p99_count);
		ck_assert(mc[i].database_memory_p50_gb <= mc[i].database_memory_p90_gb);
		ck_assert(mc[i].database_memory_p90_gb <= mc[i].database_memory_p99_gb);
		ck_assert(mc[i].kafka_brokers_p50_count <= mc[i].kafka_brokers_p90_count);
		ck_assert(mc[i].kafka_brokers_p90_count <= mc[i].kafka_brokers_p99_count);
		ck_assert(mc[i].total_cost_p50_usd_per_month <= mc[i].total_cost_p90_usd_per_month);
		ck_assert(mc[i].total_cost_p90_usd_per_month <= mc[i].total_cost_p99_usd_per_month);
		/* with a 0.5 peak spread the spread shows */
		ck_assert(mc[i].database_memory_p50_gb < mc[i].database_memory_p99_gb);
	}
	memcpy(first, mc, sizeof(first));
	montecarlo(1e6, 5, "noisy", 12345, 2000);
	ck_assert(memcmp(first, mc, sizeof(first)) == 0);
	montecarlo(1e6, 5, "noisy", 12346, 2000);
	ck_assert(memcmp(first, mc, sizeof(first)) != 0);
}
END_TEST

/*
 * Golden numbers from an independent Python implementation of the
 * documented generator (SplitMix64 seeding xoshiro256**, Irwin-Hall 12,
 * year-major draws, clamps, nearest rank) and of the guide model's database
 * memory, max(16, tx * 2 * 1.3 / 1024 / 1024 * 365 * 2 * 0.25), for 1e6
 * transactions, growth 0.3 +- 0.2, peak 2 +- 0.5, seed 42, 101 paths,
 * 2 years.  The man page promises the same bits everywhere, so the
 * comparison is exact (the literals are Python's repr).
 */
START_TEST(montecarlo_golden)
{
	use_model("guide");
	add_spread_scenario();
	montecarlo(1e6, 2, "noisy", 42, 101);
	ck_assert(mc[0].database_memory_p50_gb == 1164.8474102112207);
	ck_assert(mc[0].database_memory_p90_gb == 1571.9808427305327);
	ck_assert(mc[0].database_memory_p99_gb == 1936.5222626965767);
	ck_assert(mc[1].database_memory_p50_gb == 1359.2507414862064);
	ck_assert(mc[1].database_memory_p90_gb == 2134.1368069298496);
	ck_assert(mc[1].database_memory_p99_gb == 3081.628083237648);
}
END_TEST

static void
add_scenario(const char *name, double g, double peak, double sd)
{
	struct ecap_scenario s;

	ECAP_STRUCT_INIT(&s);
	snprintf(s.name, sizeof(s.name), "%s", name);
	s.yearly_growth_ratio = g;
	s.seasonal_peak_factor = peak;
	s.yearly_growth_sd_ratio = sd;
	s.seasonal_peak_sd_factor = sd;
	ck_assert_int_eq(ecap_policy_scenario_set(p, &s, &err), 0);
}

/*
 * The clamps, by the same independent Python, seed 2026, 1000 paths,
 * 1 year, both spreads 10:
 * - growth 0, peak 1: 451 growth draws fall below -0.99 and 489 peak draws
 *   below 1, and are clamped there.
 * - growth 95, peak 95: 327 growth draws rise above 100 and 316 peak draws
 *   above 100.  P99 is the doubly clamped path, checkable by hand:
 *   1e5 * (1 + 100) * 100 = 1.01e9 transactions;
 *   1.01e9 * 2 * 1.3 / 1024 / 1024 = 2504.3487548828125 GB a day;
 *   * 365 * 2 * 0.25 = 457043.6477661133 GB.
 */
START_TEST(montecarlo_clamps)
{
	use_model("guide");
	add_scenario("low", 0.0, 1.0, 10.0);
	add_scenario("high", 95.0, 95.0, 10.0);
	montecarlo(1e8, 1, "low", 2026, 1000);
	ck_assert(mc[0].database_memory_p50_gb == 85375.39299151876);
	ck_assert(mc[0].database_memory_p90_gb == 3185294.956166532);
	ck_assert(mc[0].database_memory_p99_gb == 12209331.744486203);
	montecarlo(1e5, 1, "high", 2026, 1000);
	ck_assert(mc[0].database_memory_p50_gb == 401100.5353414618);
	ck_assert(mc[0].database_memory_p90_gb == 456663.6569201812);
	ck_assert(mc[0].database_memory_p99_gb == 457043.6477661133);
}
END_TEST

/* ecap-1: more transactions never need less. */
START_TEST(projection_monotonic)
{
	struct ecap_projection_year prev;
	double tx;

	for (tx = 1000, prev = years[0]; tx < 1e9; tx *= 3.7) {
		project(tx, 1, "conservative");
		if (tx > 1000) {
			ck_assert(years[0].database_memory_required_gb >=
				  prev.database_memory_required_gb);
			ck_assert(years[0].database_storage_gb >= prev.database_storage_gb);
			ck_assert(years[0].kafka_partitions_count >= prev.kafka_partitions_count);
			ck_assert(years[0].kafka_brokers_count >= prev.kafka_brokers_count);
			ck_assert(years[0].total_cost_usd_per_month >=
				  prev.total_cost_usd_per_month);
		}
		prev = years[0];
	}
}
END_TEST

Suite *
projection_suite(void)
{
	Suite *s = suite_create("projection");
	TCase *tc = tcase_create("projection");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, guide_conservative);
	tcase_add_test(tc, guide_truncates_reported_transactions);
	tcase_add_test(tc, ecap1_intraday_peak_and_catalog);
	tcase_add_test(tc, one_and_fifty_years);
	tcase_add_test(tc, custom_scenario_from_json);
	tcase_add_test(tc, bad_input);
	tcase_add_test(tc, json_rendering);
	tcase_add_test(tc, json_escapes_and_refuses);
	tcase_add_test(tc, montecarlo_converges_without_spread);
	tcase_add_test(tc, montecarlo_ordered_and_reproducible);
	tcase_add_test(tc, montecarlo_golden);
	tcase_add_test(tc, montecarlo_clamps);
	tcase_add_test(tc, projection_monotonic);
	suite_add_tcase(s, tc);
	return s;
}
