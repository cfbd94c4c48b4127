/* SPDX-License-Identifier: MIT */
/*
 * kafka.c - Kafka sizing: the guide's calculate_kafka_resources (model
 * "guide") and ecap-1's partitions by throughput and consumers, storage with
 * open segments, and brokers by the tightest of four limits.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "capacity.h"

#define GIB 1073741824.0
/* Counts above this are refused rather than converted to int64. */
#define MAX_COUNT 1e15

void
ecap__kafka_defaults(const ecap_policy *p, struct ecap__kafka_args *a)
{
	memset(a, 0, sizeof(*a));
	a->event_size_kb = ecap__pd(p, ECAP_K_KAFKA_EVENT_SIZE_KB);
	a->replication_factor = (double)ecap__pi(p, ECAP_K_KAFKA_REPLICATION_FACTOR);
	a->retention_hours = ecap__pd(p, ECAP_K_KAFKA_RETENTION_HOURS);
	a->partition_throughput =
		ecap__pd(p, ECAP_K_KAFKA_PARTITION_THROUGHPUT_EVENTS_PER_SECOND);
	a->broker_disk_gb = ecap__pd(p, ECAP_K_KAFKA_BROKER_DISK_GB);
	a->broker_throughput_mb_per_second =
		ecap__pd(p, ECAP_K_KAFKA_BROKER_THROUGHPUT_MB_PER_SECOND);
	a->max_replicas_per_broker =
		(double)ecap__pi(p, ECAP_K_KAFKA_MAX_PARTITION_REPLICAS_PER_BROKER);
}

/* The guide's Python, operation for operation. */
static void
calc_guide(const ecap_policy *p, const struct ecap__kafka_args *a,
	   struct ecap__kafka_calc *c)
{
	double daily_events = a->events_per_second * 86400.0;
	double per_broker = (double)ecap__pi(p, ECAP_K_KAFKA_GUIDE_PARTITIONS_PER_BROKER);
	double min_brokers = (double)ecap__pi(p, ECAP_K_KAFKA_MIN_BROKERS);
	double by_partitions;

	c->daily_storage_gb = daily_events * a->event_size_kb *
			      a->replication_factor / 1024.0 / 1024.0;
	c->data_storage_gb = c->daily_storage_gb * (a->retention_hours / 24.0);
	c->total_storage_gb = c->data_storage_gb;
	c->partitions = fmax((double)ecap__pi(p, ECAP_K_KAFKA_MIN_PARTITIONS),
			     trunc(c->daily_storage_gb * 1024.0 /
				   ecap__pd(p, ECAP_K_KAFKA_GUIDE_PARTITION_MB_PER_DAY)));
	by_partitions = trunc(c->partitions / per_broker);
	c->brokers = fmax(min_brokers, by_partitions);
	c->limit = by_partitions > min_brokers ?
		   ECAP_KAFKA_REASON_GUIDE_PARTITIONS : ECAP_KAFKA_REASON_MINIMUM;
	c->brokers_minimum = min_brokers;
	c->storage_per_broker_gb = trunc(
		c->total_storage_gb / c->brokers *
		(1.0 + ecap__pd(p, ECAP_K_KAFKA_STORAGE_BUFFER_RATIO)));
}

static void
calc_ecap1(const ecap_policy *p, const struct ecap__kafka_args *a,
	   struct ecap__kafka_calc *c)
{
	double rf = a->replication_factor;
	double replicas, peak_mb;

	c->daily_storage_gb = a->events_per_second * 86400.0 *
			      a->event_size_kb * rf / 1024.0 / 1024.0;
	c->partitions_by_throughput =
		ceil(a->peak_events_per_second / a->partition_throughput);
	c->partitions = fmax(fmax(c->partitions_by_throughput, a->consumers),
			     (double)ecap__pi(p, ECAP_K_KAFKA_MIN_PARTITIONS));
	replicas = c->partitions * rf;
	/* Retained bytes: the average rate over the whole retention. */
	c->data_storage_gb = a->events_per_second * a->event_size_kb *
			     a->retention_hours * 3600.0 * rf / 1024.0 / 1024.0;
	/* Only closed segments are deleted: one open segment per replica. */
	c->segment_allowance_gb =
		replicas * (double)ecap__pi(p, ECAP_K_KAFKA_SEGMENT_BYTES) / GIB;
	c->total_storage_gb =
		(c->data_storage_gb + c->segment_allowance_gb) *
		(1.0 + ecap__pd(p, ECAP_K_KAFKA_STORAGE_BUFFER_RATIO));
	/* Every replica is written: the cluster absorbs peak ingress * RF. */
	peak_mb = a->peak_events_per_second * a->event_size_kb / 1024.0;
	c->brokers_by_storage = ceil(c->total_storage_gb / a->broker_disk_gb);
	c->brokers_by_throughput =
		ceil(peak_mb * rf / a->broker_throughput_mb_per_second);
	c->brokers_by_partitions = ceil(replicas / a->max_replicas_per_broker);
	c->brokers_minimum = fmax((double)ecap__pi(p, ECAP_K_KAFKA_MIN_BROKERS), rf);
	/* The largest; ties go to the earlier of minimum, storage,
	 * throughput, partition replicas. */
	c->brokers = c->brokers_minimum;
	c->limit = ECAP_KAFKA_REASON_MINIMUM;
	if (c->brokers_by_storage > c->brokers) {
		c->brokers = c->brokers_by_storage;
		c->limit = ECAP_KAFKA_REASON_STORAGE;
	}
	if (c->brokers_by_throughput > c->brokers) {
		c->brokers = c->brokers_by_throughput;
		c->limit = ECAP_KAFKA_REASON_THROUGHPUT;
	}
	if (c->brokers_by_partitions > c->brokers) {
		c->brokers = c->brokers_by_partitions;
		c->limit = ECAP_KAFKA_REASON_PARTITION_REPLICAS;
	}
	c->storage_per_broker_gb = ceil(c->total_storage_gb / c->brokers);
}

