/* SPDX-License-Identifier: MIT */
/*
 * json-write.h - writing JSON (json-write.c): every document the library
 * writes goes through ecap__json_dumps.
 */
#ifndef ECAP_JSON_WRITE_H
#define ECAP_JSON_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

/*
 * json_dumps(root, flags) followed by tail, with each real in the shortest
 * form (15 to 17 digits) that reads back as the same double, and an
 * integral real without ".0" (720).  Returns text for ecap__free or
 * ecap_free, or NULL when memory ran out.
 */
char *ecap__json_dumps(const json_t *root, size_t flags, const char *tail);

/*
 * Writes to out (size bytes, 32 are enough) the shortest JSON text of v
 * that reads back as v, as ecap__json_dumps writes each real; false when
 * v is not finite or memory ran out.
 */
bool ecap__json_real_text(double v, char *out, size_t size);

/*
 * Rewrites, in place, an indented dump so that each object that is an
 * element of an array takes one line ({"name": "m5.xlarge", ...}), as a
 * catalog row reads best; objects that are members keep one member a line.
 */
void ecap__json_inline_elements(char *text);

#endif
