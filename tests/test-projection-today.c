/* SPDX-License-Identifier: MIT */
/*
 * Growth projection of today's workload (ecap-1): the Spark daily data,
 * platform, node, window and runs, the Kafka events a second, and the
 * database's retention and pools of today's plan, each year grown as the
 * transactions are, so that a year is what the executor, database and
 * Kafka advisors answer for today's inputs times the growth; the
 * fallbacks; the guide, which ignores them; the Monte Carlo; bad input.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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

static void
project(int64_t n)
{
	size_t count = MAXY;

	in.years = n;
	ck_assert_msg(ecap_projection_run(p, &in, years, &count, &err) == 0,
		      "%s", err.message);
	ck_assert_uint_eq(count, (size_t)n);
}

/*
 * The pre-release review's workload (`ecaptune plan --events 20k/s
 * --platform kubernetes --daily-data 2TB`): 1.5M transactions a day, 2 TiB
 * = 2048 GB of Spark data on Kubernetes, 20,000 Kafka events a second.
 */
static void
reviewer_workload(void)
{
	in.current_daily_transactions = 1.5e6;
	in.spark_daily_data_gb = 2048.0;
	in.spark_platform = ECAP_SPARK_PLATFORM_KUBERNETES;
	in.kafka_events_per_second = 20000.0;
}

static void
advise_spark(double gb, struct ecap_executor_out *o)
{
	struct ecap_executor_in x;

	ECAP_STRUCT_INIT(&x);
	ECAP_STRUCT_INIT(o);
	x.daily_data_gb = gb;
	x.platform = in.spark_platform;
	x.processing_window_hours = in.spark_processing_window_hours;
	x.runs_per_day_count = in.spark_runs_per_day_count;
	snprintf(x.node_type, sizeof(x.node_type), "%s", in.spark_node_type);
	ck_assert_msg(ecap_executor_advise(p, &x, o, &err) == 0, "%s",
		      err.message);
}

static void
advise_kafka(double ev, double peak_ev, struct ecap_kafka_out *o)
{
	struct ecap_kafka_in x;

	ECAP_STRUCT_INIT(&x);
	ECAP_STRUCT_INIT(o);
	x.events_per_second = ev;
	x.peak_events_per_second = peak_ev;
	x.retention_hours = in.kafka_retention_hours;
	snprintf(x.instance_type, sizeof(x.instance_type), "%s",
		 in.kafka_broker_type);
	ck_assert_msg(ecap_kafka_advise(p, &x, o, &err) == 0, "%s",
		      err.message);
}

/*
 * Year 1 of the conservative scenario (the default: 50 % a year, a 2x
 * seasonal peak): base 1.5M * 1.5 = 2.25M, peak 4.5M, so base / current =
 * 1.5 and peak / current = 3.
 *   Spark, compute, grows with the peak: 2048 GB * 3 = 6144 GB, what
 *   `ecaptune executors --daily-data 6TiB --platform kubernetes` sizes:
 *   6144 GB / (5 GB/core-hour * 2 h target) = 615 cores, on 10 x
 *   m6g.16xlarge (16 executors of 4 cores a node, one slot for the
 *   driver: 159 executors), each with ceil(6144 / 10) = 615 GiB of EBS
 *   for the shuffle, written and read back in the run at 614.4 * 2048 /
 *   (1.947 h * 3600) = 179.5 -> 180 MiB/s, 55 above gp3's free 125;
 *   10 * (2.464 + (615 * 0.08 + 55 * 0.04) / 720) = 25.354 USD/hour,
 *   * (1.947 h + 0.1 h start-up) * 30 runs = 1556.7 a month, where the transactions alone (4.5M / 100000 = 45 GB) gave 17.10
 *   on one m6g.8xlarge.
 *   Kafka retains the base, 20000 * 1.5 = 30000 events/s, and carries the
 *   peak day's busiest hour, 20000 * 3 * growth.intraday_peak_factor 2 =
 *   120000 events/s: what ecap_kafka_advise answers for those two rates
 *   (`ecaptune kafka --events 30k/s` with the peak at 120k).
 * Today's plan: Spark 526.11 (5 x m6g.12xlarge, 410 GiB of EBS each at
 * 134 MiB/s; 4 x m6g.16xlarge at 178 MiB/s costs 0.02 more a run),
 * Kafka 3819.54, database 1731.65: 6077.30 a month; grown by the base's
 * 1.5 that is 9115.95; year 1 costs more than today, 8839.44.  Spark's
 * month is paid for base days (3072 GB: 783.04); the peak day's month,
 * 1556.7, is spark_peak_cost_usd_per_month.
 */
