# SPDX-License-Identifier: MIT
"""Growth projection: a sample of tests/test-projection.c with the same
expected values, JSON from the library, the Monte Carlo golden run (same
seed, same numbers as C), bad input, and hypothesis properties (ecap-1:
more transactions never less database storage or memory, Kafka
partitions or brokers)."""

from __future__ import annotations

import json
import math

import pytest

import ecaptune as E

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402


def test_guide_conservative(policy):
    policy.model = "guide"
    ys = E.projection_run(policy, current_daily_transactions=100000, years=3,
                          scenario="conservative")
    assert [y.year for y in ys] == [1, 2, 3]
    y = ys[0]
    assert y.model is E.Model.ECAP_MODEL_GUIDE
    # guide: base = 100000 * 1.5 ** 1 = 150000, peak = * 2.0 = 300000
    assert (y.base_daily_transactions, y.peak_daily_transactions) == \
        pytest.approx((150000.0, 300000.0))
    # Spark: 300000 / 100000 = 3 GB; calculate_spark_resources(3):
    # max(2, int(3 / (10 * 2))) = 2 executors of min(8, max(4, 9 / 2))
    # = 4.5 GB; int(9 / 4.5) = 2; 2 * 0.20 = 0.40 USD/hour
    assert (y.spark_daily_data_gb, y.spark_executors_count,
            y.spark_executor_memory_gb, y.spark_cost_usd_per_hour) == \
        pytest.approx((3.0, 2, 4.5, 0.4))
    # the 8-hour window every day: 0.40 * 8 * 720 / 24 = 96
    assert y.spark_cost_usd_per_month == pytest.approx(96.0)
    # database: 300000 * 2 * 1.3 / 2^20 * 365 * 2 * 0.25 = 135.755...
    # GB > 64 -> db.r6g.4xlarge at 2.016 * 720 = 1451.52
    assert y.database_memory_required_gb == pytest.approx(
        300000 * 2 * 1.3 / 1024 / 1024 * 365 * 2 * 0.25)
    assert (y.database_instance_class, y.database_fits_flag) == \
        ("db.r6g.4xlarge", False)
    assert y.database_cost_usd_per_month == pytest.approx(1451.52)
    # Kafka: max(12, int(0.6437 * 1024 / 50 = 13.18)) = 13 partitions;
    # max(3, int(1.3)) = 3 brokers at 414.72
    assert y.kafka_events_per_second == pytest.approx(300000.0 / 86400.0)
    assert (y.kafka_partitions_count, y.kafka_brokers_count) == (13, 3)
    assert y.kafka_cost_usd_per_month == pytest.approx(414.72)
    # 96 + 1451.52 + 414.72
    assert y.total_cost_usd_per_month == pytest.approx(1962.24)
    # year 3: 100000 * 1.5 ** 3 = 337500, peak 675000
    assert (ys[2].base_daily_transactions, ys[2].peak_daily_transactions) == \
        pytest.approx((337500.0, 675000.0))


def test_fifty_years_and_default_scenario(policy):
    ys = E.projection_run(policy, current_daily_transactions=1000, years=50,
                          scenario="enterprise")
    assert len(ys) == 50 and ys[49].year == 50
    # 1000 * 1.25 ** 50 = 70064923.216...
    assert ys[49].base_daily_transactions == pytest.approx(1000 * 1.25 ** 50)
    # "" = growth.default_scenario (conservative): peak 300000 at year 1;
    # Kafka peak = 300000 / 86400 * growth.intraday_peak_factor 2
    y = E.projection_run(policy, current_daily_transactions=100000, years=1)[0]
    assert y.kafka_peak_events_per_second == pytest.approx(300000.0 / 86400.0 * 2.0)
    # ecap-1: one primary, the database advisor's answer for the peak day
    d = E.advise_database(policy, transactions_per_day=300000)
    assert y.database_instances_count == 1
    assert y.database_instance_class == d.instance_class
    assert y.database_cost_usd_per_month == pytest.approx(d.cost_usd_per_month)
    assert y.reason_text.startswith("year 1: peak ")
    assert "reason_text" not in y.to_dict()


def test_json_rendering(policy):
    policy.model = "guide"
    ys = E.projection_run(policy, current_daily_transactions=100000, years=2,
                          scenario="conservative")
    text = E.projection_to_json(ys)
    assert '"model": "guide"' in text and '"year": 2' in text
    assert '"peak_daily_transactions": 300000' in text
    doc = json.loads(text)
    assert doc  # valid JSON from the library
    with pytest.raises(E.RangeError) as ei:
        E.projection_to_json([])
    assert ei.value.field == "count"
    mc = E.projection_montecarlo(policy, current_daily_transactions=100000,
                                 years=2, scenario="conservative", seed=7,
                                 paths_count=100)
    text = E.projection_montecarlo_to_json(mc)
    assert '"total_cost_p99_usd_per_month"' in text
    json.loads(text)
    import dataclasses
    with pytest.raises(E.UnknownEnumError) as ei:
        E.projection_to_json([dataclasses.replace(ys[0], model=0)])
    assert ei.value.field == "model"


def _noisy(p):
    p.set_scenario(name="noisy", yearly_growth_ratio=0.3,
                   seasonal_peak_factor=2.0, yearly_growth_sd_ratio=0.2,
                   seasonal_peak_sd_factor=0.5)


