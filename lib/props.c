/* SPDX-License-Identifier: MIT */
/*
 * props.c - filling a caller's array of struct ecap_property, whose stride
 * is the sz of its first element.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

int
ecap__props_begin(struct ecap__props *ctx, struct ecap_property *props,
		  size_t *count, struct ecap_error *err)
{
	int rc;

	memset(ctx, 0, sizeof(*ctx));
	if ((rc = ecap__check_ptr(err, count, "count")) != ECAP_OK)
		return rc;
	if (*count > 0 &&
	    (rc = ECAP__OPTS_CHECK(err, props, ecap_property)) != ECAP_OK)
		return rc;
	ctx->base = (unsigned char *)props;
	ctx->stride = *count > 0 ? props->sz : 0;
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
		p = (struct ecap_property *)(ctx->base + ctx->n * ctx->stride);
		p->sz = ctx->stride;
		ecap__strlcpy(p->key, key, sizeof(p->key));
		va_start(ap, fmt);
		vsnprintf(p->value, sizeof(p->value), fmt, ap);
		va_end(ap);
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
