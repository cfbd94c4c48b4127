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

/*
 * Inline: the executor and cache advisors call these on every advice.
 */
static inline uint64_t
ecap__spark_reserved_bytes(const ecap_policy *p)
{
	/* At most 64 GiB (the key's range). */
	return ecap__double_to_u64(ecap__pd(p, ECAP_K_SPARK_RESERVED_MEMORY_MB) *
				   (double)ECAP__MIB);
}

/*
 * Spark's minimum heap, ceil(1.5 * reserved) (450 MiB by default):
 * val minSystemMemory = (reservedMemory * 1.5).ceil.toLong.  The product
 * is positive and below 2^63, so the ceiling is the truncation, plus one
 * when that lost a fraction (no libm call).
 */
static inline uint64_t
ecap__spark_min_heap_bytes(const ecap_policy *p)
{
	double x = ecap__u64_to_double(ecap__spark_reserved_bytes(p)) * 1.5;
	uint64_t t = ecap__double_to_u64(x);

	return ecap__u64_to_double(t) < x ? t + 1 : t;
}

/*
 * Fills the region fields of *r (not sz) for heap bytes; heap must be at
 * least ecap__spark_min_heap_bytes().
 */
static inline void
ecap__spark_regions_fill(const ecap_policy *p, uint64_t heap,
			 struct ecap_spark_memory_regions *r)
{
	double fraction = ecap__pd(p, ECAP_K_SPARK_MEMORY_FRACTION);
	double storage = ecap__pd(p, ECAP_K_SPARK_MEMORY_STORAGE_FRACTION);

	r->heap_bytes = heap;
	r->reserved_bytes = ecap__spark_reserved_bytes(p);
	r->usable_bytes = heap - r->reserved_bytes;
	/* (usableMemory * memoryFraction).toLong; the heap is at most
	 * 1 TiB, the fractions at most 1. */
	r->unified_bytes = ecap__double_to_u64(
		ecap__u64_to_double(r->usable_bytes) * fraction);
	/* (maxMemory * conf.get(MEMORY_STORAGE_FRACTION)).toLong */
	r->storage_bytes = ecap__double_to_u64(
		ecap__u64_to_double(r->unified_bytes) * storage);
	r->execution_bytes = r->unified_bytes - r->storage_bytes;
	/* The complement keeps the regions summing to the heap. */
	r->user_bytes = r->usable_bytes - r->unified_bytes;
	r->memory_fraction_ratio = fraction;
	r->storage_fraction_ratio = storage;
}
/* Checks heap against Spark's minimum and the 1 TiB maximum. */
int ecap__spark_check_heap(const ecap_policy *p, uint64_t heap,
			   const char *field, struct ecap_error *err);

#endif /* ECAP_SPARK_MEMORY_H */
