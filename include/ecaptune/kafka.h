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
 * Kafka sizing: partitions, brokers, storage and monthly cost for an event
 * rate or an ingress in MB/s (see ecap_kafka_advise(3)).
 *
 * guide:  daily_storage_gb = eps * 86400 * event_size_kb * RF / 1024 / 1024;
 *         total = daily * retention_hours / 24; partitions = max(12,
 *         int(daily * 1024 / 50)); brokers = max(3, int(partitions / 10));
 *         storage_per_broker_gb = int(total / brokers * 1.3); cost =
 *         brokers * kafka.broker_price_usd_per_hour * 720.
 * ecap-1: partitions = max(ceil(t / p), ceil(t / c), consumers, minimum)
 *         (Confluent: t the peak MB/s, p and c what one partition produces
 *         and consumes); storage = (ingress * retention * RF + one segment
 *         per partition replica) * (1 + buffer); then, for every Amazon MSK
 *         broker size in the policy's kafka-broker catalog, the brokers
 *         the storage, throughput, partition-replica and minimum limits
 *         need, rounded up to a multiple of the availability zones; the
 *         cheapest size (broker-hours plus storage) within the broker
 *         quota wins.
 */
#define ECAP_KAFKA_MAX_EVENTS_PER_SECOND 1e10
/* Largest ingress accepted, MB/s (1e10 events of 1 KB). */
#define ECAP_KAFKA_MAX_INGRESS_MB_PER_SECOND 1e7

/* The limit that decided the broker count (pinned values). */
enum ecap_kafka_reason {
	/* The minimum: kafka.min_brokers (3), or the replication factor
	 * when larger (ecap-1). */
	ECAP_KAFKA_REASON_MINIMUM = 1,
	/* guide: int(partitions / kafka.guide_partitions_per_broker). */
	ECAP_KAFKA_REASON_GUIDE_PARTITIONS = 2,
	/* ecap-1: disk for the retained data (kafka.broker_disk_gb). */
	ECAP_KAFKA_REASON_STORAGE = 3,
	/* ecap-1: write throughput at the peak, replicas included. */
	ECAP_KAFKA_REASON_THROUGHPUT = 4,
	/* ecap-1: partition replicas per broker. */
	ECAP_KAFKA_REASON_PARTITION_REPLICAS = 5,
};

/** "minimum", "guide-partitions", "storage", "throughput",
 * "partition-replicas"; NULL for an unknown value. */
ECAP_API const char *ecap_kafka_reason_to_string(int32_t reason);
/** Parses a reason name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_kafka_reason_from_string(const char *name, int32_t *reason,
					   struct ecap_error *err);

struct ecap_kafka_in {
	size_t sz;
	/* Average events a second; range 0 .. 1e10.  0 with
	 * ingress_mb_per_second given. */
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
	/* Average ingress before replication, MB/s, instead of events: 0 =
	 * events_per_second * event_size_kb / 1024; range 0 .. 1e7; not
	 * with events_per_second.  ecap-1 only. */
	double ingress_mb_per_second;
	/* Peak ingress, MB/s; 0 = ingress_mb_per_second * peak_factor;
	 * range ingress_mb_per_second .. 1e7.  ecap-1 only. */
	double peak_ingress_mb_per_second;
	/* What one partition takes from producers, MB/s; 0 = policy
	 * kafka.partition_produce_mb_per_second (10); range 0 .. 1e6.
	 * ecap-1 only. */
	double partition_produce_mb_per_second;
	/* What one consumer reads from one partition, MB/s; 0 = policy
	 * kafka.partition_consume_mb_per_second (5); range 0 .. 1e6.
	 * ecap-1 only. */
	double partition_consume_mb_per_second;
	/* Consumers in the largest consumer group; 0 = none given; range
	 * 0 .. 1e7.  ecap-1 only. */
	int64_t consumer_count;
	/* Most storage per broker, GB; 0 = policy kafka.broker_disk_gb
	 * (16384, Amazon MSK's limit); range 0 .. 1e9.  ecap-1 only. */
	double broker_disk_gb;
	/* Sustained write throughput per broker, replicas included, MB/s; 0
	 * = each catalog entry's; range 0 .. 1e9.  ecap-1 only. */
	double broker_throughput_mb_per_second;
	/* Most partition replicas per broker; 0 = each catalog entry's;
	 * range 0 .. 1e7.  ecap-1 only. */
	int64_t max_partition_replicas_per_broker;
	/* Broker size to use, a kafka-broker catalog entry name; "" = the
	 * cheapest that fits.  ecap-1 only. */
	char instance_type[64];
	size_t :0;
};
#define ecap_kafka_in__last_field instance_type

