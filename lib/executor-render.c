/* SPDX-License-Identifier: MIT */
/*
 * executor-render.c - an executor advice for people and for Spark: the
 * names of its reasons, the sentence that explains it, and its Spark
 * properties.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "executor-internal.h"
#include "spark-memory.h"

static const struct ecap__enum_name reason_names[] = {
	{ ECAP_EXECUTOR_REASON_GUIDE_FORMULA, { "guide-formula" } },
	{ ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT, { "guide-memory-short" } },
	{ ECAP_EXECUTOR_REASON_GUIDE_NO_EXECUTORS, { "guide-no-executors" } },
	{ ECAP_EXECUTOR_REASON_MIN_EXECUTORS, { "min-executors" } },
	{ ECAP_EXECUTOR_REASON_THROUGHPUT, { "throughput" } },
	{ ECAP_EXECUTOR_REASON_CAPPED, { "capped" } },
	{ ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED, { "policy-cap-exceeded" } },
	{ 0, { NULL } },
};

static const struct ecap__enum_name node_reason_names[] = {
	{ ECAP_EXECUTOR_NODE_REASON_NONE, { "none" } },
	{ ECAP_EXECUTOR_NODE_REASON_NAMED, { "named" } },
	{ ECAP_EXECUTOR_NODE_REASON_SHAPE, { "shape" } },
	{ ECAP_EXECUTOR_NODE_REASON_CHEAPEST, { "cheapest" } },
	{ ECAP_EXECUTOR_NODE_REASON_FASTEST, { "fastest" } },
	{ 0, { NULL } },
};

ECAP_API const char *
ecap_executor_reason_to_string(int32_t reason)
{
	return ecap__enum_to_string(reason_names, reason);
}

ECAP_API int
ecap_executor_reason_from_string(const char *name, int32_t *reason,
				 struct ecap_error *err)
{
	return ecap__enum_from_string(reason_names, false, "executor reason",
				      "reason", name, reason, err);
}

ECAP_API const char *
ecap_executor_node_reason_to_string(int32_t reason)
{
	return ecap__enum_to_string(node_reason_names, reason);
}

ECAP_API int
ecap_executor_node_reason_from_string(const char *name, int32_t *reason,
				      struct ecap_error *err)
{
	return ecap__enum_from_string(node_reason_names, false,
				      "executor node reason", "reason", name,
				      reason, err);
}

/* ---- explain ---- */

/* Money that stays short whatever its size. */
static void
line_usd(struct ecap__sentence *l, double usd)
{
	if (usd < 1e7)
		ecap__say(l, "$%.2f", usd);
	else
		ecap__say(l, "$%.3g", usd);
}

static void
explain_guide(const struct ecap_executor_out *a, struct ecap__sentence *l)
{
	switch (a->reason) {
	case ECAP_EXECUTOR_REASON_GUIDE_NO_EXECUTORS:
		ecap__say(l, "guide: int(%.6g GB needed / %.6g GB per "
			 "executor) truncates to 0 executors",
			 a->required_memory_gb, a->executor_heap_gb);
		break;
	case ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT:
		ecap__say(l, "guide: int(%.6g GB / %.6g GB) = %" PRId64
			 " executors hold %.6g GB, less than the %.6g GB "
			 "needed", a->required_memory_gb, a->executor_heap_gb,
			 a->executor_count, a->total_memory_gb,
			 a->required_memory_gb);
		break;
	default:
		ecap__say(l, "guide: calculate_spark_resources: %.6g GB a day "
			 "needs %.6g GB of memory; at %.6g GB per executor that "
			 "is %" PRId64 " executors (the %.3g-hour target of a "
			 "%.3g-hour window sets the heap)", a->run_data_gb,
			 a->required_memory_gb, a->executor_heap_gb,
			 a->executor_count, a->target_hours,
			 a->processing_window_hours);
		break;
	}
}

/* The rule that set the count, with its numbers: the cores the window
 * needs at the throughput the projection implies, then the floor or cap. */
