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
/*
 * What to do with a DataFrame's partitions.  Values are pinned.
 */
enum ecap_partition_action {
	/* The current partition count is already the advised one. */
	ECAP_PARTITION_ACTION_KEEP = 1,
	/* df.coalesce(n): fewer partitions, no shuffle (it cannot add any). */
	ECAP_PARTITION_ACTION_COALESCE = 2,
	/* df.repartition(n): more partitions, with a shuffle.  ecap-1 never
	 * asks for a rebalance to fewer partitions: see
	 * ecap_partition_advise(3). */
	ECAP_PARTITION_ACTION_REPARTITION = 3,
};

/*
 * The rule that decided a partition result.  Values are pinned, never
 * renumbered; each function uses its own range.
 */
enum ecap_partition_reason {
	/* ecap_partition_advise, guide model: coalesce(max(1, int(MB / target))). */
	ECAP_PARTITION_REASON_GUIDE_COALESCE = 1,
	/* As above, but the count exceeds the current one: Spark ignores it. */
	ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP = 2,
	/* ecap-1: the advised count equals the current count. */
	ECAP_PARTITION_REASON_KEEP = 3,
	/* ecap-1: fewer partitions than now. */
	ECAP_PARTITION_REASON_COALESCE = 4,
	/* ecap-1: more partitions than now. */
	ECAP_PARTITION_REASON_REPARTITION = 5,
	/* ecap-1: current count unknown, so a shuffle sets the count. */
	ECAP_PARTITION_REASON_REPARTITION_CURRENT_UNKNOWN = 6,
	/* ecap_partition_scan_tasks: maxSplitBytes is maxPartitionBytes. */
	ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_BYTES = 20,
	/* maxSplitBytes is openCostInBytes (bytesPerCore was smaller). */
	ECAP_PARTITION_REASON_SPLIT_OPEN_COST = 21,
	/* maxSplitBytes is bytesPerCore = totalBytes / minPartitionNum. */
	ECAP_PARTITION_REASON_SPLIT_BYTES_PER_CORE = 22,
	/* The listing holds no non-empty file: no scan task. */
	ECAP_PARTITION_REASON_SPLIT_NO_FILES = 23,
	/* Spark 3.5+: the packing exceeded spark.sql.files.maxPartitionNum,
	 * so the splits were packed again to ceil(total / maxPartitionNum). */
	ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_NUM = 24,
	/* ecap_partition_aqe: the target is the advisory size. */
	ECAP_PARTITION_REASON_AQE_TARGET_ADVISORY = 40,
	/* The target is ceil(total / minNumPartitions) (parallelism first). */
	ECAP_PARTITION_REASON_AQE_TARGET_PARALLELISM = 41,
	/* The target is raised to minPartitionSize. */
	ECAP_PARTITION_REASON_AQE_TARGET_MIN_SIZE = 42,
};

/** "keep", "coalesce" or "repartition"; NULL for an unknown value. */
ECAP_API const char *ecap_partition_action_to_string(int32_t action);
/** Parses an action name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_partition_action_from_string(const char *name,
					       int32_t *action,
					       struct ecap_error *err);
/** Names a reason, e.g. "guide-coalesce"; NULL for an unknown value. */
ECAP_API const char *ecap_partition_reason_to_string(int32_t reason);
/** Parses a reason name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_partition_reason_from_string(const char *name,
					       int32_t *reason,
					       struct ecap_error *err);

/* Largest data size accepted by the partition functions: 1 EiB. */
#define ECAP_PARTITION_MAX_BYTES (INT64_C(1) << 60)
/* Largest file or shuffle partition count accepted. */
#define ECAP_PARTITION_MAX_COUNT INT64_C(10000000)

/* Input of ecap_partition_advise. */
struct ecap_partition_in {
	size_t sz;
	/* Data size; 1 .. ECAP_PARTITION_MAX_BYTES.  0 = unknown: use
	 * row_count * avg_row_bytes. */
	int64_t data_size_bytes;
	/* Rows and average row size, used when data_size_bytes is 0; both
	 * 1 .. ECAP_PARTITION_MAX_BYTES and the product at most
	 * ECAP_PARTITION_MAX_BYTES. */
	int64_t row_count;
	int64_t avg_row_bytes;
	/* Current partition count; 0 = unknown; at most
	 * ECAP_PARTITION_MAX_COUNT. */
	int64_t current_partition_count;
	/* Total executor cores (ecap-1 parallelism floor); 0 = unknown;
	 * at most ECAP_PARTITION_MAX_COUNT. */
	int64_t total_executor_cores;
	size_t :0;
};
#define ecap_partition_in__last_field total_executor_cores

/* Output of ecap_partition_advise. */
struct ecap_partition_out {
	size_t sz;
	/* enum ecap_model that produced the result. */
	int32_t model;
	/* enum ecap_partition_reason. */
	int32_t reason;
	/* enum ecap_partition_action. */
	int32_t action;
	int32_t reserved_0;
	/* The data size used (given, or rows * avg row bytes). */
	int64_t data_size_bytes;
	/* The partition count the action asks for. */
	int64_t partition_count;
	/* Partitions after the action as Spark runs it: a coalesce to more
	 * than the current count leaves the current count. */
	int64_t effective_partition_count;
	/* ceil(data_size_bytes / effective_partition_count). */
	int64_t bytes_per_partition;
	/* ecap-1: cores * partition.min_tasks_per_core; 0 without cores. */
	int64_t parallelism_floor_count;
	char reason_text[256];
	size_t :0;
};
#define ecap_partition_out__last_field reason_text

