# SPDX-License-Identifier: MIT
"""Growth projection (the guide's project_capacity_needs): per year the
base and peak daily transactions of a scenario, every family's sizing
(ecap-1: the base volume for kept data, the peak for compute), each cost
part and the flags (ecap_projection_run); a seeded Monte Carlo version
with the mean and P10/P50/P90/P99 of every sizing and cost part
(ecap_projection_montecarlo); and both as JSON text from the library.  See
ecap_projection_run(3).
"""

from __future__ import annotations

import ctypes
import dataclasses
from typing import Any, List, Sequence, Union

from . import _lib
from . import _structs as S
from ._convert import (Record, call_with_array, enum_value, explain_record,
                       from_struct, json_from_array, to_struct)
from ._lean import lean_array_advisor
from .database import DatabaseReason
from .enums import Model
from .executor import SparkPlatform
from .kafka import KafkaReason
from .policy import Policy

__all__ = ["ProjectionYear", "ProjectionBand", "MonteCarloYear", "PROJECTION_MAX_YEARS",
           "projection_run", "projection_to_json", "projection_montecarlo",
           "projection_montecarlo_to_json"]

#: ECAP_PROJECTION_MAX_YEARS: the most years one projection covers.
PROJECTION_MAX_YEARS: int = 50


@dataclasses.dataclass(frozen=True)
class ProjectionYear(Record):
    """struct ecap_projection_year: one projected year.

    ecap-1 keeps data for the base volume (database storage and working
    set, Kafka retention) and computes for the seasonal peak (Spark nodes
    and hours, database vCPUs and IOPS, Kafka throughput); the guide sizes
    everything for the peak.

    model; year: 1 .. years.
    base_daily_transactions, peak_daily_transactions: transactions a day
        (guide: int() of each, as the guide reports them);
        growth_multiple_ratio: base / today's.
    spark_daily_data_gb: GB a day, ecap-1 today's data x peak / current
        (without it, and the guide: peak / growth.transactions_per_gb);
        spark_node_type ("" without one), spark_node_count,
        spark_executors_count, spark_executor_memory_gb,
        spark_total_memory_gb (GB), spark_projected_hours,
        spark_window_hours, spark_window_miss_hours (0 when met),
        spark_cost_usd_per_hour (the peak day's nodes, USD),
        spark_cost_usd_per_month (USD; ecap-1: a month of base days, the
        executor advice for the base day's data; guide: the peak's
        window every day), spark_peak_cost_usd_per_month (a month of
        peak days, the sizing above).
    database_instance_class, database_instances_count (primary and
        replicas), database_memory_required_gb, database_storage_gb (GB),
        database_reason, database_fits_flag (bool),
        database_vcpu_required_count, database_iops_required_count,
        database_instance/replica/storage/iops_cost_usd_per_month and their
        sum database_cost_usd_per_month (USD).
    kafka_events_per_second (average), kafka_peak_events_per_second,
        kafka_broker_type, kafka_partitions_count, kafka_brokers_count,
        kafka_storage_per_broker_gb (GB), kafka_reason,
        kafka_broker_cost_usd_per_month, kafka_storage_cost_usd_per_month,
        kafka_cost_usd_per_month (USD).
    total_cost_usd_per_month: Spark + database + Kafka, USD a month.
    spark_window_missed_flag, spark_executors_over_policy_flag (over the
        policy's executor.max_executors, a soft budget),
        spark_executors_capped_flag (spark_max_executor_count held the
        count), database_beyond_one_instance_flag, kafka_quota_exceeded_flag,
        review_architecture_flag (bool): the year's warnings.
    currency ("USD"), price_date: the latest catalog price date priced.
    """

    _enums = {"model": Model, "database_reason": DatabaseReason,
              "kafka_reason": KafkaReason}
    _bools = frozenset({"database_fits_flag", "spark_window_missed_flag",
                        "spark_executors_over_policy_flag",
                        "spark_executors_capped_flag",
                        "database_beyond_one_instance_flag",
                        "kafka_quota_exceeded_flag",
                        "review_architecture_flag"})

    model: Model
    year: int
    base_daily_transactions: float
    peak_daily_transactions: float
    growth_multiple_ratio: float
    spark_daily_data_gb: float
    spark_node_type: str
    spark_node_count: int
    spark_executors_count: int
    spark_executor_memory_gb: float
    spark_total_memory_gb: float
    spark_projected_hours: float
    spark_window_hours: float
    spark_window_miss_hours: float
    spark_cost_usd_per_hour: float
    spark_cost_usd_per_month: float
    database_instance_class: str
    database_instances_count: int
    database_memory_required_gb: float
    database_storage_gb: float
    database_reason: DatabaseReason
    database_fits_flag: bool
    database_vcpu_required_count: float
    database_iops_required_count: float
    database_instance_cost_usd_per_month: float
    database_replica_cost_usd_per_month: float
    database_storage_cost_usd_per_month: float
    database_iops_cost_usd_per_month: float
    database_cost_usd_per_month: float
    kafka_events_per_second: float
    kafka_peak_events_per_second: float
    kafka_broker_type: str
    kafka_partitions_count: int
    kafka_brokers_count: int
    kafka_storage_per_broker_gb: float
    kafka_reason: KafkaReason
    kafka_broker_cost_usd_per_month: float
    kafka_storage_cost_usd_per_month: float
    kafka_cost_usd_per_month: float
    total_cost_usd_per_month: float
    spark_window_missed_flag: bool
    spark_executors_over_policy_flag: bool
    database_beyond_one_instance_flag: bool
    kafka_quota_exceeded_flag: bool
    review_architecture_flag: bool
    spark_executors_capped_flag: bool
    currency: str
    price_date: str
    spark_peak_cost_usd_per_month: float

    @property
    def reason_text(self) -> str:
        """One sentence summing up the year, rendered by the library when
        read (ecap_projection_year_explain)."""
        return explain_record("ecap_projection_year_explain",
                       S.ProjectionYearStruct, self)


