/* SPDX-License-Identifier: MIT */
/*
 * catalog-json.c - the "catalog.<catalog>" members of a policy document:
 * an array of entry objects that replaces the whole catalog.
 */
#include <stdio.h>
#include <string.h>

#include "policy-json.h"

#define MEMBER_PREFIX "catalog."

bool
ecap__catalog_member(const char *key, int32_t *catalog)
{
	return strncmp(key, MEMBER_PREFIX, strlen(MEMBER_PREFIX)) == 0 &&
	       ecap_catalog_from_string(key + strlen(MEMBER_PREFIX), catalog,
					NULL) == ECAP_OK;
}

/* The string fields of an entry, by member name. */
static char *
string_field(struct ecap_catalog_entry *e, const char *field, size_t *cap)
{
	static const struct {
		const char *name;
		size_t offset, cap;
	} fields[] = {
#define STR(f) { #f, offsetof(struct ecap_catalog_entry, f), \
		 sizeof(((struct ecap_catalog_entry *)0)->f) }
		STR(name), STR(family), STR(region), STR(price_date),
#undef STR
	};
	size_t i;

	for (i = 0; i < ECAP_ARRAY_SIZE(fields); i++)
		if (strcmp(fields[i].name, field) == 0) {
			*cap = fields[i].cap;
			return (char *)e + fields[i].offset;
		}
	return NULL;
}

/* Reads one member of an entry object into *e. */
static int
load_field(struct ecap_catalog_entry *e, const char *field, const json_t *v,
	   const char *key, struct ecap_error *err)
{
	const struct ecap__catalog_field *f;
	char *s;
	size_t cap;
	int rc;

	if ((s = string_field(e, field, &cap)) != NULL) {
		if (!json_is_string(v))
			return ecap__json_type_error(err, key, "a string", v);
		if (json_string_length(v) >= cap)
			return ecap__fail(err, ECAP_ERR_RANGE, key,
					  "%s is longer than %zu bytes", key,
					  cap - 1);
		memcpy(s, json_string_value(v), json_string_length(v) + 1);
		return ECAP_OK;
	}
	if ((f = ecap__catalog_field(field)) == NULL)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_KEY, key,
				  "no policy key is named \"%.100s\"", key);
	if (f->type == ECAP_TYPE_DOUBLE) {
		if (!json_is_number(v))
			return ecap__json_type_error(err, key, "a number", v);
		ecap__catalog_set(e, f, json_number_value(v), 0);
		return ECAP_OK;
	}
	if (!json_is_integer(v))
		return ecap__json_type_error(err, key, "an integer", v);
	/* Out-of-range integers must not be narrowed into int32 fields;
	 * 0 (a field of another catalog) is checked with the entry. */
	if (json_integer_value(v) != 0 &&
	    (rc = ecap__check_int64(err, key, json_integer_value(v),
				    (int64_t)f->min, (int64_t)f->max)) !=
		    ECAP_OK)
		return rc;
	ecap__catalog_set(e, f, 0.0, json_integer_value(v));
	return ECAP_OK;
}

static int
load_entry(struct ecap_catalog_entry *out, int32_t catalog,
	   const char *member, size_t index, const json_t *obj,
	   const struct ecap__src *src, const struct ecap__loc *off,
	   struct ecap_error *err)
{
	static const char *const required[] = {
		"name", "vcpu_count", "memory_gb", "price_usd_per_hour",
		"region", "price_date",
	};
	struct ecap_catalog_entry e;
	const char *field;
	char key[192], prefix[96];
	json_t *v;
	size_t i;
	int rc;

