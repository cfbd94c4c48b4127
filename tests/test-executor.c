/* SPDX-License-Identifier: MIT */
/*
 * Executor sizing: the guide's calculate_spark_resources number for
 * number, the ecap-1 sizing and its properties, Spark's overhead and
 * memory regions, node packing, the property rendering, and every bad
 * input.  Expected values are worked by hand in the comments.
 */
#include <stdio.h>

#include "fixture.h"

#define MIB ((uint64_t)1 << 20)
#define GIB ((uint64_t)1 << 30)

static struct ecap_executor_in in;
static struct ecap_executor_out out;

static void
setup(void)
{
	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	policy_setup();
}

static void
advise(double daily_gb)
{
	in.daily_data_gb = daily_gb;
	ck_assert_msg(ecap_executor_advise(p, &in, &out, &err) == 0, "%s",
		      err.message);
}

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

/* ---- ecap-1 ---- */

START_TEST(ecap1_100gb_capped_by_default_max)
{
	/*
	 * 300 GB needed; heap: min(300/2 = 150, 3*10*2 = 60) -> 60 GB ->
	 * clamped to 8 GiB; throughput ceil(100/20) = 5; memory
	 * ceil(300/8 = 37.5) = 38 > max 20: capped at 20 executors; the
	 * heap rises to ceil(300/20 = 15) = 15 GiB <= the 64 GB capped
	 * ceiling: 20 * 15 = 300 GB, no shortfall; 100 / (20*10) = 0.5 h.
	 */
	advise(100.0);
	ck_assert_int_eq(out.model, ECAP_MODEL_ECAP_1);
	ck_assert_int_eq(out.executor_count, 20);
	ck_assert_int_eq(out.capped_by_max_executors, 1);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_CAPPED);
	ck_assert_uint_eq(out.executor_heap_bytes, 15 * GIB);
	ck_assert_double_near(out.executor_heap_gb, 15.0);
	ck_assert_double_near(out.total_memory_gb, 300.0);
	ck_assert_double_near(out.memory_shortfall_gb, 0.0);
	ck_assert_double_near(out.projected_hours, 0.5);
	ck_assert_int_eq(out.window_met, 1);
	/* 20 * $0.20 = $4.00/h; * 8 h = $32; * 0.5 h = $2. */
	ck_assert_double_near(out.cost_usd_per_hour, 4.0);
	ck_assert_double_near(out.window_cost_usd, 32.0);
	ck_assert_double_near(out.projected_cost_usd, 2.0);
	ck_assert_int_eq(out.dynamic_max_executor_count, 20);
	/* YARN overhead max(int(0.1 * 15360 = 1536), 384) = 1536 MiB;
	 * container 15360 + 1536 = 16896 MiB. */
	ck_assert_double_near(out.overhead_factor, 0.10);
	ck_assert_uint_eq(out.executor_overhead_bytes, 1536 * MIB);
	ck_assert_uint_eq(out.executor_container_bytes, 16896 * MIB);
	/* 20 * 16896 MiB = 337920 MiB = 330 GB of containers. */
	ck_assert_double_near(out.total_container_gb, 330.0);
	/* Regions of 15 GiB: usable 16106127360 - 314572800 = 15791554560;
	 * unified (long)(0.6 * usable) = 9474932736; storage half of it
	 * 4737466368, execution the rest 4737466368; user usable - unified
	 * = 6316621824. */
	ck_assert_uint_eq(out.memory_reserved_bytes, 314572800);
	ck_assert_uint_eq(out.memory_unified_bytes, 9474932736);
	ck_assert_uint_eq(out.memory_storage_bytes, 4737466368);
	ck_assert_uint_eq(out.memory_execution_bytes, 4737466368);
	ck_assert_uint_eq(out.memory_user_bytes, 6316621824);
}
END_TEST

