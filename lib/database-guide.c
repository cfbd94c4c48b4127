/* SPDX-License-Identifier: MIT */
/*
 * database-guide.c - the guide model's PostgreSQL sizing: its
 * calculate_database_resources, RDS parameter group and DATABASE_CONFIG
 * pools, number for number.  ecap-1 and the entry points are in
 * database.c.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "database-internal.h"

/*
 * The guide's if-chain: db.r6g.xlarge if memory <= 32, db.r6g.2xlarge if
 * <= 64, else db.r6g.4xlarge, at the guide's own prices.  The guide model
 * keeps these whatever the catalog says.
 */
/* Names NUL-padded to a catalog name's size, as a catalog entry's are:
 * an advice copies either whole (ecap__copy_padded). */
static const struct {
	char name[sizeof(((struct ecap_catalog_entry *)0)->name)];
	double upto_gb, memory_gb, price;
	int32_t vcpus;
} guide_classes[] = {
	{ "db.r6g.xlarge", 32.0, 32.0, 0.504, 4 },
	{ "db.r6g.2xlarge", 64.0, 64.0, 1.008, 8 },
	{ "db.r6g.4xlarge", INFINITY, 128.0, 2.016, 16 },
};

/* Inline in the advice, so the calc it copies lives in registers. */
static ECAP__ALWAYS_INLINE void
calc_guide(const ecap_policy *p, double tx, double retention_days,
	   struct ecap__db_calc *c)
{
	size_t i = 0;

	c->daily_storage_gb = ecap__db_daily_gb(p, tx);
	c->data_storage_gb = ecap__db_kept_gb(p, c->daily_storage_gb,
					      retention_days);
	c->memory_required_gb =
		ecap__fmax(ecap__pd(p, ECAP_K_DATABASE_MIN_MEMORY_GB),
			   c->data_storage_gb *
				   ecap__pd(p, ECAP_K_DATABASE_MEMORY_SHARE_RATIO));
	c->storage_gb = ecap__trunc(c->data_storage_gb *
		(1.0 + ecap__pd(p, ECAP_K_DATABASE_STORAGE_BUFFER_RATIO)));
	while (c->memory_required_gb > guide_classes[i].upto_gb)
		i++;
	c->instance_class = guide_classes[i].name;
	c->instance_memory_gb = guide_classes[i].memory_gb;
	c->price_usd_per_hour = guide_classes[i].price;
	c->vcpus = guide_classes[i].vcpus;
	c->fits = c->instance_memory_gb >= c->memory_required_gb;
	c->reason = c->fits ? ECAP_DATABASE_REASON_GUIDE_THRESHOLD :
			      ECAP_DATABASE_REASON_GUIDE_UNDERSIZED;
	c->instances_needed = c->fits ? 1.0 : ecap__ceil(c->memory_required_gb /
						  c->instance_memory_gb);
	/* The guide's cost_per_hour * 24 * 30, in its order (one instance). */
	c->instance_cost_usd_per_month =
		c->price_usd_per_hour * 24.0 *
		(ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH) / 24.0);
	c->cost_usd_per_month = c->instance_cost_usd_per_month;
	/* What the guide does not size: every field is set here, so the
	 * guide's calc needs no zeroing first. */
	c->working_set_gb = 0.0;
	c->storage_limit_gb = 0.0;
	c->peak_tps = 0.0;
	c->vcpu_required = 0.0;
	c->multi_az = 0;
	c->flags = 0;
	c->replicas = 0;
	c->iops_required = 0.0;
	c->iops_baseline = 0.0;
	c->iops_provisioned = 0.0;
	c->replica_cost_usd_per_month = 0.0;
	c->storage_cost_usd_per_month = 0.0;
	c->iops_cost_usd_per_month = 0.0;
}

void
ecap__database_calc_guide(const ecap_policy *p, double tx,
			  double retention_days, struct ecap__db_calc *c)
{
	calc_guide(p, tx, retention_days, c);
}

/* The guide's RDS parameter group plus PGTune's worker count and work_mem
 * (kB arithmetic), as the guide model always gave them. */
static void
guide_parameters(const ecap_policy *p, int64_t connections,
		 struct ecap_database_out *out)
{
	int64_t ram_kb = ecap__floor_int64(out->instance_memory_gb * KB_PER_GB);
	int64_t denominator;

