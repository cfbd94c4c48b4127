/* SPDX-License-Identifier: MIT */
/*
 * database.c - PostgreSQL sizing: the guide's calculate_database_resources
 * (model "guide") and the catalog-based choice of ecap-1, with the RDS
 * parameter group of the guide and PGTune's work_mem.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "capacity.h"

#define KB_PER_GB 1048576.0
#define KB_PER_MB 1024.0
/* Counts above this are refused rather than converted to int64. */
#define MAX_COUNT 1e15

/*
 * The guide's if-chain: db.r6g.xlarge if memory <= 32, db.r6g.2xlarge if
 * <= 64, else db.r6g.4xlarge, at the guide's prices.  The guide model takes
 * price, memory and vCPUs from the policy's catalog when it holds a class
 * of that name, so a repriced catalog reprices both models.
 */
static const struct {
	const char *name;
	double upto_gb, memory_gb, price;
	int32_t vcpus;
} guide_classes[] = {
	{ "db.r6g.xlarge", 32.0, 32.0, 0.504, 4 },
	{ "db.r6g.2xlarge", 64.0, 64.0, 1.008, 8 },
	{ "db.r6g.4xlarge", INFINITY, 128.0, 2.016, 16 },
};

static void
use_class(struct ecap__db_calc *c, const struct ecap_catalog_entry *cls)
{
	c->instance_class = cls->name;
	c->instance_memory_gb = cls->memory_gb;
	c->price_usd_per_hour = cls->price_usd_per_hour;
	c->vcpus = cls->vcpu_count;
}

static void
choose_guide(const ecap_policy *p, struct ecap__db_calc *c)
{
	const struct ecap_catalog_entry *cls;
	size_t i = 0;

	while (c->memory_required_gb > guide_classes[i].upto_gb)
		i++;
	cls = ecap__catalog_find(p, ECAP_CATALOG_DATABASE,
				 guide_classes[i].name);
	if (cls != NULL) {
		use_class(c, cls);
	} else {
		c->instance_class = guide_classes[i].name;
		c->instance_memory_gb = guide_classes[i].memory_gb;
		c->price_usd_per_hour = guide_classes[i].price;
		c->vcpus = guide_classes[i].vcpus;
	}
	c->reason = ECAP_DATABASE_REASON_GUIDE_THRESHOLD;
}

/* Does class a beat class b?  Less memory, then the catalog's order (price,
 * then name). */
static bool
smaller(const struct ecap_catalog_entry *a, const struct ecap_catalog_entry *b)
{
	return b == NULL || a->memory_gb < b->memory_gb;
}

/*
 * The smallest class that holds the memory; when none does, the largest.
 * The catalog is sorted by price, so the first of equal memory is the
 * cheaper.
 */
static void
choose_ecap1(const ecap_policy *p, struct ecap__db_calc *c)
{
	const struct ecap_catalog_entry *e, *fit = NULL, *largest = NULL;
	size_t i, n;

	e = ecap__catalog_entries(p, ECAP_CATALOG_DATABASE, &n);
	for (i = 0; i < n; i++) {
		if (e[i].memory_gb >= c->memory_required_gb &&
		    smaller(&e[i], fit))
			fit = &e[i];
		if (largest == NULL || e[i].memory_gb > largest->memory_gb)
			largest = &e[i];
	}
	c->reason = ECAP_DATABASE_REASON_SMALLEST_FIT;
	if (fit == NULL) {
		fit = largest;
		c->reason = ECAP_DATABASE_REASON_NONE_FITS;
	}
	use_class(c, fit);
}

void
ecap__database_calc(const ecap_policy *p, int32_t model, double tx,
		    double retention_days, struct ecap__db_calc *c)
{
	double share = ecap__pd(p, ECAP_K_DATABASE_MEMORY_SHARE_RATIO);
	double with_buffer;

	memset(c, 0, sizeof(*c));
	/* Same order of operations as the guide's Python. */
	c->daily_storage_gb = tx * ecap__pd(p, ECAP_K_DATABASE_TRANSACTION_SIZE_KB) *
			      ecap__pd(p, ECAP_K_DATABASE_INDEX_OVERHEAD_FACTOR) /
			      1024.0 / 1024.0;
	c->data_storage_gb = c->daily_storage_gb * retention_days *
			     ecap__pd(p, ECAP_K_DATABASE_ANALYTICS_MULTIPLIER);
	c->memory_required_gb = fmax(ecap__pd(p, ECAP_K_DATABASE_MIN_MEMORY_GB),
				     c->data_storage_gb * share);
	with_buffer = c->data_storage_gb *
		      (1.0 + ecap__pd(p, ECAP_K_DATABASE_STORAGE_BUFFER_RATIO));
	if (model == ECAP_MODEL_GUIDE) {
		c->storage_gb = trunc(with_buffer);
		choose_guide(p, c);
	} else {
		c->storage_gb = ceil(with_buffer);
		choose_ecap1(p, c);
	}
	c->fits = c->instance_memory_gb >= c->memory_required_gb;
	c->instances_needed = c->fits ? 1.0 : ceil(c->memory_required_gb /
						  c->instance_memory_gb);
	if (!c->fits && model == ECAP_MODEL_GUIDE)
		c->reason = ECAP_DATABASE_REASON_GUIDE_UNDERSIZED;
	/*
	 * The guide's cost_per_hour * 24 * 30, in its order (a repriced
	 * class times 720 at once may differ in the last bit).  The guide
	 * bills one instance; ecap-1 bills every instance the memory needs,
	 * so that an undersized answer is not also cheap.
	 */
	c->cost_usd_per_month = c->price_usd_per_hour * 24.0 *
				(ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH) / 24.0);
	if (model != ECAP_MODEL_GUIDE)
		c->cost_usd_per_month *= c->instances_needed;
}