void
ecap__kafka_calc(const ecap_policy *p, int32_t model,
		 const struct ecap__kafka_args *a, struct ecap__kafka_calc *c)
{
	memset(c, 0, sizeof(*c));
	if (model == ECAP_MODEL_GUIDE)
		calc_guide(p, a, c);
	else
		calc_ecap1(p, a, c);
	c->ingress_mb_per_second = a->events_per_second * a->event_size_kb / 1024.0;
	/* The guide's brokers * 0.192 * 24 * 30, in its order: multiplying
	 * by 720 at once differs in the last bit for 15 brokers and many
	 * other counts. */
	c->cost_usd_per_month = c->brokers *
				ecap__pd(p, ECAP_K_KAFKA_BROKER_PRICE_USD_PER_HOUR) *
				24.0 * (ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH) / 24.0);
}

/* Validates the optional inputs and lays them over the policy's values. */
static int
resolve(const ecap_policy *p, const struct ecap_kafka_in *in,
	struct ecap__kafka_args *a, struct ecap_error *err)
{
	double peak_factor;
	int rc;

	if ((rc = ecap__check_double(err, "events_per_second",
				     in->events_per_second, 0.0,
				     ECAP_KAFKA_MAX_EVENTS_PER_SECOND)) ||
	    (rc = ecap__check_double(err, "peak_events_per_second",
				     in->peak_events_per_second, 0.0,
				     ECAP_KAFKA_MAX_EVENTS_PER_SECOND)) ||
	    (rc = ecap__check_double(err, "peak_factor", in->peak_factor,
				     0.0, 100.0)) ||
	    (rc = ecap__check_double(err, "event_size_kb", in->event_size_kb,
				     0.0, 1048576.0)) ||
	    (rc = ecap__check_int64(err, "replication_factor",
				    in->replication_factor, 0, 32)) ||
	    (rc = ecap__check_double(err, "retention_hours",
				     in->retention_hours, 0.0, 876000.0)) ||
	    (rc = ecap__check_double(err,
				     "partition_throughput_events_per_second",
				     in->partition_throughput_events_per_second,
				     0.0, 1e9)) ||
	    (rc = ecap__check_int64(err, "consumer_count", in->consumer_count,
				    0, 10000000)) ||
	    (rc = ecap__check_double(err, "broker_disk_gb", in->broker_disk_gb,
				     0.0, 1e9)) ||
	    (rc = ecap__check_double(err, "broker_throughput_mb_per_second",
				     in->broker_throughput_mb_per_second,
				     0.0, 1e9)) ||
	    (rc = ecap__check_int64(err, "max_partition_replicas_per_broker",
				    in->max_partition_replicas_per_broker, 0,
				    10000000)))
		return rc;
	if (in->peak_factor != 0.0 && in->peak_factor < 1.0)
		return ecap__fail(err, ECAP_ERR_RANGE, "peak_factor",
				  "peak_factor is %.17g; it must be 0 (the "
				  "policy's) or at least 1", in->peak_factor);
	if (in->peak_events_per_second != 0.0 &&
	    in->peak_events_per_second < in->events_per_second)
		return ecap__fail(err, ECAP_ERR_RANGE, "peak_events_per_second",
				  "peak_events_per_second %.17g is below "
				  "events_per_second %.17g",
				  in->peak_events_per_second,
				  in->events_per_second);
	ecap__kafka_defaults(p, a);
	a->events_per_second = in->events_per_second;
	peak_factor = in->peak_factor != 0.0 ?
		      in->peak_factor : ecap__pd(p, ECAP_K_KAFKA_PEAK_FACTOR);
	a->peak_events_per_second = in->peak_events_per_second != 0.0 ?
				    in->peak_events_per_second :
				    in->events_per_second * peak_factor;
	if (in->event_size_kb != 0.0)
		a->event_size_kb = in->event_size_kb;
	if (in->replication_factor != 0)
		a->replication_factor = (double)in->replication_factor;
	if (in->retention_hours != 0.0)
		a->retention_hours = in->retention_hours;
	if (in->partition_throughput_events_per_second != 0.0)
		a->partition_throughput = in->partition_throughput_events_per_second;
	a->consumers = (double)in->consumer_count;
	if (in->broker_disk_gb != 0.0)
		a->broker_disk_gb = in->broker_disk_gb;
	if (in->broker_throughput_mb_per_second != 0.0)
		a->broker_throughput_mb_per_second =
			in->broker_throughput_mb_per_second;
	if (in->max_partition_replicas_per_broker != 0)
		a->max_replicas_per_broker =
			(double)in->max_partition_replicas_per_broker;
	return ECAP_OK;
}

