/* SPDX-License-Identifier: MIT */
/*
 * Monte Carlo projection: zero spread equals the deterministic projection
 * and the advisors; bands ordered P10 <= P50 <= P90 <= P99 for every
 * quantity; the built-in scenarios' spreads widen the bands; the same seed
 * gives the same bytes; the mean converges to the deterministic volume as
 * paths grow; golden runs computed by an independent implementation of
 * the generator; bad input; JSON.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

static void
project(double tx, int64_t n, const char *scenario)
{
	size_t count = MAXY;

	in.current_daily_transactions = tx;
	in.years = n;
	snprintf(in.scenario, sizeof(in.scenario), "%s", scenario);
	ck_assert_msg(ecap_projection_run(p, &in, years, &count, &err) == 0,
		      "%s", err.message);
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

static void
add_scenario(const char *name, double g, double peak, double g_sd,
	     double peak_sd)
{
	struct ecap_scenario s;

	ECAP_STRUCT_INIT(&s);
	snprintf(s.name, sizeof(s.name), "%s", name);
	s.yearly_growth_ratio = g;
	s.seasonal_peak_factor = peak;
	s.yearly_growth_sd_ratio = g_sd;
	s.seasonal_peak_sd_factor = peak_sd;
	ck_assert_int_eq(ecap_policy_scenario_set(p, &s, &err), 0);
}

/* Every band of a year, in the order of the struct. */
static const struct ecap_projection_band *
band_at(const struct ecap_projection_montecarlo_year *y, size_t k)
{
	const struct ecap_projection_band *first = &y->base_daily_transactions;

	return k < 14 ? first + k : NULL;
}

static void
assert_band_is(const struct ecap_projection_band *b, double v)
{
	ck_assert_msg(b->p10 == v && b->p50 == v && b->p90 == v && b->p99 == v,
		      "band %.17g %.17g %.17g %.17g, want %.17g", b->p10, b->p50,
		      b->p90, b->p99, v);
	ck_assert_double_near(b->mean, v);
}

/*
 * No spread: every path is the deterministic projection, bit for bit, in
 * every band; and the deterministic year is what the advisors answer for
 * its volumes (Spark for the peak day's GB, the database for the base
 * volume kept, Kafka for the base average and the peak day's busiest
 * hour).
 */
