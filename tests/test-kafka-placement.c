/* SPDX-License-Identifier: MIT */
/*
 * Kafka placement: ecap-1's partitions can be laid on its brokers.  Every
 * broker leads a partition (partitions >= brokers, so partitions x RF >=
 * brokers), no replica is larger than kafka.max_partition_replica_gb or a
 * broker's disk, the most loaded broker (the average replicas rounded up)
 * keeps within its size's partition replicas and its disk; over a grid of
 * rates, retentions and every broker size, and for the two cases of the
 * pre-release review.  Partitions never fall as the rate grows (Kafka
 * cannot take a topic's partitions back).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "kafka-fixture.h"

/* Retained data of one partition replica, GiB: the topic's retained
 * bytes (data_storage_gb counts RF copies) over its partitions. */
static double
replica_gb(const struct ecap_kafka_out *o)
{
	return o->data_storage_gb / (double)o->replication_factor_count /
	       (double)o->partitions_count;
}

/* The placement rules, for out and the partition-replica limit of its
 * size. */
static void
assert_placeable(const struct ecap_kafka_out *o, int64_t size_replicas,
		 double cap_gb)
{
	int64_t rf = o->replication_factor_count;
	/* Replicas on the most loaded broker. */
	int64_t most = (o->partitions_count * rf + o->brokers_count - 1) /
		       o->brokers_count;

	ck_assert_int_ge(o->brokers_count, 3);
	ck_assert_int_ge(o->partitions_count, o->brokers_count);
	ck_assert_int_ge(o->partitions_count * rf, o->brokers_count);
	ck_assert_int_le(most, size_replicas);
	ck_assert(replica_gb(o) <= cap_gb);
	ck_assert((double)most * replica_gb(o) <= o->broker_disk_gb);
	ck_assert(cap_gb <= o->broker_disk_gb);
	ck_assert(o->storage_per_broker_gb <= o->broker_disk_gb);
	ck_assert(o->storage_per_broker_gb * (double)o->brokers_count >=
		  o->total_storage_gb);
}

/*
 * The review's first case: 20000 events/s of 0.75 KiB kept 8760 h.
 * ingress 20000 * 0.75 / 1024 = 14.6484375 MB/s; retained 14.6484375 *
 * 8760 * 3600 * 3 / 1024 = 1353378.3 GiB, 451126.1 GiB a copy; at most
 * 1024 GiB a replica -> ceil(440.55) = 441 partitions (>= 108 brokers)
 * of 451126.1 / 441 = 1022.96 GiB a replica.  Storage sets 108 brokers
 * (as before); the most loaded holds ceil(441 x 3 / 108) = 13 replicas
 * (kafka.m7g.large: 1000), 13298.5 GiB of its 16384.  Before: 12
 * partitions, replicas of 37594 GiB, 72 of the 108 brokers empty.
 */
START_TEST(review_year_retention)
{
	in.retention_hours = 8760;
	advise(20000);
	ck_assert_str_eq(out.instance_type, "kafka.m7g.large");
	ck_assert_int_eq(out.brokers_count, 108);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_STORAGE);
	ck_assert_int_eq(out.partitions_count, 441);
	/* 14.6484375 MB/s x 8760 h / 1024 a copy, over 441 */
	ck_assert_double_near(replica_gb(&out),
			      20000 * 0.75 / 1024 * 8760 * 3600 / 1024 / 441);
	assert_placeable(&out, 1000, 1024.0);
}
END_TEST

/*
 * The second: 200000 events/s kept 720 h.  ingress 146.484375 MB/s,
 * peak 292.97: ceil(292.97 / 5) = 59 partitions by throughput; retained
 * 146.484375 * 2592000 * 3 / 1024 = 1112365.7 GiB, 370788.6 GiB a copy ->
 * ceil(362.1) = 363 by replica size, of 1021.46 GiB; storage sets 90
 * brokers (<= 363), the most loaded holding ceil(363 x 3 / 90) = 13
 * replicas.  Before: 59 partitions of 6285 GiB, 177 replicas on 90
 * brokers, two on most and one on some.
 */
START_TEST(review_month_retention)
{
	in.retention_hours = 720;
	advise(200000);
	ck_assert_int_eq(out.partitions_by_throughput_count, 59);
	ck_assert_int_eq(out.brokers_count, 90);
	ck_assert_int_eq(out.partitions_count, 363);
	ck_assert_double_near(replica_gb(&out),
			      200000 * 0.75 / 1024 * 720 * 3600 / 1024 / 363);
	assert_placeable(&out, 1000, 1024.0);
}
END_TEST

/*
 * The key: 168 h of 20000 events/s retain 14.6484375 * 604800 * 3 / 1024
 * = 25955.2 GiB, 8651.7 a copy: 12 partitions (the minimum) keep 721.0
 * GiB replicas within 1024; a cap of 100 GiB needs ceil(86.5) = 87 on
 * the same 3 brokers.  A cap above the broker's disk (500 GiB here) is
 * the disk: ceil(8651.7 / 500) = 18 partitions ...
 */
