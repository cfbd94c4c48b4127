/* SPDX-License-Identifier: MIT */
/*
 * PostgreSQL sizing: the guide's calculate_database_resources number for
 * number; ecap-1's one primary from the RDS catalog, its storage, IOPS,
 * replicas and flags; monotonicity and cheapest choice over the shipped
 * catalog.  Sentences, names and bad input are in test-database-explain.c,
 * PGTune's parameters in test-pgtune.c.
 *
 * Prices in expectations come from the catalog entries the test reads or
 * sets, never from the shipped price list.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "database-fixture.h"

/* A test class: name, vCPUs, memory (GB), Single-AZ and Multi-AZ prices. */
struct test_class {
	const char *name;
	int32_t vcpus;
	double memory_gb, price, multi_az_price;
};

/* Replaces the database catalog with rows (storage $0.1/GB-month and
 * $0.01/IOPS-month for every row). */
static void
use_catalog(const struct test_class *rows, size_t n)
{
	struct ecap_catalog_entry e;
	size_t i, j;
	int keep;

	for (i = 0; i < n; i++) {
		ECAP_STRUCT_INIT(&e);
		e.catalog = ECAP_CATALOG_DATABASE;
		snprintf(e.name, sizeof(e.name), "%s", rows[i].name);
		snprintf(e.region, sizeof(e.region), "test-1");
		snprintf(e.price_date, sizeof(e.price_date), "2026-01-01");
		e.vcpu_count = rows[i].vcpus;
		e.memory_gb = rows[i].memory_gb;
		e.price_usd_per_hour = rows[i].price;
		e.multi_az_price_usd_per_hour = rows[i].multi_az_price;
		e.storage_usd_per_gb_month = 0.1;
		e.iops_usd_per_month = 0.01;
		ck_assert_msg(ecap_policy_catalog_set(p, &e, &err) == 0, "%s",
			      err.message);
	}
	for (i = ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE); i-- > 0;) {
		ECAP_STRUCT_INIT(&e);
		ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_DATABASE,
							i, &e, &err), 0);
		for (keep = 0, j = 0; j < n; j++)
			keep |= strcmp(e.name, rows[j].name) == 0;
		if (!keep)
			ck_assert_int_eq(ecap_policy_catalog_remove(
				p, ECAP_CATALOG_DATABASE, e.name, &err), 0);
	}
	ck_assert_uint_eq(ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE), n);
}

static void
set_int(const char *key, int64_t v)
{
	ck_assert_msg(ecap_policy_set_int64(p, key, v, &err) == 0, "%s",
		      err.message);
}

/* ---- guide ---- */

/*
 * The advisor zeroes what it does not write and writes the rest: an out
 * struct full of garbage gets the same bytes as a zeroed one, in both
 * models and over volumes that pick every guide class.
 */
START_TEST(dirty_out_same_answer)
{
	static const char *const models[] = { "guide", "ecap-1" };
	static const double volumes[] = { 1e3, 1e6, 3e7, 1e9 };
	struct ecap_database_out clean;
	size_t m, v;

	for (m = 0; m < 2; m++) {
		use_model(models[m]);
		for (v = 0; v < sizeof(volumes) / sizeof(volumes[0]); v++) {
			advise(volumes[v], 0);
			clean = out;
			memset((char *)&out + sizeof(out.sz), 0x5a,
			       sizeof(out) - sizeof(out.sz));
			advise(volumes[v], 0);
			ck_assert_msg(memcmp(&clean, &out, sizeof(out)) == 0,
				      "%s, %g a day", models[m], volumes[v]);
		}
	}
}
END_TEST