START_TEST(year_one_is_today_grown)
{
	struct ecap_executor_out today_spark, spark;
	struct ecap_kafka_out today_kafka, kafka;
	struct ecap_database_in dbi;
	struct ecap_database_out db;

	reviewer_workload();
	project(3);
	ck_assert_double_near(years[0].base_daily_transactions, 2.25e6);
	ck_assert_double_near(years[0].peak_daily_transactions, 4.5e6);

	/* Spark: the executor advisor's answer for 2048 GB * 3. */
	ck_assert_double_near(years[0].spark_daily_data_gb, 6144.0);
	advise_spark(6144.0, &spark);
	ck_assert_str_eq(years[0].spark_node_type, spark.node_type);
	ck_assert_str_eq(years[0].spark_node_type, "m6g.16xlarge");
	ck_assert_int_eq(years[0].spark_node_count, spark.node_count);
	ck_assert_int_eq(years[0].spark_node_count, 10);
	ck_assert_int_eq(years[0].spark_executors_count, spark.executor_count);
	ck_assert_int_eq(years[0].spark_executors_count, 159);
	ck_assert_double_eq(years[0].spark_projected_hours,
			    spark.projected_hours);
	ck_assert_double_eq(years[0].spark_cost_usd_per_hour,
			    spark.cost_usd_per_hour);
	ck_assert_double_near(years[0].spark_cost_usd_per_hour,
			      10 * (2.464 + (615 * 0.08 + 55 * 0.04) / 720));
	ck_assert_double_eq(years[0].spark_peak_cost_usd_per_month,
			    spark.cost_usd_per_month);
	ck_assert_double_near(years[0].spark_peak_cost_usd_per_month,
			      10 * (2.464 + (615 * 0.08 + 55 * 0.04) / 720) *
			      (spark.projected_hours + 0.1) * 30);
	/* The month is paid for base days: the advice for 2048 * 1.5 =
	 * 3072 GB, what `ecaptune executors --daily-data 3TiB` costs. */
	advise_spark(3072.0, &spark);
	ck_assert_double_eq(years[0].spark_cost_usd_per_month,
			    spark.cost_usd_per_month);
	ck_assert_double_lt(years[0].spark_cost_usd_per_month,
			    years[0].spark_peak_cost_usd_per_month);

	/* Kafka: the Kafka advisor's answer for 30000 and 120000 events/s. */
	ck_assert_double_near(years[0].kafka_events_per_second, 30000.0);
	ck_assert_double_near(years[0].kafka_peak_events_per_second, 120000.0);
	advise_kafka(30000.0, 120000.0, &kafka);
	ck_assert_str_eq(years[0].kafka_broker_type, kafka.instance_type);
	ck_assert_int_eq(years[0].kafka_brokers_count, kafka.brokers_count);
	ck_assert_int_eq(years[0].kafka_partitions_count,
			 kafka.partitions_count);
	ck_assert_double_eq(years[0].kafka_storage_per_broker_gb,
			    kafka.storage_per_broker_gb);
	ck_assert_double_eq(years[0].kafka_cost_usd_per_month,
			    kafka.cost_usd_per_month);

	/* At least today's plan grown by the base's 1.5, family by family
	 * for what grows with the base (Kafka's retention), and in all. */
	advise_spark(2048.0, &today_spark);
	ck_assert_int_eq(today_spark.node_count, 5);
	advise_kafka(20000.0, 0.0, &today_kafka);
	ECAP_STRUCT_INIT(&dbi);
	ECAP_STRUCT_INIT(&db);
	dbi.transactions_per_day = 1.5e6;
	ck_assert_int_eq(ecap_database_advise(p, &dbi, &db, &err), 0);
	/* Spark's base month grows, if less than 1.5x: today's 2048 GB
	 * leave part of 5 nodes idle, the base day's 3072 GB fill theirs
	 * (783.04 against 526.11). */
	ck_assert_double_gt(years[0].spark_cost_usd_per_month,
			    today_spark.cost_usd_per_month);
	ck_assert_double_ge(years[0].kafka_cost_usd_per_month,
			    1.5 * today_kafka.cost_usd_per_month);
	/* In all more than today's 6077.30 (8839.44: Spark's and the
	 * database's economies of scale keep it under 1.5x, 9115.95). */
	ck_assert_double_gt(years[0].total_cost_usd_per_month,
			    1.0 * (today_spark.cost_usd_per_month +
				   today_kafka.cost_usd_per_month +
				   db.cost_usd_per_month));
	/* Year 3: 2048 * 1.5^3 * 2 = 13824 GB; 20000 * 3.375 = 67500. */
	ck_assert_double_near(years[2].spark_daily_data_gb, 13824.0);
	ck_assert_double_near(years[2].kafka_events_per_second, 67500.0);
	ck_assert_double_near(years[2].kafka_peak_events_per_second,
			      20000.0 * 6.75 * 2.0);
}
END_TEST

