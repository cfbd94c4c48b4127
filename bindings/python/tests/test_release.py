# SPDX-License-Identifier: MIT
"""What a published package promises beyond the calls: the licence it
ships, a readable repr, the IO error as an OSError, typed helpers."""

from __future__ import annotations

import errno
import pathlib
import pickle

import pytest

import ecaptune
from ecaptune.errors import EcapIOError, ErrorCode, error_class

from conftest import HERE, top_srcdir


def test_licence_is_the_projects():
    # pyproject.toml ships bindings/python/COPYING in the wheel.
    ours = (HERE.parent / "COPYING").read_text()
    assert ours == (top_srcdir() / "COPYING").read_text()


def test_py_typed_is_shipped():
    assert (HERE.parent / "ecaptune" / "py.typed").is_file()
    text = (HERE.parent / "pyproject.toml").read_text()
    assert '"py.typed"' in text and 'license-files = ["COPYING"]' in text


def test_record_repr_is_one_field_a_line(policy):
    ex = ecaptune.advise_executors(policy, daily_data_gb=250.0)
    text = repr(ex)
    lines = text.splitlines()
    assert lines[0] == "ExecutorAdvice("
    assert lines[-1] == ")"
    assert f"    executor_count={ex.executor_count}," in lines
    # enums by their class and member name, not <Model...: 2>
    model = next(line for line in lines if line.startswith("    model="))
    assert model == f"    model={type(ex.model).__name__}.{ex.model.name},"
    assert max(len(line) for line in lines) < 400


def test_property_is_a_typed_pair(policy):
    ex = ecaptune.advise_executors(policy, daily_data_gb=100.0)
    props = ecaptune.executor_spark_properties(ex)
    key, value = props[0]
    assert (key, value) == (props[0].key, props[0].value)
    conf = dict(props)
    assert conf[key] == value
    assert props[0].to_dict() == {"key": key, "value": value}


def test_io_error_has_errno_and_filename(policy, tmp_path: pathlib.Path):
    missing = tmp_path / "no-such-policy.json"
    with pytest.raises(EcapIOError) as info:
        policy.load_file(missing)
    e = info.value
    assert isinstance(e, OSError)
    assert e.errno == errno.ENOENT
    assert e.filename == missing
    assert e.code is ErrorCode.ECAP_ERR_IO
    # str() is still the library's sentence, not OSError's "[Errno 2]".
    assert "cannot open" in str(e) and str(missing) in str(e)
    again = pickle.loads(pickle.dumps(e))
    assert again.errno == errno.ENOENT and again.filename == missing


def test_unknown_error_code_still_has_a_name():
    e = error_class(-4999)(-4999, "x", "from a newer library")
    assert isinstance(e.code, ErrorCode)
    assert e.code.name == "ECAP_ERR_4999" and e.code.value == -4999
    assert int(e.code) == -4999
