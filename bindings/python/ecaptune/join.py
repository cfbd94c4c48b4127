# SPDX-License-Identifier: MIT
"""Join strategy: which physical join Spark's planner (JoinSelection)
picks for a join, which hints it ignores and why, and the hint to write
under the policy's model (ecap_join_advise; see ecap_join_advise(3)).
Sizes are bytes, counts are rows.
"""

from __future__ import annotations

import ctypes
import dataclasses
import enum
from typing import Optional, Union

from . import _structs as S
from ._convert import (Record, enum_from_string, enum_to_string,
                       explain_record)
from ._lean import lean, lean_reference
from .enums import CEnum, Model
from .policy import Policy

__all__ = ["JoinType", "JoinHint", "JoinStrategy", "JoinBuildSide",
           "JoinReason", "JoinHintIgnored", "JoinText", "JoinWarning",
           "JoinAdvice",
           "JOIN_MAX_BROADCAST_BYTES", "JOIN_MAX_BROADCAST_ROWS_HASH",
           "JOIN_MAX_BROADCAST_ROWS_LONG", "advise_join",
           "join_type_to_string", "join_type_from_string",
           "join_hint_to_string", "join_hint_from_string",
           "join_strategy_to_string", "join_strategy_from_string",
           "join_build_side_to_string", "join_build_side_from_string",
           "join_warning_from_string"]

#: Spark's hard broadcast limits (BroadcastExchangeExec): 8 GiB, bytes.
JOIN_MAX_BROADCAST_BYTES: int = 8589934592
#: Rows a broadcast hash relation may hold: (1 << 29) / 1.5.
JOIN_MAX_BROADCAST_ROWS_HASH: int = 357913941
#: Rows with a single LongType key, or for a nested-loop broadcast.
JOIN_MAX_BROADCAST_ROWS_LONG: int = 512000000


class JoinType(CEnum):
    """enum ecap_join_type: Spark's JoinType ("inner", "left_outer", ...)."""

    INNER = 1
    CROSS = 2
    LEFT_OUTER = 3
    RIGHT_OUTER = 4
    FULL_OUTER = 5
    LEFT_SEMI = 6
    LEFT_ANTI = 7


class JoinHint(CEnum):
    """enum ecap_join_hint: a join strategy hint, spelled as in Spark."""

    NONE = 0
    BROADCAST = 1
    MERGE = 2
    SHUFFLE_HASH = 3
    SHUFFLE_REPLICATE_NL = 4


class JoinStrategy(CEnum):
    """enum ecap_join_strategy: the physical join, named as in Spark's plans."""

    BROADCAST_HASH = 1
    SHUFFLE_HASH = 2
    SORT_MERGE = 3
    CARTESIAN = 4
    BROADCAST_NESTED_LOOP = 5


class JoinBuildSide(CEnum):
    """enum ecap_join_build_side: the build (or broadcast) side."""

    NONE = 0
    LEFT = 1
    RIGHT = 2


class JoinReason(CEnum):
    """enum ecap_join_reason: the rule that decided Spark's strategy
    (1 .. 11), the ecap-1 recommendation (20 ..) or the guide's (30 ..)."""

    HINT_BROADCAST_HASH = 1
    HINT_SORT_MERGE = 2
    HINT_SHUFFLE_HASH = 3
    HINT_CARTESIAN = 4
    BROADCAST_BY_SIZE = 5
    SHUFFLE_HASH_BY_SIZE = 6
    SORT_MERGE_SORTABLE = 7
    CARTESIAN_INNER_LIKE = 8
    NESTED_LOOP_FALLBACK = 9
    HINT_BROADCAST_NESTED_LOOP = 10
    BROADCAST_NESTED_LOOP_BY_SIZE = 11
    ECAP_BROADCAST = 20
    ECAP_SHUFFLE_HASH = 21
    ECAP_SORT_MERGE = 22
    ECAP_SHUFFLE_HASH_UNSORTABLE = 23
    ECAP_CARTESIAN = 24
    ECAP_BROADCAST_NESTED_LOOP = 25
    ECAP_NESTED_LOOP_FALLBACK = 26
    GUIDE_BROADCAST = 30
    GUIDE_SHUFFLE_HASH = 31