/*
 * Today's node, window, runs, retention and broker carry into every year:
 * 4 runs a day of 100 GB * 3 on r5.4xlarge within 2 hours; Kafka at 1000
 * events/s * 1.5 kept 24 hours on kafka.m5.large.
 */
START_TEST(named_node_runs_and_broker)
{
	struct ecap_executor_out spark;
	struct ecap_kafka_out kafka;

	in.current_daily_transactions = 1e6;
	in.spark_daily_data_gb = 100.0;
	in.spark_processing_window_hours = 2.0;
	in.spark_runs_per_day_count = 4;
	snprintf(in.spark_node_type, sizeof(in.spark_node_type), "r5.4xlarge");
	in.kafka_events_per_second = 1000.0;
	in.kafka_retention_hours = 24.0;
	snprintf(in.kafka_broker_type, sizeof(in.kafka_broker_type),
		 "kafka.m5.large");
	project(2);
	ck_assert_str_eq(years[0].spark_node_type, "r5.4xlarge");
	ck_assert_double_near(years[0].spark_window_hours, 2.0);
	advise_spark(300.0, &spark);
	ck_assert_int_eq(years[0].spark_node_count, spark.node_count);
	ck_assert_double_eq(years[0].spark_peak_cost_usd_per_month,
			    spark.cost_usd_per_month);
	advise_spark(150.0, &spark);	/* the base day's month */
	ck_assert_double_eq(years[0].spark_cost_usd_per_month,
			    spark.cost_usd_per_month);
	ck_assert_str_eq(years[0].kafka_broker_type, "kafka.m5.large");
	advise_kafka(1500.0, 1000.0 * 3 * 2, &kafka);
	ck_assert_int_eq(years[0].kafka_brokers_count, kafka.brokers_count);
	ck_assert_double_eq(years[0].kafka_cost_usd_per_month,
			    kafka.cost_usd_per_month);
}
END_TEST

static void
advise_database(double tx, double peak_tx, struct ecap_database_out *o)
{
	struct ecap_database_in x;

	ECAP_STRUCT_INIT(&x);
	ECAP_STRUCT_INIT(o);
	x.transactions_per_day = tx;
	x.peak_transactions_per_day = peak_tx;
	x.retention_days = in.database_retention_days;
	x.app_instance_count = in.database_app_instance_count;
	ck_assert_msg(ecap_database_advise(p, &x, o, &err) == 0, "%s",
		      err.message);
}

/* A year's database is ecap_database_advise's for the base kept and the
 * peak's busiest hour, with today's retention and pools. */
