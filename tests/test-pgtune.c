/* SPDX-License-Identifier: MIT */
/*
 * PGTune's parameters through ecap_database_advise_shape, their
 * postgresql.conf and RDS parameter group renderings, and the ecap-1
 * advice's parameters on its class.
 *
 * Every expectation is computed by hand from PGTune's rules
 * (le0pard/pgtune, src/features/configuration/configurationSlice.js at
 * commit 01bb6447, Linux), with the formula beside it.  RAM is in kB:
 * 1 GB = 1048576 kB.
 */
#include <stdint.h>
#include <stdio.h>

#include "fixture.h"

static struct ecap_database_shape_in in;
static struct ecap_database_out out;

static void
setup(void)
{
	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	policy_setup();
}

static void
shape(double memory_gb, int64_t vcpus, int32_t workload, int32_t storage)
{
	in.memory_gb = memory_gb;
	in.vcpu_count = vcpus;
	in.workload = workload;
	in.storage_type = storage;
	ck_assert_msg(ecap_database_advise_shape(p, &in, &out, &err) == 0, "%s",
		      err.message);
	ck_assert_int_eq(out.reason, ECAP_DATABASE_REASON_SHAPE_GIVEN);
}

/* PGTune: web, 16 GB, 4 CPUs, SSD, PostgreSQL 17 (the policy's). */
START_TEST(web_16gb_4cpu)
{
	shape(16, 4, ECAP_DATABASE_WORKLOAD_WEB, ECAP_DATABASE_STORAGE_SSD);
	/* web: 200 connections when none is given */
	ck_assert_int_eq(out.max_connections_count, 200);
	/* RAM / 4 = 16777216 / 4 = 4194304 kB (4GB) */
	ck_assert_int_eq(out.shared_buffers_kb, 4194304);
	/* RAM * 3 / 4 = 12582912 kB (12GB) */
	ck_assert_int_eq(out.effective_cache_size_kb, 12582912);
	/* RAM / 16 = 1048576 kB (1GB), under the 8 GB cap */
	ck_assert_int_eq(out.maintenance_work_mem_kb, 1048576);
	/* 0.9 (PostgreSQL commit bbcc4eb2) */
	ck_assert_double_near(out.checkpoint_completion_target_ratio, 0.9);
	/* 3 % of 4194304 = 125829 kB, above 16 MB -> 16384 kB */
	ck_assert_int_eq(out.wal_buffers_kb, 16384);
	/* web: 1024 MB / 4096 MB */
	ck_assert_int_eq(out.min_wal_size_mb, 1024);
	ck_assert_int_eq(out.max_wal_size_mb, 4096);
	/* ssd: 1.1 and 200; web: 100 */
	ck_assert_double_near(out.random_page_cost, 1.1);
	ck_assert_int_eq(out.effective_io_concurrency_count, 200);
	ck_assert_int_eq(out.default_statistics_target_count, 100);
	/* 4 CPUs: workers 4, per gather ceil(4 / 2) = 2, parallel 4 (>= 10),
	 * maintenance min(2, 4) = 2 (>= 11) */
	ck_assert_int_eq(out.max_worker_processes_count, 4);
	ck_assert_int_eq(out.max_parallel_workers_per_gather_count, 2);
	ck_assert_int_eq(out.max_parallel_workers_count, 4);
	ck_assert_int_eq(out.max_parallel_maintenance_workers_count, 2);
	/* (16777216 - 4194304) / ((200 + 4) * 3) = 12582912 / 612
	 * = 20560.31 -> 20560 kB (web: / 1) */
	ck_assert_int_eq(out.work_mem_kb, 20560);
	/* shared_buffers 4 GB >= 2 GB: huge_pages try; web on 17: jit off;
	 * 17 >= 15: wal_compression lz4; 4 CPUs < 16: no autovacuum
	 * workers; maintenance 1 GB < 2 GB: no autovacuum_work_mem */
	ck_assert_str_eq(out.huge_pages, "try");
	ck_assert_str_eq(out.jit, "off");
	ck_assert_str_eq(out.wal_compression, "lz4");
	ck_assert_int_eq(out.autovacuum_max_workers_count, 0);
	ck_assert_int_eq(out.autovacuum_work_mem_kb, 0);
	ck_assert_str_eq(out.wal_level, "");
}
END_TEST

