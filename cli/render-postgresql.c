/* SPDX-License-Identifier: MIT */
/*
 * render-postgresql.c - --format postgresql: postgresql.conf lines
 * ("name = value"), values with the units the library renders (kB, MB,
 * GB, which PostgreSQL reads as 1024 multiples).
 */
#include "ecaptune-cli.h"

int
render_postgresql(FILE *f, const struct plan *p)
{
	struct ecap_property props[CLI_MAX_PROPS];
	int i, n;

	if ((n = database_props(p, props)) < 0)
		return CLI_EXIT_INPUT;
	fprintf(f, "# postgresql.conf for one %s from ecaptune %s (model %s)\n",
		p->db.instance_class, ecap_version_string(),
		ecap_model_to_string(ecap_policy_model(p->policy)));
	for (i = 0; i < n; i++)
		fprintf(f, "%s = %s\n", props[i].key, props[i].value);
	return 0;
}
