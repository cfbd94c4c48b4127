/* SPDX-License-Identifier: MIT */
/*
 * Kafka sizing: the guide's calculate_kafka_resources by hand; ecap-1's
 * Confluent partitions, storage, MSK broker sizes, limits, zones and quota,
 * the durability settings, bad input, and properties over 1 to 10 million
 * events a second.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

ADVISOR_FIXTURE(kafka)
ADVISE_BY(kafka, events_per_second, double)

static char why[ECAP_EXPLAIN_MAX];

/* The sentence for out. */
static void
explain(void)
{
	ck_assert_msg(ecap_kafka_explain(&out, why, sizeof(why), &err) == 0,
		      "%s", err.message);
}

static void
set_size(char dst[64], const char *src)
{
	snprintf(dst, 64, "%s", src);
}

START_TEST(guide_thousand_events)
{
	use_model("guide");
	advise(1000);
	/*
	 * guide by hand: daily_events = 1000 * 86400 = 86,400,000;
	 * daily_storage_gb = 86.4e6 * 0.75 * 3 / 1024 / 1024
	 *                  = 194,400,000 / 1,048,576 = 185.394287109375;
	 * total = 185.394287109375 * 168 / 24 = 1297.760009765625 GB;
	 * partitions = max(12, int(185.394287109375 * 1024 / 50))
	 *            = int(189843.75 / 50) = int(3796.875) = 3796;
	 * brokers = max(3, int(3796 / 10)) = 379;
	 * storage_per_broker = int(1297.760009765625 / 379 * 1.3)
	 *                    = int(4.4514...) = 4;
	 * cost = 379 * 0.192 * 24 * 30 = 52392.96.
	 */
	ck_assert_double_near(out.daily_storage_gb, 185.394287109375);
	ck_assert_double_near(out.total_storage_gb, 1297.760009765625);
	ck_assert_int_eq(out.partitions_count, 3796);
	ck_assert_int_eq(out.brokers_count, 379);
	ck_assert_double_near(out.storage_per_broker_gb, 4.0);
	ck_assert_double_near(out.cost_usd_per_month, 52392.96);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_GUIDE_PARTITIONS);
	ck_assert_str_eq(out.instance_type, "kafka.m5.large");
	/* the guide model has no segment allowance or ecap-1 limits */
	ck_assert_double_near(out.segment_allowance_gb, 0.0);
	ck_assert_int_eq(out.brokers_by_storage_count, 0);
}
END_TEST

/*
 * The guide reports the policy's kafka.instance_type.  A shorter name set
 * over a longer one leaves no byte of the longer past its NUL, in the
 * policy or in the answer (advice copies the stored name whole), and a
 * dirty out struct is cleared first.
 */
START_TEST(guide_instance_type_padded)
{
	size_t i;

	use_model("guide");
	ck_assert_int_eq(ecap_policy_set_string(p, "kafka.instance_type",
						"kafka.m5.24xlarge", &err),
			 ECAP_OK);
	ck_assert_int_eq(ecap_policy_set_string(p, "kafka.instance_type",
						"kafka.t3.small", &err),
			 ECAP_OK);
	memset((char *)&out + sizeof(out.sz), 0x5a,
	       sizeof(out) - sizeof(out.sz));
	advise(1000);
	ck_assert_str_eq(out.instance_type, "kafka.t3.small");
	for (i = strlen("kafka.t3.small"); i < sizeof(out.instance_type); i++)
		ck_assert_int_eq(out.instance_type[i], 0);
	ck_assert_str_eq(out.acks, "all");
	for (i = strlen("all"); i < sizeof(out.acks); i++)
		ck_assert_int_eq(out.acks[i], 0);
}
END_TEST

START_TEST(guide_minimums)
{
	use_model("guide");
	/* 1 event/s: int(0.185394 * 1024 / 50) = 3 < 12 -> 12 partitions;
	 * int(12 / 10) = 1 < 3 -> 3 brokers */
	advise(1);
	ck_assert_int_eq(out.partitions_count, 12);
	ck_assert_int_eq(out.brokers_count, 3);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_MINIMUM);
	/* 3 * 0.192 * 720 = 414.72 */
	ck_assert_double_near(out.cost_usd_per_month, 414.72);
	/* 0 events: still 12 partitions and 3 brokers, 0 GB */
	advise(0);
	ck_assert_int_eq(out.partitions_count, 12);
	ck_assert_double_near(out.storage_per_broker_gb, 0.0);
}
END_TEST

/*
 * The guide's cost is brokers * 0.192 * 24 * 30 evaluated left to right;
 * brokers * 0.192 * 720 differs from it in the last bit for 15 brokers.
 * guide by hand for 40 events/s:
 *   daily_storage_gb = 40 * 86400 * 0.75 * 3 / 1024 / 1024
 *                    = 7,776,000 / 1,048,576 = 7.415771484375;
 *   partitions = int(7.415771484375 * 1024 / 50) = int(151.875) = 151;
 *   brokers = max(3, int(151 / 10)) = 15;
 *   Python: 15 * 0.192 * 24 * 30 = 2073.6000000000004 (repr), whereas
 *   15 * 0.192 * 720 = 2073.6.  Compared exactly, not within a tolerance.
 */
