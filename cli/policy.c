/* SPDX-License-Identifier: MIT */
/*
 * policy.c - ecaptune policy dump | keys | check FILE.
 */
#include <stdio.h>
#include <string.h>

#include "ecaptune-cli.h"

static int
dump(FILE *f, const ecap_policy *policy)
{
	struct ecap_error err;
	char *json = NULL;
	int rc;

	ECAP_STRUCT_INIT(&err);
	if ((rc = ecap_policy_dump_json(policy, &json, &err)) != ECAP_OK)
		return cli_lib_error("policy dump", rc, &err);
	fprintf(f, "%s\n", json);
	ecap_free(json);
	return 0;
}

static void
print_default(FILE *f, const struct ecap_key_info *k)
{
	switch (k->type) {
	case ECAP_TYPE_DOUBLE:
		fprintf(f, "%.17g", k->default_double);
		break;
	case ECAP_TYPE_STRING:
		fprintf(f, "%s", k->default_string);
		break;
	default:
		fprintf(f, "%lld", (long long)k->default_int64);
	}
}

/* One key a line: name, default, unit, description (tab-separated). */
static int
keys(FILE *f)
{
	struct ecap_key_info k;
	struct ecap_error err;
	size_t i, n = ecap_policy_key_count();
	int rc;

	ECAP_STRUCT_INIT(&err);
	for (i = 0; i < n; i++) {
		ECAP_STRUCT_INIT(&k);
		if ((rc = ecap_policy_key_at(i, &k, &err)) != ECAP_OK)
			return cli_lib_error("policy keys", rc, &err);
		fprintf(f, "%s\t", k.name);
		print_default(f, &k);
		fprintf(f, "\t%s\t%s\n", k.unit ? k.unit : "",
			k.description ? k.description : "");
	}
	return 0;
}

/* Loads FILE over the defaults: exit 0 when it is a valid policy. */
static int
check(FILE *f, const char *path)
{
	struct ecap_error err;
	ecap_policy *p = NULL;
	int rc;

	ECAP_STRUCT_INIT(&err);
	if ((rc = ecap_policy_new(&p, &err)) != ECAP_OK)
		return cli_lib_error("policy", rc, &err);
	rc = ecap_policy_load_file(p, path, &err);
	ecap_policy_free(&p);
	if (rc != ECAP_OK && err.line > 0)
		return cli_error(CLI_EXIT_INPUT, "%s:%d:%d: %s: %s", path,
				 err.line, err.column,
				 err.field[0] ? err.field : "policy",
				 err.message);
	if (rc != ECAP_OK)
		return cli_error(CLI_EXIT_INPUT, "%s: %s%s%s", path, err.field,
				 err.field[0] ? ": " : "", err.message);
	fprintf(f, "%s: a valid policy\n", path);
	return 0;
}

int
policy_command(FILE *f, ecap_policy *policy, char *const *operands, int count)
{
	if (count == 1 && strcmp(operands[0], "dump") == 0)
		return dump(f, policy);
	if (count == 1 && strcmp(operands[0], "keys") == 0)
		return keys(f);
	if (count == 2 && strcmp(operands[0], "check") == 0)
		return check(f, operands[1]);
	return cli_error(CLI_EXIT_USAGE, "usage: ecaptune policy dump | keys | "
			 "check FILE");
}
