/* SPDX-License-Identifier: MIT */
/*
 * cache.c - Spark storage levels: names, flags per API, and the choice of
 * a level for reused data (the guide's cache_frequently_accessed_data, or
 * ecap-1's fit-in-storage-memory rule).
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "spark-memory.h"

#define MAX_SIZE_BYTES ((uint64_t)1 << 60)

/*
 * StorageLevel(useDisk, useMemory, useOffHeap, deserialized, replication)
 * (engine-facts 3.3).  jvm/py: the constant exists in Scala/Java and in
 * PySpark 3.x; py_deser: PySpark's deserialized flag, false everywhere but
 * MEMORY_AND_DISK_DESER ("the data is always serialized on the Python
 * side").
 */
static const struct level_def {
	const char *name;
	int32_t disk, mem, off, deser, repl, jvm, py, py_deser;
} levels[] = {
	[ECAP_STORAGE_LEVEL_NONE] = { "NONE", 0, 0, 0, 0, 1, 1, 1, 0 },
	[ECAP_STORAGE_LEVEL_DISK_ONLY] = { "DISK_ONLY", 1, 0, 0, 0, 1, 1, 1, 0 },
	[ECAP_STORAGE_LEVEL_DISK_ONLY_2] = { "DISK_ONLY_2", 1, 0, 0, 0, 2, 1, 1, 0 },
	[ECAP_STORAGE_LEVEL_DISK_ONLY_3] = { "DISK_ONLY_3", 1, 0, 0, 0, 3, 1, 1, 0 },
	[ECAP_STORAGE_LEVEL_MEMORY_ONLY] = { "MEMORY_ONLY", 0, 1, 0, 1, 1, 1, 1, 0 },
	[ECAP_STORAGE_LEVEL_MEMORY_ONLY_2] = { "MEMORY_ONLY_2", 0, 1, 0, 1, 2, 1, 1, 0 },
	[ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER] = { "MEMORY_ONLY_SER", 0, 1, 0, 0, 1, 1, 0, 0 },
	[ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER_2] = { "MEMORY_ONLY_SER_2", 0, 1, 0, 0, 2, 1, 0, 0 },
	[ECAP_STORAGE_LEVEL_MEMORY_AND_DISK] = { "MEMORY_AND_DISK", 1, 1, 0, 1, 1, 1, 1, 0 },
	[ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_2] = { "MEMORY_AND_DISK_2", 1, 1, 0, 1, 2, 1, 1, 0 },
	[ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER] = { "MEMORY_AND_DISK_SER", 1, 1, 0, 0, 1, 1, 0, 0 },
	[ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER_2] = { "MEMORY_AND_DISK_SER_2", 1, 1, 0, 0, 2, 1, 0, 0 },
	[ECAP_STORAGE_LEVEL_OFF_HEAP] = { "OFF_HEAP", 1, 1, 1, 0, 1, 1, 1, 0 },
	[ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_DESER] = { "MEMORY_AND_DISK_DESER", 1, 1, 0, 1, 1, 0, 1, 1 },
};

static const struct level_def *
level_get(int32_t level)
{
	if (level < ECAP_STORAGE_LEVEL_NONE ||
	    (size_t)level >= ECAP_ARRAY_SIZE(levels))
		return NULL;
	return &levels[level];
}

static bool
api_is_python(int32_t api)
{
	return api == ECAP_SPARK_API_PYSPARK_DATAFRAME ||
	       api == ECAP_SPARK_API_PYSPARK_RDD;
}

static int
check_api(int32_t api, struct ecap_error *err)
{
	if (api < ECAP_SPARK_API_DATASET || api > ECAP_SPARK_API_PYSPARK_RDD)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "api",
				  "api %" PRId32 " is unknown; it is 1 "
				  "(Dataset), 2 (RDD), 3 (PySpark DataFrame) or "
				  "4 (PySpark RDD)", api);
	return ECAP_OK;
}