/**
 * Advises a partition count and the action to reach it from the data
 * size (guide: optimize_partitions; ecap-1: rounded up, parallelism floor,
 * coalesce only to fewer partitions).  See ecap_partition_advise(3).
 */
ECAP_API int ecap_partition_advise(const ecap_policy *policy,
				   const struct ecap_partition_in *in,
				   struct ecap_partition_out *out,
				   struct ecap_error *err);

/* Input of ecap_partition_scan_tasks: a file listing to be scanned. */
struct ecap_partition_scan_in {
	size_t sz;
	/* file_count file sizes, each 0 .. ECAP_PARTITION_MAX_BYTES, sum at
	 * most ECAP_PARTITION_MAX_BYTES; empty files are dropped, as Spark's
	 * file index does.  May be NULL when file_count is 0. */
	const int64_t *file_sizes_bytes;
	/* Optional per-file splittable flags (0 or 1); NULL = every file
	 * is splittable unless not_splittable is 1. */
	const int32_t *file_splittable;
	/* 0 .. ECAP_PARTITION_MAX_COUNT. */
	int64_t file_count;
	/* 0 = files can be split (Parquet, ORC, plain text; the default),
	 * 1 = they cannot (gzip and other non-splittable codecs). */
	int32_t not_splittable;
	int32_t reserved_0;
	/* spark.sql.files.maxPartitionBytes; 0 = 128 MiB; at most
	 * ECAP_PARTITION_MAX_BYTES. */
	int64_t max_partition_bytes;
	/* spark.sql.files.openCostInBytes; 0 = 4 MiB; at most 2^36. */
	int64_t open_cost_bytes;
	/* spark.sql.files.minPartitionNum or the default parallelism;
	 * 0 = max(total_executor_cores, 2); 1 .. 2^31-1. */
	int64_t min_partition_num;
	/* Total executor cores, used when min_partition_num is 0;
	 * 0 .. ECAP_PARTITION_MAX_COUNT. */
	int64_t total_executor_cores;
	/* spark.sql.files.maxPartitionNum (Spark 3.5+); 0 = unset (and
	 * before 3.5); 1 .. 2^31-1. */
	int64_t max_partition_num;
	size_t :0;
};
#define ecap_partition_scan_in__last_field max_partition_num

struct ecap_partition_scan_out {
	size_t sz;
	int32_t model;
	/* enum ecap_partition_reason: which bound set max_split_bytes. */
	int32_t reason;
	/* Scan tasks (FilePartitions) Spark creates. */
	int64_t task_count;
	/* File splits (PartitionedFiles) packed into the tasks. */
	int64_t split_count;
	/* min(maxPartitionBytes, max(openCostInBytes, bytesPerCore)). */
	int64_t max_split_bytes;
	/* Sum over non-empty files of (size + openCostInBytes). */
	int64_t total_bytes;
	/* total_bytes / min_partition_num (integer division). */
	int64_t bytes_per_core;
	/* The minPartitionNum used. */
	int64_t min_partition_num;
	char reason_text[256];
	/* Tasks of the packing by max_split_bytes, before any
	 * maxPartitionNum rescale (equals task_count without one). */
	int64_t size_packed_task_count;
	/* The rescale's desiredSplitBytes = ceil((sum over splits of
	 * length + openCostInBytes) / maxPartitionNum); 0 = no rescale. */
	int64_t rescaled_split_bytes;
	size_t :0;
};
#define ecap_partition_scan_out__last_field rescaled_split_bytes

/**
 * Predicts the number of scan tasks Spark creates for a file listing
 * (FilePartition.maxSplitBytes and getFilePartitions).  Needs a buffer of
 * file_count int64 values (ECAP_ERR_NOMEM).  See ecap_partition_scan_tasks(3).
 */
ECAP_API int ecap_partition_scan_tasks(const ecap_policy *policy,
				       const struct ecap_partition_scan_in *in,
				       struct ecap_partition_scan_out *out,
				       struct ecap_error *err);

/* Input of ecap_partition_aqe: the partition sizes of one shuffle. */
struct ecap_partition_aqe_in {
	size_t sz;
	/* partition_count shuffle partition sizes, each 0 ..
	 * ECAP_PARTITION_MAX_BYTES, sum at most ECAP_PARTITION_MAX_BYTES. */
	const int64_t *partition_sizes_bytes;
	/* 1 .. ECAP_PARTITION_MAX_COUNT. */
	int64_t partition_count;
	/* spark.sql.adaptive.advisoryPartitionSizeInBytes; 0 = the policy's
	 * aqe.advisory_partition_size_mb; at most ECAP_PARTITION_MAX_BYTES. */
	int64_t advisory_partition_size_bytes;
	/* spark.sql.adaptive.coalescePartitions.minPartitionSize; 0 = the
	 * policy's aqe.min_partition_size_mb; at most ECAP_PARTITION_MAX_BYTES. */
	int64_t min_partition_size_bytes;
	/* 1 = spark.sql.adaptive.coalescePartitions.parallelismFirst=false
	 * (minNumPartitions 1, the advisory size is respected); 0 = Spark's
	 * default true (minNumPartitions = the default parallelism). */
	int32_t parallelism_first_disabled;
	int32_t reserved_0;
	/* SparkContext.defaultParallelism; 0 = max(total_executor_cores, 2);
	 * 1 .. 2^31-1.  Needed unless parallelism_first_disabled. */
	int64_t default_parallelism;
	/* 0 .. ECAP_PARTITION_MAX_COUNT. */
	int64_t total_executor_cores;
	size_t :0;
};
#define ecap_partition_aqe_in__last_field total_executor_cores

