/* SPDX-License-Identifier: MIT */
/*
 * PostgreSQL sizing: the guide's calculate_database_resources number for
 * number, ecap-1's catalog choice at every class edge, the parameter group,
 * bad input and monotonicity.
 */
#include <stdint.h>
#include <stdio.h>

#include "fixture.h"

static struct ecap_database_in in;
static struct ecap_database_out out;

static void
setup(void)
{
	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	policy_setup();
}

static void
advise(double tx, int64_t retention)
{
	in.transactions_per_day = tx;
	in.retention_days = retention;
	ck_assert_msg(ecap_database_advise(p, &in, &out, &err) == 0, "%s",
		      err.message);
}

/*
 * Clean constants for the class edges: 1 KB, no index overhead, 2x
 * analytics, 25 % memory, 1 day kept, so memory = tx / 2097152 GB exactly.
 */
static void
clean_constants(void)
{
	ck_assert_int_eq(ecap_policy_set_double(p, "database.transaction_size_kb", 1.0, &err), 0);
	ck_assert_int_eq(ecap_policy_set_double(p, "database.index_overhead_factor", 1.0, &err), 0);
}

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
	/* ceil(452.5 / 128) = 4 instances would hold it */
	ck_assert_int_eq(out.instances_needed_count, 4);
	/* guide: int(1810.0738525390625 * 1.2) = int(2172.0886...) = 2172 */
	ck_assert_double_near(out.storage_gb, 2172.0);
	/* guide: 2.016 * 24 * 30 = 1451.52 (one instance) */
	ck_assert_double_near(out.cost_usd_per_month, 1451.52);
	ck_assert_msg(strstr(out.reason_text, "above 64") != NULL, "%s",
		      out.reason_text);
}
END_TEST

/*
 * A repriced class: the guide computes cost_per_hour * 24 * 30 left to
 * right.  Python: 0.1 * 24 * 30 = 72.00000000000001 (repr), while
 * 0.1 * 720 = 72.0; the guide model must give the former, exactly.
 */
START_TEST(guide_cost_bit_exact)
{
	static const char doc[] = "{\"catalog.database\": ["
		"{\"name\": \"db.r6g.xlarge\", \"memory_gb\": 32, "
		"\"price_usd_per_hour\": 0.1, \"vcpu_count\": 4, "
		"\"region\": \"us-east-1\", \"price_date\": \"2026-01-01\"}]}";

	ck_assert_msg(ecap_policy_load_json(p, doc, sizeof(doc) - 1, &err) == 0,
		      "%s", err.message);
	use_model("guide");
	/* guide: 1000 a day is far below 32 GB -> db.r6g.xlarge */
	advise(1000, 0);
	ck_assert_str_eq(out.instance_class, "db.r6g.xlarge");
	ck_assert(out.cost_usd_per_month == 72.00000000000001);
}
END_TEST

START_TEST(ecap1_one_million_a_day)
{
	advise(1e6, 0);
	ck_assert_int_eq(out.model, ECAP_MODEL_ECAP_1);
	ck_assert_double_near(out.memory_required_gb, 452.518463134765625);
	/* no class of the catalog holds 452.5 GB: the largest, 4 times */
	ck_assert_str_eq(out.instance_class, "db.r6g.4xlarge");
	ck_assert_int_eq(out.reason, ECAP_DATABASE_REASON_NONE_FITS);
	ck_assert_int_eq(out.fits_flag, 0);
	ck_assert_int_eq(out.instances_needed_count, 4);
	/* ecap-1 rounds up: ceil(2172.0886) = 2173 */
	ck_assert_double_near(out.storage_gb, 2173.0);
	/* 4 * 2.016 * 720 = 5806.08 */
	ck_assert_double_near(out.cost_usd_per_month, 5806.08);
	ck_assert_msg(strstr(out.reason_text, "4 times") != NULL, "%s",
		      out.reason_text);
}
END_TEST

