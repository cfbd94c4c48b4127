/* SPDX-License-Identifier: MIT */
/*
 * ecaptune.h - the public interface of libecaptune.
 *
 * libecaptune turns the E-Commerce Analytics Platform (ECAP) performance
 * tuning guide into versioned functions: partition sizing, join strategy,
 * cache level, executor sizing and capacity projection.  This header is the
 * specification; libecaptune(3) gives the overview.
 *
 * Conventions that hold for every function below:
 *
 * - Fallible functions return int: ECAP_OK (0) on success, a negative
 *   enum ecap_error_code value on failure.  ecap_strerror() names a code.
 * - The last argument of a fallible function is an optional
 *   struct ecap_error *, owned by the caller, that receives the code, the
 *   offending field or key, and a sentence naming the bad value.  There is
 *   no global or thread-local error state.
 * - Per-call inputs and outputs are size-prefixed structs: the first member
 *   is `size_t sz`, which the caller sets to sizeof the struct it was
 *   compiled with (ECAP_OPTS or ECAP_STRUCT_INIT do it).  The library
 *   rejects with ECAP_ERR_STRUCT_SIZE a struct whose sz is smaller than the
 *   struct of the release that introduced it, and a larger struct whose
 *   bytes past the fields this library knows are not all zero.  Fields that
 *   a newer release appends take their documented defaults when an older
 *   caller's sz does not reach them.
 * - Units are part of every field and key name (_bytes, _mb, _gb, _hours,
 *   _usd_per_hour, _ratio, _factor).  MB and GB are binary (2^20, 2^30
 *   bytes), as Spark parses "128MB".
 * - A policy is never modified by an advice call: one ecap_policy may be
 *   shared read-only by any number of threads.  Functions that take a
 *   non-const policy must not race with other calls on the same policy.
 */
#ifndef ECAPTUNE_H
#define ECAPTUNE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Marks every exported function; everything else in the library is hidden. */
#ifndef ECAP_API
#if defined(__GNUC__) && __GNUC__ >= 4
#define ECAP_API __attribute__((visibility("default")))
#else
#define ECAP_API
#endif
#endif

/* ------------------------------------------------------------------------
 * version
 */

#define ECAP_VERSION_MAJOR 1
#define ECAP_VERSION_MINOR 0
#define ECAP_VERSION_PATCH 0
#define ECAP_VERSION_STRING "1.0.0"
/* Packed version: 0xMMmmpp, comparable with < and >. */
#define ECAP_VERSION_PACK(major, minor, patch) \
	(((uint32_t)(major) << 16) | ((uint32_t)(minor) << 8) | (uint32_t)(patch))
#define ECAP_VERSION_NUMBER \
	ECAP_VERSION_PACK(ECAP_VERSION_MAJOR, ECAP_VERSION_MINOR, ECAP_VERSION_PATCH)

/** Version of the library loaded at run time, e.g. "1.0.0"; never NULL. */
ECAP_API const char *ecap_version_string(void);
/** Packed version (ECAP_VERSION_PACK) of the library loaded at run time. */
ECAP_API uint32_t ecap_version_number(void);

/* ------------------------------------------------------------------------
 * size-prefixed structs
 */

/*
 * ECAP_OPTS(TYPE, NAME, .field = value, ...) declares `struct TYPE NAME`
 * zero-filled (padding included) with sz set and the given fields
 * initialised.  It needs GNU C statement expressions; the portable form is
 * ECAP_STRUCT_INIT(&var) followed by plain assignments.
 */
#define ECAP_OPTS(TYPE, NAME, ...)                                   \
	struct TYPE NAME = ({                                         \
		memset(&NAME, 0, sizeof(struct TYPE));                \
		(struct TYPE){ .sz = sizeof(struct TYPE), __VA_ARGS__ }; \
	})
/* Zero-fills *PTR and sets its sz; PTR must point to a sized struct. */
#define ECAP_STRUCT_INIT(PTR) \
	(memset((PTR), 0, sizeof(*(PTR))), (PTR)->sz = sizeof(*(PTR)))

/* ------------------------------------------------------------------------
 * errors
 */

/*
 * Error codes.  The values are pinned: never renumbered, never reused.
 */
