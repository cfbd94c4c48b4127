# SPDX-License-Identifier: MIT
"""ctypes mirrors of the public size-prefixed structs of include/ecaptune.h.

One ``ctypes.Structure`` subclass per C struct, fields in header order with
the header's fixed-width types.  Every mirror is registered in ``MIRRORS``
(C struct name -> class); the layout test compiles a C program generated
from that table and compares every ``sizeof`` and ``offsetof``, so a mirror
that drifts from the header, or a header struct with no mirror, fails.

Add an advisor family's ``struct ecap_<family>_in`` / ``_out`` here with
``@mirror("ecap_<family>_in")``.
"""

from __future__ import annotations

import ctypes
from typing import Callable, Dict, Type, TypeVar

__all__ = [
    "MIRRORS",
    "mirror",
    "new_struct",
    "ErrorStruct",
    "KeyInfoStruct",
    "ScenarioStruct",
    "PropertyStruct",
]

#: C struct name (without ``struct``) -> its ctypes mirror.
MIRRORS: Dict[str, Type[ctypes.Structure]] = {}

_S = TypeVar("_S", bound=Type[ctypes.Structure])


def mirror(c_name: str) -> Callable[[_S], _S]:
    """Class decorator: registers a ctypes mirror of ``struct <c_name>``."""

    def register(cls: _S) -> _S:
        if c_name in MIRRORS:
            raise RuntimeError(f"struct {c_name} is mirrored twice")
        cls._c_name_ = c_name  # type: ignore[attr-defined]
        MIRRORS[c_name] = cls
        return cls

    return register


_T = TypeVar("_T", bound=ctypes.Structure)


def new_struct(cls: Type[_T]) -> _T:
    """A zero-filled instance of a sized struct with ``sz`` set to the
    binding's own ``sizeof`` (what ECAP_STRUCT_INIT does in C)."""
    s = cls()
    setattr(s, "sz", ctypes.sizeof(cls))
    return s


@mirror("ecap_error")
class ErrorStruct(ctypes.Structure):
    """struct ecap_error: the detailed error every fallible call fills."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("code", ctypes.c_int32),
        ("line", ctypes.c_int32),
        ("column", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("field", ctypes.c_char * 96),
        ("message", ctypes.c_char * 256),
    ]


@mirror("ecap_key_info")
class KeyInfoStruct(ctypes.Structure):
    """struct ecap_key_info: one static policy key (static strings)."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("name", ctypes.c_char_p),
        ("unit", ctypes.c_char_p),
        ("description", ctypes.c_char_p),
        ("type", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("default_double", ctypes.c_double),
        ("min_double", ctypes.c_double),
        ("max_double", ctypes.c_double),
        ("default_int64", ctypes.c_int64),
        ("min_int64", ctypes.c_int64),
        ("max_int64", ctypes.c_int64),
        ("default_string", ctypes.c_char_p),
    ]


@mirror("ecap_scenario")
class ScenarioStruct(ctypes.Structure):
    """struct ecap_scenario: a growth scenario."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("name", ctypes.c_char * 64),
        ("description", ctypes.c_char * 256),
        ("yearly_growth_ratio", ctypes.c_double),
        ("seasonal_peak_factor", ctypes.c_double),
        ("yearly_growth_sd_ratio", ctypes.c_double),
        ("seasonal_peak_sd_factor", ctypes.c_double),
    ]


@mirror("ecap_catalog_entry")
class CatalogEntryStruct(ctypes.Structure):
    """struct ecap_catalog_entry: a priced machine shape of a catalog."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("catalog", ctypes.c_int32),
        ("vcpu_count", ctypes.c_int32),
        ("name", ctypes.c_char * 64),
        ("family", ctypes.c_char * 32),
        ("region", ctypes.c_char * 32),
        ("price_date", ctypes.c_char * 16),
        ("memory_gb", ctypes.c_double),
        ("price_usd_per_hour", ctypes.c_double),
        ("emr_price_usd_per_hour", ctypes.c_double),
        ("multi_az_price_usd_per_hour", ctypes.c_double),
        ("storage_usd_per_gb_month", ctypes.c_double),
        ("iops_usd_per_month", ctypes.c_double),
        ("yarn_memory_mb", ctypes.c_int64),
        ("yarn_memory_derived_flag", ctypes.c_int32),
        ("eks_max_pod_count", ctypes.c_int32),
        ("max_partition_replica_count", ctypes.c_int64),
        ("throughput_mb_per_second", ctypes.c_double),
    ]


