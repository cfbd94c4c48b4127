/* SPDX-License-Identifier: MIT */
/*
 * database.c - PostgreSQL sizing: the guide's calculate_database_resources
 * (model "guide") and ecap-1's one primary from the RDS catalog, with its
 * storage, IOPS, read replicas, cost, PGTune's parameters and the pool
 * check.  Rendering and explanations are in database-render.c, PGTune's
 * rules in pgtune.c.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "capacity.h"
#include "database-internal.h"
#include "pgtune.h"

#define SECONDS_PER_DAY 86400.0

/* ---- ecap-1 ---- */

/* The hourly price of a primary: Multi-AZ (twice Single-AZ when the entry
 * states none) or Single-AZ. */
static double
primary_price(const struct ecap_catalog_entry *e, int32_t multi_az)
{
	if (!multi_az)
		return e->price_usd_per_hour;
	return e->multi_az_price_usd_per_hour > 0.0 ?
		       e->multi_az_price_usd_per_hour :
		       2.0 * e->price_usd_per_hour;
}

/* a is a better choice than b: cheaper, then less memory, fewer vCPUs,
 * then the name (a stable answer whatever the catalog's order). */
static bool
cheaper(const struct ecap_catalog_entry *a, const struct ecap_catalog_entry *b,
	int32_t multi_az)
{
	double pa = primary_price(a, multi_az), pb = primary_price(b, multi_az);

	if (pa != pb)
		return pa < pb;
	if (a->memory_gb != b->memory_gb)
		return a->memory_gb < b->memory_gb;
	if (a->vcpu_count != b->vcpu_count)
		return a->vcpu_count < b->vcpu_count;
	return strcmp(a->name, b->name) < 0;
}

/* The cheapest class with the memory and the vCPUs; NULL if none. */
static const struct ecap_catalog_entry *
cheapest_fit(const struct ecap_catalog_entry *e, size_t n, double memory_gb,
	     double vcpus, int32_t multi_az)
{
	const struct ecap_catalog_entry *best = NULL;
	double best_price = 0.0, price;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!(e[i].memory_gb >= memory_gb && e[i].vcpu_count >= vcpus))
			continue;
		/* cheaper()'s order, the best price kept (the projection
		 * runs this for every Monte Carlo path) */
		price = primary_price(&e[i], multi_az);
		if (best == NULL || price < best_price ||
		    (price == best_price && cheaper(&e[i], best, multi_az))) {
			best = &e[i];
			best_price = price;
		}
	}
	return best;
}

/*
 * No class has both the memory and the vCPUs: among the classes that hold
 * min(memory, the most any class has), the cheapest with the vCPUs, else
 * the one with the most vCPUs (the cheaper of equals).  Never a second
 * primary: PostgreSQL has one writer.
 */
static const struct ecap_catalog_entry *
largest(const struct ecap_catalog_entry *e, size_t n, double memory_gb,
	double vcpus, int32_t multi_az)
{
	const struct ecap_catalog_entry *best = NULL;
	double most = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		most = ecap__fmax(most, e[i].memory_gb);
	if ((best = cheapest_fit(e, n, ecap__fmin(memory_gb, most), vcpus,
				 multi_az)) != NULL)
		return best;
	for (i = 0; i < n; i++) {
		if (e[i].memory_gb < ecap__fmin(memory_gb, most))
			continue;
		if (best == NULL || e[i].vcpu_count > best->vcpu_count ||
		    (e[i].vcpu_count == best->vcpu_count &&
		     cheaper(&e[i], best, multi_az)))
			best = &e[i];
	}
	return best;
}

/*
 * The peak needs more vCPUs than the primary has: replicas of its class
 * take the reads beyond it; what the reads cannot take is writes, beyond
 * one primary.
 */