static void
explain_count(const struct ecap_executor_out *a, struct ecap__sentence *l)
{
	double rate = 0.0, core_hours = a->projected_hours *
		(double)a->executor_count * a->executor_request_vcpu;
	char data[16];

	/* Each factor positive can still make a product that underflows to
	 * 0 (an edited advice): divide only by a positive one. */
	if (a->projected_hours > 0.0 && a->executor_count > 0 &&
	    a->executor_request_vcpu > 0.0 && core_hours > 0.0)
		rate = a->run_data_gb / core_hours;
	/* The formula's operands in GiB (the _gb fields are binary), at six
	 * digits so the ceil can be checked by hand, and whole from a
	 * million to the 1 EiB an advice can hold (1048576 GiB, not
	 * 1.04858e+06; never longer than "%.6g" writes). */
	if (a->run_data_gb >= 1e6 && a->run_data_gb < 1e10)
		snprintf(data, sizeof(data), "%.0f", a->run_data_gb);
	else
		snprintf(data, sizeof(data), "%.6g", a->run_data_gb);
	ecap__say(l, "ceil(%s GiB / (%.3g GiB/core-hour x %.3g h)) = %"
		 PRId64 " core%s", data, rate, a->target_hours,
		 a->needed_core_count, a->needed_core_count == 1 ? "" : "s");
	if (a->reason == ECAP_EXECUTOR_REASON_MIN_EXECUTORS)
		ecap__say(l, ", under the floor executor.min_executors");
	else if (a->reason == ECAP_EXECUTOR_REASON_CAPPED)
		ecap__say(l, ", held by max_executor_count");
	else if (a->reason == ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED)
		ecap__say(l, ", above executor.max_executors (a soft budget: "
			 "flagged, not capped)");
}

static void
explain_node(const struct ecap_executor_out *a, struct ecap__sentence *l)
{
	if (a->node_reason == ECAP_EXECUTOR_NODE_REASON_CHEAPEST &&
	    a->runner_up_node_type[0] == '\0') {
		ecap__say(l, "; the only catalog node that fits");
	} else if (a->node_reason == ECAP_EXECUTOR_NODE_REASON_CHEAPEST) {
		ecap__say(l, "; the cheapest node, next %.24s at ",
			 a->runner_up_node_type);
		line_usd(l, a->runner_up_cost_usd);
	} else if (a->node_reason == ECAP_EXECUTOR_NODE_REASON_FASTEST) {
		/* The node is named once, in "on N x node". */
		ecap__say(l, "; no catalog node meets the window; it is the "
			 "fastest");
	}
}

/*
 * EMR's guideline: one size up past the node count.  Node names print at
 * most 24 characters (real types have under 16), so three of them fit
 * ECAP_EXPLAIN_MAX with the largest numbers an advice holds.
 */
static void
explain_primary(const struct ecap_executor_out *a, struct ecap__sentence *l)
{
	if (a->emr_primary_node_type[0] == '\0')
		return;
	ecap__say(l, ", EMR primary %.24s (%s %" PRId64 " nodes)",
		 a->emr_primary_node_type,
		 a->node_count > a->emr_primary_large_after_node_count ?
		 ">" : "<=", a->emr_primary_large_after_node_count);
}

static void
explain_ecap1(const struct ecap_executor_out *a, struct ecap__sentence *l)
{
	char heap[ECAP__EXPLAIN_BYTES_MAX], hours[ECAP__EXPLAIN_BYTES_MAX];

	ecap__say(l, "ecap-1: ");
	explain_count(a, l);
	ecap__say(l, ": %" PRId64 " executors of %" PRId64 " cores (%.3g "
		 "vCPU), %s heap, on %" PRId64 " x %.24s (%" PRId64 " a node, "
		 "one for the driver); %s h a run, ", a->executor_count,
		 a->executor_core_count, a->executor_request_vcpu,
		 ecap__explain_bytes(heap, (double)a->executor_heap_bytes),
		 a->node_count,
		 a->node_type[0] != '\0' ? a->node_type : "node",
		 a->executors_per_node_count,
		 ecap__explain_number(hours, a->projected_hours));
	if (a->window_met)
		ecap__say(l, "within the %.3g-hour window",
			 a->processing_window_hours);
	else
		ecap__say(l, "%s h past the %.3g-hour window",
			 ecap__explain_number(hours, a->window_miss_hours),
			 a->processing_window_hours);
	/* Runs a day space the runs: the window is at most their spacing. */
	if (a->runs_per_day_count > 1)
		ecap__say(l, " (%" PRId64 " runs a day)", a->runs_per_day_count);
	ecap__say(l, ", ");
	line_usd(l, a->projected_cost_usd);
	ecap__say(l, " a run");
	explain_primary(a, l);
	explain_node(a, l);
}