@mirror("ecap_property")
class PropertyStruct(ctypes.Structure):
    """struct ecap_property: one rendered Spark/engine property."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("key", ctypes.c_char * 96),
        ("value", ctypes.c_char * 160),
    ]


# ---- advisor families: add their mirrors below this line ----


# ---- partition

@mirror("ecap_partition_in")
class PartitionInStruct(ctypes.Structure):
    """struct ecap_partition_in: input of ecap_partition_advise."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("data_size_bytes", ctypes.c_int64),
        ("row_count", ctypes.c_int64),
        ("avg_row_bytes", ctypes.c_int64),
        ("current_partition_count", ctypes.c_int64),
        ("total_executor_cores", ctypes.c_int64),
        ("file_sizes_bytes", ctypes.POINTER(ctypes.c_int64)),
        ("file_count", ctypes.c_int64),
        ("file_size_bytes", ctypes.c_int64),
        ("files_not_splittable", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
    ]


@mirror("ecap_partition_out")
class PartitionOutStruct(ctypes.Structure):
    """struct ecap_partition_out: output of ecap_partition_advise."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("model", ctypes.c_int32),
        ("reason", ctypes.c_int32),
        ("action", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("data_size_bytes", ctypes.c_int64),
        ("partition_count", ctypes.c_int64),
        ("effective_partition_count", ctypes.c_int64),
        ("bytes_per_partition", ctypes.c_int64),
        ("parallelism_floor_count", ctypes.c_int64),
        ("target_size_bytes", ctypes.c_int64),
        ("size_partition_count", ctypes.c_int64),
        ("core_task_count", ctypes.c_int64),
        ("min_partition_size_bytes", ctypes.c_int64),
        ("min_size_partition_count", ctypes.c_int64),
        ("current_partition_count", ctypes.c_int64),
        ("scan_task_count", ctypes.c_int64),
        ("split_size_bytes", ctypes.c_int64),
    ]


@mirror("ecap_partition_scan_in")
class PartitionScanInStruct(ctypes.Structure):
    """struct ecap_partition_scan_in: input of ecap_partition_scan_tasks (a file listing)."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("file_sizes_bytes", ctypes.POINTER(ctypes.c_int64)),
        ("file_splittable", ctypes.POINTER(ctypes.c_int32)),
        ("file_count", ctypes.c_int64),
        ("not_splittable", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("max_partition_bytes", ctypes.c_int64),
        ("open_cost_bytes", ctypes.c_int64),
        ("min_partition_num", ctypes.c_int64),
        ("total_executor_cores", ctypes.c_int64),
        ("max_partition_num", ctypes.c_int64),
    ]


