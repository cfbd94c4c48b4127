/* SPDX-License-Identifier: MIT */
/*
 * Executor sizing with a fuzzed input struct (sz included); every advice
 * renders as Spark properties, and the memory regions of any heap are
 * computed or refused.
 */
#include "fuzz.h"

int
ecap_fuzz_executor(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct ecap_error err;
	ecap_policy *p = fuzz_policy(&in);
	struct {
		struct ecap_executor_in v;
		unsigned char tail[32];
	} i;
	struct ecap_executor_out out;
	struct ecap_spark_memory_regions regions;
	struct ecap_property props[FUZZ_PROPS];
	size_t n = fuzz_props_init(props);
	uint64_t heap;
	int rc;

	ECAP_STRUCT_INIT(&err);
	fuzz_bytes(&in, &heap, sizeof(heap));
	ECAP_STRUCT_INIT(&regions);
	if ((rc = ecap_spark_memory_regions(p, heap, &regions, &err)) !=
	    ECAP_OK)
		fuzz_check_error(rc, &err);
	fuzz_struct(&in, &i, sizeof(i.v));
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_executor_advise(p, &i.v, &out, &err)) != ECAP_OK) {
		fuzz_check_error(rc, &err);
	} else {
		rc = ecap_executor_spark_properties(&out, props, &n, &err);
		if (rc != ECAP_OK)
			fprintf(stderr, "render: %s\n", err.message);
		FUZZ_ASSERT(rc == ECAP_OK);
		fuzz_check_props(props, n);
	}
	ecap_policy_free(&p);
	return 0;
}
