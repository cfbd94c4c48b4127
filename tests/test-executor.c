/* SPDX-License-Identifier: MIT */
/*
 * Executor sizing: the guide's calculate_spark_resources number for
 * number, Spark's overhead and memory regions, the guide's node packing,
 * the property rendering, and every bad input (ecap-1's sizing is in
 * test-executor-ecap1.c and test-executor-catalog.c).  Expected values
 * are worked by hand in the comments.
 */
#include <stdio.h>

#include "fixture.h"

#define MIB ((uint64_t)1 << 20)
#define GIB ((uint64_t)1 << 30)

ADVISOR_FIXTURE(executor)
ADVISE_BY(executor, daily_data_gb, double)

/* ---- guide ---- */

START_TEST(guide_100gb_differs_from_its_comment)
{
	use_model("guide");
	/*
	 * The guide's comment says "100GB daily: 34 executors, 6GB each,
	 * ~$6.80/hour".  Its formula gives: required 100*3 = 300 GB; target
	 * 8*0.25 = 2 h; required_executors max(2, int(100/(10*2))) = 5;
	 * memory min(8, max(4, 300/5 = 60)) = 8; final int(300/8 = 37.5)
	 * = 37; total 37*8 = 296 GB (< 300); cost 37*0.20 = 7.40.
	 */
	advise(100.0);
	ck_assert_int_eq(out.model, ECAP_MODEL_GUIDE);
	ck_assert_int_eq(out.executor_count, 37);
	ck_assert_double_near(out.executor_heap_gb, 8.0);
	ck_assert_uint_eq(out.executor_heap_bytes, 8 * GIB);
	ck_assert_int_eq(out.executor_core_count, 2);
	ck_assert_double_near(out.required_memory_gb, 300.0);
	ck_assert_double_near(out.total_memory_gb, 296.0);
	ck_assert_double_near(out.memory_shortfall_gb, 4.0);
	ck_assert_double_near(out.cost_usd_per_hour, 37 * 0.20);
	/* 7.40 $/h * 8 h window */
	ck_assert_double_near(out.window_cost_usd, 37 * 0.20 * 8.0);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT);
	/* The guide does not cap: 37 executors over its own max of 20. */
	ck_assert_int_eq(out.capped_by_max_executors, 0);
	/* The guide's YAML: min 2, initial 4, max 20. */
	ck_assert_int_eq(out.dynamic_min_executor_count, 2);
	ck_assert_int_eq(out.dynamic_initial_executor_count, 4);
	ck_assert_int_eq(out.dynamic_max_executor_count, 20);
	/* 100 GB / (37 executors * 10 GB/h) = 0.27027 h <= 8 h */
	ck_assert_double_near(out.projected_hours, 100.0 / 370.0);
	ck_assert_int_eq(out.window_met, 1);
	ck_assert_double_near(out.target_hours, 2.0);
	ck_assert_double_near(out.processing_window_hours, 8.0);
	ck_assert_int_eq(out.node_count, 0);
}
END_TEST

START_TEST(guide_500gb_and_1tb)
{
	use_model("guide");
	/* Comment says 84 executors of 6GB, $16.80.  Formula: 1500 GB;
	 * max(2, int(500/20)) = 25; min(8, max(4, 60)) = 8;
	 * int(1500/8 = 187.5) = 187; 1496 GB; 187*0.2 = 37.40. */
	advise(500.0);
	ck_assert_int_eq(out.executor_count, 187);
	ck_assert_double_near(out.total_memory_gb, 1496.0);
	ck_assert_double_near(out.cost_usd_per_hour, 187 * 0.20);
	/* Comment says 167 executors, $33.40 for 1TB.  As 1024 GB: 3072 GB;
	 * int(1024/20 = 51.2) = 51; 3072/51 = 60.2 -> 8; int(384.0) = 384;
	 * 3072 GB exactly: nothing lost to truncation. */
	advise(1024.0);
	ck_assert_int_eq(out.executor_count, 384);
	ck_assert_double_near(out.total_memory_gb, 3072.0);
	ck_assert_double_near(out.cost_usd_per_hour, 384 * 0.20);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_GUIDE_FORMULA);
	/* As 1000 GB: int(50) = 50; 8; int(375.0) = 375; $75.00. */
	advise(1000.0);
	ck_assert_int_eq(out.executor_count, 375);
	ck_assert_double_near(out.cost_usd_per_hour, 75.0);
}
END_TEST