class JoinHintIgnored(CEnum):
    """enum ecap_join_hint_ignored: why Spark ignores a side's hint."""

    USED = 0
    IGNORED_BUILD_SIDE = 1
    IGNORED_NOT_SORTABLE = 2
    IGNORED_NOT_INNER_LIKE = 3
    IGNORED_NO_EQUI_KEYS = 4
    IGNORED_OVERRIDDEN = 5
    IGNORED_OTHER_SIDE_BUILT = 6


class JoinText(CEnum):
    """enum ecap_join_text: which text of an advice JoinAdvice.explain
    renders."""

    #: The recommendation: the rule, its numbers and the hint to write.
    RECOMMENDATION = 1
    #: The rule that decided Spark's choice.
    STRATEGY = 2
    #: Why hints are ignored ("" when none is).
    HINTS = 3
    #: The warnings of Spark's choice ("" when none).
    WARNINGS = 4
    #: The warnings of the recommended plan ("" when none).
    RECOMMENDED_WARNINGS = 5


class JoinWarning(enum.IntFlag):
    """ECAP_JOIN_WARN_* bits (warning_flags, recommended_warning_flags);
    an IntFlag because several may be set at once.  str() joins the
    library's names of the set bits with "|" ("none" for no bit)."""

    #: The broadcast side is 8 GiB or more.
    BROADCAST_BYTES_LIMIT = 1 << 0
    #: The broadcast side has more rows than Spark can broadcast.
    BROADCAST_ROWS_LIMIT = 1 << 1
    #: A broadcast nested-loop join may run out of memory.
    NESTED_LOOP_OOM = 1 << 2
    #: A shuffled hash join's build side exceeds a task's memory.
    SHUFFLE_HASH_MEMORY = 1 << 3
    #: The written hint is ignored.
    HINT_IGNORED = 1 << 4

    def __str__(self) -> str:
        names = [enum_to_string("ecap_join_warning_to_string", 1 << b) or
                 f"0x{1 << b:x}" for b in range(31) if int(self) >> b & 1]
        return "|".join(names) if names else "none"


