/* SPDX-License-Identifier: MIT */
/*
 * Executor sizing with a fuzzed input struct (sz included): every
 * advice renders as Spark properties, and the memory regions of any heap
 * are computed or refused.
 */
#include "fuzz.h"

static void
advise(const ecap_policy *p, struct fuzz_in *in, struct ecap_error *err)
{
	struct {
		struct ecap_executor_in v;
		unsigned char tail[32];
	} i;
	struct ecap_executor_out out;
	struct ecap_property props[FUZZ_PROPS];
	struct ecap_spark_memory_regions regions;
	uint64_t heap;
	size_t n = fuzz_props_init(props);
	int rc;

	fuzz_bytes(in, &heap, sizeof(heap));
	ECAP_STRUCT_INIT(&regions);
	if ((rc = ecap_spark_memory_regions(p, heap, &regions, err)) !=
	    ECAP_OK)
		fuzz_check_error(rc, err);
	fuzz_struct(in, &i, sizeof(i.v));
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_executor_advise(p, &i.v, &out, err)) != ECAP_OK) {
		fuzz_check_error(rc, err);
		return;
	}
	rc = ecap_executor_spark_properties(&out, props, &n, err);
	fuzz_rendered(rc, err, props, n);
}

int
ecap_fuzz_executor(const uint8_t *data, size_t size)
{
	static const fuzz_op ops[] = { advise };

	return fuzz_run(data, size, ops, 1);
}