static void
add_replicas(const ecap_policy *p, struct ecap__db_calc *c)
{
	double excess = c->vcpu_required - c->vcpus;
	double reads = c->vcpu_required *
		       ecap__pd(p, ECAP_K_DATABASE_READ_SHARE_RATIO);
	double most = (double)ecap__pi(p, ECAP_K_DATABASE_MAX_READ_REPLICAS);
	double replicas;

	if (excess <= 0.0)
		return;
	replicas = ecap__ceil(ecap__fmin(excess, reads) / c->vcpus);
	if (replicas > most) {
		/* RDS takes at most 15 replicas of one primary. */
		replicas = most;
		c->flags |= ECAP_DATABASE_FLAG_READS_SHORT;
		c->reason = ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE;
	}
	if (replicas > 0.0) {
		c->replicas = (int32_t)replicas;
		c->flags |= ECAP_DATABASE_FLAG_ADD_READ_REPLICAS;
		if (c->reason == ECAP_DATABASE_REASON_CHEAPEST_FIT)
			c->reason = ECAP_DATABASE_REASON_READ_REPLICAS;
	}
	if (excess > reads) {
		c->flags |= ECAP_DATABASE_FLAG_WRITES_SHORT;
		c->reason = ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE;
	}
}

static const struct ecap_catalog_entry *
pick(const struct ecap_catalog_entry *e, size_t n, double memory_gb,
     double vcpus, int32_t multi_az)
{
	const struct ecap_catalog_entry *best =
		cheapest_fit(e, n, memory_gb, vcpus, multi_az);

	return best != NULL ? best : largest(e, n, memory_gb, vcpus, multi_az);
}

/* The catalog's distinct memory sizes, ascending; no class picked yet. */
static void
memo_ready(struct ecap__db_memo *m, const struct ecap_catalog_entry *e,
	   size_t n)
{
	size_t i, j;
	double v;

	for (i = 0; i < n; i++) {
		v = e[i].memory_gb;
		for (j = i; j > 0 && m->sizes[j - 1] > v; j--)
			m->sizes[j] = m->sizes[j - 1];
		m->sizes[j] = v;
	}
	for (i = 0, m->n_sizes = 0; i < n; i++)
		if (m->n_sizes == 0 || m->sizes[i] != m->sizes[m->n_sizes - 1])
			m->sizes[m->n_sizes++] = m->sizes[i];
	for (i = 0; i < ECAP__DB_MEMO_SLOTS; i++)
		m->slot[i].best = NULL;
	m->ready = true;
}

/*
 * pick() through the memo: the interval of the memory need (how many
 * catalog sizes lie below it: beyond the largest, largest() holds the
 * need at the largest) and the vCPUs are the key.
 */
static const struct ecap_catalog_entry *
pick_memo(struct ecap__db_memo *m, const struct ecap_catalog_entry *e,
	  size_t n, double memory_gb, double vcpus, int32_t multi_az)
{
	size_t lo = 0, hi, mid, h, probe;

	if (!m->ready)
		memo_ready(m, e, n);
	for (hi = m->n_sizes; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (m->sizes[mid] < memory_gb)
			lo = mid + 1;
		else
			hi = mid;
	}
	h = (lo * 131 + (size_t)ecap__fmin(vcpus, 1e9)) % ECAP__DB_MEMO_SLOTS;
	for (probe = 0; probe < ECAP__DB_MEMO_SLOTS; probe++) {
		struct ecap__db_memo_slot *s =
			&m->slot[(h + probe) % ECAP__DB_MEMO_SLOTS];

		if (s->best == NULL) {
			s->vcpus = vcpus;
			s->interval = lo;
			s->best = pick(e, n, memory_gb, vcpus, multi_az);
			return s->best;
		}
		if (s->interval == lo && s->vcpus == vcpus)
			return s->best;
	}
	return pick(e, n, memory_gb, vcpus, multi_az);
}

