/* SPDX-License-Identifier: MIT */
/*
 * projection.c - growth projection (the guide's project_capacity_needs)
 * and its Monte Carlo version.
 *
 * Each year's peak daily transactions are sized by the Spark executor
 * advisor (ecap_executor_advise), the database and the Kafka helpers.  The
 * Monte Carlo draws come from xoshiro256** seeded by SplitMix64, with a
 * normal deviate made of integer arithmetic only (the Irwin-Hall sum of 12
 * uniforms), so a seed gives the same numbers on every platform and in
 * every binding; see ecap_projection_run(3).
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "capacity.h"
#include "json-check.h"
#include "sbuf.h"

#define SECONDS_PER_DAY 86400.0

/* ---- sizing one peak ---- */

struct spark_calc {
	double data_gb;
	double executors;
	double memory_gb;
	double cost_usd_per_hour;
	double cost_usd_per_month;
};

struct peak_calc {
	struct spark_calc spark;
	struct ecap__db_calc db;
	struct ecap__kafka_args kafka_args;
	struct ecap__kafka_calc kafka;
	double total_usd_per_month;
};

/*
 * Spark: the executor advisor for peak / growth.transactions_per_gb GB a
 * day.  Its cost per hour is billed for the processing window every day of
 * the month (executor.processing_window_hours * cost.hours_per_month / 24):
 * a batch cluster that runs its daily window, not an always-on one.
 */
static int
size_spark(const ecap_policy *p, double peak, struct spark_calc *s,
	   struct ecap_error *err)
{
	struct ecap_executor_in in;
	struct ecap_executor_out out;
	int rc;

	memset(s, 0, sizeof(*s));
	s->data_gb = peak / ecap__pd(p, ECAP_K_GROWTH_TRANSACTIONS_PER_GB);
	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	in.daily_data_gb = s->data_gb;
	if ((rc = ecap_executor_advise(p, &in, &out, err)) != ECAP_OK)
		return rc;
	s->executors = (double)out.executor_count;
	s->memory_gb = out.executor_heap_gb;
	s->cost_usd_per_hour = out.cost_usd_per_hour;
	s->cost_usd_per_month = out.window_cost_usd *
				(ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH) / 24.0);
	return ECAP_OK;
}

static int
size_peak(const ecap_policy *p, double peak, struct peak_calc *c,
	  struct ecap_error *err)
{
	struct ecap__kafka_args *a = &c->kafka_args;
	int rc;

	if ((rc = size_spark(p, peak, &c->spark, err)) != ECAP_OK)
		return rc;
	ecap__database_calc(p, p->model, peak,
			    (double)ecap__pi(p, ECAP_K_DATABASE_RETENTION_DAYS),
			    (double)ecap__pi(p, ECAP_K_DATABASE_APP_INSTANCE_COUNT),
			    &c->db);
	ecap__kafka_defaults(p, a);
	/* The guide sizes Kafka for the day's average rate; ecap-1 for the
	 * busiest hour of the peak day. */
	ecap__kafka_set_events(a, peak / SECONDS_PER_DAY,
			       p->model == ECAP_MODEL_GUIDE ?
			       peak / SECONDS_PER_DAY :
			       peak / SECONDS_PER_DAY *
			       ecap__pd(p, ECAP_K_GROWTH_INTRADAY_PEAK_FACTOR));
	ecap__kafka_calc(p, p->model, a, &c->kafka);
	c->total_usd_per_month = c->spark.cost_usd_per_month +
				 c->db.cost_usd_per_month +
				 c->kafka.cost_usd_per_month;
	return ECAP_OK;
}

/* ---- inputs shared by both projections ---- */