@dataclasses.dataclass(frozen=True)
class ProjectionBand(Record):
    """struct ecap_projection_band: the mean and the nearest-rank P10, P50,
    P90 and P99 of one quantity over the Monte Carlo paths (each
    percentile is one path's value)."""

    mean: float
    p10: float
    p50: float
    p90: float
    p99: float


@dataclasses.dataclass(frozen=True)
class MonteCarloYear(Record):
    """struct ecap_projection_montecarlo_year: one year over all paths.

    Bands (ProjectionBand) of base_daily_transactions, peak_daily_transactions,
    spark_node_count, spark_executors_count, spark_projected_hours,
    database_instances_count, database_memory_required_gb,
    database_storage_gb, kafka_brokers_count, kafka_storage_per_broker_gb
    and of each cost part, spark/database/kafka_cost_usd_per_month, and
    total_cost_usd_per_month (USD a month), spark_peak_cost_usd_per_month;
    and the share of paths (0 .. 1) with each flag:
    spark_window_missed_share_ratio,
    spark_executors_over_policy_share_ratio,
    spark_executors_capped_share_ratio,
    database_beyond_one_instance_share_ratio,
    kafka_quota_exceeded_share_ratio, review_architecture_share_ratio.
    """

    _enums = {"model": Model}

    model: Model
    year: int
    base_daily_transactions: ProjectionBand
    peak_daily_transactions: ProjectionBand
    spark_node_count: ProjectionBand
    spark_executors_count: ProjectionBand
    spark_projected_hours: ProjectionBand
    database_instances_count: ProjectionBand
    database_memory_required_gb: ProjectionBand
    database_storage_gb: ProjectionBand
    kafka_brokers_count: ProjectionBand
    kafka_storage_per_broker_gb: ProjectionBand
    spark_cost_usd_per_month: ProjectionBand
    database_cost_usd_per_month: ProjectionBand
    kafka_cost_usd_per_month: ProjectionBand
    total_cost_usd_per_month: ProjectionBand
    spark_window_missed_share_ratio: float
    spark_executors_over_policy_share_ratio: float
    database_beyond_one_instance_share_ratio: float
    kafka_quota_exceeded_share_ratio: float
    review_architecture_share_ratio: float
    spark_executors_capped_share_ratio: float
    spark_peak_cost_usd_per_month: ProjectionBand


_BAND_FIELDS = ("mean", "p10", "p50", "p90", "p99")


def _montecarlo_year(s: S.MonteCarloYearStruct) -> MonteCarloYear:
    bands = {name: ProjectionBand(*(getattr(getattr(s, name), f) for f in _BAND_FIELDS))
             for name in S.MonteCarloYearStruct.BANDS}
    return from_struct(s, MonteCarloYear, **bands)


def _montecarlo_struct(y: MonteCarloYear) -> S.MonteCarloYearStruct:
    # field by field: the generic builder packs flat structs only
    s = S.new_struct(S.MonteCarloYearStruct)
    for f in dataclasses.fields(y):
        v = getattr(y, f.name)
        if f.name in S.MonteCarloYearStruct.BANDS:
            v = S.BandStruct(*(getattr(v, b) for b in _BAND_FIELDS))
        elif f.name in ("model", "year"):
            v = int(v)
        setattr(s, f.name, v)
    return s


