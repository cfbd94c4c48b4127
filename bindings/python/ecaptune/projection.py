# SPDX-License-Identifier: MIT
"""Growth projection (the guide's project_capacity_needs): per year the
base and peak daily transactions of a scenario and the Spark, database and
Kafka advice for the peak, with monthly costs (ecap_projection_run), a
seeded Monte Carlo version (ecap_projection_montecarlo), and both as JSON
text from the library.  See ecap_projection_run(3).
"""

from __future__ import annotations

import ctypes
import dataclasses
from typing import List, Sequence

from . import _structs as S
from ._convert import (Record, call_with_array, explain_record, from_struct,
                       json_from_array, to_struct)
from .database import DatabaseReason
from .enums import Model
from .kafka import KafkaReason
from .policy import Policy

__all__ = ["ProjectionYear", "MonteCarloYear", "PROJECTION_MAX_YEARS",
           "projection_run", "projection_to_json", "projection_montecarlo",
           "projection_montecarlo_to_json"]

#: ECAP_PROJECTION_MAX_YEARS: the most years one projection covers.
PROJECTION_MAX_YEARS: int = 50


@dataclasses.dataclass(frozen=True)
class ProjectionYear(Record):
    """struct ecap_projection_year: one projected year.

    model; year: 1 .. years.
    base_daily_transactions, peak_daily_transactions: transactions a day
        (guide: int() of each, as the guide reports them).
    spark_daily_data_gb: peak / growth.transactions_per_gb, GB a day;
        spark_executors_count, spark_executor_memory_gb (GB),
        spark_cost_usd_per_hour, spark_cost_usd_per_month (USD; the daily
        processing window every day).
    database_instance_class, database_memory_required_gb (GB),
        database_storage_gb (GB), database_reason, database_fits_flag
        (bool), database_instances_count, database_cost_usd_per_month (USD).
    kafka_events_per_second, kafka_peak_events_per_second (events/s),
        kafka_partitions_count, kafka_brokers_count,
        kafka_storage_per_broker_gb (GB), kafka_reason,
        kafka_cost_usd_per_month (USD).
    total_cost_usd_per_month: Spark + database + Kafka, USD a month.
    """

    _enums = {"model": Model, "database_reason": DatabaseReason,
              "kafka_reason": KafkaReason}
    _bools = frozenset({"database_fits_flag"})

    model: Model
    year: int
    base_daily_transactions: float
    peak_daily_transactions: float
    spark_daily_data_gb: float
    spark_executors_count: int
    spark_executor_memory_gb: float
    spark_cost_usd_per_hour: float
    spark_cost_usd_per_month: float
    database_instance_class: str
    database_memory_required_gb: float
    database_storage_gb: float
    database_reason: DatabaseReason
    database_fits_flag: bool
    database_instances_count: int
    database_cost_usd_per_month: float
    kafka_events_per_second: float
    kafka_peak_events_per_second: float
    kafka_partitions_count: int
    kafka_brokers_count: int
    kafka_storage_per_broker_gb: float
    kafka_reason: KafkaReason
    kafka_cost_usd_per_month: float
    total_cost_usd_per_month: float

    @property
    def reason_text(self) -> str:
        """One sentence summing up the year, rendered by the library when
        read (ecap_projection_year_explain)."""
        return explain_record("ecap_projection_year_explain",
                       S.ProjectionYearStruct, self)


@dataclasses.dataclass(frozen=True)
class MonteCarloYear(Record):
    """struct ecap_projection_montecarlo_year: nearest-rank percentiles (p50, p90,
    p99) of one year over all paths: Spark executors (count), database
    memory (GB), Kafka brokers (count) and total cost (USD a month)."""

    _enums = {"model": Model}

    model: Model
    year: int
    spark_executors_p50_count: float
    spark_executors_p90_count: float
    spark_executors_p99_count: float
    database_memory_p50_gb: float
    database_memory_p90_gb: float
    database_memory_p99_gb: float
    kafka_brokers_p50_count: float
    kafka_brokers_p90_count: float
    kafka_brokers_p99_count: float
    total_cost_p50_usd_per_month: float
    total_cost_p90_usd_per_month: float
    total_cost_p99_usd_per_month: float


def projection_run(policy: Policy, *, current_daily_transactions: float,
                   years: int, scenario: str = "") -> List[ProjectionYear]:
    """Projects ``years`` years of growth (ecap_projection_run).

    current_daily_transactions: today's transactions a day, > 0 .. 1e12.
    years: 1 .. 50.
    scenario: a growth scenario's name; "" = policy
        growth.default_scenario.  NotFoundError for an unknown one.
    Returns one ProjectionYear per year.
    """
    inp = to_struct(S.ProjectionInStruct, dict(
        current_daily_transactions=current_daily_transactions, years=years,
        scenario=scenario))
    with policy._lock:
        rows = call_with_array("ecap_projection_run", S.ProjectionYearStruct,
                               policy._h(), ctypes.byref(inp),
                               capacity=max(1, min(int(years), PROJECTION_MAX_YEARS)))
    return [from_struct(r, ProjectionYear) for r in rows]


def projection_to_json(years: Sequence[ProjectionYear]) -> str:
    """The years as JSON text, rendered by the library
    (ecap_projection_to_json); RangeError for an empty list."""
    return json_from_array("ecap_projection_to_json", S.ProjectionYearStruct,
                           years)


def projection_montecarlo(policy: Policy, *, current_daily_transactions: float,
                          years: int, scenario: str = "", seed: int = 0,
                          paths_count: int = 0) -> List[MonteCarloYear]:
    """Monte Carlo projection (ecap_projection_montecarlo): the scenario's
    growth and seasonal peak drawn per path with its standard deviations.

    current_daily_transactions, years, scenario: as in projection_run.
    seed: generator seed, 0 .. 2^64-1 (SplitMix64 seeding xoshiro256**);
        the same seed gives the same numbers as the C library.
    paths_count: paths; 0 = policy growth.montecarlo_paths; 0 .. 1e6.
    """
    inp = to_struct(S.MonteCarloInStruct, dict(
        current_daily_transactions=current_daily_transactions, years=years,
        scenario=scenario, seed=seed, paths_count=paths_count))
    with policy._lock:
        rows = call_with_array("ecap_projection_montecarlo",
                               S.MonteCarloYearStruct, policy._h(),
                               ctypes.byref(inp),
                               capacity=max(1, min(int(years), PROJECTION_MAX_YEARS)))
    return [from_struct(r, MonteCarloYear) for r in rows]


def projection_montecarlo_to_json(years: Sequence[MonteCarloYear]) -> str:
    """The Monte Carlo years as JSON text, rendered by the library
    (ecap_projection_montecarlo_to_json)."""
    return json_from_array("ecap_projection_montecarlo_to_json",
                           S.MonteCarloYearStruct, years)