START_TEST(ecap1_capped_ceiling_edges)
{
	/*
	 * Max 3 executors: 64 GB a day needs 192 GB; throughput
	 * ceil(64/20) = 4 > 3: capped.  Heap ceil(192/3 = 64) = 64 GiB,
	 * exactly executor.capped_memory_max_gb: 3 * 64 = 192, reachable.
	 */
	in.max_executor_count = 3;
	advise(64.0);
	ck_assert_int_eq(out.executor_count, 3);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_CAPPED);
	ck_assert_uint_eq(out.executor_heap_bytes, 64 * GIB);
	ck_assert_double_near(out.total_memory_gb, 192.0);
	ck_assert_double_near(out.memory_shortfall_gb, 0.0);
	/* One byte more a day: 192 GB + 3 bytes / 3 = 64 GiB + 1 byte ->
	 * ceil 65 GiB > 64: unreachable, short 3 bytes. */
	advise(64.0 + 1.0 / 1073741824.0);
	ck_assert_int_eq(out.reason,
			 ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE);
	ck_assert_uint_eq(out.executor_heap_bytes, 64 * GIB);
	ck_assert(out.memory_shortfall_gb > 0.0);
	/* 64.5 GB: 193.5 GB / 3 = 64.5 -> 65 GiB > 64: the heap stops at
	 * 64 GiB, 192 GB, short 1.5 GB: unreachable under the cap. */
	advise(64.5);
	ck_assert_int_eq(out.capped_by_max_executors, 1);
	ck_assert_int_eq(out.reason,
			 ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE);
	ck_assert_uint_eq(out.executor_heap_bytes, 64 * GIB);
	ck_assert_double_near(out.memory_shortfall_gb, 1.5);
	ck_assert_msg(strstr(out.reason_text, "executor.capped_memory_max_gb")
		      != NULL, "%s", out.reason_text);
	/* A ceiling below executor.memory_max_gb is raised to it: with
	 * capped 4 GB the heap may still reach 8 GiB; 8 GB a day = 24 GB,
	 * cap 2 (throughput ceil(8/20) = 1, memory ceil(24/8) = 3 > 2):
	 * ceil(24/2 = 12) -> 8 GiB, 16 GB, short 8 GB. */
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.capped_memory_max_gb",
						4.0, &err), 0);
	in.max_executor_count = 2;
	advise(8.0);
	ck_assert_uint_eq(out.executor_heap_bytes, 8 * GIB);
	ck_assert_int_eq(out.reason,
			 ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE);
	ck_assert_double_near(out.memory_shortfall_gb, 8.0);
}
END_TEST

START_TEST(ecap1_capped_node_ceiling)
{
	/*
	 * EMR m5.2xlarge (YARN 24576 MiB, factor 0.1875), max 20.  Largest
	 * whole-GiB heap whose container fits: 24576 / 1.1875 = 20695.6 MiB
	 * -> 20 GiB; 20480 + int(0.1875 * 20480 = 3840) = 24320 <= 24576,
	 * while 21 GiB gives 21504 + 4032 = 25536 > 24576.
	 * 100 GB a day: ceil(300/20) = 15 GiB <= 20: reachable; container
	 * 15360 + 2880 = 18240 MiB, 24576 / 18240 -> 1 per node, 20 nodes.
	 */
	in.platform = ECAP_SPARK_PLATFORM_EMR;
	in.node_vcpu_count = 8;
	in.node_memory_gb = 32.0;
	in.node_yarn_memory_gb = 24.0;
	in.node_price_usd_per_hour = 0.48;
	advise(100.0);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_CAPPED);
	ck_assert_uint_eq(out.executor_heap_bytes, 15 * GIB);
	ck_assert_uint_eq(out.executor_container_bytes, 18240 * MIB);
	ck_assert_int_eq(out.executors_per_node_count, 1);
	ck_assert_int_eq(out.node_count, 20);
	ck_assert_double_near(out.cost_usd_per_hour, 20 * 0.48);
	/* 200 GB: ceil(600/20) = 30 GiB > the node's 20 GiB: heap 20 GiB,
	 * container 24320 MiB (one per node), 400 GB, short 200 GB. */
	advise(200.0);
	ck_assert_int_eq(out.reason,
			 ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE);
	ck_assert_uint_eq(out.executor_heap_bytes, 20 * GIB);
	ck_assert_uint_eq(out.executor_container_bytes, 24320 * MIB);
	ck_assert_int_eq(out.executors_per_node_count, 1);
	ck_assert_double_near(out.memory_shortfall_gb, 200.0);
	ck_assert_msg(strstr(out.reason_text, "node") != NULL, "%s",
		      out.reason_text);
}
END_TEST

