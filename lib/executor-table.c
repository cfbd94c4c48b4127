/* SPDX-License-Identifier: MIT */
/*
 * executor-table.c - what the ecap-1 executor auto-pick needs of every
 * spark-node catalog entry and does not depend on the data: the node's
 * usable capacity and its executor shape, per platform at the platform's
 * default overhead factor.  Built when the policy is made or changed
 * (never during advice: a policy is read-only there, shared by threads);
 * an advice call then sizes and prices each node from its row.  Without
 * a table (allocation failed) the advice sizes every node itself.
 */
#include <stdlib.h>
#include <string.h>

#include "executor-internal.h"

static void
table_fill(const ecap_policy *p, struct ecap__exec_table *t)
{
	const struct ecap_catalog_entry *e;
	struct ecap__exec_args a;
	struct ecap__spark_node n;
	struct ecap__exec_node_row *c;
	size_t i, count = 0;
	int32_t pl;

	e = ecap__catalog_entries(p, ECAP_CATALOG_SPARK_NODE, &count);
	t->n = count;
	for (pl = 0; pl < ECAP__EXEC_PLATFORM_COUNT; pl++) {
		memset(&a, 0, sizeof(a));
		a.platform = pl;
		t->overhead_factor[pl] = ecap__executor_default_overhead(p, pl);
		for (i = 0; i < count; i++) {
			c = &t->row[pl][i];
			n = ecap__spark_node_of(&e[i]);
			memset(c, 0, sizeof(*c));
			c->rc = ecap__executor_capacity(p, &a, &n, &c->cap, NULL);
			if (c->rc == ECAP_OK)
				c->rc = ecap__exec_shape(p, &c->cap,
							 t->overhead_factor[pl],
							 0, &c->shape, NULL);
			if (c->rc == ECAP_OK)
				ecap__exec_row_least(p, pl, &n, c);
		}
	}
}

static int
resolve_defaults(const ecap_policy *p, struct ecap__exec_args *a,
		 struct ecap_error *err)
{
	struct ecap_executor_in in;

	ECAP_STRUCT_INIT(&in);
	in.daily_data_gb = 1.0;
	return ecap__executor_resolve(p, &in, a, err);
}

void
ecap__exec_table_update(ecap_policy *p)
{
	if (p->exec_table == NULL &&
	    (p->exec_table = ecap__malloc(sizeof(*p->exec_table))) == NULL)
		return;
	table_fill(p, p->exec_table);
	p->exec_table->defaults_rc =
		resolve_defaults(p, &p->exec_table->defaults, NULL);
}

int
ecap__executor_resolve_defaults(const ecap_policy *p,
				struct ecap__exec_args *a,
				struct ecap_error *err)
{
	const struct ecap__exec_table *t = p->exec_table;

	if (t != NULL && t->defaults_rc == ECAP_OK) {
		*a = t->defaults;
		return ECAP_OK;
	}
	return resolve_defaults(p, a, err);
}

void
ecap__exec_table_free(ecap_policy *p)
{
	ecap__free(p->exec_table);
	p->exec_table = NULL;
}

const struct ecap__exec_node_row *
ecap__exec_table_rows(const ecap_policy *p, const struct ecap__exec_args *a,
		      size_t count)
{
	const struct ecap__exec_table *t = p->exec_table;

	/* The rows hold the shapes for the platform's default factor, no
	 * fixed cores and the catalog's own YARN memory. */
	if (t == NULL || t->n != count || a->platform < 0 ||
	    a->platform >= ECAP__EXEC_PLATFORM_COUNT || a->fixed_cores != 0 ||
	    a->caller_yarn_gb != 0.0 ||
	    a->overhead_factor != t->overhead_factor[a->platform])
		return NULL;
	return t->row[a->platform];
}