@mirror("ecap_partition_scan_out")
class PartitionScanOutStruct(ctypes.Structure):
    """struct ecap_partition_scan_out: output of ecap_partition_scan_tasks."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("model", ctypes.c_int32),
        ("reason", ctypes.c_int32),
        ("task_count", ctypes.c_int64),
        ("split_count", ctypes.c_int64),
        ("max_split_bytes", ctypes.c_int64),
        ("total_bytes", ctypes.c_int64),
        ("bytes_per_core", ctypes.c_int64),
        ("min_partition_num", ctypes.c_int64),
        ("max_partition_bytes", ctypes.c_int64),
        ("open_cost_bytes", ctypes.c_int64),
        ("max_partition_num", ctypes.c_int64),
        ("size_packed_task_count", ctypes.c_int64),
        ("rescaled_split_bytes", ctypes.c_int64),
    ]


@mirror("ecap_partition_aqe_in")
class PartitionAqeInStruct(ctypes.Structure):
    """struct ecap_partition_aqe_in: input of ecap_partition_aqe (one shuffle's sizes)."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("partition_sizes_bytes", ctypes.POINTER(ctypes.c_int64)),
        ("partition_count", ctypes.c_int64),
        ("advisory_partition_size_bytes", ctypes.c_int64),
        ("min_partition_size_bytes", ctypes.c_int64),
        ("parallelism_first_disabled", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("default_parallelism", ctypes.c_int64),
        ("total_executor_cores", ctypes.c_int64),
    ]


@mirror("ecap_partition_aqe_out")
class PartitionAqeOutStruct(ctypes.Structure):
    """struct ecap_partition_aqe_out: output of ecap_partition_aqe."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("model", ctypes.c_int32),
        ("reason", ctypes.c_int32),
        ("coalesced_partition_count", ctypes.c_int64),
        ("target_size_bytes", ctypes.c_int64),
        ("max_target_size_bytes", ctypes.c_int64),
        ("min_num_partitions", ctypes.c_int64),
        ("total_bytes", ctypes.c_int64),
        ("median_size_bytes", ctypes.c_int64),
        ("skewed_partition_count", ctypes.c_int64),
        ("skew_split_target_bytes", ctypes.c_int64),
        ("skew_split_task_count", ctypes.c_int64),
        ("partition_count", ctypes.c_int64),
        ("advisory_partition_size_bytes", ctypes.c_int64),
        ("min_partition_size_bytes", ctypes.c_int64),
    ]


# ---- join

@mirror("ecap_join_in")
class JoinInStruct(ctypes.Structure):
    """struct ecap_join_in: input of ecap_join_advise."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("join_type", ctypes.c_int32),
        ("no_equi_keys", ctypes.c_int32),
        ("keys_not_sortable", ctypes.c_int32),
        ("single_bigint_key", ctypes.c_int32),
        ("left_size_bytes", ctypes.c_int64),
        ("right_size_bytes", ctypes.c_int64),
        ("left_row_count", ctypes.c_int64),
        ("right_row_count", ctypes.c_int64),
        ("left_hint", ctypes.c_int32),
        ("right_hint", ctypes.c_int32),
        ("broadcast_threshold_bytes", ctypes.c_int64),
        ("shuffle_partitions_count", ctypes.c_int64),
        ("spark_version_major", ctypes.c_int32),
        ("spark_version_minor", ctypes.c_int32),
        ("guide_small_side", ctypes.c_int32),
        ("executor_cores_count", ctypes.c_int32),
        ("executor_heap_bytes", ctypes.c_int64),
        ("execution_memory_bytes", ctypes.c_int64),
    ]


@mirror("ecap_join_out")
class JoinOutStruct(ctypes.Structure):
    """struct ecap_join_out: output of ecap_join_advise."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("model", ctypes.c_int32),
        ("reason", ctypes.c_int32),
        ("strategy", ctypes.c_int32),
        ("build_side", ctypes.c_int32),
        ("strategy_reason", ctypes.c_int32),
        ("left_hint_ignored", ctypes.c_int32),
        ("left_hint_ignored_reason", ctypes.c_int32),
        ("right_hint_ignored", ctypes.c_int32),
        ("right_hint_ignored_reason", ctypes.c_int32),
        ("warning_flags", ctypes.c_int32),
        ("recommended_hint", ctypes.c_int32),
        ("recommended_hint_side", ctypes.c_int32),
        ("recommended_strategy", ctypes.c_int32),
        ("recommended_build_side", ctypes.c_int32),
        ("recommended_warning_flags", ctypes.c_int32),
        ("join_type", ctypes.c_int32),
        ("no_equi_keys", ctypes.c_int32),
        ("keys_not_sortable", ctypes.c_int32),
        ("single_bigint_key", ctypes.c_int32),
        ("left_hint", ctypes.c_int32),
        ("right_hint", ctypes.c_int32),
        ("prefer_sort_merge", ctypes.c_int32),
        ("left_size_bytes", ctypes.c_int64),
        ("right_size_bytes", ctypes.c_int64),
        ("left_row_count", ctypes.c_int64),
        ("right_row_count", ctypes.c_int64),
        ("guide_broadcast_max_rows", ctypes.c_int64),
        ("broadcast_threshold_bytes", ctypes.c_int64),
        ("shuffle_partitions_count", ctypes.c_int64),
        ("shuffle_hash_factor", ctypes.c_double),
        ("spark_version_major", ctypes.c_int32),
        ("spark_version_minor", ctypes.c_int32),
        ("execution_memory_per_task_bytes", ctypes.c_int64),
    ]


# ---- cache

@mirror("ecap_storage_level_flags")
class StorageLevelFlagsStruct(ctypes.Structure):
    """struct ecap_storage_level_flags: a storage level's flags in one API."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("use_disk", ctypes.c_int32),
        ("use_memory", ctypes.c_int32),
        ("use_off_heap", ctypes.c_int32),
        ("deserialized", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("replication_count", ctypes.c_int64),
        ("name", ctypes.c_char * 32),
    ]


