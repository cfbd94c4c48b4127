# SPDX-License-Identifier: MIT
"""PostgreSQL sizing: a sample of tests/test-database.c with the same
expected values, the parameter group, bad input, and hypothesis
properties of ecap-1 (more transactions never less storage or memory)."""

from __future__ import annotations

import math

import pytest

import ecaptune as E
from ecaptune import DatabaseReason as R

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402


def test_guide_one_million_a_day(policy):
    policy.model = "guide"
    o = E.advise_database(policy, transactions_per_day=1e6)
    assert o.model is E.Model.ECAP_MODEL_GUIDE
    # guide: 1e6 * 2 * 1.3 / 1024 / 1024 = 2.47955322265625 GB a day
    assert o.daily_storage_gb == pytest.approx(2.47955322265625)
    # guide: * 365 days * 2 (analytics) = 1810.0738525390625 GB
    assert o.data_storage_gb == pytest.approx(1810.0738525390625)
    # guide: max(16, 1810.07 * 0.25) = 452.518463134765625 GB
    assert o.memory_required_gb == pytest.approx(452.518463134765625)
    # guide: 452.5 > 64 -> db.r6g.4xlarge, though it has 128 GB
    assert o.instance_class == "db.r6g.4xlarge"
    assert o.reason is R.ECAP_DATABASE_REASON_GUIDE_UNDERSIZED
    assert o.fits_flag is False
    # ceil(452.5 / 128) = 4 instances would hold it
    assert o.instances_needed_count == 4
    # guide: int(1810.0738525390625 * 1.2) = int(2172.0886...) = 2172
    assert o.storage_gb == 2172.0
    # guide: 2.016 * 24 * 30 = 1451.52 (one instance)
    assert o.cost_usd_per_month == pytest.approx(1451.52)
    assert "above 64" in o.reason_text


def test_ecap1_one_million_a_day(policy):
    o = E.advise_database(policy, transactions_per_day=1e6)
    # no class of the catalog holds 452.5 GB: the largest, 4 times
    assert (o.instance_class, o.reason, o.instances_needed_count) == \
        ("db.r6g.4xlarge", R.ECAP_DATABASE_REASON_NONE_FITS, 4)
    # ecap-1 rounds up: ceil(2172.0886) = 2173
    assert o.storage_gb == 2173.0
    # 4 * 2.016 * 720 = 5806.08
    assert o.cost_usd_per_month == pytest.approx(5806.08)


@pytest.mark.parametrize("tx,cls,guide_reason,ecap1_reason", [
    # memory = tx / 2097152 GB with the clean constants and 1 day kept
    # exactly 32 GB: <= 32 -> xlarge
    (67108864.0, "db.r6g.xlarge", R.ECAP_DATABASE_REASON_GUIDE_THRESHOLD,
     R.ECAP_DATABASE_REASON_SMALLEST_FIT),
    # 32 + 2^-21 GB -> 2xlarge
    (67108865.0, "db.r6g.2xlarge", R.ECAP_DATABASE_REASON_GUIDE_THRESHOLD,
     R.ECAP_DATABASE_REASON_SMALLEST_FIT),
    # exactly 128 GB: the 4xlarge still holds it
    (268435456.0, "db.r6g.4xlarge", R.ECAP_DATABASE_REASON_GUIDE_THRESHOLD,
     R.ECAP_DATABASE_REASON_SMALLEST_FIT),
    # 128 + epsilon: nothing holds it
    (268435457.0, "db.r6g.4xlarge", R.ECAP_DATABASE_REASON_GUIDE_UNDERSIZED,
     R.ECAP_DATABASE_REASON_NONE_FITS),
])
def test_class_edges(policy, tx, cls, guide_reason, ecap1_reason):
    # Clean constants: 1 KB, no index overhead
    policy["database.transaction_size_kb"] = 1.0
    policy["database.index_overhead_factor"] = 1.0
    for model, reason in (("guide", guide_reason), ("ecap-1", ecap1_reason)):
        policy.model = model
        o = E.advise_database(policy, transactions_per_day=tx, retention_days=1)
        assert o.memory_required_gb == pytest.approx(tx / 2097152.0)
        assert (o.instance_class, o.reason) == (cls, reason)


def test_parameter_group(policy):
    o = E.advise_database(policy, transactions_per_day=10000)
    assert (o.shared_buffers_kb, o.effective_cache_size_kb,
            o.maintenance_work_mem_kb, o.wal_buffers_kb, o.work_mem_kb) == \
        (8388608, 25165824, 262144, 16384, 41120)
    # DATABASE_CONFIG: 10, 20, 30, 3600, pre-ping
    assert (o.pool_size_count, o.pool_max_overflow_count,
            o.pool_timeout_seconds, o.pool_recycle_seconds,
            o.pool_pre_ping_flag) == (10, 20, 30, 3600, True)
    props = E.database_properties(o)
    assert [tuple(p) for p in props] == [
        ("max_connections", "200"),
        # 32 GB / 4 and * 3 / 4
        ("shared_buffers", "8GB"),
        ("effective_cache_size", "24GB"),
        ("maintenance_work_mem", "256MB"),
        ("checkpoint_completion_target", "0.7"),
        ("wal_buffers", "16MB"),
        # PGTune: 4 vCPUs >= 4 -> max_worker_processes = 4
        ("max_worker_processes", "4"),
        # (33554432 - 8388608) kB / ((200 + 4) * 3) = 41120.6 -> 41120
        ("work_mem", "41120kB"),
    ]


@pytest.mark.parametrize("kw,cls,field", [
    ({"transactions_per_day": math.nan}, E.InvalidArgumentError, "transactions_per_day"),
    ({"transactions_per_day": math.inf}, E.InvalidArgumentError, "transactions_per_day"),
    ({"transactions_per_day": -1}, E.RangeError, "transactions_per_day"),
    # above the documented 1e12 a day
    ({"transactions_per_day": 2e12}, E.RangeError, "transactions_per_day"),
    ({"transactions_per_day": 1000, "retention_days": 36501},
     E.RangeError, "retention_days"),
])
def test_bad_input(policy, kw, cls, field):
    with pytest.raises(cls) as ei:
        E.advise_database(policy, **kw)
    assert ei.value.field == field


def test_rendering_a_non_advice_is_refused(policy):
    import dataclasses
    o = E.advise_database(policy, transactions_per_day=1000)
    with pytest.raises(E.RangeError) as ei:
        E.database_properties(dataclasses.replace(o, shared_buffers_kb=0))
    assert ei.value.field == "shared_buffers_kb"
    with pytest.raises(E.UnknownEnumError) as ei:
        E.database_properties(dataclasses.replace(o, model=0))
    assert ei.value.field == "model"


TX = st.floats(0, 1e9, allow_nan=False)


@settings(max_examples=200, deadline=None, database=None)
@given(TX, TX)
def test_ecap1_more_transactions_never_less(a, b):
    small, large = sorted((a, b))
    with E.Policy() as p:
        x = E.advise_database(p, transactions_per_day=small)
        y = E.advise_database(p, transactions_per_day=large)
        assert y.storage_gb >= x.storage_gb
        assert y.memory_required_gb >= x.memory_required_gb
        assert y.instance_memory_gb >= x.instance_memory_gb
        assert y.cost_usd_per_month >= x.cost_usd_per_month
        assert y.instances_needed_count >= x.instances_needed_count
        # the class holds the memory, or says how many it takes
        assert (y.instance_memory_gb >= y.memory_required_gb if y.fits_flag
                else y.instances_needed_count * y.instance_memory_gb
                >= y.memory_required_gb)
