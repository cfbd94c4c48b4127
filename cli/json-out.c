/* SPDX-License-Identifier: MIT */
/*
 * json-out.c - JSON text of a jansson document whose reals are written in
 * the shortest form that reads back as the same double (0.1, not
 * 0.10000000000000001).  jansson formats every real of a dump with one
 * precision, so the document is dumped with 17 digits (exact) and each
 * real is rewritten.  The command never calls setlocale(), so printf and
 * strtod use '.' as jansson does.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ecaptune-cli.h"

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

/* Shortest spelling of the real tok[0..len) into out[32]. */
static void
shortest(const char *tok, size_t len, char *out)
{
	char buf[40];

	memcpy(buf, tok, len);
	buf[len] = '\0';
	shortest_real(strtod(buf, NULL), out);
}

char *
json_dump_shortest(const void *root)
{
	char *text, *out, num[32];
	size_t i, o, n;
	int in_string = 0, real;

	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
				JSON_REAL_PRECISION(17));
	if (text == NULL || (out = malloc(strlen(text) + 1)) == NULL) {
		free(text);
		return NULL;
	}
	for (i = o = 0; text[i] != '\0';) {
		if (in_string || text[i] == '"') {
			if (in_string && text[i] == '\\')
				out[o++] = text[i++];
			else if (text[i] == '"')
				in_string = !in_string;
			out[o++] = text[i++];
			continue;
		}
		if (text[i] != '-' && (text[i] < '0' || text[i] > '9')) {
			out[o++] = text[i++];
			continue;
		}
		for (n = 0, real = 0; text[i + n] != '\0' &&
		     strchr("0123456789+-.eE", text[i + n]) != NULL; n++)
			real |= strchr(".eE", text[i + n]) != NULL;
		if (real && n < 40) {
			shortest(text + i, n, num);
			memcpy(out + o, num, strlen(num));
			o += strlen(num);
		} else {
			memcpy(out + o, text + i, n);
			o += n;
		}
		i += n;
	}
	out[o] = '\0';
	free(text);
	return out;
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