enum ecap_error_code {
	ECAP_OK = 0,
	/* An argument is NULL, NaN or infinite, or a required one is missing. */
	ECAP_ERR_INVALID = -4001,
	/* A finite number outside its documented range (negative, zero where
	 * a positive value is needed, absurdly large). */
	ECAP_ERR_RANGE = -4002,
	/* sz of a size-prefixed struct is too small, or its unknown tail is
	 * not all zero. */
	ECAP_ERR_STRUCT_SIZE = -4003,
	/* An enum value (join type, model, API, ...) this library does not
	 * know. */
	ECAP_ERR_UNKNOWN_ENUM = -4004,
	/* A policy key that does not exist. */
	ECAP_ERR_UNKNOWN_KEY = -4005,
	/* A policy key read or written with the wrong type. */
	ECAP_ERR_TYPE = -4006,
	/* Malformed JSON, or JSON of the wrong shape or type. */
	ECAP_ERR_JSON = -4007,
	/* A model name other than "guide" and "ecap-1". */
	ECAP_ERR_UNKNOWN_MODEL = -4008,
	/* Memory allocation failed. */
	ECAP_ERR_NOMEM = -4009,
	/* A file could not be opened or read. */
	ECAP_ERR_IO = -4010,
	/* A caller-provided array or buffer is too small; the needed count
	 * is reported where the function says so. */
	ECAP_ERR_NOSPACE = -4011,
	/* A named entry (scenario, instance class) does not exist. */
	ECAP_ERR_NOT_FOUND = -4012,
	/* A fixed-capacity table (scenarios, instance classes) is full. */
	ECAP_ERR_LIMIT = -4013,
};

/*
 * Detailed error, filled by every fallible function that is given one.
 * Initialise with ECAP_STRUCT_INIT; a struct whose sz is too small is not
 * written.  On success the struct is reset (code ECAP_OK, empty strings).
 */
struct ecap_error {
	size_t sz;
	/* The enum ecap_error_code value the function returned. */
	int32_t code;
	/* For JSON input: 1-based line and column of the offending text or
	 * key; 0 when not known or not JSON. */
	int32_t line;
	int32_t column;
	int32_t reserved_0;
	/* The offending field or policy key (e.g. "data_size_bytes",
	 * "join.broadcast_threshold_mb"); empty when none applies. */
	char field[96];
	/* One sentence naming the field and the bad value. */
	char message[256];
	size_t :0;
};
#define ecap_error__last_field message

/**
 * Names an error code in words.  Never NULL: an unknown code gives
 * "unknown error".  The string is static and thread-safe.
 */
ECAP_API const char *ecap_strerror(int code);

/** Releases memory the library returned to the caller (JSON text). */
ECAP_API void ecap_free(void *ptr);

/* ------------------------------------------------------------------------
 * models
 */

/*
 * Model of advice.  A released model never changes its numbers: a better
 * formula is a new model.
 */
enum ecap_model {
	/* The guide's formulas number for number, truncations included. */
	ECAP_MODEL_GUIDE = 1,
	/* The guide's policy constants with corrected arithmetic and Spark's
	 * own rules (the default). */
	ECAP_MODEL_ECAP_1 = 2,
};

/** "guide" or "ecap-1"; NULL for an unknown value. */
ECAP_API const char *ecap_model_to_string(int32_t model);
/** Parses a model name into *model; ECAP_ERR_UNKNOWN_MODEL if unknown. */
ECAP_API int ecap_model_from_string(const char *name, int32_t *model,
				    struct ecap_error *err);

/* ------------------------------------------------------------------------
 * policy: the tunables (opaque)
 */

/*
 * A policy holds every constant of the guide that an advisor uses, under
 * dotted keys with the unit in the name, plus the growth scenarios and the
 * database instance catalog.  A new policy carries the guide's values and
 * model "ecap-1".
 */
typedef struct ecap_policy ecap_policy;

/* Type of a policy key's value. */
enum ecap_value_type {
	ECAP_TYPE_DOUBLE = 1,
	ECAP_TYPE_INT64 = 2,
	ECAP_TYPE_STRING = 3,
	ECAP_TYPE_BOOL = 4,	/* read and written as int64 0 or 1 */
};

/** Creates a policy with the guide's defaults; free it with ecap_policy_free. */
ECAP_API int ecap_policy_new(ecap_policy **out, struct ecap_error *err);
/** Creates an independent copy of src. */
ECAP_API int ecap_policy_copy(const ecap_policy *src, ecap_policy **out,
			      struct ecap_error *err);
