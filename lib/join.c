/* SPDX-License-Identifier: MIT */
/*
 * join.c - join strategy advice: Spark's JoinSelection (SparkStrategies.scala)
 * and JoinSelectionHelper (joins.scala) replayed on the caller's sizes and
 * hints, the hints Spark ignores, the broadcast limits of
 * BroadcastExchangeExec, and the hint to write under the policy's model.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define MIB INT64_C(1048576)
/* Sane maxima of the inputs (documented in ecap_join_advise(3)). */
#define MAX_SIZE_BYTES (INT64_C(1) << 60)		/* 1 EiB */
#define MAX_ROW_COUNT INT64_C(1000000000000000)	/* 10^15 */
#define MAX_PARTITIONS INT64_C(1000000)
#define MAX_MEMORY_BYTES (INT64_C(1) << 44)		/* 16 TiB */
#define MAX_CORES 256
/* An unknown size is spark.sql.defaultSizeInBytes: Long.MaxValue. */
#define UNKNOWN_SIZE INT64_MAX

enum { L = 0, R = 1, NO_SIDE = -1 };

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

/* ------------------------------------------------------------------------
 * the resolved inputs
 */

struct join_ctx {
	int32_t type;		/* enum ecap_join_type */
	bool equi, sortable, bigint_key;
	int64_t size[2];	/* UNKNOWN_SIZE when not given */
	int64_t rows[2];	/* 0 when not given */
	int64_t thr;		/* autoBroadcastJoinThreshold, -1 disabled */
	int64_t parts;		/* spark.sql.shuffle.partitions */
	double factor;		/* muchSmaller's factor */
	bool prefer_smj;
	int version;		/* major * 100 + minor */
	int64_t task_mem;	/* execution memory per task, 0 unknown */
	int64_t guide_max_rows;	/* guide: optimize_join's row limit */
};

/* Spark's choice. */
struct plan {
	int32_t strategy;
	int side;		/* L, R or NO_SIDE */
	int32_t reason;
	bool hinted;		/* decided by the hinted chain */
};

static const char *const side_word[2] = { "left", "right" };

static int32_t
side_enum(int side)
{
	return side == L ? ECAP_JOIN_BUILD_LEFT :
	       side == R ? ECAP_JOIN_BUILD_RIGHT : ECAP_JOIN_BUILD_NONE;
}

static bool
inner_like(const struct join_ctx *c)
{
	return c->type == ECAP_JOIN_INNER || c->type == ECAP_JOIN_CROSS;
}

/* canBuildBroadcastLeft / canBuildBroadcastRight (unchanged 3.0 .. 4.x). */
static bool
can_build_broadcast(const struct join_ctx *c, int side)
{
	if (inner_like(c))
		return true;
	if (side == L)
		return c->type == ECAP_JOIN_RIGHT_OUTER;
	return c->type == ECAP_JOIN_LEFT_OUTER ||
	       c->type == ECAP_JOIN_LEFT_SEMI || c->type == ECAP_JOIN_LEFT_ANTI;
}

/*
 * canBuildShuffledHashJoinLeft / Right.  Spark 3.0 used the broadcast
 * predicates (full outer SHJ came with SPARK-32399 in 3.1); 3.1 .. 3.4 add
 * full outer; 3.5 (SPARK-36612) lets every join type build either side
 * except that semi and anti joins build only the right.
 */
static bool
can_build_shuffle_hash(const struct join_ctx *c, int side)
{
	if (c->version < 301)
		return can_build_broadcast(c, side);
	if (c->type == ECAP_JOIN_FULL_OUTER)
		return true;
	if (c->version >= 305 && (c->type == ECAP_JOIN_LEFT_OUTER ||
				  c->type == ECAP_JOIN_RIGHT_OUTER))
		return true;
	return can_build_broadcast(c, side);
}

/* canBroadcastBySize: sizeInBytes >= 0 && sizeInBytes <= threshold. */
static bool
can_broadcast_by_size(const struct join_ctx *c, int side)
{
	return c->size[side] >= 0 && c->size[side] <= c->thr;
}

/* canBuildLocalHashMapBySize: size < threshold * numShufflePartitions. */
static bool
can_build_local_hash_map(const struct join_ctx *c, int side)
{
	return c->size[side] < c->thr * c->parts;
}

/* muchSmaller(a, b): a * factor <= b, exact for Spark's integer factor. */
static bool
much_smaller(const struct join_ctx *c, int a, int b)
{
	if (c->factor == ecap__floor(c->factor))
		return c->size[a] <= c->size[b] / (int64_t)c->factor;
	return (long double)c->size[a] * c->factor <= (long double)c->size[b];
}

/* getSmallerSide: a tie builds the right side. */
static int
smaller_side(const struct join_ctx *c)
{
	return c->size[R] <= c->size[L] ? R : L;
}

/* getBuildSide. */
static int
build_side(const struct join_ctx *c, bool left, bool right)
{
	if (left && right)
		return smaller_side(c);
	return left ? L : right ? R : NO_SIDE;
}

static bool
any_hint(const int32_t hint[2], int32_t h)
{
	return hint[L] == h || hint[R] == h;
}

static struct plan
mkplan(int32_t strategy, int side, int32_t reason, bool hinted)
{
	struct plan p = { strategy, side, reason, hinted };

	return p;
}

/* The equi-join case of JoinSelection: the hinted chain, then
 * createJoinWithoutHint. */
