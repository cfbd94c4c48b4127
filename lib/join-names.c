/* SPDX-License-Identifier: MIT */
/*
 * join-names.c - the names of the join family's enums: join types, Spark's
 * hint and operator names, build sides, reasons, ignored hints, warnings
 * and text parts, with every ecap_join_*_to_string and _from_string.
 */
#include "internal.h"

/* ------------------------------------------------------------------------
 * enum names
 */

static const struct ecap__enum_name join_type_names[] = {
	{ ECAP_JOIN_INNER, { "inner", NULL } },
	{ ECAP_JOIN_CROSS, { "cross", NULL } },
	{ ECAP_JOIN_LEFT_OUTER, { "left_outer", "left", "leftouter", NULL } },
	{ ECAP_JOIN_RIGHT_OUTER, { "right_outer", "right", "rightouter", NULL } },
	{ ECAP_JOIN_FULL_OUTER,
	  { "full_outer", "full", "fullouter", "outer", NULL } },
	{ ECAP_JOIN_LEFT_SEMI, { "left_semi", "leftsemi", "semi", NULL } },
	{ ECAP_JOIN_LEFT_ANTI, { "left_anti", "leftanti", "anti", NULL } },
	{ 0, { NULL } },
};

/* Spark's hint names (ResolveHints.ResolveJoinStrategyHints). */
static const struct ecap__enum_name hint_names[] = {
	{ ECAP_JOIN_HINT_NONE, { "none", NULL } },
	{ ECAP_JOIN_HINT_BROADCAST,
	  { "BROADCAST", "broadcastjoin", "mapjoin", NULL } },
	{ ECAP_JOIN_HINT_MERGE, { "MERGE", "shufflemerge", "mergejoin", NULL } },
	{ ECAP_JOIN_HINT_SHUFFLE_HASH, { "SHUFFLE_HASH", NULL } },
	{ ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL, { "SHUFFLE_REPLICATE_NL", NULL } },
	{ 0, { NULL } },
};

