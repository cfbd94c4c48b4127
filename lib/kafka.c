/* SPDX-License-Identifier: MIT */
/*
 * kafka.c - Kafka sizing: ecap_kafka_advise validates and resolves the
 * inputs, the guide's calculate_kafka_resources (model "guide") is here,
 * ecap-1's broker choice in kafka-size.c, the sentences in
 * kafka-explain.c.
 */
#include <math.h>
#include <string.h>

#include "capacity.h"

/* Counts above this are refused rather than converted to int64. */
#define MAX_COUNT 1e15
/* The slowest broker a caller may name (MB/s), as the policy's rates. */
#define MIN_BROKER_MB_PER_SECOND 0.001

void
ecap__kafka_defaults(const ecap_policy *p, struct ecap__kafka_args *a)
{
	/* Inline stores: the projection sets the defaults on every run. */
	ecap__zero_stores(a, sizeof(*a));
	a->event_size_kb = ecap__pd(p, ECAP_K_KAFKA_EVENT_SIZE_KB);
	a->replication_factor = (double)ecap__pi(p, ECAP_K_KAFKA_REPLICATION_FACTOR);
	a->retention_hours = ecap__pd(p, ECAP_K_KAFKA_RETENTION_HOURS);
	a->partition_produce_mb_per_second =
		ecap__pd(p, ECAP_K_KAFKA_PARTITION_PRODUCE_MB_PER_SECOND);
	a->partition_consume_mb_per_second =
		ecap__pd(p, ECAP_K_KAFKA_PARTITION_CONSUME_MB_PER_SECOND);
	a->broker_disk_gb = ecap__pd(p, ECAP_K_KAFKA_BROKER_DISK_GB);
}

/*
 * The guide's Python, operation for operation: what it sizes from the
 * events a second, the event size, the replication factor and the hours
 * kept.  Inline in its calc (the projection, every year) and its advice,
 * which copies the calc into the out struct: every field is set here, so
 * neither needs zeroing first.
 */
static ECAP__ALWAYS_INLINE void
calc_guide(const ecap_policy *p, double events_per_second,
	   double event_size_kb, double replication_factor,
	   double retention_hours, struct ecap__kafka_calc *c)
{
	double daily_events = events_per_second * 86400.0;
	int64_t per = ecap__pi(p, ECAP_K_KAFKA_GUIDE_PARTITIONS_PER_BROKER);
	int64_t min_partitions = ecap__pi(p, ECAP_K_KAFKA_MIN_PARTITIONS);
	double daily_mb, by_partitions, by_size;
	int64_t n;

	c->replicas_per_broker = (double)per;
	c->brokers_minimum = (double)ecap__pi(p, ECAP_K_KAFKA_MIN_BROKERS);
	daily_mb = daily_events * event_size_kb * replication_factor / 1024.0;
	c->daily_storage_gb = daily_mb / 1024.0;
	c->data_storage_gb = c->daily_storage_gb * (retention_hours / 24.0);
	c->total_storage_gb = c->data_storage_gb;
	/* The guide's daily_storage_gb * 1024 is daily_mb exactly (powers
	 * of two), but for a volume below 2^-1000 MB, whose partitions by
	 * size are 0 either way. */
	by_size = daily_mb /
		  ecap__pd(p, ECAP_K_KAFKA_GUIDE_PARTITION_MB_PER_DAY);
	if (ECAP__LIKELY(by_size >= 0.0 && by_size < ECAP__EXACT_INT_MAX)) {
		/*
		 * The same numbers in integers, a shorter chain than two
		 * divisions and truncations in doubles: below 2^52 the
		 * truncation is the int64 conversion, the partitions (at
		 * least the key's minimum of 1) are a whole number, and
		 * int(p / q) of whole numbers below 2^53 is their integer
		 * quotient (a double quotient that is not whole stays at
		 * least 1/q below the next whole number, more than its
		 * rounding).
		 */
		n = (int64_t)by_size;
		n = n > min_partitions ? n : min_partitions;
		c->partitions = (double)n;
		by_partitions = (double)(n / per);
	} else {
		c->partitions = ecap__fmax((double)min_partitions,
					   ecap__trunc(by_size));
		by_partitions = ecap__trunc(c->partitions / (double)per);
	}
	c->brokers = ecap__fmax(c->brokers_minimum, by_partitions);
	c->limit = by_partitions > c->brokers_minimum ?
		   ECAP_KAFKA_REASON_GUIDE_PARTITIONS : ECAP_KAFKA_REASON_MINIMUM;
	c->storage_per_broker_gb = ecap__trunc(
		c->data_storage_gb / c->brokers *
		(1.0 + ecap__pd(p, ECAP_K_KAFKA_STORAGE_BUFFER_RATIO)));
	c->broker_price_usd_per_hour =
		ecap__pd(p, ECAP_K_KAFKA_BROKER_PRICE_USD_PER_HOUR);
	/* The guide's brokers * 0.192 * 24 * 30, in its order: multiplying
	 * by 720 at once differs in the last bit for 15 brokers and many
	 * other counts.  The guide prices no storage. */
	c->broker_cost_usd_per_month = c->brokers *
		c->broker_price_usd_per_hour * 24.0 *
		(ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH) / 24.0);
	c->cost_usd_per_month = c->broker_cost_usd_per_month;
	/* What the guide does not size. */
	c->segment_allowance_gb = 0.0;
	c->partitions_by_throughput = 0.0;
	c->brokers_by_storage = 0.0;
	c->brokers_by_throughput = 0.0;
	c->brokers_by_partitions = 0.0;
	c->broker_throughput_mb_per_second = 0.0;
	c->storage_cost_usd_per_month = 0.0;
	c->broker = NULL;
	c->quota_exceeded = 0;
	c->compression = 0;
	c->tiered_storage = 0;
}