static struct plan
select_equi(const struct join_ctx *c, const int32_t hint[2])
{
	int s;

	s = build_side(c, can_build_broadcast(c, L) &&
			       hint[L] == ECAP_JOIN_HINT_BROADCAST,
		       can_build_broadcast(c, R) &&
			       hint[R] == ECAP_JOIN_HINT_BROADCAST);
	if (s != NO_SIDE)
		return mkplan(ECAP_JOIN_STRATEGY_BROADCAST_HASH, s,
			      ECAP_JOIN_REASON_HINT_BROADCAST_HASH, true);
	if (any_hint(hint, ECAP_JOIN_HINT_MERGE) && c->sortable)
		return mkplan(ECAP_JOIN_STRATEGY_SORT_MERGE, NO_SIDE,
			      ECAP_JOIN_REASON_HINT_SORT_MERGE, true);
	s = build_side(c, can_build_shuffle_hash(c, L) &&
			       hint[L] == ECAP_JOIN_HINT_SHUFFLE_HASH,
		       can_build_shuffle_hash(c, R) &&
			       hint[R] == ECAP_JOIN_HINT_SHUFFLE_HASH);
	if (s != NO_SIDE)
		return mkplan(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, s,
			      ECAP_JOIN_REASON_HINT_SHUFFLE_HASH, true);
	if (any_hint(hint, ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL) &&
	    inner_like(c))
		return mkplan(ECAP_JOIN_STRATEGY_CARTESIAN, NO_SIDE,
			      ECAP_JOIN_REASON_HINT_CARTESIAN, true);
	/* createJoinWithoutHint */
	s = build_side(c, can_build_broadcast(c, L) &&
			       can_broadcast_by_size(c, L),
		       can_build_broadcast(c, R) &&
			       can_broadcast_by_size(c, R));
	if (s != NO_SIDE)
		return mkplan(ECAP_JOIN_STRATEGY_BROADCAST_HASH, s,
			      ECAP_JOIN_REASON_BROADCAST_BY_SIZE, false);
	if (!c->prefer_smj) {
		s = build_side(c, can_build_shuffle_hash(c, L) &&
				       can_build_local_hash_map(c, L) &&
				       much_smaller(c, L, R),
			       can_build_shuffle_hash(c, R) &&
				       can_build_local_hash_map(c, R) &&
				       much_smaller(c, R, L));
		if (s != NO_SIDE)
			return mkplan(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, s,
				      ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE,
				      false);
	}
	if (c->sortable)
		return mkplan(ECAP_JOIN_STRATEGY_SORT_MERGE, NO_SIDE,
			      ECAP_JOIN_REASON_SORT_MERGE_SORTABLE, false);
	if (inner_like(c))
		return mkplan(ECAP_JOIN_STRATEGY_CARTESIAN, NO_SIDE,
			      ECAP_JOIN_REASON_CARTESIAN_INNER_LIKE, false);
	return mkplan(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, smaller_side(c),
		      ECAP_JOIN_REASON_NESTED_LOOP_FALLBACK, false);
}

/* desiredBuildSide of the non-equi case. */
static int
desired_side(const struct join_ctx *c)
{
	if (inner_like(c) || c->type == ECAP_JOIN_FULL_OUTER)
		return smaller_side(c);
	return can_build_broadcast(c, L) ? L : R;
}

/* createBroadcastNLJoin: no join-type check (the code, not the comment). */
static int
nested_loop_side(const struct join_ctx *c, bool left, bool right)
{
	if (left && right)
		return desired_side(c);
	return left ? L : right ? R : NO_SIDE;
}

/* The non-equi case of JoinSelection. */
static struct plan
select_non_equi(const struct join_ctx *c, const int32_t hint[2])
{
	int s;

	s = nested_loop_side(c, hint[L] == ECAP_JOIN_HINT_BROADCAST,
			     hint[R] == ECAP_JOIN_HINT_BROADCAST);
	if (s != NO_SIDE)
		return mkplan(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, s,
			      ECAP_JOIN_REASON_HINT_BROADCAST_NESTED_LOOP,
			      true);
	if (any_hint(hint, ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL) &&
	    inner_like(c))
		return mkplan(ECAP_JOIN_STRATEGY_CARTESIAN, NO_SIDE,
			      ECAP_JOIN_REASON_HINT_CARTESIAN, true);
	s = nested_loop_side(c, can_broadcast_by_size(c, L),
			     can_broadcast_by_size(c, R));
	if (s != NO_SIDE)
		return mkplan(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, s,
			      ECAP_JOIN_REASON_BROADCAST_NESTED_LOOP_BY_SIZE,
			      false);
	if (inner_like(c))
		return mkplan(ECAP_JOIN_STRATEGY_CARTESIAN, NO_SIDE,
			      ECAP_JOIN_REASON_CARTESIAN_INNER_LIKE, false);
	return mkplan(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, desired_side(c),
		      ECAP_JOIN_REASON_NESTED_LOOP_FALLBACK, false);
}

static struct plan
select_join(const struct join_ctx *c, const int32_t hint[2])
{
	return c->equi ? select_equi(c, hint) : select_non_equi(c, hint);
}

/* Why a hint cannot apply on its own; ECAP_JOIN_HINT_USED if it can. */
static int32_t
hint_inapplicable(const struct join_ctx *c, int side, int32_t h)
{
	switch (h) {
	case ECAP_JOIN_HINT_BROADCAST:
		return c->equi && !can_build_broadcast(c, side) ?
			       ECAP_JOIN_HINT_IGNORED_BUILD_SIDE :
			       ECAP_JOIN_HINT_USED;
	case ECAP_JOIN_HINT_MERGE:
		if (!c->equi)
			return ECAP_JOIN_HINT_IGNORED_NO_EQUI_KEYS;
		return c->sortable ? ECAP_JOIN_HINT_USED :
				     ECAP_JOIN_HINT_IGNORED_NOT_SORTABLE;
	case ECAP_JOIN_HINT_SHUFFLE_HASH:
		if (!c->equi)
			return ECAP_JOIN_HINT_IGNORED_NO_EQUI_KEYS;
		return can_build_shuffle_hash(c, side) ?
			       ECAP_JOIN_HINT_USED :
			       ECAP_JOIN_HINT_IGNORED_BUILD_SIDE;
	case ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL:
		return inner_like(c) ? ECAP_JOIN_HINT_USED :
				       ECAP_JOIN_HINT_IGNORED_NOT_INNER_LIKE;
	default:
		return ECAP_JOIN_HINT_USED;
	}
}

/* Did the plan apply this side's hint? */
static bool
hint_applied(const struct plan *p, int side, int32_t h)
{
	if (!p->hinted)
		return false;
	switch (h) {
	case ECAP_JOIN_HINT_BROADCAST:
		return (p->strategy == ECAP_JOIN_STRATEGY_BROADCAST_HASH ||
			p->strategy ==
				ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP) &&
		       p->side == side;
	case ECAP_JOIN_HINT_MERGE:
		return p->strategy == ECAP_JOIN_STRATEGY_SORT_MERGE;
	case ECAP_JOIN_HINT_SHUFFLE_HASH:
		return p->strategy == ECAP_JOIN_STRATEGY_SHUFFLE_HASH &&
		       p->side == side;
	case ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL:
		return p->strategy == ECAP_JOIN_STRATEGY_CARTESIAN;
	default:
		return true;
	}
}

