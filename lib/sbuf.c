/* SPDX-License-Identifier: MIT */
/*
 * sbuf.c - the growing text buffer of the JSON writers.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"

void
ecap__sb_put(struct ecap__sbuf *b, const char *s, size_t n)
{
	char *grown;
	size_t cap;

	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		if ((grown = ecap__realloc(b->data, cap)) == NULL) {
			b->failed = true;
			return;
		}
		b->data = grown;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
ecap__sb_str(struct ecap__sbuf *b, const char *s)
{
	ecap__sb_put(b, s, strlen(s));
}

static int
sb_dump_cb(const char *s, size_t n, void *data)
{
	struct ecap__sbuf *b = data;

	ecap__sb_put(b, s, n);
	return b->failed ? -1 : 0;
}

void
ecap__sb_json(struct ecap__sbuf *b, const json_t *j, size_t flags)
{
	/* jansson's dump allocates too (its loop check); -1 is then the only
	 * sign, and the text so far is incomplete. */
	if (!b->failed && (j == NULL || json_dump_callback(j, sb_dump_cb, b,
							   flags) != 0))
		b->failed = true;
}

void
ecap__sb_json_string(struct ecap__sbuf *b, const char *s)
{
	json_t *j = json_string(s);

	ecap__sb_json(b, j, JSON_ENCODE_ANY);
	json_decref(j);
}

/*
 * The shortest decimal that reads back as exactly v, with '.' whatever the
 * locale's decimal point (snprintf and strtod share the locale).
 */
void
ecap__sb_double(struct ecap__sbuf *b, double v)
{
	char num[40];
	int prec;
	size_t i;

	for (prec = 1; prec <= 17; prec++) {
		snprintf(num, sizeof(num), "%.*g", prec, v);
		if (strtod(num, NULL) == v)
			break;
	}
	for (i = 0; num[i] != '\0'; i++)
		if (!(num[i] >= '0' && num[i] <= '9') && num[i] != '-' &&
		    num[i] != '+' && num[i] != 'e')
			num[i] = '.';
	ecap__sb_str(b, num);
}

void
ecap__sb_int(struct ecap__sbuf *b, int64_t v)
{
	char num[32];

	snprintf(num, sizeof(num), "%" PRId64, v);
	ecap__sb_str(b, num);
}

char *
ecap__sb_finish(struct ecap__sbuf *b)
{
	char *text = b->data;

	if (b->failed || text == NULL) {
		ecap__free(b->data);
		text = NULL;
	}
	b->data = NULL;
	b->len = b->cap = 0;
	return text;
}
