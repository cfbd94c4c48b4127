/* SPDX-License-Identifier: MIT */
/*
 * projection-internal.h - one projected year's sizing, shared by the
 * deterministic projection (projection.c) and the Monte Carlo
 * (projection-mc.c).  A path-year is sized by the advisors' own decision
 * functions (capacity.h and the executor's), family by family, so that the
 * Monte Carlo can run one family over a whole column of paths; nothing
 * here validates or formats text.
 */
#ifndef ECAP_PROJECTION_INTERNAL_H
#define ECAP_PROJECTION_INTERNAL_H

#include "capacity.h"
#include "executor-internal.h"

#define ECAP__SECONDS_PER_DAY 86400.0

/*
 * Today's workload of either projection's input (the same fields of
 * struct ecap_projection_in and ecap_projection_montecarlo_in).
 */
struct ecap__proj_today {
	double spark_gb, window_hours;
	int32_t platform, reserved_0;
	int64_t cores, max_executors, runs;
	const char *node;
	size_t node_cap;
	double kafka_eps, kafka_retention_hours;
	const char *broker;
	size_t broker_cap;
	int64_t db_retention_days, db_app_instances;
};

#define ECAP__PROJ_TODAY_OF(in)                                         \
	((struct ecap__proj_today){                                     \
		.spark_gb = (in)->spark_daily_data_gb,                  \
		.window_hours = (in)->spark_processing_window_hours,    \
		.platform = (in)->spark_platform,                       \
		.reserved_0 = (in)->reserved_0,                         \
		.cores = (in)->spark_executor_core_count,               \
		.max_executors = (in)->spark_max_executor_count,        \
		.runs = (in)->spark_runs_per_day_count,                 \
		.node = (in)->spark_node_type,                          \
		.node_cap = sizeof((in)->spark_node_type),              \
		.kafka_eps = (in)->kafka_events_per_second,             \
		.kafka_retention_hours = (in)->kafka_retention_hours,   \
		.broker = (in)->kafka_broker_type,                      \
		.broker_cap = sizeof((in)->kafka_broker_type),          \
		.db_retention_days = (in)->database_retention_days,     \
		.db_app_instances = (in)->database_app_instance_count,  \
	})

/* What every year and path of one run shares, read from the policy once. */
struct ecap__proj_ctx {
	const ecap_policy *p;
	int32_t model;
	double current_daily_transactions;
	double transactions_per_gb;
	/* ecap-1: today's Spark daily data and Kafka events a second; 0 =
	 * from the transactions (and always for the guide). */
	double spark_daily_gb;
	double kafka_events_per_second;
	/* The largest peak a year may reach: 1e12 transactions a day, or
	 * less when today's events a second would grow past Kafka's 1e10. */
	double max_peak;
	/* The database's days kept and application instances: ecap-1
	 * today's when given, else (and always for the guide) the
	 * policy's. */
	double retention_days;
	double intraday_peak_factor;
	double review_multiple_ratio;
	double app_instances;
	/* The executor advisor's inputs, resolved once (no node named). */
	struct ecap__exec_args exec;
	struct ecap__kafka_args kafka;
};

struct ecap__proj_spark {
	double data_gb;
	/* The advice's node type (in the caller's advice struct). */
	const char *node_type;
	double nodes;
	double executors;
	double heap_gb;
	double total_memory_gb;
	double projected_hours;
	double window_hours;
	double window_miss_hours;
	bool window_missed;
	bool over_policy;
	bool capped;
	double cost_usd_per_hour;
	/* A month of base days (ecap-1) and of peak days; the guide's both
	 * the peak's. */
	double cost_usd_per_month;
	double peak_cost_usd_per_month;
};

/* One path-year. */
struct ecap__proj_calc {
	double base;
	double peak;
	struct ecap_executor_out exec_out;
	struct ecap__proj_spark spark;
	struct ecap__db_calc db;
	struct ecap__kafka_args kafka_args;
	struct ecap__kafka_calc kafka;
	double total_usd_per_month;
};

