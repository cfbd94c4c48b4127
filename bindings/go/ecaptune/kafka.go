// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_kafka_explain
#cgo nocallback ecap_kafka_explain
#cgo noescape ecap_kafka_reason_from_string
#cgo nocallback ecap_kafka_reason_from_string
#cgo noescape ecap_kafka_reason_to_string
#cgo nocallback ecap_kafka_reason_to_string
#cgo noescape ecap_model_to_string
#cgo nocallback ecap_model_to_string
#cgo noescape ecap_go_kafka_advise
#cgo nocallback ecap_go_kafka_advise

// ecap_kafka_advise for adviseLean: the handle as a byte pointer, which
// cgo does not inspect.
static int
ecap_go_kafka_advise(const char *policy, const struct ecap_kafka_in *in,
                     struct ecap_kafka_out *out, struct ecap_error *err)
{
	return ecap_kafka_advise((const ecap_policy *)(const void *)policy, in, out, err);
}
*/
import "C"

// KafkaMaxEventsPerSecond is the largest event rate accepted.
// C: ECAP_KAFKA_MAX_EVENTS_PER_SECOND.
const KafkaMaxEventsPerSecond = 1e+10

// KafkaMaxIngressMBPerSecond is the largest ingress accepted, MB/s.
// C: ECAP_KAFKA_MAX_INGRESS_MB_PER_SECOND.
const KafkaMaxIngressMBPerSecond = 1e+07

// KafkaReason is the limit that decided the broker count (enum
// ecap_kafka_reason).
type KafkaReason int32

const (
	// KafkaReasonMinimum is ECAP_KAFKA_REASON_MINIMUM: kafka.min_brokers (or RF).
	KafkaReasonMinimum KafkaReason = 1
	// KafkaReasonGuidePartitions is ECAP_KAFKA_REASON_GUIDE_PARTITIONS: guide: partitions / 10.
	KafkaReasonGuidePartitions KafkaReason = 2
	// KafkaReasonStorage is ECAP_KAFKA_REASON_STORAGE: ecap-1: disk.
	KafkaReasonStorage KafkaReason = 3
	// KafkaReasonThroughput is ECAP_KAFKA_REASON_THROUGHPUT: ecap-1: write throughput.
	KafkaReasonThroughput KafkaReason = 4
	// KafkaReasonPartitionReplicas is ECAP_KAFKA_REASON_PARTITION_REPLICAS: ecap-1: replicas per broker.
	KafkaReasonPartitionReplicas KafkaReason = 5
)

// String names the reason, e.g. "storage" (ecap_kafka_reason_to_string).
func (r KafkaReason) String() string {
	return enumString(C.ecap_kafka_reason_to_string(C.int32_t(r)), "KafkaReason", int32(r))
}

// ParseKafkaReason parses a reason name (ecap_kafka_reason_from_string).
func ParseKafkaReason(name string) (KafkaReason, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_kafka_reason_from_string(cs, v, ce)
	})
	return KafkaReason(v), err
}

// KafkaInput is an event rate, or an ingress in MB/s, to size a Kafka
// cluster for (struct ecap_kafka_in).  Zero means "not given": the
// policy's value.  Fields marked ecap-1 are ignored by the guide model.
type KafkaInput struct {
	EventsPerSecond               float64 // 0 .. 1e10
	PeakEventsPerSecond           float64 // ecap-1; 0 = EventsPerSecond * PeakFactor
	PeakFactor                    float64 // ecap-1; 0 = policy kafka.peak_factor
	EventSizeKB                   float64 // 0 = policy kafka.event_size_kb
	ReplicationFactor             int64   // 0 = policy kafka.replication_factor
	RetentionHours                float64 // 0 = policy kafka.retention_hours
	IngressMBPerSecond            float64 // ecap-1; instead of EventsPerSecond
	PeakIngressMBPerSecond        float64 // ecap-1; 0 = IngressMBPerSecond * PeakFactor
	PartitionProduceMBPerSecond   float64 // ecap-1; Confluent's p
	PartitionConsumeMBPerSecond   float64 // ecap-1; Confluent's c
	ConsumerCount                 int64   // ecap-1; consumers in the largest group
	BrokerDiskGB                  float64 // ecap-1; most storage per broker
	BrokerThroughputMBPerSecond   float64 // ecap-1; 0 = each catalog entry's
	MaxPartitionReplicasPerBroker int64   // ecap-1; 0 = each catalog entry's
	InstanceType                  string  // ecap-1; "" = the cheapest catalog entry
}