void
ecap__kafka_calc(const ecap_policy *p, int32_t model,
		 const struct ecap__kafka_args *a, struct ecap__kafka_calc *c)
{
	if (model == ECAP_MODEL_GUIDE) {
		calc_guide(p, a->events_per_second, a->event_size_kb,
			   a->replication_factor, a->retention_hours, c);
	} else {
		ECAP__ZERO(c);
		ecap__kafka_calc_ecap1(p, a, c);
	}
}

/* Range checks of every field. */
static int
check_ranges(const struct ecap_kafka_in *in, struct ecap_error *err)
{
	int rc;

	if ((rc = ecap__check_double(err, "events_per_second",
				     in->events_per_second, 0.0,
				     ECAP_KAFKA_MAX_EVENTS_PER_SECOND)) ||
	    (rc = ecap__check_double(err, "peak_events_per_second",
				     in->peak_events_per_second, 0.0,
				     ECAP_KAFKA_MAX_EVENTS_PER_SECOND)) ||
	    (rc = ecap__check_override_double(err, "peak_factor",
					      in->peak_factor,
					      ECAP_K_KAFKA_PEAK_FACTOR)) ||
	    (rc = ecap__check_override_double(err, "event_size_kb",
					      in->event_size_kb,
					      ECAP_K_KAFKA_EVENT_SIZE_KB)) ||
	    (rc = ecap__check_override_int64(err, "replication_factor",
					     in->replication_factor,
					     ECAP_K_KAFKA_REPLICATION_FACTOR)) ||
	    (rc = ecap__check_override_double(err, "retention_hours",
					      in->retention_hours,
					      ECAP_K_KAFKA_RETENTION_HOURS)) ||
	    (rc = ecap__check_double(err, "ingress_mb_per_second",
				     in->ingress_mb_per_second, 0.0,
				     ECAP_KAFKA_MAX_INGRESS_MB_PER_SECOND)) ||
	    (rc = ecap__check_double(err, "peak_ingress_mb_per_second",
				     in->peak_ingress_mb_per_second, 0.0,
				     ECAP_KAFKA_MAX_INGRESS_MB_PER_SECOND)) ||
	    (rc = ecap__check_override_double(
		     err, "partition_produce_mb_per_second",
		     in->partition_produce_mb_per_second,
		     ECAP_K_KAFKA_PARTITION_PRODUCE_MB_PER_SECOND)) ||
	    (rc = ecap__check_override_double(
		     err, "partition_consume_mb_per_second",
		     in->partition_consume_mb_per_second,
		     ECAP_K_KAFKA_PARTITION_CONSUME_MB_PER_SECOND)) ||
	    (rc = ecap__check_int64(err, "consumer_count", in->consumer_count,
				    0, 10000000)) ||
	    (rc = ecap__check_override_double(err, "broker_disk_gb",
					      in->broker_disk_gb,
					      ECAP_K_KAFKA_BROKER_DISK_GB)) ||
	    (rc = ecap__check_double(err, "broker_throughput_mb_per_second",
				     in->broker_throughput_mb_per_second,
				     0.0, 1e9)) ||
	    (rc = ecap__check_int64(err, "max_partition_replicas_per_broker",
				    in->max_partition_replicas_per_broker, 0,
				    10000000)))
		return rc;
	/* 0 takes the broker size's rate; a rate that rounds the broker
	 * count to infinity is no broker. */
	if (in->broker_throughput_mb_per_second != 0.0 &&
	    in->broker_throughput_mb_per_second < MIN_BROKER_MB_PER_SECOND)
		return ecap__fail(err, ECAP_ERR_RANGE,
				  "broker_throughput_mb_per_second",
				  "broker_throughput_mb_per_second is %.17g; it "
				  "is 0 (the broker size's) or %g to 1e9",
				  in->broker_throughput_mb_per_second,
				  MIN_BROKER_MB_PER_SECOND);
	return ECAP_OK;
}

