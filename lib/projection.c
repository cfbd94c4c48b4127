/* SPDX-License-Identifier: MIT */
/*
 * projection.c - growth projection (the guide's project_capacity_needs):
 * each year's volume sized by the Spark, database and Kafka advisors'
 * decision functions, with every cost part and the flags a budget review
 * needs.  The Monte Carlo version is in projection-mc.c, JSON in
 * projection-json.c.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "projection-internal.h"

/* ---- inputs shared by both projections ---- */

int
ecap__proj_resolve(const ecap_policy *p, double tx, int64_t years,
		   const char *name, size_t name_cap,
		   const struct ecap_scenario **scenario,
		   struct ecap_error *err)
{
	int rc;

	/* Whole transactions: below one a day the sizings' volumes round to
	 * nothing (a denormal count reached them as 0 GB). */
	if ((rc = ecap__check_double(err, "current_daily_transactions", tx,
				     1.0, ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY)) ||
	    (rc = ecap__check_int64(err, "years", years, 1,
				    ECAP_PROJECTION_MAX_YEARS)))
		return rc;
	if (memchr(name, '\0', name_cap) == NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, "scenario",
				  "scenario is not NUL-terminated within %zu "
				  "bytes", name_cap);
	if (name[0] == '\0')
		name = ecap__ps(p, ECAP_K_GROWTH_DEFAULT_SCENARIO);
	if ((*scenario = ecap__scenario_find(p, name)) == NULL)
		return ecap__fail(err, ECAP_ERR_NOT_FOUND, "scenario",
				  "no scenario is named \"%.63s\"", name);
	return ECAP_OK;
}

int
ecap__proj_array_begin(const void *first, size_t *count, size_t n,
		       size_t known, const char *type, size_t *stride,
		       struct ecap_error *err)
{
	size_t cap;
	int rc;

	if ((rc = ecap__check_ptr(err, count, "count")) != ECAP_OK ||
	    (rc = ecap__array_stride(err, first, *count, known, type,
				     stride)) != ECAP_OK)
		return rc;
	cap = *count;
	*count = n;
	if (cap < n)
		return ecap__fail(err, ECAP_ERR_NOSPACE, "count",
				  "%zu years need room; the array holds %zu",
				  n, cap);
	return ECAP_OK;
}

int
ecap__proj_check_peak(const struct ecap__proj_ctx *ctx, double peak,
		      int64_t year, struct ecap_error *err)
{
	if (peak >= 1.0 && peak <= ctx->max_peak)
		return ECAP_OK;
	if (peak >= 1.0 && peak <= ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY)
		return ecap__fail(err, ECAP_ERR_RANGE, "years",
				  "year %lld's peak of %.6g transactions a day "
				  "grows kafka_events_per_second above 1e10 "
				  "events a second; project fewer years",
				  (long long)year, peak);
	return ecap__fail(err, ECAP_ERR_RANGE, "years",
			  "year %lld's peak of %.6g transactions a day is "
			  "%s; project fewer years", (long long)year, peak,
			  peak < 1.0 ? "below 1" : "above 1e12");
}

/* The least daily data today's Spark run may have: 1 KiB, in GB. */
#define MIN_SPARK_GB 1e-6

/* An executor input's field named as the projection's ("spark_" in front;
 * a policy key, with its dot, stays as it is). */
static int
spark_field(struct ecap_error *err, int rc)
{
	char field[sizeof(err->field)];

	if (err != NULL && err->field[0] != '\0' &&
	    strchr(err->field, '.') == NULL) {
		/* Every executor input's name fits with "spark_" in front. */
		snprintf(field, sizeof(field), "spark_%.*s",
			 (int)sizeof(field) - 7, err->field);
		memcpy(err->field, field, sizeof(field));
	}
	return rc;
}

/* Any of today's Spark run given beyond its data (window, platform,
 * cores, cap, runs, node). */
static bool
spark_run_given(const struct ecap__proj_today *t)
{
	return t->window_hours != 0.0 || t->platform != 0 || t->cores != 0 ||
	       t->max_executors != 0 || t->runs != 0 || t->node[0] != '\0';
}

