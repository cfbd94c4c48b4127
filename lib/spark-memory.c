/* SPDX-License-Identifier: MIT */
/*
 * spark-memory.c - Spark's unified memory model (UnifiedMemoryManager,
 * engine-facts 3.1): reserved, unified, storage, execution and user
 * memory of one executor heap.
 */
#include <inttypes.h>
#include <math.h>

#include "spark-memory.h"

int
ecap__spark_check_heap(const ecap_policy *p, uint64_t heap, const char *field,
		       struct ecap_error *err)
{
	uint64_t min = ecap__spark_min_heap_bytes(p);

	if (heap < min)
		return ecap__fail(err, ECAP_ERR_RANGE, field,
				  "%s is %" PRIu64 " bytes; Spark needs at "
				  "least %" PRIu64 " (1.5 x reserved memory)",
				  field, heap, min);
	if (heap > ECAP__MAX_HEAP_BYTES)
		return ecap__fail(err, ECAP_ERR_RANGE, field,
				  "%s is %" PRIu64 " bytes; the most is %"
				  PRIu64 " (1 TiB)", field, heap,
				  ECAP__MAX_HEAP_BYTES);
	return ECAP_OK;
}

ECAP_API int
ecap_spark_memory_regions(const ecap_policy *policy, uint64_t heap_bytes,
			  struct ecap_spark_memory_regions *out,
			  struct ecap_error *err)
{
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_spark_memory_regions)) !=
		    ECAP_OK)
		return rc;
	ECAP__OUT_ZERO(out, ecap_spark_memory_regions);
	if ((rc = ecap__spark_check_heap(policy, heap_bytes, "heap_bytes",
					 err)) != ECAP_OK)
		return rc;
	ecap__spark_regions_fill(policy, heap_bytes, out);
	return ECAP_OK;
}