/* PGTune: dw, 64 GB, 16 CPUs. */
START_TEST(dw_64gb_16cpu)
{
	shape(64, 16, ECAP_DATABASE_WORKLOAD_DW, ECAP_DATABASE_STORAGE_SSD);
	/* dw: 40 connections */
	ck_assert_int_eq(out.max_connections_count, 40);
	/* 67108864 / 4 = 16777216 kB (16GB); * 3 / 4 = 50331648 (48GB) */
	ck_assert_int_eq(out.shared_buffers_kb, 16777216);
	ck_assert_int_eq(out.effective_cache_size_kb, 50331648);
	/* dw: RAM / 8 = 8388608 kB, at the 8 GB cap -> 8388608 */
	ck_assert_int_eq(out.maintenance_work_mem_kb, 8388608);
	ck_assert_int_eq(out.wal_buffers_kb, 16384);
	/* dw: 4096 MB / 16384 MB, statistics 500 */
	ck_assert_int_eq(out.min_wal_size_mb, 4096);
	ck_assert_int_eq(out.max_wal_size_mb, 16384);
	ck_assert_int_eq(out.default_statistics_target_count, 500);
	/* 16 CPUs: per gather ceil(16 / 2) = 8 (dw: no cap of 4);
	 * maintenance min(8, 4) = 4 */
	ck_assert_int_eq(out.max_worker_processes_count, 16);
	ck_assert_int_eq(out.max_parallel_workers_per_gather_count, 8);
	ck_assert_int_eq(out.max_parallel_workers_count, 16);
	ck_assert_int_eq(out.max_parallel_maintenance_workers_count, 4);
	/* (67108864 - 16777216) / ((40 + 16) * 3) = 50331648 / 168
	 * = 299593.14; dw: / 2 = 149796.57 -> 149796 kB */
	ck_assert_int_eq(out.work_mem_kb, 149796);
	/* 16 CPUs: 4 autovacuum workers; maintenance 8 GB >= 2 GB:
	 * autovacuum_work_mem 2 GB; dw: jit left alone */
	ck_assert_int_eq(out.autovacuum_max_workers_count, 4);
	ck_assert_int_eq(out.autovacuum_work_mem_kb, 2097152);
	ck_assert_str_eq(out.jit, "");
	ck_assert_str_eq(out.huge_pages, "try");
}
END_TEST

/* PGTune: oltp, 32 GB, 8 CPUs. */
START_TEST(oltp_32gb_8cpu)
{
	shape(32, 8, ECAP_DATABASE_WORKLOAD_OLTP, ECAP_DATABASE_STORAGE_SSD);
	/* oltp: 300 connections */
	ck_assert_int_eq(out.max_connections_count, 300);
	/* 33554432 / 4 = 8388608 (8GB); * 3 / 4 = 25165824 (24GB) */
	ck_assert_int_eq(out.shared_buffers_kb, 8388608);
	ck_assert_int_eq(out.effective_cache_size_kb, 25165824);
	/* / 16 = 2097152 kB (2GB) */
	ck_assert_int_eq(out.maintenance_work_mem_kb, 2097152);
	/* oltp: 2048 MB / 8192 MB */
	ck_assert_int_eq(out.min_wal_size_mb, 2048);
	ck_assert_int_eq(out.max_wal_size_mb, 8192);
	/* 8 CPUs: per gather ceil(8 / 2) = 4, maintenance 4 */
	ck_assert_int_eq(out.max_parallel_workers_per_gather_count, 4);
	ck_assert_int_eq(out.max_parallel_maintenance_workers_count, 4);
	/* (33554432 - 8388608) / ((300 + 8) * 3) = 25165824 / 924
	 * = 27235.74 -> 27235 kB */
	ck_assert_int_eq(out.work_mem_kb, 27235);
}
END_TEST