START_TEST(guide_small_volumes_truncate)
{
	use_model("guide");
	/* 1 GB: 3 GB needed; max(2, int(0.05)) = 2; min(8, max(4, 1.5))
	 * = 4; int(3/4 = 0.75) = 0 executors. */
	advise(1.0);
	ck_assert_int_eq(out.executor_count, 0);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_GUIDE_NO_EXECUTORS);
	ck_assert_double_near(out.total_memory_gb, 0.0);
	ck_assert_double_near(out.memory_shortfall_gb, 3.0);
	ck_assert_double_near(out.cost_usd_per_hour, 0.0);
	ck_assert_double_near(out.projected_hours, 0.0);
	ck_assert_int_eq(out.window_met, 0);
	/* Threshold 4/3 GB: 1.33*3 = 3.99 -> int(3.99/4) = 0 ... */
	advise(1.33);
	ck_assert_int_eq(out.executor_count, 0);
	/* ... 1.34*3 = 4.02 -> int(4.02/4 = 1.005) = 1, 4 GB < 4.02. */
	advise(1.34);
	ck_assert_int_eq(out.executor_count, 1);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT);
	/* 2 GB: 6 GB; 6/2 = 3 -> 4; int(1.5) = 1 executor, 4 GB < 6. */
	advise(2.0);
	ck_assert_int_eq(out.executor_count, 1);
	ck_assert_double_near(out.total_memory_gb, 4.0);
	/* 3 GB: 9 GB; 9/2 = 4.5 GB (fractional, the guide writes "4.5g");
	 * int(9/4.5) = 2; 9 GB: exact. */
	advise(3.0);
	ck_assert_int_eq(out.executor_count, 2);
	ck_assert_double_near(out.executor_heap_gb, 4.5);
	ck_assert_uint_eq(out.executor_heap_bytes, 4608 * MIB);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_GUIDE_FORMULA);
	/* overhead max(int(0.1 * 4608 = 460.8), 384) = 460 MiB */
	ck_assert_uint_eq(out.executor_overhead_bytes, 460 * MIB);
	ck_assert_uint_eq(out.executor_container_bytes, 5068 * MIB);
}
END_TEST

START_TEST(guide_window_and_int_boundary)
{
	use_model("guide");
	/* 40 GB in 4 h: target 1 h; max(2, int(40/10)) = 4; 120/4 = 30 ->
	 * 8; int(120/8) = 15; 120 GB. */
	in.processing_window_hours = 4.0;
	advise(40.0);
	ck_assert_int_eq(out.executor_count, 15);
	ck_assert_double_near(out.target_hours, 1.0);
	ck_assert_double_near(out.total_memory_gb, 120.0);
	/* 20 GB in 8 h: int(20/20 = 1.0) = 1 -> max(2, 1) = 2; 60/2 = 30
	 * -> 8; int(7.5) = 7. */
	in.processing_window_hours = 0.0;
	advise(20.0);
	ck_assert_int_eq(out.executor_count, 7);
}
END_TEST

/* ---- overhead and node packing (guide arithmetic) ---- */

START_TEST(overhead_by_platform)
{
	/* guide, 100 GB: 8 GiB heaps; 1 GB: 4 GiB heaps */
	use_model("guide");
	/* EMR: int(0.1875 * 8192) = 1536 MiB */
	in.platform = ECAP_SPARK_PLATFORM_EMR;
	advise(100.0);
	ck_assert_double_near(out.overhead_factor, 0.1875);
	ck_assert_uint_eq(out.executor_overhead_bytes, 1536 * MIB);
	/* Kubernetes non-JVM: int(0.4 * 8192 = 3276.8) = 3276 MiB */
	in.platform = ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM;
	advise(100.0);
	ck_assert_uint_eq(out.executor_overhead_bytes, 3276 * MIB);
	in.platform = ECAP_SPARK_PLATFORM_KUBERNETES;
	advise(100.0);
	ck_assert_uint_eq(out.executor_overhead_bytes, 819 * MIB);
	/* An explicit factor beats the platform: int(0.2 * 8192 = 1638.4) */
	in.overhead_factor = 0.2;
	advise(100.0);
	ck_assert_uint_eq(out.executor_overhead_bytes, 1638 * MIB);
	/* The 384 MiB floor: 4 GiB * 0.05 = 204.8 -> max(204, 384) = 384 */
	in.overhead_factor = 0.05;
	advise(1.0);
	ck_assert_uint_eq(out.executor_overhead_bytes, 384 * MIB);
	/* 0.09375 * 4096 = 384 exactly: the floor and the factor agree */
	in.overhead_factor = 0.09375;
	advise(1.0);
	ck_assert_uint_eq(out.executor_overhead_bytes, 384 * MIB);
}
END_TEST

