/* SPDX-License-Identifier: MIT */
/*
 * Join sentences, names and bad input: ecap_join_explain and
 * ecap_join_explain_part rendered from an advice alone, the names of the
 * join family's enums (Spark's aliases, round trips, pinned reasons), and
 * the bad arguments of ecap_join_explain and ecap_join_advise.
 *
 * Numbers used (policy defaults): threshold = 50 MB = 52428800 bytes.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "join-fixture.h"

START_TEST(enum_names)
{
	int32_t v = -1;

	ck_assert_str_eq(ecap_join_type_to_string(ECAP_JOIN_INNER), "inner");
	ck_assert_str_eq(ecap_join_type_to_string(ECAP_JOIN_LEFT_ANTI),
			 "left_anti");
	ck_assert_ptr_null(ecap_join_type_to_string(0));
	ck_assert_ptr_null(ecap_join_type_to_string(8));
	ck_assert_str_eq(ecap_join_hint_to_string(ECAP_JOIN_HINT_NONE), "none");
	ck_assert_str_eq(ecap_join_hint_to_string(
				 ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL),
			 "SHUFFLE_REPLICATE_NL");
	ck_assert_ptr_null(ecap_join_hint_to_string(5));
	ck_assert_str_eq(ecap_join_strategy_to_string(
				 ECAP_JOIN_STRATEGY_SORT_MERGE),
			 "SortMergeJoin");
	ck_assert_ptr_null(ecap_join_strategy_to_string(0));
	ck_assert_str_eq(ecap_join_build_side_to_string(ECAP_JOIN_BUILD_LEFT),
			 "left");
	ck_assert_ptr_null(ecap_join_build_side_to_string(3));
	/* Spark's aliases (JoinType.apply strips '_'; hints ignore case) */
	ck_assert_int_eq(ecap_join_type_from_string("LEFT OUTER", &v, &err), 0);
	ck_assert_int_eq(v, ECAP_JOIN_LEFT_OUTER);
	ck_assert_int_eq(ecap_join_type_from_string("outer", &v, &err), 0);
	ck_assert_int_eq(v, ECAP_JOIN_FULL_OUTER);
	ck_assert_int_eq(ecap_join_type_from_string("semi", &v, &err), 0);
	ck_assert_int_eq(v, ECAP_JOIN_LEFT_SEMI);
	ck_assert_int_eq(ecap_join_hint_from_string("mapjoin", &v, &err), 0);
	ck_assert_int_eq(v, ECAP_JOIN_HINT_BROADCAST);
	ck_assert_int_eq(ecap_join_hint_from_string("shuffle_merge", &v, &err),
			 0);
	ck_assert_int_eq(v, ECAP_JOIN_HINT_MERGE);
	ck_assert_int_eq(ecap_join_hint_from_string("shuffle_hash", &v, &err),
			 0);
	ck_assert_int_eq(v, ECAP_JOIN_HINT_SHUFFLE_HASH);
	ck_assert_int_eq(ecap_join_strategy_from_string("broadcastnestedloopjoin",
							&v, &err), 0);
	ck_assert_int_eq(v, ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP);
	ck_assert_int_eq(ecap_join_build_side_from_string("BuildRight", &v,
							  &err), 0);
	ck_assert_int_eq(v, ECAP_JOIN_BUILD_RIGHT);
	/* unknown, empty and prefix names */
	/* The field names the enum, as the other *_from_string do. */
	ck_assert_err(ecap_join_type_from_string("sideways", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "join_type");
	ck_assert_err(ecap_join_hint_from_string("", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "hint");
	ck_assert_err(ecap_join_strategy_from_string("Sort", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "strategy");
	ck_assert_err(ecap_join_build_side_from_string("lefty", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "build_side");
	ck_assert_err(ecap_join_type_from_string(NULL, &v, &err),
		      ECAP_ERR_INVALID, err, "name");
	ck_assert_err(ecap_join_hint_from_string("MERGE", NULL, &err),
		      ECAP_ERR_INVALID, err, "hint");
}
END_TEST

START_TEST(enum_round_trips)
{
	int32_t i, v;

	for (i = ECAP_JOIN_INNER; i <= ECAP_JOIN_LEFT_ANTI; i++) {
		ck_assert_int_eq(ecap_join_type_from_string(
					 ecap_join_type_to_string(i), &v, &err), 0);
		ck_assert_int_eq(v, i);
	}
	for (i = ECAP_JOIN_HINT_NONE; i <= ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL;
	     i++) {
		ck_assert_int_eq(ecap_join_hint_from_string(
					 ecap_join_hint_to_string(i), &v, &err), 0);
		ck_assert_int_eq(v, i);
	}
	for (i = ECAP_JOIN_STRATEGY_BROADCAST_HASH;
	     i <= ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP; i++) {
		ck_assert_int_eq(ecap_join_strategy_from_string(
					 ecap_join_strategy_to_string(i), &v,
					 &err), 0);
		ck_assert_int_eq(v, i);
	}
	for (i = ECAP_JOIN_BUILD_NONE; i <= ECAP_JOIN_BUILD_RIGHT; i++) {
		ck_assert_int_eq(ecap_join_build_side_from_string(
					 ecap_join_build_side_to_string(i), &v,
					 &err), 0);
		ck_assert_int_eq(v, i);
	}
}
END_TEST

/* Reason, hint-ignored and text names: lower-case, '-' separated, every
 * pinned value named and parsed back. */
START_TEST(reason_names)
{
	static const int32_t reasons[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
					   20, 21, 22, 23, 24, 25, 26, 30, 31 };
	size_t i;
	int32_t v;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++) {
		const char *n = ecap_join_reason_to_string(reasons[i]);

		ck_assert_ptr_nonnull(n);
		ck_assert_ptr_null(strpbrk(n, "_ ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
		ck_assert_int_eq(ecap_join_reason_from_string(n, &v, &err), 0);
		ck_assert_int_eq(v, reasons[i]);
	}
	ck_assert_str_eq(ecap_join_reason_to_string(
				 ECAP_JOIN_REASON_BROADCAST_BY_SIZE),
			 "broadcast-by-size");
	ck_assert_str_eq(ecap_join_reason_to_string(
				 ECAP_JOIN_REASON_GUIDE_SHUFFLE_HASH),
			 "guide-shuffle-hash");
	ck_assert_ptr_null(ecap_join_reason_to_string(0));
	ck_assert_ptr_null(ecap_join_reason_to_string(12));
	ck_assert_err(ecap_join_reason_from_string("broadcast", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
	for (v = ECAP_JOIN_HINT_USED; v <= ECAP_JOIN_HINT_IGNORED_OTHER_SIDE_BUILT;
	     v++) {
		int32_t back;

		ck_assert_int_eq(ecap_join_hint_ignored_from_string(
					 ecap_join_hint_ignored_to_string(v),
					 &back, &err), 0);
		ck_assert_int_eq(back, v);
	}
	ck_assert_str_eq(ecap_join_hint_ignored_to_string(
				 ECAP_JOIN_HINT_IGNORED_NO_EQUI_KEYS),
			 "no-equi-keys");
	ck_assert_ptr_null(ecap_join_hint_ignored_to_string(7));
	for (v = ECAP_JOIN_TEXT_RECOMMENDATION;
	     v <= ECAP_JOIN_TEXT_RECOMMENDED_WARNINGS; v++) {
		int32_t back;

		ck_assert_int_eq(ecap_join_text_from_string(
					 ecap_join_text_to_string(v), &back,
					 &err), 0);
		ck_assert_int_eq(back, v);
	}
	ck_assert_ptr_null(ecap_join_text_to_string(0));
	for (v = 0; v < 5; v++) {
		int32_t back;

		ck_assert_int_eq(ecap_join_warning_from_string(
					 ecap_join_warning_to_string(1 << v),
					 &back, &err), 0);
		ck_assert_int_eq(back, 1 << v);
	}
	ck_assert_str_eq(ecap_join_warning_to_string(
				 ECAP_JOIN_WARN_NESTED_LOOP_OOM),
			 "nested-loop-oom");
	ck_assert_ptr_null(ecap_join_warning_to_string(0));
	ck_assert_ptr_null(ecap_join_warning_to_string(3));
}
END_TEST

/*
 * The sentences are rendered from the advice alone, with its numbers:
 * right side 8,000,000 bytes <= the policy's 50 MB = 52,428,800-byte
 * threshold -> broadcast hash join by size.
 */
START_TEST(explain_sentences)
{
	char buf[ECAP_EXPLAIN_MAX], small[16];
	struct ecap_join_out copy;

	sizes(INT64_C(10000000000), 8000000);
	run();
	ck_assert_int_eq(out.strategy_reason, ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
	ck_assert_str_eq(text(ECAP_JOIN_TEXT_STRATEGY),
			 "canBroadcastBySize: the right side's 8000000 bytes "
			 "are at most the 52428800-byte "
			 "autoBroadcastJoinThreshold, so BroadcastHashJoin "
			 "builds it.");
	ck_assert_int_eq(ecap_join_explain(&out, buf, sizeof(buf), &err), 0);
	ck_assert_str_eq(buf, text(ECAP_JOIN_TEXT_RECOMMENDATION));
	ck_assert_msg(strstr(buf, "8000000 bytes at most the 52428800-byte "
				  "threshold") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "without a hint") != NULL, "%s", buf);
	ck_assert_str_eq(text(ECAP_JOIN_TEXT_HINTS), "");
	ck_assert_str_eq(text(ECAP_JOIN_TEXT_WARNINGS), "");
	ck_assert_str_eq(text(ECAP_JOIN_TEXT_RECOMMENDED_WARNINGS), "");
	/* a copy explains the same: the advice carries every number */
	copy = out;
	ck_assert_int_eq(ecap_join_explain(&copy, buf, sizeof(buf), &err), 0);
	ck_assert_str_eq(buf, text(ECAP_JOIN_TEXT_RECOMMENDATION));
	/* a small buffer: the truncated sentence and ECAP_ERR_NOSPACE */
	ck_assert_err(ecap_join_explain(&out, small, sizeof(small), &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_uint_eq(strlen(small), sizeof(small) - 1);
	ck_assert_int_eq(strncmp(small, buf, sizeof(small) - 1), 0);
	/* guide: optimize_join's count and limit */
	ck_assert_int_eq(ecap_policy_set_string(p, "model", "guide", &err), 0);
	in.right_row_count = 999999;
	run();
	ck_assert_str_eq(text(ECAP_JOIN_TEXT_RECOMMENDATION),
			 "guide optimize_join: small_df.count() = 999999 < "
			 "1000000 on the right side, so broadcast(small_df).");
}
END_TEST

START_TEST(explain_bad_input)
{
	char buf[ECAP_EXPLAIN_MAX];

	run();
	ck_assert_err(ecap_join_explain(NULL, buf, sizeof(buf), &err),
		      ECAP_ERR_INVALID, err, "ecap_join_out");
	ck_assert_err(ecap_join_explain(&out, NULL, sizeof(buf), &err),
		      ECAP_ERR_INVALID, err, "buf");
	ck_assert_err(ecap_join_explain(&out, buf, 0, &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_err(ecap_join_explain_part(&out, 0, buf, sizeof(buf), &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "part");
	ck_assert_err(ecap_join_explain_part(&out, 6, buf, sizeof(buf), &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "part");
	/* an advice no call wrote: refused, not rendered */
	out.join_type = 99;
	ck_assert_err(ecap_join_explain(&out, buf, sizeof(buf), &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "join_type");
	run();
	out.shuffle_partitions_count = 0;
	ck_assert_err(ecap_join_explain(&out, buf, sizeof(buf), &err),
		      ECAP_ERR_RANGE, err, "shuffle_partitions_count");
	run();
	out.sz = 8;
	ck_assert_err(ecap_join_explain(&out, buf, sizeof(buf), &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_join_out");
}
END_TEST

/*
 * An advice is caller memory: values no ecap_join_advise() call writes are
 * refused, not rendered (a shuffle_hash_factor of 0 divided by zero in
 * muchSmaller; a missing side indexed the sides at -1).
 */
START_TEST(explain_inconsistent_advice)
{
	char buf[ECAP_EXPLAIN_MAX];
	struct ecap_join_out good;

	/* right 1000 bytes <= 52428800: BroadcastHashJoin building the right
	 * side, which Spark picks without a hint */
	sizes(BIG, 1000);
	run();
	ck_assert_int_eq(out.strategy, ECAP_JOIN_STRATEGY_BROADCAST_HASH);
	ck_assert_int_eq(out.recommended_hint, ECAP_JOIN_HINT_NONE);
	good = out;
	out.shuffle_hash_factor = 0.0;
	ck_assert_err(ecap_join_explain_part(&out,
					     ECAP_JOIN_TEXT_RECOMMENDED_WARNINGS,
					     buf, sizeof(buf), &err),
		      ECAP_ERR_RANGE, err, "shuffle_hash_factor");
	out.shuffle_hash_factor = NAN;
	ck_assert_err(ecap_join_explain(&out, buf, sizeof(buf), &err),
		      ECAP_ERR_INVALID, err, "shuffle_hash_factor");
	out = good;
	out.broadcast_threshold_bytes = INT64_MAX;
	ck_assert_err(ecap_join_explain(&out, buf, sizeof(buf), &err),
		      ECAP_ERR_RANGE, err, "broadcast_threshold_bytes");
	out = good;
	out.build_side = ECAP_JOIN_BUILD_NONE;
	ck_assert_err(ecap_join_explain(&out, buf, sizeof(buf), &err),
		      ECAP_ERR_INVALID, err, "build_side");
	out = good;
	out.recommended_build_side = ECAP_JOIN_BUILD_NONE;
	ck_assert_err(ecap_join_explain(&out, buf, sizeof(buf), &err),
		      ECAP_ERR_INVALID, err, "recommended_build_side");
	out = good;
	out.recommended_hint_side = ECAP_JOIN_BUILD_LEFT;
	ck_assert_err(ecap_join_explain(&out, buf, sizeof(buf), &err),
		      ECAP_ERR_INVALID, err, "recommended_hint_side");
	out = good;
	out.recommended_hint = ECAP_JOIN_HINT_BROADCAST;
	ck_assert_err(ecap_join_explain(&out, buf, sizeof(buf), &err),
		      ECAP_ERR_INVALID, err, "recommended_hint_side");
	/* an ecap-1 advice relabelled guide: the guide always recommends */
	out = good;
	out.model = ECAP_MODEL_GUIDE;
	ck_assert_err(ecap_join_explain(&out, buf, sizeof(buf), &err),
		      ECAP_ERR_INVALID, err, "recommended_hint");
	/* both 10 TB, sortable keys: SortMergeJoin builds no side */
	sizes(BIG, BIG);
	run();
	ck_assert_int_eq(out.strategy, ECAP_JOIN_STRATEGY_SORT_MERGE);
	out.build_side = ECAP_JOIN_BUILD_LEFT;
	ck_assert_err(ecap_join_explain_part(&out, ECAP_JOIN_TEXT_WARNINGS,
					     buf, sizeof(buf), &err),
		      ECAP_ERR_INVALID, err, "build_side");
}
END_TEST

/* ---- bad input ---- */

#define bad(field_, value_, code_, name_)                                   \
	do {                                                                \
		struct ecap_join_in saved_ = in;                            \
		in.field_ = (value_);                                       \
		ck_assert_err(ecap_join_advise(p, &in, &out, &err), (code_), \
			      err, (name_));                                \
		in = saved_;                                                \
	} while (0)

START_TEST(bad_pointers_and_sizes)
{
	struct {
		struct ecap_join_in in;
		char tail[16];
	} big;

	sizes(BIG, 1000);
	ck_assert_err(ecap_join_advise(NULL, &in, &out, &err), ECAP_ERR_INVALID,
		      err, "policy");
	ck_assert_err(ecap_join_advise(p, NULL, &out, &err), ECAP_ERR_INVALID,
		      err, "ecap_join_in");
	ck_assert_err(ecap_join_advise(p, &in, NULL, &err), ECAP_ERR_INVALID,
		      err, "ecap_join_out");
	/* NULL err is allowed */
	ck_assert_int_eq(ecap_join_advise(p, &in, &out, NULL), 0);
	bad(sz, 0, ECAP_ERR_STRUCT_SIZE, "ecap_join_in");
	bad(sz, sizeof(in) - 9, ECAP_ERR_STRUCT_SIZE, "ecap_join_in");
	out.sz = 8;
	ck_assert_err(ecap_join_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_join_out");
	out.sz = sizeof(out);
	/* a newer caller's larger struct: zero tail accepted */
	memset(&big, 0, sizeof(big));
	big.in = in;
	big.in.sz = sizeof(big);
	ck_assert_int_eq(ecap_join_advise(p, &big.in, &out, &err), 0);
	ck_assert_int_eq(out.strategy, ECAP_JOIN_STRATEGY_BROADCAST_HASH);
	/* ... non-zero tail rejected */
	big.tail[3] = 1;
	ck_assert_err(ecap_join_advise(p, &big.in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_join_in");
	/* the output is zeroed before it is filled */
	out.guide_broadcast_max_rows = 0x7f;
	out.warning_flags = 0x7f;
	out.sz = sizeof(out);
	run();
	ck_assert_int_eq(out.warning_flags, 0);
	/* ecap-1 leaves the guide's row limit 0 */
	ck_assert_int_eq(out.guide_broadcast_max_rows, 0);
}
END_TEST

START_TEST(bad_fields)
{
	sizes(BIG, 1000);
	bad(join_type, 8, ECAP_ERR_UNKNOWN_ENUM, "join_type");
	bad(join_type, -1, ECAP_ERR_UNKNOWN_ENUM, "join_type");
	bad(left_hint, 5, ECAP_ERR_UNKNOWN_ENUM, "left_hint");
	bad(right_hint, -1, ECAP_ERR_UNKNOWN_ENUM, "right_hint");
	bad(guide_small_side, 3, ECAP_ERR_UNKNOWN_ENUM, "guide_small_side");
	bad(no_equi_keys, 2, ECAP_ERR_RANGE, "no_equi_keys");
	bad(keys_not_sortable, -1, ECAP_ERR_RANGE, "keys_not_sortable");
	bad(single_bigint_key, 2, ECAP_ERR_RANGE, "single_bigint_key");
	bad(left_size_bytes, -1, ECAP_ERR_RANGE, "left_size_bytes");
	bad(right_size_bytes, (INT64_C(1) << 60) + 1, ECAP_ERR_RANGE,
	    "right_size_bytes");
	bad(right_size_bytes, INT64_MAX, ECAP_ERR_RANGE, "right_size_bytes");
	bad(left_row_count, -5, ECAP_ERR_RANGE, "left_row_count");
	bad(right_row_count, INT64_C(1000000000000001), ECAP_ERR_RANGE,
	    "right_row_count");
	bad(broadcast_threshold_bytes, -2, ECAP_ERR_RANGE,
	    "broadcast_threshold_bytes");
	bad(broadcast_threshold_bytes, INT64_C(8589934593), ECAP_ERR_RANGE,
	    "broadcast_threshold_bytes");
	bad(shuffle_partitions_count, -1, ECAP_ERR_RANGE,
	    "shuffle_partitions_count");
	bad(shuffle_partitions_count, 1000001, ECAP_ERR_RANGE,
	    "shuffle_partitions_count");
	bad(executor_cores_count, -1, ECAP_ERR_RANGE, "executor_cores_count");
	bad(executor_cores_count, 257, ECAP_ERR_RANGE, "executor_cores_count");
	/* below Spark's minimum system memory: 471859200 - 1 */
	bad(executor_heap_bytes, 471859199, ECAP_ERR_RANGE,
	    "executor_heap_bytes");
	bad(executor_heap_bytes, -1, ECAP_ERR_RANGE, "executor_heap_bytes");
	bad(executor_heap_bytes, (INT64_C(1) << 44) + 1, ECAP_ERR_RANGE,
	    "executor_heap_bytes");
	bad(execution_memory_bytes, -1, ECAP_ERR_RANGE,
	    "execution_memory_bytes");
	bad(spark_version_major, 2, ECAP_ERR_RANGE, "spark_version_major");
	bad(spark_version_major, 5, ECAP_ERR_RANGE, "spark_version_major");
	in.spark_version_major = 3;
	bad(spark_version_minor, 100, ECAP_ERR_RANGE, "spark_version_minor");
	bad(spark_version_minor, -1, ECAP_ERR_RANGE, "spark_version_minor");
	in.spark_version_major = 0;
	bad(spark_version_minor, 5, ECAP_ERR_INVALID, "spark_version_major");
	/* contradictions */
	in.no_equi_keys = 1;
	bad(keys_not_sortable, 1, ECAP_ERR_INVALID, "keys_not_sortable");
	bad(single_bigint_key, 1, ECAP_ERR_INVALID, "single_bigint_key");
	/* accepted edges: 1 EiB, 10^15 rows, 8 GiB threshold, 1000000 */
	in.no_equi_keys = 0;
	sizes(INT64_C(1) << 60, INT64_C(1) << 60);
	in.right_row_count = INT64_C(1000000000000000);
	in.broadcast_threshold_bytes = INT64_C(8589934592);
	in.shuffle_partitions_count = 1000000;
	in.spark_version_major = 4;
	in.spark_version_minor = 99;
	run();
}
END_TEST

Suite *
join_explain_suite(void)
{
	Suite *s = suite_create("join-explain");
	TCase *tc = tcase_create("join-explain");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, enum_names);
	tcase_add_test(tc, enum_round_trips);
	tcase_add_test(tc, reason_names);
	tcase_add_test(tc, explain_sentences);
	tcase_add_test(tc, explain_bad_input);
	tcase_add_test(tc, explain_inconsistent_advice);
	tcase_add_test(tc, bad_pointers_and_sizes);
	tcase_add_test(tc, bad_fields);
	suite_add_tcase(s, tc);
	return s;
}