/* ECAP_JOIN_HINT_USED or why Spark ignores the side's hint in plan p. */
static int32_t
hint_ignored(const struct join_ctx *c, const struct plan *p,
	     const int32_t hint[2], int side)
{
	int32_t why;

	if (hint[side] == ECAP_JOIN_HINT_NONE ||
	    hint_applied(p, side, hint[side]))
		return ECAP_JOIN_HINT_USED;
	if ((why = hint_inapplicable(c, side, hint[side])) !=
	    ECAP_JOIN_HINT_USED)
		return why;
	/* An applicable hint always yields a hinted plan, so another hint
	 * won: the same hint on both sides, or one of higher precedence. */
	if (hint[!side] == hint[side] && p->side == !side)
		return ECAP_JOIN_HINT_IGNORED_OTHER_SIDE_BUILT;
	return ECAP_JOIN_HINT_IGNORED_OVERRIDDEN;
}

/* ------------------------------------------------------------------------
 * text
 */

/* Appends formatted text to buf[cap], truncating; nothing for a NULL
 * buf. */
static void ECAP_PRINTF(3, 4)
append(char *buf, size_t cap, const char *fmt, ...)
{
	size_t n;
	va_list ap;

	/* The advise path passes no buffer: it formats nothing. */
	if (buf == NULL || (n = strlen(buf)) + 1 >= cap)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + n, cap - n, fmt, ap);
	va_end(ap);
}

static const char *
hint_name(int32_t h)
{
	return ecap_join_hint_to_string(h);
}

static const char *
type_name(const struct join_ctx *c)
{
	return ecap_join_type_to_string(c->type);
}

static void
hint_sentence(const struct join_ctx *c, const int32_t hint[2], int side,
	      int32_t why, char *buf, size_t cap)
{
	const char *s = side_word[side];

	append(buf, cap, "%sThe %s %s hint is ignored: ", buf[0] ? " " : "",
	       s, hint_name(hint[side]));
	switch (why) {
	case ECAP_JOIN_HINT_IGNORED_BUILD_SIDE:
		append(buf, cap, "a %s join cannot build the %s side%s.",
		       type_name(c), s,
		       hint[side] == ECAP_JOIN_HINT_SHUFFLE_HASH ?
			       " of a shuffled hash join in this Spark version" :
			       " of a broadcast hash join");
		break;
	case ECAP_JOIN_HINT_IGNORED_NOT_SORTABLE:
		append(buf, cap, "the join keys are not sortable.");
		break;
	case ECAP_JOIN_HINT_IGNORED_NOT_INNER_LIKE:
		append(buf, cap, "a %s join is not inner-like, so no "
		       "cartesian product.", type_name(c));
		break;
	case ECAP_JOIN_HINT_IGNORED_NO_EQUI_KEYS:
		append(buf, cap, "no equi-join keys.");
		break;
	case ECAP_JOIN_HINT_IGNORED_OTHER_SIDE_BUILT:
		append(buf, cap, "both sides carry it and Spark builds the "
		       "%s side.", side_word[!side]);
		break;
	default:
		append(buf, cap, "the %s hint on the other side takes "
		       "precedence (BROADCAST > MERGE > SHUFFLE_HASH > "
		       "SHUFFLE_REPLICATE_NL).", hint_name(hint[!side]));
		break;
	}
}

static void
strategy_sentence(const struct join_ctx *c, const struct plan *p, char *buf,
		  size_t cap)
{
	const char *op = ecap_join_strategy_to_string(p->strategy);
	const char *s = p->side == NO_SIDE ? "" : side_word[p->side];
	long long sz = p->side == NO_SIDE ? 0 : (long long)c->size[p->side];

	switch (p->reason) {
	case ECAP_JOIN_REASON_HINT_BROADCAST_HASH:
	case ECAP_JOIN_REASON_HINT_SHUFFLE_HASH:
	case ECAP_JOIN_REASON_HINT_BROADCAST_NESTED_LOOP:
		snprintf(buf, cap, "Hint applied: %s building the %s side "
			 "(%lld bytes; sizes %lld left, %lld right).", op, s,
			 sz, (long long)c->size[L], (long long)c->size[R]);
		break;
	case ECAP_JOIN_REASON_HINT_SORT_MERGE:
	case ECAP_JOIN_REASON_HINT_CARTESIAN:
		snprintf(buf, cap, "Hint applied: %s.", op);
		break;
	case ECAP_JOIN_REASON_BROADCAST_BY_SIZE:
	case ECAP_JOIN_REASON_BROADCAST_NESTED_LOOP_BY_SIZE:
		snprintf(buf, cap, "canBroadcastBySize: the %s side's %lld "
			 "bytes are at most the %lld-byte "
			 "autoBroadcastJoinThreshold, so %s builds it.", s, sz,
			 (long long)c->thr, op);
		break;
	case ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE:
		snprintf(buf, cap, "preferSortMergeJoin is false and the %s "
			 "side's %lld bytes are below threshold x partitions "
			 "(%lld) and %g times at most the other side's %lld: "
			 "%s.", s, sz, (long long)(c->thr * c->parts),
			 c->factor, (long long)c->size[!p->side], op);
		break;
	case ECAP_JOIN_REASON_SORT_MERGE_SORTABLE:
		snprintf(buf, cap, "No side broadcastable (sizes %lld left, "
			 "%lld right; threshold %lld bytes)%s and the keys are "
			 "sortable: %s.", (long long)c->size[L],
			 (long long)c->size[R], (long long)c->thr,
			 c->prefer_smj ? ", preferSortMergeJoin is true" :
					 ", no side qualifies for a shuffled "
					 "hash join",
			 op);
		break;
	case ECAP_JOIN_REASON_CARTESIAN_INNER_LIKE:
		snprintf(buf, cap, "No side broadcastable (threshold %lld "
			 "bytes) and %s, so the inner-like join becomes a %s.",
			 (long long)c->thr,
			 c->equi ? "the keys are not sortable" :
				   "there are no equi-join keys",
			 op);
		break;
	default:
		snprintf(buf, cap, "No other strategy applies to this %s join: "
			 "%s building the %s side (%lld bytes), the final "
			 "fallback that may run out of memory.", type_name(c),
			 op, s, sz);
		break;
	}
}