static void
database_is_advised(const struct ecap_projection_year *y)
{
	struct ecap_database_out db;

	advise_database(y->base_daily_transactions,
			y->peak_daily_transactions, &db);
	ck_assert_str_eq(y->database_instance_class, db.instance_class);
	ck_assert_double_eq(y->database_memory_required_gb,
			    db.memory_required_gb);
	ck_assert_double_eq(y->database_storage_gb, db.storage_gb);
	ck_assert_double_eq(y->database_vcpu_required_count,
			    (double)db.vcpu_required_count);
	ck_assert_double_eq(y->database_cost_usd_per_month,
			    db.cost_usd_per_month);
}

/*
 * `ecaptune plan --retention-days 30 --app-instances 2`: today's database
 * keeps 30 days and serves 2 pools, and so does every projected year.
 * Year 1 (conservative): base 2.25M a day kept, peak 4.5M.
 *   A day is 2.25M * 2 KB * 1.3 (indexes) / 1024^2 = 5.5790 GiB; 30 days
 *   with the analytics copy (x2) = 334.74 GiB, + 20 % buffer = 401.68, so
 *   402 GiB of storage (the policy's 365 days: 4888 GiB).
 *   The working set is database.hot_days 7 of them, 39.053 GiB, cached at
 *   0.75: 52.07 GiB of memory (the same for any retention of 7 days up).
 *   The busiest hour: 4.5M / 86400 * 2 = 104.2 transactions/s, one vCPU
 *   at 200 a vCPU; 2 pools of 10 = 20 connections at 50 a vCPU: one
 *   (the policy's 10 pools: 100 connections, 2 vCPUs).
 * With 40 instances the pools, 400 connections, need 8 vCPUs.
 */
START_TEST(database_retention_and_pools)
{
	struct ecap_projection_year plain[3];
	double day_gb = 2.25e6 * 2.0 * 1.3 / 1024.0 / 1024.0;
	size_t i;

	in.current_daily_transactions = 1.5e6;
	project(3);
	memcpy(plain, years, sizeof(plain));
	ck_assert_double_eq(plain[0].database_storage_gb,
			    ceil(day_gb * 365 * 2 * 1.2));
	ck_assert_double_eq(plain[0].database_vcpu_required_count, 2.0);

	in.database_retention_days = 30;
	in.database_app_instance_count = 2;
	project(3);
	ck_assert_double_eq(years[0].database_storage_gb, 402.0);
	ck_assert_double_eq(years[0].database_storage_gb,
			    ceil(day_gb * 30 * 2 * 1.2));
	ck_assert_double_near(years[0].database_memory_required_gb,
			      day_gb * 7 / 0.75);
	ck_assert_double_eq(years[0].database_vcpu_required_count, 1.0);
	ck_assert_double_lt(years[0].database_cost_usd_per_month,
			    plain[0].database_cost_usd_per_month);
	for (i = 0; i < 3; i++)
		database_is_advised(&years[i]);
	/* Spark and Kafka do not move. */
	for (i = 0; i < 3; i++) {
		ck_assert_double_eq(years[i].spark_cost_usd_per_month,
				    plain[i].spark_cost_usd_per_month);
		ck_assert_double_eq(years[i].kafka_cost_usd_per_month,
				    plain[i].kafka_cost_usd_per_month);
	}

	in.database_app_instance_count = 40;
	project(3);
	ck_assert_double_eq(years[0].database_vcpu_required_count, 8.0);
	for (i = 0; i < 3; i++)
		database_is_advised(&years[i]);

	/* The policy's values given are the fallback's answer. */
	in.database_retention_days = 365;
	in.database_app_instance_count = 10;
	project(3);
	ck_assert_mem_eq(years, plain, sizeof(plain));
}
END_TEST

/* Nothing of today given: the transactions decide, as before; given as
 * the fallback computes them (15 GB and 1.5M / 86400), the same sizing. */
