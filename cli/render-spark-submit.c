/* SPDX-License-Identifier: MIT */
/*
 * render-spark-submit.c - --format spark-submit: one "--conf key=value"
 * a line, for spark-submit $(ecaptune ... --format spark-submit) app.py.
 * The library's values hold no white space, so the words split as meant.
 */
#include "ecaptune-cli.h"

int
render_spark_submit(FILE *f, const struct plan *p)
{
	struct ecap_property props[CLI_MAX_PROPS];
	int i, n;

	if ((n = spark_props(p, props)) < 0)
		return CLI_EXIT_INPUT;
	for (i = 0; i < n; i++)
		fprintf(f, "--conf %s=%s\n", props[i].key, props[i].value);
	return 0;
}