START_TEST(node_packing_and_cost)
{
	/*
	 * guide, EMR m5.2xlarge: 8 vCPU, 32 GiB, YARN 24576 MB, $0.384 +
	 * $0.096.  37 executors of 8 GiB + 1536 MiB = 9728 MiB containers,
	 * 2 cores.  Cores: (8 - 1) / 2 = 3; memory: 24576 / 9728 = 2.53 ->
	 * 2; so 2 per node, ceil(37 / 2) = 19 nodes; the guide prices
	 * executor-hours: 37 * $0.20.
	 */
	use_model("guide");
	in.platform = ECAP_SPARK_PLATFORM_EMR;
	in.node_vcpu_count = 8;
	in.node_memory_gb = 32.0;
	in.node_yarn_memory_gb = 24.0;
	in.node_price_usd_per_hour = 0.48;
	advise(100.0);
	ck_assert_int_eq(out.executors_per_node_count, 2);
	ck_assert_int_eq(out.node_count, 19);
	ck_assert_double_near(out.cost_usd_per_hour, 37 * 0.20);
	/* Without the YARN figure: 32 - 1 = 31 GiB = 31744 MiB / 9728 =
	 * 3.26 -> 3; cores 3: 3 per node, ceil(37/3) = 13 nodes. */
	in.node_yarn_memory_gb = 0.0;
	advise(100.0);
	ck_assert_int_eq(out.executors_per_node_count, 3);
	ck_assert_int_eq(out.node_count, 13);
	ck_assert_double_near(out.cost_usd_per_hour, 37 * 0.20);
	ck_assert_int_eq(out.node_reason, ECAP_EXECUTOR_NODE_REASON_SHAPE);
}
END_TEST

START_TEST(node_too_small)
{
	/* guide: 37 executors of 8 GiB, 2 cores, 9011 MiB containers */
	use_model("guide");
	in.daily_data_gb = 100.0;
	/* 2 vCPU - 1 reserved = 1 core < 2 per executor */
	in.node_vcpu_count = 2;
	in.node_memory_gb = 64.0;
	ck_assert_err(ecap_executor_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "node_vcpu_count");
	ck_assert_int_eq(out.executor_count, 0);
	/* 3 vCPU leave 2 cores: fits (edge) */
	in.node_vcpu_count = 3;
	advise(100.0);
	ck_assert_int_eq(out.executors_per_node_count, 1);
	ck_assert_int_eq(out.node_count, 37);
	/* 9 GiB - 1 = 8 GiB = 8192 MiB < 9011 MiB container */
	in.node_vcpu_count = 16;
	in.node_memory_gb = 9.0;
	ck_assert_err(ecap_executor_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "node_memory_gb");
	/* 9011 MiB + 1 GiB reserved = 10035 MiB: exactly one container */
	in.node_memory_gb = 10035.0 / 1024.0;
	advise(100.0);
	ck_assert_int_eq(out.executors_per_node_count, 1);
	in.node_memory_gb = 9.0;
	in.node_yarn_memory_gb = 8.0;
	ck_assert_err(ecap_executor_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "node_yarn_memory_gb");
	/* 1 GiB node leaves nothing after the 1 GiB reservation */
	in.node_yarn_memory_gb = 0.0;
	in.node_memory_gb = 1.0;
	ck_assert_err(ecap_executor_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "node_memory_gb");
}
END_TEST

/* ---- memory regions ---- */

