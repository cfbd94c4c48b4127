/* SPDX-License-Identifier: MIT */
/*
 * render-pyspark.c - --format pyspark: a SparkSession builder snippet
 * that sets the advised properties.  Keys and values are written as
 * Python string literals (the library's values are printable ASCII; a
 * backslash or quote is escaped all the same).
 */
#include "ecaptune-cli.h"

int
render_pyspark(FILE *f, const struct plan *p)
{
	struct ecap_property props[CLI_MAX_PROPS];
	int i, n;

	if ((n = spark_props(p, props)) < 0)
		return CLI_EXIT_INPUT;
	fprintf(f, "# SparkSession from ecaptune %s (model %s)\n"
		"from pyspark.sql import SparkSession\n\n"
		"spark = (\n    SparkSession.builder.appName(",
		ecap_version_string(),
		ecap_model_to_string(ecap_policy_model(p->policy)));
	print_quoted(f, p->w.app_name);
	fprintf(f, ")\n");
	for (i = 0; i < n; i++) {
		fprintf(f, "    .config(");
		print_quoted(f, props[i].key);
		fprintf(f, ", ");
		print_quoted(f, props[i].value);
		fprintf(f, ")\n");
	}
	fprintf(f, "    .getOrCreate()\n)\n");
	return 0;
}
