/* SPDX-License-Identifier: MIT */
/*
 * ecap-1 executor sizing on a named node: executors cut from a node of the
 * platform (YARN, EMR, Kubernetes), the cores the window needs, caps,
 * heap limit and spill, costs and the EMR primary, the explanation and
 * its names, and the EMR YARN memory rule against its published table.
 * The pick over the catalog and the reviewer's grid are in
 * test-executor-catalog.c.  Expected values come from Cloudera's and EMR's
 * published examples, EKS's allocatable formula and hand calculations in
 * the comments.
 */
#include <inttypes.h>

#include "executor-fixture.h"

/* Cloudera, "How-to: Tune Your Apache Spark Jobs (Part 2)". */
START_TEST(cloudera_example)
{
	/*
	 * 6 nodes of 16 cores and 64 GB, NodeManager 63 GB and 15 cores
	 * (a core and a GB for the system): 5 cores per executor, 3 per
	 * node, one slot for the AM: 17 executors; 63 / 3 = 21 GB each,
	 * less the overhead (the blog's 7 %): 19 GB.
	 * Here: 850 GB in 8 h (target 2 h) needs ceil(850 / (5 x 2)) = 85
	 * cores = 17 executors of 5; ceil((17 + 1) / 3) = 6 nodes, all 18
	 * slots used.  Heap 64512 / 3 = 21504 MiB / 1.07 = 20097 -> 19968
	 * MiB (19.5 GiB: "19 GB"), overhead int(0.07 x 19968) = 1397:
	 * 21365 <= 21504.
	 */
	in.platform = ECAP_SPARK_PLATFORM_YARN;
	in.overhead_factor = 0.07;
	in.node_vcpu_count = 16;
	in.node_memory_gb = 64.0;
	advise(850.0);
	ck_assert_int_eq(out.executor_count, 17);
	ck_assert_int_eq(out.executor_core_count, 5);
	ck_assert_int_eq(out.executors_per_node_count, 3);
	ck_assert_int_eq(out.node_count, 6);
	ck_assert_int_eq((int)out.executor_heap_gb, 19);
	ck_assert_uint_eq(out.executor_heap_bytes, 19968 * MIB);
	ck_assert_uint_eq(out.executor_overhead_bytes, 1397 * MIB);
	ck_assert_int_eq(out.needed_core_count, 85);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_THROUGHPUT);
	ck_assert_int_eq(out.node_reason, ECAP_EXECUTOR_NODE_REASON_SHAPE);
	ck_assert_double_near(out.node_usable_vcpu, 15.0);
	ck_assert_double_near(out.node_idle_vcpu, 0.0);
	/* 850 / (17 x 5 x 5) = 2 hours; no price: 17 x $0.20 = $3.40/h,
	 * a run 3.4 x (2 + 0.1 startup) = $7.14, a month x 30. */
	ck_assert_double_near(out.projected_hours, 2.0);
	ck_assert_int_eq(out.window_met, 1);
	ck_assert_double_near(out.cost_usd_per_hour, 3.4);
	ck_assert_double_near(out.projected_cost_usd, 3.4 * 2.1);
	ck_assert_double_near(out.cost_usd_per_month, 3.4 * 2.1 * 30.0);
}
END_TEST

/*
 * YARN's CapacityScheduler grants a container in multiples of
 * yarn.scheduler.minimum-allocation-mb (Hadoop's default 1024 MiB; EMR's
 * yarn-site sets 32): the executors of a node must fit as granted, not as
 * requested.
 */
START_TEST(yarn_allocation_rounding)
{
	/*
	 * m5.2xlarge on YARN: 8 - 1 = 7 vCPUs (5 cores would idle 2 > 7/4,
	 * so 3 cores, 2 executors), 32 - 1 = 31 GiB = 31744 MiB, a share of
	 * 15872.  The heap 15872 / 1.1 = 14429 -> 14336 plus int(0.1 x
	 * 14336) = 1433 is 15769 MiB, which YARN grants as 16384: two are
	 * 32768 > 31744 and the second executor never starts.  A granted
	 * container must be <= 15360 (15 x 1024): 15360 / 1.1 = 13963 ->
	 * 13824, + 1382 = 15206 -> 15360.
	 */
	node("m5.2xlarge", ECAP_SPARK_PLATFORM_YARN);
	advise(100.0);
	ck_assert_int_eq(out.executor_core_count, 3);
	ck_assert_int_eq(out.executors_per_node_count, 2);
	ck_assert_uint_eq(out.executor_heap_bytes, 13824 * MIB);
	ck_assert_uint_eq(out.executor_overhead_bytes, 1382 * MIB);
	/* A cluster that grants memory by the MiB gets the heap a share
	 * allows: 14336 + 1433 = 15769 <= 15872. */
	ck_assert_int_eq(ecap_policy_set_double(p,
		"executor.yarn_min_allocation_mb", 1.0, &err), 0);
	advise(100.0);
	ck_assert_uint_eq(out.executor_heap_bytes, 14336 * MIB);
	/* Cloudera's example still holds: 19968 + 1397 = 21365 -> 21504 =
	 * 63 GiB / 3 (cloudera_example). */
}
END_TEST

