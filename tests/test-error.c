/* SPDX-License-Identifier: MIT */
#include "suites.h"

START_TEST(codes_are_pinned)
{
	/* The values are ABI: never renumbered. */
	ck_assert_int_eq(ECAP_OK, 0);
	ck_assert_int_eq(ECAP_ERR_INVALID, -4001);
	ck_assert_int_eq(ECAP_ERR_RANGE, -4002);
	ck_assert_int_eq(ECAP_ERR_STRUCT_SIZE, -4003);
	ck_assert_int_eq(ECAP_ERR_UNKNOWN_ENUM, -4004);
	ck_assert_int_eq(ECAP_ERR_UNKNOWN_KEY, -4005);
	ck_assert_int_eq(ECAP_ERR_TYPE, -4006);
	ck_assert_int_eq(ECAP_ERR_JSON, -4007);
	ck_assert_int_eq(ECAP_ERR_UNKNOWN_MODEL, -4008);
	ck_assert_int_eq(ECAP_ERR_NOMEM, -4009);
	ck_assert_int_eq(ECAP_ERR_IO, -4010);
	ck_assert_int_eq(ECAP_ERR_NOSPACE, -4011);
	ck_assert_int_eq(ECAP_ERR_NOT_FOUND, -4012);
	ck_assert_int_eq(ECAP_ERR_LIMIT, -4013);
}
END_TEST

START_TEST(strerror_names_every_code)
{
	int code;

	ck_assert_str_eq(ecap_strerror(ECAP_OK), "success");
	ck_assert_str_eq(ecap_strerror(ECAP_ERR_RANGE), "value out of range");
	ck_assert_str_eq(ecap_strerror(ECAP_ERR_STRUCT_SIZE),
			 "bad struct size");
	for (code = ECAP_ERR_LIMIT; code <= ECAP_ERR_INVALID; code++) {
		ck_assert_ptr_nonnull(ecap_strerror(code));
		ck_assert_str_ne(ecap_strerror(code), "unknown error");
	}
}
END_TEST

START_TEST(strerror_unknown_is_never_null)
{
	static const int unknown[] = { 1, -1, -4000, -4014, -5000, 4001,
				       -2147483647 - 1, 2147483647 };
	size_t i;

	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		ck_assert_str_eq(ecap_strerror(unknown[i]), "unknown error");
}
END_TEST

START_TEST(error_struct_filled_and_reset)
{
	struct ecap_error err;
	int32_t model;

	ECAP_STRUCT_INIT(&err);
	ck_assert_err(ecap_model_from_string("gide", &model, &err),
		      ECAP_ERR_UNKNOWN_MODEL, err, "model");
	ck_assert_ptr_nonnull(strstr(err.message, "gide"));
	/* A successful call resets it. */
	ck_assert_int_eq(ecap_model_from_string("guide", &model, &err), 0);
	ck_assert_int_eq(err.code, 0);
	ck_assert_str_eq(err.field, "");
	ck_assert_str_eq(err.message, "");
	ck_assert_int_eq(model, ECAP_MODEL_GUIDE);
}
END_TEST

START_TEST(error_struct_too_small_is_not_written)
{
	struct ecap_error err;
	int32_t model;

	memset(&err, 0x5a, sizeof(err));
	err.sz = sizeof(size_t);
	ck_assert_int_eq(ecap_model_from_string("x", &model, &err),
			 ECAP_ERR_UNKNOWN_MODEL);
	ck_assert_int_eq(err.code, 0x5a5a5a5a);
	/* NULL is allowed and ignored. */
	ck_assert_int_eq(ecap_model_from_string("x", &model, NULL),
			 ECAP_ERR_UNKNOWN_MODEL);
}
END_TEST

START_TEST(models_convert_both_ways)
{
	struct ecap_error err;
	int32_t m = 0;

	ECAP_STRUCT_INIT(&err);
	ck_assert_str_eq(ecap_model_to_string(ECAP_MODEL_GUIDE), "guide");
	ck_assert_str_eq(ecap_model_to_string(ECAP_MODEL_ECAP_1), "ecap-1");
	ck_assert_ptr_null(ecap_model_to_string(0));
	ck_assert_ptr_null(ecap_model_to_string(3));
	ck_assert_int_eq(ecap_model_from_string("ecap-1", &m, &err), 0);
	ck_assert_int_eq(m, ECAP_MODEL_ECAP_1);
	ck_assert_err(ecap_model_from_string(NULL, &m, &err),
		      ECAP_ERR_INVALID, err, "name");
	ck_assert_err(ecap_model_from_string("guide", NULL, &err),
		      ECAP_ERR_INVALID, err, "model");
	ck_assert_err(ecap_model_from_string("", &m, &err),
		      ECAP_ERR_UNKNOWN_MODEL, err, "model");
	ck_assert_err(ecap_model_from_string("GUIDE", &m, &err),
		      ECAP_ERR_UNKNOWN_MODEL, err, "model");
}
END_TEST

START_TEST(free_null_is_noop)
{
	ecap_free(NULL);
}
END_TEST

Suite *
error_suite(void)
{
	Suite *s = suite_create("error");
	TCase *tc = tcase_create("error");

	tcase_add_test(tc, codes_are_pinned);
	tcase_add_test(tc, strerror_names_every_code);
	tcase_add_test(tc, strerror_unknown_is_never_null);
	tcase_add_test(tc, error_struct_filled_and_reset);
	tcase_add_test(tc, error_struct_too_small_is_not_written);
	tcase_add_test(tc, models_convert_both_ways);
	tcase_add_test(tc, free_null_is_noop);
	suite_add_tcase(s, tc);
	return s;
}
