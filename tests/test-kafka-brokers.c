/* SPDX-License-Identifier: MIT */
/*
 * Kafka broker sizes: ecap-1 against every broker limit (storage,
 * throughput, partition replicas, the minimum), Amazon MSK's recommended
 * partitions per size and its broker quota, the cheapest size within it,
 * availability zones, and burstable sizes.  The numbers of the sizing
 * itself are in test-kafka.c.
 */
#include <stdint.h>
#include <string.h>

#include "kafka-fixture.h"

static char why[ECAP_EXPLAIN_MAX];

/* The sentence for out, into why. */
static void
explain(void)
{
	ck_assert_msg(ecap_kafka_explain(&out, why, sizeof(why), &err) == 0,
		      "%s", err.message);
}

START_TEST(every_broker_limit)
{
	/* storage: 1733.888 GB on 100 GB disks -> ceil(17.34) = 18, a
	 * multiple of 3 */
	in.broker_disk_gb = 100;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 18);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_STORAGE);
	/* the 18 brokers take 18 partitions, one a broker (12 by the
	 * minimum; 1297.76 / 3 / 100 -> 5 by replica size), whose open
	 * segments are 54 GiB: (1297.76 + 54) * 1.3 = 1757.29 GiB, still 18
	 * brokers, ceil(97.63) = 98 GiB a broker */
	ck_assert_int_eq(out.partitions_count, 18);
	ck_assert_double_near(out.storage_per_broker_gb, 98.0);
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
	 * $78, big 6 * ceil(127.26) = 768 GB = $76.8; but small's 30
	 * brokers take 30 partitions, one a broker: (527.34 + 90) * 1.3 /
	 * 30 -> ceil(26.75) = 27 GB a broker, 810 GB = $81 */
	in.ingress_mb_per_second = 50;
	in.peak_ingress_mb_per_second = 100;
	in.retention_hours = 1;
	advise(0);
	ck_assert_str_eq(out.instance_type, "kafka.test.small");
	ck_assert_int_eq(out.brokers_count, 30);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_THROUGHPUT);
	ck_assert_double_near(out.broker_cost_usd_per_month, 21600.0);
	ck_assert_double_near(out.storage_cost_usd_per_month, 81.0);
	ck_assert_double_near(out.cost_usd_per_month, 21681.0);
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
kafka_brokers_suite(void)
{
	Suite *s = suite_create("kafka-brokers");
	TCase *tc = tcase_create("kafka-brokers");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, every_broker_limit);
	tcase_add_test(tc, msk_partition_limits);
	tcase_add_test(tc, broker_quota);
	tcase_add_test(tc, cheapest_within_quota);
	tcase_add_test(tc, availability_zones);
	tcase_add_test(tc, within_msk_limits);
	tcase_add_test(tc, burstable_brokers);
	suite_add_tcase(s, tc);
	return s;
}
