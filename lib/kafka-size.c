/* SPDX-License-Identifier: MIT */
/*
 * kafka-size.c - ecap-1 Kafka sizing: partitions by Confluent's
 * max(t/p, t/c), storage with open segments and headroom, and the broker
 * size and count that cost least a month (broker-hours plus storage)
 * within every per-broker limit, the availability zones and the broker
 * quota.  Arithmetic only: no text, no allocation.
 */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "capacity.h"

#define GIB 1073741824.0

/* One broker size's answer. */
struct fit {
	double partitions;
	double segment_allowance_gb;
	double total_storage_gb;
	double by_storage;
	double by_throughput;
	double by_partitions;
	double brokers;
	double per_broker_gb;
	double thr;
	double replicas;
	double broker_cost;
	double storage_cost;
	int32_t limit;
};

/* The policy's values the sizing reads, once per call (or per column). */
struct kafka_policy {
	double min_partitions;
	double replica_gb;
	double segment_gb;
	double roll_hours;
	double buffer_factor;
	double min_brokers;
	double az;
	double hours;
	double quota;
};

static void
read_policy(const ecap_policy *p, struct kafka_policy *k)
{
	k->min_partitions = (double)ecap__pi(p, ECAP_K_KAFKA_MIN_PARTITIONS);
	k->replica_gb = ecap__pd(p, ECAP_K_KAFKA_MAX_PARTITION_REPLICA_GB);
	k->segment_gb = (double)ecap__pi(p, ECAP_K_KAFKA_SEGMENT_BYTES) / GIB;
	k->roll_hours = ecap__pd(p, ECAP_K_KAFKA_SEGMENT_ROLL_HOURS);
	k->buffer_factor = 1.0 + ecap__pd(p, ECAP_K_KAFKA_STORAGE_BUFFER_RATIO);
	k->min_brokers = (double)ecap__pi(p, ECAP_K_KAFKA_MIN_BROKERS);
	k->az = (double)ecap__pi(p, ECAP_K_KAFKA_AVAILABILITY_ZONE_COUNT);
	k->hours = ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH);
	k->quota = (double)ecap__pi(p, ECAP_K_KAFKA_MAX_BROKER_COUNT);
}

/* Storage for partitions: the retained data, one open segment per
 * replica, the headroom; the allowance into *allowance_gb. */
static double
storage_gb(const struct kafka_policy *k, const struct ecap__kafka_args *a,
	   double data_gb, double partitions, double *allowance_gb)
{
	/* Only closed segments are deleted: one open segment per replica,
	 * which rolls at segment.bytes or after log.roll.hours, whichever
	 * comes first; a quiet partition never fills a 1 GiB segment. */
	double segment_gb = ecap__fmin(k->segment_gb,
				       a->ingress_mb_per_second / partitions *
					       k->roll_hours * 3600.0 / 1024.0);

	*allowance_gb = partitions * a->replication_factor * segment_gb;
	return (data_gb + *allowance_gb) * k->buffer_factor;
}

/* The topic's partitions and storage before the broker count is known. */
static void
size_topic(const struct kafka_policy *k, const struct ecap__kafka_args *a,
	   struct ecap__kafka_calc *c)
{
	double rf = a->replication_factor;
	double t = a->peak_ingress_mb_per_second;
	double replica_gb;

	c->daily_storage_gb = a->ingress_mb_per_second * 86400.0 * rf / 1024.0;
	/* Confluent (Jun Rao): at least max(t/p, t/c) partitions. */
	c->partitions_by_throughput =
		ecap__fmax(ecap__ceil(t / a->partition_produce_mb_per_second),
		     ecap__ceil(t / a->partition_consume_mb_per_second));
	/* Retained bytes: the average rate over the whole retention. */
	c->data_storage_gb = a->ingress_mb_per_second * a->retention_hours *
			     3600.0 * rf / 1024.0;
	/* Every replica of a partition holds the partition's whole retained
	 * data (data / RF / partitions): enough partitions that one replica
	 * stays within kafka.max_partition_replica_gb and a broker's disk,
	 * so it can be moved or rebuilt in reasonable time and the disks
	 * fill evenly. */
	replica_gb = ecap__fmin(k->replica_gb, a->broker_disk_gb);
	c->partitions = ecap__fmax(
		ecap__fmax(c->partitions_by_throughput, a->consumers),
		ecap__fmax(k->min_partitions,
			   ecap__ceil(c->data_storage_gb / rf / replica_gb)));
	c->total_storage_gb = storage_gb(k, a, c->data_storage_gb,
					 c->partitions,
					 &c->segment_allowance_gb);
	c->brokers_minimum = ecap__fmax(k->min_brokers, rf);
}

/*
 * The partitions for f->brokers: at least one a broker, so that every
 * broker leads a partition and holds replicas; leaders then differ by at
 * most one a broker.  (Not rounded up to a multiple of the brokers, as
 * Amazon MSK prefers: the multiple falls when a broker is added, 18 on 9
 * brokers becoming 12 on 12, and a topic's partitions cannot be reduced.)
 * Then the storage their open segments add, which may need more brokers
 * (each pass raises the count; the allowance is bounded by what a roll
 * period writes, so few passes run).
 */