START_TEST(guide_cost_bit_exact)
{
	use_model("guide");
	advise(40);
	ck_assert_int_eq(out.partitions_count, 151);
	ck_assert_int_eq(out.brokers_count, 15);
	ck_assert(out.cost_usd_per_month == 2073.6000000000004);
	ck_assert(out.cost_usd_per_month != 2073.6);
}
END_TEST

START_TEST(ecap1_thousand_events)
{
	advise(1000);
	/* peak = 1000 * kafka.peak_factor 2 = 2000 events/s;
	 * 2000 * 0.75 KB / 1024 = 1.46484375 MB/s */
	ck_assert_double_near(out.peak_events_per_second, 2000.0);
	ck_assert_double_near(out.ingress_mb_per_second, 0.732421875);
	ck_assert_double_near(out.peak_ingress_mb_per_second, 1.46484375);
	/* Confluent: max(ceil(1.46 / p 10), ceil(1.46 / c 5)) = 1;
	 * max(1, 0 consumers, kafka.min_partitions 12) = 12 */
	ck_assert_int_eq(out.partitions_by_throughput_count, 1);
	ck_assert_int_eq(out.partitions_count, 12);
	/* data: 0.732421875 MB/s * 168 h * 3600 * 3 / 1024
	 *     = 1297.760009765625 GB */
	ck_assert_double_near(out.data_storage_gb, 1297.760009765625);
	/* open segments: 12 partitions * 3 replicas * 1 GiB = 36 GB */
	ck_assert_double_near(out.segment_allowance_gb, 36.0);
	/* (1297.76 + 36) * 1.3 = 1733.8880126953125 GB */
	ck_assert_double_near(out.total_storage_gb, 1333.760009765625 * 1.3);
	/* every size: storage ceil(1733.9 / 16384) = 1; throughput 4.39 MB/s
	 * -> 1; replicas 36 -> 1; minimum max(3, RF 3) = 3 -> 3 brokers, a
	 * multiple of 3 zones; the minimum decides */
	ck_assert_int_eq(out.brokers_by_storage_count, 1);
	ck_assert_int_eq(out.brokers_by_throughput_count, 1);
	ck_assert_int_eq(out.brokers_by_partition_replicas_count, 1);
	ck_assert_int_eq(out.brokers_minimum_count, 3);
	ck_assert_int_eq(out.brokers_count, 3);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_MINIMUM);
	ck_assert_int_eq(out.availability_zone_count, 3);
	ck_assert_int_eq(out.broker_quota_count, 30);
	ck_assert_double_near(out.broker_disk_gb, 16384.0);
	/* ceil(1733.888 / 3) = ceil(577.96) = 578 GB per broker */
	ck_assert_double_near(out.storage_per_broker_gb, 578.0);
	/* 3 brokers * the size's hourly price * 720 hours, and the storage
	 * they hold, both in the total */
	ck_assert_double_near(out.broker_cost_usd_per_month,
			      3 * out.broker_price_usd_per_hour * 720);
	ck_assert(out.storage_cost_usd_per_month > 0);
	ck_assert_double_near(out.cost_usd_per_month,
			      out.broker_cost_usd_per_month +
			      out.storage_cost_usd_per_month);
	/* a burstable kafka.t3 size is not chosen by default */
	ck_assert(strncmp(out.instance_type, "kafka.t3", 8) != 0);
	ck_assert_int_eq(strlen(out.price_date), 10);
	ck_assert(!out.broker_quota_exceeded_flag);
	/* 173 GB of storage a month does not outweigh the brokers */
	ck_assert(!out.compression_flag && !out.tiered_storage_flag);
	/* RF 3: min.insync.replicas 2, acks all */
	ck_assert_int_eq(out.replication_factor_count, 3);
	ck_assert_int_eq(out.min_insync_replicas_count, 2);
	ck_assert_str_eq(out.acks, "all");
}
END_TEST

/*
 * Jun Rao (Confluent), "How to choose the number of topics/partitions in a
 * Kafka cluster?": at least max(t/p, t/c) partitions.
 */
