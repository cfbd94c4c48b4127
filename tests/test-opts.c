/* SPDX-License-Identifier: MIT */
/*
 * The size-prefixed struct rule, exercised through public calls that take
 * an input struct (ecap_policy_scenario_set) and an output struct
 * (ecap_policy_key_at).
 */
#include "suites.h"

static struct ecap_scenario
scenario(const char *name)
{
	struct ecap_scenario s;

	ECAP_STRUCT_INIT(&s);
	strcpy(s.name, name);
	s.yearly_growth_ratio = 0.4;
	s.seasonal_peak_factor = 2.5;
	return s;
}

START_TEST(input_exact_size_accepted)
{
	struct ecap_error err;
	struct ecap_scenario s = scenario("exact");
	ecap_policy *p = NULL;

	ECAP_STRUCT_INIT(&err);
	ck_assert_int_eq(ecap_policy_new(&p, &err), 0);
	ck_assert_int_eq(ecap_policy_scenario_set(p, &s, &err), 0);
	ecap_policy_free(&p);
	ck_assert_ptr_null(p);
}
END_TEST

START_TEST(input_too_small_rejected)
{
	static const size_t sizes[] = { 0, 1, sizeof(size_t),
					sizeof(struct ecap_scenario) - 8 - 1 };
	struct ecap_error err;
	struct ecap_scenario s = scenario("small");
	ecap_policy *p = NULL;
	size_t i;

	ECAP_STRUCT_INIT(&err);
	ck_assert_int_eq(ecap_policy_new(&p, &err), 0);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		s.sz = sizes[i];
		ck_assert_err(ecap_policy_scenario_set(p, &s, &err),
			      ECAP_ERR_STRUCT_SIZE, err, "ecap_scenario");
	}
	ck_assert_uint_eq(ecap_policy_scenario_count(p), 3);
	ecap_policy_free(&p);
}
END_TEST

/* A newer caller's larger struct: the tail this library does not know. */
struct newer_scenario {
	struct ecap_scenario s;
	double future_field;
	char more[24];
};

START_TEST(input_larger_zero_tail_accepted)
{
	struct ecap_error err;
	struct newer_scenario big;
	ecap_policy *p = NULL;

	memset(&big, 0, sizeof(big));
	big.s = scenario("newer");
	big.s.sz = sizeof(big);
	ECAP_STRUCT_INIT(&err);
	ck_assert_int_eq(ecap_policy_new(&p, &err), 0);
	ck_assert_int_eq(ecap_policy_scenario_set(p, &big.s, &err), 0);
	ck_assert_uint_eq(ecap_policy_scenario_count(p), 4);
	ecap_policy_free(&p);
}
END_TEST

START_TEST(input_larger_nonzero_tail_rejected)
{
	struct ecap_error err;
	struct newer_scenario big;
	ecap_policy *p = NULL;

	memset(&big, 0, sizeof(big));
	big.s = scenario("newer");
	big.s.sz = sizeof(big);
	big.more[23] = 1;
	ECAP_STRUCT_INIT(&err);
	ck_assert_int_eq(ecap_policy_new(&p, &err), 0);
	ck_assert_err(ecap_policy_scenario_set(p, &big.s, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_scenario");
	ck_assert_ptr_nonnull(strstr(err.message, "non-zero"));
	big.more[23] = 0;
	big.future_field = 1.0;
	ck_assert_err(ecap_policy_scenario_set(p, &big.s, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_scenario");
	ck_assert_uint_eq(ecap_policy_scenario_count(p), 3);
	ecap_policy_free(&p);
}
END_TEST

START_TEST(input_null_rejected)
{
	struct ecap_error err;
	ecap_policy *p = NULL;

	ECAP_STRUCT_INIT(&err);
	ck_assert_int_eq(ecap_policy_new(&p, &err), 0);
	ck_assert_err(ecap_policy_scenario_set(p, NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_scenario");
	ecap_policy_free(&p);
}
END_TEST

START_TEST(output_sizes)
{
	struct {
		struct ecap_key_info info;
		char tail[16];
	} big;
	struct ecap_error err;

	ECAP_STRUCT_INIT(&err);
	memset(&big, 0, sizeof(big));
	big.info.sz = sizeof(big);
	ck_assert_int_eq(ecap_policy_key_at(0, &big.info, &err), 0);
	ck_assert_str_eq(big.info.name, "model");
	/* The library never writes past the fields it knows. */
	ck_assert_int_eq(big.tail[0], 0);
	big.tail[3] = 7;
	ck_assert_err(ecap_policy_key_at(0, &big.info, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_key_info");
	big.info.sz = 4;
	ck_assert_err(ecap_policy_key_at(0, &big.info, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_key_info");
}
END_TEST

START_TEST(opts_macro_zero_fills)
{
	ECAP_OPTS(ecap_scenario, s, .yearly_growth_ratio = 0.1,
		  .seasonal_peak_factor = 1.5);
	const unsigned char *bytes = (const unsigned char *)&s;
	size_t i;

	ck_assert_uint_eq(s.sz, sizeof(struct ecap_scenario));
	ck_assert_double_near(s.yearly_growth_ratio, 0.1);
	for (i = 0; i < sizeof(s.name); i++)
		ck_assert_int_eq(bytes[offsetof(struct ecap_scenario, name) + i], 0);
}
END_TEST

Suite *
opts_suite(void)
{
	Suite *s = suite_create("opts");
	TCase *tc = tcase_create("sz rule");

	tcase_add_test(tc, input_exact_size_accepted);
	tcase_add_test(tc, input_too_small_rejected);
	tcase_add_test(tc, input_larger_zero_tail_accepted);
	tcase_add_test(tc, input_larger_nonzero_tail_rejected);
	tcase_add_test(tc, input_null_rejected);
	tcase_add_test(tc, output_sizes);
	tcase_add_test(tc, opts_macro_zero_fills);
	suite_add_tcase(s, tc);
	return s;
}