START_TEST(zero_spread_equals_projection_and_advisors)
{
	const char *const models[] = { "guide", "ecap-1" };
	struct ecap_executor_in ein;
	struct ecap_executor_out eout;
	struct ecap_database_in din;
	struct ecap_database_out dout;
	struct ecap_kafka_in kin;
	struct ecap_kafka_out kout;
	const struct ecap_projection_year *y;
	const struct ecap_projection_montecarlo_year *m;
	size_t k, i;

	add_scenario("flat-aggressive", 1.0, 3.0, 0.0, 0.0);
	for (k = 0; k < 2; k++) {
		int guide = k == 0;

		use_model(models[k]);
		project(250000, 5, "flat-aggressive");
		montecarlo(250000, 5, "flat-aggressive", 1, 50);
		for (i = 0; i < 5; i++) {
			y = &years[i];
			m = &mc[i];
			ck_assert_int_eq(m->year, (int)i + 1);
			assert_band_is(&m->spark_node_count, (double)y->spark_node_count);
			assert_band_is(&m->spark_executors_count,
				       (double)y->spark_executors_count);
			assert_band_is(&m->spark_projected_hours, y->spark_projected_hours);
			assert_band_is(&m->database_instances_count,
				       (double)y->database_instances_count);
			assert_band_is(&m->database_memory_required_gb,
				       y->database_memory_required_gb);
			assert_band_is(&m->database_storage_gb, y->database_storage_gb);
			assert_band_is(&m->kafka_brokers_count,
				       (double)y->kafka_brokers_count);
			assert_band_is(&m->kafka_storage_per_broker_gb,
				       y->kafka_storage_per_broker_gb);
			assert_band_is(&m->spark_cost_usd_per_month,
				       y->spark_cost_usd_per_month);
			assert_band_is(&m->database_cost_usd_per_month,
				       y->database_cost_usd_per_month);
			assert_band_is(&m->kafka_cost_usd_per_month,
				       y->kafka_cost_usd_per_month);
			assert_band_is(&m->total_cost_usd_per_month,
				       y->total_cost_usd_per_month);
			ck_assert_double_near(m->spark_window_missed_share_ratio,
					      y->spark_window_missed_flag);
			ck_assert_double_near(m->review_architecture_share_ratio,
					      y->review_architecture_flag);

			ECAP_STRUCT_INIT(&ein);
			ECAP_STRUCT_INIT(&eout);
			ein.daily_data_gb = y->spark_daily_data_gb;
			ck_assert_int_eq(ecap_executor_advise(p, &ein, &eout, &err), 0);
			ck_assert_int_eq(eout.executor_count, y->spark_executors_count);
			ck_assert_double_eq(eout.projected_hours, y->spark_projected_hours);
			ck_assert_double_eq(eout.cost_usd_per_hour,
					    y->spark_cost_usd_per_hour);

			ECAP_STRUCT_INIT(&din);
			ECAP_STRUCT_INIT(&dout);
			/* guide: the peak for both; ecap-1: the base
			 * kept, the peak day's busiest hour computed */
			din.transactions_per_day = guide ?
				250000 * pow(2.0, (double)(i + 1)) * 3.0 :
				y->base_daily_transactions;
			din.peak_transactions_per_day =
				guide ? 0.0 : y->peak_daily_transactions;
			ck_assert_int_eq(ecap_database_advise(p, &din, &dout, &err), 0);
			ck_assert_str_eq(dout.instance_class, y->database_instance_class);
			ck_assert_double_eq(dout.memory_required_gb,
					    y->database_memory_required_gb);
			ck_assert_double_eq(dout.cost_usd_per_month,
					    y->database_cost_usd_per_month);
			ck_assert_double_eq(dout.storage_gb, y->database_storage_gb);

			ECAP_STRUCT_INIT(&kin);
			ECAP_STRUCT_INIT(&kout);
			kin.events_per_second = y->kafka_events_per_second;
			kin.peak_events_per_second = y->kafka_peak_events_per_second;
			ck_assert_int_eq(ecap_kafka_advise(p, &kin, &kout, &err), 0);
			ck_assert_int_eq(kout.brokers_count, y->kafka_brokers_count);
			ck_assert_int_eq(kout.partitions_count, y->kafka_partitions_count);
			ck_assert_double_eq(kout.cost_usd_per_month,
					    y->kafka_cost_usd_per_month);
		}
	}
}
END_TEST

static void
assert_ordered(const struct ecap_projection_band *b)
{
	ck_assert_msg(b->p10 <= b->p50 && b->p50 <= b->p90 && b->p90 <= b->p99,
		      "%.17g %.17g %.17g %.17g", b->p10, b->p50, b->p90, b->p99);
}

/*
 * The built-in scenarios carry spreads: by default P10 < P50 < P90 < P99
 * for the volumes and the total cost, and every band is ordered.  The
 * same seed gives the same bytes, a different seed different ones.
 */
