/* SPDX-License-Identifier: MIT */
/*
 * The JSON loader: a failed load changes nothing; a successful one dumps
 * to text that loads into a fresh policy and dumps the same.
 */
#include "fuzz.h"

int
ecap_fuzz_policy_json(const uint8_t *data, size_t size)
{
	struct ecap_error err;
	ecap_policy *p = NULL, *q = NULL;
	char *before, *after, *again;
	int rc;

	ECAP_STRUCT_INIT(&err);
	FUZZ_ASSERT(ecap_policy_new(&p, NULL) == ECAP_OK);
	before = fuzz_dump(p);
	rc = ecap_policy_load_json(p, size ? (const char *)data : "", size,
				   &err);
	after = fuzz_dump(p);
	if (rc != ECAP_OK) {
		fuzz_check_error(rc, &err);
		FUZZ_ASSERT(strcmp(before, after) == 0);
	} else {
		FUZZ_ASSERT(err.code == ECAP_OK);
		FUZZ_ASSERT(ecap_policy_new(&q, NULL) == ECAP_OK);
		rc = ecap_policy_load_json(q, after, strlen(after), &err);
		if (rc != ECAP_OK)
			fprintf(stderr, "reload: %s\n", err.message);
		FUZZ_ASSERT(rc == ECAP_OK);
		again = fuzz_dump(q);
		FUZZ_ASSERT(strcmp(after, again) == 0);
		ecap_free(again);
		ecap_policy_free(&q);
	}
	ecap_free(before);
	ecap_free(after);
	ecap_policy_free(&p);
	return 0;
}