START_TEST(confluent_published_examples)
{
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.min_partitions", 1, &err), 0);
	/* 2 MB/s with p = 1 and c = 0.5 MB/s: max(2 / 1, 2 / 0.5) = 4 */
	in.ingress_mb_per_second = 2;
	in.peak_factor = 1;
	in.partition_produce_mb_per_second = 1;
	in.partition_consume_mb_per_second = 0.5;
	advise(0);
	ck_assert_double_near(out.peak_ingress_mb_per_second, 2.0);
	ck_assert_int_eq(out.partitions_by_throughput_count, 4);
	ck_assert_int_eq(out.partitions_count, 4);
	/* 60 MB/s with 10 and 4: max(60 / 10, 60 / 4) = max(6, 15) = 15 */
	in.ingress_mb_per_second = 60;
	in.partition_produce_mb_per_second = 10;
	in.partition_consume_mb_per_second = 4;
	advise(0);
	ck_assert_int_eq(out.partitions_count, 15);
	/* one consumer more than partitions: at least as many partitions as
	 * consumers (20 > 15) */
	in.consumer_count = 20;
	advise(0);
	ck_assert_int_eq(out.partitions_count, 20);
	ck_assert_int_eq(out.partitions_by_throughput_count, 15);
	/* the policy minimum raises it: kafka.min_partitions 12 > 4 */
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.min_partitions", 12, &err), 0);
	in.consumer_count = 0;
	in.ingress_mb_per_second = 2;
	in.partition_produce_mb_per_second = 1;
	in.partition_consume_mb_per_second = 0.5;
	advise(0);
	ck_assert_int_eq(out.partitions_count, 12);
}
END_TEST

/*
 * The case: 100,000 events/s.  Today's 1000 GB disks gave 170
 * brokers with storage priced at $0; MSK allows 16,384 GiB a broker.
 */
START_TEST(hundred_thousand_events)
{
	advise(100000);
	/* ingress 100000 * 0.75 / 1024 = 73.2421875 MB/s; peak 146.484375;
	 * Confluent max(ceil(14.6), ceil(29.3)) = 30 partitions */
	ck_assert_int_eq(out.partitions_count, 30);
	/* data: 73.2421875 * 168 * 3600 * 3 / 1024 = 129776.0009765625 GB;
	 * open segments 30 * 3 * 1 GiB = 90 GB; (129776.0 + 90) * 1.3 =
	 * 168825.80126953125 GB, about 169 TB */
	ck_assert_double_near(out.data_storage_gb, 129776.0009765625);
	ck_assert_double_near(out.total_storage_gb, 168825.80126953125);
	/* storage: ceil(168825.8 / 16384 = 10.30) = 11 brokers, 12 on 3
	 * zones: 12 not 11 */
	ck_assert_int_eq(out.brokers_by_storage_count, 11);
	ck_assert_int_eq(out.brokers_count, 12);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_STORAGE);
	/* 12 brokers write 146.48 * 3 = 439.45 MB/s: 36.6 MB/s each, within
	 * the chosen size's throughput */
	ck_assert(out.broker_throughput_mb_per_second * 12 >= 146.484375 * 3);
	/* ceil(168825.8 / 12) = 14069 GB a broker, within 16384 */
	ck_assert_double_near(out.storage_per_broker_gb, 14069.0);
	/* 12 * 14069 GB = 168828 GB priced: storage costs more than the
	 * brokers, so compress and (7-day retention) tier */
	ck_assert(out.storage_cost_usd_per_month > out.broker_cost_usd_per_month);
	ck_assert(out.compression_flag && out.tiered_storage_flag);
	ck_assert(!out.broker_quota_exceeded_flag);
}
END_TEST

START_TEST(every_broker_limit)
{
	/* storage: 1733.888 GB on 100 GB disks -> ceil(17.34) = 18, a
	 * multiple of 3 */
	in.broker_disk_gb = 100;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 18);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_STORAGE);
	/* ceil(1733.888 / 18) = 97 GB a broker */
	ck_assert_double_near(out.storage_per_broker_gb, 97.0);
	/* throughput: 1.46484375 * 3 = 4.39453125 MB/s at 0.5 MB/s -> ceil(8.79)
	 * = 9 */
	in.broker_disk_gb = 0;
	in.broker_throughput_mb_per_second = 0.5;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 9);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_THROUGHPUT);
	ck_assert_double_near(out.broker_throughput_mb_per_second, 0.5);
	/* partition replicas: 36 at 10 per broker -> ceil(3.6) = 4, 6 on
	 * 3 zones */
	in.broker_throughput_mb_per_second = 0;
	in.max_partition_replicas_per_broker = 10;
	advise(1000);
	ck_assert_int_eq(out.brokers_by_partition_replicas_count, 4);
	ck_assert_int_eq(out.brokers_count, 6);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_PARTITION_REPLICAS);
	/* exactly 36 / 12 = 3 brokers: a tie goes to the minimum */
	in.max_partition_replicas_per_broker = 12;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 3);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_MINIMUM);
	/* the replication factor raises the minimum: RF 5 > 3 brokers, 6 on
	 * 3 zones; storage (1000 * 0.75 / 1024 * 604800 * 5 / 1024 + 60)
	 * * 1.3 = 2889.8 GB -> 1 broker only */
	in.max_partition_replicas_per_broker = 0;
	in.replication_factor = 5;
	advise(1000);
	ck_assert_int_eq(out.brokers_minimum_count, 5);
	ck_assert_int_eq(out.brokers_count, 6);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_MINIMUM);
	ck_assert_int_eq(out.brokers_by_storage_count, 1);
	ck_assert_int_eq(out.min_insync_replicas_count, 4);
	explain();
	ck_assert_msg(strstr(why, "replication factor 5") != NULL, "%s", why);
	ck_assert_msg(strstr(why, "rounded up to 6 for 3 availability zones"),
		      "%s", why);
}
END_TEST

