# SPDX-License-Identifier: MIT
"""Partition sizing: a partition count for a data size and the action to
reach it (ecap_partition_advise), Spark's scan-task count for a file
listing (ecap_partition_scan_tasks), AQE's post-shuffle coalescing and skew
split (ecap_partition_aqe), and the Spark properties of an advice
(ecap_partition_spark_properties).  Sizes are bytes; see the man pages
ecap_partition_advise(3), ecap_partition_scan_tasks(3) and
ecap_partition_aqe(3) for every rule.
"""

from __future__ import annotations

import array
import ctypes
import dataclasses
import enum
from typing import List, Optional, Sequence, Tuple, Union

from . import _structs as S
from ._convert import (Property, Record, call_with_properties,
                       enum_from_string, enum_to_string, explain_record,
                       struct_from_record)
from ._lean import lean, lean_advisor
from .enums import CEnum, Model
from .policy import Policy

__all__ = ["PartitionAction", "PartitionReason", "PartitionAdvice",
           "ScanTasks", "AqeResult", "PARTITION_MAX_BYTES",
           "PARTITION_MAX_COUNT", "advise_partitions", "partition_scan_tasks",
           "partition_aqe", "partition_spark_properties",
           "partition_action_to_string", "partition_action_from_string",
           "partition_reason_to_string", "partition_reason_from_string"]

#: ECAP_PARTITION_MAX_BYTES: largest data size accepted, 1 EiB (2^60 bytes).
PARTITION_MAX_BYTES: int = 1 << 60
#: ECAP_PARTITION_MAX_COUNT: largest file or partition count accepted.
PARTITION_MAX_COUNT: int = 10_000_000


class PartitionAction(CEnum):
    """enum ecap_partition_action: what to do with a DataFrame's partitions."""

    #: The current count is already the advised one.
    ECAP_PARTITION_ACTION_KEEP = 1
    #: df.coalesce(n): fewer partitions, no shuffle.
    ECAP_PARTITION_ACTION_COALESCE = 2
    #: df.repartition(n): more partitions, or a rebalance, with a shuffle.
    ECAP_PARTITION_ACTION_REPARTITION = 3


class PartitionReason(CEnum):
    """enum ecap_partition_reason: the rule that decided a partition result
    (pinned values; each function uses its own range)."""

    ECAP_PARTITION_REASON_GUIDE_COALESCE = 1
    ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP = 2
    ECAP_PARTITION_REASON_KEEP = 3
    ECAP_PARTITION_REASON_COALESCE = 4
    ECAP_PARTITION_REASON_REPARTITION = 5
    ECAP_PARTITION_REASON_REPARTITION_CURRENT_UNKNOWN = 6
    ECAP_PARTITION_REASON_KEEP_SCAN = 7
    ECAP_PARTITION_REASON_COALESCE_SCAN = 8
    ECAP_PARTITION_REASON_REPARTITION_SCAN = 9
    ECAP_PARTITION_REASON_KEEP_NEAR_TARGET = 10
    ECAP_PARTITION_REASON_MAX_COUNT = 11
    ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_BYTES = 20
    ECAP_PARTITION_REASON_SPLIT_OPEN_COST = 21
    ECAP_PARTITION_REASON_SPLIT_BYTES_PER_CORE = 22
    ECAP_PARTITION_REASON_SPLIT_NO_FILES = 23
    ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_NUM = 24
    ECAP_PARTITION_REASON_AQE_TARGET_ADVISORY = 40
    ECAP_PARTITION_REASON_AQE_TARGET_PARALLELISM = 41
    ECAP_PARTITION_REASON_AQE_TARGET_MIN_SIZE = 42


