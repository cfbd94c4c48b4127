/* SPDX-License-Identifier: MIT */
/*
 * database-render.c - the database advice for people and machines: enum
 * names, the one-sentence explanation, postgresql.conf properties and the
 * RDS DB parameter group.  Nothing here runs in the advise path.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "pgtune.h"
#include "spark-memory.h"

/* ---- names ---- */

static const struct ecap__enum_name reason_names[] = {
	{ ECAP_DATABASE_REASON_GUIDE_THRESHOLD, { "guide-threshold" } },
	{ ECAP_DATABASE_REASON_GUIDE_UNDERSIZED, { "guide-undersized" } },
	{ ECAP_DATABASE_REASON_CHEAPEST_FIT, { "cheapest-fit" } },
	{ ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE, { "beyond-one-instance" } },
	{ ECAP_DATABASE_REASON_READ_REPLICAS, { "read-replicas" } },
	{ ECAP_DATABASE_REASON_SHAPE_GIVEN, { "shape-given" } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name workload_names[] = {
	{ ECAP_DATABASE_WORKLOAD_WEB, { "web" } },
	{ ECAP_DATABASE_WORKLOAD_OLTP, { "oltp" } },
	{ ECAP_DATABASE_WORKLOAD_DW, { "dw", "data-warehouse" } },
	{ ECAP_DATABASE_WORKLOAD_DESKTOP, { "desktop" } },
	{ ECAP_DATABASE_WORKLOAD_MIXED, { "mixed" } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name storage_names[] = {
	{ ECAP_DATABASE_STORAGE_SSD, { "ssd" } },
	{ ECAP_DATABASE_STORAGE_HDD, { "hdd" } },
	{ ECAP_DATABASE_STORAGE_SAN, { "san" } },
	{ ECAP_DATABASE_STORAGE_NVME, { "nvme" } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name flag_names[] = {
	{ ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE, { "partition-and-archive" } },
	{ ECAP_DATABASE_FLAG_ANALYTICS_TO_LAKE, { "analytics-to-lake" } },
	{ ECAP_DATABASE_FLAG_ADD_READ_REPLICAS, { "add-read-replicas" } },
	{ ECAP_DATABASE_FLAG_MEMORY_SHORT, { "memory-short" } },
	{ ECAP_DATABASE_FLAG_STORAGE_LIMIT, { "storage-limit" } },
	{ ECAP_DATABASE_FLAG_WRITES_SHORT, { "writes-short" } },
	{ ECAP_DATABASE_FLAG_IOPS_LIMIT, { "iops-limit" } },
	{ ECAP_DATABASE_FLAG_POOL_EXHAUSTION, { "pool-exhaustion" } },
	{ ECAP_DATABASE_FLAG_READS_SHORT, { "reads-short" } },
	{ 0, { NULL } },
};

ECAP_API const char *
ecap_database_reason_to_string(int32_t reason)
{
	return ecap__enum_to_string(reason_names, reason);
}

ECAP_API int
ecap_database_reason_from_string(const char *name, int32_t *reason,
				 struct ecap_error *err)
{
	return ecap__enum_from_string(reason_names, false, "database reason",
				      "reason", name, reason, err);
}

ECAP_API const char *
ecap_database_workload_to_string(int32_t workload)
{
	return ecap__enum_to_string(workload_names, workload);
}

ECAP_API int
ecap_database_workload_from_string(const char *name, int32_t *workload,
				   struct ecap_error *err)
{
	return ecap__enum_from_string(workload_names, false, "database workload",
				      "workload", name, workload, err);
}

ECAP_API const char *
ecap_database_storage_to_string(int32_t storage)
{
	return ecap__enum_to_string(storage_names, storage);
}

ECAP_API int
ecap_database_storage_from_string(const char *name, int32_t *storage,
				  struct ecap_error *err)
{
	return ecap__enum_from_string(storage_names, false, "database storage",
				      "storage_type", name, storage, err);
}

ECAP_API const char *
ecap_database_flag_to_string(uint32_t flag)
{
	if (flag == 0 || flag > INT32_MAX)
		return NULL;
	return ecap__enum_to_string(flag_names, (int32_t)flag);
}

ECAP_API int
ecap_database_flag_from_string(const char *name, uint32_t *flag,
			       struct ecap_error *err)
{
	int32_t v = 0;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, flag, "flag")) != ECAP_OK ||
	    (rc = ecap__enum_from_string(flag_names, false, "database flag",
					 "flag", name, &v, err)) != ECAP_OK)
		return rc;
	*flag = (uint32_t)v;
	return ECAP_OK;
}

/* ---- explanation ---- */

/* The recommendation flags in words. */
static void
say_flags(struct ecap__sentence *t, uint32_t flags)
{
	if (flags & ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE)
		ecap__say(t, "; range-partition by date and archive cold "
			  "partitions");
	if (flags & ECAP_DATABASE_FLAG_ANALYTICS_TO_LAKE)
		ecap__say(t, "; move the analytics tables to the lake");
	if (flags & ECAP_DATABASE_FLAG_WRITES_SHORT)
		ecap__say(t, "; the writes alone pass the largest class: "
			  "shard or batch them");
	if (flags & ECAP_DATABASE_FLAG_READS_SHORT)
		ecap__say(t, "; the reads pass the most replicas: cache or "
			  "shard them");
	if (flags & ECAP_DATABASE_FLAG_IOPS_LIMIT)
		ecap__say(t, "; the IOPS pass gp3's most: use io2");
}

/* A _gb value written as a size people read ("64 GiB", "11.3 TiB"). */
#define GB_TEXT(buf, gb) ecap__explain_bytes(buf, (gb) * (double)ECAP__GIB)

static void
say_ecap1(struct ecap__sentence *t, const struct ecap_database_out *a)
{
	char m[ECAP__EXPLAIN_BYTES_MAX], need[ECAP__EXPLAIN_BYTES_MAX],
	     ws[ECAP__EXPLAIN_BYTES_MAX], st[ECAP__EXPLAIN_BYTES_MAX],
	     lim[ECAP__EXPLAIN_BYTES_MAX], rate[ECAP__EXPLAIN_BYTES_MAX];

	GB_TEXT(m, a->instance_memory_gb);
	GB_TEXT(need, a->memory_required_gb);
	GB_TEXT(ws, a->working_set_gb);
	ecap__explain_number(rate, a->peak_transactions_per_second);
	switch (a->reason) {
	case ECAP_DATABASE_REASON_CHEAPEST_FIT:
		/* Both needs name both their sources: the floors
		 * (database.min_memory_gb, the pooled connections) decide
		 * small databases, not the working set or the rate. */
		ecap__say(t, "%s (%s, %d vCPUs, $%.3f an hour%s) is the "
		       "cheapest class with %s of memory (a %s "
		       "working set cached, at least database.min_memory_gb) "
		       "and %" PRId64 " vCPUs (%s transactions/s at peak, %"
		       PRId64 " pooled connections)",
		    a->instance_class, m, (int)a->instance_vcpus,
		    a->price_usd_per_hour, a->multi_az_flag ? " Multi-AZ" : "",
		    need, ws, a->vcpu_required_count, rate,
		    a->pool_size_count * a->app_instance_count);
		break;
	case ECAP_DATABASE_REASON_READ_REPLICAS:
		ecap__say(t, "%s transactions/s at peak need %" PRId64
		       " vCPUs, more than one class has: %s (%d vCPUs) as primary and "
		       "%d read replica(s) of it for the reads",
		    rate, a->vcpu_required_count,
		    a->instance_class, (int)a->instance_vcpus,
		    (int)a->read_replica_count);
		break;
	default:
		ecap__say(t, "beyond one instance: %s of memory (%s "
		       "working set), %s of storage (limit %s) and %" PRId64
		       " vCPUs; the largest fit is %s (%s, %d vCPUs)",
		    need, ws, GB_TEXT(st, a->storage_gb),
		    GB_TEXT(lim, a->storage_limit_gb), a->vcpu_required_count,
		    a->instance_class, m, (int)a->instance_vcpus);
		if (a->read_replica_count > 0)
			ecap__say(t, " with %d read replica(s)",
			    (int)a->read_replica_count);
		break;
	}
	say_flags(t, a->flags);
}

/*
 * The numbers the sentences print in fixed notation (%.0f, %.1f, %.3f):
 * an edited advice's 1e300 would print 300 digits and break the promise
 * that ECAP_EXPLAIN_MAX suffices, so they are refused, not printed.
 */
static int
check_printed(const struct ecap_database_out *a, struct ecap_error *err)
{
	const double hi = 1e15;
	int rc;

	if ((rc = ecap__check_double(err, "instance_memory_gb",
				     a->instance_memory_gb, 0.0, 1048576.0)) ||
	    (rc = ecap__check_double(err, "price_usd_per_hour",
				     a->price_usd_per_hour, 0.0, 1e6)) ||
	    (rc = ecap__check_double(err, "memory_required_gb",
				     a->memory_required_gb, 0.0, hi)) ||
	    (rc = ecap__check_double(err, "working_set_gb", a->working_set_gb,
				     0.0, hi)) ||
	    (rc = ecap__check_double(err, "storage_gb", a->storage_gb, 0.0,
				     hi)) ||
	    (rc = ecap__check_double(err, "storage_limit_gb",
				     a->storage_limit_gb, 0.0, hi)) ||
	    (rc = ecap__check_double(err, "peak_transactions_per_second",
				     a->peak_transactions_per_second, 0.0,
				     hi)) ||
	    /* multiplied in the sentence: the advisor's own bounds */
	    (rc = ecap__check_int64(err, "pool_size_count",
				    a->pool_size_count, 0, 262143)) ||
	    (rc = ecap__check_int64(err, "app_instance_count",
				    a->app_instance_count, 0, 100000)))
		return rc;
	return ECAP_OK;
}

ECAP_API int
ecap_database_explain(const struct ecap_database_out *a, char *buf,
		      size_t size, struct ecap_error *err)
{
	struct ecap__sentence t;
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, a, ecap_database_out)) != ECAP_OK ||
	    (rc = ecap__sentence_begin(&t, buf, size, err)) != ECAP_OK ||
	    (rc = check_printed(a, err)) != ECAP_OK)
		return rc;
	switch (a->reason) {
	case ECAP_DATABASE_REASON_GUIDE_THRESHOLD:
		ecap__say(&t, "guide: %.6g GB of memory is within the guide's "
			"<= 32 / <= 64 / above rule for %s (%.6g GB)",
		    a->memory_required_gb, a->instance_class,
		    a->instance_memory_gb);
		break;
	case ECAP_DATABASE_REASON_GUIDE_UNDERSIZED:
		ecap__say(&t, "guide: %.6g GB of memory is above 64 GB, so the "
			"guide picks %s although it holds only %.6g GB",
		    a->memory_required_gb, a->instance_class,
		    a->instance_memory_gb);
		break;
	case ECAP_DATABASE_REASON_SHAPE_GIVEN:
		ecap__say(&t, "PGTune's %s parameters for %.6g GiB and %d vCPUs",
		    ecap_database_workload_to_string(a->workload) ?
			    ecap_database_workload_to_string(a->workload) : "?",
		    a->instance_memory_gb, (int)a->instance_vcpus);
		break;
	case ECAP_DATABASE_REASON_CHEAPEST_FIT:
	case ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE:
	case ECAP_DATABASE_REASON_READ_REPLICAS:
		say_ecap1(&t, a);
		break;
	default:
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "reason",
				  "advice reason is %d; pass the output of "
				  "ecap_database_advise", (int)a->reason);
	}
	if (a->flags & ECAP_DATABASE_FLAG_POOL_EXHAUSTION)
		ecap__say(&t, "; the pools open up to %" PRId64 " connections, "
			"more than the %" PRId64 " max_connections leaves (use a "
			"pooler such as RDS Proxy)",
		    a->pool_connections_max_count,
		    a->connections_available_count);
	return ecap__sentence_end(&t, err);
}

