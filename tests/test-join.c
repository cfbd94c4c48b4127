/* SPDX-License-Identifier: MIT */
/*
 * Join strategy: Spark's JoinSelection decisions computed by hand from the
 * rules in engine-facts.md section 1 (the rule is named beside each case),
 * hints Spark ignores, BroadcastExchangeExec limits, the guide's
 * optimize_join and the ecap-1 recommendation. The sentences, enum names
 * and bad input are in test-join-explain.c.
 *
 * Numbers used throughout (policy defaults):
 *   threshold = 50 MB = 50 * 1048576 = 52428800 bytes
 *   partitions = 200, so threshold * partitions = 10485760000 bytes
 *   shuffle hash factor = 3, preferSortMergeJoin = true
 */
#include <stdbool.h>
#include <stdint.h>

#include "join-fixture.h"

/* Runs and checks Spark's choice. */
#define expect(strat, side, why)                                \
	do {                                                    \
		run();                                          \
		ck_assert_int_eq(out.strategy, (strat));        \
		ck_assert_int_eq(out.build_side, (side));       \
		ck_assert_int_eq(out.strategy_reason, (why));   \
	} while (0)

static void
set_bool(const char *key, int64_t v)
{
	ck_assert_int_eq(ecap_policy_set_int64(p, key, v, &err), 0);
}

/* ---- broadcast hash join by size ---- */

START_TEST(bhj_threshold_edges)
{
	in.join_type = ECAP_JOIN_INNER;
	/* canBroadcastBySize: 52428800 <= 52428800 -> BHJ build right */
	sizes(BIG, THR);
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
	ck_assert_int_eq(out.broadcast_threshold_bytes, THR);
	ck_assert_int_eq(out.shuffle_partitions_count, 200);
	/* one byte over: 52428801 > threshold; preferSortMergeJoin -> SMJ */
	sizes(BIG, THR + 1);
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	/* input override: threshold 1000 bytes, size 1000 -> BHJ, 1001 not */
	in.broadcast_threshold_bytes = 1000;
	sizes(BIG, 1000);
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
	sizes(BIG, 1001);
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	/* -1 disables: size 1 is not <= -1 */
	in.broadcast_threshold_bytes = -1;
	sizes(BIG, 1);
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	ck_assert_int_eq(out.broadcast_threshold_bytes, -1);
	/* policy -1 MB disables as well */
	in.broadcast_threshold_bytes = 0;
	ck_assert_int_eq(ecap_policy_set_double(p, "join.broadcast_threshold_mb",
						-1.0, &err), 0);
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	ck_assert_int_eq(out.broadcast_threshold_bytes, -1);
}
END_TEST

START_TEST(bhj_smaller_side_and_ties)
{
	/* getSmallerSide: right <= left builds right; a tie builds right */
	sizes(1000, 1000);
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
	/* 999 < 1000: left is smaller */
	sizes(999, 1000);
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
	/* join_type 0 = inner: same answer */
	ck_assert_int_eq(in.join_type, 0);
	/* cross is inner-like: both sides may be built */
	in.join_type = ECAP_JOIN_CROSS;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
}
END_TEST

START_TEST(bhj_build_sides_by_join_type)
{
	/* canBuildBroadcastLeft: InnerLike, RightOuter only */
	sizes(1000, BIG);
	in.join_type = ECAP_JOIN_RIGHT_OUTER;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
	in.join_type = ECAP_JOIN_LEFT_OUTER;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	in.join_type = ECAP_JOIN_LEFT_SEMI;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	/* canBuildBroadcastRight: InnerLike, LeftOuter, LeftSemi, LeftAnti */
	sizes(BIG, 1000);
	in.join_type = ECAP_JOIN_LEFT_OUTER;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
	in.join_type = ECAP_JOIN_LEFT_SEMI;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
	in.join_type = ECAP_JOIN_LEFT_ANTI;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
	in.join_type = ECAP_JOIN_RIGHT_OUTER;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	/* full outer: no broadcast hash join on either side */
	sizes(1000, 1000);
	in.join_type = ECAP_JOIN_FULL_OUTER;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
}
END_TEST