struct ecap_kafka_out {
	size_t sz;
	/* enum ecap_model and enum ecap_kafka_reason. */
	int32_t model;
	int32_t reason;
	/* The peak rate sized for (ecap-1; the average for guide); 0 when
	 * the input was in MB/s. */
	double peak_events_per_second;
	/* Average ingress before replication, MB/s. */
	double ingress_mb_per_second;
	/* ecap-1: peak ingress before replication, MB/s (the guide: 0). */
	double peak_ingress_mb_per_second;
	/* Replicated data written a day. */
	double daily_storage_gb;
	/* Replicated data retained. */
	double data_storage_gb;
	/* ecap-1: one open segment per partition replica (0 for guide). */
	double segment_allowance_gb;
	/* ecap-1: (data + allowance) * (1 + buffer); guide: data. */
	double total_storage_gb;
	int64_t partitions_count;
	/* ecap-1: max(ceil(t / p), ceil(t / c)) before the consumer count
	 * and kafka.min_partitions (0 for guide). */
	int64_t partitions_by_throughput_count;
	int64_t brokers_count;
	/* ecap-1, for the chosen size: brokers each limit needs, before the
	 * rounding to availability zones (0 for guide). */
	int64_t brokers_by_storage_count;
	int64_t brokers_by_throughput_count;
	int64_t brokers_by_partition_replicas_count;
	int64_t brokers_minimum_count;
	/* ecap-1: policy kafka.availability_zone_count and
	 * kafka.max_broker_count (0 for guide). */
	int64_t availability_zone_count;
	int64_t broker_quota_count;
	/* ecap-1: the chosen size's limits: partition replicas per broker
	 * (guide: kafka.guide_partitions_per_broker), write MB/s per broker
	 * and most storage per broker. */
	int64_t max_partition_replicas_per_broker;
	double broker_throughput_mb_per_second;
	double broker_disk_gb;
	/* guide: int(total / brokers * 1.3); ecap-1: ceil(total / brokers),
	 * the volume each broker gets. */
	double storage_per_broker_gb;
	/* Price of one broker-hour of instance_type. */
	double broker_price_usd_per_hour;
	/* brokers * price * cost.hours_per_month (the guide's, bit for bit). */
	double broker_cost_usd_per_month;
	/* ecap-1: brokers * storage_per_broker_gb * the catalog entry's
	 * storage price (0 for guide, which does not price storage). */
	double storage_cost_usd_per_month;
	/* broker + storage. */
	double cost_usd_per_month;
	int64_t replication_factor_count;
	/* RF - 1, at least 1 (2 for RF 3). */
	int64_t min_insync_replicas_count;
	/* ecap-1: 1 when the brokers pass kafka.max_broker_count: even the
	 * size needing the fewest does (the answer is then that size), or
	 * the size named in instance_type does. */
	int32_t broker_quota_exceeded_flag;
	/* ecap-1: storage decided the broker count or costs more than the
	 * brokers: 1 suggests producer compression (compression.type) ... */
	int32_t compression_flag;
	/* ... and, when the retention is over a day, tiered storage. */
	int32_t tiered_storage_flag;
	int32_t reserved_0;
	/* Producer acks: "all" when RF >= 2, else "1". */
	char acks[8];
	/* ecap-1: the chosen catalog entry; guide: policy kafka.instance_type. */
	char instance_type[64];
	/* ecap-1: the date of the entry's prices ("YYYY-MM-DD"); guide: "". */
	char price_date[16];
	size_t :0;
};
#define ecap_kafka_out__last_field price_date

/** Sizes a Kafka cluster (see above and ecap_kafka_advise(3)). */
ECAP_API int ecap_kafka_advise(const ecap_policy *policy,
			       const struct ecap_kafka_in *in,
			       struct ecap_kafka_out *out,
			       struct ecap_error *err);

/**
 * Writes one sentence explaining advice (from ecap_kafka_advise) into buf:
 * the size and count, the limit and numbers that decided, the cost.
 * ECAP_EXPLAIN_MAX bytes always suffice; a smaller buffer gets the
 * sentence truncated and ECAP_ERR_NOSPACE.
 */
ECAP_API int ecap_kafka_explain(const struct ecap_kafka_out *advice,
				char *buf, size_t size,
				struct ecap_error *err);

#endif /* ECAPTUNE_KAFKA_H */
