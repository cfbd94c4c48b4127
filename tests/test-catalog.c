/* SPDX-License-Identifier: MIT */
/*
 * The catalogs: compiled-in tables, order, find/set/remove, validation,
 * copies, JSON and dynamic keys.  Expected rows are the seed data of
 * lib/catalog-*.def with their sources (engine-facts.md 4.2 and 4.3, the
 * tuning guide's RDS prices, the MSK broker sizes).
 */
#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"

static struct ecap_catalog_entry e;

static int
load(const char *doc)
{
	return ecap_policy_load_json(p, doc, strlen(doc), &err);
}

static char *
dump(const ecap_policy *policy)
{
	char *json = NULL;

	ck_assert_msg(ecap_policy_dump_json(policy, &json, &err) == 0, "%s",
		      err.message);
	return json;
}

/* A valid database entry in e. */
static void
db_entry(const char *name, double memory_gb, double price, int32_t vcpus)
{
	memset(&e, 0, sizeof(e));
	e.sz = sizeof(e);
	e.catalog = ECAP_CATALOG_DATABASE;
	snprintf(e.name, sizeof(e.name), "%s", name);
	snprintf(e.region, sizeof(e.region), "us-east-1");
	snprintf(e.price_date, sizeof(e.price_date), "2026-01-01");
	e.memory_gb = memory_gb;
	e.price_usd_per_hour = price;
	e.multi_az_price_usd_per_hour = 2 * price;
	e.storage_usd_per_gb_month = 0.115;
	e.iops_usd_per_month = 0.02;
	e.vcpu_count = vcpus;
}

/* A valid spark-node entry in e: r5.4xlarge (16 vCPU, 128 GiB, YARN 122880
 * MiB per engine-facts 4.2). */
static void
spark_entry(void)
{
	memset(&e, 0, sizeof(e));
	e.sz = sizeof(e);
	e.catalog = ECAP_CATALOG_SPARK_NODE;
	snprintf(e.name, sizeof(e.name), "r5.4xlarge");
	snprintf(e.region, sizeof(e.region), "us-east-1");
	snprintf(e.price_date, sizeof(e.price_date), "2026-01-01");
	e.vcpu_count = 16;
	e.memory_gb = 128;
	e.price_usd_per_hour = 1.008;
	e.emr_price_usd_per_hour = 0.252;
	e.yarn_memory_mb = 122880;
	e.eks_max_pod_count = 234;
}

static void
expect_names(int32_t catalog, const char *const *names, size_t n)
{
	size_t i;

	ck_assert_uint_eq(ecap_policy_catalog_count(p, catalog), n);
	for (i = 0; i < n; i++) {
		ECAP_STRUCT_INIT(&e);
		ck_assert_int_eq(ecap_policy_catalog_at(p, catalog, i, &e, &err), 0);
		ck_assert_str_eq(e.name, names[i]);
		ck_assert_int_eq(e.catalog, catalog);
	}
}

/* The guide's three classes as the whole database catalog, for tests that
 * count and order entries (the shipped catalog is longer). */
static void
seed_database(void)
{
	static const char doc[] = "{\"catalog.database\": ["
		"{\"name\": \"db.r6g.xlarge\", \"vcpu_count\": 4, \"memory_gb\": 32,"
		" \"price_usd_per_hour\": 0.504, \"multi_az_price_usd_per_hour\": 1.008,"
		" \"storage_usd_per_gb_month\": 0.115, \"iops_usd_per_month\": 0.02,"
		" \"region\": \"us-east-1\", \"price_date\": \"2026-01-01\"},"
		"{\"name\": \"db.r6g.2xlarge\", \"vcpu_count\": 8, \"memory_gb\": 64,"
		" \"price_usd_per_hour\": 1.008, \"multi_az_price_usd_per_hour\": 2.016,"
		" \"storage_usd_per_gb_month\": 0.115, \"iops_usd_per_month\": 0.02,"
		" \"region\": \"us-east-1\", \"price_date\": \"2026-01-01\"},"
		"{\"name\": \"db.r6g.4xlarge\", \"vcpu_count\": 16, \"memory_gb\": 128,"
		" \"price_usd_per_hour\": 2.016, \"multi_az_price_usd_per_hour\": 4.032,"
		" \"storage_usd_per_gb_month\": 0.115, \"iops_usd_per_month\": 0.02,"
		" \"region\": \"us-east-1\", \"price_date\": \"2026-01-01\"}]}";

	ck_assert_msg(ecap_policy_load_json(p, doc, sizeof(doc) - 1, &err) == 0,
		      "%s", err.message);
}

