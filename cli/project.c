/* SPDX-License-Identifier: MIT */
/*
 * project.c - the growth projection, and its Monte Carlo version with a
 * progress line on a terminal.
 *
 * The library runs the Monte Carlo in one call, so the progress is
 * estimated: a pilot run of a small share of the paths times the whole;
 * when the whole is expected to take over a second and stderr is a
 * terminal, a thread redraws "elapsed of about N s" while the call runs.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ecaptune-cli.h"

/* The pilot: a fiftieth of the paths, 200 to 20000. */
#define PILOT_MIN_PATHS 200
#define PILOT_MAX_PATHS 20000

struct progress {
	pthread_mutex_t lock;
	pthread_cond_t done_cond;
	int done;
	double estimate_seconds;
	struct timespec start;
	int64_t paths;
};

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void *
progress_thread(void *arg)
{
	struct progress *pr = arg;
	struct timespec wake;
	double elapsed, share;

	pthread_mutex_lock(&pr->lock);
	while (!pr->done) {
		clock_gettime(CLOCK_REALTIME, &wake);
		wake.tv_nsec += 250000000L;
		if (wake.tv_nsec >= 1000000000L) {
			wake.tv_sec++;
			wake.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&pr->done_cond, &pr->lock, &wake);
		if (pr->done)
			break;
		elapsed = seconds_since(&pr->start);
		/* The pilot underestimates a loaded machine and the sort of
		 * many paths: an estimate overtaken moves ahead. */
		if (elapsed > 0.9 * pr->estimate_seconds)
			pr->estimate_seconds = elapsed / 0.9;
		share = elapsed / pr->estimate_seconds;
		fprintf(stderr, "\recaptune: Monte Carlo, %lld paths: %.1f s "
			"of about %.1f s (%3.0f%%)", (long long)pr->paths,
			elapsed, pr->estimate_seconds, 100.0 * share);
	}
	pthread_mutex_unlock(&pr->lock);
	return NULL;
}

/*
 * Today's workload into either projection's input (the same fields): the
 * Spark run and the Kafka rate today's plan sizes, which each year grows,
 * and the database's retention and application pools.
 */
#define TODAY_INPUT(in, w)                                              \
	do {                                                            \
		(in)->spark_daily_data_gb =                             \
			(double)(w)->daily_data_bytes / 0x1p30;         \
		(in)->spark_processing_window_hours = (w)->window_hours; \
		(in)->spark_platform = (w)->platform;                   \
		(in)->spark_executor_core_count = (w)->executor_cores;  \
		(in)->spark_max_executor_count = (w)->max_executors;    \
		(in)->spark_runs_per_day_count = (w)->runs_per_day;     \
		snprintf((in)->spark_node_type,                         \
			 sizeof((in)->spark_node_type), "%s", (w)->node); \
		(in)->kafka_events_per_second = (w)->events_per_second; \
		(in)->kafka_retention_hours = (w)->kafka_retention_hours; \
		snprintf((in)->kafka_broker_type,                       \
			 sizeof((in)->kafka_broker_type), "%s",         \
			 (w)->kafka_broker);                            \
		(in)->database_retention_days = (w)->retention_days;    \
		(in)->database_app_instance_count = (w)->app_instances; \
	} while (0)

static void
mc_input(const struct plan *p, int64_t paths,
	 struct ecap_projection_montecarlo_in *in)
{
	ECAP_STRUCT_INIT(in);
	in->current_daily_transactions = p->w.transactions_per_day;
	in->years = p->w.years;
	snprintf(in->scenario, sizeof(in->scenario), "%s", p->w.scenario);
	in->seed = (uint64_t)p->w.seed;
	in->paths_count = paths;
	TODAY_INPUT(in, &p->w);
}

