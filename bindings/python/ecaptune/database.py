# SPDX-License-Identifier: MIT
"""PostgreSQL on Amazon RDS: the instance class, read replicas, storage,
IOPS and cost for a transaction volume (ecap_database_advise: the guide's
calculate_database_resources, or ecap-1's one primary from the RDS
catalog), PGTune's parameters for a machine already chosen
(ecap_database_advise_shape), the sentence that explains an advice
(ecap_database_explain), and the parameters rendered for postgresql.conf
(ecap_database_properties) and as an RDS DB parameter group
(ecap_database_rds_parameters).  See ecap_database_advise(3).  GB are 2^30
bytes, kB 1024 bytes.
"""

from __future__ import annotations

import ctypes
import dataclasses
import enum
from typing import List, Optional, Union

from . import _lib
from . import _structs as S
from ._convert import (Property, Record, call_with_array, call_with_properties,
                       enum_from_string, enum_to_string, from_struct,
                       struct_from_record)
from ._lean import lean, lean_reference
from .enums import CEnum, Model
from .policy import Policy

__all__ = ["DatabaseReason", "DatabaseWorkload", "DatabaseStorage",
           "DatabaseFlag", "DatabaseAdvice", "RdsParameter",
           "DATABASE_MAX_TRANSACTIONS_PER_DAY", "advise_database",
           "advise_database_shape", "explain_database", "database_properties",
           "database_rds_parameters", "database_reason_to_string",
           "database_reason_from_string", "database_workload_to_string",
           "database_workload_from_string", "database_storage_to_string",
           "database_storage_from_string", "database_flag_to_string",
           "database_flag_from_string"]

#: ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY: the largest volume accepted.
DATABASE_MAX_TRANSACTIONS_PER_DAY: float = 1e12
#: ECAP_EXPLAIN_MAX: a buffer this size always holds an explanation.
_EXPLAIN_MAX = 1024


class DatabaseReason(CEnum):
    """enum ecap_database_reason: why the instance class was chosen."""

    #: guide: memory within the guide's <= 32 / <= 64 / else rule.
    ECAP_DATABASE_REASON_GUIDE_THRESHOLD = 1
    #: guide: above 64 GB db.r6g.4xlarge, which holds less than required.
    ECAP_DATABASE_REASON_GUIDE_UNDERSIZED = 2
    #: ecap-1: the cheapest class with the memory and vCPUs required.
    ECAP_DATABASE_REASON_CHEAPEST_FIT = 3
    #: ecap-1: beyond one instance; the largest class and the flags.
    ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE = 4
    #: ecap-1: read replicas take the reads beyond the largest primary.
    ECAP_DATABASE_REASON_READ_REPLICAS = 5
    #: ecap_database_advise_shape: the caller's RAM and vCPUs.
    ECAP_DATABASE_REASON_SHAPE_GIVEN = 6


class DatabaseWorkload(CEnum):
    """enum ecap_database_workload: PGTune's DB type."""

    ECAP_DATABASE_WORKLOAD_WEB = 1
    ECAP_DATABASE_WORKLOAD_OLTP = 2
    ECAP_DATABASE_WORKLOAD_DW = 3
    ECAP_DATABASE_WORKLOAD_DESKTOP = 4
    ECAP_DATABASE_WORKLOAD_MIXED = 5


class DatabaseStorage(CEnum):
    """enum ecap_database_storage: PGTune's data storage type."""

    ECAP_DATABASE_STORAGE_SSD = 1
    ECAP_DATABASE_STORAGE_HDD = 2
    ECAP_DATABASE_STORAGE_SAN = 3
    ECAP_DATABASE_STORAGE_NVME = 4


class DatabaseFlag(enum.IntFlag):
    """enum ecap_database_flag: advice bits of DatabaseAdvice.flags."""

    ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE = 1 << 0
    ECAP_DATABASE_FLAG_ANALYTICS_TO_LAKE = 1 << 1
    ECAP_DATABASE_FLAG_ADD_READ_REPLICAS = 1 << 2
    ECAP_DATABASE_FLAG_MEMORY_SHORT = 1 << 3
    ECAP_DATABASE_FLAG_STORAGE_LIMIT = 1 << 4
    ECAP_DATABASE_FLAG_WRITES_SHORT = 1 << 5
    ECAP_DATABASE_FLAG_IOPS_LIMIT = 1 << 6
    ECAP_DATABASE_FLAG_POOL_EXHAUSTION = 1 << 7
    ECAP_DATABASE_FLAG_READS_SHORT = 1 << 8


