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
	size_t :0;
};
#define ecap_projection_in__last_field scenario

/* One projected year.  The caller sets sz of the first array element. */
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
	/* Spark: peak / growth.transactions_per_gb GB a day. */
	double spark_daily_data_gb;
	int64_t spark_executors_count;
	double spark_executor_memory_gb;
	double spark_cost_usd_per_hour;
	/* Cost per hour * executor.processing_window_hours * days a month
	 * (cost.hours_per_month / 24): the cluster runs its daily window. */
	double spark_cost_usd_per_month;
	/* ecap_database_advise for the peak. */
	char database_instance_class[64];
	double database_memory_required_gb;
	double database_storage_gb;
	int32_t database_reason;
	int32_t database_fits_flag;
	int64_t database_instances_count;
	double database_cost_usd_per_month;
	/* ecap_kafka_advise for peak / 86400 events/s (ecap-1: peak
	 * events/s = that * growth.intraday_peak_factor). */
	double kafka_events_per_second;
	double kafka_peak_events_per_second;
	int64_t kafka_partitions_count;
	int64_t kafka_brokers_count;
	double kafka_storage_per_broker_gb;
	int32_t kafka_reason;
	int32_t reserved_0;
	double kafka_cost_usd_per_month;
	/* Spark + database + Kafka.  ecap_projection_year_explain() sums
	 * the year up in a sentence. */
	double total_cost_usd_per_month;
	size_t :0;
};
#define ecap_projection_year__last_field total_cost_usd_per_month

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
	size_t :0;
};
#define ecap_projection_montecarlo_in__last_field paths_count

/* Nearest-rank percentiles of one year over all paths. */
struct ecap_projection_montecarlo_year {
	size_t sz;
	int32_t model;
	int32_t year;
	double spark_executors_p50_count;
	double spark_executors_p90_count;
	double spark_executors_p99_count;
	double database_memory_p50_gb;
	double database_memory_p90_gb;
	double database_memory_p99_gb;
	double kafka_brokers_p50_count;
	double kafka_brokers_p90_count;
	double kafka_brokers_p99_count;
	double total_cost_p50_usd_per_month;
	double total_cost_p90_usd_per_month;
	double total_cost_p99_usd_per_month;
	size_t :0;
};
#define ecap_projection_montecarlo_year__last_field total_cost_p99_usd_per_month

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