/* ---- postgresql.conf ---- */

/* PostgreSQL memory units: the largest of GB, MB, kB that is exact
 * (PGTune's formatting). */
static void
add_memory(struct ecap__props *ctx, const char *key, int64_t kb)
{
	if (kb % 1048576 == 0)
		ecap__props_add(ctx, key, "%" PRId64 "GB", kb / 1048576);
	else if (kb % 1024 == 0)
		ecap__props_add(ctx, key, "%" PRId64 "MB", kb / 1024);
	else
		ecap__props_add(ctx, key, "%" PRId64 "kB", kb);
}

static void
add_word(struct ecap__props *ctx, const char *key, const char *v)
{
	if (v[0] != '\0')
		ecap__props_add(ctx, key, "%s", v);
}

static void
add_count(struct ecap__props *ctx, const char *key, int64_t v)
{
	if (v > 0)
		ecap__props_add(ctx, key, "%" PRId64, v);
}

/* A setting by name: empty (not set) or one of the space-separated words. */
static int
check_word(struct ecap_error *err, const char *field, const char *v,
	   size_t cap, const char *words)
{
	size_t n = strnlen(v, cap);
	const char *w = words;

	if (n == 0)
		return ECAP_OK;
	while (n < cap && *w != '\0') {
		if (strncmp(w, v, n) == 0 && (w[n] == ' ' || w[n] == '\0'))
			return ECAP_OK;
		w += strcspn(w, " ");
		w += *w == ' ';
	}
	return ecap__fail(err, ECAP_ERR_INVALID, field,
			  "%s is \"%.*s\"; PostgreSQL takes %s", field,
			  (int)(n < 16 ? n : 16), v, words);
}