START_TEST(names)
{
	int32_t c = 0;

	ck_assert_str_eq(ecap_catalog_to_string(ECAP_CATALOG_SPARK_NODE), "spark-node");
	ck_assert_str_eq(ecap_catalog_to_string(ECAP_CATALOG_DATABASE), "database");
	ck_assert_str_eq(ecap_catalog_to_string(ECAP_CATALOG_KAFKA_BROKER), "kafka-broker");
	ck_assert_ptr_null(ecap_catalog_to_string(0));
	ck_assert_ptr_null(ecap_catalog_to_string(4));
	ck_assert_int_eq(ecap_catalog_from_string("kafka-broker", &c, &err), 0);
	ck_assert_int_eq(c, ECAP_CATALOG_KAFKA_BROKER);
	ck_assert_err(ecap_catalog_from_string("rds", &c, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "catalog");
	ck_assert_err(ecap_catalog_from_string(NULL, &c, &err),
		      ECAP_ERR_INVALID, err, "name");
}
END_TEST

START_TEST(defaults_present_and_sorted)
{
	/* 76 spark nodes (lib/catalog-spark-node.def), sorted by price:
	 * m6g.large 0.077, m7g.large 0.0816, c5.large and c6i.large 0.085
	 * (by name), m5.large 0.096. */
	static const char *const spark[] = { "m6g.large", "m7g.large",
		"c5.large", "c6i.large", "m5.large" };
	/* MSK us-east-1: t3.small 0.0456, then each m7g size (0.204 ..
	 * 6.528) just below its m5 twin (0.21 .. 6.72), m5.24xlarge 10.08. */
	static const char *const kafka[] = { "kafka.t3.small",
		"kafka.m7g.large", "kafka.m5.large", "kafka.m7g.xlarge",
		"kafka.m5.xlarge", "kafka.m7g.2xlarge", "kafka.m5.2xlarge",
		"kafka.m7g.4xlarge", "kafka.m5.4xlarge", "kafka.m7g.8xlarge",
		"kafka.m5.8xlarge", "kafka.m7g.12xlarge", "kafka.m5.12xlarge",
		"kafka.m7g.16xlarge", "kafka.m5.16xlarge", "kafka.m5.24xlarge" };
	double last = 0.0;
	size_t i;

	ck_assert_uint_eq(ecap_policy_catalog_count(p, ECAP_CATALOG_SPARK_NODE), 76);
	for (i = 0; i < 5; i++) {
		ECAP_STRUCT_INIT(&e);
		ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_SPARK_NODE,
							i, &e, &err), 0);
		ck_assert_str_eq(e.name, spark[i]);
	}
	/* 44 RDS classes (db.m6g, m7g, r6g, r7g, x2g large .. 16xlarge,
	 * db.r6i .. 32xlarge), sorted by price */
	ck_assert_uint_eq(ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE), 44);
	for (i = 0; i < 44; i++) {
		ECAP_STRUCT_INIT(&e);
		ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_DATABASE,
							i, &e, &err), 0);
		ck_assert(e.price_usd_per_hour >= last);
		last = e.price_usd_per_hour;
	}
	expect_names(ECAP_CATALOG_KAFKA_BROKER, kafka, 16);
	ck_assert_uint_eq(ecap_policy_catalog_count(p, 0), 0);
	ck_assert_uint_eq(ecap_policy_catalog_count(p, 4), 0);
	ck_assert_uint_eq(ecap_policy_catalog_count(NULL, 1), 0);

	/* m5.4xlarge: 16 vCPU, 64 GiB, 0.768 + 0.192 EMR (25%), YARN 57344
	 * MiB (4.2), 234 EKS pods = 8 ENIs * (30 - 1) + 2. */
	ECAP_STRUCT_INIT(&e);
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_SPARK_NODE,
						  "m5.4xlarge", &e, &err), 0);
	ck_assert_int_eq(e.vcpu_count, 16);
	ck_assert_double_near(e.memory_gb, 64.0);
	ck_assert_double_near(e.price_usd_per_hour, 0.768);
	ck_assert_double_near(e.emr_price_usd_per_hour, 0.192);
	ck_assert_int_eq(e.yarn_memory_mb, 57344);
	ck_assert_int_eq(e.yarn_memory_derived_flag, 0);
	ck_assert_int_eq(e.eks_max_pod_count, 234);
	ck_assert_str_eq(e.family, "m5");
	ck_assert_str_eq(e.region, "us-east-1");
	/* karpenter-provider-aws pricing, generated 2026-01-19 */
	ck_assert_str_eq(e.price_date, "2026-01-19");
	ck_assert_double_near(e.storage_usd_per_gb_month, 0.0);
	/* m5.xlarge: YARN 12288 MiB, 4 * (15 - 1) + 2 = 58 pods. */
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_SPARK_NODE,
						  "m5.xlarge", &e, &err), 0);
	ck_assert_int_eq(e.yarn_memory_mb, 12288);
	ck_assert_int_eq(e.eks_max_pod_count, 58);
	ck_assert_double_near(e.emr_price_usd_per_hour, 0.048);

	/* RDS: db.r6g.4xlarge has 16 vCPUs and 128 GiB; Multi-AZ twice the
	 * price; storage and IOPS priced. */
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_DATABASE,
						  "db.r6g.4xlarge", &e, &err), 0);
	ck_assert_int_eq(e.vcpu_count, 16);
	ck_assert_double_near(e.memory_gb, 128.0);
	ck_assert_double_near(e.multi_az_price_usd_per_hour,
			      2 * e.price_usd_per_hour);
	ck_assert(e.storage_usd_per_gb_month > 0.0);
	ck_assert(e.iops_usd_per_month > 0.0);
	ck_assert_str_eq(e.family, "db.r6g");
	ck_assert_int_eq(e.yarn_memory_mb, 0);

	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_KAFKA_BROKER,
						  "kafka.m5.large", &e, &err), 0);
	ck_assert_int_eq(e.vcpu_count, 2);
	ck_assert_double_near(e.memory_gb, 8.0);
	ck_assert_double_near(e.price_usd_per_hour, 0.21);
	ck_assert_double_near(e.storage_usd_per_gb_month, 0.10);
	ck_assert_int_eq(e.max_partition_replica_count, 1000);
	/* 60 % of 650 Mbit/s baseline EBS = 0.6 * 77.5 MiB/s = 46 */
	ck_assert_double_near(e.throughput_mb_per_second, 46.0);
	ck_assert_str_eq(e.family, "kafka.m5");
}
END_TEST

/* Every compiled-in row passes the checks a caller's row gets, and comes
 * back unchanged. */