static int
montecarlo(struct plan *p, bool progress, struct ecap_error *err)
{
	struct ecap_projection_montecarlo_in in;
	struct progress pr;
	pthread_t thread;
	int64_t pilot;
	size_t i;
	int rc, threaded = 0;

	memset(&pr, 0, sizeof(pr));
	pr.paths = p->w.paths;
	clock_gettime(CLOCK_MONOTONIC, &pr.start);
	for (i = 0; i < ECAP_PROJECTION_MAX_YEARS; i++)
		ECAP_STRUCT_INIT(&p->mc[i]);
	pilot = p->w.paths / 50;
	pilot = pilot < PILOT_MIN_PATHS ? PILOT_MIN_PATHS
	      : pilot > PILOT_MAX_PATHS ? PILOT_MAX_PATHS : pilot;
	if (progress && isatty(STDERR_FILENO) && p->w.paths > pilot) {
		p->mc_count = ECAP_PROJECTION_MAX_YEARS;
		mc_input(p, pilot, &in);
		if (ecap_projection_montecarlo(p->policy, &in, p->mc,
					       &p->mc_count, err) == ECAP_OK)
			pr.estimate_seconds = seconds_since(&pr.start) *
					      (double)p->w.paths / (double)pilot;
		clock_gettime(CLOCK_MONOTONIC, &pr.start);
	}
	if (pr.estimate_seconds > 1.0) {
		pthread_mutex_init(&pr.lock, NULL);
		pthread_cond_init(&pr.done_cond, NULL);
		threaded = pthread_create(&thread, NULL, progress_thread,
					  &pr) == 0;
	}
	p->mc_count = ECAP_PROJECTION_MAX_YEARS;
	mc_input(p, p->w.paths, &in);
	rc = ecap_projection_montecarlo(p->policy, &in, p->mc, &p->mc_count,
					err);
	p->mc_seconds = seconds_since(&pr.start);
	if (threaded) {
		pthread_mutex_lock(&pr.lock);
		pr.done = 1;
		pthread_cond_signal(&pr.done_cond);
		pthread_mutex_unlock(&pr.lock);
		pthread_join(thread, NULL);
		fprintf(stderr, "\recaptune: Monte Carlo, %lld paths: %.1f s"
			"%30s\n", (long long)p->w.paths, p->mc_seconds, "");
	}
	if (pr.estimate_seconds > 1.0) {
		pthread_cond_destroy(&pr.done_cond);
		pthread_mutex_destroy(&pr.lock);
	}
	return rc;
}

int
scenario_spread(ecap_policy *policy, const struct workload *w)
{
	struct ecap_scenario sc;
	struct ecap_error err;
	const char *name = w->scenario;
	int rc;

	if (w->growth_sd == 0 && w->peak_sd == 0)
		return 0;
	ECAP_STRUCT_INIT(&err);
	ECAP_STRUCT_INIT(&sc);
	if (name[0] == '\0' &&
	    (rc = ecap_policy_get_string(policy, "growth.default_scenario",
					 &name, &err)) != ECAP_OK)
		return cli_lib_error("growth.default_scenario", rc, &err);
	if ((rc = ecap_policy_scenario_find(policy, name, &sc, &err)) !=
	    ECAP_OK)
		return cli_lib_error("--scenario", rc, &err);
	if (w->growth_sd > 0)
		sc.yearly_growth_sd_ratio = w->growth_sd;
	if (w->peak_sd > 0)
		sc.seasonal_peak_sd_factor = w->peak_sd;
	if ((rc = ecap_policy_scenario_set(policy, &sc, &err)) != ECAP_OK)
		return cli_lib_error(w->growth_sd > 0 ? "--growth-sd"
						      : "--peak-sd", rc, &err);
	return 0;
}

int
project_run(struct plan *p, bool progress, struct ecap_error *err)
{
	struct ecap_projection_in in;
	size_t i;
	int rc;

	ECAP_STRUCT_INIT(&in);
	in.current_daily_transactions = p->w.transactions_per_day;
	in.years = p->w.years;
	snprintf(in.scenario, sizeof(in.scenario), "%s", p->w.scenario);
	TODAY_INPUT(&in, &p->w);
	for (i = 0; i < ECAP_PROJECTION_MAX_YEARS; i++)
		ECAP_STRUCT_INIT(&p->years[i]);
	p->year_count = ECAP_PROJECTION_MAX_YEARS;
	if ((rc = ecap_projection_run(p->policy, &in, p->years, &p->year_count,
				      err)) != ECAP_OK)
		return cli_lib_error("projection", rc, err);
	/* A projected year's missed window or held cap counts for
	 * --fail-on: it is today's warning of next year's run.  Over the
	 * policy's soft budget stays the year's own (the sentence, JSON). */
	for (i = 0; i < p->year_count; i++) {
		if (p->years[i].spark_window_missed_flag)
			p->year_flags |= FLAG_WINDOW_MISSED;
		if (p->years[i].spark_executors_capped_flag)
			p->year_flags |= FLAG_EXECUTORS_CAPPED;
	}
	if (p->w.paths > 0 && (rc = montecarlo(p, progress, err)) != ECAP_OK)
		return cli_lib_error("Monte Carlo projection", rc, err);
	return 0;
}
