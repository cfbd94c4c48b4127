/* SPDX-License-Identifier: MIT */
/*
 * policy-keys.c - the static key table and typed, validated stores.
 */
#include <string.h>

#include "internal.h"

const struct ecap__key_def ecap__keys[ECAP_K__COUNT] = {
#define ECAP_DKEY(id, nm, def, mn, mx, un, desc) \
	[ECAP_K_##id] = { .name = nm, .unit = un, .description = desc, \
			  .type = ECAP_TYPE_DOUBLE, .def_d = def, .min_d = mn, \
			  .max_d = mx },
#define ECAP_IKEY(id, nm, def, mn, mx, un, desc) \
	[ECAP_K_##id] = { .name = nm, .unit = un, .description = desc, \
			  .type = ECAP_TYPE_INT64, .def_i = def, .min_i = mn, \
			  .max_i = mx },
#define ECAP_BKEY(id, nm, def, desc) \
	[ECAP_K_##id] = { .name = nm, .unit = "boolean", .description = desc, \
			  .type = ECAP_TYPE_BOOL, .def_i = def, .min_i = 0, \
			  .max_i = 1 },
#define ECAP_SKEY(id, nm, def, desc) \
	[ECAP_K_##id] = { .name = nm, .unit = "text", .description = desc, \
			  .type = ECAP_TYPE_STRING, .def_s = def },
#include "policy-keys.def"
#undef ECAP_DKEY
#undef ECAP_IKEY
#undef ECAP_BKEY
#undef ECAP_SKEY
};

/* Every double key's range is finite, so a value within it is finite
 * (ecap__check_override_double tests no more): tests/test-policy.c's
 * key_listing holds the table to it (a _Static_assert on doubles is a
 * GCC extension clang refuses). */

int
ecap__key_lookup_from(const char *name, int start)
{
	int n, i;

	for (n = 0; n < ECAP_K__COUNT; n++) {
		i = (start + n) % ECAP_K__COUNT;
		if (strcmp(ecap__keys[i].name, name) == 0)
			return i;
	}
	return -1;
}

int
ecap__key_lookup(const char *name)
{
	return ecap__key_lookup_from(name, 0);
}

int
ecap__key_store_double(ecap_policy *p, int id, double v, struct ecap_error *err)
{
	const struct ecap__key_def *k = &ecap__keys[id];
	int rc;

	if (k->type != ECAP_TYPE_DOUBLE)
		return ecap__fail(err, ECAP_ERR_TYPE, k->name,
				  "policy key %s is not a number of type "
				  "double", k->name);
	rc = ecap__check_double(err, k->name, v, k->min_d, k->max_d);
	if (rc == ECAP_OK)
		p->values[id].d = ecap__no_negative_zero(v);
	return rc;
}

int
ecap__key_store_int64(ecap_policy *p, int id, int64_t v, struct ecap_error *err)
{
	const struct ecap__key_def *k = &ecap__keys[id];
	int rc;

	if (k->type != ECAP_TYPE_INT64 && k->type != ECAP_TYPE_BOOL)
		return ecap__fail(err, ECAP_ERR_TYPE, k->name,
				  "policy key %s is not an integer or boolean",
				  k->name);
	rc = ecap__check_int64(err, k->name, v, k->min_i, k->max_i);
	if (rc == ECAP_OK)
		p->values[id].i = v;
	return rc;
}

int
ecap__check_override_double_fail(struct ecap_error *err, const char *field,
				 double v, int id)
{
	const struct ecap__key_def *k = &ecap__keys[id];
	int rc;

	if ((rc = ecap__check_double(err, field, v, 0.0, k->max_d)) != ECAP_OK)
		return rc;
	return ecap__fail(err, ECAP_ERR_RANGE, field,
			  "%s is %.17g; it is 0 (policy key %s) or "
			  "%.17g to %.17g, the key's range", field, v,
			  k->name, k->min_d, k->max_d);
}

int
ecap__check_override_int64_fail(struct ecap_error *err, const char *field,
				int64_t v, int id)
{
	const struct ecap__key_def *k = &ecap__keys[id];

	return ecap__fail(err, ECAP_ERR_RANGE, field,
			  "%s is %lld; it is 0 (policy key %s) or "
			  "%lld to %lld, the key's range", field,
			  (long long)v, k->name, (long long)k->min_i,
			  (long long)k->max_i);
}

/* Printable ASCII without quotes or backslashes keeps dumps readable. */
static bool
string_ok(const char *v, size_t max)
{
	size_t n = 0;

	for (; v[n] != '\0'; n++)
		if (n >= max || (unsigned char)v[n] < 0x20 ||
		    (unsigned char)v[n] > 0x7e || v[n] == '"' || v[n] == '\\')
			return false;
	return n > 0;
}

