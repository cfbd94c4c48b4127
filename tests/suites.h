/* SPDX-License-Identifier: MIT */
#ifndef ECAP_TEST_SUITES_H
#define ECAP_TEST_SUITES_H

#include <check.h>
#include <math.h>
#include <string.h>

#include "ecaptune.h"

/* One suite per family; test-main.c runs them all. */
Suite *version_suite(void);
Suite *error_suite(void);
Suite *opts_suite(void);
Suite *policy_suite(void);
Suite *policy_json_suite(void);
Suite *catalog_suite(void);
Suite *partition_suite(void);
Suite *partition_files_suite(void);
Suite *partition_scan_suite(void);
Suite *partition_aqe_suite(void);
Suite *partition_bounds_suite(void);
Suite *join_suite(void);
Suite *join_explain_suite(void);
Suite *cache_suite(void);
Suite *cache_explain_suite(void);
Suite *cache_fit_suite(void);
Suite *cache_levels_suite(void);
Suite *executor_suite(void);
Suite *executor_ecap1_suite(void);
Suite *executor_catalog_suite(void);
Suite *executor_disk_suite(void);
Suite *executor_table_suite(void);
Suite *database_suite(void);
Suite *database_explain_suite(void);
Suite *pgtune_suite(void);
Suite *kafka_suite(void);
Suite *kafka_brokers_suite(void);
Suite *kafka_explain_suite(void);
Suite *projection_suite(void);
Suite *hardening_suite(void);
Suite *explain_suite(void);
Suite *projection_mc_suite(void);
Suite *projection_today_suite(void);
Suite *batch_suite(void);
Suite *json_write_suite(void);

/* Asserts a double to within a relative 1e-12 (exact where both are 0). */
#define ck_assert_double_near(a, b)                                        \
	do {                                                               \
		double a_ = (a), b_ = (b);                                 \
		ck_assert_msg(fabs(a_ - b_) <= 1e-12 * fmax(fabs(a_), fabs(b_)), \
			      "%s = %.17g, expected %.17g", #a, a_, b_);  \
	} while (0)

/* Asserts rc equals code and that err names field. */
#define ck_assert_err(rc, want, err, fld)                                  \
	do {                                                               \
		int rc_ = (rc);                                            \
		ck_assert_msg(rc_ == (want), "%s = %d (%s), expected %s: %s", \
			      #rc, rc_, ecap_strerror(rc_), #want,         \
			      (err).message);                              \
		ck_assert_int_eq((err).code, (want));                      \
		ck_assert_str_eq((err).field, (fld));                      \
		ck_assert_msg((err).message[0] != '\0', "empty message");  \
	} while (0)

#endif