static void
explain(const struct ecap__kafka_calc *c, const struct ecap__kafka_args *a,
	const ecap_policy *p, struct ecap_kafka_out *out)
{
	char *t = out->reason_text;
	size_t n = sizeof(out->reason_text);

	switch (c->limit) {
	case ECAP_KAFKA_REASON_GUIDE_PARTITIONS:
		snprintf(t, n, "guide: %.0f partitions at %lld per broker "
			 "need %.0f brokers", c->partitions,
			 (long long)ecap__pi(p, ECAP_K_KAFKA_GUIDE_PARTITIONS_PER_BROKER),
			 c->brokers);
		break;
	case ECAP_KAFKA_REASON_STORAGE:
		snprintf(t, n, "%.6g GB of storage at %.6g GB per broker needs "
			 "%.0f brokers", c->total_storage_gb,
			 a->broker_disk_gb, c->brokers);
		break;
	case ECAP_KAFKA_REASON_THROUGHPUT:
		snprintf(t, n, "%.6g MB/s written at the peak (%.6g events/s, "
			 "RF %.0f) at %.6g MB/s per broker needs %.0f brokers",
			 a->peak_events_per_second * a->event_size_kb / 1024.0 *
			 a->replication_factor, a->peak_events_per_second,
			 a->replication_factor,
			 a->broker_throughput_mb_per_second, c->brokers);
		break;
	case ECAP_KAFKA_REASON_PARTITION_REPLICAS:
		snprintf(t, n, "%.0f partition replicas at %.0f per broker "
			 "need %.0f brokers", c->partitions * a->replication_factor,
			 a->max_replicas_per_broker, c->brokers);
		break;
	default:
		snprintf(t, n, "the minimum of %.0f brokers (kafka.min_brokers "
			 "%lld, replication factor %.0f) covers every other "
			 "limit", c->brokers,
			 (long long)ecap__pi(p, ECAP_K_KAFKA_MIN_BROKERS),
			 a->replication_factor);
		break;
	}
}

ECAP_API int
ecap_kafka_advise(const ecap_policy *policy, const struct ecap_kafka_in *in,
		  struct ecap_kafka_out *out, struct ecap_error *err)
{
	struct ecap__kafka_args a;
	struct ecap__kafka_calc c;
	int64_t rf;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_kafka_in)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_kafka_out)) != ECAP_OK ||
	    (rc = resolve(policy, in, &a, err)) != ECAP_OK)
		return rc;
	ecap__kafka_calc(policy, policy->model, &a, &c);
	if (c.brokers > MAX_COUNT || c.partitions > MAX_COUNT)
		return ecap__fail(err, ECAP_ERR_RANGE, "events_per_second",
				  "these inputs need %.3g brokers and %.3g "
				  "partitions, more than %.0f", c.brokers,
				  c.partitions, MAX_COUNT);
	ECAP__OUT_ZERO(out, ecap_kafka_out);
	out->model = policy->model;
	out->reason = c.limit;
	out->peak_events_per_second = policy->model == ECAP_MODEL_GUIDE ?
				      a.events_per_second :
				      a.peak_events_per_second;
	out->ingress_mb_per_second = c.ingress_mb_per_second;
	out->daily_storage_gb = c.daily_storage_gb;
	out->data_storage_gb = c.data_storage_gb;
	out->segment_allowance_gb = c.segment_allowance_gb;
	out->total_storage_gb = c.total_storage_gb;
	out->partitions_count = (int64_t)c.partitions;
	out->brokers_count = (int64_t)c.brokers;
	out->brokers_by_storage_count = (int64_t)c.brokers_by_storage;
	out->brokers_by_throughput_count = (int64_t)c.brokers_by_throughput;
	out->brokers_by_partition_replicas_count = (int64_t)c.brokers_by_partitions;
	out->brokers_minimum_count = (int64_t)c.brokers_minimum;
	out->storage_per_broker_gb = c.storage_per_broker_gb;
	out->cost_usd_per_month = c.cost_usd_per_month;
	rf = (int64_t)a.replication_factor;
	out->replication_factor_count = rf;
	/* Kafka's docs: RF 3 with min.insync.replicas 2 and acks=all. */
	out->min_insync_replicas_count = rf > 1 ? rf - 1 : 1;
	ecap__strlcpy(out->acks, rf >= 2 ? "all" : "1", sizeof(out->acks));
	ecap__strlcpy(out->instance_type, ecap__ps(policy, ECAP_K_KAFKA_INSTANCE_TYPE),
		      sizeof(out->instance_type));
	explain(&c, &a, policy, out);
	return ECAP_OK;
}
