/* SPDX-License-Identifier: MIT */
/*
 * pgtune.c - PostgreSQL parameters as PGTune computes them.
 *
 * The rules are PGTune's (le0pard/pgtune,
 * src/features/configuration/configurationSlice.js at commit 01bb6447,
 * the version with the nvme drive type, the 8 GB maintenance_work_mem cap
 * and the 4 MB work_mem floor), carried here as facts for a Linux server;
 * the code is this library's own.  Memory arithmetic is in kB, as
 * PGTune's; every division that PGTune floors is floored here.
 */
#include <math.h>

#include "pgtune.h"

#define KB_PER_MB INT64_C(1024)
#define KB_PER_GB INT64_C(1048576)

/* One row per workload (enum ecap_database_workload - 1). */
struct workload_rules {
	/* max_connections when none is given. */
	int64_t connections;
	/* shared_buffers = RAM / this; effective_cache_size = RAM *
	 * cache_num / cache_den. */
	int64_t buffers_div, cache_num, cache_den;
	/* maintenance_work_mem = RAM / this (capped at 8 GB). */
	int64_t maintenance_div;
	/* min_wal_size and max_wal_size (MB). */
	int64_t min_wal_mb, max_wal_mb;
	/* default_statistics_target. */
	int64_t statistics;
	/* work_mem = per-connection share / this. */
	double work_mem_div;
};

static const struct workload_rules workloads[] = {
	/* web */ { 200, 4, 3, 4, 16, 1024, 4096, 100, 1.0 },
	/* oltp */ { 300, 4, 3, 4, 16, 2048, 8192, 100, 1.0 },
	/* dw */ { 40, 4, 3, 4, 8, 4096, 16384, 500, 2.0 },
	/* desktop */ { 20, 16, 1, 4, 16, 100, 2048, 100, 6.0 },
	/* mixed */ { 100, 4, 3, 4, 16, 1024, 4096, 100, 2.0 },
};

/* PGTune's maintenance_work_mem cap: "8GB on modern servers". */
#define MAINTENANCE_CAP_KB (8 * KB_PER_GB)
/* wal_buffers: 3 % of shared_buffers, at most 16 MB, rounded up to 16 MB
 * above 14 MB, at least 32 kB. */
#define WAL_BUFFERS_MAX_KB (16 * KB_PER_MB)
#define WAL_BUFFERS_NEAR_KB (14 * KB_PER_MB)
#define WAL_BUFFERS_MIN_KB INT64_C(32)
/* work_mem floor: 4 MB. */
#define WORK_MEM_MIN_KB (4 * KB_PER_MB)
/* autovacuum_work_mem cap and the shared_buffers from which huge_pages
 * = try: both 2 GB. */
#define AUTOVACUUM_WORK_MEM_KB (2 * KB_PER_GB)
#define HUGE_PAGES_FROM_KB (2 * KB_PER_GB)
/* max_worker_processes PostgreSQL assumes when PGTune sets none. */
#define DEFAULT_WORKER_PROCESSES INT64_C(8)
/* Parallel workers per gather and for maintenance: at most 4 ("no clear
 * evidence" of gains beyond), per gather unlimited for dw. */
#define PARALLEL_WORKERS_CAP INT64_C(4)

/* PGTune's formula, within PostgreSQL's maximum for the setting. */
static int64_t
at_most(int64_t value, int64_t max)
{
	return value > max ? max : value;
}

int64_t
ecap__pgtune_default_connections(int32_t workload)
{
	return workloads[workload - 1].connections;
}

static int64_t
wal_buffers_kb(int64_t shared_buffers_kb)
{
	int64_t kb = shared_buffers_kb * 3 / 100;

	if (kb > WAL_BUFFERS_MAX_KB)
		kb = WAL_BUFFERS_MAX_KB;
	if (kb > WAL_BUFFERS_NEAR_KB && kb < WAL_BUFFERS_MAX_KB)
		kb = WAL_BUFFERS_MAX_KB;
	if (kb < WAL_BUFFERS_MIN_KB)
		kb = WAL_BUFFERS_MIN_KB;
	return kb;
}

/* hdd 2, ssd 200, san 300, nvme 1000 (Linux only in PGTune). */
static int64_t
io_concurrency(int32_t storage)
{
	switch (storage) {
	case ECAP_DATABASE_STORAGE_HDD:
		return 2;
	case ECAP_DATABASE_STORAGE_SAN:
		return 300;
	case ECAP_DATABASE_STORAGE_NVME:
		return 1000;
	default:
		return 200;
	}
}

/* The parallel settings PGTune writes with 4 or more CPUs. */
static void
parallel_settings(const struct ecap__pgtune_in *in,
		  struct ecap_database_out *out)
{
	int64_t half = (in->cpus + 1) / 2;	/* ecap__ceil(cpus / 2) */