@dataclasses.dataclass(frozen=True)
class JoinAdvice(Record):
    """struct ecap_join_out: Spark's choice for the given hints and the
    recommended hint.

    model, reason: the model and the rule behind the recommendation
        (reason_text says it with its numbers).
    strategy, build_side, strategy_reason: what Spark picks
        (strategy_text).
    left_hint_ignored, right_hint_ignored (bool) and their *_reason
        (hint_text).
    warning_flags (JoinWarning): warnings of Spark's choice (warning_text).
    recommended_hint, recommended_hint_side: the hint to write, and where.
    recommended_strategy, recommended_build_side: what Spark then picks.
    recommended_warning_flags: its warnings (recommended_warning_text).
    join_type, no_equi_keys, keys_not_sortable, single_bigint_key,
        left_hint, right_hint, prefer_sort_merge: the inputs as used.
    left_size_bytes, right_size_bytes: sizes used, bytes (unknown:
        2^63 - 1, Spark's defaultSizeInBytes); left_row_count,
        right_row_count: rows (0 unknown).
    guide_broadcast_max_rows: guide: optimize_join's row limit (0 under
        ecap-1).
    broadcast_threshold_bytes: the threshold used, bytes (-1 disabled).
    shuffle_partitions_count: spark.sql.shuffle.partitions used.
    shuffle_hash_factor: muchSmaller's factor (3 before Spark 3.3).
    spark_version_major, spark_version_minor: the Spark version used.
    execution_memory_per_task_bytes: execution memory per task, bytes
        (0 when unknown).

    The texts are rendered by the library when read (ecap_join_explain);
    the advice itself carries no text.
    """

    _enums = {"model": Model, "reason": JoinReason,
              "strategy": JoinStrategy, "build_side": JoinBuildSide,
              "strategy_reason": JoinReason,
              "left_hint_ignored_reason": JoinHintIgnored,
              "right_hint_ignored_reason": JoinHintIgnored,
              "warning_flags": JoinWarning,
              "recommended_hint": JoinHint,
              "recommended_hint_side": JoinBuildSide,
              "recommended_strategy": JoinStrategy,
              "recommended_build_side": JoinBuildSide,
              "recommended_warning_flags": JoinWarning,
              "join_type": JoinType, "left_hint": JoinHint,
              "right_hint": JoinHint}
    _bools = frozenset({"left_hint_ignored", "right_hint_ignored",
                        "no_equi_keys", "keys_not_sortable",
                        "single_bigint_key", "prefer_sort_merge"})

    model: Model
    reason: JoinReason
    strategy: JoinStrategy
    build_side: JoinBuildSide
    strategy_reason: JoinReason
    left_hint_ignored: bool
    left_hint_ignored_reason: JoinHintIgnored
    right_hint_ignored: bool
    right_hint_ignored_reason: JoinHintIgnored
    warning_flags: JoinWarning
    recommended_hint: JoinHint
    recommended_hint_side: JoinBuildSide
    recommended_strategy: JoinStrategy
    recommended_build_side: JoinBuildSide
    recommended_warning_flags: JoinWarning
    join_type: JoinType
    no_equi_keys: bool
    keys_not_sortable: bool
    single_bigint_key: bool
    left_hint: JoinHint
    right_hint: JoinHint
    prefer_sort_merge: bool
    left_size_bytes: int
    right_size_bytes: int
    left_row_count: int
    right_row_count: int
    guide_broadcast_max_rows: int
    broadcast_threshold_bytes: int
    shuffle_partitions_count: int
    shuffle_hash_factor: float
    spark_version_major: int
    spark_version_minor: int
    execution_memory_per_task_bytes: int

    def explain(self, part: Union[JoinText, int, str] =
                JoinText.RECOMMENDATION) -> str:
        """One text of the advice (ecap_join_explain_part), rendered by
        the library now: JoinText or its name ("strategy", "hints", ...)."""
        if isinstance(part, str):
            part = JoinText.parse(part)
        return explain_record("ecap_join_explain_part", S.JoinOutStruct, self,
                       int(part))

    @property
    def reason_text(self) -> str:
        """The recommendation in a sentence, with its numbers
        (ecap_join_explain)."""
        return explain_record("ecap_join_explain", S.JoinOutStruct, self)

    @property
    def strategy_text(self) -> str:
        """The rule that decided Spark's choice, with the numbers."""
        return self.explain(JoinText.STRATEGY)

    @property
    def hint_text(self) -> str:
        """Why hints are ignored; "" when none is."""
        return self.explain(JoinText.HINTS)

    @property
    def warning_text(self) -> str:
        """The warnings of Spark's choice; "" when none."""
        return self.explain(JoinText.WARNINGS)

    @property
    def recommended_warning_text(self) -> str:
        """The warnings of the recommended plan; "" when none."""
        return self.explain(JoinText.RECOMMENDED_WARNINGS)


EnumArg = Union[int, str]


@lean("ecap_join_advise", S.JoinInStruct, S.JoinOutStruct, JoinAdvice,
      {"join_type": (JoinType, "ecap_join_type_from_string"),
       "left_hint": (JoinHint, "ecap_join_hint_from_string"),
       "right_hint": (JoinHint, "ecap_join_hint_from_string"),
       "guide_small_side": (JoinBuildSide,
                            "ecap_join_build_side_from_string")})
