/* SPDX-License-Identifier: MIT */
/*
 * ecaptune/projection.h - growth projection and Monte Carlo.
 *
 * Part of the public interface; include <ecaptune.h>, not this file.
 */
#ifndef ECAPTUNE_PROJECTION_H
#define ECAPTUNE_PROJECTION_H

#ifndef ECAPTUNE_H
#error "include <ecaptune.h> instead of <ecaptune/projection.h>"
#endif

/* ------------------------------------------------------------------------
 * growth and projection
 */
/*
 * Growth projection (the guide's project_capacity_needs): per year the base
 * and peak daily transactions of a scenario and the Spark, database and
 * Kafka advice for the peak, with monthly costs; and a Monte Carlo version
 * whose growth and seasonal peak are random (ecap_projection_run(3)).
 */
#define ECAP_PROJECTION_MAX_YEARS 50

struct ecap_projection_in {
	size_t sz;
	/* Today's daily transactions; range 1 .. 1e12 (required). */
	double current_daily_transactions;
	/* Years to project; range 1 .. 50 (required). */
	int64_t years;
	/* Scenario name; "" = policy growth.default_scenario. */
	char scenario[64];
	/*
	 * Today's workload, which each year grows as the transactions do
	 * (ecap-1 only; the guide sizes from the transactions alone).  0 or
	 * "" = the fallback named.  The Spark fields are ecap_executor_in's
	 * of today's plan, checked as it checks them: a year's run holds
	 * today's daily data x peak / current (fallback: peak /
	 * growth.transactions_per_gb GB) on the platform, node, window,
	 * runs a day, executor cores and executor cap given (0 / "": the
	 * advisor's defaults and the cheapest node).  Kafka retains today's
	 * events a second x base / current and carries x peak / current x
	 * growth.intraday_peak_factor at the busiest hour (fallback: the
	 * transactions / 86400), for the retention and broker size given
	 * (0 / "": policy kafka.retention_hours, the cheapest size).
	 */
	double spark_daily_data_gb;	/* 0, or 1e-6 .. 1073741824 (1 EiB) */
	double spark_processing_window_hours;	/* 0 .. 8760 */
	/* enum ecap_spark_platform. */
	int32_t spark_platform;
	int32_t reserved_0;
	int64_t spark_executor_core_count;	/* 0 .. 256 */
	int64_t spark_max_executor_count;	/* 0 .. 100000; a hard cap */
	int64_t spark_runs_per_day_count;	/* 0 .. 1440 */
	/* A spark-node catalog entry. */
	char spark_node_type[64];
	double kafka_events_per_second;	/* 0 .. 1e10 */
	double kafka_retention_hours;	/* 0 .. 876000 */
	/* A kafka-broker catalog entry. */
	char kafka_broker_type[64];
	/*
	 * Today's database (ecap-1 only, as above): the days kept and the
	 * application instances with a pool each, ecap_database_in's
	 * retention_days and app_instance_count; 0 = policy
	 * database.retention_days and database.app_instance_count.  They
	 * are all of ecap_database_in that sizes and prices a year: its
	 * workload, storage type, max_connections and PostgreSQL version
	 * tune the parameters only.
	 */
	int64_t database_retention_days;	/* 0 .. 36500 */
	int64_t database_app_instance_count;	/* 0 .. 100000 */
	size_t :0;
};
#define ecap_projection_in__last_field database_app_instance_count

/*
 * One projected year.  The caller sets sz of the first array element.
 * ecap-1: the base volume drives what is kept (database storage and
 * working set, Kafka retention), the seasonal peak drives compute (Spark
 * nodes and hours, database vCPUs and IOPS, Kafka throughput); the guide
 * sizes everything for the peak.  Costs follow what is paid: always-on
 * fleets (the database's instances, Kafka's brokers) all month at the
 * peak's size, storage at the base volume kept, and Spark, paid per run,
 * for a month of base days (spark_peak_cost_usd_per_month: of peak days).
 */
