# SPDX-License-Identifier: MIT
"""One source of truth for names: every enum of the binding takes its
names from the library's ecap_<enum>_to_string / _from_string, and no
value the library names is missing from the binding."""

from __future__ import annotations

import ctypes
import json

import pytest

import ecaptune as E
from ecaptune import _lib
from ecaptune.enums import CEnum, c_enums

#: Enums whose C names their family's helper is adding (issue 13); an
#: entry here fails once the library exports the names, so it is removed.
PENDING: set = set()


def c_to_string(cls):
    try:
        f = getattr(_lib.lib, cls.c_enum_name() + "_to_string")
    except AttributeError:
        return None
    f.restype, f.argtypes = ctypes.c_char_p, [ctypes.c_int32]
    return f


def test_every_enum_is_mirrored():
    names = {c.__name__ for c in c_enums()}
    assert {"Model", "ValueType", "JoinType", "JoinHint", "JoinStrategy",
            "JoinBuildSide", "JoinReason", "JoinHintIgnored", "JoinText",
            "StorageLevel", "SparkApi", "SparkPlatform", "PartitionAction",
            "PartitionReason"} <= names


@pytest.mark.parametrize("cls", c_enums(), ids=lambda c: c.__name__)
def test_names_come_from_c(cls):
    fn = c_to_string(cls)
    if fn is None:
        assert cls.__name__ in PENDING, \
            f"{cls.c_enum_name()}_to_string is not exported"
        pytest.skip(f"{cls.c_enum_name()} names pending in C")
    assert cls.__name__ not in PENDING, "C names landed: drop it from PENDING"
    for m in cls:
        c = fn(int(m))
        assert c is not None, f"C has no name for {cls.__name__}.{m.name}"
        assert str(m) == m.c_name == c.decode()
        assert cls.parse(str(m)) is m
    # every value the library names is a member (probe the pinned range)
    for v in range(-1, 256):
        if fn(v) is not None:
            assert v in cls._value2member_map_, \
                f"{cls.__name__} lacks {v} ({fn(v).decode()})"


@pytest.mark.parametrize("cls", c_enums(), ids=lambda c: c.__name__)
def test_members_have_no_c_prefix(cls):
    prefix = cls.c_enum_name().upper() + "_"
    for m in cls:
        assert not m.name.startswith(prefix), m.name
        # ECAP_1 (model "ecap-1") and the ecap-1 reasons are names, not prefixes
        assert not m.name.startswith("ECAP_") or cls in (E.JoinReason, E.Model)


def test_prefixed_spelling_still_resolves():
    assert E.ExecutorReason.ECAP_EXECUTOR_REASON_CAPPED is E.ExecutorReason.CAPPED
    assert E.JoinHintIgnored.ECAP_JOIN_HINT_USED is E.JoinHintIgnored.USED
    assert E.JoinReason.ECAP_JOIN_REASON_ECAP_BROADCAST is \
        E.JoinReason.ECAP_BROADCAST
    with pytest.raises(AttributeError):
        E.JoinType.ECAP_JOIN_NOPE


def test_format_is_the_name_unless_asked_for_a_number():
    r = E.JoinReason.BROADCAST_BY_SIZE
    assert f"{r}" == str(r) == "broadcast-by-size"
    assert f"{r:>20}" == "   broadcast-by-size"
    assert f"{r:d}" == "5" and int(r) == 5


def test_parse_and_unknown():
    assert E.Model.parse("ecap-1") is E.Model.ECAP_1
    assert E.JoinType.parse("LEFT OUTER") is E.JoinType.LEFT_OUTER
    with pytest.raises(E.UnknownEnumError):
        E.ValueType.parse("float")


def test_to_dict_gives_names(policy):
    d = E.advise_join(policy, left_size_bytes=10**10,
                      right_size_bytes=8 * 10**6).to_dict()
    assert d["model"] == "ecap-1"
    assert d["strategy"] == "BroadcastHashJoin"
    assert d["strategy_reason"] == "broadcast-by-size"
    assert d["left_hint_ignored_reason"] == "used"
    assert d["warning_flags"] == 0
    assert json.loads(json.dumps(d)) == d


def test_a_new_enum_is_one_class_statement():
    class Demo(CEnum):  # no C functions: names fall back, parse refuses
        ECAP_DEMO_ONE = 1
        ECAP_DEMO_TWO = 2

    assert [m.name for m in Demo] == ["ONE", "TWO"]
    assert Demo.ECAP_DEMO_TWO is Demo.TWO
    assert str(Demo.ONE) == "one" and Demo.ONE.c_name is None


def test_join_warning_bits_are_named_by_c():
    fn = c_to_string(type("JoinWarning_", (), {
        "c_enum_name": staticmethod(lambda: "ecap_join_warning")}))
    for m in E.JoinWarning:
        assert str(m) == fn(int(m)).decode()
        assert E.join_warning_from_string(str(m)) is m
    both = E.JoinWarning.NESTED_LOOP_OOM | E.JoinWarning.HINT_IGNORED
    assert str(both) == "nested-loop-oom|hint-ignored"
    assert str(E.JoinWarning(0)) == "none"
