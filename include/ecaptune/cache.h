/* SPDX-License-Identifier: MIT */
/*
 * ecaptune/cache.h - cache (storage) level.
 *
 * Part of the public interface; include <ecaptune.h>, not this file.
 */
#ifndef ECAPTUNE_CACHE_H
#define ECAPTUNE_CACHE_H

#ifndef ECAPTUNE_H
#error "include <ecaptune.h> instead of <ecaptune/cache.h>"
#endif

/* ------------------------------------------------------------------------
 * cache level
 */
/*
 * Spark storage levels (StorageLevel.scala and pyspark/storagelevel.py,
 * engine-facts 3.3).  Values are pinned.
 */
enum ecap_storage_level {
	ECAP_STORAGE_LEVEL_NONE = 1,
	ECAP_STORAGE_LEVEL_DISK_ONLY = 2,
	ECAP_STORAGE_LEVEL_DISK_ONLY_2 = 3,
	ECAP_STORAGE_LEVEL_DISK_ONLY_3 = 4,
	ECAP_STORAGE_LEVEL_MEMORY_ONLY = 5,
	ECAP_STORAGE_LEVEL_MEMORY_ONLY_2 = 6,
	ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER = 7,		/* not in PySpark */
	ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER_2 = 8,	/* not in PySpark */
	ECAP_STORAGE_LEVEL_MEMORY_AND_DISK = 9,
	ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_2 = 10,
	ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER = 11,	/* not in PySpark */
	ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER_2 = 12,	/* not in PySpark */
	ECAP_STORAGE_LEVEL_OFF_HEAP = 13,
	ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_DESER = 14,	/* PySpark only */
};

/* The API that persists the data.  Values are pinned. */
enum ecap_spark_api {
	/* Scala/Java Dataset or DataFrame: cache() is MEMORY_AND_DISK. */
	ECAP_SPARK_API_DATASET = 1,
	/* Scala/Java RDD: cache() is MEMORY_ONLY. */
	ECAP_SPARK_API_RDD = 2,
	/* PySpark DataFrame: cache() is MEMORY_AND_DISK_DESER. */
	ECAP_SPARK_API_PYSPARK_DATAFRAME = 3,
	/* PySpark RDD: always serialized (pickled); cache() is MEMORY_ONLY. */
	ECAP_SPARK_API_PYSPARK_RDD = 4,
};

/** "dataset", "rdd", "pyspark-dataframe" or "pyspark-rdd"; NULL if unknown. */
ECAP_API const char *ecap_spark_api_to_string(int32_t api);
/** Parses an API name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_spark_api_from_string(const char *name, int32_t *api,
					struct ecap_error *err);

/** Spark's name of a level, e.g. "MEMORY_AND_DISK_SER"; NULL if unknown. */
ECAP_API const char *ecap_storage_level_to_string(int32_t level);
/** Parses exactly one of Spark's level names; ECAP_ERR_UNKNOWN_ENUM if not. */
ECAP_API int ecap_storage_level_from_string(const char *name, int32_t *level,
					    struct ecap_error *err);

/* A level's StorageLevel flags as one API defines it. */
struct ecap_storage_level_flags {
	size_t sz;
	int32_t use_disk;
	int32_t use_memory;
	int32_t use_off_heap;
	/* 1 = kept as objects; PySpark's levels are all serialized except
	 * MEMORY_AND_DISK_DESER. */
	int32_t deserialized;
	int32_t reserved_0;
	/* Copies of each block: 1, 2 (_2) or 3 (DISK_ONLY_3). */
	int64_t replication_count;
	/* The constant's name in that API. */
	char name[32];
	size_t :0;
};
#define ecap_storage_level_flags__last_field name

/*
 * Flags of level under api (enum ecap_spark_api).  A level the API does
 * not have (a _SER level in PySpark, MEMORY_AND_DISK_DESER in Scala/Java)
 * is ECAP_ERR_NOT_FOUND.
 */
ECAP_API int ecap_storage_level_flags(int32_t level, int32_t api,
				      struct ecap_storage_level_flags *out,
				      struct ecap_error *err);