/* PGTune: mixed, 8 GB, 2 CPUs (below 4: no parallel settings). */
START_TEST(mixed_8gb)
{
	shape(8, 2, ECAP_DATABASE_WORKLOAD_MIXED, ECAP_DATABASE_STORAGE_SSD);
	/* mixed: 100 connections */
	ck_assert_int_eq(out.max_connections_count, 100);
	/* 8388608 / 4 = 2097152 (2GB); * 3 / 4 = 6291456 (6GB);
	 * / 16 = 524288 (512MB) */
	ck_assert_int_eq(out.shared_buffers_kb, 2097152);
	ck_assert_int_eq(out.effective_cache_size_kb, 6291456);
	ck_assert_int_eq(out.maintenance_work_mem_kb, 524288);
	/* 3 % of 2097152 = 62914 kB -> 16384 */
	ck_assert_int_eq(out.wal_buffers_kb, 16384);
	ck_assert_int_eq(out.min_wal_size_mb, 1024);
	ck_assert_int_eq(out.max_wal_size_mb, 4096);
	ck_assert_int_eq(out.max_worker_processes_count, 0);
	ck_assert_int_eq(out.max_parallel_workers_per_gather_count, 0);
	/* (8388608 - 2097152) / ((100 + 8 default workers) * 3) = 6291456 /
	 * 324 = 19418.07; mixed: / 2 = 9709.04 -> 9709 kB */
	ck_assert_int_eq(out.work_mem_kb, 9709);
	/* shared_buffers exactly 2 GB: huge_pages try; mixed: jit off */
	ck_assert_str_eq(out.huge_pages, "try");
	ck_assert_str_eq(out.jit, "off");
}
END_TEST

/* More shapes: desktop on HDD, a big web server on NVMe with PostgreSQL
 * 10, the 4 MB floor, the wal_buffers roundings. */