def projection_run(policy: Policy, *, current_daily_transactions: float,
                   years: int, scenario: str = "",
                   spark_daily_data_gb: float = 0.0,
                   spark_processing_window_hours: float = 0.0,
                   spark_platform: Union[SparkPlatform, int, str] = 0,
                   spark_executor_core_count: int = 0,
                   spark_max_executor_count: int = 0,
                   spark_runs_per_day_count: int = 0,
                   spark_node_type: str = "",
                   kafka_events_per_second: float = 0.0,
                   kafka_retention_hours: float = 0.0,
                   kafka_broker_type: str = "",
                   database_retention_days: int = 0,
                   database_app_instance_count: int = 0
                   ) -> List[ProjectionYear]:
    """Projects ``years`` years of growth (ecap_projection_run).

    current_daily_transactions: today's transactions a day, > 0 .. 1e12.
    years: 1 .. 50.
    scenario: a growth scenario's name; "" = policy
        growth.default_scenario.  NotFoundError for an unknown one.
    Today's workload (ecap-1; the guide ignores it), grown each year as the
    transactions are; 0 / "" = the fallback:
    spark_daily_data_gb: today's Spark data a day, GB; 0 = the peak's
        transactions / growth.transactions_per_gb.
    spark_processing_window_hours, spark_platform (SparkPlatform or its
        name), spark_executor_core_count, spark_max_executor_count,
        spark_runs_per_day_count, spark_node_type: as advise_executors's
        processing_window_hours, platform, ... node_type.
    kafka_events_per_second: today's average events a second; 0 = the
        transactions / 86400.
    kafka_retention_hours, kafka_broker_type: as advise_kafka's
        retention_hours and instance_type.
    database_retention_days, database_app_instance_count: as
        advise_database's retention_days and app_instance_count (0 = policy
        database.retention_days and database.app_instance_count).
    Returns one ProjectionYear per year.
    """
    return _run(policy, current_daily_transactions, years, scenario,
                spark_daily_data_gb, spark_processing_window_hours,
                _platform(spark_platform), spark_executor_core_count,
                spark_max_executor_count, spark_runs_per_day_count,
                spark_node_type, kafka_events_per_second,
                kafka_retention_hours, kafka_broker_type,
                database_retention_days, database_app_instance_count)


def _platform(value: Union[SparkPlatform, int, str]) -> int:
    return enum_value(value, SparkPlatform, "ecap_spark_platform_from_string")


#: the keyword arguments of today's workload, in the input's order
_TODAY = ("spark_daily_data_gb", "spark_processing_window_hours",
          "spark_platform", "spark_executor_core_count",
          "spark_max_executor_count", "spark_runs_per_day_count",
          "spark_node_type", "kafka_events_per_second",
          "kafka_retention_hours", "kafka_broker_type",
          "database_retention_days", "database_app_instance_count")


def _capacity(years: int) -> int:
    """The array a projection of ``years`` years needs (the library
    rejects a count out of range; the array then has one element)."""
    return max(1, min(int(years), PROJECTION_MAX_YEARS))


_run = lean_array_advisor(
    "ecap_projection_run", S.ProjectionInStruct,
    ("current_daily_transactions", "years", "scenario") + _TODAY,
    S.ProjectionYearStruct, ProjectionYear, "years", _capacity)


def projection_to_json(years: Sequence[ProjectionYear]) -> str:
    """The years as JSON text, rendered by the library
    (ecap_projection_to_json); RangeError for an empty list."""
    return json_from_array("ecap_projection_to_json", S.ProjectionYearStruct,
                           years)


def projection_montecarlo(policy: Policy, *, current_daily_transactions: float,
                          years: int, scenario: str = "", seed: int = 0,
                          paths_count: int = 0,
                          **today: Any) -> List[MonteCarloYear]:
    """Monte Carlo projection (ecap_projection_montecarlo): the scenario's
    growth and seasonal peak drawn per path with its standard deviations.

    current_daily_transactions, years, scenario: as in projection_run.
    seed: generator seed, 0 .. 2^64-1 (SplitMix64 seeding xoshiro256**);
        the same seed gives the same numbers as the C library.
    paths_count: paths; 0 = policy growth.montecarlo_paths; 0 .. 1e6.
    today: today's workload, the keyword arguments of projection_run
        (spark_daily_data_gb, ..., database_app_instance_count).
    """
    unknown = sorted(set(today) - set(_TODAY))
    if unknown:
        raise TypeError(f"projection_montecarlo: unknown argument(s) "
                        f"{', '.join(unknown)}; today's workload is "
                        f"{', '.join(_TODAY)}")
    if "spark_platform" in today:
        today["spark_platform"] = _platform(today["spark_platform"])
    inp = to_struct(S.MonteCarloInStruct, dict(
        current_daily_transactions=current_daily_transactions, years=years,
        scenario=scenario, seed=seed, paths_count=paths_count, **today))
    with policy._lock:
        rows = call_with_array("ecap_projection_montecarlo",
                               S.MonteCarloYearStruct, policy._h(),
                               ctypes.byref(inp),
                               capacity=max(1, min(int(years), PROJECTION_MAX_YEARS)))
    return [_montecarlo_year(r) for r in rows]


def projection_montecarlo_to_json(years: Sequence[MonteCarloYear]) -> str:
    """The Monte Carlo years as JSON text, rendered by the library
    (ecap_projection_montecarlo_to_json)."""
    arr = (S.MonteCarloYearStruct * max(len(years), 1))()
    for i, y in enumerate(years):
        arr[i] = _montecarlo_struct(y)
    out = ctypes.c_void_p()
    _lib.check("ecap_projection_montecarlo_to_json", arr, len(years),
               ctypes.byref(out))
    try:
        return ctypes.string_at(out.value or 0).decode("utf-8")
    finally:
        _lib.lib.ecap_free(out)
