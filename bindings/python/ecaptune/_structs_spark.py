# SPDX-License-Identifier: MIT
"""ctypes mirrors of the Spark-side families' structs (partition, join,
cache, executor): include/ecaptune/{partition,join,cache,executor}.h.
Re-exported by _structs; see there."""

from __future__ import annotations

import ctypes

from ._mirror import mirror

__all__ = [
    "PartitionInStruct",
    "PartitionOutStruct",
    "PartitionScanInStruct",
    "PartitionScanOutStruct",
    "PartitionAqeInStruct",
    "PartitionAqeOutStruct",
    "JoinInStruct",
    "JoinOutStruct",
    "StorageLevelFlagsStruct",
    "CacheInStruct",
    "CacheOutStruct",
    "SparkMemoryRegionsStruct",
    "ExecutorInStruct",
    "ExecutorOutStruct",
]


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
        ("node_ebs_gb", ctypes.c_double),
        ("node_ebs_volume_count", ctypes.c_int64),
        ("node_ebs_throughput_mib_per_second", ctypes.c_double),
        ("node_ebs_throughput_bound_flag", ctypes.c_int32),
    ]
