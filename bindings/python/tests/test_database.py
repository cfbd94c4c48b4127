# SPDX-License-Identifier: MIT
"""PostgreSQL sizing: a sample of tests/test-database.c and
tests/test-pgtune.c with the same expected values (PGTune's formulas by
hand), the renderings, names, bad input, and hypothesis properties of
ecap-1 (more transactions never cost less; the cheapest class that fits)."""

from __future__ import annotations

import math

import pytest

import ecaptune as E
from ecaptune import DatabaseReason as R, DatabaseFlag as F

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
    # guide: int(1810.0738525390625 * 1.2) = int(2172.0886...) = 2172
    assert o.storage_gb == 2172.0
    # guide: 2.016 * 24 * 30 = 1451.52 (one instance)
    assert o.cost_usd_per_month == pytest.approx(1451.52)
    assert "above 64" in o.reason_text


def test_ecap1_one_million_a_day(policy):
    o = E.advise_database(policy, transactions_per_day=1e6)
    # 1e6 * 2.6 / 2^20 * 7 hot days / 0.75 = 23.14 GB; 2 vCPUs (pools)
    assert o.memory_required_gb == pytest.approx(1e6 * 2.6 / 1048576 * 7 / 0.75)
    assert o.vcpu_required_count == 2
    assert o.reason is R.ECAP_DATABASE_REASON_CHEAPEST_FIT
    assert o.multi_az_flag is True and o.read_replica_count == 0
    # ceil(1810.0738525390625 * 1.2) = 2173 GB; 93 IOPS within 12,000
    assert o.storage_gb == 2173.0
    assert (o.iops_required_count, o.iops_baseline_count) == (93, 12000)
    e = policy.catalog_find("database", o.instance_class)
    assert o.instance_cost_usd_per_month == pytest.approx(
        e.multi_az_price_usd_per_hour * 720)
    assert o.storage_cost_usd_per_month == pytest.approx(
        2173 * e.storage_usd_per_gb_month * 2)
    # the pools' 300 + 3 reserved -> max_connections 303
    assert (o.max_connections_count, o.pool_connections_max_count) == (303, 300)
    assert o.flags == F(0)
    assert "cheapest class" in o.reason_text


def test_ecap1_peak_day(policy):
    # kept 1e6 a day, a 100x peak day: 1e8 / 86400 * 2 = 2314.8 /s:
    # ceil(2314.8 / 200) = 12 vCPUs and 4 IOPS each = 9260 IOPS; the
    # storage stays the kept volume's 2173 GB
    o = E.advise_database(policy, transactions_per_day=1e6,
                          peak_transactions_per_day=1e8)
    assert o.storage_gb == 2173.0
    assert o.vcpu_required_count == 12
    assert o.iops_required_count == 9260
    with pytest.raises(E.RangeError) as ei:
        E.advise_database(policy, transactions_per_day=1e6,
                          peak_transactions_per_day=-1)
    assert ei.value.field == "peak_transactions_per_day"


def test_beyond_one_instance(policy):
    # 100M a day: 217209 GB of storage > 64 TiB, working set > 1 TiB
    o = E.advise_database(policy, transactions_per_day=1e8)
    assert o.reason is R.ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE
    assert o.storage_gb == 217209.0
    assert F.ECAP_DATABASE_FLAG_STORAGE_LIMIT in o.flags
    assert F.ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE in o.flags
    assert o.storage_cost_usd_per_month > 0
    assert "range-partition" in o.reason_text


def test_pgtune_web_16gb_4cpu(policy):
    o = E.advise_database_shape(policy, memory_gb=16, vcpu_count=4,
                                workload="web", storage_type="ssd")
    assert o.reason is R.ECAP_DATABASE_REASON_SHAPE_GIVEN
    # RAM/4, RAM*3/4, RAM/16; 16 MB wal_buffers; 200 connections
    assert (o.shared_buffers_kb, o.effective_cache_size_kb,
            o.maintenance_work_mem_kb, o.wal_buffers_kb,
            o.max_connections_count) == (4194304, 12582912, 1048576, 16384, 200)
    # (16777216 - 4194304) / ((200 + 4) * 3) = 20560.3 -> 20560
    assert o.work_mem_kb == 20560
    # 4 GB of buffers: huge_pages try; web on 17: jit off, lz4
    assert (o.huge_pages, o.jit, o.wal_compression) == ("try", "off", "lz4")
    assert dict(E.database_properties(o))["work_mem"] == "20560kB"
    group = {p.name: p for p in E.database_rds_parameters(o)}
    assert group["shared_buffers"].value == "{DBInstanceClassMemory/32768}"
    # 4 GB in 8 kB pages
    assert (group["shared_buffers"].evaluated, group["shared_buffers"].unit) \
        == ("524288", "8kB")
    assert group["work_mem"].value == \
        "GREATEST({DBInstanceClassMemory/835584},4096)"


