/* SPDX-License-Identifier: MIT */
/*
 * bench-projection - times a Monte Carlo projection of 100,000 paths over
 * 5 years on one core and prints paths/s.  No timing assertion: it fails
 * only when the projection does.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <ecaptune.h>

#define PATHS 100000
#define YEARS 5

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int
main(void)
{
	struct ecap_projection_montecarlo_year years[YEARS];
	struct ecap_projection_montecarlo_in in;
	struct ecap_scenario s;
	struct ecap_error err;
	ecap_policy *p = NULL;
	size_t count = YEARS, i;
	double t0, t;
	int rc;

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
	t0 = now();
	rc = ecap_projection_montecarlo(p, &in, years, &count, &err);
	t = now() - t0;
	if (rc != ECAP_OK)
		goto fail;
	printf("montecarlo: %d paths x %d years in %.3f s: %.0f paths/s\n",
	       PATHS, YEARS, t, t > 0 ? PATHS / t : 0.0);
	printf("year %d: total cost P50 %.2f, P90 %.2f, P99 %.2f USD/month\n",
	       years[YEARS - 1].year, years[YEARS - 1].total_cost_p50_usd_per_month,
	       years[YEARS - 1].total_cost_p90_usd_per_month,
	       years[YEARS - 1].total_cost_p99_usd_per_month);
	ecap_policy_free(&p);
	return EXIT_SUCCESS;
fail:
	fprintf(stderr, "bench-projection: %s: %s\n", ecap_strerror(rc),
		err.message);
	ecap_policy_free(&p);
	return EXIT_FAILURE;
}
