/* SPDX-License-Identifier: MIT */
/*
 * render-k8s.c - --format k8s: a SparkApplication (Kubeflow Spark
 * Operator, sparkoperator.k8s.io/v1beta2) with the advised sizing, to
 * merge into an application's manifest (image, type, mainApplicationFile
 * and the rest are the application's own).
 *
 * The executor size and dynamic allocation go to the operator's own
 * fields (spec.executor, spec.dynamicAllocation), which it turns into
 * the same Spark properties; every other property goes to
 * spec.sparkConf.  Strings are written as YAML double-quoted scalars.
 */
#include <string.h>

#include "ecaptune-cli.h"

/* Properties the operator sets from its structured fields. */
static const struct {
	const char *key;
	const char *section;	/* "driver", "executor", "dynamicAllocation" */
	const char *field;
	int quoted;		/* string (memory) rather than number */
} structured[] = {
	/* the driver pod in the slot the sizing keeps for it */
	{ "spark.driver.cores", "driver", "cores", 0 },
	{ "spark.kubernetes.driver.request.cores", "driver", "coreRequest", 1 },
	{ "spark.driver.memory", "driver", "memory", 1 },
	{ "spark.driver.memoryOverhead", "driver", "memoryOverhead", 1 },
	{ "spark.executor.instances", "executor", "instances", 0 },
	{ "spark.executor.cores", "executor", "cores", 0 },
	/* a fraction of a core where whole cores would idle allocatable
	 * CPU; cores stays the task slots */
	{ "spark.kubernetes.executor.request.cores", "executor", "coreRequest",
	  1 },
	{ "spark.executor.memory", "executor", "memory", 1 },
	{ "spark.executor.memoryOverhead", "executor", "memoryOverhead", 1 },
	{ "spark.dynamicAllocation.enabled", "dynamicAllocation", "enabled", 0 },
	{ "spark.dynamicAllocation.initialExecutors", "dynamicAllocation",
	  "initialExecutors", 0 },
	{ "spark.dynamicAllocation.minExecutors", "dynamicAllocation",
	  "minExecutors", 0 },
	{ "spark.dynamicAllocation.maxExecutors", "dynamicAllocation",
	  "maxExecutors", 0 },
};
#define STRUCTURED_COUNT (sizeof(structured) / sizeof(structured[0]))

static int
structured_index(const char *key)
{
	size_t i;

	for (i = 0; i < STRUCTURED_COUNT; i++)
		if (strcmp(structured[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* Writes the section's fields found in props; returns how many. */
static int
section(FILE *f, const char *name, const struct ecap_property *props, int n)
{
	size_t i;
	int j, header = 0;

	for (i = 0; i < STRUCTURED_COUNT; i++) {
		if (strcmp(structured[i].section, name) != 0)
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(props[j].key, structured[i].key) == 0)
				break;
		if (j == n)
			continue;
		if (!header++)
			fprintf(f, "  %s:\n", name);
		fprintf(f, "    %s: ", structured[i].field);
		if (structured[i].quoted)
			print_quoted(f, props[j].value);
		else
			fputs(props[j].value, f);
		fputc('\n', f);
	}
	return header;
}

int
render_k8s(FILE *f, const struct plan *p)
{
	struct ecap_property props[CLI_MAX_PROPS];
	int i, n, conf = 0;

	if ((n = spark_props(p, props)) < 0)
		return CLI_EXIT_INPUT;
	fprintf(f, "# SparkApplication sizing from ecaptune %s (model %s);\n"
		"# merge into the application's manifest.\n"
		"apiVersion: sparkoperator.k8s.io/v1beta2\n"
		"kind: SparkApplication\nmetadata:\n  name: ",
		ecap_version_string(),
		ecap_model_to_string(ecap_policy_model(p->policy)));
	print_quoted(f, p->w.app_name);
	fprintf(f, "\nspec:\n");
	for (i = 0; i < n; i++) {
		if (structured_index(props[i].key) >= 0)
			continue;
		if (!conf++)
			fprintf(f, "  sparkConf:\n");
		fprintf(f, "    ");
		print_quoted(f, props[i].key);
		fprintf(f, ": ");
		print_quoted(f, props[i].value);
		fputc('\n', f);
	}
	/* ecap-1 on Kubernetes sizes the driver; otherwise Spark's defaults. */
	if (section(f, "driver", props, n) == 0)
		fprintf(f, "  driver:\n    cores: 1\n    memory: \"1g\"\n");
	section(f, "executor", props, n);
	section(f, "dynamicAllocation", props, n);
	return 0;
}
