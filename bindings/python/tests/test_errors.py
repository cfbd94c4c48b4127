# SPDX-License-Identifier: MIT
"""Every C error code maps to its exception class, raised by a real bad
input where a foundation function can return that code."""

from __future__ import annotations

import ctypes
import math
import pickle

import pytest

import ecaptune as E
from ecaptune import _lib
from ecaptune import _structs as S
from ecaptune.errors import ErrorCode, error_class

# Codes no foundation function returns today: reason.  Move a code out when
# a family can trigger it (and add its case below).
NOT_RAISABLE_YET = {
    ErrorCode.ECAP_ERR_NOMEM: "allocation failure cannot be provoked",
}


def _struct_too_small(p):
    s = S.new_struct(S.ScenarioStruct)
    s.sz = 8
    p._call("ecap_policy_scenario_set", ctypes.byref(s))


def _fill_scenarios(p):
    for i in range(100):
        p.set_scenario(name=f"s{i}", yearly_growth_ratio=0.1,
                       seasonal_peak_factor=1.0)


def _properties_array_too_small(p):
    # The binding grows its arrays itself, so call the C function with a
    # 3-element array for the 10 properties of an ecap-1 partition advice.
    out = S.new_struct(S.PartitionOutStruct)
    inp = S.new_struct(S.PartitionInStruct)
    inp.data_size_bytes = 200 << 20
    p._call("ecap_partition_advise", ctypes.byref(inp), ctypes.byref(out))
    props = (S.PropertyStruct * 3)()
    for e in props:
        e.sz = ctypes.sizeof(S.PropertyStruct)
    count = ctypes.c_size_t(3)
    try:
        p._call("ecap_partition_spark_properties", ctypes.byref(out), props,
                ctypes.byref(count))
    finally:
        assert count.value == 10, "the needed count is reported"


def _last_class(p):
    for c in p.catalog("database")[1:]:
        p.catalog_remove("database", c.name)
    p.catalog_remove("database", p.catalog_at("database", 0).name)


CASES = {
    ErrorCode.ECAP_ERR_INVALID: (
        lambda p: p.set("partition.target_size_mb", math.nan),
        E.InvalidArgumentError, "partition.target_size_mb"),
    ErrorCode.ECAP_ERR_RANGE: (
        lambda p: p.set("executor.cores", 0), E.RangeError, "executor.cores"),
    ErrorCode.ECAP_ERR_STRUCT_SIZE: (
        _struct_too_small, E.StructSizeError, "ecap_scenario"),
    ErrorCode.ECAP_ERR_UNKNOWN_ENUM: (
        lambda p: E.partition_action_from_string("shuffle"),
        E.UnknownEnumError, "action"),
    ErrorCode.ECAP_ERR_NOSPACE: (
        _properties_array_too_small, E.NoSpaceError, "count"),
    ErrorCode.ECAP_ERR_UNKNOWN_KEY: (
        lambda p: p.get("partition.target_size"), E.UnknownKeyError,
        "partition.target_size"),
    ErrorCode.ECAP_ERR_TYPE: (
        lambda p: p.set("executor.cores", "2"), E.EcapTypeError,
        "executor.cores"),
    ErrorCode.ECAP_ERR_JSON: (
        lambda p: p.load_json('{"executor.cores": 2,'), E.JsonError, None),
    ErrorCode.ECAP_ERR_UNKNOWN_MODEL: (
        lambda p: p.set("model", "ecap-2"), E.UnknownModelError, "model"),
    ErrorCode.ECAP_ERR_IO: (
        lambda p: p.load_file("/nonexistent/policy.json"), E.EcapIOError,
        None),
    ErrorCode.ECAP_ERR_NOT_FOUND: (
        lambda p: p.scenario("hyper"), E.NotFoundError, "scenario"),
    ErrorCode.ECAP_ERR_LIMIT: (_fill_scenarios, E.LimitError, None),
}


def test_every_code_has_a_class_and_a_case():
    for code in ErrorCode:
        if code == ErrorCode.ECAP_OK:
            continue
        cls = error_class(code)
        assert cls is not E.EcapError and cls.CODE == code
        assert issubclass(cls, E.EcapError)
        assert (code in CASES) != (code in NOT_RAISABLE_YET), code.name


@pytest.mark.parametrize("code", sorted(CASES), ids=lambda c: c.name)
def test_real_bad_input_raises(policy, code):
    fn, cls, field = CASES[code]
    before = policy.dump_json()
    with pytest.raises(cls) as ei:
        fn(policy)
    e = ei.value
    assert e.code == code and type(e) is cls
    assert e.message, "the library's message is carried"
    if field is not None:
        assert e.field == field
    if code != ErrorCode.ECAP_ERR_LIMIT:
        assert policy.dump_json() == before, "a failed call changed nothing"
    assert pickle.loads(pickle.dumps(e)).message == e.message


def test_last_catalog_entry_cannot_go(policy):
    with pytest.raises(E.LimitError):
        _last_class(policy)
    assert policy.catalog_count("database") == 1


def test_json_error_has_position(policy):
    with pytest.raises(E.JsonError) as ei:
        policy.load_json('{\n  "executor.cores": tru\n}')
    assert ei.value.line == 2 and ei.value.column > 0
    assert "line 2" in str(ei.value)


def test_unknown_model_name():
    with pytest.raises(E.UnknownModelError) as ei:
        E.model_from_string("ecap-9")
    assert "ecap-9" in ei.value.message


def test_python_builtin_bases():
    assert issubclass(E.RangeError, ValueError)
    assert issubclass(E.UnknownKeyError, LookupError)
    assert issubclass(E.EcapTypeError, TypeError)
    assert issubclass(E.EcapIOError, OSError)


@pytest.mark.parametrize("code", sorted(NOT_RAISABLE_YET), ids=lambda c: c.name)
def test_unraisable_codes_still_map(code):
    e = _lib.error_from(int(code), None)
    assert type(e) is error_class(code) and e.code == code
    assert e.message == E.strerror(code)
