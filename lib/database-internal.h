/* SPDX-License-Identifier: MIT */
/*
 * database-internal.h - what database.c and database-guide.c share: the
 * volumes both models start from, the guide's calc and answer, the pools.
 */
#ifndef ECAP_DATABASE_INTERNAL_H
#define ECAP_DATABASE_INTERNAL_H

#include "capacity.h"

#define KB_PER_GB 1048576.0
#define KB_PER_MB 1024.0

/* The volumes both models start from, in the same order of operations as
 * the guide's Python: a day's transactions, and the days kept. */
static inline double
ecap__db_daily_gb(const ecap_policy *p, double tx)
{
	return tx * ecap__pd(p, ECAP_K_DATABASE_TRANSACTION_SIZE_KB) *
	       ecap__pd(p, ECAP_K_DATABASE_INDEX_OVERHEAD_FACTOR) / 1024.0 /
	       1024.0;
}

static inline double
ecap__db_kept_gb(const ecap_policy *p, double daily_storage_gb,
		 double retention_days)
{
	return daily_storage_gb * retention_days *
	       ecap__pd(p, ECAP_K_DATABASE_ANALYTICS_MULTIPLIER);
}

/* The workload inputs of a call, checked, the policy's for the zeros. */
struct workload_args {
	int32_t workload, storage, version;
	int64_t connections, app_instances;
};

/* The answer's model and workload inputs (after out is zeroed). */
static inline void
ecap__database_fill_inputs(const ecap_policy *p, const struct workload_args *a,
			   struct ecap_database_out *out)
{
	out->model = p->model;
	out->workload = a->workload;
	out->storage_type = a->storage;
	out->postgres_version = a->version;
}

/* The answer's sizing, every field from reason to cost_usd_per_month,
 * from a calc (either model's). */
static inline void
ecap__database_fill_sizing(const struct ecap__db_calc *c, struct ecap_database_out *out)
{
	out->reason = c->reason;
	out->flags = c->flags;
	out->daily_storage_gb = c->daily_storage_gb;
	out->data_storage_gb = c->data_storage_gb;
	out->working_set_gb = c->working_set_gb;
	out->memory_required_gb = c->memory_required_gb;
	out->peak_transactions_per_second = c->peak_tps;
	out->vcpu_required_count = (int64_t)c->vcpu_required;
	/* A catalog entry's name or the guide table's, NUL-padded. */
	_Static_assert(sizeof(out->instance_class) ==
			       sizeof(((struct ecap_catalog_entry *)0)->name),
		       "a class name fills instance_class");
	ecap__copy_padded(out->instance_class, c->instance_class,
			  sizeof(out->instance_class));
	out->instance_memory_gb = c->instance_memory_gb;
	out->instance_vcpus = c->vcpus;
	out->fits_flag = c->fits;
	out->multi_az_flag = c->multi_az;
	out->read_replica_count = c->replicas;
	out->price_usd_per_hour = c->price_usd_per_hour;
	out->instance_cost_usd_per_month = c->instance_cost_usd_per_month;
	out->replica_cost_usd_per_month = c->replica_cost_usd_per_month;
	out->storage_gb = c->storage_gb;
	out->storage_limit_gb = c->storage_limit_gb;
	out->storage_cost_usd_per_month = c->storage_cost_usd_per_month;
	out->iops_required_count = (int64_t)c->iops_required;
	out->iops_baseline_count = (int64_t)c->iops_baseline;
	out->iops_provisioned_count = (int64_t)c->iops_provisioned;
	out->iops_cost_usd_per_month = c->iops_cost_usd_per_month;
	out->cost_usd_per_month = c->cost_usd_per_month;
}

/* The guide's sizing of tx transactions a day kept retention_days (the
 * projection's years): every field of c set. */
void ecap__database_calc_guide(const ecap_policy *p, double tx,
			       double retention_days, struct ecap__db_calc *c);

/*
 * The guide model's whole answer for tx transactions a day kept
 * retention_days and the workload a (connections 0 = the policy's),
 * into out, which
 * ecap_database_advise has validated.  Returns ECAP_OK, the advice's
 * code (so the advice ends in a tail call).
 */
int ecap__database_advise_guide(const ecap_policy *p, double tx,
				double retention_days,
				const struct workload_args *a,
				struct ecap_database_out *out);

/* The guide's DATABASE_CONFIG pools per application instance, against
 * max_connections (set) less the superuser reserve; check: flag pools
 * that can open more. */
void ecap__database_fill_pools(const ecap_policy *p, int64_t app_instances,
			       bool check, struct ecap_database_out *out);

#endif /* ECAP_DATABASE_INTERNAL_H */