/* Why the level is what it is.  Values are pinned. */
enum ecap_cache_reason {
	/* guide: more than cache.guide_partition_threshold partitions. */
	ECAP_CACHE_REASON_GUIDE_MANY_PARTITIONS = 1,
	/* guide: at most that many partitions. */
	ECAP_CACHE_REASON_GUIDE_FEW_PARTITIONS = 2,
	/* ecap-1: used fewer than cache.min_reuse_count times. */
	ECAP_CACHE_REASON_NOT_REUSED = 10,
	/* ecap-1: an RDD whose every partition fits in the eviction-safe
	 * storage region (spark.memory.storageFraction of unified memory) as
	 * objects. */
	ECAP_CACHE_REASON_FITS_DESERIALIZED = 11,
	/* ecap-1: an RDD that fits only serialized (pickled in PySpark). */
	ECAP_CACHE_REASON_FITS_SERIALIZED = 12,
	/* ecap-1: does not fit in unified memory: a memory-and-disk level
	 * keeps the rest on local disk (data read from storage: only when
	 * at least cache.min_memory_share_ratio is in memory). */
	ECAP_CACHE_REASON_SPILLS_TO_DISK = 13,
	/* ecap-1: data read from storage of which less than
	 * cache.min_memory_share_ratio would be in unified memory: do not
	 * cache (level NONE); see alternative. */
	ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY = 14,
	/* ecap-1: a Dataset/DataFrame whose columnar cache fits in the
	 * eviction-safe storage region. */
	ECAP_CACHE_REASON_FITS_COLUMNAR = 15,
	/* ecap-1: fits in unified memory (storage borrows what execution
	 * does not use) but not in the eviction-safe region: a
	 * memory-and-disk level, so blocks execution evicts go to local
	 * disk instead of being recomputed. */
	ECAP_CACHE_REASON_FITS_EVICTABLE = 16,
	/* ecap-1: what a memory-and-disk level may put on local disk (every
	 * copy outside the eviction-safe region) is more than
	 * local_disk_bytes: do not cache (level NONE); see alternative. */
	ECAP_CACHE_REASON_NO_DISK_ROOM = 17,
};

/** A reason's name, e.g. "spills-to-disk"; NULL for an unknown value. */
ECAP_API const char *ecap_cache_reason_to_string(int32_t reason);
/** Parses a reason name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_cache_reason_from_string(const char *name, int32_t *reason,
					   struct ecap_error *err);

/* The form in which the cached data was sized.  Values are pinned. */
enum ecap_cache_format {
	/* Spark SQL's compressed in-memory columnar batches (Datasets and
	 * DataFrames, also from PySpark). */
	ECAP_CACHE_FORMAT_COLUMNAR = 1,
	/* Java objects (a deserialized RDD level). */
	ECAP_CACHE_FORMAT_OBJECTS = 2,
	/* Serialized bytes (an RDD _SER level). */
	ECAP_CACHE_FORMAT_SERIALIZED = 3,
	/* Pickled bytes (every PySpark RDD level). */
	ECAP_CACHE_FORMAT_PICKLED = 4,
};

/** "columnar", "objects", "serialized" or "pickled"; NULL if unknown. */
ECAP_API const char *ecap_cache_format_to_string(int32_t format);
/** Parses a format name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_cache_format_from_string(const char *name, int32_t *format,
					   struct ecap_error *err);

/* What to do instead of caching.  Values are pinned. */
enum ecap_cache_alternative {
	/* Nothing needed (cached, or used too few times to matter). */
	ECAP_CACHE_ALTERNATIVE_NONE = 1,
	/* Read the stored source again for each use. */
	ECAP_CACHE_ALTERNATIVE_REREAD_SOURCE = 2,
	/* Compute it once and checkpoint it (Dataset.checkpoint(), or write
	 * it to Parquet and read that), cutting a shuffle-heavy lineage. */
	ECAP_CACHE_ALTERNATIVE_CHECKPOINT = 3,
};

/** "none", "reread-source" or "checkpoint"; NULL if unknown. */
ECAP_API const char *ecap_cache_alternative_to_string(int32_t alternative);
/** Parses an alternative's name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_cache_alternative_from_string(const char *name,
						int32_t *alternative,
						struct ecap_error *err);

struct ecap_cache_in {
	size_t sz;
	/* RDDs: size as objects (deserialized) and serialized (pickled in
	 * PySpark), bytes, each 0 .. 2^60; give both, or one and
	 * deserialized_size_factor (0 = policy
	 * cache.deserialized_size_factor, 3).  Deserialized is never below
	 * serialized. */
	uint64_t deserialized_size_bytes;
	uint64_t serialized_size_bytes;
	/* deserialized / serialized; 0 or 1 .. 100. */
	double deserialized_size_factor;
	/* Partitions of the data; required, 1 .. 10000000. */
	int64_t partition_count;
	/* Times the data will be used; required, 1 .. 1000000000. */
	int64_t reuse_count;
	/* The eviction-safe storage region of the whole application
	 * (spark.memory.storageFraction of unified memory), bytes (0 ..
	 * 2^60); or 0 and executor_count with executor_heap_bytes, whose
	 * regions (Spark's memory model) are applied per executor.  See
	 * unified_memory_bytes for the room storage can borrow. */
	uint64_t storage_memory_bytes;
	int64_t executor_count;		/* 0 .. 100000 */
	uint64_t executor_heap_bytes;	/* 0, or 450 MiB .. 1 TiB */
	/* enum ecap_spark_api; required. */
	int32_t api;
	/* 1 = keep two copies of each block (a _2 level); 0 or 1. */
	int32_t replicated;
	/* Datasets and DataFrames: the data's size in its storage format
	 * (Parquet or ORC files), bytes, 0 .. 2^60; ecap-1 sizes the
	 * columnar cache as this times cache.columnar_size_factor. */
	uint64_t storage_format_size_bytes;
	/* Datasets and DataFrames: the columnar cache's size if measured
	 * (Spark UI, Storage tab: Size in Memory), bytes, 0 .. 2^60;
	 * 0 = estimate it from storage_format_size_bytes. */
	uint64_t columnar_size_bytes;
	/* 1 = the data is computed through a shuffle (join, aggregation),
	 * so declining to cache advises a checkpoint; 0 = it is read from
	 * storage (and cheap transformations), so re-read it.  0 or 1. */
	int32_t computed_with_shuffle;
	int32_t reserved_0;
	/* Without executors: the unified (execution + storage) memory of
	 * the whole application, the room storage can use while execution
	 * does not need it (the Spark UI's Storage Memory total), bytes,
	 * 0 .. 2^60, at least storage_memory_bytes.  0 = storage_memory_bytes
	 * alone (no borrowing counted); given alone, the region is it times
	 * spark.memory_storage_fraction. */
	uint64_t unified_memory_bytes;
	/* Local disk free for cached blocks on all executors together
	 * (spark.local.dir), bytes, 0 .. 2^60; 0 = unknown (not checked). */
	uint64_t local_disk_bytes;
	size_t :0;
};
#define ecap_cache_in__last_field local_disk_bytes