// KafkaAdvice is the Kafka sizing (struct ecap_kafka_out).  ReasonText
// explains it on demand.
type KafkaAdvice struct {
	Model                           Model
	Reason                          KafkaReason
	PeakEventsPerSecond             float64
	IngressMBPerSecond              float64
	PeakIngressMBPerSecond          float64 // ecap-1 only
	DailyStorageGB                  float64
	DataStorageGB                   float64
	SegmentAllowanceGB              float64
	TotalStorageGB                  float64
	PartitionsCount                 int64
	PartitionsByThroughputCount     int64 // ecap-1 only
	BrokersCount                    int64
	BrokersByStorageCount           int64 // ecap-1 only
	BrokersByThroughputCount        int64 // ecap-1 only
	BrokersByPartitionReplicasCount int64 // ecap-1 only
	BrokersMinimumCount             int64
	AvailabilityZoneCount           int64 // ecap-1 only
	BrokerQuotaCount                int64 // ecap-1 only
	MaxPartitionReplicasPerBroker   int64
	BrokerThroughputMBPerSecond     float64 // ecap-1 only
	BrokerDiskGB                    float64 // ecap-1 only
	StoragePerBrokerGB              float64
	BrokerPriceUSDPerHour           float64
	BrokerCostUSDPerMonth           float64
	StorageCostUSDPerMonth          float64 // ecap-1 only
	CostUSDPerMonth                 float64
	ReplicationFactorCount          int64
	MinInsyncReplicasCount          int64
	BrokerQuotaExceeded             bool   // ecap-1: over the quota at every size
	Compression                     bool   // ecap-1: storage sets the count or most of the cost; compress
	TieredStorage                   bool   // ecap-1: and tier data older than a day
	Acks                            string // "all" or "1"
	InstanceType                    string
	PriceDate                       string // ecap-1: "YYYY-MM-DD"
}

// AdviseKafka sizes a Kafka cluster (ecap_kafka_advise: the guide's
// calculate_kafka_resources, or ecap-1 choosing an Amazon MSK broker size).
func (p *Policy) AdviseKafka(in KafkaInput) (a KafkaAdvice, err error) {
	var ci C.struct_ecap_kafka_in
	initSized(&ci, C.sizeof_struct_ecap_kafka_in)
	ci.events_per_second = C.double(in.EventsPerSecond)
	ci.peak_events_per_second = C.double(in.PeakEventsPerSecond)
	ci.peak_factor = C.double(in.PeakFactor)
	ci.event_size_kb = C.double(in.EventSizeKB)
	ci.replication_factor = C.int64_t(in.ReplicationFactor)
	ci.retention_hours = C.double(in.RetentionHours)
	ci.ingress_mb_per_second = C.double(in.IngressMBPerSecond)
	ci.peak_ingress_mb_per_second = C.double(in.PeakIngressMBPerSecond)
	ci.partition_produce_mb_per_second = C.double(in.PartitionProduceMBPerSecond)
	ci.partition_consume_mb_per_second = C.double(in.PartitionConsumeMBPerSecond)
	ci.consumer_count = C.int64_t(in.ConsumerCount)
	ci.broker_disk_gb = C.double(in.BrokerDiskGB)
	ci.broker_throughput_mb_per_second = C.double(in.BrokerThroughputMBPerSecond)
	ci.max_partition_replicas_per_broker = C.int64_t(in.MaxPartitionReplicasPerBroker)
	if err := setChars(ci.instance_type[:], in.InstanceType, "instance_type"); err != nil {
		return KafkaAdvice{}, err
	}
	var out C.struct_ecap_kafka_out
	initSized(&out, C.sizeof_struct_ecap_kafka_out)
	err = p.adviseLean(func(cp *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_go_kafka_advise(cp, &ci, &out, ce)
	})
	if err == nil {
		a.fromC(&out)
	}
	return a, err
}

// fromC fills a from the C advice, field by field in place (a returned
// composite literal costs a copy through a stalled store).
func (a *KafkaAdvice) fromC(o *C.struct_ecap_kafka_out) {
	a.Model = Model(o.model)
	a.Reason = KafkaReason(o.reason)
	a.PeakEventsPerSecond = float64(o.peak_events_per_second)
	a.IngressMBPerSecond = float64(o.ingress_mb_per_second)
	a.PeakIngressMBPerSecond = float64(o.peak_ingress_mb_per_second)
	a.DailyStorageGB = float64(o.daily_storage_gb)
	a.DataStorageGB = float64(o.data_storage_gb)
	a.SegmentAllowanceGB = float64(o.segment_allowance_gb)
	a.TotalStorageGB = float64(o.total_storage_gb)
	a.PartitionsCount = int64(o.partitions_count)
	a.PartitionsByThroughputCount = int64(o.partitions_by_throughput_count)
	a.BrokersCount = int64(o.brokers_count)
	a.BrokersByStorageCount = int64(o.brokers_by_storage_count)
	a.BrokersByThroughputCount = int64(o.brokers_by_throughput_count)
	a.BrokersByPartitionReplicasCount = int64(o.brokers_by_partition_replicas_count)
	a.BrokersMinimumCount = int64(o.brokers_minimum_count)
	a.AvailabilityZoneCount = int64(o.availability_zone_count)
	a.BrokerQuotaCount = int64(o.broker_quota_count)
	a.MaxPartitionReplicasPerBroker = int64(o.max_partition_replicas_per_broker)
	a.BrokerThroughputMBPerSecond = float64(o.broker_throughput_mb_per_second)
	a.BrokerDiskGB = float64(o.broker_disk_gb)
	a.StoragePerBrokerGB = float64(o.storage_per_broker_gb)
	a.BrokerPriceUSDPerHour = float64(o.broker_price_usd_per_hour)
	a.BrokerCostUSDPerMonth = float64(o.broker_cost_usd_per_month)
	a.StorageCostUSDPerMonth = float64(o.storage_cost_usd_per_month)
	a.CostUSDPerMonth = float64(o.cost_usd_per_month)
	a.ReplicationFactorCount = int64(o.replication_factor_count)
	a.MinInsyncReplicasCount = int64(o.min_insync_replicas_count)
	a.BrokerQuotaExceeded = o.broker_quota_exceeded_flag != 0
	a.Compression = o.compression_flag != 0
	a.TieredStorage = o.tiered_storage_flag != 0
	a.Acks = goName(o.acks[:])
	a.InstanceType = goName(o.instance_type[:])
	a.PriceDate = goName(o.price_date[:])
}

