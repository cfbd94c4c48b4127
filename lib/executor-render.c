/* SPDX-License-Identifier: MIT */
/*
 * executor-render.c - an executor advice for people and for Spark: the
 * names of its reasons, the sentence that explains it, and its Spark
 * properties.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

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

static int
explain_guide(const struct ecap_executor_out *a, char *buf, size_t size)
{
	switch (a->reason) {
	case ECAP_EXECUTOR_REASON_GUIDE_NO_EXECUTORS:
		return snprintf(buf, size, "guide: int(%.6g GB needed / %.6g GB "
				"per executor) truncates to 0 executors",
				a->required_memory_gb, a->executor_heap_gb);
	case ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT:
		return snprintf(buf, size, "guide: int(%.6g GB / %.6g GB) = %"
				PRId64 " executors hold %.6g GB, less than the "
				"%.6g GB needed", a->required_memory_gb,
				a->executor_heap_gb, a->executor_count,
				a->total_memory_gb, a->required_memory_gb);
	default:
		return snprintf(buf, size, "guide: calculate_spark_resources: "
				"%.6g GB a day needs %.6g GB of memory; at %.6g "
				"GB per executor that is %" PRId64 " executors "
				"(the %.6g-hour target of a %.6g-hour window "
				"sets the heap)", a->run_data_gb,
				a->required_memory_gb, a->executor_heap_gb,
				a->executor_count, a->target_hours,
				a->processing_window_hours);
	}
}

/* The rule that set the count, with its numbers. */
static int
explain_count(const struct ecap_executor_out *a, double core_rate,
	      char *buf, size_t size)
{
	int n = snprintf(buf, size, "ceil(%.6g GB / (%.3g GB per core-hour x "
			 "%.3g h)) = %" PRId64 " core%s", a->run_data_gb,
			 core_rate, a->target_hours, a->needed_core_count,
			 a->needed_core_count == 1 ? "" : "s");
	size_t used = n > 0 && (size_t)n < size ? (size_t)n : 0;

	switch (a->reason) {
	case ECAP_EXECUTOR_REASON_MIN_EXECUTORS:
		return snprintf(buf + used, size - used, ", fewer than the "
				"floor executor.min_executors");
	case ECAP_EXECUTOR_REASON_CAPPED:
		return snprintf(buf + used, size - used, ", held to %" PRId64
				" executors by max_executor_count",
				a->executor_count);
	case ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED:
		return snprintf(buf + used, size - used, ", more executors than "
				"executor.max_executors allows (advised "
				"anyway, dynamic allocation's maximum raised)");
	default:
		return n;
	}
}

static int
explain_node(const struct ecap_executor_out *a, char *buf, size_t size)
{
	switch (a->node_reason) {
	case ECAP_EXECUTOR_NODE_REASON_CHEAPEST:
		if (a->runner_up_node_type[0] == '\0')
			return snprintf(buf, size, "; the only catalog node "
					"that fits");
		return snprintf(buf, size, "; the cheapest catalog node meeting "
				"the window, runner-up %s at $%.4g a run",
				a->runner_up_node_type, a->runner_up_cost_usd);
	case ECAP_EXECUTOR_NODE_REASON_FASTEST:
		return snprintf(buf, size, "; no catalog node meets the window, "
				"%s is the fastest", a->node_type);
	default:
		return snprintf(buf, size, "%s", "");
	}
}

