/* SPDX-License-Identifier: MIT */
/*
 * Growth projection: the guide's project_capacity_needs by hand, ecap-1's
 * years by hand for each built-in scenario (base volume for what is kept,
 * peak for compute), the flags, cost parts that add up, growth that never
 * lowers a cost, year counts 1 and 50, custom scenarios from JSON, bad
 * input and JSON rendering.  The Monte Carlo is in test-projection-mc.c.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "fixture.h"

#define MAXY 50

static struct ecap_projection_in in;
static struct ecap_projection_year years[MAXY];

static void
setup(void)
{
	size_t i;

	ECAP_STRUCT_INIT(&in);
	for (i = 0; i < MAXY; i++)
		ECAP_STRUCT_INIT(&years[i]);
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

/* A scenario without spread. */
static void
add_flat_scenario(const char *name, double growth, double peak)
{
	struct ecap_scenario sc;

	ECAP_STRUCT_INIT(&sc);
	snprintf(sc.name, sizeof(sc.name), "%s", name);
	sc.yearly_growth_ratio = growth;
	sc.seasonal_peak_factor = peak;
	ck_assert_int_eq(ecap_policy_scenario_set(p, &sc, &err), 0);
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

/*
 * ecap-1, conservative, 100,000 a day, year 1: base 100000 * 1.5 = 150000,
 * peak * 2.0 = 300000.  Kept data follows the base, compute the peak.
 */
START_TEST(ecap1_base_keeps_peak_computes)
{
	project(100000, 1, "");		/* "" = growth.default_scenario */
	ck_assert_double_near(years[0].base_daily_transactions, 150000.0);
	ck_assert_double_near(years[0].peak_daily_transactions, 300000.0);
	ck_assert_double_near(years[0].growth_multiple_ratio, 1.5);
	/* Kafka: average 150000 / 86400 = 1.736 events/s; busiest hour of
	 * the peak day 300000 / 86400 * growth.intraday_peak_factor 2 */
	ck_assert_double_near(years[0].kafka_events_per_second,
			      150000.0 / 86400.0);
	ck_assert_double_near(years[0].kafka_peak_events_per_second,
			      300000.0 / 86400.0 * 2.0);
	/* retained: 1.736 * 0.75 KB / 1024 = 0.0012716 MB/s * 168 h * 3600
	 * * RF 3 / 1024 = 2.2522 GB; one open segment per replica, rolled
	 * after 168 hours: min(1 GiB, 0.0012716 / 12 partitions * 168 * 3600
	 * / 1024 = 0.0626 GB) * 12 * 3 = 2.2532 GB; * 1.3 headroom = 5.857
	 * GB over 3 brokers: ceil(1.95) = 2 GB each; the cheapest size,
	 * kafka.m7g.large (0.204 USD/hour): 3 * 0.204 * 720 = 440.64 +
	 * 3 * 2 * 0.10 = 0.60 */
	ck_assert_str_eq(years[0].kafka_broker_type, "kafka.m7g.large");
	ck_assert_int_eq(years[0].kafka_brokers_count, 3);
	ck_assert_int_eq(years[0].kafka_partitions_count, 12);
	ck_assert_double_near(years[0].kafka_storage_per_broker_gb, 2.0);
	ck_assert_double_near(years[0].kafka_broker_cost_usd_per_month, 440.64);
	ck_assert_double_near(years[0].kafka_storage_cost_usd_per_month, 0.60);
	ck_assert_double_near(years[0].kafka_cost_usd_per_month, 441.24);
	/* database, kept data from the base: 150000 * 2 KB * 1.3 / 2^20 =
	 * 0.3719 GB a day; * 365 days * 2 (analytics) = 271.5 GB, * 1.2
	 * buffer: ceil(325.8) = 326 GB of storage (the peak would make it
	 * 652); working set 7 days = 2.60 GB / 0.75 cached = 3.47 GB, below
	 * the 16 GB floor.  Compute from the peak day's busiest hour:
	 * 300000 / 86400 * 2 = 6.94 transactions/s: ceil(6.94 / 200) = 1
	 * vCPU, the pools 10 x 10 / 50 = 2 vCPUs.  The cheapest Multi-AZ
	 * class with 16 GB and 2 vCPUs: db.r6g.large at 0.450 * 720 = 324;
	 * storage 326 * 0.115 * 2 copies = 74.98; IOPS 4 * 6.94 = 28 are
	 * within gp3's 3000. */
	ck_assert_double_near(years[0].database_storage_gb, 326.0);
	ck_assert_double_near(years[0].database_memory_required_gb, 16.0);
	ck_assert_double_near(years[0].database_vcpu_required_count, 2.0);
	ck_assert_str_eq(years[0].database_instance_class, "db.r6g.large");
	ck_assert_int_eq(years[0].database_instances_count, 1);
	ck_assert_double_near(years[0].database_instance_cost_usd_per_month, 324.0);
	ck_assert_double_near(years[0].database_storage_cost_usd_per_month, 74.98);
	ck_assert_double_near(years[0].database_iops_cost_usd_per_month, 0.0);
	ck_assert_double_near(years[0].database_cost_usd_per_month, 398.98);
	ck_assert_int_eq(years[0].database_beyond_one_instance_flag, 0);
	ck_assert_double_near(years[0].total_cost_usd_per_month,
			      years[0].spark_cost_usd_per_month +
			      years[0].database_cost_usd_per_month + 441.24);
	/* Spark, the peak day: 300000 / 100000 = 3 GB; the advisor's node,
	 * one m6g.4xlarge (0.616 USD/hour + 64 GB EBS at 0.08 / 720 =
	 * 0.6231 USD/hour) with 2 executors of 5 cores: 3 GB / (2 * 5 *
	 * 5 GB/core-hour) = 0.06 h; (0.06 + 0.1 h start-up) * 0.6231 * 30
	 * runs = 2.99 USD for a month of peak days.  Spark is paid per run,
	 * so the month costs base days: 150000 / 100000 = 1.5 GB on the same
	 * one node, 1.5 / 50 = 0.03 h; (0.03 + 0.1) * 0.6231 * 30 = 2.43 */
	ck_assert_str_eq(years[0].spark_node_type, "m6g.4xlarge");
	ck_assert_int_eq(years[0].spark_node_count, 1);
	ck_assert_int_eq(years[0].spark_executors_count, 2);
	ck_assert_double_near(years[0].spark_projected_hours, 0.06);
	ck_assert_double_near(years[0].spark_cost_usd_per_hour,
			      0.616 + 64 * 0.08 / 720);
	ck_assert_double_near(years[0].spark_peak_cost_usd_per_month,
			      (0.616 + 64 * 0.08 / 720) * (0.06 + 0.1) * 30);
	ck_assert_double_near(years[0].spark_cost_usd_per_month,
			      (0.616 + 64 * 0.08 / 720) * (0.03 + 0.1) * 30);
	ck_assert_int_eq(years[0].spark_window_missed_flag, 0);
	ck_assert_int_eq(years[0].spark_executors_capped_flag, 0);
	ck_assert_str_eq(years[0].currency, "USD");
	ck_assert_str_eq(years[0].price_date, "2026-11-27");
	ck_assert_int_eq(years[0].review_architecture_flag, 0);
	{
		char buf[ECAP_EXPLAIN_MAX];

		ck_assert_int_eq(ecap_projection_year_explain(
					 &years[0], buf, sizeof(buf), &err), 0);
		ck_assert_str_eq(buf, "year 1: 150k tx/day (peak 300k): "
				      "Spark 1 x m6g.4xlarge, 0.06 h/run; "
				      "database db.r6g.large x1; Kafka 3 x "
				      "kafka.m7g.large; 842.65 USD/month");
		/* Volumes in three digits: 999,999.6 rounds to 1M, not
		 * "1e+03k"; 10,125,000 is 10.1M. */
		years[0].base_daily_transactions = 999999.6;
		years[0].peak_daily_transactions = 10125000.0;
		ck_assert_int_eq(ecap_projection_year_explain(
					 &years[0], buf, sizeof(buf), &err), 0);
		ck_assert_msg(strncmp(buf, "year 1: 1M tx/day (peak 10.1M): ",
				      32) == 0, "%s", buf);
	}
}
END_TEST

/*
 * Each built-in scenario, 1,000,000 a day, year 2 (base, peak; Kafka's
 * average and busiest-hour rates; database memory of the base):
 *   conservative: 1e6 * 1.5^2 = 2250000, * 2.0 = 4500000
 *   aggressive:   1e6 * 2.0^2 = 4000000, * 3.0 = 12000000
 *   enterprise:   1e6 * 1.25^2 = 1562500, * 1.5 = 2343750
 */
START_TEST(ecap1_builtin_scenarios_by_hand)
{
	static const struct {
		const char *name;
		double base, peak;
	} want[] = {
		{ "conservative", 2250000.0, 4500000.0 },
		{ "aggressive", 4000000.0, 12000000.0 },
		{ "enterprise", 1562500.0, 2343750.0 },
	};
	size_t i;

	for (i = 0; i < 3; i++) {
		project(1e6, 2, want[i].name);
		ck_assert_double_near(years[1].base_daily_transactions, want[i].base);
		ck_assert_double_near(years[1].peak_daily_transactions, want[i].peak);
		ck_assert_double_near(years[1].growth_multiple_ratio,
				      want[i].base / 1e6);
		/* Spark reads the peak day: peak / 100000 GB */
		ck_assert_double_near(years[1].spark_daily_data_gb,
				      want[i].peak / 100000.0);
		ck_assert_double_near(years[1].kafka_events_per_second,
				      want[i].base / 86400.0);
		ck_assert_double_near(years[1].kafka_peak_events_per_second,
				      want[i].peak / 86400.0 * 2.0);
		/* kept: base * 2 KB * 1.3 / 2^20 GB a day; storage
		 * ceil(* 365 * 2 * 1.2); memory the 7-day working set / 0.75
		 * (conservative 52.07 GB, aggressive 92.57, enterprise 36.16) */
		ck_assert_double_near(years[1].database_storage_gb,
				      ceil(want[i].base * 2 * 1.3 / 1048576 * 365 * 2 * 1.2));
		ck_assert_double_near(years[1].database_memory_required_gb,
				      want[i].base * 2 * 1.3 / 1048576 * 7 / 0.75);
		/* vCPUs for the peak day's busiest hour: peak / 86400 * 2 /
		 * 200 a vCPU, at least the pools' 2 */
		ck_assert_double_near(years[1].database_vcpu_required_count,
				      fmax(2.0, ceil(want[i].peak / 86400 * 2 / 200)));
		ck_assert_double_near(years[1].database_cost_usd_per_month,
				      years[1].database_instance_cost_usd_per_month +
				      years[1].database_replica_cost_usd_per_month +
				      years[1].database_storage_cost_usd_per_month +
				      years[1].database_iops_cost_usd_per_month);
		/* every part adds up */
		ck_assert_double_near(years[1].kafka_cost_usd_per_month,
				      years[1].kafka_broker_cost_usd_per_month +
				      years[1].kafka_storage_cost_usd_per_month);
		ck_assert_double_near(years[1].total_cost_usd_per_month,
				      years[1].spark_cost_usd_per_month +
				      years[1].database_cost_usd_per_month +
				      years[1].kafka_cost_usd_per_month);
	}
}
END_TEST

/*
 * Impossible years are flagged.  10,000,000 a day, aggressive (growth 1.0,
 * peak 3.0):
 * - year 3: base 8e7 (8x today: no review yet), peak 2.4e8 = 2400 GB;
 *   ecap-1 buys the nodes that meet the 8-hour window, past
 *   executor.max_executors (20): flagged, the window met.
 * - year 4: base 1.6e8 = 16x today >= growth.review_multiple_ratio 10.
 */
START_TEST(ecap1_flags)
{
	struct ecap_projection_year *y;

	project(1e7, 4, "aggressive");
	y = &years[2];
	ck_assert_int_eq(y->review_architecture_flag, 0);
	ck_assert_int_eq(y->spark_executors_over_policy_flag, 1);
	ck_assert(y->spark_executors_count > 20);
	ck_assert_int_eq(y->spark_window_missed_flag, 0);
	ck_assert_double_near(y->spark_window_hours, 8.0);
	ck_assert(y->spark_projected_hours <= 8.0);
	ck_assert_double_near(y->spark_window_miss_hours, 0.0);
	ck_assert_int_eq(years[3].review_architecture_flag, 1);
	ck_assert_double_near(years[3].growth_multiple_ratio, 16.0);
	/* the policy's threshold */
	ck_assert_int_eq(ecap_policy_set_double(p, "growth.review_multiple_ratio",
						2.0, &err), 0);
	project(1e7, 1, "aggressive");	/* base 2x today */
	ck_assert_int_eq(years[0].review_architecture_flag, 1);
	/* Kafka over its broker quota: a quota of 3, and 6e10 a day kept a
	 * week (6e10 / 86400 * 0.75 KB * 168 h * 3 replicas is about 1.5 PB,
	 * some 90 brokers of 16 TiB whatever their size) */
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.max_broker_count", 3,
					     &err), 0);
	project(3e10, 1, "aggressive");
	ck_assert_int_eq(years[0].kafka_quota_exceeded_flag, 1);
	ck_assert(years[0].kafka_brokers_count > 3);
	ck_assert_int_eq(years[0].database_beyond_one_instance_flag, 1);
	/* the guide asks for no review */
	use_model("guide");
	project(1e7, 1, "aggressive");
	ck_assert_int_eq(years[0].review_architecture_flag, 0);
}
END_TEST

