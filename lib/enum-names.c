/* SPDX-License-Identifier: MIT */
/*
 * enum-names.c - names of public enum values, both ways.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

const char *
ecap__enum_to_string(const struct ecap__enum_name *t, int32_t value)
{
	for (; t->names[0] != NULL; t++)
		if (t->value == value)
			return t->names[0];
	return NULL;
}

/* Compares ignoring case, '_', '-' and ' ' (Spark strips '_' from join
 * types and compares hint names case-insensitively). */
static bool
loose_match(const char *in, const char *name)
{
	for (;;) {
		while (*in == '_' || *in == '-' || *in == ' ')
			in++;
		while (*name == '_')
			name++;
		if (*in == '\0' || *name == '\0')
			return *in == *name;
		if (tolower((unsigned char)*in) != tolower((unsigned char)*name))
			return false;
		in++;
		name++;
	}
}

int
ecap__enum_from_string(const struct ecap__enum_name *table, bool loose,
		       const char *what, const char *field, const char *name,
		       int32_t *value, struct ecap_error *err)
{
	const struct ecap__enum_name *t;
	char list[160] = "";
	size_t i, n;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, name, "name")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, value, field)) != ECAP_OK)
		return rc;
	for (t = table; name[0] != '\0' && t->names[0] != NULL; t++)
		for (i = 0; i < ECAP_ARRAY_SIZE(t->names) && t->names[i]; i++)
			if (loose ? loose_match(name, t->names[i])
				  : strcmp(name, t->names[i]) == 0) {
				*value = t->value;
				return ECAP_OK;
			}
	for (t = table; t->names[0] != NULL; t++) {
		n = strlen(list);
		snprintf(list + n, sizeof(list) - n, "%s%s", n > 0 ? ", " : "",
			 t->names[0]);
	}
	return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, field,
			  "%s \"%.60s\" is unknown; the names are %s", what,
			  name, list);
}

/* ------------------------------------------------------------------------
 * names of the enums that have no family source of their own
 */

static const struct ecap__enum_name value_type_names[] = {
	{ ECAP_TYPE_DOUBLE, { "double", NULL } },
	{ ECAP_TYPE_INT64, { "int64", NULL } },
	{ ECAP_TYPE_STRING, { "string", NULL } },
	{ ECAP_TYPE_BOOL, { "bool", NULL } },
	{ 0, { NULL } },
};

ECAP_API const char *
ecap_value_type_to_string(int32_t type)
{
	return ecap__enum_to_string(value_type_names, type);
}

ECAP_API int
ecap_value_type_from_string(const char *name, int32_t *type,
			    struct ecap_error *err)
{
	return ecap__enum_from_string(value_type_names, false, "value type",
				      "type", name, type, err);
}