START_TEST(defaults_validate)
{
	struct ecap_catalog_entry back;
	int32_t c;
	size_t i;

	for (c = 1; c <= 3; c++)
		for (i = 0; i < ecap_policy_catalog_count(p, c); i++) {
			ECAP_STRUCT_INIT(&e);
			ECAP_STRUCT_INIT(&back);
			ck_assert_int_eq(ecap_policy_catalog_at(p, c, i, &e, &err), 0);
			ck_assert_msg(ecap_policy_catalog_set(p, &e, &err) == 0,
				      "%s: %s", e.name, err.message);
			ck_assert_int_eq(ecap_policy_catalog_at(p, c, i, &back, &err), 0);
			ck_assert_mem_eq(&e, &back, sizeof(e));
		}
}
END_TEST

START_TEST(set_replace_remove_and_never_empty)
{
	static const char *const db[] = { "db.r6g.large", "db.r6g.xlarge",
		"db.r6g.2xlarge", "db.r6g.4xlarge", "db.r6g.8xlarge" };

	seed_database();

	db_entry("db.r6g.8xlarge", 256, 4.032, 32);
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	db_entry("db.r6g.large", 16, 0.252, 2);
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	expect_names(ECAP_CATALOG_DATABASE, db, 5);
	/* Replace: repricing reorders (price, then name). */
	db_entry("db.r6g.large", 16, 5.0, 2);
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	ck_assert_uint_eq(ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE), 5);
	ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_DATABASE, 4, &e, &err), 0);
	ck_assert_str_eq(e.name, "db.r6g.large");
	/* Equal prices: by name. */
	db_entry("db.a", 1, 5.0, 2);
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_DATABASE, 4, &e, &err), 0);
	ck_assert_str_eq(e.name, "db.a");
	/* Other catalogs are untouched. */
	ck_assert_uint_eq(ecap_policy_catalog_count(p, ECAP_CATALOG_SPARK_NODE), 76);

	ck_assert_err(ecap_policy_catalog_find(p, ECAP_CATALOG_DATABASE, "nope", &e, &err),
		      ECAP_ERR_NOT_FOUND, err, "name");
	ck_assert_err(ecap_policy_catalog_at(p, ECAP_CATALOG_DATABASE, 6, &e, &err),
		      ECAP_ERR_RANGE, err, "index");
	ck_assert_err(ecap_policy_catalog_remove(p, ECAP_CATALOG_DATABASE, "nope", &err),
		      ECAP_ERR_NOT_FOUND, err, "name");
	/* A name from another catalog is not found. */
	ck_assert_err(ecap_policy_catalog_remove(p, ECAP_CATALOG_SPARK_NODE, "db.a", &err),
		      ECAP_ERR_NOT_FOUND, err, "name");
	ck_assert_int_eq(ecap_policy_catalog_remove(p, ECAP_CATALOG_DATABASE, "db.a", &err), 0);
	ck_assert_int_eq(ecap_policy_catalog_remove(p, ECAP_CATALOG_DATABASE, "db.r6g.large", &err), 0);
	ck_assert_int_eq(ecap_policy_catalog_remove(p, ECAP_CATALOG_DATABASE, "db.r6g.8xlarge", &err), 0);
	ck_assert_int_eq(ecap_policy_catalog_remove(p, ECAP_CATALOG_DATABASE, "db.r6g.xlarge", &err), 0);
	ck_assert_int_eq(ecap_policy_catalog_remove(p, ECAP_CATALOG_DATABASE, "db.r6g.2xlarge", &err), 0);
	ck_assert_err(ecap_policy_catalog_remove(p, ECAP_CATALOG_DATABASE, "db.r6g.4xlarge", &err),
		      ECAP_ERR_LIMIT, err, "name");
	ck_assert_uint_eq(ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE), 1);
	/* Every kafka-broker entry but the last goes. */
	while (ecap_policy_catalog_count(p, ECAP_CATALOG_KAFKA_BROKER) > 1) {
		ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_KAFKA_BROKER, 0, &e, &err), 0);
		ck_assert_int_eq(ecap_policy_catalog_remove(p, ECAP_CATALOG_KAFKA_BROKER, e.name, &err), 0);
	}
	ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_KAFKA_BROKER, 0, &e, &err), 0);
	ck_assert_err(ecap_policy_catalog_remove(p, ECAP_CATALOG_KAFKA_BROKER, e.name, &err),
		      ECAP_ERR_LIMIT, err, "name");
}
END_TEST

START_TEST(fill_to_the_limit)
{
	char name[32];
	size_t i;

	seed_database();

	for (i = ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE);
	     i < ECAP_CATALOG_MAX_ENTRIES; i++) {
		snprintf(name, sizeof(name), "db.t.n%zu", i);
		db_entry(name, 8, (double)i, 2);
		ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	}
	ck_assert_uint_eq(ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE),
			  ECAP_CATALOG_MAX_ENTRIES);
	db_entry("db.one.more", 8, 1, 2);
	ck_assert_err(ecap_policy_catalog_set(p, &e, &err), ECAP_ERR_LIMIT, err, "name");
	/* Replacing still works when full. */
	db_entry("db.t.n10", 8, 0.5, 2);
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
}
END_TEST

/* Each bad field: its code and the field named, and nothing stored. */
START_TEST(validation)
{
	size_t before;
	char *a, *b;

	a = dump(p);
	before = ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE);
#define BAD(setup, code, fld)                                              \
	do {                                                               \
		db_entry("db.x.large", 16, 0.3, 2);                        \
		setup;                                                     \
		ck_assert_err(ecap_policy_catalog_set(p, &e, &err), code, err, fld); \
	} while (0)
