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

/*
 * Where a member is: its name under its parent member (parent NULL: a
 * member of the document's object).  A loader passes these down as it
 * walks; the text is searched for them only when an error needs a line
 * and column, so a load that succeeds reads the text once (jansson's
 * parse) and a failing one once more.
 */
struct ecap__loc {
	const struct ecap__loc *parent;
	const char *key;
};
/* Stamps the line and column of the member at loc on err when rc is an
 * error, and returns rc. */
int ecap__json_at(struct ecap_error *err, const struct ecap__src *src,
		  const struct ecap__loc *loc, int rc);
/* ECAP_ERR_JSON: key must be want, not v's type. */
int ecap__json_type_error(struct ecap_error *err, const char *key,
			  const char *want, const json_t *v);

/*
 * Sets member key of obj to v (taking the reference); false, with v
 * released, when v is NULL or memory ran out.  The dump builds its whole
 * document with it, then writes it into an sbuf and shortens its reals
 * (json-write.c).
 */
bool ecap__json_put(json_t *obj, const char *key, json_t *v);

/* ---- catalogs (catalog-json.c) ---- */

/* Is key a "catalog.<catalog>" member?  Sets *catalog. */
bool ecap__catalog_member(const char *key, int32_t *catalog);
/* Replaces a catalog with the array v of member key, found at loc. */
int ecap__catalog_load_json(ecap_policy *p, int32_t catalog, const char *key,
			    const json_t *v, const struct ecap__src *src,
			    const struct ecap__loc *loc,
			    struct ecap_error *err);
/* Adds a "catalog.<catalog>" array member to root for every catalog;
 * false when memory ran out. */
bool ecap__catalog_dump_json(json_t *root, const ecap_policy *p);

#endif /* ECAP_POLICY_JSON_H */