/*
 * An advice edited by the caller must still render as valid PostgreSQL
 * settings: PostgreSQL's own minimums (shared_buffers 128kB, wal_buffers
 * 32kB, work_mem 64kB, maintenance_work_mem 1MB) up to its maxima
 * (pgtune.h; the WAL sizes up to 1 PiB); optional settings 0 (not set) or
 * in range.
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
				    o->shared_buffers_kb, 128,
				    ECAP_PG_SHARED_BUFFERS_MAX_KB)) ||
	    (rc = ecap__check_int64(err, "effective_cache_size_kb",
				    o->effective_cache_size_kb, 8,
				    ECAP_PG_EFFECTIVE_CACHE_SIZE_MAX_KB)) ||
	    (rc = ecap__check_int64(err, "maintenance_work_mem_kb",
				    o->maintenance_work_mem_kb, 1024,
				    ECAP_PG_MAX_KILOBYTES)) ||
	    (rc = ecap__check_double(err, "checkpoint_completion_target_ratio",
				     o->checkpoint_completion_target_ratio,
				     0.0, 1.0)) ||
	    (rc = ecap__check_int64(err, "wal_buffers_kb", o->wal_buffers_kb,
				    32, max_kb)) ||
	    (rc = ecap__check_int64(err, "work_mem_kb", o->work_mem_kb, 64,
				    ECAP_PG_MAX_KILOBYTES)) ||
	    (rc = ecap__check_int64(err, "min_wal_size_mb", o->min_wal_size_mb,
				    0, max_kb)) ||
	    (rc = ecap__check_int64(err, "max_wal_size_mb", o->max_wal_size_mb,
				    0, max_kb)) ||
	    (rc = ecap__check_double(err, "random_page_cost",
				     o->random_page_cost, 0.0, 1e10)) ||
	    (rc = ecap__check_int64(err, "effective_io_concurrency_count",
				    o->effective_io_concurrency_count, 0,
				    1000)) ||
	    (rc = ecap__check_int64(err, "default_statistics_target_count",
				    o->default_statistics_target_count, 0,
				    10000)) ||
	    (rc = ecap__check_int64(err, "max_worker_processes_count",
				    o->max_worker_processes_count, 0,
				    262143)) ||
	    (rc = ecap__check_int64(err, "max_parallel_workers_per_gather_count",
				    o->max_parallel_workers_per_gather_count,
				    0, 1024)) ||
	    (rc = ecap__check_int64(err, "max_parallel_workers_count",
				    o->max_parallel_workers_count, 0, 1024)) ||
	    (rc = ecap__check_int64(err,
				    "max_parallel_maintenance_workers_count",
				    o->max_parallel_maintenance_workers_count,
				    0, 1024)) ||
	    (rc = ecap__check_int64(err, "autovacuum_max_workers_count",
				    o->autovacuum_max_workers_count, 0,
				    262143)) ||
	    (rc = ecap__check_int64(err, "autovacuum_work_mem_kb",
				    o->autovacuum_work_mem_kb, 0,
				    ECAP_PG_MAX_KILOBYTES)) ||
	    (rc = check_word(err, "huge_pages", o->huge_pages,
			     sizeof(o->huge_pages), "try off on")) ||
	    (rc = check_word(err, "jit", o->jit, sizeof(o->jit), "off on")) ||
	    (rc = check_word(err, "wal_compression", o->wal_compression,
			     sizeof(o->wal_compression),
			     "lz4 on off pglz zstd")) ||
	    (rc = check_word(err, "wal_level", o->wal_level,
			     sizeof(o->wal_level), "minimal replica logical")))
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
	if ((rc = ECAP__OPTS_CHECK(err, out, ecap_database_out)) != ECAP_OK ||
	    (rc = check_parameters(out, err)) != ECAP_OK ||
	    (rc = ecap__props_begin(&ctx, props, count, err)) != ECAP_OK)
		return rc;
	/* PGTune's order. */
	add_count(&ctx, "max_connections", out->max_connections_count);
	add_memory(&ctx, "shared_buffers", out->shared_buffers_kb);
	add_memory(&ctx, "effective_cache_size", out->effective_cache_size_kb);
	add_memory(&ctx, "maintenance_work_mem", out->maintenance_work_mem_kb);
	ecap__props_add(&ctx, "checkpoint_completion_target", "%.15g",
			out->checkpoint_completion_target_ratio);
	add_memory(&ctx, "wal_buffers", out->wal_buffers_kb);
	add_count(&ctx, "default_statistics_target",
		  out->default_statistics_target_count);
	if (out->random_page_cost > 0.0)
		ecap__props_add(&ctx, "random_page_cost", "%.15g",
				out->random_page_cost);
	add_count(&ctx, "effective_io_concurrency",
		  out->effective_io_concurrency_count);
	add_memory(&ctx, "work_mem", out->work_mem_kb);
	if (out->min_wal_size_mb > 0)
		add_memory(&ctx, "min_wal_size", out->min_wal_size_mb * 1024);
	if (out->max_wal_size_mb > 0)
		add_memory(&ctx, "max_wal_size", out->max_wal_size_mb * 1024);
	add_count(&ctx, "max_worker_processes", out->max_worker_processes_count);
	add_count(&ctx, "max_parallel_workers_per_gather",
		  out->max_parallel_workers_per_gather_count);
	add_count(&ctx, "max_parallel_workers", out->max_parallel_workers_count);
	add_count(&ctx, "max_parallel_maintenance_workers",
		  out->max_parallel_maintenance_workers_count);
	add_word(&ctx, "huge_pages", out->huge_pages);
	add_word(&ctx, "jit", out->jit);
	add_word(&ctx, "wal_compression", out->wal_compression);
	add_count(&ctx, "autovacuum_max_workers",
		  out->autovacuum_max_workers_count);
	if (out->autovacuum_work_mem_kb > 0)
		add_memory(&ctx, "autovacuum_work_mem", out->autovacuum_work_mem_kb);
	if (out->wal_level[0] != '\0') {
		add_word(&ctx, "wal_level", out->wal_level);
		/* minimal WAL allows no WAL senders */
		if (strcmp(out->wal_level, "minimal") == 0)
			ecap__props_add(&ctx, "max_wal_senders", "0");
	}
	return ecap__props_end(&ctx, err);
}