@dataclasses.dataclass(frozen=True)
class PartitionAdvice(Record):
    """struct ecap_partition_out: a partition count and the action to reach it.

    model: the model that produced it.
    reason: the deciding rule; reason_text (formatted when read, by
        ecap_partition_explain) says it with the numbers.
    action: keep, coalesce or repartition.
    data_size_bytes: the data size used, bytes (given, rows x row bytes,
        or the files').
    partition_count: partitions the action asks for.
    effective_partition_count: partitions after the action as Spark runs it
        (a coalesce to more than the current count leaves the current count).
    bytes_per_partition: ceil(data_size_bytes / effective_partition_count),
        bytes.
    parallelism_floor_count: ecap-1: min(core_task_count,
        min_size_partition_count) (0 without cores).
    target_size_bytes: partition.target_size_mb, bytes.
    size_partition_count: ecap-1: ceil(data_size_bytes / target_size_bytes).
    core_task_count: ecap-1: cores x partition.min_tasks_per_core.
    min_partition_size_bytes: ecap-1: AQE's minimum partition size, bytes.
    min_size_partition_count: ecap-1: data_size_bytes // it (the cap).
    current_partition_count: the count compared against (given, or the
        predicted scan_task_count; 0 = unknown).
    scan_task_count: ecap-1: scan tasks predicted for the files at the
        rendered split size (0 = no prediction).
    split_size_bytes: ecap-1: ceil(data_size_bytes / partition_count),
        rendered as AQE's advisory size and, up to target_size_bytes, as
        the file split.
    """

    _enums = {"model": Model, "reason": PartitionReason,
              "action": PartitionAction}

    model: Model
    reason: PartitionReason
    action: PartitionAction
    data_size_bytes: int
    partition_count: int
    effective_partition_count: int
    bytes_per_partition: int
    parallelism_floor_count: int
    target_size_bytes: int
    size_partition_count: int
    core_task_count: int
    min_partition_size_bytes: int
    min_size_partition_count: int
    current_partition_count: int
    scan_task_count: int
    split_size_bytes: int

    @property
    def reason_text(self) -> str:
        """One sentence naming the rule and numbers (ecap_partition_explain)."""
        return explain_record("ecap_partition_explain", S.PartitionOutStruct,
                              self)


@dataclasses.dataclass(frozen=True)
class ScanTasks(Record):
    """struct ecap_partition_scan_out: Spark's scan tasks for a file listing.

    task_count: scan tasks (FilePartitions) Spark creates.
    split_count: file splits (PartitionedFiles) packed into them.
    max_split_bytes: min(maxPartitionBytes, max(openCostInBytes,
        bytesPerCore)), bytes.
    total_bytes: sum over non-empty files of (size + openCostInBytes), bytes.
    bytes_per_core: total_bytes // min_partition_num, bytes.
    min_partition_num: the minPartitionNum used.
    max_partition_bytes, open_cost_bytes: the maxPartitionBytes and
        openCostInBytes used, bytes; max_partition_num: the given
        maxPartitionNum (0 = unset).
    size_packed_task_count: tasks of the packing by max_split_bytes, before
        any maxPartitionNum rescale.
    rescaled_split_bytes: the rescale's desiredSplitBytes, bytes; 0 = none.
    reason: which bound set max_split_bytes (or the maxPartitionNum
        rescale); model as usual; reason_text by
        ecap_partition_scan_explain when read.
    """

    _enums = {"model": Model, "reason": PartitionReason}

    model: Model
    reason: PartitionReason
    task_count: int
    split_count: int
    max_split_bytes: int
    total_bytes: int
    bytes_per_core: int
    min_partition_num: int
    max_partition_bytes: int
    open_cost_bytes: int
    max_partition_num: int
    size_packed_task_count: int
    rescaled_split_bytes: int

    @property
    def reason_text(self) -> str:
        """One sentence naming the bound and numbers
        (ecap_partition_scan_explain)."""
        return explain_record("ecap_partition_scan_explain",
                              S.PartitionScanOutStruct, self)


@dataclasses.dataclass(frozen=True)
class AqeResult(Record):
    """struct ecap_partition_aqe_out plus the per-partition split counts.

    coalesced_partition_count: post-shuffle partitions after coalescing.
    target_size_bytes: max(min(max_target_size_bytes, advisory),
        minPartitionSize), bytes.
    max_target_size_bytes: max(ceil(total / minNumPartitions), 16), bytes.
    min_num_partitions: defaultParallelism with parallelism first, else 1.
    total_bytes: sum of the partition sizes, bytes.
    median_size_bytes: median size (at least 1), bytes.
    skewed_partition_count: partitions > median x factor and > threshold.
    skew_split_target_bytes: split target, bytes.
    skew_split_task_count: tasks the skewed partitions become.
    partition_count: the input partitions; advisory_partition_size_bytes,
        min_partition_size_bytes: the sizes used, bytes.
    reason_text: read, by ecap_partition_aqe_explain.
    split_counts: one split count per input partition (1 = not split).
    """

    _enums = {"model": Model, "reason": PartitionReason}

    model: Model
    reason: PartitionReason
    coalesced_partition_count: int
    target_size_bytes: int
    max_target_size_bytes: int
    min_num_partitions: int
    total_bytes: int
    median_size_bytes: int
    skewed_partition_count: int
    skew_split_target_bytes: int
    skew_split_task_count: int
    partition_count: int
    advisory_partition_size_bytes: int
    min_partition_size_bytes: int
    split_counts: Tuple[int, ...] = ()

    @property
    def reason_text(self) -> str:
        """One sentence naming the target rule and numbers
        (ecap_partition_aqe_explain)."""
        return explain_record("ecap_partition_aqe_explain",
                              S.PartitionAqeOutStruct, self)


