# SPDX-License-Identifier: MIT
"""Join strategy: a sample of tests/test-join.c with the same expected
values, enum names with Spark's aliases, bad input, and the monotone
broadcast property (hypothesis)."""

from __future__ import annotations

import json

import pytest

import ecaptune as E
from ecaptune import (JoinBuildSide as B, JoinHint as H, JoinReason as R,
                      JoinStrategy as St, JoinType as T, JoinWarning as W)

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

THR = 52428800                 # 50 MB: join.broadcast_threshold_mb
BIG = 10000000000000           # 10 TB: never broadcast or hashed


def test_bhj_threshold_edges(policy):
    # canBroadcastBySize: 52428800 <= 52428800 -> BHJ build right
    o = E.advise_join(policy, join_type=T.ECAP_JOIN_INNER,
                      left_size_bytes=BIG, right_size_bytes=THR)
    assert (o.strategy, o.build_side, o.strategy_reason) == (
        St.ECAP_JOIN_STRATEGY_BROADCAST_HASH, B.ECAP_JOIN_BUILD_RIGHT,
        R.ECAP_JOIN_REASON_BROADCAST_BY_SIZE)
    assert (o.broadcast_threshold_bytes, o.shuffle_partitions_count) == (THR, 200)
    # one byte over: 52428801 > threshold; preferSortMergeJoin -> SMJ
    o = E.advise_join(policy, left_size_bytes=BIG, right_size_bytes=THR + 1)
    assert (o.strategy, o.build_side, o.strategy_reason) == (
        St.ECAP_JOIN_STRATEGY_SORT_MERGE, B.ECAP_JOIN_BUILD_NONE,
        R.ECAP_JOIN_REASON_SORT_MERGE_SORTABLE)
    # input override: threshold 1000 bytes, size 1000 -> BHJ, 1001 not
    o = E.advise_join(policy, left_size_bytes=BIG, right_size_bytes=1000,
                      broadcast_threshold_bytes=1000)
    assert o.strategy is St.ECAP_JOIN_STRATEGY_BROADCAST_HASH
    o = E.advise_join(policy, left_size_bytes=BIG, right_size_bytes=1001,
                      broadcast_threshold_bytes=1000)
    assert o.strategy is St.ECAP_JOIN_STRATEGY_SORT_MERGE
    # -1 disables: size 1 is not <= -1
    o = E.advise_join(policy, left_size_bytes=BIG, right_size_bytes=1,
                      broadcast_threshold_bytes=-1)
    assert o.strategy is St.ECAP_JOIN_STRATEGY_SORT_MERGE
    assert o.broadcast_threshold_bytes == -1
    assert o.strategy_text and o.reason_text


def test_smaller_side_and_ties(policy):
    # getSmallerSide: right <= left builds right; a tie builds right
    o = E.advise_join(policy, left_size_bytes=1000, right_size_bytes=1000)
    assert o.build_side is B.ECAP_JOIN_BUILD_RIGHT
    # 999 < 1000: left is smaller; cross is inner-like (a name works too)
    o = E.advise_join(policy, join_type="cross", left_size_bytes=999,
                      right_size_bytes=1000)
    assert o.build_side is B.ECAP_JOIN_BUILD_LEFT