@mirror("ecap_cache_in")
class CacheInStruct(ctypes.Structure):
    """struct ecap_cache_in: input of ecap_cache_advise."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("deserialized_size_bytes", ctypes.c_uint64),
        ("serialized_size_bytes", ctypes.c_uint64),
        ("deserialized_size_factor", ctypes.c_double),
        ("partition_count", ctypes.c_int64),
        ("reuse_count", ctypes.c_int64),
        ("storage_memory_bytes", ctypes.c_uint64),
        ("executor_count", ctypes.c_int64),
        ("executor_heap_bytes", ctypes.c_uint64),
        ("api", ctypes.c_int32),
        ("replicated", ctypes.c_int32),
        ("storage_format_size_bytes", ctypes.c_uint64),
        ("columnar_size_bytes", ctypes.c_uint64),
        ("computed_with_shuffle", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("unified_memory_bytes", ctypes.c_uint64),
        ("local_disk_bytes", ctypes.c_uint64),
    ]


@mirror("ecap_cache_out")
class CacheOutStruct(ctypes.Structure):
    """struct ecap_cache_out: output of ecap_cache_advise."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("model", ctypes.c_int32),
        ("reason", ctypes.c_int32),
        ("level", ctypes.c_int32),
        ("level_exists_in_api", ctypes.c_int32),
        ("level_name", ctypes.c_char * 32),
        ("use_disk", ctypes.c_int32),
        ("use_memory", ctypes.c_int32),
        ("use_off_heap", ctypes.c_int32),
        ("deserialized", ctypes.c_int32),
        ("replication_count", ctypes.c_int64),
        ("stored_size_bytes", ctypes.c_uint64),
        ("storage_memory_bytes", ctypes.c_uint64),
        ("partitions_in_memory_count", ctypes.c_int64),
        ("memory_share_ratio", ctypes.c_double),
        ("cache_format", ctypes.c_int32),
        ("alternative", ctypes.c_int32),
        ("cached_size_bytes", ctypes.c_uint64),
        ("partition_count", ctypes.c_int64),
        ("reuse_count", ctypes.c_int64),
        ("min_reuse_count", ctypes.c_int64),
        ("guide_partition_threshold_count", ctypes.c_int64),
        ("min_memory_share_ratio", ctypes.c_double),
        ("columnar_size_factor", ctypes.c_double),
        ("storage_format_size_bytes", ctypes.c_uint64),
        ("unified_memory_bytes", ctypes.c_uint64),
        ("partitions_safe_count", ctypes.c_int64),
        ("disk_bytes", ctypes.c_uint64),
        ("local_disk_bytes", ctypes.c_uint64),
    ]


# ---- executor

@mirror("ecap_spark_memory_regions")
class SparkMemoryRegionsStruct(ctypes.Structure):
    """struct ecap_spark_memory_regions: Spark's memory regions of one executor heap."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("heap_bytes", ctypes.c_uint64),
        ("reserved_bytes", ctypes.c_uint64),
        ("usable_bytes", ctypes.c_uint64),
        ("unified_bytes", ctypes.c_uint64),
        ("storage_bytes", ctypes.c_uint64),
        ("execution_bytes", ctypes.c_uint64),
        ("user_bytes", ctypes.c_uint64),
        ("memory_fraction_ratio", ctypes.c_double),
        ("storage_fraction_ratio", ctypes.c_double),
    ]


@mirror("ecap_executor_in")
class ExecutorInStruct(ctypes.Structure):
    """struct ecap_executor_in: input of ecap_executor_advise."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("daily_data_gb", ctypes.c_double),
        ("processing_window_hours", ctypes.c_double),
        ("platform", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("overhead_factor", ctypes.c_double),
        ("max_executor_count", ctypes.c_int64),
        ("executor_core_count", ctypes.c_int64),
        ("node_type", ctypes.c_char * 64),
        ("node_vcpu_count", ctypes.c_int64),
        ("node_memory_gb", ctypes.c_double),
        ("node_yarn_memory_gb", ctypes.c_double),
        ("node_price_usd_per_hour", ctypes.c_double),
        ("node_max_pod_count", ctypes.c_int64),
        ("runs_per_day_count", ctypes.c_int64),
        ("partition_size_mb", ctypes.c_double),
    ]


