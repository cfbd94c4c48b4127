/* SPDX-License-Identifier: MIT */
/*
 * Projections and Monte Carlo runs with fuzzed input structs (sz
 * included); every result renders as JSON, and the JSON writers take
 * arbitrary year arrays without crashing.
 */
#include "fuzz.h"

#define YEARS ECAP_PROJECTION_MAX_YEARS
#define BIGGER                                                        \
	(sizeof(struct ecap_projection_year) >                        \
		 sizeof(struct ecap_projection_montecarlo_year) ?     \
	 sizeof(struct ecap_projection_year) :                        \
	 sizeof(struct ecap_projection_montecarlo_year))

static void
run(const ecap_policy *p, struct fuzz_in *in, struct ecap_error *err)
{
	struct {
		struct ecap_projection_in v;
		unsigned char tail[32];
	} i;
	struct ecap_projection_year years[YEARS];
	size_t n = (size_t)fuzz_u8(in) % (YEARS + 1), k;
	char *json = NULL;
	int rc;

	fuzz_struct(in, &i, sizeof(i.v));
	for (k = 0; k < YEARS; k++)
		ECAP_STRUCT_INIT(&years[k]);
	if ((rc = ecap_projection_run(p, &i.v, years, &n, err)) != ECAP_OK) {
		fuzz_check_error(rc, err);
		return;
	}
	rc = ecap_projection_to_json(years, n, &json, err);
	if (rc != ECAP_OK)
		fprintf(stderr, "render: %s\n", err->message);
	FUZZ_ASSERT(rc == ECAP_OK && json != NULL);
	ecap_free(json);
}

static void
montecarlo(const ecap_policy *p, struct fuzz_in *in, struct ecap_error *err)
{
	struct {
		struct ecap_projection_montecarlo_in v;
		unsigned char tail[32];
	} i;
	struct ecap_projection_montecarlo_year years[YEARS];
	size_t n = (size_t)fuzz_u8(in) % (YEARS + 1), k;
	char *json = NULL;
	int rc;

	fuzz_struct(in, &i, sizeof(i.v));
	/* Bounded work per input: a million paths is a valid, slow call. */
	if (i.v.paths_count > 64 || i.v.paths_count == 0)
		i.v.paths_count = i.v.paths_count % 64 + 1;
	for (k = 0; k < YEARS; k++)
		ECAP_STRUCT_INIT(&years[k]);
	if ((rc = ecap_projection_montecarlo(p, &i.v, years, &n, err)) !=
	    ECAP_OK) {
		fuzz_check_error(rc, err);
		return;
	}
	rc = ecap_projection_montecarlo_to_json(years, n, &json, err);
	if (rc != ECAP_OK)
		fprintf(stderr, "render: %s\n", err->message);
	FUZZ_ASSERT(rc == ECAP_OK && json != NULL);
	ecap_free(json);
}

/*
 * Arbitrary bytes as years: an error or JSON, never a crash.  The first
 * element's sz (the stride) is within 8 bytes of the real size, as a
 * caller's own struct would be, and the buffer holds every element at it.
 */
static void
raw(const ecap_policy *p, struct fuzz_in *in, struct ecap_error *err)
{
	union {
		struct ecap_projection_year y[4];
		struct ecap_projection_montecarlo_year m[4];
		unsigned char b[4 * (BIGGER + 8)];
	} u;
	size_t n = (size_t)fuzz_u8(in) % 5, sz;
	char *json = NULL;
	int rc, mc = fuzz_u8(in) & 1;

	(void)p;
	fuzz_bytes(in, &u, sizeof(u));
	sz = (mc ? sizeof(u.m[0]) : sizeof(u.y[0])) + fuzz_u8(in) % 17 - 8;
	memcpy(&u, &sz, sizeof(sz));
	rc = mc ? ecap_projection_montecarlo_to_json(u.m, n, &json, err) :
		  ecap_projection_to_json(u.y, n, &json, err);
	if (rc != ECAP_OK)
		fuzz_check_error(rc, err);
	ecap_free(json);
}

int
ecap_fuzz_projection(const uint8_t *data, size_t size)
{
	static const fuzz_op ops[] = { run, montecarlo, raw };

	return fuzz_run(data, size, ops, 3);
}
