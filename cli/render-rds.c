/* SPDX-License-Identifier: MIT */
/*
 * render-rds.c - --format rds: the library's RDS DB parameter group
 * (ecap_database_rds_parameters: RDS's units, and formulas of
 * DBInstanceClassMemory where RDS takes one) as the requests of
 * `aws rds modify-db-parameter-group --cli-input-json`: a JSON array of
 * calls, each {"DBParameterGroupName", "Parameters"} with at most 20
 * parameters, the API's limit per call.
 *
 * A static parameter (PostgreSQL context "postmaster", as pg_settings
 * lists it for PostgreSQL 15) applies at the next reboot
 * ("pending-reboot"; RDS refuses "immediate" for it), a dynamic one
 * "immediate".
 */
#include <string.h>

#include <jansson.h>

#include "ecaptune-cli.h"

#define RDS_MAX_PARAMETERS_PER_CALL 20
#define RDS_MAX_PARAMETERS 64

static const char *const static_parameters[] = {
	"max_connections", "shared_buffers", "wal_buffers",
	"max_worker_processes", "autovacuum_max_workers", "huge_pages",
	"wal_level", "max_wal_senders",
};

static const char *
apply_method(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(static_parameters) / sizeof(*static_parameters);
	     i++)
		if (strcmp(static_parameters[i], name) == 0)
			return "pending-reboot";
	return "immediate";
}

/* The library's parameter group for the plan's advice; count or -1. */
int
rds_params(const struct plan *p, struct ecap_database_rds_parameter *params)
{
	struct ecap_error err;
	size_t i, n = RDS_MAX_PARAMETERS;
	int rc;

	ECAP_STRUCT_INIT(&err);
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&params[i]);
	if ((rc = ecap_database_rds_parameters(&p->db, params, &n, &err)) !=
	    ECAP_OK)
		return cli_lib_error("RDS parameters", rc, &err), -1;
	return (int)n;
}

int
render_rds(FILE *f, const struct plan *p)
{
	struct ecap_database_rds_parameter params[RDS_MAX_PARAMETERS];
	json_t *calls, *group = NULL;
	int i, n;

	if ((n = rds_params(p, params)) < 0)
		return CLI_EXIT_INPUT;
	calls = json_array();
	for (i = 0; i < n; i++) {
		if (group == NULL ||
		    json_array_size(group) == RDS_MAX_PARAMETERS_PER_CALL) {
			group = json_array();
			json_array_append_new(calls, json_pack("{s:s, s:o}",
				"DBParameterGroupName", p->w.parameter_group,
				"Parameters", group));
		}
		json_array_append_new(group, json_pack("{s:s, s:s, s:s}",
			"ParameterName", params[i].name,
			"ParameterValue", params[i].value,
			"ApplyMethod", apply_method(params[i].name)));
	}
	return print_json(f, calls);
}