/* EMR's task-configuration table and the rule for types it omits. */
START_TEST(emr_instance_defaults)
{
	static const struct {
		const char *name;
		double yarn_gb;
		int derived;
	} rows[] = {
		/* published: yarn.nodemanager.resource.memory-mb */
		{ "m5.xlarge", 12288 / 1024.0, 0 },
		{ "m5.2xlarge", 24576 / 1024.0, 0 },
		{ "m5.4xlarge", 57344 / 1024.0, 0 },
		{ "m5.24xlarge", 385024 / 1024.0, 0 },
		{ "r5.4xlarge", 122880 / 1024.0, 0 },
		{ "r5.24xlarge", 778240 / 1024.0, 0 },
		{ "c5.4xlarge", 24576 / 1024.0, 0 },
		{ "c5.9xlarge", 65536 / 1024.0, 0 },
		/* the same page's rows for the Graviton and 6th-generation
		 * types, below what the rule for omitted types would give */
		{ "m6g.xlarge", 11712 / 1024.0, 0 },
		{ "r7g.16xlarge", 491520 / 1024.0, 0 },
		{ "c6i.xlarge", 5632 / 1024.0, 0 },
		/* derived (the page lists no "large"), shown on YARN only:
		 * EMR does not offer them (not_offered_on_emr) */
		{ "m5.large", 6.0, 1 },		/* 8 x 0.75 */
		{ "c6i.large", 2928 / 1024.0, 1 }, /* 4096 x 61/64 x 0.75 */
		{ "m6g.large", 5856 / 1024.0, 1 }, /* 8192 x 61/64 x 0.75 */
	};
	struct ecap_catalog_entry e;
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		ECAP_STRUCT_INIT(&e);
		ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_SPARK_NODE,
							  rows[i].name, &e, &err),
				 0);
		ck_assert_int_eq(e.yarn_memory_mb,
				 (int64_t)(rows[i].yarn_gb * 1024.0));
		ck_assert_int_eq(e.yarn_memory_derived_flag, rows[i].derived);
		if (rows[i].derived)
			continue;
		node(rows[i].name, ECAP_SPARK_PLATFORM_EMR);
		advise(100.0);
		ck_assert_double_near(out.node_usable_memory_gb, rows[i].yarn_gb);
		/* EMR gives YARN every vCPU */
		ck_assert_double_near(out.node_usable_vcpu,
				      (double)e.vcpu_count);
	}
	/* EMR r5.4xlarge: 16 vCores / 4 = 4 executors of 30720 MiB each. */
	node("r5.4xlarge", ECAP_SPARK_PLATFORM_EMR);
	advise(100.0);
	ck_assert_int_eq(out.executors_per_node_count, 4);
	ck_assert_int_eq(out.executor_core_count, 4);
	ck_assert_uint_le(out.executor_container_bytes, 30720 * MIB);
}
END_TEST

/* AWS EMR best practices, executor sizing examples. */
START_TEST(emr_best_practice_examples)
{
	/*
	 * r4.8xlarge: YARN 241664 MB, 32 vCores, 4 cores: 8 executors of
	 * 30208 MB; EMR writes 30208 - 0.1875 x 30208 = 24544 MB of heap.
	 * Exactly: heap + int(0.1875 heap) <= 30208: 30208 / 1.1875 =
	 * 25438 -> 25344 MiB, overhead 4752: 30096 MiB.
	 */
	in.platform = ECAP_SPARK_PLATFORM_EMR;
	in.node_vcpu_count = 32;
	in.node_memory_gb = 244.0;
	in.node_yarn_memory_gb = 241664.0 / 1024.0;
	advise(100.0);
	ck_assert_int_eq(out.executor_core_count, 4);
	ck_assert_int_eq(out.executors_per_node_count, 8);
	ck_assert_uint_eq(out.executor_heap_bytes, 25344 * MIB);
	ck_assert_uint_ge(out.executor_heap_bytes, 24544 * MIB);
	ck_assert_uint_eq(out.executor_container_bytes, 30096 * MIB);
	/*
	 * c5.4xlarge: YARN 24576 MB / 4 = 6144; EMR: 6144 - 0.1875 x 6144 =
	 * 4992 MB.  Exactly: 6144 / 1.1875 = 5173 -> 5120 MiB, overhead 960:
	 * 6080 MiB.
	 */
	in.node_vcpu_count = 0;
	in.node_memory_gb = 0.0;
	in.node_yarn_memory_gb = 0.0;
	node("c5.4xlarge", ECAP_SPARK_PLATFORM_EMR);
	advise(100.0);
	ck_assert_int_eq(out.executors_per_node_count, 4);
	ck_assert_int_eq(out.executor_core_count, 4);
	ck_assert_uint_eq(out.executor_heap_bytes, 5120 * MIB);
	ck_assert_uint_ge(out.executor_heap_bytes, 4992 * MIB);
	ck_assert_uint_eq(out.executor_container_bytes, 6080 * MIB);
}
END_TEST

/* EKS: allocatable = capacity - kube-reserved - eviction threshold, the
 * capacity being the memory the guest sees: EC2's less 7.5 %
 * (executor.k8s_vm_memory_overhead_ratio, Karpenter's
 * vmMemoryOverheadPercent), rounded up to a MiB. */