struct ecap_partition_aqe_out {
	size_t sz;
	int32_t model;
	/* enum ecap_partition_reason: which bound set target_size_bytes. */
	int32_t reason;
	/* Post-shuffle partitions after coalescing (the input count when
	 * coalescing would not reduce it, as Spark then leaves it). */
	int64_t coalesced_partition_count;
	/* max(min(max_target_size_bytes, advisory), minPartitionSize). */
	int64_t target_size_bytes;
	/* max(ceil(total / minNumPartitions), 16). */
	int64_t max_target_size_bytes;
	/* defaultParallelism when parallelism first, else 1. */
	int64_t min_num_partitions;
	/* Sum of the partition sizes. */
	int64_t total_bytes;
	/* Median size (even count: mean of the two middle), at least 1. */
	int64_t median_size_bytes;
	/* Partitions with size > median * factor and size > threshold. */
	int64_t skewed_partition_count;
	/* Split target: max(advisory, mean of the non-skewed sizes). */
	int64_t skew_split_target_bytes;
	/* Tasks the skewed partitions become after splitting. */
	int64_t skew_split_task_count;
	char reason_text[256];
	size_t :0;
};
#define ecap_partition_aqe_out__last_field reason_text

/**
 * Predicts AQE's post-shuffle coalescing (ShufflePartitionsUtil) and its
 * skewed partitions (OptimizeSkewedJoin).  split_counts, if not NULL,
 * receives one split count per partition (1 = not split); *count is its
 * capacity in and the number written (or needed: ECAP_ERR_NOSPACE) out.
 * Needs a copy of the sizes for the median (ECAP_ERR_NOMEM).
 * See ecap_partition_aqe(3).
 */
ECAP_API int ecap_partition_aqe(const ecap_policy *policy,
				const struct ecap_partition_aqe_in *in,
				struct ecap_partition_aqe_out *out,
				int64_t *split_counts, size_t *count,
				struct ecap_error *err);

/**
 * Renders the Spark properties that realise a partition advice (shuffle
 * partitions, file split size, AQE coalescing and skew join settings from
 * the policy) into props; *count is the capacity in and the number
 * written or needed out (ECAP_ERR_NOSPACE).
 */
ECAP_API int ecap_partition_spark_properties(const ecap_policy *policy,
				   const struct ecap_partition_out *advice,
				   struct ecap_property *props, size_t *count,
				   struct ecap_error *err);

/* ------------------------------------------------------------------------
 * join strategy
 */
/*
 * Join strategy advice: which physical join Spark's planner (JoinSelection
 * and JoinSelectionHelper) picks for a join, which hints it ignores and
 * why, and which hint to write under the policy.  See ecap_join_advise(3).
 */

/* Join type (Spark's JoinType).  Values are pinned. */
enum ecap_join_type {
	ECAP_JOIN_INNER = 1,		/* "inner" */
	ECAP_JOIN_CROSS = 2,		/* "cross" */
	ECAP_JOIN_LEFT_OUTER = 3,	/* "left_outer" */
	ECAP_JOIN_RIGHT_OUTER = 4,	/* "right_outer" */
	ECAP_JOIN_FULL_OUTER = 5,	/* "full_outer" */
	ECAP_JOIN_LEFT_SEMI = 6,	/* "left_semi" */
	ECAP_JOIN_LEFT_ANTI = 7,	/* "left_anti" */
};

/* Join strategy hint on one side, spelled as in Spark.  Values are pinned. */
enum ecap_join_hint {
	ECAP_JOIN_HINT_NONE = 0,		/* "none" */
	ECAP_JOIN_HINT_BROADCAST = 1,		/* "BROADCAST" */
	ECAP_JOIN_HINT_MERGE = 2,		/* "MERGE" */
	ECAP_JOIN_HINT_SHUFFLE_HASH = 3,	/* "SHUFFLE_HASH" */
	ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL = 4, /* "SHUFFLE_REPLICATE_NL" */
};

/* Physical join, named as in Spark's plans.  Values are pinned. */
enum ecap_join_strategy {
	ECAP_JOIN_STRATEGY_BROADCAST_HASH = 1,	/* "BroadcastHashJoin" */
	ECAP_JOIN_STRATEGY_SHUFFLE_HASH = 2,	/* "ShuffledHashJoin" */
	ECAP_JOIN_STRATEGY_SORT_MERGE = 3,	/* "SortMergeJoin" */
	ECAP_JOIN_STRATEGY_CARTESIAN = 4,	/* "CartesianProduct" */
	ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP = 5, /* "BroadcastNestedLoopJoin" */
};