/*
 * Warnings of a plan: BroadcastExchangeExec's limits (dataSize >= 8 GiB,
 * numRows >= 357,913,941 or 512,000,000), BNLJ memory, and a shuffled hash
 * join build partition larger than a task's execution memory.
 */
static int32_t
plan_warnings(const struct join_ctx *c, const struct plan *p, char *buf,
	      size_t cap)
{
	int32_t flags = 0;
	int s = p->side;
	char none[1] = "";

	/* The advise path wants the bits only: append() formats nothing
	 * into a full one-byte buffer. */
	if (buf == NULL) {
		buf = none;
		cap = sizeof(none);
	}

	if (p->strategy == ECAP_JOIN_STRATEGY_BROADCAST_HASH ||
	    p->strategy == ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP) {
		int64_t max_rows =
			p->strategy == ECAP_JOIN_STRATEGY_BROADCAST_HASH &&
					!c->bigint_key ?
				ECAP_JOIN_MAX_BROADCAST_ROWS_HASH :
				ECAP_JOIN_MAX_BROADCAST_ROWS_LONG;

		if (c->size[s] != UNKNOWN_SIZE &&
		    c->size[s] >= ECAP_JOIN_MAX_BROADCAST_BYTES) {
			flags |= ECAP_JOIN_WARN_BROADCAST_BYTES_LIMIT;
			append(buf, cap, "%sBroadcasting the %s side's %lld "
			       "bytes fails: Spark cannot broadcast 8 GiB "
			       "(8589934592 bytes) or more.", buf[0] ? " " : "",
			       side_word[s], (long long)c->size[s]);
		}
		if (c->rows[s] != 0 && c->rows[s] >= max_rows) {
			flags |= ECAP_JOIN_WARN_BROADCAST_ROWS_LIMIT;
			append(buf, cap, "%sBroadcasting the %s side's %lld "
			       "rows fails: the limit is %lld rows.",
			       buf[0] ? " " : "", side_word[s],
			       (long long)c->rows[s], (long long)max_rows);
		}
	}
	if (p->strategy == ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP) {
		flags |= ECAP_JOIN_WARN_NESTED_LOOP_OOM;
		append(buf, cap, "%sA broadcast nested loop join may run out "
		       "of memory.", buf[0] ? " " : "");
	}
	if (p->strategy == ECAP_JOIN_STRATEGY_SHUFFLE_HASH && c->task_mem > 0 &&
	    c->size[s] != UNKNOWN_SIZE &&
	    (double)c->size[s] / (double)c->parts > (double)c->task_mem) {
		flags |= ECAP_JOIN_WARN_SHUFFLE_HASH_MEMORY;
		append(buf, cap, "%sThe shuffled hash join builds %.0f bytes "
		       "per partition (%lld / %lld partitions), more than the "
		       "%lld bytes of execution memory per task.",
		       buf[0] ? " " : "",
		       (double)c->size[s] / (double)c->parts,
		       (long long)c->size[s], (long long)c->parts,
		       (long long)c->task_mem);
	}
	return flags;
}

/* ------------------------------------------------------------------------
 * recommendations
 */

struct rec {
	int32_t hint;
	int side;		/* where the hint goes */
	int32_t reason;
};

/* Within BroadcastExchangeExec's limits, where the input says so. */
static bool
broadcast_safe(const struct join_ctx *c, int side, bool hash)
{
	int64_t max_rows = hash && !c->bigint_key ?
				   ECAP_JOIN_MAX_BROADCAST_ROWS_HASH :
				   ECAP_JOIN_MAX_BROADCAST_ROWS_LONG;

	return c->size[side] < ECAP_JOIN_MAX_BROADCAST_BYTES &&
	       (c->rows[side] == 0 || c->rows[side] < max_rows);
}

/* A build partition fits a task's execution memory (true if unknown). */
static bool
hash_fits(const struct join_ctx *c, int side)
{
	return c->task_mem == 0 ||
	       (double)c->size[side] / (double)c->parts <= (double)c->task_mem;
}

static bool
bcast_candidate(const struct join_ctx *c, int side)
{
	return can_build_broadcast(c, side) && can_broadcast_by_size(c, side) &&
	       broadcast_safe(c, side, true);
}

static bool
shj_by_size(const struct join_ctx *c, int side)
{
	return can_build_shuffle_hash(c, side) &&
	       can_build_local_hash_map(c, side) &&
	       much_smaller(c, side, !side) && hash_fits(c, side);
}

/* ecap-1: the best plan Spark can run under the policy, as a target. */
static struct plan
ecap_target(const struct join_ctx *c)
{
	int s;

	if (c->equi) {
		s = build_side(c, bcast_candidate(c, L), bcast_candidate(c, R));
		if (s != NO_SIDE)
			return mkplan(ECAP_JOIN_STRATEGY_BROADCAST_HASH, s,
				      ECAP_JOIN_REASON_ECAP_BROADCAST, false);
		if (!c->prefer_smj &&
		    (s = build_side(c, shj_by_size(c, L), shj_by_size(c, R))) !=
			    NO_SIDE)
			return mkplan(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, s,
				      ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH,
				      false);
		if (c->sortable)
			return mkplan(ECAP_JOIN_STRATEGY_SORT_MERGE, NO_SIDE,
				      ECAP_JOIN_REASON_ECAP_SORT_MERGE, false);
		s = build_side(c, can_build_shuffle_hash(c, L) &&
				       hash_fits(c, L),
			       can_build_shuffle_hash(c, R) &&
				       hash_fits(c, R));
		if (s != NO_SIDE)
			return mkplan(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, s,
				ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH_UNSORTABLE,
				false);
	} else {
		bool ok[2], small[2];

		/* First the side BNLJ is optimized for (either for full). */
		for (s = L; s <= R; s++) {
			small[s] = can_broadcast_by_size(c, s) &&
				   broadcast_safe(c, s, false);
			ok[s] = small[s] && (can_build_broadcast(c, s) ||
					     c->type == ECAP_JOIN_FULL_OUTER);
		}
		s = nested_loop_side(c, ok[L], ok[R]);
		if (s != NO_SIDE)
			return mkplan(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP,
				s, ECAP_JOIN_REASON_ECAP_BROADCAST_NESTED_LOOP,
				false);
		/* A slow scan of a small side beats broadcasting a big one. */
		s = nested_loop_side(c, small[L], small[R]);
		if (s != NO_SIDE && !inner_like(c))
			return mkplan(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP,
				s, ECAP_JOIN_REASON_ECAP_NESTED_LOOP_FALLBACK,
				false);
	}
	if (inner_like(c))
		return mkplan(ECAP_JOIN_STRATEGY_CARTESIAN, NO_SIDE,
			      ECAP_JOIN_REASON_ECAP_CARTESIAN, false);
	return mkplan(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP,
		      c->equi ? smaller_side(c) : desired_side(c),
		      ECAP_JOIN_REASON_ECAP_NESTED_LOOP_FALLBACK, false);
}

