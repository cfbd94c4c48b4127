/* SPDX-License-Identifier: MIT */
/*
 * The executor auto-pick reads each catalog node's capacity and executor
 * shape from a table the policy keeps (executor-table.c); a named node is
 * sized from scratch.  After every kind of policy change (a key, a
 * catalog entry by key or by struct, a removal, a JSON load, a copy) the
 * node the auto-pick chooses, named, must get the same executors, heap,
 * nodes and cost: a table left behind by a change would disagree.
 */
#include <stdbool.h>

#include "fixture.h"

static void
same_as_named(ecap_policy *pol, int32_t platform, double daily_gb)
{
	struct ecap_executor_in in;
	struct ecap_executor_out pick, named;
	struct ecap_error e;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&pick);
	ECAP_STRUCT_INIT(&named);
	ECAP_STRUCT_INIT(&e);
	in.platform = platform;
	in.daily_data_gb = daily_gb;
	ck_assert_msg(ecap_executor_advise(pol, &in, &pick, &e) == 0, "%s",
		      e.message);
	memcpy(in.node_type, pick.node_type, sizeof(in.node_type));
	ck_assert_msg(ecap_executor_advise(pol, &in, &named, &e) == 0, "%s",
		      e.message);
	ck_assert_str_eq(named.node_type, pick.node_type);
	ck_assert_int_eq(named.executor_count, pick.executor_count);
	ck_assert_int_eq(named.executor_core_count, pick.executor_core_count);
	ck_assert_int_eq(named.executors_per_node_count,
			 pick.executors_per_node_count);
	ck_assert_uint_eq(named.executor_heap_bytes, pick.executor_heap_bytes);
	ck_assert_uint_eq(named.executor_overhead_bytes,
			  pick.executor_overhead_bytes);
	ck_assert_int_eq(named.node_count, pick.node_count);
	ck_assert_double_near(named.node_usable_vcpu, pick.node_usable_vcpu);
	ck_assert_double_near(named.projected_cost_usd,
			      pick.projected_cost_usd);
}

static void
every_platform(ecap_policy *pol)
{
	static const double volumes[] = { 1.0, 100.0, 5000.0 };
	int32_t platform;
	size_t i;

	for (platform = ECAP_SPARK_PLATFORM_DEFAULT;
	     platform <= ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM; platform++)
		for (i = 0; i < sizeof(volumes) / sizeof(volumes[0]); i++)
			same_as_named(pol, platform, volumes[i]);
}

START_TEST(picked_equals_named_after_changes)
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
	tcase_add_test(tc, picked_equals_named_after_changes);
	suite_add_tcase(s, tc);
	return s;
}