@lean("ecap_partition_advise", S.PartitionInStruct, S.PartitionOutStruct,
      PartitionAdvice, fields={"files_not_splittable": "not files_splittable"},
      unless="file_sizes_bytes is not None")
def advise_partitions(policy: Policy, *, data_size_bytes: int = 0,
                      row_count: int = 0, avg_row_bytes: int = 0,
                      current_partition_count: int = 0,
                      total_executor_cores: int = 0,
                      file_sizes_bytes: Optional[Sequence[int]] = None,
                      file_count: int = 0, file_size_bytes: int = 0,
                      files_splittable: bool = True) -> PartitionAdvice:
    """Advises a partition count and the action to reach it
    (ecap_partition_advise).

    data_size_bytes: data size, bytes, 1 .. 2^60; 0 = use
        row_count x avg_row_bytes (each 1 .. 2^60, product at most 2^60),
        else the files' total.
    current_partition_count: partitions now; 0 = unknown; at most 1e7.
    total_executor_cores: cores of all executors (ecap-1 parallelism
        floor; needed with files); 0 = unknown; at most 1e7.
    file_sizes_bytes: the listing of the files the data is read from, or
        None and file_count files of file_size_bytes each (0 = the data
        size spread evenly); ecap-1 predicts the scan's partitions from
        them when the current count is unknown.
    files_splittable: False for gzip and other non-splittable files.

    guide: coalesce(max(1, int(MB / partition.target_size_mb))); ecap-1:
    rounded up, a parallelism floor capped by AQE's minimum partition
    size, the scan's own count kept, coalesce only to fewer.
    Raises InvalidArgumentError (no size) or RangeError naming the field.
    """
    # Without a listing the decorator's generated function answers; with
    # one the listing's address goes into file_sizes_bytes.
    if file_sizes_bytes is None:
        return _advise(policy, data_size_bytes, row_count, avg_row_bytes,
                       current_partition_count, total_executor_cores,
                       file_count, file_size_bytes, not files_splittable, 0)
    listing = _int64_array(file_sizes_bytes)
    return _advise(policy, data_size_bytes, row_count, avg_row_bytes,
                   current_partition_count, total_executor_cores,
                   len(listing), file_size_bytes, not files_splittable,
                   listing.buffer_info()[0] if len(listing) else 0)


_advise = lean_advisor(
    "ecap_partition_advise", S.PartitionInStruct,
    ("data_size_bytes", "row_count", "avg_row_bytes",
     "current_partition_count", "total_executor_cores", "file_count",
     "file_size_bytes", "files_not_splittable", "file_sizes_bytes"),
    S.PartitionOutStruct, PartitionAdvice, release_gil=True)


def _int64_array(values: Sequence[int]) -> "array.array[int]":
    """The values as a C int64_t array (its address: buffer_info()[0]);
    OverflowError naming a value out of range."""
    try:
        return array.array("q", values)
    except (OverflowError, TypeError):
        pass  # the message below, or int() of what array() refused
    ints = [int(v) for v in values]
    for v in ints:
        if not -(1 << 63) <= v < (1 << 63):
            raise OverflowError(f"{v} does not fit in int64")
    return array.array("q", ints)


def _address(arr: "array.array[int]") -> int:
    """The address of an array's first element; one element's worth of
    zeros for an empty one (a pointer the library may read is never
    NULL)."""
    if not arr:
        arr.append(0)
    return arr.buffer_info()[0]


def partition_scan_tasks(policy: Policy, *, file_sizes_bytes: Sequence[int],
                         file_splittable: Optional[Sequence[bool]] = None,
                         splittable: bool = True,
                         max_partition_bytes: int = 0,
                         open_cost_bytes: int = 0,
                         min_partition_num: int = 0,
                         total_executor_cores: int = 0,
                         max_partition_num: int = 0) -> ScanTasks:
    """Predicts the scan tasks Spark creates for a file listing
    (ecap_partition_scan_tasks: FilePartition.maxSplitBytes and
    getFilePartitions).

    file_sizes_bytes: the files' sizes, bytes, each 0 .. 2^60, sum at most
        2^60; empty files are dropped as Spark's file index does.
    file_splittable: optional per-file flags; None = every file takes
        ``splittable`` (True: Parquet, ORC, text; False: gzip).
    max_partition_bytes: spark.sql.files.maxPartitionBytes, bytes; 0 = 128 MiB.
    open_cost_bytes: spark.sql.files.openCostInBytes, bytes; 0 = 4 MiB.
    min_partition_num: spark.sql.files.minPartitionNum; 0 =
        max(total_executor_cores, 2).
    total_executor_cores: cores, used when min_partition_num is 0.
    max_partition_num: spark.sql.files.maxPartitionNum (Spark 3.5+); 0 =
        unset.
    """
    sizes = _int64_array(file_sizes_bytes)
    count = len(sizes)
    flags = 0
    if file_splittable is not None:
        if len(file_splittable) != count:
            raise ValueError("file_splittable needs one flag per file")
        flag_array = array.array("i", [int(f) for f in file_splittable])
        flags = _address(flag_array)
    return _scan(policy, _address(sizes), flags, count, not splittable,
                 max_partition_bytes, open_cost_bytes, min_partition_num,
                 total_executor_cores, max_partition_num)