/*
 * Amazon MSK, "Best practices for Standard brokers": recommended
 * partitions per broker, leaders and followers counted.
 */
START_TEST(msk_partition_limits)
{
	static const struct {
		const char *size;
		int64_t replicas;
	} msk[] = {
		{ "kafka.t3.small", 300 },
		{ "kafka.m5.large", 1000 }, { "kafka.m5.xlarge", 1000 },
		{ "kafka.m5.2xlarge", 2000 }, { "kafka.m5.4xlarge", 4000 },
		{ "kafka.m5.8xlarge", 4000 }, { "kafka.m5.12xlarge", 4000 },
		{ "kafka.m5.16xlarge", 4000 }, { "kafka.m5.24xlarge", 4000 },
		{ "kafka.m7g.large", 1000 }, { "kafka.m7g.xlarge", 1000 },
		{ "kafka.m7g.2xlarge", 2000 }, { "kafka.m7g.4xlarge", 4000 },
		{ "kafka.m7g.8xlarge", 4000 }, { "kafka.m7g.12xlarge", 4000 },
		{ "kafka.m7g.16xlarge", 4000 },
	};
	size_t i;

	for (i = 0; i < sizeof(msk) / sizeof(msk[0]); i++) {
		set_size(in.instance_type, msk[i].size);
		advise(1000);
		ck_assert_str_eq(out.instance_type, msk[i].size);
		ck_assert_int_eq(out.max_partition_replicas_per_broker,
				 msk[i].replicas);
	}
	/* 2500 consumers: 2500 partitions * RF 3 = 7500 replicas */
	in.consumer_count = 2500;
	/* kafka.m5.large: ceil(7500 / 1000) = 8 -> 9 on 3 zones */
	set_size(in.instance_type, "kafka.m5.large");
	advise(1000);
	ck_assert_int_eq(out.brokers_by_partition_replicas_count, 8);
	ck_assert_int_eq(out.brokers_count, 9);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_PARTITION_REPLICAS);
	/* kafka.m5.2xlarge: ceil(7500 / 2000) = 4 -> 6 */
	set_size(in.instance_type, "kafka.m5.2xlarge");
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 6);
	/* kafka.m5.4xlarge: ceil(7500 / 4000) = 2 < the minimum 3 */
	set_size(in.instance_type, "kafka.m5.4xlarge");
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 3);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_MINIMUM);
	/* kafka.t3.small, named: ceil(7500 / 300) = 25 -> 27, within the
	 * quota of 30 */
	set_size(in.instance_type, "kafka.t3.small");
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 27);
	ck_assert(!out.broker_quota_exceeded_flag);
	/* unnamed: every answer keeps every broker within its size's limit */
	in.instance_type[0] = '\0';
	advise(1000);
	ck_assert(out.brokers_count * out.max_partition_replicas_per_broker >=
		  7500);
}
END_TEST

/* Amazon MSK quota: 30 brokers per ZooKeeper-based cluster, 60 KRaft. */
START_TEST(broker_quota)
{
	/* kafka.t3.small named: 3000 consumers -> 9000 / 300 = 30 brokers,
	 * exactly the quota */
	in.consumer_count = 3000;
	set_size(in.instance_type, "kafka.t3.small");
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 30);
	ck_assert(!out.broker_quota_exceeded_flag);
	/* 3100 consumers -> ceil(9300 / 300) = 31 -> 33 > 30: flagged */
	in.consumer_count = 3100;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 33);
	ck_assert(out.broker_quota_exceeded_flag);
	explain();
	ck_assert_msg(strstr(why, "33 brokers pass the quota of 30") != NULL,
		      "%s", why);
	/* a KRaft cluster's quota of 60 holds them */
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.max_broker_count", 60, &err), 0);
	advise(1000);
	ck_assert(!out.broker_quota_exceeded_flag);
	/* the quota is a constraint, not a flag: with room for 6 brokers,
	 * 2500 consumers (7500 replicas, 9 brokers of 1000) go to a size
	 * holding 7500 / 6 = 1250 or more replicas a broker */
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.max_broker_count", 6, &err), 0);
	in.consumer_count = 2500;
	in.instance_type[0] = '\0';
	advise(1000);
	ck_assert_int_le(out.brokers_count, 6);
	ck_assert_int_ge(out.max_partition_replicas_per_broker, 1250);
	ck_assert(!out.broker_quota_exceeded_flag);
	/* flagged only when even the size needing fewest brokers is over
	 * it: 10 million events/s keep 16.9 PB, 1031 brokers of 16384 GB */
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.max_broker_count", 30, &err), 0);
	in.consumer_count = 0;
	advise(1e7);
	ck_assert(out.broker_quota_exceeded_flag);
	ck_assert_int_eq(out.brokers_by_storage_count, 1031);
	ck_assert_int_eq(out.brokers_count, 1032);
}
END_TEST