START_TEST(small_volume_takes_the_minimum)
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
	use_model("ecap-1");
	advise(10000, 0);
	ck_assert_str_eq(out.instance_class, "db.r6g.xlarge");
	ck_assert_int_eq(out.reason, ECAP_DATABASE_REASON_SMALLEST_FIT);
	/* ecap-1: ceil(21.72) = 22 */
	ck_assert_double_near(out.storage_gb, 22.0);
	/* retention given: 30 days -> 10000 * 2.6 / 1048576 * 30 * 2 */
	advise(10000, 30);
	ck_assert_double_near(out.data_storage_gb, 10000 * 2.6 / 1048576 * 60);
}
END_TEST

/* memory = tx / 2097152 GB with the clean constants and 1 day kept. */
static const struct {
	double tx;
	const char *guide, *ecap1;
	int32_t guide_reason, ecap1_reason;
} edges[] = {
	/* exactly 32 GB: <= 32 -> xlarge */
	{ 67108864.0, "db.r6g.xlarge", "db.r6g.xlarge",
	  ECAP_DATABASE_REASON_GUIDE_THRESHOLD, ECAP_DATABASE_REASON_SMALLEST_FIT },
	/* 32 + 2^-21 GB -> 2xlarge */
	{ 67108865.0, "db.r6g.2xlarge", "db.r6g.2xlarge",
	  ECAP_DATABASE_REASON_GUIDE_THRESHOLD, ECAP_DATABASE_REASON_SMALLEST_FIT },
	/* exactly 64 GB -> 2xlarge */
	{ 134217728.0, "db.r6g.2xlarge", "db.r6g.2xlarge",
	  ECAP_DATABASE_REASON_GUIDE_THRESHOLD, ECAP_DATABASE_REASON_SMALLEST_FIT },
	/* 64 + epsilon -> 4xlarge */
	{ 134217729.0, "db.r6g.4xlarge", "db.r6g.4xlarge",
	  ECAP_DATABASE_REASON_GUIDE_THRESHOLD, ECAP_DATABASE_REASON_SMALLEST_FIT },
	/* exactly 128 GB: the 4xlarge still holds it */
	{ 268435456.0, "db.r6g.4xlarge", "db.r6g.4xlarge",
	  ECAP_DATABASE_REASON_GUIDE_THRESHOLD, ECAP_DATABASE_REASON_SMALLEST_FIT },
	/* 128 + epsilon: nothing holds it */
	{ 268435457.0, "db.r6g.4xlarge", "db.r6g.4xlarge",
	  ECAP_DATABASE_REASON_GUIDE_UNDERSIZED, ECAP_DATABASE_REASON_NONE_FITS },
};

START_TEST(every_class_edge)
{
	size_t i;

	clean_constants();
	for (i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		use_model("guide");
		advise(edges[i].tx, 1);
		ck_assert_double_near(out.memory_required_gb, edges[i].tx / 2097152.0);
		ck_assert_str_eq(out.instance_class, edges[i].guide);
		ck_assert_int_eq(out.reason, edges[i].guide_reason);
		use_model("ecap-1");
		advise(edges[i].tx, 1);
		ck_assert_str_eq(out.instance_class, edges[i].ecap1);
		ck_assert_int_eq(out.reason, edges[i].ecap1_reason);
	}
	/* 128 + epsilon: ceil(128.0000005 / 128) = 2 instances, 2 * 1451.52 */
	ck_assert_int_eq(out.instances_needed_count, 2);
	ck_assert_int_eq(out.fits_flag, 0);
	ck_assert_double_near(out.cost_usd_per_month, 2903.04);
	/* exactly 32 GB: data 128 GB; guide int(153.6) = 153, ecap-1 154 */
	use_model("guide");
	advise(67108864.0, 1);
	ck_assert_double_near(out.storage_gb, 153.0);
	ck_assert_int_eq(out.fits_flag, 1);
	use_model("ecap-1");
	advise(67108864.0, 1);
	ck_assert_double_near(out.storage_gb, 154.0);
}
END_TEST

