/* SPDX-License-Identifier: MIT */
/*
 * The fixture most suites share: a fresh default policy `p` and an error
 * struct `err` per test (tcase_add_checked_fixture(tc, policy_setup,
 * policy_teardown), or called from a suite's own setup).
 */
#ifndef ECAP_TEST_FIXTURE_H
#define ECAP_TEST_FIXTURE_H

#include "suites.h"

extern ecap_policy *p;
extern struct ecap_error err;

void policy_setup(void);
void policy_teardown(void);
/* Selects the policy's model ("guide" or "ecap-1"). */
void use_model(const char *name);

/*
 * A suite of one advisor: ADVISOR_FIXTURE(family) declares its input `in`
 * and output `out` and setup() (both structs fresh, the policy fresh), for
 * tcase_add_checked_fixture(tc, setup, policy_teardown).
 */
#define ADVISOR_FIXTURE(family)                                            \
	static struct ecap_##family##_in in;                               \
	static struct ecap_##family##_out out;                             \
	static void setup(void)                                            \
	{                                                                  \
		ECAP_STRUCT_INIT(&in);                                     \
		ECAP_STRUCT_INIT(&out);                                    \
		policy_setup();                                            \
	}
/* advise(v): sets in.field to v and advises, asserting success. */
#define ADVISE_BY(family, field, type)                                     \
	static void advise(type v)                                         \
	{                                                                  \
		in.field = v;                                              \
		ck_assert_msg(ecap_##family##_advise(p, &in, &out, &err) == \
				      ECAP_OK, "%s", err.message);         \
	}

#endif
