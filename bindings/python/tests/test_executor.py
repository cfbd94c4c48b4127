# SPDX-License-Identifier: MIT
"""Executor sizing: a sample of tests/test-executor.c and
test-executor-ecap1.c with the same expected values and hand calculations,
memory regions, properties, the explanation and reason names, bad input,
and hypothesis properties of ecap-1 (more data never costs less a run, no
executor node idles past a quarter of its vCPUs, the window is met)."""

from __future__ import annotations

import math

import pytest

import ecaptune as E
from ecaptune import ExecutorNodeReason as NR, ExecutorReason as R, \
    SparkPlatform as P

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


def test_ecap1_cloudera_example(policy):
    # Cloudera: 16 cores, 64 GB nodes, NodeManager 15 cores and 63 GB: 3
    # executors of 5 cores a node, one slot for the AM, 21 GB each less
    # 7 % overhead = 19 GB.  850 GB in 8 h (target 2 h): ceil(850 / 10) =
    # 85 cores = 17 executors -> ceil(18 / 3) = 6 nodes.  Heap 21504 /
    # 1.07 = 20097 -> 19968 MiB.
    o = E.advise_executors(policy, daily_data_gb=850.0, platform="yarn",
                           overhead_factor=0.07, node_vcpu_count=16,
                           node_memory_gb=64.0)
    assert (o.executor_count, o.executor_core_count,
            o.executors_per_node_count, o.node_count) == (17, 5, 3, 6)
    assert o.executor_heap_bytes == 19968 * MIB
    assert int(o.executor_heap_gb) == 19
    assert o.reason is R.ECAP_EXECUTOR_REASON_THROUGHPUT
    assert o.node_reason is NR.ECAP_EXECUTOR_NODE_REASON_SHAPE
    assert o.projected_hours == pytest.approx(2.0)


def test_ecap1_window_and_caps(policy):
    # EMR r5.4xlarge, 1 TB in 2 h: ceil(1024 / 2.5) = 410 cores, 103
    # executors of 4 on ceil(104 / 4) = 26 nodes; above the policy's 20:
    # advised and flagged.  Hard cap 20: ceil(21 / 4) = 6 nodes, 1024 /
    # (20 x 4 x 5) = 2.56 h, 0.56 h late.
    o = E.advise_executors(policy, daily_data_gb=1024.0, platform="emr",
                           node_type="r5.4xlarge", processing_window_hours=2.0)
    assert (o.needed_core_count, o.executor_count, o.node_count) == (410, 103, 26)
    assert o.reason is R.ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED
    assert o.policy_cap_exceeded_flag is True
    assert o.dynamic_max_executor_count == 103
    assert o.window_met is True
    assert "410 cores" in o.explanation and "26 x r5.4xlarge" in o.explanation
    o = E.advise_executors(policy, daily_data_gb=1024.0, platform="emr",
                           node_type="r5.4xlarge", processing_window_hours=2.0,
                           max_executor_count=20)
    assert (o.executor_count, o.node_count, o.reason) == \
        (20, 6, R.ECAP_EXECUTOR_REASON_CAPPED)
    assert (o.projected_hours, o.window_miss_hours) == pytest.approx((2.56, 0.56))
    assert o.window_met is False


def test_ecap1_eks_allocatable(policy):
    # m5.2xlarge, 58 pods: the guest sees 32768 - ceil(32768 x 0.075) =
    # 30310 MiB; 30310 - (255 + 11 x 58) - 100 = 29317 MiB; CPU 8 - 0.09 =
    # 7.91, less 0.25 DaemonSets = 7.66: 2 executors of 4 cores
    # requesting 3.83.
    o = E.advise_executors(policy, daily_data_gb=100.0, platform="kubernetes",
                           node_type="m5.2xlarge")
    assert o.node_allocatable_memory_gb * 1024 == pytest.approx(29317.0)
    assert o.node_allocatable_vcpu == pytest.approx(7.91)
    assert (o.executors_per_node_count, o.executor_core_count) == (2, 4)
    assert o.executor_request_vcpu == pytest.approx(3.83)
    props = dict(E.executor_spark_properties(o))
    assert props["spark.kubernetes.executor.request.cores"] == "3.83"
    assert "spark.executor.instances" not in props
    # The driver pod takes the slot kept for it: one executor's size.
    assert (props["spark.driver.cores"],
            props["spark.kubernetes.driver.request.cores"],
            props["spark.driver.memory"],
            props["spark.driver.memoryOverhead"]) == \
        ("4", "3.83", props["spark.executor.memory"],
         props["spark.executor.memoryOverhead"])