static void
choose_class(const ecap_policy *p, const struct ecap_catalog_entry *e,
	     size_t n, struct ecap__db_memo *memo, struct ecap__db_calc *c,
	     const struct ecap_catalog_entry **chosen)
{
	const struct ecap_catalog_entry *best;

	c->reason = ECAP_DATABASE_REASON_CHEAPEST_FIT;
	best = memo != NULL ?
	       pick_memo(memo, e, n, c->memory_required_gb, c->vcpu_required,
			 c->multi_az) :
	       pick(e, n, c->memory_required_gb, c->vcpu_required,
		    c->multi_az);
	c->instance_class = best->name;
	c->instance_memory_gb = best->memory_gb;
	c->vcpus = best->vcpu_count;
	c->price_usd_per_hour = primary_price(best, c->multi_az);
	c->fits = best->memory_gb >= c->memory_required_gb;
	if (!c->fits) {
		c->flags |= ECAP_DATABASE_FLAG_MEMORY_SHORT |
			    ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE |
			    ECAP_DATABASE_FLAG_ANALYTICS_TO_LAKE;
		c->reason = ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE;
	}
	add_replicas(p, c);
	*chosen = best;
}

/*
 * gp3: the baseline IOPS come with the storage (3,000 below 400 GiB,
 * 12,000 from 400 GiB); RDS provisions more only from 400 GiB, so a need
 * above 3,000 on a smaller volume grows the volume to 400 GiB.
 */
static void
size_iops(const ecap_policy *p, struct ecap__db_calc *c)
{
	double large_gb = ecap__pd(p, ECAP_K_DATABASE_GP3_LARGE_VOLUME_GB);
	double base = (double)ecap__pi(p, ECAP_K_DATABASE_GP3_BASELINE_IOPS);

	c->iops_required = ecap__ceil(c->peak_tps *
				ecap__pd(p, ECAP_K_DATABASE_IOPS_PER_TRANSACTION));
	if (c->iops_required > base && c->storage_gb < large_gb)
		c->storage_gb = ecap__ceil(large_gb);
	c->iops_baseline = c->storage_gb >= large_gb ?
		(double)ecap__pi(p, ECAP_K_DATABASE_GP3_LARGE_BASELINE_IOPS) :
		base;
	c->iops_provisioned = ecap__fmax(0.0, c->iops_required - c->iops_baseline);
	if (c->iops_required > (double)ecap__pi(p, ECAP_K_DATABASE_GP3_MAX_IOPS))
		c->flags |= ECAP_DATABASE_FLAG_IOPS_LIMIT;
}

/* Instance hours, storage and IOPS; the standby doubles the primary's
 * storage, each replica has its own. */
static void
price(const ecap_policy *p, const struct ecap_catalog_entry *e,
      struct ecap__db_calc *c)
{
	double hours = ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH);
	double copies = c->multi_az ? 2.0 : 1.0;
	double storage = c->storage_gb * e->storage_usd_per_gb_month;
	double iops = c->iops_provisioned * e->iops_usd_per_month;

	c->instance_cost_usd_per_month = c->price_usd_per_hour * hours;
	c->replica_cost_usd_per_month = c->replicas *
		(e->price_usd_per_hour * hours + storage + iops);
	c->storage_cost_usd_per_month = storage * copies;
	c->iops_cost_usd_per_month = iops * copies;
	c->cost_usd_per_month = c->instance_cost_usd_per_month +
				c->replica_cost_usd_per_month +
				c->storage_cost_usd_per_month +
				c->iops_cost_usd_per_month;
}

/*
 * What ecap-1 reads from the policy, the retention and the pools: the same
 * for every volume, so read once per call, or once for a column of the
 * projection's paths.
 */
struct db_policy {
	double hot_days;
	double buffer_factor;
	double min_memory_gb;
	double cache_share;
	double intraday_peak_factor;
	double transactions_per_vcpu_second;
	/* The vCPUs the pools' connections need. */
	double pool_vcpus;
	double min_storage_gb;
	double storage_limit_gb;
	double storage_plan_ratio;
	int32_t multi_az;
	const struct ecap_catalog_entry *classes;
	size_t class_count;
};