/*
 * Today's Spark run: the executor advisor's inputs as it resolves them
 * (today's data, or 1 GB when none is given, which each path replaces),
 * or its defaults when nothing of the run is given.  Checked for the
 * guide too, which ignores them.
 */
static int
resolve_spark(const ecap_policy *p, const struct ecap__proj_today *t,
	      struct ecap__exec_args *a, struct ecap_error *err)
{
	struct ecap_executor_in in;
	int rc;

	if ((rc = ecap__check_double(err, "spark_daily_data_gb", t->spark_gb,
				     0.0, ECAP__EXEC_MAX_DAILY_GB)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "reserved_0", t->reserved_0, 0, 0)) !=
		    ECAP_OK)
		return rc;
	/* A year's data is today's x peak / current, which a Monte Carlo
	 * path shrinks to 1e-100 at most: from 1 KiB up it stays a normal
	 * number, never 0 GB. */
	if (t->spark_gb != 0.0 && t->spark_gb < MIN_SPARK_GB)
		return ecap__fail(err, ECAP_ERR_RANGE, "spark_daily_data_gb",
				  "spark_daily_data_gb is %.17g; it is 0 (from "
				  "the transactions) or %g to 1073741824",
				  t->spark_gb, MIN_SPARK_GB);
	if (!spark_run_given(t))
		return ecap__executor_resolve_defaults(p, a, err);
	ECAP_STRUCT_INIT(&in);
	in.daily_data_gb = t->spark_gb > 0.0 ? t->spark_gb : 1.0;
	in.processing_window_hours = t->window_hours;
	in.platform = t->platform;
	in.executor_core_count = t->cores;
	in.max_executor_count = t->max_executors;
	in.runs_per_day_count = t->runs;
	_Static_assert(sizeof(in.node_type) == 64, "a node name's 64 bytes");
	memcpy(in.node_type, t->node,
	       t->node_cap < sizeof(in.node_type) ? t->node_cap :
						    sizeof(in.node_type));
	if ((rc = ecap__executor_resolve(p, &in, a, err)) != ECAP_OK)
		return spark_field(err, rc);
	return ECAP_OK;
}

/* Today's Kafka: the rate, the retention and a broker size by name. */
static int
resolve_kafka(const ecap_policy *p, const struct ecap__proj_today *t,
	      struct ecap_error *err)
{
	int rc;

	if ((rc = ecap__check_double(err, "kafka_events_per_second",
				     t->kafka_eps, 0.0,
				     ECAP_KAFKA_MAX_EVENTS_PER_SECOND)) ||
	    (rc = ecap__check_double(err, "kafka_retention_hours",
				     t->kafka_retention_hours, 0.0, 876000.0)))
		return rc;
	if (memchr(t->broker, '\0', t->broker_cap) == NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, "kafka_broker_type",
				  "kafka_broker_type is not NUL-terminated "
				  "within %zu bytes", t->broker_cap);
	if (t->broker[0] != '\0' && p->model != ECAP_MODEL_GUIDE &&
	    ecap__catalog_find(p, ECAP_CATALOG_KAFKA_BROKER, t->broker) == NULL)
		return ecap__fail(err, ECAP_ERR_NOT_FOUND, "kafka_broker_type",
				  "kafka_broker_type \"%.63s\" is not in the "
				  "policy's kafka-broker catalog", t->broker);
	return ECAP_OK;
}

/* Today's database: the days kept and the application instances, 0 or
 * within ecap_database_in's ranges. */
static int
resolve_database(const struct ecap__proj_today *t, struct ecap_error *err)
{
	int rc;

	if ((rc = ecap__check_override_int64(err, "database_retention_days",
					     t->db_retention_days,
					     ECAP_K_DATABASE_RETENTION_DAYS)) ||
	    (rc = ecap__check_int64(err, "database_app_instance_count",
				    t->db_app_instances, 0, 100000)))
		return rc;
	return ECAP_OK;
}

int
ecap__proj_ctx_init(struct ecap__proj_ctx *ctx, const ecap_policy *p,
		    double current_daily_transactions,
		    const struct ecap__proj_today *today,
		    struct ecap_error *err)
{
	bool guide = p->model == ECAP_MODEL_GUIDE;
	int rc;

