/* SPDX-License-Identifier: MIT */
/*
 * spark-memory.h - Spark's executor memory model, shared by the executor
 * and cache advisors (private).
 */
#ifndef ECAP_SPARK_MEMORY_H
#define ECAP_SPARK_MEMORY_H

#include "internal.h"

#define ECAP__MIB ((uint64_t)1 << 20)
#define ECAP__GIB ((uint64_t)1 << 30)
/* Largest heap the library accepts: 1 TiB. */
#define ECAP__MAX_HEAP_BYTES ((uint64_t)1 << 40)

/* Spark's minimum heap, ceil(1.5 * reserved) (450 MiB by default). */
uint64_t ecap__spark_min_heap_bytes(const ecap_policy *p);
/*
 * Fills the region fields of *r (not sz) for heap bytes; heap must be at
 * least ecap__spark_min_heap_bytes().
 */
void ecap__spark_regions_fill(const ecap_policy *p, uint64_t heap,
			      struct ecap_spark_memory_regions *r);
/* Checks heap against Spark's minimum and the 1 TiB maximum. */
int ecap__spark_check_heap(const ecap_policy *p, uint64_t heap,
			   const char *field, struct ecap_error *err);

#endif /* ECAP_SPARK_MEMORY_H */