START_TEST(unknown_sizes_are_long_max)
{
	/* 0 = unknown = Long.MaxValue: never <= threshold; tie -> right */
	sizes(0, 0);
	in.keys_not_sortable = 1;
	in.join_type = ECAP_JOIN_LEFT_OUTER;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_NESTED_LOOP_FALLBACK);
	/* known left of 1 byte vs unknown right: left broadcast (inner) */
	in.keys_not_sortable = 0;
	in.join_type = ECAP_JOIN_INNER;
	sizes(1, 0);
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
}
END_TEST

/* ---- shuffled hash join by size ---- */

START_TEST(shj_much_smaller_and_local_map)
{
	set_bool("join.prefer_sort_merge", 0);
	/* muchSmaller: 100000000 * 3 <= 300000000 (equal) and
	 * 100000000 < 10485760000 -> SHJ build right */
	sizes(300000000, 100000000);
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE);
	/* 300000000 > 299999999: not much smaller -> SMJ */
	sizes(299999999, 100000000);
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	/* canBuildLocalHashMapBySize is strict: 10485760000 < 10485760000
	 * is false -> SMJ; one byte less -> SHJ */
	sizes(BIG, INT64_C(10485760000));
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	sizes(BIG, INT64_C(10485759999));
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE);
	/* partitions override 100: limit 5242880000 -> 10485759999 fails */
	in.shuffle_partitions_count = 100;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	/* threshold -1: size < -1 * 200 never holds -> no SHJ */
	in.shuffle_partitions_count = 0;
	in.broadcast_threshold_bytes = -1;
	sizes(BIG, 1000);
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	/* preferSortMergeJoin true (default) blocks the SHJ rule */
	in.broadcast_threshold_bytes = 0;
	set_bool("join.prefer_sort_merge", 1);
	sizes(300000000, 100000000);
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
}
END_TEST

START_TEST(shj_factor_by_version)
{
	set_bool("join.prefer_sort_merge", 0);
	ck_assert_int_eq(ecap_policy_set_double(p, "join.shuffle_hash_factor",
						2.0, &err), 0);
	sizes(200000000, 100000000);
	/* 3.5 (default): 100000000 * 2 <= 200000000 -> SHJ right */
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE);
	ck_assert_int_eq(out.spark_version_major, 3);
	ck_assert_int_eq(out.spark_version_minor, 5);
	ck_assert_double_near(out.shuffle_hash_factor, 2.0);
	/* 3.3: the factor exists -> SHJ */
	in.spark_version_major = 3;
	in.spark_version_minor = 3;
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE);
	/* 3.2 and 3.0: literal 3: 300000000 <= 200000000 false -> SMJ */
	in.spark_version_minor = 2;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	ck_assert_double_near(out.shuffle_hash_factor, 3.0);
	in.spark_version_minor = 0;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	/* 4.0 behaves as 3.5 */
	in.spark_version_major = 4;
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE);
	/* a non-integral factor 2.5: 100000000 * 2.5 = 250000000 > 2e8 */
	ck_assert_int_eq(ecap_policy_set_double(p, "join.shuffle_hash_factor",
						2.5, &err), 0);
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	sizes(250000000, 100000000);	/* equal: 250000000 <= 250000000 */
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE);
}
END_TEST

