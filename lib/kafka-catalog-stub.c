/* SPDX-License-Identifier: MIT */
/*
 * kafka-catalog-stub.c - TEMPORARY: the kafka-broker rows until the
 * catalog mechanism lands on main (then lib/catalog-kafka-broker.def holds
 * them and this file goes).
 */
#include <string.h>

#include "capacity.h"

#define ECAP_KAFKA_BROKER(n, vcpu, mem, price, storage, reps, thr, reg, date) \
	{ sizeof(struct ecap_catalog_entry), ECAP_CATALOG_KAFKA_BROKER, vcpu, \
	  n, "", reg, date, mem, price, 0, 0, storage, 0, 0, 0, 0, reps, thr },
static struct ecap_catalog_entry rows[] = {
#include "catalog-kafka-broker.def"
};
#undef ECAP_KAFKA_BROKER

const struct ecap_catalog_entry *
ecap__catalog_entries(const ecap_policy *p, int32_t catalog, size_t *n)
{
	size_t i;

	(void)p;
	(void)catalog;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *dot = strrchr(rows[i].name, '.');
		memcpy(rows[i].family, rows[i].name, (size_t)(dot - rows[i].name));
	}
	*n = sizeof(rows) / sizeof(rows[0]);
	return rows;
}

const struct ecap_catalog_entry *
ecap__catalog_find(const ecap_policy *p, int32_t catalog, const char *name)
{
	size_t i, n;
	const struct ecap_catalog_entry *e = ecap__catalog_entries(p, catalog, &n);

	for (i = 0; i < n; i++)
		if (strcmp(e[i].name, name) == 0)
			return &e[i];
	return NULL;
}