START_TEST(catalog_drives_ecap1_only)
{
	struct ecap_catalog_entry c;

	clean_constants();
	ECAP_STRUCT_INIT(&c);
	c.catalog = ECAP_CATALOG_DATABASE;
	snprintf(c.region, sizeof(c.region), "us-east-1");
	snprintf(c.price_date, sizeof(c.price_date), "2026-01-01");
	snprintf(c.name, sizeof(c.name), "db.r6g.8xlarge");
	c.memory_gb = 256.0;
	c.price_usd_per_hour = 4.032;
	c.vcpu_count = 32;
	ck_assert_int_eq(ecap_policy_catalog_set(p, &c, &err), 0);
	/* 128 + epsilon GB: ecap-1 takes the new 256 GB class */
	advise(268435457.0, 1);
	ck_assert_str_eq(out.instance_class, "db.r6g.8xlarge");
	ck_assert_int_eq(out.fits_flag, 1);
	ck_assert_int_eq(out.instances_needed_count, 1);
	/* 4.032 * 720 = 2903.04 */
	ck_assert_double_near(out.cost_usd_per_month, 2903.04);
	/* the guide's if-chain knows no 8xlarge */
	use_model("guide");
	advise(268435457.0, 1);
	ck_assert_str_eq(out.instance_class, "db.r6g.4xlarge");
	/* repricing the catalog reprices the guide model: 3 * 720 */
	c.memory_gb = 128.0;
	c.price_usd_per_hour = 3.0;
	c.vcpu_count = 16;
	snprintf(c.name, sizeof(c.name), "db.r6g.4xlarge");
	ck_assert_int_eq(ecap_policy_catalog_set(p, &c, &err), 0);
	advise(268435457.0, 1);
	ck_assert_double_near(out.cost_usd_per_month, 2160.0);
}
END_TEST

START_TEST(parameter_group)
{
	struct ecap_property props[8];
	size_t i, n = 8;
	static const char *const want[][2] = {
		{ "max_connections", "200" },
		/* 32 GB / 4 and * 3 / 4 */
		{ "shared_buffers", "8GB" },
		{ "effective_cache_size", "24GB" },
		{ "maintenance_work_mem", "256MB" },
		{ "checkpoint_completion_target", "0.7" },
		{ "wal_buffers", "16MB" },
		/* PGTune: 4 vCPUs >= 4 -> max_worker_processes = 4 */
		{ "max_worker_processes", "4" },
		/* (33554432 - 8388608) kB / ((200 + 4) * 3) = 41120.6 -> 41120 */
		{ "work_mem", "41120kB" },
	};

	advise(10000, 0);
	ck_assert_int_eq(out.shared_buffers_kb, 8388608);
	ck_assert_int_eq(out.effective_cache_size_kb, 25165824);
	ck_assert_int_eq(out.maintenance_work_mem_kb, 262144);
	ck_assert_int_eq(out.wal_buffers_kb, 16384);
	ck_assert_double_near(out.checkpoint_completion_target_ratio, 0.7);
	ck_assert_int_eq(out.work_mem_kb, 41120);
	/* DATABASE_CONFIG: 10, 20, 30, 3600, pre-ping */
	ck_assert_int_eq(out.pool_size_count, 10);
	ck_assert_int_eq(out.pool_max_overflow_count, 20);
	ck_assert_int_eq(out.pool_timeout_seconds, 30);
	ck_assert_int_eq(out.pool_recycle_seconds, 3600);
	ck_assert_int_eq(out.pool_pre_ping_flag, 1);
	for (i = 0; i < 8; i++)
		ECAP_STRUCT_INIT(&props[i]);
	ck_assert_int_eq(ecap_database_properties(&out, props, &n, &err), 0);
	ck_assert_uint_eq(n, 8);
	for (i = 0; i < 8; i++) {
		ck_assert_str_eq(props[i].key, want[i][0]);
		ck_assert_str_eq(props[i].value, want[i][1]);
	}
	/* 2xlarge (64 GB, 8 vCPUs): 50331648 / ((200 + 8) * 3) = 80659.7 */
	clean_constants();
	advise(134217728.0, 1);
	ck_assert_int_eq(out.work_mem_kb, 80659);
	ck_assert_int_eq(out.max_worker_processes_count, 8);
	/* too small an array: NOSPACE with the count needed */
	n = 2;
	ck_assert_err(ecap_database_properties(&out, props, &n, &err),
		      ECAP_ERR_NOSPACE, err, "count");
	ck_assert_uint_eq(n, 8);
}
END_TEST

