# SPDX-License-Identifier: MIT
"""Kafka sizing: a sample of tests/test-kafka.c with the same expected
values and hand calculations, bad input, and hypothesis properties of
ecap-1 (more events never fewer partitions, brokers or storage)."""

from __future__ import annotations

import math

import pytest

import ecaptune as E
from ecaptune import KafkaReason as R

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402


def test_guide_thousand_events(policy):
    policy.model = "guide"
    o = E.advise_kafka(policy, events_per_second=1000)
    # guide by hand: daily_events = 1000 * 86400 = 86,400,000;
    # daily_storage_gb = 86.4e6 * 0.75 * 3 / 1024 / 1024
    #                  = 194,400,000 / 1,048,576 = 185.394287109375;
    # total = 185.394287109375 * 168 / 24 = 1297.760009765625 GB;
    # partitions = max(12, int(185.394287109375 * 1024 / 50))
    #            = int(189843.75 / 50) = int(3796.875) = 3796;
    # brokers = max(3, int(3796 / 10)) = 379;
    # storage_per_broker = int(1297.760009765625 / 379 * 1.3)
    #                    = int(4.4514...) = 4;
    # cost = 379 * 0.192 * 24 * 30 = 52392.96.
    assert o.daily_storage_gb == pytest.approx(185.394287109375)
    assert o.total_storage_gb == pytest.approx(1297.760009765625)
    assert (o.partitions_count, o.brokers_count) == (3796, 379)
    assert o.storage_per_broker_gb == 4.0
    assert o.cost_usd_per_month == pytest.approx(52392.96)
    assert o.reason is R.ECAP_KAFKA_REASON_GUIDE_PARTITIONS
    assert o.instance_type == "kafka.m5.large"
    # the guide model has no segment allowance or ecap-1 limits
    assert (o.segment_allowance_gb, o.brokers_by_storage_count) == (0.0, 0)


def test_guide_minimums(policy):
    policy.model = "guide"
    # 1 event/s: int(0.185394 * 1024 / 50) = 3 < 12 -> 12 partitions;
    # int(12 / 10) = 1 < 3 -> 3 brokers; 3 * 0.192 * 720 = 414.72
    o = E.advise_kafka(policy, events_per_second=1)
    assert (o.partitions_count, o.brokers_count, o.reason) == \
        (12, 3, R.ECAP_KAFKA_REASON_MINIMUM)
    assert o.cost_usd_per_month == pytest.approx(414.72)


def test_ecap1_thousand_events(policy):
    o = E.advise_kafka(policy, events_per_second=1000)
    # peak = 1000 * kafka.peak_factor 2 = 2000 events/s
    assert o.peak_events_per_second == 2000.0
    # partitions: max(ceil(2000 / 1000) = 2, 0 consumers, 12) = 12
    assert o.partitions_count == 12
    # data: 1000 * 0.75 KB * 168 h * 3600 * 3 / 1024 / 1024
    #     = 1360800000 / 1048576 = 1297.760009765625 GB
    assert o.data_storage_gb == pytest.approx(1297.760009765625)
    # open segments: 12 partitions * 3 replicas * 1 GiB = 36 GB
    assert o.segment_allowance_gb == pytest.approx(36.0)
    # (1297.76 + 36) * 1.3 = 1733.8880126953125 GB
    assert o.total_storage_gb == pytest.approx(1333.760009765625 * 1.3)
    # limits: storage 2; throughput 1; replicas 1; minimum max(3, RF 3)
    # = 3 -> 3 brokers, the minimum decides
    assert (o.brokers_by_storage_count, o.brokers_by_throughput_count,
            o.brokers_by_partition_replicas_count, o.brokers_minimum_count,
            o.brokers_count) == (2, 1, 1, 3, 3)
    assert o.reason is R.ECAP_KAFKA_REASON_MINIMUM
    # ceil(1733.888 / 3) = ceil(577.96) = 578 GB per broker
    assert o.storage_per_broker_gb == 578.0
    # RF 3: min.insync.replicas 2, acks all
    assert (o.min_insync_replicas_count, o.acks) == (2, "all")