/* The numbers a sentence prints stay within what an advice can hold, so
 * ECAP_EXPLAIN_MAX always suffices. */
static int
check_explainable(const struct ecap_executor_out *a, struct ecap_error *err)
{
	const double hi = 1e300;
	int rc;

	if (a->model != ECAP_MODEL_GUIDE && a->model != ECAP_MODEL_ECAP_1)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "model",
				  "advice model %" PRId32 " is not an advice; "
				  "pass the output of ecap_executor_advise",
				  a->model);
	if (ecap_executor_reason_to_string(a->reason) == NULL ||
	    ecap_executor_node_reason_to_string(a->node_reason) == NULL)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM,
				  ecap_executor_reason_to_string(a->reason) ==
						  NULL ? "reason" :
							 "node_reason",
				  "advice reason %" PRId32 " node reason %"
				  PRId32 " is not an advice; pass the output "
				  "of ecap_executor_advise", a->reason,
				  a->node_reason);
	if ((rc = ecap__check_int64(err, "executor_count", a->executor_count,
				    0, ECAP__MAX_SPARK_INT)) ||
	    (rc = ecap__check_int64(err, "executor_core_count",
				    a->executor_core_count, 0,
				    ECAP__EXEC_MAX_VCPUS)) ||
	    (rc = ecap__check_int64(err, "node_count", a->node_count, 0,
				    ECAP__MAX_SPARK_INT)) ||
	    (rc = ecap__check_int64(err, "executors_per_node_count",
				    a->executors_per_node_count, 0, 65536)) ||
	    (rc = ecap__check_int64(err, "emr_primary_large_after_node_count",
				    a->emr_primary_large_after_node_count, 0,
				    10000000)) ||
	    (rc = ecap__check_int64(err, "runs_per_day_count",
				    a->runs_per_day_count, 0, 1440)) ||
	    (rc = ecap__check_int64(err, "needed_core_count",
				    a->needed_core_count, 0,
				    INT64_C(10000000000))) ||
	    (rc = ecap__check_double(err, "run_data_gb", a->run_data_gb, 0.0,
				     hi)) ||
	    (rc = ecap__check_double(err, "projected_hours",
				     a->projected_hours, 0.0, hi)) ||
	    (rc = ecap__check_double(err, "projected_cost_usd",
				     a->projected_cost_usd, 0.0, hi)) ||
	    (rc = ecap__check_double(err, "runner_up_cost_usd",
				     a->runner_up_cost_usd, 0.0, hi)) ||
	    (rc = ecap__check_double(err, "required_memory_gb",
				     a->required_memory_gb, 0.0, hi)) ||
	    (rc = ecap__check_double(err, "total_memory_gb",
				     a->total_memory_gb, 0.0, hi)))
		return rc;
	if (memchr(a->node_type, '\0', sizeof(a->node_type)) == NULL ||
	    memchr(a->runner_up_node_type, '\0',
		   sizeof(a->runner_up_node_type)) == NULL ||
	    memchr(a->emr_primary_node_type, '\0',
		   sizeof(a->emr_primary_node_type)) == NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, "node_type",
				  "node_type is not NUL-terminated");
	return ECAP_OK;
}