@pytest.mark.parametrize("gb,cpu,workload,work_mem,gather", [
    # dw: (67108864 - 16777216) / ((40 + 16) * 3) / 2 = 149796.6
    (64, 16, E.DatabaseWorkload.ECAP_DATABASE_WORKLOAD_DW, 149796, 8),
    # oltp: (33554432 - 8388608) / ((300 + 8) * 3) = 27235.7
    (32, 8, "oltp", 27235, 4),
    # mixed, 2 CPUs (8 default workers): 6291456 / 324 / 2 = 9709.0
    (8, 2, "mixed", 9709, 0),
])
def test_pgtune_shapes(policy, gb, cpu, workload, work_mem, gather):
    o = E.advise_database_shape(policy, memory_gb=gb, vcpu_count=cpu,
                                workload=workload)
    assert o.work_mem_kb == work_mem
    assert o.max_parallel_workers_per_gather_count == gather


def test_names():
    assert E.database_reason_to_string(R.ECAP_DATABASE_REASON_CHEAPEST_FIT) \
        == "cheapest-fit"
    assert E.database_reason_from_string("read-replicas") \
        is R.ECAP_DATABASE_REASON_READ_REPLICAS
    assert E.database_workload_to_string(3) == "dw"
    assert E.database_workload_from_string("oltp") \
        is E.DatabaseWorkload.ECAP_DATABASE_WORKLOAD_OLTP
    assert E.database_storage_to_string(4) == "nvme"
    assert E.database_storage_from_string("hdd") \
        is E.DatabaseStorage.ECAP_DATABASE_STORAGE_HDD
    for bit in F:
        assert E.database_flag_from_string(E.database_flag_to_string(bit)) == bit
    assert E.database_flag_to_string(3) is None
    with pytest.raises(E.UnknownEnumError):
        E.database_workload_from_string("batch")


@pytest.mark.parametrize("kw,cls,field", [
    ({"transactions_per_day": math.nan}, E.InvalidArgumentError, "transactions_per_day"),
    ({"transactions_per_day": -1}, E.RangeError, "transactions_per_day"),
    # above the documented 1e12 a day
    ({"transactions_per_day": 2e12}, E.RangeError, "transactions_per_day"),
    ({"transactions_per_day": 1000, "retention_days": 36501},
     E.RangeError, "retention_days"),
    ({"transactions_per_day": 1000, "workload": 9},
     E.UnknownEnumError, "workload"),
    ({"transactions_per_day": 1000, "postgres_version": 9},
     E.RangeError, "postgres_version"),
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
        E.database_rds_parameters(dataclasses.replace(o, model=0))
    assert ei.value.field == "model"


TX = st.floats(1e4, 1e10, allow_nan=False)


@settings(max_examples=200, deadline=None, database=None)
@given(TX, TX)
def test_ecap1_more_transactions_never_cost_less(a, b):
    small, large = sorted((a, b))
    with E.Policy() as p:
        x = E.advise_database(p, transactions_per_day=small)
        y = E.advise_database(p, transactions_per_day=large)
        assert y.storage_gb >= x.storage_gb
        assert y.memory_required_gb >= x.memory_required_gb
        assert y.cost_usd_per_month >= x.cost_usd_per_month
        # one primary (plus replicas) or an explicit beyond
        assert y.reason in (R.ECAP_DATABASE_REASON_CHEAPEST_FIT,
                            R.ECAP_DATABASE_REASON_READ_REPLICAS,
                            R.ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE)
        if y.reason is R.ECAP_DATABASE_REASON_CHEAPEST_FIT:
            fits = [e.multi_az_price_usd_per_hour for e in p.catalog("database")
                    if e.memory_gb >= y.memory_required_gb
                    and e.vcpu_count >= y.vcpu_required_count]
            assert y.price_usd_per_hour == pytest.approx(min(fits))
