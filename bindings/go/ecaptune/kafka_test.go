// SPDX-License-Identifier: MIT

package ecaptune

import (
	"math"
	"strings"
	"testing"
)

// guide_thousand_events and guide_minimums, from tests/test-kafka.c.
func TestKafkaGuide(t *testing.T) {
	p := guidePolicy(t)
	a, err := p.AdviseKafka(KafkaInput{EventsPerSecond: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// guide by hand: daily_events = 1000 * 86400 = 86,400,000;
	// daily_storage_gb = 86.4e6 * 0.75 * 3 / 1024 / 1024 = 185.394287109375;
	// total = 185.394287109375 * 168 / 24 = 1297.760009765625 GB;
	// partitions = max(12, int(185.394287109375 * 1024 / 50))
	//            = int(3796.875) = 3796;
	// brokers = max(3, int(3796 / 10)) = 379;
	// storage_per_broker = int(1297.760009765625 / 379 * 1.3) = 4;
	// cost = 379 * 0.192 * 24 * 30 = 52392.96.
	if a.Model != ModelGuide || !near(a.DailyStorageGB, 185.394287109375) || !near(a.TotalStorageGB, 1297.760009765625) ||
		a.PartitionsCount != 3796 || a.BrokersCount != 379 || a.StoragePerBrokerGB != 4 ||
		!near(a.CostUSDPerMonth, 52392.96) || a.Reason != KafkaReasonGuidePartitions ||
		a.InstanceType != "kafka.m5.large" || a.SegmentAllowanceGB != 0 || a.BrokersByStorageCount != 0 {
		t.Errorf("%+v", a)
	}
	// 1 event/s: int(0.185394 * 1024 / 50) = 3 < 12 -> 12 partitions;
	// int(12 / 10) = 1 < 3 -> 3 brokers; 3 * 0.192 * 720 = 414.72
	a, _ = p.AdviseKafka(KafkaInput{EventsPerSecond: 1})
	if a.PartitionsCount != 12 || a.BrokersCount != 3 || a.Reason != KafkaReasonMinimum || !near(a.CostUSDPerMonth, 414.72) {
		t.Errorf("%+v", a)
	}
}

// ecap1_thousand_events and the 100k events/s case of tests/test-kafka.c.
func TestKafkaECAP1(t *testing.T) {
	p := newPolicy(t)
	a, err := p.AdviseKafka(KafkaInput{EventsPerSecond: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// peak = 1000 * 2 = 2000 events/s = 1.46484375 MB/s; Confluent
	// max(ceil(1.46 / 10), ceil(1.46 / 5)) = 1 -> kafka.min_partitions 12;
	// data 1297.760009765625 GB; open segments 12 * 3 * 1 GiB = 36 GB;
	// (1297.76 + 36) * 1.3; every size: storage 1, throughput 1, replicas
	// 1, minimum 3 -> 3 brokers; ceil(1733.888 / 3) = 578 GB
	if !near(a.PeakEventsPerSecond, 2000) || a.PartitionsCount != 12 || a.PartitionsByThroughputCount != 1 ||
		!near(a.DataStorageGB, 1297.760009765625) || !near(a.SegmentAllowanceGB, 36) ||
		!near(a.TotalStorageGB, 1333.760009765625*1.3) || a.BrokersByStorageCount != 1 ||
		a.BrokersMinimumCount != 3 || a.BrokersCount != 3 || a.Reason != KafkaReasonMinimum ||
		a.StoragePerBrokerGB != 578 || a.MinInsyncReplicasCount != 2 || a.Acks != "all" ||
		!near(a.BrokerCostUSDPerMonth, 3*a.BrokerPriceUSDPerHour*720) || a.StorageCostUSDPerMonth <= 0 ||
		!near(a.CostUSDPerMonth, a.BrokerCostUSDPerMonth+a.StorageCostUSDPerMonth) {
		t.Errorf("%+v", a)
	}
	// 100k events/s: 129776.0 / 3 / 1024 -> 43 partitions of at most
	// 1024 GiB a replica (30 by throughput); (129776.0009765625 + 43 * 3
	// GiB) * 1.3 = 168876.5 GB; ceil(/ 16384) = 11 brokers, 12 on 3 zones
	a, err = p.AdviseKafka(KafkaInput{EventsPerSecond: 100000})
	if err != nil {
		t.Fatal(err)
	}
	if !near(a.TotalStorageGB, 168876.50126953126) || a.PartitionsCount != 43 || a.PartitionsByThroughputCount != 30 ||
		a.BrokersByStorageCount != 11 || a.BrokersCount != 12 ||
		a.Reason != KafkaReasonStorage || !a.Compression || !a.TieredStorage || a.BrokerQuotaExceeded {
		t.Errorf("%+v", a)
	}
	text, err := a.ReasonText()
	if err != nil || !strings.Contains(text, "rounded up to 12 for 3 availability zones") {
		t.Errorf("%q %v", text, err)
	}
	if _, err := (KafkaAdvice{}).ReasonText(); err == nil {
		t.Error("the zero advice explained itself")
	}
	// Confluent: 2 MB/s with p = 1 and c = 0.5 MB/s: max(2, 4) = 4
	if err := p.SetInt64("kafka.min_partitions", 1); err != nil {
		t.Fatal(err)
	}
	a, err = p.AdviseKafka(KafkaInput{IngressMBPerSecond: 2, PeakFactor: 1,
		PartitionProduceMBPerSecond: 1, PartitionConsumeMBPerSecond: 0.5})
	if err != nil || a.PartitionsCount != 4 {
		t.Errorf("%+v %v", a, err)
	}
	// MSK's kafka.m5.large holds 1000 replicas: 2500 * 3 / 1000 -> 8 -> 9
	a, err = p.AdviseKafka(KafkaInput{EventsPerSecond: 1000, ConsumerCount: 2500, InstanceType: "kafka.m5.large"})
	if err != nil || a.InstanceType != "kafka.m5.large" || a.BrokersCount != 9 ||
		a.Reason != KafkaReasonPartitionReplicas {
		t.Errorf("%+v %v", a, err)
	}
	if KafkaReasonPartitionReplicas.String() != "partition-replicas" || KafkaReason(99).String() != "KafkaReason(99)" {
		t.Error(KafkaReasonPartitionReplicas)
	}
	if r, err := ParseKafkaReason("storage"); err != nil || r != KafkaReasonStorage {
		t.Error(r, err)
	}
	_, err = ParseKafkaReason("disk")
	wantErr(t, "disk", err, ErrUnknownEnum, "reason")
}

// bad_input.
func TestKafkaBadInput(t *testing.T) {
	p := newPolicy(t)
	for _, c := range []struct {
		in    KafkaInput
		code  Code
		field string
	}{
		{KafkaInput{EventsPerSecond: math.NaN()}, ErrInvalid, "events_per_second"},
		{KafkaInput{EventsPerSecond: -1}, ErrRange, "events_per_second"},
		{KafkaInput{EventsPerSecond: 2e10}, ErrRange, "events_per_second"},
		{KafkaInput{EventsPerSecond: 10, PeakEventsPerSecond: math.Inf(1)}, ErrInvalid, "peak_events_per_second"},
		{KafkaInput{EventsPerSecond: 10, PeakEventsPerSecond: 5}, ErrRange, "peak_events_per_second"}, // < average
		{KafkaInput{EventsPerSecond: 10, PeakFactor: 0.5}, ErrRange, "peak_factor"},
		{KafkaInput{EventsPerSecond: 10, ReplicationFactor: 33}, ErrRange, "replication_factor"},
		{KafkaInput{EventsPerSecond: 10, ConsumerCount: -1}, ErrRange, "consumer_count"},
		{KafkaInput{EventsPerSecond: 10, RetentionHours: 876001}, ErrRange, "retention_hours"},
		{KafkaInput{EventsPerSecond: 10, IngressMBPerSecond: 1}, ErrInvalid, "ingress_mb_per_second"},
		{KafkaInput{EventsPerSecond: 10, InstanceType: "kafka.nope"}, ErrNotFound, "instance_type"},
	} {
		_, err := p.AdviseKafka(c.in)
		wantErr(t, c.field, err, c.code, c.field)
	}
}