/* The hint that makes Spark pick target t. */
static int32_t
hint_for(const struct plan *t)
{
	switch (t->strategy) {
	case ECAP_JOIN_STRATEGY_BROADCAST_HASH:
	case ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP:
		return ECAP_JOIN_HINT_BROADCAST;
	case ECAP_JOIN_STRATEGY_SHUFFLE_HASH:
		return ECAP_JOIN_HINT_SHUFFLE_HASH;
	case ECAP_JOIN_STRATEGY_SORT_MERGE:
		return ECAP_JOIN_HINT_MERGE;
	default:
		return ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL;
	}
}

/* p0: Spark's choice without hints. */
static void
recommend_ecap(const struct join_ctx *c, const struct plan *p0, struct rec *r)
{
	struct plan t = ecap_target(c);

	r->reason = t.reason;
	if (p0->strategy == t.strategy &&
	    (t.side == NO_SIDE || p0->side == t.side)) {
		r->hint = ECAP_JOIN_HINT_NONE;
		r->side = NO_SIDE;
	} else {
		r->hint = hint_for(&t);
		/* MERGE and SHUFFLE_REPLICATE_NL work from either side. */
		r->side = t.side != NO_SIDE ? t.side : R;
	}
}

/* The ecap-1 recommendation's sentence: target t, hint r. */
static void
ecap_sentence(const struct join_ctx *c, const struct plan *t,
	      const struct rec *r, char *buf, size_t cap)
{
	const char *op = ecap_join_strategy_to_string(t->strategy);
	/* An edited advice may name a strategy without its build side
	 * (c->size[-1] was read): no side, no size, as plan_warnings does. */
	long long built = t->side == NO_SIDE ? 0 : (long long)c->size[t->side];
	char what[96];

	if (t->side != NO_SIDE)
		snprintf(what, sizeof(what), "%s building the %s side", op,
			 side_word[t->side]);
	else
		snprintf(what, sizeof(what), "%s", op);
	switch (r->reason) {
	case ECAP_JOIN_REASON_ECAP_BROADCAST:
	case ECAP_JOIN_REASON_ECAP_BROADCAST_NESTED_LOOP:
		append(buf, cap, "ecap-1: %s, %lld bytes at most the %lld-byte "
		       "threshold and within Spark's broadcast limits", what,
		       built, (long long)c->thr);
		break;
	case ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH:
		append(buf, cap, "ecap-1: %s, %lld bytes below threshold x "
		       "partitions (%lld), %g times smaller than the other "
		       "side, fitting task memory", what,
		       built,
		       (long long)(c->thr * c->parts), c->factor);
		break;
	case ECAP_JOIN_REASON_ECAP_SORT_MERGE:
		append(buf, cap, "ecap-1: %s, since no side is safely "
		       "broadcastable under the %lld-byte threshold%s", what,
		       (long long)c->thr,
		       c->prefer_smj ? " and the policy prefers sort-merge" :
				       " nor much smaller");
		break;
	case ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH_UNSORTABLE:
		append(buf, cap, "ecap-1: %s, since the keys are not sortable "
		       "and no side is safely broadcastable", what);
		break;
	case ECAP_JOIN_REASON_ECAP_CARTESIAN:
		append(buf, cap, "ecap-1: %s, since no side is safely "
		       "broadcastable and no hash or sort-merge join applies "
		       "to this inner-like join", what);
		break;
	default:
		append(buf, cap, "ecap-1: %s, the only strategy Spark has for "
		       "this %s join", what, type_name(c));
		break;
	}
	if (r->hint == ECAP_JOIN_HINT_NONE)
		append(buf, cap, "; Spark picks it without a hint.");
	else
		append(buf, cap, "; write %s on the %s side.",
		       hint_name(r->hint), side_word[r->side]);
}

/* The guide's optimize_join(large_df, small_df). */
static void
recommend_guide(const struct join_ctx *c, int small, struct rec *r)
{
	bool bc = c->rows[small] < c->guide_max_rows;

	r->side = small;
	r->hint = bc ? ECAP_JOIN_HINT_BROADCAST : ECAP_JOIN_HINT_SHUFFLE_HASH;
	r->reason = bc ? ECAP_JOIN_REASON_GUIDE_BROADCAST :
			 ECAP_JOIN_REASON_GUIDE_SHUFFLE_HASH;
}

static void
guide_sentence(const struct join_ctx *c, const struct rec *r, char *buf,
	       size_t cap)
{
	bool bc = r->reason == ECAP_JOIN_REASON_GUIDE_BROADCAST;

	append(buf, cap, "guide optimize_join: small_df.count() = %lld %s "
	       "%lld on the %s side, so %s.", (long long)c->rows[r->side],
	       bc ? "<" : ">=", (long long)c->guide_max_rows,
	       side_word[r->side],
	       bc ? "broadcast(small_df)" : "small_df.hint(\"shuffle_hash\")");
}

/* ------------------------------------------------------------------------
 * inputs
 */

