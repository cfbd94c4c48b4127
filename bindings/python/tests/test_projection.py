# SPDX-License-Identifier: MIT
"""Growth projection: a sample of tests/test-projection.c and
tests/test-projection-mc.c with the same expected values, JSON from the
library, the Monte Carlo golden run (same seed, same numbers as C), bands
of the built-in scenarios, bad input, and hypothesis properties (ecap-1:
more transactions, or faster growth, never less of anything or a lower
cost)."""

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
    # "" = growth.default_scenario (conservative): base 150000, peak
    # 300000 at year 1; Kafka's average is the base's, its busiest hour
    # the peak's: 300000 / 86400 * growth.intraday_peak_factor 2
    y = E.projection_run(policy, current_daily_transactions=100000, years=1)[0]
    assert y.kafka_events_per_second == pytest.approx(150000.0 / 86400.0)
    assert y.kafka_peak_events_per_second == pytest.approx(300000.0 / 86400.0 * 2.0)
    # 3 x kafka.m7g.large: 3 * 0.204 * 720 = 440.64, 3 x 2 GB * 0.10
    # (2.25 GB retained + 2.25 GB of open segments rolled after 168 h,
    # * 1.3, over 3 brokers)
    assert y.kafka_broker_type == "kafka.m7g.large"
    assert (y.kafka_broker_cost_usd_per_month,
            y.kafka_storage_cost_usd_per_month) == pytest.approx((440.64, 0.60))
    assert y.total_cost_usd_per_month == pytest.approx(
        y.spark_cost_usd_per_month + y.database_cost_usd_per_month +
        y.kafka_cost_usd_per_month)
    assert (y.currency, y.price_date) == ("USD", "2026-11-27")
    assert y.growth_multiple_ratio == pytest.approx(1.5)
    assert not y.review_architecture_flag
    # the sentence, rendered by the library when read
    assert y.reason_text.startswith("year 1: 150k tx/day (peak 300k): ")
    assert "reason_text" not in y.to_dict()


def test_flags(policy):
    # aggressive from 1e7 a day: year 4's base is 16x today's, past
    # growth.review_multiple_ratio 10; year 3's 2400 GB a day need more
    # executors than executor.max_executors (20)
    ys = E.projection_run(policy, current_daily_transactions=1e7, years=4,
                          scenario="aggressive")
    assert [y.review_architecture_flag for y in ys] == [False, False, False, True]
    assert ys[2].spark_executors_over_policy_flag is True
    assert ys[2].spark_node_type != "" and ys[2].spark_node_count > 0
    assert ys[2].spark_window_miss_hours == 0.0


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
    doc = json.loads(text)
    assert set(doc["years"][0]["total_cost_usd_per_month"]) == \
        {"mean", "p10", "p50", "p90", "p99"}
    assert doc["years"][1]["total_cost_usd_per_month"]["p99"] == \
        mc[1].total_cost_usd_per_month.p99
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
    # database memory of the peak, for 1e6 transactions, growth 0.3 +- 0.2,
    # peak 2 +- 0.5, seed 42, 101 paths, 2 years
    # (tests/test-projection-mc.c).
    policy.model = "guide"
    _noisy(policy)
    mc = E.projection_montecarlo(policy, current_daily_transactions=1e6,
                                 years=2, scenario="noisy", seed=42,
                                 paths_count=101)
    mem = [m.database_memory_required_gb for m in mc]
    assert [b.p50 for b in mem] == [1164.8474102112207, 1359.2507414862064]
    assert [b.p90 for b in mem] == [1571.9808427305327, 2134.1368069298496]
    assert [b.p99 for b in mem] == [1936.5222626965767, 3081.628083237648]


def test_montecarlo_reproducible_and_ordered(policy):
    # the built-in scenarios carry spreads: the bands differ by default
    kw = dict(current_daily_transactions=1e6, years=5, scenario="aggressive",
              paths_count=2000)
    a = E.projection_montecarlo(policy, seed=12345, **kw)
    assert a == E.projection_montecarlo(policy, seed=12345, **kw)
    assert a != E.projection_montecarlo(policy, seed=12346, **kw)
    for m in a:
        for name in ("spark_node_count", "database_memory_required_gb",
                     "kafka_brokers_count", "spark_cost_usd_per_month",
                     "database_cost_usd_per_month", "kafka_cost_usd_per_month",
                     "total_cost_usd_per_month"):
            b = getattr(m, name)
            assert b.p10 <= b.p50 <= b.p90 <= b.p99, name
        assert m.base_daily_transactions.p10 < m.base_daily_transactions.p99
    assert a[4].total_cost_usd_per_month.p50 < a[4].total_cost_usd_per_month.p99