/* Operator names of Spark's physical plans. */
static const struct ecap__enum_name strategy_names[] = {
	{ ECAP_JOIN_STRATEGY_BROADCAST_HASH,
	  { "BroadcastHashJoin", "broadcasthash", NULL } },
	{ ECAP_JOIN_STRATEGY_SHUFFLE_HASH,
	  { "ShuffledHashJoin", "shufflehash", "shufflehashjoin", NULL } },
	{ ECAP_JOIN_STRATEGY_SORT_MERGE, { "SortMergeJoin", "sortmerge", NULL } },
	{ ECAP_JOIN_STRATEGY_CARTESIAN,
	  { "CartesianProduct", "cartesian", NULL } },
	{ ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP,
	  { "BroadcastNestedLoopJoin", "broadcastnestedloop", NULL } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name side_names[] = {
	{ ECAP_JOIN_BUILD_NONE, { "none", NULL } },
	{ ECAP_JOIN_BUILD_LEFT, { "left", "buildleft", NULL } },
	{ ECAP_JOIN_BUILD_RIGHT, { "right", "buildright", NULL } },
	{ 0, { NULL } },
};

/* Lower-case, '-' separated, as the partition reasons. */
static const struct ecap__enum_name reason_names[] = {
	{ ECAP_JOIN_REASON_HINT_BROADCAST_HASH, { "hint-broadcast-hash", NULL } },
	{ ECAP_JOIN_REASON_HINT_SORT_MERGE, { "hint-sort-merge", NULL } },
	{ ECAP_JOIN_REASON_HINT_SHUFFLE_HASH, { "hint-shuffle-hash", NULL } },
	{ ECAP_JOIN_REASON_HINT_CARTESIAN, { "hint-cartesian", NULL } },
	{ ECAP_JOIN_REASON_BROADCAST_BY_SIZE, { "broadcast-by-size", NULL } },
	{ ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE,
	  { "shuffle-hash-by-size", NULL } },
	{ ECAP_JOIN_REASON_SORT_MERGE_SORTABLE,
	  { "sort-merge-sortable", NULL } },
	{ ECAP_JOIN_REASON_CARTESIAN_INNER_LIKE,
	  { "cartesian-inner-like", NULL } },
	{ ECAP_JOIN_REASON_NESTED_LOOP_FALLBACK,
	  { "nested-loop-fallback", NULL } },
	{ ECAP_JOIN_REASON_HINT_BROADCAST_NESTED_LOOP,
	  { "hint-broadcast-nested-loop", NULL } },
	{ ECAP_JOIN_REASON_BROADCAST_NESTED_LOOP_BY_SIZE,
	  { "broadcast-nested-loop-by-size", NULL } },
	{ ECAP_JOIN_REASON_ECAP_BROADCAST, { "ecap-broadcast", NULL } },
	{ ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH, { "ecap-shuffle-hash", NULL } },
	{ ECAP_JOIN_REASON_ECAP_SORT_MERGE, { "ecap-sort-merge", NULL } },
	{ ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH_UNSORTABLE,
	  { "ecap-shuffle-hash-unsortable", NULL } },
	{ ECAP_JOIN_REASON_ECAP_CARTESIAN, { "ecap-cartesian", NULL } },
	{ ECAP_JOIN_REASON_ECAP_BROADCAST_NESTED_LOOP,
	  { "ecap-broadcast-nested-loop", NULL } },
	{ ECAP_JOIN_REASON_ECAP_NESTED_LOOP_FALLBACK,
	  { "ecap-nested-loop-fallback", NULL } },
	{ ECAP_JOIN_REASON_GUIDE_BROADCAST, { "guide-broadcast", NULL } },
	{ ECAP_JOIN_REASON_GUIDE_SHUFFLE_HASH, { "guide-shuffle-hash", NULL } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name hint_ignored_names[] = {
	{ ECAP_JOIN_HINT_USED, { "used", NULL } },
	{ ECAP_JOIN_HINT_IGNORED_BUILD_SIDE, { "build-side", NULL } },
	{ ECAP_JOIN_HINT_IGNORED_NOT_SORTABLE, { "not-sortable", NULL } },
	{ ECAP_JOIN_HINT_IGNORED_NOT_INNER_LIKE, { "not-inner-like", NULL } },
	{ ECAP_JOIN_HINT_IGNORED_NO_EQUI_KEYS, { "no-equi-keys", NULL } },
	{ ECAP_JOIN_HINT_IGNORED_OVERRIDDEN, { "overridden", NULL } },
	{ ECAP_JOIN_HINT_IGNORED_OTHER_SIDE_BUILT,
	  { "other-side-built", NULL } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name warning_names[] = {
	{ ECAP_JOIN_WARN_BROADCAST_BYTES_LIMIT, { "broadcast-bytes-limit", NULL } },
	{ ECAP_JOIN_WARN_BROADCAST_ROWS_LIMIT, { "broadcast-rows-limit", NULL } },
	{ ECAP_JOIN_WARN_NESTED_LOOP_OOM, { "nested-loop-oom", NULL } },
	{ ECAP_JOIN_WARN_SHUFFLE_HASH_MEMORY, { "shuffle-hash-memory", NULL } },
	{ ECAP_JOIN_WARN_HINT_IGNORED, { "hint-ignored", NULL } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name text_names[] = {
	{ ECAP_JOIN_TEXT_RECOMMENDATION, { "recommendation", NULL } },
	{ ECAP_JOIN_TEXT_STRATEGY, { "strategy", NULL } },
	{ ECAP_JOIN_TEXT_HINTS, { "hints", NULL } },
	{ ECAP_JOIN_TEXT_WARNINGS, { "warnings", NULL } },
	{ ECAP_JOIN_TEXT_RECOMMENDED_WARNINGS,
	  { "recommended-warnings", NULL } },
	{ 0, { NULL } },
};

ECAP_API const char *
ecap_join_reason_to_string(int32_t reason)
{
	return ecap__enum_to_string(reason_names, reason);
}

ECAP_API int
ecap_join_reason_from_string(const char *name, int32_t *reason,
			     struct ecap_error *err)
{
	return ecap__enum_from_string(reason_names, false, "join reason",
				      "reason", name, reason, err);
}

ECAP_API const char *
ecap_join_hint_ignored_to_string(int32_t why)
{
	return ecap__enum_to_string(hint_ignored_names, why);
}

ECAP_API int
ecap_join_hint_ignored_from_string(const char *name, int32_t *why,
				   struct ecap_error *err)
{
	return ecap__enum_from_string(hint_ignored_names, false,
				      "hint-ignored reason",
				      "hint_ignored_reason", name, why, err);
}

ECAP_API const char *
ecap_join_warning_to_string(int32_t bit)
{
	return ecap__enum_to_string(warning_names, bit);
}

ECAP_API int
ecap_join_warning_from_string(const char *name, int32_t *bit,
			      struct ecap_error *err)
{
	return ecap__enum_from_string(warning_names, false, "join warning",
				      "warning", name, bit, err);
}

ECAP_API const char *
ecap_join_text_to_string(int32_t part)
{
	return ecap__enum_to_string(text_names, part);
}

ECAP_API int
ecap_join_text_from_string(const char *name, int32_t *part,
			   struct ecap_error *err)
{
	return ecap__enum_from_string(text_names, false, "join text", "part",
				      name, part, err);
}

ECAP_API const char *
ecap_join_type_to_string(int32_t join_type)
{
	return ecap__enum_to_string(join_type_names, join_type);
}

ECAP_API int
ecap_join_type_from_string(const char *name, int32_t *join_type,
			   struct ecap_error *err)
{
	return ecap__enum_from_string(join_type_names, true, "join type",
				      "join_type", name, join_type, err);
}

ECAP_API const char *
ecap_join_hint_to_string(int32_t hint)
{
	return ecap__enum_to_string(hint_names, hint);
}

ECAP_API int
ecap_join_hint_from_string(const char *name, int32_t *hint,
			   struct ecap_error *err)
{
	return ecap__enum_from_string(hint_names, true, "join hint",
				      "hint", name, hint, err);
}

ECAP_API const char *
ecap_join_strategy_to_string(int32_t strategy)
{
	return ecap__enum_to_string(strategy_names, strategy);
}

ECAP_API int
ecap_join_strategy_from_string(const char *name, int32_t *strategy,
			       struct ecap_error *err)
{
	return ecap__enum_from_string(strategy_names, true, "join strategy",
				      "strategy", name, strategy, err);
}

ECAP_API const char *
ecap_join_build_side_to_string(int32_t side)
{
	return ecap__enum_to_string(side_names, side);
}

ECAP_API int
ecap_join_build_side_from_string(const char *name, int32_t *side,
				 struct ecap_error *err)
{
	return ecap__enum_from_string(side_names, true, "build side",
				      "build_side", name, side, err);
}
