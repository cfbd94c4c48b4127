/* SPDX-License-Identifier: MIT */
/*
 * executor-shape.c - executors cut from one node (ecap-1): cores per
 * executor that fill the node's usable vCPUs, executors per node, and the
 * heap that fits each executor's share of the node's memory with Spark's
 * overhead, kept below the compressed-oops limit.
 */
#include <inttypes.h>
#include <math.h>

#include "spark-memory.h"
#include "spark-node.h"

/* The memory the scheduler grants a container of mib: YARN rounds it up
 * to a multiple of its minimum allocation, Kubernetes grants the request. */
static uint64_t
granted_mib(const struct ecap__node_capacity *cap, uint64_t mib)
{
	uint64_t step = cap->allocation_step_mib;

	if (step <= 1)
		return mib;
	return (mib + step - 1) / step * step;
}

/*
 * Largest heap whose container (heap + overhead, as the scheduler grants
 * it) fits share_mib: the heap is share / (1 + factor), rounded down to
 * 256 MiB from 2 GiB up so the settings read as round numbers, then
 * stepped down past the overhead's truncation, its 384 MiB floor and the
 * scheduler's rounding.
 */
static uint64_t
heap_for_share(const ecap_policy *p, const struct ecap__node_capacity *cap,
	       double factor, uint64_t share_mib)
{
	uint64_t h = (uint64_t)((double)share_mib / (1.0 + factor));
	uint64_t step = h >= 2048 ? 256 : 1;
	/* The overhead is never below its floor, truncated, nor the grant
	 * below the container: a heap above share - floor never fits, so
	 * the walk starts at or below it (the same answer as stepping there
	 * one MiB at a time, without the up to 384 steps). */
	uint64_t floor_mib =
		(uint64_t)ecap__pd(p, ECAP_K_SPARK_MIN_MEMORY_OVERHEAD_MB);

	h -= h % step;
	if (share_mib < floor_mib)
		return 0;
	if (h > share_mib - floor_mib)
		h -= (h - (share_mib - floor_mib) + step - 1) / step * step;
	while (h >= step &&
	       granted_mib(cap, h + ecap__overhead_mib(p, factor, h)) > share_mib)
		h -= step;
	if (h < step)
		h = 0;
	return h;
}

/* Whole vCPUs that hold task slots: YARN counts whole vcores; on
 * Kubernetes the fractional allocatable rounds to the nearest core and
 * the CPU request absorbs the fraction. */
static int64_t
slot_count(const struct ecap__node_capacity *cap)
{
	double v = cap->kubernetes ? ecap__floor(cap->vcpu + 0.5) : ecap__floor(cap->vcpu);

	return v < 1.0 ? 1 : (int64_t)v;
}

/*
 * Among lo..hi cores per executor, the count leaving the fewest of slots
 * idle (ties to more cores, so fewer executors); if even that leaves
 * more than executor.idle_vcpu_max_ratio idle (a 7-core node), the
 * largest smaller count that does not.
 */
static int64_t
fewest_idle_cores(const ecap_policy *p, int64_t slots, int64_t lo,
		  int64_t hi)
{
	double tol = ecap__pd(p, ECAP_K_EXECUTOR_IDLE_VCPU_MAX_RATIO) *
		(double)slots;
	int64_t c, best = hi;

	for (c = hi; c >= lo; c--)
		if (slots % c < slots % best)
			best = c;
	if ((double)(slots % best) <= tol)
		return best;
	for (c = lo - 1; c >= 1; c--)
		if ((double)(slots % c) <= tol)
			return c;
	return 1;
}

/* Cores per executor: fewest_idle_cores among executor.cores_min..
 * cores_max (4-5), no more than the node's slots. */
static int64_t
choose_cores(const ecap_policy *p, int64_t slots)
{
	int64_t hi = ecap__pi(p, ECAP_K_EXECUTOR_CORES_MAX);
	int64_t lo = ecap__pi(p, ECAP_K_EXECUTOR_CORES_MIN);

	if (hi > slots)
		hi = slots;
	if (lo > hi)
		lo = hi;
	return fewest_idle_cores(p, slots, lo, hi);
}

