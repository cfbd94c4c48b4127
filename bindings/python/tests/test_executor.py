# SPDX-License-Identifier: MIT
"""Executor sizing: a sample of tests/test-executor.c with the same
expected values and hand calculations, memory regions, properties, bad
input, and hypothesis properties of ecap-1 (more data never yields fewer
executors or less memory)."""

from __future__ import annotations

import math

import pytest

import ecaptune as E
from ecaptune import ExecutorReason as R, SparkPlatform as P

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

MIB = 1 << 20
GIB = 1 << 30


def test_guide_100gb_differs_from_its_comment(policy):
    policy.model = "guide"
    # The guide's comment says "100GB daily: 34 executors, 6GB each,
    # ~$6.80/hour".  Its formula gives: required 100*3 = 300 GB; target
    # 8*0.25 = 2 h; required_executors max(2, int(100/(10*2))) = 5;
    # memory min(8, max(4, 300/5 = 60)) = 8; final int(300/8 = 37.5)
    # = 37; total 37*8 = 296 GB (< 300); cost 37*0.20 = 7.40.
    o = E.advise_executors(policy, daily_data_gb=100.0)
    assert o.model is E.Model.ECAP_MODEL_GUIDE
    assert (o.executor_count, o.executor_heap_gb, o.executor_heap_bytes,
            o.executor_core_count) == (37, 8.0, 8 * GIB, 2)
    assert o.required_memory_gb == pytest.approx(300.0)
    assert o.total_memory_gb == pytest.approx(296.0)
    assert o.memory_shortfall_gb == pytest.approx(4.0)
    assert o.cost_usd_per_hour == pytest.approx(37 * 0.20)
    # 7.40 $/h * 8 h window
    assert o.window_cost_usd == pytest.approx(37 * 0.20 * 8.0)
    assert o.reason is R.ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT
    # The guide does not cap: 37 executors over its own max of 20.
    assert o.capped_by_max_executors is False
    # The guide's YAML: min 2, initial 4, max 20.
    assert (o.dynamic_min_executor_count, o.dynamic_initial_executor_count,
            o.dynamic_max_executor_count) == (2, 4, 20)
    # 100 GB / (37 executors * 10 GB/h) = 0.27027 h <= 8 h
    assert o.projected_hours == pytest.approx(100.0 / 370.0)
    assert o.window_met is True


def test_guide_small_volumes_truncate(policy):
    policy.model = "guide"
    # 1 GB: 3 GB needed; max(2, int(0.05)) = 2; min(8, max(4, 1.5))
    # = 4; int(3/4 = 0.75) = 0 executors.
    o = E.advise_executors(policy, daily_data_gb=1.0)
    assert o.executor_count == 0
    assert o.reason is R.ECAP_EXECUTOR_REASON_GUIDE_NO_EXECUTORS
    # Threshold 4/3 GB: 1.33*3 = 3.99 -> int(3.99/4) = 0; 1.34*3 = 4.02
    # -> int(4.02/4 = 1.005) = 1
    assert E.advise_executors(policy, daily_data_gb=1.33).executor_count == 0
    assert E.advise_executors(policy, daily_data_gb=1.34).executor_count == 1
    # 3 GB: 9 GB; 9/2 = 4.5 GB (fractional, the guide writes "4.5g");
    # int(9/4.5) = 2; overhead max(int(0.1 * 4608 = 460.8), 384) = 460 MiB
    o = E.advise_executors(policy, daily_data_gb=3.0)
    assert (o.executor_count, o.executor_heap_gb, o.executor_heap_bytes,
            o.executor_overhead_bytes, o.executor_container_bytes) == \
        (2, 4.5, 4608 * MIB, 460 * MIB, 5068 * MIB)