START_TEST(shj_build_sides_by_version)
{
	sizes(BIG, BIG);
	/* LEFT OUTER with SHUFFLE_HASH on the left: 3.5 widened
	 * canBuildShuffledHashJoinLeft to LeftOuter -> SHJ build left */
	in.join_type = ECAP_JOIN_LEFT_OUTER;
	in.left_hint = ECAP_JOIN_HINT_SHUFFLE_HASH;
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_HINT_SHUFFLE_HASH);
	ck_assert_int_eq(out.left_hint_ignored, 0);
	/* 3.4: left outer cannot build left -> hint ignored, SMJ */
	in.spark_version_major = 3;
	in.spark_version_minor = 4;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	ck_assert_int_eq(out.left_hint_ignored, 1);
	ck_assert_int_eq(out.left_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_BUILD_SIDE);
	ck_assert(strstr(text(ECAP_JOIN_TEXT_HINTS), "left SHUFFLE_HASH") != NULL);
	/* RIGHT OUTER, SHUFFLE_HASH right: 3.5 yes, 3.3 no */
	in.join_type = ECAP_JOIN_RIGHT_OUTER;
	in.left_hint = 0;
	in.right_hint = ECAP_JOIN_HINT_SHUFFLE_HASH;
	in.spark_version_minor = 3;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	ck_assert_int_eq(out.right_hint_ignored, 1);
	in.spark_version_minor = 5;
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_HINT_SHUFFLE_HASH);
	/* FULL OUTER, SHUFFLE_HASH right: 3.1 (SPARK-32399) yes, 3.0 no */
	in.join_type = ECAP_JOIN_FULL_OUTER;
	in.spark_version_minor = 1;
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_HINT_SHUFFLE_HASH);
	in.spark_version_minor = 0;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	ck_assert_int_eq(out.right_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_BUILD_SIDE);
	/* LEFT SEMI builds only the right, in every version */
	in.join_type = ECAP_JOIN_LEFT_SEMI;
	in.spark_version_major = 4;
	in.right_hint = 0;
	in.left_hint = ECAP_JOIN_HINT_SHUFFLE_HASH;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	ck_assert_int_eq(out.left_hint_ignored, 1);
}
END_TEST

/* ---- hints ---- */

START_TEST(hint_broadcast)
{
	/* BROADCAST hint ignores the threshold: BHJ build left */
	in.left_hint = ECAP_JOIN_HINT_BROADCAST;
	sizes(INT64_C(1000000000), BIG);
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_HINT_BROADCAST_HASH);
	ck_assert_int_eq(out.left_hint_ignored, 0);
	ck_assert_str_eq(text(ECAP_JOIN_TEXT_HINTS), "");
	/* both sides hinted: the smaller (right, 500 <= 1000000000) */
	in.right_hint = ECAP_JOIN_HINT_BROADCAST;
	sizes(INT64_C(1000000000), 500);
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_HINT_BROADCAST_HASH);
	ck_assert_int_eq(out.left_hint_ignored, 1);
	ck_assert_int_eq(out.left_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_OTHER_SIDE_BUILT);
	ck_assert_int_eq(out.right_hint_ignored, 0);
	/* both hinted on LEFT OUTER: only the right can be built */
	in.join_type = ECAP_JOIN_LEFT_OUTER;
	sizes(500, INT64_C(1000000000));
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_HINT_BROADCAST_HASH);
	ck_assert_int_eq(out.left_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_BUILD_SIDE);
	/* left only on LEFT OUTER: "build left for left outer join"; falls
	 * through to createJoinWithoutHint: left 500 cannot be built, right
	 * too big -> SMJ */
	in.right_hint = 0;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	ck_assert_int_eq(out.left_hint_ignored, 1);
	ck_assert_int_eq(out.left_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_BUILD_SIDE);
	ck_assert(strstr(text(ECAP_JOIN_TEXT_HINTS), "left_outer") != NULL);
	/* FULL OUTER: BROADCAST never applies */
	in.join_type = ECAP_JOIN_FULL_OUTER;
	in.right_hint = ECAP_JOIN_HINT_BROADCAST;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	ck_assert_int_eq(out.left_hint_ignored, 1);
	ck_assert_int_eq(out.right_hint_ignored, 1);
}
END_TEST

