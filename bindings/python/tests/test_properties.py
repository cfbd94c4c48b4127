# SPDX-License-Identifier: MIT
"""Property tests (hypothesis) over every static key: set/get and JSON
round trips of random valid values; out-of-range values are rejected and
leave the policy unchanged."""

from __future__ import annotations

import math

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

import ecaptune  # noqa: E402
from ecaptune import ValueType  # noqa: E402

KEYS = [k for k in ecaptune.keys()]
NUMERIC = [k for k in KEYS if k.type != ValueType.ECAP_TYPE_STRING]
# database=None: nothing written into the source or build tree.
SETTINGS = settings(max_examples=150, deadline=None, database=None)


def valid_value(k):
    if k.type == ValueType.ECAP_TYPE_DOUBLE:
        return st.floats(k.min_double, k.max_double, allow_nan=False)
    if k.type == ValueType.ECAP_TYPE_BOOL:
        return st.booleans()
    if k.type == ValueType.ECAP_TYPE_INT64:
        return st.integers(k.min_int64, k.max_int64)
    if k.name == "model":
        return st.sampled_from(["guide", "ecap-1"])
    if k.name == "growth.default_scenario":
        return st.sampled_from(["conservative", "aggressive", "enterprise"])
    # other strings: printable ASCII without quotes/backslashes, 1..63
    return st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7e,
                                 blacklist_characters='"\\'),
                   min_size=1, max_size=63)


def assign(p, key, value):
    """Sets key, or checks that a rule between keys refused it: the error
    names another key and the policy keeps its value (issue 17)."""
    before = p[key]
    try:
        p[key] = value
        return True
    except (ecaptune.RangeError, ecaptune.NotFoundError) as e:
        others = [k.name for k in KEYS if k.name != key]
        assert any(o in str(e) for o in others), str(e)
        assert p[key] == before
        return False


assignments = st.lists(
    st.sampled_from(KEYS).flatmap(
        lambda k: st.tuples(st.just(k.name), valid_value(k))),
    max_size=12)


@SETTINGS
@given(assignments)
def test_set_get_round_trip(pairs):
    with ecaptune.Policy() as p:
        expected = {}
        for key, value in pairs:
            if assign(p, key, value):
                expected[key] = value
        for key, value in expected.items():
            got = p[key]
            assert got == value and type(got) is type(value)


@SETTINGS
@given(assignments)
def test_json_dump_load_round_trip(pairs):
    with ecaptune.Policy() as p:
        for key, value in pairs:
            assign(p, key, value)
        text = p.dump_json()
        with ecaptune.Policy.from_json(text) as q:
            assert q.dump_json() == text
            for key, value in pairs:
                assert q[key] == p[key]
        with ecaptune.Policy.from_dict(p.to_dict()) as q:
            assert q.dump_json() == text


def out_of_range(k):
    if k.type == ValueType.ECAP_TYPE_DOUBLE:
        return st.one_of(
            st.floats(max_value=k.min_double, exclude_max=True,
                      allow_nan=False, allow_infinity=False),
            st.floats(min_value=k.max_double, exclude_min=True,
                      allow_nan=False, allow_infinity=False))
    lo = st.integers(-(1 << 63), k.min_int64 - 1) if k.min_int64 > -(1 << 63) else st.nothing()
    hi = st.integers(k.max_int64 + 1, (1 << 63) - 1) if k.max_int64 < (1 << 63) - 1 else st.nothing()
    return st.one_of(lo, hi)


@SETTINGS
@given(st.sampled_from(NUMERIC).flatmap(
    lambda k: st.tuples(st.just(k), out_of_range(k))))
def test_out_of_range_is_rejected(case):
    k, value = case
    with ecaptune.Policy() as p:
        before = p.dump_json()
        if k.type == ValueType.ECAP_TYPE_DOUBLE:
            with pytest.raises(ecaptune.RangeError) as ei:
                p.set_double(k.name, value)
        else:
            with pytest.raises(ecaptune.RangeError) as ei:
                p.set_int64(k.name, value)
        assert ei.value.field == k.name
        assert p.dump_json() == before


@SETTINGS
@given(st.sampled_from([k for k in KEYS if k.type == ValueType.ECAP_TYPE_DOUBLE]),
       st.sampled_from([math.nan, math.inf, -math.inf]))
def test_non_finite_is_invalid(k, value):
    with ecaptune.Policy() as p:
        with pytest.raises(ecaptune.InvalidArgumentError):
            p[k.name] = value
        assert p[k.name] == k.default