	/* Every field is set below (the executor's and Kafka's inputs
	 * whole), so no zeroing first. */
	ctx->p = p;
	ctx->model = p->model;
	ctx->current_daily_transactions = current_daily_transactions;
	ctx->transactions_per_gb = ecap__pd(p, ECAP_K_GROWTH_TRANSACTIONS_PER_GB);
	ctx->retention_days =
		(double)ecap__pi(p, ECAP_K_DATABASE_RETENTION_DAYS);
	ctx->intraday_peak_factor =
		ecap__pd(p, ECAP_K_GROWTH_INTRADAY_PEAK_FACTOR);
	ctx->review_multiple_ratio =
		ecap__pd(p, ECAP_K_GROWTH_REVIEW_MULTIPLE_RATIO);
	ctx->app_instances =
		(double)ecap__pi(p, ECAP_K_DATABASE_APP_INSTANCE_COUNT);
	ecap__kafka_defaults(p, &ctx->kafka);
	if ((rc = resolve_kafka(p, today, err)) != ECAP_OK ||
	    (rc = resolve_database(today, err)) != ECAP_OK ||
	    (rc = resolve_spark(p, today, &ctx->exec, err)) != ECAP_OK)
		return rc;
	/* The guide sizes from the transactions alone (its Python). */
	ctx->spark_daily_gb = guide ? 0.0 : today->spark_gb;
	ctx->kafka_events_per_second = guide ? 0.0 : today->kafka_eps;
	if (!guide && today->kafka_retention_hours != 0.0)
		ctx->kafka.retention_hours = today->kafka_retention_hours;
	if (!guide && today->broker[0] != '\0')
		ctx->kafka.instance_type = today->broker;
	/* The guide keeps its Python's 365 days (the policy's) and prices
	 * no pools. */
	if (!guide && today->db_retention_days != 0)
		ctx->retention_days = (double)today->db_retention_days;
	if (!guide && today->db_app_instances != 0)
		ctx->app_instances = (double)today->db_app_instances;
	if (guide && spark_run_given(today))
		rc = ecap__executor_resolve_defaults(p, &ctx->exec, err);
	/* The busiest hour's rate a year may reach: the Kafka advisor's
	 * 1e10 events a second. */
	ctx->max_peak = ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY;
	if (ctx->kafka_events_per_second > 0.0) {
		double kafka_max = ECAP_KAFKA_MAX_EVENTS_PER_SECOND /
			ctx->intraday_peak_factor /
			ctx->kafka_events_per_second *
			current_daily_transactions;

		if (kafka_max < ctx->max_peak)
			ctx->max_peak = kafka_max;
	}
	return rc;
}

/* ---- sizing one path-year ---- */

/*
 * Spark: the executor advisor's advice for a day's data,
 * ecap__proj_spark_gb of its transactions.
 */
int
ecap__proj_spark_day(const struct ecap__proj_ctx *ctx, double tx,
		     const struct ecap__spark_node *node,
		     struct ecap_executor_out *out, double *gb,
		     struct ecap_error *err)
{
	struct ecap__exec_args a = ctx->exec;

	if (ctx->model == ECAP_MODEL_GUIDE)
		ecap__executor_guide_zero(out);
	else
		ECAP__ZERO(out);
	*gb = ecap__proj_spark_gb(ctx, tx);
	if (!(*gb <= ECAP__EXEC_MAX_DAILY_GB))
		return ecap__fail(err, ECAP_ERR_RANGE, "years",
				  "a day of %.6g transactions is %.6g GB for "
				  "Spark, above 1 EiB", tx, *gb);
	a.daily_gb = *gb;
	a.run_gb = *gb / (double)a.runs;
	if (node != NULL) {
		a.has_node = a.named = true;
		a.node = *node;
	}
	return ecap__executor_size(ctx->p, &a, out, err);
}