START_TEST(replica_cap)
{
	advise(20000);
	ck_assert_int_eq(out.partitions_count, 12);
	ck_assert_double_near(replica_gb(&out),
			      20000 * 0.75 / 1024 * 168 * 3600 / 1024 / 12);
	ck_assert_int_eq(ecap_policy_set_double(p, "kafka.max_partition_replica_gb",
						100, &err), 0);
	advise(20000);
	ck_assert_int_eq(out.brokers_count, 3);
	ck_assert_int_eq(out.partitions_count, 87);
	assert_placeable(&out, 1000, 100.0);
	ck_assert_int_eq(ecap_policy_set_double(p, "kafka.max_partition_replica_gb",
						1e6, &err), 0);
	in.broker_disk_gb = 500;
	advise(20000);
	/* ... but storage, (25955.2 + segments) * 1.3 / 500 > 67 brokers,
	 * sets the count: the 18 partitions rise to one a broker. */
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_STORAGE);
	ck_assert_int_eq(out.partitions_count, out.brokers_count);
	assert_placeable(&out, 1000, 500.0);
}
END_TEST

/* Partition replicas per broker: 100000 partitions (the consumers) x RF
 * 3 at 1000 a kafka.m7g.large need 300 brokers, a multiple of 3 zones;
 * the partitions already pass the brokers. */
START_TEST(replica_limit)
{
	set_size(in.instance_type, "kafka.m7g.large");
	in.consumer_count = 100000;
	advise(1000);
	ck_assert_int_eq(out.brokers_by_partition_replicas_count, 300);
	ck_assert_int_eq(out.brokers_count, 300);
	ck_assert_int_eq(out.partitions_count, 100000);
	ck_assert_int_eq(out.reason, ECAP_KAFKA_REASON_PARTITION_REPLICAS);
	assert_placeable(&out, 1000, 1024.0);
}
END_TEST

/* The grid: 1 .. 5M events/s x 24/168/720/8760 h x every broker size;
 * every answer placeable, partitions and brokers never falling as the
 * rate grows. */
START_TEST(placeable_grid)
{
	static const double hours[] = { 24, 168, 720, 8760 };
	struct ecap_catalog_entry e;
	size_t i, n = ecap_policy_catalog_count(p, ECAP_CATALOG_KAFKA_BROKER);
	unsigned h;
	double eps;
	int64_t prev_partitions, prev_brokers;

	ck_assert(n > 0);
	for (i = 0; i < n; i++) {
		e.sz = sizeof(e);
		ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_KAFKA_BROKER,
							i, &e, &err), 0);
		set_size(in.instance_type, e.name);
		for (h = 0; h < sizeof(hours) / sizeof(hours[0]); h++) {
			in.retention_hours = hours[h];
			prev_partitions = prev_brokers = 0;
			for (eps = 1; eps <= 5e6; eps *= 1.37) {
				advise(eps);
				assert_placeable(&out,
						 e.max_partition_replica_count,
						 1024.0);
				ck_assert_msg(out.partitions_count >=
						      prev_partitions,
					      "%s %g h %g/s: %lld partitions "
					      "after %lld", e.name, hours[h],
					      eps,
					      (long long)out.partitions_count,
					      (long long)prev_partitions);
				ck_assert(out.brokers_count >= prev_brokers);
				prev_partitions = out.partitions_count;
				prev_brokers = out.brokers_count;
			}
		}
	}
}
END_TEST

/* The cheapest size, chosen: placeable at every rate and retention, its
 * partitions never falling either (a larger size's fewer brokers keep
 * the partitions the data and throughput need). */
START_TEST(placeable_chosen)
{
	static const double hours[] = { 24, 168, 720, 8760 };
	struct ecap_catalog_entry e;
	unsigned h;
	double eps;
	int64_t prev;

	for (h = 0; h < sizeof(hours) / sizeof(hours[0]); h++) {
		in.retention_hours = hours[h];
		prev = 0;
		for (eps = 1; eps <= 5e6; eps *= 1.37) {
			advise(eps);
			e.sz = sizeof(e);
			ck_assert_int_eq(ecap_policy_catalog_find(
				p, ECAP_CATALOG_KAFKA_BROKER,
				out.instance_type, &e, &err), 0);
			assert_placeable(&out, e.max_partition_replica_count,
					 1024.0);
			ck_assert_int_ge(out.partitions_count, prev);
			prev = out.partitions_count;
		}
	}
}
END_TEST

Suite *
kafka_placement_suite(void)
{
	Suite *s = suite_create("kafka-placement");
	TCase *tc = tcase_create("kafka-placement");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, review_year_retention);
	tcase_add_test(tc, review_month_retention);
	tcase_add_test(tc, replica_cap);
	tcase_add_test(tc, replica_limit);
	tcase_add_test(tc, placeable_grid);
	tcase_add_test(tc, placeable_chosen);
	suite_add_tcase(s, tc);
	return s;
}
