# SPDX-License-Identifier: MIT
"""Partition sizing: a sample of tests/test-partition.c with the same
expected values and hand calculations, bad input, properties (hypothesis:
more data never yields fewer partitions under ecap-1)."""

from __future__ import annotations

import json

import pytest

import ecaptune as E
from ecaptune import PartitionAction as A, PartitionReason as R

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

MIB = 1 << 20
GIB = 1 << 30


def test_guide_truncates_and_coalesces(policy):
    policy.model = "guide"
    # guide: int(200 / 128) = int(1.5625) = 1 partition of 200 MB
    o = E.advise_partitions(policy, data_size_bytes=200 * MIB)
    assert o.model is E.Model.ECAP_MODEL_GUIDE
    assert o.action is A.ECAP_PARTITION_ACTION_COALESCE
    assert o.reason is R.ECAP_PARTITION_REASON_GUIDE_COALESCE
    assert (o.partition_count, o.effective_partition_count,
            o.bytes_per_partition) == (1, 1, 200 * MIB)
    # guide: int(256 / 128) = 2, exactly at the threshold
    assert E.advise_partitions(policy, data_size_bytes=256 * MIB).partition_count == 2
    # guide: int((256 MB - 1 B) / 128) = int(1.99999999) = 1
    assert E.advise_partitions(policy, data_size_bytes=256 * MIB - 1).partition_count == 1
    # guide: cores do not matter; int(1000 / 128) = int(7.8125) = 7
    o = E.advise_partitions(policy, data_size_bytes=1000 * MIB,
                            total_executor_cores=64)
    assert (o.partition_count, o.parallelism_floor_count) == (7, 0)


def test_guide_coalesce_noop_when_increasing(policy):
    policy.model = "guide"
    # guide: coalesce(int(512 / 128) = 4) on 2 partitions: Spark ignores
    # a coalesce that would increase, so 2 remain of 256 MB each
    o = E.advise_partitions(policy, data_size_bytes=512 * MIB,
                            current_partition_count=2)
    assert o.reason is R.ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP
    assert (o.partition_count, o.effective_partition_count,
            o.bytes_per_partition) == (4, 2, 256 * MIB)
    assert "no-op" in o.reason_text