static int
check_enum(struct ecap_error *err, const char *field, int32_t v,
	   int32_t min, int32_t max)
{
	if (v < min || v > max)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, field,
				  "%s is %d; the known values are %d to %d",
				  field, (int)v, (int)min, (int)max);
	return ECAP_OK;
}

static int
check_flags(const struct ecap_join_in *in, struct ecap_error *err)
{
	int rc;

	if ((rc = check_enum(err, "join_type", in->join_type, 0,
			     ECAP_JOIN_LEFT_ANTI)) != ECAP_OK ||
	    (rc = ecap__check_bool(err, "no_equi_keys", in->no_equi_keys)) ||
	    (rc = ecap__check_bool(err, "keys_not_sortable",
				   in->keys_not_sortable)) ||
	    (rc = ecap__check_bool(err, "single_bigint_key",
				   in->single_bigint_key)) ||
	    (rc = check_enum(err, "left_hint", in->left_hint, 0,
			     ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL)) ||
	    (rc = check_enum(err, "right_hint", in->right_hint, 0,
			     ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL)) ||
	    (rc = check_enum(err, "guide_small_side", in->guide_small_side, 0,
			     ECAP_JOIN_BUILD_RIGHT)))
		return rc;
	if (in->no_equi_keys && in->keys_not_sortable)
		return ecap__fail(err, ECAP_ERR_INVALID, "keys_not_sortable",
				  "keys_not_sortable is 1 but no_equi_keys says "
				  "there are no keys");
	if (in->no_equi_keys && in->single_bigint_key)
		return ecap__fail(err, ECAP_ERR_INVALID, "single_bigint_key",
				  "single_bigint_key is 1 but no_equi_keys says "
				  "there are no keys");
	return ECAP_OK;
}

static int
check_numbers(const ecap_policy *p, const struct ecap_join_in *in,
	      struct ecap_error *err)
{
	int64_t reserved = (int64_t)(ecap__pd(p, ECAP_K_SPARK_RESERVED_MEMORY_MB) *
				     (double)MIB);
	/* UnifiedMemoryManager: minSystemMemory = (reserved * 1.5).ceil */
	int64_t min_heap = (int64_t)ecap__ceil((double)reserved * 1.5);
	int rc;

	if ((rc = ecap__check_int64(err, "left_size_bytes",
				    in->left_size_bytes, 0, MAX_SIZE_BYTES)) ||
	    (rc = ecap__check_int64(err, "right_size_bytes",
				    in->right_size_bytes, 0, MAX_SIZE_BYTES)) ||
	    (rc = ecap__check_int64(err, "left_row_count", in->left_row_count,
				    0, MAX_ROW_COUNT)) ||
	    (rc = ecap__check_int64(err, "right_row_count",
				    in->right_row_count, 0, MAX_ROW_COUNT)) ||
	    (rc = ecap__check_int64(err, "broadcast_threshold_bytes",
				    in->broadcast_threshold_bytes, -1,
				    ECAP_JOIN_MAX_BROADCAST_BYTES)) ||
	    (rc = ecap__check_int64(err, "shuffle_partitions_count",
				    in->shuffle_partitions_count, 0,
				    MAX_PARTITIONS)) ||
	    (rc = ecap__check_int64(err, "executor_cores_count",
				    in->executor_cores_count, 0, MAX_CORES)) ||
	    (rc = ecap__check_int64(err, "execution_memory_bytes",
				    in->execution_memory_bytes, 0,
				    MAX_MEMORY_BYTES)))
		return rc;
	if (in->executor_heap_bytes != 0 &&
	    (rc = ecap__check_int64(err, "executor_heap_bytes",
				    in->executor_heap_bytes,
				    min_heap > 0 ? min_heap : 1,
				    MAX_MEMORY_BYTES)))
		return rc;
	return ECAP_OK;
}

/* Spark 3.0 .. 4.99; both fields 0 = 3.5. */
static int
check_version(const struct ecap_join_in *in, int *version,
	      struct ecap_error *err)
{
	int rc;

	if (in->spark_version_major == 0) {
		if (in->spark_version_minor != 0)
			return ecap__fail(err, ECAP_ERR_INVALID,
					  "spark_version_major",
					  "spark_version_major is 0 (default "
					  "3.5) but spark_version_minor is %d",
					  (int)in->spark_version_minor);
		*version = 305;
		return ECAP_OK;
	}
	if ((rc = ecap__check_int64(err, "spark_version_major",
				    in->spark_version_major, 3, 4)) ||
	    (rc = ecap__check_int64(err, "spark_version_minor",
				    in->spark_version_minor, 0, 99)))
		return rc;
	*version = in->spark_version_major * 100 + in->spark_version_minor;
	return ECAP_OK;
}

static int64_t
policy_threshold_bytes(const ecap_policy *p)
{
	double mb = ecap__pd(p, ECAP_K_JOIN_BROADCAST_THRESHOLD_MB);

	/* Any negative threshold disables broadcasting by size. */
	return mb < 0 ? -1 : (int64_t)(mb * (double)MIB);
}

static void
resolve(const ecap_policy *p, const struct ecap_join_in *in, int version,
	struct join_ctx *c)
{
	int64_t cores = in->executor_cores_count != 0 ?
				in->executor_cores_count :
				ecap__pi(p, ECAP_K_EXECUTOR_CORES);
	int64_t exec_mem = in->execution_memory_bytes;

