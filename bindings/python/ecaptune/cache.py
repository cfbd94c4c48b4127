# SPDX-License-Identifier: MIT
"""Cache (storage) level: Spark's storage levels and their flags per API
(StorageLevel.scala, pyspark/storagelevel.py), and the level to persist
reused data with (ecap_cache_advise; see ecap_cache_advise(3)).  Sizes
are bytes.
"""

from __future__ import annotations

import ctypes
import dataclasses
import enum
from typing import Optional, Union

from . import _structs as S
from ._convert import (Record, enum_from_string, enum_to_string, enum_value,
                       explain_record, from_struct)
from ._lean import lean, lean_reference
from . import _lib
from .enums import CEnum, Model
from .policy import Policy

__all__ = ["StorageLevel", "SparkApi", "CacheReason", "CacheFormat",
           "CacheAlternative", "StorageLevelFlags", "CacheAdvice",
           "advise_cache", "storage_level_flags", "storage_level_to_string",
           "storage_level_from_string", "spark_api_to_string",
           "spark_api_from_string", "cache_reason_to_string",
           "cache_reason_from_string", "cache_format_to_string",
           "cache_format_from_string", "cache_alternative_to_string",
           "cache_alternative_from_string"]


class StorageLevel(CEnum):
    """enum ecap_storage_level: Spark's storage levels (pinned values)."""

    ECAP_STORAGE_LEVEL_NONE = 1
    ECAP_STORAGE_LEVEL_DISK_ONLY = 2
    ECAP_STORAGE_LEVEL_DISK_ONLY_2 = 3
    ECAP_STORAGE_LEVEL_DISK_ONLY_3 = 4
    ECAP_STORAGE_LEVEL_MEMORY_ONLY = 5
    ECAP_STORAGE_LEVEL_MEMORY_ONLY_2 = 6
    #: Not in PySpark.
    ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER = 7
    #: Not in PySpark.
    ECAP_STORAGE_LEVEL_MEMORY_ONLY_SER_2 = 8
    ECAP_STORAGE_LEVEL_MEMORY_AND_DISK = 9
    ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_2 = 10
    #: Not in PySpark.
    ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER = 11
    #: Not in PySpark.
    ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_SER_2 = 12
    ECAP_STORAGE_LEVEL_OFF_HEAP = 13
    #: PySpark only.
    ECAP_STORAGE_LEVEL_MEMORY_AND_DISK_DESER = 14


class SparkApi(CEnum):
    """enum ecap_spark_api: the API that persists the data."""

    #: Scala/Java Dataset or DataFrame: cache() is MEMORY_AND_DISK.
    ECAP_SPARK_API_DATASET = 1
    #: Scala/Java RDD: cache() is MEMORY_ONLY.
    ECAP_SPARK_API_RDD = 2
    #: PySpark DataFrame: cache() is MEMORY_AND_DISK_DESER.
    ECAP_SPARK_API_PYSPARK_DATAFRAME = 3
    #: PySpark RDD: always serialized; cache() is MEMORY_ONLY.
    ECAP_SPARK_API_PYSPARK_RDD = 4


class CacheReason(CEnum):
    """enum ecap_cache_reason: why the level is what it is."""

    ECAP_CACHE_REASON_GUIDE_MANY_PARTITIONS = 1
    ECAP_CACHE_REASON_GUIDE_FEW_PARTITIONS = 2
    ECAP_CACHE_REASON_NOT_REUSED = 10
    ECAP_CACHE_REASON_FITS_DESERIALIZED = 11
    ECAP_CACHE_REASON_FITS_SERIALIZED = 12
    ECAP_CACHE_REASON_SPILLS_TO_DISK = 13
    #: Data read from storage of which less than
    #: cache.min_memory_share_ratio would be in memory: NONE.
    ECAP_CACHE_REASON_TOO_LITTLE_IN_MEMORY = 14
    ECAP_CACHE_REASON_FITS_COLUMNAR = 15
    #: Fits in unified memory, not all in the eviction-safe region.
    ECAP_CACHE_REASON_FITS_EVICTABLE = 16
    #: The memory-and-disk level may write more than local_disk_bytes: NONE.
    ECAP_CACHE_REASON_NO_DISK_ROOM = 17


class CacheFormat(CEnum):
    """enum ecap_cache_format: the form the cached data was sized in."""

    #: Spark SQL's compressed columnar batches (Datasets, DataFrames).
    ECAP_CACHE_FORMAT_COLUMNAR = 1
    #: Java objects (a deserialized RDD level).
    ECAP_CACHE_FORMAT_OBJECTS = 2
    #: Serialized bytes (an RDD _SER level).
    ECAP_CACHE_FORMAT_SERIALIZED = 3
    #: Pickled bytes (PySpark RDDs).
    ECAP_CACHE_FORMAT_PICKLED = 4


