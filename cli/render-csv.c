/* SPDX-License-Identifier: MIT */
/*
 * render-csv.c - --format csv: the projection, one row a year after a
 * header row (RFC 4180; no field needs quoting: class names are
 * [a-z0-9.]).  With --paths the Monte Carlo percentiles of the same year
 * follow on the row.  Reals are the shortest text that reads back.
 */
#include "ecaptune-cli.h"

static void
real(FILE *f, double v)
{
	char buf[32];

	fprintf(f, ",%s", shortest_real(v, buf));
}

int
render_csv(FILE *f, const struct plan *p)
{
	const struct ecap_projection_year *y;
	const struct ecap_projection_montecarlo_year *m;
	size_t i;

	fprintf(f, "year,base_daily_transactions,peak_daily_transactions,"
		"spark_executors_count,spark_cost_usd_per_month,"
		"database_instance_class,database_instances_count,"
		"database_cost_usd_per_month,kafka_brokers_count,"
		"kafka_cost_usd_per_month,total_cost_usd_per_month");
	if (p->mc_count > 0)
		fprintf(f, ",spark_executors_p50_count,spark_executors_p90_count,"
			"spark_executors_p99_count,database_memory_p50_gb,"
			"database_memory_p90_gb,database_memory_p99_gb,"
			"kafka_brokers_p50_count,kafka_brokers_p90_count,"
			"kafka_brokers_p99_count,total_cost_p50_usd_per_month,"
			"total_cost_p90_usd_per_month,"
			"total_cost_p99_usd_per_month");
	fputc('\n', f);
	for (i = 0; i < p->year_count; i++) {
		y = &p->years[i];
		fprintf(f, "%d", y->year);
		real(f, y->base_daily_transactions);
		real(f, y->peak_daily_transactions);
		fprintf(f, ",%lld", (long long)y->spark_executors_count);
		real(f, y->spark_cost_usd_per_month);
		fprintf(f, ",%s,%lld", y->database_instance_class,
			(long long)y->database_instances_count);
		real(f, y->database_cost_usd_per_month);
		fprintf(f, ",%lld", (long long)y->kafka_brokers_count);
		real(f, y->kafka_cost_usd_per_month);
		real(f, y->total_cost_usd_per_month);
		if (i < p->mc_count) {
			m = &p->mc[i];
			real(f, m->spark_executors_p50_count);
			real(f, m->spark_executors_p90_count);
			real(f, m->spark_executors_p99_count);
			real(f, m->database_memory_p50_gb);
			real(f, m->database_memory_p90_gb);
			real(f, m->database_memory_p99_gb);
			real(f, m->kafka_brokers_p50_count);
			real(f, m->kafka_brokers_p90_count);
			real(f, m->kafka_brokers_p99_count);
			real(f, m->total_cost_p50_usd_per_month);
			real(f, m->total_cost_p90_usd_per_month);
			real(f, m->total_cost_p99_usd_per_month);
		}
		fputc('\n', f);
	}
	return 0;
}
