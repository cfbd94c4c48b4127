/* SPDX-License-Identifier: MIT */
/*
 * projection-mc.c - the Monte Carlo projection: random growth and seasonal
 * peak per path and year, each path-year sized by the advisors' decision
 * functions one family (one column of paths) at a time, and the mean and
 * P10/P50/P90/P99 of every sizing and cost part selected without sorting.
 *
 * The draws come from xoshiro256** seeded by SplitMix64, with a normal
 * deviate made of integer arithmetic only (the Irwin-Hall sum of 12
 * uniforms), so a seed gives the same numbers on every platform and in
 * every binding; see ecap_projection_run(3).
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "projection-internal.h"

/* ---- generator ---- */

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

/*
 * A standard normal deviate, approximately: the Irwin-Hall sum of 12
 * uniforms minus 6 (mean 0, variance 1, range -6 to 6).  The sum of the 12
 * top-53-bit integers is exact in 64 bits; one rounding (to double), one
 * exact scaling and one subtraction follow, so every IEEE 754 platform and
 * language gives the same number, unlike Box-Muller's log and cos.  The
 * state lives in locals for the 12 steps (xoshiro256** 1.0), written out
 * four steps a loop turn: -O2 does not unroll the loop, whose control was
 * a sixth of the step's instructions.
 */
#define XOSHIRO_STEP()                                                  \
	do {                                                            \
		sum += (rotl(s1 * 5, 7) * 9) >> 11;                     \
		t = s1 << 17;                                           \
		s2 ^= s0;                                               \
		s3 ^= s1;                                               \
		s1 ^= s2;                                               \
		s0 ^= s3;                                               \
		s2 ^= t;                                                \
		s3 = rotl(s3, 45);                                      \
	} while (0)

static inline ECAP_WRAPS double
rng_normal(struct rng *r)
{
	uint64_t s0 = r->s[0], s1 = r->s[1], s2 = r->s[2], s3 = r->s[3];
	uint64_t sum = 0, t;
	int i;

	for (i = 0; i < 3; i++) {
		XOSHIRO_STEP();
		XOSHIRO_STEP();
		XOSHIRO_STEP();
		XOSHIRO_STEP();
	}
	r->s[0] = s0;
	r->s[1] = s1;
	r->s[2] = s2;
	r->s[3] = s3;
	return (double)sum * 0x1p-53 - 6.0;
}

static inline double
clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* ---- percentiles ---- */

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

/* Nearest rank: the ecap__ceil(pct / 100 * n)-th smallest, 1-based. */
static size_t
rank_of(size_t n, unsigned pct)
{
	size_t r = (n * pct + 99) / 100;

	return r > 0 ? r - 1 : 0;
}

enum { PCT_10, PCT_50, PCT_90, PCT_99, PCT_N };

static const unsigned pcts[PCT_N] = { 10, 50, 90, 99 };

/* Bins of the histogram select: a count column whose values span fewer
 * (nodes, executors, instances, brokers) is counted, not selected. */
#define HIST_BINS 65536

/*
 * Percentiles by counting, when every value is a whole number in
 * [lo, lo + nbins) (lo whole and non-negative, checked by the caller): one
 * pass counts and checks that each value is whole (v - lo is exact here:
 * both are multiples of lo's unit in the last place and the difference is
 * below 2^16), one pass over the bins finds the four ranks.  False, with
 * out untouched, when a value is not whole.
 */
static bool
hist_select(const double *v, size_t n, double lo, uint32_t *bins,
	    size_t nbins, double out[PCT_N])
{
	size_t i, seen = 0, b = 0;
	bool fraction = false;
	int q;

	memset(bins, 0, nbins * sizeof(*bins));
	for (i = 0; i < n; i++) {
		double d = v[i] - lo;
		size_t k = (size_t)d;

		fraction |= (double)k != d;
		bins[k]++;
	}
	if (fraction)
		return false;
	for (q = 0; q < PCT_N; q++) {
		size_t r = rank_of(n, pcts[q]);

		while (seen + bins[b] <= r)
			seen += bins[b++];
		out[q] = lo + (double)b;
	}
	return true;
}

/*
 * Percentiles of any column by bucket select: a bucket index that never
 * decreases with the value ((v - lo) * scale, each step rounded
 * monotonically) sorts the values into ordered buckets in one pass
 * (about 16 values a bucket), which keeps each value's bucket; the bucket
 * holding each rank is found from the counts, and only its values are
 * gathered (one more pass) and selected among.
 */
