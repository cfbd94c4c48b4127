# SPDX-License-Identifier: MIT
"""Kafka sizing: partitions, brokers, storage and monthly cost for an event
rate or an ingress in MB/s (ecap_kafka_advise: the guide's
calculate_kafka_resources, or ecap-1 choosing an Amazon MSK broker size
from the policy's kafka-broker catalog).  See ecap_kafka_advise(3).  GB are
2^30 bytes, KB 1024 bytes, MB/s 2^20 bytes a second.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Optional, Union

from . import _structs as S
from ._convert import (Record, enum_from_string, enum_to_string,
                       explain_record)
from ._lean import lean, lean_reference
from .enums import CEnum, Model
from .policy import Policy

__all__ = ["KafkaReason", "KafkaAdvice", "KAFKA_MAX_EVENTS_PER_SECOND",
           "KAFKA_MAX_INGRESS_MB_PER_SECOND", "advise_kafka",
           "kafka_reason_to_string", "kafka_reason_from_string"]

#: ECAP_KAFKA_MAX_EVENTS_PER_SECOND: the largest event rate accepted.
KAFKA_MAX_EVENTS_PER_SECOND: float = 1e10
#: ECAP_KAFKA_MAX_INGRESS_MB_PER_SECOND: the largest ingress accepted, MB/s.
KAFKA_MAX_INGRESS_MB_PER_SECOND: float = 1e7


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

    model, reason: the model and the limit that decided the broker count;
        reason_text (a property) explains it in one sentence.
    peak_events_per_second: the rate sized for, events/s (guide: average).
    ingress_mb_per_second, peak_ingress_mb_per_second: before replication.
    daily_storage_gb, data_storage_gb: replicated data written a day and
        retained, GB.
    segment_allowance_gb: ecap-1: one open segment per partition replica, GB.
    total_storage_gb: ecap-1 (data + allowance) x (1 + buffer); guide data, GB.
    partitions_count: the topic; partitions_by_throughput_count: ecap-1
        Confluent's max(t/p, t/c).
    brokers_count: the cluster; brokers_by_storage_count,
        brokers_by_throughput_count, brokers_by_partition_replicas_count,
        brokers_minimum_count: ecap-1: what each limit needs of the chosen
        size, before rounding to availability zones (0 for guide).
    availability_zone_count, broker_quota_count: ecap-1 policy keys.
    max_partition_replicas_per_broker, broker_throughput_mb_per_second,
        broker_disk_gb: the chosen size's limits.
    storage_per_broker_gb: GB per broker.
    broker_price_usd_per_hour, broker_cost_usd_per_month,
        storage_cost_usd_per_month, cost_usd_per_month: USD (the guide
        prices no storage).
    replication_factor_count, min_insync_replicas_count, acks: durability.
    broker_quota_exceeded_flag, compression_flag, tiered_storage_flag:
        ecap-1: over the quota at every size; storage sets the count or
        is most of the cost, so compress; and tier data older than a day.
    instance_type, price_date: the broker size and the date of its prices.
    """

    _enums = {"model": Model, "reason": KafkaReason}
    _bools = frozenset({"broker_quota_exceeded_flag", "compression_flag",
                        "tiered_storage_flag"})

    model: Model
    reason: KafkaReason
    peak_events_per_second: float
    ingress_mb_per_second: float
    peak_ingress_mb_per_second: float
    daily_storage_gb: float
    data_storage_gb: float
    segment_allowance_gb: float
    total_storage_gb: float
    partitions_count: int
    partitions_by_throughput_count: int
    brokers_count: int
    brokers_by_storage_count: int
    brokers_by_throughput_count: int
    brokers_by_partition_replicas_count: int
    brokers_minimum_count: int
    availability_zone_count: int
    broker_quota_count: int
    max_partition_replicas_per_broker: int
    broker_throughput_mb_per_second: float
    broker_disk_gb: float
    storage_per_broker_gb: float
    broker_price_usd_per_hour: float
    broker_cost_usd_per_month: float
    storage_cost_usd_per_month: float
    cost_usd_per_month: float
    replication_factor_count: int
    min_insync_replicas_count: int
    broker_quota_exceeded_flag: bool
    compression_flag: bool
    tiered_storage_flag: bool
    acks: str
    instance_type: str
    price_date: str

    @property
    def reason_text(self) -> str:
        """One sentence naming the size, the limit and numbers that
        decided, and the cost (ecap_kafka_explain), written on demand."""
        return explain_record("ecap_kafka_explain", S.KafkaOutStruct, self)


@lean("ecap_kafka_advise", S.KafkaInStruct, S.KafkaOutStruct, KafkaAdvice)
def advise_kafka(policy: Policy, *, events_per_second: float = 0.0,
                 peak_events_per_second: float = 0.0,
                 peak_factor: float = 0.0, event_size_kb: float = 0.0,
                 replication_factor: int = 0, retention_hours: float = 0.0,
                 ingress_mb_per_second: float = 0.0,
                 peak_ingress_mb_per_second: float = 0.0,
                 partition_produce_mb_per_second: float = 0.0,
                 partition_consume_mb_per_second: float = 0.0,
                 consumer_count: int = 0, broker_disk_gb: float = 0.0,
                 broker_throughput_mb_per_second: float = 0.0,
                 max_partition_replicas_per_broker: int = 0,
                 instance_type: str = "") -> KafkaAdvice:
    """Sizes a Kafka cluster (ecap_kafka_advise).  0 means "use the policy".

    events_per_second: average events a second, 0 .. 1e10.
    peak_events_per_second: peak events/s; 0 = average x peak_factor;
        at least the average.  ecap-1 only.
    peak_factor: 0 = policy kafka.peak_factor (2); 1 .. 100.  ecap-1 only.
    event_size_kb: KB per event; 0 = policy kafka.event_size_kb (0.75).
    replication_factor: 0 = policy kafka.replication_factor (3); 0 .. 32.
    retention_hours: hours; 0 = policy kafka.retention_hours (168).
    ingress_mb_per_second, peak_ingress_mb_per_second: the rate in MB/s
        instead of events (not both).  ecap-1 only.
    partition_produce_mb_per_second, partition_consume_mb_per_second:
        Confluent's p and c; 0 = policy (10 and 5).  ecap-1 only.
    consumer_count: consumers in the largest group; 0 = none.  ecap-1.
    broker_disk_gb: most GB per broker; 0 = policy (16384).  ecap-1.
    broker_throughput_mb_per_second, max_partition_replicas_per_broker:
        override every catalog entry's limit; 0 = the entry's.  ecap-1.
    instance_type: a kafka-broker catalog entry; "" = the cheapest.
    """
    return lean_reference(advise_kafka, locals())


def kafka_reason_to_string(reason: Union[KafkaReason, int]) -> Optional[str]:
    """A reason's name, e.g. "storage"; None for an unknown value."""
    return enum_to_string("ecap_kafka_reason_to_string", reason)


def kafka_reason_from_string(name: str) -> KafkaReason:
    """Parses a reason name; UnknownEnumError if unknown."""
    return enum_from_string("ecap_kafka_reason_from_string", KafkaReason, name)
