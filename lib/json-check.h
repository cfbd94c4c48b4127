/* SPDX-License-Identifier: MIT */
/*
 * json-check.h - what jansson cannot report when it runs out of memory.
 *
 * jansson's lexer ignores a failed append when it saves a token's text
 * (lex_save in src/load.c), so under memory pressure json_loadb can return
 * a document that lost a byte of a long string or number, and a failed
 * allocation while lexing a string reads as an "invalid token".  The
 * loader therefore scans the source itself: a document that this scan
 * finds well formed cannot fail with a syntax error (that failure was
 * memory), and the strings and numbers jansson returns must be the ones
 * in the source (a digest of both must match).
 */
#ifndef ECAP_JSON_CHECK_H
#define ECAP_JSON_CHECK_H

#include <jansson.h>

#include "internal.h"

/* Order-independent sums over every member name, string and number. */
struct ecap__json_digest {
	uint64_t strings, numbers;
	size_t n_strings, n_numbers;
	/* A number token too long to convert here: numbers are counted. */
	bool numbers_uncheckable;
};
/* Do the digests of the source and of the tree jansson made agree? */
bool ecap__json_digest_equal(const struct ecap__json_digest *src,
			     const struct ecap__json_digest *tree);

/*
 * Scans text[0, len) as one JSON value, as jansson reads it; true when it
 * is well formed (d then holds the source's digest).  A NUL in a string,
 * duplicate keys, numbers out of range and nesting deeper than jansson's
 * limit are left to jansson, which reports them itself.
 */
bool ecap__json_scan(const char *text, size_t len,
		     struct ecap__json_digest *d);
/* Is s[0, len) UTF-8 as jansson accepts it (no overlong forms, no
 * surrogates, nothing past U+10FFFF)?  Allocates nothing. */
bool ecap__utf8_ok(const char *s, size_t len);
/* The digest of a parsed document. */
void ecap__json_digest_tree(const json_t *root, struct ecap__json_digest *d);

#endif /* ECAP_JSON_CHECK_H */
