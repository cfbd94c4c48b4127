/* SPDX-License-Identifier: MIT */
/*
 * opts.c - validation of size-prefixed structs (the libbpf OPTS rule).
 */
#include <string.h>

#include "internal.h"

int
ecap__opts_check_slow(struct ecap_error *err, const void *p, size_t min_sz,
		      size_t known_sz, const char *type_name)
{
	const unsigned char *bytes = p;
	size_t sz, i;

	if (p == NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, type_name,
				  "struct %s pointer is NULL", type_name);
	sz = *(const size_t *)p;
	if (sz < min_sz)
		return ecap__fail(err, ECAP_ERR_STRUCT_SIZE, type_name,
				  "struct %s sz is %zu; at least %zu is needed "
				  "(use ECAP_STRUCT_INIT)", type_name, sz,
				  min_sz);
	for (i = known_sz; i < sz; i++)
		if (bytes[i] != 0)
			return ecap__fail(err, ECAP_ERR_STRUCT_SIZE,
					  type_name,
					  "struct %s has a non-zero byte at "
					  "offset %zu, past the %zu bytes this "
					  "library (%s) knows", type_name, i,
					  known_sz, ECAP_VERSION_STRING);
	return ECAP_OK;
}

int
ecap__array_stride(struct ecap_error *err, const void *first, size_t cap,
		   size_t known_sz, const char *type_name, size_t *stride)
{
	int rc;

	*stride = 0;
	if (cap == 0)
		return ECAP_OK;
	rc = ecap__opts_check(err, first, known_sz, known_sz, type_name);
	if (rc == ECAP_OK)
		*stride = *(const size_t *)first;
	return rc;
}

void *
ecap__array_at(void *base, size_t stride, size_t i, size_t known_sz)
{
	size_t *e = (size_t *)((unsigned char *)base + i * stride);

	*e = stride;
	ecap__opts_zero_out(e, known_sz);
	return e;
}

void
ecap__opts_zero_out(void *p, size_t known_sz)
{
	size_t sz = *(size_t *)p;

	if (sz > known_sz)
		sz = known_sz;
	if (sz > sizeof(size_t))
		memset((unsigned char *)p + sizeof(size_t), 0,
		       sz - sizeof(size_t));
}

void
ecap__zero(void *p, size_t n)
{
	memset(p, 0, n);
}