def test_montecarlo_equals_projection_without_spread(policy):
    # With no spread every path is the deterministic projection.
    policy.set_scenario(name="flat", yearly_growth_ratio=1.0,
                        seasonal_peak_factor=3.0)
    ys = E.projection_run(policy, current_daily_transactions=250000, years=5,
                          scenario="flat")
    mc = E.projection_montecarlo(policy, current_daily_transactions=250000,
                                 years=5, scenario="flat", seed=1,
                                 paths_count=50)
    for y, m in zip(ys, mc):
        for name in ("spark_node_count", "spark_executors_count",
                     "database_memory_required_gb", "kafka_brokers_count",
                     "spark_cost_usd_per_month", "database_cost_usd_per_month",
                     "kafka_cost_usd_per_month", "total_cost_usd_per_month"):
            b = getattr(m, name)
            assert b.p10 == b.p50 == b.p90 == b.p99 == getattr(y, name), name


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


@settings(max_examples=40, deadline=None, database=None)
@given(TX, st.floats(0, 2), st.floats(0, 2))
def test_growth_never_lowers_a_cost(tx, g1, g2):
    slow, fast = sorted((g1, g2))
    with E.Policy() as p:
        p.set_scenario(name="slow", yearly_growth_ratio=slow,
                       seasonal_peak_factor=2.0)
        p.set_scenario(name="fast", yearly_growth_ratio=fast,
                       seasonal_peak_factor=2.0)
        xs = E.projection_run(p, current_daily_transactions=tx, years=5,
                              scenario="slow")
        ys = E.projection_run(p, current_daily_transactions=tx, years=5,
                              scenario="fast")
        for x, y in zip(xs, ys):
            for part in ("spark", "database", "kafka", "total"):
                name = f"{part}_cost_usd_per_month"
                assert getattr(y, name) >= getattr(x, name), (name, x.year)


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


def test_today_grown_as_the_advisors_size_it(policy):
    # The review's workload: 1.5M transactions, 2 TiB = 2048 GB of Spark
    # data on Kubernetes, 20,000 Kafka events/s.  Year 1 (conservative:
    # base x1.5, peak x3): Spark sizes 2048 * 3 = 6144 GB; Kafka keeps
    # 20000 * 1.5 = 30000 events/s and carries 20000 * 3 * 2 = 120000 at
    # the busiest hour (tests/test-projection-today.c)
    today = dict(spark_daily_data_gb=2048.0, spark_platform="kubernetes",
                 kafka_events_per_second=20000.0)
    ys = E.projection_run(policy, current_daily_transactions=1.5e6, years=2,
                          **today)
    y = ys[0]
    assert y.spark_daily_data_gb == pytest.approx(6144.0)
    spark = E.advise_executors(policy, daily_data_gb=6144.0,
                               platform="kubernetes")
    assert (y.spark_node_type, y.spark_node_count, y.spark_executors_count) == \
        (spark.node_type, spark.node_count, spark.executor_count) == \
        ("m6g.16xlarge", 10, 159)
    assert y.spark_peak_cost_usd_per_month == spark.cost_usd_per_month
    # the month is paid for base days: the advice for 2048 * 1.5 GB
    base = E.advise_executors(policy, daily_data_gb=3072.0,
                              platform="kubernetes")
    assert y.spark_cost_usd_per_month == base.cost_usd_per_month
    assert y.spark_executors_capped_flag is False
    kafka = E.advise_kafka(policy, events_per_second=30000.0,
                           peak_events_per_second=120000.0)
    assert (y.kafka_events_per_second, y.kafka_peak_events_per_second) == \
        pytest.approx((30000.0, 120000.0))
    assert (y.kafka_brokers_count, y.kafka_cost_usd_per_month) == \
        (kafka.brokers_count, kafka.cost_usd_per_month)
    # more than today's plan (8839.44 against 6077.30: economies of
    # scale keep it under 1.5x, tests/test-projection-today.c)
    now = (E.advise_executors(policy, daily_data_gb=2048.0,
                              platform="kubernetes").cost_usd_per_month +
           E.advise_kafka(policy, events_per_second=20000.0).cost_usd_per_month +
           E.advise_database(policy, transactions_per_day=1.5e6).cost_usd_per_month)
    assert y.total_cost_usd_per_month > now
    # the Monte Carlo takes the same workload
    ms = E.projection_montecarlo(policy, current_daily_transactions=1.5e6,
                                 years=1, paths_count=50, **today)
    assert ms[0].spark_node_count.p10 >= 1
    with pytest.raises(TypeError, match="spark_daily_data_gbb"):
        E.projection_montecarlo(policy, current_daily_transactions=1.5e6,
                                years=1, spark_daily_data_gbb=1.0)
    # the guide's project_capacity_needs has no such inputs: ignored
    policy.model = "guide"
    g = E.projection_run(policy, current_daily_transactions=1.5e6, years=1,
                         **today)[0]
    assert g.spark_daily_data_gb == pytest.approx(4.5e6 / 100000)