START_TEST(eks_allocatable)
{
	/*
	 * m5.2xlarge, 58 pods: 32768 - ceil(32768 x 0.075 = 2457.6) =
	 * 30310 MiB seen; kube-reserved 255 + 11 x 58 = 893 MiB, eviction
	 * 100: 30310 - 993 = 29317 MiB.  CPU 60 + 10 + 2 x 5 + 4 x 2.5 = 90
	 * m: 7.91.  Less DaemonSets (1024 MiB, 0.25): 28293 MiB, 7.66 vCPU
	 * -> 8 slots: 2 executors of 4 cores requesting 3.83 each.  14146
	 * MiB per pod: 14146 / 1.1 = 12860 -> 12800, overhead 1280: 14080
	 * MiB <= 14146 (two pods and the DaemonSets, 29184 <= 29317).
	 */
	node("m5.2xlarge", ECAP_SPARK_PLATFORM_KUBERNETES);
	advise(100.0);
	ck_assert_double_near(out.node_allocatable_memory_gb * 1024.0, 29317.0);
	ck_assert_double_near(out.node_allocatable_vcpu, 7.91);
	ck_assert_double_near(out.node_usable_vcpu, 7.66);
	ck_assert_double_near(out.node_usable_memory_gb * 1024.0, 28293.0);
	ck_assert_int_eq(out.executors_per_node_count, 2);
	ck_assert_int_eq(out.executor_core_count, 4);
	ck_assert_double_near(out.executor_request_vcpu, 3.83);
	ck_assert_uint_eq(out.executor_heap_bytes, 12800 * MIB);
	ck_assert_uint_eq(out.executor_container_bytes, 14080 * MIB);
	ck_assert_double_near(out.node_idle_vcpu, 0.0);
	/*
	 * r5.4xlarge, 234 pods: 131072 - ceil(9830.4) = 121241 MiB seen;
	 * 255 + 2574 = 2829 MiB; 121241 - 2929 = 118312 MiB.  CPU 60 + 10 +
	 * 10 + 12 x 2.5 = 110 m: 15.89, less 0.25 = 15.64: 4 executors of 4
	 * cores requesting 3.91.  (118312 - 1024) / 4 = 29322 MiB per pod:
	 * 29322 / 1.1 = 26656 -> 26624, overhead 2662: 29286 MiB.
	 */
	node("r5.4xlarge", ECAP_SPARK_PLATFORM_KUBERNETES);
	advise(100.0);
	ck_assert_double_near(out.node_allocatable_memory_gb * 1024.0, 118312.0);
	ck_assert_double_near(out.node_allocatable_vcpu, 15.89);
	ck_assert_int_eq(out.executors_per_node_count, 4);
	ck_assert_double_near(out.executor_request_vcpu, 3.91);
	ck_assert_uint_eq(out.executor_container_bytes, 29286 * MIB);
	/*
	 * m6g.16xlarge, 737 pods (the review's case): 262144 -
	 * ceil(19660.8) = 242483 MiB seen; 255 + 8107 = 8362; 242483 - 8462
	 * = 234021 MiB.  Less 1024: 232997 / 16 = 14562 per pod: 14562 /
	 * 1.1 = 13238 -> 13056, overhead 1305: 14361 MiB; 16 x 14361 + 1024
	 * = 230800 <= 234021 (nominal sizing asked 16 x 15769 + 1024 =
	 * 253328, 10,000 MiB more than the guest has).
	 */
	node("m6g.16xlarge", ECAP_SPARK_PLATFORM_KUBERNETES);
	advise(100.0);
	ck_assert_double_near(out.node_allocatable_memory_gb * 1024.0, 234021.0);
	ck_assert_int_eq(out.executors_per_node_count, 16);
	ck_assert_uint_eq(out.executor_container_bytes, 14361 * MIB);
	ck_assert_uint_le(16 * out.executor_container_bytes + 1024 * MIB,
			  (uint64_t)(out.node_allocatable_memory_gb * 1024.0) * MIB);
	/* No overhead: the nominal figures (32768 - 993 = 31775). */
	ck_assert_int_eq(ecap_policy_set_double(p,
		"executor.k8s_vm_memory_overhead_ratio", 0.0, &err), 0);
	node("m5.2xlarge", ECAP_SPARK_PLATFORM_KUBERNETES);
	advise(100.0);
	ck_assert_double_near(out.node_allocatable_memory_gb * 1024.0, 31775.0);
	ck_assert_int_eq(ecap_policy_set_double(p,
		"executor.k8s_vm_memory_overhead_ratio", 0.075, &err), 0);
	/* Non-JVM: 14146 / 1.4 = 10104 -> 9984, overhead int(0.4 x 9984) =
	 * 3993: 13977 MiB. */
	node("m5.2xlarge", ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM);
	advise(100.0);
	ck_assert_uint_eq(out.executor_heap_bytes, 9984 * MIB);
	ck_assert_uint_eq(out.executor_container_bytes, 13977 * MIB);
	/* A raw shape takes the kubelet's default of 110 pods: 255 + 1210
	 * = 1465 MiB; 30310 - 1565 = 28745 MiB. */
	memset(in.node_type, 0, sizeof(in.node_type));
	in.node_vcpu_count = 8;
	in.node_memory_gb = 32.0;
	advise(100.0);
	ck_assert_double_near(out.node_allocatable_memory_gb * 1024.0, 28745.0);
}
END_TEST

/* The window decides; the policy's maximum only flags; a caller's cap
 * says how long the run takes. */
/* The advisor answers only with what ecap_executor_spark_properties
 * renders (at most a million executors). */