/*
 * A catalog of two made-up sizes: the cheapest answer within the quota
 * wins; over it at every size, the size needing fewest brokers, flagged.
 */
START_TEST(cheapest_within_quota)
{
	static const char doc[] =
		"{\"catalog.kafka-broker\": ["
		"{\"name\": \"kafka.test.small\", \"vcpu_count\": 2, \"memory_gb\": 8,"
		" \"price_usd_per_hour\": 1, \"storage_usd_per_gb_month\": 0.1,"
		" \"max_partition_replica_count\": 1000, \"throughput_mb_per_second\": 10,"
		" \"region\": \"test\", \"price_date\": \"2026-01-01\"},"
		"{\"name\": \"kafka.test.big\", \"vcpu_count\": 8, \"memory_gb\": 32,"
		" \"price_usd_per_hour\": 6, \"storage_usd_per_gb_month\": 0.1,"
		" \"max_partition_replica_count\": 4000, \"throughput_mb_per_second\": 60,"
		" \"region\": \"test\", \"price_date\": \"2026-01-02\"}]}";
	static const char tiny[] =
		"{\"catalog.kafka-broker\": ["
		"{\"name\": \"kafka.t9.tiny\", \"vcpu_count\": 2, \"memory_gb\": 2,"
		" \"price_usd_per_hour\": 0.01, \"storage_usd_per_gb_month\": 0.1,"
		" \"max_partition_replica_count\": 300, \"throughput_mb_per_second\": 5,"
		" \"region\": \"test\", \"price_date\": \"2026-01-01\"}]}";

	ck_assert_msg(ecap_policy_load_json(p, doc, sizeof(doc) - 1, &err) == 0,
		      "%s", err.message);
	/* 50 MB/s, 100 at the peak, kept 1 hour: 100 * RF 3 = 300 MB/s
	 * written.  small: 300 / 10 = 30 brokers * $1 * 720 = $21600;
	 * big: 300 / 60 = 5 -> 6 brokers * $6 * 720 = $25920.  Storage:
	 * (50 * 3600 * 3 / 1024 = 527.34 GB + max(10, 20) = 20 partitions *
	 * 3 GiB) * 1.3 = 763.55 GB; small 30 * ceil(25.45) = 780 GB * 0.1 =
	 * $78, big 6 * ceil(127.26) = 768 GB = $76.8 */
	in.ingress_mb_per_second = 50;
	in.peak_ingress_mb_per_second = 100;
	in.retention_hours = 1;
	advise(0);
	ck_assert_str_eq(out.instance_type, "kafka.test.small");
	ck_assert_int_eq(out.brokers_count, 30);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_THROUGHPUT);
	ck_assert_double_near(out.broker_cost_usd_per_month, 21600.0);
	ck_assert_double_near(out.storage_cost_usd_per_month, 78.0);
	ck_assert_double_near(out.cost_usd_per_month, 21678.0);
	ck_assert_str_eq(out.price_date, "2026-01-01");
	/* a quota of 27: small's 30 are out, big's 6 are in: $25920 + $76.8 */
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.max_broker_count", 27, &err), 0);
	advise(0);
	ck_assert_str_eq(out.instance_type, "kafka.test.big");
	ck_assert_int_eq(out.brokers_count, 6);
	ck_assert_double_near(out.cost_usd_per_month, 25996.8);
	ck_assert(!out.broker_quota_exceeded_flag);
	/* a quota of 3: both over it; big needs the fewest brokers */
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.max_broker_count", 3, &err), 0);
	advise(0);
	ck_assert_str_eq(out.instance_type, "kafka.test.big");
	ck_assert_int_eq(out.brokers_count, 6);
	ck_assert(out.broker_quota_exceeded_flag);
	/* a size named: used even when another is cheaper */
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.max_broker_count", 30, &err), 0);
	set_size(in.instance_type, "kafka.test.big");
	advise(0);
	ck_assert_str_eq(out.instance_type, "kafka.test.big");
	/* a catalog of burstable sizes only is still used */
	ck_assert_msg(ecap_policy_load_json(p, tiny, sizeof(tiny) - 1, &err) == 0,
		      "%s", err.message);
	in.instance_type[0] = '\0';
	advise(0);
	ck_assert_str_eq(out.instance_type, "kafka.t9.tiny");
	/* kept 2 days: 50 * 172800 * 3 / 1024 = 25312.5 GB ($2531 at 0.1)
	 * outweighs 300 / 5 = 60 brokers * $0.01 * 720 = $432: compress;
	 * but MSK has no tiered storage on burstable sizes */
	in.retention_hours = 48;
	advise(0);
	ck_assert_int_eq(out.brokers_count, 60);
	ck_assert(out.storage_cost_usd_per_month > out.broker_cost_usd_per_month);
	ck_assert(out.compression_flag && !out.tiered_storage_flag);
}
END_TEST