/* Build (or broadcast) side.  Values are pinned. */
enum ecap_join_build_side {
	ECAP_JOIN_BUILD_NONE = 0,	/* "none" (sort-merge, cartesian) */
	ECAP_JOIN_BUILD_LEFT = 1,	/* "left" */
	ECAP_JOIN_BUILD_RIGHT = 2,	/* "right" */
};

/* Rule that decided a strategy or a recommendation.  Values are pinned. */
enum ecap_join_reason {
	/* Spark's choice (strategy_reason). */
	ECAP_JOIN_REASON_HINT_BROADCAST_HASH = 1,
	ECAP_JOIN_REASON_HINT_SORT_MERGE = 2,
	ECAP_JOIN_REASON_HINT_SHUFFLE_HASH = 3,
	ECAP_JOIN_REASON_HINT_CARTESIAN = 4,
	ECAP_JOIN_REASON_BROADCAST_BY_SIZE = 5,
	ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE = 6,
	ECAP_JOIN_REASON_SORT_MERGE_SORTABLE = 7,
	ECAP_JOIN_REASON_CARTESIAN_INNER_LIKE = 8,
	ECAP_JOIN_REASON_NESTED_LOOP_FALLBACK = 9,
	ECAP_JOIN_REASON_HINT_BROADCAST_NESTED_LOOP = 10,
	ECAP_JOIN_REASON_BROADCAST_NESTED_LOOP_BY_SIZE = 11,
	/* ecap-1 recommendation (reason). */
	ECAP_JOIN_REASON_ECAP_BROADCAST = 20,
	ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH = 21,
	ECAP_JOIN_REASON_ECAP_SORT_MERGE = 22,
	ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH_UNSORTABLE = 23,
	ECAP_JOIN_REASON_ECAP_CARTESIAN = 24,
	ECAP_JOIN_REASON_ECAP_BROADCAST_NESTED_LOOP = 25,
	ECAP_JOIN_REASON_ECAP_NESTED_LOOP_FALLBACK = 26,
	/* guide recommendation (reason): the guide's optimize_join. */
	ECAP_JOIN_REASON_GUIDE_BROADCAST = 30,
	ECAP_JOIN_REASON_GUIDE_SHUFFLE_HASH = 31,
};

/* Why Spark ignores a side's hint.  Values are pinned. */
enum ecap_join_hint_ignored {
	ECAP_JOIN_HINT_USED = 0,		/* applied, or no hint */
	/* The join type cannot build (broadcast or hash) the hinted side. */
	ECAP_JOIN_HINT_IGNORED_BUILD_SIDE = 1,
	/* MERGE on keys that are not sortable. */
	ECAP_JOIN_HINT_IGNORED_NOT_SORTABLE = 2,
	/* SHUFFLE_REPLICATE_NL on a join that is not inner-like. */
	ECAP_JOIN_HINT_IGNORED_NOT_INNER_LIKE = 3,
	/* MERGE or SHUFFLE_HASH without equi-join keys (checkHintNonEquiJoin). */
	ECAP_JOIN_HINT_IGNORED_NO_EQUI_KEYS = 4,
	/* A hint of higher precedence on the other side was applied. */
	ECAP_JOIN_HINT_IGNORED_OVERRIDDEN = 5,
	/* Both sides carry the hint; Spark builds the other side. */
	ECAP_JOIN_HINT_IGNORED_OTHER_SIDE_BUILT = 6,
};

/* Warning bits (warning_flags, recommended_warning_flags). */
#define ECAP_JOIN_WARN_BROADCAST_BYTES_LIMIT	(1 << 0) /* >= 8 GiB */
#define ECAP_JOIN_WARN_BROADCAST_ROWS_LIMIT	(1 << 1) /* rows over the limit */
#define ECAP_JOIN_WARN_NESTED_LOOP_OOM		(1 << 2) /* BNLJ may OOM */
#define ECAP_JOIN_WARN_SHUFFLE_HASH_MEMORY	(1 << 3) /* build > task memory */
#define ECAP_JOIN_WARN_HINT_IGNORED		(1 << 4) /* written hint ignored */

/* Spark's hard broadcast limits (BroadcastExchangeExec). */
#define ECAP_JOIN_MAX_BROADCAST_BYTES INT64_C(8589934592)	/* 8L << 30 */
#define ECAP_JOIN_MAX_BROADCAST_ROWS_HASH INT64_C(357913941)	/* (1 << 29) / 1.5 */
#define ECAP_JOIN_MAX_BROADCAST_ROWS_LONG INT64_C(512000000)	/* LongType key, BNLJ */

