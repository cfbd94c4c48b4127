/* SPDX-License-Identifier: MIT */
/*
 * props.c - filling a caller's array of struct ecap_property, whose stride
 * is the sz of its first element.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define PROPERTY_SZ ecap_offsetofend(struct ecap_property, value)

int
ecap__props_begin(struct ecap__props *ctx, struct ecap_property *props,
		  size_t *count, struct ecap_error *err)
{
	int rc;

	memset(ctx, 0, sizeof(*ctx));
	if ((rc = ecap__check_ptr(err, count, "count")) != ECAP_OK)
		return rc;
	if ((rc = ecap__array_stride(err, props, *count, PROPERTY_SZ,
				     "ecap_property", &ctx->stride)) != ECAP_OK)
		return rc;
	ctx->base = props;
	ctx->cap = *count;
	ctx->count = count;
	return ECAP_OK;
}

void
ecap__props_add(struct ecap__props *ctx, const char *key, const char *fmt, ...)
{
	struct ecap_property *p;
	va_list ap;

	if (ctx->n < ctx->cap) {
		p = ecap__array_at(ctx->base, ctx->stride, ctx->n, PROPERTY_SZ);
		ecap__strlcpy(p->key, key, sizeof(p->key));
		va_start(ap, fmt);
		vsnprintf(p->value, sizeof(p->value), fmt, ap);
		va_end(ap);
		/* A -0.0 in an edited advice is a setting of 0: no engine
		 * or reader is helped by "-0". */
		if (strcmp(p->value, "-0") == 0)
			ecap__strlcpy(p->value, "0", sizeof(p->value));
	}
	ctx->n++;
}

int
ecap__props_end(struct ecap__props *ctx, struct ecap_error *err)
{
	size_t cap = ctx->cap;

	*ctx->count = ctx->n;
	if (ctx->n > cap)
		return ecap__fail(err, ECAP_ERR_NOSPACE, "count",
				  "%zu properties need room; the array holds "
				  "%zu", ctx->n, cap);
	return ECAP_OK;
}