@mirror("ecap_executor_out")
class ExecutorOutStruct(ctypes.Structure):
    """struct ecap_executor_out: output of ecap_executor_advise."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("model", ctypes.c_int32),
        ("reason", ctypes.c_int32),
        ("node_reason", ctypes.c_int32),
        ("platform", ctypes.c_int32),
        ("executor_count", ctypes.c_int64),
        ("executor_core_count", ctypes.c_int64),
        ("executor_request_vcpu", ctypes.c_double),
        ("executor_heap_gb", ctypes.c_double),
        ("executor_heap_bytes", ctypes.c_uint64),
        ("overhead_factor", ctypes.c_double),
        ("executor_overhead_bytes", ctypes.c_uint64),
        ("executor_container_bytes", ctypes.c_uint64),
        ("memory_reserved_bytes", ctypes.c_uint64),
        ("memory_unified_bytes", ctypes.c_uint64),
        ("memory_storage_bytes", ctypes.c_uint64),
        ("memory_execution_bytes", ctypes.c_uint64),
        ("memory_user_bytes", ctypes.c_uint64),
        ("memory_fraction_ratio", ctypes.c_double),
        ("memory_storage_fraction_ratio", ctypes.c_double),
        ("required_memory_gb", ctypes.c_double),
        ("total_memory_gb", ctypes.c_double),
        ("memory_shortfall_gb", ctypes.c_double),
        ("total_container_gb", ctypes.c_double),
        ("task_memory_need_bytes", ctypes.c_uint64),
        ("task_memory_bytes", ctypes.c_uint64),
        ("node_type", ctypes.c_char * 64),
        ("runner_up_node_type", ctypes.c_char * 64),
        ("node_count", ctypes.c_int64),
        ("executors_per_node_count", ctypes.c_int64),
        ("node_vcpu_count", ctypes.c_int64),
        ("node_memory_gb", ctypes.c_double),
        ("node_usable_vcpu", ctypes.c_double),
        ("node_usable_memory_gb", ctypes.c_double),
        ("node_allocatable_vcpu", ctypes.c_double),
        ("node_allocatable_memory_gb", ctypes.c_double),
        ("node_idle_vcpu", ctypes.c_double),
        ("needed_core_count", ctypes.c_int64),
        ("total_core_count", ctypes.c_int64),
        ("dynamic_min_executor_count", ctypes.c_int64),
        ("dynamic_initial_executor_count", ctypes.c_int64),
        ("dynamic_max_executor_count", ctypes.c_int64),
        ("runs_per_day_count", ctypes.c_int64),
        ("run_data_gb", ctypes.c_double),
        ("processing_window_hours", ctypes.c_double),
        ("target_hours", ctypes.c_double),
        ("projected_hours", ctypes.c_double),
        ("window_miss_hours", ctypes.c_double),
        ("cost_usd_per_hour", ctypes.c_double),
        ("window_cost_usd", ctypes.c_double),
        ("projected_cost_usd", ctypes.c_double),
        ("cost_usd_per_month", ctypes.c_double),
        ("runner_up_cost_usd", ctypes.c_double),
        ("capped_by_max_executors", ctypes.c_int32),
        ("policy_cap_exceeded_flag", ctypes.c_int32),
        ("window_met", ctypes.c_int32),
        ("spill_risk_flag", ctypes.c_int32),
        ("heap_limited_flag", ctypes.c_int32),
        ("emr_primary_node_type", ctypes.c_char * 64),
        ("emr_primary_usd_per_hour", ctypes.c_double),
        ("emr_primary_large_after_node_count", ctypes.c_int64),
    ]


# ---- database

@mirror("ecap_database_in")
class DatabaseInStruct(ctypes.Structure):
    """struct ecap_database_in: input of ecap_database_advise."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("transactions_per_day", ctypes.c_double),
        ("retention_days", ctypes.c_int64),
        ("workload", ctypes.c_int32),
        ("storage_type", ctypes.c_int32),
        ("max_connections_count", ctypes.c_int64),
        ("postgres_version", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("app_instance_count", ctypes.c_int64),
        ("peak_transactions_per_day", ctypes.c_double),
    ]