START_TEST(builtin_spreads_ordered_and_reproducible)
{
	static struct ecap_projection_montecarlo_year first[5];
	const char *const names[] = { "conservative", "aggressive", "enterprise" };
	char *json1 = NULL, *json2 = NULL;
	size_t s, i, k;

	for (s = 0; s < 3; s++) {
		montecarlo(1e6, 5, names[s], 12345, 2000);
		for (i = 0; i < 5; i++) {
			for (k = 0; k < 14; k++)
				assert_ordered(band_at(&mc[i], k));
			ck_assert(mc[i].base_daily_transactions.p10 <
				  mc[i].base_daily_transactions.p50);
			ck_assert(mc[i].peak_daily_transactions.p90 <
				  mc[i].peak_daily_transactions.p99);
			ck_assert(mc[i].total_cost_usd_per_month.p10 <=
				  mc[i].total_cost_usd_per_month.p50);
		}
		/* by year 5 the money spreads too */
		ck_assert(mc[4].total_cost_usd_per_month.p50 <
			  mc[4].total_cost_usd_per_month.p99);
	}
	montecarlo(1e6, 5, "aggressive", 12345, 2000);
	memcpy(first, mc, sizeof(first));
	ck_assert_int_eq(ecap_projection_montecarlo_to_json(mc, 5, &json1, &err), 0);
	montecarlo(1e6, 5, "aggressive", 12345, 2000);
	ck_assert(memcmp(first, mc, sizeof(first)) == 0);
	ck_assert_int_eq(ecap_projection_montecarlo_to_json(mc, 5, &json2, &err), 0);
	ck_assert_str_eq(json1, json2);
	ecap_free(json1);
	ecap_free(json2);
	montecarlo(1e6, 5, "aggressive", 12346, 2000);
	ck_assert(memcmp(first, mc, sizeof(first)) != 0);
}
END_TEST

/*
 * A startup's growth is less certain than a mature enterprise's: the
 * aggressive band (P99 / P10 of year 5's base volume) is wider.
 */
START_TEST(bands_wide_where_growth_is_uncertain)
{
	double wide, narrow;

	montecarlo(1e6, 5, "aggressive", 7, 5000);
	wide = mc[4].base_daily_transactions.p99 /
	       mc[4].base_daily_transactions.p10;
	montecarlo(1e6, 5, "enterprise", 7, 5000);
	narrow = mc[4].base_daily_transactions.p99 /
		 mc[4].base_daily_transactions.p10;
	ck_assert_msg(wide > 2.0 * narrow - 1.0 && wide > narrow,
		      "aggressive %g, enterprise %g", wide, narrow);
}
END_TEST

/*
 * The mean converges to the deterministic projection: the growth draws
 * are independent with mean yearly_growth_ratio (the Irwin-Hall deviate
 * has mean 0; the clamps lie over 4 sd away for conservative), so the
 * mean base volume of year y is current * 1.5^y, and its error shrinks
 * like 1 / sqrt(paths).  Conservative year 3: the relative sd of one path
 * is about sqrt(3) * 0.1 / 1.5 = 0.115; 4 standard errors allowed.
 */
START_TEST(mean_converges)
{
	static const int64_t paths[] = { 100, 1000, 10000, 100000 };
	double want = 1e5 * 1.5 * 1.5 * 1.5, rel;
	size_t i;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		montecarlo(1e5, 3, "conservative", 99, paths[i]);
		rel = fabs(mc[2].base_daily_transactions.mean - want) / want;
		ck_assert_msg(rel < 4.0 * 0.115 / sqrt((double)paths[i]),
			      "%lld paths: mean %.6g, want %.6g",
			      (long long)paths[i],
			      mc[2].base_daily_transactions.mean, want);
	}
	/* peak = base * an independent peak factor of mean 2 */
	ck_assert(fabs(mc[2].peak_daily_transactions.mean - 2.0 * want) <
		  2.0 * want * 0.01);
}
END_TEST

/* Percentiles are nearest-rank over the paths: with 1 path all equal. */
START_TEST(one_path)
{
	montecarlo(1e6, 2, "aggressive", 3, 1);
	assert_band_is(&mc[1].total_cost_usd_per_month,
		       mc[1].total_cost_usd_per_month.p50);
}
END_TEST

/*
 * Golden numbers from an independent Python implementation of the
 * documented generator (SplitMix64 seeding xoshiro256**, Irwin-Hall 12,
 * year-major draws, clamps, nearest rank) and of the guide's database
 * memory of the peak, max(16, tx * 2 * 1.3 / 1024 / 1024 * 365 * 2 *
 * 0.25), for 1e6 transactions, growth 0.3 +- 0.2, peak 2 +- 0.5, seed 42,
 * 101 paths, 2 years.  The man page promises the same bits everywhere, so
 * the comparison is exact (the literals are Python's repr).
 */
