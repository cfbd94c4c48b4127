// SPDX-License-Identifier: MIT

package ecaptune

import (
	"math"
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

// ecap1_thousand_events.
func TestKafkaECAP1(t *testing.T) {
	p := newPolicy(t)
	a, err := p.AdviseKafka(KafkaInput{EventsPerSecond: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// peak = 1000 * 2 = 2000 events/s; partitions max(ceil(2000 / 1000),
	// 0, 12) = 12; data 1297.760009765625 GB; open segments 12 * 3 * 1
	// GiB = 36 GB; (1297.76 + 36) * 1.3; limits: storage 2, throughput 1,
	// replicas 1, minimum 3 -> 3 brokers; ceil(1733.888 / 3) = 578 GB
	if !near(a.PeakEventsPerSecond, 2000) || a.PartitionsCount != 12 || !near(a.DataStorageGB, 1297.760009765625) ||
		!near(a.SegmentAllowanceGB, 36) || !near(a.TotalStorageGB, 1333.760009765625*1.3) ||
		a.BrokersByStorageCount != 2 || a.BrokersByThroughputCount != 1 || a.BrokersByPartitionReplicasCount != 1 ||
		a.BrokersMinimumCount != 3 || a.BrokersCount != 3 || a.Reason != KafkaReasonMinimum ||
		a.StoragePerBrokerGB != 578 || a.MinInsyncReplicasCount != 2 || a.Acks != "all" {
		t.Errorf("%+v", a)
	}
	if KafkaReasonPartitionReplicas.String() != "partition-replicas" {
		t.Error(KafkaReasonPartitionReplicas)
	}
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
	} {
		_, err := p.AdviseKafka(c.in)
		wantErr(t, c.field, err, c.code, c.field)
	}
}