#define BAD_SPARK(setup, code, fld)                                        \
	do {                                                               \
		spark_entry();                                             \
		setup;                                                     \
		ck_assert_err(ecap_policy_catalog_set(p, &e, &err), code, err, fld); \
	} while (0)
	BAD(e.catalog = 0, ECAP_ERR_UNKNOWN_ENUM, "catalog");
	BAD(e.catalog = 4, ECAP_ERR_UNKNOWN_ENUM, "catalog");
	BAD(e.name[0] = '\0', ECAP_ERR_RANGE, "name");
	BAD(strcpy(e.name, "db x"), ECAP_ERR_RANGE, "name");
	BAD(strcpy(e.name, "db.\tx"), ECAP_ERR_RANGE, "name");
	BAD(strcpy(e.name, "db\"x"), ECAP_ERR_RANGE, "name");
	BAD(memset(e.name, 'a', sizeof(e.name)), ECAP_ERR_RANGE, "name");
	BAD(strcpy(e.family, "d b"), ECAP_ERR_RANGE, "family");
	BAD(memset(e.family, 'a', sizeof(e.family)), ECAP_ERR_RANGE, "family");
	/* A family from a name of 32+ characters before the last dot. */
	BAD(strcpy(e.name, "db.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.x"), ECAP_ERR_RANGE, "family");
	BAD(e.region[0] = '\0', ECAP_ERR_RANGE, "region");
	BAD(strcpy(e.region, "US East"), ECAP_ERR_RANGE, "region");
	BAD(memset(e.region, 'a', sizeof(e.region)), ECAP_ERR_RANGE, "region");
	BAD(e.price_date[0] = '\0', ECAP_ERR_INVALID, "price_date");
	BAD(strcpy(e.price_date, "2026-1-01"), ECAP_ERR_INVALID, "price_date");
	BAD(strcpy(e.price_date, "2026-13-01"), ECAP_ERR_INVALID, "price_date");
	BAD(strcpy(e.price_date, "2026-02-29"), ECAP_ERR_INVALID, "price_date");
	BAD(strcpy(e.price_date, "1999-12-31"), ECAP_ERR_INVALID, "price_date");
	BAD(strcpy(e.price_date, "2026/01/01"), ECAP_ERR_INVALID, "price_date");
	BAD(memset(e.price_date, '1', sizeof(e.price_date)), ECAP_ERR_INVALID, "price_date");
	BAD(e.vcpu_count = 0, ECAP_ERR_RANGE, "vcpu_count");
	BAD(e.vcpu_count = 65537, ECAP_ERR_RANGE, "vcpu_count");
	BAD(e.memory_gb = 0, ECAP_ERR_RANGE, "memory_gb");
	BAD(e.memory_gb = -1, ECAP_ERR_RANGE, "memory_gb");
	BAD(e.memory_gb = NAN, ECAP_ERR_INVALID, "memory_gb");
	BAD(e.memory_gb = INFINITY, ECAP_ERR_INVALID, "memory_gb");
	BAD(e.memory_gb = 2e6, ECAP_ERR_RANGE, "memory_gb");
	BAD(e.price_usd_per_hour = -0.01, ECAP_ERR_RANGE, "price_usd_per_hour");
	BAD(e.price_usd_per_hour = 2e6, ECAP_ERR_RANGE, "price_usd_per_hour");
	BAD(e.multi_az_price_usd_per_hour = NAN, ECAP_ERR_INVALID, "multi_az_price_usd_per_hour");
	BAD(e.storage_usd_per_gb_month = -1, ECAP_ERR_RANGE, "storage_usd_per_gb_month");
	BAD(e.iops_usd_per_month = -INFINITY, ECAP_ERR_INVALID, "iops_usd_per_month");
	/* Fields of other catalogs must be 0. */
	BAD(e.emr_price_usd_per_hour = 0.1, ECAP_ERR_INVALID, "emr_price_usd_per_hour");
	BAD(e.yarn_memory_mb = 1024, ECAP_ERR_INVALID, "yarn_memory_mb");
	BAD(e.yarn_memory_derived_flag = 1, ECAP_ERR_INVALID, "yarn_memory_derived_flag");
	BAD(e.eks_max_pod_count = 58, ECAP_ERR_INVALID, "eks_max_pod_count");
	BAD(e.max_partition_replica_count = 1000, ECAP_ERR_INVALID, "max_partition_replica_count");
	BAD(e.throughput_mb_per_second = 50, ECAP_ERR_INVALID, "throughput_mb_per_second");
	BAD_SPARK(e.multi_az_price_usd_per_hour = 1, ECAP_ERR_INVALID, "multi_az_price_usd_per_hour");
	BAD_SPARK(e.storage_usd_per_gb_month = 0.1, ECAP_ERR_INVALID, "storage_usd_per_gb_month");
	/* spark-node's own fields. */
	/* yarn_memory_mb 0 takes EMR's rule (test-executor-ecap1.c), which
	 * leaves a node of 1 MiB nothing: floor(1 x 0.75) = 0. */
	BAD_SPARK((e.yarn_memory_mb = 0, e.memory_gb = 1.0 / 1024.0),
		  ECAP_ERR_RANGE, "memory_gb");
	BAD_SPARK(e.yarn_memory_mb = -1, ECAP_ERR_RANGE, "yarn_memory_mb");
	/* 128 GiB = 131072 MiB: YARN cannot give more. */
	BAD_SPARK(e.yarn_memory_mb = 131073, ECAP_ERR_RANGE, "yarn_memory_mb");
	BAD_SPARK(e.yarn_memory_derived_flag = 2, ECAP_ERR_RANGE, "yarn_memory_derived_flag");
	BAD_SPARK(e.eks_max_pod_count = 0, ECAP_ERR_RANGE, "eks_max_pod_count");
	BAD_SPARK(e.emr_price_usd_per_hour = NAN, ECAP_ERR_INVALID, "emr_price_usd_per_hour");
	/* kafka-broker's own fields. */
	db_entry("kafka.x.large", 8, 0.2, 2);
	e.catalog = ECAP_CATALOG_KAFKA_BROKER;
	e.multi_az_price_usd_per_hour = 0;
	e.iops_usd_per_month = 0;
	e.max_partition_replica_count = 1000;
	ck_assert_err(ecap_policy_catalog_set(p, &e, &err), ECAP_ERR_RANGE, err,
		      "throughput_mb_per_second");
	e.throughput_mb_per_second = 50;
	e.max_partition_replica_count = 0;
	ck_assert_err(ecap_policy_catalog_set(p, &e, &err), ECAP_ERR_RANGE, err,
		      "max_partition_replica_count");
	/* sz: too small, and a non-zero unknown tail. */
	BAD(e.sz = sizeof(e) - 1, ECAP_ERR_STRUCT_SIZE, "ecap_catalog_entry");
	BAD(e.sz = 0, ECAP_ERR_STRUCT_SIZE, "ecap_catalog_entry");
	ck_assert_err(ecap_policy_catalog_set(p, NULL, &err), ECAP_ERR_INVALID, err, "ecap_catalog_entry");
	ck_assert_err(ecap_policy_catalog_set(NULL, &e, &err), ECAP_ERR_INVALID, err, "policy");
	e.sz = sizeof(e);
	ck_assert_err(ecap_policy_catalog_at(p, 9, 0, &e, &err), ECAP_ERR_UNKNOWN_ENUM, err, "catalog");
	ck_assert_err(ecap_policy_catalog_find(p, -1, "x", &e, &err), ECAP_ERR_UNKNOWN_ENUM, err, "catalog");
	ck_assert_err(ecap_policy_catalog_remove(p, 0, "x", &err), ECAP_ERR_UNKNOWN_ENUM, err, "catalog");
	ck_assert_err(ecap_policy_catalog_find(p, 1, NULL, &e, &err), ECAP_ERR_INVALID, err, "name");
