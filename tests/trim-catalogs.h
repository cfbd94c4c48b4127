/* SPDX-License-Identifier: MIT */
/*
 * trim-catalogs.h - shared by the allocation-failure test and the fuzz
 * targets: a policy with few entries in each catalog dumps and loads every
 * kind of text once rather than each kind hundreds of times.
 */
#ifndef ECAP_TRIM_CATALOGS_H
#define ECAP_TRIM_CATALOGS_H

#include <stdbool.h>

#include "ecaptune.h"

/* Leaves at most keep entries in each catalog (those a key names stay);
 * false if the policy cannot be read. */
static inline bool
trim_catalogs(ecap_policy *p, size_t keep)
{
	static const int32_t catalogs[] = { ECAP_CATALOG_SPARK_NODE,
					    ECAP_CATALOG_DATABASE,
					    ECAP_CATALOG_KAFKA_BROKER };
	struct ecap_catalog_entry e;
	size_t i, k;

	for (i = 0; i < sizeof(catalogs) / sizeof(catalogs[0]); i++)
		for (k = 0; ecap_policy_catalog_count(p, catalogs[i]) > keep;) {
			ECAP_STRUCT_INIT(&e);
			if (ecap_policy_catalog_at(p, catalogs[i], k, &e,
						   NULL) != ECAP_OK)
				return false;
			if (ecap_policy_catalog_remove(p, catalogs[i], e.name,
						       NULL) != ECAP_OK)
				k++;	/* still named by a key: keep it */
		}
	return true;
}

#endif /* ECAP_TRIM_CATALOGS_H */