START_TEST(golden)
{
	use_model("guide");
	add_scenario("noisy", 0.3, 2.0, 0.2, 0.5);
	montecarlo(1e6, 2, "noisy", 42, 101);
	ck_assert(mc[0].database_memory_required_gb.p50 == 1164.8474102112207);
	ck_assert(mc[0].database_memory_required_gb.p90 == 1571.9808427305327);
	ck_assert(mc[0].database_memory_required_gb.p99 == 1936.5222626965767);
	ck_assert(mc[1].database_memory_required_gb.p50 == 1359.2507414862064);
	ck_assert(mc[1].database_memory_required_gb.p90 == 2134.1368069298496);
	ck_assert(mc[1].database_memory_required_gb.p99 == 3081.628083237648);
}
END_TEST

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
START_TEST(clamps)
{
	use_model("guide");
	add_scenario("low", 0.0, 1.0, 10.0, 10.0);
	add_scenario("high", 95.0, 95.0, 10.0, 10.0);
	montecarlo(1e8, 1, "low", 2026, 1000);
	ck_assert(mc[0].database_memory_required_gb.p50 == 85375.39299151876);
	ck_assert(mc[0].database_memory_required_gb.p90 == 3185294.956166532);
	ck_assert(mc[0].database_memory_required_gb.p99 == 12209331.744486203);
	montecarlo(1e5, 1, "high", 2026, 1000);
	ck_assert(mc[0].database_memory_required_gb.p50 == 401100.5353414618);
	ck_assert(mc[0].database_memory_required_gb.p90 == 456663.6569201812);
	ck_assert(mc[0].database_memory_required_gb.p99 == 457043.6477661133);
}
END_TEST

START_TEST(bad_input)
{
	size_t count = MAXY;

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
	/* a path past 1e12 a day fails the run */
	snprintf(mcin.scenario, sizeof(mcin.scenario), "aggressive");
	mcin.current_daily_transactions = 1e10;
	mcin.years = 10;
	ck_assert_err(ecap_projection_montecarlo(p, &mcin, mc, &count, &err),
		      ECAP_ERR_RANGE, err, "years");
}
END_TEST

START_TEST(json_bands)
{
	char *json = NULL;

	montecarlo(100000, 2, "conservative", 7, 100);
	ck_assert_int_eq(ecap_projection_montecarlo_to_json(mc, 2, &json, &err), 0);
	ck_assert_msg(strstr(json, "\"total_cost_usd_per_month\": {") != NULL,
		      "%s", json);
	ck_assert_msg(strstr(json, "\"p10\": ") != NULL, "%s", json);
	ck_assert_msg(strstr(json, "\"review_architecture_share_ratio\"") != NULL,
		      "%s", json);
	ecap_free(json);
	mc[0].kafka_brokers_count.p90 = INFINITY;
	ck_assert_err(ecap_projection_montecarlo_to_json(mc, 1, &json, &err),
		      ECAP_ERR_INVALID, err, "kafka_brokers_count");
	ck_assert_ptr_null(json);
}
END_TEST

/* ---- an independent reference for the selection ---- */

/* The generator as ecap_projection_run(3) specifies it, written from the
 * man page (SplitMix64 seeding xoshiro256**, Irwin-Hall 12). */
static uint64_t
ref_splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
ref_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static double
ref_normal(uint64_t s[4])
{
	uint64_t sum = 0, t;
	int i;

	for (i = 0; i < 12; i++) {
		sum += (ref_rotl(s[1] * 5, 7) * 9) >> 11;
		t = s[1] << 17;
		s[2] ^= s[0];
		s[3] ^= s[1];
		s[1] ^= s[2];
		s[0] ^= s[3];
		s[2] ^= t;
		s[3] = ref_rotl(s[3], 45);
	}
	return (double)sum * 0x1p-53 - 6.0;
}

