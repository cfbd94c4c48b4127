/* SPDX-License-Identifier: MIT */
/*
 * Database sizing with a fuzzed input struct (sz included): every
 * advice renders as PostgreSQL settings.
 */
#include "fuzz.h"

static void
advise(const ecap_policy *p, struct fuzz_in *in, struct ecap_error *err)
{
	struct {
		struct ecap_database_in v;
		unsigned char tail[32];
	} i;
	struct ecap_database_out out;
	struct ecap_property props[FUZZ_PROPS];
	size_t n = fuzz_props_init(props);
	int rc;

	fuzz_struct(in, &i, sizeof(i.v));
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_database_advise(p, &i.v, &out, err)) != ECAP_OK) {
		fuzz_check_error(rc, err);
		return;
	}
	rc = ecap_database_properties(&out, props, &n, err);
	fuzz_rendered(rc, err, props, n);
}

int
ecap_fuzz_database(const uint8_t *data, size_t size)
{
	static const fuzz_op ops[] = { advise };

	return fuzz_run(data, size, ops, 1);
}