void
ecap__key_parse_enum(ecap_policy *p, int id, const char *v)
{
	int (*parse)(const char *, int32_t *, struct ecap_error *) = NULL;
	int32_t value = 0;

	switch (id) {
	case ECAP_K_MODEL:
		parse = ecap_model_from_string;
		break;
	case ECAP_K_DATABASE_WORKLOAD:
		parse = ecap_database_workload_from_string;
		break;
	case ECAP_K_DATABASE_STORAGE_TYPE:
		parse = ecap_database_storage_from_string;
		break;
	default:
		break;
	}
	if (parse != NULL && parse(v, &value, NULL) != ECAP_OK)
		value = 0;
	p->enum_values[id] = value;
}

int
ecap__key_store_string(ecap_policy *p, int id, const char *v,
		       struct ecap_error *err)
{
	const struct ecap__key_def *k = &ecap__keys[id];
	int32_t model = 0;
	int rc;

	if (k->type != ECAP_TYPE_STRING)
		return ecap__fail(err, ECAP_ERR_TYPE, k->name,
				  "policy key %s is not a string", k->name);
	if (v == NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, k->name,
				  "value for %s is NULL", k->name);
	if (!string_ok(v, ECAP_STRING_VALUE_MAX - 1))
		return ecap__fail(err, ECAP_ERR_RANGE, k->name,
				  "value for %s must be 1 to %d printable "
				  "ASCII characters without quotes or "
				  "backslashes", k->name,
				  ECAP_STRING_VALUE_MAX - 1);
	if (id == ECAP_K_MODEL) {
		rc = ecap_model_from_string(v, &model, err);
		if (rc != ECAP_OK)
			return rc;
		p->model = model;
	}
	/* NUL-padded, so advice copies it whole (ecap__copy_padded). */
	memset(p->values[id].s, 0, sizeof(p->values[id].s));
	ecap__strlcpy(p->values[id].s, v, sizeof(p->values[id].s));
	ecap__key_parse_enum(p, id, v);
	return ECAP_OK;
}

static void
key_info_fill(const struct ecap__key_def *k, struct ecap_key_info *info)
{
	info->name = k->name;
	info->unit = k->unit;
	info->description = k->description;
	info->type = k->type;
	info->default_double = k->def_d;
	info->min_double = k->min_d;
	info->max_double = k->max_d;
	info->default_int64 = k->def_i;
	info->min_int64 = k->min_i;
	info->max_int64 = k->max_i;
	info->default_string = k->def_s;
}

ECAP_API size_t
ecap_policy_key_count(void)
{
	return ECAP_K__COUNT;
}

ECAP_API int
ecap_policy_key_at(size_t index, struct ecap_key_info *info,
		   struct ecap_error *err)
{
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, info, ecap_key_info)) != ECAP_OK)
		return rc;
	if (index >= ECAP_K__COUNT)
		return ecap__fail(err, ECAP_ERR_RANGE, "index",
				  "index is %zu; there are %d keys", index,
				  (int)ECAP_K__COUNT);
	ECAP__OUT_ZERO(info, ecap_key_info);
	key_info_fill(&ecap__keys[index], info);
	return ECAP_OK;
}

ECAP_API int
ecap_policy_key_find(const char *name, struct ecap_key_info *info,
		     struct ecap_error *err)
{
	int rc, id;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, name, "name")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, info, ecap_key_info)) != ECAP_OK)
		return rc;
	if ((id = ecap__key_lookup(name)) < 0)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_KEY, name,
				  "no policy key is named \"%.60s\"", name);
	ECAP__OUT_ZERO(info, ecap_key_info);
	key_info_fill(&ecap__keys[id], info);
	return ECAP_OK;
}

/*
 * A set: the store, then the rules between keys, undone (value and model)
 * when the new value disagrees with another key.
 */
static int
set_checked(ecap_policy *p, int id, const union ecap_value *old,
	    int32_t old_model, int rc, struct ecap_error *err)
{
	if (rc == ECAP_OK && (rc = ecap__policy_check(p, id, err)) != ECAP_OK) {
		p->values[id] = *old;
		p->model = old_model;
	}
	return rc;
}

int
ecap__key_set_double(ecap_policy *p, int id, double v, struct ecap_error *err)
{
	union ecap_value old = p->values[id];
	int32_t model = p->model;

	return set_checked(p, id, &old, model,
			   ecap__key_store_double(p, id, v, err), err);
}

int
ecap__key_set_int64(ecap_policy *p, int id, int64_t v, struct ecap_error *err)
{
	union ecap_value old = p->values[id];
	int32_t model = p->model;

	return set_checked(p, id, &old, model,
			   ecap__key_store_int64(p, id, v, err), err);
}

int
ecap__key_set_string(ecap_policy *p, int id, const char *v,
		     struct ecap_error *err)
{
	union ecap_value old = p->values[id];
	int32_t model = p->model;

	return set_checked(p, id, &old, model,
			   ecap__key_store_string(p, id, v, err), err);
}