START_TEST(hint_precedence)
{
	sizes(BIG, BIG);
	/* BROADCAST > MERGE: right BROADCAST wins, left MERGE overridden */
	in.left_hint = ECAP_JOIN_HINT_MERGE;
	in.right_hint = ECAP_JOIN_HINT_BROADCAST;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_HINT_BROADCAST_HASH);
	ck_assert_int_eq(out.left_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_OVERRIDDEN);
	/* MERGE > SHUFFLE_HASH */
	in.right_hint = ECAP_JOIN_HINT_SHUFFLE_HASH;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_HINT_SORT_MERGE);
	ck_assert_int_eq(out.left_hint_ignored, 0);
	ck_assert_int_eq(out.right_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_OVERRIDDEN);
	/* MERGE on unsortable keys is skipped: SHUFFLE_HASH right applies */
	in.keys_not_sortable = 1;
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_HINT_SHUFFLE_HASH);
	ck_assert_int_eq(out.left_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_NOT_SORTABLE);
	/* SHUFFLE_HASH > SHUFFLE_REPLICATE_NL */
	in.keys_not_sortable = 0;
	in.left_hint = ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL;
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_HINT_SHUFFLE_HASH);
	ck_assert_int_eq(out.left_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_OVERRIDDEN);
	/* SHUFFLE_HASH on both: the smaller side (tie -> right) */
	in.left_hint = ECAP_JOIN_HINT_SHUFFLE_HASH;
	sizes(1000, 2000);
	expect(ECAP_JOIN_STRATEGY_SHUFFLE_HASH, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_HINT_SHUFFLE_HASH);
	ck_assert_int_eq(out.right_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_OTHER_SIDE_BUILT);
	/* SHUFFLE_REPLICATE_NL alone on an inner equi-join: cartesian */
	in.left_hint = ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL;
	in.right_hint = 0;
	sizes(BIG, BIG);
	expect(ECAP_JOIN_STRATEGY_CARTESIAN, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_HINT_CARTESIAN);
	/* ... ignored on LEFT OUTER: not inner-like -> SMJ */
	in.join_type = ECAP_JOIN_LEFT_OUTER;
	expect(ECAP_JOIN_STRATEGY_SORT_MERGE, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_SORT_MERGE_SORTABLE);
	ck_assert_int_eq(out.left_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_NOT_INNER_LIKE);
	/* an ignored MERGE falls through to broadcast by size */
	in.join_type = ECAP_JOIN_INNER;
	in.left_hint = ECAP_JOIN_HINT_MERGE;
	in.keys_not_sortable = 1;
	sizes(BIG, 1000);
	expect(ECAP_JOIN_STRATEGY_BROADCAST_HASH, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_BROADCAST_BY_SIZE);
	ck_assert_int_eq(out.left_hint_ignored, 1);
}
END_TEST

START_TEST(unsortable_fallbacks)
{
	in.keys_not_sortable = 1;
	sizes(BIG, INT64_C(20000000000000));
	/* no broadcast, no SHJ, not sortable, inner-like -> cartesian */
	expect(ECAP_JOIN_STRATEGY_CARTESIAN, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_CARTESIAN_INNER_LIKE);
	/* left outer: BNLJ with getSmallerSide (left 1e13 < 2e13) */
	in.join_type = ECAP_JOIN_LEFT_OUTER;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_NESTED_LOOP_FALLBACK);
	ck_assert(out.warning_flags & ECAP_JOIN_WARN_NESTED_LOOP_OOM);
	/* the 10 TB broadcast also exceeds 8 GiB */
	ck_assert(out.warning_flags & ECAP_JOIN_WARN_BROADCAST_BYTES_LIMIT);
}
END_TEST

/* ---- joins without equi-join keys (1.6) ---- */