#undef BAD
#undef BAD_SPARK
	/* Nothing was stored. */
	ck_assert_uint_eq(ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE), before);
	b = dump(p);
	ck_assert_str_eq(a, b);
	ecap_free(a);
	ecap_free(b);
}
END_TEST

/* sz rules: a larger caller struct with a zero tail works, a non-zero
 * tail is refused, and output keeps the caller's sz. */
START_TEST(struct_size_rules)
{
	struct {
		struct ecap_catalog_entry e;
		char tail[16];
	} big;

	memset(&big, 0, sizeof(big));
	db_entry("db.big.large", 16, 0.3, 2);
	big.e = e;
	big.e.sz = sizeof(big);
	ck_assert_int_eq(ecap_policy_catalog_set(p, &big.e, &err), 0);
	big.tail[3] = 1;
	ck_assert_err(ecap_policy_catalog_set(p, &big.e, &err), ECAP_ERR_STRUCT_SIZE, err, "ecap_catalog_entry");
	ck_assert_err(ecap_policy_catalog_at(p, ECAP_CATALOG_DATABASE, 0, &big.e, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_catalog_entry");
	big.tail[3] = 0;
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_DATABASE, "db.big.large",
						  &big.e, &err), 0);
	ck_assert_uint_eq(big.e.sz, sizeof(big));
	ck_assert_str_eq(big.e.family, "db.big");
	ck_assert_int_eq(big.tail[3], 0);
	/* Bytes after the NUL of a name are not stored. */
	db_entry("db.pad.large", 16, 0.3, 2);
	e.name[40] = 'z';
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_DATABASE, "db.pad.large",
						  &e, &err), 0);
	ck_assert_int_eq(e.name[40], 0);
	/* An explicit family is kept; a name without a dot is its family. */
	db_entry("aurora", 16, 0.3, 2);
	strcpy(e.family, "db.aurora");
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_DATABASE, "aurora", &e, &err), 0);
	ck_assert_str_eq(e.family, "db.aurora");
	db_entry("plain", 16, 0.3, 2);
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_DATABASE, "plain", &e, &err), 0);
	ck_assert_str_eq(e.family, "plain");
	/* -0.0 is stored as 0. */
	db_entry("db.free.large", 16, -0.0, 2);
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_DATABASE, "db.free.large",
						  &e, &err), 0);
	ck_assert(!signbit(e.price_usd_per_hour));
}
END_TEST

START_TEST(copy_is_independent)
{
	ecap_policy *q = NULL;
	struct ecap_catalog_entry f;

	spark_entry();
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	ck_assert_int_eq(ecap_policy_copy(p, &q, &err), 0);
	/* r5.4xlarge replaces the shipped row: 76 entries. */
	ck_assert_uint_eq(ecap_policy_catalog_count(q, ECAP_CATALOG_SPARK_NODE), 76);
	ck_assert_int_eq(ecap_policy_catalog_remove(p, ECAP_CATALOG_SPARK_NODE, "r5.4xlarge", &err), 0);
	ck_assert_uint_eq(ecap_policy_catalog_count(q, ECAP_CATALOG_SPARK_NODE), 76);
	ECAP_STRUCT_INIT(&f);
	ck_assert_int_eq(ecap_policy_catalog_find(q, ECAP_CATALOG_SPARK_NODE, "r5.4xlarge", &f, &err), 0);
	ck_assert_int_eq(f.yarn_memory_mb, 122880);
	ecap_policy_free(&q);
}
END_TEST