static void
bucket_select(const double *v, size_t n, double lo, double hi,
	      uint32_t *bins, int8_t *slot_of, double *scratch, uint16_t *bucket,
	      double out[PCT_N])
{
	/* About 16 values a bucket. */
	size_t nb = n / 16 < 16 ? 16 : n / 16 > HIST_BINS ? HIST_BINS : n / 16;
	double scale = (double)(nb - 1) / (hi - lo);
	size_t r[PCT_N], b[PCT_N], below[PCT_N], start[PCT_N], fill[PCT_N];
	size_t i, seen = 0, k = 0, used = 0;
	int q, t;

	memset(bins, 0, nb * sizeof(*bins));
	for (i = 0; i < n; i++) {
		bucket[i] = (uint16_t)((v[i] - lo) * scale);
		bins[bucket[i]]++;
	}
	for (q = 0; q < PCT_N; q++) {
		r[q] = rank_of(n, pcts[q]);
		while (seen + bins[k] <= r[q])
			seen += bins[k++];
		b[q] = k;
		below[q] = seen;
		/* Ranks in one bucket share its values. */
		start[q] = q > 0 && b[q] == b[q - 1] ? start[q - 1] : used;
		if (start[q] == used)
			used += bins[k];
		fill[q] = start[q];
		slot_of[k] = (int8_t)(q > 0 && b[q] == b[q - 1] ?
				      slot_of[b[q - 1]] : q);
	}
	for (i = 0; i < n; i++) {
		t = slot_of[bucket[i]];
		if (t >= 0)
			scratch[fill[t]++] = v[i];
	}
	for (q = 0; q < PCT_N; q++) {
		out[q] = select_kth(scratch + start[q], bins[b[q]],
				    r[q] - below[q]);
		slot_of[b[q]] = -1;
	}
}

/*
 * A column's sum (in path order), smallest and largest value, accumulated
 * by the loop that writes the column: the sum's chain of additions then
 * overlaps the sizing instead of being a pass of its own.
 */
struct acc {
	double sum, lo, hi;
};

#define ACC_INIT { 0.0, INFINITY, -INFINITY }

static inline void
acc_add(struct acc *a, double v)
{
	a->sum += v;
	a->lo = v < a->lo ? v : a->lo;
	a->hi = v > a->hi ? v : a->hi;
}

/* Path i's value v of a column and its accumulator. */
static inline void
put(double *col, size_t i, struct acc *a, double v)
{
	col[i] = v;
	acc_add(a, v);
}

/*
 * The mean (summed in path order) and the percentiles of v (selection moves
 * values within their buckets only).  A count column (counts) whose
 * values are whole, non-negative and span fewer than HIST_BINS is
 * counted; any other is selected.  a: the column's sum and range.
 */
static void
band_of(double *v, size_t n, const struct acc *a, bool counts,
	uint32_t *bins, int8_t *slot_of, double *scratch, uint16_t *bucket,
	struct ecap_projection_band *b)
{
	double sum = a->sum, lo = a->lo, hi = a->hi, out[PCT_N];

	/* lo < 9e15 first: only then is the cast defined. */
	counts = counts && lo >= 0.0 && lo < 9e15 &&
		 lo == (double)(int64_t)lo && hi - lo < (double)HIST_BINS;
	if (hi == lo)
		out[PCT_10] = out[PCT_50] = out[PCT_90] = out[PCT_99] = lo;
	else if (!counts ||
		 !hist_select(v, n, lo, bins, (size_t)(hi - lo) + 1, out))
		bucket_select(v, n, lo, hi, bins, slot_of, scratch, bucket,
			      out);
	b->mean = sum / (double)n;
	b->p10 = out[PCT_10];
	b->p50 = out[PCT_50];
	b->p90 = out[PCT_90];
	b->p99 = out[PCT_99];
}

/* ---- the run ---- */

/* Columns of one year over the paths. */
enum {
	C_BASE,
	C_PEAK,
	C_SPARK_NODES,
	C_SPARK_EXECUTORS,
	C_SPARK_HOURS,
	C_DB_INSTANCES,
	C_DB_MEMORY,
	C_DB_STORAGE,
	C_KAFKA_BROKERS,
	C_KAFKA_STORAGE,
	C_SPARK_COST,
	C_SPARK_PEAK_COST,
	C_DB_COST,
	C_KAFKA_COST,
	C_TOTAL,
	C_N
};