static int
resolve(const ecap_policy *p, double tx, int64_t years, const char *name,
	size_t name_cap, const struct ecap_scenario **scenario,
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

/*
 * A caller's array of sized structs: the first element's sz is the stride.
 * NOSPACE (with the count needed) when it holds fewer than n.
 */
static int
array_begin(const void *first, size_t *count, size_t n, size_t known,
	    const char *type, size_t *stride, struct ecap_error *err)
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

/* ---- deterministic projection ---- */

/* A projected peak must stay within what the advisors accept. */
static int
check_peak(double peak, int64_t year, struct ecap_error *err)
{
	if (peak >= 1.0 && peak <= ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY)
		return ECAP_OK;
	return ecap__fail(err, ECAP_ERR_RANGE, "years",
			  "year %lld's peak of %.6g transactions a day is "
			  "%s; project fewer years", (long long)year, peak,
			  peak < 1.0 ? "below 1" : "above 1e12");
}

static void
fill_year(const ecap_policy *p, int year, double base, double peak,
	  const struct peak_calc *c, struct ecap_projection_year *y)
{
	bool guide = p->model == ECAP_MODEL_GUIDE;

	y->model = p->model;
	y->year = year;
	/* The guide reports int(base) and int(peak) but sizes the peak. */
	y->base_daily_transactions = guide ? trunc(base) : base;
	y->peak_daily_transactions = guide ? trunc(peak) : peak;
	y->spark_daily_data_gb = c->spark.data_gb;
	y->spark_executors_count = (int64_t)c->spark.executors;
	y->spark_executor_memory_gb = c->spark.memory_gb;
	y->spark_cost_usd_per_hour = c->spark.cost_usd_per_hour;
	y->spark_cost_usd_per_month = c->spark.cost_usd_per_month;
	ecap__strlcpy(y->database_instance_class, c->db.instance_class,
		      sizeof(y->database_instance_class));
	y->database_memory_required_gb = c->db.memory_required_gb;
	y->database_storage_gb = c->db.storage_gb;
	y->database_reason = c->db.reason;
	y->database_fits_flag = c->db.fits;
	y->database_instances_count = (int64_t)c->db.instances_needed;
	y->database_cost_usd_per_month = c->db.cost_usd_per_month;
	y->kafka_events_per_second = c->kafka_args.events_per_second;
	y->kafka_peak_events_per_second = c->kafka_args.peak_events_per_second;
	y->kafka_partitions_count = (int64_t)c->kafka.partitions;
	y->kafka_brokers_count = (int64_t)c->kafka.brokers;
	y->kafka_storage_per_broker_gb = c->kafka.storage_per_broker_gb;
	y->kafka_reason = c->kafka.limit;
	y->kafka_cost_usd_per_month = c->kafka.cost_usd_per_month;
	y->total_cost_usd_per_month = c->total_usd_per_month;
}

/* The sentence of a year, from its fields only (caller memory: the class
 * name is read within its array even without a NUL). */
static int
year_sentence(const struct ecap_projection_year *y, char *buf, size_t size,
	      struct ecap_error *err)
{
	return ecap__explainf(err, buf, size,
			     "year %d: peak %.6g transactions/day: %lld "
			     "executors, %.*s x%lld for %.6g GB of memory, "
			     "%lld Kafka brokers; %.2f USD/month", (int)y->year,
			     y->peak_daily_transactions,
			     (long long)y->spark_executors_count,
			     (int)strnlen(y->database_instance_class,
					  sizeof(y->database_instance_class)),
			     y->database_instance_class,
			     (long long)y->database_instances_count,
			     y->database_memory_required_gb,
			     (long long)y->kafka_brokers_count,
			     y->total_cost_usd_per_month);
}

ECAP_API int
ecap_projection_year_explain(const struct ecap_projection_year *year,
			     char *buf, size_t size, struct ecap_error *err)
{
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, year, ecap_projection_year)) != ECAP_OK)
		return rc;
	return year_sentence(year, buf, size, err);
}

ECAP_API int
ecap_projection_run(const ecap_policy *policy,
		    const struct ecap_projection_in *in,
		    struct ecap_projection_year *years, size_t *count,
		    struct ecap_error *err)
{
	const size_t known = ecap_offsetofend(struct ecap_projection_year,
					      total_cost_usd_per_month);
	const struct ecap_scenario *s;
	struct peak_calc c;
	size_t stride;
	int64_t year;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_projection_in)) != ECAP_OK ||
	    (rc = resolve(policy, in->current_daily_transactions, in->years,
			  in->scenario, sizeof(in->scenario), &s, err)) ||
	    (rc = array_begin(years, count, (size_t)in->years, known,
			      "ecap_projection_year", &stride, err)))
		return rc;
	for (year = 1; year <= in->years; year++) {
		/* The guide's order: base = current * (1 + g) ** year. */
		double base = in->current_daily_transactions *
			      pow(1.0 + s->yearly_growth_ratio, (double)year);
		double peak = base * s->seasonal_peak_factor;

		if ((rc = check_peak(peak, year, err)) != ECAP_OK ||
		    (rc = size_peak(policy, peak, &c, err)) != ECAP_OK)
			return rc;
		fill_year(policy, (int)year, base, peak, &c,
			  ecap__array_at(years, stride, (size_t)year - 1,
					 known));
	}
	return ECAP_OK;
}