/* ---- RDS DB parameter group ---- */

struct group {
	void *base;
	size_t stride, cap, n;
	/* The class's nominal memory in bytes (DBInstanceClassMemory). */
	int64_t memory_bytes;
};

static void
put(struct group *g, const char *name, const char *unit, const char *value,
    int64_t evaluated)
{
	struct ecap_database_rds_parameter *r;

	if (g->n < g->cap) {
		r = ecap__array_at(g->base, g->stride, g->n,
				   sizeof(struct ecap_database_rds_parameter));
		ecap__strlcpy(r->name, name, sizeof(r->name));
		ecap__strlcpy(r->value, value, sizeof(r->value));
		snprintf(r->evaluated, sizeof(r->evaluated), "%" PRId64,
			 evaluated);
		ecap__strlcpy(r->unit, unit, sizeof(r->unit));
	}
	g->n++;
}

static void
put_number(struct group *g, const char *name, const char *unit, int64_t v)
{
	char text[32];

	if (v <= 0)
		return;
	snprintf(text, sizeof(text), "%" PRId64, v);
	put(g, name, unit, text, v);
}

static void
put_word(struct group *g, const char *name, const char *v)
{
	struct ecap_database_rds_parameter *r;

	if (v[0] == '\0')
		return;
	if (g->n < g->cap) {
		r = ecap__array_at(g->base, g->stride, g->n,
				   sizeof(struct ecap_database_rds_parameter));
		ecap__strlcpy(r->name, name, sizeof(r->name));
		ecap__strlcpy(r->value, v, sizeof(r->value));
		ecap__strlcpy(r->evaluated, v, sizeof(r->evaluated));
		r->unit[0] = '\0';
	}
	g->n++;
}

