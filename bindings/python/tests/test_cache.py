# SPDX-License-Identifier: MIT
"""Cache level: a sample of tests/test-cache.c with the same expected
values, level names and flags per API, bad input, and a hypothesis
property (more storage memory never keeps fewer partitions in memory)."""

from __future__ import annotations

import pytest

import ecaptune as E
from ecaptune import CacheReason as R, SparkApi as Api, StorageLevel as L

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

MIB = 1 << 20
GIB = 1 << 30

# 3 GiB as objects, 1 GiB serialized, 400 MiB of Parquet (1000 MiB
# columnar), 100 partitions, used 3 times.
BASE = dict(deserialized_size_bytes=3 * GIB, serialized_size_bytes=GIB,
            partition_count=100, reuse_count=3, storage_memory_bytes=4 * GIB,
            api=Api.ECAP_SPARK_API_RDD, storage_format_size_bytes=400 * MIB)


def advise(p, **kw):
    args = dict(BASE)
    args.update(kw)
    return E.advise_cache(p, **args)


def test_level_names_round_trip():
    for level in L:
        name = E.storage_level_to_string(level)
        assert name == level.name
        assert E.storage_level_from_string(name) is level
    assert E.storage_level_to_string(0) is None
    # exactly Spark's names: no case folding, no spaces
    with pytest.raises(E.UnknownEnumError) as ei:
        E.storage_level_from_string("memory_only")
    assert ei.value.field == "level"


def test_level_flags_per_api():
    # Scala: StorageLevel(useDisk, useMemory, useOffHeap, deserialized, r)
    f = E.storage_level_flags(L.ECAP_STORAGE_LEVEL_MEMORY_ONLY, Api.ECAP_SPARK_API_RDD)
    assert (f.use_disk, f.use_memory, f.use_off_heap, f.deserialized,
            f.replication_count, f.name) == (False, True, False, True, 1,
                                              "MEMORY_ONLY")
    f = E.storage_level_flags("DISK_ONLY_3", Api.ECAP_SPARK_API_DATASET)
    assert (f.use_disk, f.replication_count) == (True, 3)
    # OFF_HEAP (true, true, true, false, 1) since 2.x
    f = E.storage_level_flags(L.ECAP_STORAGE_LEVEL_OFF_HEAP, Api.ECAP_SPARK_API_RDD)
    assert (f.use_disk, f.use_memory, f.use_off_heap, f.deserialized) == \
        (True, True, True, False)
    # PySpark: MEMORY_ONLY = (False, True, False, False)
    f = E.storage_level_flags(L.ECAP_STORAGE_LEVEL_MEMORY_ONLY,
                              Api.ECAP_SPARK_API_PYSPARK_DATAFRAME)
    assert f.deserialized is False
    # _SER constants do not exist in PySpark 3.x; _DESER only there
    with pytest.raises(E.NotFoundError) as ei:
        E.storage_level_flags(L.ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER,
                              Api.ECAP_SPARK_API_PYSPARK_DATAFRAME)
    assert ei.value.field == "level"
    with pytest.raises(E.UnknownEnumError) as ei:
        E.storage_level_flags(15, Api.ECAP_SPARK_API_RDD)
    assert ei.value.field == "level"
    with pytest.raises(E.UnknownEnumError) as ei:
        E.storage_level_flags(1, 5)
    assert ei.value.field == "api"


def test_guide_partition_threshold(policy):
    policy.model = "guide"
    # getNumPartitions() > 200: 200 is not above -> MEMORY_ONLY_SER
    o = advise(policy, partition_count=200, storage_memory_bytes=512 * MIB)
    assert o.model is E.Model.ECAP_MODEL_GUIDE
    assert (o.level, o.level_name, o.reason) == (
        L.ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER, "MEMORY_ONLY_SER",
        R.ECAP_CACHE_REASON_GUIDE_FEW_PARTITIONS)
    # serialized block ceil(2^30 / 200 = 5368709.12) = 5368710;
    # floor(2^29 / 5368710 = 99.99) = 99 blocks: share 99/200
    assert o.partitions_in_memory_count == 99
    assert o.memory_share_ratio == pytest.approx(99 / 200)
    # 201 > 200 -> MEMORY_AND_DISK_SER
    o = advise(policy, partition_count=201, storage_memory_bytes=512 * MIB)
    assert o.level is L.ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER
    # PySpark: the guide's names do not exist there
    o = advise(policy, partition_count=201, storage_memory_bytes=512 * MIB,
               api=Api.ECAP_SPARK_API_PYSPARK_DATAFRAME)
    assert o.level_exists_in_api is False and "PySpark" in o.reason_text