static double
ref_clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Nearest rank over a sorted copy; the mean summed in path order. */
static void
assert_band_sorted(const struct ecap_projection_band *b, double *v, size_t n)
{
	static const unsigned pct[4] = { 10, 50, 90, 99 };
	const double got[4] = { b->p10, b->p50, b->p90, b->p99 };
	double sum = 0.0;
	size_t i, r;

	for (i = 0; i < n; i++)
		sum += v[i];
	ck_assert_msg(b->mean == sum / (double)n, "mean %.17g, want %.17g",
		      b->mean, sum / (double)n);
	qsort(v, n, sizeof(*v), cmp_double);
	for (i = 0; i < 4; i++) {
		r = (n * pct[i] + 99) / 100;
		r = r > 0 ? r - 1 : 0;
		ck_assert_msg(got[i] == v[r], "n %zu P%u %.17g, want %.17g",
			      n, pct[i], got[i], v[r]);
	}
}

/* The generator's state for seed, and every path's growth reset. */
static void
ref_start(uint64_t st[4], uint64_t seed, double *g, size_t n)
{
	size_t i;

	for (i = 0; i < 4; i++)
		st[i] = ref_splitmix(&seed);
	for (i = 0; i < n; i++)
		g[i] = 1.0;
}

/* Draws year y's base and peak of n paths of scenario "wide" (growth
 * 0.4 +- 0.3, peak 2 +- 0.6, 1e6 a day) from the documented generator;
 * g keeps each path's growth between years. */
static void
ref_draw_year(uint64_t st[4], double *g, double *base, double *peak, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		double zg = ref_normal(st);
		double zp = ref_normal(st);
		double gr = ref_clamp(0.4 + 0.3 * zg, -0.99, 100.0);
		double pf = ref_clamp(2.0 + 0.6 * zp, 1.0, 100.0);

		g[i] = g[i] * (1.0 + gr);
		base[i] = 1e6 * g[i];
		peak[i] = base[i] * pf;
	}
}

/*
 * The selection (bucket select, histogram for counts) equals a full sort:
 * each path's base and peak volume recomputed from the documented
 * generator for several seeds and path counts, over 3 years, and every
 * percentile compared with the nearest rank of the sorted values, the mean
 * with the sum in path order.  The count columns (histogram) are
 * checked by the zero-spread and ordering tests; here their percentiles
 * must stay whole broker and node counts.
 */
START_TEST(selection_equals_sort)
{
	static const uint64_t seeds[] = { 1, 42, 2026, 0xdeadbeef };
	static const int64_t paths[] = { 1, 17, 1000, 4099 };
	enum { NP = 4099, NY = 3 };
	static double g[NP], base[NP], peak[NP];
	uint64_t st[4];
	size_t si, pi;
	int64_t y;

	add_scenario("wide", 0.4, 2.0, 0.3, 0.6);
	for (si = 0; si < sizeof(seeds) / sizeof(seeds[0]); si++) {
		for (pi = 0; pi < sizeof(paths) / sizeof(paths[0]); pi++) {
			size_t n = (size_t)paths[pi];

			montecarlo(1e6, NY, "wide", seeds[si], paths[pi]);
			ref_start(st, seeds[si], g, n);
			for (y = 1; y <= NY; y++) {
				ref_draw_year(st, g, base, peak, n);
				assert_band_sorted(
					&mc[y - 1].base_daily_transactions,
					base, n);
				assert_band_sorted(
					&mc[y - 1].peak_daily_transactions,
					peak, n);
				ck_assert(mc[y - 1].kafka_brokers_count.p50 ==
					  floor(mc[y - 1].kafka_brokers_count.p50));
				ck_assert(mc[y - 1].spark_node_count.p99 ==
					  floor(mc[y - 1].spark_node_count.p99));
			}
		}
	}
}
END_TEST

/*
 * With spread, every path is what the advisors answer for its own volumes:
 * each path's base and peak recomputed from the documented generator, the
 * database advised for them and Kafka on the broker size of the expected
 * year (the deterministic projection's), and each band equal to the
 * nearest ranks and path-order mean of those answers (ecap-1, 3 seeds,
 * 3 years, 301 paths: counts go through the histogram, costs through
 * bucket select).
 */