START_TEST(more_shapes)
{
	/* desktop 4 GB, 2 CPUs, hdd */
	shape(4, 2, ECAP_DATABASE_WORKLOAD_DESKTOP, ECAP_DATABASE_STORAGE_HDD);
	/* desktop: 20 connections; RAM / 16 = 262144 (256MB); RAM / 4 =
	 * 1048576 (1GB); RAM / 16 = 262144 */
	ck_assert_int_eq(out.max_connections_count, 20);
	ck_assert_int_eq(out.shared_buffers_kb, 262144);
	ck_assert_int_eq(out.effective_cache_size_kb, 1048576);
	ck_assert_int_eq(out.maintenance_work_mem_kb, 262144);
	/* 3 % of 262144 = 7864.32 -> 7864 kB */
	ck_assert_int_eq(out.wal_buffers_kb, 7864);
	/* desktop: 100 MB / 2048 MB; hdd: 4 and 2 */
	ck_assert_int_eq(out.min_wal_size_mb, 100);
	ck_assert_int_eq(out.max_wal_size_mb, 2048);
	ck_assert_double_near(out.random_page_cost, 4.0);
	ck_assert_int_eq(out.effective_io_concurrency_count, 2);
	/* (4194304 - 262144) / ((20 + 8) * 3) = 3932160 / 84 = 46811.43;
	 * desktop: / 6 = 7801.9 -> 7801 kB */
	ck_assert_int_eq(out.work_mem_kb, 7801);
	/* desktop: minimal WAL; 256 MB of buffers: huge_pages off */
	ck_assert_str_eq(out.wal_level, "minimal");
	ck_assert_str_eq(out.huge_pages, "off");
	ck_assert_str_eq(out.jit, "");

	/* web 256 GB, 64 CPUs, nvme, PostgreSQL 10 */
	in.postgres_version = 10;
	shape(256, 64, ECAP_DATABASE_WORKLOAD_WEB, ECAP_DATABASE_STORAGE_NVME);
	/* 268435456 / 4 = 67108864 (64GB); / 16 = 16777216 -> 8 GB cap */
	ck_assert_int_eq(out.shared_buffers_kb, 67108864);
	ck_assert_int_eq(out.maintenance_work_mem_kb, 8388608);
	/* nvme: 1.1 and 1000 */
	ck_assert_double_near(out.random_page_cost, 1.1);
	ck_assert_int_eq(out.effective_io_concurrency_count, 1000);
	/* 64 CPUs: per gather ceil(32) = 32 -> 4 (web); parallel 64 (>= 10);
	 * no maintenance workers before 11 */
	ck_assert_int_eq(out.max_parallel_workers_per_gather_count, 4);
	ck_assert_int_eq(out.max_parallel_workers_count, 64);
	ck_assert_int_eq(out.max_parallel_maintenance_workers_count, 0);
	/* (268435456 - 67108864) / ((200 + 64) * 3) = 201326592 / 792
	 * = 254200.24 -> 254200 kB */
	ck_assert_int_eq(out.work_mem_kb, 254200);
	/* 64 CPUs >= 32: 5 autovacuum workers; PostgreSQL 10: wal_compression
	 * on, no jit setting (before 12) */
	ck_assert_int_eq(out.autovacuum_max_workers_count, 5);
	ck_assert_int_eq(out.autovacuum_work_mem_kb, 2097152);
	ck_assert_str_eq(out.wal_compression, "on");
	ck_assert_str_eq(out.jit, "");
	in.postgres_version = 0;

	/* PGTune's own case: web 4 GB, 9999 connections, 4 CPUs:
	 * (4194304 - 1048576) / ((9999 + 4) * 3) = 104.8 kB -> 4 MB floor */
	in.max_connections_count = 9999;
	shape(4, 4, ECAP_DATABASE_WORKLOAD_WEB, ECAP_DATABASE_STORAGE_SAN);
	ck_assert_int_eq(out.max_connections_count, 9999);
	ck_assert_int_eq(out.work_mem_kb, 4096);
	/* san: 1.1 and 300 */
	ck_assert_double_near(out.random_page_cost, 1.1);
	ck_assert_int_eq(out.effective_io_concurrency_count, 300);
	in.max_connections_count = 0;

	/* 2000 MB (2048000 kB): shared_buffers 512000, 3 % = 15360 kB,
	 * between 14 MB and 16 MB -> rounded up to 16384 */
	shape(2000.0 / 1024.0, 2, ECAP_DATABASE_WORKLOAD_WEB,
	      ECAP_DATABASE_STORAGE_SSD);
	ck_assert_int_eq(out.shared_buffers_kb, 512000);
	ck_assert_int_eq(out.wal_buffers_kb, 16384);
	/* desktop 256 MB: shared_buffers 262144 / 16 = 16384, 3 % = 491 */
	shape(0.25, 1, ECAP_DATABASE_WORKLOAD_DESKTOP, ECAP_DATABASE_STORAGE_SSD);
	ck_assert_int_eq(out.wal_buffers_kb, 491);
	/* desktop 16 MB: 16384 / 16 = 1024, 3 % = 30 kB -> 32 kB least */
	shape(16.0 / 1024.0, 1, ECAP_DATABASE_WORKLOAD_DESKTOP,
	      ECAP_DATABASE_STORAGE_SSD);
	ck_assert_int_eq(out.wal_buffers_kb, 32);
}
END_TEST

