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
/* The most vCPUs a node (and so an executor on it) may have. */
#define ECAP__EXEC_MAX_VCPUS INT64_C(65536)
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
	/* named: the node's index among the catalog's node_count entries. */
	size_t node_index, node_count;
};

/* The spark platforms (enum ecap_spark_platform, DEFAULT included). */
#define ECAP__EXEC_PLATFORM_COUNT 5

/* Kubernetes, JVM or not: pods, request cores, a driver pod. */
static inline bool
ecap__is_kubernetes(int32_t platform)
{
	return platform == ECAP_SPARK_PLATFORM_KUBERNETES ||
	       platform == ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM;
}

/* The overhead factor a platform's executors get unless the caller gives
 * one: the platform's own, or executor.overhead_factor (executor.c). */
double ecap__executor_default_overhead(const ecap_policy *p, int32_t platform);

/* A node's usable capacity on a->platform (executor-ecap1.c). */
int ecap__executor_capacity(const ecap_policy *p,
			    const struct ecap__exec_args *a,
			    const struct ecap__spark_node *n,
			    struct ecap__node_capacity *cap,
			    struct ecap_error *err);

/* A spark-node catalog entry's capacity and executor shape on one
 * platform at its default factor; rc is what computing them returned. */
struct ecap__exec_node_row {
	struct ecap__node_capacity cap;
	struct ecap__exec_shape shape;
	int rc;
	/* The auto-pick's least cost of a run of g GB on the node, less the
	 * EMR primary's startup: least_usd_per_gb * g + least_fixed_usd
	 * (ecap__exec_row_least). */
	double least_usd_per_gb, least_fixed_usd;
};

/* Fills row's least cost terms for node n on platform (row->rc ECAP_OK)
 * (executor-ecap1.c). */
void ecap__exec_row_least(const ecap_policy *p, int32_t platform,
			  const struct ecap__spark_node *n,
			  struct ecap__exec_node_row *row);

/* The rows of every platform and catalog entry (executor-table.c), kept
 * by every change of a policy. */
struct ecap__exec_table {
	double overhead_factor[ECAP__EXEC_PLATFORM_COUNT];
	size_t n;
	struct ecap__exec_node_row row[ECAP__EXEC_PLATFORM_COUNT]
				   [ECAP_CATALOG_MAX_ENTRIES];
	/* ecap__executor_resolve_defaults's answer and its rc. */
	struct ecap__exec_args defaults;
	int defaults_rc;
};

/*
 * The executor advisor's inputs resolved with the policy's defaults for
 * 1 GB a day and nothing else given (the projection sets each path's
 * data): from the policy's table, or resolved here when the table is
 * missing or resolving failed (for the error) (executor-table.c).
 */
int ecap__executor_resolve_defaults(const ecap_policy *p,
				    struct ecap__exec_args *a,
				    struct ecap_error *err);

/* The rows of a's platform for the count catalog entries (row i is
 * entry i), or NULL when the table does not hold what a asks for (a
 * factor, fixed cores or YARN memory of the caller's) or is missing. */
const struct ecap__exec_node_row *
ecap__exec_table_rows(const ecap_policy *p, const struct ecap__exec_args *a,
		      size_t count);

/* Spark's regions of out->executor_heap_bytes (0 below Spark's minimum)
 * and the policy's fractions, into out (executor.c). */
void ecap__executor_fill_regions(const ecap_policy *p,
				 struct ecap_executor_out *out);

/* The public call's checks and the policy's defaults (executor.c). */
int ecap__executor_resolve(const ecap_policy *p,
			   const struct ecap_executor_in *in,
			   struct ecap__exec_args *a, struct ecap_error *err);
/* Sizes resolved inputs with the policy's model, without checks or text,
 * into out (zeroed by the caller, for the guide model by
 * ecap__executor_guide_zero enough): what ecap_executor_advise answers
 * for them (executor.c).  The projection sizes its paths with it. */
int ecap__executor_size(const ecap_policy *p, const struct ecap__exec_args *a,
			struct ecap_executor_out *out, struct ecap_error *err);

/* Zeroes the fields of out the guide's sizing does not write (ecap-1's):
 * with it, out is ready for the guide's ecap__executor_size (executor.c). */
void ecap__executor_guide_zero(struct ecap_executor_out *out);

/* ecap-1 sizing (executor-ecap1.c). */
int ecap__executor_ecap1(const ecap_policy *p, const struct ecap__exec_args *a,
			 struct ecap_executor_out *out, struct ecap_error *err);

/* One run of ecap__executor_ecap1_column. */
struct ecap__exec_cell {
	double nodes;
	double executors;
	double projected_hours;
	double cost_usd_per_month;
	bool window_met;
	bool over_policy_cap;
	bool capped;
};

/*
 * ecap-1 on the node a->node (a->has_node) for n runs of run_gb[i] GB
 * (a->runs a day): what ecap__executor_ecap1 answers for each, with the
 * node's capacity and executor shape cut once (executor-ecap1.c).
 */
int ecap__executor_ecap1_column(const ecap_policy *p,
				const struct ecap__exec_args *a,
				const double *run_gb, size_t n,
				struct ecap__exec_cell *cells,
				struct ecap_error *err);

#endif /* ECAP_EXECUTOR_INTERNAL_H */