/** Frees *policy and sets it to NULL; NULL or *NULL is a no-op. */
ECAP_API void ecap_policy_free(ecap_policy **policy);

/** Model selected by the policy (enum ecap_model). */
ECAP_API int32_t ecap_policy_model(const ecap_policy *policy);

/*
 * Typed access by key.  A setter validates the value against the key's
 * range (NaN, infinities and out-of-range values are rejected) and leaves
 * the policy unchanged on any error.  Besides the static keys listed by
 * ecap_policy_key_at(), the fields of existing scenarios and instance
 * classes are keys: "growth.scenarios.<name>.<field>" and
 * "database.instance_classes.<name>.<field>".
 * The string returned by ecap_policy_get_string() stays valid until the
 * next call that takes the policy without const.
 */
ECAP_API int ecap_policy_set_double(ecap_policy *policy, const char *key,
				    double value, struct ecap_error *err);
ECAP_API int ecap_policy_get_double(const ecap_policy *policy, const char *key,
				    double *value, struct ecap_error *err);
ECAP_API int ecap_policy_set_int64(ecap_policy *policy, const char *key,
				   int64_t value, struct ecap_error *err);
ECAP_API int ecap_policy_get_int64(const ecap_policy *policy, const char *key,
				   int64_t *value, struct ecap_error *err);
ECAP_API int ecap_policy_set_string(ecap_policy *policy, const char *key,
				    const char *value, struct ecap_error *err);
ECAP_API int ecap_policy_get_string(const ecap_policy *policy, const char *key,
				    const char **value, struct ecap_error *err);

/*
 * JSON.  A document is one object whose members are policy keys; a load
 * applies only the members present, atomically (on error the policy is
 * unchanged), and rejects unknown keys, duplicate keys, wrong types,
 * out-of-range values and input over ECAP_POLICY_JSON_MAX_BYTES.  Errors
 * carry line, column and key.  The dump lists every key and round-trips
 * exactly; free it with ecap_free().
 */
#define ECAP_POLICY_JSON_MAX_BYTES (1u << 20)
ECAP_API int ecap_policy_load_json(ecap_policy *policy, const char *json,
				   size_t len, struct ecap_error *err);
ECAP_API int ecap_policy_load_file(ecap_policy *policy, const char *path,
				   struct ecap_error *err);
ECAP_API int ecap_policy_dump_json(const ecap_policy *policy, char **json,
				   struct ecap_error *err);

/*
 * Key introspection: every static key with its type, default, range, unit
 * and description, in a stable order.  The strings are static.
 */
struct ecap_key_info {
	size_t sz;
	const char *name;
	const char *unit;
	const char *description;
	/* enum ecap_value_type */
	int32_t type;
	int32_t reserved_0;
	/* Default and inclusive range, for ECAP_TYPE_DOUBLE. */
	double default_double;
	double min_double;
	double max_double;
	/* Default and inclusive range, for ECAP_TYPE_INT64 and ECAP_TYPE_BOOL. */
	int64_t default_int64;
	int64_t min_int64;
	int64_t max_int64;
	/* Default, for ECAP_TYPE_STRING. */
	const char *default_string;
	size_t :0;
};
#define ecap_key_info__last_field default_string

/** Number of static policy keys. */
ECAP_API size_t ecap_policy_key_count(void);
/** Describes the key at index (0 .. count-1); ECAP_ERR_RANGE past the end. */
ECAP_API int ecap_policy_key_at(size_t index, struct ecap_key_info *info,
				struct ecap_error *err);
/** Describes the key named name; ECAP_ERR_UNKNOWN_KEY if there is none. */
ECAP_API int ecap_policy_key_find(const char *name, struct ecap_key_info *info,
				  struct ecap_error *err);

/*
 * Growth scenarios: the guide's "conservative", "aggressive" and
 * "enterprise", plus named custom ones (at most ECAP_MAX_SCENARIOS).  The
 * spreads are the standard deviations used by the Monte Carlo projection;
 * the guide's scenarios have none.
 */