static void
put_ratio(struct group *g, const char *name, double v)
{
	struct ecap_database_rds_parameter *r;

	if (v <= 0.0)
		return;
	if (g->n < g->cap) {
		r = ecap__array_at(g->base, g->stride, g->n,
				   sizeof(struct ecap_database_rds_parameter));
		snprintf(r->name, sizeof(r->name), "%s", name);
		snprintf(r->value, sizeof(r->value), "%.15g", v);
		snprintf(r->evaluated, sizeof(r->evaluated), "%.15g", v);
		r->unit[0] = '\0';
	}
	g->n++;
}

/* How a formula's value is bounded. */
enum bound { PLAIN, AT_LEAST, AT_MOST };

/*
 * A size RDS can derive from the class's memory: value (in units of
 * unit_kb kB) as "{DBInstanceClassMemory*num/den}", bounded with GREATEST
 * or LEAST, when that evaluates to it on the class, else as the number.
 */
static void
put_memory(struct group *g, const char *name, const char *unit,
	   int64_t unit_kb, int64_t value_kb, int64_t num, int64_t den,
	   enum bound how, int64_t limit)
{
	char formula[64], text[96];
	int64_t v = value_kb / unit_kb;
	int64_t f = g->memory_bytes * num / den;

	if (how == AT_LEAST && f < limit)
		f = limit;
	if (how == AT_MOST && f > limit)
		f = limit;
	if (num == 1)
		snprintf(formula, sizeof(formula),
			 "{DBInstanceClassMemory/%" PRId64 "}", den);
	else
		snprintf(formula, sizeof(formula),
			 "{DBInstanceClassMemory*%" PRId64 "/%" PRId64 "}",
			 num, den);
	if (f != v || value_kb % unit_kb != 0)
		snprintf(text, sizeof(text), "%" PRId64, v);
	else if (how == AT_LEAST)
		snprintf(text, sizeof(text), "GREATEST(%s,%" PRId64 ")",
			 formula, limit);
	else if (how == AT_MOST)
		snprintf(text, sizeof(text), "LEAST(%s,%" PRId64 ")", formula,
			 limit);
	else
		snprintf(text, sizeof(text), "%s", formula);
	put(g, name, unit, text, v);
}