def test_ecap1_shuffle_disk(policy):
    # YARN m6g.12xlarge, 1000 GB: 100 cores, 5 an executor, 9 a node: 20
    # executors on ceil(21 / 9) = 3 nodes, each with ceil(1000 / 3) = 334
    # GiB of EBS for the shuffle (executor.shuffle_disk_ratio 1); 10 GB
    # gets the floor of 64.
    o = E.advise_executors(policy, daily_data_gb=1000.0, platform="yarn",
                           node_type="m6g.12xlarge")
    assert (o.node_count, o.node_ebs_gb) == (3, 334.0)
    o = E.advise_executors(policy, daily_data_gb=10.0, platform="yarn",
                           node_type="m6g.12xlarge")
    assert o.node_ebs_gb == 64.0
    # EMR m6g.16xlarge, 40960 GB, at most 16 executors: 2 nodes, 128 h;
    # 20480 GiB a node in 2 gp3 volumes of 10240 (16 TiB at most), 20480
    # x 2048 / (128 x 3600) = 91 MiB/s: each volume's free 125.
    o = E.advise_executors(policy, daily_data_gb=40960.0, platform="emr",
                           node_type="m6g.16xlarge", max_executor_count=16)
    assert (o.node_ebs_gb, o.node_ebs_volume_count,
            o.node_ebs_throughput_mib_per_second,
            o.node_ebs_throughput_bound_flag) == (20480.0, 2, 250.0, False)


def test_ecap1_cheapest_node(policy):
    o = E.advise_executors(policy, daily_data_gb=1024.0, platform="emr",
                           processing_window_hours=2.0)
    assert o.node_reason is NR.ECAP_EXECUTOR_NODE_REASON_CHEAPEST
    assert o.node_type and o.runner_up_node_type
    assert o.runner_up_cost_usd >= o.projected_cost_usd
    assert "next " + o.runner_up_node_type in o.explanation


def test_ecap1_emr_primary_steps_up(policy):
    # r5.4xlarge, 1 TB in 1 h: ceil(1024 / 1.25) = 820 cores, 205
    # executors + the AM on 52 nodes, more than 50: an m5.2xlarge primary,
    # 0.384 + 0.096 + 64 x 0.08 / 720 EBS an hour
    o = E.advise_executors(policy, daily_data_gb=1024.0, platform="emr",
                           processing_window_hours=1.0,
                           node_type="r5.4xlarge")
    assert o.node_count == 52
    assert o.emr_primary_node_type == "m5.2xlarge"
    assert o.emr_primary_usd_per_hour == pytest.approx(0.48 + 64 * 0.08 / 720)
    assert o.emr_primary_large_after_node_count == 50
    assert "EMR primary m5.2xlarge (> 50 nodes)" in o.explanation
    # 100 GB: 6 nodes, the m5.xlarge primary
    o = E.advise_executors(policy, daily_data_gb=100.0, platform="emr",
                           processing_window_hours=1.0,
                           node_type="r5.4xlarge")
    assert (o.node_count, o.emr_primary_node_type) == (6, "m5.xlarge")
    # no primary off EMR
    o = E.advise_executors(policy, daily_data_gb=100.0, platform="yarn",
                           node_type="r5.4xlarge")
    assert (o.emr_primary_node_type, o.emr_primary_usd_per_hour) == ("", 0.0)


def test_overhead_by_platform(policy):
    policy.model = "guide"
    # guide, 100 GB: 8 GiB heaps.  EMR: int(0.1875 * 8192) = 1536 MiB
    o = E.advise_executors(policy, daily_data_gb=100.0, max_executor_count=100,
                           platform=P.ECAP_SPARK_PLATFORM_EMR)
    assert o.overhead_factor == pytest.approx(0.1875)
    assert o.executor_overhead_bytes == 1536 * MIB
    # Kubernetes non-JVM by name: int(0.4 * 8192 = 3276.8) = 3276 MiB
    o = E.advise_executors(policy, daily_data_gb=100.0, max_executor_count=100,
                           platform="kubernetes-non-jvm")
    assert o.executor_overhead_bytes == 3276 * MIB