struct mc {
	const struct ecap__proj_ctx *ctx;
	const struct ecap_scenario *s;
	size_t n;
	double *growth;
	double *col[C_N];
	double *scratch;
	uint32_t *bins;
	/* Bucket -> the rank whose bucket it is, or -1. */
	int8_t *slot_of;
	/* Each path's bucket in the column being selected. */
	uint16_t *bucket;
	/* The database class picks of the run. */
	struct ecap__db_memo *db_memo;
	/* Each column's sum and range this year. */
	struct acc acc[C_N];
	/* Paths flagged this year. */
	size_t window_missed, over_policy, capped, beyond_one, quota, review;
};

/*
 * Draws every path's growth and seasonal peak for the year, in the
 * specified order: per path the growth deviate, then the peak deviate
 * (always both, whatever the spreads).
 */
static int
draw_year(struct mc *m, struct rng *r, int64_t year, struct ecap_error *err)
{
	const struct ecap_scenario *s = m->s;
	double current = m->ctx->current_daily_transactions;
	double fixed = pow(1.0 + s->yearly_growth_ratio, (double)year);
	double *base = m->col[C_BASE], *peak = m->col[C_PEAK];
	bool no_spread = s->yearly_growth_sd_ratio == 0.0;
	struct acc ab = ACC_INIT, ap = ACC_INIT;
	size_t i;

	for (i = 0; i < m->n; i++) {
		double zg = rng_normal(r), zp = rng_normal(r);
		double g = clamp(s->yearly_growth_ratio +
				 s->yearly_growth_sd_ratio * zg, -0.99, 100.0);
		double pf = clamp(s->seasonal_peak_factor +
				  s->seasonal_peak_sd_factor * zp, 1.0, 100.0);

		/* No spread: exactly the deterministic factor. */
		m->growth[i] = no_spread ? fixed : m->growth[i] * (1.0 + g);
		base[i] = current * m->growth[i];
		peak[i] = base[i] * pf;
		if (!(peak[i] <= m->ctx->max_peak))
			return ecap__proj_check_peak(m->ctx, peak[i], year,
						     err);
		acc_add(&ab, base[i]);
		acc_add(&ap, peak[i]);
	}
	m->acc[C_BASE] = ab;
	m->acc[C_PEAK] = ap;
	return ECAP_OK;
}

/* Paths sized per call of the executor's column function. */
#define SPARK_CHUNK 256

/*
 * ecap-1: a column of days (C_BASE or C_PEAK) on one node, SPARK_CHUNK
 * paths a call; the month's cost into cost, and for the peak day the
 * sizing and flags too.
 */
static int
spark_column_node(struct mc *m, const struct ecap__spark_node *node,
		  int day, int cost, struct ecap_error *err)
{
	struct ecap__exec_args a = m->ctx->exec;
	struct ecap__exec_cell cells[SPARK_CHUNK];
	double gb[SPARK_CHUNK];
	struct acc an = ACC_INIT, ae = ACC_INIT, ah = ACC_INIT, ac = ACC_INIT;
	bool sizing = day == C_PEAK;
	size_t i, j, k;
	int rc;

	a.has_node = a.named = true;
	a.node = *node;
	for (i = 0; i < m->n; i += k) {
		k = m->n - i < SPARK_CHUNK ? m->n - i : SPARK_CHUNK;
		for (j = 0; j < k; j++) {
			gb[j] = ecap__proj_spark_gb(m->ctx,
						    m->col[day][i + j]);
			if (!(gb[j] <= ECAP__EXEC_MAX_DAILY_GB))
				return ecap__fail(err, ECAP_ERR_RANGE, "years",
						  "a path's peak is %.6g GB a "
						  "day for Spark, above 1 EiB",
						  gb[j]);
			gb[j] /= (double)a.runs;
		}
		if ((rc = ecap__executor_ecap1_column(m->ctx->p, &a, gb, k,
						      cells, err)) != ECAP_OK)
			return rc;
		for (j = 0; j < k; j++) {
			put(m->col[cost], i + j, &ac,
			    cells[j].cost_usd_per_month);
			if (!sizing)
				continue;
			put(m->col[C_SPARK_NODES], i + j, &an, cells[j].nodes);
			put(m->col[C_SPARK_EXECUTORS], i + j, &ae,
			    cells[j].executors);
			put(m->col[C_SPARK_HOURS], i + j, &ah,
			    cells[j].projected_hours);
			m->window_missed += !cells[j].window_met;
			m->over_policy += cells[j].over_policy_cap;
			m->capped += cells[j].capped;
		}
	}
	m->acc[cost] = ac;
	if (sizing) {
		m->acc[C_SPARK_NODES] = an;
		m->acc[C_SPARK_EXECUTORS] = ae;
		m->acc[C_SPARK_HOURS] = ah;
	}
	return ECAP_OK;
}

