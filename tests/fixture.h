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

#endif