struct ecap_join_in {
	size_t sz;
	/* enum ecap_join_type; 0 = inner (Spark's default). */
	int32_t join_type;
	/* 1: the join has no equi-join keys (a non-equi or cross join). */
	int32_t no_equi_keys;
	/* 1: the equi-join keys are not sortable (RowOrdering.isOrderable). */
	int32_t keys_not_sortable;
	/* 1: the only key is a LongType (bigint) column: 512,000,000 rows
	 * may be broadcast instead of 357,913,941. */
	int32_t single_bigint_key;
	/* Spark's sizeInBytes estimate of each side; 0 = unknown, taken as
	 * spark.sql.defaultSizeInBytes (Long.MaxValue); at most 2^60. */
	int64_t left_size_bytes;
	int64_t right_size_bytes;
	/* Row count of each side; 0 = unknown; at most 10^15. */
	int64_t left_row_count;
	int64_t right_row_count;
	/* enum ecap_join_hint on each side; 0 = none. */
	int32_t left_hint;
	int32_t right_hint;
	/* spark.sql.autoBroadcastJoinThreshold; 0 = policy
	 * join.broadcast_threshold_mb, -1 disables, else 1 .. 8 GiB. */
	int64_t broadcast_threshold_bytes;
	/* spark.sql.shuffle.partitions; 0 = policy join.shuffle_partitions;
	 * 1 .. 1000000. */
	int64_t shuffle_partitions_count;
	/* Spark version 3.0 .. 4.99; both 0 = 3.5. */
	int32_t spark_version_major;
	int32_t spark_version_minor;
	/* guide model: enum ecap_join_build_side of optimize_join's small_df;
	 * 0 = right (optimize_join(large_df, small_df)). */
	int32_t guide_small_side;
	/* Cores (concurrent tasks) per executor; 0 = policy executor.cores. */
	int32_t executor_cores_count;
	/* Executor JVM heap (spark.executor.memory); 0 = unknown; at least
	 * 1.5 x spark.reserved_memory_mb, at most 2^44. */
	int64_t executor_heap_bytes;
	/* Unified execution memory of one executor; 0 = derive from the heap
	 * ((heap - reserved) x spark.memory_fraction); at most 2^44. */
	int64_t execution_memory_bytes;
	size_t :0;
};
#define ecap_join_in__last_field execution_memory_bytes

struct ecap_join_out {
	size_t sz;
	/* enum ecap_model that produced the recommendation. */
	int32_t model;
	/* enum ecap_join_reason of the recommendation. */
	int32_t reason;
	/* One sentence: the rule and numbers behind the recommendation. */
	char reason_text[256];
	/* Spark's choice for the given hints: enum ecap_join_strategy,
	 * enum ecap_join_build_side, enum ecap_join_reason. */
	int32_t strategy;
	int32_t build_side;
	int32_t strategy_reason;
	/* 1 when the side's hint is ignored; enum ecap_join_hint_ignored. */
	int32_t left_hint_ignored;
	int32_t left_hint_ignored_reason;
	int32_t right_hint_ignored;
	int32_t right_hint_ignored_reason;
	/* ECAP_JOIN_WARN_* bits for Spark's choice. */
	int32_t warning_flags;
	/* The rule that decided Spark's choice, with the numbers. */
	char strategy_text[256];
	/* Why hints are ignored; empty when none is. */
	char hint_text[256];
	/* The warnings of Spark's choice; empty when none. */
	char warning_text[256];
	/* The hint to write (enum ecap_join_hint) and on which side
	 * (enum ecap_join_build_side; none for no hint). */
	int32_t recommended_hint;
	int32_t recommended_hint_side;
	/* What Spark picks with that hint as the only hint. */
	int32_t recommended_strategy;
	int32_t recommended_build_side;
	/* ECAP_JOIN_WARN_* bits of the recommended plan, and their text. */
	int32_t recommended_warning_flags;
	int32_t reserved_0;
	char recommended_warning_text[256];
	/* The values used: threshold (-1 disabled), partitions, factor of
	 * muchSmaller (3 before Spark 3.3), version, execution memory per task
	 * (0 when unknown). */
	int64_t broadcast_threshold_bytes;
	int64_t shuffle_partitions_count;
	double shuffle_hash_factor;
	int32_t spark_version_major;
	int32_t spark_version_minor;
	int64_t execution_memory_per_task_bytes;
	size_t :0;
};
#define ecap_join_out__last_field execution_memory_per_task_bytes

/**
 * Predicts the join Spark picks and recommends the hint to write under the
 * policy's model.  ECAP_OK or an error; *out is zeroed first.
 */
ECAP_API int ecap_join_advise(const ecap_policy *policy,
			      const struct ecap_join_in *in,
			      struct ecap_join_out *out,
			      struct ecap_error *err);

/*
 * Enum names.  *_to_string returns a static string, NULL for an unknown
 * value (ecap_join_type_to_string(0) too).  *_from_string parses a name,
 * case-insensitively with Spark's aliases, or fails with
 * ECAP_ERR_UNKNOWN_ENUM.
 */
ECAP_API const char *ecap_join_type_to_string(int32_t join_type);
ECAP_API int ecap_join_type_from_string(const char *name, int32_t *join_type,
					struct ecap_error *err);
ECAP_API const char *ecap_join_hint_to_string(int32_t hint);
ECAP_API int ecap_join_hint_from_string(const char *name, int32_t *hint,
					struct ecap_error *err);
ECAP_API const char *ecap_join_strategy_to_string(int32_t strategy);
ECAP_API int ecap_join_strategy_from_string(const char *name,
					    int32_t *strategy,
					    struct ecap_error *err);
