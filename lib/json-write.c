/* SPDX-License-Identifier: MIT */
/*
 * json-write.c - the one way the library writes JSON: jansson builds and
 * escapes the document, and every real is written in the shortest form
 * that reads back as the same double.
 *
 * jansson formats all reals of a dump with one precision
 * (JSON_REAL_PRECISION): 17 digits are exact but print 0.4 as
 * 0.40000000000000002, fewer digits lose other values.  So the document is
 * dumped with 17 digits (into the library's own buffer, sbuf.c, so the
 * caller frees it with ecap_free), and each real in the text is then
 * rewritten, from its double taken from the document itself (never by
 * parsing text: jansson's lexer can lose a digit when memory runs short),
 * with the fewest of 15, 16 or 17 digits that read back as that double.  A real with an integral value loses jansson's ".0"
 * (720, not 720.0 or 7.2e+02): every reader, the policy loader included,
 * takes an integer where a number is expected.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "json-write.h"
#include "sbuf.h"

/* The reals of a document in the order its dump writes them (jansson
 * keeps an object's members in insertion order). */
struct reals {
	double *v;
	size_t n, cap;
};

static bool
collect_reals(const json_t *j, struct reals *r)
{
	const char *key;
	json_t *v;
	double *grown;
	size_t i;

	if (json_is_real(j)) {
		if (r->n == r->cap) {
			r->cap = r->cap ? 2 * r->cap : 64;
			if ((grown = ecap__realloc(r->v, r->cap * sizeof(*r->v))) ==
			    NULL)
				return false;
			r->v = grown;
		}
		r->v[r->n++] = json_real_value(j);
	} else if (json_is_object(j)) {
		json_object_foreach((json_t *)j, key, v)
			if (!collect_reals(v, r))
				return false;
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			if (!collect_reals(v, r))
				return false;
	}
	return true;
}

/*
 * The fewest of 15, 16 or 17 digits, tested with snprintf and strtod
 * (which share the locale, so they agree whatever it is), then formatted
 * by jansson into out (json_dumpb: '.' whatever the locale, no text of
 * jansson's to free).  false when memory runs out.
 */
bool
ecap__json_real_text(double v, char *out, size_t size)
{
	char probe[40];
	json_t *num;
	size_t n;
	int prec;

	for (prec = 15; prec < 17; prec++) {
		snprintf(probe, sizeof(probe), "%.*g", prec, v);
		if (strtod(probe, NULL) == v)
			break;
	}
	if ((num = json_real(v)) == NULL)
		return false;
	n = json_dumpb(num, out, size - 1,
		       JSON_ENCODE_ANY | JSON_REAL_PRECISION(prec));
	json_decref(num);
	if (n == 0 || n >= size)
		return false;
	out[n] = '\0';
	/* 720.0 -> 720, 0.0 -> 0; -0.0 keeps its sign and so its ".0". */
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
	while (s[n] != '\0' && strchr("0123456789+-.eE", s[n]) != NULL) {
		if (s[n] == '.' || s[n] == 'e' || s[n] == 'E')
			*real = true;
		n++;
	}
	return n;
}

/* Rewrites in place the reals of text, the dump of a document whose
 * reals are r in order; false when memory ran out. */
static bool
shorten_reals(char *text, const struct reals *r)
{
	char num[40] = "";
	size_t i, o, n, k = 0;
	bool in_string = false, real;

	/* A rewritten real is never longer than jansson's 17 digits, so the
	 * output never overtakes the input. */
	for (i = o = 0; text[i] != '\0'; ) {
		if (in_string) {
			if (text[i] == '\\')
				text[o++] = text[i++];
			else if (text[i] == '"')
				in_string = false;
			text[o++] = text[i++];
			continue;
		}
		if (text[i] == '"')
			in_string = true;
		if (text[i] != '-' && !(text[i] >= '0' && text[i] <= '9')) {
			text[o++] = text[i++];
			continue;
		}
		n = number_token(text + i, &real);
		if (real && k < r->n) {
			if (!ecap__json_real_text(r->v[k++], num, sizeof(num)))
				return false;
		}
		if (real && num[0] != '\0' && strlen(num) <= n) {
			memcpy(text + o, num, strlen(num));
			o += strlen(num);
		} else {
			memmove(text + o, text + i, n);
			o += n;
		}
		num[0] = '\0';
		i += n;
	}
	text[o] = '\0';
	return true;
}

char *
ecap__json_dumps(const json_t *root, size_t flags, const char *tail)
{
	struct ecap__sbuf b = { NULL, 0, 0, false };
	struct reals r = { NULL, 0, 0 };
	char *text;

	ecap__sb_json(&b, root, flags | JSON_REAL_PRECISION(17));
	ecap__sb_str(&b, tail);
	if ((text = ecap__sb_finish(&b)) != NULL &&
	    (!collect_reals(root, &r) || !shorten_reals(text, &r))) {
		ecap__free(text);
		text = NULL;
	}
	ecap__free(r.v);
	return text;
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