def test_node_packing_and_cost(policy):
    # guide, EMR m5.2xlarge: 37 executors of 8 GiB + 1536 MiB = 9728 MiB,
    # 2 cores.  Cores: (8 - 1) / 2 = 3; memory: 24576 / 9728 -> 2; so 2
    # per node, ceil(37 / 2) = 19 nodes; the guide prices 37 x $0.20.
    policy.model = "guide"
    o = E.advise_executors(policy, daily_data_gb=100.0,
                           platform=P.ECAP_SPARK_PLATFORM_EMR,
                           node_vcpu_count=8, node_memory_gb=32.0,
                           node_yarn_memory_gb=24.0,
                           node_price_usd_per_hour=0.48)
    assert (o.executors_per_node_count, o.node_count) == (2, 19)
    assert o.cost_usd_per_hour == pytest.approx(37 * 0.20)


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
    # ecap-1, EMR r5.4xlarge, 100 GB in 8 h: 10 cores -> 3 executors of 4
    # on 1 node; heap 30720 / 1.1875 -> 25856 MiB, overhead 4848 MiB; no
    # spark.executor.instances beside dynamic allocation.
    o = E.advise_executors(policy, daily_data_gb=100.0, platform="emr",
                           node_type="r5.4xlarge")
    props = dict(E.executor_spark_properties(o))
    assert len(props) == 14
    assert "spark.executor.instances" not in props
    assert props["spark.executor.memory"] == "25856m"
    assert props["spark.executor.cores"] == "4"
    assert props["spark.executor.memoryOverhead"] == "4848m"
    assert props["spark.memory.fraction"] == "0.6"
    assert props["spark.dynamicAllocation.maxExecutors"] == "3"
    assert props["spark.dynamicAllocation.shuffleTracking.enabled"] == "true"
    assert props["spark.serializer"] == "org.apache.spark.serializer.KryoSerializer"
    # guide, 3 GB: 4.5 GB -> "4608m", overhead 460 MiB -> "460m"
    policy.model = "guide"
    props = dict(E.executor_spark_properties(
        E.advise_executors(policy, daily_data_gb=3.0)))
    assert (props["spark.executor.memory"],
            props["spark.executor.memoryOverhead"]) == ("4608m", "460m")
    assert props["spark.executor.instances"] == "2"


def test_reason_names():
    assert E.executor_reason_to_string(R.ECAP_EXECUTOR_REASON_CAPPED) == "capped"
    assert E.executor_reason_from_string("policy-cap-exceeded") is \
        R.ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED
    assert E.executor_reason_to_string(12) is None
    assert E.executor_node_reason_to_string(NR.ECAP_EXECUTOR_NODE_REASON_CHEAPEST) \
        == "cheapest"
    assert E.executor_node_reason_from_string("shape") is \
        NR.ECAP_EXECUTOR_NODE_REASON_SHAPE
    with pytest.raises(E.UnknownEnumError) as ei:
        E.executor_reason_from_string("memory")
    assert ei.value.field == "reason"


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
    # YARN: 1 vCPU - 1 reserved leaves no core
    ({"node_vcpu_count": 1, "node_memory_gb": 64.0}, E.RangeError,
     "node_vcpu_count"),
    ({"node_type": "r5.5xlarge"}, E.NotFoundError, "node_type"),
    # EMR offers these families from xlarge up
    ({"node_type": "m5.large", "platform": "emr"}, E.NotFoundError,
     "node_type"),
    ({"node_type": "r5.4xlarge", "node_vcpu_count": 16},
     E.InvalidArgumentError, "node_type"),
    ({"runs_per_day_count": 1441}, E.RangeError, "runs_per_day_count"),
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
NODES = st.sampled_from(["m5.xlarge", "m5.2xlarge", "m5.12xlarge", "r5.4xlarge",
                         "c6i.large", "m6g.16xlarge", "r7g.2xlarge"])
PLATFORMS = st.sampled_from(["yarn", "emr", "kubernetes", "kubernetes-non-jvm"])


@settings(max_examples=200, deadline=None, database=None)
@given(VOLUME, VOLUME, NODES, PLATFORMS, st.sampled_from([1.0, 2.0, 8.0]))
def test_ecap1_reviewer_properties(a, b, node, platform, window):
    small, large = sorted((a, b))
    with E.Policy() as p:
        if platform == "emr" and node.endswith(".large"):
            # EMR offers these families from xlarge up
            with pytest.raises(E.NotFoundError):
                E.advise_executors(p, daily_data_gb=small, node_type=node,
                                   platform=platform)
            return
        x = E.advise_executors(p, daily_data_gb=small, node_type=node,
                               platform=platform, processing_window_hours=window)
        y = E.advise_executors(p, daily_data_gb=large, node_type=node,
                               platform=platform, processing_window_hours=window)
        for o in (x, y):
            assert o.node_idle_vcpu <= 0.25 * o.node_usable_vcpu + 1e-9
            assert o.executors_per_node_count * o.executor_container_bytes \
                <= o.node_usable_memory_gb * GIB
            assert o.executor_count == \
                o.node_count * o.executors_per_node_count - 1
            assert o.window_met and o.projected_hours <= window
        assert y.executor_count >= x.executor_count >= 2
        # A run costs more with twice the data (smaller steps may dip where
        # one more node spreads the driver's slot).
        if large >= 2 * small:
            assert y.projected_cost_usd >= x.projected_cost_usd
