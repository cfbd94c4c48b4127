/* SPDX-License-Identifier: MIT */
/*
 * ecap_kafka_advise with a fuzzed input struct (sz included): it returns
 * an advice, which ecap_kafka_explain renders, or a documented error.
 */
#include "fuzz.h"

int
ecap_fuzz_kafka(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct ecap_error err;
	ecap_policy *p = fuzz_policy(&in);
	struct {
		struct ecap_kafka_in v;
		unsigned char tail[32];
	} i;
	struct ecap_kafka_out out;
	int rc;

	ECAP_STRUCT_INIT(&err);
	fuzz_struct(&in, &i, sizeof(i.v));
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_kafka_advise(p, &i.v, &out, &err)) != ECAP_OK) {
		fuzz_check_error(rc, &err);
	} else {
		char text[ECAP_EXPLAIN_MAX];

		rc = ecap_kafka_explain(&out, text, sizeof(text), &err);
		if (rc != ECAP_OK)
			fprintf(stderr, "explain: %s\n", err.message);
		FUZZ_ASSERT(rc == ECAP_OK && strstr(text, "-0 ") == NULL);
	}
	ecap_policy_free(&p);
	return 0;
}