static void
read_policy(const ecap_policy *p, double retention_days, double app_instances,
	    struct db_policy *d)
{
	double pools = app_instances * (double)ecap__pi(p, ECAP_K_DATABASE_POOL_SIZE);

	d->hot_days = ecap__fmin((double)ecap__pi(p, ECAP_K_DATABASE_HOT_DAYS),
			   retention_days);
	d->buffer_factor = 1.0 + ecap__pd(p, ECAP_K_DATABASE_STORAGE_BUFFER_RATIO);
	d->min_memory_gb = ecap__pd(p, ECAP_K_DATABASE_MIN_MEMORY_GB);
	d->cache_share = ecap__pd(p, ECAP_K_DATABASE_CACHE_SHARE_RATIO);
	d->intraday_peak_factor = ecap__pd(p, ECAP_K_GROWTH_INTRADAY_PEAK_FACTOR);
	d->transactions_per_vcpu_second =
		ecap__pd(p, ECAP_K_DATABASE_TRANSACTIONS_PER_VCPU_SECOND);
	d->pool_vcpus =
		ecap__ceil(pools / ecap__pd(p, ECAP_K_DATABASE_CONNECTIONS_PER_VCPU));
	d->min_storage_gb = ecap__ceil(ecap__pd(p, ECAP_K_DATABASE_MIN_STORAGE_GB));
	d->storage_limit_gb = ecap__pd(p, ECAP_K_DATABASE_STORAGE_LIMIT_GB);
	d->storage_plan_ratio = ecap__pd(p, ECAP_K_DATABASE_STORAGE_PLAN_RATIO);
	d->multi_az = (int32_t)ecap__pi(p, ECAP_K_DATABASE_MULTI_AZ);
	d->classes = ecap__catalog_entries(p, ECAP_CATALOG_DATABASE,
					   &d->class_count);
}

static void
calc_ecap1(const ecap_policy *p, const struct db_policy *d, double peak_tx,
	   struct ecap__db_memo *memo, struct ecap__db_calc *c)
{
	const struct ecap_catalog_entry *e;
	double with_buffer = c->data_storage_gb * d->buffer_factor;

	/* The recent days, no more than are kept, with their indexes. */
	c->working_set_gb = c->daily_storage_gb * d->hot_days;
	c->memory_required_gb =
		ecap__fmax(d->min_memory_gb, c->working_set_gb / d->cache_share);
	c->peak_tps = peak_tx / SECONDS_PER_DAY * d->intraday_peak_factor;
	c->vcpu_required = ecap__fmax(
		1.0,
		ecap__fmax(ecap__ceil(c->peak_tps / d->transactions_per_vcpu_second),
		     d->pool_vcpus));
	c->multi_az = d->multi_az;
	c->storage_gb = ecap__fmax(ecap__ceil(with_buffer), d->min_storage_gb);
	c->storage_limit_gb = d->storage_limit_gb;
	choose_class(p, d->classes, d->class_count, memo, c, &e);
	size_iops(p, c);
	if (c->storage_gb > c->storage_limit_gb) {
		c->flags |= ECAP_DATABASE_FLAG_STORAGE_LIMIT |
			    ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE |
			    ECAP_DATABASE_FLAG_ANALYTICS_TO_LAKE;
		c->reason = ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE;
	} else if (c->storage_gb >
		   c->storage_limit_gb * d->storage_plan_ratio) {
		/* Still one instance, but not for long. */
		c->flags |= ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE;
	}
	c->instances_needed = 1.0 + c->replicas;
	price(p, e, c);
}

/* ecap-1's calc starts from zero and the volumes of tx a day kept
 * retention_days (the guide's sets every field itself). */