struct ecap_projection_year {
	size_t sz;
	/* enum ecap_model. */
	int32_t model;
	/* 1 .. years. */
	int32_t year;
	/* current * (1 + growth) ^ year, and that * seasonal peak; guide:
	 * int() of each, as the guide reports them. */
	double base_daily_transactions;
	double peak_daily_transactions;
	/* base / current: growth since today. */
	double growth_multiple_ratio;
	/* Spark, for the peak day: ecap-1 with today's daily data given,
	 * that x peak / current; else peak / growth.transactions_per_gb GB. */
	double spark_daily_data_gb;
	/* The node type ("" when the executor advice names none), nodes,
	 * executors, heap each and all executors' heap. */
	char spark_node_type[64];
	int64_t spark_node_count;
	int64_t spark_executors_count;
	double spark_executor_memory_gb;
	double spark_total_memory_gb;
	/* The run's hours, the window, and the hours it misses it by (0
	 * when met). */
	double spark_projected_hours;
	double spark_window_hours;
	double spark_window_miss_hours;
	/* The peak day's nodes an hour. */
	double spark_cost_usd_per_hour;
	/* What the year's month costs.  ecap-1: Spark is paid per run, so a
	 * month of base days: the executor advice for the base day's data
	 * (today's x base / current), its cost per run x runs a month
	 * (cost.hours_per_month / 24 daily runs) - what ecap_executor_advise
	 * gives for that data; the sizing above stays the peak day's.
	 * guide: the peak's whole window every day. */
	double spark_cost_usd_per_month;
	/* Database: ecap_database_advise's class, instances (primary plus
	 * read replicas; guide: instances the memory needs), memory,
	 * storage. */
	char database_instance_class[64];
	int64_t database_instances_count;
	double database_memory_required_gb;
	double database_storage_gb;
	int32_t database_reason;
	int32_t database_fits_flag;
	/* ecap-1: vCPUs and IOPS the peak hour needs (0 when the model
	 * sizes none). */
	double database_vcpu_required_count;
	double database_iops_required_count;
	/* The primary's hours, its read replicas, storage and provisioned
	 * IOPS (0 for a part the model does not price); their sum. */
	double database_instance_cost_usd_per_month;
	double database_replica_cost_usd_per_month;
	double database_storage_cost_usd_per_month;
	double database_iops_cost_usd_per_month;
	double database_cost_usd_per_month;
	/* Kafka: average (base) and busiest-hour (peak) events/s: ecap-1
	 * scales today's events a second (or transactions / 86400) by base
	 * / current and by peak / current x growth.intraday_peak_factor;
	 * the guide: peak / 86400 for both. */
	double kafka_events_per_second;
	double kafka_peak_events_per_second;
	char kafka_broker_type[64];
	int64_t kafka_partitions_count;
	int64_t kafka_brokers_count;
	double kafka_storage_per_broker_gb;
	int32_t kafka_reason;
	int32_t reserved_0;
	double kafka_broker_cost_usd_per_month;
	double kafka_storage_cost_usd_per_month;
	double kafka_cost_usd_per_month;
	/* Spark + database + Kafka.  ecap_projection_year_explain() sums
	 * the year up in a sentence. */
	double total_cost_usd_per_month;
	/* Flags: the Spark run misses its window; it needs more executors
	 * than executor.max_executors, a soft budget (ecap-1 sizes past it
	 * and flags); the caller's spark_max_executor_count held the count
	 * below what the window needs (the advice's capped_by_max_executors:
	 * the run takes longer); the
	 * database needs more than one instance can give (memory, writes,
	 * storage or IOPS); Kafka
	 * needs more brokers than kafka.max_broker_count; the base volume
	 * reached growth.review_multiple_ratio times today's (ecap-1): the
	 * year asks for an architecture review. */
	int32_t spark_window_missed_flag;
	int32_t spark_executors_over_policy_flag;
	int32_t database_beyond_one_instance_flag;
	int32_t kafka_quota_exceeded_flag;
	int32_t review_architecture_flag;
	int32_t spark_executors_capped_flag;
	/* ISO 4217 code of every cost ("USD": the catalogs' prices), and
	 * the latest price date of the catalog entries priced, "YYYY-MM-DD". */
	char currency[8];
	char price_date[16];
	/* A peak month's Spark: the peak day's advice (the sizing above)
	 * every day, cost per run x runs a month - the season's bill to
	 * budget headroom for; total_cost_usd_per_month keeps the base
	 * month's.  guide: spark_cost_usd_per_month. */
	double spark_peak_cost_usd_per_month;
	size_t :0;
};
#define ecap_projection_year__last_field spark_peak_cost_usd_per_month

/**
 * Projects in->years years into years[] (capacity *count in, years written
 * out; ECAP_ERR_NOSPACE with the count needed).  Unknown scenario:
 * ECAP_ERR_NOT_FOUND.
 */