/* The rules between fields: a peak not below its average, one way of
 * giving the rate, a known broker size. */
static int
check_consistency(const ecap_policy *p, const struct ecap_kafka_in *in,
		  struct ecap_error *err)
{
	if (in->peak_events_per_second != 0.0 &&
	    in->peak_events_per_second < in->events_per_second)
		return ecap__fail(err, ECAP_ERR_RANGE, "peak_events_per_second",
				  "peak_events_per_second %.17g is below "
				  "events_per_second %.17g",
				  in->peak_events_per_second,
				  in->events_per_second);
	if (in->peak_ingress_mb_per_second != 0.0 &&
	    in->peak_ingress_mb_per_second < in->ingress_mb_per_second)
		return ecap__fail(err, ECAP_ERR_RANGE,
				  "peak_ingress_mb_per_second",
				  "peak_ingress_mb_per_second %.17g is below "
				  "ingress_mb_per_second %.17g",
				  in->peak_ingress_mb_per_second,
				  in->ingress_mb_per_second);
	if ((in->ingress_mb_per_second != 0.0 ||
	     in->peak_ingress_mb_per_second != 0.0) &&
	    (in->events_per_second != 0.0 || in->peak_events_per_second != 0.0))
		return ecap__fail(err, ECAP_ERR_INVALID,
				  in->ingress_mb_per_second != 0.0 ?
					  "ingress_mb_per_second" :
					  "peak_ingress_mb_per_second",
				  "give the rate in events (events_per_second) "
				  "or in MB/s (ingress_mb_per_second, "
				  "peak_ingress_mb_per_second), not both");
	if (p->model == ECAP_MODEL_GUIDE && in->ingress_mb_per_second != 0.0)
		return ecap__fail(err, ECAP_ERR_INVALID, "ingress_mb_per_second",
				  "the guide model sizes from events_per_second "
				  "only");
	/* The usual empty name needs no scan. */
	if (in->instance_type[0] != '\0' &&
	    memchr(in->instance_type, '\0', sizeof(in->instance_type)) == NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, "instance_type",
				  "instance_type is not NUL-terminated");
	if (in->instance_type[0] != '\0' && p->model != ECAP_MODEL_GUIDE &&
	    ecap__catalog_find(p, ECAP_CATALOG_KAFKA_BROKER,
			       in->instance_type) == NULL)
		return ecap__fail(err, ECAP_ERR_NOT_FOUND, "instance_type",
				  "instance_type \"%.63s\" is not in the "
				  "policy's kafka-broker catalog",
				  in->instance_type);
	return ECAP_OK;
}

/* Lays the optional inputs, validated, over the policy's values. */
static void
resolve(const ecap_policy *p, const struct ecap_kafka_in *in,
	struct ecap__kafka_args *a)
{
	double peak_factor;