static void
size_volumes(const ecap_policy *p, double tx, double retention_days,
	     struct ecap__db_calc *c)
{
	ECAP__ZERO(c);
	c->daily_storage_gb = ecap__db_daily_gb(p, tx);
	c->data_storage_gb = ecap__db_kept_gb(p, c->daily_storage_gb,
					      retention_days);
}

void
ecap__database_calc(const ecap_policy *p, int32_t model, double tx,
		    double peak_tx, double retention_days,
		    double app_instances, struct ecap__db_memo *memo,
		    struct ecap__db_calc *c)
{
	struct db_policy d;

	if (model == ECAP_MODEL_GUIDE) {
		ecap__database_calc_guide(p, tx, retention_days, c);
		return;
	}
	size_volumes(p, tx, retention_days, c);
	read_policy(p, retention_days, app_instances, &d);
	calc_ecap1(p, &d, peak_tx, memo, c);
}

void
ecap__database_ecap1_column(const ecap_policy *p, double retention_days,
			    double app_instances, struct ecap__db_memo *memo,
			    const double *tx, const double *peak_tx, size_t n,
			    struct ecap__db_calc *c)
{
	struct db_policy d;
	size_t i;

	read_policy(p, retention_days, app_instances, &d);
	for (i = 0; i < n; i++) {
		size_volumes(p, tx[i], retention_days, &c[i]);
		calc_ecap1(p, &d, peak_tx[i], memo, &c[i]);
	}
}

/* ---- inputs ---- */

/* A policy's string key naming an enum value: parsed when the policy was
 * set; parsed again only to say why a name is unknown. */
static int
policy_enum(const ecap_policy *p, enum ecap_key_id id, const char *key,
	    int (*parse)(const char *, int32_t *, struct ecap_error *),
	    int32_t *value, struct ecap_error *err)
{
	if ((*value = ecap__pe(p, id)) != 0 ||
	    parse(ecap__ps(p, id), value, err) == ECAP_OK)
		return ECAP_OK;
	return ecap__fail(err, ECAP_ERR_INVALID, key,
			  "policy %s is \"%.40s\", not a name this version "
			  "knows", key, ecap__ps(p, id));
}

static int
check_enum(struct ecap_error *err, const char *field, int32_t v, int32_t max)
{
	if (v >= 0 && v <= max)
		return ECAP_OK;
	return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, field,
			  "%s %d is not a known value (0 = policy, 1 .. %d)",
			  field, (int)v, (int)max);
}

/* The first workload input out of range, reported (ECAP_OK if none). */
static int
check_workload(struct ecap_error *err, int32_t workload, int32_t storage,
	       int64_t connections, int32_t version, int64_t app_instances)
{
	int rc;

	if ((rc = check_enum(err, "workload", workload,
			     ECAP_DATABASE_WORKLOAD_MIXED)) ||
	    (rc = check_enum(err, "storage_type", storage,
			     ECAP_DATABASE_STORAGE_NVME)) ||
	    (rc = ecap__check_int64(err, "max_connections_count", connections,
				    0, 262143)) ||
	    (rc = ecap__check_int64(err, "app_instance_count", app_instances,
				    0, 100000)))
		return rc;
	if (version != 0 && (version < 10 || version > 18))
		return ecap__fail(err, ECAP_ERR_RANGE, "postgres_version",
				  "postgres_version %d is outside 10 .. 18 "
				  "(0 = policy)", (int)version);
	return ECAP_OK;
}

/*
 * Checks the workload inputs shared by both entry points and fills the
 * policy's values for the zeros.  Inline, as every call passes here: the
 * passing test is a few compares, check_workload says what failed.
 */
static ECAP__ALWAYS_INLINE int
workload_inputs(const ecap_policy *p, int32_t workload, int32_t storage,
		int64_t connections, int32_t version, int64_t app_instances,
		struct workload_args *a, struct ecap_error *err)
{
	int rc;