/* ecap-1: the node the advisor chooses for a day of tx transactions;
 * false when it names none. */
static int
spark_node_for(struct mc *m, double tx, struct ecap__spark_node *node,
	       bool *found, struct ecap_error *err)
{
	const struct ecap_catalog_entry *e;
	struct ecap_executor_out out;
	double gb;
	int rc;

	*found = false;
	if ((rc = ecap__proj_spark_day(m->ctx, tx, NULL, &out, &gb, err)) !=
	    ECAP_OK)
		return rc;
	e = ecap__catalog_find(m->ctx->p, ECAP_CATALOG_SPARK_NODE,
			       out.node_type);
	if (e != NULL) {
		*node = ecap__spark_node_of(e);
		*found = true;
	}
	return ECAP_OK;
}

/*
 * The Spark columns.  ecap-1 sizes every path's peak day on the node type
 * the advisor chooses for the scenario's expected peak (the deterministic
 * projection's), and prices every path's base month on the node it
 * chooses for the expected base day: a budget prices one node type and
 * asks how many nodes and hours the paths need; the node's capacity and
 * executor shape are cut once, where choosing among the whole catalog
 * would plan every node for every path.  The guide's arithmetic runs per
 * path (both months the peak's); a peak equal to the one sized just
 * before reuses it (every path, without spread).
 */
static int
spark_column(struct mc *m, double expected_base, double expected_peak,
	     struct ecap_error *err)
{
	const double *base = m->col[C_BASE], *peak = m->col[C_PEAK];
	struct ecap__spark_node node;
	struct ecap_executor_out out;
	struct ecap__proj_spark sp;
	struct acc an = ACC_INIT, ae = ACC_INIT, ah = ACC_INIT, ac = ACC_INIT,
		   apc = ACC_INIT;
	double last_base = NAN, last_peak = NAN;
	bool found;
	size_t i;
	int rc;

	if (m->ctx->model != ECAP_MODEL_GUIDE) {
		if ((rc = spark_node_for(m, expected_peak, &node, &found,
					 err)) != ECAP_OK)
			return rc;
		if (found &&
		    ((rc = spark_column_node(m, &node, C_PEAK,
					     C_SPARK_PEAK_COST, err)) !=
			     ECAP_OK ||
		     (rc = spark_node_for(m, expected_base, &node, &found,
					  err)) != ECAP_OK))
			return rc;
		if (found)
			return spark_column_node(m, &node, C_BASE,
						 C_SPARK_COST, err);
	}
	for (i = 0; i < m->n; i++) {
		if (peak[i] != last_peak || base[i] != last_base) {
			if ((rc = ecap__proj_spark(m->ctx, base[i], peak[i],
						   &out, &sp, err)) != ECAP_OK)
				return rc;
			last_base = base[i];
			last_peak = peak[i];
		}
		put(m->col[C_SPARK_NODES], i, &an, sp.nodes);
		put(m->col[C_SPARK_EXECUTORS], i, &ae, sp.executors);
		put(m->col[C_SPARK_HOURS], i, &ah, sp.projected_hours);
		put(m->col[C_SPARK_COST], i, &ac, sp.cost_usd_per_month);
		put(m->col[C_SPARK_PEAK_COST], i, &apc,
		    sp.peak_cost_usd_per_month);
		m->window_missed += sp.window_missed;
		m->over_policy += sp.over_policy;
		m->capped += sp.capped;
	}
	m->acc[C_SPARK_NODES] = an;
	m->acc[C_SPARK_EXECUTORS] = ae;
	m->acc[C_SPARK_HOURS] = ah;
	m->acc[C_SPARK_COST] = ac;
	m->acc[C_SPARK_PEAK_COST] = apc;
	return ECAP_OK;
}