_scan = lean_advisor(
    "ecap_partition_scan_tasks", S.PartitionScanInStruct,
    ("file_sizes_bytes", "file_splittable", "file_count", "not_splittable",
     "max_partition_bytes", "open_cost_bytes", "min_partition_num",
     "total_executor_cores", "max_partition_num"),
    S.PartitionScanOutStruct, ScanTasks, release_gil=True)


def partition_aqe(policy: Policy, *, partition_sizes_bytes: Sequence[int],
                  advisory_partition_size_bytes: int = 0,
                  min_partition_size_bytes: int = 0,
                  parallelism_first_disabled: bool = False,
                  default_parallelism: int = 0,
                  total_executor_cores: int = 0) -> AqeResult:
    """Predicts AQE's post-shuffle coalescing (ShufflePartitionsUtil) and
    skew split (OptimizeSkewedJoin) for one shuffle (ecap_partition_aqe).

    partition_sizes_bytes: the shuffle partitions' sizes, bytes (1 .. 1e7
        of them, each 0 .. 2^60, sum at most 2^60).
    advisory_partition_size_bytes: spark.sql.adaptive.
        advisoryPartitionSizeInBytes, bytes; 0 = policy
        aqe.advisory_partition_size_mb.
    min_partition_size_bytes: coalescePartitions.minPartitionSize, bytes;
        0 = policy aqe.min_partition_size_mb.
    parallelism_first_disabled: True = coalescePartitions.parallelismFirst
        false (minNumPartitions 1).
    default_parallelism: SparkContext.defaultParallelism; 0 =
        max(total_executor_cores, 2); needed unless parallelism first is
        disabled.
    total_executor_cores: cores, used when default_parallelism is 0.

    The result's split_counts has one entry per input partition.
    """
    sizes = _int64_array(partition_sizes_bytes)
    n = len(sizes)
    splits = (ctypes.c_int64 * max(n, 1))()
    count = ctypes.c_size_t(max(n, 1))
    result = _aqe(policy, _address(sizes), n, advisory_partition_size_bytes,
                  min_partition_size_bytes, parallelism_first_disabled,
                  default_parallelism, total_executor_cores, splits,
                  ctypes.byref(count))
    object.__setattr__(result, "split_counts",
                       tuple(splits[:count.value]))
    return result


_aqe = lean_advisor(
    "ecap_partition_aqe", S.PartitionAqeInStruct,
    ("partition_sizes_bytes", "partition_count",
     "advisory_partition_size_bytes", "min_partition_size_bytes",
     "parallelism_first_disabled", "default_parallelism",
     "total_executor_cores"),
    S.PartitionAqeOutStruct, AqeResult, extra_args=2,
    extra_fields=("split_counts",), release_gil=True)


def partition_spark_properties(policy: Policy,
                               advice: PartitionAdvice) -> List[Property]:
    """The Spark properties that realise an advice
    (ecap_partition_spark_properties): spark.sql.shuffle.partitions, the
    file split size and AQE's coalescing and skew-join settings from the
    policy.  A list of Property (key, value) pairs; ``dict(...)`` of it is
    a plain {key: value}."""
    out = struct_from_record(S.PartitionOutStruct, advice)
    with policy._lock:
        return call_with_properties("ecap_partition_spark_properties",
                                    policy._h(), ctypes.byref(out))


def partition_action_to_string(action: Union[PartitionAction, int]) -> Optional[str]:
    """"keep", "coalesce" or "repartition"; None for an unknown value."""
    return enum_to_string("ecap_partition_action_to_string", action)


def partition_action_from_string(name: str) -> PartitionAction:
    """Parses an action name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_partition_action_from_string",
                            PartitionAction, name)


def partition_reason_to_string(reason: Union[PartitionReason, int]) -> Optional[str]:
    """A reason's name, e.g. "guide-coalesce"; None for an unknown value."""
    return enum_to_string("ecap_partition_reason_to_string", reason)


def partition_reason_from_string(name: str) -> PartitionReason:
    """Parses a reason name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_partition_reason_from_string",
                            PartitionReason, name)