def test_ecap1_fit_threshold(policy):
    # deserialized block ceil(3 GiB / 100 = 32212254.72) = 32212255;
    # floor(4 GiB / 32212255 = 133.3) = 133 >= 100: fits as objects
    o = advise(policy)
    assert (o.level, o.reason, o.deserialized, o.stored_size_bytes) == (
        L.ECAP_STORAGE_LEVEL_MEMORY_ONLY, R.ECAP_CACHE_REASON_FITS_DESERIALIZED,
        True, 3 * GIB)
    # 100 blocks of 32212255 = 3221225500 bytes: fits exactly
    assert advise(policy, storage_memory_bytes=3221225500).level is \
        L.ECAP_STORAGE_LEVEL_MEMORY_ONLY
    # one byte less: 99 blocks; serialized block ceil(2^30/100) =
    # 10737419, floor(3221225499 / 10737419) = 299 >= 100
    o = advise(policy, storage_memory_bytes=3221225499)
    assert o.level is L.ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER
    # serialized threshold: 100 * 10737419 = 1073741900 fits, one byte
    # less spills: 99 of 100 blocks in memory
    o = advise(policy, storage_memory_bytes=1073741899)
    assert (o.level, o.reason, o.partitions_in_memory_count) == (
        L.ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER,
        R.ECAP_CACHE_REASON_SPILLS_TO_DISK, 99)
    assert o.memory_share_ratio == pytest.approx(0.99)
    # used once < cache.min_reuse_count 2: not cached
    o = advise(policy, reuse_count=1)
    assert (o.level, o.level_name, o.stored_size_bytes) == (
        L.ECAP_STORAGE_LEVEL_NONE, "NONE", 0)


def test_ecap1_memory_from_executors(policy):
    # 10 executors of 1 GiB: storage region (long)((2^30 - 300 MiB) *
    # 0.6 * 0.5) = 227750707 each, 2277507070 in all; serialized
    # floor(227750707 / 10737419 = 21.2) = 21 * 10 = 210 >= 100
    o = advise(policy, storage_memory_bytes=0, executor_count=10,
               executor_heap_bytes=GIB)
    assert o.level is L.ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER
    assert o.storage_memory_bytes == 2277507070


def test_ecap1_declines_and_formats(policy):
    # 2 TiB of Parquet as a Dataset, used 3 times, 20 executors of 8 GiB:
    # unified (long)((2^33 - 300 MiB) x 0.6) = 4965217075 B each;
    # columnar 2.5 x 2 TiB = 5 TiB in 16384 blocks of 320 MiB, 14 per
    # executor, 280 of 16384 (1.7%) < 50%: do not cache, re-read
    o = E.advise_cache(policy, api=Api.ECAP_SPARK_API_DATASET,
                       storage_format_size_bytes=2048 * GIB,
                       partition_count=16384, reuse_count=3,
                       executor_count=20, executor_heap_bytes=8 * GIB)
    assert (o.level, o.reason, o.alternative) == (
        L.ECAP_STORAGE_LEVEL_NONE, R.ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY,
        E.CacheAlternative.ECAP_CACHE_ALTERNATIVE_REREAD_SOURCE)
    assert (o.partitions_in_memory_count, o.partitions_safe_count) == (
        280, 140)
    assert o.cache_format is E.CacheFormat.ECAP_CACHE_FORMAT_COLUMNAR
    assert "do not cache; re-read the source" in o.reason_text
    o = E.advise_cache(policy, api=Api.ECAP_SPARK_API_DATASET,
                       storage_format_size_bytes=2048 * GIB,
                       partition_count=16384, reuse_count=3,
                       executor_count=20, executor_heap_bytes=8 * GIB,
                       computed_with_shuffle=True)
    # out of a shuffle: cached with disk, up to (16384 - 140) x 320 MiB;
    # with 4 TiB of local disk, declined: checkpoint
    assert o.level is L.ECAP_STORAGE_LEVEL_MEMORY_AND_DISK
    assert o.disk_bytes == 16244 * 320 * MIB
    o = E.advise_cache(policy, api=Api.ECAP_SPARK_API_DATASET,
                       storage_format_size_bytes=2048 * GIB,
                       partition_count=16384, reuse_count=3,
                       executor_count=20, executor_heap_bytes=8 * GIB,
                       computed_with_shuffle=True,
                       local_disk_bytes=4096 * GIB)
    assert o.reason is R.ECAP_CACHE_REASON_NO_DISK_ROOM
    assert o.alternative is E.CacheAlternative.ECAP_CACHE_ALTERNATIVE_CHECKPOINT
    # the region given in bytes with the unified memory it is part of:
    # 1000 MiB columnar in 100 blocks of 10 MiB, 50 in the 500 MiB
    # region, all in 1000 MiB unified
    o = advise(policy, api=Api.ECAP_SPARK_API_DATASET,
               storage_memory_bytes=500 * MIB,
               unified_memory_bytes=1000 * MIB)
    assert o.reason is R.ECAP_CACHE_REASON_FITS_EVICTABLE
    assert (o.partitions_safe_count, o.unified_memory_bytes) == (
        50, 1000 * MIB)
    # each API's format: Dataset columnar 1000 MiB, RDD objects 3 GiB,
    # PySpark RDD pickled 1 GiB
    assert (advise(policy, api=Api.ECAP_SPARK_API_DATASET).cached_size_bytes
            == 1000 * MIB)
    o = advise(policy, api=Api.ECAP_SPARK_API_PYSPARK_DATAFRAME)
    assert o.cache_format is E.CacheFormat.ECAP_CACHE_FORMAT_COLUMNAR
    assert o.reason is R.ECAP_CACHE_REASON_FITS_COLUMNAR
    assert advise(policy).cache_format is E.CacheFormat.ECAP_CACHE_FORMAT_OBJECTS
    o = advise(policy, api=Api.ECAP_SPARK_API_PYSPARK_RDD)
    assert (o.cache_format, o.cached_size_bytes) == (
        E.CacheFormat.ECAP_CACHE_FORMAT_PICKLED, GIB)


