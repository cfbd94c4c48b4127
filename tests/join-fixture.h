/* SPDX-License-Identifier: MIT */
/*
 * join-fixture.h - what the two join suites (test-join.c, the decisions;
 * test-join-explain.c, the sentences, names and bad input) share: the
 * fixture's `in` and `out`, two sizes, and run(), text() and sizes().
 */
#ifndef ECAP_TEST_JOIN_FIXTURE_H
#define ECAP_TEST_JOIN_FIXTURE_H

#include <stdint.h>

#include "fixture.h"

/* The policy's default autoBroadcastJoinThreshold: 50 MB = 50 * 1048576. */
#define THR INT64_C(52428800)
#define BIG INT64_C(10000000000000)	/* 10 TB: never broadcast or hashed */

ADVISOR_FIXTURE(join)

/* One text of out (enum ecap_join_text), rendered on demand. */
static inline const char *
text(int32_t part)
{
	static char buf[ECAP_EXPLAIN_MAX];
	int rc = ecap_join_explain_part(&out, part, buf, sizeof(buf), &err);

	ck_assert_msg(rc == ECAP_OK, "rc %d: %s", rc, err.message);
	return buf;
}

static inline void
run(void)
{
	int rc = ecap_join_advise(p, &in, &out, &err);

	ck_assert_msg(rc == ECAP_OK, "rc %d: %s", rc, err.message);
	ck_assert_int_eq(err.code, ECAP_OK);
	ck_assert(text(ECAP_JOIN_TEXT_STRATEGY)[0] != '\0');
	ck_assert(text(ECAP_JOIN_TEXT_RECOMMENDATION)[0] != '\0');
}

static inline void
sizes(int64_t left, int64_t right)
{
	in.left_size_bytes = left;
	in.right_size_bytes = right;
}

#endif
