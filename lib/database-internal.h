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

/* The guide's sizing of tx transactions a day kept retention_days (the
 * projection's years): every field of c set. */
void ecap__database_calc_guide(const ecap_policy *p, double tx,
			       double retention_days, struct ecap__db_calc *c);

/*
 * The guide model's whole answer for tx transactions a day kept
 * retention_days and the workload a (connections 0 = the policy's),
 * written straight into out (no calc to copy), which
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