static void
spread(const struct kafka_policy *k, const struct ecap__kafka_args *a,
       const struct ecap__kafka_calc *c, struct fit *f)
{
	double need;
	int pass;

	/* Brokers no more than the topic's partitions: its partitions and
	 * storage stand, and fit_size's brokers already hold them. */
	if (f->brokers <= c->partitions) {
		f->partitions = c->partitions;
		f->total_storage_gb = c->total_storage_gb;
		f->segment_allowance_gb = c->segment_allowance_gb;
		return;
	}
	for (pass = 0;; pass++) {
		f->partitions = ecap__fmax(c->partitions, f->brokers);
		f->total_storage_gb = storage_gb(k, a, c->data_storage_gb,
						 f->partitions,
						 &f->segment_allowance_gb);
		need = ecap__ceil(f->total_storage_gb / a->broker_disk_gb);
		if (need <= f->brokers || pass > 64)
			break;
		f->by_storage = need;
		f->limit = ECAP_KAFKA_REASON_STORAGE;
		f->brokers = ecap__ceil(need / k->az) * k->az;
		if (pass < 64)
			continue;
		/*
		 * Open segments near a broker's disk make each pass add
		 * about as many brokers as the last (a degenerate policy:
		 * a disk of a few segments).  Whatever the partitions, the
		 * open segments hold at most what a roll period writes,
		 * RF x ingress x log.roll.hours: the brokers for that much
		 * always suffice (the next pass places the partitions).
		 */
		f->brokers = ecap__fmax(f->brokers, ecap__ceil(ecap__ceil(
			(c->data_storage_gb + a->replication_factor *
			 a->ingress_mb_per_second * k->roll_hours * 3600.0 /
			 1024.0) * k->buffer_factor / a->broker_disk_gb) /
			k->az) * k->az);
		f->by_storage = f->brokers;
	}
}

/* The brokers of size e that every limit allows, and their cost. */
static void
fit_size(const struct kafka_policy *k, const struct ecap__kafka_args *a,
	 const struct ecap__kafka_calc *c, const struct ecap_catalog_entry *e,
	 struct fit *f)
{
	double az = k->az;
	double hours = k->hours;
	double n;

	f->thr = a->broker_throughput_mb_per_second != 0.0 ?
		 a->broker_throughput_mb_per_second : e->throughput_mb_per_second;
	f->replicas = a->max_replicas_per_broker != 0.0 ?
		      a->max_replicas_per_broker :
		      (double)e->max_partition_replica_count;
	f->by_storage = ecap__ceil(c->total_storage_gb / a->broker_disk_gb);
	/* Every replica is written: the cluster absorbs peak ingress * RF.
	 * An entry's 0 means no such limit. */
	f->by_throughput = f->thr > 0.0 ?
		ecap__ceil(a->peak_ingress_mb_per_second * a->replication_factor /
		     f->thr) : 0.0;
	/* Replicas spread over the brokers, the most loaded holding the
	 * average rounded up: within the limit when the average is. */
	f->by_partitions = f->replicas > 0.0 ?
		ecap__ceil(c->partitions * a->replication_factor / f->replicas) :
		0.0;
	/* The largest; ties go to the earlier of minimum, storage,
	 * throughput, partition replicas. */
	n = c->brokers_minimum;
	f->limit = ECAP_KAFKA_REASON_MINIMUM;
	if (f->by_storage > n) {
		n = f->by_storage;
		f->limit = ECAP_KAFKA_REASON_STORAGE;
	}
	if (f->by_throughput > n) {
		n = f->by_throughput;
		f->limit = ECAP_KAFKA_REASON_THROUGHPUT;
	}
	if (f->by_partitions > n) {
		n = f->by_partitions;
		f->limit = ECAP_KAFKA_REASON_PARTITION_REPLICAS;
	}
	/* MSK spreads brokers evenly over the zones. */
	f->brokers = ecap__ceil(n / az) * az;
	spread(k, a, c, f);
	/* Every broker gets the same volume, at least MSK's 1 GiB. */
	f->per_broker_gb = ecap__fmax(1.0, ecap__ceil(f->total_storage_gb / f->brokers));
	f->broker_cost = f->brokers * e->price_usd_per_hour * hours;
	f->storage_cost = f->brokers * f->per_broker_gb *
			  e->storage_usd_per_gb_month;
}

/* Burstable sizes (kafka.t3: family "kafka.t" and a generation digit) are
 * left out unless the policy allows them. */
static bool
burstable(const struct ecap_catalog_entry *e)
{
	/* family is a char[32]: 7 bytes compared without a library call
	 * (the same test as strncmp, "kafka.t" holding no NUL). */
	return memcmp(e->family, "kafka.t", 7) == 0 &&
	       isdigit((unsigned char)e->family[7]);
}