START_TEST(ecap1_100gb_uncapped_memory_rule)
{
	/* Max 100: 38 executors of 8 GiB = 304 GB >= 300; 100/380 h. */
	in.max_executor_count = 100;
	advise(100.0);
	ck_assert_int_eq(out.executor_count, 38);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_MEMORY);
	ck_assert_int_eq(out.capped_by_max_executors, 0);
	ck_assert_double_near(out.total_memory_gb, 304.0);
	ck_assert_double_near(out.memory_shortfall_gb, 0.0);
	ck_assert_double_near(out.projected_hours, 100.0 / 380.0);
	/* dynamic allocation: min 2, initial min(max(4, 2), 38) = 4, max 38 */
	ck_assert_int_eq(out.dynamic_min_executor_count, 2);
	ck_assert_int_eq(out.dynamic_initial_executor_count, 4);
	ck_assert_int_eq(out.dynamic_max_executor_count, 38);
	/* exactly at the cap: max 38 is not capped */
	in.max_executor_count = 38;
	advise(100.0);
	ck_assert_int_eq(out.executor_count, 38);
	ck_assert_int_eq(out.capped_by_max_executors, 0);
	/* one below: capped at 37, heap ceil(300/37 = 8.11) = 9 GiB,
	 * 37 * 9 = 333 GB >= 300 */
	in.max_executor_count = 37;
	advise(100.0);
	ck_assert_int_eq(out.executor_count, 37);
	ck_assert_int_eq(out.capped_by_max_executors, 1);
	ck_assert_uint_eq(out.executor_heap_bytes, 9 * GIB);
	ck_assert_double_near(out.total_memory_gb, 333.0);
	ck_assert_double_near(out.memory_shortfall_gb, 0.0);
}
END_TEST

START_TEST(ecap1_small_volumes)
{
	/* 1 GB: 3 GB; heap min(1.5, 60) -> ceil 2 -> at least 4 GiB;
	 * throughput ceil(0.05) = 1, memory ceil(3/4) = 1: floor of 2
	 * executors, 8 GB >= 3; initial min(4, 2) = 2. */
	advise(1.0);
	ck_assert_int_eq(out.executor_count, 2);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_MIN_EXECUTORS);
	ck_assert_uint_eq(out.executor_heap_bytes, 4 * GIB);
	ck_assert_double_near(out.total_memory_gb, 8.0);
	ck_assert_int_eq(out.dynamic_initial_executor_count, 2);
	ck_assert_double_near(out.projected_hours, 1.0 / 20.0);
	/* 3 GB: 9 GB; heap min(4.5, 60) -> ceil 5 GiB; memory ceil(9/5)
	 * = 2: 2 executors of 5 GiB = 10 GB >= 9. */
	advise(3.0);
	ck_assert_int_eq(out.executor_count, 2);
	ck_assert_uint_eq(out.executor_heap_bytes, 5 * GIB);
	/* overhead max(int(0.1 * 5120 = 512), 384) = 512 MiB */
	ck_assert_uint_eq(out.executor_overhead_bytes, 512 * MIB);
	/* 5.4 GB: 16.2 GB; heap min(8.1, 60) -> ceil 9 -> at most 8 GiB;
	 * memory ceil(16.2/8 = 2.025) = 3 executors, 24 GB. */
	advise(5.4);
	ck_assert_int_eq(out.executor_count, 3);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_MEMORY);
	ck_assert_uint_eq(out.executor_heap_bytes, 8 * GIB);
}
END_TEST

START_TEST(ecap1_throughput_rule)
{
	/* Throughput 1 GB/h, window 4 h (target 1 h): 10 GB needs
	 * ceil(10/1) = 10 executors; heap min(30/2 = 15, 3*1*1 = 3) ->
	 * 4 GiB; memory ceil(30/4 = 7.5) = 8 < 10. */
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.throughput_gb_per_hour",
						1.0, &err), 0);
	in.processing_window_hours = 4.0;
	advise(10.0);
	ck_assert_int_eq(out.executor_count, 10);
	ck_assert_int_eq(out.reason, ECAP_EXECUTOR_REASON_THROUGHPUT);
	ck_assert_double_near(out.total_memory_gb, 40.0);
	/* 10 GB / (10 * 1 GB/h) = 1 h = the target */
	ck_assert_double_near(out.projected_hours, 1.0);
	/* capped at 5: 10 GB / 5 GB/h = 2 h, still within the 4 h window;
	 * heap max(4, clamp(ceil(30/5 = 6))) = 6 GiB, 30 GB: no shortfall */
	in.max_executor_count = 5;
	advise(10.0);
	ck_assert_int_eq(out.executor_count, 5);
	ck_assert_uint_eq(out.executor_heap_bytes, 6 * GIB);
	ck_assert_double_near(out.memory_shortfall_gb, 0.0);
	ck_assert_double_near(out.projected_hours, 2.0);
	ck_assert_int_eq(out.window_met, 1);
	/* capped at 2: 10 / 2 = 5 h > 4 h: window missed; heap
	 * ceil(30/2) = 15 GiB */
	in.max_executor_count = 2;
	advise(10.0);
	ck_assert_uint_eq(out.executor_heap_bytes, 15 * GIB);
	ck_assert_double_near(out.projected_hours, 5.0);
	ck_assert_int_eq(out.window_met, 0);
	/* 4 h exactly (cap 2, 8 GB): met */
	advise(8.0);
	ck_assert_double_near(out.projected_hours, 4.0);
	ck_assert_int_eq(out.window_met, 1);
}
END_TEST

