# SPDX-License-Identifier: MIT
"""Executor sizing: executors, heap, overhead and nodes for a daily data
volume (ecap_executor_advise: the guide's calculate_spark_resources, or
ecap-1 sized from a node of the platform), the sentence that explains an
advice (ecap_executor_explain, read lazily through
ExecutorAdvice.explanation), its Spark properties
(ecap_executor_spark_properties), and Spark's memory regions of a heap
(ecap_spark_memory_regions).  See ecap_executor_advise(3) and
ecap_spark_memory_regions(3).  GB are 2^30 bytes.
"""

from __future__ import annotations

import ctypes
import dataclasses
import enum
from typing import List, Optional, Union

from . import _lib
from . import _structs as S
from ._convert import (Property, Record, call_with_properties,
                       enum_from_string, enum_to_string, from_struct,
                       struct_from_record)
from ._lean import lean, lean_reference
from .enums import CEnum, Model
from .policy import Policy

__all__ = ["SparkPlatform", "ExecutorReason", "ExecutorNodeReason",
           "ExecutorAdvice", "SparkMemoryRegions", "advise_executors",
           "executor_explain", "executor_spark_properties",
           "spark_memory_regions", "spark_platform_to_string",
           "spark_platform_from_string", "executor_reason_to_string",
           "executor_reason_from_string", "executor_node_reason_to_string",
           "executor_node_reason_from_string"]

#: ECAP_EXPLAIN_MAX: a buffer this large always holds an explanation.
EXPLAIN_MAX = 1024


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
    #: ecap-1: the floor executor.min_executors covers the work.
    ECAP_EXECUTOR_REASON_MIN_EXECUTORS = 10
    #: ecap-1: the cores the window needs decided.
    ECAP_EXECUTOR_REASON_THROUGHPUT = 11
    #: ecap-1: the caller's max_executor_count held the count; the run
    #: takes projected_hours.
    ECAP_EXECUTOR_REASON_CAPPED = 13
    #: ecap-1: more than executor.max_executors; advised and flagged.
    ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED = 15