/*
 * True when fit g of a size beats fit f: within the quota before over it;
 * within it, cheaper (then fewer brokers); both over it, fewer brokers
 * (then cheaper), the size closest to the quota.  Equal answers keep the
 * earlier catalog entry.
 */
static bool
better(const struct fit *g, const struct fit *f, double quota)
{
	double gc = g->broker_cost + g->storage_cost;
	double fc = f->broker_cost + f->storage_cost;
	bool g_in = g->brokers <= quota, f_in = f->brokers <= quota;

	if (g_in != f_in)
		return g_in;
	if (g_in)
		return gc < fc || (gc == fc && g->brokers < f->brokers);
	return g->brokers < f->brokers || (g->brokers == f->brokers && gc < fc);
}

/* The entries to choose from: the named one, or every allowed size (every
 * size when the catalog holds only burstable ones). */
static const struct ecap_catalog_entry *
choose(const ecap_policy *p, const struct kafka_policy *k,
       const struct ecap__kafka_args *a, const struct ecap__kafka_calc *c,
       struct fit *best)
{
	const struct ecap_catalog_entry *e, *chosen = NULL;
	bool allow_burst = ecap__pi(p, ECAP_K_KAFKA_BURSTABLE_BROKERS) != 0;
	double quota = k->quota;
	struct fit f;
	size_t i, n;
	int pass;

	if (a->entry != NULL) {
		fit_size(k, a, c, a->entry, best);
		return a->entry;
	}
	e = ecap__catalog_entries(p, ECAP_CATALOG_KAFKA_BROKER, &n);
	for (pass = 0; pass < 2 && chosen == NULL; pass++) {
		for (i = 0; i < n; i++) {
			if (a->instance_type != NULL ?
			    strcmp(e[i].name, a->instance_type) != 0 :
			    pass == 0 && !allow_burst && burstable(&e[i]))
				continue;
			fit_size(k, a, c, &e[i], &f);
			if (chosen == NULL || better(&f, best, quota)) {
				*best = f;
				chosen = &e[i];
			}
		}
	}
	return chosen;
}

void
ecap__kafka_calc_ecap1(const ecap_policy *p, const struct ecap__kafka_args *a,
		       struct ecap__kafka_calc *c)
{
	struct kafka_policy k;
	struct fit f;

	read_policy(p, &k);
	size_topic(&k, a, c);
	ECAP__ZERO(&f);
	c->broker = choose(p, &k, a, c, &f);
	if (c->broker == NULL)	/* a catalog is never empty */
		return;
	c->brokers = f.brokers;
	c->partitions = f.partitions;
	c->segment_allowance_gb = f.segment_allowance_gb;
	c->total_storage_gb = f.total_storage_gb;
	c->limit = f.limit;
	c->brokers_by_storage = f.by_storage;
	c->brokers_by_throughput = f.by_throughput;
	c->brokers_by_partitions = f.by_partitions;
	c->storage_per_broker_gb = f.per_broker_gb;
	c->replicas_per_broker = f.replicas;
	c->broker_throughput_mb_per_second = f.thr;
	c->broker_price_usd_per_hour = c->broker->price_usd_per_hour;
	c->broker_cost_usd_per_month = f.broker_cost;
	c->storage_cost_usd_per_month = f.storage_cost;
	c->cost_usd_per_month = f.broker_cost + f.storage_cost;
	c->quota_exceeded = f.brokers > k.quota;
	/* Storage decides: it set the count or costs more than the brokers.
	 * Compressed batches shrink every retained byte; tiered storage
	 * keeps one remote copy of all but the recent data (worth it when
	 * more than a day is kept). */
	c->compression = f.limit == ECAP_KAFKA_REASON_STORAGE ||
			 f.storage_cost > f.broker_cost;
	c->tiered_storage = c->compression && a->retention_hours > 24.0 &&
			    !burstable(c->broker);	/* MSK: not on kafka.t3 */
}

void
ecap__kafka_ecap1_column(const ecap_policy *p,
			 const struct ecap__kafka_args *a,
			 const struct ecap_catalog_entry *entry,
			 const double *events, const double *peak_events,
			 size_t n, struct ecap__kafka_cell *cells)
{
	struct ecap__kafka_args b = *a;
	struct kafka_policy k;
	struct ecap__kafka_calc c;
	struct fit f;
	size_t i;

	read_policy(p, &k);
	b.entry = entry;
	for (i = 0; i < n; i++) {
		ecap__kafka_set_events(&b, events[i], peak_events[i]);
		size_topic(&k, &b, &c);
		fit_size(&k, &b, &c, entry, &f);
		/* As ecap__kafka_calc_ecap1 reports them. */
		cells[i].brokers = f.brokers;
		cells[i].storage_per_broker_gb = f.per_broker_gb;
		cells[i].cost_usd_per_month = f.broker_cost + f.storage_cost;
		cells[i].quota_exceeded = f.brokers > k.quota;
	}
}