/* ---- Monte Carlo ---- */

/* SplitMix64 (Steele, Lea, Flood 2014), to seed xoshiro256**. */
static ECAP_WRAPS uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static inline ECAP_WRAPS uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* xoshiro256** 1.0 (Blackman and Vigna 2018). */
struct rng {
	uint64_t s[4];
};

static void
rng_seed(struct rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static inline ECAP_WRAPS uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/*
 * A standard normal deviate, approximately: the Irwin-Hall sum of 12
 * uniforms minus 6 (mean 0, variance 1, range -6 to 6).  The sum of the 12
 * top-53-bit integers is exact in 64 bits; one rounding (to double), one
 * exact scaling and one subtraction follow, so every IEEE 754 platform and
 * language gives the same number, unlike Box-Muller's log and cos.
 */
static inline double
rng_normal(struct rng *r)
{
	uint64_t sum = 0;
	int i;

	for (i = 0; i < 12; i++)
		sum += rng_next(r) >> 11;
	return (double)sum * 0x1p-53 - 6.0;
}

static inline double
clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/*
 * The k-th smallest (0-based) of v[0..n-1] by Hoare's quickselect; on
 * return everything before index k is <= v[k] and everything after >=.
 */
static double
select_kth(double *v, size_t n, size_t k)
{
	ptrdiff_t lo = 0, hi = (ptrdiff_t)n - 1, kk = (ptrdiff_t)k;

	while (lo < hi) {
		double pivot = v[lo + (hi - lo) / 2];
		ptrdiff_t i = lo, j = hi;

		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				double t = v[i];

				v[i++] = v[j];
				v[j--] = t;
			}
		}
		if (kk <= j)
			hi = j;
		else if (kk >= i)
			lo = i;
		else
			break;	/* between j and i every value is the pivot */
	}
	return v[kk];
}

/* Nearest rank: the ceil(pct / 100 * n)-th smallest, 1-based. */
static size_t
rank_of(size_t n, unsigned pct)
{
	size_t r = (n * pct + 99) / 100;

	return r > 0 ? r - 1 : 0;
}

/* P50, P90, P99 of v[0..n-1], selected from the top down (reorders v). */
static void
percentiles(double *v, size_t n, double *p50, double *p90, double *p99)
{
	size_t r99 = rank_of(n, 99), r90 = rank_of(n, 90), r50 = rank_of(n, 50);

	*p99 = select_kth(v, n, r99);
	/* Everything below index r99 is <= P99 now: select within it. */
	*p90 = r90 < r99 ? select_kth(v, r99, r90) : *p99;
	*p50 = r50 < r90 ? select_kth(v, r90, r50) : *p90;
}

enum { MC_EXECUTORS, MC_DB_MEMORY, MC_BROKERS, MC_COST, MC_N };

