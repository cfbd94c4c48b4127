/* SPDX-License-Identifier: MIT */
/*
 * sbuf.h - a growing text buffer for the JSON the library writes.  Its
 * memory comes from ecap__realloc, so the text goes to the caller as is
 * (freed with ecap_free); one failed allocation marks the buffer failed and
 * later writes do nothing, so a caller checks once, at the end, and never
 * hands out truncated text.
 */
#ifndef ECAP_SBUF_H
#define ECAP_SBUF_H

#include <jansson.h>

#include "internal.h"

struct ecap__sbuf {
	char *data;
	size_t len, cap;
	bool failed;
};

void ecap__sb_put(struct ecap__sbuf *b, const char *s, size_t n);
void ecap__sb_str(struct ecap__sbuf *b, const char *s);
/* Appends the JSON text of j (json_dump_callback flags); a failure of
 * jansson's marks the buffer failed like one of ours. */
void ecap__sb_json(struct ecap__sbuf *b, const json_t *j, size_t flags);
/* A JSON string literal (quoted and escaped by jansson). */
void ecap__sb_json_string(struct ecap__sbuf *b, const char *s);
/* The shortest decimal that reads back as exactly v. */
void ecap__sb_double(struct ecap__sbuf *b, double v);
void ecap__sb_int(struct ecap__sbuf *b, int64_t v);
/* The text, handed over (NULL and freed if anything failed). */
char *ecap__sb_finish(struct ecap__sbuf *b);

#endif /* ECAP_SBUF_H */