ECAP_API const char *ecap_join_build_side_to_string(int32_t side);
ECAP_API int ecap_join_build_side_from_string(const char *name,
					      int32_t *side,
					      struct ecap_error *err);

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
	/* ecap-1: capped by the maximum executors; the heap rose so the
	 * capped executors still hold the memory needed. */
	ECAP_EXECUTOR_REASON_CAPPED = 13,
	/* ecap-1: capped, and even the largest heap
	 * (executor.capped_memory_max_gb, or the node's container memory)
	 * cannot hold the memory needed: memory_shortfall_gb > 0. */
	ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE = 14,
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
	/* required - total when positive (guide truncation, or an ecap-1
	 * cap the largest heap cannot make up for). */
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

/* ------------------------------------------------------------------------
 * database sizing
 */
/*
 * PostgreSQL sizing: storage, memory, instance class, cost and the
 * parameter group for a transaction volume (the guide's
 * calculate_database_resources and its RDS parameter group).
 *
 * guide:  daily_storage_gb = tx * transaction_size_kb * index_overhead
 *         / 1024 / 1024; data = daily * retention * analytics_multiplier;
 *         memory = max(min_memory_gb, data * memory_share_ratio);
 *         db.r6g.xlarge if memory <= 32, db.r6g.2xlarge if <= 64, else
 *         db.r6g.4xlarge (even when it holds less); storage_gb =
 *         int(data * (1 + storage_buffer_ratio)).
 * ecap-1: the same memory and data; the smallest class of the policy's
 *         catalog whose memory_gb >= memory, or, when none does, the largest
 *         with fits_flag 0 and instances_needed_count = ceil(memory /
 *         largest); storage_gb rounded up.
 */
#define ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY 1e12

/* Why the instance class was chosen (pinned values). */
enum ecap_database_reason {
	/* guide: memory within the guide's <= 32 / <= 64 / else rule. */
	ECAP_DATABASE_REASON_GUIDE_THRESHOLD = 1,
	/* guide: above 64 GB the guide picks db.r6g.4xlarge, which holds
	 * less than the memory required. */
	ECAP_DATABASE_REASON_GUIDE_UNDERSIZED = 2,
	/* ecap-1: the smallest class that holds the memory required. */
	ECAP_DATABASE_REASON_SMALLEST_FIT = 3,
	/* ecap-1: no class holds it; the largest, times
	 * instances_needed_count. */
	ECAP_DATABASE_REASON_NONE_FITS = 4,
};

struct ecap_database_in {
	size_t sz;
	/* Transactions a day; range 0 .. 1e12 (required). */
	double transactions_per_day;
	/* Days kept; 0 = policy database.retention_days; range 0 .. 36500. */
	int64_t retention_days;
	size_t :0;
};
#define ecap_database_in__last_field retention_days

struct ecap_database_out {
	size_t sz;
	/* enum ecap_model and enum ecap_database_reason. */
	int32_t model;
	int32_t reason;
	/* Transaction data with indexes written a day. */
	double daily_storage_gb;
	/* Data kept: daily * retention * analytics multiplier. */
	double data_storage_gb;
	/* Storage to provision with the buffer: an integral number of GB
	 * (guide truncated, ecap-1 rounded up). */
	double storage_gb;
	/* Memory required: max(min, data * memory share). */
	double memory_required_gb;
	/* The chosen class, its memory, vCPUs and price. */
	char instance_class[64];
	double instance_memory_gb;
	int32_t instance_vcpus;
	/* 1 when one instance of the class holds memory_required_gb. */
	int32_t fits_flag;
	/* Instances the memory needs: 1, or ceil(memory / class memory). */
	int64_t instances_needed_count;
	double price_usd_per_hour;
	/* price * cost.hours_per_month * instances_needed_count. */
	double cost_usd_per_month;
	/* PostgreSQL parameters for one instance of the class, in kB. */
	int64_t max_connections_count;
	int64_t shared_buffers_kb;		/* RAM / 4 */
	int64_t effective_cache_size_kb;	/* RAM * 3 / 4 */
	int64_t maintenance_work_mem_kb;	/* policy, 256MB */
	double checkpoint_completion_target_ratio; /* policy, 0.7 */
	int64_t wal_buffers_kb;			/* policy, 16MB */
	/* vCPUs when >= 4, else 8 (PGTune). */
	int64_t max_worker_processes_count;
	/* max(4096, floor((RAM - shared_buffers) / ((max_connections +
	 * max_worker_processes) * 3))), PGTune 2025. */
	int64_t work_mem_kb;
	/* Connection pool (the guide's DATABASE_CONFIG). */
	int64_t pool_size_count;
	int64_t pool_max_overflow_count;
	int64_t pool_timeout_seconds;
	int64_t pool_recycle_seconds;
	int32_t pool_pre_ping_flag;
	int32_t reserved_0;
	char reason_text[256];
	size_t :0;
};
#define ecap_database_out__last_field reason_text

/** Sizes a PostgreSQL database (see above and ecap_database_advise(3)). */
ECAP_API int ecap_database_advise(const ecap_policy *policy,
				  const struct ecap_database_in *in,
				  struct ecap_database_out *out,
				  struct ecap_error *err);
/**
 * Renders out's PostgreSQL parameters as properties with units ("8GB",
 * "256MB", "41120kB"), in a caller's array (struct ecap_property rules).
 */