def test_today_database_retention_and_pools(policy):
    # `ecaptune plan --retention-days 30 --app-instances 2`: year 1 keeps
    # the base, 2.25M * 2 KB * 1.3 / 1024^2 = 5.579 GiB a day, 30 days
    # with the analytics copy, + 20 %: ceil(401.68) = 402 GiB (the
    # policy's 365 days: 4888); 2 pools of 10 connections need one vCPU,
    # 40 pools 400 / 50 = 8 (tests/test-projection-today.c)
    for pools, vcpus in ((2, 1), (40, 8)):
        today = dict(database_retention_days=30,
                     database_app_instance_count=pools)
        ys = E.projection_run(policy, current_daily_transactions=1.5e6,
                              years=2, **today)
        assert (ys[0].database_storage_gb,
                ys[0].database_vcpu_required_count) == (402.0, vcpus)
        for y in ys:
            db = E.advise_database(
                policy, transactions_per_day=y.base_daily_transactions,
                peak_transactions_per_day=y.peak_daily_transactions,
                retention_days=30, app_instance_count=pools)
            assert (y.database_instance_class, y.database_storage_gb,
                    y.database_cost_usd_per_month) == \
                (db.instance_class, db.storage_gb, db.cost_usd_per_month)
        ms = E.projection_montecarlo(policy, current_daily_transactions=1.5e6,
                                     years=1, paths_count=20, **today)
        # 30 days kept on every path, not the policy's 365 (4888 GiB)
        assert ms[0].database_storage_gb.p99 < 1000.0
    plain = E.projection_run(policy, current_daily_transactions=1.5e6,
                             years=1)[0]
    assert plain.database_storage_gb == 4888.0
    with pytest.raises(E.RangeError) as e:
        E.projection_run(policy, current_daily_transactions=1e6, years=1,
                         database_retention_days=36501)
    assert e.value.field == "database_retention_days"
    with pytest.raises(E.RangeError) as e:
        E.projection_montecarlo(policy, current_daily_transactions=1e6,
                                years=1, database_app_instance_count=-1)
    assert e.value.field == "database_app_instance_count"
    # the guide keeps calculate_database_resources's 365 days
    policy.model = "guide"
    g = E.projection_run(policy, current_daily_transactions=1.5e6, years=1,
                         database_retention_days=30)[0]
    assert g == E.projection_run(policy, current_daily_transactions=1.5e6,
                                 years=1)[0]


def test_today_bad_input(policy):
    with pytest.raises(E.UnknownEnumError):
        E.projection_run(policy, current_daily_transactions=1e6, years=1,
                         spark_platform=9)
    with pytest.raises(E.NotFoundError) as e:
        E.projection_run(policy, current_daily_transactions=1e6, years=1,
                         spark_node_type="m0.nano")
    assert e.value.field == "spark_node_type"
    with pytest.raises(E.RangeError) as e:
        E.projection_run(policy, current_daily_transactions=1e6, years=1,
                         kafka_events_per_second=-1.0)
    assert e.value.field == "kafka_events_per_second"