/* postgresql.conf: PGTune's units and order. */
START_TEST(postgresql_conf)
{
	static const char *const want[][2] = {
		{ "max_connections", "200" },
		{ "shared_buffers", "4GB" },
		{ "effective_cache_size", "12GB" },
		{ "maintenance_work_mem", "1GB" },
		{ "checkpoint_completion_target", "0.9" },
		{ "wal_buffers", "16MB" },
		{ "default_statistics_target", "100" },
		{ "random_page_cost", "1.1" },
		{ "effective_io_concurrency", "200" },
		{ "work_mem", "20560kB" },
		{ "min_wal_size", "1GB" },
		{ "max_wal_size", "4GB" },
		{ "max_worker_processes", "4" },
		{ "max_parallel_workers_per_gather", "2" },
		{ "max_parallel_workers", "4" },
		{ "max_parallel_maintenance_workers", "2" },
		{ "huge_pages", "try" },
		{ "jit", "off" },
		{ "wal_compression", "lz4" },
	};
	struct ecap_property props[24];
	size_t i, n = 24;

	for (i = 0; i < 24; i++)
		ECAP_STRUCT_INIT(&props[i]);
	shape(16, 4, ECAP_DATABASE_WORKLOAD_WEB, ECAP_DATABASE_STORAGE_SSD);
	ck_assert_int_eq(ecap_database_properties(&out, props, &n, &err), 0);
	ck_assert_uint_eq(n, 19);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(props[i].key, want[i][0]);
		ck_assert_str_eq(props[i].value, want[i][1]);
	}
	/* too small an array: NOSPACE with the count needed */
	n = 2;
	ck_assert_err(ecap_database_properties(&out, props, &n, &err),
		      ECAP_ERR_NOSPACE, err, "count");
	ck_assert_uint_eq(n, 19);
	/* desktop: wal_level minimal and max_wal_senders 0 at the end */
	shape(4, 2, ECAP_DATABASE_WORKLOAD_DESKTOP, ECAP_DATABASE_STORAGE_HDD);
	n = 24;
	ck_assert_int_eq(ecap_database_properties(&out, props, &n, &err), 0);
	ck_assert_str_eq(props[n - 2].key, "wal_level");
	ck_assert_str_eq(props[n - 2].value, "minimal");
	ck_assert_str_eq(props[n - 1].key, "max_wal_senders");
	ck_assert_str_eq(props[n - 1].value, "0");
	/* an edited advice must still be valid PostgreSQL */
	out.wal_buffers_kb = 0;
	ck_assert_err(ecap_database_properties(&out, props, &n, &err),
		      ECAP_ERR_RANGE, err, "wal_buffers_kb");
	out.wal_buffers_kb = 32;
	snprintf(out.jit, sizeof(out.jit), "maybe");
	ck_assert_err(ecap_database_properties(&out, props, &n, &err),
		      ECAP_ERR_INVALID, err, "jit");
	memset(out.jit, 'x', sizeof(out.jit));
	ck_assert_err(ecap_database_properties(&out, props, &n, &err),
		      ECAP_ERR_INVALID, err, "jit");
}
END_TEST

/* The RDS parameter group: formulas where RDS takes them, with their
 * value on the class and RDS's unit. */