def test_ecap1_100gb_capped_by_default_max(policy):
    # 300 GB needed; heap clamped to 8 GiB; memory ceil(300/8 = 37.5) =
    # 38 > max 20: capped at 20 executors; the heap rises to
    # ceil(300/20) = 15 GiB (<= executor.capped_memory_max_gb 64):
    # 300 GB, no shortfall; 100 / (20*10) = 0.5 h.
    o = E.advise_executors(policy, daily_data_gb=100.0)
    assert (o.model, o.executor_count, o.capped_by_max_executors,
            o.reason) == (E.Model.ECAP_MODEL_ECAP_1, 20, True,
                          R.ECAP_EXECUTOR_REASON_CAPPED)
    assert o.executor_heap_bytes == 15 * 1024 * MIB
    assert o.total_memory_gb == pytest.approx(300.0)
    assert o.memory_shortfall_gb == pytest.approx(0.0)
    # 20 * $0.20 = $4.00/h; * 8 h = $32; * 0.5 h = $2.
    assert (o.cost_usd_per_hour, o.window_cost_usd, o.projected_cost_usd) == \
        pytest.approx((4.0, 32.0, 2.0))
    # YARN overhead max(int(0.1 * 15360), 384) = 1536 MiB; container
    # 15360 + 1536 = 16896 MiB.
    assert (o.executor_overhead_bytes, o.executor_container_bytes) == \
        (1536 * MIB, 16896 * MIB)
    # Regions of 15 GiB: usable 16106127360 - 314572800 = 15791554560;
    # unified int(0.6 * usable) = 9474932736, storage half 4737466368,
    # execution 4737466368, user usable - unified = 6316621824.
    assert (o.memory_reserved_bytes, o.memory_unified_bytes,
            o.memory_storage_bytes, o.memory_execution_bytes,
            o.memory_user_bytes) == (314572800, 9474932736, 4737466368,
                                     4737466368, 6316621824)
    # Max 3, 64 GB a day: 192 GB / 3 = 64 GiB, exactly the capped
    # ceiling: reachable; 64.5 GB: 193.5 / 3 -> 65 GiB > 64: the heap
    # stops at 64 GiB, 192 GB, short 1.5 GB.
    o = E.advise_executors(policy, daily_data_gb=64.0, max_executor_count=3)
    assert (o.reason, o.executor_heap_bytes, o.memory_shortfall_gb) == \
        (R.ECAP_EXECUTOR_REASON_CAPPED, 64 * 1024 * MIB, 0.0)
    o = E.advise_executors(policy, daily_data_gb=64.5, max_executor_count=3)
    assert o.reason == R.ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE
    assert o.executor_heap_bytes == 64 * 1024 * MIB
    assert o.memory_shortfall_gb == pytest.approx(1.5)
    # Max 100: 38 executors of 8 GiB = 304 GB >= 300; memory rule
    o = E.advise_executors(policy, daily_data_gb=100.0, max_executor_count=100)
    assert (o.executor_count, o.reason) == (38, R.ECAP_EXECUTOR_REASON_MEMORY)
    # exactly at the cap: max 38 is not capped; one below is
    assert E.advise_executors(policy, daily_data_gb=100.0,
                              max_executor_count=38).capped_by_max_executors is False
    assert E.advise_executors(policy, daily_data_gb=100.0,
                              max_executor_count=37).capped_by_max_executors is True


def test_overhead_by_platform(policy):
    # EMR: int(0.1875 * 8192) = 1536 MiB
    o = E.advise_executors(policy, daily_data_gb=100.0, max_executor_count=100,
                           platform=P.ECAP_SPARK_PLATFORM_EMR)
    assert o.overhead_factor == pytest.approx(0.1875)
    assert o.executor_overhead_bytes == 1536 * MIB
    # Kubernetes non-JVM by name: int(0.4 * 8192 = 3276.8) = 3276 MiB
    o = E.advise_executors(policy, daily_data_gb=100.0, max_executor_count=100,
                           platform="kubernetes-non-jvm")
    assert o.executor_overhead_bytes == 3276 * MIB


def test_node_packing_and_cost(policy):
    # EMR m5.2xlarge: 8 vCPU, 32 GiB, YARN 24576 MB, $0.384 + $0.096.
    # 38 executors of 8 GiB + 1536 MiB = 9728 MiB containers, 2 cores.
    # Cores: (8 - 1) / 2 = 3; memory: 24576 / 9728 = 2.53 -> 2; so 2
    # per node, ceil(38 / 2) = 19 nodes, 19 * 0.48 = $9.12/h.
    o = E.advise_executors(policy, daily_data_gb=100.0, max_executor_count=100,
                           platform=P.ECAP_SPARK_PLATFORM_EMR,
                           node_vcpu_count=8, node_memory_gb=32.0,
                           node_yarn_memory_gb=24.0,
                           node_price_usd_per_hour=0.48)
    assert (o.executors_per_node_count, o.node_count) == (2, 19)
    assert o.cost_usd_per_hour == pytest.approx(19 * 0.48)


def test_memory_regions_8gib(policy):
    # usable 8589934592 - 314572800 = 8275361792; unified
    # (long)(8275361792 * 0.6 = 4965217075.2) = 4965217075; storage
    # (long)(4965217075 * 0.5) = 2482608537; execution 2482608538;
    # user 8275361792 - 4965217075 = 3310144717.
    r = E.spark_memory_regions(policy, 8 * GIB)
    assert (r.heap_bytes, r.reserved_bytes, r.usable_bytes, r.unified_bytes,
            r.storage_bytes, r.execution_bytes, r.user_bytes) == \
        (8 * GIB, 300 * MIB, 8275361792, 4965217075, 2482608537,
         2482608538, 3310144717)
    assert (r.memory_fraction_ratio, r.storage_fraction_ratio) == \
        pytest.approx((0.6, 0.5))
    # minSystemMemory = ceil(300 MiB * 1.5) = 471859200: accepted; one less not
    assert E.spark_memory_regions(policy, 471859200).usable_bytes == \
        471859200 - 314572800
    with pytest.raises(E.RangeError) as ei:
        E.spark_memory_regions(policy, 471859199)
    assert ei.value.field == "heap_bytes"
    with pytest.raises(E.RangeError):
        E.spark_memory_regions(policy, (1 << 40) + 1)