ECAP_API int
ecap_projection_montecarlo(const ecap_policy *policy,
			   const struct ecap_projection_montecarlo_in *in,
			   struct ecap_projection_montecarlo_year *years, size_t *count,
			   struct ecap_error *err)
{
	const size_t known = ecap_offsetofend(struct ecap_projection_montecarlo_year,
					      total_cost_p99_usd_per_month);
	const struct ecap_scenario *s;
	struct ecap_projection_montecarlo_year *y;
	struct peak_calc c;
	struct rng r;
	double *growth, *vals[MC_N], sized_peak = NAN;
	size_t stride, n, i;
	int64_t year;
	int rc = ECAP_OK, k;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_projection_montecarlo_in)) !=
		    ECAP_OK ||
	    (rc = resolve(policy, in->current_daily_transactions, in->years,
			  in->scenario, sizeof(in->scenario), &s, err)) ||
	    (rc = ecap__check_int64(err, "paths_count", in->paths_count, 0,
				    1000000)) ||
	    (rc = array_begin(years, count, (size_t)in->years, known,
			      "ecap_projection_montecarlo_year", &stride, err)))
		return rc;
	n = in->paths_count != 0 ?
	    (size_t)in->paths_count :
	    (size_t)ecap__pi(policy, ECAP_K_GROWTH_MONTECARLO_PATHS);
	/* One block: the paths' cumulative growth and four value columns. */
	if ((growth = ecap__malloc(sizeof(double) * n * (MC_N + 1))) == NULL)
		return ecap__fail(err, ECAP_ERR_NOMEM, "paths_count",
				  "cannot allocate %zu paths", n);
	for (k = 0; k < MC_N; k++)
		vals[k] = growth + n * (size_t)(k + 1);
	for (i = 0; i < n; i++)
		growth[i] = 1.0;
	rng_seed(&r, in->seed);
	for (year = 1; year <= in->years && rc == ECAP_OK; year++) {
		for (i = 0; i < n; i++) {
			/* Always two draws per path and year, in this
			 * order, whatever the spreads. */
			double zg = rng_normal(&r), zp = rng_normal(&r), peak;
			double g = clamp(s->yearly_growth_ratio +
					 s->yearly_growth_sd_ratio * zg,
					 -0.99, 100.0);
			double peak_factor = clamp(s->seasonal_peak_factor +
						   s->seasonal_peak_sd_factor * zp,
						   1.0, 100.0);

			/* No spread: exactly the deterministic factor. */
			growth[i] = s->yearly_growth_sd_ratio == 0.0 ?
				    pow(1.0 + s->yearly_growth_ratio, (double)year) :
				    growth[i] * (1.0 + g);
			peak = in->current_daily_transactions * growth[i] *
			       peak_factor;
			/*
			 * The sizing is a function of the peak alone: a peak
			 * equal to the last one sized (every path when both
			 * spreads are 0) reuses it, exactly.
			 */
			if (peak != sized_peak &&
			    ((rc = check_peak(peak, year, err)) != ECAP_OK ||
			     (rc = size_peak(policy, peak, &c, err)) != ECAP_OK))
				break;
			sized_peak = peak;
			vals[MC_EXECUTORS][i] = c.spark.executors;
			vals[MC_DB_MEMORY][i] = c.db.memory_required_gb;
			vals[MC_BROKERS][i] = c.kafka.brokers;
			vals[MC_COST][i] = c.total_usd_per_month;
		}
		if (rc != ECAP_OK)
			break;
		y = ecap__array_at(years, stride, (size_t)year - 1, known);
		y->model = policy->model;
		y->year = (int32_t)year;
		percentiles(vals[MC_EXECUTORS], n, &y->spark_executors_p50_count,
			    &y->spark_executors_p90_count,
			    &y->spark_executors_p99_count);
		percentiles(vals[MC_DB_MEMORY], n, &y->database_memory_p50_gb,
			    &y->database_memory_p90_gb,
			    &y->database_memory_p99_gb);
		percentiles(vals[MC_BROKERS], n, &y->kafka_brokers_p50_count,
			    &y->kafka_brokers_p90_count,
			    &y->kafka_brokers_p99_count);
		percentiles(vals[MC_COST], n, &y->total_cost_p50_usd_per_month,
			    &y->total_cost_p90_usd_per_month,
			    &y->total_cost_p99_usd_per_month);
	}
	ecap__free(growth);
	return rc;
}

/* ---- JSON ---- */

/*
 * A member being added: the object, and the key that could not be (NaN,
 * infinite, text not NUL-terminated or not UTF-8) for the error message.
 */
struct jyear {
	json_t *o;
	const char *bad;
};

static int
json_finish(json_t *root, const struct jyear *j, size_t i, size_t count,
	    char **json, struct ecap_error *err)
{
	struct ecap__sbuf b = { NULL, 0, 0, false };
	char *text = NULL;

	/* Year i failed when i < count: a bad member or no memory.  The text
	 * is written into our own buffer, so that it is freed with ecap_free
	 * whatever allocator jansson uses, and any failure leaves none. */
	if (i == count) {
		ecap__sb_json(&b, root,
			      JSON_INDENT(2) | JSON_REAL_PRECISION(17));
		text = ecap__sb_finish(&b);
	}
	json_decref(root);
	if (j->bad != NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, j->bad,
				  "years[%zu].%s is NaN or infinite, or text "
				  "that is not NUL-terminated or not UTF-8",
				  i, j->bad);
	if (text == NULL)
		return ecap__fail(err, ECAP_ERR_NOMEM, "json",
				  "cannot render the projection");
	*json = text;
	return ECAP_OK;
}