/* The parameter group of the guide plus PGTune's work_mem (kB arithmetic). */
static void
fill_parameters(const ecap_policy *p, const struct ecap__db_calc *c,
		struct ecap_database_out *out)
{
	int64_t ram_kb = (int64_t)floor(c->instance_memory_gb * KB_PER_GB);
	int64_t denominator;

	out->max_connections_count = ecap__pi(p, ECAP_K_DATABASE_MAX_CONNECTIONS);
	out->shared_buffers_kb = ram_kb / 4;
	out->effective_cache_size_kb = ram_kb * 3 / 4;
	out->maintenance_work_mem_kb = (int64_t)floor(
		ecap__pd(p, ECAP_K_DATABASE_MAINTENANCE_WORK_MEM_MB) * KB_PER_MB);
	out->checkpoint_completion_target_ratio =
		ecap__pd(p, ECAP_K_DATABASE_CHECKPOINT_COMPLETION_TARGET_RATIO);
	out->wal_buffers_kb = (int64_t)floor(
		ecap__pd(p, ECAP_K_DATABASE_WAL_BUFFERS_MB) * KB_PER_MB);
	out->max_worker_processes_count = c->vcpus >= 4 ? c->vcpus : 8;
	denominator = (out->max_connections_count +
		       out->max_worker_processes_count) * 3;
	out->work_mem_kb = (ram_kb - out->shared_buffers_kb) / denominator;
	if (out->work_mem_kb < 4096)
		out->work_mem_kb = 4096;
	out->pool_size_count = ecap__pi(p, ECAP_K_DATABASE_POOL_SIZE);
	out->pool_max_overflow_count = ecap__pi(p, ECAP_K_DATABASE_POOL_MAX_OVERFLOW);
	out->pool_timeout_seconds = ecap__pi(p, ECAP_K_DATABASE_POOL_TIMEOUT_SECONDS);
	out->pool_recycle_seconds = ecap__pi(p, ECAP_K_DATABASE_POOL_RECYCLE_SECONDS);
	out->pool_pre_ping_flag = 1;
}

static void
explain(const struct ecap__db_calc *c, struct ecap_database_out *out)
{
	char *t = out->reason_text;
	size_t n = sizeof(out->reason_text);

	switch (c->reason) {
	case ECAP_DATABASE_REASON_GUIDE_THRESHOLD:
		snprintf(t, n, "guide: %.6g GB of memory is within the "
			 "guide's <= 32 / <= 64 / above rule for %s (%.6g GB)",
			 c->memory_required_gb, c->instance_class,
			 c->instance_memory_gb);
		break;
	case ECAP_DATABASE_REASON_GUIDE_UNDERSIZED:
		snprintf(t, n, "guide: %.6g GB of memory is above 64 GB, so "
			 "the guide picks %s although it holds only %.6g GB",
			 c->memory_required_gb, c->instance_class,
			 c->instance_memory_gb);
		break;
	case ECAP_DATABASE_REASON_SMALLEST_FIT:
		snprintf(t, n, "%.6g GB of memory fits %s (%.6g GB), the "
			 "smallest class of the catalog that holds it",
			 c->memory_required_gb, c->instance_class,
			 c->instance_memory_gb);
		break;
	default:
		snprintf(t, n, "%.6g GB of memory fits no class of the "
			 "catalog; the largest, %s (%.6g GB), is needed %.0f "
			 "times", c->memory_required_gb, c->instance_class,
			 c->instance_memory_gb, c->instances_needed);
		break;
	}
}