	/* Every field is set below: no zeroing first. */
	c->type = in->join_type != 0 ? in->join_type : ECAP_JOIN_INNER;
	c->equi = !in->no_equi_keys;
	c->sortable = c->equi && !in->keys_not_sortable;
	c->bigint_key = in->single_bigint_key != 0;
	c->size[L] = in->left_size_bytes != 0 ? in->left_size_bytes :
						UNKNOWN_SIZE;
	c->size[R] = in->right_size_bytes != 0 ? in->right_size_bytes :
						 UNKNOWN_SIZE;
	c->rows[L] = in->left_row_count;
	c->rows[R] = in->right_row_count;
	c->thr = in->broadcast_threshold_bytes != 0 ?
			 in->broadcast_threshold_bytes :
			 policy_threshold_bytes(p);
	c->parts = in->shuffle_partitions_count != 0 ?
			   in->shuffle_partitions_count :
			   ecap__pi(p, ECAP_K_JOIN_SHUFFLE_PARTITIONS);
	/* spark.sql.shuffledHashJoinFactor arrived in 3.3; before, 3. */
	c->factor = version >= 303 ? ecap__pd(p, ECAP_K_JOIN_SHUFFLE_HASH_FACTOR) :
				     3.0;
	c->prefer_smj = ecap__pi(p, ECAP_K_JOIN_PREFER_SORT_MERGE) != 0;
	c->version = version;
	if (exec_mem == 0 && in->executor_heap_bytes != 0) {
		double reserved = ecap__pd(p, ECAP_K_SPARK_RESERVED_MEMORY_MB) *
				  (double)MIB;

		exec_mem = (int64_t)(((double)in->executor_heap_bytes -
				      reserved) *
				     ecap__pd(p, ECAP_K_SPARK_MEMORY_FRACTION));
	}
	c->task_mem = exec_mem / cores;
	c->guide_max_rows = p->model == ECAP_MODEL_GUIDE ?
		ecap__pi(p, ECAP_K_JOIN_GUIDE_BROADCAST_MAX_ROWS) : 0;
}

/* ------------------------------------------------------------------------
 * the advice
 */

/* p0: Spark's choice without hints, the prediction when none is given. */
static void
fill_prediction(const struct join_ctx *c, const int32_t hint[2],
		const struct plan *p0, struct ecap_join_out *out)
{
	struct plan p = hint[L] == ECAP_JOIN_HINT_NONE &&
				hint[R] == ECAP_JOIN_HINT_NONE ?
			*p0 : select_join(c, hint);
	int32_t why[2];
	int s;

	out->strategy = p.strategy;
	out->build_side = side_enum(p.side);
	out->strategy_reason = p.reason;
	for (s = L; s <= R; s++)
		why[s] = hint_ignored(c, &p, hint, s);
	out->left_hint_ignored = why[L] != ECAP_JOIN_HINT_USED;
	out->left_hint_ignored_reason = why[L];
	out->right_hint_ignored = why[R] != ECAP_JOIN_HINT_USED;
	out->right_hint_ignored_reason = why[R];
	out->warning_flags = plan_warnings(c, &p, NULL, 0);
}

static void
fill_recommendation(const struct join_ctx *c, const struct rec *r,
		    const struct plan *p0, struct ecap_join_out *out)
{
	int32_t hint[2] = { ECAP_JOIN_HINT_NONE, ECAP_JOIN_HINT_NONE };
	struct plan p = *p0;

	out->reason = r->reason;
	out->recommended_hint = r->hint;
	out->recommended_hint_side = side_enum(r->side);
	if (r->side != NO_SIDE) {
		hint[r->side] = r->hint;
		p = select_join(c, hint);
	}
	out->recommended_strategy = p.strategy;
	out->recommended_build_side = side_enum(p.side);
	out->recommended_warning_flags = plan_warnings(c, &p, NULL, 0);
	if (r->side != NO_SIDE &&
	    hint_ignored(c, &p, hint, r->side) != ECAP_JOIN_HINT_USED)
		out->recommended_warning_flags |= ECAP_JOIN_WARN_HINT_IGNORED;
}

/* The context the explanations need, as the advice recorded it. */
static void
fill_context(const struct join_ctx *c, const struct ecap_join_in *in,
	     struct ecap_join_out *out)
{
	out->join_type = c->type;
	out->no_equi_keys = !c->equi;
	out->keys_not_sortable = c->equi && !c->sortable;
	out->single_bigint_key = c->bigint_key;
	out->left_hint = in->left_hint;
	out->right_hint = in->right_hint;
	out->prefer_sort_merge = c->prefer_smj;
	out->left_size_bytes = c->size[L];
	out->right_size_bytes = c->size[R];
	out->left_row_count = c->rows[L];
	out->right_row_count = c->rows[R];
	out->guide_broadcast_max_rows = c->guide_max_rows;
	out->broadcast_threshold_bytes = c->thr;
	out->shuffle_partitions_count = c->parts;
	out->shuffle_hash_factor = c->factor;
	out->spark_version_major = c->version / 100;
	out->spark_version_minor = c->version % 100;
	out->execution_memory_per_task_bytes = c->task_mem;
}

ECAP_API int
ecap_join_advise(const ecap_policy *policy, const struct ecap_join_in *in,
		 struct ecap_join_out *out, struct ecap_error *err)
{
	static const int32_t no_hints[2] = { ECAP_JOIN_HINT_NONE,
					     ECAP_JOIN_HINT_NONE };
	int32_t hint[2];
	struct join_ctx c;
	struct plan p0;
	struct rec r;
	int version = 0, small, rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_join_in)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_join_out)) != ECAP_OK)
		return rc;
	ECAP__OUT_ZERO(out, ecap_join_out);
	if ((rc = check_flags(in, err)) != ECAP_OK ||
	    (rc = check_numbers(policy, in, err)) != ECAP_OK ||
	    (rc = check_version(in, &version, err)) != ECAP_OK)
		return rc;
	small = in->guide_small_side == ECAP_JOIN_BUILD_LEFT ? L : R;
	if (policy->model == ECAP_MODEL_GUIDE &&
	    (small == L ? in->left_row_count : in->right_row_count) == 0)
		return ecap__fail(err, ECAP_ERR_INVALID,
				  small == L ? "left_row_count" :
					       "right_row_count",
				  "the guide model needs the small side's row "
				  "count (small_df.count()); %s_row_count is 0",
				  side_word[small]);
	resolve(policy, in, version, &c);
	hint[L] = in->left_hint;
	hint[R] = in->right_hint;
	out->model = policy->model;
	fill_context(&c, in, out);
	/* Spark's choice without hints serves three times: the prediction
	 * when no hint is given, the ecap-1 target's test, and the
	 * recommended plan when no hint is recommended. */
	p0 = select_join(&c, no_hints);
	fill_prediction(&c, hint, &p0, out);
	memset(&r, 0, sizeof(r));
	if (policy->model == ECAP_MODEL_GUIDE)
		recommend_guide(&c, small, &r);
	else
		recommend_ecap(&c, &p0, &r);
	fill_recommendation(&c, &r, &p0, out);
	return ECAP_OK;
}