/*
 * The heap limit: with executors bigger than executor.heap_max_gb, more
 * and smaller executors per node.  The largest core count whose
 * executors (slots / cores of them) bring the heap under the limit, and
 * the counts below it as wide a range as executor.cores_min..cores_max,
 * are chosen among as choose_cores does: the fewest idle slots, then the
 * fewest executors (r5.4xlarge under YARN, 15 slots: 3 cores fits, 5 x 3
 * idles none where 4 x 3 idled 3).  Not the first count within the idle
 * bound: that idled up to a quarter of the node.  Smaller counts all fit
 * (more executors, smaller shares), and a range, not every count down
 * to 1, keeps a prime slot count (31) from becoming single-core
 * executors to save one slot.  None fits (or, on Kubernetes, more pods
 * than the node takes): the heap stays at the limit and the rest of the
 * memory is left.
 */
static void
split_for_heap_limit(const ecap_policy *p, const struct ecap__node_capacity *cap,
		     double factor, int64_t slots, int64_t pod_room,
		     bool fixed, struct ecap__exec_shape *s)
{
	uint64_t lim = (uint64_t)ecap__floor(ecap__pd(p, ECAP_K_EXECUTOR_HEAP_MAX_GB) *
				       1024.0);
	int64_t width = ecap__pi(p, ECAP_K_EXECUTOR_CORES_MAX) -
		ecap__pi(p, ECAP_K_EXECUTOR_CORES_MIN);
	int64_t c, top = 0;

	if (s->heap_mib <= lim)
		return;
	if (width < 0)
		width = 0;
	for (c = s->cores - 1; !fixed && c >= 1; c--) {
		if (cap->kubernetes && slots / c > pod_room)
			break;
		if (heap_for_share(p, cap, factor,
				   cap->memory_mib / (uint64_t)(slots / c)) <= lim) {
			top = c;
			break;
		}
	}
	if (top == 0) {
		s->heap_mib = lim - lim % 256;
		s->heap_limited = true;
		return;
	}
	c = fewest_idle_cores(p, slots, top - width < 1 ? 1 : top - width, top);
	if (cap->kubernetes && slots / c > pod_room)
		c = top;
	s->cores = c;
	s->per_node = slots / c;
	s->heap_mib = heap_for_share(p, cap, factor,
				     cap->memory_mib / (uint64_t)s->per_node);
}

int
ecap__exec_shape(const ecap_policy *p, const struct ecap__node_capacity *cap,
		 double overhead_factor, int64_t fixed_cores,
		 struct ecap__exec_shape *s, struct ecap_error *err)
{
	int64_t slots = slot_count(cap);
	/* Pods besides executors: the driver and three DaemonSets (CNI,
	 * kube-proxy, an agent). */
	int64_t pod_room = cap->max_pod_count - 4;

	*s = (struct ecap__exec_shape){ 0 };
	if (fixed_cores > slots)
		return ecap__fail(err, ECAP_ERR_RANGE, "executor_core_count",
				  "executors of %" PRId64 " cores do not fit a "
				  "node with %" PRId64 " usable vCPUs",
				  fixed_cores, slots);
	s->cores = fixed_cores > 0 ? fixed_cores : choose_cores(p, slots);
	s->per_node = slots / s->cores;
	if (cap->kubernetes && s->per_node > pod_room)
		s->per_node = pod_room < 1 ? 1 : pod_room;
	s->heap_mib = heap_for_share(p, cap, overhead_factor,
				     cap->memory_mib / (uint64_t)s->per_node);
	split_for_heap_limit(p, cap, overhead_factor, slots, pod_room,
			     fixed_cores > 0, s);
	if (s->heap_mib * ECAP__MIB < ecap__spark_min_heap_bytes(p))
		return ecap__fail(err, ECAP_ERR_RANGE, "node_memory_gb",
				  "%" PRIu64 " MiB per executor leaves a heap "
				  "below Spark's minimum of 450 MiB",
				  cap->memory_mib / (uint64_t)s->per_node);
	s->overhead_mib = ecap__overhead_mib(p, overhead_factor, s->heap_mib);
	s->request_vcpu = (double)s->cores;
	if (cap->kubernetes) {
		double share = ecap__floor(cap->vcpu / (double)s->per_node * 1000.0 +
				     1e-6) / 1000.0;

		if (share < s->request_vcpu)
			s->request_vcpu = share;
	}
	s->idle_vcpu = cap->vcpu - (double)s->per_node * s->request_vcpu;
	if (s->idle_vcpu < 0.0)
		s->idle_vcpu = 0.0;
	return ECAP_OK;
}