START_TEST(availability_zones)
{
	/* 2 zones: 1733.888 GB on 100 GB disks -> 18, a multiple of 2 */
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.availability_zone_count", 2, &err), 0);
	in.broker_disk_gb = 100;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 18);
	/* 1700 GB disks: ceil(1.02) = 2 < 3 minimum -> 3 -> 4 on 2 zones */
	in.broker_disk_gb = 1700;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 4);
	ck_assert_int_eq(out.availability_zone_count, 2);
	/* 1 zone: no rounding, the minimum 3 */
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.availability_zone_count", 1, &err), 0);
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 3);
}
END_TEST

/* An ingress in MB/s sizes as the same rate in events does. */
START_TEST(ingress_in_mb)
{
	struct ecap_kafka_out by_events;

	advise(1000);
	by_events = out;
	/* 1000 * 0.75 / 1024 = 0.732421875 MB/s, peak twice that */
	in.ingress_mb_per_second = 0.732421875;
	advise(0);
	ck_assert_double_near(out.peak_ingress_mb_per_second, 1.46484375);
	ck_assert_double_near(out.peak_events_per_second, 0.0);
	ck_assert_int_eq(out.partitions_count, by_events.partitions_count);
	ck_assert_int_eq(out.brokers_count, by_events.brokers_count);
	ck_assert_double_near(out.total_storage_gb, by_events.total_storage_gb);
	ck_assert_double_near(out.cost_usd_per_month, by_events.cost_usd_per_month);
	/* a given peak: 60 MB/s -> max(ceil(6), ceil(12)) = 12 */
	in.peak_ingress_mb_per_second = 60;
	advise(0);
	ck_assert_int_eq(out.partitions_by_throughput_count, 12);
}
END_TEST

START_TEST(durability_settings)
{
	/* RF 1: min.insync.replicas 1, acks 1 */
	in.replication_factor = 1;
	advise(10);
	ck_assert_int_eq(out.min_insync_replicas_count, 1);
	ck_assert_str_eq(out.acks, "1");
	/* RF 2: RF - 1 = 1, acks all */
	in.replication_factor = 2;
	advise(10);
	ck_assert_int_eq(out.min_insync_replicas_count, 1);
	ck_assert_str_eq(out.acks, "all");
	/* segment.bytes from the policy: 1 MiB -> 12 * 3 / 1024 GB */
	in.replication_factor = 0;
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.segment_bytes", 1048576, &err), 0);
	advise(10);
	ck_assert_double_near(out.segment_allowance_gb, 36.0 / 1024.0);
}
END_TEST

/*
 * An open segment rolls at segment.bytes or after log.roll.hours (168),
 * whichever comes first: a quiet partition's open segment holds what it
 * writes in a week, not 1 GiB.
 */
START_TEST(quiet_partitions)
{
	/*
	 * 0.1 events/s of 0.75 KB for a group of 1000 consumers: 1000
	 * partitions.  Ingress 0.1 * 0.75 / 1024 = 7.32421875e-5 MB/s; a
	 * week (168 h = 604800 s) is 44.296875 MB, RF 3 and / 1024:
	 * 0.129776000976... GB of data.  A partition writes 44.296875 / 1000
	 * MB in 168 h, far below segment.bytes: 3000 replicas hold 3000 *
	 * 0.044296875 / 1024 = 0.129776 GB open, not 3000 * 1 GiB = 3000 GB
	 * (which priced 3900 GB of disk for 0.13 GB of data and said
	 * "storage is most of the cost").
	 */
	in.consumer_count = 1000;
	advise(0.1);
	ck_assert_int_eq(out.partitions_count, 1000);
	ck_assert_double_near(out.data_storage_gb, 44.296875 * 3.0 / 1024.0);
	ck_assert_double_near(out.segment_allowance_gb,
			      3000.0 * 0.044296875 / 1024.0);
	ck_assert_double_near(out.total_storage_gb,
			      2.0 * 44.296875 * 3.0 / 1024.0 * 1.3);
	ck_assert_int_eq(out.compression_flag, 0);
	/* A busy partition still fills its segment: 1000 events/s on 12
	 * partitions write 0.732421875 / 12 MB/s, 36.9 GB a week, so the
	 * 1 GiB segment.bytes decides (ecap1_thousand_events: 36 GB). */
	in.consumer_count = 0;
	advise(1000);
	ck_assert_double_near(out.segment_allowance_gb, 36.0);
	/* A shorter log.roll.hours: 1 h of 1000 events/s on 12 partitions
	 * is 0.732421875 * 3600 / 12 / 1024 GB a replica, 36 replicas. */
	ck_assert_int_eq(ecap_policy_set_double(p, "kafka.segment_roll_hours",
						1.0, &err), 0);
	advise(1000);
	ck_assert_double_near(out.segment_allowance_gb,
			      36.0 * 0.732421875 * 3600.0 / 12.0 / 1024.0);
}
END_TEST

