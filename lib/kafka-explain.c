/* SPDX-License-Identifier: MIT */
/*
 * kafka-explain.c - the names of the Kafka reasons and the one sentence
 * that explains a Kafka sizing, written on demand from the advice alone.
 */
#include <stdarg.h>
#include <stdio.h>

#include "internal.h"

static const struct ecap__enum_name reason_names[] = {
	{ ECAP_KAFKA_REASON_MINIMUM, { "minimum" } },
	{ ECAP_KAFKA_REASON_GUIDE_PARTITIONS, { "guide-partitions" } },
	{ ECAP_KAFKA_REASON_STORAGE, { "storage" } },
	{ ECAP_KAFKA_REASON_THROUGHPUT, { "throughput" } },
	{ ECAP_KAFKA_REASON_PARTITION_REPLICAS, { "partition-replicas" } },
	{ 0, { NULL } },
};

ECAP_API const char *
ecap_kafka_reason_to_string(int32_t reason)
{
	return ecap__enum_to_string(reason_names, reason);
}

ECAP_API int
ecap_kafka_reason_from_string(const char *name, int32_t *reason,
			      struct ecap_error *err)
{
	return ecap__enum_from_string(reason_names, false, "Kafka reason",
				      "reason", name, reason, err);
}

/* A sentence being written, with the numbers of the clause being
 * written. */
struct text {
	struct ecap__sentence s;
	char nums[8][24];
	unsigned next;
};

/*
 * A whole number for people ("18645"), in at most 10 characters
 * ("1.69e+12" when absurdly large), so that every sentence fits
 * ECAP_EXPLAIN_MAX.  Each call takes the next of the text's buffers.
 */
static const char *
num(struct text *t, double v)
{
	char *b = t->nums[t->next++ % ECAP_ARRAY_SIZE(t->nums)];

	/* A rate given as -0.0 passes as zero and carries its sign into
	 * what is derived from it: write it "0", not "-0". */
	if (v == 0.0)
		v = 0.0;
	snprintf(b, sizeof(t->nums[0]), v > -1e10 && v < 1e10 ? "%.0f" : "%.3g",
		 v);
	return b;
}

/* Appends to the sentence (ecap__say). */
static void ECAP_PRINTF(2, 3)
say(struct text *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ecap__vsay(&t->s, fmt, ap);
	va_end(ap);
}

/* Counts as numbers for num(). */
#define N(t, v) num((t), (double)(v))

/* The guide: its broker rule and its broker-hour cost. */
static void
explain_guide(const struct ecap_kafka_out *o, struct text *t)
{
	if (o->reason == ECAP_KAFKA_REASON_GUIDE_PARTITIONS)
		say(t, "guide: %s partitions at %s per broker need %s brokers",
		    N(t, o->partitions_count),
		    N(t, o->max_partition_replicas_per_broker),
		    N(t, o->brokers_count));
	else
		say(t, "guide: the minimum of %s brokers (kafka.min_brokers) "
		    "covers %s partitions", N(t, o->brokers_count),
		    N(t, o->partitions_count));
	say(t, "; %s x %.40s at $%.4g an hour cost $%s a month",
	    N(t, o->brokers_count), o->instance_type,
	    o->broker_price_usd_per_hour, N(t, o->cost_usd_per_month));
}

/* ecap-1: the limit that decided, with its numbers; returns its count. */
static int64_t
explain_limit(const struct ecap_kafka_out *o, struct text *t)
{
	int64_t rf = o->replication_factor_count;

	switch (o->reason) {
	case ECAP_KAFKA_REASON_STORAGE:
		say(t, "%s GiB to keep (%s GiB of data + open segments + "
		    "headroom) at %s GiB a broker needs %s brokers",
		    N(t, o->total_storage_gb), N(t, o->data_storage_gb),
		    N(t, o->broker_disk_gb), N(t, o->brokers_by_storage_count));
		return o->brokers_by_storage_count;
	case ECAP_KAFKA_REASON_THROUGHPUT:
		say(t, "%.4g MB/s written at the peak (%.4g MB/s x RF %s) at "
		    "%.4g MB/s a broker needs %s brokers",
		    o->peak_ingress_mb_per_second * (double)rf,
		    o->peak_ingress_mb_per_second, N(t, rf),
		    o->broker_throughput_mb_per_second,
		    N(t, o->brokers_by_throughput_count));
		return o->brokers_by_throughput_count;
	case ECAP_KAFKA_REASON_PARTITION_REPLICAS:
		say(t, "%s partition replicas (%s partitions x RF %s) at %s a "
		    "broker need %s brokers",
		    N(t, (double)o->partitions_count * (double)rf),
		    N(t, o->partitions_count), N(t, rf),
		    N(t, o->max_partition_replicas_per_broker),
		    N(t, o->brokers_by_partition_replicas_count));
		return o->brokers_by_partition_replicas_count;
	default:
		say(t, "the minimum of %s brokers (kafka.min_brokers, or "
		    "replication factor %s) covers every other limit",
		    N(t, o->brokers_minimum_count), N(t, rf));
		return o->brokers_minimum_count;
	}
}

