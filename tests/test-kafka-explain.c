/* SPDX-License-Identifier: MIT */
/*
 * Kafka sentences and names: ecap_kafka_explain for every limit and both
 * models, its buffer rules and its longest sentence, and the reason names.
 */
#include <stdint.h>
#include <stdio.h>

#include "fixture.h"

ADVISOR_FIXTURE(kafka)

static char why[ECAP_EXPLAIN_MAX];

/* Sizes eps events/s and writes the sentence into why. */
static void
advise_and_explain(double eps)
{
	in.events_per_second = eps;
	ck_assert_msg(ecap_kafka_advise(p, &in, &out, &err) == 0, "%s",
		      err.message);
	ck_assert_msg(ecap_kafka_explain(&out, why, sizeof(why), &err) == 0,
		      "%s", err.message);
}

START_TEST(explain_sentences)
{
	char small[40];
	struct ecap_kafka_out big;

	/* 100k events/s: size, limit, zones, cost, the suggestion */
	advise_and_explain(100000);
	ck_assert_msg(strncmp(why, "12 x kafka.", 11) == 0, "%s", why);
	ck_assert_msg(strstr(why, "168877 GiB to keep") != NULL, "%s", why);
	ck_assert_msg(strstr(why, "at 16384 GiB a broker needs 11 brokers, "
			      "rounded up to 12 for 3 availability zones"),
		      "%s", why);
	/* 43 partitions: 129776.0 / 3 / 43 = 1006.02 GiB -> 1007 a replica;
	 * ceil(43 * 3 / 12) = 11 replicas on the most loaded broker */
	ck_assert_msg(strstr(why, "; 43 partitions of 1007 GiB a replica, at "
			      "most 11 replicas a broker; ") != NULL, "%s", why);
	ck_assert_msg(strstr(why, "of storage = $") != NULL, "%s", why);
	ck_assert_msg(strstr(why, "; storage sets the count: compress batches, "
			      "tier data older than a day.") != NULL, "%s", why);
	/* 10k events/s: 3 brokers, the minimum, but 17,000 GB kept */
	advise_and_explain(10000);
	ck_assert_msg(strstr(why, "the minimum of 3 brokers") != NULL, "%s", why);
	ck_assert_msg(strstr(why, "; storage is most of the cost: compress "
			      "batches, tier") != NULL, "%s", why);
	/*
	 * A named size over the quota: 20000 consumers -> 20000 partitions
	 * x RF 3 = 60000 replicas at kafka.m5.large's 1000 a broker = 60
	 * brokers > 30.  The m7g.4xlarge (4000 a broker) needs 15, so "no
	 * size keeps within the quota" would be false; the sentence says
	 * what the named size does.
	 */
	in.consumer_count = 20000;
	snprintf(in.instance_type, sizeof(in.instance_type), "kafka.m5.large");
	advise_and_explain(1000);
	ck_assert_int_eq(out.brokers_count, 60);
	ck_assert_int_eq(out.broker_quota_exceeded_flag, 1);
	ck_assert_msg(strstr(why, "; 60 brokers pass the quota of 30 "
			      "(kafka.max_broker_count): raise it or split the "
			      "cluster") != NULL, "%s", why);
	ck_assert_msg(strstr(why, "no size") == NULL, "%s", why);
	in.consumer_count = 0;
	memset(in.instance_type, 0, sizeof(in.instance_type));
	/* throughput: 4.395 MB/s written at 0.5 a broker */
	in.broker_throughput_mb_per_second = 0.5;
	advise_and_explain(1000);
	ck_assert_msg(strstr(why, "4.395 MB/s written at the peak (1.465 MB/s "
			      "x RF 3) at 0.5 MB/s a broker needs 9 brokers"),
		      "%s", why);
	/* partition replicas */
	in.broker_throughput_mb_per_second = 0;
	in.max_partition_replicas_per_broker = 10;
	advise_and_explain(1000);
	ck_assert_msg(strstr(why, "36 partition replicas (12 partitions x RF 3) "
			      "at 10 a broker need 4 brokers"), "%s", why);
	/* the guide: its own rule */
	use_model("guide");
	in.max_partition_replicas_per_broker = 0;
	advise_and_explain(1000);
	ck_assert_str_eq(why, "guide: 3796 partitions at 10 per broker need "
			 "379 brokers; 379 x kafka.m5.large at $0.192 an hour "
			 "cost $52393 a month.");
	/* a small buffer: the sentence cut, NUL-terminated, NOSPACE */
	ck_assert_err(ecap_kafka_explain(&out, small, sizeof(small), &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_int_eq(strlen(small), sizeof(small) - 1);
	ck_assert(strncmp(small, why, sizeof(small) - 1) == 0);
	/* the longest sentence fits ECAP_EXPLAIN_MAX: every clause, the
	 * longest names and numbers */
	ECAP_STRUCT_INIT(&big);
	big.model = ECAP_MODEL_ECAP_1;
	big.reason = ECAP_KAFKA_REASON_STORAGE;
	big.brokers_count = INT64_MAX;
	big.brokers_by_storage_count = INT64_MAX - 1;
	big.availability_zone_count = INT64_MAX;
	big.broker_quota_count = INT64_MAX;
	big.total_storage_gb = -1.234567e-300;
	big.data_storage_gb = -1.234567e300;
	big.broker_disk_gb = -1e300;
	big.broker_cost_usd_per_month = -1e300;
	big.storage_cost_usd_per_month = -1e300;
	big.cost_usd_per_month = -1e300;
	big.broker_quota_exceeded_flag = 1;
	big.compression_flag = big.tiered_storage_flag = 1;
	memset(big.instance_type, 'x', sizeof(big.instance_type) - 1);
	memset(big.price_date, '9', sizeof(big.price_date) - 1);
	ck_assert_msg(ecap_kafka_explain(&big, why, sizeof(why), &err) == 0,
		      "%s", err.message);
	big.reason = ECAP_KAFKA_REASON_PARTITION_REPLICAS;
	big.partitions_count = INT64_MIN;
	big.replication_factor_count = INT64_MIN;
	big.max_partition_replicas_per_broker = INT64_MIN;
	big.brokers_by_partition_replicas_count = INT64_MIN;
	ck_assert_msg(ecap_kafka_explain(&big, why, sizeof(why), &err) == 0,
		      "%s", err.message);
	big.reason = ECAP_KAFKA_REASON_THROUGHPUT;
	big.peak_ingress_mb_per_second = -1.234567e-300;
	big.broker_throughput_mb_per_second = -1.234567e-300;
	ck_assert_msg(ecap_kafka_explain(&big, why, sizeof(why), &err) == 0,
		      "%s", err.message);
	/* bad arguments */
	ck_assert_err(ecap_kafka_explain(NULL, why, sizeof(why), &err),
		      ECAP_ERR_INVALID, err, "ecap_kafka_out");
	ck_assert_err(ecap_kafka_explain(&out, NULL, sizeof(why), &err),
		      ECAP_ERR_INVALID, err, "buf");
	ck_assert_err(ecap_kafka_explain(&out, why, 0, &err),
		      ECAP_ERR_NOSPACE, err, "size");
	/* An advice no call writes: an unknown model, an unknown reason,
	 * a reason of the other model. */
	big = out;
	big.model = 0;
	ck_assert_err(ecap_kafka_explain(&big, why, sizeof(why), &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "model");
	big = out;
	big.reason = 99;
	ck_assert_err(ecap_kafka_explain(&big, why, sizeof(why), &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
	big.model = ECAP_MODEL_GUIDE;
	big.reason = ECAP_KAFKA_REASON_STORAGE;
	ck_assert_err(ecap_kafka_explain(&big, why, sizeof(why), &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
	big.model = ECAP_MODEL_ECAP_1;
	big.reason = ECAP_KAFKA_REASON_GUIDE_PARTITIONS;
	ck_assert_err(ecap_kafka_explain(&big, why, sizeof(why), &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
}
END_TEST

/*
 * A rate of -0.0 is zero (the range check lets it pass): nothing derived
 * from it is written "-0".  The minimum of 3 brokers and 12 partitions
 * hold 0 GiB each: "12 partitions of 0 GiB a replica", as libFuzzer's
 * kafka target found it writing "-0 GiB".
 */
START_TEST(negative_zero_rate)
{
	advise_and_explain(-0.0);
	ck_assert_msg(strstr(why, "-0") == NULL, "%s", why);
	ck_assert_msg(strstr(why, "12 partitions of 0 GiB a replica") != NULL,
		      "%s", why);
}
END_TEST

/*
 * ECAP_EXPLAIN_MAX holds the longest ecap-1 sentence: every reason, every
 * clause (zones, placement, quota, storage), each number at its widest
 * (num() writes at most 10 characters), a 40-character size name and a
 * 15-character date: 572 bytes with the storage reason, which
 * libFuzzer's kafka target found past the 512 the constant was.
 */
START_TEST(longest_sentence_fits)
{
	static const int32_t reasons[] = {
		ECAP_KAFKA_REASON_MINIMUM, ECAP_KAFKA_REASON_STORAGE,
		ECAP_KAFKA_REASON_THROUGHPUT,
		ECAP_KAFKA_REASON_PARTITION_REPLICAS,
	};
	char buf[ECAP_EXPLAIN_MAX], size0[1];
	struct ecap_kafka_out a;
	size_t r;

	advise_and_explain(100000);
	for (r = 0; r < sizeof(reasons) / sizeof(reasons[0]); r++) {
		a = out;
		a.reason = reasons[r];
		memset(a.instance_type, 'k', sizeof(a.instance_type) - 1);
		a.instance_type[sizeof(a.instance_type) - 1] = '\0';
		memset(a.price_date, '9', sizeof(a.price_date) - 1);
		a.price_date[sizeof(a.price_date) - 1] = '\0';
		a.brokers_count = INT64_C(9999999999);
		a.brokers_by_storage_count = INT64_C(9999999998);
		a.brokers_by_throughput_count = INT64_C(9999999998);
		a.brokers_by_partition_replicas_count = INT64_C(9999999998);
		a.brokers_minimum_count = INT64_C(9999999998);
		a.availability_zone_count = INT64_C(9999999999);
		a.partitions_count = INT64_C(9999999999);
		a.replication_factor_count = 1;
		a.max_partition_replicas_per_broker = INT64_C(9999999999);
		a.broker_quota_count = INT64_C(9999999999);
		a.total_storage_gb = 9999999999.0;
		a.data_storage_gb = 9999999999.0;
		a.broker_disk_gb = 9999999999.0;
		a.peak_ingress_mb_per_second = -1.23456789e-300;
		a.broker_throughput_mb_per_second = -1.23456789e-300;
		a.broker_cost_usd_per_month = 9999999999.0;
		a.storage_cost_usd_per_month = 9999999999.0;
		a.cost_usd_per_month = 9999999999.0;
		a.broker_quota_exceeded_flag = 1;
		a.compression_flag = 1;
		a.tiered_storage_flag = 1;
		ck_assert_msg(ecap_kafka_explain(&a, buf, sizeof(buf), &err) ==
			      ECAP_OK, "reason %d: %s", (int)a.reason,
			      err.message);
		ck_assert_int_eq(ecap_kafka_explain(&a, size0, 0, &err),
				 ECAP_ERR_NOSPACE);
	}
}
END_TEST

START_TEST(reason_names)
{
	int32_t r, v;

	for (r = ECAP_KAFKA_REASON_MINIMUM;
	     r <= ECAP_KAFKA_REASON_PARTITION_REPLICAS; r++) {
		ck_assert_ptr_nonnull(ecap_kafka_reason_to_string(r));
		ck_assert_int_eq(ecap_kafka_reason_from_string(
					 ecap_kafka_reason_to_string(r), &v, &err), 0);
		ck_assert_int_eq(v, r);
	}
	ck_assert_str_eq(ecap_kafka_reason_to_string(ECAP_KAFKA_REASON_STORAGE),
			 "storage");
	ck_assert_ptr_null(ecap_kafka_reason_to_string(0));
	ck_assert_err(ecap_kafka_reason_from_string("disk", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
}
END_TEST

Suite *
kafka_explain_suite(void)
{
	Suite *s = suite_create("kafka-explain");
	TCase *tc = tcase_create("kafka-explain");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, explain_sentences);
	tcase_add_test(tc, reason_names);
	tcase_add_test(tc, negative_zero_rate);
	tcase_add_test(tc, longest_sentence_fits);
	suite_add_tcase(s, tc);
	return s;
}