/* Sets a number member; false when v is not finite or memory ran out. */
static bool
put_real(struct jyear *j, const char *key, double v)
{
	if (!isfinite(v)) {
		j->bad = key;
		return false;
	}
	return json_object_set_new(j->o, key, json_real(v)) == 0;
}

static bool
put_int(struct jyear *j, const char *key, int64_t v)
{
	return json_object_set_new(j->o, key, json_integer((json_int_t)v)) == 0;
}

/* Jansson escapes quotes, backslashes and control characters; it refuses
 * text that is not UTF-8. */
static bool
put_str(struct jyear *j, const char *key, const char *v, size_t cap)
{
	const char *nul = memchr(v, '\0', cap);

	if (nul == NULL || !ecap__utf8_ok(v, (size_t)(nul - v))) {
		j->bad = key;
		return false;
	}
	/* Valid text: a NULL from jansson is memory. */
	return json_object_set_new(j->o, key, json_string(v)) == 0;
}

/* "reason_text": the year's sentence, rendered here on demand. */
static bool
put_explanation(struct jyear *j, const struct ecap_projection_year *y)
{
	char text[ECAP_EXPLAIN_MAX];

	if (year_sentence(y, text, sizeof(text), NULL) != ECAP_OK) {
		j->bad = "reason_text";
		return false;
	}
	return put_str(j, "reason_text", text, sizeof(text));
}

/* The common frame: validates the array and makes {"model", "years": []}. */
static int
json_begin(const void *first, size_t count, size_t known, const char *type,
	   char **json, json_t **root, json_t **arr, size_t *stride,
	   struct ecap_error *err)
{
	const char *model;
	int32_t m0 = 0;
	size_t i;
	int rc;

	if ((rc = ecap__check_ptr(err, json, "json")) != ECAP_OK)
		return rc;
	*json = NULL;
	if (count == 0 || count > ECAP_PROJECTION_MAX_YEARS)
		return ecap__fail(err, ECAP_ERR_RANGE, "count",
				  "count is %zu; 1 to %d years can be "
				  "rendered", count, ECAP_PROJECTION_MAX_YEARS);
	if ((rc = ecap__array_stride(err, first, count, known, type, stride)))
		return rc;
	/* model is the first int32_t after sz in both year structs; every
	 * year's must be known, and the same (one projection). */
	for (i = 0; i < count; i++) {
		int32_t m;

		memcpy(&m, (const unsigned char *)first + i * *stride +
			   sizeof(size_t), sizeof(m));
		if (i == 0)
			m0 = m;
		if (ecap_model_to_string(m) == NULL || m != m0)
			return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "model",
					  "years[%zu].model is %d, %s; fill "
					  "the array with one projection",
					  i, (int)m,
					  ecap_model_to_string(m) == NULL ?
						  "unknown" :
						  "not the first year's");
	}
	model = ecap_model_to_string(m0);
	*root = json_object();
	*arr = json_array();
	if (*root == NULL || *arr == NULL ||
	    json_object_set_new(*root, "model", json_string(model)) != 0 ||
	    json_object_set(*root, "years", *arr) != 0) {
		json_decref(*root);
		json_decref(*arr);
		return ecap__fail(err, ECAP_ERR_NOMEM, "json",
				  "cannot render the projection");
	}
	json_decref(*arr);
	return ECAP_OK;
}

static bool
projection_year_json(json_t *arr, const struct ecap_projection_year *y,
		     struct jyear *j)
{
	bool ok;