	if (!ECAP__LIKELY((uint32_t)workload <= ECAP_DATABASE_WORKLOAD_MIXED &&
			  (uint32_t)storage <= ECAP_DATABASE_STORAGE_NVME &&
			  (uint64_t)connections <= 262143 &&
			  (uint64_t)app_instances <= 100000 &&
			  (version == 0 || (version >= 10 && version <= 18))))
		return check_workload(err, workload, storage, connections,
				      version, app_instances);
	a->workload = workload;
	a->storage = storage;
	if ((a->workload == 0 &&
	     (rc = policy_enum(p, ECAP_K_DATABASE_WORKLOAD, "database.workload",
			       ecap_database_workload_from_string,
			       &a->workload, err))) ||
	    (a->storage == 0 &&
	     (rc = policy_enum(p, ECAP_K_DATABASE_STORAGE_TYPE,
			       "database.storage_type",
			       ecap_database_storage_from_string, &a->storage,
			       err))))
		return rc;
	a->version = version != 0 ? version :
		(int32_t)ecap__pi(p, ECAP_K_DATABASE_POSTGRES_VERSION);
	a->connections = connections;
	a->app_instances = app_instances != 0 ? app_instances :
		ecap__pi(p, ECAP_K_DATABASE_APP_INSTANCE_COUNT);
	return ECAP_OK;
}

/*
 * ecap-1 sizes max_connections for the pools: PGTune's default for the
 * workload, or the pools' most plus the superuser reserve when that is
 * more, up to database.max_connections_limit (beyond it the pools flag).
 */
static int64_t
pool_connections(const ecap_policy *p, const struct workload_args *a)
{
	int64_t pools = (ecap__pi(p, ECAP_K_DATABASE_POOL_SIZE) +
			 ecap__pi(p, ECAP_K_DATABASE_POOL_MAX_OVERFLOW)) *
			a->app_instances +
			ecap__pi(p, ECAP_K_DATABASE_RESERVED_CONNECTIONS);
	int64_t limit = ecap__pi(p, ECAP_K_DATABASE_MAX_CONNECTIONS_LIMIT);
	int64_t want = ecap__pgtune_default_connections(a->workload);

	if (pools > want)
		want = pools < limit ? pools : limit;
	return want;
}

/* PGTune for a RAM and vCPU count, and the pools. */
static void
tune(const ecap_policy *p, const struct workload_args *a, double memory_gb,
     int64_t vcpus, struct ecap_database_out *out)
{
	struct ecap__pgtune_in t;

	t.workload = a->workload;
	t.storage = a->storage;
	t.version = a->version;
	t.memory_kb = ecap__floor_int64(memory_gb * KB_PER_GB);
	t.cpus = vcpus;
	t.connections = a->connections;
	ecap__pgtune(&t, out);
	ecap__database_fill_pools(p, a->app_instances, true, out);
}

/*
 * ecap_database_advise and ecap__database_fill_sizing write every byte from model to
 * cost_usd_per_month (a field added there breaks the build until it is
 * written): only the fields after it start zeroed (all of them for a
 * caller of another build).
 */
#define DB_SIZED_END offsetof(struct ecap_database_out, max_connections_count)
_Static_assert(offsetof(struct ecap_database_out, model) == sizeof(size_t) &&
	       DB_SIZED_END - sizeof(size_t) ==
		       10 * sizeof(int32_t) + 18 * sizeof(double) + 64,
	       "ecap__database_fill_sizing writes every byte of the sizing");

static void
zero_unsized(struct ecap_database_out *out)
{
	if (ECAP__LIKELY(out->sz == sizeof(*out)))
		ecap__zero_n((unsigned char *)out + DB_SIZED_END,
			     ecap_offsetofend(struct ecap_database_out,
					      ecap_database_out__last_field) -
				     DB_SIZED_END);
	else
		ECAP__OUT_ZERO(out, ecap_database_out);
}