START_TEST(fallback_from_transactions)
{
	struct ecap_projection_year plain[3];
	size_t i;

	in.current_daily_transactions = 1.5e6;
	project(3);
	memcpy(plain, years, sizeof(plain));
	/* Year 1: 4.5M / growth.transactions_per_gb 100000 = 45 GB. */
	ck_assert_double_near(years[0].spark_daily_data_gb, 45.0);
	ck_assert_double_near(years[0].kafka_events_per_second,
			      2.25e6 / 86400.0);
	in.spark_daily_data_gb = 15.0;
	in.kafka_events_per_second = 1.5e6 / 86400.0;
	project(3);
	for (i = 0; i < 3; i++) {
		ck_assert_double_near(years[i].spark_daily_data_gb,
				      plain[i].spark_daily_data_gb);
		ck_assert_int_eq(years[i].spark_node_count,
				 plain[i].spark_node_count);
		ck_assert_double_near(years[i].kafka_cost_usd_per_month,
				      plain[i].kafka_cost_usd_per_month);
		ck_assert_double_near(years[i].total_cost_usd_per_month,
				      plain[i].total_cost_usd_per_month);
	}
}
END_TEST

/* The guide's project_capacity_needs has no such inputs: its years stay
 * the transactions' (4.5M / 100000 = 45 GB), whatever today's are, and
 * its database keeps calculate_database_resources's 365 days. */
START_TEST(guide_ignores_today)
{
	struct ecap_projection_year plain[3];

	use_model("guide");
	in.current_daily_transactions = 1.5e6;
	project(3);
	memcpy(plain, years, sizeof(plain));
	ck_assert_double_near(plain[0].spark_daily_data_gb, 45.0);
	reviewer_workload();
	snprintf(in.spark_node_type, sizeof(in.spark_node_type), "r5.4xlarge");
	in.spark_runs_per_day_count = 2;
	/* Its calculate_database_resources keeps 365 days (the policy's). */
	in.database_retention_days = 30;
	in.database_app_instance_count = 2;
	project(3);
	ck_assert_mem_eq(years, plain, sizeof(plain));
}
END_TEST

/*
 * The Monte Carlo grows today's workload the same way: without spread
 * (a flat scenario), every path is the deterministic year.
 */