static int
explain_ecap1(const struct ecap_executor_out *a, char *buf, size_t size)
{
	char count[192], node[448], window[96];
	double rate = 0.0;

	if (a->projected_hours > 0.0 && a->executor_count > 0)
		rate = a->run_data_gb / (a->projected_hours *
			(double)a->executor_count * a->executor_request_vcpu);
	explain_count(a, rate, count, sizeof(count));
	explain_node(a, node, sizeof(node));
	if (a->window_met)
		snprintf(window, sizeof(window), "within the %.3g-hour window",
			 a->processing_window_hours);
	else
		snprintf(window, sizeof(window), "%.3g hours past the %.3g-hour "
			 "window", a->window_miss_hours,
			 a->processing_window_hours);
	return snprintf(buf, size, "ecap-1: %s: %" PRId64 " executors of %"
			PRId64 " cores (%.3g vCPU) and %.3g GiB heap on %"
			PRId64 " x %s (%" PRId64 " a node of %.3g usable "
			"vCPUs, one slot for the driver); %.2f hours a run, "
			"%s, $%.2f a run%s", count, a->executor_count,
			a->executor_core_count, a->executor_request_vcpu,
			a->executor_heap_gb, a->node_count,
			a->node_type[0] != '\0' ? a->node_type : "node",
			a->executors_per_node_count, a->node_usable_vcpu,
			a->projected_hours, window, a->projected_cost_usd, node);
}

ECAP_API int
ecap_executor_explain(const struct ecap_executor_out *advice, char *buf,
		      size_t size, struct ecap_error *err)
{
	int rc, n;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, advice, ecap_executor_out)) != ECAP_OK)
		return rc;
	if (buf == NULL && size != 0)
		return ecap__check_ptr(err, buf, "buf");
	if (ecap_executor_reason_to_string(advice->reason) == NULL ||
	    (advice->model != ECAP_MODEL_GUIDE &&
	     advice->model != ECAP_MODEL_ECAP_1))
		return ecap__fail(err, ECAP_ERR_INVALID, "reason",
				  "advice model %" PRId32 " reason %" PRId32
				  " is not an advice; pass the output of "
				  "ecap_executor_advise", advice->model,
				  advice->reason);
	if (advice->model == ECAP_MODEL_GUIDE)
		n = explain_guide(advice, buf, size);
	else
		n = explain_ecap1(advice, buf, size);
	if (n < 0 || (size_t)n >= size)
		return ecap__fail(err, ECAP_ERR_NOSPACE, "size",
				  "the explanation needs %d bytes; %zu given",
				  n + 1, size);
	return ECAP_OK;
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

/* An advice edited by the caller must still render as valid settings. */
static int
check_advice(const struct ecap_executor_out *a, struct ecap_error *err)
{
	int rc;

	if (a->model != ECAP_MODEL_GUIDE && a->model != ECAP_MODEL_ECAP_1)
		return ecap__fail(err, ECAP_ERR_INVALID, "model",
				  "advice model is %" PRId32 "; pass the output "
				  "of ecap_executor_advise", a->model);
	if ((rc = ecap__check_int64(err, "executor_count", a->executor_count,
				    0, 1000000)) ||
	    (rc = ecap__check_int64(err, "executor_core_count",
				    a->executor_core_count, 1, 256)) ||
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
				    1000000)) ||
	    (rc = ecap__check_int64(err, "dynamic_initial_executor_count",
				    a->dynamic_initial_executor_count, 0,
				    1000000)) ||
	    (rc = ecap__check_int64(err, "dynamic_max_executor_count",
				    a->dynamic_max_executor_count, 0, 1000000)))
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
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, advice, ecap_executor_out)) != ECAP_OK)
		return rc;
	if ((rc = check_advice(advice, err)) != ECAP_OK ||
	    (rc = ecap__props_begin(&ctx, props, count, err)) != ECAP_OK)
		return rc;
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
	if (advice->model == ECAP_MODEL_ECAP_1 &&
	    (advice->platform == ECAP_SPARK_PLATFORM_KUBERNETES ||
	     advice->platform == ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM))
		ecap__props_add(&ctx, "spark.kubernetes.executor.request.cores",
				"%.15g",
				(double)(int64_t)(advice->executor_request_vcpu *
						  1000.0 + 0.5) / 1000.0);
	add_size(&ctx, "spark.executor.memoryOverhead",
		 advice->executor_overhead_bytes);
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
