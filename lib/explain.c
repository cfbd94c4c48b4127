/* SPDX-License-Identifier: MIT */
/*
 * explain.c - the one-sentence explanations (ecap_<family>_explain): the
 * buffer rules (sizes for people: human-size.c).
 */
#include <inttypes.h>
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