def test_guide_model(policy):
    policy.model = "guide"
    # optimize_join: small_df.count() = 999999 < 1000000 -> broadcast
    o = E.advise_join(policy, left_size_bytes=BIG,
                      right_size_bytes=200000000, right_row_count=999999)
    assert o.model is E.Model.ECAP_MODEL_GUIDE
    assert o.reason is R.ECAP_JOIN_REASON_GUIDE_BROADCAST
    assert (o.recommended_hint, o.recommended_hint_side,
            o.recommended_strategy, o.recommended_build_side) == (
        H.ECAP_JOIN_HINT_BROADCAST, B.ECAP_JOIN_BUILD_RIGHT,
        St.ECAP_JOIN_STRATEGY_BROADCAST_HASH, B.ECAP_JOIN_BUILD_RIGHT)
    # Spark's own choice stays by its rules: 200000000 > 52428800
    assert o.strategy is St.ECAP_JOIN_STRATEGY_SORT_MERGE
    # 1000000 is not < 1000000 -> shuffle_hash (the equality edge)
    o = E.advise_join(policy, left_size_bytes=BIG,
                      right_size_bytes=200000000, right_row_count=1000000)
    assert o.reason is R.ECAP_JOIN_REASON_GUIDE_SHUFFLE_HASH
    assert o.recommended_hint is H.ECAP_JOIN_HINT_SHUFFLE_HASH
    # the guide broadcasts a 9 GiB side of 10 rows: limit warning
    o = E.advise_join(policy, left_size_bytes=BIG,
                      right_size_bytes=9663676416, right_row_count=10)
    assert W.BROADCAST_BYTES_LIMIT in o.recommended_warning_flags
    # RIGHT OUTER cannot broadcast the right: hint ignored
    o = E.advise_join(policy, join_type=T.ECAP_JOIN_RIGHT_OUTER,
                      left_size_bytes=BIG, right_size_bytes=9663676416,
                      right_row_count=10)
    assert o.recommended_strategy is St.ECAP_JOIN_STRATEGY_SORT_MERGE
    assert o.recommended_warning_flags & W.HINT_IGNORED
    # the small side's row count is required
    with pytest.raises(E.InvalidArgumentError) as ei:
        E.advise_join(policy, left_size_bytes=BIG, right_size_bytes=1000)
    assert ei.value.field == "right_row_count"


def test_ecap_recommendations(policy):
    # Spark already broadcasts the 1000-byte right side: no hint
    o = E.advise_join(policy, left_size_bytes=BIG, right_size_bytes=1000)
    assert o.reason is R.ECAP_JOIN_REASON_ECAP_BROADCAST
    assert o.recommended_hint is H.ECAP_JOIN_HINT_NONE
    # a user MERGE hint blocks it; the advice is to drop the hints
    o = E.advise_join(policy, left_size_bytes=BIG, right_size_bytes=1000,
                      left_hint="merge")
    assert o.strategy is St.ECAP_JOIN_STRATEGY_SORT_MERGE
    assert o.recommended_strategy is St.ECAP_JOIN_STRATEGY_BROADCAST_HASH
    # 400000000 rows >= 357913941: broadcasting fails -> MERGE
    o = E.advise_join(policy, left_size_bytes=BIG, right_size_bytes=1000,
                      right_row_count=400000000)
    assert o.warning_flags & W.BROADCAST_ROWS_LIMIT
    assert o.reason is R.ECAP_JOIN_REASON_ECAP_SORT_MERGE
    assert o.recommended_hint is H.ECAP_JOIN_HINT_MERGE
    assert o.recommended_warning_flags == 0
    d = o.to_dict()
    assert json.loads(json.dumps(d)) == d and isinstance(d["warning_flags"], int)
    assert type(d["left_hint_ignored"]) is bool


def test_enum_names():
    assert E.join_type_to_string(T.ECAP_JOIN_LEFT_ANTI) == "left_anti"
    assert E.join_type_to_string(0) is None
    assert E.join_hint_to_string(H.ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL) == \
        "SHUFFLE_REPLICATE_NL"
    assert E.join_strategy_to_string(St.ECAP_JOIN_STRATEGY_SORT_MERGE) == \
        "SortMergeJoin"
    assert E.join_build_side_to_string(B.ECAP_JOIN_BUILD_LEFT) == "left"
    # Spark's aliases (JoinType.apply strips '_'; hints ignore case)
    assert E.join_type_from_string("LEFT OUTER") is T.ECAP_JOIN_LEFT_OUTER
    assert E.join_type_from_string("outer") is T.ECAP_JOIN_FULL_OUTER
    assert E.join_hint_from_string("mapjoin") is H.ECAP_JOIN_HINT_BROADCAST
    assert E.join_strategy_from_string("broadcastnestedloopjoin") is \
        St.ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP
    assert E.join_build_side_from_string("BuildRight") is B.ECAP_JOIN_BUILD_RIGHT
    for cls, to_s, from_s in ((T, E.join_type_to_string, E.join_type_from_string),
                              (H, E.join_hint_to_string, E.join_hint_from_string),
                              (St, E.join_strategy_to_string, E.join_strategy_from_string),
                              (B, E.join_build_side_to_string, E.join_build_side_from_string)):
        for v in cls:
            assert from_s(to_s(v)) is v
    with pytest.raises(E.UnknownEnumError) as ei:
        E.join_strategy_from_string("Sort")
    assert ei.value.field == "strategy"