START_TEST(rds_group)
{
	static const char *const want[][4] = {
		{ "max_connections", "200", "200", "" },
		/* 4GB = 524288 pages of 8kB; bytes / 32768 = RAM / 4 */
		{ "shared_buffers", "{DBInstanceClassMemory/32768}", "524288", "8kB" },
		/* 12GB = 1572864 pages; bytes * 3 / 32768 */
		{ "effective_cache_size", "{DBInstanceClassMemory*3/32768}",
		  "1572864", "8kB" },
		/* bytes / 16384 = RAM / 16 in kB, at most 8 GB */
		{ "maintenance_work_mem",
		  "LEAST({DBInstanceClassMemory/16384},8388608)", "1048576", "kB" },
		{ "checkpoint_completion_target", "0.9", "0.9", "" },
		/* 16MB = 2048 pages */
		{ "wal_buffers", "2048", "2048", "8kB" },
		{ "default_statistics_target", "100", "100", "" },
		{ "random_page_cost", "1.1", "1.1", "" },
		{ "effective_io_concurrency", "200", "200", "" },
		/* RAM * 3/4 / ((200 + 4) * 3) = bytes / (4096 * 204)
		 * = 17179869184 / 835584 = 20560.3 -> 20560 kB */
		{ "work_mem", "GREATEST({DBInstanceClassMemory/835584},4096)",
		  "20560", "kB" },
		{ "min_wal_size", "1024", "1024", "MB" },
		{ "max_wal_size", "4096", "4096", "MB" },
		{ "max_worker_processes", "4", "4", "" },
		{ "max_parallel_workers_per_gather", "2", "2", "" },
		{ "max_parallel_workers", "4", "4", "" },
		{ "max_parallel_maintenance_workers", "2", "2", "" },
		/* huge_pages is RDS's own */
		{ "jit", "off", "off", "" },
		{ "wal_compression", "lz4", "lz4", "" },
	};
	struct ecap_database_rds_parameter g[24];
	size_t i, n = 24;

	for (i = 0; i < 24; i++)
		ECAP_STRUCT_INIT(&g[i]);
	shape(16, 4, ECAP_DATABASE_WORKLOAD_WEB, ECAP_DATABASE_STORAGE_SSD);
	ck_assert_int_eq(ecap_database_rds_parameters(&out, g, &n, &err), 0);
	ck_assert_uint_eq(n, 18);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(g[i].name, want[i][0]);
		ck_assert_str_eq(g[i].value, want[i][1]);
		ck_assert_str_eq(g[i].evaluated, want[i][2]);
		ck_assert_str_eq(g[i].unit, want[i][3]);
	}
	/* dw 256 GB, 16 CPUs: maintenance capped, formula still holds:
	 * LEAST(bytes / 8192, 8388608) = LEAST(33554432, 8388608) */
	shape(256, 16, ECAP_DATABASE_WORKLOAD_DW, ECAP_DATABASE_STORAGE_SSD);
	n = 24;
	ck_assert_int_eq(ecap_database_rds_parameters(&out, g, &n, &err), 0);
	ck_assert_str_eq(g[3].value, "LEAST({DBInstanceClassMemory/8192},8388608)");
	ck_assert_str_eq(g[3].evaluated, "8388608");
	/* work_mem: bytes / (4096 * (40 + 16) * 2) = 274877906944 / 458752
	 * = 599186.3 -> 599186 kB */
	ck_assert_str_eq(g[9].value,
			 "GREATEST({DBInstanceClassMemory/458752},4096)");
	ck_assert_str_eq(g[9].evaluated, "599186");
	ck_assert_int_eq(out.work_mem_kb, 599186);
	/* dw, 16 CPUs: 16 + wal_compression + autovacuum_max_workers 4 +
	 * autovacuum_work_mem 2 GB in kB (no jit for dw) = 19 parameters */
	ck_assert_uint_eq(n, 19);
	ck_assert_str_eq(g[16].name, "wal_compression");
	ck_assert_str_eq(g[17].name, "autovacuum_max_workers");
	ck_assert_str_eq(g[17].value, "4");
	ck_assert_str_eq(g[18].name, "autovacuum_work_mem");
	ck_assert_str_eq(g[18].value, "2097152");
	ck_assert_str_eq(g[18].unit, "kB");
	/* 2 CPUs: no parallel settings, 12 + jit + wal_compression = 14
	 * parameters; too small an array */
	shape(8, 2, ECAP_DATABASE_WORKLOAD_WEB, ECAP_DATABASE_STORAGE_SSD);
	n = 2;
	ck_assert_err(ecap_database_rds_parameters(&out, g, &n, &err),
		      ECAP_ERR_NOSPACE, err, "count");
	ck_assert_uint_eq(n, 14);
	/* guide-style numbers that no formula gives stay numbers */
	out.maintenance_work_mem_kb = 262144;
	n = 24;
	ck_assert_int_eq(ecap_database_rds_parameters(&out, g, &n, &err), 0);
	ck_assert_str_eq(g[3].value, "262144");
}
END_TEST

