/* SPDX-License-Identifier: MIT */
/*
 * k8s-allocatable.c - what a Kubernetes node offers executor pods:
 * allocatable = capacity - kube-reserved - hard eviction threshold
 * (engine-facts 11, EKS AMI bootstrap), less the policy's DaemonSet
 * headroom.  Capacity is the memory the guest sees, not EC2's nominal
 * figure: the kubelet reports what the kernel has after the hypervisor
 * and the kernel took their part.
 */
#include <inttypes.h>
#include <math.h>

#include "spark-node.h"

/*
 * kube-reserved CPU, as the EKS AMI (and GKE) compute it: 6% of the first
 * core, 1% of the second, 0.5% of the third and fourth, 0.25% of every
 * core above four.  m5.2xlarge: 60 + 10 + 2 x 5 + 4 x 2.5 = 90 millicores.
 */
double
ecap__k8s_reserved_vcpu(int64_t vcpus)
{
	double v = (double)vcpus, r = 0.0;

	r += 0.06 * ecap__fmin(v, 1.0);
	r += 0.01 * ecap__fmin(ecap__fmax(v - 1.0, 0.0), 1.0);
	r += 0.005 * ecap__fmin(ecap__fmax(v - 2.0, 0.0), 2.0);
	r += 0.0025 * ecap__fmax(v - 4.0, 0.0);
	return r;
}

/* EKS: kube-reserved memory = 255 MiB + 11 MiB x maxPods (58 pods on
 * m5.2xlarge: 893 MiB). */
uint64_t
ecap__k8s_reserved_memory_mib(const ecap_policy *p, int64_t max_pods)
{
	return (uint64_t)(ecap__pd(p, ECAP_K_EXECUTOR_K8S_RESERVED_MEMORY_MB) +
			  ecap__pd(p, ECAP_K_EXECUTOR_K8S_RESERVED_MEMORY_PER_POD_MB) *
				  (double)max_pods);
}

/*
 * The memory the kubelet reports as capacity (MiB): EC2's figure less
 * executor.k8s_vm_memory_overhead_ratio of it, rounded up to a MiB, as
 * Karpenter (aws/karpenter-provider-aws, vmMemoryOverheadPercent, 0.075
 * by default) estimates a node before it joins.  Sized to the nominal
 * memory, the last executor pod of a node stayed Pending: m6g.16xlarge
 * held 16 pods of 15769 MiB in a nominal 252658 MiB allocatable, 354 MiB
 * to spare, where the guest sees some 3 GiB less.
 */
static double
guest_memory_mib(const ecap_policy *p, double memory_gb)
{
	double mib = ecap__floor(memory_gb * 1024.0);

	return mib - ecap__ceil(mib * ecap__pd(p,
		ECAP_K_EXECUTOR_K8S_VM_MEMORY_OVERHEAD_RATIO));
}

int
ecap__k8s_capacity(const ecap_policy *p, const struct ecap__spark_node *n,
		   struct ecap__node_capacity *cap, struct ecap_error *err)
{
	double mib = guest_memory_mib(p, n->memory_gb);
	double eviction = ecap__pd(p, ECAP_K_EXECUTOR_K8S_EVICTION_MEMORY_MB);
	double ds_mib = ecap__pd(p, ECAP_K_EXECUTOR_K8S_DAEMONSET_MEMORY_MB);
	double ds_vcpu = ecap__pd(p, ECAP_K_EXECUTOR_K8S_DAEMONSET_VCPU);
	double usable_mib;

	*cap = (struct ecap__node_capacity){ 0 };
	cap->kubernetes = true;
	cap->max_pod_count = n->max_pod_count > 0 ? n->max_pod_count :
		ecap__pi(p, ECAP_K_EXECUTOR_K8S_MAX_PODS);
	cap->reserved_vcpu = ecap__k8s_reserved_vcpu(n->vcpu_count);
	cap->reserved_memory_mib =
		ecap__k8s_reserved_memory_mib(p, cap->max_pod_count);
	cap->allocatable_vcpu = (double)n->vcpu_count - cap->reserved_vcpu;
	/* Millicores, as the kubelet reports them. */
	cap->vcpu = ecap__floor((cap->allocatable_vcpu - ds_vcpu) * 1000.0 + 1e-6) /
		1000.0;
	usable_mib = mib - (double)cap->reserved_memory_mib - eviction;
	cap->allocatable_memory_mib = usable_mib > 0.0 ? (uint64_t)usable_mib : 0;
	usable_mib -= ds_mib;
	if (cap->vcpu < 0.5 || usable_mib < 1.0)
		return ecap__fail(err, ECAP_ERR_RANGE, "node_memory_gb",
				  "a %" PRId64 "-vCPU %.6g GiB node has %.3f "
				  "vCPU and %.0f MiB left for executor pods "
				  "after the kubelet's reservations and the "
				  "DaemonSet headroom", n->vcpu_count,
				  n->memory_gb, cap->vcpu, usable_mib);
	cap->memory_mib = (uint64_t)usable_mib;
	return ECAP_OK;
}
