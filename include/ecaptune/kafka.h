/* SPDX-License-Identifier: MIT */
/*
 * ecaptune/kafka.h - Kafka sizing.
 *
 * Part of the public interface; include <ecaptune.h>, not this file.
 */
#ifndef ECAPTUNE_KAFKA_H
#define ECAPTUNE_KAFKA_H

#ifndef ECAPTUNE_H
#error "include <ecaptune.h> instead of <ecaptune/kafka.h>"
#endif

/* ------------------------------------------------------------------------
 * Kafka sizing
 */
/*
 * Kafka sizing: partitions, brokers, storage per broker and cost for an
 * event rate (the guide's calculate_kafka_resources).
 *
 * guide:  daily_storage_gb = eps * 86400 * event_size_kb * RF / 1024 / 1024;
 *         total = daily * retention_hours / 24; partitions = max(12,
 *         int(daily * 1024 / 50)); brokers = max(3, int(partitions / 10));
 *         storage_per_broker_gb = int(total / brokers * 1.3).
 * ecap-1: partitions = max(ceil(peak / partition throughput), consumers,
 *         min partitions); storage = (rate * retention * RF + one segment
 *         per partition replica) * (1 + buffer); brokers = the largest of
 *         the storage, throughput, partition-replica and minimum limits.
 */
#define ECAP_KAFKA_MAX_EVENTS_PER_SECOND 1e10

/* The limit that decided the broker count (pinned values). */
enum ecap_kafka_reason {
	/* The minimum: kafka.min_brokers (3), or the replication factor
	 * when larger (ecap-1). */
	ECAP_KAFKA_REASON_MINIMUM = 1,
	/* guide: int(partitions / kafka.guide_partitions_per_broker). */
	ECAP_KAFKA_REASON_GUIDE_PARTITIONS = 2,
	/* ecap-1: disk for the retained data. */
	ECAP_KAFKA_REASON_STORAGE = 3,
	/* ecap-1: write throughput at the peak, replicas included. */
	ECAP_KAFKA_REASON_THROUGHPUT = 4,
	/* ecap-1: partition replicas per broker. */
	ECAP_KAFKA_REASON_PARTITION_REPLICAS = 5,
};

struct ecap_kafka_in {
	size_t sz;
	/* Average events a second; range 0 .. 1e10 (required). */
	double events_per_second;
	/* Peak events a second; 0 = events_per_second * peak_factor; range
	 * events_per_second .. 1e10.  ecap-1 only. */
	double peak_events_per_second;
	/* 0 = policy kafka.peak_factor (2); range 1 .. 100.  ecap-1 only. */
	double peak_factor;
	/* 0 = policy kafka.event_size_kb (0.75); range 0 .. 1048576. */
	double event_size_kb;
	/* 0 = policy kafka.replication_factor (3); range 0 .. 32. */
	int64_t replication_factor;
	/* 0 = policy kafka.retention_hours (168); range 0 .. 876000. */
	double retention_hours;
	/* 0 = policy kafka.partition_throughput_events_per_second (1000);
	 * range 0 .. 1e9.  ecap-1 only. */
	double partition_throughput_events_per_second;
	/* Consumers in the largest consumer group; 0 = none given; range
	 * 0 .. 1e7.  ecap-1 only. */
	int64_t consumer_count;
	/* 0 = policy kafka.broker_disk_gb (1000); range 0 .. 1e9.  ecap-1. */
	double broker_disk_gb;
	/* 0 = policy kafka.broker_throughput_mb_per_second (50); range
	 * 0 .. 1e9.  ecap-1 only. */
	double broker_throughput_mb_per_second;
	/* 0 = policy kafka.max_partition_replicas_per_broker (4000); range
	 * 0 .. 1e7.  ecap-1 only. */
	int64_t max_partition_replicas_per_broker;
	size_t :0;
};
#define ecap_kafka_in__last_field max_partition_replicas_per_broker

struct ecap_kafka_out {
	size_t sz;
	/* enum ecap_model and enum ecap_kafka_reason. */
	int32_t model;
	int32_t reason;
	/* The peak rate sized for (ecap-1; the average for guide). */
	double peak_events_per_second;
	/* Average ingress before replication, MB/s. */
	double ingress_mb_per_second;
	/* Replicated data written a day. */
	double daily_storage_gb;
	/* Replicated data retained. */
	double data_storage_gb;
	/* ecap-1: one open segment per partition replica (0 for guide). */
	double segment_allowance_gb;
	/* ecap-1: (data + allowance) * (1 + buffer); guide: data. */
	double total_storage_gb;
	int64_t partitions_count;
	int64_t brokers_count;
	/* ecap-1: brokers each limit needs (0 for guide). */
	int64_t brokers_by_storage_count;
	int64_t brokers_by_throughput_count;
	int64_t brokers_by_partition_replicas_count;
	int64_t brokers_minimum_count;
	/* guide: int(total / brokers * 1.3); ecap-1: ceil(total / brokers). */
	double storage_per_broker_gb;
	/* brokers * kafka.broker_price_usd_per_hour * cost.hours_per_month. */
	double cost_usd_per_month;
	int64_t replication_factor_count;
	/* RF - 1, at least 1 (2 for RF 3). */
	int64_t min_insync_replicas_count;
	/* Producer acks: "all" when RF >= 2, else "1". */
	char acks[8];
	/* Policy kafka.instance_type. */
	char instance_type[64];
	char reason_text[256];
	size_t :0;
};
#define ecap_kafka_out__last_field reason_text

/** Sizes a Kafka cluster (see above and ecap_kafka_advise(3)). */
ECAP_API int ecap_kafka_advise(const ecap_policy *policy,
			       const struct ecap_kafka_in *in,
			       struct ecap_kafka_out *out,
			       struct ecap_error *err);

#endif /* ECAPTUNE_KAFKA_H */