ECAP_API int ecap_database_properties(const struct ecap_database_out *out,
				      struct ecap_property *props,
				      size_t *count, struct ecap_error *err);

/* ------------------------------------------------------------------------
 * Kafka sizing
 */
/*
 * Kafka sizing: partitions, brokers, storage per broker and cost for an
 * event rate (the guide's calculate_kafka_resources).
 *
 * guide:  daily_storage_gb = eps * 86400 * event_size_kb * RF / 1024 / 1024;
 *         total = daily * retention_hours / 24; partitions = max(12,
 *         int(daily * 1024 / 50)); brokers = max(3, int(partitions / 10));
 *         storage_per_broker_gb = int(total / brokers * 1.3).
 * ecap-1: partitions = max(ceil(peak / partition throughput), consumers,
 *         min partitions); storage = (rate * retention * RF + one segment
 *         per partition replica) * (1 + buffer); brokers = the largest of
 *         the storage, throughput, partition-replica and minimum limits.
 */
#define ECAP_KAFKA_MAX_EVENTS_PER_SECOND 1e10

/* The limit that decided the broker count (pinned values). */
enum ecap_kafka_reason {
	/* The minimum: kafka.min_brokers (3), or the replication factor
	 * when larger (ecap-1). */
	ECAP_KAFKA_REASON_MINIMUM = 1,
	/* guide: int(partitions / kafka.guide_partitions_per_broker). */
	ECAP_KAFKA_REASON_GUIDE_PARTITIONS = 2,
	/* ecap-1: disk for the retained data. */
	ECAP_KAFKA_REASON_STORAGE = 3,
	/* ecap-1: write throughput at the peak, replicas included. */
	ECAP_KAFKA_REASON_THROUGHPUT = 4,
	/* ecap-1: partition replicas per broker. */
	ECAP_KAFKA_REASON_PARTITION_REPLICAS = 5,
};

struct ecap_kafka_in {
	size_t sz;
	/* Average events a second; range 0 .. 1e10 (required). */
	double events_per_second;
	/* Peak events a second; 0 = events_per_second * peak_factor; range
	 * events_per_second .. 1e10.  ecap-1 only. */
	double peak_events_per_second;
	/* 0 = policy kafka.peak_factor (2); range 1 .. 100.  ecap-1 only. */
	double peak_factor;
	/* 0 = policy kafka.event_size_kb (0.75); range 0 .. 1048576. */
	double event_size_kb;
	/* 0 = policy kafka.replication_factor (3); range 0 .. 32. */
	int64_t replication_factor;
	/* 0 = policy kafka.retention_hours (168); range 0 .. 876000. */
	double retention_hours;
	/* 0 = policy kafka.partition_throughput_events_per_second (1000);
	 * range 0 .. 1e9.  ecap-1 only. */
	double partition_throughput_events_per_second;
	/* Consumers in the largest consumer group; 0 = none given; range
	 * 0 .. 1e7.  ecap-1 only. */
	int64_t consumer_count;
	/* 0 = policy kafka.broker_disk_gb (1000); range 0 .. 1e9.  ecap-1. */
	double broker_disk_gb;
	/* 0 = policy kafka.broker_throughput_mb_per_second (50); range
	 * 0 .. 1e9.  ecap-1 only. */
	double broker_throughput_mb_per_second;
	/* 0 = policy kafka.max_partition_replicas_per_broker (4000); range
	 * 0 .. 1e7.  ecap-1 only. */
	int64_t max_partition_replicas_per_broker;
	size_t :0;
};
#define ecap_kafka_in__last_field max_partition_replicas_per_broker

struct ecap_kafka_out {
	size_t sz;
	/* enum ecap_model and enum ecap_kafka_reason. */
	int32_t model;
	int32_t reason;
	/* The peak rate sized for (ecap-1; the average for guide). */
	double peak_events_per_second;
	/* Average ingress before replication, MB/s. */
	double ingress_mb_per_second;
	/* Replicated data written a day. */
	double daily_storage_gb;
	/* Replicated data retained. */
	double data_storage_gb;
	/* ecap-1: one open segment per partition replica (0 for guide). */
	double segment_allowance_gb;
	/* ecap-1: (data + allowance) * (1 + buffer); guide: data. */
	double total_storage_gb;
	int64_t partitions_count;
	int64_t brokers_count;
	/* ecap-1: brokers each limit needs (0 for guide). */
	int64_t brokers_by_storage_count;
	int64_t brokers_by_throughput_count;
	int64_t brokers_by_partition_replicas_count;
	int64_t brokers_minimum_count;
	/* guide: int(total / brokers * 1.3); ecap-1: ceil(total / brokers). */
	double storage_per_broker_gb;
	/* brokers * kafka.broker_price_usd_per_hour * cost.hours_per_month. */
	double cost_usd_per_month;
	int64_t replication_factor_count;
	/* RF - 1, at least 1 (2 for RF 3). */
	int64_t min_insync_replicas_count;
	/* Producer acks: "all" when RF >= 2, else "1". */
	char acks[8];
	/* Policy kafka.instance_type. */
	char instance_type[64];
	char reason_text[256];
	size_t :0;
};
#define ecap_kafka_out__last_field reason_text