@mirror("ecap_database_shape_in")
class DatabaseShapeInStruct(ctypes.Structure):
    """struct ecap_database_shape_in: input of ecap_database_advise_shape."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("memory_gb", ctypes.c_double),
        ("vcpu_count", ctypes.c_int64),
        ("workload", ctypes.c_int32),
        ("storage_type", ctypes.c_int32),
        ("max_connections_count", ctypes.c_int64),
        ("postgres_version", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("app_instance_count", ctypes.c_int64),
    ]


@mirror("ecap_database_out")
class DatabaseOutStruct(ctypes.Structure):
    """struct ecap_database_out: output of the database advisors."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("model", ctypes.c_int32),
        ("reason", ctypes.c_int32),
        ("flags", ctypes.c_uint32),
        ("workload", ctypes.c_int32),
        ("storage_type", ctypes.c_int32),
        ("postgres_version", ctypes.c_int32),
        ("daily_storage_gb", ctypes.c_double),
        ("data_storage_gb", ctypes.c_double),
        ("working_set_gb", ctypes.c_double),
        ("memory_required_gb", ctypes.c_double),
        ("peak_transactions_per_second", ctypes.c_double),
        ("vcpu_required_count", ctypes.c_int64),
        ("instance_class", ctypes.c_char * 64),
        ("instance_memory_gb", ctypes.c_double),
        ("instance_vcpus", ctypes.c_int32),
        ("fits_flag", ctypes.c_int32),
        ("multi_az_flag", ctypes.c_int32),
        ("read_replica_count", ctypes.c_int32),
        ("price_usd_per_hour", ctypes.c_double),
        ("instance_cost_usd_per_month", ctypes.c_double),
        ("replica_cost_usd_per_month", ctypes.c_double),
        ("storage_gb", ctypes.c_double),
        ("storage_limit_gb", ctypes.c_double),
        ("storage_cost_usd_per_month", ctypes.c_double),
        ("iops_required_count", ctypes.c_int64),
        ("iops_baseline_count", ctypes.c_int64),
        ("iops_provisioned_count", ctypes.c_int64),
        ("iops_cost_usd_per_month", ctypes.c_double),
        ("cost_usd_per_month", ctypes.c_double),
        ("max_connections_count", ctypes.c_int64),
        ("shared_buffers_kb", ctypes.c_int64),
        ("effective_cache_size_kb", ctypes.c_int64),
        ("maintenance_work_mem_kb", ctypes.c_int64),
        ("checkpoint_completion_target_ratio", ctypes.c_double),
        ("wal_buffers_kb", ctypes.c_int64),
        ("min_wal_size_mb", ctypes.c_int64),
        ("max_wal_size_mb", ctypes.c_int64),
        ("random_page_cost", ctypes.c_double),
        ("effective_io_concurrency_count", ctypes.c_int64),
        ("default_statistics_target_count", ctypes.c_int64),
        ("work_mem_kb", ctypes.c_int64),
        ("max_worker_processes_count", ctypes.c_int64),
        ("max_parallel_workers_per_gather_count", ctypes.c_int64),
        ("max_parallel_workers_count", ctypes.c_int64),
        ("max_parallel_maintenance_workers_count", ctypes.c_int64),
        ("autovacuum_max_workers_count", ctypes.c_int64),
        ("autovacuum_work_mem_kb", ctypes.c_int64),
        ("huge_pages", ctypes.c_char * 8),
        ("jit", ctypes.c_char * 8),
        ("wal_compression", ctypes.c_char * 8),
        ("wal_level", ctypes.c_char * 16),
        ("pool_size_count", ctypes.c_int64),
        ("pool_max_overflow_count", ctypes.c_int64),
        ("pool_timeout_seconds", ctypes.c_int64),
        ("pool_recycle_seconds", ctypes.c_int64),
        ("pool_pre_ping_flag", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("app_instance_count", ctypes.c_int64),
        ("pool_connections_max_count", ctypes.c_int64),
        ("connections_available_count", ctypes.c_int64),
    ]


@mirror("ecap_database_rds_parameter")
class DatabaseRdsParameterStruct(ctypes.Structure):
    """struct ecap_database_rds_parameter: one parameter of an RDS DB
    parameter group (array element; stride = first element's sz)."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("name", ctypes.c_char * 64),
        ("value", ctypes.c_char * 96),
        ("evaluated", ctypes.c_char * 32),
        ("unit", ctypes.c_char * 16),
    ]


# ---- kafka

@mirror("ecap_kafka_in")
class KafkaInStruct(ctypes.Structure):
    """struct ecap_kafka_in: input of ecap_kafka_advise."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("events_per_second", ctypes.c_double),
        ("peak_events_per_second", ctypes.c_double),
        ("peak_factor", ctypes.c_double),
        ("event_size_kb", ctypes.c_double),
        ("replication_factor", ctypes.c_int64),
        ("retention_hours", ctypes.c_double),
        ("ingress_mb_per_second", ctypes.c_double),
        ("peak_ingress_mb_per_second", ctypes.c_double),
        ("partition_produce_mb_per_second", ctypes.c_double),
        ("partition_consume_mb_per_second", ctypes.c_double),
        ("consumer_count", ctypes.c_int64),
        ("broker_disk_gb", ctypes.c_double),
        ("broker_throughput_mb_per_second", ctypes.c_double),
        ("max_partition_replicas_per_broker", ctypes.c_int64),
        ("instance_type", ctypes.c_char * 64),
    ]