START_TEST(guide_one_million_a_day)
{
	use_model("guide");
	advise(1e6, 0);
	ck_assert_int_eq(out.model, ECAP_MODEL_GUIDE);
	/* guide: 1e6 * 2 * 1.3 / 1024 / 1024 = 2.47955322265625 GB a day */
	ck_assert_double_near(out.daily_storage_gb, 2.47955322265625);
	/* guide: * 365 days * 2 (analytics) = 1810.0738525390625 GB */
	ck_assert_double_near(out.data_storage_gb, 1810.0738525390625);
	/* guide: max(16, 1810.07 * 0.25) = 452.518463134765625 GB */
	ck_assert_double_near(out.memory_required_gb, 452.518463134765625);
	/* guide: 452.5 > 64 -> db.r6g.4xlarge, though it has 128 GB */
	ck_assert_str_eq(out.instance_class, "db.r6g.4xlarge");
	ck_assert_int_eq(out.reason, ECAP_DATABASE_REASON_GUIDE_UNDERSIZED);
	ck_assert_int_eq(out.fits_flag, 0);
	/* guide: int(1810.0738525390625 * 1.2) = int(2172.0886...) = 2172 */
	ck_assert_double_near(out.storage_gb, 2172.0);
	/* guide: 2.016 * 24 * 30 = 1451.52 (one instance) */
	ck_assert_double_near(out.cost_usd_per_month, 1451.52);
	ck_assert_msg(strstr(explain(), "above 64") != NULL, "%s", explain());
}
END_TEST

/*
 * The guide model keeps its own classes and prices whatever the catalog
 * says, and computes cost_per_hour * 24 * 30 left to right: Python's
 * 0.504 * 24 * 30 is 362.88.
 */
START_TEST(guide_ignores_the_catalog)
{
	static const struct test_class rows[] = {
		{ "db.r6g.xlarge", 4, 32.0, 0.1, 0.2 },
	};

	use_catalog(rows, 1);
	use_model("guide");
	/* guide: 1000 a day is far below 32 GB -> db.r6g.xlarge */
	advise(1000, 0);
	ck_assert_str_eq(out.instance_class, "db.r6g.xlarge");
	ck_assert(out.cost_usd_per_month == 0.504 * 24 * 30);
	ck_assert_double_near(out.cost_usd_per_month, 362.88);
	/* the guide's parameter group: 200 connections, 32 GB / 4, 256MB,
	 * 0.7, 16MB */
	ck_assert_int_eq(out.max_connections_count, 200);
	ck_assert_int_eq(out.shared_buffers_kb, 8388608);
	ck_assert_int_eq(out.maintenance_work_mem_kb, 262144);
	ck_assert_double_near(out.checkpoint_completion_target_ratio, 0.7);
	ck_assert_int_eq(out.wal_buffers_kb, 16384);
	/* (33554432 - 8388608) kB / ((200 + 4) * 3) = 41120.6 -> 41120 */
	ck_assert_int_eq(out.work_mem_kb, 41120);
	ck_assert_int_eq(out.min_wal_size_mb, 0);
	ck_assert_int_eq(out.flags, 0);
}
END_TEST

START_TEST(guide_small_volume_takes_the_minimum)
{
	use_model("guide");
	advise(10000, 0);
	/* guide: 10000 * 2.6 / 1048576 * 365 * 2 = 18.100738525390625 GB */
	ck_assert_double_near(out.data_storage_gb, 18.100738525390625);
	/* guide: max(16, 4.525) = 16 -> db.r6g.xlarge at 0.504 * 720 */
	ck_assert_double_near(out.memory_required_gb, 16.0);
	ck_assert_str_eq(out.instance_class, "db.r6g.xlarge");
	ck_assert_int_eq(out.reason, ECAP_DATABASE_REASON_GUIDE_THRESHOLD);
	ck_assert_double_near(out.cost_usd_per_month, 362.88);
	/* guide: int(21.72088623046875) = 21 */
	ck_assert_double_near(out.storage_gb, 21.0);
	/* retention given: 30 days -> 10000 * 2.6 / 1048576 * 30 * 2 */
	advise(10000, 30);
	ck_assert_double_near(out.data_storage_gb, 10000 * 2.6 / 1048576 * 60);
}
END_TEST

