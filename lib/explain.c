/* SPDX-License-Identifier: MIT */
/*
 * explain.c - the one-sentence explanations (ecap_<family>_explain): the
 * buffer rules and sizes written for people.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "internal.h"

int
ecap__explainf(struct ecap_error *err, char *buf, size_t size,
	       const char *fmt, ...)
{
	va_list ap;
	int n;

	if (buf == NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, "buf", "buf is NULL");
	if (size == 0)
		return ecap__fail(err, ECAP_ERR_INVALID, "size",
				  "size is 0; ECAP_EXPLAIN_MAX (%d) suffices",
				  ECAP_EXPLAIN_MAX);
	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (n < 0) {
		buf[0] = '\0';
		return ecap__fail(err, ECAP_ERR_INVALID, "buf",
				  "the sentence could not be formatted");
	}
	if ((size_t)n >= size)
		return ecap__fail(err, ECAP_ERR_NOSPACE, "size",
				  "the sentence needs %d bytes, the buffer "
				  "has %zu", n + 1, size);
	return ECAP_OK;
}

const char *
ecap__explain_bytes(char buf[ECAP__EXPLAIN_BYTES_MAX], double bytes)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB",
					     "TiB", "PiB", "EiB" };
	size_t u = 0;

	while (bytes >= 1024.0 && u + 1 < ECAP_ARRAY_SIZE(units)) {
		bytes /= 1024.0;
		u++;
	}
	/* Four significant digits: "128 MiB", "1.953 GiB", "16 KiB". */
	snprintf(buf, ECAP__EXPLAIN_BYTES_MAX, "%.4g %s", bytes, units[u]);
	return buf;
}
