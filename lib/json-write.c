/* SPDX-License-Identifier: MIT */
/*
 * json-write.c - the one way the library writes JSON: jansson builds and
 * escapes the document, and every real is written in the shortest form
 * that reads back as the same double.
 *
 * jansson formats all reals of a dump with one precision
 * (JSON_REAL_PRECISION): 17 digits are exact but print 0.4 as
 * 0.40000000000000002, fewer digits lose other values.  So the document is
 * dumped with 17 digits, and each real in the text is then rewritten with
 * the smallest of 15, 16 or 17 digits that jansson reads back as the same
 * double (jansson formats and parses it, so the locale's decimal point
 * never matters).  A real with an integral value loses jansson's ".0"
 * (720, not 720.0 or 7.2e+02): every reader, the policy loader included,
 * takes an integer where a number is expected.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "json-write.h"

/*
 * Writes to out (at least 32 bytes) the shortest text of the real spelt
 * tok[0..len) that reads back exactly; false when memory runs out.
 */
static bool
shortest_real(const char *tok, size_t len, char *out, size_t size)
{
	json_t *num, *back;
	double v;
	char *text;
	size_t n;
	int prec;
	bool same;

	out[0] = '\0';
	if ((num = json_loadb(tok, len, JSON_DECODE_ANY, NULL)) == NULL)
		return false;
	v = json_number_value(num);
	json_decref(num);
	for (prec = 15; prec <= 17; prec++) {
		if ((num = json_real(v)) == NULL)
			return false;
		text = json_dumps(num, JSON_ENCODE_ANY | JSON_REAL_PRECISION(prec));
		json_decref(num);
		if (text == NULL)
			return false;
		back = json_loads(text, JSON_DECODE_ANY, NULL);
		same = back != NULL && json_number_value(back) == v &&
		       signbit(json_number_value(back)) == signbit(v);
		json_decref(back);
		n = strlen(text);
		if ((same || prec == 17) && n < size) {
			memcpy(out, text, n + 1);
			free(text);
			break;
		}
		free(text);
	}
	/* 720.0 -> 720, 0.0 -> 0; -0.0 keeps its sign and so its ".0". */
	n = strlen(out);
	if (n > 2 && strcmp(out + n - 2, ".0") == 0 && !signbit(v))
		out[n - 2] = '\0';
	return true;
}

/* Length of the number token at s; *real set when it has a fraction or
 * an exponent (jansson's own test for a real). */
static size_t
number_token(const char *s, bool *real)
{
	size_t n = 0;

	*real = false;
	while (strchr("0123456789+-.eE", s[n]) != NULL && s[n] != '\0') {
		if (s[n] == '.' || s[n] == 'e' || s[n] == 'E')
			*real = true;
		n++;
	}
	return n;
}

char *
ecap__json_dumps(const json_t *root, size_t flags)
{
	char *text, *out, num[40];
	size_t i, o, n;
	bool in_string = false, real;

	text = json_dumps(root, flags | JSON_REAL_PRECISION(17));
	if (text == NULL)
		return NULL;
	/* A rewritten real is never longer than jansson's 17 digits. */
	if ((out = malloc(strlen(text) + 1)) == NULL) {
		free(text);
		return NULL;
	}
	for (i = o = 0; text[i] != '\0'; ) {
		if (in_string) {
			if (text[i] == '\\')
				out[o++] = text[i++];
			else if (text[i] == '"')
				in_string = false;
			out[o++] = text[i++];
			continue;
		}
		if (text[i] == '"')
			in_string = true;
		if (text[i] != '-' && !(text[i] >= '0' && text[i] <= '9')) {
			out[o++] = text[i++];
			continue;
		}
		n = number_token(text + i, &real);
		if (real && !shortest_real(text + i, n, num, sizeof(num))) {
			free(text);
			free(out);
			return NULL;
		}
		if (real && num[0] != '\0' && strlen(num) <= n) {
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

void
ecap__json_inline_elements(char *text)
{
	const char *in = text, *line, *end;
	char *out = text;
	size_t indent, len, inline_indent = 0;
	bool joining = false;

	/* Strings hold no raw newline (JSON escapes it), so lines are safe
	 * units; the output is never longer than the input. */
	while (*in != '\0') {
		line = in;
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		for (indent = 0; line[indent] == ' '; indent++)
			;
		len = (size_t)(end - line) - indent;
		in = *end == '\n' ? end + 1 : end;
		if (!joining) {
			memmove(out, line, (size_t)(end - line));
			out += end - line;
			/* A bare "{" below the top level opens an array element. */
			if (indent >= 4 && len == 1 && line[indent] == '{') {
				joining = true;
				inline_indent = indent;
			} else if (*end == '\n')
				*out++ = '\n';
			continue;
		}
		if (out[-1] == ',')
			*out++ = ' ';
		memmove(out, line + indent, len);
		out += len;
		if (indent == inline_indent && line[indent] == '}') {
			joining = false;
			if (*end == '\n')
				*out++ = '\n';
		}
	}
	*out = '\0';
}
