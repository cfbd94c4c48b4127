/* SPDX-License-Identifier: MIT */
/*
 * The JSON loader: a failed load changes nothing; a successful one dumps
 * to text that loads into a fresh policy and dumps the same.
 */
#include "fuzz.h"

int
ecap_fuzz_policy_json(const uint8_t *data, size_t size)
{
	static ecap_policy *fresh;
	static char *fresh_text;
	struct ecap_error err;
	ecap_policy *p = NULL;
	char *text;
	int rc;

	/* One default policy, three entries a catalog, and its dump: made
	 * once (a document's catalog array replaces the catalog anyway). */
	if (fresh == NULL) {
		FUZZ_ASSERT(ecap_policy_new(&fresh, NULL) == ECAP_OK);
		FUZZ_ASSERT(trim_catalogs(fresh, 3));
		fresh_text = fuzz_dump(fresh);
	}
	ECAP_STRUCT_INIT(&err);
	FUZZ_ASSERT(ecap_policy_copy(fresh, &p, NULL) == ECAP_OK);
	rc = ecap_policy_load_json(p, size ? (const char *)data : "", size,
				   &err);
	if (rc != ECAP_OK) {
		fuzz_check_error(rc, &err);
		text = fuzz_dump(p);
		FUZZ_ASSERT(strcmp(fresh_text, text) == 0);
		ecap_free(text);
	} else {
		FUZZ_ASSERT(err.code == ECAP_OK);
		fuzz_round_trip(p);
	}
	ecap_policy_free(&p);
	return 0;
}