static bool
level_in_api(const struct level_def *d, int32_t api)
{
	return api_is_python(api) ? d->py : d->jvm;
}

/* Flags of d under api; the JVM's when the API lacks the constant. */
static void
flags_fill(const struct level_def *d, int32_t api, int32_t *disk,
	   int32_t *mem, int32_t *off, int32_t *deser, int64_t *repl)
{
	*disk = d->disk;
	*mem = d->mem;
	*off = d->off;
	*deser = api_is_python(api) && d->py ? d->py_deser : d->deser;
	*repl = d->repl;
}

ECAP_API const char *
ecap_storage_level_to_string(int32_t level)
{
	const struct level_def *d = level_get(level);

	return d != NULL ? d->name : NULL;
}

ECAP_API int
ecap_storage_level_from_string(const char *name, int32_t *level,
			       struct ecap_error *err)
{
	size_t i;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, name, "name")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, level, "level")) != ECAP_OK)
		return rc;
	/* StorageLevel.fromString accepts exactly these names. */
	for (i = ECAP_STORAGE_LEVEL_NONE; i < ECAP_ARRAY_SIZE(levels); i++)
		if (strcmp(name, levels[i].name) == 0) {
			*level = (int32_t)i;
			return ECAP_OK;
		}
	return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "level",
			  "\"%.60s\" is not a Spark storage level name", name);
}

ECAP_API int
ecap_storage_level_flags(int32_t level, int32_t api,
			 struct ecap_storage_level_flags *out,
			 struct ecap_error *err)
{
	const struct level_def *d = level_get(level);
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, out, ecap_storage_level_flags)) !=
	    ECAP_OK)
		return rc;
	ECAP__OUT_ZERO(out, ecap_storage_level_flags);
	if (d == NULL)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "level",
				  "storage level %" PRId32 " is unknown",
				  level);
	if ((rc = check_api(api, err)) != ECAP_OK)
		return rc;
	if (!level_in_api(d, api))
		return ecap__fail(err, ECAP_ERR_NOT_FOUND, "level",
				  "%s does not exist in %s", d->name,
				  api_is_python(api) ? "PySpark 3.x" :
						       "Scala/Java");
	flags_fill(d, api, &out->use_disk, &out->use_memory,
		   &out->use_off_heap, &out->deserialized,
		   &out->replication_count);
	ecap__strlcpy(out->name, d->name, sizeof(out->name));
	return ECAP_OK;
}

/* Inputs with defaults applied. */
struct cache_sizing {
	uint64_t deser, ser;
	/* Total storage, or per executor when executors > 0. */
	uint64_t storage, per_executor;
	int64_t executors, partitions;
};

static int
resolve_sizes(const ecap_policy *p, const struct ecap_cache_in *in,
	      struct cache_sizing *s, struct ecap_error *err)
{
	double factor;
	int rc;

	if ((rc = ecap__check_override_double(
		     err, "deserialized_size_factor",
		     in->deserialized_size_factor,
		     ECAP_K_CACHE_DESERIALIZED_SIZE_FACTOR)) != ECAP_OK)
		return rc;
	if (in->deserialized_size_bytes > MAX_SIZE_BYTES ||
	    in->serialized_size_bytes > MAX_SIZE_BYTES)
		return ecap__fail(err, ECAP_ERR_RANGE,
				  in->deserialized_size_bytes > MAX_SIZE_BYTES ?
					  "deserialized_size_bytes" :
					  "serialized_size_bytes",
				  "a size above 2^60 bytes (1 EiB)");
	factor = in->deserialized_size_factor != 0.0 ?
		in->deserialized_size_factor :
		ecap__pd(p, ECAP_K_CACHE_DESERIALIZED_SIZE_FACTOR);
	s->deser = in->deserialized_size_bytes;
	s->ser = in->serialized_size_bytes;
	if (s->deser == 0 && s->ser == 0)
		return ecap__fail(err, ECAP_ERR_INVALID,
				  "deserialized_size_bytes",
				  "give deserialized_size_bytes or "
				  "serialized_size_bytes (or both)");
	if (s->deser != 0 && s->ser != 0) {
		if (in->deserialized_size_factor != 0.0)
			return ecap__fail(err, ECAP_ERR_INVALID,
					  "deserialized_size_factor",
					  "both sizes are given; the factor "
					  "must be 0");
		if (s->deser < s->ser)
			return ecap__fail(err, ECAP_ERR_RANGE,
					  "deserialized_size_bytes",
					  "deserialized_size_bytes %" PRIu64
					  " is below serialized_size_bytes %"
					  PRIu64, s->deser, s->ser);
	} else if (s->ser == 0) {
		s->ser = (uint64_t)ceil((double)s->deser / factor);
	} else {
		/* At most 2^60 * 100 < 2^67: clamp to the 1 EiB limit. */
		s->deser = (uint64_t)fmin(ceil((double)s->ser * factor),
					  (double)MAX_SIZE_BYTES);
	}
	return ECAP_OK;
}