/* Paths sized per call of the database's column function (its answers
 * are some 250 bytes each). */
#define DB_CHUNK 64

/*
 * The database column.  ecap-1 sizes DB_CHUNK paths a call with the
 * policy read once (the base kept, the peak's busiest hour); the guide
 * sizes each path (a volume equal to the one just before reuses it).
 */
static void
database_column(struct mc *m)
{
	const struct ecap__proj_ctx *ctx = m->ctx;
	const double *base = m->col[C_BASE], *peak = m->col[C_PEAK];
	struct ecap__db_calc db[DB_CHUNK];
	struct acc ai = ACC_INIT, am = ACC_INIT, as = ACC_INIT, ac = ACC_INIT;
	double last_base = NAN, last_peak = NAN;
	bool guide = ctx->model == ECAP_MODEL_GUIDE;
	size_t i, j, k;

	for (i = 0; i < m->n; i += k) {
		k = m->n - i < DB_CHUNK ? m->n - i : DB_CHUNK;
		if (!guide)
			ecap__database_ecap1_column(ctx->p, ctx->retention_days,
						    ctx->app_instances,
						    m->db_memo, base + i,
						    peak + i, k, db);
		for (j = 0; j < k; j++) {
			const struct ecap__db_calc *d = guide ? &db[0] : &db[j];

			if (guide && (base[i + j] != last_base ||
				      peak[i + j] != last_peak)) {
				ecap__proj_database(ctx, base[i + j],
						    peak[i + j], m->db_memo,
						    &db[0]);
				last_base = base[i + j];
				last_peak = peak[i + j];
			}
			put(m->col[C_DB_INSTANCES], i + j, &ai,
			    d->instances_needed);
			put(m->col[C_DB_MEMORY], i + j, &am,
			    d->memory_required_gb);
			put(m->col[C_DB_STORAGE], i + j, &as, d->storage_gb);
			put(m->col[C_DB_COST], i + j, &ac, d->cost_usd_per_month);
			m->beyond_one += ecap__proj_db_beyond_one(d);
		}
	}
	m->acc[C_DB_INSTANCES] = ai;
	m->acc[C_DB_MEMORY] = am;
	m->acc[C_DB_STORAGE] = as;
	m->acc[C_DB_COST] = ac;
}

/* Paths sized per call of a column function. */
#define KAFKA_CHUNK 256

/* ecap-1: the column on one broker size, KAFKA_CHUNK paths a call. */
static void
kafka_column_broker(struct mc *m, struct ecap__kafka_args *a,
		    const struct ecap_catalog_entry *broker)
{
	const double *base = m->col[C_BASE], *peak = m->col[C_PEAK];
	struct ecap__kafka_cell cells[KAFKA_CHUNK];
	double ev[KAFKA_CHUNK], peak_ev[KAFKA_CHUNK];
	struct acc ab = ACC_INIT, as = ACC_INIT, ac = ACC_INIT;
	size_t i, j, k;

	for (i = 0; i < m->n; i += k) {
		k = m->n - i < KAFKA_CHUNK ? m->n - i : KAFKA_CHUNK;
		for (j = 0; j < k; j++)
			ecap__proj_kafka_rates(m->ctx, base[i + j], peak[i + j],
					       &ev[j], &peak_ev[j]);
		ecap__kafka_ecap1_column(m->ctx->p, a, broker, ev, peak_ev, k,
					 cells);
		for (j = 0; j < k; j++) {
			put(m->col[C_KAFKA_BROKERS], i + j, &ab,
			    cells[j].brokers);
			put(m->col[C_KAFKA_STORAGE], i + j, &as,
			    cells[j].storage_per_broker_gb);
			put(m->col[C_KAFKA_COST], i + j, &ac,
			    cells[j].cost_usd_per_month);
			m->quota += cells[j].quota_exceeded;
		}
	}
	m->acc[C_KAFKA_BROKERS] = ab;
	m->acc[C_KAFKA_STORAGE] = as;
	m->acc[C_KAFKA_COST] = ac;
}

/*
 * The Kafka column, on the broker size the advisor chooses for the
 * scenario's expected year (base and peak without spread): a budget prices
 * one size and asks how many brokers of it the paths need.  Sizing every
 * path on every catalog size would cost 17 fits a path for a choice that
 * changes at the edges of the band only.  ecap-1 sizes the column on that
 * size with the policy read once; the guide sizes each path (a volume
 * equal to the one just before reuses it).
 */