START_TEST(largest_advice_renders)
{
	struct ecap_property props[32];
	size_t i, n = 32;

	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&props[i]);
	/*
	 * YARN r5.4xlarge, 3,000,000 GB in 0.5 h (target 0.125 h):
	 * ceil(3e6 / (5 x 0.125)) = 4,800,000 cores, executors of 3 cores
	 * (5 a node, heap_limit_and_spill): 1,600,000 executors, more than
	 * the renderer's million: refused with the field, not answered
	 * with properties that cannot be rendered.
	 */
	node("r5.4xlarge", ECAP_SPARK_PLATFORM_YARN);
	in.processing_window_hours = 0.5;
	in.daily_data_gb = 3e6;
	ck_assert_err(ecap_executor_advise(p, &in, &out, &err), ECAP_ERR_RANGE,
		      err, "daily_data_gb");
	/*
	 * 1,000,000 GB: 1,600,000 cores / 3 = 533,334 executors; ceil(533335
	 * / 5) = 106667 nodes, 106667 x 5 - 1 = 533,334 executors: within
	 * the million, and the properties render.
	 */
	advise(1e6);
	ck_assert_int_eq(out.executor_count, 533334);
	ck_assert_int_eq(ecap_executor_spark_properties(&out, props, &n, &err),
			 0);
}
END_TEST

START_TEST(window_and_caps)
{
	char why[ECAP_EXPLAIN_MAX];
	/*
	 * EMR r5.4xlarge, 1 TB in 2 h (target 0.5 h): ceil(1024 / 2.5) =
	 * 410 cores, ceil(410 / 4) = 103 executors; ceil(104 / 4) = 26
	 * nodes, 26 x 4 - 1 = 103.  103 > executor.max_executors 20:
	 * advised and flagged.  1024 / (103 x 4 x 5) = 0.497 h.
	 */
	double node_h = 1.008 + 0.252 + 64.0 * 0.08 / 720.0;
	double primary_h = 0.192 + 0.048 + 64.0 * 0.08 / 720.0;
	double hours = 1024.0 / (103.0 * 4.0 * 5.0);

	node("r5.4xlarge", ECAP_SPARK_PLATFORM_EMR);
	in.processing_window_hours = 2.0;
	advise(1024.0);
	ck_assert_int_eq(out.needed_core_count, 410);
	ck_assert_int_eq(out.executor_count, 103);
	ck_assert_int_eq(out.node_count, 26);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED);
	ck_assert_int_eq(out.policy_cap_exceeded_flag, 1);
	ck_assert_int_eq(out.capped_by_max_executors, 0);
	ck_assert_int_eq(out.dynamic_max_executor_count, 103);
	ck_assert_double_near(out.projected_hours, hours);
	ck_assert_int_eq(out.window_met, 1);
	ck_assert_double_near(out.window_miss_hours, 0.0);
	/* 26 core nodes (EC2 + EMR + 64 GB gp3) and the m5.xlarge primary;
	 * a run bills the projected hours and 0.1 h of start. */
	ck_assert_double_near(out.cost_usd_per_hour, 26.0 * node_h + primary_h);
	ck_assert_double_near(out.projected_cost_usd,
			      (26.0 * node_h + primary_h) * (hours + 0.1));
	/* The caller's cap of 20: 20 executors, ceil(21 / 4) = 6 nodes,
	 * 1024 / (20 x 4 x 5) = 2.56 h: 0.56 h past the window. */
	in.max_executor_count = 20;
	advise(1024.0);
	ck_assert_int_eq(out.executor_count, 20);
	ck_assert_int_eq(out.node_count, 6);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_CAPPED);
	ck_assert_int_eq(out.capped_by_max_executors, 1);
	ck_assert_double_near(out.projected_hours, 2.56);
	ck_assert_int_eq(out.window_met, 0);
	ck_assert_double_near(out.window_miss_hours, 0.56);
	/* 8 h (target 2 h): ceil(1024 / 10) = 103 cores -> 26 executors ->
	 * 7 nodes -> 27 executors. */
	in.max_executor_count = 0;
	in.processing_window_hours = 8.0;
	advise(1024.0);
	ck_assert_int_eq(out.executor_count, 27);
	ck_assert_int_eq(out.node_count, 7);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED);
	/* Four runs a day start 6 hours apart, so a run's window is 6 h,
	 * not 8 (target 1.5 h): 256 GB a run -> ceil(256 / (5 x 1.5)) = 35
	 * cores -> 9 executors -> ceil(10 / 4) = 3 nodes -> 11; a month
	 * bills 4 x 30 runs. */
	in.runs_per_day_count = 4;
	advise(1024.0);
	ck_assert_double_near(out.run_data_gb, 256.0);
	ck_assert_double_near(out.processing_window_hours, 6.0);
	ck_assert_int_eq(out.needed_core_count, 35);
	ck_assert_int_eq(out.executor_count, 11);
	ck_assert_double_near(out.cost_usd_per_month,
			      out.projected_cost_usd * 4.0 * 30.0);
	/* 24 runs a day of 10240 GB: hourly runs of 426.67 GB.  With each
	 * run given the 8-hour window (target 2 h) they took 2 h and piled
	 * up; a run now has the hour (target 0.25 h): ceil(426.67 / (5 x
	 * 0.25)) = 342 cores -> 86 executors -> ceil(87 / 4) = 22 nodes ->
	 * 87 executors, 426.67 / (87 x 4 x 5) = 0.245 h a run. */
	in.runs_per_day_count = 24;
	advise(10240.0);
	ck_assert_double_near(out.processing_window_hours, 1.0);
	ck_assert_int_eq(out.needed_core_count, 342);
	ck_assert_int_eq(out.executor_count, 87);
	ck_assert(out.projected_hours <= 1.0);
	ck_assert_int_eq(out.window_met, 1);
	ck_assert_int_eq(ecap_executor_explain(&out, why, sizeof(why), &err), 0);
	ck_assert_msg(strstr(why, "within the 1-hour window (24 runs a day)") !=
		      NULL, "%s", why);
	/* 1 GB: 1 core; the floor of 2 executors + driver: 1 node. */
	in.runs_per_day_count = 0;
	advise(1.0);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_MIN_EXECUTORS);
	ck_assert_int_eq(out.executor_count, 3);
	ck_assert_int_eq(out.node_count, 1);
	ck_assert_int_eq(out.dynamic_min_executor_count, 2);
	ck_assert_int_eq(out.dynamic_initial_executor_count, 3);
}
END_TEST