START_TEST(non_equi_joins)
{
	in.no_equi_keys = 1;
	/* both broadcastable, inner: desiredBuildSide = getSmallerSide */
	sizes(1000, 2000);
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_BROADCAST_NESTED_LOOP_BY_SIZE);
	/* both broadcastable, left outer: desired = right */
	in.join_type = ECAP_JOIN_LEFT_OUTER;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_BROADCAST_NESTED_LOOP_BY_SIZE);
	/* only the left is small on a LEFT join: the code builds left */
	sizes(1000, BIG);
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_BROADCAST_NESTED_LOOP_BY_SIZE);
	/* both large: left outer falls back to desired = right */
	sizes(BIG, BIG);
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_NESTED_LOOP_FALLBACK);
	/* right outer: desired = left */
	in.join_type = ECAP_JOIN_RIGHT_OUTER;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_NESTED_LOOP_FALLBACK);
	/* full outer: smaller side, tie -> right */
	in.join_type = ECAP_JOIN_FULL_OUTER;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_NESTED_LOOP_FALLBACK);
	/* inner (cross) both large: cartesian */
	in.join_type = ECAP_JOIN_CROSS;
	expect(ECAP_JOIN_STRATEGY_CARTESIAN, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_CARTESIAN_INNER_LIKE);
	/* BROADCAST hint on a cross join: BNLJ build left */
	in.left_hint = ECAP_JOIN_HINT_BROADCAST;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_HINT_BROADCAST_NESTED_LOOP);
	/* ... on the left of a LEFT join too (no join-type check) */
	in.join_type = ECAP_JOIN_LEFT_OUTER;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_LEFT,
	       ECAP_JOIN_REASON_HINT_BROADCAST_NESTED_LOOP);
	/* both hinted, LEFT join: the right side */
	in.right_hint = ECAP_JOIN_HINT_BROADCAST;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_HINT_BROADCAST_NESTED_LOOP);
	ck_assert_int_eq(out.left_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_OTHER_SIDE_BUILT);
	/* checkHintNonEquiJoin: MERGE and SHUFFLE_HASH -> no equi-join keys */
	in.left_hint = ECAP_JOIN_HINT_MERGE;
	in.right_hint = ECAP_JOIN_HINT_SHUFFLE_HASH;
	in.join_type = ECAP_JOIN_INNER;
	expect(ECAP_JOIN_STRATEGY_CARTESIAN, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_CARTESIAN_INNER_LIKE);
	ck_assert_int_eq(out.left_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_NO_EQUI_KEYS);
	ck_assert_int_eq(out.right_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_NO_EQUI_KEYS);
	ck_assert(strstr(text(ECAP_JOIN_TEXT_HINTS), "no equi-join keys") != NULL);
	/* SHUFFLE_REPLICATE_NL: cartesian (hinted) on inner, ignored on full */
	in.left_hint = ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL;
	in.right_hint = 0;
	sizes(1000, 1000);
	expect(ECAP_JOIN_STRATEGY_CARTESIAN, ECAP_JOIN_BUILD_NONE,
	       ECAP_JOIN_REASON_HINT_CARTESIAN);
	in.join_type = ECAP_JOIN_FULL_OUTER;
	expect(ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP, ECAP_JOIN_BUILD_RIGHT,
	       ECAP_JOIN_REASON_BROADCAST_NESTED_LOOP_BY_SIZE);
	ck_assert_int_eq(out.left_hint_ignored_reason,
			 ECAP_JOIN_HINT_IGNORED_NOT_INNER_LIKE);
}
END_TEST

/* ---- BroadcastExchangeExec limits and memory (1.7) ---- */

START_TEST(broadcast_limits)
{
	in.right_hint = ECAP_JOIN_HINT_BROADCAST;
	/* dataSize >= 8L << 30 fails: 8589934592 is reached */
	sizes(BIG, INT64_C(8589934592));
	run();
	ck_assert_int_eq(out.warning_flags,
			 ECAP_JOIN_WARN_BROADCAST_BYTES_LIMIT);
	ck_assert(strstr(text(ECAP_JOIN_TEXT_WARNINGS), "8589934592") != NULL);
	sizes(BIG, INT64_C(8589934591));
	run();
	ck_assert_int_eq(out.warning_flags, 0);
	ck_assert_str_eq(text(ECAP_JOIN_TEXT_WARNINGS), "");
	/* numRows >= (1 << 29) / 1.5 = 357913941 fails (non-Long key) */
	in.right_row_count = 357913941;
	run();
	ck_assert_int_eq(out.warning_flags, ECAP_JOIN_WARN_BROADCAST_ROWS_LIMIT);
	in.right_row_count = 357913940;
	run();
	ck_assert_int_eq(out.warning_flags, 0);
	/* single LongType key: 512000000 */
	in.single_bigint_key = 1;
	in.right_row_count = 511999999;
	run();
	ck_assert_int_eq(out.warning_flags, 0);
	in.right_row_count = 512000000;
	run();
	ck_assert_int_eq(out.warning_flags, ECAP_JOIN_WARN_BROADCAST_ROWS_LIMIT);
	/* BNLJ: 512000000 whatever the key, plus the OOM warning */
	in.single_bigint_key = 0;
	in.no_equi_keys = 1;
	in.right_row_count = 357913941;
	run();
	ck_assert_int_eq(out.strategy, ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP);
	ck_assert_int_eq(out.warning_flags, ECAP_JOIN_WARN_NESTED_LOOP_OOM);
	in.right_row_count = 512000000;
	run();
	ck_assert_int_eq(out.warning_flags,
			 ECAP_JOIN_WARN_NESTED_LOOP_OOM |
				 ECAP_JOIN_WARN_BROADCAST_ROWS_LIMIT);
}
END_TEST