/* ecap-1's advice carries PGTune's parameters for its class. */
START_TEST(advice_on_its_class)
{
	struct ecap_database_in a;
	struct ecap_database_out b;

	ECAP_STRUCT_INIT(&a);
	ECAP_STRUCT_INIT(&b);
	a.transactions_per_day = 1e7;
	ck_assert_int_eq(ecap_database_advise(p, &a, &b, &err), 0);
	/* the same as PGTune for the class's RAM and vCPUs, oltp, ssd and
	 * the connections the pools need (303) */
	ck_assert_int_eq(b.max_connections_count, 303);
	in.max_connections_count = 303;
	shape(b.instance_memory_gb, b.instance_vcpus,
	      ECAP_DATABASE_WORKLOAD_OLTP, ECAP_DATABASE_STORAGE_SSD);
	ck_assert_int_eq(b.workload, ECAP_DATABASE_WORKLOAD_OLTP);
	ck_assert_int_eq(b.shared_buffers_kb, out.shared_buffers_kb);
	ck_assert_int_eq(b.work_mem_kb, out.work_mem_kb);
	ck_assert_int_eq(b.maintenance_work_mem_kb, out.maintenance_work_mem_kb);
	ck_assert_int_eq(b.max_parallel_workers_count,
			 out.max_parallel_workers_count);
	/* the guide model of the shape entry point is PGTune too */
	in.max_connections_count = 0;
	use_model("guide");
	shape(16, 4, ECAP_DATABASE_WORKLOAD_WEB, ECAP_DATABASE_STORAGE_SSD);
	ck_assert_int_eq(out.work_mem_kb, 20560);
}
END_TEST

/*
 * PGTune's formulas have no upper bound, PostgreSQL's settings do
 * (src/backend/utils/misc/guc_tables.c): shared_buffers at most INT_MAX / 2
 * buffers of 8 kB, effective_cache_size INT_MAX pages, work_mem
 * MAX_KILOBYTES (INT_MAX kB on 64-bit Linux), the parallel worker counts
 * MAX_PARALLEL_WORKER_LIMIT (1024).  A setting past its maximum stops the
 * server ("outside the valid range for parameter"), so the advice stops at
 * it; the shapes are within what advise_shape accepts (1 PiB, 65536
 * vCPUs).
 */
START_TEST(postgresql_maxima)
{
	struct ecap_property props[40];
	size_t i, n = 40;

	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&props[i]);
	/*
	 * 64 TiB = 65536 GB, web: shared_buffers RAM / 4 = 16 TiB passes
	 * 1073741823 x 8 kB = 8589934584 kB (8 TiB - 8 kB);
	 * effective_cache_size RAM x 3 / 4 = 48 TiB passes 2147483647 x 8 kB
	 * = 17179869176 kB.  1 connection: work_mem (64 TiB - 8 TiB) / ((1 +
	 * 8) x 3) kB passes 2147483647 kB.
	 */
	in.max_connections_count = 1;
	shape(65536, 2, ECAP_DATABASE_WORKLOAD_WEB, ECAP_DATABASE_STORAGE_SSD);
	ck_assert_int_eq(out.shared_buffers_kb, INT64_C(8589934584));
	ck_assert_int_eq(out.effective_cache_size_kb, INT64_C(17179869176));
	ck_assert_int_eq(out.work_mem_kb, INT64_C(2147483647));
	ck_assert_int_eq(ecap_database_properties(&out, props, &n, &err), 0);
	/*
	 * 2048 vCPUs, dw: max_parallel_workers = CPUs = 2048 and
	 * per_gather = ceil(2048 / 2) = 1024 (dw is not capped at 4): the
	 * first passes 1024; max_worker_processes 2048 is within 262143.
	 */
	in.max_connections_count = 0;
	shape(64, 2048, ECAP_DATABASE_WORKLOAD_DW, ECAP_DATABASE_STORAGE_SSD);
	ck_assert_int_eq(out.max_worker_processes_count, 2048);
	ck_assert_int_eq(out.max_parallel_workers_count, 1024);
	ck_assert_int_eq(out.max_parallel_workers_per_gather_count, 1024);
	n = 40;
	ck_assert_msg(ecap_database_properties(&out, props, &n, &err) == 0,
		      "%s", err.message);
	/* An advice edited past a maximum is refused, not rendered. */
	out.shared_buffers_kb = INT64_C(8589934584) + 8;
	n = 40;
	ck_assert_err(ecap_database_properties(&out, props, &n, &err),
		      ECAP_ERR_RANGE, err, "shared_buffers_kb");
}
END_TEST

