/* SPDX-License-Identifier: MIT */
/*
 * join.c - join strategy advice, the decision: Spark's JoinSelection
 * (SparkStrategies.scala) and JoinSelectionHelper (joins.scala) replayed on
 * the caller's sizes and hints, the hints Spark ignores, the warnings of
 * BroadcastExchangeExec's limits, the hint to write under the policy's
 * model, the input checks and ecap_join_advise. The names are in
 * join-names.c, the sentences in join-explain.c.
 */
#include <math.h>
#include <string.h>

#include "join-internal.h"

#define MIB INT64_C(1048576)
/* Sane maxima of the inputs (documented in ecap_join_advise(3));
 * MAX_PARTITIONS is in join-internal.h. */
#define MAX_SIZE_BYTES (INT64_C(1) << 60)		/* 1 EiB */
#define MAX_ROW_COUNT INT64_C(1000000000000000)	/* 10^15 */
#define MAX_MEMORY_BYTES (INT64_C(1) << 44)		/* 16 TiB */
#define MAX_CORES 256

/* ------------------------------------------------------------------------
 * Spark's JoinSelection
 */

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

struct plan
ecap__join_select(const struct join_ctx *c, const int32_t hint[2])
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
int32_t
ecap__join_hint_ignored(const struct join_ctx *c, const struct plan *p,
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

/*
 * Warnings of a plan: BroadcastExchangeExec's limits (dataSize >= 8 GiB,
 * numRows >= 357,913,941 or 512,000,000), BNLJ memory, and a shuffled hash
 * join build partition larger than a task's execution memory.
 */
int32_t
ecap__join_warnings(const struct join_ctx *c, const struct plan *p)
{
	int32_t flags = 0;
	int s = p->side;

	if (p->strategy == ECAP_JOIN_STRATEGY_BROADCAST_HASH ||
	    p->strategy == ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP) {
		int64_t max_rows = ecap__join_max_broadcast_rows(c,
			p->strategy == ECAP_JOIN_STRATEGY_BROADCAST_HASH);

		if (c->size[s] != UNKNOWN_SIZE &&
		    c->size[s] >= ECAP_JOIN_MAX_BROADCAST_BYTES)
			flags |= ECAP_JOIN_WARN_BROADCAST_BYTES_LIMIT;
		if (c->rows[s] != 0 && c->rows[s] >= max_rows)
			flags |= ECAP_JOIN_WARN_BROADCAST_ROWS_LIMIT;
	}
	if (p->strategy == ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP)
		flags |= ECAP_JOIN_WARN_NESTED_LOOP_OOM;
	if (p->strategy == ECAP_JOIN_STRATEGY_SHUFFLE_HASH && c->task_mem > 0 &&
	    c->size[s] != UNKNOWN_SIZE &&
	    (double)c->size[s] / (double)c->parts > (double)c->task_mem)
		flags |= ECAP_JOIN_WARN_SHUFFLE_HASH_MEMORY;
	return flags;
}

/* ------------------------------------------------------------------------
 * recommendations
 */

/* Within BroadcastExchangeExec's limits, where the input says so. */
static bool
broadcast_safe(const struct join_ctx *c, int side, bool hash)
{
	int64_t max_rows = ecap__join_max_broadcast_rows(c, hash);

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

/* ------------------------------------------------------------------------
 * inputs
 */

int
ecap__join_check_enum(struct ecap_error *err, const char *field, int32_t v,
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

	if ((rc = ecap__join_check_enum(err, "join_type", in->join_type, 0,
					 ECAP_JOIN_LEFT_ANTI)) != ECAP_OK ||
	    (rc = ecap__check_bool(err, "no_equi_keys", in->no_equi_keys)) ||
	    (rc = ecap__check_bool(err, "keys_not_sortable",
				   in->keys_not_sortable)) ||
	    (rc = ecap__check_bool(err, "single_bigint_key",
				   in->single_bigint_key)) ||
	    (rc = ecap__join_check_enum(err, "left_hint", in->left_hint, 0,
				ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL)) ||
	    (rc = ecap__join_check_enum(err, "right_hint", in->right_hint, 0,
				ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL)) ||
	    (rc = ecap__join_check_enum(err, "guide_small_side",
				in->guide_small_side, 0,
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
			*p0 : ecap__join_select(c, hint);
	int32_t why[2];
	int s;

	out->strategy = p.strategy;
	out->build_side = side_enum(p.side);
	out->strategy_reason = p.reason;
	for (s = L; s <= R; s++)
		why[s] = ecap__join_hint_ignored(c, &p, hint, s);
	out->left_hint_ignored = why[L] != ECAP_JOIN_HINT_USED;
	out->left_hint_ignored_reason = why[L];
	out->right_hint_ignored = why[R] != ECAP_JOIN_HINT_USED;
	out->right_hint_ignored_reason = why[R];
	out->warning_flags = ecap__join_warnings(c, &p);
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
		p = ecap__join_select(c, hint);
	}
	out->recommended_strategy = p.strategy;
	out->recommended_build_side = side_enum(p.side);
	out->recommended_warning_flags = ecap__join_warnings(c, &p);
	if (r->side != NO_SIDE &&
	    ecap__join_hint_ignored(c, &p, hint, r->side) !=
		    ECAP_JOIN_HINT_USED)
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
	p0 = ecap__join_select(&c, no_hints);
	fill_prediction(&c, hint, &p0, out);
	memset(&r, 0, sizeof(r));
	if (policy->model == ECAP_MODEL_GUIDE)
		recommend_guide(&c, small, &r);
	else
		recommend_ecap(&c, &p0, &r);
	fill_recommendation(&c, &r, &p0, out);
	return ECAP_OK;
}
