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

ECAP_API int
ecap_cache_explain(const struct ecap_cache_out *advice, char *buf,
		   size_t size, struct ecap_error *err)
{
	const struct ecap_cache_out *o = advice;
	char what[160], mem[ECAP__EXPLAIN_BYTES_MAX];
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
	ecap__explain_bytes(mem, (double)o->storage_memory_bytes);
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
			" partitions fits in %s of storage memory: %s", what,
			o->replication_count, o->partition_count, mem,
			o->level_name);
	case ECAP_CACHE_REASON_SPILLS_TO_DISK:
		return ecap__explainf(
			err, buf, size, "ecap-1: %s x%" PRId64 ": %" PRId64
			" of %" PRId64 " partitions (%.3g%%) fit in %s of "
			"storage memory, at least cache.min_memory_share_ratio "
			"%.3g%%: %s spills the rest to disk", what,
			o->replication_count, o->partitions_in_memory_count,
			copies, o->memory_share_ratio * 100.0, mem,
			o->min_memory_share_ratio * 100.0, o->level_name);
	case ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY:
		return ecap__explainf(
			err, buf, size, "ecap-1: only %.3g%% of the %" PRId64
			" partitions of %s would fit in %s of storage memory, "
			"below cache.min_memory_share_ratio %.3g%%: do not "
			"cache; %s", o->memory_share_ratio * 100.0,
			o->partition_count, what, mem,
			o->min_memory_share_ratio * 100.0,
			alternative_text(o->alternative));
	default:
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "reason",
				  "reason %" PRId32 " is not a cache reason",
				  o->reason);
	}
}
