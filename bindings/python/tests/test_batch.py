# SPDX-License-Identifier: MIT
"""advise_batch: every row equals the single call; numpy, buffers and
lists; per-row codes."""

from __future__ import annotations

import array

import pytest

import ecaptune as E

numpy = pytest.importorskip("numpy")


def test_rows_equal_single_calls(policy):
    gb = numpy.array([25.0, 100.0, 500.0, 1024.0])
    r = E.advise_batch(policy, "executor", daily_data_gb=gb)
    assert r.rows == 4 and list(r.rc) == [0, 0, 0, 0] and r.ok.all()
    for i, x in enumerate(gb):
        one = E.advise_executors(policy, daily_data_gb=float(x))
        assert r["executor_count"][i] == one.executor_count
        assert r["executor_heap_bytes"][i] == one.executor_heap_bytes
        assert r.record(i) == one
    assert "executor_count" in r and "sz" not in r


def test_every_advisor(policy):
    n = 3
    cols = {
        "partition": {"data_size_bytes": numpy.arange(1, n + 1) * 10**9},
        "join": {"left_size_bytes": numpy.full(n, 10**10),
                 "right_size_bytes": numpy.array([10**6, 10**8, 10**9])},
        "cache": {"deserialized_size_bytes": numpy.full(n, 10**9, "u8"),
                  "partition_count": numpy.array([10, 300, 500]),
                  "reuse_count": 3, "storage_memory_bytes": 16 << 30,
                  "api": 2},
        "database": {"transactions_per_day": numpy.array([1e5, 1e6, 1e7])},
        "kafka": {"events_per_second": numpy.array([10.0, 1e3, 1e5])},
    }
    singles = {"partition": E.advise_partitions, "join": E.advise_join,
               "cache": E.advise_cache, "database": E.advise_database,
               "kafka": E.advise_kafka}
    for fam, c in cols.items():
        r = E.advise_batch(policy, fam, **c)
        for i in range(n):
            kw = {k: (v[i].item() if hasattr(v, "shape") else v)
                  for k, v in c.items()}
            assert r.record(i) == singles[fam](policy, **kw), fam


def test_buffers_and_lists(policy):
    buf = array.array("d", [1e5, 1e6])
    a = E.advise_batch(policy, E.Advisor.DATABASE, transactions_per_day=buf)
    b = E.advise_batch(policy, "database", transactions_per_day=[1e5, 1e6])
    assert list(a["memory_required_gb"]) == list(b["memory_required_gb"])


def test_bad_rows(policy):
    gb = numpy.array([100.0, -1.0, numpy.nan, 10.0])
    with pytest.raises(E.RangeError, match="item 1: "):
        E.advise_batch(policy, "executor", daily_data_gb=gb)
    r = E.advise_batch(policy, "executor", strict=False, daily_data_gb=gb)
    assert list(r.rc) == [0, E.ErrorCode.ECAP_ERR_RANGE,
                          E.ErrorCode.ECAP_ERR_INVALID, 0]
    assert r["executor_count"][1] == 0 and r["executor_count"][3] > 0


def test_bad_columns(policy):
    with pytest.raises(TypeError, match="unexpected column"):
        E.advise_batch(policy, "kafka", events_per_sec=[1.0])
    with pytest.raises(TypeError, match="integer field"):
        E.advise_batch(policy, "partition", data_size_bytes=[1.5e9])
    with pytest.raises(OverflowError):
        E.advise_batch(policy, "partition",
                       data_size_bytes=numpy.array([2**64 - 1], "u8"))
    with pytest.raises(ValueError, match="rows"):
        E.advise_batch(policy, "join", left_size_bytes=[1, 2],
                       right_size_bytes=[1])
    with pytest.raises(E.UnknownEnumError):
        E.advise_batch(policy, "projection", x=[1])