@dataclasses.dataclass(frozen=True)
class DatabaseAdvice(Record):
    """struct ecap_database_out: PostgreSQL sizing and parameters.

    model, reason, flags: the model, the rule and the advice bits;
        ``reason_text`` is the sentence (ecap_database_explain, on demand).
    workload, storage_type, postgres_version: the inputs used.
    daily_storage_gb, data_storage_gb, working_set_gb, memory_required_gb:
        GB written a day, kept, the hot working set, memory needed.
    peak_transactions_per_second, vcpu_required_count: ecap-1's peak need.
    instance_class, instance_memory_gb, instance_vcpus, fits_flag: the
        primary's class.
    multi_az_flag, read_replica_count, price_usd_per_hour (the primary,
        Multi-AZ or not), instance_cost_usd_per_month,
        replica_cost_usd_per_month: USD.
    storage_gb, storage_limit_gb, storage_cost_usd_per_month: gp3 storage.
    iops_required_count, iops_baseline_count, iops_provisioned_count,
        iops_cost_usd_per_month: gp3 IOPS.
    cost_usd_per_month: all of it (the guide: one instance).
    max_connections_count .. wal_level: PGTune's parameters (kB, MB;
        0 or "" = not set).
    pool_*: the guide's connection pool; app_instance_count,
        pool_connections_max_count, connections_available_count: the pools
        against max_connections.
    """

    _enums = {"model": Model, "reason": DatabaseReason,
              "flags": DatabaseFlag, "workload": DatabaseWorkload,
              "storage_type": DatabaseStorage}
    _bools = frozenset({"fits_flag", "multi_az_flag", "pool_pre_ping_flag"})

    model: Model
    reason: DatabaseReason
    flags: DatabaseFlag
    workload: DatabaseWorkload
    storage_type: DatabaseStorage
    postgres_version: int
    daily_storage_gb: float
    data_storage_gb: float
    working_set_gb: float
    memory_required_gb: float
    peak_transactions_per_second: float
    vcpu_required_count: int
    instance_class: str
    instance_memory_gb: float
    instance_vcpus: int
    fits_flag: bool
    multi_az_flag: bool
    read_replica_count: int
    price_usd_per_hour: float
    instance_cost_usd_per_month: float
    replica_cost_usd_per_month: float
    storage_gb: float
    storage_limit_gb: float
    storage_cost_usd_per_month: float
    iops_required_count: int
    iops_baseline_count: int
    iops_provisioned_count: int
    iops_cost_usd_per_month: float
    cost_usd_per_month: float
    max_connections_count: int
    shared_buffers_kb: int
    effective_cache_size_kb: int
    maintenance_work_mem_kb: int
    checkpoint_completion_target_ratio: float
    wal_buffers_kb: int
    min_wal_size_mb: int
    max_wal_size_mb: int
    random_page_cost: float
    effective_io_concurrency_count: int
    default_statistics_target_count: int
    work_mem_kb: int
    max_worker_processes_count: int
    max_parallel_workers_per_gather_count: int
    max_parallel_workers_count: int
    max_parallel_maintenance_workers_count: int
    autovacuum_max_workers_count: int
    autovacuum_work_mem_kb: int
    huge_pages: str
    jit: str
    wal_compression: str
    wal_level: str
    pool_size_count: int
    pool_max_overflow_count: int
    pool_timeout_seconds: int
    pool_recycle_seconds: int
    pool_pre_ping_flag: bool
    app_instance_count: int
    pool_connections_max_count: int
    connections_available_count: int

    @property
    def reason_text(self) -> str:
        """The sentence naming the rule and numbers (ecap_database_explain)."""
        return explain_database(self)


@dataclasses.dataclass(frozen=True)
class RdsParameter(Record):
    """struct ecap_database_rds_parameter: name, the value for the group
    (an RDS formula such as "{DBInstanceClassMemory/32768}" or a number),
    what it evaluates to on the advice's class, and RDS's unit ("8kB",
    "kB", "MB" or "")."""

    name: str
    value: str
    evaluated: str
    unit: str


_Workload = Union[DatabaseWorkload, int, str]
_Storage = Union[DatabaseStorage, int, str]


#: The enum inputs of both advisors, as lean() takes them.
_ENUMS = {
    "workload": (DatabaseWorkload, "ecap_database_workload_from_string"),
    "storage_type": (DatabaseStorage, "ecap_database_storage_from_string")}


@lean("ecap_database_advise", S.DatabaseInStruct, S.DatabaseOutStruct,
      DatabaseAdvice, _ENUMS)