#define ECAP_MAX_SCENARIOS 64
struct ecap_scenario {
	size_t sz;
	/* 1 to 63 characters of [A-Za-z0-9_-]. */
	char name[64];
	char description[256];
	/* Yearly growth, 0.5 = 50 % a year; range -0.99 .. 100. */
	double yearly_growth_ratio;
	/* Seasonal peak over the base traffic, 2.0 = twice; range 1 .. 100. */
	double seasonal_peak_factor;
	/* Standard deviation of the yearly growth; range 0 .. 10. */
	double yearly_growth_sd_ratio;
	/* Standard deviation of the seasonal peak; range 0 .. 10. */
	double seasonal_peak_sd_factor;
	size_t :0;
};
#define ecap_scenario__last_field seasonal_peak_sd_factor

ECAP_API size_t ecap_policy_scenario_count(const ecap_policy *policy);
ECAP_API int ecap_policy_scenario_at(const ecap_policy *policy, size_t index,
				     struct ecap_scenario *scenario,
				     struct ecap_error *err);
ECAP_API int ecap_policy_scenario_find(const ecap_policy *policy,
				       const char *name,
				       struct ecap_scenario *scenario,
				       struct ecap_error *err);
/** Adds the scenario, or replaces the one with the same name. */
ECAP_API int ecap_policy_scenario_set(ecap_policy *policy,
				      const struct ecap_scenario *scenario,
				      struct ecap_error *err);
ECAP_API int ecap_policy_scenario_remove(ecap_policy *policy, const char *name,
					 struct ecap_error *err);

/*
 * Database instance catalog, kept sorted by memory: the guide's
 * db.r6g.xlarge, db.r6g.2xlarge and db.r6g.4xlarge with its prices, plus
 * any added (at most ECAP_MAX_INSTANCE_CLASSES).  It is never empty.
 */
#define ECAP_MAX_INSTANCE_CLASSES 64
struct ecap_instance_class {
	size_t sz;
	/* 1 to 63 printable characters, e.g. "db.r6g.xlarge". */
	char name[64];
	/* Memory of the instance; range > 0 .. 1048576. */
	double memory_gb;
	/* On-demand price; range 0 .. 1000000. */
	double price_usd_per_hour;
	/* vCPUs; range 1 .. 65536. */
	int32_t vcpus;
	int32_t reserved_0;
	size_t :0;
};
#define ecap_instance_class__last_field reserved_0

ECAP_API size_t ecap_policy_instance_class_count(const ecap_policy *policy);
ECAP_API int ecap_policy_instance_class_at(const ecap_policy *policy,
					   size_t index,
					   struct ecap_instance_class *cls,
					   struct ecap_error *err);
ECAP_API int ecap_policy_instance_class_find(const ecap_policy *policy,
					     const char *name,
					     struct ecap_instance_class *cls,
					     struct ecap_error *err);
/** Adds the class, or replaces the one with the same name. */
ECAP_API int ecap_policy_instance_class_set(ecap_policy *policy,
					    const struct ecap_instance_class *cls,
					    struct ecap_error *err);
/** Removes a class; the last one cannot be removed (ECAP_ERR_LIMIT). */
ECAP_API int ecap_policy_instance_class_remove(ecap_policy *policy,
					       const char *name,
					       struct ecap_error *err);

/* ------------------------------------------------------------------------
 * Spark properties (shared by the advisors that render settings)
 */

/*
 * One Spark (or engine) property.  Functions that render properties fill a
 * caller-provided array: the caller sets sz in the first element (e.g.
 * ECAP_STRUCT_INIT on each), the library uses it as the array's stride,
 * takes the capacity in *count and stores the number written; when the
 * array is too small it stores the number needed and returns
 * ECAP_ERR_NOSPACE.
 */
struct ecap_property {
	size_t sz;
	char key[96];
	char value[160];
	size_t :0;
};
#define ecap_property__last_field value

/* ------------------------------------------------------------------------
 * partition sizing
 */
/* @PARTITION@ */

/* ------------------------------------------------------------------------
 * join strategy
 */
/* @JOIN@ */

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
/* @CACHE@ */

/* ------------------------------------------------------------------------
 * executor sizing
 */
/*
 * Spark's memory regions for one executor heap (UnifiedMemoryManager;
 * engine-facts 3.1).  All values in bytes.
 */