START_TEST(spread_paths_equal_advisors)
{
	static const uint64_t seeds[] = { 5, 77, 31337 };
	enum { NP = 301, NY = 3 };
	static double g[NP], base[NP], peak[NP];
	static double col[6][NP];
	struct ecap_database_in din;
	struct ecap_database_out dout;
	struct ecap_kafka_in kin;
	struct ecap_kafka_out kout;
	double intraday;
	uint64_t st[4];
	size_t si, i;
	int64_t y;

	use_model("ecap-1");
	add_scenario("wide", 0.4, 2.0, 0.3, 0.6);
	ck_assert_int_eq(ecap_policy_get_double(p, "growth.intraday_peak_factor",
						&intraday, &err), 0);
	project(1e6, NY, "wide");
	for (si = 0; si < sizeof(seeds) / sizeof(seeds[0]); si++) {
		montecarlo(1e6, NY, "wide", seeds[si], NP);
		ref_start(st, seeds[si], g, NP);
		for (y = 1; y <= NY; y++) {
			const struct ecap_projection_montecarlo_year *m =
				&mc[y - 1];

			ref_draw_year(st, g, base, peak, NP);
			for (i = 0; i < NP; i++) {
				ECAP_STRUCT_INIT(&din);
				ECAP_STRUCT_INIT(&dout);
				din.transactions_per_day = base[i];
				din.peak_transactions_per_day = peak[i];
				ck_assert_int_eq(ecap_database_advise(p, &din, &dout,
								      &err), 0);
				col[0][i] = 1.0 + dout.read_replica_count;
				col[1][i] = dout.memory_required_gb;
				col[2][i] = dout.cost_usd_per_month;
				ECAP_STRUCT_INIT(&kin);
				ECAP_STRUCT_INIT(&kout);
				kin.events_per_second = base[i] / 86400.0;
				kin.peak_events_per_second =
					peak[i] / 86400.0 * intraday;
				snprintf(kin.instance_type,
					 sizeof(kin.instance_type), "%s",
					 years[y - 1].kafka_broker_type);
				ck_assert_int_eq(ecap_kafka_advise(p, &kin, &kout,
								   &err), 0);
				col[3][i] = (double)kout.brokers_count;
				col[4][i] = kout.storage_per_broker_gb;
				col[5][i] = kout.cost_usd_per_month;
			}
			assert_band_sorted(&m->database_instances_count, col[0], NP);
			assert_band_sorted(&m->database_memory_required_gb,
					   col[1], NP);
			assert_band_sorted(&m->database_cost_usd_per_month,
					   col[2], NP);
			assert_band_sorted(&m->kafka_brokers_count, col[3], NP);
			assert_band_sorted(&m->kafka_storage_per_broker_gb,
					   col[4], NP);
			assert_band_sorted(&m->kafka_cost_usd_per_month, col[5],
					   NP);
			/* The spread reaches the answers. */
			ck_assert(m->database_cost_usd_per_month.p10 <
				  m->database_cost_usd_per_month.p99);
			ck_assert(m->kafka_cost_usd_per_month.p10 <
				  m->kafka_cost_usd_per_month.p99);
		}
	}
}
END_TEST

Suite *
projection_mc_suite(void)
{
	Suite *s = suite_create("projection-mc");
	TCase *tc = tcase_create("projection-mc");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, zero_spread_equals_projection_and_advisors);
	tcase_add_test(tc, builtin_spreads_ordered_and_reproducible);
	tcase_add_test(tc, bands_wide_where_growth_is_uncertain);
	tcase_add_test(tc, mean_converges);
	tcase_add_test(tc, one_path);
	tcase_add_test(tc, golden);
	tcase_add_test(tc, clamps);
	tcase_add_test(tc, bad_input);
	tcase_add_test(tc, json_bands);
	tcase_add_test(tc, selection_equals_sort);
	tcase_add_test(tc, spread_paths_equal_advisors);
	suite_add_tcase(s, tc);
	return s;
}