START_TEST(memory_regions_8gib)
{
	struct ecap_spark_memory_regions r;

	ECAP_STRUCT_INIT(&r);
	/* usable 8589934592 - 314572800 = 8275361792; unified
	 * (long)(8275361792 * 0.6 = 4965217075.2) = 4965217075; storage
	 * (long)(4965217075 * 0.5) = 2482608537; execution 2482608538;
	 * user 8275361792 - 4965217075 = 3310144717. */
	ck_assert_int_eq(ecap_spark_memory_regions(p, 8 * GIB, &r, &err), 0);
	ck_assert_uint_eq(r.heap_bytes, 8 * GIB);
	ck_assert_uint_eq(r.reserved_bytes, 300 * MIB);
	ck_assert_uint_eq(r.usable_bytes, 8275361792);
	ck_assert_uint_eq(r.unified_bytes, 4965217075);
	ck_assert_uint_eq(r.storage_bytes, 2482608537);
	ck_assert_uint_eq(r.execution_bytes, 2482608538);
	ck_assert_uint_eq(r.user_bytes, 3310144717);
	ck_assert_double_near(r.memory_fraction_ratio, 0.6);
	ck_assert_double_near(r.storage_fraction_ratio, 0.5);
	/* 1 GiB: usable 759169024; unified (long)455501414.4; storage
	 * 227750707; execution 227750707; user 303667610. */
	ck_assert_int_eq(ecap_spark_memory_regions(p, GIB, &r, &err), 0);
	ck_assert_uint_eq(r.unified_bytes, 455501414);
	ck_assert_uint_eq(r.storage_bytes, 227750707);
	ck_assert_uint_eq(r.execution_bytes, 227750707);
	ck_assert_uint_eq(r.user_bytes, 303667610);
	/* fraction 0.8 (the guide's legacy memoryFraction): 8 GiB unified
	 * (long)(8275361792 * 0.8 = 6620289433.6) = 6620289433 */
	ck_assert_int_eq(ecap_policy_set_double(p, "spark.memory_fraction",
						0.8, &err), 0);
	ck_assert_int_eq(ecap_spark_memory_regions(p, 8 * GIB, &r, &err), 0);
	ck_assert_uint_eq(r.unified_bytes, 6620289433);
}
END_TEST

