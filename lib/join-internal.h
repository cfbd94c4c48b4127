/* SPDX-License-Identifier: MIT */
/*
 * join-internal.h - what join.c (the decision) and join-explain.c (the
 * sentences) share: the resolved inputs, Spark's plan, a recommendation,
 * and the decision functions the sentences replay.
 */
#ifndef ECAP_JOIN_INTERNAL_H
#define ECAP_JOIN_INTERNAL_H

#include "internal.h"

#define MAX_PARTITIONS INT64_C(1000000)
/* An unknown size is spark.sql.defaultSizeInBytes: Long.MaxValue. */
#define UNKNOWN_SIZE INT64_MAX

enum { L = 0, R = 1, NO_SIDE = -1 };

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

struct rec {
	int32_t hint;
	int side;		/* where the hint goes */
	int32_t reason;
};

static const char *const side_word[2] = { "left", "right" };

/* The row limit of BroadcastExchangeExec for a plan: a hashed relation
 * (not on a single bigint key) holds fewer rows than a long one. */
static inline int64_t
ecap__join_max_broadcast_rows(const struct join_ctx *c, bool hash)
{
	return hash && !c->bigint_key ? ECAP_JOIN_MAX_BROADCAST_ROWS_HASH :
					ECAP_JOIN_MAX_BROADCAST_ROWS_LONG;
}

int ecap__join_check_enum(struct ecap_error *err, const char *field,
			  int32_t v, int32_t min, int32_t max);
/* Spark's JoinSelection for the sides' hints. */
struct plan ecap__join_select(const struct join_ctx *c, const int32_t hint[2]);
/* ECAP_JOIN_HINT_USED or why Spark ignores the side's hint in plan p. */
int32_t ecap__join_hint_ignored(const struct join_ctx *c, const struct plan *p,
				const int32_t hint[2], int side);
/* The ECAP_JOIN_WARN_* bits of plan p. */
int32_t ecap__join_warnings(const struct join_ctx *c, const struct plan *p);

#endif