def test_ecap1_rounds_up_and_floor(policy):
    # ecap-1: ceil(200 / 128) = 2 partitions of 100 MB; current unknown,
    # so repartition
    o = E.advise_partitions(policy, data_size_bytes=200 * MIB)
    assert o.model is E.Model.ECAP_MODEL_ECAP_1
    assert (o.partition_count, o.bytes_per_partition) == (2, 100 * MIB)
    assert o.action is A.ECAP_PARTITION_ACTION_REPARTITION
    assert o.reason is R.ECAP_PARTITION_REASON_REPARTITION_CURRENT_UNKNOWN
    # ecap-1: ceil((128 MB + 1 B) / 128 MB) = 2, one byte over;
    # bytes per partition ceil((2^27 + 1) / 2) = 2^26 + 1
    o = E.advise_partitions(policy, data_size_bytes=128 * MIB + 1)
    assert (o.partition_count, o.bytes_per_partition) == (2, 64 * MIB + 1)
    # ecap-1: 1 EiB / 128 MiB = 2^60 / 2^27 = 2^33 partitions asked for;
    # partition.max_count stops them at 100000 of ceil(2^60 / 10^5) B
    o = E.advise_partitions(policy, data_size_bytes=E.PARTITION_MAX_BYTES)
    assert o.reason is R.ECAP_PARTITION_REASON_MAX_COUNT
    assert (o.partition_count, o.split_size_bytes) == (
        100000, -(-(1 << 60) // 100000))
    # ecap-1: ceil(200/128) = 2 < floor 8 cores * 2 = 16 -> 16;
    # ceil(200 MiB / 16) = 13107200 B
    o = E.advise_partitions(policy, data_size_bytes=200 * MIB,
                            total_executor_cores=8)
    assert (o.partition_count, o.parallelism_floor_count,
            o.bytes_per_partition) == (16, 16, 13107200)
    # 2^20 rows * 200 B = 200 MiB -> ecap-1 ceil(200/128) = 2
    o = E.advise_partitions(policy, row_count=MIB, avg_row_bytes=200)
    assert (o.data_size_bytes, o.partition_count) == (200 * MIB, 2)
    # ecap-1: ceil(200/128) = 2 on 2 partitions: keep; on 4 of 50 MiB
    # (below half the target): coalesce
    o = E.advise_partitions(policy, data_size_bytes=200 * MIB,
                            current_partition_count=2)
    assert o.action is A.ECAP_PARTITION_ACTION_KEEP
    o = E.advise_partitions(policy, data_size_bytes=200 * MIB,
                            current_partition_count=4)
    assert o.action is A.ECAP_PARTITION_ACTION_COALESCE
    d = o.to_dict()
    assert d["action"] == "coalesce" and json.loads(json.dumps(d)) == d


@pytest.mark.parametrize("kw,cls,field", [
    ({}, E.InvalidArgumentError, "data_size_bytes"),
    ({"row_count": 10}, E.InvalidArgumentError, "data_size_bytes"),
    ({"data_size_bytes": -1}, E.RangeError, "data_size_bytes"),
    ({"data_size_bytes": (1 << 60) + 1}, E.RangeError, "data_size_bytes"),
    # (2^30 + 1) rows * 2^30 B is past 1 EiB: overflow-checked
    ({"row_count": GIB + 1, "avg_row_bytes": GIB}, E.RangeError, "row_count"),
    ({"data_size_bytes": MIB, "current_partition_count": 10_000_001},
     E.RangeError, "current_partition_count"),
    ({"data_size_bytes": MIB, "total_executor_cores": -1},
     E.RangeError, "total_executor_cores"),
])
def test_advise_bad_input(policy, kw, cls, field):
    with pytest.raises(cls) as ei:
        E.advise_partitions(policy, **kw)
    assert ei.value.field == field and ei.value.message


def test_binding_refuses_what_c_cannot_hold(policy):
    with pytest.raises(OverflowError):
        E.advise_partitions(policy, data_size_bytes=1 << 64)
    with pytest.raises(TypeError, match="unexpected keyword"):
        E.advise_partitions(policy, data_size_mb=1)   # type: ignore[call-arg]


def test_enum_strings():
    assert E.partition_action_to_string(A.ECAP_PARTITION_ACTION_KEEP) == "keep"
    assert E.partition_action_to_string(3) == "repartition"
    assert E.partition_action_to_string(0) is None
    assert E.partition_action_from_string("coalesce") is A.ECAP_PARTITION_ACTION_COALESCE
    assert E.partition_reason_to_string(2) == "guide-coalesce-noop"
    assert E.partition_reason_to_string(7) == "keep-scan"
    assert E.partition_reason_to_string(10) == "keep-near-target"
    assert E.partition_reason_to_string(11) == "max-count"
    assert E.partition_reason_to_string(12) is None
    for r in R:
        assert E.partition_reason_from_string(E.partition_reason_to_string(r)) is r
    with pytest.raises(E.UnknownEnumError) as ei:
        E.partition_action_from_string("shuffle")
    assert ei.value.field == "action"


def test_ecap1_tiny_data_and_files(policy):
    # 100 MiB on 60 cores: the floor min(60 x 2, 100 MiB / 4 MiB
    # (partition.min_size_mb)) = 25 partitions of 4 MiB, not 120 of
    # 853 KiB
    o = E.advise_partitions(policy, data_size_bytes=100 * MIB,
                            total_executor_cores=60)
    assert (o.partition_count, o.bytes_per_partition) == (25, 4 * MIB)
    assert (o.core_task_count, o.min_size_partition_count) == (120, 25)
    assert "capped at 100 MiB / 4 MiB" in o.reason_text
    # 500 TiB asks for 500 x 2^40 / 2^27 = 4096000 partitions; the
    # count stops at partition.max_count 100000 rounded up to whole waves
    # of 60 cores, 60 x ceil(100000 / 60) = 100020
    o = E.advise_partitions(policy, data_size_bytes=500 * 1024 * GIB,
                            total_executor_cores=60)
    assert o.reason is R.ECAP_PARTITION_REASON_MAX_COUNT
    assert (o.size_partition_count, o.partition_count) == (4096000, 100020)
    # 2 TiB on 150000 cores: the floor asks for 300000, the ceiling is
    # one wave, 150000 partitions of ceil(2^41 / 150000) = 14660156 B,
    # within the 128 MiB target, and the sentence says so
    o = E.advise_partitions(policy, data_size_bytes=2048 * GIB,
                            total_executor_cores=150000)
    assert o.reason is R.ECAP_PARTITION_REASON_MAX_COUNT
    assert (o.partition_count, o.split_size_bytes) == (150000, 14660156)
    assert "stay within the 128 MiB target" in o.reason_text
    # 2 TiB from 2048 files of 1 GiB, current unknown: ceil(2 TiB /
    # 128 MiB) = 16384, and the scan makes 2048 x 8 splits of 128 MiB, one
    # task each: keep, no shuffle
    o = E.advise_partitions(policy, data_size_bytes=2048 * GIB,
                            total_executor_cores=160, file_count=2048)
    assert o.action is A.ECAP_PARTITION_ACTION_KEEP
    assert o.reason is R.ECAP_PARTITION_REASON_KEEP_SCAN
    assert (o.partition_count, o.scan_task_count) == (16384, 16384)
    # the same as a listing
    o = E.advise_partitions(policy, file_sizes_bytes=[GIB] * 2048,
                            total_executor_cores=160)
    assert (o.data_size_bytes, o.scan_task_count) == (2048 * GIB, 16384)
    # one gzip file of 1 GiB on 8 cores: 16 partitions (floor 16), the
    # scan makes 1 task: repartition
    o = E.advise_partitions(policy, data_size_bytes=GIB, file_count=1,
                            files_splittable=False, total_executor_cores=8)
    assert o.reason is R.ECAP_PARTITION_REASON_REPARTITION_SCAN
    assert (o.partition_count, o.scan_task_count) == (16, 1)
    # 200 MiB on 3 partitions of 66.7 MiB: at least half the 128 MiB
    # target, so keep them rather than coalesce to 2
    o = E.advise_partitions(policy, data_size_bytes=200 * MIB,
                            current_partition_count=3)
    assert o.reason is R.ECAP_PARTITION_REASON_KEEP_NEAR_TARGET
    assert (o.partition_count, o.effective_partition_count) == (2, 3)
    assert "keep the 3 current partitions" in o.reason_text
    # the scan needs the cores
    with pytest.raises(E.InvalidArgumentError) as ei:
        E.advise_partitions(policy, data_size_bytes=GIB, file_count=8)
    assert ei.value.field == "total_executor_cores"


def test_explain_texts(policy):
    o = E.advise_partitions(policy, data_size_bytes=200 * MIB)
    assert o.reason_text == (
        "ecap-1: repartition 2 partitions of 100 MiB from ceil(200 MiB / "
        "128 MiB target) = 2; the current count is unknown and the data is "
        "not read from files, so a repartition sets it (current unknown)")
    s = E.partition_scan_tasks(policy, file_sizes_bytes=[GIB],
                               min_partition_num=4)
    assert s.reason_text.endswith("8 splits pack into 8 tasks")
    a = E.partition_aqe(policy, partition_sizes_bytes=[
        110 * MIB, 30 * MIB, 170 * MIB, 15 * MIB, 35 * MIB],
        advisory_partition_size_bytes=128 * MIB,
        parallelism_first_disabled=True)
    assert "5 partitions coalesce to 4" in a.reason_text
    # an edited advice with a reason of another function is refused
    import dataclasses
    with pytest.raises(E.UnknownEnumError):
        dataclasses.replace(
            o, reason=R.ECAP_PARTITION_REASON_SPLIT_OPEN_COST).reason_text


def test_scan_split_sizes(policy):
    # maxSplitBytes: total = 1024 + 4 MiB = 1028 MiB; bytesPerCore =
    # 1028 / 4 = 257 MiB; min(128, max(4, 257)) = 128 MiB; 1024 / 128 =
    # 8 splits of 128 MiB, 8 tasks
    o = E.partition_scan_tasks(policy, file_sizes_bytes=[GIB],
                               min_partition_num=4)
    assert (o.total_bytes, o.bytes_per_core, o.max_split_bytes,
            o.split_count, o.task_count) == (1028 * MIB, 257 * MIB,
                                             128 * MIB, 8, 8)
    assert o.reason is R.ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_BYTES
    # minPartitionNum 16: bytesPerCore = 1028 MiB / 16 = 67371008 B;
    # 15 full splits, remainder 63176704: 16 splits, each its own task
    o = E.partition_scan_tasks(policy, file_sizes_bytes=[GIB],
                               min_partition_num=16)
    assert (o.max_split_bytes, o.split_count, o.task_count) == (67371008, 16, 16)
    # Scala Long division: openCost 1 MiB, total 11534336 / 3 = 3844778;
    # 10485760 / 3844778 = 2 rem 2796204: 3 splits, 3 tasks
    o = E.partition_scan_tasks(policy, file_sizes_bytes=[10 * MIB],
                               open_cost_bytes=MIB, min_partition_num=3)
    assert (o.bytes_per_core, o.split_count, o.task_count) == (3844778, 3, 3)


def test_scan_max_partition_num(policy):
    # ten 128 MiB files, minPartitionNum 4: total 1320 MiB, 330 per core,
    # maxSplitBytes 128 MiB, ten tasks; maxPartitionNum 4: 10 > 4, desired
    # = ceil(1320 MiB / 4) = 346030080 B; 132 + 128 <= 330 MiB takes two
    # splits, 264 + 128 > 330 closes: 5 tasks
    o = E.partition_scan_tasks(policy, file_sizes_bytes=[128 * MIB] * 10,
                               min_partition_num=4, max_partition_num=4)
    assert (o.size_packed_task_count, o.rescaled_split_bytes,
            o.task_count) == (10, 346030080, 5)
    assert o.reason is R.ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_NUM
    # maxPartitionNum 10: 10 > 10 is false, no rescale
    o = E.partition_scan_tasks(policy, file_sizes_bytes=[128 * MIB] * 10,
                               min_partition_num=4, max_partition_num=10)
    assert (o.rescaled_split_bytes, o.task_count) == (0, 10)
    with pytest.raises(E.RangeError) as ei:
        E.partition_scan_tasks(policy, file_sizes_bytes=[MIB],
                               min_partition_num=2, max_partition_num=-1)
    assert ei.value.field == "max_partition_num"


def test_scan_non_splittable_and_empty(policy):
    # gzip: one split from 0 to getLen, one task
    o = E.partition_scan_tasks(policy, file_sizes_bytes=[GIB],
                               splittable=False, min_partition_num=4)
    assert (o.split_count, o.task_count) == (1, 1)
    # per-file flags [0, 1], 2 x 1 GiB, minPartitionNum 4: total 2056
    # MiB, 514 MiB per core -> 128 MiB; 1 + 8 splits, 9 tasks
    o = E.partition_scan_tasks(policy, file_sizes_bytes=[GIB, GIB],
                               file_splittable=[False, True],
                               min_partition_num=4)
    assert (o.total_bytes, o.split_count, o.task_count) == (2056 * MIB, 9, 9)
    # no non-empty file: no task
    o = E.partition_scan_tasks(policy, file_sizes_bytes=[],
                               min_partition_num=2)
    assert o.task_count == 0
    assert o.reason is R.ECAP_PARTITION_REASON_SPLIT_NO_FILES
    with pytest.raises(E.RangeError) as ei:
        E.partition_scan_tasks(policy, file_sizes_bytes=[MIB, -1],
                               min_partition_num=2)
    assert ei.value.field == "file_sizes_bytes"
    with pytest.raises(ValueError, match="one flag per file"):
        E.partition_scan_tasks(policy, file_sizes_bytes=[MIB],
                               file_splittable=[True, False])


def test_aqe_spark_doc_example(policy):
    # ShufflePartitionsUtil's doc: [110,30,170,15,35] MiB, target 128 MiB
    # gives [110], [30], [170], [15+35]: 4 partitions; parallelismFirst
    # off: minNumPartitions 1, maxTarget = 360 MiB
    s = [110 * MIB, 30 * MIB, 170 * MIB, 15 * MIB, 35 * MIB]
    o = E.partition_aqe(policy, partition_sizes_bytes=s,
                        advisory_partition_size_bytes=128 * MIB,
                        parallelism_first_disabled=True)
    assert (o.min_num_partitions, o.total_bytes, o.max_target_size_bytes,
            o.target_size_bytes, o.coalesced_partition_count) == \
        (1, 360 * MIB, 360 * MIB, 128 * MIB, 4)
    assert o.reason is R.ECAP_PARTITION_REASON_AQE_TARGET_ADVISORY
    # parallelism first, defaultParallelism 4: maxTarget = ceil(360/4)
    # = 90 MiB < 128: target 90 MiB; 4 partitions
    o = E.partition_aqe(policy, partition_sizes_bytes=s,
                        advisory_partition_size_bytes=128 * MIB,
                        default_parallelism=4)
    assert (o.min_num_partitions, o.target_size_bytes) == (4, 90 * MIB)
    assert o.reason is R.ECAP_PARTITION_REASON_AQE_TARGET_PARALLELISM


def test_aqe_skew_split_counts(policy):
    # median of 5 = 10 MiB; 300 > 10 * 5 and 300 > 256: skewed.  Split
    # target max(64, mean(10,10,10,10) = 10) = 64 MiB; 300 = 4 x 64 +
    # 44; 44 >= 0.2 * 64 = 12.8 and 44 + 64 >= 1.2 * 64: 5 splits
    s = [10 * MIB] * 4 + [300 * MIB]
    o = E.partition_aqe(policy, partition_sizes_bytes=s,
                        parallelism_first_disabled=True)
    assert (o.median_size_bytes, o.skewed_partition_count,
            o.skew_split_target_bytes, o.skew_split_task_count) == \
        (10 * MIB, 1, 64 * MIB, 5)
    assert o.split_counts == (1, 1, 1, 1, 5)
    # remainder exactly 20 MiB is not < 20 MiB: 6 splits
    e = [100 * MIB] * 3 + [520 * MIB]
    o = E.partition_aqe(policy, partition_sizes_bytes=e,
                        parallelism_first_disabled=True)
    assert o.split_counts[3] == 6 and o.skew_split_task_count == 6
    assert o.to_dict()["split_counts"] == [1, 1, 1, 6]


def test_aqe_bad_input(policy):
    with pytest.raises(E.RangeError) as ei:
        E.partition_aqe(policy, partition_sizes_bytes=[],
                        parallelism_first_disabled=True)
    assert ei.value.field == "partition_count"
    # parallelism first needs a default parallelism or cores
    with pytest.raises(E.InvalidArgumentError) as ei:
        E.partition_aqe(policy, partition_sizes_bytes=[MIB] * 3)
    assert ei.value.field == "default_parallelism"


def test_render_properties(policy):
    o = E.advise_partitions(policy, data_size_bytes=200 * MIB)
    props = E.partition_spark_properties(policy, o)
    assert [tuple(p) for p in props] == [
        # ecap-1: ceil(200 / 128) = 2
        ("spark.sql.shuffle.partitions", "2"),
        # the advice's partition size, 200 MiB / 2 = 104857600 B
        ("spark.sql.files.maxPartitionBytes", "104857600"),
        ("spark.sql.adaptive.enabled", "true"),
        ("spark.sql.adaptive.coalescePartitions.enabled", "true"),
        # respect the advisory size
        ("spark.sql.adaptive.coalescePartitions.parallelismFirst", "false"),
        # AQE coalesces toward the same 104857600 B
        ("spark.sql.adaptive.advisoryPartitionSizeInBytes", "104857600"),
        # aqe.min_partition_size_mb 1 * 2^20
        ("spark.sql.adaptive.coalescePartitions.minPartitionSize", "1048576"),
        ("spark.sql.adaptive.skewJoin.enabled", "true"),
        ("spark.sql.adaptive.skewJoin.skewedPartitionFactor", "5"),
        # aqe.skew_partition_threshold_mb 256 * 2^20
        ("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes",
         "268435456"),
    ]
    assert dict(props) == E.properties_to_dict(props)
    assert dict(props)["spark.sql.shuffle.partitions"] == "2"
    # an advice edited into nonsense is refused by the library
    import dataclasses
    with pytest.raises(E.RangeError) as ei:
        E.partition_spark_properties(policy, dataclasses.replace(o, partition_count=0))
    assert ei.value.field == "partition_count"


def test_properties_grow_past_a_small_array(policy):
    """call_with_properties retries once with the count NOSPACE reports."""
    from ecaptune import _convert
    from ecaptune import _structs as S
    import ctypes
    o = E.advise_partitions(policy, data_size_bytes=200 * MIB)
    out = _convert.struct_from_record(S.PartitionOutStruct, o)
    props = _convert.call_with_properties(
        "ecap_partition_spark_properties", policy._h(), ctypes.byref(out),
        capacity=2)
    assert len(props) == 10


@settings(max_examples=200, deadline=None, database=None)
@given(st.integers(1, 1 << 50), st.integers(0, 1 << 40),
       st.sampled_from([0, 1, 4, 16, 1000]))
def test_ecap1_more_data_never_fewer_partitions(size, more, cores):
    with E.Policy() as p:
        a = E.advise_partitions(p, data_size_bytes=size, total_executor_cores=cores)
        b = E.advise_partitions(p, data_size_bytes=size + more,
                                total_executor_cores=cores)
        assert b.partition_count >= a.partition_count
        assert a.effective_partition_count == a.partition_count


@settings(max_examples=100, deadline=None, database=None)
@given(st.lists(st.integers(0, 64 * MIB), min_size=1, max_size=40),
       st.integers(1, 64))
def test_aqe_split_counts_match_partitions(sizes, dp):
    with E.Policy() as p:
        o = E.partition_aqe(p, partition_sizes_bytes=sizes, default_parallelism=dp)
        assert len(o.split_counts) == len(sizes)
        assert all(c >= 1 for c in o.split_counts)
        assert 1 <= o.coalesced_partition_count <= len(sizes)
        assert o.total_bytes == sum(sizes)