class ExecutorNodeReason(CEnum):
    """enum ecap_executor_node_reason: how the node type was chosen."""

    ECAP_EXECUTOR_NODE_REASON_NONE = 0
    ECAP_EXECUTOR_NODE_REASON_NAMED = 1
    ECAP_EXECUTOR_NODE_REASON_SHAPE = 2
    ECAP_EXECUTOR_NODE_REASON_CHEAPEST = 3
    ECAP_EXECUTOR_NODE_REASON_FASTEST = 4


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

    model, reason, node_reason, platform: the model, the rule that set the
        count, how the node was chosen, the platform (``explanation`` says
        why in a sentence).
    executor_count: executors, dynamic allocation's maximum (guide: may be 0).
    executor_core_count: spark.executor.cores.
    executor_request_vcpu: spark.kubernetes.executor.request.cores on
        Kubernetes (may be fractional), else the cores.
    executor_heap_gb, executor_heap_bytes: spark.executor.memory.
    overhead_factor, executor_overhead_bytes, executor_container_bytes:
        the factor, max(factor x heap, 384 MiB) and heap + overhead.
    memory_*_bytes, memory_fraction_ratio, memory_storage_fraction_ratio:
        Spark's regions of the heap (0 below 450 MiB).
    required_memory_gb, total_memory_gb, memory_shortfall_gb,
        total_container_gb: guide: daily x 3, executors x heap, the gap;
        ecap-1: the concurrent tasks' need, executors x heap, the need
        over unified memory; executors x container.
    task_memory_need_bytes, task_memory_bytes, spill_risk_flag: ecap-1: a
        task's partition x multiplier, unified memory per core, need > it.
    node_type, runner_up_node_type, runner_up_cost_usd: the node (catalog
        name, "" for a raw shape) and, when picked, the next best.
    node_count, executors_per_node_count, node_vcpu_count, node_memory_gb.
    node_usable_vcpu, node_usable_memory_gb, node_allocatable_vcpu,
        node_allocatable_memory_gb, node_idle_vcpu: ecap-1: what a node
        offers on the platform, the Kubernetes allocatable, idle vCPUs.
    needed_core_count, total_core_count: cores the window needs, advised.
    dynamic_min/initial/max_executor_count: spark.dynamicAllocation.*.
    runs_per_day_count, run_data_gb: runs a day, GB a run.
    processing_window_hours, target_hours, projected_hours,
        window_miss_hours: hours.
    cost_usd_per_hour, window_cost_usd, projected_cost_usd (a run),
        cost_usd_per_month: USD.
    capped_by_max_executors, policy_cap_exceeded_flag, window_met,
        spill_risk_flag, heap_limited_flag: bool.
    emr_primary_node_type, emr_primary_usd_per_hour,
        emr_primary_large_after_node_count: ecap-1 on EMR ("", 0, 0
        elsewhere): the primary node priced (executor.emr_primary_node,
        or executor.emr_primary_large_node above that many nodes) and
        its price an hour, part of cost_usd_per_hour.
    node_ebs_gb: ecap-1: the EBS volume each node gets and is priced for,
        GiB: executor.node_ebs_gb, or executor.shuffle_disk_ratio of a
        run's input over the nodes when more (0 from the guide).
    node_ebs_volume_count, node_ebs_throughput_mib_per_second,
        node_ebs_throughput_bound_flag: ecap-1: node_ebs_gb in that many
        gp3 volumes of one size (more than one past
        executor.ebs_volume_max_gb), the MiB/s provisioned on them for
        the node's shuffle written and read back in the run, and True
        when the volumes' most sets projected_hours (0 from the guide).
    """

    _enums = {"model": Model, "reason": ExecutorReason,
              "node_reason": ExecutorNodeReason, "platform": SparkPlatform}
    _bools = frozenset({"capped_by_max_executors", "policy_cap_exceeded_flag",
                        "window_met", "spill_risk_flag", "heap_limited_flag",
                        "node_ebs_throughput_bound_flag"})

    model: Model
    reason: ExecutorReason
    node_reason: ExecutorNodeReason
    platform: SparkPlatform
    executor_count: int
    executor_core_count: int
    executor_request_vcpu: float
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
    task_memory_need_bytes: int
    task_memory_bytes: int
    node_type: str
    runner_up_node_type: str
    node_count: int
    executors_per_node_count: int
    node_vcpu_count: int
    node_memory_gb: float
    node_usable_vcpu: float
    node_usable_memory_gb: float
    node_allocatable_vcpu: float
    node_allocatable_memory_gb: float
    node_idle_vcpu: float
    needed_core_count: int
    total_core_count: int
    dynamic_min_executor_count: int
    dynamic_initial_executor_count: int
    dynamic_max_executor_count: int
    runs_per_day_count: int
    run_data_gb: float
    processing_window_hours: float
    target_hours: float
    projected_hours: float
    window_miss_hours: float
    cost_usd_per_hour: float
    window_cost_usd: float
    projected_cost_usd: float
    cost_usd_per_month: float
    runner_up_cost_usd: float
    capped_by_max_executors: bool
    policy_cap_exceeded_flag: bool
    window_met: bool
    spill_risk_flag: bool
    heap_limited_flag: bool
    emr_primary_node_type: str
    emr_primary_usd_per_hour: float
    emr_primary_large_after_node_count: int
    node_ebs_gb: float
    node_ebs_volume_count: int
    node_ebs_throughput_mib_per_second: float
    node_ebs_throughput_bound_flag: bool

    @property
    def explanation(self) -> str:
        """One sentence naming the rule and the numbers that decided
        (ecap_executor_explain, formatted on each access)."""
        return executor_explain(self)


@lean("ecap_executor_advise", S.ExecutorInStruct, S.ExecutorOutStruct,
      ExecutorAdvice,
      {"platform": (SparkPlatform, "ecap_spark_platform_from_string")})
def advise_executors(policy: Policy, *, daily_data_gb: float,
                     processing_window_hours: float = 0.0,
                     platform: Union[SparkPlatform, int, str] = 0,
                     overhead_factor: float = 0.0,
                     max_executor_count: int = 0,
                     executor_core_count: int = 0,
                     node_type: str = "",
                     node_vcpu_count: int = 0, node_memory_gb: float = 0.0,
                     node_yarn_memory_gb: float = 0.0,
                     node_price_usd_per_hour: float = 0.0,
                     node_max_pod_count: int = 0,
                     runs_per_day_count: int = 0,
                     partition_size_mb: float = 0.0) -> ExecutorAdvice:
    """Sizes executors for a daily data volume (ecap_executor_advise).

    daily_data_gb: daily data volume, GB, > 0 .. 1073741824 (required).
    processing_window_hours: hours a run may take; 0 = policy
        executor.processing_window_hours (8); 0 .. 8760.
    platform: SparkPlatform or its name ("yarn", "emr", "kubernetes",
        "kubernetes-non-jvm"); 0 = default (YARN rules, policy factor).
    overhead_factor: memory overhead factor; 0 = from the platform; 0 .. 10.
    max_executor_count: guide: most executors, 0 = policy
        executor.max_executors (20); ecap-1: a hard cap, 0 = none.
    executor_core_count: cores per executor; 0 = guide: executor.cores (2),
        ecap-1: chosen from the node (4-5).
    node_type: a spark-node catalog name ("r5.4xlarge"); "" = the raw
        shape, or (ecap-1) the cheapest catalog node meeting the window.
    node_vcpu_count, node_memory_gb: optional raw shape (vCPUs, GB).
    node_yarn_memory_gb: memory YARN may give containers, GB; 0 = node
        memory minus executor.node_reserved_memory_gb (YARN), EMR's rule.
    node_price_usd_per_hour: raw shape price, USD/hour, EMR charge
        included; 0 = executors x executor.price_usd_per_hour.
    node_max_pod_count: Kubernetes pods per raw shape; 0 = policy (110).
    runs_per_day_count: ecap-1 runs a day sharing the volume; 0 = 1.
    partition_size_mb: ecap-1 data a task holds; 0 = policy (128).
    """
    return lean_reference(advise_executors, locals())


def executor_explain(advice: ExecutorAdvice) -> str:
    """The sentence that explains an advice (ecap_executor_explain)."""
    out = struct_from_record(S.ExecutorOutStruct, advice)
    buf = ctypes.create_string_buffer(EXPLAIN_MAX)
    _lib.check("ecap_executor_explain", ctypes.byref(out), buf, EXPLAIN_MAX)
    return buf.value.decode("utf-8", "replace")


def executor_spark_properties(advice: ExecutorAdvice) -> List[Property]:
    """The Spark properties of an executor advice
    (ecap_executor_spark_properties): spark.executor.memory / cores /
    memoryOverhead (the guide also spark.executor.instances; ecap-1 on
    Kubernetes spark.kubernetes.executor.request.cores),
    spark.memory.fraction and storageFraction, dynamic allocation, and the
    guide's AQE, Kryo and Arrow settings.  A list of Property (key, value)
    pairs; ``dict(...)`` of it is a dict."""
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


def executor_reason_to_string(reason: Union[ExecutorReason, int]) -> Optional[str]:
    """"guide-formula", ..., "policy-cap-exceeded"; None if unknown."""
    return enum_to_string("ecap_executor_reason_to_string", reason)


def executor_reason_from_string(name: str) -> ExecutorReason:
    """Parses a reason name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_executor_reason_from_string",
                            ExecutorReason, name)


def executor_node_reason_to_string(
        reason: Union[ExecutorNodeReason, int]) -> Optional[str]:
    """"none", "named", "shape", "cheapest", "fastest"; None if unknown."""
    return enum_to_string("ecap_executor_node_reason_to_string", reason)


def executor_node_reason_from_string(name: str) -> ExecutorNodeReason:
    """Parses a node reason name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_executor_node_reason_from_string",
                            ExecutorNodeReason, name)
