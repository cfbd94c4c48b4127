# SPDX-License-Identifier: MIT
"""Executor sizing: executors, heap and overhead for a daily data volume
(ecap_executor_advise: the guide's calculate_spark_resources, or ecap-1),
their Spark properties (ecap_executor_spark_properties), and Spark's
memory regions of a heap (ecap_spark_memory_regions).  See
ecap_executor_advise(3) and ecap_spark_memory_regions(3).  GB are 2^30
bytes.
"""

from __future__ import annotations

import ctypes
import dataclasses
import enum
from typing import List, Optional, Union

from . import _structs as S
from ._convert import (Property, Record, call_with_properties,
                       enum_from_string, enum_to_string, enum_value,
                       from_struct, struct_from_record, to_struct)
from .enums import CEnum, Model
from .policy import Policy

__all__ = ["SparkPlatform", "ExecutorReason", "ExecutorAdvice",
           "SparkMemoryRegions", "advise_executors",
           "executor_spark_properties", "spark_memory_regions",
           "spark_platform_to_string", "spark_platform_from_string"]


class SparkPlatform(CEnum):
    """enum ecap_spark_platform: the platform that runs the executors; it
    sets the default memory overhead factor."""

    #: Not given: policy executor.overhead_factor.
    ECAP_SPARK_PLATFORM_DEFAULT = 0
    #: Apache Spark on YARN: 0.10.
    ECAP_SPARK_PLATFORM_YARN = 1
    #: Amazon EMR: 0.1875.
    ECAP_SPARK_PLATFORM_EMR = 2
    #: Kubernetes, JVM jobs: 0.10.
    ECAP_SPARK_PLATFORM_KUBERNETES = 3
    #: Kubernetes, non-JVM (PySpark, R) jobs: 0.40.
    ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM = 4


class ExecutorReason(CEnum):
    """enum ecap_executor_reason: why the executor count is what it is."""

    ECAP_EXECUTOR_REASON_GUIDE_FORMULA = 1
    ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT = 2
    ECAP_EXECUTOR_REASON_GUIDE_NO_EXECUTORS = 3
    ECAP_EXECUTOR_REASON_MIN_EXECUTORS = 10
    ECAP_EXECUTOR_REASON_THROUGHPUT = 11
    ECAP_EXECUTOR_REASON_MEMORY = 12
    ECAP_EXECUTOR_REASON_CAPPED = 13
    ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE = 14


@dataclasses.dataclass(frozen=True)
class SparkMemoryRegions(Record):
    """struct ecap_spark_memory_regions: Spark's regions of one executor
    heap (UnifiedMemoryManager), all in bytes.

    heap_bytes: the heap (spark.executor.memory).
    reserved_bytes: reserved system memory (policy spark.reserved_memory_mb).
    usable_bytes: heap - reserved.
    unified_bytes: (long)(usable x spark.memory.fraction).
    storage_bytes: (long)(unified x spark.memory.storageFraction).
    execution_bytes: unified - storage.
    user_bytes: usable - unified.
    memory_fraction_ratio, storage_fraction_ratio: the fractions used.
    """

    heap_bytes: int
    reserved_bytes: int
    usable_bytes: int
    unified_bytes: int
    storage_bytes: int
    execution_bytes: int
    user_bytes: int
    memory_fraction_ratio: float
    storage_fraction_ratio: float


@dataclasses.dataclass(frozen=True)
class ExecutorAdvice(Record):
    """struct ecap_executor_out: executor sizing for a daily volume.

    model, reason, reason_text: the model and the deciding rule.
    executor_count: spark.executor.instances (guide: may be 0).
    executor_core_count: spark.executor.cores.
    executor_heap_gb, executor_heap_bytes: spark.executor.memory in GB
        (may be fractional) and bytes (whole MiB).
    overhead_factor, executor_overhead_bytes, executor_container_bytes:
        the factor, max(factor x heap, 384 MiB) and heap + overhead, bytes.
    memory_*_bytes, memory_fraction_ratio, memory_storage_fraction_ratio:
        Spark's regions of the heap (0 below 450 MiB).
    required_memory_gb: daily x executor.memory_multiplier, GB.
    total_memory_gb: executors x heap, GB.
    memory_shortfall_gb: required - total when positive, GB.
    total_container_gb: executors x container, GB.
    node_count, executors_per_node_count: with a node shape; else 0.
    dynamic_min/initial/max_executor_count: spark.dynamicAllocation.*.
    processing_window_hours, target_hours, projected_hours: the window,
        its target share and the hours the executors need, hours.
    cost_usd_per_hour, window_cost_usd, projected_cost_usd: USD.
    capped_by_max_executors, window_met: bool.
    """

    _enums = {"model": Model, "reason": ExecutorReason}
    _bools = frozenset({"capped_by_max_executors", "window_met"})

    model: Model
    reason: ExecutorReason
    reason_text: str
    executor_count: int
    executor_core_count: int
    executor_heap_gb: float
    executor_heap_bytes: int
    overhead_factor: float
    executor_overhead_bytes: int
    executor_container_bytes: int
    memory_reserved_bytes: int
    memory_unified_bytes: int
    memory_storage_bytes: int
    memory_execution_bytes: int
    memory_user_bytes: int
    memory_fraction_ratio: float
    memory_storage_fraction_ratio: float
    required_memory_gb: float
    total_memory_gb: float
    memory_shortfall_gb: float
    total_container_gb: float
    node_count: int
    executors_per_node_count: int
    dynamic_min_executor_count: int
    dynamic_initial_executor_count: int
    dynamic_max_executor_count: int
    processing_window_hours: float
    target_hours: float
    projected_hours: float
    cost_usd_per_hour: float
    window_cost_usd: float
    projected_cost_usd: float
    capped_by_max_executors: bool
    window_met: bool