// c converts an advice back for ecap_kafka_explain.
func (a KafkaAdvice) c() (*C.struct_ecap_kafka_out, error) {
	o := initSized(new(C.struct_ecap_kafka_out), C.sizeof_struct_ecap_kafka_out)
	o.model = C.int32_t(a.Model)
	o.reason = C.int32_t(a.Reason)
	o.peak_events_per_second = C.double(a.PeakEventsPerSecond)
	o.ingress_mb_per_second = C.double(a.IngressMBPerSecond)
	o.peak_ingress_mb_per_second = C.double(a.PeakIngressMBPerSecond)
	o.daily_storage_gb = C.double(a.DailyStorageGB)
	o.data_storage_gb = C.double(a.DataStorageGB)
	o.segment_allowance_gb = C.double(a.SegmentAllowanceGB)
	o.total_storage_gb = C.double(a.TotalStorageGB)
	o.partitions_count = C.int64_t(a.PartitionsCount)
	o.partitions_by_throughput_count = C.int64_t(a.PartitionsByThroughputCount)
	o.brokers_count = C.int64_t(a.BrokersCount)
	o.brokers_by_storage_count = C.int64_t(a.BrokersByStorageCount)
	o.brokers_by_throughput_count = C.int64_t(a.BrokersByThroughputCount)
	o.brokers_by_partition_replicas_count = C.int64_t(a.BrokersByPartitionReplicasCount)
	o.brokers_minimum_count = C.int64_t(a.BrokersMinimumCount)
	o.availability_zone_count = C.int64_t(a.AvailabilityZoneCount)
	o.broker_quota_count = C.int64_t(a.BrokerQuotaCount)
	o.max_partition_replicas_per_broker = C.int64_t(a.MaxPartitionReplicasPerBroker)
	o.broker_throughput_mb_per_second = C.double(a.BrokerThroughputMBPerSecond)
	o.broker_disk_gb = C.double(a.BrokerDiskGB)
	o.storage_per_broker_gb = C.double(a.StoragePerBrokerGB)
	o.broker_price_usd_per_hour = C.double(a.BrokerPriceUSDPerHour)
	o.broker_cost_usd_per_month = C.double(a.BrokerCostUSDPerMonth)
	o.storage_cost_usd_per_month = C.double(a.StorageCostUSDPerMonth)
	o.cost_usd_per_month = C.double(a.CostUSDPerMonth)
	o.replication_factor_count = C.int64_t(a.ReplicationFactorCount)
	o.min_insync_replicas_count = C.int64_t(a.MinInsyncReplicasCount)
	o.broker_quota_exceeded_flag = cBool(a.BrokerQuotaExceeded)
	o.compression_flag = cBool(a.Compression)
	o.tiered_storage_flag = cBool(a.TieredStorage)
	for _, s := range []struct {
		dst        []C.char
		val, field string
	}{
		{o.acks[:], a.Acks, "acks"},
		{o.instance_type[:], a.InstanceType, "instance_type"},
		{o.price_date[:], a.PriceDate, "price_date"},
	} {
		if err := setChars(s.dst, s.val, s.field); err != nil {
			return nil, err
		}
	}
	return o, nil
}

// ReasonText is one sentence naming the size, the limit and numbers that
// decided, and the cost (ecap_kafka_explain), written when asked for.  The
// zero KafkaAdvice has none (its model is 0): an error.
func (a KafkaAdvice) ReasonText() (string, error) {
	// ecap_kafka_explain takes any model other than the guide's as
	// ecap-1's, so an advice that is no advice is refused here.
	if C.ecap_model_to_string(C.int32_t(a.Model)) == nil {
		return "", goFail(ErrInvalid, "model", "advice model %d is not an advice; pass the output of AdviseKafka", a.Model)
	}
	o, err := a.c()
	if err != nil {
		return "", err
	}
	return callExplain(func(buf *C.char, n C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_kafka_explain(o, buf, n, ce)
	})
}
