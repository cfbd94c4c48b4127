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
	/* ecap-1: every partition fits in storage memory as objects. */
	ECAP_CACHE_REASON_FITS_DESERIALIZED = 11,
	/* ecap-1: fits only serialized. */
	ECAP_CACHE_REASON_FITS_SERIALIZED = 12,
	/* ecap-1: does not fit even serialized: memory and disk. */
	ECAP_CACHE_REASON_SPILLS_TO_DISK = 13,
};

struct ecap_cache_in {
	size_t sz;
	/* Size as objects (deserialized) and serialized, bytes, each
	 * 0 .. 2^60; give both, or one and deserialized_size_factor (0 =
	 * policy cache.deserialized_size_factor, 3).  Deserialized is never
	 * below serialized. */
	uint64_t deserialized_size_bytes;
	uint64_t serialized_size_bytes;
	/* deserialized / serialized; 0 or 1 .. 100. */
	double deserialized_size_factor;
	/* Partitions of the data; required, 1 .. 10000000. */
	int64_t partition_count;
	/* Times the data will be used; required, 1 .. 1000000000. */
	int64_t reuse_count;
	/* Storage memory of the whole application, bytes (0 .. 2^60);
	 * or 0 and executor_count with executor_heap_bytes, whose
	 * storage region (spark.memory.storageFraction of unified memory)
	 * is applied per executor. */
	uint64_t storage_memory_bytes;
	int64_t executor_count;		/* 0 .. 100000 */
	uint64_t executor_heap_bytes;	/* 0, or 450 MiB .. 1 TiB */
	/* enum ecap_spark_api; required. */
	int32_t api;
	/* 1 = keep two copies of each block (a _2 level); 0 or 1. */
	int32_t replicated;
	size_t :0;
};
#define ecap_cache_in__last_field replicated

struct ecap_cache_out {
	size_t sz;
	/* enum ecap_model and enum ecap_cache_reason. */
	int32_t model;
	int32_t reason;
	char reason_text[256];
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
	/* Bytes kept: the deserialized or serialized size (by the level's
	 * flag) times replication; 0 for NONE. */
	uint64_t stored_size_bytes;
	/* The storage memory compared against. */
	uint64_t storage_memory_bytes;
	/* Partition copies that fit in that memory, and their share of all
	 * partition copies (0 .. 1; 0 for NONE and DISK_ONLY*). */
	int64_t partitions_in_memory_count;
	double memory_share_ratio;
	size_t :0;
};
#define ecap_cache_out__last_field memory_share_ratio

/*
 * Chooses a storage level for data that will be reused (the guide's
 * cache_frequently_accessed_data, or ecap-1; see ecap_cache_advise(3)).
 */
ECAP_API int ecap_cache_advise(const ecap_policy *policy,
			       const struct ecap_cache_in *in,
			       struct ecap_cache_out *out,
			       struct ecap_error *err);

#endif /* ECAPTUNE_CACHE_H */
