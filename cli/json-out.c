/* SPDX-License-Identifier: MIT */
/*
 * json-out.c - JSON text of a jansson document whose reals are written in
 * the shortest form that reads back as the same double (0.1, not
 * 0.10000000000000001), by the library's writer (lib/json-write.c).
 * shortest_real spells one number for the text formats; the command never
 * calls setlocale(), so printf and strtod use '.'.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ecaptune-cli.h"
#include "json-write.h"

const char *
shortest_real(double v, char out[32])
{
	int prec;

	/* A whole number below 2^53 reads best without an exponent. */
	if (v == floor(v) && fabs(v) < 0x1p53) {
		snprintf(out, 32, "%.0f", v);
		return out;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(out, 32, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			break;
	}
	return out;
}

/* The library's writer (lib/json-write.c, compiled into the command too):
 * the same shortest reals as the library's own JSON. */
char *
json_dump_shortest(const void *root)
{
	return ecap__json_dumps(root, JSON_INDENT(2));
}

int
print_json(FILE *f, void *root)
{
	char *text = json_dump_shortest(root);
	int rc = 0;

	if (text == NULL)
		rc = cli_error(CLI_EXIT_INPUT, "out of memory");
	else
		fprintf(f, "%s\n", text);
	free(text);
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
