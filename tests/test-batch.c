/* SPDX-License-Identifier: MIT */
/*
 * ecap_advise_batch: the same answers as one call per input, per-item
 * return codes, and the array rules.
 */
#include "fixture.h"

#define N 4

/* Each item of a batch equals the single call on the same input. */
START_TEST(same_as_single_calls)
{
	struct ecap_executor_in in[N], one;
	struct ecap_executor_out out[N], single;
	int32_t rc[N];
	int i;

	for (i = 0; i < N; i++) {
		ECAP_STRUCT_INIT(&in[i]);
		in[i].daily_data_gb = 25.0 * (i + 1);
	}
	memset(out, 0, sizeof(out));
	out[0].sz = sizeof(out[0]);	/* the library sets the others' sz */
	ck_assert_int_eq(ecap_advise_batch(p, ECAP_ADVISOR_EXECUTOR, in, out,
					   N, rc, &err), ECAP_OK);
	for (i = 0; i < N; i++) {
		one = in[i];
		ECAP_STRUCT_INIT(&single);
		ck_assert_int_eq(ecap_executor_advise(p, &one, &single, &err), 0);
		ck_assert_int_eq(rc[i], ECAP_OK);
		ck_assert_uint_eq(out[i].sz, sizeof(out[i]));
		ck_assert_int_eq(memcmp(&out[i], &single, sizeof(single)), 0);
	}
}
END_TEST

/* Output arrays full of stale bytes (a reused buffer): every item that
 * succeeds equals its single call byte for byte, every failed item is
 * zeroed, for each advisor whose fast path writes fields in place. */
START_TEST(stale_outputs)
{
	struct ecap_database_in in[N];
	struct ecap_database_out out[N], single;
	size_t known = offsetof(struct ecap_database_out,
				ecap_database_out__last_field) +
		       sizeof(out[0].ecap_database_out__last_field);
	int32_t rc[N];
	int i, model;

	for (model = 0; model < 2; model++) {
		use_model(model == 0 ? "guide" : "ecap-1");
		for (i = 0; i < N; i++) {
			ECAP_STRUCT_INIT(&in[i]);
			in[i].transactions_per_day = 1e5 * (i + 1);
			memset(&out[i], 0xab, known);
			memset((unsigned char *)&out[i] + known, 0,
			       sizeof(out[i]) - known);
		}
		in[2].transactions_per_day = -1;
		out[0].sz = sizeof(out[0]);
		ck_assert_err(ecap_advise_batch(p, ECAP_ADVISOR_DATABASE, in,
						out, N, rc, &err),
			      ECAP_ERR_RANGE, err, "transactions_per_day");
		for (i = 0; i < N; i++) {
			ECAP_STRUCT_INIT(&single);
			if (i == 2) {
				ck_assert_int_eq(rc[i], ECAP_ERR_RANGE);
				single.sz = sizeof(single);
			} else {
				ck_assert_int_eq(rc[i], ECAP_OK);
				ck_assert_int_eq(ecap_database_advise(
							 p, &in[i], &single,
							 &err), 0);
			}
			ck_assert_msg(memcmp(&out[i], &single, sizeof(single)) ==
					      0, "model %d item %d", model, i);
		}
	}
}
END_TEST

/* A bad item: with rc every item runs and the first failure is reported
 * with its index; without rc the batch stops there. */
START_TEST(per_item_codes)
{
	struct ecap_database_in in[N];
	struct ecap_database_out out[N];
	int32_t rc[N];
	int i;

	for (i = 0; i < N; i++) {
		ECAP_STRUCT_INIT(&in[i]);
		in[i].transactions_per_day = 1e6;
	}
	in[1].transactions_per_day = -1;
	in[3].transactions_per_day = NAN;
	memset(out, 0, sizeof(out));
	out[0].sz = sizeof(out[0]);
	ck_assert_err(ecap_advise_batch(p, ECAP_ADVISOR_DATABASE, in, out, N,
					rc, &err),
		      ECAP_ERR_RANGE, err, "transactions_per_day");
	ck_assert_msg(strncmp(err.message, "item 1: ", 8) == 0, "%s",
		      err.message);
	ck_assert_int_eq(rc[0], ECAP_OK);
	ck_assert_int_eq(rc[1], ECAP_ERR_RANGE);
	ck_assert_int_eq(rc[2], ECAP_OK);
	ck_assert_int_eq(rc[3], ECAP_ERR_INVALID);
	ck_assert(out[2].memory_required_gb > 0);
	/* without rc: stops at item 1, item 2 untouched */
	memset(out, 0, sizeof(out));
	out[0].sz = sizeof(out[0]);
	ck_assert_err(ecap_advise_batch(p, ECAP_ADVISOR_DATABASE, in, out, N,
					NULL, &err),
		      ECAP_ERR_RANGE, err, "transactions_per_day");
	ck_assert(out[0].memory_required_gb > 0);
	ck_assert_uint_eq(out[2].sz, 0);
}
END_TEST

START_TEST(bad_arguments)
{
	struct ecap_kafka_in in;
	struct ecap_kafka_out out;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	in.events_per_second = 1000;
	ck_assert_err(ecap_advise_batch(p, 0, &in, &out, 1, NULL, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "advisor");
	ck_assert_err(ecap_advise_batch(p, 7, &in, &out, 1, NULL, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "advisor");
	ck_assert_err(ecap_advise_batch(NULL, ECAP_ADVISOR_KAFKA, &in, &out,
					1, NULL, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_advise_batch(p, ECAP_ADVISOR_KAFKA, NULL, &out, 1,
					NULL, &err),
		      ECAP_ERR_INVALID, err, "in");
	ck_assert_err(ecap_advise_batch(p, ECAP_ADVISOR_KAFKA, &in, NULL, 1,
					NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_kafka_out");
	out.sz = 8;
	ck_assert_err(ecap_advise_batch(p, ECAP_ADVISOR_KAFKA, &in, &out, 1,
					NULL, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_kafka_out");
	/* nothing to do is success, whatever the pointers */
	ck_assert_int_eq(ecap_advise_batch(p, ECAP_ADVISOR_KAFKA, NULL, NULL,
					   0, NULL, &err), ECAP_OK);
}
END_TEST

START_TEST(advisor_names)
{
	static const char *const names[] = { "partition", "join", "cache",
					     "executor", "database", "kafka" };
	int32_t a, v;

	for (a = ECAP_ADVISOR_PARTITION; a <= ECAP_ADVISOR_KAFKA; a++) {
		ck_assert_str_eq(ecap_advisor_to_string(a), names[a - 1]);
		ck_assert_int_eq(ecap_advisor_from_string(names[a - 1], &v,
							  &err), 0);
		ck_assert_int_eq(v, a);
	}
	ck_assert_ptr_null(ecap_advisor_to_string(0));
	ck_assert_err(ecap_advisor_from_string("Kafka", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "advisor");
}
END_TEST

Suite *
batch_suite(void)
{
	Suite *s = suite_create("batch");
	TCase *tc = tcase_create("batch");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, same_as_single_calls);
	tcase_add_test(tc, per_item_codes);
	tcase_add_test(tc, stale_outputs);
	tcase_add_test(tc, bad_arguments);
	tcase_add_test(tc, advisor_names);
	suite_add_tcase(s, tc);
	return s;
}