@pytest.mark.parametrize("kw,cls,field", [
    ({"join_type": 8}, E.UnknownEnumError, "join_type"),
    ({"join_type": "sideways"}, E.UnknownEnumError, "join_type"),
    ({"left_hint": 5}, E.UnknownEnumError, "left_hint"),
    ({"guide_small_side": 3}, E.UnknownEnumError, "guide_small_side"),
    ({"left_size_bytes": -1}, E.RangeError, "left_size_bytes"),
    ({"right_size_bytes": (1 << 60) + 1}, E.RangeError, "right_size_bytes"),
    ({"broadcast_threshold_bytes": -2}, E.RangeError, "broadcast_threshold_bytes"),
    ({"shuffle_partitions_count": 1000001}, E.RangeError, "shuffle_partitions_count"),
    # below Spark's minimum system memory: 471859200 - 1
    ({"executor_heap_bytes": 471859199}, E.RangeError, "executor_heap_bytes"),
    ({"spark_version_major": 2}, E.RangeError, "spark_version_major"),
    ({"spark_version_minor": 5}, E.InvalidArgumentError, "spark_version_major"),
    ({"no_equi_keys": True, "keys_not_sortable": True},
     E.InvalidArgumentError, "keys_not_sortable"),
])
def test_bad_fields(policy, kw, cls, field):
    args = dict(left_size_bytes=BIG, right_size_bytes=1000)
    args.update(kw)
    with pytest.raises(cls) as ei:
        E.advise_join(policy, **args)
    assert ei.value.field == field and ei.value.message


@settings(max_examples=150, deadline=None, database=None)
@given(st.integers(1, 10 ** 9), st.integers(0, 10 ** 9))
def test_growing_small_side_never_turns_broadcast_back_on(size, more):
    """Property (ecap-1): the recommendation broadcasts exactly when the
    small side is at most the threshold, so growing it never turns
    broadcasting back on."""
    with E.Policy() as p:
        a = E.advise_join(p, left_size_bytes=BIG, right_size_bytes=size)
        b = E.advise_join(p, left_size_bytes=BIG, right_size_bytes=size + more)
        bc_a = a.recommended_strategy is St.ECAP_JOIN_STRATEGY_BROADCAST_HASH
        bc_b = b.recommended_strategy is St.ECAP_JOIN_STRATEGY_BROADCAST_HASH
        assert bc_a == (size <= THR)
        assert not bc_b or bc_a


def test_texts_are_rendered_on_demand(policy):
    # right 8,000,000 bytes <= 50 MB = 52,428,800 bytes: broadcast by size
    o = E.advise_join(policy, left_size_bytes=10**10,
                      right_size_bytes=8 * 10**6)
    assert "reason_text" not in o.to_dict()
    assert o.strategy_text == (
        "canBroadcastBySize: the right side's 8000000 bytes are at most "
        "the 52428800-byte autoBroadcastJoinThreshold, so "
        "BroadcastHashJoin builds it.")
    assert o.explain() == o.reason_text == o.explain("recommendation")
    assert "without a hint" in o.reason_text
    assert o.hint_text == o.warning_text == o.recommended_warning_text == ""
    assert o.explain(E.JoinText.STRATEGY) == o.strategy_text
    with pytest.raises(E.UnknownEnumError):
        o.explain("nope")
    # the inputs that decided are part of the advice
    assert (o.join_type, o.left_size_bytes, o.right_row_count) == \
        (E.JoinType.INNER, 10**10, 0)
    assert o.right_size_bytes == 8 * 10**6 and o.prefer_sort_merge is True