	if (in->cpus < 4)
		return;
	out->max_worker_processes_count = in->cpus;
	out->max_parallel_workers_per_gather_count = at_most(
		in->workload != ECAP_DATABASE_WORKLOAD_DW &&
				half > PARALLEL_WORKERS_CAP ?
			PARALLEL_WORKERS_CAP :
			half, ECAP_PG_PARALLEL_WORKER_LIMIT);
	if (in->version >= 10)
		out->max_parallel_workers_count =
			at_most(in->cpus, ECAP_PG_PARALLEL_WORKER_LIMIT);
	if (in->version >= 11)
		out->max_parallel_maintenance_workers_count =
			half > PARALLEL_WORKERS_CAP ? PARALLEL_WORKERS_CAP : half;
}

/*
 * work_mem = (RAM - shared_buffers) / ((max_connections +
 * max_worker_processes) * 3), divided by the workload's factor, floored,
 * at least 4 MB.  max_worker_processes is the CPU count when the parallel
 * settings apply, otherwise PostgreSQL's default of 8.
 */
static int64_t
work_mem_kb(const struct ecap__pgtune_in *in,
	    const struct ecap_database_out *out)
{
	int64_t workers = out->max_worker_processes_count > 0 ?
				  out->max_worker_processes_count :
				  DEFAULT_WORKER_PROCESSES;
	double share = (double)(in->memory_kb - out->shared_buffers_kb) /
		       (double)((out->max_connections_count + workers) * 3);
	int64_t kb = ecap__floor_int64(share /
				    workloads[in->workload - 1].work_mem_div);

	return kb < WORK_MEM_MIN_KB ? WORK_MEM_MIN_KB :
				      at_most(kb, ECAP_PG_MAX_KILOBYTES);
}

/*
 * The settings PGTune added in 2026: autovacuum workers for big machines
 * (PostgreSQL's default is 3), autovacuum_work_mem capped at 2 GB once
 * maintenance_work_mem reaches it (3-5 workers at 8 GB each risk the OOM
 * killer), huge pages, JIT off for short queries, WAL compression, and a
 * desktop's minimal WAL.
 */
static void
named_settings(const struct ecap__pgtune_in *in, struct ecap_database_out *out)
{
	bool short_queries = in->workload == ECAP_DATABASE_WORKLOAD_WEB ||
			     in->workload == ECAP_DATABASE_WORKLOAD_OLTP ||
			     in->workload == ECAP_DATABASE_WORKLOAD_MIXED;

	out->autovacuum_max_workers_count = in->cpus >= 32 ? 5 :
					    in->cpus >= 16 ? 4 : 0;
	out->autovacuum_work_mem_kb =
		out->maintenance_work_mem_kb >= AUTOVACUUM_WORK_MEM_KB ?
			AUTOVACUUM_WORK_MEM_KB : 0;
	ecap__strlcpy(out->huge_pages,
		      out->shared_buffers_kb >= HUGE_PAGES_FROM_KB ? "try" : "off",
		      sizeof(out->huge_pages));
	ecap__strlcpy(out->jit, short_queries && in->version >= 12 ? "off" : "",
		      sizeof(out->jit));
	ecap__strlcpy(out->wal_compression,
		      in->version >= 15 ? "lz4" : in->version >= 10 ? "on" : "",
		      sizeof(out->wal_compression));
	ecap__strlcpy(out->wal_level,
		      in->workload == ECAP_DATABASE_WORKLOAD_DESKTOP ? "minimal" : "",
		      sizeof(out->wal_level));
}

void
ecap__pgtune(const struct ecap__pgtune_in *in, struct ecap_database_out *out)
{
	const struct workload_rules *w = &workloads[in->workload - 1];

	out->max_connections_count = in->connections > 0 ? in->connections :
							   w->connections;
	/* Past its maximum (a machine over 32 TiB) the rest of the RAM is
	 * left to the OS cache and to work_mem's share. */
	out->shared_buffers_kb = at_most(in->memory_kb / w->buffers_div,
					 ECAP_PG_SHARED_BUFFERS_MAX_KB);
	out->effective_cache_size_kb =
		at_most(in->memory_kb * w->cache_num / w->cache_den,
			ECAP_PG_EFFECTIVE_CACHE_SIZE_MAX_KB);
	out->maintenance_work_mem_kb = in->memory_kb / w->maintenance_div;
	if (out->maintenance_work_mem_kb >= MAINTENANCE_CAP_KB)
		out->maintenance_work_mem_kb = MAINTENANCE_CAP_KB;
	/* 0.9 "based on postgres commit bbcc4eb2" (PostgreSQL 14's default). */
	out->checkpoint_completion_target_ratio = 0.9;
	out->wal_buffers_kb = wal_buffers_kb(out->shared_buffers_kb);
	out->min_wal_size_mb = w->min_wal_mb;
	out->max_wal_size_mb = w->max_wal_mb;
	out->random_page_cost = in->storage == ECAP_DATABASE_STORAGE_HDD ? 4.0 :
									   1.1;
	out->effective_io_concurrency_count = io_concurrency(in->storage);
	out->default_statistics_target_count = w->statistics;
	out->max_worker_processes_count = 0;
	out->max_parallel_workers_per_gather_count = 0;
	out->max_parallel_workers_count = 0;
	out->max_parallel_maintenance_workers_count = 0;
	parallel_settings(in, out);
	out->work_mem_kb = work_mem_kb(in, out);
	named_settings(in, out);
}
