/* SPDX-License-Identifier: MIT */
/*
 * bench-projection [repeats] - times a Monte Carlo projection of 100,000
 * paths over 5 years on one core, repeats times (default 1), and prints
 * the median in seconds and paths/s.  No timing assertion: it fails only
 * when the projection does.  tests/bench_projection_numpy.py runs it
 * beside a numpy version of the same model.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <ecaptune.h>

#define PATHS 100000
#define YEARS 5

static double
now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	struct ecap_projection_montecarlo_year years[YEARS];
	struct ecap_projection_montecarlo_in in;
	struct ecap_scenario s;
	struct ecap_error err;
	ecap_policy *p = NULL;
	size_t count = YEARS, i;
	double t0, t;
	int rc;

	int repeats = argc > 1 ? atoi(argv[1]) : 1, k;
	double times[64], cpu[64], c0;

	if (repeats < 1 || repeats > 64)
		repeats = 1;
	ECAP_STRUCT_INIT(&err);
	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&s);
	for (i = 0; i < YEARS; i++)
		ECAP_STRUCT_INIT(&years[i]);
	snprintf(s.name, sizeof(s.name), "bench");
	s.yearly_growth_ratio = 0.5;
	s.seasonal_peak_factor = 2.0;
	s.yearly_growth_sd_ratio = 0.2;
	s.seasonal_peak_sd_factor = 0.5;
	in.current_daily_transactions = 1e6;
	in.years = YEARS;
	snprintf(in.scenario, sizeof(in.scenario), "bench");
	in.seed = 2026;
	in.paths_count = PATHS;
	if ((rc = ecap_policy_new(&p, &err)) != ECAP_OK ||
	    (rc = ecap_policy_scenario_set(p, &s, &err)) != ECAP_OK)
		goto fail;
	for (k = 0; k < repeats; k++) {
		count = YEARS;
		t0 = now(CLOCK_MONOTONIC);
		c0 = now(CLOCK_THREAD_CPUTIME_ID);
		rc = ecap_projection_montecarlo(p, &in, years, &count, &err);
		times[k] = now(CLOCK_MONOTONIC) - t0;
		cpu[k] = now(CLOCK_THREAD_CPUTIME_ID) - c0;
		if (rc != ECAP_OK)
			goto fail;
	}
	qsort(times, (size_t)repeats, sizeof(times[0]), cmp_double);
	qsort(cpu, (size_t)repeats, sizeof(cpu[0]), cmp_double);
	t = times[repeats / 2];
	/* On a shared machine the CPU time is the steadier figure. */
	printf("montecarlo: %d paths x %d years in %.4f s, %.4f s of CPU "
	       "(medians of %d): %.0f paths/s\n", PATHS, YEARS, t,
	       cpu[repeats / 2], repeats, t > 0 ? PATHS / t : 0.0);
	printf("year %d: total cost P10 %.2f, P50 %.2f, P90 %.2f, P99 %.2f "
	       "USD/month\n", years[YEARS - 1].year,
	       years[YEARS - 1].total_cost_usd_per_month.p10,
	       years[YEARS - 1].total_cost_usd_per_month.p50,
	       years[YEARS - 1].total_cost_usd_per_month.p90,
	       years[YEARS - 1].total_cost_usd_per_month.p99);
	ecap_policy_free(&p);
	return EXIT_SUCCESS;
fail:
	fprintf(stderr, "bench-projection: %s: %s\n", ecap_strerror(rc),
		err.message);
	ecap_policy_free(&p);
	return EXIT_FAILURE;
}
