/* SPDX-License-Identifier: MIT */
/*
 * render-csv.c - --format csv: the projection, one row a year after a
 * header row (RFC 4180; no field needs quoting: class names are
 * [a-z0-9.]).  With --paths the Monte Carlo bands (P10, P50, P90, P99) of
 * the same year follow on the row.  Reals are the shortest text that reads back.
 */
#include <stddef.h>

#include "ecaptune-cli.h"
#include "json-write.h"

static void
real(FILE *f, double v)
{
	char buf[32];

	/* Every value written is finite (the projection checks its own). */
	if (!ecap__json_real_text(v, buf, sizeof(buf)))
		snprintf(buf, sizeof(buf), "%.17g", v);
	fprintf(f, ",%s", buf);
}

/* The Monte Carlo bands written, as <name>_p10 .. _p99 columns. */
#define BAND(field) { #field, offsetof(struct ecap_projection_montecarlo_year, field) }
static const struct {
	const char *name;
	size_t offset;
} bands[] = {
	BAND(spark_executors_count),
	BAND(database_instances_count),
	BAND(kafka_brokers_count),
	BAND(spark_cost_usd_per_month),
	BAND(spark_peak_cost_usd_per_month),
	BAND(database_cost_usd_per_month),
	BAND(kafka_cost_usd_per_month),
	BAND(total_cost_usd_per_month),
};
#define BAND_COUNT (sizeof(bands) / sizeof(bands[0]))

int
render_csv(FILE *f, const struct plan *p)
{
	const struct ecap_projection_year *y;
	size_t i, b;

	fprintf(f, "year,base_daily_transactions,peak_daily_transactions,"
		"spark_executors_count,spark_executors_capped,"
		"spark_executors_over_policy,spark_cost_usd_per_month,"
		"spark_peak_cost_usd_per_month,"
		"database_instance_class,database_instances_count,"
		"database_cost_usd_per_month,kafka_brokers_count,"
		"kafka_cost_usd_per_month,total_cost_usd_per_month");
	if (p->mc_count > 0)
		for (b = 0; b < BAND_COUNT; b++)
			fprintf(f, ",%s_p10,%s_p50,%s_p90,%s_p99", bands[b].name,
				bands[b].name, bands[b].name, bands[b].name);
	fputc('\n', f);
	for (i = 0; i < p->year_count; i++) {
		y = &p->years[i];
		fprintf(f, "%d", y->year);
		real(f, y->base_daily_transactions);
		real(f, y->peak_daily_transactions);
		/* Flags as 0 or 1. */
		fprintf(f, ",%lld,%d,%d", (long long)y->spark_executors_count,
			y->spark_executors_capped_flag != 0,
			y->spark_executors_over_policy_flag != 0);
		real(f, y->spark_cost_usd_per_month);
		real(f, y->spark_peak_cost_usd_per_month);
		fprintf(f, ",%s,%lld", y->database_instance_class,
			(long long)y->database_instances_count);
		real(f, y->database_cost_usd_per_month);
		fprintf(f, ",%lld", (long long)y->kafka_brokers_count);
		real(f, y->kafka_cost_usd_per_month);
		real(f, y->total_cost_usd_per_month);
		for (b = 0; i < p->mc_count && b < BAND_COUNT; b++) {
			const struct ecap_projection_band *band =
				(const void *)((const char *)&p->mc[i] +
					       bands[b].offset);

			real(f, band->p10);
			real(f, band->p50);
			real(f, band->p90);
			real(f, band->p99);
		}
		fputc('\n', f);
	}
	return 0;
}