START_TEST(work_mem_floor_and_few_cpus)
{
	struct ecap_catalog_entry c;

	ECAP_STRUCT_INIT(&c);
	c.catalog = ECAP_CATALOG_DATABASE;
	snprintf(c.region, sizeof(c.region), "us-east-1");
	snprintf(c.price_date, sizeof(c.price_date), "2026-01-01");
	snprintf(c.name, sizeof(c.name), "db.t4g.micro");
	c.memory_gb = 1.0;
	c.price_usd_per_hour = 0.016;
	c.vcpu_count = 2;
	ck_assert_int_eq(ecap_policy_catalog_set(p, &c, &err), 0);
	snprintf(c.name, sizeof(c.name), "db.t4g.medium");
	c.memory_gb = 4.0;
	ck_assert_int_eq(ecap_policy_catalog_set(p, &c, &err), 0);
	ck_assert_int_eq(ecap_policy_set_double(p, "database.min_memory_gb", 0.5, &err), 0);
	advise(1, 0);
	ck_assert_str_eq(out.instance_class, "db.t4g.micro");
	/* 2 vCPUs < 4 -> PGTune's default max_worker_processes 8 */
	ck_assert_int_eq(out.max_worker_processes_count, 8);
	/* (1048576 - 262144) / (208 * 3) = 1260 kB < 4 MB floor -> 4096 */
	ck_assert_int_eq(out.work_mem_kb, 4096);
	ck_assert_int_eq(out.shared_buffers_kb, 262144);
	/* 4 GB: (4194304 - 1048576) / 624 = 5041.2 -> 5041 */
	ck_assert_int_eq(ecap_policy_set_double(p, "database.min_memory_gb", 2.0, &err), 0);
	advise(1, 0);
	ck_assert_str_eq(out.instance_class, "db.t4g.medium");
	ck_assert_int_eq(out.work_mem_kb, 5041);
}
END_TEST

