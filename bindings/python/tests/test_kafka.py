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
    # = 2000 * 0.75 / 1024 = 1.46484375 MB/s
    assert o.peak_events_per_second == 2000.0
    assert o.peak_ingress_mb_per_second == 1.46484375
    # Confluent: max(ceil(1.46 / 10), ceil(1.46 / 5)) = 1; max(1, 0
    # consumers, kafka.min_partitions 12) = 12
    assert (o.partitions_by_throughput_count, o.partitions_count) == (1, 12)
    # data: 0.732421875 MB/s * 168 h * 3600 * 3 / 1024 = 1297.76 GB
    assert o.data_storage_gb == pytest.approx(1297.760009765625)
    # open segments: 12 partitions * 3 replicas * 1 GiB = 36 GB
    assert o.segment_allowance_gb == pytest.approx(36.0)
    # (1297.76 + 36) * 1.3 = 1733.888 GB
    assert o.total_storage_gb == pytest.approx(1333.760009765625 * 1.3)
    # every size: storage ceil(1733.9 / 16384) = 1, throughput 4.39 MB/s
    # -> 1, replicas 36 -> 1, minimum max(3, RF 3) = 3: 3 brokers
    assert (o.brokers_by_storage_count, o.brokers_minimum_count,
            o.brokers_count) == (1, 3, 3)
    assert o.reason is R.ECAP_KAFKA_REASON_MINIMUM
    # ceil(1733.888 / 3) = ceil(577.96) = 578 GB per broker
    assert o.storage_per_broker_gb == 578.0
    # broker-hours and storage, both in the total
    assert o.broker_cost_usd_per_month == pytest.approx(
        3 * o.broker_price_usd_per_hour * 720)
    assert o.storage_cost_usd_per_month > 0
    assert o.cost_usd_per_month == pytest.approx(
        o.broker_cost_usd_per_month + o.storage_cost_usd_per_month)
    # RF 3: min.insync.replicas 2, acks all
    assert (o.min_insync_replicas_count, o.acks) == (2, "all")
    assert "3 x " + o.instance_type in o.reason_text
    assert "minimum" in o.reason_text


def test_ecap1_confluent_examples(policy):
    policy.set("kafka.min_partitions", 1)
    # no replica-size floor: 60 MB/s kept 168 h are 35437.5 GiB a copy,
    # 35 partitions of at most 1024 GiB
    policy.set("kafka.max_partition_replica_gb", 1e9)
    # Confluent: 2 MB/s with p = 1 and c = 0.5 MB/s: max(2/1, 2/0.5) = 4
    o = E.advise_kafka(policy, ingress_mb_per_second=2, peak_factor=1,
                       partition_produce_mb_per_second=1,
                       partition_consume_mb_per_second=0.5)
    assert (o.partitions_by_throughput_count, o.partitions_count) == (4, 4)
    # 60 MB/s with 10 and 4: max(6, 15) = 15
    o = E.advise_kafka(policy, ingress_mb_per_second=60,
                       peak_ingress_mb_per_second=60,
                       partition_produce_mb_per_second=10,
                       partition_consume_mb_per_second=4)
    assert o.partitions_count == 15
    # 30 consumers in a group need 30 partitions
    assert E.advise_kafka(policy, events_per_second=1000,
                          consumer_count=30).partitions_count == 30


def test_ecap1_hundred_thousand_events(policy):
    o = E.advise_kafka(policy, events_per_second=100_000)
    # data 73.2421875 MB/s * 604800 s * 3 / 1024 = 129776.0009765625 GB;
    # peak 146.484375 MB/s: max(ceil(14.6), ceil(29.3)) = 30 partitions;
    # 129776.0 / 3 = 43258.7 GiB a copy at most 1024 GiB a replica: 43,
    # 129 open segments; (129776.0009765625 + 129) * 1.3 = 168876.5 GB
    assert o.partitions_by_throughput_count == 30
    assert o.partitions_count == 43
    assert o.total_storage_gb == pytest.approx(168876.50126953125)
    # ceil(168876.5 / 16384) = 11 brokers, 12 on 3 zones
    assert (o.brokers_by_storage_count, o.brokers_count) == (11, 12)
    assert o.reason is R.ECAP_KAFKA_REASON_STORAGE
    assert o.compression_flag and o.tiered_storage_flag
    # ceil(168876.5 / 12) = 14074 GB a broker
    assert o.storage_per_broker_gb == 14074.0
    assert "rounded up to 12 for 3 availability zones" in o.reason_text