ECAP_API int
ecap_executor_explain(const struct ecap_executor_out *advice, char *buf,
		      size_t size, struct ecap_error *err)
{
	struct ecap__sentence l;
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, advice, ecap_executor_out)) != ECAP_OK ||
	    (rc = ecap__sentence_begin(&l, buf, size, err)) != ECAP_OK ||
	    (rc = check_explainable(advice, err)) != ECAP_OK)
		return rc;
	if (advice->model == ECAP_MODEL_GUIDE)
		explain_guide(advice, &l);
	else
		explain_ecap1(advice, &l);
	return ecap__sentence_end(&l, err);
}

/* ---- Spark properties ---- */

/* Spark size string: "6g" for whole GiB, else "6144m"-style MiB. */
static void
add_size(struct ecap__props *ctx, const char *key, uint64_t bytes)
{
	if (bytes % ECAP__GIB == 0)
		ecap__props_add(ctx, key, "%" PRIu64 "g", bytes / ECAP__GIB);
	else
		ecap__props_add(ctx, key, "%" PRIu64 "m", bytes / ECAP__MIB);
}

/* Kubernetes' CPU request in millicores, as a Spark quantity. */
static double
request_cores(const struct ecap_executor_out *a)
{
	return (double)(int64_t)(a->executor_request_vcpu * 1000.0 + 0.5) /
	       1000.0;
}

/*
 * The driver pod (cluster mode, as the Spark operator and spark-submit to
 * Kubernetes run it) in the slot the sizing keeps on a node for it: one
 * executor's cores, CPU request, heap and overhead, so the pod fits where
 * the node count left room (Spark's default 1g would leave most of the
 * slot idle and a large broadcast short of memory).
 */
static void
add_driver(struct ecap__props *ctx, const struct ecap_executor_out *a)
{
	ecap__props_add(ctx, "spark.driver.cores", "%" PRId64,
			a->executor_core_count);
	ecap__props_add(ctx, "spark.kubernetes.driver.request.cores", "%.15g",
			request_cores(a));
	add_size(ctx, "spark.driver.memory", a->executor_heap_bytes);
	add_size(ctx, "spark.driver.memoryOverhead",
		 a->executor_overhead_bytes);
}

/* An advice edited by the caller must still render as valid settings. */
static int
check_advice(const struct ecap_executor_out *a, struct ecap_error *err)
{
	int rc;

	if (a->model != ECAP_MODEL_GUIDE && a->model != ECAP_MODEL_ECAP_1)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "model",
				  "advice model is %" PRId32 "; pass the output "
				  "of ecap_executor_advise", a->model);
	if ((rc = ecap__check_int64(err, "executor_count", a->executor_count,
				    0, ECAP__MAX_SPARK_INT)) ||
	    /* ecap-1 gives a pod's executor the node's cores (a node has
	     * up to 65536): every count the advisor returns renders. */
	    (rc = ecap__check_int64(err, "executor_core_count",
				    a->executor_core_count, 1,
				    ECAP__EXEC_MAX_VCPUS)) ||
	    (rc = ecap__check_int64(err, "executor_heap_bytes",
				    (int64_t)(a->executor_heap_bytes >> 20), 1,
				    INT64_C(1) << 20)) ||
	    (rc = ecap__check_int64(err, "executor_overhead_bytes",
				    (int64_t)(a->executor_overhead_bytes >> 20),
				    0, INT64_C(1) << 20)) ||
	    (rc = ecap__check_double(err, "memory_fraction_ratio",
				     a->memory_fraction_ratio, 0.0, 1.0)) ||
	    (rc = ecap__check_double(err, "memory_storage_fraction_ratio",
				     a->memory_storage_fraction_ratio, 0.0,
				     1.0)) ||
	    (rc = ecap__check_int64(err, "dynamic_min_executor_count",
				    a->dynamic_min_executor_count, 0,
				    ECAP__MAX_SPARK_INT)) ||
	    (rc = ecap__check_int64(err, "dynamic_initial_executor_count",
				    a->dynamic_initial_executor_count, 0,
				    ECAP__MAX_SPARK_INT)) ||
	    (rc = ecap__check_int64(err, "dynamic_max_executor_count",
				    a->dynamic_max_executor_count, 0,
				    ECAP__MAX_SPARK_INT)))
		return rc;
	if (a->model == ECAP_MODEL_ECAP_1 &&
	    (rc = ecap__check_double_gt(err, "executor_request_vcpu",
					a->executor_request_vcpu, 0.0,
					(double)a->executor_core_count)))
		return rc;
	return ECAP_OK;
}