def advise_database(policy: Policy, *, transactions_per_day: float,
                    retention_days: int = 0, workload: _Workload = 0,
                    storage_type: _Storage = 0, max_connections_count: int = 0,
                    postgres_version: int = 0,
                    app_instance_count: int = 0,
                    peak_transactions_per_day: float = 0) -> DatabaseAdvice:
    """Sizes a PostgreSQL database (ecap_database_advise).

    transactions_per_day: transactions a day, 0 .. 1e12 (required).
    retention_days: days kept; 0 = policy database.retention_days (365).
    workload: "web", "oltp", "dw", "desktop", "mixed" (or the enum);
        0 = policy database.workload ("oltp").
    storage_type: "ssd", "hdd", "san", "nvme"; 0 = policy ("ssd").
    max_connections_count: 0 = PGTune's default raised to the pools' need.
    postgres_version: 10 .. 18; 0 = policy database.postgres_version (17).
    app_instance_count: application pools; 0 = policy (10).
    peak_transactions_per_day: ecap-1: the day whose busiest hour sizes
        vCPUs and IOPS (a seasonal peak); 0 = transactions_per_day.
    """
    return lean_reference(advise_database, locals())


@lean("ecap_database_advise_shape", S.DatabaseShapeInStruct,
      S.DatabaseOutStruct, DatabaseAdvice, _ENUMS)
def advise_database_shape(policy: Policy, *, memory_gb: float, vcpu_count: int,
                          workload: _Workload = 0, storage_type: _Storage = 0,
                          max_connections_count: int = 0,
                          postgres_version: int = 0,
                          app_instance_count: int = 0) -> DatabaseAdvice:
    """PGTune's parameters and the pool check for a machine already chosen
    (ecap_database_advise_shape): memory_gb (GiB) and vcpu_count, the
    other arguments as advise_database's."""
    return lean_reference(advise_database_shape, locals())


def explain_database(advice: DatabaseAdvice) -> str:
    """One sentence naming the rule and numbers (ecap_database_explain)."""
    out = struct_from_record(S.DatabaseOutStruct, advice)
    buf = ctypes.create_string_buffer(_EXPLAIN_MAX)
    _lib.check("ecap_database_explain", ctypes.byref(out), buf, len(buf))
    return buf.value.decode("utf-8", "replace")


def database_properties(advice: DatabaseAdvice) -> List[Property]:
    """The advice's parameters as postgresql.conf settings with PGTune's
    units ("4GB", "20560kB") (ecap_database_properties).  A list of
    Property (key, value) pairs; ``dict(...)`` of it is a dict."""
    out = struct_from_record(S.DatabaseOutStruct, advice)
    return call_with_properties("ecap_database_properties", ctypes.byref(out))


def database_rds_parameters(advice: DatabaseAdvice) -> List[RdsParameter]:
    """The advice's parameters as an RDS DB parameter group
    (ecap_database_rds_parameters)."""
    out = struct_from_record(S.DatabaseOutStruct, advice)
    return [from_struct(r, RdsParameter)
            for r in call_with_array("ecap_database_rds_parameters",
                                     S.DatabaseRdsParameterStruct,
                                     ctypes.byref(out))]


def database_reason_to_string(reason: Union[DatabaseReason, int]) -> Optional[str]:
    """"cheapest-fit", ...; None for an unknown value."""
    return enum_to_string("ecap_database_reason_to_string", reason)


def database_reason_from_string(name: str) -> DatabaseReason:
    """Parses a reason name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_database_reason_from_string",
                            DatabaseReason, name)


def database_workload_to_string(workload: Union[DatabaseWorkload, int]) -> Optional[str]:
    """"web", "oltp", "dw", "desktop", "mixed"; None if unknown."""
    return enum_to_string("ecap_database_workload_to_string", workload)


def database_workload_from_string(name: str) -> DatabaseWorkload:
    """Parses a workload name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_database_workload_from_string",
                            DatabaseWorkload, name)


def database_storage_to_string(storage: Union[DatabaseStorage, int]) -> Optional[str]:
    """"ssd", "hdd", "san", "nvme"; None if unknown."""
    return enum_to_string("ecap_database_storage_to_string", storage)


def database_storage_from_string(name: str) -> DatabaseStorage:
    """Parses a storage name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_database_storage_from_string",
                            DatabaseStorage, name)


def database_flag_to_string(flag: Union[DatabaseFlag, int]) -> Optional[str]:
    """The name of one flag bit ("partition-and-archive", ...); None for
    no bit, several bits or an unknown one."""
    s = _lib.lib.ecap_database_flag_to_string(int(flag))
    return None if s is None else s.decode()


def database_flag_from_string(name: str) -> DatabaseFlag:
    """Parses a flag name into its bit; UnknownEnumError if unknown."""
    out = ctypes.c_uint32(0)
    _lib.check("ecap_database_flag_from_string", name.encode("utf-8"),
               ctypes.byref(out))
    return DatabaseFlag(out.value)