@mirror("ecap_kafka_out")
class KafkaOutStruct(ctypes.Structure):
    """struct ecap_kafka_out: output of ecap_kafka_advise."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("model", ctypes.c_int32),
        ("reason", ctypes.c_int32),
        ("peak_events_per_second", ctypes.c_double),
        ("ingress_mb_per_second", ctypes.c_double),
        ("peak_ingress_mb_per_second", ctypes.c_double),
        ("daily_storage_gb", ctypes.c_double),
        ("data_storage_gb", ctypes.c_double),
        ("segment_allowance_gb", ctypes.c_double),
        ("total_storage_gb", ctypes.c_double),
        ("partitions_count", ctypes.c_int64),
        ("partitions_by_throughput_count", ctypes.c_int64),
        ("brokers_count", ctypes.c_int64),
        ("brokers_by_storage_count", ctypes.c_int64),
        ("brokers_by_throughput_count", ctypes.c_int64),
        ("brokers_by_partition_replicas_count", ctypes.c_int64),
        ("brokers_minimum_count", ctypes.c_int64),
        ("availability_zone_count", ctypes.c_int64),
        ("broker_quota_count", ctypes.c_int64),
        ("max_partition_replicas_per_broker", ctypes.c_int64),
        ("broker_throughput_mb_per_second", ctypes.c_double),
        ("broker_disk_gb", ctypes.c_double),
        ("storage_per_broker_gb", ctypes.c_double),
        ("broker_price_usd_per_hour", ctypes.c_double),
        ("broker_cost_usd_per_month", ctypes.c_double),
        ("storage_cost_usd_per_month", ctypes.c_double),
        ("cost_usd_per_month", ctypes.c_double),
        ("replication_factor_count", ctypes.c_int64),
        ("min_insync_replicas_count", ctypes.c_int64),
        ("broker_quota_exceeded_flag", ctypes.c_int32),
        ("compression_flag", ctypes.c_int32),
        ("tiered_storage_flag", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("acks", ctypes.c_char * 8),
        ("instance_type", ctypes.c_char * 64),
        ("price_date", ctypes.c_char * 16),
    ]


# ---- projection

@mirror("ecap_projection_in")
class ProjectionInStruct(ctypes.Structure):
    """struct ecap_projection_in: input of ecap_projection_run."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("current_daily_transactions", ctypes.c_double),
        ("years", ctypes.c_int64),
        ("scenario", ctypes.c_char * 64),
    ]