/* ecap-1: the partitions (at least one a broker), the data each replica
 * keeps (kafka.max_partition_replica_gb bounds it) and the replicas on
 * the most loaded broker: what placing them takes. */
static void
explain_partitions(const struct ecap_kafka_out *o, struct text *t)
{
	double p = (double)o->partitions_count;
	double rf = (double)o->replication_factor_count;
	double brokers = (double)o->brokers_count;

	if (p < 1.0 || rf < 1.0 || brokers < 1.0)
		return;
	say(t, "; %s partitions of %s GiB a replica, at most %s replicas a "
	    "broker", N(t, p), N(t, ecap__ceil(o->data_storage_gb / rf / p)),
	    N(t, ecap__ceil(p * rf / brokers)));
}

static void
explain_ecap1(const struct ecap_kafka_out *o, struct text *t)
{
	int64_t by_limit;

	say(t, "%s x %.40s: ", N(t, o->brokers_count), o->instance_type);
	by_limit = explain_limit(o, t);
	if (o->brokers_count > by_limit)
		say(t, ", rounded up to %s for %s availability zones",
		    N(t, o->brokers_count), N(t, o->availability_zone_count));
	explain_partitions(o, t);
	say(t, "; $%s of broker-hours + $%s of storage = $%s a month "
	    "(%.15s prices)", N(t, o->broker_cost_usd_per_month),
	    N(t, o->storage_cost_usd_per_month), N(t, o->cost_usd_per_month),
	    o->price_date);
	/* True whether the advisor chose the size (none keeps within the
	 * quota) or the caller named it (a larger one may). */
	if (o->broker_quota_exceeded_flag)
		say(t, "; %s brokers pass the quota of %s "
		    "(kafka.max_broker_count): raise it or split the cluster",
		    N(t, o->brokers_count), N(t, o->broker_quota_count));
	if (o->compression_flag)
		say(t, "; storage %s: compress batches%s",
		    o->reason == ECAP_KAFKA_REASON_STORAGE ? "sets the count" :
		    "is most of the cost", o->tiered_storage_flag ?
		    ", tier data older than a day" : "");
}

/* An advice this library could have written: a known model and one of
 * its reasons. */
static int
check_explainable(const struct ecap_kafka_out *o, struct ecap_error *err)
{
	bool guide = o->model == ECAP_MODEL_GUIDE;

	if (!guide && o->model != ECAP_MODEL_ECAP_1)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "model",
				  "advice model is %d; pass the output of "
				  "ecap_kafka_advise", (int)o->model);
	switch (o->reason) {
	case ECAP_KAFKA_REASON_MINIMUM:
		return ECAP_OK;
	case ECAP_KAFKA_REASON_GUIDE_PARTITIONS:
		if (guide)
			return ECAP_OK;
		break;
	case ECAP_KAFKA_REASON_STORAGE:
	case ECAP_KAFKA_REASON_THROUGHPUT:
	case ECAP_KAFKA_REASON_PARTITION_REPLICAS:
		if (!guide)
			return ECAP_OK;
		break;
	default:
		break;
	}
	return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "reason",
			  "advice reason is %d, not one of the %s model's; "
			  "pass the output of ecap_kafka_advise", (int)o->reason,
			  guide ? "guide" : "ecap-1");
}

ECAP_API int
ecap_kafka_explain(const struct ecap_kafka_out *advice, char *buf, size_t size,
		   struct ecap_error *err)
{
	struct text t;
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, advice, ecap_kafka_out)) != ECAP_OK ||
	    (rc = ecap__sentence_begin(&t.s, buf, size, err)) != ECAP_OK ||
	    (rc = check_explainable(advice, err)) != ECAP_OK)
		return rc;
	t.next = 0;
	if (advice->model == ECAP_MODEL_GUIDE)
		explain_guide(advice, &t);
	else
		explain_ecap1(advice, &t);
	say(&t, ".");
	return ecap__sentence_end(&t.s, err);
}