	ecap__kafka_defaults(p, a);
	if (in->event_size_kb != 0.0)
		a->event_size_kb = in->event_size_kb;
	peak_factor = in->peak_factor != 0.0 ?
		      in->peak_factor : ecap__pd(p, ECAP_K_KAFKA_PEAK_FACTOR);
	ecap__kafka_set_events(a, in->events_per_second,
			       in->peak_events_per_second != 0.0 ?
			       in->peak_events_per_second :
			       in->events_per_second * peak_factor);
	if (in->ingress_mb_per_second != 0.0 ||
	    in->peak_ingress_mb_per_second != 0.0) {
		a->ingress_mb_per_second = in->ingress_mb_per_second;
		a->peak_ingress_mb_per_second =
			in->peak_ingress_mb_per_second != 0.0 ?
			in->peak_ingress_mb_per_second :
			in->ingress_mb_per_second * peak_factor;
	}
	if (in->replication_factor != 0)
		a->replication_factor = (double)in->replication_factor;
	if (in->retention_hours != 0.0)
		a->retention_hours = in->retention_hours;
	if (in->partition_produce_mb_per_second != 0.0)
		a->partition_produce_mb_per_second =
			in->partition_produce_mb_per_second;
	if (in->partition_consume_mb_per_second != 0.0)
		a->partition_consume_mb_per_second =
			in->partition_consume_mb_per_second;
	a->consumers = (double)in->consumer_count;
	if (in->broker_disk_gb != 0.0)
		a->broker_disk_gb = in->broker_disk_gb;
	a->broker_throughput_mb_per_second = in->broker_throughput_mb_per_second;
	a->max_replicas_per_broker = (double)in->max_partition_replicas_per_broker;
	a->instance_type = in->instance_type[0] != '\0' ? in->instance_type : NULL;
}

/* Counts within MAX_COUNT convert to int64; more are refused. */
static int
check_counts(double brokers, double partitions, double storage_per_broker_gb,
	     struct ecap_error *err)
{
	if (ECAP__LIKELY(brokers <= MAX_COUNT && partitions <= MAX_COUNT &&
			 storage_per_broker_gb <= MAX_COUNT))
		return ECAP_OK;
	return ecap__fail(err, ECAP_ERR_RANGE, "events_per_second",
			  "these inputs need %.3g brokers and %.3g "
			  "partitions, more than %.0f", brokers, partitions,
			  MAX_COUNT);
}

/* Kafka's docs: RF 3 with min.insync.replicas 2 and acks=all. */
static void
fill_replication(int64_t rf, struct ecap_kafka_out *out)
{
	/* NUL-padded to the field's size: copied whole. */
	static const char all[sizeof(out->acks)] = "all";
	static const char one[sizeof(out->acks)] = "1";

	out->replication_factor_count = rf;
	out->min_insync_replicas_count = rf > 1 ? rf - 1 : 1;
	ecap__copy_padded(out->acks, rf >= 2 ? all : one, sizeof(out->acks));
}

/* Copies the sizing into out: the fields both models' calc set. */
static ECAP__ALWAYS_INLINE void
fill_sizing(const struct ecap__kafka_calc *c, struct ecap_kafka_out *out)
{
	out->reason = c->limit;
	out->daily_storage_gb = c->daily_storage_gb;
	out->data_storage_gb = c->data_storage_gb;
	out->segment_allowance_gb = c->segment_allowance_gb;
	out->total_storage_gb = c->total_storage_gb;
	out->partitions_count = (int64_t)c->partitions;
	out->partitions_by_throughput_count = (int64_t)c->partitions_by_throughput;
	out->brokers_count = (int64_t)c->brokers;
	out->brokers_by_storage_count = (int64_t)c->brokers_by_storage;
	out->brokers_by_throughput_count = (int64_t)c->brokers_by_throughput;
	out->brokers_by_partition_replicas_count = (int64_t)c->brokers_by_partitions;
	out->brokers_minimum_count = (int64_t)c->brokers_minimum;
	out->max_partition_replicas_per_broker = (int64_t)c->replicas_per_broker;
	out->broker_throughput_mb_per_second = c->broker_throughput_mb_per_second;
	out->storage_per_broker_gb = c->storage_per_broker_gb;
	out->broker_price_usd_per_hour = c->broker_price_usd_per_hour;
	out->broker_cost_usd_per_month = c->broker_cost_usd_per_month;
	out->storage_cost_usd_per_month = c->storage_cost_usd_per_month;
	out->cost_usd_per_month = c->cost_usd_per_month;
	out->broker_quota_exceeded_flag = c->quota_exceeded;
	out->compression_flag = c->compression;
	out->tiered_storage_flag = c->tiered_storage;
}

/*
 * The guide model's advice: its calc, inline, copied into out with the
 * inputs it was given (no args to resolve), every field, those the guide
 * does not size zero, so out needs no zeroing first.
 */
_Static_assert(ecap_offsetofend(struct ecap_kafka_out, price_date) -
			       offsetof(struct ecap_kafka_out, model) ==
		       6 * sizeof(int32_t) + 14 * sizeof(double) +
			       12 * sizeof(int64_t) + 8 + 64 + 16 &&
	       ecap_offsetofend(struct ecap_kafka_out,
				ecap_kafka_out__last_field) ==
		       ecap_offsetofend(struct ecap_kafka_out, price_date),
	       "advise_guide writes every field of struct ecap_kafka_out");

