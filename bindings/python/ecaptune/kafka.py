# SPDX-License-Identifier: MIT
"""Kafka sizing: partitions, brokers, storage per broker and cost for an
event rate (ecap_kafka_advise: the guide's calculate_kafka_resources, or
ecap-1 with every broker limit).  See ecap_kafka_advise(3).  GB are 2^30
bytes, KB 1024 bytes, MB/s 2^20 bytes a second.
"""

from __future__ import annotations

import ctypes
import dataclasses
import enum

from . import _structs as S
from ._convert import Record, from_struct, to_struct
from .enums import CEnum, Model
from .policy import Policy

__all__ = ["KafkaReason", "KafkaAdvice", "KAFKA_MAX_EVENTS_PER_SECOND",
           "advise_kafka"]

#: ECAP_KAFKA_MAX_EVENTS_PER_SECOND: the largest event rate accepted.
KAFKA_MAX_EVENTS_PER_SECOND: float = 1e10


class KafkaReason(CEnum):
    """enum ecap_kafka_reason: the limit that decided the broker count."""

    #: kafka.min_brokers (3), or the replication factor when larger.
    ECAP_KAFKA_REASON_MINIMUM = 1
    #: guide: int(partitions / kafka.guide_partitions_per_broker).
    ECAP_KAFKA_REASON_GUIDE_PARTITIONS = 2
    #: ecap-1: disk for the retained data.
    ECAP_KAFKA_REASON_STORAGE = 3
    #: ecap-1: write throughput at the peak, replicas included.
    ECAP_KAFKA_REASON_THROUGHPUT = 4
    #: ecap-1: partition replicas per broker.
    ECAP_KAFKA_REASON_PARTITION_REPLICAS = 5


@dataclasses.dataclass(frozen=True)
class KafkaAdvice(Record):
    """struct ecap_kafka_out: a Kafka cluster for an event rate.

    model, reason, reason_text: the model and the deciding limit.
    peak_events_per_second: the rate sized for, events/s (guide: average).
    ingress_mb_per_second: average ingress before replication, MB/s.
    daily_storage_gb, data_storage_gb: replicated data written a day and
        retained, GB.
    segment_allowance_gb: ecap-1: one open segment per partition replica, GB.
    total_storage_gb: ecap-1 (data + allowance) x (1 + buffer); guide data, GB.
    partitions_count, brokers_count: the cluster.
    brokers_by_storage_count, brokers_by_throughput_count,
        brokers_by_partition_replicas_count, brokers_minimum_count:
        ecap-1: brokers each limit needs (0 for guide).
    storage_per_broker_gb: GB per broker.
    cost_usd_per_month: brokers x price x cost.hours_per_month, USD.
    replication_factor_count, min_insync_replicas_count: durability.
    acks: producer acks, "all" or "1".
    instance_type: policy kafka.instance_type.
    """

    _enums = {"model": Model, "reason": KafkaReason}

    model: Model
    reason: KafkaReason
    peak_events_per_second: float
    ingress_mb_per_second: float
    daily_storage_gb: float
    data_storage_gb: float
    segment_allowance_gb: float
    total_storage_gb: float
    partitions_count: int
    brokers_count: int
    brokers_by_storage_count: int
    brokers_by_throughput_count: int
    brokers_by_partition_replicas_count: int
    brokers_minimum_count: int
    storage_per_broker_gb: float
    cost_usd_per_month: float
    replication_factor_count: int
    min_insync_replicas_count: int
    acks: str
    instance_type: str
    reason_text: str


def advise_kafka(policy: Policy, *, events_per_second: float,
                 peak_events_per_second: float = 0.0,
                 peak_factor: float = 0.0, event_size_kb: float = 0.0,
                 replication_factor: int = 0, retention_hours: float = 0.0,
                 partition_throughput_events_per_second: float = 0.0,
                 consumer_count: int = 0, broker_disk_gb: float = 0.0,
                 broker_throughput_mb_per_second: float = 0.0,
                 max_partition_replicas_per_broker: int = 0) -> KafkaAdvice:
    """Sizes a Kafka cluster (ecap_kafka_advise).  0 means "use the policy".

    events_per_second: average events a second, 0 .. 1e10 (required).
    peak_events_per_second: peak events/s; 0 = average x peak_factor;
        at least the average.  ecap-1 only.
    peak_factor: 0 = policy kafka.peak_factor (2); 1 .. 100.  ecap-1 only.
    event_size_kb: KB per event; 0 = policy kafka.event_size_kb (0.75).
    replication_factor: 0 = policy kafka.replication_factor (3); 0 .. 32.
    retention_hours: hours; 0 = policy kafka.retention_hours (168).
    partition_throughput_events_per_second: events/s one partition takes;
        0 = policy (1000).  ecap-1 only.
    consumer_count: consumers in the largest group; 0 = none.  ecap-1.
    broker_disk_gb: GB of disk per broker; 0 = policy (1000).  ecap-1.
    broker_throughput_mb_per_second: MB/s per broker; 0 = policy (50).
    max_partition_replicas_per_broker: 0 = policy (4000).  ecap-1 only.
    """
    inp = to_struct(S.KafkaInStruct, dict(
        events_per_second=events_per_second,
        peak_events_per_second=peak_events_per_second,
        peak_factor=peak_factor, event_size_kb=event_size_kb,
        replication_factor=replication_factor,
        retention_hours=retention_hours,
        partition_throughput_events_per_second=partition_throughput_events_per_second,
        consumer_count=consumer_count, broker_disk_gb=broker_disk_gb,
        broker_throughput_mb_per_second=broker_throughput_mb_per_second,
        max_partition_replicas_per_broker=max_partition_replicas_per_broker))
    out = S.new_struct(S.KafkaOutStruct)
    policy._call("ecap_kafka_advise", ctypes.byref(inp), ctypes.byref(out))
    return from_struct(out, KafkaAdvice)