START_TEST(json_round_trip)
{
	ecap_policy *q = NULL;
	char *a, *b;

	spark_entry();
	e.price_usd_per_hour = 0.1 + 0.2;	/* 0.30000000000000004 */
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	a = dump(p);
	ck_assert_ptr_nonnull(strstr(a, "\"catalog.spark-node\": ["));
	ck_assert_ptr_nonnull(strstr(a, "\"catalog.database\": ["));
	ck_assert_ptr_nonnull(strstr(a, "\"catalog.kafka-broker\": ["));
	ck_assert_ptr_nonnull(strstr(a, "\"eks_max_pod_count\": 234"));
	ck_assert_ptr_nonnull(strstr(a, "0.30000000000000004"));
	ck_assert_ptr_null(strstr(a, "instance_classes"));
	ck_assert_int_eq(ecap_policy_new(&q, &err), 0);
	ck_assert_msg(ecap_policy_load_json(q, a, strlen(a), &err) == 0, "%s", err.message);
	b = dump(q);
	ck_assert_str_eq(a, b);
	ck_assert_uint_eq(ecap_policy_catalog_count(q, ECAP_CATALOG_SPARK_NODE), 76);
	ECAP_STRUCT_INIT(&e);
	ck_assert_int_eq(ecap_policy_catalog_find(q, ECAP_CATALOG_SPARK_NODE, "r5.4xlarge", &e, &err), 0);
	ck_assert(e.price_usd_per_hour == 0.1 + 0.2);
	ecap_free(a);
	ecap_free(b);
	ecap_policy_free(&q);
}
END_TEST

START_TEST(json_replaces_a_catalog)
{
	static const char *const kafka[] = { "kafka.m5.large", "kafka.m5.xlarge" };

	seed_database();

	ck_assert_msg(load("{\"catalog.kafka-broker\": ["
			   "{\"name\": \"kafka.m5.xlarge\", \"vcpu_count\": 4, \"memory_gb\": 16,"
			   " \"price_usd_per_hour\": 0.42, \"storage_usd_per_gb_month\": 0.1,"
			   " \"max_partition_replica_count\": 1000, \"throughput_mb_per_second\": 100,"
			   " \"region\": \"us-east-1\", \"price_date\": \"2026-01-01\"},"
			   "{\"name\": \"kafka.m5.large\", \"vcpu_count\": 2, \"memory_gb\": 8,"
			   " \"price_usd_per_hour\": 0.21, \"max_partition_replica_count\": 1000,"
			   " \"throughput_mb_per_second\": 50, \"family\": \"m5\","
			   " \"region\": \"us-east-1\", \"price_date\": \"2026-01-01\"}]}") == 0,
		      "%s", err.message);
	expect_names(ECAP_CATALOG_KAFKA_BROKER, kafka, 2);
	ck_assert_str_eq(e.family, "kafka.m5");
	ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_KAFKA_BROKER, 0, &e, &err), 0);
	ck_assert_str_eq(e.family, "m5");
	ck_assert_double_near(e.storage_usd_per_gb_month, 0.0);
	/* The other catalogs are as they were. */
	ck_assert_uint_eq(ecap_policy_catalog_count(p, ECAP_CATALOG_SPARK_NODE), 76);
	ck_assert_uint_eq(ecap_policy_catalog_count(p, ECAP_CATALOG_DATABASE), 3);
}
END_TEST

#define ROW "\"vcpu_count\": 4, \"memory_gb\": 32, \"price_usd_per_hour\": 0.5, " \
	    "\"region\": \"us-east-1\", \"price_date\": \"2026-01-01\""

