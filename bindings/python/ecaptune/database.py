# SPDX-License-Identifier: MIT
"""PostgreSQL sizing: storage, memory, instance class, cost and the
parameter group for a transaction volume (ecap_database_advise: the
guide's calculate_database_resources, or ecap-1's catalog choice), and the
parameters rendered with units (ecap_database_properties).  See
ecap_database_advise(3).  GB are 2^30 bytes, kB 1024 bytes.
"""

from __future__ import annotations

import ctypes
import dataclasses
import enum
from typing import List

from . import _structs as S
from ._convert import (Property, Record, call_with_properties, from_struct,
                       struct_from_record, to_struct)
from .enums import CEnum, Model
from .policy import Policy

__all__ = ["DatabaseReason", "DatabaseAdvice", "DATABASE_MAX_TRANSACTIONS_PER_DAY",
           "advise_database", "database_properties"]

#: ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY: the largest volume accepted.
DATABASE_MAX_TRANSACTIONS_PER_DAY: float = 1e12


class DatabaseReason(CEnum):
    """enum ecap_database_reason: why the instance class was chosen."""

    #: guide: memory within the guide's <= 32 / <= 64 / else rule.
    ECAP_DATABASE_REASON_GUIDE_THRESHOLD = 1
    #: guide: above 64 GB db.r6g.4xlarge, which holds less than required.
    ECAP_DATABASE_REASON_GUIDE_UNDERSIZED = 2
    #: ecap-1: the smallest class that holds the memory required.
    ECAP_DATABASE_REASON_SMALLEST_FIT = 3
    #: ecap-1: no class holds it; the largest, instances_needed_count times.
    ECAP_DATABASE_REASON_NONE_FITS = 4


@dataclasses.dataclass(frozen=True)
class DatabaseAdvice(Record):
    """struct ecap_database_out: PostgreSQL sizing and parameter group.

    model, reason, reason_text: the model and the rule, with its numbers.
    daily_storage_gb: transaction data with indexes written a day, GB.
    data_storage_gb: data kept (daily x retention x analytics), GB.
    storage_gb: storage to provision with the buffer, whole GB.
    memory_required_gb: max(min, data x memory share), GB.
    instance_class, instance_memory_gb (GB), instance_vcpus: the class.
    fits_flag: True when one instance holds memory_required_gb.
    instances_needed_count: 1, or ceil(memory / class memory).
    price_usd_per_hour, cost_usd_per_month: USD.
    max_connections_count, shared_buffers_kb, effective_cache_size_kb,
        maintenance_work_mem_kb, checkpoint_completion_target_ratio,
        wal_buffers_kb, max_worker_processes_count, work_mem_kb:
        PostgreSQL parameters for one instance (kB).
    pool_size_count, pool_max_overflow_count, pool_timeout_seconds,
        pool_recycle_seconds, pool_pre_ping_flag (bool): connection pool.
    """

    _enums = {"model": Model, "reason": DatabaseReason}
    _bools = frozenset({"fits_flag", "pool_pre_ping_flag"})

    model: Model
    reason: DatabaseReason
    daily_storage_gb: float
    data_storage_gb: float
    storage_gb: float
    memory_required_gb: float
    instance_class: str
    instance_memory_gb: float
    instance_vcpus: int
    fits_flag: bool
    instances_needed_count: int
    price_usd_per_hour: float
    cost_usd_per_month: float
    max_connections_count: int
    shared_buffers_kb: int
    effective_cache_size_kb: int
    maintenance_work_mem_kb: int
    checkpoint_completion_target_ratio: float
    wal_buffers_kb: int
    max_worker_processes_count: int
    work_mem_kb: int
    pool_size_count: int
    pool_max_overflow_count: int
    pool_timeout_seconds: int
    pool_recycle_seconds: int
    pool_pre_ping_flag: bool
    reason_text: str


def advise_database(policy: Policy, *, transactions_per_day: float,
                    retention_days: int = 0) -> DatabaseAdvice:
    """Sizes a PostgreSQL database (ecap_database_advise).

    transactions_per_day: transactions a day, 0 .. 1e12 (required).
    retention_days: days kept; 0 = policy database.retention_days (365);
        0 .. 36500.
    """
    inp = to_struct(S.DatabaseInStruct, dict(
        transactions_per_day=transactions_per_day,
        retention_days=retention_days))
    out = S.new_struct(S.DatabaseOutStruct)
    policy._call("ecap_database_advise", ctypes.byref(inp), ctypes.byref(out))
    return from_struct(out, DatabaseAdvice)


def database_properties(advice: DatabaseAdvice) -> List[Property]:
    """The advice's PostgreSQL parameters with units ("8GB", "256MB",
    "41120kB") for one instance (ecap_database_properties).  A list of
    Property (key, value) pairs; ``dict(...)`` of it is a dict."""
    out = struct_from_record(S.DatabaseOutStruct, advice)
    return call_with_properties("ecap_database_properties", ctypes.byref(out))
