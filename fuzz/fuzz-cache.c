/* SPDX-License-Identifier: MIT */
/*
 * ecap_cache_advise with a fuzzed input struct (sz included): it returns
 * an advice or a documented error, never a crash.
 */
#include "fuzz.h"

static void
advise(const ecap_policy *p, struct fuzz_in *in, struct ecap_error *err)
{
	struct {
		struct ecap_cache_in v;
		unsigned char tail[32];
	} i;
	struct ecap_cache_out out;
	int rc;

	fuzz_struct(in, &i, sizeof(i.v));
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_cache_advise(p, &i.v, &out, err)) != ECAP_OK)
		fuzz_check_error(rc, err);

}

int
ecap_fuzz_cache(const uint8_t *data, size_t size)
{
	static const fuzz_op ops[] = { advise };

	return fuzz_run(data, size, ops, 1);
}