START_TEST(json_errors_leave_the_policy)
{
	char *before = dump(p), *after;

	ck_assert_err(load("{\"catalog.database\": {}}"), ECAP_ERR_JSON, err, "catalog.database");
	ck_assert_err(load("{\"catalog.database\": []}"), ECAP_ERR_RANGE, err, "catalog.database");
	ck_assert_err(load("{\"catalog.rds\": []}"), ECAP_ERR_UNKNOWN_KEY, err, "catalog.rds");
	ck_assert_err(load("{\"database.instance_classes\": []}"), ECAP_ERR_UNKNOWN_KEY, err,
		      "database.instance_classes");
	ck_assert_err(load("{\"catalog.database\": [1]}"), ECAP_ERR_JSON, err, "catalog.database[0].");
	ck_assert_err(load("{\"catalog.database\": [{\"name\": \"a.b\"}]}"), ECAP_ERR_INVALID, err,
		      "catalog.database[0].");
	/* The second entry is bad: the first is not kept either. */
	ck_assert_err(load("{\"catalog.database\": [{\"name\": \"db.a.x\", " ROW "},\n"
			   " {\"name\": \"db.b.x\", " ROW ", \"gpu\": 1}]}"),
		      ECAP_ERR_UNKNOWN_KEY, err, "catalog.database[1].gpu");
	ck_assert_int_eq(err.line, 2);
	ck_assert_err(load("{\"catalog.database\": [{\"name\": \"db.a.x\", " ROW "},"
			   " {\"name\": \"db.a.x\", " ROW "}]}"),
		      ECAP_ERR_INVALID, err, "catalog.database");
	ck_assert_err(load("{\n\"catalog.spark-node\": [{\"name\": \"m5.x\", " ROW ","
			   " \"yarn_memory_mb\": 24576, \"eks_max_pod_count\": 58,"
			   " \"memory_gb\": 16}]}"),
		      ECAP_ERR_JSON, err, "");
	ck_assert_err(load("{\n\"catalog.spark-node\": [{\"name\": \"m5.x\", " ROW ","
			   " \"yarn_memory_mb\": 40000, \"eks_max_pod_count\": 58}]}"),
		      ECAP_ERR_RANGE, err, "catalog.spark-node[0].yarn_memory_mb");
	ck_assert_int_eq(err.line, 2);
	ck_assert_err(load("{\"catalog.spark-node\": [{\"name\": \"m5.x\", " ROW ","
			   " \"yarn_memory_mb\": 24576, \"eks_max_pod_count\": 58,"
			   " \"multi_az_price_usd_per_hour\": 1}]}"),
		      ECAP_ERR_INVALID, err, "catalog.spark-node[0].multi_az_price_usd_per_hour");
	ck_assert_err(load("{\"catalog.spark-node\": [{\"name\": \"m5.x\", " ROW ","
			   " \"yarn_memory_mb\": 24576, \"eks_max_pod_count\": 4294967354}]}"),
		      ECAP_ERR_RANGE, err, "catalog.spark-node[0].eks_max_pod_count");
	ck_assert_err(load("{\"catalog.spark-node\": [{\"name\": \"m5.x\", " ROW ","
			   " \"yarn_memory_mb\": 24576.5, \"eks_max_pod_count\": 58}]}"),
		      ECAP_ERR_JSON, err, "catalog.spark-node[0].yarn_memory_mb");
	ck_assert_err(load("{\"catalog.database\": [{\"name\": 3, " ROW "}]}"),
		      ECAP_ERR_JSON, err, "catalog.database[0].name");
	ck_assert_err(load("{\"catalog.database\": [{\"name\": \"db.a.x\", " ROW ","
			   " \"price_date\": \"2026-01-01T00:00\"}]}"),
		      ECAP_ERR_JSON, err, "");
	ck_assert_err(load("{\"catalog.database\": [{\"name\": \"db.a.x\", \"vcpu_count\": 4,"
			   " \"memory_gb\": 32, \"price_usd_per_hour\": 0.5, \"region\": \"us-east-1\","
			   " \"price_date\": \"2026-01-01T00\"}]}"),
		      ECAP_ERR_INVALID, err, "catalog.database[0].price_date");
	ck_assert_err(load("{\"catalog.database\": [{\"name\": \"db a\", " ROW "}]}"),
		      ECAP_ERR_RANGE, err, "catalog.database[0].name");
	ck_assert_err(load("{\"catalog.database\": [{\"name\": \"db.a.x\", \"vcpu_count\": 4,"
			   " \"memory_gb\": 32, \"price_usd_per_hour\": 0.5, \"region\": \"us-east-1\","
			   " \"price_date\": \"26-01-01\"}]}"),
		      ECAP_ERR_INVALID, err, "catalog.database[0].price_date");
	ck_assert_err(load("{\"catalog.database\": [{\"name\": \"db.a.x\", \"vcpu_count\": 4,"
			   " \"memory_gb\": 32, \"price_usd_per_hour\": 0.5, \"region\": \"us-east-1\","
			   " \"price_date\": \"2026-01-01-and-more\"}]}"),
		      ECAP_ERR_RANGE, err, "catalog.database[0].price_date");
	after = dump(p);
	ck_assert_str_eq(before, after);
	ecap_free(before);
	ecap_free(after);
}
END_TEST

