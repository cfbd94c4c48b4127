/* SPDX-License-Identifier: MIT */
/*
 * capacity.h - private arithmetic of the database, Kafka and projection
 * advisors.  The public calls validate and explain; these helpers only
 * compute, in doubles, without formatting text, so that the Monte Carlo
 * projection can call them for every path and year cheaply.  Nothing here
 * is exported.
 */
#ifndef ECAP_CAPACITY_H
#define ECAP_CAPACITY_H

#include "internal.h"

/* ---- database (database.c) ---- */

struct ecap__db_calc {
	double daily_storage_gb;
	double data_storage_gb;
	/* ecap-1: daily * hot days (guide: 0). */
	double working_set_gb;
	double memory_required_gb;
	double storage_gb;
	double storage_limit_gb;
	/* ecap-1: the busiest hour's rate and the vCPUs it and the pools
	 * need. */
	double peak_tps;
	double vcpu_required;
	/* The chosen class: name, memory, price (Multi-AZ when multi_az) and
	 * vCPUs. */
	const char *instance_class;
	double instance_memory_gb;
	double price_usd_per_hour;
	int32_t vcpus;
	int32_t fits;
	int32_t reason;
	int32_t multi_az;
	uint32_t flags;
	int32_t replicas;
	/* guide: instances the memory needs (ceil(memory / class), shown
	 * only); ecap-1: the primary plus its read replicas. */
	double instances_needed;
	/* ecap-1: gp3 IOPS at peak, the baseline, and those bought above. */
	double iops_required;
	double iops_baseline;
	double iops_provisioned;
	double instance_cost_usd_per_month;
	double replica_cost_usd_per_month;
	double storage_cost_usd_per_month;
	double iops_cost_usd_per_month;
	double cost_usd_per_month;
};

/*
 * A memo of the class the database advisor picks, for the projection's
 * paths (database.c): the pick depends on the memory needed only through
 * which catalog entries hold it, so a need between the same two catalog
 * memory sizes with the same vCPUs picks the same class.  Zero it before
 * use; it serves one policy whose catalog does not change.
 */
#define ECAP__DB_MEMO_SLOTS 512
struct ecap__db_memo_slot {
	double vcpus;
	size_t interval;
	const struct ecap_catalog_entry *best;
};
struct ecap__db_memo {
	bool ready;
	size_t n_sizes;
	double sizes[ECAP_CATALOG_MAX_ENTRIES];
	struct ecap__db_memo_slot slot[ECAP__DB_MEMO_SLOTS];
};

/*
 * Sizes a database for tx transactions a day kept retention_days days,
 * whose busiest hour is that of a peak_tx day (ecap-1; the advisor passes
 * tx, the projection the seasonal peak), with app_instances application
 * pools (ecap-1).  Returns without text.  memo: NULL, or a memo kept
 * over many calls with one policy.
 */
void ecap__database_calc(const ecap_policy *p, int32_t model, double tx,
			 double peak_tx, double retention_days,
			 double app_instances, struct ecap__db_memo *memo,
			 struct ecap__db_calc *c);

/*
 * ecap-1's ecap__database_calc for n volumes (tx[i] a day kept, the
 * busiest hour of a peak_tx[i] day), the policy read once (the
 * projection's paths); c: n answers.
 */
void ecap__database_ecap1_column(const ecap_policy *p, double retention_days,
				 double app_instances,
				 struct ecap__db_memo *memo, const double *tx,
				 const double *peak_tx, size_t n,
				 struct ecap__db_calc *c);

/* ---- Kafka (kafka.c, kafka-size.c) ---- */

struct ecap__kafka_args {
	/* Average and peak rates: events/s (0 when given in MB/s) and MB/s
	 * before replication. */
	double events_per_second;
	double peak_events_per_second;
	double ingress_mb_per_second;
	double peak_ingress_mb_per_second;
	double event_size_kb;
	double replication_factor;
	double retention_hours;
	/* Confluent's p and c: MB/s one partition produces and consumes. */
	double partition_produce_mb_per_second;
	double partition_consume_mb_per_second;
	double consumers;
	double broker_disk_gb;
	/* Overrides of every catalog entry's limits; 0 = the entry's. */
	double broker_throughput_mb_per_second;
	double max_replicas_per_broker;
	/* A catalog entry name, or NULL to choose the cheapest. */
	const char *instance_type;
	/* ecap-1: a catalog entry to size on (the projection's paths), which
	 * takes precedence over instance_type; NULL = none. */
	const struct ecap_catalog_entry *entry;
};

struct ecap__kafka_calc {
	double daily_storage_gb;
	double data_storage_gb;
	double segment_allowance_gb;
	double total_storage_gb;
	double partitions;
	double partitions_by_throughput;
	double brokers;
	double brokers_by_storage;
	double brokers_by_throughput;
	double brokers_by_partitions;
	double brokers_minimum;
	double storage_per_broker_gb;
	/* The chosen size's limits and prices. */
	double replicas_per_broker;
	double broker_throughput_mb_per_second;
	double broker_price_usd_per_hour;
	double broker_cost_usd_per_month;
	double storage_cost_usd_per_month;
	double cost_usd_per_month;
	/* The chosen catalog entry (ecap-1); NULL for guide. */
	const struct ecap_catalog_entry *broker;
	int32_t limit;
	int32_t quota_exceeded;
	int32_t compression;
	int32_t tiered_storage;
};

/* Fills a with the policy's values for every Kafka input (0 = unset). */
void ecap__kafka_defaults(const ecap_policy *p, struct ecap__kafka_args *a);
/* Sets the average and peak rates in events/s and, from a->event_size_kb,
 * in MB/s.  Inline: the projection sets them for every year and path. */
static inline void
ecap__kafka_set_events(struct ecap__kafka_args *a, double events_per_second,
		       double peak_events_per_second)
{
	a->events_per_second = events_per_second;
	a->peak_events_per_second = peak_events_per_second;
	a->ingress_mb_per_second = events_per_second * a->event_size_kb / 1024.0;
	a->peak_ingress_mb_per_second =
		peak_events_per_second * a->event_size_kb / 1024.0;
}
/*
 * Sizes Kafka for the resolved arguments a.  ecap-1 chooses a broker size
 * from the policy's kafka-broker catalog; a->instance_type, when set, must
 * name an entry (the caller checks).
 */
void ecap__kafka_calc(const ecap_policy *p, int32_t model,
		      const struct ecap__kafka_args *a,
		      struct ecap__kafka_calc *c);
/* ecap-1's half of ecap__kafka_calc (kafka-size.c). */
void ecap__kafka_calc_ecap1(const ecap_policy *p,
			    const struct ecap__kafka_args *a,
			    struct ecap__kafka_calc *c);

/* One path's answer of ecap__kafka_ecap1_column. */
struct ecap__kafka_cell {
	double brokers;
	double storage_per_broker_gb;
	double cost_usd_per_month;
	bool quota_exceeded;
};

/*
 * ecap-1 on one broker size (entry) for n pairs of rates, events[i] and
 * peak_events[i] events a second, the other inputs a's: the same sizing
 * as ecap__kafka_calc_ecap1 with a->entry = entry, the policy read once
 * (the projection's paths).
 */
void ecap__kafka_ecap1_column(const ecap_policy *p,
			      const struct ecap__kafka_args *a,
			      const struct ecap_catalog_entry *entry,
			      const double *events, const double *peak_events,
			      size_t n, struct ecap__kafka_cell *cells);

#endif /* ECAP_CAPACITY_H */