static void
kafka_column(struct mc *m, double expected_base, double expected_peak)
{
	const struct ecap__proj_ctx *ctx = m->ctx;
	const double *base = m->col[C_BASE], *peak = m->col[C_PEAK];
	struct ecap__kafka_args a;
	struct ecap__kafka_calc k;
	struct acc ab = ACC_INIT, as = ACC_INIT, ac = ACC_INIT;
	double last_base = NAN, last_peak = NAN;
	size_t i;

	ecap__proj_kafka(ctx, expected_base, expected_peak, NULL, &a, &k);
	if (k.broker != NULL) {
		kafka_column_broker(m, &a, k.broker);
		return;
	}
	for (i = 0; i < m->n; i++) {
		if (base[i] != last_base || peak[i] != last_peak) {
			ecap__proj_kafka(ctx, base[i], peak[i], NULL, &a, &k);
			last_base = base[i];
			last_peak = peak[i];
		}
		put(m->col[C_KAFKA_BROKERS], i, &ab, k.brokers);
		put(m->col[C_KAFKA_STORAGE], i, &as, k.storage_per_broker_gb);
		put(m->col[C_KAFKA_COST], i, &ac, k.cost_usd_per_month);
		m->quota += k.quota_exceeded != 0;
	}
	m->acc[C_KAFKA_BROKERS] = ab;
	m->acc[C_KAFKA_STORAGE] = as;
	m->acc[C_KAFKA_COST] = ac;
}

/* The total, in the order of ecap__proj_size, and the review flag. */
static void
total_column(struct mc *m)
{
	struct acc at = ACC_INIT;
	size_t i;

	for (i = 0; i < m->n; i++) {
		m->col[C_TOTAL][i] = m->col[C_SPARK_COST][i] +
				     m->col[C_DB_COST][i] +
				     m->col[C_KAFKA_COST][i];
		m->review += ecap__proj_review(m->ctx, m->col[C_BASE][i]);
		acc_add(&at, m->col[C_TOTAL][i]);
	}
	m->acc[C_TOTAL] = at;
}

static void
fill_year(struct mc *m, int64_t year, struct ecap_projection_montecarlo_year *y)
{
	struct ecap_projection_band *bands[C_N] = {
		[C_BASE] = &y->base_daily_transactions,
		[C_PEAK] = &y->peak_daily_transactions,
		[C_SPARK_NODES] = &y->spark_node_count,
		[C_SPARK_EXECUTORS] = &y->spark_executors_count,
		[C_SPARK_HOURS] = &y->spark_projected_hours,
		[C_DB_INSTANCES] = &y->database_instances_count,
		[C_DB_MEMORY] = &y->database_memory_required_gb,
		[C_DB_STORAGE] = &y->database_storage_gb,
		[C_KAFKA_BROKERS] = &y->kafka_brokers_count,
		[C_KAFKA_STORAGE] = &y->kafka_storage_per_broker_gb,
		[C_SPARK_COST] = &y->spark_cost_usd_per_month,
		[C_SPARK_PEAK_COST] = &y->spark_peak_cost_usd_per_month,
		[C_DB_COST] = &y->database_cost_usd_per_month,
		[C_KAFKA_COST] = &y->kafka_cost_usd_per_month,
		[C_TOTAL] = &y->total_cost_usd_per_month,
	};
	double n = (double)m->n;
	int k;

	y->model = m->ctx->model;
	y->year = (int32_t)year;
	for (k = 0; k < C_N; k++)
		band_of(m->col[k], m->n, &m->acc[k],
			k == C_SPARK_NODES || k == C_SPARK_EXECUTORS ||
			k == C_DB_INSTANCES || k == C_KAFKA_BROKERS ||
			k == C_KAFKA_STORAGE || k == C_DB_STORAGE,
			m->bins, m->slot_of, m->scratch, m->bucket, bands[k]);
	y->spark_window_missed_share_ratio = (double)m->window_missed / n;
	y->spark_executors_over_policy_share_ratio = (double)m->over_policy / n;
	y->spark_executors_capped_share_ratio = (double)m->capped / n;
	y->database_beyond_one_instance_share_ratio = (double)m->beyond_one / n;
	y->kafka_quota_exceeded_share_ratio = (double)m->quota / n;
	y->review_architecture_share_ratio = (double)m->review / n;
}