struct ecap_spark_memory_regions {
	size_t sz;
	/* The heap (spark.executor.memory) the regions were computed for. */
	uint64_t heap_bytes;
	/* Reserved system memory: policy spark.reserved_memory_mb (300 MiB). */
	uint64_t reserved_bytes;
	/* heap - reserved. */
	uint64_t usable_bytes;
	/* Execution + storage: (long)(usable * spark.memory.fraction). */
	uint64_t unified_bytes;
	/* Storage immune to eviction:
	 * (long)(unified * spark.memory.storageFraction). */
	uint64_t storage_bytes;
	/* unified - storage. */
	uint64_t execution_bytes;
	/* User data structures: usable - unified, i.e.
	 * (heap - reserved) * (1 - spark.memory.fraction). */
	uint64_t user_bytes;
	/* The fractions used (policy spark.memory_fraction and
	 * spark.memory_storage_fraction). */
	double memory_fraction_ratio;
	double storage_fraction_ratio;
	size_t :0;
};
#define ecap_spark_memory_regions__last_field storage_fraction_ratio

/*
 * Splits a heap of heap_bytes into Spark's regions with the policy's
 * fractions.  heap_bytes must be at least Spark's minimum system memory,
 * ceil(1.5 * reserved) (450 MiB), and at most 1 TiB (ECAP_ERR_RANGE).
 */
ECAP_API int ecap_spark_memory_regions(const ecap_policy *policy,
				       uint64_t heap_bytes,
				       struct ecap_spark_memory_regions *out,
				       struct ecap_error *err);

/*
 * Platform that runs the executors; it sets the default memory overhead
 * factor (spark.executor.memoryOverheadFactor).  Values are pinned.
 */
enum ecap_spark_platform {
	/* Not given: policy executor.overhead_factor. */
	ECAP_SPARK_PLATFORM_DEFAULT = 0,
	/* Apache Spark on YARN: 0.10. */
	ECAP_SPARK_PLATFORM_YARN = 1,
	/* Amazon EMR: 0.1875. */
	ECAP_SPARK_PLATFORM_EMR = 2,
	/* Kubernetes, JVM jobs: 0.10. */
	ECAP_SPARK_PLATFORM_KUBERNETES = 3,
	/* Kubernetes, non-JVM (PySpark, R) jobs: 0.40. */
	ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM = 4,
};

/** "default", "yarn", "emr", "kubernetes", "kubernetes-non-jvm"; NULL if unknown. */
ECAP_API const char *ecap_spark_platform_to_string(int32_t platform);
/** Parses a platform name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_spark_platform_from_string(const char *name,
					     int32_t *platform,
					     struct ecap_error *err);

/* Why the executor count is what it is.  Values are pinned. */
enum ecap_executor_reason {
	/* guide: calculate_spark_resources as written. */
	ECAP_EXECUTOR_REASON_GUIDE_FORMULA = 1,
	/* guide: int() truncation left less memory than it says is needed. */
	ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT = 2,
	/* guide: int() truncation gave 0 executors (under ~1.33 GB a day). */
	ECAP_EXECUTOR_REASON_GUIDE_NO_EXECUTORS = 3,
	/* ecap-1: the floor executor.min_executors decided. */
	ECAP_EXECUTOR_REASON_MIN_EXECUTORS = 10,
	/* ecap-1: throughput in the target share of the window decided. */
	ECAP_EXECUTOR_REASON_THROUGHPUT = 11,
	/* ecap-1: the memory needed at the largest heap decided. */
	ECAP_EXECUTOR_REASON_MEMORY = 12,
	/* ecap-1: capped by the maximum executors. */
	ECAP_EXECUTOR_REASON_CAPPED = 13,
};

struct ecap_executor_in {
	size_t sz;
	/* Daily data volume; required, > 0 .. 1073741824 (1 EiB). */
	double daily_data_gb;
	/* Processing window; 0 = policy executor.processing_window_hours
	 * (8); range 0 .. 8760. */
	double processing_window_hours;
	/* enum ecap_spark_platform; 0 = policy executor.overhead_factor. */
	int32_t platform;
	int32_t reserved_0;
	/* Memory overhead factor; 0 = from platform, else policy
	 * executor.overhead_factor (0.10); range 0 .. 10. */
	double overhead_factor;
	/* Most executors; 0 = policy executor.max_executors (20);
	 * range 0 .. 100000, and not below executor.min_executors. */
	int64_t max_executor_count;
	/* Cores per executor; 0 = policy executor.cores (2); 0 .. 256. */
	int64_t executor_core_count;
	/* Node shape, optional: node_vcpu_count 0 = no node shape.  With a
	 * shape, node_memory_gb is required (> 0 .. 1048576). */
	int64_t node_vcpu_count;		/* 0 .. 65536 */
	double node_memory_gb;
	/* Memory YARN (or the kubelet) may give containers; 0 = node memory
	 * minus policy executor.node_reserved_memory_gb; at most
	 * node_memory_gb. */
	double node_yarn_memory_gb;
	/* Node price including any EMR uplift; 0 = price executors with
	 * policy executor.price_usd_per_hour; range 0 .. 1000000. */
	double node_price_usd_per_hour;
	size_t :0;
};
#define ecap_executor_in__last_field node_price_usd_per_hour