static int
resolve_memory(const ecap_policy *p, const struct ecap_cache_in *in,
	       struct cache_sizing *s, struct ecap_error *err)
{
	struct ecap_spark_memory_regions r;
	int rc;

	if ((rc = ecap__check_int64(err, "executor_count", in->executor_count,
				    0, 100000)) != ECAP_OK)
		return rc;
	if (in->storage_memory_bytes > MAX_SIZE_BYTES)
		return ecap__fail(err, ECAP_ERR_RANGE, "storage_memory_bytes",
				  "storage_memory_bytes %" PRIu64 " is above "
				  "2^60 (1 EiB)", in->storage_memory_bytes);
	if (in->storage_memory_bytes != 0) {
		if (in->executor_count != 0 || in->executor_heap_bytes != 0)
			return ecap__fail(err, ECAP_ERR_INVALID,
					  "storage_memory_bytes",
					  "give storage_memory_bytes or "
					  "executor_count and "
					  "executor_heap_bytes, not both");
		s->storage = in->storage_memory_bytes;
		return ECAP_OK;
	}
	if (in->executor_count == 0 && in->executor_heap_bytes == 0)
		return ecap__fail(err, ECAP_ERR_INVALID, "storage_memory_bytes",
				  "give storage_memory_bytes, or "
				  "executor_count and executor_heap_bytes");
	if (in->executor_count == 0)
		return ecap__fail(err, ECAP_ERR_RANGE, "executor_count",
				  "executor_count is 0 with an executor heap");
	if ((rc = ecap__spark_check_heap(p, in->executor_heap_bytes,
					 "executor_heap_bytes", err)) !=
	    ECAP_OK)
		return rc;
	ecap__spark_regions_fill(p, in->executor_heap_bytes, &r);
	s->executors = in->executor_count;
	s->per_executor = r.storage_bytes;
	s->storage = r.storage_bytes * (uint64_t)in->executor_count;
	return ECAP_OK;
}

static int
resolve(const ecap_policy *p, const struct ecap_cache_in *in,
	struct cache_sizing *s, struct ecap_error *err)
{
	int rc;

	memset(s, 0, sizeof(*s));
	if ((rc = ecap__check_int64(err, "partition_count", in->partition_count,
				    1, 10000000)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "reuse_count", in->reuse_count, 1,
				    1000000000)) != ECAP_OK ||
	    (rc = ecap__check_bool(err, "replicated", in->replicated)) !=
		    ECAP_OK)
		return rc;
	if (in->api == 0)
		return ecap__fail(err, ECAP_ERR_INVALID, "api",
				  "api is required (enum ecap_spark_api)");
	if ((rc = check_api(in->api, err)) != ECAP_OK ||
	    (rc = resolve_sizes(p, in, s, err)) != ECAP_OK ||
	    (rc = resolve_memory(p, in, s, err)) != ECAP_OK)
		return rc;
	s->partitions = in->partition_count;
	return ECAP_OK;
}