static int
advise_guide(const ecap_policy *p, const struct ecap_kafka_in *in,
	     struct ecap_kafka_out *out, struct ecap_error *err)
{
	double event_size_kb = in->event_size_kb != 0.0 ? in->event_size_kb :
			       ecap__pd(p, ECAP_K_KAFKA_EVENT_SIZE_KB);
	int64_t rf = in->replication_factor != 0 ? in->replication_factor :
		     ecap__pi(p, ECAP_K_KAFKA_REPLICATION_FACTOR);
	struct ecap__kafka_calc c;
	int rc;

	calc_guide(p, in->events_per_second, event_size_kb, (double)rf,
		   in->retention_hours != 0.0 ? in->retention_hours :
			   ecap__pd(p, ECAP_K_KAFKA_RETENTION_HOURS), &c);
	if ((rc = check_counts(c.brokers, c.partitions,
			       c.storage_per_broker_gb, err)) != ECAP_OK)
		return rc;
	out->model = ECAP_MODEL_GUIDE;
	/* The guide sizes the average rate (ecap__kafka_set_events'). */
	out->peak_events_per_second = in->events_per_second;
	out->ingress_mb_per_second = in->events_per_second * event_size_kb /
				     1024.0;
	out->peak_ingress_mb_per_second = 0.0;
	fill_sizing(&c, out);
	fill_replication(rf, out);
	out->availability_zone_count = 0;
	out->broker_quota_count = 0;
	out->broker_disk_gb = 0.0;
	out->reserved_0 = 0;
	_Static_assert(sizeof(out->instance_type) == ECAP_STRING_VALUE_MAX,
		       "a policy string fills instance_type");
	ecap__copy_padded(out->instance_type,
			  ecap__ps(p, ECAP_K_KAFKA_INSTANCE_TYPE),
			  sizeof(out->instance_type));
	memset(out->price_date, 0, sizeof(out->price_date));
	return ECAP_OK;
}

/* Copies ecap-1's sizing into the caller's struct. */
static void
fill(const ecap_policy *policy, const struct ecap__kafka_args *a,
     const struct ecap__kafka_calc *c, struct ecap_kafka_out *out)
{
	out->model = policy->model;
	out->peak_events_per_second = a->peak_events_per_second;
	out->ingress_mb_per_second = a->ingress_mb_per_second;
	out->peak_ingress_mb_per_second = a->peak_ingress_mb_per_second;
	fill_sizing(c, out);
	fill_replication((int64_t)a->replication_factor, out);
	out->availability_zone_count =
		ecap__pi(policy, ECAP_K_KAFKA_AVAILABILITY_ZONE_COUNT);
	out->broker_quota_count = ecap__pi(policy, ECAP_K_KAFKA_MAX_BROKER_COUNT);
	out->broker_disk_gb = a->broker_disk_gb;
	_Static_assert(sizeof(out->instance_type) ==
			       sizeof(c->broker->name) &&
		       sizeof(out->price_date) == sizeof(c->broker->price_date),
		       "a catalog entry's name and date fill the fields");
	ecap__copy_padded(out->instance_type, c->broker->name,
			  sizeof(out->instance_type));
	ecap__copy_padded(out->price_date, c->broker->price_date,
			  sizeof(out->price_date));
}

ECAP_API int
ecap_kafka_advise(const ecap_policy *policy, const struct ecap_kafka_in *in,
		  struct ecap_kafka_out *out, struct ecap_error *err)
{
	struct ecap__kafka_args a;
	struct ecap__kafka_calc c;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_kafka_in)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_kafka_out)) != ECAP_OK ||
	    (rc = check_ranges(in, err)) != ECAP_OK ||
	    (rc = check_consistency(policy, in, err)) != ECAP_OK)
		return rc;
	if (policy->model == ECAP_MODEL_GUIDE)
		return advise_guide(policy, in, out, err);
	resolve(policy, in, &a);
	ecap__kafka_calc(policy, policy->model, &a, &c);
	if ((rc = check_counts(c.brokers, c.partitions,
			       c.storage_per_broker_gb, err)) != ECAP_OK)
		return rc;
	ECAP__OUT_ZERO(out, ecap_kafka_out);
	fill(policy, &a, &c, out);
	return ECAP_OK;
}