/*
 * The year's Spark: sized for the peak day (nodes, executors, hours, the
 * window: what capacity planning needs).  A transient cluster is paid per
 * run, so ecap-1's month is of base days, priced as the executor advice
 * prices the base day's data (its own node choice: what
 * ecap_executor_advise gives for that data); the peak month is the peak
 * day's every day.  The guide pays the peak's whole window every day.
 */
int
ecap__proj_spark(const struct ecap__proj_ctx *ctx, double base, double peak,
		 struct ecap_executor_out *out, struct ecap__proj_spark *s,
		 struct ecap_error *err)
{
	struct ecap_executor_out base_out;
	double base_gb;
	int rc;

	if ((rc = ecap__proj_spark_day(ctx, peak, NULL, out, &s->data_gb,
				       err)) != ECAP_OK)
		return rc;
	s->node_type = out->node_type;
	s->nodes = (double)out->node_count;
	s->executors = (double)out->executor_count;
	s->heap_gb = out->executor_heap_gb;
	s->total_memory_gb = out->total_memory_gb;
	s->projected_hours = out->projected_hours;
	s->window_hours = out->processing_window_hours;
	s->window_missed = !out->window_met;
	s->over_policy = out->policy_cap_exceeded_flag != 0;
	s->capped = out->capped_by_max_executors != 0;
	s->window_miss_hours = out->window_miss_hours;
	s->cost_usd_per_hour = out->cost_usd_per_hour;
	s->peak_cost_usd_per_month = out->cost_usd_per_month;
	s->cost_usd_per_month = out->cost_usd_per_month;
	if (ctx->model != ECAP_MODEL_GUIDE && base != peak) {
		if ((rc = ecap__proj_spark_day(ctx, base, NULL, &base_out,
					       &base_gb, err)) != ECAP_OK)
			return rc;
		s->cost_usd_per_month = base_out.cost_usd_per_month;
	}
	return ECAP_OK;
}

/*
 * Database: ecap-1 keeps the base volume for today's retention (or
 * database.retention_days: storage, working set) and sizes vCPUs and IOPS
 * for the busiest hour of the peak day and today's pools; the guide sizes
 * the peak day's volume as if every day were one.
 */
void
ecap__proj_database(const struct ecap__proj_ctx *ctx, double base,
		    double peak, struct ecap__db_memo *memo,
		    struct ecap__db_calc *db)
{
	ecap__database_calc(ctx->p, ctx->model,
			    ctx->model == ECAP_MODEL_GUIDE ? peak : base, peak,
			    ctx->retention_days, ctx->app_instances, memo, db);
}

/* More than one instance can give: memory, writes or storage (ecap-1's
 * beyond-one-instance reason; the guide's class that does not fit). */
bool
ecap__proj_db_beyond_one(const struct ecap__db_calc *db)
{
	return !db->fits ||
	       db->reason == ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE ||
	       (db->flags & (ECAP_DATABASE_FLAG_MEMORY_SHORT |
			     ECAP_DATABASE_FLAG_STORAGE_LIMIT |
			     ECAP_DATABASE_FLAG_WRITES_SHORT |
			     ECAP_DATABASE_FLAG_READS_SHORT |
			     ECAP_DATABASE_FLAG_IOPS_LIMIT)) != 0;
}

/*
 * Kafka: ecap-1 retains the base day's average rate and carries the peak
 * day's busiest hour (x growth.intraday_peak_factor): today's events a
 * second grown as the transactions (base / current, peak / current), or
 * base / 86400 and peak / 86400; the guide sizes the peak day's average
 * for both.
 */
void
ecap__proj_kafka_rates(const struct ecap__proj_ctx *ctx, double base,
		       double peak, double *events_per_second,
		       double *peak_events_per_second)
{
	double today = ctx->kafka_events_per_second;
	double current = ctx->current_daily_transactions;

	if (ctx->model == ECAP_MODEL_GUIDE) {
		*events_per_second = peak / ECAP__SECONDS_PER_DAY;
		*peak_events_per_second = peak / ECAP__SECONDS_PER_DAY;
	} else if (today > 0.0) {
		*events_per_second = today * (base / current);
		*peak_events_per_second = today * (peak / current) *
					  ctx->intraday_peak_factor;
	} else {
		*events_per_second = base / ECAP__SECONDS_PER_DAY;
		*peak_events_per_second = peak / ECAP__SECONDS_PER_DAY *
					  ctx->intraday_peak_factor;
	}
}

