/* SPDX-License-Identifier: MIT */
/*
 * database-fixture.h - what the two database suites (test-database.c, the
 * sizing; test-database-explain.c, the sentences, names and bad input)
 * share: the fixture's `in` and `out`, advise(), explain() and
 * set_double().
 */
#ifndef ECAP_TEST_DATABASE_FIXTURE_H
#define ECAP_TEST_DATABASE_FIXTURE_H

#include <stdint.h>

#include "fixture.h"

ADVISOR_FIXTURE(database)

/* Sizes tx transactions a day kept retention days, asserting success. */
static inline void
advise(double tx, int64_t retention)
{
	in.transactions_per_day = tx;
	in.retention_days = retention;
	ck_assert_msg(ecap_database_advise(p, &in, &out, &err) == 0, "%s",
		      err.message);
}

/* The sentence for out. */
static inline const char *
explain(void)
{
	static char text[ECAP_EXPLAIN_MAX];

	ck_assert_msg(ecap_database_explain(&out, text, sizeof(text), &err) == 0,
		      "%s", err.message);
	return text;
}

static inline void
set_double(const char *key, double v)
{
	ck_assert_msg(ecap_policy_set_double(p, key, v, &err) == 0, "%s",
		      err.message);
}

#endif