/*
 * Growth never lowers a cost: with every other input equal, a scenario
 * growing faster costs at least as much in every year, part by part, from
 * a thousand to a billion transactions a day.
 */
START_TEST(growth_never_lowers_cost)
{
	static struct ecap_projection_year slow[MAXY];
	static const double growth[] = { 0.0, 0.1, 0.25, 0.5, 1.0, 1.5 };
	const char *const models[] = { "guide", "ecap-1" };
	double tx;
	size_t g, i, m;

	for (m = 0; m < 2; m++) {
		use_model(models[m]);
		for (tx = 1000; tx < 1e9; tx *= 7.3) {
			for (g = 0; g < sizeof(growth) / sizeof(growth[0]); g++) {
				add_flat_scenario("g", growth[g], 2.0);
				project(tx, 8, "g");
				for (i = 0; g > 0 && i < 8; i++) {
					ck_assert_msg(years[i].total_cost_usd_per_month >=
						      slow[i].total_cost_usd_per_month,
						      "%s: %g a day, growth %g, year %zu: "
						      "%.2f < %.2f", models[m], tx,
						      growth[g], i + 1,
						      years[i].total_cost_usd_per_month,
						      slow[i].total_cost_usd_per_month);
					ck_assert(years[i].spark_cost_usd_per_month >=
						  slow[i].spark_cost_usd_per_month);
					ck_assert(years[i].database_cost_usd_per_month >=
						  slow[i].database_cost_usd_per_month);
					ck_assert(years[i].kafka_cost_usd_per_month >=
						  slow[i].kafka_cost_usd_per_month);
				}
				memcpy(slow, years, sizeof(slow));
			}
		}
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
	ck_assert_msg(strstr(json, "\"reason_text\": \"year 2: 225k "
				   "tx/day") != NULL &&
			      strstr(json, "database say \\\"hi") != NULL,
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
}
END_TEST

/*
 * A year's sentence names every flag raised; the longest one (three
 * 63-character names, every flag, 17-digit numbers) fits
 * ECAP_EXPLAIN_MAX; a smaller buffer gets it truncated and NOSPACE; a
 * wrong sz or NULL buffer is refused.
 */
START_TEST(year_explain_flags_and_longest)
{
	char buf[ECAP_EXPLAIN_MAX], small[32];
	struct ecap_projection_year *y = &years[0];

	project(1e7, 4, "aggressive");
	ck_assert_int_eq(ecap_projection_year_explain(&years[3], buf,
						      sizeof(buf), &err), 0);
	ck_assert_msg(strstr(buf, "; executors over executor.max_executors; "
				  "database beyond one "
				  "instance; review: 16x today's volume") != NULL,
		      "%s", buf);
	memset(y->spark_node_type, 'n', sizeof(y->spark_node_type) - 1);
	memset(y->database_instance_class, 'd',
	       sizeof(y->database_instance_class) - 1);
	memset(y->kafka_broker_type, 'k', sizeof(y->kafka_broker_type) - 1);
	y->year = 50;
	y->base_daily_transactions = -1.23456789012345e-300;
	y->peak_daily_transactions = -1.23456789012345e-300;
	y->spark_node_count = y->spark_executors_count = INT64_MIN;
	y->database_instances_count = y->kafka_brokers_count = INT64_MIN;
	y->spark_projected_hours = -1.23456789e-300;
	y->total_cost_usd_per_month = -1e300;
	y->spark_window_missed_flag = y->spark_executors_over_policy_flag = 1;
	y->database_beyond_one_instance_flag = 1;
	y->kafka_quota_exceeded_flag = y->review_architecture_flag = 1;
	y->spark_window_miss_hours = y->growth_multiple_ratio = -1.23e-300;
	ck_assert_msg(ecap_projection_year_explain(y, buf, sizeof(buf), &err) ==
			      0, "%s", err.message);
	ck_assert_err(ecap_projection_year_explain(y, small, sizeof(small),
						   &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_uint_eq(strlen(small), sizeof(small) - 1);
	ck_assert_err(ecap_projection_year_explain(y, NULL, 8, &err),
		      ECAP_ERR_INVALID, err, "buf");
	y->sz = 8;
	ck_assert_err(ecap_projection_year_explain(y, buf, sizeof(buf), &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_projection_year");
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
	tcase_add_test(tc, ecap1_base_keeps_peak_computes);
	tcase_add_test(tc, ecap1_builtin_scenarios_by_hand);
	tcase_add_test(tc, ecap1_flags);
	tcase_add_test(tc, growth_never_lowers_cost);
	tcase_add_test(tc, year_explain_flags_and_longest);
	tcase_add_test(tc, one_and_fifty_years);
	tcase_add_test(tc, custom_scenario_from_json);
	tcase_add_test(tc, bad_input);
	tcase_add_test(tc, json_rendering);
	tcase_add_test(tc, json_escapes_and_refuses);
	tcase_add_test(tc, projection_monotonic);
	suite_add_tcase(s, tc);
	return s;
}