void
ecap__proj_kafka(const struct ecap__proj_ctx *ctx, double base, double peak,
		 const struct ecap_catalog_entry *broker,
		 struct ecap__kafka_args *a, struct ecap__kafka_calc *k)
{
	double ev, peak_ev;

	*a = ctx->kafka;
	a->entry = broker;
	ecap__proj_kafka_rates(ctx, base, peak, &ev, &peak_ev);
	ecap__kafka_set_events(a, ev, peak_ev);
	ecap__kafka_calc(ctx->p, ctx->model, a, k);
}

int
ecap__proj_size(const struct ecap__proj_ctx *ctx, double base, double peak,
		struct ecap__proj_calc *c, struct ecap_error *err)
{
	int rc;

	c->base = base;
	c->peak = peak;
	if ((rc = ecap__proj_spark(ctx, base, peak, &c->exec_out, &c->spark,
				   err)) != ECAP_OK)
		return rc;
	ecap__proj_database(ctx, base, peak, NULL, &c->db);
	ecap__proj_kafka(ctx, base, peak, NULL, &c->kafka_args, &c->kafka);
	c->total_usd_per_month = c->spark.cost_usd_per_month +
				 c->db.cost_usd_per_month +
				 c->kafka.cost_usd_per_month;
	return ECAP_OK;
}

/* ---- deterministic projection ---- */

/* The later of two "YYYY-MM-DD" dates (either may be empty), kept
 * NUL-padded as a catalog entry's are (other: one, cap bytes). */
static void
later_date(char *date, size_t cap, const char *other)
{
	if (other != NULL && strcmp(other, date) > 0)
		ecap__copy_padded(date, other, cap);
}

/*
 * The catalog entries of the last year's node and class: most years of a
 * run size the same ones, so a year looks a name up only when it
 * changed.  The class name points into a catalog or the guide's table,
 * so its pointer is its identity; the node's name is compared.
 */
struct price_memo {
	const char *db_class;
	const struct ecap_catalog_entry *db_entry;
	const struct ecap_catalog_entry *node_entry;
	bool have_db, have_node;
	/* The latest date of the last three entries (NULL: none yet). */
	const struct ecap_catalog_entry *dated[3];
	bool have_date;
	char date[sizeof(((struct ecap_projection_year *)0)->price_date)];
};

static void
fill_prices(const ecap_policy *p, const struct ecap__proj_calc *c,
	    struct price_memo *m, struct ecap_projection_year *y)
{
	/* NUL-padded to the field's size: copied whole. */
	static const char usd[sizeof(y->currency)] = "USD";
	const char *node = c->spark.node_type;

	ecap__copy_padded(y->currency, usd, sizeof(y->currency));
	/* No catalog name is empty: no node (the guide) is no entry. */
	if (node[0] == '\0') {
		m->node_entry = NULL;
		m->have_node = true;
	} else if (!m->have_node || m->node_entry == NULL ||
		   strcmp(m->node_entry->name, node) != 0) {
		m->node_entry = ecap__catalog_find(p, ECAP_CATALOG_SPARK_NODE,
						   node);
		m->have_node = m->node_entry != NULL;
	}
	if (!m->have_db || m->db_class != c->db.instance_class) {
		m->db_class = c->db.instance_class;
		m->db_entry = ecap__catalog_find(p, ECAP_CATALOG_DATABASE,
						 m->db_class);
		m->have_db = true;
	}
	if (!m->have_date || m->dated[0] != m->node_entry ||
	    m->dated[1] != m->db_entry || m->dated[2] != c->kafka.broker) {
		memset(m->date, 0, sizeof(m->date));
		later_date(m->date, sizeof(m->date),
			   m->node_entry != NULL ? m->node_entry->price_date :
						   NULL);
		later_date(m->date, sizeof(m->date),
			   m->db_entry != NULL ? m->db_entry->price_date :
						 NULL);
		later_date(m->date, sizeof(m->date),
			   c->kafka.broker != NULL ?
				   c->kafka.broker->price_date : NULL);
		m->dated[0] = m->node_entry;
		m->dated[1] = m->db_entry;
		m->dated[2] = c->kafka.broker;
		m->have_date = true;
	}
	_Static_assert(sizeof(y->price_date) == sizeof(m->date) &&
		       sizeof(m->date) ==
			       sizeof(((struct ecap_catalog_entry *)0)->price_date),
		       "a catalog date fills the memo's and price_date");
	ecap__copy_padded(y->price_date, m->date, sizeof(y->price_date));
}

