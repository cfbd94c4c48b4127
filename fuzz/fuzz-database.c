/* SPDX-License-Identifier: MIT */
/*
 * Database sizing with a fuzzed input struct (sz included); every advice
 * renders as PostgreSQL settings.
 */
#include "fuzz.h"

int
ecap_fuzz_database(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct ecap_error err;
	ecap_policy *p = fuzz_policy(&in);
	struct {
		struct ecap_database_in v;
		unsigned char tail[32];
	} i;
	struct ecap_database_out out;
	struct ecap_property props[FUZZ_PROPS];
	size_t n = fuzz_props_init(props);
	int rc;

	ECAP_STRUCT_INIT(&err);
	fuzz_struct(&in, &i, sizeof(i.v));
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_database_advise(p, &i.v, &out, &err)) != ECAP_OK) {
		fuzz_check_error(rc, &err);
	} else {
		rc = ecap_database_properties(&out, props, &n, &err);
		if (rc != ECAP_OK)
			fprintf(stderr, "render: %s\n", err.message);
		FUZZ_ASSERT(rc == ECAP_OK);
		fuzz_check_props(props, n);
	}
	ecap_policy_free(&p);
	return 0;
}
