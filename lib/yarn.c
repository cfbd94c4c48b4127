/* SPDX-License-Identifier: MIT */
/*
 * yarn.c - what a node offers executor containers under YARN: Apache
 * Hadoop's NodeManager with a core and a gigabyte kept for the system
 * (Cloudera), or Amazon EMR's per-instance NodeManager defaults.
 */
#include <inttypes.h>
#include <math.h>

#include "spark-node.h"

/*
 * The instance generation of a type name: the first digit of its family
 * ("m6g.xlarge" 6, "r5d.2xlarge" 5); 0 for a raw shape (no name) or a
 * name without one.
 */
static int
type_generation(const char *name)
{
	for (; name != NULL && *name != '\0' && *name != '.'; name++)
		if (*name >= '0' && *name <= '9')
			return *name - '0';
	return 0;
}

/*
 * EMR's task-configuration table (EMR release guide, "Task
 * configuration", yarn.nodemanager.resource.memory-mb) follows one rule
 * for every m5, r5 and c5 size it lists: a node of at most 32 GiB gives
 * YARN three quarters of it (m5.xlarge 16 GiB -> 12288, c5.4xlarge
 * 32 GiB -> 24576), a larger node all but 8 GiB (m5.4xlarge 64 GiB ->
 * 57344, c5.9xlarge 72 GiB -> 65536, r5.24xlarge 768 GiB -> 778240).
 * For the 6th- and 7th-generation families (c6i, m6g, m6i, m7g, r6g,
 * r6i, r7g) the same rule is taken of 61/64 of the memory, the part the
 * guest sees on those types: m6g.xlarge 16384 x 61/64 = 15616 x 0.75 =
 * 11712, r7g.16xlarge 524288 x 61/64 = 499712 - 8192 = 491520.  That
 * gives 44 of their 47 published rows exactly; c6i.xlarge publishes 5632
 * (rule 5856) and m6g.12xlarge and m6i.12xlarge 181248 (rule 179200, as
 * m7g.12xlarge publishes).  Types the table omits get the rule of their
 * generation (a raw shape without a name the 5th-generation rule); their
 * catalog rows say so.
 */
int64_t
ecap__emr_yarn_memory_mb(const char *name, double memory_gb)
{
	double mib = ecap__floor(memory_gb * 1024.0);

	if (type_generation(name) >= 6)
		mib = ecap__floor(mib * 61.0 / 64.0);
	if (memory_gb <= 32.0)
		return ecap__floor_int64(mib * 0.75);
	return (int64_t)(mib - 8.0 * 1024.0);
}

int
ecap__yarn_capacity(const ecap_policy *p, const struct ecap__spark_node *n,
		    bool emr, double yarn_memory_gb,
		    struct ecap__node_capacity *cap, struct ecap_error *err)
{
	double reserved_gb = ecap__pd(p, ECAP_K_EXECUTOR_NODE_RESERVED_MEMORY_GB);
	int64_t reserved_cores = ecap__pi(p, ECAP_K_EXECUTOR_NODE_RESERVED_CORES);
	double mib;

	*cap = (struct ecap__node_capacity){ 0 };
	if (emr) {
		/* EMR gives YARN every vCPU (the best-practices guide's
		 * r4.8xlarge: 32 vCores) and its table's memory. */
		cap->vcpu = (double)n->vcpu_count;
		if (yarn_memory_gb > 0.0)
			mib = ecap__floor(yarn_memory_gb * 1024.0);
		else if (n->yarn_memory_mb > 0)
			mib = (double)n->yarn_memory_mb;
		else
			mib = (double)ecap__emr_yarn_memory_mb(n->name,
							     n->memory_gb);
	} else {
		/* Cloudera: "leave a gigabyte and a core for these system
		 * processes". */
		cap->vcpu = (double)(n->vcpu_count - reserved_cores);
		mib = yarn_memory_gb > 0.0 ? ecap__floor(yarn_memory_gb * 1024.0) :
			ecap__floor((n->memory_gb - reserved_gb) * 1024.0);
	}
	if (cap->vcpu < 1.0)
		return ecap__fail(err, ECAP_ERR_RANGE, "node_vcpu_count",
				  "%" PRId64 " vCPUs less %" PRId64 " reserved "
				  "leave no core for an executor",
				  n->vcpu_count, reserved_cores);
	if (mib < 1.0)
		return ecap__fail(err, ECAP_ERR_RANGE, "node_memory_gb",
				  "node_memory_gb %.17g leaves nothing after "
				  "executor.node_reserved_memory_gb %.17g",
				  n->memory_gb, reserved_gb);
	cap->memory_mib = (uint64_t)mib;
	/* The CapacityScheduler normalises a request up to a multiple of
	 * yarn.scheduler.minimum-allocation-mb: on Hadoop's default of 1024
	 * a 15769 MiB executor takes 16384, and two of them no longer fit a
	 * 31744 MiB NodeManager. */
	cap->allocation_step_mib = (uint64_t)ecap__pd(p, emr ?
		ECAP_K_EXECUTOR_EMR_MIN_ALLOCATION_MB :
		ECAP_K_EXECUTOR_YARN_MIN_ALLOCATION_MB);
	return ECAP_OK;
}