static void
fill_spark(const struct ecap__proj_spark *s, struct ecap_projection_year *y)
{
	y->spark_daily_data_gb = s->data_gb;
	/* The advice's node_type, NUL-padded (the advice was zeroed). */
	_Static_assert(sizeof(y->spark_node_type) ==
			       sizeof(((struct ecap_executor_out *)0)->node_type),
		       "the advice's node type fills spark_node_type");
	ecap__copy_padded(y->spark_node_type, s->node_type,
			  sizeof(y->spark_node_type));
	y->spark_node_count = (int64_t)s->nodes;
	y->spark_executors_count = (int64_t)s->executors;
	y->spark_executor_memory_gb = s->heap_gb;
	y->spark_total_memory_gb = s->total_memory_gb;
	y->spark_projected_hours = s->projected_hours;
	y->spark_window_hours = s->window_hours;
	y->spark_window_miss_hours = s->window_miss_hours;
	y->spark_window_missed_flag = s->window_missed;
	y->spark_executors_over_policy_flag = s->over_policy;
	y->spark_executors_capped_flag = s->capped;
	y->spark_cost_usd_per_hour = s->cost_usd_per_hour;
	y->spark_cost_usd_per_month = s->cost_usd_per_month;
	y->spark_peak_cost_usd_per_month = s->peak_cost_usd_per_month;
}

static void
fill_database(const struct ecap__db_calc *db, struct ecap_projection_year *y)
{
	/* A catalog entry's name or the guide table's, NUL-padded. */
	_Static_assert(sizeof(y->database_instance_class) ==
			       sizeof(((struct ecap_catalog_entry *)0)->name),
		       "a class name fills database_instance_class");
	ecap__copy_padded(y->database_instance_class, db->instance_class,
			  sizeof(y->database_instance_class));
	y->database_instances_count = (int64_t)db->instances_needed;
	y->database_memory_required_gb = db->memory_required_gb;
	y->database_storage_gb = db->storage_gb;
	y->database_reason = db->reason;
	y->database_fits_flag = db->fits;
	y->database_vcpu_required_count = db->vcpu_required;
	y->database_iops_required_count = db->iops_required;
	y->database_instance_cost_usd_per_month =
		db->instance_cost_usd_per_month;
	y->database_replica_cost_usd_per_month = db->replica_cost_usd_per_month;
	y->database_storage_cost_usd_per_month = db->storage_cost_usd_per_month;
	y->database_iops_cost_usd_per_month = db->iops_cost_usd_per_month;
	y->database_cost_usd_per_month = db->cost_usd_per_month;
	y->database_beyond_one_instance_flag = ecap__proj_db_beyond_one(db);
}

static void
fill_kafka(const struct ecap__kafka_args *a, const struct ecap__kafka_calc *k,
	   struct ecap_projection_year *y)
{
	y->kafka_events_per_second = a->events_per_second;
	y->kafka_peak_events_per_second = a->peak_events_per_second;
	/* A catalog entry's name, NUL-padded; none for the guide. */
	_Static_assert(sizeof(y->kafka_broker_type) ==
			       sizeof(k->broker->name),
		       "a broker name fills kafka_broker_type");
	if (k->broker != NULL)
		ecap__copy_padded(y->kafka_broker_type, k->broker->name,
				  sizeof(y->kafka_broker_type));
	else
		memset(y->kafka_broker_type, 0, sizeof(y->kafka_broker_type));
	y->kafka_partitions_count = (int64_t)k->partitions;
	y->kafka_brokers_count = (int64_t)k->brokers;
	y->kafka_storage_per_broker_gb = k->storage_per_broker_gb;
	y->kafka_reason = k->limit;
	y->kafka_broker_cost_usd_per_month = k->broker_cost_usd_per_month;
	y->kafka_storage_cost_usd_per_month = k->storage_cost_usd_per_month;
	y->kafka_cost_usd_per_month = k->cost_usd_per_month;
	y->kafka_quota_exceeded_flag = k->quota_exceeded;
}