/*
 * Partition copies of `size` bytes in total (times replication) that fit:
 * Spark stores whole blocks, so memory holds floor(storage / block)
 * blocks, per executor when the executors are known.
 */
static int64_t
blocks_in_memory(const struct cache_sizing *s, uint64_t size, int64_t repl)
{
	uint64_t block = (size + (uint64_t)s->partitions - 1) /
		(uint64_t)s->partitions;
	uint64_t n;

	if (block == 0)
		block = 1;
	n = s->executors > 0 ? s->per_executor / block * (uint64_t)s->executors :
		s->storage / block;
	/* Never more than there are copies. */
	if (n > (uint64_t)(s->partitions * repl))
		n = (uint64_t)(s->partitions * repl);
	return (int64_t)n;
}

static bool
fits(const struct cache_sizing *s, uint64_t size, int64_t repl)
{
	return blocks_in_memory(s, size, repl) >= s->partitions * repl;
}

/* Fills the level, its name and flags, and the memory share. */
static void
set_level(const struct cache_sizing *s, int32_t api, int32_t level,
	  struct ecap_cache_out *out)
{
	const struct level_def *d = &levels[level];
	int64_t copies;

	out->level = level;
	out->level_exists_in_api = level_in_api(d, api);
	ecap__strlcpy(out->level_name, d->name, sizeof(out->level_name));
	flags_fill(d, api, &out->use_disk, &out->use_memory,
		   &out->use_off_heap, &out->deserialized,
		   &out->replication_count);
	out->storage_memory_bytes = s->storage;
	if (level == ECAP_STORAGE_LEVEL_NONE)
		return;
	out->stored_size_bytes = (out->deserialized ? s->deser : s->ser) *
		(uint64_t)out->replication_count;
	if (!out->use_memory)
		return;
	copies = s->partitions * out->replication_count;
	out->partitions_in_memory_count = blocks_in_memory(s,
		out->deserialized ? s->deser : s->ser,
		out->replication_count);
	out->memory_share_ratio = (double)out->partitions_in_memory_count /
		(double)copies;
}

/* The guide: getNumPartitions() > 200 ? MEMORY_AND_DISK_SER : MEMORY_ONLY_SER. */
static void
advise_guide(const ecap_policy *p, const struct cache_sizing *s,
	     const struct ecap_cache_in *in, struct ecap_cache_out *out)
{
	int64_t threshold = ecap__pi(p, ECAP_K_CACHE_GUIDE_PARTITION_THRESHOLD);
	bool many = s->partitions > threshold;

	set_level(s, in->api, many ? ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER :
				     ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER, out);
	out->reason = many ? ECAP_CACHE_REASON_GUIDE_MANY_PARTITIONS :
			     ECAP_CACHE_REASON_GUIDE_FEW_PARTITIONS;
	snprintf(out->reason_text, sizeof(out->reason_text),
		 "guide: %" PRId64 " partitions %s %" PRId64 " gives %s%s",
		 s->partitions, many ? ">" : "<=", threshold, out->level_name,
		 api_is_python(in->api) ?
			 "; PySpark 3.x has no such constant (AttributeError): "
			 "its data is always serialized, use "
			 "MEMORY_AND_DISK or MEMORY_ONLY" :
			 "");
}

/* The _2 variant; PySpark's MEMORY_AND_DISK_DESER has none. */
static int32_t
replicate(int32_t level)
{
	switch (level) {
	case ECAP_STORAGE_LEVEL_MEMORY_ONLY:
		return ECAP_STORAGE_LEVEL_MEMORY_ONLY_2;
	case ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER:
		return ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER_2;
	case ECAP_STORAGE_LEVEL_MEMORY_AND_DISK:
	case ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_DESER:
		return ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_2;
	case ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER:
		return ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER_2;
	default:
		return level;
	}
}

