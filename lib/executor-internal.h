/* SPDX-License-Identifier: MIT */
/*
 * executor-internal.h - the executor advisor's inputs with the policy's
 * defaults applied, shared by executor.c (validation, guide model) and
 * executor-ecap1.c (ecap-1 sizing) (private).
 */
#ifndef ECAP_EXECUTOR_INTERNAL_H
#define ECAP_EXECUTOR_INTERNAL_H

#include "spark-node.h"

/* 1 EiB expressed in GB. */
#define ECAP__EXEC_MAX_DAILY_GB 1073741824.0
#define ECAP__EXEC_MAX_EXECUTORS INT64_C(100000)
/* Most executors an ecap-1 advice holds: ecap_executor_spark_properties
 * renders at most a million (beyond any Spark cluster), so the advisor
 * never answers with more. */
#define ECAP__EXEC_MAX_ADVISED_EXECUTORS INT64_C(1000000)

struct ecap__exec_args {
	double daily_gb, window_hours, target_hours, overhead_factor;
	/* Raw shape or named node (guide arithmetic). */
	double node_memory_gb, node_yarn_gb, node_price;
	int64_t cap, min_executors, cores, node_vcpus;
	bool yarn_given;
	/* ecap-1. */
	int32_t platform;
	int64_t runs, hard_cap, fixed_cores;
	double run_gb, partition_mb, caller_yarn_gb;
	/* The node when named or shaped (has_node), else the advisor picks. */
	bool has_node, named;
	struct ecap__spark_node node;
};

/* Spark's regions of out->executor_heap_bytes (0 below Spark's minimum)
 * and the policy's fractions, into out (executor.c). */
void ecap__executor_fill_regions(const ecap_policy *p,
				 struct ecap_executor_out *out);

/* ecap-1 sizing (executor-ecap1.c). */
int ecap__executor_ecap1(const ecap_policy *p, const struct ecap__exec_args *a,
			 struct ecap_executor_out *out, struct ecap_error *err);

#endif /* ECAP_EXECUTOR_INTERNAL_H */
