/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include "suites.h"

START_TEST(version_matches_header)
{
	char buf[32];

	ck_assert_str_eq(ecap_version_string(), ECAP_VERSION_STRING);
	ck_assert_uint_eq(ecap_version_number(), ECAP_VERSION_NUMBER);
	snprintf(buf, sizeof(buf), "%d.%d.%d", ECAP_VERSION_MAJOR,
		 ECAP_VERSION_MINOR, ECAP_VERSION_PATCH);
	ck_assert_str_eq(ecap_version_string(), buf);
}
END_TEST

START_TEST(version_packing)
{
	/* 1.0.0 packs to 0x010000; packing orders versions. */
	ck_assert_uint_eq(ECAP_VERSION_PACK(1, 0, 0), 0x010000u);
	ck_assert_uint_eq(ECAP_VERSION_PACK(1, 2, 3), 0x010203u);
	ck_assert(ECAP_VERSION_PACK(1, 10, 0) > ECAP_VERSION_PACK(1, 9, 255));
	ck_assert_uint_eq(ecap_version_number() >> 16, ECAP_VERSION_MAJOR);
}
END_TEST

Suite *
version_suite(void)
{
	Suite *s = suite_create("version");
	TCase *tc = tcase_create("version");

	tcase_add_test(tc, version_matches_header);
	tcase_add_test(tc, version_packing);
	suite_add_tcase(s, tc);
	return s;
}