START_TEST(shuffle_hash_memory)
{
	/* (4294967296 - 314572800) * 0.6 = 2388236697.6 -> 2388236697;
	 * / 2 cores = 1194118348 bytes per task */
	in.executor_heap_bytes = INT64_C(4294967296);
	in.right_hint = ECAP_JOIN_HINT_SHUFFLE_HASH;
	/* build 1194118348 * 200 = 238823669600 -> per partition equal */
	sizes(BIG, INT64_C(238823669600));
	run();
	ck_assert_int_eq(out.execution_memory_per_task_bytes, 1194118348);
	ck_assert_int_eq(out.strategy, ECAP_JOIN_STRATEGY_SHUFFLE_HASH);
	ck_assert_int_eq(out.warning_flags, 0);
	/* 200 bytes more: 1194118349 per partition > 1194118348 */
	sizes(BIG, INT64_C(238823669800));
	run();
	ck_assert_int_eq(out.warning_flags, ECAP_JOIN_WARN_SHUFFLE_HASH_MEMORY);
	/* 4 cores: 2388236697 / 4 = 597059174 */
	in.executor_cores_count = 4;
	run();
	ck_assert_int_eq(out.execution_memory_per_task_bytes, 597059174);
	/* execution memory given directly: 1 GiB / 4 = 268435456 */
	in.execution_memory_bytes = INT64_C(1073741824);
	run();
	ck_assert_int_eq(out.execution_memory_per_task_bytes, 268435456);
	/* unknown memory: no warning */
	in.execution_memory_bytes = 0;
	in.executor_heap_bytes = 0;
	run();
	ck_assert_int_eq(out.execution_memory_per_task_bytes, 0);
	ck_assert_int_eq(out.warning_flags, 0);
	/* the smallest heap Spark accepts: 300 MiB * 1.5 = 471859200 */
	in.executor_heap_bytes = 471859200;
	run();
}
END_TEST

/* ---- recommendations ---- */

START_TEST(guide_model)
{
	ck_assert_int_eq(ecap_policy_set_string(p, "model", "guide", &err), 0);
	sizes(BIG, INT64_C(200000000));
	/* optimize_join: small_df.count() = 999999 < 1000000 -> broadcast */
	in.right_row_count = 999999;
	run();
	ck_assert_int_eq(out.model, ECAP_MODEL_GUIDE);
	ck_assert_int_eq(out.reason, ECAP_JOIN_REASON_GUIDE_BROADCAST);
	ck_assert_int_eq(out.recommended_hint, ECAP_JOIN_HINT_BROADCAST);
	ck_assert_int_eq(out.recommended_hint_side, ECAP_JOIN_BUILD_RIGHT);
	ck_assert_int_eq(out.recommended_strategy,
			 ECAP_JOIN_STRATEGY_BROADCAST_HASH);
	ck_assert_int_eq(out.recommended_build_side, ECAP_JOIN_BUILD_RIGHT);
	/* Spark's own choice stays by its rules: 200000000 > 52428800 */
	ck_assert_int_eq(out.strategy, ECAP_JOIN_STRATEGY_SORT_MERGE);
	/* 1000000 is not < 1000000 -> shuffle_hash */
	in.right_row_count = 1000000;
	run();
	ck_assert_int_eq(out.reason, ECAP_JOIN_REASON_GUIDE_SHUFFLE_HASH);
	ck_assert_int_eq(out.recommended_hint, ECAP_JOIN_HINT_SHUFFLE_HASH);
	ck_assert_int_eq(out.recommended_strategy,
			 ECAP_JOIN_STRATEGY_SHUFFLE_HASH);
	ck_assert_int_eq(out.recommended_build_side, ECAP_JOIN_BUILD_RIGHT);
	/* the guide broadcasts a 9 GiB side of 10 rows: limit warning */
	sizes(BIG, INT64_C(9663676416));
	in.right_row_count = 10;
	run();
	ck_assert(out.recommended_warning_flags &
		  ECAP_JOIN_WARN_BROADCAST_BYTES_LIMIT);
	/* RIGHT OUTER cannot broadcast the right: hint ignored */
	in.join_type = ECAP_JOIN_RIGHT_OUTER;
	run();
	ck_assert_int_eq(out.recommended_strategy,
			 ECAP_JOIN_STRATEGY_SORT_MERGE);
	ck_assert(out.recommended_warning_flags & ECAP_JOIN_WARN_HINT_IGNORED);
	/* small side on the left */
	in.join_type = ECAP_JOIN_INNER;
	in.guide_small_side = ECAP_JOIN_BUILD_LEFT;
	in.left_row_count = 5;
	sizes(1000, BIG);
	run();
	ck_assert_int_eq(out.recommended_hint_side, ECAP_JOIN_BUILD_LEFT);
	ck_assert_int_eq(out.recommended_build_side, ECAP_JOIN_BUILD_LEFT);
	/* a custom row limit from the policy: 5 is not < 5 */
	ck_assert_int_eq(ecap_policy_set_int64(p, "join.guide_broadcast_max_rows",
					       5, &err), 0);
	run();
	ck_assert_int_eq(out.recommended_hint, ECAP_JOIN_HINT_SHUFFLE_HASH);
	/* the small side's row count is required */
	in.left_row_count = 0;
	ck_assert_err(ecap_join_advise(p, &in, &out, &err), ECAP_ERR_INVALID,
		      err, "left_row_count");
	in.guide_small_side = 0;
	in.right_row_count = 0;
	ck_assert_err(ecap_join_advise(p, &in, &out, &err), ECAP_ERR_INVALID,
		      err, "right_row_count");
}
END_TEST