ECAP_API int
ecap_database_advise(const ecap_policy *policy,
		     const struct ecap_database_in *in,
		     struct ecap_database_out *out, struct ecap_error *err)
{
	struct ecap__db_calc c;
	struct workload_args a;
	int64_t retention;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_database_in)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_database_out)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "reserved_0", in->reserved_0, 0,
				    0)) != ECAP_OK ||
	    (rc = ecap__check_double(err, "transactions_per_day",
				     in->transactions_per_day, 0.0,
				     ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY)) ||
	    (rc = ecap__check_double(err, "peak_transactions_per_day",
				     in->peak_transactions_per_day, 0.0,
				     ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY)) ||
	    (rc = ecap__check_override_int64(err, "retention_days",
					     in->retention_days,
					     ECAP_K_DATABASE_RETENTION_DAYS)) ||
	    (rc = workload_inputs(policy, in->workload, in->storage_type,
				  in->max_connections_count,
				  in->postgres_version, in->app_instance_count,
				  &a, err)))
		return rc;
	retention = in->retention_days != 0 ?
		    in->retention_days :
		    ecap__pi(policy, ECAP_K_DATABASE_RETENTION_DAYS);
	/* The guide's answer is written in its own file: a tail call. */
	if (policy->model == ECAP_MODEL_GUIDE)
		return ecap__database_advise_guide(policy,
						   in->transactions_per_day,
						   (double)retention, &a, out);
	ecap__database_calc(policy, policy->model, in->transactions_per_day,
			    in->peak_transactions_per_day != 0.0 ?
				    in->peak_transactions_per_day :
				    in->transactions_per_day,
			    (double)retention, (double)a.app_instances, NULL,
			    &c);
	zero_unsized(out);
	ecap__database_fill_inputs(policy, &a, out);
	ecap__database_fill_sizing(&c, out);
	if (a.connections == 0)
		a.connections = pool_connections(policy, &a);
	tune(policy, &a, c.instance_memory_gb, c.vcpus, out);
	return ECAP_OK;
}

ECAP_API int
ecap_database_advise_shape(const ecap_policy *policy,
			   const struct ecap_database_shape_in *in,
			   struct ecap_database_out *out,
			   struct ecap_error *err)
{
	struct workload_args a;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_database_shape_in)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_database_out)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "reserved_0", in->reserved_0, 0,
				    0)) != ECAP_OK ||
	    (rc = ecap__check_double_gt(err, "memory_gb", in->memory_gb, 0.0,
					1048576.0)) ||
	    (rc = ecap__check_int64(err, "vcpu_count", in->vcpu_count, 1,
				    65536)) ||
	    (rc = workload_inputs(policy, in->workload, in->storage_type,
				  in->max_connections_count,
				  in->postgres_version, in->app_instance_count,
				  &a, err)))
		return rc;
	/* PGTune's maintenance_work_mem is RAM / 16, and PostgreSQL takes no
	 * less than 1 MB: below 16 MB of RAM there is no valid answer. */
	if (in->memory_gb * KB_PER_GB < 16.0 * 1024.0)
		return ecap__fail(err, ECAP_ERR_RANGE, "memory_gb",
				  "memory_gb %.6g is below 16 MB: PGTune's "
				  "maintenance_work_mem (RAM / 16) would fall below "
				  "PostgreSQL's 1 MB minimum", in->memory_gb);
	ECAP__OUT_ZERO(out, ecap_database_out);
	out->model = policy->model;
	out->reason = ECAP_DATABASE_REASON_SHAPE_GIVEN;
	out->workload = a.workload;
	out->storage_type = a.storage;
	out->postgres_version = a.version;
	out->instance_memory_gb = in->memory_gb;
	out->instance_vcpus = (int32_t)in->vcpu_count;
	out->memory_required_gb = in->memory_gb;
	out->fits_flag = 1;
	tune(policy, &a, in->memory_gb, in->vcpu_count, out);
	return ECAP_OK;
}
