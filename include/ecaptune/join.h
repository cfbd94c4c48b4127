/* SPDX-License-Identifier: MIT */
/*
 * ecaptune/join.h - join strategy.
 *
 * Part of the public interface; include <ecaptune.h>, not this file.
 */
#ifndef ECAPTUNE_JOIN_H
#define ECAPTUNE_JOIN_H

#ifndef ECAPTUNE_H
#error "include <ecaptune.h> instead of <ecaptune/join.h>"
#endif

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
	/* enum ecap_join_reason of the recommendation;
	 * ecap_join_explain() says it in a sentence. */
	int32_t reason;
	/* Spark's choice for the given hints: enum ecap_join_strategy,
	 * enum ecap_join_build_side, enum ecap_join_reason
	 * (ecap_join_explain_part(ECAP_JOIN_TEXT_STRATEGY)). */
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
	/* The hint to write (enum ecap_join_hint) and on which side
	 * (enum ecap_join_build_side; none for no hint). */
	int32_t recommended_hint;
	int32_t recommended_hint_side;
	/* What Spark picks with that hint as the only hint. */
	int32_t recommended_strategy;
	int32_t recommended_build_side;
	/* ECAP_JOIN_WARN_* bits of the recommended plan. */
	int32_t recommended_warning_flags;
	/* The inputs that decided, as used: join type (never 0), the key
	 * flags and the hints of struct ecap_join_in, and 1 when the policy
	 * prefers sort-merge (join.prefer_sort_merge). */
	int32_t join_type;
	int32_t no_equi_keys;
	int32_t keys_not_sortable;
	int32_t single_bigint_key;
	int32_t left_hint;
	int32_t right_hint;
	int32_t prefer_sort_merge;
	/* Each side's size (an unknown size is Spark's defaultSizeInBytes,
	 * INT64_MAX) and row count (0 = unknown). */
	int64_t left_size_bytes;
	int64_t right_size_bytes;
	int64_t left_row_count;
	int64_t right_row_count;
	/* guide model: the row count below which optimize_join broadcasts
	 * (policy join.guide_broadcast_max_rows); 0 under ecap-1. */
	int64_t guide_broadcast_max_rows;
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

/* Which text of an advice ecap_join_explain_part() writes.  Values are
 * pinned. */
enum ecap_join_text {
	/* The recommendation: the rule, its numbers and the hint to write
	 * (what ecap_join_explain() writes). */
	ECAP_JOIN_TEXT_RECOMMENDATION = 1,
	/* The rule that decided Spark's choice, with the numbers. */
	ECAP_JOIN_TEXT_STRATEGY = 2,
	/* Why hints are ignored; "" when none is. */
	ECAP_JOIN_TEXT_HINTS = 3,
	/* The warnings of Spark's choice; "" when none. */
	ECAP_JOIN_TEXT_WARNINGS = 4,
	/* The warnings of the recommended plan; "" when none. */
	ECAP_JOIN_TEXT_RECOMMENDED_WARNINGS = 5,
};

/**
 * Writes the sentence behind advice's recommendation (the rule and the
 * numbers that decided) into buf[size], NUL-terminated.  A buffer of
 * ECAP_EXPLAIN_MAX bytes always suffices; a smaller one receives the
 * truncated sentence and ECAP_ERR_NOSPACE.  No text is formatted by
 * ecap_join_advise() itself.
 */
ECAP_API int ecap_join_explain(const struct ecap_join_out *advice, char *buf,
			       size_t size, struct ecap_error *err);
/**
 * As ecap_join_explain(), for one text of the advice (enum
 * ecap_join_text): Spark's choice, the ignored hints or the warnings.
 */
ECAP_API int ecap_join_explain_part(const struct ecap_join_out *advice,
				    int32_t part, char *buf, size_t size,
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
/* Reason names are lower-case and '-' separated, e.g.
 * "broadcast-by-size", "ecap-sort-merge", "guide-broadcast". */
ECAP_API const char *ecap_join_reason_to_string(int32_t reason);
ECAP_API int ecap_join_reason_from_string(const char *name, int32_t *reason,
					  struct ecap_error *err);
/* "used", "build-side", "not-sortable", "not-inner-like", "no-equi-keys",
 * "overridden", "other-side-built". */
ECAP_API const char *ecap_join_hint_ignored_to_string(int32_t why);
ECAP_API int ecap_join_hint_ignored_from_string(const char *name,
						int32_t *why,
						struct ecap_error *err);
/* One ECAP_JOIN_WARN_* bit: "broadcast-bytes-limit",
 * "broadcast-rows-limit", "nested-loop-oom", "shuffle-hash-memory",
 * "hint-ignored"; NULL for anything but one known bit. */
ECAP_API const char *ecap_join_warning_to_string(int32_t bit);
ECAP_API int ecap_join_warning_from_string(const char *name, int32_t *bit,
					   struct ecap_error *err);
/* "recommendation", "strategy", "hints", "warnings",
 * "recommended-warnings". */
ECAP_API const char *ecap_join_text_to_string(int32_t part);
ECAP_API int ecap_join_text_from_string(const char *name, int32_t *part,
					struct ecap_error *err);

#endif /* ECAPTUNE_JOIN_H */