/* Validates today's volume, the years and the scenario name; finds it. */
int ecap__proj_resolve(const ecap_policy *p, double tx, int64_t years,
		       const char *name, size_t name_cap,
		       const struct ecap_scenario **scenario,
		       struct ecap_error *err);
/* A caller's array of sized structs: the first element's sz is the stride;
 * ECAP_ERR_NOSPACE with *count = n when it holds fewer than n. */
int ecap__proj_array_begin(const void *first, size_t *count, size_t n,
			   size_t known, const char *type, size_t *stride,
			   struct ecap_error *err);
/* A projected peak must stay within what the advisors accept (at most
 * ctx->max_peak). */
int ecap__proj_check_peak(const struct ecap__proj_ctx *ctx, double peak,
			  int64_t year, struct ecap_error *err);

/* Reads the policy and checks today's workload; the executor's checks of
 * its own keys may fail. */
int ecap__proj_ctx_init(struct ecap__proj_ctx *ctx, const ecap_policy *p,
			double current_daily_transactions,
			const struct ecap__proj_today *today,
			struct ecap_error *err);

/* The Spark daily data (GB) of a peak day of peak transactions: today's
 * data grown as the transactions, or peak / growth.transactions_per_gb. */
static inline double
ecap__proj_spark_gb(const struct ecap__proj_ctx *ctx, double peak)
{
	return ctx->spark_daily_gb > 0.0 ?
	       ctx->spark_daily_gb * (peak / ctx->current_daily_transactions) :
	       peak / ctx->transactions_per_gb;
}

/* The three families of a path-year (peak >= base > 0, both finite and
 * checked by ecap__proj_check_peak). */
/* The executor advice for a day of tx transactions: node a spark-node to
 * size on, or NULL for the advisor's choice; *gb the day's data. */
int ecap__proj_spark_day(const struct ecap__proj_ctx *ctx, double tx,
			 const struct ecap__spark_node *node,
			 struct ecap_executor_out *out, double *gb,
			 struct ecap_error *err);
/* The peak day's sizing and both months' cost (ecap-1 prices the base
 * day's advice: ecap__proj_spark_day of base, the advisor's node); out:
 * the caller's advice struct of the peak day, which s->node_type points
 * into. */
int ecap__proj_spark(const struct ecap__proj_ctx *ctx, double base,
		     double peak, struct ecap_executor_out *out,
		     struct ecap__proj_spark *s, struct ecap_error *err);
/* memo: NULL, or one kept over a run's paths. */
void ecap__proj_database(const struct ecap__proj_ctx *ctx, double base,
			 double peak, struct ecap__db_memo *memo,
			 struct ecap__db_calc *db);
/* Kafka's average and peak events a second for the year's base and peak
 * (the model's choice). */
void ecap__proj_kafka_rates(const struct ecap__proj_ctx *ctx, double base,
			    double peak, double *events_per_second,
			    double *peak_events_per_second);
/* broker: a kafka-broker catalog entry to size on, or NULL to choose. */
void ecap__proj_kafka(const struct ecap__proj_ctx *ctx, double base,
		      double peak, const struct ecap_catalog_entry *broker,
		      struct ecap__kafka_args *a, struct ecap__kafka_calc *k);
/* All three and the total. */
int ecap__proj_size(const struct ecap__proj_ctx *ctx, double base,
		    double peak, struct ecap__proj_calc *c,
		    struct ecap_error *err);

/* The year's flags. */
bool ecap__proj_db_beyond_one(const struct ecap__db_calc *db);

static inline bool
ecap__proj_review(const struct ecap__proj_ctx *ctx, double base)
{
	return ctx->model != ECAP_MODEL_GUIDE &&
	       base >= ctx->current_daily_transactions *
			       ctx->review_multiple_ratio;
}

#endif /* ECAP_PROJECTION_INTERNAL_H */
