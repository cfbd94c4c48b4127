/* SPDX-License-Identifier: MIT */
/*
 * policy-json.h - JSON helpers shared by policy-json.c and catalog-json.c.
 * Nothing here is exported.
 */
#ifndef ECAP_POLICY_JSON_H
#define ECAP_POLICY_JSON_H

#include <jansson.h>

#include "internal.h"
#include "sbuf.h"

/* The source text, for the line and column of an error. */
struct ecap__src {
	const char *text;
	size_t len;
};

/* Offset of the member name "key" at or after from (from if not found). */
size_t ecap__json_key_offset(const struct ecap__src *src, size_t from,
			     const char *key);
/* Stamps the position of the member at off on an error and returns rc. */
int ecap__json_at(struct ecap_error *err, const struct ecap__src *src,
		  size_t off, int rc);
/* ECAP_ERR_JSON: key must be want, not v's type. */
int ecap__json_type_error(struct ecap_error *err, const char *key,
			  const char *want, const json_t *v);

/* ---- catalogs (catalog-json.c) ---- */

/* Is key a "catalog.<catalog>" member?  Sets *catalog. */
bool ecap__catalog_member(const char *key, int32_t *catalog);
/* Replaces a catalog with the array v of member key at offset off. */
int ecap__catalog_load_json(ecap_policy *p, int32_t catalog, const char *key,
			    const json_t *v, const struct ecap__src *src,
			    size_t off, struct ecap_error *err);
/* Writes ",\n  \"catalog.<catalog>\": [...]" for every catalog. */
void ecap__catalog_dump_json(struct ecap__sbuf *b, const ecap_policy *p);

#endif /* ECAP_POLICY_JSON_H */
