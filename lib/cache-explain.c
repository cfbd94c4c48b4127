/* SPDX-License-Identifier: MIT */
/*
 * cache-explain.c - the sentence of a cache advice: the rule and the
 * numbers that decided the level, or why caching was declined and what
 * to do instead.
 */
#include <inttypes.h>
#include <stdio.h>

#include "internal.h"

/* "2 TiB columnar (2.5 x 819.2 GiB Parquet/ORC)", "1 GiB serialized". */
static void
describe_size(const struct ecap_cache_out *o, char *buf, size_t cap)
{
	char a[ECAP__EXPLAIN_BYTES_MAX], b[ECAP__EXPLAIN_BYTES_MAX];
	const char *format = ecap_cache_format_to_string(o->cache_format);

	if (o->cache_format == ECAP_CACHE_FORMAT_COLUMNAR &&
	    o->storage_format_size_bytes > 0)
		snprintf(buf, cap, "%s columnar (cache.columnar_size_factor "
			 "%.3g x %s Parquet/ORC)",
			 ecap__explain_bytes(a, (double)o->cached_size_bytes),
			 o->columnar_size_factor,
			 ecap__explain_bytes(
				 b, (double)o->storage_format_size_bytes));
	else
		snprintf(buf, cap, "%s %s",
			 ecap__explain_bytes(a, (double)o->cached_size_bytes),
			 format != NULL ? format : "?");
}

static const char *
alternative_text(int32_t alternative)
{
	return alternative == ECAP_CACHE_ALTERNATIVE_CHECKPOINT ?
		       "checkpoint it once (Dataset.checkpoint(), or write "
		       "it to Parquet and read that) instead" :
		       "re-read the source for each use instead";
}

static int
explain_guide(const struct ecap_cache_out *o, char *buf, size_t size,
	      struct ecap_error *err)
{
	bool many = o->reason == ECAP_CACHE_REASON_GUIDE_MANY_PARTITIONS;

	return ecap__explainf(
		err, buf, size, "guide: %" PRId64 " partitions %s %" PRId64
		" gives %s%s", o->partition_count, many ? ">" : "<=",
		o->guide_partition_threshold_count, o->level_name,
		o->level_exists_in_api ? "" :
		"; PySpark 3.x has no such constant (AttributeError): its "
		"data is always serialized, use MEMORY_AND_DISK or "
		"MEMORY_ONLY");
}

/* "in the 53.8 GiB eviction-safe region of 108 GiB unified memory". */
static void
describe_memory(const struct ecap_cache_out *o, char *buf, size_t cap)
{
	char a[ECAP__EXPLAIN_BYTES_MAX], b[ECAP__EXPLAIN_BYTES_MAX];

	ecap__explain_bytes(a, (double)o->storage_memory_bytes);
	if (o->unified_memory_bytes > o->storage_memory_bytes)
		snprintf(buf, cap, "%s of unified memory (%s safe from "
			 "eviction)",
			 ecap__explain_bytes(b, (double)o->unified_memory_bytes),
			 a);
	else
		snprintf(buf, cap, "%s of storage memory", a);
}

/* The spilling and declining sentences: the numbers that decided. */
static int
explain_spill(const struct ecap_cache_out *o, const char *what,
	      const char *mem, int64_t copies, char *buf, size_t size,
	      struct ecap_error *err)
{
	char disk[ECAP__EXPLAIN_BYTES_MAX], room[ECAP__EXPLAIN_BYTES_MAX];
	char unified[ECAP__EXPLAIN_BYTES_MAX];