struct ecap_executor_out {
	size_t sz;
	/* enum ecap_model and enum ecap_executor_reason. */
	int32_t model;
	int32_t reason;
	char reason_text[256];
	/* spark.executor.instances (guide: may be 0). */
	int64_t executor_count;
	/* spark.executor.cores. */
	int64_t executor_core_count;
	/* spark.executor.memory: the guide's memory_per_executor in GB (may
	 * be fractional), and in bytes (whole MiB, truncated). */
	double executor_heap_gb;
	uint64_t executor_heap_bytes;
	/* The factor used, max(factor * heap, minimum) and heap + overhead
	 * (ResourceProfile; whole MiB). */
	double overhead_factor;
	uint64_t executor_overhead_bytes;
	uint64_t executor_container_bytes;
	/* Spark's regions of executor_heap_bytes (0 when the heap is below
	 * Spark's 450 MiB minimum). */
	uint64_t memory_reserved_bytes;
	uint64_t memory_unified_bytes;
	uint64_t memory_storage_bytes;
	uint64_t memory_execution_bytes;
	uint64_t memory_user_bytes;
	double memory_fraction_ratio;
	double memory_storage_fraction_ratio;
	/* daily_data_gb * executor.memory_multiplier, and executors * heap. */
	double required_memory_gb;
	double total_memory_gb;
	/* required - total when positive (guide truncation, or ecap-1 cap). */
	double memory_shortfall_gb;
	/* executors * container, in GB. */
	double total_container_gb;
	/* With a node shape: nodes and executors per node; else 0. */
	int64_t node_count;
	int64_t executors_per_node_count;
	/* spark.dynamicAllocation.min/initial/maxExecutors. */
	int64_t dynamic_min_executor_count;
	int64_t dynamic_initial_executor_count;
	int64_t dynamic_max_executor_count;
	/* The window used, its target share and the hours the executors
	 * need at executor.throughput_gb_per_hour each (0 with 0
	 * executors). */
	double processing_window_hours;
	double target_hours;
	double projected_hours;
	/* Cost per hour, per processing window (hour cost * window) and for
	 * the projected hours. */
	double cost_usd_per_hour;
	double window_cost_usd;
	double projected_cost_usd;
	/* 1 when the maximum executors capped the count; 1 when
	 * projected_hours fits the window. */
	int32_t capped_by_max_executors;
	int32_t window_met;
	size_t :0;
};
#define ecap_executor_out__last_field window_met

/*
 * Sizes executors for a daily data volume (the guide's
 * calculate_spark_resources, or ecap-1; see ecap_executor_advise(3)).
 */
ECAP_API int ecap_executor_advise(const ecap_policy *policy,
				  const struct ecap_executor_in *in,
				  struct ecap_executor_out *out,
				  struct ecap_error *err);

/*
 * Renders an advice as Spark properties (executor size, memory fraction,
 * dynamic allocation, and the guide's AQE, Kryo and Arrow settings) into a
 * caller's array; *count is its capacity in, the number written (or
 * needed, with ECAP_ERR_NOSPACE) out.
 */
ECAP_API int ecap_executor_spark_properties(const struct ecap_executor_out *advice,
					    struct ecap_property *props,
					    size_t *count,
					    struct ecap_error *err);
/* @EXECUTOR@ */

/* ------------------------------------------------------------------------
 * database sizing
 */
/* @DATABASE@ */

/* ------------------------------------------------------------------------
 * Kafka sizing
 */
/* @KAFKA@ */

/* ------------------------------------------------------------------------
 * growth and projection
 */
/* @PROJECTION@ */


#ifdef __cplusplus
}
#endif

#endif /* ECAPTUNE_H */
