/* SPDX-License-Identifier: MIT */
/*
 * render-rds.c - --format rds: the advised PostgreSQL parameters as the
 * requests of `aws rds modify-db-parameter-group --cli-input-json`: a JSON
 * array of calls, each {"DBParameterGroupName", "Parameters"} with at most
 * 20 parameters (the API's limit per call).
 *
 * RDS takes a memory parameter as a bare number in the parameter's own
 * unit (shared_buffers in 8 kB pages, work_mem in kB, max_wal_size in MB:
 * PostgreSQL's units, as pg_settings lists them), so the library's "8GB"
 * is converted.  Static parameters apply at the next reboot
 * ("pending-reboot"), dynamic ones "immediate".  A parameter not in the
 * table below is left out with a note on stderr rather than guessed; so
 * is wal_level, which RDS does not let a parameter group set (it follows
 * rds.logical_replication).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "ecaptune-cli.h"

#define RDS_MAX_PARAMETERS_PER_CALL 20

/* PostgreSQL's unit of the parameter in kB (0: not a memory parameter),
 * and whether a change needs a restart (context postmaster). */
static const struct {
	const char *name;
	int unit_kb;
	int is_static;
} rds_parameters[] = {
	{ "max_connections", 0, 1 },
	{ "shared_buffers", 8, 1 },
	{ "effective_cache_size", 8, 0 },
	{ "maintenance_work_mem", 1, 0 },
	{ "work_mem", 1, 0 },
	{ "wal_buffers", 8, 1 },
	{ "min_wal_size", 1024, 0 },
	{ "max_wal_size", 1024, 0 },
	{ "checkpoint_completion_target", 0, 0 },
	{ "default_statistics_target", 0, 0 },
	{ "random_page_cost", 0, 0 },
	{ "effective_io_concurrency", 0, 0 },
	{ "huge_pages", 0, 1 },
	{ "max_worker_processes", 0, 1 },
	{ "max_parallel_workers", 0, 0 },
	{ "max_parallel_workers_per_gather", 0, 0 },
	{ "max_parallel_maintenance_workers", 0, 0 },
	{ "autovacuum_max_workers", 0, 1 },
	{ "autovacuum_work_mem", 1, 0 },
	{ "jit", 0, 0 },
	{ "wal_compression", 0, 0 },
};
#define RDS_PARAMETER_COUNT (sizeof(rds_parameters) / sizeof(rds_parameters[0]))

/* "8GB" -> kB; -1 if it is not a PostgreSQL memory value. */
static long long
value_kb(const char *v)
{
	static const struct { const char *unit; long long kb; } units[] = {
		{ "kB", 1 }, { "MB", 1024 }, { "GB", 1024 * 1024 },
		{ "TB", 1024LL * 1024 * 1024 }, { "", 1 },
	};
	char *end;
	long long n = strtoll(v, &end, 10);
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(end, units[i].unit) == 0)
			return n * units[i].kb;
	return -1;
}

static json_t *
parameter(const struct ecap_property *prop)
{
	char value[64];
	long long kb;
	size_t i;

	for (i = 0; i < RDS_PARAMETER_COUNT; i++)
		if (strcmp(rds_parameters[i].name, prop->key) == 0)
			break;
	if (i == RDS_PARAMETER_COUNT) {
		cli_error(0, "rds: %s left out: not a parameter this "
			  "writer knows the RDS unit of", prop->key);
		return NULL;
	}
	snprintf(value, sizeof(value), "%s", prop->value);
	if (rds_parameters[i].unit_kb > 0) {
		if ((kb = value_kb(prop->value)) < 0) {
			cli_error(0, "rds: %s left out: '%s' is not a memory "
				  "value", prop->key, prop->value);
			return NULL;
		}
		snprintf(value, sizeof(value), "%lld",
			 kb / rds_parameters[i].unit_kb);
	}
	return json_pack("{s:s, s:s, s:s}", "ParameterName", prop->key,
			 "ParameterValue", value, "ApplyMethod",
			 rds_parameters[i].is_static ? "pending-reboot"
						     : "immediate");
}

int
render_rds(FILE *f, const struct plan *p)
{
	struct ecap_property props[CLI_MAX_PROPS];
	json_t *calls, *params = NULL, *one;
	int i, n;

	if ((n = database_props(p, props)) < 0)
		return CLI_EXIT_INPUT;
	calls = json_array();
	for (i = 0; i < n; i++) {
		if ((one = parameter(&props[i])) == NULL)
			continue;
		if (params == NULL ||
		    json_array_size(params) == RDS_MAX_PARAMETERS_PER_CALL) {
			params = json_array();
			json_array_append_new(calls, json_pack("{s:s, s:o}",
				"DBParameterGroupName", p->w.parameter_group,
				"Parameters", params));
		}
		json_array_append_new(params, one);
	}
	return print_json(f, calls);
}
