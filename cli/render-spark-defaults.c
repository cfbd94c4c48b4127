/* SPDX-License-Identifier: MIT */
/*
 * render-spark-defaults.c - --format spark-defaults: conf/spark-defaults.conf
 * lines, "key value" separated by white space, '#' comments.
 */
#include "ecaptune-cli.h"

int
render_spark_defaults(FILE *f, const struct plan *p)
{
	struct ecap_property props[CLI_MAX_PROPS];
	int i, n;

	if ((n = spark_props(p, props)) < 0)
		return CLI_EXIT_INPUT;
	fprintf(f, "# spark-defaults.conf from ecaptune %s (model %s)\n",
		ecap_version_string(),
		ecap_model_to_string(ecap_policy_model(p->policy)));
	for (i = 0; i < n; i++)
		fprintf(f, "%-56s %s\n", props[i].key, props[i].value);
	return 0;
}