class CacheAlternative(CEnum):
    """enum ecap_cache_alternative: what to do instead of caching."""

    ECAP_CACHE_ALTERNATIVE_NONE = 1
    ECAP_CACHE_ALTERNATIVE_REREAD_SOURCE = 2
    ECAP_CACHE_ALTERNATIVE_CHECKPOINT = 3


@dataclasses.dataclass(frozen=True)
class StorageLevelFlags(Record):
    """struct ecap_storage_level_flags: a level's StorageLevel flags in one API.

    use_disk, use_memory, use_off_heap, deserialized: the flags (bool;
        deserialized = kept as objects).
    replication_count: copies of each block (1, 2 or 3).
    name: the constant's name in that API.
    """

    _bools = frozenset({"use_disk", "use_memory", "use_off_heap",
                        "deserialized"})

    use_disk: bool
    use_memory: bool
    use_off_heap: bool
    deserialized: bool
    replication_count: int
    name: str


@dataclasses.dataclass(frozen=True)
class CacheAdvice(Record):
    """struct ecap_cache_out: the storage level for reused data.

    model, reason: the model and the rule; reason_text (formatted when
        read, by ecap_cache_explain) says it with its numbers.
    level: the StorageLevel; level_name: its name as the API spells it;
        level_exists_in_api: False for the guide's _SER levels in PySpark.
    use_disk, use_memory, use_off_heap, deserialized (bool),
        replication_count: the level's flags in the API.
    stored_size_bytes: bytes kept (deserialized or serialized size by the
        level's flag, times replication; 0 for NONE).
    storage_memory_bytes: the eviction-safe storage region the in-memory
        levels must fit in, bytes.
    partitions_in_memory_count: partition copies that fit in unified
        memory (unified_memory_bytes).
    memory_share_ratio: their share of all copies, 0 .. 1 (declined: the
        share the memory-and-disk level would have had).
    cache_format: the CacheFormat the size was taken in; cached_size_bytes:
        one copy's size in it, bytes.
    alternative: what to do instead of caching (re-read, checkpoint).
    partition_count, reuse_count, min_reuse_count,
        guide_partition_threshold_count, min_memory_share_ratio,
        columnar_size_factor, storage_format_size_bytes: the numbers the
        rules used.
    unified_memory_bytes: the room storage can use, bytes.
    partitions_safe_count: copies that fit in the eviction-safe region.
    disk_bytes: the most a memory-and-disk level writes to local disk.
    local_disk_bytes: the local disk given (0 = unknown).
    """

    _enums = {"model": Model, "reason": CacheReason, "level": StorageLevel,
              "cache_format": CacheFormat, "alternative": CacheAlternative}
    _bools = frozenset({"level_exists_in_api", "use_disk", "use_memory",
                        "use_off_heap", "deserialized"})

    model: Model
    reason: CacheReason
    level: StorageLevel
    level_exists_in_api: bool
    level_name: str
    use_disk: bool
    use_memory: bool
    use_off_heap: bool
    deserialized: bool
    replication_count: int
    stored_size_bytes: int
    storage_memory_bytes: int
    partitions_in_memory_count: int
    memory_share_ratio: float
    cache_format: CacheFormat
    alternative: CacheAlternative
    cached_size_bytes: int
    partition_count: int
    reuse_count: int
    min_reuse_count: int
    guide_partition_threshold_count: int
    min_memory_share_ratio: float
    columnar_size_factor: float
    storage_format_size_bytes: int
    unified_memory_bytes: int
    partitions_safe_count: int
    disk_bytes: int
    local_disk_bytes: int

    @property
    def reason_text(self) -> str:
        """One sentence naming the rule and numbers (ecap_cache_explain)."""
        return explain_record("ecap_cache_explain", S.CacheOutStruct, self)


@lean("ecap_cache_advise", S.CacheInStruct, S.CacheOutStruct, CacheAdvice,
      {"api": (SparkApi,)})