def advise_join(policy: Policy, *, join_type: EnumArg = 0,
                no_equi_keys: bool = False, keys_not_sortable: bool = False,
                single_bigint_key: bool = False, left_size_bytes: int = 0,
                right_size_bytes: int = 0, left_row_count: int = 0,
                right_row_count: int = 0, left_hint: EnumArg = 0,
                right_hint: EnumArg = 0, broadcast_threshold_bytes: int = 0,
                shuffle_partitions_count: int = 0,
                spark_version_major: int = 0, spark_version_minor: int = 0,
                guide_small_side: EnumArg = 0, executor_cores_count: int = 0,
                executor_heap_bytes: int = 0,
                execution_memory_bytes: int = 0) -> JoinAdvice:
    """Predicts the join Spark picks and recommends the hint to write
    (ecap_join_advise).

    join_type: JoinType or a Spark name ("left outer", "semi", ...);
        0 = inner.
    no_equi_keys: the join has no equi-join keys.
    keys_not_sortable: the equi-join keys are not orderable.
    single_bigint_key: the only key is a LongType (512e6 rows may be
        broadcast instead of 357913941).
    left_size_bytes, right_size_bytes: Spark's sizeInBytes of each side,
        bytes; 0 = unknown (Long.MaxValue); at most 2^60.
    left_row_count, right_row_count: rows of each side; 0 = unknown.
    left_hint, right_hint: JoinHint or a hint name ("broadcast",
        "mapjoin", "merge", ...); 0 = none.
    broadcast_threshold_bytes: spark.sql.autoBroadcastJoinThreshold,
        bytes; 0 = policy join.broadcast_threshold_mb, -1 disables,
        else 1 .. 8 GiB.
    shuffle_partitions_count: spark.sql.shuffle.partitions; 0 = policy.
    spark_version_major, spark_version_minor: 3.0 .. 4.99; both 0 = 3.5.
    guide_small_side: guide model: the side of optimize_join's small_df
        (JoinBuildSide or "left"/"right"); 0 = right.
    executor_cores_count: concurrent tasks per executor; 0 = policy.
    executor_heap_bytes: spark.executor.memory, bytes; 0 = unknown.
    execution_memory_bytes: unified execution memory of one executor,
        bytes; 0 = derive from the heap.

    An unknown enum value or name raises UnknownEnumError.
    """
    return lean_reference(advise_join, locals())


def join_type_to_string(join_type: Union[JoinType, int]) -> Optional[str]:
    """"inner", "cross", "left_outer", ...; None for an unknown value."""
    return enum_to_string("ecap_join_type_to_string", join_type)


def join_type_from_string(name: str) -> JoinType:
    """Parses a join type, case-insensitively with Spark's aliases
    ("outer", "semi", "LEFT OUTER"); UnknownEnumError if unknown."""
    return enum_from_string("ecap_join_type_from_string", JoinType, name)


def join_hint_to_string(hint: Union[JoinHint, int]) -> Optional[str]:
    """"none", "BROADCAST", "MERGE", ...; None for an unknown value."""
    return enum_to_string("ecap_join_hint_to_string", hint)


def join_hint_from_string(name: str) -> JoinHint:
    """Parses a hint with Spark's aliases ("mapjoin", "shuffle_merge");
    UnknownEnumError if unknown."""
    return enum_from_string("ecap_join_hint_from_string", JoinHint, name)


def join_strategy_to_string(strategy: Union[JoinStrategy, int]) -> Optional[str]:
    """"BroadcastHashJoin", "SortMergeJoin", ...; None if unknown."""
    return enum_to_string("ecap_join_strategy_to_string", strategy)


def join_strategy_from_string(name: str) -> JoinStrategy:
    """Parses a strategy name (case-insensitive); UnknownEnumError if unknown."""
    return enum_from_string("ecap_join_strategy_from_string", JoinStrategy, name)


def join_build_side_to_string(side: Union[JoinBuildSide, int]) -> Optional[str]:
    """"none", "left" or "right"; None for an unknown value."""
    return enum_to_string("ecap_join_build_side_to_string", side)


def join_build_side_from_string(name: str) -> JoinBuildSide:
    """Parses a build side ("left", "BuildRight", ...); UnknownEnumError
    if unknown."""
    return enum_from_string("ecap_join_build_side_from_string",
                            JoinBuildSide, name)


def join_warning_from_string(name: str) -> JoinWarning:
    """Parses one warning's name ("nested-loop-oom", ...) into its bit;
    UnknownEnumError if unknown."""
    return JoinWarning(int(enum_from_string("ecap_join_warning_from_string",
                                            JoinWarning, name)))