/* ------------------------------------------------------------------------
 * explanations, rendered on demand from an advice
 */

static int
side_index(int32_t side)
{
	return side == ECAP_JOIN_BUILD_LEFT ? L :
	       side == ECAP_JOIN_BUILD_RIGHT ? R : NO_SIDE;
}

/*
 * The context and hints back from an advice, refusing values no
 * ecap_join_advise() call writes (an advice is caller memory).
 */
static int
context_from(const struct ecap_join_out *a, struct join_ctx *c,
	     int32_t hint[2], struct ecap_error *err)
{
	int rc;

	if ((rc = check_enum(err, "join_type", a->join_type, ECAP_JOIN_INNER,
			     ECAP_JOIN_LEFT_ANTI)) ||
	    (rc = check_enum(err, "left_hint", a->left_hint, 0,
			     ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL)) ||
	    (rc = check_enum(err, "right_hint", a->right_hint, 0,
			     ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL)) ||
	    (rc = check_enum(err, "strategy", a->strategy,
			     ECAP_JOIN_STRATEGY_BROADCAST_HASH,
			     ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP)) ||
	    (rc = check_enum(err, "recommended_strategy",
			     a->recommended_strategy,
			     ECAP_JOIN_STRATEGY_BROADCAST_HASH,
			     ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP)) ||
	    (rc = check_enum(err, "recommended_hint", a->recommended_hint, 0,
			     ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL)) ||
	    (rc = ecap__check_int64(err, "shuffle_partitions_count",
				    a->shuffle_partitions_count, 1,
				    MAX_PARTITIONS)) ||
	    /* advise writes the resolved version, 3.0 .. 4.99 (INT32_MIN
	     * x 100 overflowed below) */
	    (rc = ecap__check_int64(err, "spark_version_major",
				    a->spark_version_major, 3, 4)) ||
	    (rc = ecap__check_int64(err, "spark_version_minor",
				    a->spark_version_minor, 0, 99)))
		return rc;
	ECAP__ZERO(c);
	c->type = a->join_type;
	c->equi = !a->no_equi_keys;
	c->sortable = c->equi && !a->keys_not_sortable;
	c->bigint_key = a->single_bigint_key != 0;
	c->size[L] = a->left_size_bytes;
	c->size[R] = a->right_size_bytes;
	c->rows[L] = a->left_row_count;
	c->rows[R] = a->right_row_count;
	c->thr = a->broadcast_threshold_bytes;
	c->parts = a->shuffle_partitions_count;
	c->factor = a->shuffle_hash_factor;
	c->prefer_smj = a->prefer_sort_merge != 0;
	c->version = a->spark_version_major * 100 + a->spark_version_minor;
	c->task_mem = a->execution_memory_per_task_bytes;
	c->guide_max_rows = a->guide_broadcast_max_rows;
	hint[L] = a->left_hint;
	hint[R] = a->right_hint;
	return ECAP_OK;
}

static void
recommendation_text(const struct ecap_join_out *a, const struct join_ctx *c,
		    char *buf, size_t cap)
{
	struct rec r = { a->recommended_hint,
			 side_index(a->recommended_hint_side), a->reason };
	/* The target is what Spark picks with the recommended hint. */
	struct plan t = mkplan(a->recommended_strategy,
			       side_index(a->recommended_build_side),
			       a->reason, false);

	if (a->model == ECAP_MODEL_GUIDE)
		guide_sentence(c, &r, buf, cap);
	else
		ecap_sentence(c, &t, &r, buf, cap);
}

static void
recommended_warnings_text(const struct ecap_join_out *a,
			  const struct join_ctx *c, char *buf, size_t cap)
{
	int32_t hint[2] = { ECAP_JOIN_HINT_NONE, ECAP_JOIN_HINT_NONE };
	int side = side_index(a->recommended_hint_side);
	struct plan p;
	int32_t why;

	if (side != NO_SIDE)
		hint[side] = a->recommended_hint;
	p = select_join(c, hint);
	(void)plan_warnings(c, &p, buf, cap);
	if (side != NO_SIDE &&
	    (why = hint_ignored(c, &p, hint, side)) != ECAP_JOIN_HINT_USED)
		hint_sentence(c, hint, side, why, buf, cap);
}

ECAP_API int
ecap_join_explain_part(const struct ecap_join_out *advice, int32_t part,
		       char *buf, size_t size, struct ecap_error *err)
{
	char text[ECAP_EXPLAIN_MAX] = "";
	struct join_ctx c;
	struct plan p;
	int32_t hint[2];
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, advice, ecap_join_out)) != ECAP_OK ||
	    (rc = check_enum(err, "part", part, ECAP_JOIN_TEXT_RECOMMENDATION,
			     ECAP_JOIN_TEXT_RECOMMENDED_WARNINGS)) ||
	    (rc = context_from(advice, &c, hint, err)) != ECAP_OK)
		return rc;
	p = mkplan(advice->strategy, side_index(advice->build_side),
		   advice->strategy_reason, false);
	switch (part) {
	case ECAP_JOIN_TEXT_RECOMMENDATION:
		recommendation_text(advice, &c, text, sizeof(text));
		break;
	case ECAP_JOIN_TEXT_STRATEGY:
		strategy_sentence(&c, &p, text, sizeof(text));
		break;
	case ECAP_JOIN_TEXT_HINTS:
		if (advice->left_hint_ignored)
			hint_sentence(&c, hint, L,
				      advice->left_hint_ignored_reason, text,
				      sizeof(text));
		if (advice->right_hint_ignored)
			hint_sentence(&c, hint, R,
				      advice->right_hint_ignored_reason, text,
				      sizeof(text));
		break;
	case ECAP_JOIN_TEXT_WARNINGS:
		(void)plan_warnings(&c, &p, text, sizeof(text));
		break;
	default:
		recommended_warnings_text(advice, &c, text, sizeof(text));
		break;
	}
	return ecap__explainf(err, buf, size, "%s", text);
}

ECAP_API int
ecap_join_explain(const struct ecap_join_out *advice, char *buf, size_t size,
		  struct ecap_error *err)
{
	return ecap_join_explain_part(advice, ECAP_JOIN_TEXT_RECOMMENDATION,
				      buf, size, err);
}