def advise_cache(policy: Policy, *, partition_count: int, reuse_count: int,
                 api: Union[SparkApi, int], deserialized_size_bytes: int = 0,
                 serialized_size_bytes: int = 0,
                 deserialized_size_factor: float = 0.0,
                 storage_memory_bytes: int = 0, executor_count: int = 0,
                 executor_heap_bytes: int = 0,
                 replicated: bool = False,
                 storage_format_size_bytes: int = 0,
                 columnar_size_bytes: int = 0,
                 computed_with_shuffle: bool = False,
                 unified_memory_bytes: int = 0,
                 local_disk_bytes: int = 0) -> CacheAdvice:
    """Chooses a storage level for data that will be reused
    (ecap_cache_advise: the guide's cache_frequently_accessed_data, or
    ecap-1's fit rule).

    partition_count: partitions of the data, 1 .. 1e7 (required).
    reuse_count: times the data will be used, 1 .. 1e9 (required).
    api: the SparkApi that persists it (required).
    deserialized_size_bytes, serialized_size_bytes: size as objects and
        serialized, bytes, each 0 .. 2^60; give both, or one and
        deserialized_size_factor.
    deserialized_size_factor: objects / serialized; 0 = policy
        cache.deserialized_size_factor (3), else 1 .. 100.
    storage_memory_bytes: the eviction-safe storage region of the
        application, bytes; or 0 with executor_count (1 .. 100000) and
        executor_heap_bytes (450 MiB .. 1 TiB), whose regions and unified
        memory are used per executor.
    unified_memory_bytes: without executors, the unified memory storage
        can borrow into, bytes (0 = the region alone; alone, the region is
        it times spark.memory_storage_fraction).
    local_disk_bytes: local disk free for cached blocks, all executors,
        bytes (0 = unknown, not checked).
    replicated: keep two copies of each block (a _2 level).
    storage_format_size_bytes: Datasets/DataFrames: the Parquet/ORC size,
        bytes; ecap-1 sizes the columnar cache as it times
        cache.columnar_size_factor.
    columnar_size_bytes: the columnar cache's size if measured, bytes.
    computed_with_shuffle: the data comes out of a join or aggregation:
        cached with disk at any in-memory share, and declining advises a
        checkpoint instead of a re-read.

    ecap-1 declines (level NONE) when a memory-and-disk level may write
    more than local_disk_bytes (NO_DISK_ROOM), or when less than
    cache.min_memory_share_ratio of data read from storage would be in
    unified memory (TOO_LITTLE_IN_MEMORY), naming the alternative.
    """
    return lean_reference(advise_cache, locals())


def storage_level_flags(level: Union[StorageLevel, int, str],
                        api: Union[SparkApi, int]) -> StorageLevelFlags:
    """The flags of ``level`` (a StorageLevel or Spark's name) as ``api``
    defines it (ecap_storage_level_flags).  A level the API does not have
    (a _SER level in PySpark, MEMORY_AND_DISK_DESER in Scala/Java) raises
    NotFoundError; an unknown level or api UnknownEnumError."""
    out = S.new_struct(S.StorageLevelFlagsStruct)
    _lib.check("ecap_storage_level_flags",
               enum_value(level, StorageLevel, "ecap_storage_level_from_string"),
               enum_value(api, SparkApi), ctypes.byref(out))
    return from_struct(out, StorageLevelFlags)


def storage_level_to_string(level: Union[StorageLevel, int]) -> Optional[str]:
    """Spark's name of a level, e.g. "MEMORY_AND_DISK_SER"; None if unknown."""
    return enum_to_string("ecap_storage_level_to_string", level)


def storage_level_from_string(name: str) -> StorageLevel:
    """Parses exactly one of Spark's level names (no case folding);
    UnknownEnumError otherwise."""
    return enum_from_string("ecap_storage_level_from_string", StorageLevel, name)


def spark_api_to_string(api: Union[SparkApi, int]) -> Optional[str]:
    """"dataset", "rdd", "pyspark-dataframe" or "pyspark-rdd"; None if
    unknown."""
    return enum_to_string("ecap_spark_api_to_string", api)


def spark_api_from_string(name: str) -> SparkApi:
    """Parses an API name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_spark_api_from_string", SparkApi, name)


def cache_reason_to_string(reason: Union[CacheReason, int]) -> Optional[str]:
    """A reason's name, e.g. "too-little-in-memory"; None if unknown."""
    return enum_to_string("ecap_cache_reason_to_string", reason)


def cache_reason_from_string(name: str) -> CacheReason:
    """Parses a reason name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_cache_reason_from_string", CacheReason,
                            name)


def cache_format_to_string(fmt: Union[CacheFormat, int]) -> Optional[str]:
    """"columnar", "objects", "serialized" or "pickled"; None if unknown."""
    return enum_to_string("ecap_cache_format_to_string", fmt)


def cache_format_from_string(name: str) -> CacheFormat:
    """Parses a format name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_cache_format_from_string", CacheFormat,
                            name)


def cache_alternative_to_string(
        alternative: Union[CacheAlternative, int]) -> Optional[str]:
    """"none", "reread-source" or "checkpoint"; None if unknown."""
    return enum_to_string("ecap_cache_alternative_to_string", alternative)


def cache_alternative_from_string(name: str) -> CacheAlternative:
    """Parses an alternative's name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_cache_alternative_from_string",
                            CacheAlternative, name)
