/* SPDX-License-Identifier: MIT */
/*
 * The executor advice reads each catalog node's capacity and executor
 * shape from a table the policy keeps (executor-table.c).  After every
 * kind of policy change (a key, a catalog entry by key or by struct, a
 * removal, a JSON load, a copy) the policy must advise exactly as a new
 * policy loaded from its dump, whose table is built from scratch: a
 * table left behind by a change would disagree.
 */
#include <stdbool.h>
#include <stdlib.h>

#include "fixture.h"

static void
advise(ecap_policy *pol, int32_t platform, double daily_gb,
       const char *node_type, struct ecap_executor_out *out)
{
	struct ecap_executor_in in;
	struct ecap_error e;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(out);
	ECAP_STRUCT_INIT(&e);
	in.platform = platform;
	in.daily_data_gb = daily_gb;
	strcpy(in.node_type, node_type);
	ck_assert_msg(ecap_executor_advise(pol, &in, out, &e) == 0, "%s",
		      e.message);
}

/* pol and fresh advise alike, the auto-pick and the node it picks named. */
static void
same_advice(ecap_policy *pol, ecap_policy *fresh, int32_t platform,
	    double daily_gb)
{
	struct ecap_executor_out x, y;
	char picked[sizeof(x.node_type)];

	advise(pol, platform, daily_gb, "", &x);
	advise(fresh, platform, daily_gb, "", &y);
	ck_assert_str_eq(x.node_type, y.node_type);
	ck_assert_msg(memcmp(&x, &y, sizeof(x)) == 0,
		      "platform %d, %g GB: the auto-pick differs", platform,
		      daily_gb);
	memcpy(picked, y.node_type, sizeof(picked));
	advise(pol, platform, daily_gb, picked, &x);
	advise(fresh, platform, daily_gb, picked, &y);
	ck_assert_str_eq(x.node_type, picked);
	ck_assert_msg(memcmp(&x, &y, sizeof(x)) == 0,
		      "platform %d, %g GB: %s named differs", platform,
		      daily_gb, picked);
}

static void
every_platform(ecap_policy *pol)
{
	static const double volumes[] = { 1.0, 100.0, 5000.0 };
	ecap_policy *fresh = NULL;
	char *dump = NULL;
	int32_t platform;
	size_t i;

	ck_assert_int_eq(ecap_policy_dump_json(pol, &dump, &err), 0);
	ck_assert_int_eq(ecap_policy_new(&fresh, &err), 0);
	ck_assert_msg(ecap_policy_load_json(fresh, dump, strlen(dump),
					    &err) == 0, "%s", err.message);
	for (platform = ECAP_SPARK_PLATFORM_DEFAULT;
	     platform <= ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM; platform++)
		for (i = 0; i < sizeof(volumes) / sizeof(volumes[0]); i++)
			same_advice(pol, fresh, platform, volumes[i]);
	ecap_policy_free(&fresh);
	ecap_free(dump);
}

START_TEST(advice_follows_every_change)
{
	static const char doc[] = "{\"executor.cores_min\": 2}";
	struct ecap_catalog_entry entry;
	ecap_policy *copy = NULL;

	every_platform(p);
	/* Keys the shapes read: cores, the heap limit, the overhead. */
	ck_assert_int_eq(ecap_policy_set_int64(p, "executor.cores_max", 3,
					       &err), 0);
	every_platform(p);
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.heap_max_gb",
						16.0, &err), 0);
	ck_assert_int_eq(ecap_policy_set_double(
				 p, "spark.min_memory_overhead_mb", 1024.0,
				 &err), 0);
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.overhead_factor",
						0.3, &err), 0);
	every_platform(p);
	/* A catalog entry changed by key, added, removed. */
	ck_assert_msg(ecap_policy_set_int64(
			      p, "catalog.spark-node.m6g.4xlarge.vcpu_count", 8,
			      &err) == 0, "%s", err.message);
	ck_assert_msg(ecap_policy_set_double(
			      p,
			      "catalog.spark-node.m6g.4xlarge.price_usd_per_hour",
			      0.05, &err) == 0, "%s", err.message);
	every_platform(p);
	ECAP_STRUCT_INIT(&entry);
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_SPARK_NODE,
						  "m6g.xlarge", &entry, &err),
			 0);
	strcpy(entry.name, "m6g.test");
	entry.vcpu_count = 6;
	ck_assert_int_eq(ecap_policy_catalog_set(p, &entry, &err), 0);
	every_platform(p);
	ck_assert_int_eq(ecap_policy_catalog_remove(p, ECAP_CATALOG_SPARK_NODE,
						    "m6g.test", &err), 0);
	every_platform(p);
	/* A load, and a copy that owns its table. */
	ck_assert_int_eq(ecap_policy_load_json(p, doc, sizeof(doc) - 1, &err),
			 0);
	every_platform(p);
	ck_assert_int_eq(ecap_policy_copy(p, &copy, &err), 0);
	ck_assert_int_eq(ecap_policy_set_int64(p, "executor.cores_max", 5,
					       &err), 0);
	every_platform(copy);
	every_platform(p);
	ecap_policy_free(&copy);
}
END_TEST

Suite *
executor_table_suite(void)
{
	Suite *s = suite_create("executor-table");
	TCase *tc = tcase_create("executor-table");

	tcase_add_checked_fixture(tc, policy_setup, policy_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, advice_follows_every_change);
	suite_add_tcase(s, tc);
	return s;
}
