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
/* @JOIN@ */

/* ------------------------------------------------------------------------
 * cache level
 */
/* @CACHE@ */

/* ------------------------------------------------------------------------
 * executor sizing
 */
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