struct ecap_cache_out {
	size_t sz;
	/* enum ecap_model and enum ecap_cache_reason. */
	int32_t model;
	int32_t reason;
	/* enum ecap_storage_level, its name as the API spells it, and 1 when
	 * the API has that constant (0: the guide's _SER levels in
	 * PySpark). */
	int32_t level;
	int32_t level_exists_in_api;
	char level_name[32];
	/* The level's flags in the API (Scala's when it has none). */
	int32_t use_disk;
	int32_t use_memory;
	int32_t use_off_heap;
	int32_t deserialized;
	int64_t replication_count;
	/* Bytes kept: cached_size_bytes times replication; 0 for NONE. */
	uint64_t stored_size_bytes;
	/* The eviction-safe storage region that the in-memory levels must
	 * fit in. */
	uint64_t storage_memory_bytes;
	/* Partition copies that fit in unified memory (unified_memory_bytes
	 * below, per executor when known), and their share of all
	 * partition copies (0 .. 1; 0 for DISK_ONLY* and when not reused).
	 * When caching is declined, the share the memory-and-disk level
	 * would have had. */
	int64_t partitions_in_memory_count;
	double memory_share_ratio;
	/* enum ecap_cache_format: the form the size was taken in, and one
	 * copy's size in it (also when declined); 0 when not reused. */
	int32_t cache_format;
	/* enum ecap_cache_alternative: what to do instead of caching. */
	int32_t alternative;
	uint64_t cached_size_bytes;
	/* The numbers the rules used: the input counts, the policy's
	 * cache.min_reuse_count, cache.guide_partition_threshold,
	 * cache.min_memory_share_ratio and cache.columnar_size_factor, and
	 * the storage format size the columnar size was estimated from (0
	 * when not given, or when columnar_size_bytes was). */
	int64_t partition_count;
	int64_t reuse_count;
	int64_t min_reuse_count;
	int64_t guide_partition_threshold_count;
	double min_memory_share_ratio;
	double columnar_size_factor;
	uint64_t storage_format_size_bytes;
	/* ecap-1: the room storage can use (unified memory; the region
	 * alone when no unified size was given), and the partition copies
	 * that fit in the eviction-safe region (storage_memory_bytes). */
	uint64_t unified_memory_bytes;
	int64_t partitions_safe_count;
	/* ecap-1, memory-and-disk levels: the most the level may write to
	 * local disk, every copy outside the eviction-safe region (also
	 * when declined); 0 otherwise.  And the local_disk_bytes given. */
	uint64_t disk_bytes;
	uint64_t local_disk_bytes;
	size_t :0;
};
#define ecap_cache_out__last_field local_disk_bytes

/*
 * Chooses a storage level for data that will be reused (the guide's
 * cache_frequently_accessed_data, or ecap-1: Datasets sized as columnar
 * batches, RDDs as objects or serialized; in-memory levels when the data
 * fits the eviction-safe region, memory and disk otherwise, declined
 * when local disk is short or too little of data read from storage
 * would be in memory; see ecap_cache_advise(3)).  Formats no text.
 */
ECAP_API int ecap_cache_advise(const ecap_policy *policy,
			       const struct ecap_cache_in *in,
			       struct ecap_cache_out *out,
			       struct ecap_error *err);

/**
 * Writes one sentence naming the rule and numbers behind a cache advice
 * into buf (NUL-terminated); ECAP_EXPLAIN_MAX bytes always suffice, a
 * smaller buffer gets the truncated sentence and ECAP_ERR_NOSPACE.
 */
ECAP_API int ecap_cache_explain(const struct ecap_cache_out *advice,
				char *buf, size_t size,
				struct ecap_error *err);

#endif /* ECAPTUNE_CACHE_H */