def advise_executors(policy: Policy, *, daily_data_gb: float,
                     processing_window_hours: float = 0.0,
                     platform: Union[SparkPlatform, int, str] = 0,
                     overhead_factor: float = 0.0,
                     max_executor_count: int = 0,
                     executor_core_count: int = 0,
                     node_vcpu_count: int = 0, node_memory_gb: float = 0.0,
                     node_yarn_memory_gb: float = 0.0,
                     node_price_usd_per_hour: float = 0.0) -> ExecutorAdvice:
    """Sizes executors for a daily data volume (ecap_executor_advise).

    daily_data_gb: daily data volume, GB, > 0 .. 1073741824 (required).
    processing_window_hours: hours; 0 = policy
        executor.processing_window_hours (8); 0 .. 8760.
    platform: SparkPlatform or its name ("yarn", "emr", "kubernetes",
        "kubernetes-non-jvm"); 0 = policy executor.overhead_factor.
    overhead_factor: memory overhead factor; 0 = from the platform; 0 .. 10.
    max_executor_count: most executors; 0 = policy executor.max_executors
        (20); not below executor.min_executors.
    executor_core_count: cores per executor; 0 = policy executor.cores (2).
    node_vcpu_count, node_memory_gb: optional node shape (vCPUs, GB);
        0 = none; with a shape node_memory_gb is required.
    node_yarn_memory_gb: memory YARN may give containers, GB; 0 = node
        memory minus policy executor.node_reserved_memory_gb.
    node_price_usd_per_hour: node price, USD/hour; 0 = price executors
        with policy executor.price_usd_per_hour.
    """
    inp = to_struct(S.ExecutorInStruct, dict(
        daily_data_gb=daily_data_gb,
        processing_window_hours=processing_window_hours,
        platform=enum_value(platform, SparkPlatform,
                            "ecap_spark_platform_from_string"),
        overhead_factor=overhead_factor,
        max_executor_count=max_executor_count,
        executor_core_count=executor_core_count,
        node_vcpu_count=node_vcpu_count, node_memory_gb=node_memory_gb,
        node_yarn_memory_gb=node_yarn_memory_gb,
        node_price_usd_per_hour=node_price_usd_per_hour))
    out = S.new_struct(S.ExecutorOutStruct)
    policy._call("ecap_executor_advise", ctypes.byref(inp), ctypes.byref(out))
    return from_struct(out, ExecutorAdvice)


def executor_spark_properties(advice: ExecutorAdvice) -> List[Property]:
    """The Spark properties of an executor advice
    (ecap_executor_spark_properties): spark.executor.instances / memory /
    cores / memoryOverhead, spark.memory.fraction and storageFraction,
    dynamic allocation, and the guide's AQE, Kryo and Arrow settings.  A
    list of Property (key, value) pairs; ``dict(...)`` of it is a dict."""
    out = struct_from_record(S.ExecutorOutStruct, advice)
    return call_with_properties("ecap_executor_spark_properties",
                                ctypes.byref(out))


def spark_memory_regions(policy: Policy, heap_bytes: int) -> SparkMemoryRegions:
    """Splits a heap of ``heap_bytes`` bytes into Spark's regions with the
    policy's fractions (ecap_spark_memory_regions).  RangeError below
    ceil(1.5 x reserved) = 450 MiB or above 1 TiB."""
    if not 0 <= heap_bytes < (1 << 64):
        raise OverflowError(f"heap_bytes: {heap_bytes} does not fit uint64")
    out = S.new_struct(S.SparkMemoryRegionsStruct)
    policy._call("ecap_spark_memory_regions", heap_bytes, ctypes.byref(out))
    return from_struct(out, SparkMemoryRegions)


def spark_platform_to_string(platform: Union[SparkPlatform, int]) -> Optional[str]:
    """"default", "yarn", "emr", "kubernetes" or "kubernetes-non-jvm";
    None for an unknown value."""
    return enum_to_string("ecap_spark_platform_to_string", platform)


def spark_platform_from_string(name: str) -> SparkPlatform:
    """Parses a platform name (exact, lower case); UnknownEnumError if
    unknown."""
    return enum_from_string("ecap_spark_platform_from_string",
                            SparkPlatform, name)