ECAP_API int
ecap_executor_spark_properties(const struct ecap_executor_out *advice,
			       struct ecap_property *props, size_t *count,
			       struct ecap_error *err)
{
	struct ecap__props ctx;
	bool k8s_ecap1;
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, advice, ecap_executor_out)) != ECAP_OK)
		return rc;
	if ((rc = check_advice(advice, err)) != ECAP_OK ||
	    (rc = ecap__props_begin(&ctx, props, count, err)) != ECAP_OK)
		return rc;
	k8s_ecap1 = advice->model == ECAP_MODEL_ECAP_1 &&
		    ecap__is_kubernetes(advice->platform);
	/* The guide's YAML sets the instances with dynamic allocation;
	 * ecap-1 leaves them out (Spark starts max(instances, initial) and
	 * warns), dynamic allocation's bounds say it all. */
	if (advice->model == ECAP_MODEL_GUIDE)
		ecap__props_add(&ctx, "spark.executor.instances", "%" PRId64,
				advice->executor_count);
	add_size(&ctx, "spark.executor.memory", advice->executor_heap_bytes);
	ecap__props_add(&ctx, "spark.executor.cores", "%" PRId64,
			advice->executor_core_count);
	/* Kubernetes: the CPU request in millicores (a fraction of a core
	 * where whole cores would leave allocatable CPU unused); the task
	 * slots stay spark.executor.cores. */
	if (k8s_ecap1)
		ecap__props_add(&ctx, "spark.kubernetes.executor.request.cores",
				"%.15g", request_cores(advice));
	add_size(&ctx, "spark.executor.memoryOverhead",
		 advice->executor_overhead_bytes);
	if (k8s_ecap1)
		add_driver(&ctx, advice);
	ecap__props_add(&ctx, "spark.memory.fraction", "%.15g",
			advice->memory_fraction_ratio);
	ecap__props_add(&ctx, "spark.memory.storageFraction", "%.15g",
			advice->memory_storage_fraction_ratio);
	ecap__props_add(&ctx, "spark.dynamicAllocation.enabled", "true");
	ecap__props_add(&ctx, "spark.dynamicAllocation.minExecutors",
			"%" PRId64, advice->dynamic_min_executor_count);
	ecap__props_add(&ctx, "spark.dynamicAllocation.initialExecutors",
			"%" PRId64, advice->dynamic_initial_executor_count);
	/* The guide's YAML caps at 20 while its formula may ask for more;
	 * dynamic allocation would silently cap spark.executor.instances, so
	 * the maximum rendered is never below the advised count. */
	ecap__props_add(&ctx, "spark.dynamicAllocation.maxExecutors",
			"%" PRId64,
			advice->executor_count > advice->dynamic_max_executor_count
				? advice->executor_count
				: advice->dynamic_max_executor_count);
	/* Without an external shuffle service, dynamic allocation needs
	 * shuffle tracking (Spark 3.0+) or the application fails to start. */
	ecap__props_add(&ctx, "spark.dynamicAllocation.shuffleTracking.enabled",
			"true");
	/* The guide's core configuration: AQE, Kryo and Arrow. */
	ecap__props_add(&ctx, "spark.sql.adaptive.enabled", "true");
	ecap__props_add(&ctx, "spark.sql.adaptive.coalescePartitions.enabled",
			"true");
	ecap__props_add(&ctx, "spark.serializer",
			"org.apache.spark.serializer.KryoSerializer");
	ecap__props_add(&ctx, "spark.sql.execution.arrow.pyspark.enabled",
			"true");
	return ecap__props_end(&ctx, err);
}