/** Sizes a Kafka cluster (see above and ecap_kafka_advise(3)). */
ECAP_API int ecap_kafka_advise(const ecap_policy *policy,
			       const struct ecap_kafka_in *in,
			       struct ecap_kafka_out *out,
			       struct ecap_error *err);

/* ------------------------------------------------------------------------
 * growth and projection
 */
/*
 * Growth projection (the guide's project_capacity_needs): per year the base
 * and peak daily transactions of a scenario and the Spark, database and
 * Kafka advice for the peak, with monthly costs; and a Monte Carlo version
 * whose growth and seasonal peak are random (ecap_projection_run(3)).
 */
#define ECAP_PROJECTION_MAX_YEARS 50

struct ecap_projection_in {
	size_t sz;
	/* Today's daily transactions; range 0 .. 1e12 (required). */
	double current_daily_transactions;
	/* Years to project; range 1 .. 50 (required). */
	int64_t years;
	/* Scenario name; "" = policy growth.default_scenario. */
	char scenario[64];
	size_t :0;
};
#define ecap_projection_in__last_field scenario

/* One projected year.  The caller sets sz of the first array element. */
struct ecap_projection_year {
	size_t sz;
	/* enum ecap_model. */
	int32_t model;
	/* 1 .. years. */
	int32_t year;
	/* current * (1 + growth) ^ year, and that * seasonal peak; guide:
	 * int() of each, as the guide reports them. */
	double base_daily_transactions;
	double peak_daily_transactions;
	/* Spark: peak / growth.transactions_per_gb GB a day. */
	double spark_daily_data_gb;
	int64_t spark_executors_count;
	double spark_executor_memory_gb;
	double spark_cost_usd_per_hour;
	/* Cost per hour * executor.processing_window_hours * days a month
	 * (cost.hours_per_month / 24): the cluster runs its daily window. */
	double spark_cost_usd_per_month;
	/* ecap_database_advise for the peak. */
	char database_instance_class[64];
	double database_memory_required_gb;
	double database_storage_gb;
	int32_t database_reason;
	int32_t database_fits_flag;
	int64_t database_instances_count;
	double database_cost_usd_per_month;
	/* ecap_kafka_advise for peak / 86400 events/s (ecap-1: peak
	 * events/s = that * growth.intraday_peak_factor). */
	double kafka_events_per_second;
	double kafka_peak_events_per_second;
	int64_t kafka_partitions_count;
	int64_t kafka_brokers_count;
	double kafka_storage_per_broker_gb;
	int32_t kafka_reason;
	int32_t reserved_0;
	double kafka_cost_usd_per_month;
	/* Spark + database + Kafka. */
	double total_cost_usd_per_month;
	char reason_text[256];
	size_t :0;
};
#define ecap_projection_year__last_field reason_text

/**
 * Projects in->years years into years[] (capacity *count in, years written
 * out; ECAP_ERR_NOSPACE with the count needed).  Unknown scenario:
 * ECAP_ERR_NOT_FOUND.
 */
ECAP_API int ecap_projection_run(const ecap_policy *policy,
				 const struct ecap_projection_in *in,
				 struct ecap_projection_year *years,
				 size_t *count, struct ecap_error *err);
/** Renders count projected years as JSON; free *json with ecap_free(). */
ECAP_API int ecap_projection_to_json(const struct ecap_projection_year *years,
				     size_t count, char **json,
				     struct ecap_error *err);

struct ecap_projection_montecarlo_in {
	size_t sz;
	/* As in struct ecap_projection_in. */
	double current_daily_transactions;
	int64_t years;
	char scenario[64];
	/* Seed of the generator (SplitMix64 seeding xoshiro256**). */
	uint64_t seed;
	/* Paths; 0 = policy growth.montecarlo_paths; range 0 .. 1e6. */
	int64_t paths_count;
	size_t :0;
};
#define ecap_projection_montecarlo_in__last_field paths_count

/* Nearest-rank percentiles of one year over all paths. */
struct ecap_projection_montecarlo_year {
	size_t sz;
	int32_t model;
	int32_t year;
	double spark_executors_p50_count;
	double spark_executors_p90_count;
	double spark_executors_p99_count;
	double database_memory_p50_gb;
	double database_memory_p90_gb;
	double database_memory_p99_gb;
	double kafka_brokers_p50_count;
	double kafka_brokers_p90_count;
	double kafka_brokers_p99_count;
	double total_cost_p50_usd_per_month;
	double total_cost_p90_usd_per_month;
	double total_cost_p99_usd_per_month;
	size_t :0;
};
#define ecap_projection_montecarlo_year__last_field total_cost_p99_usd_per_month

/** Monte Carlo projection; the array rules of ecap_projection_run(). */
ECAP_API int ecap_projection_montecarlo(
	const ecap_policy *policy,
	const struct ecap_projection_montecarlo_in *in,
	struct ecap_projection_montecarlo_year *years, size_t *count,
	struct ecap_error *err);
/** Renders count Monte Carlo years as JSON; free with ecap_free(). */
ECAP_API int ecap_projection_montecarlo_to_json(
	const struct ecap_projection_montecarlo_year *years, size_t count,
	char **json, struct ecap_error *err);

#ifdef __cplusplus
}
#endif

#endif /* ECAPTUNE_H */