	j->o = json_object();
	ok = j->o != NULL && json_array_append_new(arr, j->o) == 0;
	ok = ok && put_int(j, "year", y->year) &&
	     put_real(j, "base_daily_transactions", y->base_daily_transactions) &&
	     put_real(j, "peak_daily_transactions", y->peak_daily_transactions) &&
	     put_real(j, "spark_daily_data_gb", y->spark_daily_data_gb) &&
	     put_int(j, "spark_executors_count", y->spark_executors_count) &&
	     put_real(j, "spark_executor_memory_gb", y->spark_executor_memory_gb) &&
	     put_real(j, "spark_cost_usd_per_hour", y->spark_cost_usd_per_hour) &&
	     put_real(j, "spark_cost_usd_per_month", y->spark_cost_usd_per_month) &&
	     put_str(j, "database_instance_class", y->database_instance_class,
		     sizeof(y->database_instance_class)) &&
	     put_real(j, "database_memory_required_gb",
		      y->database_memory_required_gb) &&
	     put_real(j, "database_storage_gb", y->database_storage_gb) &&
	     put_int(j, "database_reason", y->database_reason) &&
	     put_int(j, "database_fits_flag", y->database_fits_flag) &&
	     put_int(j, "database_instances_count", y->database_instances_count) &&
	     put_real(j, "database_cost_usd_per_month",
		      y->database_cost_usd_per_month) &&
	     put_real(j, "kafka_events_per_second", y->kafka_events_per_second) &&
	     put_real(j, "kafka_peak_events_per_second",
		      y->kafka_peak_events_per_second) &&
	     put_int(j, "kafka_partitions_count", y->kafka_partitions_count) &&
	     put_int(j, "kafka_brokers_count", y->kafka_brokers_count) &&
	     put_real(j, "kafka_storage_per_broker_gb",
		      y->kafka_storage_per_broker_gb) &&
	     put_int(j, "kafka_reason", y->kafka_reason) &&
	     put_real(j, "kafka_cost_usd_per_month", y->kafka_cost_usd_per_month) &&
	     put_real(j, "total_cost_usd_per_month", y->total_cost_usd_per_month) &&
	     put_explanation(j, y);
	return ok;
}

ECAP_API int
ecap_projection_to_json(const struct ecap_projection_year *years,
			size_t count, char **json, struct ecap_error *err)
{
	const size_t known = ecap_offsetofend(struct ecap_projection_year,
					      total_cost_usd_per_month);
	struct jyear j = { NULL, NULL };
	json_t *root, *arr;
	size_t stride, i;
	int rc;

	ecap__err_clear(err);
	if ((rc = json_begin(years, count, known, "ecap_projection_year", json,
			     &root, &arr, &stride, err)) != ECAP_OK)
		return rc;
	for (i = 0; i < count; i++)
		if (!projection_year_json(
			arr, (const void *)((const unsigned char *)years +
					    i * stride), &j))
			break;
	return json_finish(root, &j, i, count, json, err);
}

static bool
montecarlo_year_json(json_t *arr,
		     const struct ecap_projection_montecarlo_year *y,
		     struct jyear *j)
{
	bool ok;

	j->o = json_object();
	ok = j->o != NULL && json_array_append_new(arr, j->o) == 0;
	return ok && put_int(j, "year", y->year) &&
	       put_real(j, "spark_executors_p50_count", y->spark_executors_p50_count) &&
	       put_real(j, "spark_executors_p90_count", y->spark_executors_p90_count) &&
	       put_real(j, "spark_executors_p99_count", y->spark_executors_p99_count) &&
	       put_real(j, "database_memory_p50_gb", y->database_memory_p50_gb) &&
	       put_real(j, "database_memory_p90_gb", y->database_memory_p90_gb) &&
	       put_real(j, "database_memory_p99_gb", y->database_memory_p99_gb) &&
	       put_real(j, "kafka_brokers_p50_count", y->kafka_brokers_p50_count) &&
	       put_real(j, "kafka_brokers_p90_count", y->kafka_brokers_p90_count) &&
	       put_real(j, "kafka_brokers_p99_count", y->kafka_brokers_p99_count) &&
	       put_real(j, "total_cost_p50_usd_per_month",
			y->total_cost_p50_usd_per_month) &&
	       put_real(j, "total_cost_p90_usd_per_month",
			y->total_cost_p90_usd_per_month) &&
	       put_real(j, "total_cost_p99_usd_per_month",
			y->total_cost_p99_usd_per_month);
}

ECAP_API int
ecap_projection_montecarlo_to_json(
	const struct ecap_projection_montecarlo_year *years, size_t count,
	char **json, struct ecap_error *err)
{
	const size_t known = ecap_offsetofend(
		struct ecap_projection_montecarlo_year,
		total_cost_p99_usd_per_month);
	struct jyear j = { NULL, NULL };
	json_t *root, *arr;
	size_t stride, i;
	int rc;

	ecap__err_clear(err);
	if ((rc = json_begin(years, count, known,
			     "ecap_projection_montecarlo_year", json, &root,
			     &arr, &stride, err)) != ECAP_OK)
		return rc;
	for (i = 0; i < count; i++)
		if (!montecarlo_year_json(
			arr, (const void *)((const unsigned char *)years +
					    i * stride), &j))
			break;
	return json_finish(root, &j, i, count, json, err);
}
