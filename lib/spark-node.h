/* SPDX-License-Identifier: MIT */
/*
 * spark-node.h - what a node offers Spark executors on each platform
 * (YARN, EMR, Kubernetes) and the executor shape cut from it; shared by
 * the executor advisor's files (private).
 */
#ifndef ECAP_SPARK_NODE_H
#define ECAP_SPARK_NODE_H

#include "internal.h"

/* A node type: a spark-node catalog entry or a caller's raw shape. */
struct ecap__spark_node {
	const char *name;		/* catalog name, or "" for a raw shape */
	int64_t vcpu_count;
	double memory_gb;
	double price_usd_per_hour;	/* EC2 (or the caller's price) */
	double emr_price_usd_per_hour;	/* EMR charge on top */
	int64_t yarn_memory_mb;		/* EMR's NodeManager memory; 0 = rule */
	int64_t max_pod_count;		/* Kubernetes; 0 = policy default */
};

/* The node of a spark-node catalog entry. */
static inline struct ecap__spark_node
ecap__spark_node_of(const struct ecap_catalog_entry *e)
{
	return (struct ecap__spark_node){
		.name = e->name,
		.vcpu_count = e->vcpu_count,
		.memory_gb = e->memory_gb,
		.price_usd_per_hour = e->price_usd_per_hour,
		.emr_price_usd_per_hour = e->emr_price_usd_per_hour,
		.yarn_memory_mb = e->yarn_memory_mb,
		.max_pod_count = e->eks_max_pod_count,
	};
}

/* What one node offers executors on a platform. */
struct ecap__node_capacity {
	/* vCPUs executors may use: YARN/EMR whole cores, Kubernetes the
	 * allocatable CPU less DaemonSet headroom (fractional). */
	double vcpu;
	/* Memory executors may use (MiB). */
	uint64_t memory_mib;
	/* Kubernetes: the kubelet's reservations and the allocatable. */
	double reserved_vcpu;
	uint64_t reserved_memory_mib;
	double allocatable_vcpu;
	uint64_t allocatable_memory_mib;
	int64_t max_pod_count;
	/* YARN: the scheduler's yarn.scheduler.minimum-allocation-mb, to a
	 * multiple of which it rounds every container up (MiB); 0 = none
	 * (Kubernetes requests are exact). */
	uint64_t allocation_step_mib;
	bool kubernetes;
};

/* Executors cut from one node. */
struct ecap__exec_shape {
	int64_t cores;		/* spark.executor.cores (task slots) */
	int64_t per_node;	/* executors a node holds */
	double request_vcpu;	/* CPU each executor is given (K8s request) */
	double idle_vcpu;	/* capacity vcpu - per_node * request */
	uint64_t heap_mib, overhead_mib;
	/* 1 when the heap limit held the heap and memory stays unused. */
	bool heap_limited;
};

/* ---- yarn.c ---- */

/*
 * yarn.nodemanager.resource.memory-mb EMR gives a node of memory_gb when
 * its type (name, "" or NULL for a raw shape) is not in the
 * task-configuration table (MiB), by the rule of its generation.
 */
int64_t ecap__emr_yarn_memory_mb(const char *name, double memory_gb);
/* Capacity of a node under YARN (platform yarn/default) or EMR. */
int ecap__yarn_capacity(const ecap_policy *p, const struct ecap__spark_node *n,
			bool emr, double yarn_memory_gb,
			struct ecap__node_capacity *cap, struct ecap_error *err);

/* ---- k8s-allocatable.c ---- */

/* kube-reserved CPU of a node of vcpus vCPUs (vCPU, fractional). */
double ecap__k8s_reserved_vcpu(int64_t vcpus);
/* kube-reserved memory for max_pods pods (MiB). */
uint64_t ecap__k8s_reserved_memory_mib(const ecap_policy *p, int64_t max_pods);
/* Capacity of a node under Kubernetes. */
int ecap__k8s_capacity(const ecap_policy *p, const struct ecap__spark_node *n,
		       struct ecap__node_capacity *cap,
		       struct ecap_error *err);

/* ---- executor-shape.c ---- */

/*
 * Spark's executor overhead for a heap (MiB), inline (every advice and
 * every heap the shape tries asks for it).  ResourceProfile.
 * calculateOverHeadMemory: math.max((overheadFactor *
 * executorMemoryMiB).toInt, MEMORY_OVERHEAD_MIN_MIB)
 */
static inline uint64_t
ecap__overhead_mib(const ecap_policy *p, double factor, uint64_t heap_mib)
{
	/* A heap of at most 1 TiB, a factor and minimum in the keys'
	 * ranges: far below 2^63. */
	uint64_t over = ecap__double_to_u64(factor *
					    ecap__u64_to_double(heap_mib));
	double min_over = ecap__pd(p, ECAP_K_SPARK_MIN_MEMORY_OVERHEAD_MB);

	return ecap__u64_to_double(over) < min_over ?
		       ecap__double_to_u64(min_over) : over;
}
/*
 * Cuts executors from a node: cores (fixed_cores, or 4-5 chosen to leave
 * the fewest vCPUs idle), executors per node, CPU request and the heap
 * that fits each executor's share of memory with its overhead.
 * ECAP_ERR_RANGE when not one executor fits.
 */
int ecap__exec_shape(const ecap_policy *p, const struct ecap__node_capacity *cap,
		     double overhead_factor, int64_t fixed_cores,
		     struct ecap__exec_shape *s, struct ecap_error *err);

#endif /* ECAP_SPARK_NODE_H */