	out->max_connections_count = connections > 0 ? connections :
		ecap__pi(p, ECAP_K_DATABASE_MAX_CONNECTIONS);
	out->shared_buffers_kb = ram_kb / 4;
	out->effective_cache_size_kb = ram_kb * 3 / 4;
	out->maintenance_work_mem_kb = ecap__floor_int64(
		ecap__pd(p, ECAP_K_DATABASE_MAINTENANCE_WORK_MEM_MB) * KB_PER_MB);
	out->checkpoint_completion_target_ratio =
		ecap__pd(p, ECAP_K_DATABASE_CHECKPOINT_COMPLETION_TARGET_RATIO);
	out->wal_buffers_kb = ecap__floor_int64(
		ecap__pd(p, ECAP_K_DATABASE_WAL_BUFFERS_MB) * KB_PER_MB);
	out->max_worker_processes_count =
		out->instance_vcpus >= 4 ? out->instance_vcpus : 8;
	denominator = (out->max_connections_count +
		       out->max_worker_processes_count) * 3;
	out->work_mem_kb = (ram_kb - out->shared_buffers_kb) / denominator;
	if (out->work_mem_kb < 4096)
		out->work_mem_kb = 4096;
}

void
ecap__database_fill_pools(const ecap_policy *p, int64_t app_instances, bool check,
	   struct ecap_database_out *out)
{
	int64_t reserved = ecap__pi(p, ECAP_K_DATABASE_RESERVED_CONNECTIONS);

	out->pool_size_count = ecap__pi(p, ECAP_K_DATABASE_POOL_SIZE);
	out->pool_max_overflow_count = ecap__pi(p, ECAP_K_DATABASE_POOL_MAX_OVERFLOW);
	out->pool_timeout_seconds = ecap__pi(p, ECAP_K_DATABASE_POOL_TIMEOUT_SECONDS);
	out->pool_recycle_seconds = ecap__pi(p, ECAP_K_DATABASE_POOL_RECYCLE_SECONDS);
	out->pool_pre_ping_flag = 1;
	out->app_instance_count = app_instances;
	out->pool_connections_max_count =
		(out->pool_size_count + out->pool_max_overflow_count) *
		app_instances;
	out->connections_available_count =
		out->max_connections_count > reserved ?
			out->max_connections_count - reserved : 0;
	if (check &&
	    out->pool_connections_max_count > out->connections_available_count)
		out->flags |= ECAP_DATABASE_FLAG_POOL_EXHAUSTION;
}

/* Zeroes out's fields first .. last, which lie next to each other. */
#define DB_ZERO_SPAN(out, first, last)                                    \
	memset(&(out)->first, 0,                                          \
	       ecap_offsetofend(struct ecap_database_out, last) -        \
		       offsetof(struct ecap_database_out, first))

/*
 * The guide's parameters leave PGTune's others unset: zeroes those, the
 * two spans between what guide_parameters and fill_pools write (a caller
 * of another build gets the whole struct zeroed).
 */
#define DB_OFF(field) offsetof(struct ecap_database_out, field)
#define DB_END(field) ecap_offsetofend(struct ecap_database_out, field)
_Static_assert(DB_END(wal_buffers_kb) == DB_OFF(min_wal_size_mb) &&
	       DB_END(default_statistics_target_count) ==
		       DB_OFF(work_mem_kb) &&
	       DB_END(max_worker_processes_count) ==
		       DB_OFF(max_parallel_workers_per_gather_count) &&
	       DB_END(wal_level) == DB_OFF(pool_size_count),
	       "the guide's parameters and the spans cover the tail");

static void
zero_guide_unset(struct ecap_database_out *out)
{
	if (ECAP__LIKELY(out->sz == sizeof(*out))) {
		DB_ZERO_SPAN(out, min_wal_size_mb,
			     default_statistics_target_count);
		DB_ZERO_SPAN(out, max_parallel_workers_per_gather_count,
			     wal_level);
		out->reserved_0 = 0;
	} else {
		ECAP__OUT_ZERO(out, ecap_database_out);
	}
}

int
ecap__database_advise_guide(const ecap_policy *p, double tx,
			    double retention_days,
			    const struct workload_args *a,
			    struct ecap_database_out *out)
{
	struct ecap__db_calc c;

	calc_guide(p, tx, retention_days, &c);
	zero_guide_unset(out);
	ecap__database_fill_inputs(p, a, out);
	ecap__database_fill_sizing(&c, out);
	guide_parameters(p, a->connections, out);
	ecap__database_fill_pools(p, a->app_instances, false, out);
	return ECAP_OK;
}