/*
 * ecap-1: not reused -> NONE; every partition fits as objects -> the
 * API's deserialized in-memory level (RDD MEMORY_ONLY, Dataset
 * MEMORY_AND_DISK, PySpark DataFrame MEMORY_AND_DISK_DESER); fits only
 * serialized -> the _SER level (PySpark: its serialized MEMORY_AND_DISK);
 * else serialized memory-and-disk.  PySpark RDDs hold pickled bytes, so
 * only their serialized size counts.  Replicas take the _2 level and
 * double the memory needed.
 */
static const int32_t ecap1_levels[][3] = {
	/*                      fits deserialized, fits serialized, spills */
	[ECAP_SPARK_API_DATASET] = { ECAP_STORAGE_LEVEL_MEMORY_AND_DISK,
				     ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER,
				     ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER },
	[ECAP_SPARK_API_RDD] = { ECAP_STORAGE_LEVEL_MEMORY_ONLY,
				 ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER,
				 ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER },
	[ECAP_SPARK_API_PYSPARK_DATAFRAME] = {
		ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_DESER,
		ECAP_STORAGE_LEVEL_MEMORY_AND_DISK,
		ECAP_STORAGE_LEVEL_MEMORY_AND_DISK },
	[ECAP_SPARK_API_PYSPARK_RDD] = { ECAP_STORAGE_LEVEL_MEMORY_ONLY,
					 ECAP_STORAGE_LEVEL_MEMORY_ONLY,
					 ECAP_STORAGE_LEVEL_MEMORY_AND_DISK },
};

static void
advise_ecap1(const ecap_policy *p, const struct cache_sizing *s,
	     const struct ecap_cache_in *in, struct ecap_cache_out *out)
{
	int64_t min_reuse = ecap__pi(p, ECAP_K_CACHE_MIN_REUSE_COUNT);
	int64_t repl = in->replicated ? 2 : 1;
	bool pickled = in->api == ECAP_SPARK_API_PYSPARK_RDD;
	int col;
	int32_t level;

	if (in->reuse_count < min_reuse) {
		set_level(s, in->api, ECAP_STORAGE_LEVEL_NONE, out);
		out->reason = ECAP_CACHE_REASON_NOT_REUSED;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "ecap-1: used %" PRId64 " time(s), fewer than "
			 "cache.min_reuse_count %" PRId64 ": not cached",
			 in->reuse_count, min_reuse);
		return;
	}
	if (!pickled && fits(s, s->deser, repl))
		col = 0;
	else if (fits(s, s->ser, repl))
		col = 1;
	else
		col = 2;
	level = ecap1_levels[in->api][col];
	if (in->replicated)
		level = replicate(level);
	set_level(s, in->api, level, out);
	out->reason = col == 0 ? ECAP_CACHE_REASON_FITS_DESERIALIZED :
		      col == 1 ? ECAP_CACHE_REASON_FITS_SERIALIZED :
				 ECAP_CACHE_REASON_SPILLS_TO_DISK;
	snprintf(out->reason_text, sizeof(out->reason_text),
		 "ecap-1: %" PRIu64 " bytes %s x%" PRId64 " in %" PRId64
		 " partitions %s %" PRIu64 " bytes of storage memory: %s",
		 col == 0 ? s->deser : s->ser,
		 col == 0 ? "as objects" : pickled ? "pickled" : "serialized",
		 repl, s->partitions, col == 2 ? "exceed" : "fit", s->storage,
		 out->level_name);
}

ECAP_API int
ecap_cache_advise(const ecap_policy *policy, const struct ecap_cache_in *in,
		  struct ecap_cache_out *out, struct ecap_error *err)
{
	struct cache_sizing s;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_cache_in)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_cache_out)) != ECAP_OK)
		return rc;
	ECAP__OUT_ZERO(out, ecap_cache_out);
	if ((rc = resolve(policy, in, &s, err)) != ECAP_OK)
		return rc;
	out->model = ecap_policy_model(policy);
	if (out->model == ECAP_MODEL_GUIDE)
		advise_guide(policy, &s, in, out);
	else
		advise_ecap1(policy, &s, in, out);
	return ECAP_OK;
}