	ecap__explain_bytes(disk, (double)o->disk_bytes);
	ecap__explain_bytes(room, (double)o->local_disk_bytes);
	switch (o->reason) {
	case ECAP_CACHE_REASON_FITS_EVICTABLE:
		return ecap__explainf(
			err, buf, size, "ecap-1: %s x%" PRId64 ": all %" PRId64
			" partitions fit in %s of unified memory, %" PRId64
			" of them in the %s safe from eviction: %s writes up "
			"to %s that execution evicts to local disk", what,
			o->replication_count, copies,
			ecap__explain_bytes(unified,
					    (double)o->unified_memory_bytes),
			o->partitions_safe_count,
			ecap__explain_bytes(room,
					    (double)o->storage_memory_bytes),
			o->level_name, disk);
	case ECAP_CACHE_REASON_SPILLS_TO_DISK:
		return ecap__explainf(
			err, buf, size, "ecap-1: %s x%" PRId64 ": %" PRId64
			" of %" PRId64 " partitions (%.3g%%) fit in %s, %s "
			"cache.min_memory_share_ratio %.3g%%%s: %s keeps the "
			"rest on local disk (up to %s)", what,
			o->replication_count, o->partitions_in_memory_count,
			copies, o->memory_share_ratio * 100.0, mem,
			/* Cached below the share: computed through a
			 * shuffle (the rule's only exception). */
			o->memory_share_ratio < o->min_memory_share_ratio ?
				"below" : "at least",
			o->min_memory_share_ratio * 100.0,
			o->memory_share_ratio < o->min_memory_share_ratio ?
				" but computed through a shuffle" : "",
			o->level_name, disk);
	case ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY:
		return ecap__explainf(
			err, buf, size, "ecap-1: only %.3g%% of the %" PRId64
			" partitions of %s would fit in %s, below "
			"cache.min_memory_share_ratio %.3g%% for data read "
			"from storage: do not cache; %s",
			o->memory_share_ratio * 100.0, o->partition_count, what,
			mem, o->min_memory_share_ratio * 100.0,
			alternative_text(o->alternative));
	default:
		return ecap__explainf(
			err, buf, size, "ecap-1: %s: up to %s would go to "
			"local disk (every partition outside the %s safe from "
			"eviction), more than the %s of local disk: do not "
			"cache; %s", what, disk,
			ecap__explain_bytes(unified,
					    (double)o->storage_memory_bytes),
			room, alternative_text(o->alternative));
	}
}

ECAP_API int
ecap_cache_explain(const struct ecap_cache_out *advice, char *buf,
		   size_t size, struct ecap_error *err)
{
	const struct ecap_cache_out *o = advice;
	char what[160], mem[2 * ECAP__EXPLAIN_BYTES_MAX + 48];
	int64_t copies;
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, advice, ecap_cache_out)) != ECAP_OK)
		return rc;
	if (o->reason == ECAP_CACHE_REASON_GUIDE_MANY_PARTITIONS ||
	    o->reason == ECAP_CACHE_REASON_GUIDE_FEW_PARTITIONS)
		return explain_guide(o, buf, size, err);
	if (o->reason == ECAP_CACHE_REASON_NOT_REUSED)
		return ecap__explainf(err, buf, size,
				      "ecap-1: used %" PRId64 " time(s), "
				      "fewer than cache.min_reuse_count %"
				      PRId64 ": not cached", o->reuse_count,
				      o->min_reuse_count);
	describe_size(o, what, sizeof(what));
	describe_memory(o, mem, sizeof(mem));
	/* An edited advice's counts may be anything: the product saturates
	 * rather than overflow (INT64_MAX partitions did). */
	if (__builtin_mul_overflow(o->partition_count,
				   o->replication_count > 0 ?
					   o->replication_count : 1,
				   &copies))
		copies = o->partition_count < 0 ? INT64_MIN : INT64_MAX;
	switch (o->reason) {
	case ECAP_CACHE_REASON_FITS_COLUMNAR:
	case ECAP_CACHE_REASON_FITS_DESERIALIZED:
	case ECAP_CACHE_REASON_FITS_SERIALIZED:
		return ecap__explainf(
			err, buf, size, "ecap-1: %s x%" PRId64 " in %" PRId64
			" partitions fits in the %s of storage memory safe "
			"from eviction: %s", what, o->replication_count,
			o->partition_count,
			ecap__explain_bytes(mem, (double)o->storage_memory_bytes),
			o->level_name);
	case ECAP_CACHE_REASON_FITS_EVICTABLE:
	case ECAP_CACHE_REASON_SPILLS_TO_DISK:
	case ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY:
	case ECAP_CACHE_REASON_NO_DISK_ROOM:
		return explain_spill(o, what, mem, copies, buf, size, err);
	default:
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "reason",
				  "reason %" PRId32 " is not a cache reason",
				  o->reason);
	}
}