START_TEST(bad_input)
{
	struct {
		struct ecap_database_in in;
		char tail[8];
	} big;
	struct ecap_database_out empty;

	ck_assert_err(ecap_database_advise(NULL, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_database_advise(p, NULL, &out, &err),
		      ECAP_ERR_INVALID, err, "ecap_database_in");
	ck_assert_err(ecap_database_advise(p, &in, NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_database_out");
	in.transactions_per_day = NAN;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "transactions_per_day");
	in.transactions_per_day = INFINITY;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "transactions_per_day");
	in.transactions_per_day = -1;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "transactions_per_day");
	/* above the documented 1e12 a day */
	in.transactions_per_day = 2e12;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "transactions_per_day");
	in.transactions_per_day = 1000;
	in.retention_days = -1;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "retention_days");
	in.retention_days = 36501;
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_RANGE, err, "retention_days");
	in.retention_days = 0;
	in.sz = sizeof(size_t);
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_database_in");
	out.sz = 8;
	in.sz = sizeof(in);
	ck_assert_err(ecap_database_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_database_out");
	ECAP_STRUCT_INIT(&out);
	/* a larger struct with a zero tail is accepted, a non-zero one not */
	memset(&big, 0, sizeof(big));
	big.in = in;
	big.in.sz = sizeof(big);
	ck_assert_int_eq(ecap_database_advise(p, &big.in, &out, &err), 0);
	big.tail[3] = 1;
	ck_assert_err(ecap_database_advise(p, &big.in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_database_in");
	/* rendering an output that holds no advice */
	ECAP_STRUCT_INIT(&empty);
	{
		struct ecap_property pr;
		size_t n = 1;

		ECAP_STRUCT_INIT(&pr);
		ck_assert_err(ecap_database_properties(&empty, &pr, &n, &err),
			      ECAP_ERR_UNKNOWN_ENUM, err, "model");
		/* An edited advice must still be valid PostgreSQL:
		 * wal_buffers at least 32kB, work_mem at least 64kB, the
		 * completion target a finite ratio. */
		{
			struct ecap_database_out bad = out;

			bad.wal_buffers_kb = 0;
			ck_assert_err(ecap_database_properties(&bad, &pr, &n, &err),
				      ECAP_ERR_RANGE, err, "wal_buffers_kb");
			bad = out;
			bad.work_mem_kb = -5;
			ck_assert_err(ecap_database_properties(&bad, &pr, &n, &err),
				      ECAP_ERR_RANGE, err, "work_mem_kb");
			bad = out;
			bad.checkpoint_completion_target_ratio = NAN;
			ck_assert_err(ecap_database_properties(&bad, &pr, &n, &err),
				      ECAP_ERR_INVALID, err,
				      "checkpoint_completion_target_ratio");
		}
		ck_assert_err(ecap_database_properties(&out, &pr, NULL, &err),
			      ECAP_ERR_INVALID, err, "count");
	}
}
END_TEST

/* The catalog is never empty: the JSON loader refuses an empty one. */
START_TEST(empty_catalog_is_refused)
{
	static const char doc[] = "{\"catalog.database\": []}";

	ck_assert_err(ecap_policy_load_json(p, doc, sizeof(doc) - 1, &err),
		      ECAP_ERR_RANGE, err, "catalog.database");
	ck_assert_uint_eq(ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE), 3);
}
END_TEST

/* ecap-1: more transactions never give less; the class holds or says so. */
START_TEST(ecap1_properties)
{
	struct ecap_database_out prev;
	double tx;
	int first = 1;

	ECAP_STRUCT_INIT(&prev);
	for (tx = 0; tx <= 1e9; tx = tx * 1.37 + 1000) {
		advise(tx, 0);
		ck_assert(out.fits_flag == 1 ?
			  out.instance_memory_gb >= out.memory_required_gb :
			  out.reason == ECAP_DATABASE_REASON_NONE_FITS &&
			  out.instances_needed_count * out.instance_memory_gb >=
			  out.memory_required_gb);
		if (!first) {
			ck_assert(out.storage_gb >= prev.storage_gb);
			ck_assert(out.memory_required_gb >= prev.memory_required_gb);
			ck_assert(out.instance_memory_gb >= prev.instance_memory_gb);
			ck_assert(out.cost_usd_per_month >= prev.cost_usd_per_month);
			ck_assert(out.instances_needed_count >= prev.instances_needed_count);
		}
		prev = out;
		first = 0;
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
	tcase_add_test(tc, guide_cost_bit_exact);
	tcase_add_test(tc, ecap1_one_million_a_day);
	tcase_add_test(tc, small_volume_takes_the_minimum);
	tcase_add_test(tc, every_class_edge);
	tcase_add_test(tc, catalog_drives_ecap1_only);
	tcase_add_test(tc, parameter_group);
	tcase_add_test(tc, work_mem_floor_and_few_cpus);
	tcase_add_test(tc, bad_input);
	tcase_add_test(tc, empty_catalog_is_refused);
	tcase_add_test(tc, ecap1_properties);
	suite_add_tcase(s, tc);
	return s;
}