	snprintf(prefix, sizeof(prefix), "%s[%zu].", member, index);
	if (!json_is_object(obj))
		return ecap__json_at(err, src, off,
				     ecap__json_type_error(err, prefix,
							   "an object", obj));
	for (i = 0; i < ECAP_ARRAY_SIZE(required); i++)
		if (json_object_get(obj, required[i]) == NULL)
			return ecap__json_at(err, src, off,
					     ecap__fail(err, ECAP_ERR_INVALID,
							prefix,
							"%s needs name, "
							"vcpu_count, memory_gb, "
							"price_usd_per_hour, "
							"region and price_date",
							prefix));
	memset(&e, 0, sizeof(e));
	e.sz = sizeof(e);
	e.catalog = catalog;
	json_object_foreach((json_t *)obj, field, v) {
		const struct ecap__loc at = { off, field };

		snprintf(key, sizeof(key), "%s%s", prefix, field);
		if ((rc = load_field(&e, field, v, key, err)) != ECAP_OK)
			return ecap__json_at(err, src, &at, rc);
	}
	return ecap__json_at(err, src, off,
			     ecap__catalog_entry_check(err, &e, out, prefix));
}

int
ecap__catalog_load_json(ecap_policy *p, int32_t catalog, const char *key,
			const json_t *arr, const struct ecap__src *src,
			const struct ecap__loc *off, struct ecap_error *err)
{
	struct ecap_catalog_entry e;
	size_t i, n;
	int rc;

	if (!json_is_array(arr))
		return ecap__json_at(err, src, off,
				     ecap__json_type_error(err, key, "an array",
							   arr));
	n = json_array_size(arr);
	if (n == 0)
		return ecap__json_at(err, src, off,
				     ecap__fail(err, ECAP_ERR_RANGE, key,
						"%s is empty; a catalog needs "
						"at least one entry", key));
	if (n > ECAP_CATALOG_MAX_ENTRIES)
		return ecap__json_at(err, src, off,
				     ecap__fail(err, ECAP_ERR_LIMIT, key,
						"%s has %zu entries; at most "
						"%d fit", key, n,
						ECAP_CATALOG_MAX_ENTRIES));
	/* The caller works on a copy of the policy: an error leaves the
	 * caller's catalog as it was. */
	ecap__catalog_clear(p, catalog);
	for (i = 0; i < n; i++) {
		if ((rc = load_entry(&e, catalog, key, i,
				     json_array_get(arr, i), src, off, err)) !=
		    ECAP_OK)
			return rc;
		if (ecap__catalog_find(p, catalog, e.name) != NULL)
			return ecap__json_at(err, src, off,
					     ecap__fail(err, ECAP_ERR_INVALID,
							key,
							"%s names %s twice",
							key, e.name));
		if ((rc = ecap__catalog_put(p, &e, err)) != ECAP_OK)
			return rc;
	}
	return ECAP_OK;
}

static bool
dump_entry(json_t *arr, const struct ecap_catalog_entry *e)
{
	const struct ecap__catalog_field *f;
	json_t *o = json_object(), *v;
	size_t i;

	if (o == NULL || json_array_append_new(arr, o) != 0 ||
	    !ecap__json_put(o, "name", json_string(e->name)) ||
	    !ecap__json_put(o, "family", json_string(e->family)) ||
	    !ecap__json_put(o, "region", json_string(e->region)) ||
	    !ecap__json_put(o, "price_date", json_string(e->price_date)))
		return false;
	/* Only the fields of the entry's catalog: the others are 0. */
	for (i = 0; i < ecap__catalog_field_count; i++) {
		f = &ecap__catalog_fields[i];
		if (!(f->catalogs & (1u << e->catalog)))
			continue;
		if (f->type == ECAP_TYPE_DOUBLE)
			v = json_real(ecap__catalog_get_double(e, f));
		else
			v = json_integer(
				(json_int_t)ecap__catalog_get_int64(e, f));
		if (!ecap__json_put(o, f->name, v))
			return false;
	}
	return true;
}

bool
ecap__catalog_dump_json(json_t *root, const ecap_policy *p)
{
	const struct ecap_catalog_entry *e;
	char key[64];
	json_t *arr;
	int32_t catalog;
	size_t i, n;

	for (catalog = 1; catalog <= ECAP__CATALOG_COUNT; catalog++) {
		e = ecap__catalog_entries(p, catalog, &n);
		snprintf(key, sizeof(key), MEMBER_PREFIX "%s",
			 ecap_catalog_to_string(catalog));
		if (!ecap__json_put(root, key, arr = json_array()))
			return false;
		for (i = 0; i < n; i++)
			if (!dump_entry(arr, &e[i]))
				return false;
	}
	return true;
}