/*
 * PGTune's rules as RDS formulas (DBInstanceClassMemory is in bytes):
 * shared_buffers RAM/4 in 8kB pages = bytes/32768 (desktop RAM/16);
 * effective_cache_size RAM*3/4 = bytes*3/32768 (desktop RAM/4);
 * maintenance_work_mem RAM/16 in kB = bytes/16384 (dw RAM/8), at most
 * 8 GB; work_mem RAM*3/4 / ((connections + workers) * 3) / factor =
 * bytes / (4096 * (connections + workers) * factor) kB, at least 4 MB.
 */
static void
rds_group(const struct ecap_database_out *o, struct group *g)
{
	bool desktop = o->workload == ECAP_DATABASE_WORKLOAD_DESKTOP;
	bool dw = o->workload == ECAP_DATABASE_WORKLOAD_DW;
	int64_t workers = o->max_worker_processes_count > 0 ?
				  o->max_worker_processes_count : 8;
	int64_t factor = dw || o->workload == ECAP_DATABASE_WORKLOAD_MIXED ? 2 :
			 desktop ? 6 : 1;

	put_number(g, "max_connections", "", o->max_connections_count);
	put_memory(g, "shared_buffers", "8kB", 8, o->shared_buffers_kb, 1,
		   desktop ? 131072 : 32768, PLAIN, 0);
	put_memory(g, "effective_cache_size", "8kB", 8,
		   o->effective_cache_size_kb, desktop ? 1 : 3, 32768, PLAIN, 0);
	put_memory(g, "maintenance_work_mem", "kB", 1,
		   o->maintenance_work_mem_kb, 1, dw ? 8192 : 16384, AT_MOST,
		   8388608);
	put_ratio(g, "checkpoint_completion_target",
		  o->checkpoint_completion_target_ratio);
	put_number(g, "wal_buffers", "8kB", o->wal_buffers_kb / 8);
	put_number(g, "default_statistics_target", "",
		   o->default_statistics_target_count);
	put_ratio(g, "random_page_cost", o->random_page_cost);
	put_number(g, "effective_io_concurrency", "",
		   o->effective_io_concurrency_count);
	put_memory(g, "work_mem", "kB", 1, o->work_mem_kb, 1,
		   4096 * (o->max_connections_count + workers) * factor,
		   AT_LEAST, 4096);
	put_number(g, "min_wal_size", "MB", o->min_wal_size_mb);
	put_number(g, "max_wal_size", "MB", o->max_wal_size_mb);
	put_number(g, "max_worker_processes", "", o->max_worker_processes_count);
	put_number(g, "max_parallel_workers_per_gather", "",
		   o->max_parallel_workers_per_gather_count);
	put_number(g, "max_parallel_workers", "", o->max_parallel_workers_count);
	put_number(g, "max_parallel_maintenance_workers", "",
		   o->max_parallel_maintenance_workers_count);
	/* huge_pages and wal_level are RDS's to set; the others are taken. */
	put_word(g, "jit", o->jit);
	put_word(g, "wal_compression", o->wal_compression);
	put_number(g, "autovacuum_max_workers", "",
		   o->autovacuum_max_workers_count);
	put_number(g, "autovacuum_work_mem", "kB", o->autovacuum_work_mem_kb);
}

ECAP_API int
ecap_database_rds_parameters(const struct ecap_database_out *out,
			     struct ecap_database_rds_parameter *params,
			     size_t *count, struct ecap_error *err)
{
	struct group g;
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, out, ecap_database_out)) != ECAP_OK ||
	    (rc = check_parameters(out, err)) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, count, "count")) != ECAP_OK ||
	    (rc = ecap__check_double(err, "instance_memory_gb",
				     out->instance_memory_gb, 0.0,
				     1048576.0)) != ECAP_OK)
		return rc;
	memset(&g, 0, sizeof(g));
	g.cap = *count;
	if (g.cap > 0 &&
	    (rc = ecap__array_stride(err, params, g.cap,
				     sizeof(struct ecap_database_rds_parameter),
				     "ecap_database_rds_parameter",
				     &g.stride)) != ECAP_OK)
		return rc;
	g.base = params;
	g.memory_bytes = (int64_t)(out->instance_memory_gb * 1073741824.0);
	rds_group(out, &g);
	*count = g.n;
	if (g.n > g.cap)
		return ecap__fail(err, ECAP_ERR_NOSPACE, "count",
				  "the parameter group has %zu parameters; "
				  "the array holds %zu", g.n, g.cap);
	return ECAP_OK;
}
