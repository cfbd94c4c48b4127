// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
*/
import "C"

// KafkaMaxEventsPerSecond is the largest event rate accepted.
const KafkaMaxEventsPerSecond = C.ECAP_KAFKA_MAX_EVENTS_PER_SECOND

// KafkaReason is the limit that decided the broker count (enum
// ecap_kafka_reason).
type KafkaReason int32

const (
	KafkaReasonMinimum           KafkaReason = C.ECAP_KAFKA_REASON_MINIMUM            // kafka.min_brokers (or RF)
	KafkaReasonGuidePartitions   KafkaReason = C.ECAP_KAFKA_REASON_GUIDE_PARTITIONS   // guide: partitions / 10
	KafkaReasonStorage           KafkaReason = C.ECAP_KAFKA_REASON_STORAGE            // ecap-1: disk
	KafkaReasonThroughput        KafkaReason = C.ECAP_KAFKA_REASON_THROUGHPUT         // ecap-1: write throughput
	KafkaReasonPartitionReplicas KafkaReason = C.ECAP_KAFKA_REASON_PARTITION_REPLICAS // ecap-1: replicas per broker
)

var kafkaReasonNames = map[KafkaReason]string{
	KafkaReasonMinimum:           "minimum",
	KafkaReasonGuidePartitions:   "guide-partitions",
	KafkaReasonStorage:           "storage",
	KafkaReasonThroughput:        "throughput",
	KafkaReasonPartitionReplicas: "partition-replicas",
}

// String names the reason, e.g. "storage".
func (r KafkaReason) String() string { return enumName(kafkaReasonNames, r, "KafkaReason") }

// KafkaInput is an event rate to size a Kafka cluster for (struct
// ecap_kafka_in).  Zero means "not given": the policy's value.  Fields
// marked ecap-1 are ignored by the guide model.
type KafkaInput struct {
	EventsPerSecond                    float64 // required, 0 .. 1e10
	PeakEventsPerSecond                float64 // ecap-1; 0 = EventsPerSecond * PeakFactor
	PeakFactor                         float64 // ecap-1; 0 = policy kafka.peak_factor
	EventSizeKB                        float64 // 0 = policy kafka.event_size_kb
	ReplicationFactor                  int64   // 0 = policy kafka.replication_factor
	RetentionHours                     float64 // 0 = policy kafka.retention_hours
	PartitionThroughputEventsPerSecond float64 // ecap-1
	ConsumerCount                      int64   // ecap-1; consumers in the largest group
	BrokerDiskGB                       float64 // ecap-1
	BrokerThroughputMBPerSecond        float64 // ecap-1
	MaxPartitionReplicasPerBroker      int64   // ecap-1
}

// KafkaAdvice is the Kafka sizing (struct ecap_kafka_out).
type KafkaAdvice struct {
	Model                           Model
	Reason                          KafkaReason
	PeakEventsPerSecond             float64
	IngressMBPerSecond              float64
	DailyStorageGB                  float64
	DataStorageGB                   float64
	SegmentAllowanceGB              float64
	TotalStorageGB                  float64
	PartitionsCount                 int64
	BrokersCount                    int64
	BrokersByStorageCount           int64 // ecap-1 only
	BrokersByThroughputCount        int64 // ecap-1 only
	BrokersByPartitionReplicasCount int64 // ecap-1 only
	BrokersMinimumCount             int64 // ecap-1 only
	StoragePerBrokerGB              float64
	CostUSDPerMonth                 float64
	ReplicationFactorCount          int64
	MinInsyncReplicasCount          int64
	Acks                            string // "all" or "1"
	InstanceType                    string
	ReasonText                      string
}

// AdviseKafka sizes a Kafka cluster for an event rate (ecap_kafka_advise:
// the guide's calculate_kafka_resources, or ecap-1).
func (p *Policy) AdviseKafka(in KafkaInput) (KafkaAdvice, error) {
	ci := initSized(new(C.struct_ecap_kafka_in), C.sizeof_struct_ecap_kafka_in)
	ci.events_per_second = C.double(in.EventsPerSecond)
	ci.peak_events_per_second = C.double(in.PeakEventsPerSecond)
	ci.peak_factor = C.double(in.PeakFactor)
	ci.event_size_kb = C.double(in.EventSizeKB)
	ci.replication_factor = C.int64_t(in.ReplicationFactor)
	ci.retention_hours = C.double(in.RetentionHours)
	ci.partition_throughput_events_per_second = C.double(in.PartitionThroughputEventsPerSecond)
	ci.consumer_count = C.int64_t(in.ConsumerCount)
	ci.broker_disk_gb = C.double(in.BrokerDiskGB)
	ci.broker_throughput_mb_per_second = C.double(in.BrokerThroughputMBPerSecond)
	ci.max_partition_replicas_per_broker = C.int64_t(in.MaxPartitionReplicasPerBroker)
	o := initSized(new(C.struct_ecap_kafka_out), C.sizeof_struct_ecap_kafka_out)
	err := p.advise(func(cp *C.ecap_policy, ce *C.struct_ecap_error) C.int {
		return C.ecap_kafka_advise(cp, ci, o, ce)
	})
	if err != nil {
		return KafkaAdvice{}, err
	}
	return KafkaAdvice{
		Model:                           Model(o.model),
		Reason:                          KafkaReason(o.reason),
		PeakEventsPerSecond:             float64(o.peak_events_per_second),
		IngressMBPerSecond:              float64(o.ingress_mb_per_second),
		DailyStorageGB:                  float64(o.daily_storage_gb),
		DataStorageGB:                   float64(o.data_storage_gb),
		SegmentAllowanceGB:              float64(o.segment_allowance_gb),
		TotalStorageGB:                  float64(o.total_storage_gb),
		PartitionsCount:                 int64(o.partitions_count),
		BrokersCount:                    int64(o.brokers_count),
		BrokersByStorageCount:           int64(o.brokers_by_storage_count),
		BrokersByThroughputCount:        int64(o.brokers_by_throughput_count),
		BrokersByPartitionReplicasCount: int64(o.brokers_by_partition_replicas_count),
		BrokersMinimumCount:             int64(o.brokers_minimum_count),
		StoragePerBrokerGB:              float64(o.storage_per_broker_gb),
		CostUSDPerMonth:                 float64(o.cost_usd_per_month),
		ReplicationFactorCount:          int64(o.replication_factor_count),
		MinInsyncReplicasCount:          int64(o.min_insync_replicas_count),
		Acks:                            goChars(o.acks[:]),
		InstanceType:                    goChars(o.instance_type[:]),
		ReasonText:                      goChars(o.reason_text[:]),
	}, nil
}