/* The executors the heap limit splits a YARN node into (100 GB). */
static void
yarn_split(const char *name, int64_t per_node, int64_t cores,
	   uint64_t heap_mib, double idle_vcpu)
{
	node(name, ECAP_SPARK_PLATFORM_YARN);
	advise(100.0);
	ck_assert_int_eq(out.executors_per_node_count, per_node);
	ck_assert_int_eq(out.executor_core_count, cores);
	ck_assert_uint_eq(out.executor_heap_bytes, heap_mib * MIB);
	ck_assert_int_eq(out.heap_limited_flag, 0);
	ck_assert_double_near(out.node_idle_vcpu, idle_vcpu);
}

START_TEST(heap_limit_and_spill)
{
	/*
	 * YARN r5.4xlarge: 15 cores, 127 GiB = 130048 MiB.  5 cores x 3 =
	 * 15: 43349 MiB each, heap 39409 > 31 GiB.  4 cores (3 executors)
	 * is no better; 3 cores, 5 executors: 26009 MiB each fits, and of 3
	 * and 2 cores (a range as wide as cores_min..cores_max) 3 idles
	 * none of the 15 (15 % 3 = 0; 4 x 3, the first split within the
	 * idle bound, idled 3).  26009 / 1.1 = 23644 -> 23552 MiB + 2355 =
	 * 25907, granted 26624 > 26009 (yarn_allocation_rounding); 23296 +
	 * 2329 = 25625, granted 26624; 23040 + 2304 = 25344, granted 25600
	 * <= 26009: 23040 MiB (22.5 GiB).
	 */
	yarn_split("r5.4xlarge", 5, 3, 23040, 0.0);
	/*
	 * YARN r5.8xlarge: 31 cores, 255 GiB = 261120 MiB.  4 cores, 7
	 * executors: 37302 MiB each, heap 33911 > 31744; 3 cores, 10
	 * executors: 26112 each fits.  3 and 2 cores both idle 1 (31 % 3 =
	 * 31 % 2 = 1): 3, the fewer executors, not 8 x 3 idling 7 (the
	 * first within the idle bound, 7 <= 31 / 4), nor 31 executors of
	 * one core to idle none.  26112: 23552 + 2355 -> 26624 > 26112;
	 * 23296 + 2329 -> 26624; 23040 + 2304 -> 25600: 23040 MiB.
	 */
	yarn_split("r5.8xlarge", 10, 3, 23040, 1.0);
	/*
	 * YARN r5.16xlarge: 63 cores, 511 GiB = 523264 MiB.  5 cores (12
	 * executors, 43605 MiB each) is over the limit; 4 cores, 15
	 * executors, 34884 MiB each fits (31232 MiB heap) but idles 63 % 4
	 * = 3; 3 cores idles 63 % 3 = 0: 21 executors of 24917 MiB: 24917
	 * / 1.1 = 22651 -> 22528 + 2252 = 24780 -> 25600 > 24917; 22272 +
	 * 2227 = 24499 -> 24576 <= 24917: 22272 MiB.
	 */
	yarn_split("r5.16xlarge", 21, 3, 22272, 0.0);
	node("r5.4xlarge", ECAP_SPARK_PLATFORM_YARN);
	/* The policy allows larger heaps: 3 x 5 cores, 43349 / 1.1 =
	 * 39408 -> 39168 MiB + 3916 = 43084, granted 44032 > 43349; the
	 * largest granted container is 43008 (42 GiB): 38912 + 3891 =
	 * 42803 -> 43008. */
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.heap_max_gb", 64.0,
						&err), 0);
	advise(100.0);
	ck_assert_int_eq(out.executors_per_node_count, 3);
	ck_assert_uint_eq(out.executor_heap_bytes, 38912 * MIB);
	/*
	 * Spill: EMR m5.xlarge, 1 executor of 4 cores, 12288 / 1.1875 =
	 * 10347 -> 10240 MiB; unified (10240 - 300) x 0.6 = 5964 MiB, 1491
	 * MiB a task.  128 MB partitions x 3 = 384 MiB: no risk; 1 GB
	 * partitions need 3072 MiB: risk.
	 */
	node("m5.xlarge", ECAP_SPARK_PLATFORM_EMR);
	advise(100.0);
	ck_assert_uint_eq(out.executor_heap_bytes, 10240 * MIB);
	ck_assert_uint_eq(out.task_memory_need_bytes, 384 * MIB);
	ck_assert_uint_eq(out.task_memory_bytes, out.memory_unified_bytes / 4);
	ck_assert_int_eq(out.spill_risk_flag, 0);
	in.partition_size_mb = 1024.0;
	advise(100.0);
	ck_assert_int_eq(out.spill_risk_flag, 1);
	ck_assert(out.memory_shortfall_gb > 0.0);
}
END_TEST