def test_ecap1_partitions_and_limits(policy):
    # peak exactly 12 partitions' worth: ceil(12000 / 1000) = 12; one
    # event more: ceil(12001 / 1000) = 13
    assert E.advise_kafka(policy, events_per_second=1000,
                          peak_events_per_second=12000).partitions_count == 12
    assert E.advise_kafka(policy, events_per_second=1000,
                          peak_events_per_second=12001).partitions_count == 13
    # 30 consumers in a group need 30 partitions
    assert E.advise_kafka(policy, events_per_second=1000,
                          consumer_count=30).partitions_count == 30
    # storage: 1733.888 GB on 100 GB disks -> ceil(17.34) = 18
    o = E.advise_kafka(policy, events_per_second=1000, broker_disk_gb=100)
    assert (o.brokers_count, o.reason) == (18, R.ECAP_KAFKA_REASON_STORAGE)
    # throughput: 4.39453125 MB/s at 0.5 MB/s -> ceil(8.79) = 9
    o = E.advise_kafka(policy, events_per_second=1000,
                       broker_throughput_mb_per_second=0.5)
    assert (o.brokers_count, o.reason) == (9, R.ECAP_KAFKA_REASON_THROUGHPUT)
    # partition replicas: 36 at 10 per broker -> ceil(3.6) = 4
    o = E.advise_kafka(policy, events_per_second=1000,
                       max_partition_replicas_per_broker=10)
    assert (o.brokers_count, o.reason) == \
        (4, R.ECAP_KAFKA_REASON_PARTITION_REPLICAS)
    # RF 1: min.insync.replicas 1, acks 1
    o = E.advise_kafka(policy, events_per_second=10, replication_factor=1)
    assert (o.min_insync_replicas_count, o.acks) == (1, "1")


@pytest.mark.parametrize("kw,cls,field", [
    ({"events_per_second": math.nan}, E.InvalidArgumentError, "events_per_second"),
    ({"events_per_second": -1}, E.RangeError, "events_per_second"),
    ({"events_per_second": 2e10}, E.RangeError, "events_per_second"),
    ({"peak_events_per_second": math.inf}, E.InvalidArgumentError, "peak_events_per_second"),
    ({"peak_events_per_second": 5}, E.RangeError, "peak_events_per_second"),  # < average
    ({"peak_factor": 0.5}, E.RangeError, "peak_factor"),
    ({"retention_hours": 876001}, E.RangeError, "retention_hours"),
    ({"replication_factor": 33}, E.RangeError, "replication_factor"),
    ({"consumer_count": -1}, E.RangeError, "consumer_count"),
    ({"max_partition_replicas_per_broker": 10000001}, E.RangeError,
     "max_partition_replicas_per_broker"),
    # absurd combination: 1e10 events of 1 GB on 1e-300 GB disks
    ({"events_per_second": 1e10, "event_size_kb": 1048576,
      "broker_disk_gb": 1e-300}, E.RangeError, "events_per_second"),
])
def test_bad_input(policy, kw, cls, field):
    args = dict(events_per_second=10)
    args.update(kw)
    with pytest.raises(cls) as ei:
        E.advise_kafka(policy, **args)
    assert ei.value.field == field


EPS = st.floats(0, 1e7, allow_nan=False)


@settings(max_examples=200, deadline=None, database=None)
@given(EPS, EPS)
def test_ecap1_more_events_never_less(a, b):
    small, large = sorted((a, b))
    with E.Policy() as p:
        x = E.advise_kafka(p, events_per_second=small)
        y = E.advise_kafka(p, events_per_second=large)
        assert y.partitions_count >= x.partitions_count
        assert y.brokers_count >= x.brokers_count >= 3
        assert y.total_storage_gb >= x.total_storage_gb
        assert y.cost_usd_per_month >= x.cost_usd_per_month
