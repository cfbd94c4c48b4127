/* SPDX-License-Identifier: MIT */
/*
 * batch.c - one advisor over an array of inputs (ecap_advise_batch): the
 * loop a binding would otherwise run in its own, slower language.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Each advisor behind one signature, so the loop does not care which. */
typedef int (*advise_fn)(const ecap_policy *, const void *, void *,
			 struct ecap_error *);

#define ADVISOR(family)                                                   \
	static int run_##family(const ecap_policy *p, const void *in,     \
				void *out, struct ecap_error *err)        \
	{                                                                 \
		return ecap_##family##_advise(p, in, out, err);           \
	}
ADVISOR(partition)
ADVISOR(join)
ADVISOR(cache)
ADVISOR(executor)
ADVISOR(database)
ADVISOR(kafka)
#undef ADVISOR

struct advisor {
	advise_fn fn;
	size_t out_known;	/* bytes of the output struct this library knows */
	const char *out_type;
};

#define ENTRY(family)                                                     \
	{ run_##family, ecap_offsetofend(struct ecap_##family##_out,       \
					 ecap_##family##_out__last_field), \
	  "ecap_" #family "_out" }
static const struct advisor advisors[] = {
	[ECAP_ADVISOR_PARTITION] = ENTRY(partition),
	[ECAP_ADVISOR_JOIN] = ENTRY(join),
	[ECAP_ADVISOR_CACHE] = ENTRY(cache),
	[ECAP_ADVISOR_EXECUTOR] = ENTRY(executor),
	[ECAP_ADVISOR_DATABASE] = ENTRY(database),
	[ECAP_ADVISOR_KAFKA] = ENTRY(kafka),
};
#undef ENTRY

static const struct ecap__enum_name advisor_names[] = {
	{ ECAP_ADVISOR_PARTITION, { "partition", NULL } },
	{ ECAP_ADVISOR_JOIN, { "join", NULL } },
	{ ECAP_ADVISOR_CACHE, { "cache", NULL } },
	{ ECAP_ADVISOR_EXECUTOR, { "executor", NULL } },
	{ ECAP_ADVISOR_DATABASE, { "database", NULL } },
	{ ECAP_ADVISOR_KAFKA, { "kafka", NULL } },
	{ 0, { NULL } },
};

ECAP_API const char *
ecap_advisor_to_string(int32_t advisor)
{
	return ecap__enum_to_string(advisor_names, advisor);
}

ECAP_API int
ecap_advisor_from_string(const char *name, int32_t *advisor,
			 struct ecap_error *err)
{
	return ecap__enum_from_string(advisor_names, false, "advisor",
				      "advisor", name, advisor, err);
}

/* Names the failing item in err's message, keeping its field. */
static int
item_failed(struct ecap_error *err, size_t i, int code)
{
	char msg[sizeof(err->message)];

	if (err == NULL || err->sz < ecap_offsetofend(struct ecap_error,
						      ecap_error__last_field))
		return code;
	ecap__strlcpy(msg, err->message, sizeof(msg));
	snprintf(err->message, sizeof(err->message), "item %zu: %.200s", i,
		 msg);
	return code;
}

ECAP_API int
ecap_advise_batch(const ecap_policy *policy, int32_t advisor, const void *in,
		  void *out, size_t count, int32_t *rc, struct ecap_error *err)
{
	const struct advisor *a;
	size_t in_stride, out_stride, i;
	int first = ECAP_OK, r;

	ecap__err_clear(err);
	if ((r = ecap__check_ptr(err, policy, "policy")) != ECAP_OK)
		return r;
	if (advisor < ECAP_ADVISOR_PARTITION || advisor > ECAP_ADVISOR_KAFKA)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "advisor",
				  "advisor is %d; the known values are 1 to 6",
				  (int)advisor);
	if (count == 0)
		return ECAP_OK;
	a = &advisors[advisor];
	if ((r = ecap__check_ptr(err, in, "in")) != ECAP_OK ||
	    (r = ecap__array_stride(err, out, count, a->out_known, a->out_type,
				    &out_stride)) != ECAP_OK)
		return r;
	/* Each input is validated by its advisor; the first sets the stride. */
	in_stride = *(const size_t *)in;
	if (in_stride < sizeof(size_t))
		return ecap__fail(err, ECAP_ERR_STRUCT_SIZE, "in",
				  "the first input's sz is %zu", in_stride);
	for (i = 0; i < count; i++) {
		size_t *o = (size_t *)((unsigned char *)out + i * out_stride);

		/* An advice that succeeds writes every known field; one that
		 * fails is zeroed here, whatever check refused it. */
		*o = out_stride;
		r = a->fn(policy, (const unsigned char *)in + i * in_stride, o,
			  first == ECAP_OK ? err : NULL);
		if (r != ECAP_OK)
			ecap__opts_zero_out(o, a->out_known);
		if (r != ECAP_OK && first == ECAP_OK)
			first = item_failed(err, i, r);
		if (rc != NULL)
			rc[i] = r;
		else if (r != ECAP_OK)
			break;
	}
	return first;
}