def test_cache_enum_strings():
    assert E.cache_reason_to_string(14) == "too-little-in-memory"
    assert E.cache_reason_to_string(16) == "fits-evictable"
    assert E.cache_reason_to_string(17) == "no-disk-room"
    assert E.cache_reason_from_string("fits-columnar") is \
        R.ECAP_CACHE_REASON_FITS_COLUMNAR
    assert E.cache_format_to_string(1) == "columnar"
    assert E.cache_format_from_string("pickled") is \
        E.CacheFormat.ECAP_CACHE_FORMAT_PICKLED
    assert E.cache_alternative_to_string(3) == "checkpoint"
    assert E.cache_alternative_from_string("reread-source") is \
        E.CacheAlternative.ECAP_CACHE_ALTERNATIVE_REREAD_SOURCE
    assert E.spark_api_to_string(3) == "pyspark-dataframe"
    assert E.spark_api_from_string("rdd") is Api.ECAP_SPARK_API_RDD
    assert E.cache_format_to_string(0) is None
    with pytest.raises(E.UnknownEnumError):
        E.cache_alternative_from_string("persist")


@pytest.mark.parametrize("kw,cls,field", [
    ({"partition_count": 0}, E.RangeError, "partition_count"),
    ({"reuse_count": 1000000001}, E.RangeError, "reuse_count"),
    ({"api": 0}, E.InvalidArgumentError, "api"),
    ({"api": 5}, E.UnknownEnumError, "api"),
    ({"deserialized_size_bytes": GIB - 1}, E.RangeError, "deserialized_size_bytes"),
    ({"serialized_size_bytes": 0, "deserialized_size_factor": float("nan")},
     E.InvalidArgumentError, "deserialized_size_factor"),
    ({"storage_memory_bytes": 0, "executor_count": 4,
      "executor_heap_bytes": 471859199}, E.RangeError, "executor_heap_bytes"),
])
def test_bad_input(policy, kw, cls, field):
    with pytest.raises(cls) as ei:
        advise(policy, **kw)
    assert ei.value.field == field


@settings(max_examples=150, deadline=None, database=None)
@given(st.integers(1, 1 << 36), st.integers(0, 1 << 36),
       st.integers(1, 1000), st.sampled_from(list(Api)), st.booleans())
def test_more_storage_memory_never_keeps_less(mem, more, parts, api, repl):
    with E.Policy() as p:
        a = advise(p, storage_memory_bytes=mem, partition_count=parts,
                   api=api, replicated=repl)
        b = advise(p, storage_memory_bytes=mem + more, partition_count=parts,
                   api=api, replicated=repl)
        assert 0.0 <= a.memory_share_ratio <= b.memory_share_ratio <= 1.0
