/* SPDX-License-Identifier: MIT */
/*
 * ecap_kafka_advise with a fuzzed input struct (sz included): it returns
 * an advice, which ecap_kafka_explain renders, or a documented error.
 */
#include "fuzz.h"

static void
advise(const ecap_policy *p, struct fuzz_in *in, struct ecap_error *err)
{
	struct {
		struct ecap_kafka_in v;
		unsigned char tail[32];
	} i;
	struct ecap_kafka_out out;
	int rc;

	fuzz_struct(in, &i, sizeof(i.v));
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_kafka_advise(p, &i.v, &out, err)) != ECAP_OK) {
		fuzz_check_error(rc, err);
	} else {
		char text[ECAP_EXPLAIN_MAX];

		rc = ecap_kafka_explain(&out, text, sizeof(text), err);
		fuzz_rendered(rc, err, NULL, 0);
		FUZZ_ASSERT(strstr(text, "-0 ") == NULL);
	}
}

int
ecap_fuzz_kafka(const uint8_t *data, size_t size)
{
	static const fuzz_op ops[] = { advise };

	return fuzz_run(data, size, ops, 1);
}
