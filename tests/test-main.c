/* SPDX-License-Identifier: MIT */
/*
 * test-main.c - runs every Check suite; CK_RUN_SUITE selects one.
 */
#include <stdlib.h>

#include "suites.h"

int
main(void)
{
	SRunner *sr = srunner_create(version_suite());
	int failed;

	srunner_add_suite(sr, error_suite());
	srunner_add_suite(sr, opts_suite());
	srunner_add_suite(sr, policy_suite());
	srunner_add_suite(sr, policy_json_suite());
	srunner_add_suite(sr, catalog_suite());
	srunner_add_suite(sr, partition_suite());
	srunner_add_suite(sr, partition_files_suite());
	srunner_add_suite(sr, partition_scan_suite());
	srunner_add_suite(sr, partition_aqe_suite());
	srunner_add_suite(sr, partition_bounds_suite());
	srunner_add_suite(sr, join_suite());
	srunner_add_suite(sr, join_explain_suite());
	srunner_add_suite(sr, cache_suite());
	srunner_add_suite(sr, cache_explain_suite());
	srunner_add_suite(sr, cache_fit_suite());
	srunner_add_suite(sr, cache_levels_suite());
	srunner_add_suite(sr, executor_suite());
	srunner_add_suite(sr, executor_ecap1_suite());
	srunner_add_suite(sr, executor_catalog_suite());
	srunner_add_suite(sr, executor_disk_suite());
	srunner_add_suite(sr, executor_table_suite());
	srunner_add_suite(sr, database_suite());
	srunner_add_suite(sr, database_explain_suite());
	srunner_add_suite(sr, pgtune_suite());
	srunner_add_suite(sr, kafka_suite());
	srunner_add_suite(sr, kafka_brokers_suite());
	srunner_add_suite(sr, kafka_explain_suite());
	srunner_add_suite(sr, projection_suite());
	srunner_add_suite(sr, hardening_suite());
	srunner_add_suite(sr, explain_suite());
	srunner_add_suite(sr, projection_mc_suite());
	srunner_add_suite(sr, projection_today_suite());
	srunner_add_suite(sr, batch_suite());
	srunner_add_suite(sr, json_write_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
