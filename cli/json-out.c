/* SPDX-License-Identifier: MIT */
/*
 * json-out.c - the command's JSON and quoted text.  Documents are written
 * as the library writes its own (lib/json-write.c, compiled into the
 * command too): jansson's dump with each real in the shortest form that
 * reads back as the same double (0.1, not 0.10000000000000001).  The
 * command never calls setlocale(), so every number reads with '.'.
 */
#include <stdio.h>

#include <jansson.h>

#include "ecaptune-cli.h"
#include "internal.h"
#include "json-write.h"

int
print_json(FILE *f, void *root)
{
	char *text = ecap__json_dumps(root, JSON_INDENT(2) |
				      JSON_PRESERVE_ORDER, "");
	int rc = 0;

	if (text == NULL)
		rc = cli_error(CLI_EXIT_INPUT, "out of memory");
	else
		fprintf(f, "%s\n", text);
	ecap__free(text);
	json_decref(root);
	return rc;
}

void
print_quoted(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}