def test_ecap1_limits(policy):
    # storage: 1733.888 GB on 100 GB disks -> ceil(17.34) = 18 -> 18
    o = E.advise_kafka(policy, events_per_second=1000, broker_disk_gb=100)
    assert (o.brokers_count, o.reason) == (18, R.ECAP_KAFKA_REASON_STORAGE)
    # throughput: 4.39453125 MB/s at 0.5 MB/s -> ceil(8.79) = 9
    o = E.advise_kafka(policy, events_per_second=1000,
                       broker_throughput_mb_per_second=0.5)
    assert (o.brokers_count, o.reason) == (9, R.ECAP_KAFKA_REASON_THROUGHPUT)
    # partition replicas: 36 at 10 per broker -> ceil(3.6) = 4 -> 6 on
    # 3 zones
    o = E.advise_kafka(policy, events_per_second=1000,
                       max_partition_replicas_per_broker=10)
    assert (o.brokers_by_partition_replicas_count, o.brokers_count,
            o.reason) == (4, 6, R.ECAP_KAFKA_REASON_PARTITION_REPLICAS)
    # MSK's kafka.m5.large: 1000 replicas a broker; 2500 consumers ->
    # 2500 partitions * 3 = 7500 replicas -> ceil(7.5) = 8 -> 9
    o = E.advise_kafka(policy, events_per_second=1000, consumer_count=2500,
                       instance_type="kafka.m5.large")
    assert (o.instance_type, o.max_partition_replicas_per_broker,
            o.brokers_count) == ("kafka.m5.large", 1000, 9)
    # RF 1: min.insync.replicas 1, acks 1
    o = E.advise_kafka(policy, events_per_second=10, replication_factor=1)
    assert (o.min_insync_replicas_count, o.acks) == (1, "1")


def test_reason_names():
    for r in R:
        assert E.kafka_reason_from_string(E.kafka_reason_to_string(r)) is r
    assert E.kafka_reason_to_string(R.ECAP_KAFKA_REASON_PARTITION_REPLICAS) \
        == "partition-replicas"
    assert E.kafka_reason_to_string(99) is None
    with pytest.raises(E.UnknownEnumError):
        E.kafka_reason_from_string("disk")


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
    ({"ingress_mb_per_second": 2}, E.InvalidArgumentError,
     "ingress_mb_per_second"),  # with events_per_second
    ({"partition_produce_mb_per_second": -1}, E.RangeError,
     "partition_produce_mb_per_second"),
    ({"instance_type": "kafka.nope"}, E.NotFoundError, "instance_type"),
    ({"max_partition_replicas_per_broker": 10000001}, E.RangeError,
     "max_partition_replicas_per_broker"),
    # a 1e-300 GB disk is outside kafka.broker_disk_gb's 1 .. 1e9
    ({"events_per_second": 1e10, "event_size_kb": 1048576,
      "broker_disk_gb": 1e-300}, E.RangeError, "broker_disk_gb"),
    # absurd combination: 1e10 events of 1 GB kept 168 hours on 1 GB disks
    ({"events_per_second": 1e10, "event_size_kb": 1048576,
      "broker_disk_gb": 1}, E.RangeError, "events_per_second"),
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
def test_ecap1_more_events_never_cheaper(a, b):
    small, large = sorted((a, b))
    with E.Policy() as p:
        x = E.advise_kafka(p, events_per_second=small)
        y = E.advise_kafka(p, events_per_second=large)
        assert y.partitions_count >= x.partitions_count
        assert y.total_storage_gb >= x.total_storage_gb
        assert y.cost_usd_per_month >= x.cost_usd_per_month
        # storage always priced
        assert y.storage_cost_usd_per_month > 0
