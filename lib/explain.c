/* SPDX-License-Identifier: MIT */
/*
 * explain.c - the buffer rules shared by the ecap_<family>_explain()
 * functions, which render on demand the sentence an advisor call no
 * longer formats.
 */
#include <stdarg.h>
#include <stdio.h>

#include "internal.h"

int
ecap__explain(struct ecap_error *err, char *buf, size_t size,
	      const char *fmt, ...)
{
	va_list ap;
	int n;

	if (buf == NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, "buf", "buf is NULL");
	if (size == 0)
		return ecap__fail(err, ECAP_ERR_NOSPACE, "size",
				  "size is 0; ECAP_EXPLAIN_MAX (%d) bytes "
				  "always suffice", ECAP_EXPLAIN_MAX);
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
				  "the sentence needs %d bytes; size is %zu",
				  n + 1, size);
	return ECAP_OK;
}