/*
 * fill_year writes every field of a year (the reserved ones 0), so a year
 * needs no zeroing first (ecap__array_slot): the fields' sizes add up to
 * the struct's, no padding left unwritten.
 */
_Static_assert(ecap_offsetofend(struct ecap_projection_year,
				ecap_projection_year__last_field) -
		       sizeof(size_t) ==
	       12 * sizeof(int32_t) + 3 * 64 + 8 + 16 + 33 * sizeof(double),
	       "fill_year writes every byte of a year");

static void
fill_year(const struct ecap__proj_ctx *ctx, int year,
	  const struct ecap__proj_calc *c, struct price_memo *m,
	  struct ecap_projection_year *y)
{
	bool guide = ctx->model == ECAP_MODEL_GUIDE;

	y->model = ctx->model;
	y->year = year;
	/* The guide reports int(base) and int(peak) but sizes the peak. */
	y->base_daily_transactions = guide ? ecap__trunc(c->base) : c->base;
	y->peak_daily_transactions = guide ? ecap__trunc(c->peak) : c->peak;
	y->growth_multiple_ratio = c->base / ctx->current_daily_transactions;
	fill_spark(&c->spark, y);
	fill_database(&c->db, y);
	fill_kafka(&c->kafka_args, &c->kafka, y);
	y->total_cost_usd_per_month = c->total_usd_per_month;
	y->review_architecture_flag = ecap__proj_review(ctx, c->base);
	y->reserved_0 = 0;
	fill_prices(ctx->p, c, m, y);
}

/* (1 + g) ** year as Python computes it, with libm's pow. */
static double
growth(double factor, int64_t year)
{
	return pow(factor, (double)year);
}

ECAP_API int
ecap_projection_run(const ecap_policy *policy,
		    const struct ecap_projection_in *in,
		    struct ecap_projection_year *years, size_t *count,
		    struct ecap_error *err)
{
	const size_t known = ecap_offsetofend(struct ecap_projection_year,
					      ecap_projection_year__last_field);
	const struct ecap_scenario *s;
	struct ecap__proj_ctx ctx;
	struct ecap__proj_today today;
	struct ecap__proj_calc c;
	struct price_memo memo = { .have_db = false, .have_node = false,
				   .have_date = false };
	size_t stride;
	int64_t year;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_projection_in)) != ECAP_OK ||
	    (rc = ecap__proj_resolve(policy, in->current_daily_transactions,
				     in->years, in->scenario,
				     sizeof(in->scenario), &s, err)) ||
	    (rc = ecap__proj_array_begin(years, count, (size_t)in->years,
					 known, "ecap_projection_year",
					 &stride, err)))
		return rc;
	today = ECAP__PROJ_TODAY_OF(in);
	if ((rc = ecap__proj_ctx_init(&ctx, policy,
				      in->current_daily_transactions, &today,
				      err)))
		return rc;
	for (year = 1; year <= in->years; year++) {
		/* The guide's order: base = current * (1 + g) ** year. */
		double base = in->current_daily_transactions *
			      growth(1.0 + s->yearly_growth_ratio, year);
		double peak = base * s->seasonal_peak_factor;

		if ((rc = ecap__proj_check_peak(&ctx, peak, year, err)) !=
			    ECAP_OK ||
		    (rc = ecap__proj_size(&ctx, base, peak, &c, err)) !=
			    ECAP_OK)
			return rc;
		fill_year(&ctx, (int)year, &c, &memo,
			  ecap__array_slot(years, stride, (size_t)year - 1));
	}
	return ECAP_OK;
}