START_TEST(bad_shapes)
{
	in.memory_gb = 0;
	in.vcpu_count = 4;
	ck_assert_err(ecap_database_advise_shape(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "memory_gb");
	in.memory_gb = NAN;
	ck_assert_err(ecap_database_advise_shape(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "memory_gb");
	in.memory_gb = 1e-9;
	ck_assert_err(ecap_database_advise_shape(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "memory_gb");
	/*
	 * 8 MB: maintenance_work_mem RAM / 16 = 8192 / 16 = 512 kB, below
	 * PostgreSQL's 1 MB minimum (and desktop's shared_buffers RAM / 16
	 * below its 128 kB from 2 MB): no valid answer, refused.  16 MB =
	 * 16384 kB gives 1024 kB, and every workload renders.
	 */
	in.memory_gb = 8.0 / 1024.0;
	ck_assert_err(ecap_database_advise_shape(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "memory_gb");
	for (in.workload = 1; in.workload <= 5; in.workload++) {
		struct ecap_property props[40];
		size_t i, n = 40;

		for (i = 0; i < n; i++)
			ECAP_STRUCT_INIT(&props[i]);
		in.memory_gb = 16.0 / 1024.0;
		ck_assert_int_eq(ecap_database_advise_shape(p, &in, &out, &err),
				 0);
		ck_assert_int_ge(out.maintenance_work_mem_kb, 1024);
		ck_assert_msg(ecap_database_properties(&out, props, &n,
						       &err) == 0,
			      "workload %d: %s", (int)in.workload, err.message);
	}
	in.workload = 0;
	in.memory_gb = 16;
	in.vcpu_count = 0;
	ck_assert_err(ecap_database_advise_shape(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "vcpu_count");
	in.vcpu_count = 4;
	in.workload = 7;
	ck_assert_err(ecap_database_advise_shape(p, &in, &out, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "workload");
	in.workload = 0;
	ck_assert_err(ecap_database_advise_shape(NULL, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_database_advise_shape(p, NULL, &out, &err),
		      ECAP_ERR_INVALID, err, "ecap_database_shape_in");
	ck_assert_int_eq(ecap_database_advise_shape(p, &in, &out, &err), 0);
	/* the policy's workload (oltp) and pools: 300 vs 297 */
	ck_assert_int_eq(out.workload, ECAP_DATABASE_WORKLOAD_OLTP);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_POOL_EXHAUSTION);
}
END_TEST

Suite *
pgtune_suite(void)
{
	Suite *s = suite_create("pgtune");
	TCase *tc = tcase_create("pgtune");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, web_16gb_4cpu);
	tcase_add_test(tc, dw_64gb_16cpu);
	tcase_add_test(tc, oltp_32gb_8cpu);
	tcase_add_test(tc, mixed_8gb);
	tcase_add_test(tc, more_shapes);
	tcase_add_test(tc, postgresql_conf);
	tcase_add_test(tc, rds_group);
	tcase_add_test(tc, advice_on_its_class);
	tcase_add_test(tc, postgresql_maxima);
	tcase_add_test(tc, bad_shapes);
	suite_add_tcase(s, tc);
	return s;
}
