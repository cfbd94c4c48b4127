/* SPDX-License-Identifier: MIT */
/*
 * PostgreSQL sizing's sentences, names and bad input: ecap_database_explain
 * (its buffer rules and its longest sentence), the names of the database
 * family's enums and flags, and every bad argument of ecap_database_advise.
 * The sizing itself is in test-database.c.
 */
#include <stdint.h>
#include <string.h>

#include "database-fixture.h"

/* ---- bad input ---- */

START_TEST(bad_input)
{
	struct {
		struct ecap_database_in in;
		char tail[8];
	} big;

	ck_assert_err(ecap_database_advise(NULL, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_database_advise(p, NULL, &out, &err),
		      ECAP_ERR_INVALID, err, "ecap_database_in");
	ck_assert_err(ecap_database_advise(p, &in, NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_database_out");
	in.transactions_per_day = NAN;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "transactions_per_day");
	in.transactions_per_day = INFINITY;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "transactions_per_day");
	in.transactions_per_day = -1;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "transactions_per_day");
	/* above the documented 1e12 a day */
	in.transactions_per_day = 2e12;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "transactions_per_day");
	in.transactions_per_day = 1000;
	in.retention_days = -1;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "retention_days");
	in.retention_days = 36501;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "retention_days");
	in.retention_days = 0;
	in.workload = 6;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "workload");
	in.workload = 0;
	in.storage_type = -1;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "storage_type");
	in.storage_type = 0;
	in.postgres_version = 9;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "postgres_version");
	in.postgres_version = 0;
	in.max_connections_count = -1;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "max_connections_count");
	in.max_connections_count = 0;
	in.app_instance_count = 100001;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "app_instance_count");
	in.app_instance_count = 0;
	/* a policy naming an unknown workload */
	ck_assert_int_eq(ecap_policy_set_string(p, "database.workload", "batch",
						&err), 0);
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "database.workload");
	ck_assert_int_eq(ecap_policy_set_string(p, "database.workload", "dw",
						&err), 0);
	in.sz = sizeof(size_t);
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_database_in");
	out.sz = 8;
	in.sz = sizeof(in);
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_database_out");
	ECAP_STRUCT_INIT(&out);
	/* a larger struct with a zero tail is accepted, a non-zero one not */
	memset(&big, 0, sizeof(big));
	big.in = in;
	big.in.sz = sizeof(big);
	ck_assert_int_eq(ecap_database_advise(p, &big.in, &out, &err), 0);
	ck_assert_int_eq(out.workload, ECAP_DATABASE_WORKLOAD_DW);
	big.tail[3] = 1;
	ck_assert_err(ecap_database_advise(p, &big.in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_database_in");
}
END_TEST

/* ---- explanation and names ---- */

START_TEST(explain_sentences)
{
	struct ecap_database_out empty;
	char small[16];

	use_model("guide");
	advise(10000, 0);
	ck_assert_msg(strstr(explain(), "within the guide's") != NULL, "%s",
		      explain());
	ck_assert_int_lt((int)strlen(explain()), ECAP_EXPLAIN_MAX);
	/* a short buffer: the truncated sentence and NOSPACE */
	ck_assert_err(ecap_database_explain(&out, small, sizeof(small), &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_uint_eq(strlen(small), sizeof(small) - 1);
	ck_assert(strncmp(small, "guide: 16 GB of", 15) == 0);
	ck_assert_err(ecap_database_explain(&out, NULL, 10, &err),
		      ECAP_ERR_INVALID, err, "buf");
	ECAP_STRUCT_INIT(&empty);
	ck_assert_err(ecap_database_explain(&empty, small, sizeof(small), &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
	/* the longest sentence fits ECAP_EXPLAIN_MAX */
	use_model("ecap-1");
	set_double("database.iops_per_transaction", 10000.0);
	set_double("database.transactions_per_vcpu_second", 0.01);
	advise(1e12, 36500);
	ck_assert_int_lt((int)strlen(explain()), ECAP_EXPLAIN_MAX);
}
END_TEST

START_TEST(names)
{
	static const struct {
		int32_t value;
		const char *name;
	} reasons[] = {
		{ ECAP_DATABASE_REASON_GUIDE_THRESHOLD, "guide-threshold" },
		{ ECAP_DATABASE_REASON_GUIDE_UNDERSIZED, "guide-undersized" },
		{ ECAP_DATABASE_REASON_CHEAPEST_FIT, "cheapest-fit" },
		{ ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE, "beyond-one-instance" },
		{ ECAP_DATABASE_REASON_READ_REPLICAS, "read-replicas" },
		{ ECAP_DATABASE_REASON_SHAPE_GIVEN, "shape-given" },
	};
	int32_t v;
	uint32_t f, bit;
	size_t i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++) {
		ck_assert_str_eq(ecap_database_reason_to_string(reasons[i].value),
				 reasons[i].name);
		ck_assert_int_eq(ecap_database_reason_from_string(
			reasons[i].name, &v, &err), 0);
		ck_assert_int_eq(v, reasons[i].value);
	}
	ck_assert_ptr_null(ecap_database_reason_to_string(0));
	ck_assert_err(ecap_database_reason_from_string("fits", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
	ck_assert_str_eq(ecap_database_workload_to_string(ECAP_DATABASE_WORKLOAD_DW),
			 "dw");
	ck_assert_int_eq(ecap_database_workload_from_string("oltp", &v, &err), 0);
	ck_assert_int_eq(v, ECAP_DATABASE_WORKLOAD_OLTP);
	ck_assert_int_eq(ecap_database_workload_from_string("data-warehouse", &v,
							    &err), 0);
	ck_assert_int_eq(v, ECAP_DATABASE_WORKLOAD_DW);
	ck_assert_ptr_null(ecap_database_workload_to_string(6));
	ck_assert_str_eq(ecap_database_storage_to_string(ECAP_DATABASE_STORAGE_NVME),
			 "nvme");
	ck_assert_err(ecap_database_storage_from_string("tape", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "storage_type");
	/* every flag bit has a name and parses back */
	for (bit = 1; bit <= ECAP_DATABASE_FLAG_READS_SHORT; bit <<= 1) {
		ck_assert_ptr_nonnull(ecap_database_flag_to_string(bit));
		ck_assert_int_eq(ecap_database_flag_from_string(
			ecap_database_flag_to_string(bit), &f, &err), 0);
		ck_assert_uint_eq(f, bit);
	}
	ck_assert_str_eq(ecap_database_flag_to_string(
		ECAP_DATABASE_FLAG_ANALYTICS_TO_LAKE), "analytics-to-lake");
	ck_assert_ptr_null(ecap_database_flag_to_string(3));
	ck_assert_ptr_null(ecap_database_flag_to_string(0));
	ck_assert_err(ecap_database_flag_from_string("x", &f, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "flag");
}
END_TEST

Suite *
database_explain_suite(void)
{
	Suite *s = suite_create("database-explain");
	TCase *tc = tcase_create("database-explain");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, bad_input);
	tcase_add_test(tc, explain_sentences);
	tcase_add_test(tc, names);
	suite_add_tcase(s, tc);
	return s;
}