/* guide memory = tx / 2097152 GB with 1 KB, no index overhead, 1 day. */
START_TEST(guide_every_class_edge)
{
	static const struct {
		double tx;
		const char *guide;
		int32_t reason;
	} edges[] = {
		/* exactly 32 GB: <= 32 -> xlarge */
		{ 67108864.0, "db.r6g.xlarge", ECAP_DATABASE_REASON_GUIDE_THRESHOLD },
		/* 32 + 2^-21 GB -> 2xlarge */
		{ 67108865.0, "db.r6g.2xlarge", ECAP_DATABASE_REASON_GUIDE_THRESHOLD },
		/* exactly 64 GB -> 2xlarge */
		{ 134217728.0, "db.r6g.2xlarge", ECAP_DATABASE_REASON_GUIDE_THRESHOLD },
		/* 64 + epsilon -> 4xlarge */
		{ 134217729.0, "db.r6g.4xlarge", ECAP_DATABASE_REASON_GUIDE_THRESHOLD },
		/* exactly 128 GB: the 4xlarge still holds it */
		{ 268435456.0, "db.r6g.4xlarge", ECAP_DATABASE_REASON_GUIDE_THRESHOLD },
		/* 128 + epsilon: nothing the guide knows holds it */
		{ 268435457.0, "db.r6g.4xlarge", ECAP_DATABASE_REASON_GUIDE_UNDERSIZED },
	};
	size_t i;

	set_double("database.transaction_size_kb", 1.0);
	set_double("database.index_overhead_factor", 1.0);
	use_model("guide");
	for (i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		advise(edges[i].tx, 1);
		ck_assert_double_near(out.memory_required_gb, edges[i].tx / 2097152.0);
		ck_assert_str_eq(out.instance_class, edges[i].guide);
		ck_assert_int_eq(out.reason, edges[i].reason);
	}
	/* the guide bills one instance: 2.016 * 720 */
	ck_assert_double_near(out.cost_usd_per_month, 1451.52);
	/* exactly 32 GB: data 128 GB; guide int(153.6) = 153 */
	advise(67108864.0, 1);
	ck_assert_double_near(out.storage_gb, 153.0);
	ck_assert_int_eq(out.fits_flag, 1);
}
END_TEST

/* ---- ecap-1 ---- */

/*
 * One million a day with the defaults: 2 KB * 1.3 a transaction, 7 hot
 * days, 3/4 of RAM caching, peak 2x the day's rate, 200 transactions/s
 * per vCPU, 10 pools of 10 at 50 per vCPU, Multi-AZ.
 */
START_TEST(ecap1_one_million_a_day)
{
	struct ecap_catalog_entry e;

	advise(1e6, 0);
	ck_assert_int_eq(out.model, ECAP_MODEL_ECAP_1);
	/* 1e6 * 2 * 1.3 / 1048576 = 2.47955322265625 GB a day, * 7 */
	ck_assert_double_near(out.working_set_gb, 2.47955322265625 * 7);
	/* 17.35687255859375 / 0.75 = 23.1424967447916... GB (above 16) */
	ck_assert_double_near(out.memory_required_gb, 17.35687255859375 / 0.75);
	/* 1e6 / 86400 * 2 = 23.148 transactions/s */
	ck_assert_double_near(out.peak_transactions_per_second, 1e6 / 86400.0 * 2);
	/* max(ceil(23.1 / 200), ceil(10 * 10 / 50)) = max(1, 2) = 2 */
	ck_assert_int_eq(out.vcpu_required_count, 2);
	ck_assert_int_eq(out.reason, ECAP_DATABASE_REASON_CHEAPEST_FIT);
	ck_assert_int_eq(out.fits_flag, 1);
	ck_assert_int_eq(out.multi_az_flag, 1);
	ck_assert_int_eq(out.read_replica_count, 0);
	ck_assert(out.instance_memory_gb >= out.memory_required_gb);
	ck_assert(out.instance_vcpus >= 2);
	/* storage: ceil(1810.0738525390625 * 1.2) = 2173 GB */
	ck_assert_double_near(out.storage_gb, 2173.0);
	ck_assert_double_near(out.storage_limit_gb, 65536.0);
	/* 4 IOPS a transaction: ceil(23.148 * 4) = 93, within the 12,000
	 * of a volume of 400 GB or more */
	ck_assert_int_eq(out.iops_required_count, 93);
	ck_assert_int_eq(out.iops_baseline_count, 12000);
	ck_assert_int_eq(out.iops_provisioned_count, 0);
	/* cost from the chosen entry: Multi-AZ hours + 2 copies of storage */
	ECAP_STRUCT_INIT(&e);
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_DATABASE,
						  out.instance_class, &e,
						  &err), 0);
	ck_assert_double_near(out.price_usd_per_hour, e.multi_az_price_usd_per_hour);
	ck_assert_double_near(out.instance_cost_usd_per_month,
			      e.multi_az_price_usd_per_hour * 720);
	ck_assert_double_near(out.storage_cost_usd_per_month,
			      2173 * e.storage_usd_per_gb_month * 2);
	ck_assert_double_near(out.cost_usd_per_month,
			      out.instance_cost_usd_per_month +
			      out.storage_cost_usd_per_month);
	/* the guide's pools, (10 + 20) * 10 = 300, plus 3 reserved = 303,
	 * above oltp's 300: max_connections 303, PGTune's for 303 */
	ck_assert_int_eq(out.max_connections_count, 303);
	ck_assert_int_eq(out.pool_connections_max_count, 300);
	ck_assert_int_eq(out.connections_available_count, 300);
	ck_assert_int_eq(out.flags, 0);
	ck_assert_msg(strstr(explain(), "cheapest class") != NULL, "%s", explain());
	/*
	 * 1000 a day: 1000 / 86400 x 2 = 0.0231 transactions/s at peak and
	 * a working set of 1000 x 2 KB x 1.3 x 7 days, 0.0174 GiB (17.8
	 * MiB, as the sentence writes sizes): the
	 * memory is the floor database.min_memory_gb (16) and the 2 vCPUs
	 * the pools' 10 x 10 connections at 50 a vCPU, and the sentence
	 * says so, not "2 vCPUs for 0.0 transactions/s".
	 */
	advise(1000, 0);
	ck_assert_int_eq(out.vcpu_required_count, 2);
	ck_assert_msg(strstr(explain(), "16 GiB of memory (a 17.8 MiB working "
			     "set cached, at least database.min_memory_gb) and "
			     "2 vCPUs (0.0231 transactions/s at peak, 100 "
			     "pooled connections)") != NULL, "%s", explain());
	advise(1e6, 0);
	/* 200 connections asked for: the pools' 300 pass 200 - 3 */
	in.max_connections_count = 200;
	advise(1e6, 0);
	ck_assert_int_eq(out.max_connections_count, 200);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_POOL_EXHAUSTION);
	ck_assert_msg(strstr(explain(), "197") != NULL, "%s", explain());
	/* 2 app instances: 60 + 3 < 300, oltp's 300 stays */
	in.max_connections_count = 0;
	in.app_instance_count = 2;
	advise(1e6, 0);
	ck_assert_int_eq(out.max_connections_count, 300);
	ck_assert_int_eq(out.pool_connections_max_count, 60);
	/* 1000 app instances: 30003 capped at 5000, and flagged */
	in.app_instance_count = 1000;
	advise(1e6, 0);
	ck_assert_int_eq(out.max_connections_count, 5000);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_POOL_EXHAUSTION);
}
END_TEST

