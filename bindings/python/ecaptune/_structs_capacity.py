# SPDX-License-Identifier: MIT
"""ctypes mirrors of the capacity-side families' structs (database,
kafka, projection): include/ecaptune/{database,kafka,projection}.h.
Re-exported by _structs; see there."""

from __future__ import annotations

import ctypes
from typing import Any, List, Tuple

from ._mirror import mirror

__all__ = [
    "DatabaseInStruct",
    "DatabaseShapeInStruct",
    "DatabaseOutStruct",
    "DatabaseRdsParameterStruct",
    "KafkaInStruct",
    "KafkaOutStruct",
    "ProjectionInStruct",
    "ProjectionYearStruct",
    "MonteCarloInStruct",
    "BandStruct",
    "MonteCarloYearStruct",
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

#: today's workload, the tail of both projection inputs (ecap-1)
_PROJECTION_TODAY_FIELDS: List[Tuple[str, Any]] = [
    ("spark_daily_data_gb", ctypes.c_double),
    ("spark_processing_window_hours", ctypes.c_double),
    ("spark_platform", ctypes.c_int32),
    ("reserved_0", ctypes.c_int32),
    ("spark_executor_core_count", ctypes.c_int64),
    ("spark_max_executor_count", ctypes.c_int64),
    ("spark_runs_per_day_count", ctypes.c_int64),
    ("spark_node_type", ctypes.c_char * 64),
    ("kafka_events_per_second", ctypes.c_double),
    ("kafka_retention_hours", ctypes.c_double),
    ("kafka_broker_type", ctypes.c_char * 64),
    ("database_retention_days", ctypes.c_int64),
    ("database_app_instance_count", ctypes.c_int64),
]


@mirror("ecap_projection_in")
class ProjectionInStruct(ctypes.Structure):
    """struct ecap_projection_in: input of ecap_projection_run."""

    _fields_ = [
        ("sz", ctypes.c_size_t),
        ("current_daily_transactions", ctypes.c_double),
        ("years", ctypes.c_int64),
        ("scenario", ctypes.c_char * 64),
        *_PROJECTION_TODAY_FIELDS,
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
        ("spark_executors_over_policy_flag", ctypes.c_int32),
        ("database_beyond_one_instance_flag", ctypes.c_int32),
        ("kafka_quota_exceeded_flag", ctypes.c_int32),
        ("review_architecture_flag", ctypes.c_int32),
        ("spark_executors_capped_flag", ctypes.c_int32),
        ("currency", ctypes.c_char * 8),
        ("price_date", ctypes.c_char * 16),
        ("spark_peak_cost_usd_per_month", ctypes.c_double),
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
        *_PROJECTION_TODAY_FIELDS,
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
             "total_cost_usd_per_month",
             "spark_peak_cost_usd_per_month")

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
        ("spark_executors_over_policy_share_ratio", ctypes.c_double),
        ("database_beyond_one_instance_share_ratio", ctypes.c_double),
        ("kafka_quota_exceeded_share_ratio", ctypes.c_double),
        ("review_architecture_share_ratio", ctypes.c_double),
        ("spark_executors_capped_share_ratio", ctypes.c_double),
        ("spark_peak_cost_usd_per_month", BandStruct),
    ]