static int
run_year(struct mc *m, struct rng *r, int64_t year,
	 struct ecap_projection_montecarlo_year *y, struct ecap_error *err)
{
	/* The deterministic projection's year. */
	double expected = m->ctx->current_daily_transactions *
			  pow(1.0 + m->s->yearly_growth_ratio, (double)year);
	int rc;

	m->window_missed = m->over_policy = m->capped = 0;
	m->beyond_one = m->quota = m->review = 0;
	if ((rc = draw_year(m, r, year, err)) != ECAP_OK ||
	    (rc = spark_column(m, expected,
				    expected * m->s->seasonal_peak_factor,
				    err)) != ECAP_OK)
		return rc;
	database_column(m);
	kafka_column(m, expected, expected * m->s->seasonal_peak_factor);
	total_column(m);
	fill_year(m, year, y);
	return ECAP_OK;
}

/* One block: the paths' growth, the columns, the selection's scratch, the
 * histogram bins and each path's bucket. */
static int
mc_alloc(struct mc *m, struct ecap_error *err)
{
	size_t i;
	int k;

	m->growth = ecap__malloc(sizeof(double) * m->n * (C_N + 2) +
			   sizeof(uint32_t) * HIST_BINS + HIST_BINS +
			   sizeof(uint16_t) * m->n);
	m->db_memo = ecap__calloc(1, sizeof(*m->db_memo));
	if (m->growth == NULL || m->db_memo == NULL)
		return ecap__fail(err, ECAP_ERR_NOMEM, "paths_count",
				  "cannot allocate %zu paths", m->n);
	for (k = 0; k < C_N; k++)
		m->col[k] = m->growth + m->n * (size_t)(k + 1);
	m->scratch = m->growth + m->n * (C_N + 1);
	m->bins = (uint32_t *)(m->growth + m->n * (C_N + 2));
	m->slot_of = (int8_t *)(m->bins + HIST_BINS);
	memset(m->slot_of, -1, HIST_BINS);
	m->bucket = (uint16_t *)(m->slot_of + HIST_BINS);
	for (i = 0; i < m->n; i++)
		m->growth[i] = 1.0;
	return ECAP_OK;
}

ECAP_API int
ecap_projection_montecarlo(const ecap_policy *policy,
			   const struct ecap_projection_montecarlo_in *in,
			   struct ecap_projection_montecarlo_year *years,
			   size_t *count, struct ecap_error *err)
{
	const size_t known = ecap_offsetofend(
		struct ecap_projection_montecarlo_year,
		ecap_projection_montecarlo_year__last_field);
	struct ecap__proj_ctx ctx;
	struct ecap__proj_today today;
	struct mc m;
	struct rng r;
	size_t stride;
	int64_t year;
	int rc;

	ecap__err_clear(err);
	memset(&m, 0, sizeof(m));
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_projection_montecarlo_in)) !=
		    ECAP_OK ||
	    (rc = ecap__proj_resolve(policy, in->current_daily_transactions,
				     in->years, in->scenario,
				     sizeof(in->scenario), &m.s, err)) ||
	    (rc = ecap__check_int64(err, "paths_count", in->paths_count, 0,
				    1000000)) ||
	    (rc = ecap__proj_array_begin(years, count, (size_t)in->years, known,
					 "ecap_projection_montecarlo_year",
					 &stride, err)))
		return rc;
	m.n = in->paths_count != 0 ?
	      (size_t)in->paths_count :
	      (size_t)ecap__pi(policy, ECAP_K_GROWTH_MONTECARLO_PATHS);
	m.ctx = &ctx;
	today = ECAP__PROJ_TODAY_OF(in);
	if ((rc = ecap__proj_ctx_init(&ctx, policy,
				      in->current_daily_transactions, &today,
				      err)))
		return rc;
	/* One exit from here: a failed allocation frees the other. */
	rc = mc_alloc(&m, err);
	rng_seed(&r, in->seed);
	for (year = 1; year <= in->years && rc == ECAP_OK; year++)
		rc = run_year(&m, &r, year,
			      ecap__array_at(years, stride, (size_t)year - 1,
					     known), err);
	ecap__free(m.growth);
	ecap__free(m.db_memo);
	return rc;
}