START_TEST(explain_and_names)
{
	char buf[ECAP_EXPLAIN_MAX], small[32];
	int32_t v = -1;

	node("r5.4xlarge", ECAP_SPARK_PLATFORM_EMR);
	in.processing_window_hours = 2.0;
	advise(1024.0);
	ck_assert_int_eq(ecap_executor_explain(&out, buf, sizeof(buf), &err), 0);
	ck_assert_msg(strstr(buf, "410 cores") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "103 executors of 4 cores") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "r5.4xlarge") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "26 x r5.4xlarge") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "executor.max_executors") != NULL, "%s", buf);
	ck_assert_err(ecap_executor_explain(&out, small, sizeof(small), &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_uint_eq(strlen(small), sizeof(small) - 1);
	ck_assert_int_eq(memcmp(small, buf, sizeof(small) - 1), 0);
	in.max_executor_count = 20;
	advise(1024.0);
	ck_assert_int_eq(ecap_executor_explain(&out, buf, sizeof(buf), &err), 0);
	ck_assert_msg(strstr(buf, "0.56 h past the 2-hour window") != NULL,
		      "%s", buf);
	memset(in.node_type, 0, sizeof(in.node_type));
	in.max_executor_count = 0;
	advise(1024.0);
	ck_assert_int_eq(ecap_executor_explain(&out, buf, sizeof(buf), &err), 0);
	ck_assert_msg(strstr(buf, "next ") != NULL, "%s", buf);
	use_model("guide");
	advise(100.0);
	ck_assert_int_eq(ecap_executor_explain(&out, buf, sizeof(buf), &err), 0);
	ck_assert_msg(strncmp(buf, "guide: ", 7) == 0, "%s", buf);
	ck_assert_err(ecap_executor_explain(NULL, buf, sizeof(buf), &err),
		      ECAP_ERR_INVALID, err, "ecap_executor_out");
	ck_assert_err(ecap_executor_explain(&out, NULL, 8, &err),
		      ECAP_ERR_INVALID, err, "buf");
	out.reason = 99;
	ck_assert_err(ecap_executor_explain(&out, buf, sizeof(buf), &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
	/* names */
	ck_assert_str_eq(ecap_executor_reason_to_string(
				 ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED),
			 "policy-cap-exceeded");
	ck_assert_int_eq(ecap_executor_reason_from_string("capped", &v, &err), 0);
	ck_assert_int_eq(v, ECAP_EXECUTOR_REASON_CAPPED);
	ck_assert_ptr_null(ecap_executor_reason_to_string(12));
	ck_assert_err(ecap_executor_reason_from_string("memory", &v, &err),
		      ECAP_ERR_UNKNOWN_ENUM, err, "reason");
	ck_assert_str_eq(ecap_executor_node_reason_to_string(
				 ECAP_EXECUTOR_NODE_REASON_CHEAPEST), "cheapest");
	ck_assert_int_eq(ecap_executor_node_reason_from_string("fastest", &v,
							       &err), 0);
	ck_assert_int_eq(v, ECAP_EXECUTOR_NODE_REASON_FASTEST);
	ck_assert_ptr_null(ecap_executor_node_reason_to_string(5));
}
END_TEST

/* ECAP_EXPLAIN_MAX holds the longest sentence any advice can ask for:
 * 63-character node names, the largest counts explain accepts, numbers
 * of three-digit exponents, every reason, node reason and window case. */
START_TEST(explain_always_fits)
{
	static const int32_t reasons[] = {
		ECAP_EXECUTOR_REASON_MIN_EXECUTORS, ECAP_EXECUTOR_REASON_THROUGHPUT,
		ECAP_EXECUTOR_REASON_CAPPED, ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED,
	};
	char buf[ECAP_EXPLAIN_MAX], size0[1];
	struct ecap_executor_out a;
	size_t r, k, met;

	advise(100.0);
	for (r = 0; r < 4; r++)
		for (k = 0; k <= ECAP_EXECUTOR_NODE_REASON_FASTEST; k++)
			for (met = 0; met < 2; met++) {
				a = out;
				a.reason = reasons[r];
				a.node_reason = (int32_t)k;
				a.window_met = (int32_t)met;
				memset(a.node_type, 'x', 63);
				a.node_type[63] = '\0';
				memset(a.runner_up_node_type, 'y', 63);
				a.runner_up_node_type[63] = '\0';
				a.executor_count = 10000000;
				a.executor_core_count = 256;
				a.node_count = 10000000;
				a.executors_per_node_count = 65536;
				a.needed_core_count = INT64_C(10000000000);
				a.executor_request_vcpu = 1.23456e-300;
				a.run_data_gb = 1.23456789e+299;
				a.target_hours = 1.23456e+299;
				a.projected_hours = 1.23456e-299;
				a.window_miss_hours = 1.23456e+299;
				a.processing_window_hours = 1.23456e+299;
				a.executor_heap_gb = 1.23456e+299;
				a.executor_heap_bytes = UINT64_MAX;
				a.runs_per_day_count = 1440;
				a.projected_cost_usd = 1.23456e+299;
				a.runner_up_cost_usd = 1.23456e+299;
				memset(a.emr_primary_node_type, 'z', 63);
				a.emr_primary_node_type[63] = '\0';
				a.emr_primary_large_after_node_count = 10000000;
				ck_assert_msg(ecap_executor_explain(&a, buf, sizeof(buf),
								    &err) == 0,
					      "%s", err.message);
			}
	/* A size of 0 or 1 is no room at all, and says how much is needed. */
	ck_assert_err(ecap_executor_explain(&out, NULL, 0, &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_err(ecap_executor_explain(&out, size0, 1, &err),
		      ECAP_ERR_NOSPACE, err, "size");
	ck_assert_str_eq(size0, "");
	/* Numbers an advice cannot hold are refused, not printed. */
	a = out;
	a.executor_count = INT64_C(2147483648);	/* past Spark's Int */
	ck_assert_err(ecap_executor_explain(&a, buf, sizeof(buf), &err),
		      ECAP_ERR_RANGE, err, "executor_count");
	a = out;
	a.emr_primary_large_after_node_count = -1;
	ck_assert_err(ecap_executor_explain(&a, buf, sizeof(buf), &err),
		      ECAP_ERR_RANGE, err, "emr_primary_large_after_node_count");
	a = out;
	a.projected_cost_usd = NAN;
	ck_assert_err(ecap_executor_explain(&a, buf, sizeof(buf), &err),
		      ECAP_ERR_INVALID, err, "projected_cost_usd");
}
END_TEST

/*
 * The EMR primary steps up with the cluster: Amazon EMR's guidelines give
 * clusters of 50 or fewer nodes a general-purpose primary and larger ones
 * one size up.  Prices an hour (cost.hours_per_month 720, EBS 64 GB x
 * $0.08 / 720 = $0.0071111 a node):
 *   r5.4xlarge node  1.008 + 0.252 + 0.0071111 = 1.2671111
 *   m5.xlarge primary 0.192 + 0.048 + 0.0071111 = 0.2471111
 *   m5.2xlarge primary 0.384 + 0.096 + 0.0071111 = 0.4871111
 */
START_TEST(emr_primary_steps_up)
{
	char buf[ECAP_EXPLAIN_MAX];
	const double ebs = 64.0 * 0.08 / 720.0;

	/* 100 GB in 1 h: 80 cores = 20 executors of 4 + the AM's slot =
	 * 21 slots, 4 a node: 6 nodes, m5.xlarge primary. */
	in.processing_window_hours = 1.0;
	node("r5.4xlarge", ECAP_SPARK_PLATFORM_EMR);
	advise(100.0);
	ck_assert_int_eq(out.node_count, 6);
	ck_assert_str_eq(out.emr_primary_node_type, "m5.xlarge");
	ck_assert_int_eq(out.emr_primary_large_after_node_count, 50);
	ck_assert_double_near(out.emr_primary_usd_per_hour, 0.24 + ebs);
	ck_assert_double_near(out.cost_usd_per_hour,
			      6.0 * (1.26 + ebs) + 0.24 + ebs);
	ck_assert_int_eq(ecap_executor_explain(&out, buf, sizeof(buf), &err), 0);
	ck_assert_ptr_nonnull(strstr(buf, "EMR primary m5.xlarge (<= 50 "
				     "nodes)"));
	/* 1 TB in 1 h: ceil(1024 / 1.25) = 820 cores = 205 executors + 1 =
	 * 206 slots: 52 nodes, more than 50: m5.2xlarge. */
	advise(1024.0);
	ck_assert_int_eq(out.node_count, 52);
	ck_assert_str_eq(out.emr_primary_node_type, "m5.2xlarge");
	ck_assert_double_near(out.emr_primary_usd_per_hour, 0.48 + ebs);
	/* 52 x 1.2671111 + 0.4871111 = 66.376889 */
	ck_assert_double_near(out.cost_usd_per_hour,
			      52.0 * (1.26 + ebs) + 0.48 + ebs);
	ck_assert_int_eq(ecap_executor_explain(&out, buf, sizeof(buf), &err), 0);
	ck_assert_ptr_nonnull(strstr(buf, "EMR primary m5.2xlarge (> 50 "
				     "nodes)"));
	/* The threshold is the policy's: 52 nodes is "52 or fewer". */
	ck_assert_int_eq(ecap_policy_set_int64(p,
		"executor.emr_primary_large_after_node_count", 52, &err), 0);
	advise(1024.0);
	ck_assert_str_eq(out.emr_primary_node_type, "m5.xlarge");
	ck_assert_double_near(out.cost_usd_per_hour,
			      52.0 * (1.26 + ebs) + 0.24 + ebs);
	/* and the large type must be one EMR offers */
	ck_assert_int_eq(ecap_policy_set_string(p,
		"executor.emr_primary_large_node", "m5.large", &err), 0);
	in.daily_data_gb = 1024.0;
	ck_assert_err(ecap_executor_advise(p, &in, &out, &err),
		      ECAP_ERR_NOT_FOUND, err, "executor.emr_primary_large_node");
	/* Off EMR there is no primary. */
	node("r5.4xlarge", ECAP_SPARK_PLATFORM_YARN);
	advise(1024.0);
	ck_assert_str_eq(out.emr_primary_node_type, "");
	ck_assert_double_eq(out.emr_primary_usd_per_hour, 0.0);
	ck_assert_int_eq(out.emr_primary_large_after_node_count, 0);
}
END_TEST

/*
 * The rule for types without a published yarn.nodemanager.resource
 * .memory-mb, checked against every published row: an entry set without
 * yarn_memory_mb gets the rule of its generation.  Hand values:
 *   m5.xlarge   16384 x 0.75               = 12288 (published 12288)
 *   m5.4xlarge  65536 - 8192               = 57344 (published 57344)
 *   m6g.xlarge  16384 x 61/64 = 15616 x 0.75 = 11712 (published 11712)
 *   r7g.16xlarge 524288 x 61/64 = 499712 - 8192 = 491520 (published)
 *   r6i.24xlarge 786432 x 61/64 = 749568 - 8192 = 741376 (published)
 * (the 5th-generation rule gave 12288 and 516096 for the newer two).
 * Three published rows differ from their generation's rule:
 *   c6i.xlarge   8192 x 61/64 = 7808 x 0.75 = 5856, published 5632
 *   m6g.12xlarge and m6i.12xlarge 196608 x 61/64 = 187392 - 8192 =
 *   179200, published 181248 (m7g.12xlarge and c6i.24xlarge, also
 *   192 GiB, publish 179200).
 */
START_TEST(emr_yarn_rule_fits_table)
{
	struct ecap_catalog_entry e, custom;
	size_t i, n = ecap_policy_catalog_count(p, ECAP_CATALOG_SPARK_NODE);
	size_t published = 0, exact = 0;
	int64_t rule;

	for (i = 0; i < n; i++) {
		ECAP_STRUCT_INIT(&e);
		ck_assert_int_eq(ecap_policy_catalog_at(p, ECAP_CATALOG_SPARK_NODE,
							i, &e, &err), 0);
		if (e.yarn_memory_derived_flag)
			continue;
		published++;
		custom = e;
		custom.yarn_memory_mb = 0;
		custom.yarn_memory_derived_flag = 0;
		ck_assert_int_eq(ecap_policy_catalog_set(p, &custom, &err), 0);
		ECAP_STRUCT_INIT(&custom);
		ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_SPARK_NODE,
							  e.name, &custom, &err), 0);
		ck_assert_int_eq(custom.yarn_memory_derived_flag, 1);
		rule = custom.yarn_memory_mb;
		if (strcmp(e.name, "c6i.xlarge") == 0)
			ck_assert_int_eq(rule, 5856);
		else if (strcmp(e.name, "m6g.12xlarge") == 0 ||
			 strcmp(e.name, "m6i.12xlarge") == 0)
			ck_assert_int_eq(rule, 179200);
		else
			ck_assert_msg(rule == e.yarn_memory_mb,
				      "%s: rule %" PRId64 ", published %" PRId64,
				      e.name, rule, e.yarn_memory_mb);
		exact += rule == e.yarn_memory_mb;
		/* Restore the published row. */
		ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	}
	/* 76 rows less 10 large = 66 published; 3 off the rule. */
	ck_assert_uint_eq(published, 66);
	ck_assert_uint_eq(exact, 63);
	/* A custom type not in the table: its generation's rule. */
	ECAP_STRUCT_INIT(&e);
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_SPARK_NODE,
						  "m7g.2xlarge", &e, &err), 0);
	strcpy(e.name, "m8g.2xlarge");
	e.family[0] = '\0';
	e.yarn_memory_mb = 0;
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_SPARK_NODE,
						  "m8g.2xlarge", &e, &err), 0);
	/* 32768 x 61/64 = 31232 x 0.75 = 23424 */
	ck_assert_int_eq(e.yarn_memory_mb, 23424);
	strcpy(e.name, "m5a.2xlarge");
	e.family[0] = '\0';
	e.yarn_memory_mb = 0;
	ck_assert_int_eq(ecap_policy_catalog_set(p, &e, &err), 0);
	ck_assert_int_eq(ecap_policy_catalog_find(p, ECAP_CATALOG_SPARK_NODE,
						  "m5a.2xlarge", &e, &err), 0);
	/* 32768 x 0.75 = 24576 */
	ck_assert_int_eq(e.yarn_memory_mb, 24576);
	/* and EMR sizes on it: 8 vCPUs, 23424 MiB for containers */
	node("m8g.2xlarge", ECAP_SPARK_PLATFORM_EMR);
	advise(100.0);
	ck_assert_double_near(out.node_usable_memory_gb, 23424 / 1024.0);
}
END_TEST

Suite *
executor_ecap1_suite(void)
{
	Suite *s = suite_create("executor-ecap1");
	TCase *tc = tcase_create("executor-ecap1");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, cloudera_example);
	tcase_add_test(tc, yarn_allocation_rounding);
	tcase_add_test(tc, emr_instance_defaults);
	tcase_add_test(tc, emr_best_practice_examples);
	tcase_add_test(tc, eks_allocatable);
	tcase_add_test(tc, window_and_caps);
	tcase_add_test(tc, largest_advice_renders);
	tcase_add_test(tc, heap_limit_and_spill);
	tcase_add_test(tc, explain_and_names);
	tcase_add_test(tc, explain_always_fits);
	tcase_add_test(tc, emr_yarn_rule_fits_table);
	tcase_add_test(tc, emr_primary_steps_up);
	suite_add_tcase(s, tc);
	return s;
}
