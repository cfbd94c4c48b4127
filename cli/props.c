/* SPDX-License-Identifier: MIT */
/*
 * props.c - the engine properties of a plan, from the library's renderers:
 * the Spark properties of the partition and executor advice (a key both
 * set is written once, with the executor renderer's value), and the
 * PostgreSQL parameters of the database advice.
 */
#include <string.h>

#include "ecaptune-cli.h"

static void
init_props(struct ecap_property *props, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&props[i]);
}

/* Appends src[0..n) to props[0..*count), replacing equal keys. */
static void
merge(struct ecap_property *props, int *count,
      const struct ecap_property *src, size_t n)
{
	int i;
	size_t j;

	for (j = 0; j < n; j++) {
		for (i = 0; i < *count; i++)
			if (strcmp(props[i].key, src[j].key) == 0)
				break;
		if (i == *count && *count < CLI_MAX_PROPS)
			(*count)++;
		props[i] = src[j];
	}
}

int
spark_props(const struct plan *p, struct ecap_property *props)
{
	struct ecap_property buf[CLI_MAX_PROPS];
	struct ecap_error err;
	size_t n;
	int rc, count = 0;

	ECAP_STRUCT_INIT(&err);
	if (p->sections & SEC_PARTITIONS) {
		n = CLI_MAX_PROPS;
		init_props(buf, n);
		if ((rc = ecap_partition_spark_properties(p->policy, &p->part,
							  buf, &n, &err)))
			return cli_lib_error("partition properties", rc, &err),
			       -1;
		merge(props, &count, buf, n);
	}
	if (p->sections & SEC_EXECUTORS) {
		n = CLI_MAX_PROPS;
		init_props(buf, n);
		if ((rc = ecap_executor_spark_properties(&p->exec, buf, &n,
							 &err)))
			return cli_lib_error("executor properties", rc, &err),
			       -1;
		merge(props, &count, buf, n);
	}
	return count;
}

int
database_props(const struct plan *p, struct ecap_property *props)
{
	struct ecap_error err;
	size_t n = CLI_MAX_PROPS;
	int rc;

	ECAP_STRUCT_INIT(&err);
	init_props(props, n);
	if ((rc = ecap_database_properties(&p->db, props, &n, &err)) != ECAP_OK)
		return cli_lib_error("database properties", rc, &err), -1;
	return (int)n;
}
