/* SPDX-License-Identifier: MIT */
/*
 * explain.c - the one-sentence explanations (ecap_<family>_explain): the
 * buffer rules and sizes written for people.
 */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "internal.h"

int
ecap__sentence_begin(struct ecap__sentence *s, char *buf, size_t size,
		     struct ecap_error *err)
{
	s->buf = buf;
	s->size = size;
	s->len = 0;
	if (buf == NULL && size != 0)
		return ecap__fail(err, ECAP_ERR_INVALID, "buf",
				  "buf is NULL but size is %zu", size);
	if (size != 0)
		buf[0] = '\0';
	return ECAP_OK;
}

void
ecap__vsay(struct ecap__sentence *s, const char *fmt, va_list ap)
{
	bool room = s->len < s->size;
	int n;

	/* Past the end, vsnprintf only counts. */
	n = vsnprintf(room ? s->buf + s->len : NULL,
		      room ? s->size - s->len : 0, fmt, ap);
	if (n > 0)
		s->len += (size_t)n;
}

void
ecap__say(struct ecap__sentence *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ecap__vsay(s, fmt, ap);
	va_end(ap);
}

int
ecap__sentence_end(const struct ecap__sentence *s, struct ecap_error *err)
{
	if (s->len < s->size)
		return ECAP_OK;
	return ecap__fail(err, ECAP_ERR_NOSPACE, "size",
			  "the sentence needs %zu bytes, the buffer has %zu; "
			  "ECAP_EXPLAIN_MAX (%d) always suffices", s->len + 1,
			  s->size, ECAP_EXPLAIN_MAX);
}

int
ecap__explainf(struct ecap_error *err, char *buf, size_t size,
	       const char *fmt, ...)
{
	struct ecap__sentence s;
	va_list ap;
	int rc;

	if ((rc = ecap__sentence_begin(&s, buf, size, err)) != ECAP_OK)
		return rc;
	va_start(ap, fmt);
	ecap__vsay(&s, fmt, ap);
	va_end(ap);
	return ecap__sentence_end(&s, err);
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

const char *
ecap__explain_quantity(char buf[ECAP__EXPLAIN_BYTES_MAX], double v)
{
	static const char *const suffixes[] = { "", "k", "M", "B", "T" };
	size_t u = 0;

	/* 999.5 and up would print as "1e+03" in three digits. */
	while (fabs(v) >= 999.5 && u + 1 < ECAP_ARRAY_SIZE(suffixes)) {
		v /= 1000.0;
		u++;
	}
	/* Three significant digits: "150k", "2.25M", "10.1M". */
	snprintf(buf, ECAP__EXPLAIN_BYTES_MAX, "%.3g%s", v, suffixes[u]);
	return buf;
}