ECAP_API int ecap_projection_run(const ecap_policy *policy,
				 const struct ecap_projection_in *in,
				 struct ecap_projection_year *years,
				 size_t *count, struct ecap_error *err);
/**
 * Writes one sentence summing up a projected year (peak, executors,
 * database, brokers, cost) into buf[size]; ECAP_EXPLAIN_MAX bytes always
 * suffice, a smaller buffer gets the truncated sentence and
 * ECAP_ERR_NOSPACE.
 */
ECAP_API int ecap_projection_year_explain(const struct ecap_projection_year *year,
					  char *buf, size_t size,
					  struct ecap_error *err);
/** Renders count projected years as JSON (each with its explanation as
 * "reason_text"); free *json with ecap_free(). */
ECAP_API int ecap_projection_to_json(const struct ecap_projection_year *years,
				     size_t count, char **json,
				     struct ecap_error *err);

struct ecap_projection_montecarlo_in {
	size_t sz;
	/* As in struct ecap_projection_in. */
	double current_daily_transactions;
	int64_t years;
	char scenario[64];
	/* Seed of the generator (SplitMix64 seeding xoshiro256**). */
	uint64_t seed;
	/* Paths; 0 = policy growth.montecarlo_paths; range 0 .. 1e6. */
	int64_t paths_count;
	/* Today's workload, as in struct ecap_projection_in. */
	double spark_daily_data_gb;
	double spark_processing_window_hours;
	int32_t spark_platform;
	int32_t reserved_0;
	int64_t spark_executor_core_count;
	int64_t spark_max_executor_count;
	int64_t spark_runs_per_day_count;
	char spark_node_type[64];
	double kafka_events_per_second;
	double kafka_retention_hours;
	char kafka_broker_type[64];
	int64_t database_retention_days;
	int64_t database_app_instance_count;
	size_t :0;
};
#define ecap_projection_montecarlo_in__last_field database_app_instance_count

/*
 * One quantity of one year over all paths: the mean and the nearest-rank
 * P10, P50, P90 and P99 (each one of the paths' values).
 */
struct ecap_projection_band {
	double mean;
	double p10;
	double p50;
	double p90;
	double p99;
};

/* A Monte Carlo year: the band of each family's sizing and each cost
 * part, and the share of paths each flag is raised in. */
struct ecap_projection_montecarlo_year {
	size_t sz;
	int32_t model;
	int32_t year;
	struct ecap_projection_band base_daily_transactions;
	struct ecap_projection_band peak_daily_transactions;
	struct ecap_projection_band spark_node_count;
	struct ecap_projection_band spark_executors_count;
	struct ecap_projection_band spark_projected_hours;
	struct ecap_projection_band database_instances_count;
	struct ecap_projection_band database_memory_required_gb;
	struct ecap_projection_band database_storage_gb;
	struct ecap_projection_band kafka_brokers_count;
	struct ecap_projection_band kafka_storage_per_broker_gb;
	struct ecap_projection_band spark_cost_usd_per_month;
	struct ecap_projection_band database_cost_usd_per_month;
	struct ecap_projection_band kafka_cost_usd_per_month;
	struct ecap_projection_band total_cost_usd_per_month;
	/* Share of paths (0 .. 1) with each flag of struct
	 * ecap_projection_year. */
	double spark_window_missed_share_ratio;
	double spark_executors_over_policy_share_ratio;
	double database_beyond_one_instance_share_ratio;
	double kafka_quota_exceeded_share_ratio;
	double review_architecture_share_ratio;
	double spark_executors_capped_share_ratio;
	/* As spark_peak_cost_usd_per_month of struct ecap_projection_year. */
	struct ecap_projection_band spark_peak_cost_usd_per_month;
	size_t :0;
};
#define ecap_projection_montecarlo_year__last_field spark_peak_cost_usd_per_month

/** Monte Carlo projection; the array rules of ecap_projection_run(). */
ECAP_API int ecap_projection_montecarlo(
	const ecap_policy *policy,
	const struct ecap_projection_montecarlo_in *in,
	struct ecap_projection_montecarlo_year *years, size_t *count,
	struct ecap_error *err);
/** Renders count Monte Carlo years as JSON; free with ecap_free(). */
ECAP_API int ecap_projection_montecarlo_to_json(
	const struct ecap_projection_montecarlo_year *years, size_t count,
	char **json, struct ecap_error *err);

#endif /* ECAPTUNE_PROJECTION_H */