def test_montecarlo_golden(policy):
    # Golden numbers from an independent Python implementation of the
    # documented generator (SplitMix64 seeding xoshiro256**, Irwin-Hall
    # 12, year-major draws, clamps, nearest rank) and of the guide's
    # database memory (the guide model's), for 1e6 transactions, growth
    # 0.3 +- 0.2, peak 2 +- 0.5, seed 42, 101 paths, 2 years
    # (tests/test-projection.c).
    policy.model = "guide"
    _noisy(policy)
    mc = E.projection_montecarlo(policy, current_daily_transactions=1e6,
                                 years=2, scenario="noisy", seed=42,
                                 paths_count=101)
    assert [m.database_memory_p50_gb for m in mc] == pytest.approx(
        [1164.8474102112207, 1359.2507414862064], rel=1e-12)
    assert [m.database_memory_p90_gb for m in mc] == pytest.approx(
        [1571.9808427305327, 2134.1368069298496], rel=1e-12)
    assert [m.database_memory_p99_gb for m in mc] == pytest.approx(
        [1936.5222626965767, 3081.628083237648], rel=1e-12)


def test_montecarlo_reproducible_and_ordered(policy):
    _noisy(policy)
    kw = dict(current_daily_transactions=1e6, years=5, scenario="noisy",
              paths_count=2000)
    a = E.projection_montecarlo(policy, seed=12345, **kw)
    assert a == E.projection_montecarlo(policy, seed=12345, **kw)
    assert a != E.projection_montecarlo(policy, seed=12346, **kw)
    for m in a:
        assert m.spark_executors_p50_count <= m.spark_executors_p90_count <= \
            m.spark_executors_p99_count
        assert m.total_cost_p50_usd_per_month <= m.total_cost_p90_usd_per_month \
            <= m.total_cost_p99_usd_per_month
        # with a 0.5 peak spread the spread shows
        assert m.database_memory_p50_gb < m.database_memory_p99_gb


def test_montecarlo_converges_without_spread(policy):
    # With no spread every path is the deterministic projection.
    ys = E.projection_run(policy, current_daily_transactions=250000, years=5,
                          scenario="aggressive")
    mc = E.projection_montecarlo(policy, current_daily_transactions=250000,
                                 years=5, scenario="aggressive", seed=1,
                                 paths_count=50)
    for y, m in zip(ys, mc):
        assert m.spark_executors_p99_count == y.spark_executors_count
        assert m.database_memory_p50_gb == pytest.approx(y.database_memory_required_gb)
        assert m.kafka_brokers_p99_count == y.kafka_brokers_count
        assert m.total_cost_p50_usd_per_month == pytest.approx(y.total_cost_usd_per_month)


@pytest.mark.parametrize("kw,cls,field", [
    ({"years": 0}, E.RangeError, "years"),
    ({"years": 51}, E.RangeError, "years"),
    ({"current_daily_transactions": 0}, E.RangeError, "current_daily_transactions"),
    ({"current_daily_transactions": math.nan}, E.InvalidArgumentError,
     "current_daily_transactions"),
    ({"scenario": "hyper"}, E.NotFoundError, "scenario"),
    # 1e6 a day growing 100 % a year overflows 1e12 before year 50
    ({"current_daily_transactions": 1e6, "years": 50, "scenario": "aggressive"},
     E.RangeError, "years"),
])
def test_bad_input(policy, kw, cls, field):
    args = dict(current_daily_transactions=1000, years=3)
    args.update(kw)
    with pytest.raises(cls) as ei:
        E.projection_run(policy, **args)
    assert ei.value.field == field


def test_bad_scenario_name_and_paths(policy):
    with pytest.raises(ValueError, match="shorter than 64"):
        E.projection_run(policy, current_daily_transactions=1000, years=1,
                         scenario="x" * 64)
    with pytest.raises(E.RangeError) as ei:
        E.projection_montecarlo(policy, current_daily_transactions=1000,
                                years=2, paths_count=1000001)
    assert ei.value.field == "paths_count"


def test_array_grows_on_nospace(policy):
    """The binding's first capacity is too small on purpose: it retries
    with the count ECAP_ERR_NOSPACE reports."""
    from ecaptune import _convert
    from ecaptune import _structs as S
    import ctypes
    inp = _convert.to_struct(S.ProjectionInStruct, dict(
        current_daily_transactions=1000, years=7))
    rows = _convert.call_with_array("ecap_projection_run",
                                    S.ProjectionYearStruct, policy._h(),
                                    ctypes.byref(inp), capacity=2)
    assert [r.year for r in rows] == list(range(1, 8))


TX = st.floats(1000, 1e9, allow_nan=False)


@settings(max_examples=60, deadline=None, database=None)
@given(TX, TX)
def test_ecap1_more_transactions_never_less(a, b):
    small, large = sorted((a, b))
    with E.Policy() as p:
        x = E.projection_run(p, current_daily_transactions=small, years=1)[0]
        y = E.projection_run(p, current_daily_transactions=large, years=1)[0]
        assert y.database_memory_required_gb >= x.database_memory_required_gb
        assert y.database_storage_gb >= x.database_storage_gb
        assert y.kafka_partitions_count >= x.kafka_partitions_count
        assert y.kafka_brokers_count >= x.kafka_brokers_count
        assert y.total_cost_usd_per_month >= x.total_cost_usd_per_month