START_TEST(ecap_recommendations)
{
	/* Spark already broadcasts the 1000-byte right side: no hint */
	sizes(BIG, 1000);
	run();
	ck_assert_int_eq(out.model, ECAP_MODEL_ECAP_1);
	ck_assert_int_eq(out.reason, ECAP_JOIN_REASON_ECAP_BROADCAST);
	ck_assert_int_eq(out.recommended_hint, ECAP_JOIN_HINT_NONE);
	ck_assert_int_eq(out.recommended_hint_side, ECAP_JOIN_BUILD_NONE);
	ck_assert_int_eq(out.recommended_strategy,
			 ECAP_JOIN_STRATEGY_BROADCAST_HASH);
	/* a user MERGE hint blocks it; the advice is to drop the hints */
	in.left_hint = ECAP_JOIN_HINT_MERGE;
	run();
	ck_assert_int_eq(out.strategy, ECAP_JOIN_STRATEGY_SORT_MERGE);
	ck_assert_int_eq(out.recommended_hint, ECAP_JOIN_HINT_NONE);
	ck_assert_int_eq(out.recommended_strategy,
			 ECAP_JOIN_STRATEGY_BROADCAST_HASH);
	/* 400000000 rows >= 357913941: broadcasting fails -> MERGE */
	in.left_hint = 0;
	in.right_row_count = 400000000;
	run();
	ck_assert_int_eq(out.strategy, ECAP_JOIN_STRATEGY_BROADCAST_HASH);
	ck_assert(out.warning_flags & ECAP_JOIN_WARN_BROADCAST_ROWS_LIMIT);
	ck_assert_int_eq(out.reason, ECAP_JOIN_REASON_ECAP_SORT_MERGE);
	ck_assert_int_eq(out.recommended_hint, ECAP_JOIN_HINT_MERGE);
	ck_assert_int_eq(out.recommended_strategy,
			 ECAP_JOIN_STRATEGY_SORT_MERGE);
	ck_assert_int_eq(out.recommended_warning_flags, 0);
	/* unsortable keys, large sides: SHUFFLE_HASH on the smaller side
	 * rather than a cartesian product */
	in.right_row_count = 0;
	in.keys_not_sortable = 1;
	sizes(BIG, INT64_C(5000000000000));
	run();
	ck_assert_int_eq(out.strategy, ECAP_JOIN_STRATEGY_CARTESIAN);
	ck_assert_int_eq(out.reason,
			 ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH_UNSORTABLE);
	ck_assert_int_eq(out.recommended_hint, ECAP_JOIN_HINT_SHUFFLE_HASH);
	ck_assert_int_eq(out.recommended_hint_side, ECAP_JOIN_BUILD_RIGHT);
	ck_assert_int_eq(out.recommended_strategy,
			 ECAP_JOIN_STRATEGY_SHUFFLE_HASH);
	/* preferSortMergeJoin false: SHJ by size, which Spark picks too */
	in.keys_not_sortable = 0;
	set_bool("join.prefer_sort_merge", 0);
	sizes(300000000, 100000000);
	run();
	ck_assert_int_eq(out.reason, ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH);
	ck_assert_int_eq(out.recommended_hint, ECAP_JOIN_HINT_NONE);
	ck_assert_int_eq(out.recommended_strategy,
			 ECAP_JOIN_STRATEGY_SHUFFLE_HASH);
	/* ... unless a task cannot hold 100000000 / 200 = 500000 bytes:
	 * 800000 / 2 = 400000 < 500000 -> MERGE */
	in.execution_memory_bytes = 800000;
	run();
	ck_assert_int_eq(out.reason, ECAP_JOIN_REASON_ECAP_SORT_MERGE);
	ck_assert_int_eq(out.recommended_hint, ECAP_JOIN_HINT_MERGE);
	ck_assert(out.warning_flags & ECAP_JOIN_WARN_SHUFFLE_HASH_MEMORY);
	/* non-equi LEFT join, only the left small: Spark builds left; the
	 * advice keeps the small side (broadcasting 10 TB would fail) */
	in.execution_memory_bytes = 0;
	in.no_equi_keys = 1;
	in.join_type = ECAP_JOIN_LEFT_OUTER;
	sizes(1000, BIG);
	run();
	ck_assert_int_eq(out.build_side, ECAP_JOIN_BUILD_LEFT);
	ck_assert_int_eq(out.reason, ECAP_JOIN_REASON_ECAP_NESTED_LOOP_FALLBACK);
	ck_assert_int_eq(out.recommended_hint, ECAP_JOIN_HINT_NONE);
	/* non-equi inner, small right with too many rows: cartesian */
	in.join_type = ECAP_JOIN_INNER;
	sizes(BIG, 1000);
	in.right_row_count = 512000000;
	run();
	ck_assert_int_eq(out.strategy, ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP);
	ck_assert_int_eq(out.reason, ECAP_JOIN_REASON_ECAP_CARTESIAN);
	ck_assert_int_eq(out.recommended_hint,
			 ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL);
	ck_assert_int_eq(out.recommended_strategy,
			 ECAP_JOIN_STRATEGY_CARTESIAN);
}
END_TEST