START_TEST(bad_input)
{
	static const struct {
		size_t off;
		double v;
		int code;
		const char *field;
	} bad[] = {
#define D(f, v, c) { offsetof(struct ecap_kafka_in, f), v, c, #f }
		D(events_per_second, NAN, ECAP_ERR_INVALID),
		D(events_per_second, -1, ECAP_ERR_RANGE),
		D(events_per_second, 2e10, ECAP_ERR_RANGE),
		D(peak_events_per_second, INFINITY, ECAP_ERR_INVALID),
		D(peak_events_per_second, 5, ECAP_ERR_RANGE),	/* < average */
		D(peak_factor, 0.5, ECAP_ERR_RANGE),
		D(peak_factor, 101, ECAP_ERR_RANGE),
		D(event_size_kb, -0.1, ECAP_ERR_RANGE),
		D(retention_hours, NAN, ECAP_ERR_INVALID),
		D(retention_hours, 876001, ECAP_ERR_RANGE),
		D(broker_disk_gb, -1, ECAP_ERR_RANGE),
		D(broker_throughput_mb_per_second, 2e9, ECAP_ERR_RANGE),
		D(ingress_mb_per_second, NAN, ECAP_ERR_INVALID),
		D(ingress_mb_per_second, 1e8, ECAP_ERR_RANGE),
		D(peak_ingress_mb_per_second, -1, ECAP_ERR_RANGE),
		D(partition_produce_mb_per_second, INFINITY, ECAP_ERR_INVALID),
		D(partition_consume_mb_per_second, 2e6, ECAP_ERR_RANGE),
		/* events and MB/s together */
		D(ingress_mb_per_second, 1, ECAP_ERR_INVALID),
#undef D
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ECAP_STRUCT_INIT(&in);
		in.events_per_second = 10;
		*(double *)((char *)&in + bad[i].off) = bad[i].v;
		ck_assert_err(ecap_kafka_advise(p, &in, &out, &err),
			      bad[i].code, err, bad[i].field);
	}
	ECAP_STRUCT_INIT(&in);
	in.replication_factor = 33;
	ck_assert_err(ecap_kafka_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "replication_factor");
	in.replication_factor = -1;
	ck_assert_err(ecap_kafka_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "replication_factor");
	in.replication_factor = 0;
	in.consumer_count = -1;
	ck_assert_err(ecap_kafka_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "consumer_count");
	in.consumer_count = 0;
	in.max_partition_replicas_per_broker = 10000001;
	ck_assert_err(ecap_kafka_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "max_partition_replicas_per_broker");
	in.max_partition_replicas_per_broker = 0;
	/* a peak in MB/s below its average */
	in.events_per_second = 0;
	in.ingress_mb_per_second = 10;
	in.peak_ingress_mb_per_second = 5;
	ck_assert_err(ecap_kafka_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "peak_ingress_mb_per_second");
	/* the guide sizes from events only */
	in.peak_ingress_mb_per_second = 0;
	use_model("guide");
	ck_assert_err(ecap_kafka_advise(p, &in, &out, &err), ECAP_ERR_INVALID,
		      err, "ingress_mb_per_second");
	use_model("ecap-1");
	in.ingress_mb_per_second = 0;
	/* a size the catalog does not hold; a name without its NUL */
	in.events_per_second = 10;
	set_size(in.instance_type, "kafka.m9.huge");
	ck_assert_err(ecap_kafka_advise(p, &in, &out, &err), ECAP_ERR_NOT_FOUND,
		      err, "instance_type");
	memset(in.instance_type, 'k', sizeof(in.instance_type));
	ck_assert_err(ecap_kafka_advise(p, &in, &out, &err), ECAP_ERR_INVALID,
		      err, "instance_type");
	in.instance_type[0] = '\0';
	/* a 1e-300 GB disk is outside kafka.broker_disk_gb's 1 .. 1e9
	 * (issue 17: overrides share their key's range) */
	in.events_per_second = 1e10;
	in.event_size_kb = 1048576;
	in.broker_disk_gb = 1e-300;
	ck_assert_err(ecap_kafka_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "broker_disk_gb");
	/* absurd combination: 1e10 events of 1 GB a second kept 168 hours,
	 * 6e15 GB, on 1 GB disks: more than 1e15 brokers */
	in.broker_disk_gb = 1;
	ck_assert_err(ecap_kafka_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "events_per_second");
	ECAP_STRUCT_INIT(&in);
	ck_assert_err(ecap_kafka_advise(NULL, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_kafka_advise(p, NULL, &out, &err),
		      ECAP_ERR_INVALID, err, "ecap_kafka_in");
	ck_assert_err(ecap_kafka_advise(p, &in, NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_kafka_out");
	in.sz = 4;
	ck_assert_err(ecap_kafka_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_kafka_in");
}
END_TEST

/*
 * For 1 to 100 thousand events a second every answer keeps within its
 * size's partition replicas, throughput and disk, sits on a multiple of
 * the zones, and stays within the broker quota or says it does not.
 */
START_TEST(within_msk_limits)
{
	double eps, replicas;

	for (eps = 1; eps <= 100000; eps = eps * 1.07 + 3) {
		advise(eps);
		replicas = (double)out.partitions_count *
			   (double)out.replication_factor_count;
		ck_assert(replicas <= (double)out.brokers_count *
				      (double)out.max_partition_replicas_per_broker);
		ck_assert(out.peak_ingress_mb_per_second *
			  (double)out.replication_factor_count <=
			  (double)out.brokers_count *
			  out.broker_throughput_mb_per_second);
		ck_assert(out.storage_per_broker_gb <= 16384.0);
		ck_assert(out.storage_per_broker_gb * (double)out.brokers_count >=
			  out.total_storage_gb);
		ck_assert_int_eq(out.brokers_count % 3, 0);
		ck_assert(out.brokers_count <= 30 || out.broker_quota_exceeded_flag);
		ck_assert(!out.broker_quota_exceeded_flag);
		ck_assert(strncmp(out.instance_type, "kafka.t3", 8) != 0);
	}
}
END_TEST

/*
 * More events never give a cheaper cluster (nor fewer partitions or less
 * storage), and storage is always priced, under the default policy and
 * under one where throughput decides (1 hour kept) with the KRaft quota.
 */
START_TEST(ecap1_monotonic)
{
	struct ecap_kafka_out prev;
	double eps;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			ck_assert_int_eq(ecap_policy_set_double(p, "kafka.retention_hours", 1, &err), 0);
			ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.max_broker_count", 60, &err), 0);
		}
		ECAP_STRUCT_INIT(&prev);
		for (eps = 0; eps <= 1e7; eps = eps * 1.13 + 7) {
			advise(eps);
			ck_assert_msg(out.cost_usd_per_month >= prev.cost_usd_per_month,
				      "%g events/s: $%g < $%g", eps,
				      out.cost_usd_per_month, prev.cost_usd_per_month);
			ck_assert(out.partitions_count >= prev.partitions_count);
			ck_assert(out.total_storage_gb >= prev.total_storage_gb);
			ck_assert(out.storage_cost_usd_per_month > 0);
			ck_assert(out.cost_usd_per_month ==
				  out.broker_cost_usd_per_month +
				  out.storage_cost_usd_per_month);
			ck_assert(out.brokers_count >= 3);
			prev = out;
		}
	}
}
END_TEST

/* Burstable sizes only when the policy allows them; more choice never
 * costs more. */
START_TEST(burstable_brokers)
{
	struct ecap_kafka_out without;

	advise(10);
	without = out;
	ck_assert(strncmp(out.instance_type, "kafka.t3", 8) != 0);
	ck_assert_int_eq(ecap_policy_set_int64(p, "kafka.burstable_brokers", 1, &err), 0);
	advise(10);
	ck_assert(out.cost_usd_per_month <= without.cost_usd_per_month);
}
END_TEST

Suite *
kafka_suite(void)
{
	Suite *s = suite_create("kafka");
	TCase *tc = tcase_create("kafka");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, guide_thousand_events);
	tcase_add_test(tc, guide_minimums);
	tcase_add_test(tc, guide_instance_type_padded);
	tcase_add_test(tc, guide_cost_bit_exact);
	tcase_add_test(tc, ecap1_thousand_events);
	tcase_add_test(tc, confluent_published_examples);
	tcase_add_test(tc, hundred_thousand_events);
	tcase_add_test(tc, every_broker_limit);
	tcase_add_test(tc, msk_partition_limits);
	tcase_add_test(tc, broker_quota);
	tcase_add_test(tc, cheapest_within_quota);
	tcase_add_test(tc, availability_zones);
	tcase_add_test(tc, ingress_in_mb);
	tcase_add_test(tc, durability_settings);
	tcase_add_test(tc, quiet_partitions);
	tcase_add_test(tc, bad_input);
	tcase_add_test(tc, within_msk_limits);
	tcase_add_test(tc, ecap1_monotonic);
	tcase_add_test(tc, burstable_brokers);
	suite_add_tcase(s, tc);
	return s;
}
