/* SPDX-License-Identifier: MIT */
/*
 * ecap_cache_advise with a fuzzed input struct (sz included): it returns
 * an advice or a documented error, never a crash.
 */
#include "fuzz.h"

int
ecap_fuzz_cache(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct ecap_error err;
	ecap_policy *p = fuzz_policy(&in);
	struct {
		struct ecap_cache_in v;
		unsigned char tail[32];
	} i;
	struct ecap_cache_out out;
	int rc;

	ECAP_STRUCT_INIT(&err);
	fuzz_struct(&in, &i, sizeof(i.v));
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_cache_advise(p, &i.v, &out, &err)) != ECAP_OK)
		fuzz_check_error(rc, &err);
	ecap_policy_free(&p);
	return 0;
}