@mirror("ecap_projection_year")
class ProjectionYearStruct(ctypes.Structure):
    """struct ecap_projection_year: one projected year (array element; stride = first element's sz)."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("model", ctypes.c_int32),
        ("year", ctypes.c_int32),
        ("base_daily_transactions", ctypes.c_double),
        ("peak_daily_transactions", ctypes.c_double),
        ("growth_multiple_ratio", ctypes.c_double),
        ("spark_daily_data_gb", ctypes.c_double),
        ("spark_node_type", ctypes.c_char * 64),
        ("spark_node_count", ctypes.c_int64),
        ("spark_executors_count", ctypes.c_int64),
        ("spark_executor_memory_gb", ctypes.c_double),
        ("spark_total_memory_gb", ctypes.c_double),
        ("spark_projected_hours", ctypes.c_double),
        ("spark_window_hours", ctypes.c_double),
        ("spark_window_miss_hours", ctypes.c_double),
        ("spark_cost_usd_per_hour", ctypes.c_double),
        ("spark_cost_usd_per_month", ctypes.c_double),
        ("database_instance_class", ctypes.c_char * 64),
        ("database_instances_count", ctypes.c_int64),
        ("database_memory_required_gb", ctypes.c_double),
        ("database_storage_gb", ctypes.c_double),
        ("database_reason", ctypes.c_int32),
        ("database_fits_flag", ctypes.c_int32),
        ("database_vcpu_required_count", ctypes.c_double),
        ("database_iops_required_count", ctypes.c_double),
        ("database_instance_cost_usd_per_month", ctypes.c_double),
        ("database_replica_cost_usd_per_month", ctypes.c_double),
        ("database_storage_cost_usd_per_month", ctypes.c_double),
        ("database_iops_cost_usd_per_month", ctypes.c_double),
        ("database_cost_usd_per_month", ctypes.c_double),
        ("kafka_events_per_second", ctypes.c_double),
        ("kafka_peak_events_per_second", ctypes.c_double),
        ("kafka_broker_type", ctypes.c_char * 64),
        ("kafka_partitions_count", ctypes.c_int64),
        ("kafka_brokers_count", ctypes.c_int64),
        ("kafka_storage_per_broker_gb", ctypes.c_double),
        ("kafka_reason", ctypes.c_int32),
        ("reserved_0", ctypes.c_int32),
        ("kafka_broker_cost_usd_per_month", ctypes.c_double),
        ("kafka_storage_cost_usd_per_month", ctypes.c_double),
        ("kafka_cost_usd_per_month", ctypes.c_double),
        ("total_cost_usd_per_month", ctypes.c_double),
        ("spark_window_missed_flag", ctypes.c_int32),
        ("spark_executor_cap_exceeded_flag", ctypes.c_int32),
        ("database_beyond_one_instance_flag", ctypes.c_int32),
        ("kafka_quota_exceeded_flag", ctypes.c_int32),
        ("review_architecture_flag", ctypes.c_int32),
        ("reserved_1", ctypes.c_int32),
        ("currency", ctypes.c_char * 8),
        ("price_date", ctypes.c_char * 16),
    ]


@mirror("ecap_projection_montecarlo_in")
class MonteCarloInStruct(ctypes.Structure):
    """struct ecap_projection_montecarlo_in: input of ecap_projection_montecarlo."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("current_daily_transactions", ctypes.c_double),
        ("years", ctypes.c_int64),
        ("scenario", ctypes.c_char * 64),
        ("seed", ctypes.c_uint64),
        ("paths_count", ctypes.c_int64),
    ]


class BandStruct(ctypes.Structure):
    """struct ecap_projection_band: mean and nearest-rank percentiles of one
    quantity over the Monte Carlo paths (nested; no sz of its own)."""

    _fields_ = [
        ("mean", ctypes.c_double),
        ("p10", ctypes.c_double),
        ("p50", ctypes.c_double),
        ("p90", ctypes.c_double),
        ("p99", ctypes.c_double),
    ]


@mirror("ecap_projection_montecarlo_year")
class MonteCarloYearStruct(ctypes.Structure):
    """struct ecap_projection_montecarlo_year: Monte Carlo bands of one year (array element)."""

    #: the fields that are struct ecap_projection_band
    BANDS = ("base_daily_transactions",
             "peak_daily_transactions",
             "spark_node_count",
             "spark_executors_count",
             "spark_projected_hours",
             "database_instances_count",
             "database_memory_required_gb",
             "database_storage_gb",
             "kafka_brokers_count",
             "kafka_storage_per_broker_gb",
             "spark_cost_usd_per_month",
             "database_cost_usd_per_month",
             "kafka_cost_usd_per_month",
             "total_cost_usd_per_month",)

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("model", ctypes.c_int32),
        ("year", ctypes.c_int32),
        ("base_daily_transactions", BandStruct),
        ("peak_daily_transactions", BandStruct),
        ("spark_node_count", BandStruct),
        ("spark_executors_count", BandStruct),
        ("spark_projected_hours", BandStruct),
        ("database_instances_count", BandStruct),
        ("database_memory_required_gb", BandStruct),
        ("database_storage_gb", BandStruct),
        ("kafka_brokers_count", BandStruct),
        ("kafka_storage_per_broker_gb", BandStruct),
        ("spark_cost_usd_per_month", BandStruct),
        ("database_cost_usd_per_month", BandStruct),
        ("kafka_cost_usd_per_month", BandStruct),
        ("total_cost_usd_per_month", BandStruct),
        ("spark_window_missed_share_ratio", ctypes.c_double),
        ("spark_executor_cap_exceeded_share_ratio", ctypes.c_double),
        ("database_beyond_one_instance_share_ratio", ctypes.c_double),
        ("kafka_quota_exceeded_share_ratio", ctypes.c_double),
        ("review_architecture_share_ratio", ctypes.c_double),
    ]