/* With a cheaper class of the same memory, the cheaper one; a second
 * class is never bought for memory. */
START_TEST(ecap1_cheapest_class)
{
	static const struct test_class rows[] = {
		{ "db.t.small", 2, 16.0, 1.0, 2.0 },
		{ "db.t.dear", 4, 32.0, 3.0, 6.0 },
		{ "db.t.cheap", 2, 32.0, 2.0, 4.0 },
		{ "db.t.big", 8, 64.0, 9.0, 18.0 },
	};

	use_catalog(rows, 4);
	set_int("database.hot_days", 1);
	set_double("database.transaction_size_kb", 1.0);
	set_double("database.index_overhead_factor", 1.0);
	/* 16 GB floor: db.t.small ($2 Multi-AZ) */
	advise(1000, 1);
	ck_assert_str_eq(out.instance_class, "db.t.small");
	ck_assert_double_near(out.instance_cost_usd_per_month, 2.0 * 720);
	/* working set tx / 1048576 GB; 20 GB of memory = 15 GB * 1048576
	 * transactions: cheap (32 GB, $4) over dear (32 GB, $6) */
	advise(15.0 * 1048576, 1);
	ck_assert_double_near(out.memory_required_gb, 20.0);
	ck_assert_str_eq(out.instance_class, "db.t.cheap");
	/* Single-AZ: the Single-AZ prices decide and bill */
	ck_assert_int_eq(ecap_policy_set_int64(p, "database.multi_az", 0, &err), 0);
	advise(15.0 * 1048576, 1);
	ck_assert_str_eq(out.instance_class, "db.t.cheap");
	ck_assert_int_eq(out.multi_az_flag, 0);
	ck_assert_double_near(out.price_usd_per_hour, 2.0);
	/* 100 GB: nothing holds it; the largest, once, and the flags */
	advise(75.0 * 1048576, 1);
	ck_assert_str_eq(out.instance_class, "db.t.big");
	ck_assert_int_eq(out.reason, ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE);
	ck_assert_int_eq(out.fits_flag, 0);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_MEMORY_SHORT);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_ANALYTICS_TO_LAKE);
	ck_assert_double_near(out.instance_cost_usd_per_month, 9.0 * 720);
	ck_assert_msg(strstr(explain(), "beyond one instance") != NULL, "%s",
		      explain());
}
END_TEST

