/* SPDX-License-Identifier: MIT */
/*
 * Kafka sizing: the guide's calculate_kafka_resources by hand, ecap-1's
 * partitions and every limit that can decide the broker count, the
 * durability settings, bad input and monotonicity.
 */
#include <stdint.h>

#include "fixture.h"

static struct ecap_kafka_in in;
static struct ecap_kafka_out out;

static void
setup(void)
{
	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	policy_setup();
}

static void
advise(double eps)
{
	in.events_per_second = eps;
	ck_assert_msg(ecap_kafka_advise(p, &in, &out, &err) == 0, "%s",
		      err.message);
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
	/* peak = 1000 * kafka.peak_factor 2 = 2000 events/s */
	ck_assert_double_near(out.peak_events_per_second, 2000.0);
	/* partitions: max(ceil(2000 / 1000) = 2, 0 consumers, 12) = 12 */
	ck_assert_int_eq(out.partitions_count, 12);
	/* data: 1000 * 0.75 KB * 168 h * 3600 * 3 / 1024 / 1024
	 *     = 1360800000 / 1048576 = 1297.760009765625 GB */
	ck_assert_double_near(out.data_storage_gb, 1297.760009765625);
	/* open segments: 12 partitions * 3 replicas * 1 GiB = 36 GB */
	ck_assert_double_near(out.segment_allowance_gb, 36.0);
	/* (1297.76 + 36) * 1.3 = 1733.8880126953125 GB */
	ck_assert_double_near(out.total_storage_gb, 1333.760009765625 * 1.3);
	/* limits: storage ceil(1733.9 / 1000) = 2; throughput 2000 * 0.75
	 * / 1024 * 3 = 4.39 MB/s / 50 -> 1; replicas 36 / 4000 -> 1;
	 * minimum max(3, RF 3) = 3 -> 3 brokers, the minimum decides */
	ck_assert_int_eq(out.brokers_by_storage_count, 2);
	ck_assert_int_eq(out.brokers_by_throughput_count, 1);
	ck_assert_int_eq(out.brokers_by_partition_replicas_count, 1);
	ck_assert_int_eq(out.brokers_minimum_count, 3);
	ck_assert_int_eq(out.brokers_count, 3);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_MINIMUM);
	/* ceil(1733.888 / 3) = ceil(577.96) = 578 GB per broker */
	ck_assert_double_near(out.storage_per_broker_gb, 578.0);
	ck_assert_double_near(out.cost_usd_per_month, 414.72);
	/* RF 3: min.insync.replicas 2, acks all */
	ck_assert_int_eq(out.min_insync_replicas_count, 2);
	ck_assert_str_eq(out.acks, "all");
}
END_TEST

START_TEST(ecap1_partitions)
{
	/* peak exactly 12 partitions' worth: ceil(12000 / 1000) = 12 */
	in.peak_events_per_second = 12000;
	advise(1000);
	ck_assert_int_eq(out.partitions_count, 12);
	/* one event more: ceil(12001 / 1000) = 13 */
	in.peak_events_per_second = 12001;
	advise(1000);
	ck_assert_int_eq(out.partitions_count, 13);
	/* 30 consumers in a group need 30 partitions */
	in.peak_events_per_second = 0;
	in.consumer_count = 30;
	advise(1000);
	ck_assert_int_eq(out.partitions_count, 30);
	/* peak factor 5 given: 1000 * 5 = 5000 -> ceil(5000 / 250) = 20 */
	in.consumer_count = 0;
	in.peak_factor = 5;
	in.partition_throughput_events_per_second = 250;
	advise(1000);
	ck_assert_double_near(out.peak_events_per_second, 5000.0);
	ck_assert_int_eq(out.partitions_count, 20);
}
END_TEST

START_TEST(every_broker_limit)
{
	/* storage: 1733.888 GB on 100 GB disks -> ceil(17.34) = 18 */
	in.broker_disk_gb = 100;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 18);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_STORAGE);
	/* throughput: 4.39453125 MB/s at 0.5 MB/s -> ceil(8.79) = 9 */
	in.broker_disk_gb = 0;
	in.broker_throughput_mb_per_second = 0.5;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 9);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_THROUGHPUT);
	/* partition replicas: 36 at 10 per broker -> ceil(3.6) = 4 */
	in.broker_throughput_mb_per_second = 0;
	in.max_partition_replicas_per_broker = 10;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 4);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_PARTITION_REPLICAS);
	/* exactly 36 / 12 = 3 brokers: a tie goes to the minimum */
	in.max_partition_replicas_per_broker = 12;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 3);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_MINIMUM);
	/* the replication factor raises the minimum: RF 5 > 3 brokers;
	 * storage (1000 * 0.75 * 604800 * 5 / 2^20 + 60) * 1.3 = 2889.8
	 * -> 3 brokers only */
	in.max_partition_replicas_per_broker = 0;
	in.replication_factor = 5;
	advise(1000);
	ck_assert_int_eq(out.brokers_count, 5);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_MINIMUM);
	ck_assert_int_eq(out.brokers_by_storage_count, 3);
	ck_assert_int_eq(out.min_insync_replicas_count, 4);
	ck_assert_msg(strstr(out.reason_text, "replication factor 5") != NULL,
		      "%s", out.reason_text);
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
		D(partition_throughput_events_per_second, -1, ECAP_ERR_RANGE),
		D(broker_disk_gb, -1, ECAP_ERR_RANGE),
		D(broker_throughput_mb_per_second, 2e9, ECAP_ERR_RANGE),
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
	/* absurd combination: 1e10 events of 1 GB on 1e-300 GB disks */
	in.events_per_second = 1e10;
	in.event_size_kb = 1048576;
	in.broker_disk_gb = 1e-300;
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

/* ecap-1: more events never give fewer partitions, brokers or storage. */
START_TEST(ecap1_monotonic)
{
	struct ecap_kafka_out prev;
	double eps;
	int first = 1;

	ECAP_STRUCT_INIT(&prev);
	for (eps = 0; eps <= 1e7; eps = eps * 1.31 + 7) {
		advise(eps);
		if (!first) {
			ck_assert(out.partitions_count >= prev.partitions_count);
			ck_assert(out.brokers_count >= prev.brokers_count);
			ck_assert(out.total_storage_gb >= prev.total_storage_gb);
			ck_assert(out.cost_usd_per_month >= prev.cost_usd_per_month);
		}
		ck_assert(out.brokers_count >= 3);
		prev = out;
		first = 0;
	}
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
	tcase_add_test(tc, guide_cost_bit_exact);
	tcase_add_test(tc, ecap1_thousand_events);
	tcase_add_test(tc, ecap1_partitions);
	tcase_add_test(tc, every_broker_limit);
	tcase_add_test(tc, durability_settings);
	tcase_add_test(tc, bad_input);
	tcase_add_test(tc, ecap1_monotonic);
	suite_add_tcase(s, tc);
	return s;
}
