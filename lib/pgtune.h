/* SPDX-License-Identifier: MIT */
/*
 * pgtune.h - PGTune's PostgreSQL parameters (pgtune.c).  Nothing here is
 * exported.
 */
#ifndef ECAP_PGTUNE_H
#define ECAP_PGTUNE_H

#include "internal.h"

/* PGTune's inputs, Linux (RDS runs PostgreSQL on Linux). */
struct ecap__pgtune_in {
	/* enum ecap_database_workload and enum ecap_database_storage. */
	int32_t workload;
	int32_t storage;
	/* PostgreSQL major version (10 .. 18). */
	int32_t version;
	/* Total RAM in kB. */
	int64_t memory_kb;
	/* vCPUs; 0 when unknown (no parallel settings). */
	int64_t cpus;
	/* max_connections; 0 = PGTune's default for the workload. */
	int64_t connections;
};

/* PGTune's max_connections when none is given: web 200, oltp 300, ... */
/*
 * PostgreSQL's maxima for the settings PGTune's formulas can pass on a
 * large machine (src/backend/utils/misc/guc_tables.c, 64-bit Linux):
 * shared_buffers INT_MAX / 2 buffers of 8 kB, effective_cache_size INT_MAX
 * pages of 8 kB, the memory settings in kB MAX_KILOBYTES (INT_MAX), the
 * parallel worker counts MAX_PARALLEL_WORKER_LIMIT.  Past one the server
 * refuses to start.
 */
#define ECAP_PG_SHARED_BUFFERS_MAX_KB (INT64_C(1073741823) * 8)
#define ECAP_PG_EFFECTIVE_CACHE_SIZE_MAX_KB (INT64_C(2147483647) * 8)
#define ECAP_PG_MAX_KILOBYTES INT64_C(2147483647)
#define ECAP_PG_PARALLEL_WORKER_LIMIT INT64_C(1024)

int64_t ecap__pgtune_default_connections(int32_t workload);

/* Fills out's parameter fields (max_connections .. wal_level) as PGTune
 * computes them; inputs already validated. */
void ecap__pgtune(const struct ecap__pgtune_in *in,
		  struct ecap_database_out *out);

#endif /* ECAP_PGTUNE_H */