ECAP_API int
ecap_database_advise(const ecap_policy *policy,
		     const struct ecap_database_in *in,
		     struct ecap_database_out *out, struct ecap_error *err)
{
	struct ecap__db_calc c;
	int64_t retention;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_database_in)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_database_out)) != ECAP_OK ||
	    (rc = ecap__check_double(err, "transactions_per_day",
				     in->transactions_per_day, 0.0,
				     ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY)) ||
	    (rc = ecap__check_override_int64(err, "retention_days",
					     in->retention_days,
					     ECAP_K_DATABASE_RETENTION_DAYS)))
		return rc;
	retention = in->retention_days != 0 ?
		    in->retention_days :
		    ecap__pi(policy, ECAP_K_DATABASE_RETENTION_DAYS);
	ecap__database_calc(policy, policy->model, in->transactions_per_day,
			    (double)retention, &c);
	if (c.instances_needed > MAX_COUNT)
		return ecap__fail(err, ECAP_ERR_RANGE, "transactions_per_day",
				  "transactions_per_day %.17g needs %.3g GB "
				  "of memory, more than %.0f instances hold",
				  in->transactions_per_day,
				  c.memory_required_gb, MAX_COUNT);
	ECAP__OUT_ZERO(out, ecap_database_out);
	out->model = policy->model;
	out->reason = c.reason;
	out->daily_storage_gb = c.daily_storage_gb;
	out->data_storage_gb = c.data_storage_gb;
	out->storage_gb = c.storage_gb;
	out->memory_required_gb = c.memory_required_gb;
	ecap__strlcpy(out->instance_class, c.instance_class,
		      sizeof(out->instance_class));
	out->instance_memory_gb = c.instance_memory_gb;
	out->instance_vcpus = c.vcpus;
	out->fits_flag = c.fits;
	out->instances_needed_count = (int64_t)c.instances_needed;
	out->price_usd_per_hour = c.price_usd_per_hour;
	out->cost_usd_per_month = c.cost_usd_per_month;
	fill_parameters(policy, &c, out);
	explain(&c, out);
	return ECAP_OK;
}

/* PostgreSQL memory units: the largest of GB, MB, kB that is exact. */
static void
add_memory(struct ecap__props *ctx, const char *key, int64_t kb)
{
	if (kb % 1048576 == 0)
		ecap__props_add(ctx, key, "%lldGB", (long long)(kb / 1048576));
	else if (kb % 1024 == 0)
		ecap__props_add(ctx, key, "%lldMB", (long long)(kb / 1024));
	else
		ecap__props_add(ctx, key, "%lldkB", (long long)kb);
}

/*
 * An advice edited by the caller must still render as valid PostgreSQL
 * settings: PostgreSQL's own minimums (shared_buffers 128kB, wal_buffers
 * 32kB, work_mem 64kB, maintenance_work_mem 1MB) up to 1 PiB.
 */
static int
check_parameters(const struct ecap_database_out *o, struct ecap_error *err)
{
	const int64_t max_kb = INT64_C(1) << 40;
	int rc;

	if (o->model != ECAP_MODEL_GUIDE && o->model != ECAP_MODEL_ECAP_1)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "model",
				  "advice model is %d; pass the output of "
				  "ecap_database_advise", (int)o->model);
	if ((rc = ecap__check_int64(err, "max_connections_count",
				    o->max_connections_count, 1, 262143)) ||
	    (rc = ecap__check_int64(err, "shared_buffers_kb",
				    o->shared_buffers_kb, 128, max_kb)) ||
	    (rc = ecap__check_int64(err, "effective_cache_size_kb",
				    o->effective_cache_size_kb, 8, max_kb)) ||
	    (rc = ecap__check_int64(err, "maintenance_work_mem_kb",
				    o->maintenance_work_mem_kb, 1024, max_kb)) ||
	    (rc = ecap__check_double(err, "checkpoint_completion_target_ratio",
				     o->checkpoint_completion_target_ratio,
				     0.0, 1.0)) ||
	    (rc = ecap__check_int64(err, "wal_buffers_kb", o->wal_buffers_kb,
				    32, max_kb)) ||
	    (rc = ecap__check_int64(err, "max_worker_processes_count",
				    o->max_worker_processes_count, 0,
				    262143)) ||
	    (rc = ecap__check_int64(err, "work_mem_kb", o->work_mem_kb, 64,
				    max_kb)))
		return rc;
	return ECAP_OK;
}

ECAP_API int
ecap_database_properties(const struct ecap_database_out *out,
			 struct ecap_property *props, size_t *count,
			 struct ecap_error *err)
{
	struct ecap__props ctx;
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, out, ecap_database_out)) != ECAP_OK)
		return rc;
	if ((rc = check_parameters(out, err)) != ECAP_OK)
		return rc;
	if ((rc = ecap__props_begin(&ctx, props, count, err)) != ECAP_OK)
		return rc;
	ecap__props_add(&ctx, "max_connections", "%lld",
			(long long)out->max_connections_count);
	add_memory(&ctx, "shared_buffers", out->shared_buffers_kb);
	add_memory(&ctx, "effective_cache_size", out->effective_cache_size_kb);
	add_memory(&ctx, "maintenance_work_mem", out->maintenance_work_mem_kb);
	ecap__props_add(&ctx, "checkpoint_completion_target", "%.15g",
			out->checkpoint_completion_target_ratio);
	add_memory(&ctx, "wal_buffers", out->wal_buffers_kb);
	ecap__props_add(&ctx, "max_worker_processes", "%lld",
			(long long)out->max_worker_processes_count);
	add_memory(&ctx, "work_mem", out->work_mem_kb);
	return ecap__props_end(&ctx, err);
}