START_TEST(dynamic_keys)
{
	double d = 0;
	int64_t i = 0;
	char *before, *after;

	seed_database();

	ck_assert_int_eq(ecap_policy_get_double(p, "catalog.spark-node.m5.4xlarge.memory_gb", &d, &err), 0);
	ck_assert_double_near(d, 64.0);
	ck_assert_int_eq(ecap_policy_get_int64(p, "catalog.spark-node.m5.4xlarge.yarn_memory_mb", &i, &err), 0);
	ck_assert_int_eq(i, 57344);
	ck_assert_int_eq(ecap_policy_get_int64(p, "catalog.spark-node.r5.xlarge.vcpu_count", &i, &err), 0);
	ck_assert_int_eq(i, 4);
	ck_assert_int_eq(ecap_policy_get_int64(p, "catalog.kafka-broker.kafka.m5.large.max_partition_replica_count",
					       &i, &err), 0);
	ck_assert_int_eq(i, 1000);
	ck_assert_int_eq(ecap_policy_get_double(p, "catalog.database.db.r6g.xlarge.multi_az_price_usd_per_hour",
						&d, &err), 0);
	ck_assert_double_near(d, 1.008);
	/* Setting a price reorders: db.r6g.xlarge becomes the dearest. */
	ck_assert_int_eq(ecap_policy_set_double(p, "catalog.database.db.r6g.xlarge.price_usd_per_hour", 9, &err), 0);
	ECAP_STRUCT_INIT(&e);
	ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_DATABASE, 2, &e, &err), 0);
	ck_assert_str_eq(e.name, "db.r6g.xlarge");
	ck_assert_double_near(e.price_usd_per_hour, 9.0);
	ck_assert_int_eq(ecap_policy_set_int64(p, "catalog.spark-node.m5.xlarge.eks_max_pod_count", 110, &err), 0);
	ck_assert_int_eq(ecap_policy_get_int64(p, "catalog.spark-node.m5.xlarge.eks_max_pod_count", &i, &err), 0);
	ck_assert_int_eq(i, 110);

	before = dump(p);
	ck_assert_err(ecap_policy_set_double(p, "catalog.database.db.r6g.xlarge.memory_gb", 0, &err),
		      ECAP_ERR_RANGE, err, "catalog.database.db.r6g.xlarge.memory_gb");
	ck_assert_err(ecap_policy_set_double(p, "catalog.database.db.r6g.xlarge.memory_gb", NAN, &err),
		      ECAP_ERR_INVALID, err, "catalog.database.db.r6g.xlarge.memory_gb");
	ck_assert_err(ecap_policy_set_int64(p, "catalog.database.db.r6g.xlarge.vcpu_count", 0, &err),
		      ECAP_ERR_RANGE, err, "catalog.database.db.r6g.xlarge.vcpu_count");
	ck_assert_err(ecap_policy_set_int64(p, "catalog.database.db.r6g.xlarge.vcpu_count",
					    INT64_C(4294967300), &err),
		      ECAP_ERR_RANGE, err, "catalog.database.db.r6g.xlarge.vcpu_count");
	/* YARN above the node's memory (16 GiB = 16384 MiB). */
	ck_assert_err(ecap_policy_set_int64(p, "catalog.spark-node.m5.xlarge.yarn_memory_mb", 16385, &err),
		      ECAP_ERR_RANGE, err, "catalog.spark-node.m5.xlarge.yarn_memory_mb");
	/* Wrong types. */
	ck_assert_err(ecap_policy_set_double(p, "catalog.database.db.r6g.xlarge.vcpu_count", 4, &err),
		      ECAP_ERR_TYPE, err, "catalog.database.db.r6g.xlarge.vcpu_count");
	ck_assert_err(ecap_policy_get_int64(p, "catalog.database.db.r6g.xlarge.memory_gb", &i, &err),
		      ECAP_ERR_TYPE, err, "catalog.database.db.r6g.xlarge.memory_gb");
	ck_assert_err(ecap_policy_get_string(p, "catalog.database.db.r6g.xlarge.memory_gb",
					     &(const char *){ NULL }, &err),
		      ECAP_ERR_TYPE, err, "catalog.database.db.r6g.xlarge.memory_gb");
	/* Unknown: entry, catalog, field, a field of another catalog, the
	 * string fields, the old keys. */
	ck_assert_err(ecap_policy_get_double(p, "catalog.database.db.nope.memory_gb", &d, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "catalog.database.db.nope.memory_gb");
	ck_assert_err(ecap_policy_get_double(p, "catalog.rds.db.r6g.xlarge.memory_gb", &d, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "catalog.rds.db.r6g.xlarge.memory_gb");
	ck_assert_err(ecap_policy_get_double(p, "catalog.database.db.r6g.xlarge.gpu", &d, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "catalog.database.db.r6g.xlarge.gpu");
	ck_assert_err(ecap_policy_get_double(p, "catalog.database.db.r6g.xlarge.emr_price_usd_per_hour",
					     &d, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "catalog.database.db.r6g.xlarge.emr_price_usd_per_hour");
	ck_assert_err(ecap_policy_get_double(p, "catalog.database.db.r6g.xlarge.region", &d, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "catalog.database.db.r6g.xlarge.region");
	ck_assert_err(ecap_policy_get_double(p, "catalog.database", &d, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "catalog.database");
	ck_assert_err(ecap_policy_get_double(p, "database.instance_classes.db.r6g.xlarge.memory_gb", &d, &err),
		      ECAP_ERR_UNKNOWN_KEY, err, "database.instance_classes.db.r6g.xlarge.memory_gb");
	after = dump(p);
	ck_assert_str_eq(before, after);
	ecap_free(before);
	ecap_free(after);
}
END_TEST

/* The database advisor reads the catalog: ecap-1 takes the cheapest class
 * that holds the memory and the vCPUs; the guide keeps its own classes. */
START_TEST(database_uses_the_catalog)
{
	struct ecap_database_in in;
	struct ecap_database_out out;

	/* A cheap but large class sorts first by price. */
	db_entry("db.big.cheap", 512, 0.01, 64);
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	in.transactions_per_day = 10000;
	ck_assert_int_eq(ecap_database_advise(p, &in, &out, &err), 0);
	/* ecap-1: 16 GB and 2 vCPUs; the cheap big class is the cheapest */
	ck_assert_str_eq(out.instance_class, "db.big.cheap");
	/* guide: max(16, 4.5) = 16 GB -> its own db.r6g.xlarge */
	use_model("guide");
	ck_assert_int_eq(ecap_database_advise(p, &in, &out, &err), 0);
	ck_assert_str_eq(out.instance_class, "db.r6g.xlarge");
}
END_TEST

Suite *
catalog_suite(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc = tcase_create("catalog");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_add_test(tc, names);
	tcase_add_test(tc, defaults_present_and_sorted);
	tcase_add_test(tc, defaults_validate);
	tcase_add_test(tc, set_replace_remove_and_never_empty);
	tcase_add_test(tc, fill_to_the_limit);
	tcase_add_test(tc, validation);
	tcase_add_test(tc, struct_size_rules);
	tcase_add_test(tc, copy_is_independent);
	tcase_add_test(tc, json_round_trip);
	tcase_add_test(tc, json_replaces_a_catalog);
	tcase_add_test(tc, json_errors_leave_the_policy);
	tcase_add_test(tc, dynamic_keys);
	tcase_add_test(tc, database_uses_the_catalog);
	suite_add_tcase(s, tc);
	return s;
}