START_TEST(ecap1_monotone_and_never_short)
{
	double d, prev_mem = 0.0;
	int64_t prev_n = 0;

	in.max_executor_count = 100000;
	for (d = 0.05; d < 20000.0; d *= 1.01) {
		advise(d);
		/* never fewer than executor.min_executors */
		ck_assert_int_ge(out.executor_count, 2);
		/* never less heap than daily * 3 when not capped */
		ck_assert_msg(out.total_memory_gb >= out.required_memory_gb,
			      "%g GB: %g < %g", d, out.total_memory_gb,
			      out.required_memory_gb);
		/* more data: never fewer executors, never less memory */
		ck_assert_int_ge(out.executor_count, prev_n);
		ck_assert_msg(out.total_memory_gb >= prev_mem, "%g GB", d);
		prev_n = out.executor_count;
		prev_mem = out.total_memory_gb;
	}
	/* with the default cap of 20 the totals still never fall, and
	 * memory is never short while 20 * 64 GB = 1280 GB can hold it */
	in.max_executor_count = 0;
	prev_n = 0;
	prev_mem = 0.0;
	for (d = 0.05; d < 20000.0; d *= 1.01) {
		advise(d);
		if (out.required_memory_gb <= 1280.0)
			ck_assert_msg(out.total_memory_gb >=
					      out.required_memory_gb,
				      "%g GB: %g < %g", d, out.total_memory_gb,
				      out.required_memory_gb);
		else
			ck_assert_int_eq(out.reason,
					 ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE);
		ck_assert_int_ge(out.executor_count, prev_n);
		ck_assert_msg(out.total_memory_gb >= prev_mem, "%g GB", d);
		ck_assert_int_le(out.executor_count, 20);
		prev_n = out.executor_count;
		prev_mem = out.total_memory_gb;
	}
}
END_TEST

START_TEST(overhead_by_platform)
{
	in.max_executor_count = 100;
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
	 * EMR m5.2xlarge: 8 vCPU, 32 GiB, YARN 24576 MB, $0.384 + $0.096.
	 * 38 executors of 8 GiB + 1536 MiB = 9728 MiB containers, 2 cores.
	 * Cores: (8 - 1) / 2 = 3; memory: 24576 / 9728 = 2.53 -> 2; so 2
	 * per node, ceil(38 / 2) = 19 nodes, 19 * 0.48 = $9.12/h.
	 */
	in.max_executor_count = 100;
	in.platform = ECAP_SPARK_PLATFORM_EMR;
	in.node_vcpu_count = 8;
	in.node_memory_gb = 32.0;
	in.node_yarn_memory_gb = 24.0;
	in.node_price_usd_per_hour = 0.48;
	advise(100.0);
	ck_assert_int_eq(out.executors_per_node_count, 2);
	ck_assert_int_eq(out.node_count, 19);
	ck_assert_double_near(out.cost_usd_per_hour, 19 * 0.48);
	/* Without the YARN figure: 32 - 1 = 31 GiB = 31744 MiB / 9728 =
	 * 3.26 -> 3; cores 3: 3 per node, ceil(38/3) = 13 nodes, $6.24. */
	in.node_yarn_memory_gb = 0.0;
	advise(100.0);
	ck_assert_int_eq(out.executors_per_node_count, 3);
	ck_assert_int_eq(out.node_count, 13);
	ck_assert_double_near(out.cost_usd_per_hour, 13 * 0.48);
	/* No price: executors * $0.20 = 38 * 0.2 = $7.60 */
	in.node_price_usd_per_hour = 0.0;
	advise(100.0);
	ck_assert_int_eq(out.node_count, 13);
	ck_assert_double_near(out.cost_usd_per_hour, 38 * 0.20);
	/* guide: nodes reported, cost stays the guide's 37 * $0.20 */
	use_model("guide");
	in.node_price_usd_per_hour = 0.48;
	advise(100.0);
	ck_assert_int_eq(out.node_count, 13);	/* ceil(37 / 3) */
	ck_assert_double_near(out.cost_usd_per_hour, 37 * 0.20);
}
END_TEST