/* vCPUs beyond the largest class: replicas for the reads beyond it. */
START_TEST(ecap1_read_replicas)
{
	static const struct test_class rows[] = {
		{ "db.t.a", 4, 32.0, 1.0, 2.0 },
		{ "db.t.b", 8, 32.0, 3.0, 6.0 },
	};

	use_catalog(rows, 2);
	set_int("database.hot_days", 1);
	set_double("database.transactions_per_vcpu_second", 1.0);
	/* peak = tx / 86400 * 2; 20 vCPUs: tx = 864000 */
	advise(864000, 0);
	ck_assert_int_eq(out.vcpu_required_count, 20);
	/* the most vCPUs, db.t.b (8); excess 12, reads 0.7 * 20 = 14 take
	 * it: ceil(12 / 8) = 2 replicas */
	ck_assert_str_eq(out.instance_class, "db.t.b");
	ck_assert_int_eq(out.read_replica_count, 2);
	ck_assert_int_eq(out.reason, ECAP_DATABASE_REASON_READ_REPLICAS);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_ADD_READ_REPLICAS);
	ck_assert_int_eq(out.flags & ECAP_DATABASE_FLAG_WRITES_SHORT, 0);
	/* replicas: Single-AZ hours + their own storage at $0.1 */
	ck_assert_double_near(out.replica_cost_usd_per_month,
			      2 * (3.0 * 720 + out.storage_gb * 0.1));
	ck_assert_msg(strstr(explain(), "2 read replica") != NULL, "%s",
		      explain());
	/* 40 vCPUs: excess 32 > reads 28: replicas for 28, writes short */
	advise(1728000, 0);
	ck_assert_int_eq(out.vcpu_required_count, 40);
	/* ceil(28 / 8) = 4 */
	ck_assert_int_eq(out.read_replica_count, 4);
	ck_assert_int_eq(out.reason, ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_WRITES_SHORT);
	/* at most database.max_read_replicas (RDS: 15) replicas; 3 here */
	set_int("database.max_read_replicas", 3);
	advise(1728000, 0);
	ck_assert_int_eq(out.read_replica_count, 3);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_READS_SHORT);
	ck_assert_msg(strstr(explain(), "cache or shard") != NULL, "%s",
		      explain());
}
END_TEST

/* gp3: 3,000 IOPS below 400 GB, 12,000 from 400 GB; more bought. */
START_TEST(ecap1_iops)
{
	static const struct test_class rows[] = {
		{ "db.t.a", 64, 64.0, 1.0, 2.0 },
	};

	use_catalog(rows, 1);
	/* 43200 a day at 2 x: 1 transaction/s; 20 IOPS each */
	set_double("database.iops_per_transaction", 20.0);
	advise(43200, 1);
	/* 43200 * 2.6 / 1048576 * 1 * 2 * 1.2 = 0.257 GB -> the 20 GB least */
	ck_assert_double_near(out.storage_gb, 20.0);
	ck_assert_int_eq(out.iops_required_count, 20);
	ck_assert_int_eq(out.iops_baseline_count, 3000);
	ck_assert_int_eq(out.iops_provisioned_count, 0);
	ck_assert_double_near(out.iops_cost_usd_per_month, 0.0);
	/* 20000 IOPS: the volume grows to 400 GB (12,000 included), 8,000
	 * bought at $0.01 on primary and standby */
	set_double("database.iops_per_transaction", 20000.0);
	advise(43200, 1);
	ck_assert_int_eq(out.iops_required_count, 20000);
	ck_assert_double_near(out.storage_gb, 400.0);
	ck_assert_int_eq(out.iops_baseline_count, 12000);
	ck_assert_int_eq(out.iops_provisioned_count, 8000);
	ck_assert_double_near(out.iops_cost_usd_per_month, 8000 * 0.01 * 2);
	ck_assert_double_near(out.storage_cost_usd_per_month, 400 * 0.1 * 2);
	ck_assert_int_eq(out.flags & ECAP_DATABASE_FLAG_IOPS_LIMIT, 0);
	/* 200,000 IOPS pass gp3's 64,000 */
	set_double("database.iops_per_transaction", 200000.0);
	advise(43200, 1);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_IOPS_LIMIT);
}
END_TEST