def test_spark_properties(policy):
    # ecap-1, capped: 20 x 15 GiB, overhead int(0.1 * 15360) = 1536 MiB
    o = E.advise_executors(policy, daily_data_gb=100.0)
    props = dict(E.executor_spark_properties(o))
    assert len(props) == 15
    assert props["spark.executor.instances"] == "20"
    assert props["spark.executor.memory"] == "15g"
    assert props["spark.executor.cores"] == "2"
    assert props["spark.executor.memoryOverhead"] == "1536m"
    assert props["spark.memory.fraction"] == "0.6"
    assert props["spark.dynamicAllocation.maxExecutors"] == "20"
    assert props["spark.dynamicAllocation.shuffleTracking.enabled"] == "true"
    assert props["spark.serializer"] == "org.apache.spark.serializer.KryoSerializer"
    # guide, 3 GB: 4.5 GB -> "4608m", overhead 460 MiB -> "460m"
    policy.model = "guide"
    props = dict(E.executor_spark_properties(
        E.advise_executors(policy, daily_data_gb=3.0)))
    assert (props["spark.executor.memory"],
            props["spark.executor.memoryOverhead"]) == ("4608m", "460m")


def test_platform_names():
    names = ["default", "yarn", "emr", "kubernetes", "kubernetes-non-jvm"]
    for v, name in zip(P, names):
        assert E.spark_platform_to_string(v) == name
        assert E.spark_platform_from_string(name) is v
    assert E.spark_platform_to_string(5) is None
    with pytest.raises(E.UnknownEnumError) as ei:
        E.spark_platform_from_string("EMR")
    assert ei.value.field == "platform"


@pytest.mark.parametrize("kw,cls,field", [
    ({"daily_data_gb": math.nan}, E.InvalidArgumentError, "daily_data_gb"),
    ({"daily_data_gb": math.inf}, E.InvalidArgumentError, "daily_data_gb"),
    ({"daily_data_gb": -1.0}, E.RangeError, "daily_data_gb"),
    ({"daily_data_gb": 0.0}, E.RangeError, "daily_data_gb"),
    ({"daily_data_gb": 2e9}, E.RangeError, "daily_data_gb"),
    ({"processing_window_hours": 8761}, E.RangeError, "processing_window_hours"),
    ({"overhead_factor": 10.5}, E.RangeError, "overhead_factor"),
    ({"max_executor_count": 1}, E.RangeError, "max_executor_count"),
    ({"executor_core_count": 257}, E.RangeError, "executor_core_count"),
    ({"platform": 5}, E.UnknownEnumError, "platform"),
    ({"node_vcpu_count": 8}, E.RangeError, "node_memory_gb"),
    ({"node_memory_gb": 32}, E.InvalidArgumentError, "node_vcpu_count"),
    # 2 vCPU - 1 reserved = 1 core < 2 per executor
    ({"node_vcpu_count": 2, "node_memory_gb": 64.0, "max_executor_count": 100},
     E.RangeError, "node_vcpu_count"),
])
def test_bad_input(policy, kw, cls, field):
    args = dict(daily_data_gb=100.0)
    args.update(kw)
    with pytest.raises(cls) as ei:
        E.advise_executors(policy, **args)
    assert ei.value.field == field


def test_edited_advice_is_refused():
    # A zeroed output is not an advice: the renderer names "model".
    import dataclasses
    with E.Policy() as p:
        o = E.advise_executors(p, daily_data_gb=1.0)
    with pytest.raises(E.UnknownEnumError) as ei:
        E.executor_spark_properties(dataclasses.replace(o, model=0))
    assert ei.value.field == "model"


VOLUME = st.floats(0.05, 20000.0, allow_nan=False)


@settings(max_examples=200, deadline=None, database=None)
@given(VOLUME, VOLUME, st.sampled_from([0, 100000]))
def test_ecap1_more_data_never_fewer_executors_or_memory(a, b, cap):
    small, large = sorted((a, b))
    with E.Policy() as p:
        x = E.advise_executors(p, daily_data_gb=small, max_executor_count=cap)
        y = E.advise_executors(p, daily_data_gb=large, max_executor_count=cap)
        assert y.executor_count >= x.executor_count >= 2
        assert y.total_memory_gb >= x.total_memory_gb
        # never less memory than daily * 3 while reachable: uncapped, or
        # capped at 20 with 20 * 64 GB = 1280 GB enough
        if cap or y.required_memory_gb <= 1280.0:
            assert y.total_memory_gb >= y.required_memory_gb
        else:
            assert y.reason == \
                R.ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE
        if not cap:
            assert y.executor_count <= 20
