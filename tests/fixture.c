/* SPDX-License-Identifier: MIT */
#include "fixture.h"

ecap_policy *p;
struct ecap_error err;

void
policy_setup(void)
{
	ECAP_STRUCT_INIT(&err);
	ck_assert_int_eq(ecap_policy_new(&p, &err), 0);
}

void
policy_teardown(void)
{
	ecap_policy_free(&p);
}

void
use_model(const char *name)
{
	ck_assert_msg(ecap_policy_set_string(p, "model", name, &err) == 0,
		      "model %s: %s", name, err.message);
}