/*
 * A seasonal peak apart from the volume kept (the projection's years):
 * storage and memory follow transactions_per_day, vCPUs and IOPS the
 * peak day's busiest hour.  43200 a day kept, 20 IOPS a transaction:
 * 20 IOPS; a 100x peak day: 4320000 / 86400 * 2 = 100 transactions/s,
 * 2000 IOPS, ceil(100 / 200) = 1 vCPU (the pools' 2 decide); storage
 * unchanged.
 */
START_TEST(ecap1_peak_day)
{
	static const struct test_class rows[] = {
		{ "db.t.a", 64, 64.0, 1.0, 2.0 },
	};
	double storage;

	use_catalog(rows, 1);
	set_double("database.iops_per_transaction", 20.0);
	advise(43200, 1);
	storage = out.storage_gb;
	ck_assert_int_eq(out.iops_required_count, 20);
	in.peak_transactions_per_day = 4320000;
	advise(43200, 1);
	ck_assert_int_eq(out.iops_required_count, 2000);
	ck_assert_double_near(out.storage_gb, storage);
	ck_assert_int_eq(out.vcpu_required_count, 2);
	in.peak_transactions_per_day = -1;
	in.transactions_per_day = 43200;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "peak_transactions_per_day");
	in.peak_transactions_per_day = NAN;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "peak_transactions_per_day");
}
END_TEST

/* Storage beyond 64 TiB: one instance, priced, flagged. */
START_TEST(ecap1_storage_limit)
{
	/* 100M a day: 247.955 GB a day * 365 * 2 * 1.2 = 217208.86 GB */
	advise(1e8, 0);
	ck_assert_double_near(out.storage_gb, 217209.0);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_STORAGE_LIMIT);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE);
	ck_assert_int_eq(out.reason, ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE);
	ck_assert(out.storage_cost_usd_per_month > 0.0);
	ck_assert_msg(strstr(explain(), "range-partition") != NULL, "%s",
		      explain());
}
END_TEST

/* Near the storage limit: still one instance, partitioning advised. */
START_TEST(ecap1_storage_plan)
{
	/* 3e7 a day: 74.387 GB a day * 365 * 2 * 1.2 = 65162.66 -> 65163
	 * GB, above 0.8 * 65536 = 52428.8 and below 65536 */
	advise(3e7, 0);
	ck_assert_double_near(out.storage_gb, 65163.0);
	ck_assert(out.flags & ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE);
	ck_assert_int_eq(out.flags & ECAP_DATABASE_FLAG_STORAGE_LIMIT, 0);
	ck_assert_int_eq(out.reason, ECAP_DATABASE_REASON_CHEAPEST_FIT);
	ck_assert_msg(strstr(explain(), "range-partition") != NULL, "%s",
		      explain());
	/* 1e7: 21721 GB, no advice */
	advise(1e7, 0);
	ck_assert_int_eq(out.flags, 0);
}
END_TEST

/* ---- properties over the shipped catalog ---- */

/* The cheapest entry meeting memory and vCPUs, by brute force. */
static double
cheapest_price(double memory_gb, int64_t vcpus)
{
	struct ecap_catalog_entry e;
	double best = INFINITY;
	size_t i, n = ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE);

	for (i = 0; i < n; i++) {
		ECAP_STRUCT_INIT(&e);
		ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_DATABASE,
							i, &e, &err), 0);
		if (e.memory_gb >= memory_gb && e.vcpu_count >= vcpus &&
		    e.multi_az_price_usd_per_hour < best)
			best = e.multi_az_price_usd_per_hour;
	}
	return best;
}

