/* SPDX-License-Identifier: MIT */
/*
 * cache.c - Spark storage levels: names, flags per API, and the choice of
 * a level for reused data (the guide's cache_frequently_accessed_data, or
 * ecap-1's fit-in-storage-memory rule, which declines when too little
 * fits).  The sentences are in cache-explain.c.
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
/* Names NUL-padded to the advice's level_name, which an advice copies
 * whole (ecap__copy_padded). */
static const struct level_def {
	char name[sizeof(((struct ecap_cache_out *)0)->level_name)];
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

static const struct ecap__enum_name api_names[] = {
	{ ECAP_SPARK_API_DATASET, { "dataset" } },
	{ ECAP_SPARK_API_RDD, { "rdd" } },
	{ ECAP_SPARK_API_PYSPARK_DATAFRAME, { "pyspark-dataframe" } },
	{ ECAP_SPARK_API_PYSPARK_RDD, { "pyspark-rdd" } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name reason_names[] = {
	{ ECAP_CACHE_REASON_GUIDE_MANY_PARTITIONS, { "guide-many-partitions" } },
	{ ECAP_CACHE_REASON_GUIDE_FEW_PARTITIONS, { "guide-few-partitions" } },
	{ ECAP_CACHE_REASON_NOT_REUSED, { "not-reused" } },
	{ ECAP_CACHE_REASON_FITS_DESERIALIZED, { "fits-deserialized" } },
	{ ECAP_CACHE_REASON_FITS_SERIALIZED, { "fits-serialized" } },
	{ ECAP_CACHE_REASON_SPILLS_TO_DISK, { "spills-to-disk" } },
	{ ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY, { "too-little-in-memory" } },
	{ ECAP_CACHE_REASON_FITS_COLUMNAR, { "fits-columnar" } },
	{ ECAP_CACHE_REASON_FITS_EVICTABLE, { "fits-evictable" } },
	{ ECAP_CACHE_REASON_NO_DISK_ROOM, { "no-disk-room" } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name format_names[] = {
	{ ECAP_CACHE_FORMAT_COLUMNAR, { "columnar" } },
	{ ECAP_CACHE_FORMAT_OBJECTS, { "objects" } },
	{ ECAP_CACHE_FORMAT_SERIALIZED, { "serialized" } },
	{ ECAP_CACHE_FORMAT_PICKLED, { "pickled" } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name alternative_names[] = {
	{ ECAP_CACHE_ALTERNATIVE_NONE, { "none" } },
	{ ECAP_CACHE_ALTERNATIVE_REREAD_SOURCE, { "reread-source" } },
	{ ECAP_CACHE_ALTERNATIVE_CHECKPOINT, { "checkpoint" } },
	{ 0, { NULL } },
};

ECAP_API const char *
ecap_spark_api_to_string(int32_t api)
{
	return ecap__enum_to_string(api_names, api);
}

ECAP_API int
ecap_spark_api_from_string(const char *name, int32_t *api,
			   struct ecap_error *err)
{
	return ecap__enum_from_string(api_names, false, "Spark API", "api",
				      name, api, err);
}

ECAP_API const char *
ecap_cache_reason_to_string(int32_t reason)
{
	return ecap__enum_to_string(reason_names, reason);
}

ECAP_API int
ecap_cache_reason_from_string(const char *name, int32_t *reason,
			      struct ecap_error *err)
{
	return ecap__enum_from_string(reason_names, false, "cache reason",
				      "reason", name, reason, err);
}

ECAP_API const char *
ecap_cache_format_to_string(int32_t format)
{
	return ecap__enum_to_string(format_names, format);
}

ECAP_API int
ecap_cache_format_from_string(const char *name, int32_t *format,
			      struct ecap_error *err)
{
	return ecap__enum_from_string(format_names, false, "cache format",
				      "format", name, format, err);
}

ECAP_API const char *
ecap_cache_alternative_to_string(int32_t alternative)
{
	return ecap__enum_to_string(alternative_names, alternative);
}

ECAP_API int
ecap_cache_alternative_from_string(const char *name, int32_t *alternative,
				   struct ecap_error *err)
{
	return ecap__enum_from_string(alternative_names, false,
				      "cache alternative", "alternative",
				      name, alternative, err);
}

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
	/* Spark SQL's columnar cache size; 0 = not given. */
	uint64_t columnar;
	/* The eviction-safe storage region and the room storage can use
	 * (unified memory), in all and per executor when executors > 0. */
	uint64_t storage, per_executor;
	uint64_t room, room_per_executor;
	int64_t executors, partitions;
};

static bool
api_is_dataset(int32_t api)
{
	return api == ECAP_SPARK_API_DATASET ||
	       api == ECAP_SPARK_API_PYSPARK_DATAFRAME;
}

static int
check_size(struct ecap_error *err, const char *field, uint64_t v)
{
	if (v > MAX_SIZE_BYTES)
		return ecap__fail(err, ECAP_ERR_RANGE, field,
				  "%s %" PRIu64 " is above 2^60 (1 EiB)",
				  field, v);
	return ECAP_OK;
}

/*
 * The columnar cache of a Dataset: measured, or the storage format's
 * size times cache.columnar_size_factor.  Spark SQL caches a DataFrame as
 * batches of columns, each compressed with a per-column scheme (RLE,
 * dictionary, delta, boolean bitset; spark.sql.inMemoryColumnarStorage.
 * compressed=true) but no general-purpose codec, so it is larger than
 * the Parquet file (which adds snappy pages) and far smaller than Java
 * objects: the factor, 2.5 by default, is the storage format's
 * compression left undone.
 */
static int
resolve_columnar(const ecap_policy *p, const struct ecap_cache_in *in,
		 struct cache_sizing *s, struct ecap_error *err)
{
	double factor = ecap__pd(p, ECAP_K_CACHE_COLUMNAR_SIZE_FACTOR);
	int rc;

	if ((rc = check_size(err, "storage_format_size_bytes",
			     in->storage_format_size_bytes)) != ECAP_OK ||
	    (rc = check_size(err, "columnar_size_bytes",
			     in->columnar_size_bytes)) != ECAP_OK)
		return rc;
	s->columnar = in->columnar_size_bytes;
	if (s->columnar == 0 && in->storage_format_size_bytes != 0)
		s->columnar = (uint64_t)ecap__fmin(
			ecap__ceil((double)in->storage_format_size_bytes * factor),
			(double)MAX_SIZE_BYTES);
	return ECAP_OK;
}

static int
resolve_sizes(const ecap_policy *p, const struct ecap_cache_in *in,
	      struct cache_sizing *s, struct ecap_error *err)
{
	double factor;
	int rc;

	if ((rc = ecap__check_override_double(
		     err, "deserialized_size_factor",
		     in->deserialized_size_factor,
		     ECAP_K_CACHE_DESERIALIZED_SIZE_FACTOR)) != ECAP_OK ||
	    (rc = check_size(err, "deserialized_size_bytes",
			     in->deserialized_size_bytes)) != ECAP_OK ||
	    (rc = check_size(err, "serialized_size_bytes",
			     in->serialized_size_bytes)) != ECAP_OK ||
	    (rc = resolve_columnar(p, in, s, err)) != ECAP_OK)
		return rc;
	factor = in->deserialized_size_factor != 0.0 ?
		in->deserialized_size_factor :
		ecap__pd(p, ECAP_K_CACHE_DESERIALIZED_SIZE_FACTOR);
	s->deser = in->deserialized_size_bytes;
	s->ser = in->serialized_size_bytes;
	if (s->deser == 0 && s->ser == 0) {
		if (s->columnar == 0)
			return ecap__fail(err, ECAP_ERR_INVALID,
					  api_is_dataset(in->api) ?
						  "storage_format_size_bytes" :
						  "serialized_size_bytes",
					  "give the data's size: "
					  "storage_format_size_bytes for a "
					  "Dataset, serialized_size_bytes or "
					  "deserialized_size_bytes for an RDD");
		/* Only the columnar size: what the guide's levels keep. */
		s->deser = s->ser = s->columnar;
		return ECAP_OK;
	}
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
		s->ser = (uint64_t)ecap__ceil((double)s->deser / factor);
	} else {
		/* At most 2^60 * 100 < 2^67: clamp to the 1 EiB limit. */
		s->deser = (uint64_t)ecap__fmin(ecap__ceil((double)s->ser * factor),
					  (double)MAX_SIZE_BYTES);
	}
	return ECAP_OK;
}

/*
 * Memory given in bytes for the whole application: the eviction-safe
 * region, the unified memory storage can borrow into, or both.  The
 * region alone counts no borrowing; unified alone gets Spark's region,
 * (long)(unified * spark.memory.storageFraction).
 */
static int
memory_given(const ecap_policy *p, const struct ecap_cache_in *in,
	     struct cache_sizing *s, struct ecap_error *err)
{
	double fraction = ecap__pd(p, ECAP_K_SPARK_MEMORY_STORAGE_FRACTION);

	if (in->executor_count != 0 || in->executor_heap_bytes != 0)
		return ecap__fail(err, ECAP_ERR_INVALID,
				  in->storage_memory_bytes != 0 ?
					  "storage_memory_bytes" :
					  "unified_memory_bytes",
				  "give storage_memory_bytes or "
				  "unified_memory_bytes, or executor_count "
				  "and executor_heap_bytes, not both");
	if (in->unified_memory_bytes != 0 &&
	    in->unified_memory_bytes < in->storage_memory_bytes)
		return ecap__fail(err, ECAP_ERR_RANGE, "unified_memory_bytes",
				  "unified_memory_bytes %" PRIu64 " is below "
				  "storage_memory_bytes %" PRIu64 ", a part of "
				  "it", in->unified_memory_bytes,
				  in->storage_memory_bytes);
	s->storage = in->storage_memory_bytes != 0 ?
		in->storage_memory_bytes :
		ecap__double_to_u64(ecap__u64_to_double(
			in->unified_memory_bytes) * fraction);
	s->room = in->unified_memory_bytes != 0 ? in->unified_memory_bytes :
						  in->storage_memory_bytes;
	return ECAP_OK;
}

static int
resolve_memory(const ecap_policy *p, const struct ecap_cache_in *in,
	       struct cache_sizing *s, struct ecap_error *err)
{
	struct ecap_spark_memory_regions r;
	int rc;

	if ((rc = ecap__check_int64(err, "executor_count", in->executor_count,
				    0, 100000)) != ECAP_OK ||
	    (rc = check_size(err, "storage_memory_bytes",
			     in->storage_memory_bytes)) != ECAP_OK ||
	    (rc = check_size(err, "unified_memory_bytes",
			     in->unified_memory_bytes)) != ECAP_OK ||
	    (rc = check_size(err, "local_disk_bytes",
			     in->local_disk_bytes)) != ECAP_OK)
		return rc;
	if (in->storage_memory_bytes != 0 || in->unified_memory_bytes != 0)
		return memory_given(p, in, s, err);
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
	s->room_per_executor = r.unified_bytes;
	s->room = r.unified_bytes * (uint64_t)in->executor_count;
	return ECAP_OK;
}

static int
resolve(const ecap_policy *p, const struct ecap_cache_in *in,
	struct cache_sizing *s, struct ecap_error *err)
{
	int rc;

	ECAP__ZERO(s);
	if ((rc = ecap__check_int64(err, "partition_count", in->partition_count,
				    1, 10000000)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "reuse_count", in->reuse_count, 1,
				    1000000000)) != ECAP_OK ||
	    (rc = ecap__check_bool(err, "replicated", in->replicated)) !=
		    ECAP_OK ||
	    (rc = ecap__check_bool(err, "computed_with_shuffle",
				   in->computed_with_shuffle)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "reserved_0", in->reserved_0, 0,
				    0)) != ECAP_OK)
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

static uint64_t
block_bytes(const struct cache_sizing *s, uint64_t size)
{
	uint64_t block = (size + (uint64_t)s->partitions - 1) /
		(uint64_t)s->partitions;

	return block == 0 ? 1 : block;
}

/*
 * Partition copies of `size` bytes in total (times replication) that fit
 * in the room storage can use (room) or in the eviction-safe region:
 * Spark stores whole blocks, so memory holds floor(memory / block)
 * blocks, per executor when the executors are known.
 */
static int64_t
blocks_in_memory(const struct cache_sizing *s, uint64_t size, int64_t repl,
		 bool room)
{
	uint64_t block = block_bytes(s, size);
	uint64_t n;

	if (s->executors > 0)
		n = (room ? s->room_per_executor : s->per_executor) / block *
		    (uint64_t)s->executors;
	else
		n = (room ? s->room : s->storage) / block;
	/* Never more than there are copies. */
	if (n > (uint64_t)(s->partitions * repl))
		n = (uint64_t)(s->partitions * repl);
	return (int64_t)n;
}

/* Every copy fits in the eviction-safe region. */
static bool
fits(const struct cache_sizing *s, uint64_t size, int64_t repl)
{
	return blocks_in_memory(s, size, repl, false) >= s->partitions * repl;
}

/* Fills the level, its name and flags, and the memory share of one copy
 * of `size` bytes in the given format: ecap-1 against unified memory,
 * with the eviction-safe count and the disk the level may write; the
 * guide (its numbers as they were) against the region alone. */
static void
set_level(const struct cache_sizing *s, int32_t api, int32_t level,
	  int32_t format, uint64_t size, bool ecap1,
	  struct ecap_cache_out *out)
{
	const struct level_def *d = &levels[level];
	int64_t copies;

	out->level = level;
	out->level_exists_in_api = level_in_api(d, api);
	ecap__copy_padded(out->level_name, d->name, sizeof(out->level_name));
	flags_fill(d, api, &out->use_disk, &out->use_memory,
		   &out->use_off_heap, &out->deserialized,
		   &out->replication_count);
	out->storage_memory_bytes = s->storage;
	if (ecap1)
		out->unified_memory_bytes = s->room;
	if (level == ECAP_STORAGE_LEVEL_NONE)
		return;
	out->cache_format = format;
	out->cached_size_bytes = size;
	out->stored_size_bytes = size * (uint64_t)out->replication_count;
	if (!out->use_memory)
		return;
	copies = s->partitions * out->replication_count;
	out->partitions_in_memory_count = blocks_in_memory(s, size,
		out->replication_count, ecap1);
	out->memory_share_ratio = (double)out->partitions_in_memory_count /
		(double)copies;
	if (!ecap1)
		return;
	out->partitions_safe_count = blocks_in_memory(s, size,
		out->replication_count, false);
	/* Execution may evict every copy above the region: the most the
	 * level writes to local disk (copies * block stays within the
	 * 2^60 stored size rounded up per block). */
	if (out->use_disk)
		out->disk_bytes = (uint64_t)(copies -
					     out->partitions_safe_count) *
				  block_bytes(s, size);
}

/* The guide: getNumPartitions() > 200 ? MEMORY_AND_DISK_SER :
 * MEMORY_ONLY_SER; the size kept is the serialized one (the level's
 * flag), whatever the API. */
static void
advise_guide(const ecap_policy *p, const struct cache_sizing *s,
	     const struct ecap_cache_in *in, struct ecap_cache_out *out)
{
	int64_t threshold = ecap__pi(p, ECAP_K_CACHE_GUIDE_PARTITION_THRESHOLD);
	bool many = s->partitions > threshold;
	int32_t level = many ? ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER :
			       ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER;
	bool deser = levels[level].deser && !api_is_python(in->api);

	set_level(s, in->api, level,
		  deser ? ECAP_CACHE_FORMAT_OBJECTS :
			  ECAP_CACHE_FORMAT_SERIALIZED,
		  deser ? s->deser : s->ser, false, out);
	out->reason = many ? ECAP_CACHE_REASON_GUIDE_MANY_PARTITIONS :
			     ECAP_CACHE_REASON_GUIDE_FEW_PARTITIONS;
	out->guide_partition_threshold_count = threshold;
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
 * ecap-1's candidates per API: the level when every partition fits, the
 * format sized for it, and the memory-and-disk level when it does not.
 * A Dataset's cache is columnar batches whatever the level: its default
 * (Dataset.cache(): MEMORY_AND_DISK; PySpark: MEMORY_AND_DISK_DESER) keeps
 * the batches as they are, and a _SER level would only serialize the
 * already compact bytes again.  An RDD keeps objects (MEMORY_ONLY) while
 * they fit, else serialized bytes (MEMORY_ONLY_SER, spilling with
 * MEMORY_AND_DISK_SER).  A PySpark RDD holds pickled bytes at every
 * level.
 */
struct ecap1_choice {
	int32_t fit_level, fit_format, fit_reason;
	int32_t ser_level, ser_format;
	int32_t spill_level, spill_format;
};

static const struct ecap1_choice ecap1_choices[] = {
	[ECAP_SPARK_API_DATASET] = {
		ECAP_STORAGE_LEVEL_MEMORY_AND_DISK, ECAP_CACHE_FORMAT_COLUMNAR,
		ECAP_CACHE_REASON_FITS_COLUMNAR, 0, 0,
		ECAP_STORAGE_LEVEL_MEMORY_AND_DISK, ECAP_CACHE_FORMAT_COLUMNAR },
	[ECAP_SPARK_API_RDD] = {
		ECAP_STORAGE_LEVEL_MEMORY_ONLY, ECAP_CACHE_FORMAT_OBJECTS,
		ECAP_CACHE_REASON_FITS_DESERIALIZED,
		ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER, ECAP_CACHE_FORMAT_SERIALIZED,
		ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER,
		ECAP_CACHE_FORMAT_SERIALIZED },
	[ECAP_SPARK_API_PYSPARK_DATAFRAME] = {
		ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_DESER,
		ECAP_CACHE_FORMAT_COLUMNAR, ECAP_CACHE_REASON_FITS_COLUMNAR,
		0, 0, ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_DESER,
		ECAP_CACHE_FORMAT_COLUMNAR },
	[ECAP_SPARK_API_PYSPARK_RDD] = {
		ECAP_STORAGE_LEVEL_MEMORY_ONLY, ECAP_CACHE_FORMAT_PICKLED,
		ECAP_CACHE_REASON_FITS_SERIALIZED, 0, 0,
		ECAP_STORAGE_LEVEL_MEMORY_AND_DISK, ECAP_CACHE_FORMAT_PICKLED },
};

static uint64_t
format_size(const struct cache_sizing *s, int32_t format)
{
	switch (format) {
	case ECAP_CACHE_FORMAT_COLUMNAR:
		return s->columnar;
	case ECAP_CACHE_FORMAT_OBJECTS:
		return s->deser;
	default:
		return s->ser;
	}
}

/* The columnar size a Dataset needs; an RDD's object sizes. */
static int
ecap1_check(const struct cache_sizing *s, const struct ecap_cache_in *in,
	    struct ecap_error *err)
{
	if (api_is_dataset(in->api) && s->columnar == 0)
		return ecap__fail(err, ECAP_ERR_INVALID,
				  "storage_format_size_bytes",
				  "ecap-1 sizes a Dataset's cache as Spark "
				  "SQL's columnar batches: give "
				  "storage_format_size_bytes (or "
				  "columnar_size_bytes)");
	if (!api_is_dataset(in->api) && in->deserialized_size_bytes == 0 &&
	    in->serialized_size_bytes == 0)
		return ecap__fail(err, ECAP_ERR_INVALID,
				  "serialized_size_bytes",
				  "ecap-1 sizes an RDD's cache as objects or "
				  "serialized bytes: give serialized_size_bytes "
				  "or deserialized_size_bytes");
	return ECAP_OK;
}

/* Declined: keep the share and sizes that decided, drop the level. */
static void
decline(const struct ecap_cache_in *in, int32_t reason,
	struct ecap_cache_out *out)
{
	const struct level_def *d = &levels[ECAP_STORAGE_LEVEL_NONE];

	out->reason = reason;
	out->level = ECAP_STORAGE_LEVEL_NONE;
	out->level_exists_in_api = level_in_api(d, in->api);
	ecap__copy_padded(out->level_name, d->name, sizeof(out->level_name));
	flags_fill(d, in->api, &out->use_disk, &out->use_memory,
		   &out->use_off_heap, &out->deserialized,
		   &out->replication_count);
	out->stored_size_bytes = 0;
	out->alternative = in->computed_with_shuffle ?
				   ECAP_CACHE_ALTERNATIVE_CHECKPOINT :
				   ECAP_CACHE_ALTERNATIVE_REREAD_SOURCE;
}

/*
 * ecap-1: not reused -> NONE.  The API's in-memory level when every
 * partition fits in the eviction-safe storage region (see
 * ecap1_choices); otherwise its memory-and-disk level: storage borrows
 * the unified memory execution does not use (UnifiedMemoryManager), and
 * what execution evicts, or what never fits, goes to local disk, still
 * cheaper to read back than the source plus its transformations
 * (FITS_EVICTABLE when all of it fits in unified memory, else
 * SPILLS_TO_DISK).  Declined (NONE, the alternative named) when that
 * level may write more than the local disk given holds, or, for data
 * read from storage, when less than cache.min_memory_share_ratio of it
 * would be in memory: a cache mostly on local disk then only swaps one
 * read of stored bytes for another, after writing them once more.  Data
 * computed through a shuffle is worth a disk copy at any share.  Replicas
 * take the _2 level and double the memory needed.
 */
static int
advise_ecap1(const ecap_policy *p, const struct cache_sizing *s,
	     const struct ecap_cache_in *in, struct ecap_cache_out *out,
	     struct ecap_error *err)
{
	const struct ecap1_choice *c = &ecap1_choices[in->api];
	double min_share = ecap__pd(p, ECAP_K_CACHE_MIN_MEMORY_SHARE_RATIO);
	int64_t repl = in->replicated ? 2 : 1;
	int32_t level, format, reason;
	int rc;

	out->min_reuse_count = ecap__pi(p, ECAP_K_CACHE_MIN_REUSE_COUNT);
	out->min_memory_share_ratio = min_share;
	out->alternative = ECAP_CACHE_ALTERNATIVE_NONE;
	out->local_disk_bytes = in->local_disk_bytes;
	if (in->reuse_count < out->min_reuse_count) {
		set_level(s, in->api, ECAP_STORAGE_LEVEL_NONE, 0, 0, true, out);
		out->reason = ECAP_CACHE_REASON_NOT_REUSED;
		return ECAP_OK;
	}
	if ((rc = ecap1_check(s, in, err)) != ECAP_OK)
		return rc;
	if (fits(s, format_size(s, c->fit_format), repl)) {
		level = c->fit_level;
		format = c->fit_format;
		reason = c->fit_reason;
	} else if (c->ser_level != 0 &&
		   fits(s, format_size(s, c->ser_format), repl)) {
		level = c->ser_level;
		format = c->ser_format;
		reason = ECAP_CACHE_REASON_FITS_SERIALIZED;
	} else {
		level = c->spill_level;
		format = c->spill_format;
		reason = ECAP_CACHE_REASON_SPILLS_TO_DISK;
	}
	set_level(s, in->api, in->replicated ? replicate(level) : level,
		  format, format_size(s, format), true, out);
	if (reason == ECAP_CACHE_REASON_SPILLS_TO_DISK &&
	    out->partitions_in_memory_count == s->partitions * repl)
		reason = ECAP_CACHE_REASON_FITS_EVICTABLE;
	out->reason = reason;
	if (in->local_disk_bytes != 0 && out->disk_bytes > in->local_disk_bytes)
		decline(in, ECAP_CACHE_REASON_NO_DISK_ROOM, out);
	else if (!in->computed_with_shuffle &&
		 out->memory_share_ratio < min_share)
		decline(in, ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY, out);
	return ECAP_OK;
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
	out->model = policy->model;
	out->partition_count = s.partitions;
	out->reuse_count = in->reuse_count;
	out->columnar_size_factor =
		ecap__pd(policy, ECAP_K_CACHE_COLUMNAR_SIZE_FACTOR);
	/* Echoed when the columnar size was estimated from it. */
	if (in->columnar_size_bytes == 0)
		out->storage_format_size_bytes = in->storage_format_size_bytes;
	if (out->model == ECAP_MODEL_GUIDE) {
		advise_guide(policy, &s, in, out);
	} else if ((rc = advise_ecap1(policy, &s, in, out, err)) != ECAP_OK) {
		ECAP__OUT_ZERO(out, ecap_cache_out);
		return rc;
	}
	return ECAP_OK;
}