START_TEST(node_packing_emr_r4_8xlarge)
{
	/*
	 * EMR best practices r4.8xlarge: YARN 241664 MB = 236 GiB, 32
	 * vCores, 4 cores per executor.  100 GB, max 100: 38 executors of
	 * 8 GiB, EMR container 8192 + int(0.1875 * 8192) = 9728 MiB; memory
	 * 241664 / 9728 = 24.8 -> 24; cores (32 - 1) / 4 = 7: 7 per node,
	 * ceil(38 / 7) = 6 nodes.  With executor.node_reserved_cores 0
	 * (EMR gives YARN every vCore): 32 / 4 = 8 per node, as in EMR's
	 * example, ceil(38 / 8) = 5 nodes.
	 */
	in.max_executor_count = 100;
	in.platform = ECAP_SPARK_PLATFORM_EMR;
	in.executor_core_count = 4;
	in.node_vcpu_count = 32;
	in.node_memory_gb = 244.0;
	in.node_yarn_memory_gb = 236.0;
	advise(100.0);
	ck_assert_uint_eq(out.executor_container_bytes, 9728 * MIB);
	ck_assert_int_eq(out.executors_per_node_count, 7);
	ck_assert_int_eq(out.node_count, 6);
	ck_assert_int_eq(ecap_policy_set_int64(p, "executor.node_reserved_cores",
					       0, &err), 0);
	advise(100.0);
	ck_assert_int_eq(out.executors_per_node_count, 8);
	ck_assert_int_eq(out.node_count, 5);
}
END_TEST

START_TEST(node_too_small)
{
	in.daily_data_gb = 100.0;
	in.max_executor_count = 100;
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
	ck_assert_int_eq(out.node_count, 38);
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
	advise(100.0);	/* ecap-1, capped: 20 x 15 GiB, 1536 MiB overhead */
	ck_assert_int_eq(ecap_executor_spark_properties(&out, props, &n, &err),
			 0);
	ck_assert_uint_eq(n, 15);
	ck_assert_str_eq(prop(props, n, "spark.executor.instances"), "20");
	ck_assert_str_eq(prop(props, n, "spark.executor.memory"), "15g");
	ck_assert_str_eq(prop(props, n, "spark.executor.cores"), "2");
	ck_assert_str_eq(prop(props, n, "spark.executor.memoryOverhead"), "1536m");
	ck_assert_str_eq(prop(props, n, "spark.memory.fraction"), "0.6");
	ck_assert_str_eq(prop(props, n, "spark.memory.storageFraction"), "0.5");
	ck_assert_str_eq(prop(props, n, "spark.dynamicAllocation.enabled"), "true");
	ck_assert_str_eq(prop(props, n, "spark.dynamicAllocation.minExecutors"), "2");
	ck_assert_str_eq(prop(props, n, "spark.dynamicAllocation.initialExecutors"), "4");
	ck_assert_str_eq(prop(props, n, "spark.dynamicAllocation.maxExecutors"), "20");
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
	/* 1 GiB overhead prints as "1g": uncapped (max 100), 38 x 8 GiB,
	 * 0.125 * 8192 = 1024 MiB */
	ecap_policy_set_string(p, "model", "ecap-1", &err);
	in.max_executor_count = 100;
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
	advise(100.0);
	ck_assert_err(ecap_executor_spark_properties(&out, props, &n, &err),
		      ECAP_ERR_NOSPACE, err, "count");
	ck_assert_uint_eq(n, 15);
	n = 0;
	ck_assert_err(ecap_executor_spark_properties(&out, NULL, &n, &err),
		      ECAP_ERR_NOSPACE, err, "count");
	ck_assert_uint_eq(n, 15);
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
	/* the largest volume is accepted: 1 EiB */
	in.daily_data_gb = 1073741824.0;
	in.max_executor_count = 100000;
	advise(1073741824.0);
	ck_assert_int_eq(out.executor_count, 100000);
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
	ck_assert_int_eq(big_out.out.executor_count, 20);
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
	tcase_add_test(tc, ecap1_100gb_capped_by_default_max);
	tcase_add_test(tc, ecap1_capped_ceiling_edges);
	tcase_add_test(tc, ecap1_capped_node_ceiling);
	tcase_add_test(tc, ecap1_100gb_uncapped_memory_rule);
	tcase_add_test(tc, ecap1_small_volumes);
	tcase_add_test(tc, ecap1_throughput_rule);
	tcase_add_test(tc, ecap1_monotone_and_never_short);
	tcase_add_test(tc, overhead_by_platform);
	tcase_add_test(tc, node_packing_and_cost);
	tcase_add_test(tc, node_packing_emr_r4_8xlarge);
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