START_TEST(ecap1_properties)
{
	struct ecap_database_out prev;
	double tx;
	int first = 1;

	ECAP_STRUCT_INIT(&prev);
	for (tx = 1e4; tx <= 1e10; tx *= 1.15) {
		advise(tx, 0);
		/* one primary (plus replicas) or an explicit beyond */
		ck_assert(out.reason == ECAP_DATABASE_REASON_CHEAPEST_FIT ||
			  out.reason == ECAP_DATABASE_REASON_READ_REPLICAS ||
			  out.reason == ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE);
		if (out.reason == ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE)
			ck_assert(out.flags & (ECAP_DATABASE_FLAG_MEMORY_SHORT |
					       ECAP_DATABASE_FLAG_STORAGE_LIMIT |
					       ECAP_DATABASE_FLAG_WRITES_SHORT));
		else
			ck_assert(out.fits_flag == 1 &&
				  out.storage_gb <= out.storage_limit_gb);
		/* the cheapest class meeting memory and vCPUs */
		if (out.reason == ECAP_DATABASE_REASON_CHEAPEST_FIT)
			ck_assert_double_near(out.price_usd_per_hour,
				cheapest_price(out.memory_required_gb,
					       out.vcpu_required_count));
		/* storage and its cost are always there */
		ck_assert(out.storage_gb >= 20.0);
		ck_assert(out.storage_cost_usd_per_month > 0.0);
		if (!first) {
			ck_assert(out.storage_gb >= prev.storage_gb);
			ck_assert(out.memory_required_gb >= prev.memory_required_gb);
			ck_assert_msg(out.cost_usd_per_month >=
				      prev.cost_usd_per_month,
				      "%g a day costs %g, less than %g",
				      tx, out.cost_usd_per_month,
				      prev.cost_usd_per_month);
		}
		prev = out;
		first = 0;
	}
}
END_TEST

/* The shipped catalog: RDS class memory and vCPUs (the RDS user guide's
 * hardware tables), prices with a region and a date. */
START_TEST(shipped_catalog)
{
	static const struct {
		const char *name;
		double memory_gb;
		int32_t vcpus;
	} facts[] = {
		{ "db.m6g.large", 8, 2 },	{ "db.m7g.16xlarge", 256, 64 },
		{ "db.r6g.xlarge", 32, 4 },	{ "db.r6g.16xlarge", 512, 64 },
		{ "db.r7g.4xlarge", 128, 16 },	{ "db.r6i.32xlarge", 1024, 128 },
		{ "db.r6i.24xlarge", 768, 96 }, { "db.x2g.large", 32, 2 },
		{ "db.x2g.16xlarge", 1024, 64 },
	};
	struct ecap_catalog_entry e;
	size_t i;

	for (i = 0; i < sizeof(facts) / sizeof(facts[0]); i++) {
		ECAP_STRUCT_INIT(&e);
		ck_assert_msg(ecap_policy_catalog_find(p, ECAP_CATALOG_DATABASE,
						       facts[i].name, &e,
						       &err) == 0,
			      "%s: %s", facts[i].name, err.message);
		ck_assert_double_near(e.memory_gb, facts[i].memory_gb);
		ck_assert_int_eq(e.vcpu_count, facts[i].vcpus);
		ck_assert(e.price_usd_per_hour > 0.0);
		ck_assert(e.multi_az_price_usd_per_hour >= e.price_usd_per_hour);
		ck_assert(e.storage_usd_per_gb_month > 0.0);
		ck_assert(e.iops_usd_per_month > 0.0);
		ck_assert_str_eq(e.region, "us-east-1");
		ck_assert_int_eq((int)strlen(e.price_date), 10);
	}
}
END_TEST

Suite *
database_suite(void)
{
	Suite *s = suite_create("database");
	TCase *tc = tcase_create("database");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, guide_one_million_a_day);
	tcase_add_test(tc, dirty_out_same_answer);
	tcase_add_test(tc, guide_ignores_the_catalog);
	tcase_add_test(tc, guide_small_volume_takes_the_minimum);
	tcase_add_test(tc, guide_every_class_edge);
	tcase_add_test(tc, ecap1_one_million_a_day);
	tcase_add_test(tc, ecap1_cheapest_class);
	tcase_add_test(tc, ecap1_read_replicas);
	tcase_add_test(tc, ecap1_iops);
	tcase_add_test(tc, ecap1_peak_day);
	tcase_add_test(tc, ecap1_storage_limit);
	tcase_add_test(tc, ecap1_storage_plan);
	tcase_add_test(tc, ecap1_properties);
	tcase_add_test(tc, shipped_catalog);
	suite_add_tcase(s, tc);
	return s;
}