START_TEST(memory_regions_limits)
{
	struct ecap_spark_memory_regions r;
	struct {
		struct ecap_spark_memory_regions r;
		char tail[16];
	} big;

	ECAP_STRUCT_INIT(&r);
	/* minSystemMemory = ceil(300 MiB * 1.5) = 471859200: accepted */
	ck_assert_int_eq(ecap_spark_memory_regions(p, 471859200, &r, &err), 0);
	ck_assert_uint_eq(r.usable_bytes, 471859200 - 314572800);
	ck_assert_err(ecap_spark_memory_regions(p, 471859199, &r, &err),
		      ECAP_ERR_RANGE, err, "heap_bytes");
	ck_assert_err(ecap_spark_memory_regions(p, 0, &r, &err),
		      ECAP_ERR_RANGE, err, "heap_bytes");
	ck_assert_int_eq(ecap_spark_memory_regions(p, (uint64_t)1 << 40, &r,
						   &err), 0);
	ck_assert_err(ecap_spark_memory_regions(p, ((uint64_t)1 << 40) + 1, &r,
						&err),
		      ECAP_ERR_RANGE, err, "heap_bytes");
	ck_assert_err(ecap_spark_memory_regions(NULL, GIB, &r, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_spark_memory_regions(p, GIB, NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_spark_memory_regions");
	r.sz = sizeof(size_t);
	ck_assert_err(ecap_spark_memory_regions(p, GIB, &r, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_spark_memory_regions");
	memset(&big, 0, sizeof(big));
	big.r.sz = sizeof(big);
	ck_assert_int_eq(ecap_spark_memory_regions(p, GIB, &big.r, &err), 0);
	big.tail[3] = 1;
	ck_assert_err(ecap_spark_memory_regions(p, GIB, &big.r, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_spark_memory_regions");
}
END_TEST

/* ---- properties ---- */

static const char *
prop(const struct ecap_property *props, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(props[i].key, key) == 0)
			return props[i].value;
	ck_abort_msg("property %s missing", key);
	return NULL;
}

START_TEST(spark_properties)
{
	struct ecap_property props[20];
	size_t n = 20, i;

	for (i = 0; i < 20; i++)
		ECAP_STRUCT_INIT(&props[i]);
	/*
	 * ecap-1, EMR r5.4xlarge (16 vCPU, YARN 122880 MB), 100 GB in 8 h:
	 * ceil(100 / (5 x 2)) = 10 cores -> ceil(10 / 4) = 3 executors of
	 * 4 cores; 4 slots per node, one for the driver: 1 node, 3
	 * executors.  Heap 30720 / 1.1875 = 25869 -> 25856 MiB (256 MiB
	 * steps), overhead int(0.1875 x 25856) = 4848 MiB: 30704 <= 30720.
	 * No spark.executor.instances beside dynamic allocation (min
	 * min(2, 3) = 2, initial min(4, 3) = 3, max 3).
	 */
	in.platform = ECAP_SPARK_PLATFORM_EMR;
	strcpy(in.node_type, "r5.4xlarge");
	advise(100.0);
	ck_assert_int_eq(ecap_executor_spark_properties(&out, props, &n, &err),
			 0);
	ck_assert_uint_eq(n, 14);
	for (i = 0; i < n; i++)
		ck_assert_str_ne(props[i].key, "spark.executor.instances");
	ck_assert_str_eq(prop(props, n, "spark.executor.memory"), "25856m");
	ck_assert_str_eq(prop(props, n, "spark.executor.cores"), "4");
	ck_assert_str_eq(prop(props, n, "spark.executor.memoryOverhead"), "4848m");
	ck_assert_str_eq(prop(props, n, "spark.memory.fraction"), "0.6");
	ck_assert_str_eq(prop(props, n, "spark.memory.storageFraction"), "0.5");
	ck_assert_str_eq(prop(props, n, "spark.dynamicAllocation.enabled"), "true");
	ck_assert_str_eq(prop(props, n, "spark.dynamicAllocation.minExecutors"), "2");
	ck_assert_str_eq(prop(props, n, "spark.dynamicAllocation.initialExecutors"), "3");
	ck_assert_str_eq(prop(props, n, "spark.dynamicAllocation.maxExecutors"), "3");
	ck_assert_str_eq(prop(props, n, "spark.sql.adaptive.enabled"), "true");
	ck_assert_str_eq(prop(props, n, "spark.sql.adaptive.coalescePartitions.enabled"),
			 "true");
	ck_assert_str_eq(prop(props, n, "spark.serializer"),
			 "org.apache.spark.serializer.KryoSerializer");
	ck_assert_str_eq(prop(props, n, "spark.sql.execution.arrow.pyspark.enabled"),
			 "true");
	/* No shuffle service assumed: shuffle tracking keeps dynamic
	 * allocation startable (Spark 3.0+). */
	ck_assert_str_eq(prop(props, n, "spark.dynamicAllocation.shuffleTracking.enabled"),
			 "true");
	/*
	 * EKS m5.2xlarge: allocatable 8 - 0.09 = 7.91 vCPU, less 0.25 for
	 * DaemonSets = 7.66: 2 executors of 4 cores requesting
	 * floor(7.66 / 2 x 1000) = 3830 millicores.
	 */
	in.platform = ECAP_SPARK_PLATFORM_KUBERNETES;
	strcpy(in.node_type, "m5.2xlarge");
	advise(100.0);
	n = 20;
	ck_assert_int_eq(ecap_executor_spark_properties(&out, props, &n, &err),
			 0);
	ck_assert_uint_eq(n, 19);
	ck_assert_str_eq(prop(props, n, "spark.kubernetes.executor.request.cores"),
			 "3.83");
	ck_assert_str_eq(prop(props, n, "spark.executor.cores"), "4");
	/* The driver pod takes the slot kept for it: one executor's size
	 * (pods of 12800 + 1280 = 14080 MiB, eks_allocatable; 3 executors
	 * and the driver on two nodes of two slots). */
	ck_assert_str_eq(prop(props, n, "spark.executor.memory"), "12800m");
	ck_assert_str_eq(prop(props, n, "spark.driver.cores"), "4");
	ck_assert_str_eq(prop(props, n, "spark.kubernetes.driver.request.cores"),
			 "3.83");
	ck_assert_str_eq(prop(props, n, "spark.driver.memory"), "12800m");
	ck_assert_str_eq(prop(props, n, "spark.driver.memoryOverhead"), "1280m");
	ck_assert_int_eq(out.node_count, 2);
	memset(in.node_type, 0, sizeof(in.node_type));
	in.platform = 0;
	/* guide, 100 GB: 37 executors over the YAML's max of 20; the
	 * rendered maximum is raised to 37 so the instances are not capped. */
	use_model("guide");
	advise(100.0);
	n = 20;
	ck_assert_int_eq(ecap_executor_spark_properties(&out, props, &n, &err),
			 0);
	ck_assert_str_eq(prop(props, n, "spark.executor.instances"), "37");
	ck_assert_str_eq(prop(props, n, "spark.dynamicAllocation.maxExecutors"), "37");
	/* guide, 3 GB: 4.5 GB -> "4608m", overhead 460 MiB -> "460m" */
	advise(3.0);
	n = 20;
	ck_assert_int_eq(ecap_executor_spark_properties(&out, props, &n, &err),
			 0);
	ck_assert_str_eq(prop(props, n, "spark.executor.memory"), "4608m");
	ck_assert_str_eq(prop(props, n, "spark.executor.memoryOverhead"), "460m");
	ck_assert_str_eq(prop(props, n, "spark.executor.instances"), "2");
	/* 1 GiB overhead prints as "1g": guide 100 GB, 8 GiB heaps,
	 * 0.125 * 8192 = 1024 MiB */
	in.overhead_factor = 0.125;
	advise(100.0);
	n = 20;
	ck_assert_int_eq(ecap_executor_spark_properties(&out, props, &n, &err),
			 0);
	ck_assert_str_eq(prop(props, n, "spark.executor.memoryOverhead"), "1g");
}
END_TEST

START_TEST(spark_properties_errors)
{
	struct ecap_property props[3];
	size_t n = 3, i;

	for (i = 0; i < 3; i++)
		ECAP_STRUCT_INIT(&props[i]);
	advise(100.0);	/* ecap-1: 14 properties, no instances */
	ck_assert_err(ecap_executor_spark_properties(&out, props, &n, &err),
		      ECAP_ERR_NOSPACE, err, "count");
	ck_assert_uint_eq(n, 14);
	n = 0;
	ck_assert_err(ecap_executor_spark_properties(&out, NULL, &n, &err),
		      ECAP_ERR_NOSPACE, err, "count");
	ck_assert_uint_eq(n, 14);
	ck_assert_err(ecap_executor_spark_properties(&out, props, NULL, &err),
		      ECAP_ERR_INVALID, err, "count");
	ck_assert_err(ecap_executor_spark_properties(NULL, props, &n, &err),
		      ECAP_ERR_INVALID, err, "ecap_executor_out");
	/* An edited advice must still render as valid settings. */
	{
		struct ecap_executor_out bad = out;

		bad.executor_count = -3;
		ck_assert_err(ecap_executor_spark_properties(&bad, props, &n, &err),
			      ECAP_ERR_RANGE, err, "executor_count");
		bad = out;
		bad.memory_fraction_ratio = NAN;
		ck_assert_err(ecap_executor_spark_properties(&bad, props, &n, &err),
			      ECAP_ERR_INVALID, err, "memory_fraction_ratio");
		bad = out;
		bad.executor_core_count = 0;
		ck_assert_err(ecap_executor_spark_properties(&bad, props, &n, &err),
			      ECAP_ERR_RANGE, err, "executor_core_count");
		bad = out;
		bad.executor_request_vcpu = bad.executor_core_count + 1.0;
		ck_assert_err(ecap_executor_spark_properties(&bad, props, &n, &err),
			      ECAP_ERR_RANGE, err, "executor_request_vcpu");
	}
	n = 3;
	props[0].sz = 4;
	ck_assert_err(ecap_executor_spark_properties(&out, props, &n, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_property");
	/* A zeroed output is not an advice. */
	ECAP_STRUCT_INIT(&out);
	ck_assert_err(ecap_executor_spark_properties(&out, props, &n, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "model");
}
END_TEST

/* ---- platform names ---- */

START_TEST(platform_names)
{
	static const char *names[] = { "default", "yarn", "emr", "kubernetes",
				       "kubernetes-non-jvm" };
	int32_t v = -1, i;

	for (i = 0; i < 5; i++) {
		ck_assert_str_eq(ecap_spark_platform_to_string(i), names[i]);
		ck_assert_int_eq(ecap_spark_platform_from_string(names[i], &v,
								 &err), 0);
		ck_assert_int_eq(v, i);
	}
	ck_assert_ptr_null(ecap_spark_platform_to_string(5));
	ck_assert_ptr_null(ecap_spark_platform_to_string(-1));
	ck_assert_err(ecap_spark_platform_from_string("EMR", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "platform");
	ck_assert_err(ecap_spark_platform_from_string(NULL, &v, &err),
		      ECAP_ERR_INVALID, err, "name");
	ck_assert_err(ecap_spark_platform_from_string("emr", NULL, &err),
		      ECAP_ERR_INVALID, err, "platform");
}
END_TEST

/* ---- bad input ---- */

#define BAD(code, fld)                                                    \
	do {                                                              \
		ck_assert_err(ecap_executor_advise(p, &in, &out, &err),   \
			      code, err, fld);                            \
		ECAP_STRUCT_INIT(&in);                                    \
		in.daily_data_gb = 100.0;                                 \
	} while (0)

START_TEST(bad_input)
{
	in.daily_data_gb = 100.0;
	ck_assert_err(ecap_executor_advise(NULL, &in, &out, &err),
		      ECAP_ERR_INVALID, err, "policy");
	ck_assert_err(ecap_executor_advise(p, NULL, &out, &err),
		      ECAP_ERR_INVALID, err, "ecap_executor_in");
	ck_assert_err(ecap_executor_advise(p, &in, NULL, &err),
		      ECAP_ERR_INVALID, err, "ecap_executor_out");
	in.daily_data_gb = NAN;		BAD(ECAP_ERR_INVALID, "daily_data_gb");
	in.daily_data_gb = INFINITY;	BAD(ECAP_ERR_INVALID, "daily_data_gb");
	in.daily_data_gb = -1.0;	BAD(ECAP_ERR_RANGE, "daily_data_gb");
	in.daily_data_gb = 0.0;		BAD(ECAP_ERR_RANGE, "daily_data_gb");
	in.daily_data_gb = 2e9;		BAD(ECAP_ERR_RANGE, "daily_data_gb");
	in.processing_window_hours = NAN; BAD(ECAP_ERR_INVALID, "processing_window_hours");
	in.processing_window_hours = -1;  BAD(ECAP_ERR_RANGE, "processing_window_hours");
	in.processing_window_hours = 8761; BAD(ECAP_ERR_RANGE, "processing_window_hours");
	in.overhead_factor = -0.1;	BAD(ECAP_ERR_RANGE, "overhead_factor");
	in.overhead_factor = 10.5;	BAD(ECAP_ERR_RANGE, "overhead_factor");
	in.overhead_factor = -INFINITY;	BAD(ECAP_ERR_INVALID, "overhead_factor");
	in.max_executor_count = -1;	BAD(ECAP_ERR_RANGE, "max_executor_count");
	in.max_executor_count = 100001;	BAD(ECAP_ERR_RANGE, "max_executor_count");
	in.max_executor_count = 1;	BAD(ECAP_ERR_RANGE, "max_executor_count");
	in.executor_core_count = -1;	BAD(ECAP_ERR_RANGE, "executor_core_count");
	in.executor_core_count = 257;	BAD(ECAP_ERR_RANGE, "executor_core_count");
	in.reserved_0 = 1;		BAD(ECAP_ERR_RANGE, "reserved_0");
	in.platform = 5;		BAD(ECAP_ERR_UNKNOWN_ENUM, "platform");
	in.platform = -1;		BAD(ECAP_ERR_UNKNOWN_ENUM, "platform");
	in.node_vcpu_count = -1;	BAD(ECAP_ERR_RANGE, "node_vcpu_count");
	in.node_vcpu_count = 65537;	BAD(ECAP_ERR_RANGE, "node_vcpu_count");
	in.node_vcpu_count = 8;		BAD(ECAP_ERR_RANGE, "node_memory_gb");
	in.node_memory_gb = 32;		BAD(ECAP_ERR_INVALID, "node_vcpu_count");
	in.node_price_usd_per_hour = 1;	BAD(ECAP_ERR_INVALID, "node_vcpu_count");
	in.node_memory_gb = NAN;	BAD(ECAP_ERR_INVALID, "node_memory_gb");
	in.node_memory_gb = -1;		BAD(ECAP_ERR_RANGE, "node_memory_gb");
	in.node_yarn_memory_gb = -1;	BAD(ECAP_ERR_RANGE, "node_yarn_memory_gb");
	in.node_price_usd_per_hour = -1; BAD(ECAP_ERR_RANGE, "node_price_usd_per_hour");
	in.node_price_usd_per_hour = NAN; BAD(ECAP_ERR_INVALID, "node_price_usd_per_hour");
	/* the policy's max below its min: refused by the set itself
	 * (issue 17), naming both keys */
	ck_assert_err(ecap_policy_set_int64(p, "executor.max_executors", 1,
					    &err),
		      ECAP_ERR_RANGE, err, "executor.max_executors");
	ck_assert_ptr_nonnull(strstr(err.message, "executor.min_executors"));
	in.runs_per_day_count = -1;	BAD(ECAP_ERR_RANGE, "runs_per_day_count");
	in.runs_per_day_count = 1441;	BAD(ECAP_ERR_RANGE, "runs_per_day_count");
	in.partition_size_mb = NAN;	BAD(ECAP_ERR_INVALID, "partition_size_mb");
	in.partition_size_mb = -1;	BAD(ECAP_ERR_RANGE, "partition_size_mb");
	in.node_max_pod_count = -1;	BAD(ECAP_ERR_RANGE, "node_max_pod_count");
	in.node_max_pod_count = 58;	BAD(ECAP_ERR_INVALID, "node_vcpu_count");
	strcpy(in.node_type, "r5.5xlarge"); BAD(ECAP_ERR_NOT_FOUND, "node_type");
	strcpy(in.node_type, "r5.4xlarge");
	in.node_vcpu_count = 16;	BAD(ECAP_ERR_INVALID, "node_type");
	memset(in.node_type, 'x', sizeof(in.node_type)); BAD(ECAP_ERR_INVALID, "node_type");
	/* 1 EiB a day needs ~2e8 cores in 2 hours: refused, not sized */
	in.daily_data_gb = 1073741824.0; BAD(ECAP_ERR_RANGE, "daily_data_gb");
	/* the largest volume is accepted with a cap: 1 EiB */
	in.daily_data_gb = 1073741824.0;
	in.max_executor_count = 100000;
	advise(1073741824.0);
	ck_assert_int_eq(out.executor_count, 100000);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_CAPPED);
	ck_assert_int_eq(out.window_met, 0);
	use_model("guide");
	advise(1073741824.0);
	/* int(3 * 2^30 / 8) = 402653184 */
	ck_assert_int_eq(out.executor_count, 402653184);
}
END_TEST

START_TEST(bad_struct_size)
{
	struct {
		struct ecap_executor_in in;
		char tail[16];
	} big_in;
	struct {
		struct ecap_executor_out out;
		char tail[16];
	} big_out;

	in.daily_data_gb = 100.0;
	in.sz = sizeof(size_t);
	ck_assert_err(ecap_executor_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_executor_in");
	in.sz = sizeof(in);
	out.sz = sizeof(out) - 8;
	ck_assert_err(ecap_executor_advise(p, &in, &out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_executor_out");
	memset(&big_in, 0, sizeof(big_in));
	memset(&big_out, 0, sizeof(big_out));
	big_in.in.sz = sizeof(big_in);
	big_in.in.daily_data_gb = 100.0;
	big_out.out.sz = sizeof(big_out);
	ck_assert_int_eq(ecap_executor_advise(p, &big_in.in, &big_out.out,
					      &err), 0);
	out.sz = sizeof(out);
	advise(100.0);
	ck_assert_int_eq(big_out.out.executor_count, out.executor_count);
	big_in.tail[0] = 1;
	ck_assert_err(ecap_executor_advise(p, &big_in.in, &big_out.out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_executor_in");
	big_in.tail[0] = 0;
	big_out.tail[15] = 1;
	ck_assert_err(ecap_executor_advise(p, &big_in.in, &big_out.out, &err),
		      ECAP_ERR_STRUCT_SIZE, err, "ecap_executor_out");
	/* NULL err is allowed */
	out.sz = sizeof(out);
	ck_assert_int_eq(ecap_executor_advise(p, &in, &out, NULL), 0);
	in.daily_data_gb = -1;
	ck_assert_int_eq(ecap_executor_advise(p, &in, &out, NULL),
			 ECAP_ERR_RANGE);
}
END_TEST

Suite *
executor_suite(void)
{
	Suite *s = suite_create("executor");
	TCase *tc = tcase_create("executor");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_add_test(tc, guide_100gb_differs_from_its_comment);
	tcase_add_test(tc, guide_500gb_and_1tb);
	tcase_add_test(tc, guide_small_volumes_truncate);
	tcase_add_test(tc, guide_window_and_int_boundary);
	tcase_add_test(tc, overhead_by_platform);
	tcase_add_test(tc, node_packing_and_cost);
	tcase_add_test(tc, node_too_small);
	tcase_add_test(tc, memory_regions_8gib);
	tcase_add_test(tc, memory_regions_limits);
	tcase_add_test(tc, spark_properties);
	tcase_add_test(tc, spark_properties_errors);
	tcase_add_test(tc, platform_names);
	tcase_add_test(tc, bad_input);
	tcase_add_test(tc, bad_struct_size);
	suite_add_tcase(s, tc);
	return s;
}