START_TEST(ecap_broadcast_monotone)
{
	int64_t size;
	bool was_broadcast = true;

	/* Property: growing the small side never turns broadcasting back on */
	for (size = 1; size <= INT64_C(100000000); size = size * 3 + 7) {
		bool bc;

		sizes(BIG, size);
		run();
		bc = out.recommended_strategy ==
		     ECAP_JOIN_STRATEGY_BROADCAST_HASH;
		ck_assert(!bc || was_broadcast);
		ck_assert_int_eq(bc, size <= THR);
		was_broadcast = bc;
	}
}
END_TEST

Suite *
join_suite(void)
{
	Suite *s = suite_create("join");
	TCase *tc = tcase_create("join");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, bhj_threshold_edges);
	tcase_add_test(tc, bhj_smaller_side_and_ties);
	tcase_add_test(tc, bhj_build_sides_by_join_type);
	tcase_add_test(tc, unknown_sizes_are_long_max);
	tcase_add_test(tc, shj_much_smaller_and_local_map);
	tcase_add_test(tc, shj_factor_by_version);
	tcase_add_test(tc, shj_build_sides_by_version);
	tcase_add_test(tc, hint_broadcast);
	tcase_add_test(tc, hint_precedence);
	tcase_add_test(tc, unsortable_fallbacks);
	tcase_add_test(tc, non_equi_joins);
	tcase_add_test(tc, broadcast_limits);
	tcase_add_test(tc, shuffle_hash_memory);
	tcase_add_test(tc, guide_model);
	tcase_add_test(tc, ecap_recommendations);
	tcase_add_test(tc, ecap_broadcast_monotone);
	suite_add_tcase(s, tc);
	return s;
}
