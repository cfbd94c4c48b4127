/* SPDX-License-Identifier: MIT */
/*
 * join-explain.c - the sentences of a join advice, rendered on demand from
 * the advice alone: Spark's strategy and why, the hints it ignores, the
 * warnings, and the ecap-1 or guide recommendation
 * (ecap_join_explain_part, ecap_join_explain). The decision is in join.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "join-internal.h"

/* ------------------------------------------------------------------------
 * text
 */

/* Appends formatted text to buf[cap], truncating. */
static void ECAP_PRINTF(3, 4)
append(char *buf, size_t cap, const char *fmt, ...)
{
	size_t n;
	va_list ap;

	if ((n = strlen(buf)) + 1 >= cap)
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

/* The sentences of the warnings of plan p (ecap__join_warnings). */
static void
plan_warnings(const struct join_ctx *c, const struct plan *p, char *buf,
	      size_t cap)
{
	int32_t flags = ecap__join_warnings(c, p);
	int s = p->side;

	if (flags & ECAP_JOIN_WARN_BROADCAST_BYTES_LIMIT)
		append(buf, cap, "%sBroadcasting the %s side's %lld "
		       "bytes fails: Spark cannot broadcast 8 GiB "
		       "(8589934592 bytes) or more.", buf[0] ? " " : "",
		       side_word[s], (long long)c->size[s]);
	if (flags & ECAP_JOIN_WARN_BROADCAST_ROWS_LIMIT)
		append(buf, cap, "%sBroadcasting the %s side's %lld "
		       "rows fails: the limit is %lld rows.",
		       buf[0] ? " " : "", side_word[s],
		       (long long)c->rows[s],
		       (long long)ecap__join_max_broadcast_rows(c,
			p->strategy == ECAP_JOIN_STRATEGY_BROADCAST_HASH));
	if (flags & ECAP_JOIN_WARN_NESTED_LOOP_OOM)
		append(buf, cap, "%sA broadcast nested loop join may run out "
		       "of memory.", buf[0] ? " " : "");
	if (flags & ECAP_JOIN_WARN_SHUFFLE_HASH_MEMORY)
		append(buf, cap, "%sThe shuffled hash join builds %.0f bytes "
		       "per partition (%lld / %lld partitions), more than the "
		       "%lld bytes of execution memory per task.",
		       buf[0] ? " " : "",
		       (double)c->size[s] / (double)c->parts,
		       (long long)c->size[s], (long long)c->parts,
		       (long long)c->task_mem);
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

/* The guide recommendation's sentence: optimize_join's count and limit. */
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
 * explanations, rendered on demand from an advice
 */

static int
side_index(int32_t side)
{
	return side == ECAP_JOIN_BUILD_LEFT ? L :
	       side == ECAP_JOIN_BUILD_RIGHT ? R : NO_SIDE;
}

/* A side (enum ecap_join_build_side) where the plan or hint has one, none
 * where not: what ecap_join_advise() writes, and what the sentences index
 * by. */
static int
check_side(struct ecap_error *err, const char *field, int32_t side,
	   bool has_side)
{
	if (has_side ? side == ECAP_JOIN_BUILD_LEFT ||
			       side == ECAP_JOIN_BUILD_RIGHT :
		       side == ECAP_JOIN_BUILD_NONE)
		return ECAP_OK;
	return ecap__fail(err, ECAP_ERR_INVALID, field, "%s is %d; it must be "
			  "%s here", field, (int)side,
			  has_side ? "left (1) or right (2)" : "none (0)");
}

static bool
builds_a_side(int32_t strategy)
{
	return strategy == ECAP_JOIN_STRATEGY_BROADCAST_HASH ||
	       strategy == ECAP_JOIN_STRATEGY_SHUFFLE_HASH ||
	       strategy == ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP;
}

/* The sides of the plans and of the recommended hint, consistent: the
 * guide always recommends a hint. */
static int
check_sides(const struct ecap_join_out *a, struct ecap_error *err)
{
	int rc;

	if ((rc = check_side(err, "build_side", a->build_side,
			     builds_a_side(a->strategy))) ||
	    (rc = check_side(err, "recommended_build_side",
			     a->recommended_build_side,
			     builds_a_side(a->recommended_strategy))) ||
	    (rc = check_side(err, "recommended_hint_side",
			     a->recommended_hint_side,
			     a->recommended_hint != ECAP_JOIN_HINT_NONE)))
		return rc;
	if (a->model == ECAP_MODEL_GUIDE &&
	    a->recommended_hint == ECAP_JOIN_HINT_NONE)
		return ecap__fail(err, ECAP_ERR_INVALID, "recommended_hint",
				  "recommended_hint is none (0) but the guide "
				  "model always recommends a hint");
	return ECAP_OK;
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

	if ((rc = ecap__join_check_enum(err, "join_type", a->join_type,
					 ECAP_JOIN_INNER, ECAP_JOIN_LEFT_ANTI)) ||
	    (rc = ecap__join_check_enum(err, "left_hint", a->left_hint, 0,
				ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL)) ||
	    (rc = ecap__join_check_enum(err, "right_hint", a->right_hint, 0,
				ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL)) ||
	    (rc = ecap__join_check_enum(err, "strategy", a->strategy,
				ECAP_JOIN_STRATEGY_BROADCAST_HASH,
				ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP)) ||
	    (rc = ecap__join_check_enum(err, "recommended_strategy",
				a->recommended_strategy,
				ECAP_JOIN_STRATEGY_BROADCAST_HASH,
				ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP)) ||
	    (rc = ecap__join_check_enum(err, "recommended_hint",
				a->recommended_hint, 0,
				ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL)) ||
	    (rc = ecap__check_int64(err, "shuffle_partitions_count",
				    a->shuffle_partitions_count, 1,
				    MAX_PARTITIONS)) ||
	    /* advise writes the resolved version, 3.0 .. 4.99 (INT32_MIN
	     * x 100 overflowed below) */
	    (rc = ecap__check_int64(err, "spark_version_major",
				    a->spark_version_major, 3, 4)) ||
	    (rc = ecap__check_int64(err, "spark_version_minor",
				    a->spark_version_minor, 0, 99)) ||
	    /* muchSmaller divides by the factor: the policy's range */
	    (rc = ecap__check_double(err, "shuffle_hash_factor",
				     a->shuffle_hash_factor, 1.0, 1000000.0)) ||
	    /* threshold x partitions fits an int64 */
	    (rc = ecap__check_int64(err, "broadcast_threshold_bytes",
				    a->broadcast_threshold_bytes, -1,
				    ECAP_JOIN_MAX_BROADCAST_BYTES)) ||
	    (rc = check_sides(a, err)))
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
	struct plan t = { a->recommended_strategy,
			  side_index(a->recommended_build_side), a->reason,
			  false };

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
	p = ecap__join_select(c, hint);
	(void)plan_warnings(c, &p, buf, cap);
	if (side != NO_SIDE &&
	    (why = ecap__join_hint_ignored(c, &p, hint, side)) !=
		    ECAP_JOIN_HINT_USED)
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
	    (rc = ecap__join_check_enum(err, "part", part,
				ECAP_JOIN_TEXT_RECOMMENDATION,
				ECAP_JOIN_TEXT_RECOMMENDED_WARNINGS)) ||
	    (rc = context_from(advice, &c, hint, err)) != ECAP_OK)
		return rc;
	p.strategy = advice->strategy;
	p.side = side_index(advice->build_side);
	p.reason = advice->strategy_reason;
	p.hinted = false;
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