static void
montecarlo_matches(void)
{
	struct ecap_projection_montecarlo_in mc;
	struct ecap_projection_montecarlo_year my[2];
	size_t count = 2, i;

	project(2);
	ECAP_STRUCT_INIT(&mc);
	for (i = 0; i < 2; i++)
		ECAP_STRUCT_INIT(&my[i]);
	mc.current_daily_transactions = in.current_daily_transactions;
	mc.years = 2;
	snprintf(mc.scenario, sizeof(mc.scenario), "flat");
	mc.paths_count = 100;
	mc.spark_daily_data_gb = in.spark_daily_data_gb;
	mc.spark_platform = in.spark_platform;
	mc.spark_runs_per_day_count = in.spark_runs_per_day_count;
	mc.spark_max_executor_count = in.spark_max_executor_count;
	memcpy(mc.spark_node_type, in.spark_node_type,
	       sizeof(mc.spark_node_type));
	mc.kafka_events_per_second = in.kafka_events_per_second;
	mc.kafka_retention_hours = in.kafka_retention_hours;
	memcpy(mc.kafka_broker_type, in.kafka_broker_type,
	       sizeof(mc.kafka_broker_type));
	mc.database_retention_days = in.database_retention_days;
	mc.database_app_instance_count = in.database_app_instance_count;
	ck_assert_msg(ecap_projection_montecarlo(p, &mc, my, &count, &err) ==
		      0, "%s", err.message);
	for (i = 0; i < 2; i++) {
		ck_assert_double_near(my[i].spark_node_count.p50,
				      (double)years[i].spark_node_count);
		ck_assert_double_near(my[i].spark_cost_usd_per_month.p99,
				      years[i].spark_cost_usd_per_month);
		ck_assert_double_near(my[i].kafka_cost_usd_per_month.p10,
				      years[i].kafka_cost_usd_per_month);
		ck_assert_double_near(my[i].database_storage_gb.p50,
				      years[i].database_storage_gb);
		ck_assert_double_near(my[i].database_cost_usd_per_month.p90,
				      years[i].database_cost_usd_per_month);
		ck_assert_double_near(my[i].total_cost_usd_per_month.mean,
				      years[i].total_cost_usd_per_month);
		ck_assert_double_near(my[i].spark_window_missed_share_ratio,
				      years[i].spark_window_missed_flag);
		/* the peak month and the executor flags as the projection's */
		ck_assert_double_near(my[i].spark_peak_cost_usd_per_month.p10,
				      years[i].spark_peak_cost_usd_per_month);
		ck_assert_double_near(my[i].spark_executors_capped_share_ratio,
				      years[i].spark_executors_capped_flag);
		ck_assert_double_near(
			my[i].spark_executors_over_policy_share_ratio,
			years[i].spark_executors_over_policy_flag);
	}
	/* The Monte Carlo checks today's inputs as the projection does. */
	mc.spark_platform = 42;
	ck_assert_err(ecap_projection_montecarlo(p, &mc, my, &count, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "spark_platform");
	mc.spark_platform = in.spark_platform;
	mc.database_app_instance_count = 100001;
	ck_assert_err(ecap_projection_montecarlo(p, &mc, my, &count, &err),
		      ECAP_ERR_RANGE, err, "database_app_instance_count");
}

START_TEST(montecarlo_grows_today)
{
	struct ecap_scenario sc;

	ECAP_STRUCT_INIT(&sc);
	snprintf(sc.name, sizeof(sc.name), "flat");
	sc.yearly_growth_ratio = 0.5;
	sc.seasonal_peak_factor = 2.0;
	ck_assert_int_eq(ecap_policy_scenario_set(p, &sc, &err), 0);
	snprintf(in.scenario, sizeof(in.scenario), "flat");
	reviewer_workload();
	montecarlo_matches();
	/* On a named node, 4 runs a day (a 24 / 4 = 6-hour window), at most
	 * 16 executors; Kafka kept a day on kafka.m5.large. */
	snprintf(in.spark_node_type, sizeof(in.spark_node_type), "r5.4xlarge");
	in.spark_runs_per_day_count = 4;
	in.spark_max_executor_count = 16;
	in.kafka_retention_hours = 24.0;
	snprintf(in.kafka_broker_type, sizeof(in.kafka_broker_type),
		 "kafka.m5.large");
	montecarlo_matches();
	/* Today's database: 30 days kept, 40 pools (8 vCPUs). */
	in.database_retention_days = 30;
	in.database_app_instance_count = 40;
	montecarlo_matches();
	ck_assert_double_eq(years[0].database_vcpu_required_count, 8.0);
	/* 16 executors hold year 1's runs of 6144 / 4 = 1536 GB within the
	 * window, not year 2's of 2304 GB (40 took 1.96 h and 2.95 h; 16
	 * take 2.5 times as long, 4.9 h and 7.4 h). */
	ck_assert_str_eq(years[1].spark_node_type, "r5.4xlarge");
	ck_assert_int_eq(years[1].spark_executors_count, 16);
	ck_assert_double_near(years[1].spark_window_hours, 6.0);
	ck_assert_int_eq(years[0].spark_window_missed_flag, 0);
	ck_assert_int_eq(years[1].spark_window_missed_flag, 1);
	ck_assert_int_eq(years[1].spark_executors_capped_flag, 1);
}
END_TEST

/*
 * `ecaptune plan`'s projection: 1.5M transactions a day, 250 GB of Spark
 * data on EMR, the conservative scenario.  Year 1's peak day is 250 * 3
 * = 750 GB and sizes the cluster; its month is paid for base days of
 * 250 * 1.5 = 375 GB: what `ecaptune executors --daily-data 375GB`
 * costs, 122.53 USD a month (a peak day's month: 228.05).  Kafka's
 * storage keeps the base too (storage grows with base, brokers with peak).
 */
START_TEST(spark_month_of_base_days)
{
	struct ecap_executor_out base, peak;

	in.current_daily_transactions = 1.5e6;
	in.spark_daily_data_gb = 250.0;
	in.spark_platform = ECAP_SPARK_PLATFORM_EMR;	/* the CLI's */
	project(1);
	advise_spark(375.0, &base);
	advise_spark(750.0, &peak);
	ck_assert_double_near(years[0].spark_daily_data_gb, 750.0);
	ck_assert_int_eq(years[0].spark_node_count, peak.node_count);
	ck_assert_int_eq(years[0].spark_executors_count, peak.executor_count);
	ck_assert_double_eq(years[0].spark_projected_hours,
			    peak.projected_hours);
	ck_assert_double_eq(years[0].spark_cost_usd_per_hour,
			    peak.cost_usd_per_hour);
	ck_assert_double_eq(years[0].spark_cost_usd_per_month,
			    base.cost_usd_per_month);
	ck_assert_double_eq(years[0].spark_peak_cost_usd_per_month,
			    peak.cost_usd_per_month);
	ck_assert_msg(fabs(years[0].spark_cost_usd_per_month - 122.53) < 0.005,
		      "%.4f", years[0].spark_cost_usd_per_month);
	ck_assert_msg(fabs(years[0].spark_peak_cost_usd_per_month - 228.05) <
			      0.005, "%.4f",
		      years[0].spark_peak_cost_usd_per_month);
	ck_assert_double_eq(years[0].total_cost_usd_per_month,
			    years[0].spark_cost_usd_per_month +
			    years[0].database_cost_usd_per_month +
			    years[0].kafka_cost_usd_per_month);
}
END_TEST

/*
 * A hard cap is flagged apart from the policy's budget: `ecaptune project
 * --daily-data 250GB --platform yarn --window 2h --max-executors 40`.
 * The target is 2 h * executor.window_share_ratio 0.25 = 0.5 h.  40
 * executors of 5 cores at 5 GB/core-hour read 1000 GB an hour: year 1's
 * peak, 250 * 3 = 750 GB, takes 0.75 h, year 2's 1125 GB 1.125 h, year
 * 3's 1687.5 GB 1.6875 h, all past the target (year 3 would need 1687.5 /
 * (5 * 0.5) = 675 cores, 135 executors): capped, the window (2 h) met.
 */
START_TEST(capped_year_flagged)
{
	struct ecap_executor_out o;
	char buf[ECAP_EXPLAIN_MAX];
	int64_t y;

	in.current_daily_transactions = 1.5e6;
	in.spark_daily_data_gb = 250.0;
	in.spark_platform = ECAP_SPARK_PLATFORM_YARN;
	in.spark_processing_window_hours = 2.0;
	in.spark_max_executor_count = 40;
	project(3);
	for (y = 0; y < 3; y++) {
		ck_assert_int_eq(years[y].spark_executors_count, 40);
		ck_assert_int_eq(years[y].spark_executors_capped_flag, 1);
		ck_assert_int_eq(years[y].spark_window_missed_flag, 0);
		ck_assert_int_eq(ecap_projection_year_explain(&years[y], buf,
							      sizeof(buf),
							      &err), 0);
		ck_assert_ptr_nonnull(strstr(buf, "; executors capped by "
						  "spark_max_executor_count"));
	}
	ck_assert_double_near(years[0].spark_projected_hours, 0.75);
	ck_assert_double_near(years[1].spark_projected_hours, 1.125);
	ck_assert_double_near(years[2].spark_projected_hours, 1.6875);
	/* what the executor advisor says of year 2's peak with that cap */
	ECAP_STRUCT_INIT(&o);
	{
		struct ecap_executor_in x;

		ECAP_STRUCT_INIT(&x);
		x.daily_data_gb = 1125.0;
		x.platform = ECAP_SPARK_PLATFORM_YARN;
		x.processing_window_hours = 2.0;
		x.max_executor_count = 40;
		ck_assert_int_eq(ecap_executor_advise(p, &x, &o, &err), 0);
	}
	ck_assert_int_eq(o.capped_by_max_executors, 1);
	/* without the cap nothing is capped */
	in.spark_max_executor_count = 0;
	project(3);
	ck_assert_int_eq(years[2].spark_executors_capped_flag, 0);
}
END_TEST

START_TEST(bad_today)
{
	size_t count = MAXY;

	in.current_daily_transactions = 1e6;
	in.years = 3;
#define BAD(code, field)                                                   \
	ck_assert_err(ecap_projection_run(p, &in, years, &count, &err),    \
		      code, err, field)
	in.spark_daily_data_gb = -1.0;
	BAD(ECAP_ERR_RANGE, "spark_daily_data_gb");
	in.spark_daily_data_gb = NAN;
	BAD(ECAP_ERR_INVALID, "spark_daily_data_gb");
	/* Below 1 KiB (a denormal would grow to 0 GB on a shrinking path). */
	in.spark_daily_data_gb = 1e-7;
	BAD(ECAP_ERR_RANGE, "spark_daily_data_gb");
	in.spark_daily_data_gb = 2048.0;
	in.spark_platform = 9;
	BAD(ECAP_ERR_UNKNOWN_ENUM, "spark_platform");
	in.spark_platform = 0;
	in.reserved_0 = 1;
	BAD(ECAP_ERR_RANGE, "reserved_0");
	in.reserved_0 = 0;
	in.spark_processing_window_hours = -2.0;
	BAD(ECAP_ERR_RANGE, "spark_processing_window_hours");
	in.spark_processing_window_hours = 0.0;
	in.spark_runs_per_day_count = 1441;
	BAD(ECAP_ERR_RANGE, "spark_runs_per_day_count");
	in.spark_runs_per_day_count = 0;
	snprintf(in.spark_node_type, sizeof(in.spark_node_type), "m0.nano");
	BAD(ECAP_ERR_NOT_FOUND, "spark_node_type");
	memset(in.spark_node_type, 'x', sizeof(in.spark_node_type));
	BAD(ECAP_ERR_INVALID, "spark_node_type");
	memset(in.spark_node_type, 0, sizeof(in.spark_node_type));
	in.kafka_events_per_second = 2e10;
	BAD(ECAP_ERR_RANGE, "kafka_events_per_second");
	in.kafka_events_per_second = INFINITY;
	BAD(ECAP_ERR_INVALID, "kafka_events_per_second");
	in.kafka_events_per_second = 0.0;
	in.kafka_retention_hours = -1.0;
	BAD(ECAP_ERR_RANGE, "kafka_retention_hours");
	in.kafka_retention_hours = 0.0;
	snprintf(in.kafka_broker_type, sizeof(in.kafka_broker_type), "nope");
	BAD(ECAP_ERR_NOT_FOUND, "kafka_broker_type");
	memset(in.kafka_broker_type, 'x', sizeof(in.kafka_broker_type));
	BAD(ECAP_ERR_INVALID, "kafka_broker_type");
	memset(in.kafka_broker_type, 0, sizeof(in.kafka_broker_type));
	/* ecap_database_in's ranges: 0 or 1 .. 36500 days, 0 .. 100000
	 * instances. */
	in.database_retention_days = -1;
	BAD(ECAP_ERR_RANGE, "database_retention_days");
	in.database_retention_days = 36501;
	BAD(ECAP_ERR_RANGE, "database_retention_days");
	in.database_retention_days = 0;
	in.database_app_instance_count = -1;
	BAD(ECAP_ERR_RANGE, "database_app_instance_count");
	in.database_app_instance_count = 100001;
	BAD(ECAP_ERR_RANGE, "database_app_instance_count");
	in.database_app_instance_count = 0;
	/* 1e10 events/s today: year 1's busiest hour, 1e10 * 3 * 2, is
	 * beyond what Kafka's advisor sizes. */
	in.kafka_events_per_second = 1e10;
	BAD(ECAP_ERR_RANGE, "years");
	in.kafka_events_per_second = 1e9;
	/* 1 EiB a day today grows past 1 EiB in year 1. */
	in.spark_daily_data_gb = 1073741824.0;
	BAD(ECAP_ERR_RANGE, "years");
#undef BAD
}
END_TEST

Suite *
projection_today_suite(void)
{
	Suite *s = suite_create("projection-today");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, year_one_is_today_grown);
	tcase_add_test(tc, named_node_runs_and_broker);
	tcase_add_test(tc, database_retention_and_pools);
	tcase_add_test(tc, fallback_from_transactions);
	tcase_add_test(tc, guide_ignores_today);
	tcase_add_test(tc, montecarlo_grows_today);
	tcase_add_test(tc, spark_month_of_base_days);
	tcase_add_test(tc, capped_year_flagged);
	tcase_add_test(tc, bad_today);
	suite_add_tcase(s, tc);
	return s;
}
