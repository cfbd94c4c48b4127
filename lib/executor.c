/* SPDX-License-Identifier: MIT */
/*
 * executor.c - executor sizing: the guide's calculate_spark_resources
 * (model "guide") and a corrected sizing (model "ecap-1"), with Spark's
 * overhead, container and memory-region arithmetic and node packing.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "spark-memory.h"

/* 1 EiB expressed in GB. */
#define MAX_DAILY_GB 1073741824.0
/* Spark's executor counts are Scala Ints. */
#define MAX_SPARK_INT INT64_C(2147483647)

static const struct {
	const char *name;
	double overhead_factor;
} platforms[] = {
	[ECAP_SPARK_PLATFORM_DEFAULT] = { "default", 0.0 },
	/* spark.executor.memoryOverheadFactor default (engine-facts 3.2) */
	[ECAP_SPARK_PLATFORM_YARN] = { "yarn", 0.10 },
	/* Amazon EMR's own default (engine-facts 3.2, 4.2) */
	[ECAP_SPARK_PLATFORM_EMR] = { "emr", 0.1875 },
	[ECAP_SPARK_PLATFORM_KUBERNETES] = { "kubernetes", 0.10 },
	/* NON_JVM_MEMORY_OVERHEAD_FACTOR = 0.4d */
	[ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM] = { "kubernetes-non-jvm", 0.40 },
};

ECAP_API const char *
ecap_spark_platform_to_string(int32_t platform)
{
	if (platform < 0 || (size_t)platform >= ECAP_ARRAY_SIZE(platforms))
		return NULL;
	return platforms[platform].name;
}

ECAP_API int
ecap_spark_platform_from_string(const char *name, int32_t *platform,
				struct ecap_error *err)
{
	size_t i;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, name, "name")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, platform, "platform")) != ECAP_OK)
		return rc;
	for (i = 0; i < ECAP_ARRAY_SIZE(platforms); i++)
		if (strcmp(name, platforms[i].name) == 0) {
			*platform = (int32_t)i;
			return ECAP_OK;
		}
	return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "platform",
			  "platform \"%.60s\" is unknown; the platforms are "
			  "default, yarn, emr, kubernetes and "
			  "kubernetes-non-jvm", name);
}

/* Inputs with the policy's defaults applied. */
struct sizing {
	double daily_gb, window_hours, target_hours, overhead_factor;
	double node_memory_gb, node_yarn_gb, node_price;
	int64_t cap, min_executors, cores, node_vcpus;
	bool yarn_given;
};

static int
check_node_shape(const ecap_policy *p, const struct ecap_executor_in *in,
		 struct sizing *s, struct ecap_error *err)
{
	int rc;

	if ((rc = ecap__check_int64(err, "node_vcpu_count", in->node_vcpu_count,
				    0, 65536)) != ECAP_OK ||
	    (rc = ecap__check_double(err, "node_memory_gb", in->node_memory_gb,
				     0.0, 1048576.0)) != ECAP_OK ||
	    (rc = ecap__check_double(err, "node_yarn_memory_gb",
				     in->node_yarn_memory_gb, 0.0,
				     1048576.0)) != ECAP_OK ||
	    (rc = ecap__check_double(err, "node_price_usd_per_hour",
				     in->node_price_usd_per_hour, 0.0,
				     1000000.0)) != ECAP_OK)
		return rc;
	s->node_vcpus = in->node_vcpu_count;
	s->node_memory_gb = in->node_memory_gb;
	s->node_price = in->node_price_usd_per_hour;
	if (s->node_vcpus == 0) {
		/* No shape: a memory, YARN memory or price alone is a
		 * mistake, not a default. */
		if (in->node_memory_gb != 0.0 || in->node_yarn_memory_gb != 0.0 ||
		    in->node_price_usd_per_hour != 0.0)
			return ecap__fail(err, ECAP_ERR_INVALID,
					  "node_vcpu_count",
					  "node_vcpu_count is 0 (no node shape) "
					  "but other node_* fields are set");
		return ECAP_OK;
	}
	if (in->node_memory_gb == 0.0)
		return ecap__fail(err, ECAP_ERR_RANGE, "node_memory_gb",
				  "node_memory_gb is 0; a node shape needs "
				  "its memory");
	if (in->node_yarn_memory_gb > in->node_memory_gb)
		return ecap__fail(err, ECAP_ERR_RANGE, "node_yarn_memory_gb",
				  "node_yarn_memory_gb %.17g exceeds "
				  "node_memory_gb %.17g",
				  in->node_yarn_memory_gb, in->node_memory_gb);
	s->yarn_given = in->node_yarn_memory_gb != 0.0;
	s->node_yarn_gb = s->yarn_given ?
		in->node_yarn_memory_gb :
		in->node_memory_gb -
			ecap__pd(p, ECAP_K_EXECUTOR_NODE_RESERVED_MEMORY_GB);
	if (s->node_yarn_gb <= 0.0)
		return ecap__fail(err, ECAP_ERR_RANGE, "node_memory_gb",
				  "node_memory_gb %.17g leaves nothing after "
				  "executor.node_reserved_memory_gb %.17g",
				  in->node_memory_gb,
				  ecap__pd(p,
					   ECAP_K_EXECUTOR_NODE_RESERVED_MEMORY_GB));
	return ECAP_OK;
}

static int
resolve(const ecap_policy *p, const struct ecap_executor_in *in,
	struct sizing *s, struct ecap_error *err)
{
	int rc;

	memset(s, 0, sizeof(*s));
	if ((rc = ecap__check_double_gt(err, "daily_data_gb", in->daily_data_gb,
					0.0, MAX_DAILY_GB)) != ECAP_OK ||
	    (rc = ecap__check_override_double(
		     err, "processing_window_hours",
		     in->processing_window_hours,
		     ECAP_K_EXECUTOR_PROCESSING_WINDOW_HOURS)) != ECAP_OK ||
	    (rc = ecap__check_override_double(
		     err, "overhead_factor", in->overhead_factor,
		     ECAP_K_EXECUTOR_OVERHEAD_FACTOR)) != ECAP_OK ||
	    (rc = ecap__check_override_int64(
		     err, "max_executor_count", in->max_executor_count,
		     ECAP_K_EXECUTOR_MAX_EXECUTORS)) != ECAP_OK ||
	    (rc = ecap__check_override_int64(
		     err, "executor_core_count", in->executor_core_count,
		     ECAP_K_EXECUTOR_CORES)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "reserved_0", in->reserved_0, 0,
				    0)) != ECAP_OK)
		return rc;
	if (in->platform < 0 ||
	    (size_t)in->platform >= ECAP_ARRAY_SIZE(platforms))
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "platform",
				  "platform %" PRId32 " is unknown",
				  in->platform);
	if ((rc = check_node_shape(p, in, s, err)) != ECAP_OK)
		return rc;
	s->daily_gb = in->daily_data_gb;
	s->window_hours = in->processing_window_hours != 0.0 ?
		in->processing_window_hours :
		ecap__pd(p, ECAP_K_EXECUTOR_PROCESSING_WINDOW_HOURS);
	s->target_hours = s->window_hours *
		ecap__pd(p, ECAP_K_EXECUTOR_WINDOW_SHARE_RATIO);
	if (in->overhead_factor != 0.0)
		s->overhead_factor = in->overhead_factor;
	else if (in->platform != ECAP_SPARK_PLATFORM_DEFAULT)
		s->overhead_factor = platforms[in->platform].overhead_factor;
	else
		s->overhead_factor = ecap__pd(p, ECAP_K_EXECUTOR_OVERHEAD_FACTOR);
	s->cores = in->executor_core_count != 0 ? in->executor_core_count :
		ecap__pi(p, ECAP_K_EXECUTOR_CORES);
	s->min_executors = ecap__pi(p, ECAP_K_EXECUTOR_MIN_EXECUTORS);
	s->cap = in->max_executor_count != 0 ? in->max_executor_count :
		ecap__pi(p, ECAP_K_EXECUTOR_MAX_EXECUTORS);
	if (s->cap < s->min_executors)
		return ecap__fail(err, ECAP_ERR_RANGE,
				  in->max_executor_count != 0 ?
					  "max_executor_count" :
					  "executor.max_executors",
				  "the maximum of %" PRId64 " executors is "
				  "below executor.min_executors %" PRId64,
				  s->cap, s->min_executors);
	return ECAP_OK;
}

/* GB (binary) to bytes, truncated to whole MiB as Spark sizes memory. */
static uint64_t
gb_to_mib_bytes(double gb)
{
	return (uint64_t)(gb * 1024.0) * ECAP__MIB;
}

/*
 * The guide's calculate_spark_resources, number for number:
 *   required_memory_gb = daily * 3; target_hours = hours * 0.25
 *   required_executors = max(2, int(daily / (10 * target_hours)))
 *   memory_per_executor = min(8, max(4, required_memory_gb / required_executors))
 *   final_executors = int(required_memory_gb / memory_per_executor)
 */
static void
size_guide(const ecap_policy *p, const struct sizing *s,
	   struct ecap_executor_out *out)
{
	double required = s->daily_gb *
		ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MULTIPLIER);
	double tp = ecap__pd(p, ECAP_K_EXECUTOR_THROUGHPUT_GB_PER_HOUR);
	int64_t req = (int64_t)(s->daily_gb / (tp * s->target_hours));
	double mem;

	if (req < s->min_executors)
		req = s->min_executors;
	mem = fmin(ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MAX_GB),
		   fmax(ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MIN_GB),
			required / (double)req));
	out->executor_count = (int64_t)(required / mem);
	out->executor_heap_gb = mem;
	out->executor_core_count = s->cores;
	out->required_memory_gb = required;
	out->dynamic_min_executor_count = s->min_executors;
	out->dynamic_initial_executor_count =
		ecap__pi(p, ECAP_K_EXECUTOR_INITIAL_EXECUTORS);
	out->dynamic_max_executor_count = s->cap;
	if (out->executor_count == 0) {
		out->reason = ECAP_EXECUTOR_REASON_GUIDE_NO_EXECUTORS;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "guide: int(%.6g GB needed / %.6g GB per executor) "
			 "truncates to 0 executors", required, mem);
	} else if ((double)out->executor_count * mem < required) {
		out->reason = ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "guide: int(%.6g GB / %.6g GB) = %" PRId64
			 " executors hold %.6g GB, less than the %.6g GB "
			 "needed", required, mem, out->executor_count,
			 (double)out->executor_count * mem, required);
	} else {
		out->reason = ECAP_EXECUTOR_REASON_GUIDE_FORMULA;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "guide: max(%" PRId64 ", int(%.6g / (%.6g x %.6g))) "
			 "= %" PRId64 " executors, %.6g GB each, %" PRId64
			 " executors for %.6g GB", s->min_executors,
			 s->daily_gb, tp, s->target_hours, req, mem,
			 out->executor_count, required);
	}
}

/* ResourceProfile.calculateOverHeadMemory:
 * math.max((overheadFactor * executorMemoryMiB).toInt, MEMORY_OVERHEAD_MIN_MIB) */
static uint64_t
overhead_mib(const ecap_policy *p, double factor, uint64_t heap_mib)
{
	uint64_t over = (uint64_t)(factor * (double)heap_mib);
	double min_over = ecap__pd(p, ECAP_K_SPARK_MIN_MEMORY_OVERHEAD_MB);

	return (double)over < min_over ? (uint64_t)min_over : over;
}

/*
 * ecap-1 heap in MiB: an executor holds the memory for what it processes
 * in the target hours (multiplier * throughput * target), but no more
 * than the whole need split over the fewest executors; rounded up to a
 * whole GiB and kept in [memory_min_gb, memory_max_gb].  Every step is
 * non-decreasing in the data, so more data never gets a smaller heap.
 */
static double
ecap1_heap_mib(const ecap_policy *p, double per_executor_gb)
{
	double lo = ceil(ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MIN_GB) * 1024.0);
	double hi = floor(ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MAX_GB) * 1024.0);

	return fmin(hi, fmax(lo, ceil(per_executor_gb) * 1024.0));
}

/*
 * Largest heap, in MiB, a capped executor may grow to:
 * executor.capped_memory_max_gb (never below executor.memory_max_gb) and,
 * with a node shape, the largest heap whose container (heap + overhead)
 * fits the node's container memory (whole GiB).  *by_node says the
 * node decided.
 */
static double
ecap1_capped_ceiling_mib(const ecap_policy *p, const struct sizing *s,
			 bool *by_node)
{
	double hi = floor(fmax(ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MAX_GB),
			       ecap__pd(p, ECAP_K_EXECUTOR_CAPPED_MEMORY_MAX_GB)) *
			  1024.0);
	uint64_t node_mib, h;

	*by_node = false;
	if (s->node_vcpus == 0)
		return hi;
	node_mib = (uint64_t)(s->node_yarn_gb * 1024.0);
	/* heap * (1 + factor) <= node, then step down past the overhead's
	 * truncation and the 384 MiB floor (a step or two). */
	h = (uint64_t)((double)node_mib / (1.0 + s->overhead_factor) /
		       1024.0);
	while (h > 0 && h * 1024 + overhead_mib(p, s->overhead_factor,
						 h * 1024) > node_mib)
		h--;
	if ((double)h * 1024.0 < hi) {
		*by_node = true;
		hi = (double)h * 1024.0;
	}
	return hi;
}

/*
 * Capped: the count is the maximum, so the heap rises to
 * ceil(required / max) GiB, up to the capped ceiling, to keep
 * executors x heap >= required; only when even the ceiling is too small
 * is the requirement unreachable.
 */
static void
size_ecap1_capped(const ecap_policy *p, const struct sizing *s,
		  double required, double n, double *heap,
		  struct ecap_executor_out *out)
{
	bool by_node;
	double ceiling = ecap1_capped_ceiling_mib(p, s, &by_node);
	double want = ceil(required / (double)s->cap) * 1024.0;

	*heap = fmax(*heap, fmin(want, ceiling));
	out->executor_count = s->cap;
	out->capped_by_max_executors = 1;
	if ((double)s->cap * *heap / 1024.0 >= required) {
		out->reason = ECAP_EXECUTOR_REASON_CAPPED;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "ecap-1: %.0f executors are needed but the maximum is "
			 "%" PRId64 "; the heap rises to ceil(%.6g GB / %"
			 PRId64 ") = %.0f GiB so they hold the memory needed",
			 n, s->cap, required, s->cap, *heap / 1024.0);
		return;
	}
	out->reason = ECAP_EXECUTOR_REASON_CAPPED_MEMORY_UNREACHABLE;
	snprintf(out->reason_text, sizeof(out->reason_text),
		 "ecap-1: the maximum of %" PRId64 " executors makes %.6g GB "
		 "unreachable: %.6g GB per executor is needed but %s allows "
		 "%.0f GiB", s->cap, required, required / (double)s->cap,
		 by_node ? "the node's container memory" :
			   "executor.capped_memory_max_gb",
		 *heap / 1024.0);
}

static void
size_ecap1(const ecap_policy *p, const struct sizing *s,
	   struct ecap_executor_out *out)
{
	double mult = ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MULTIPLIER);
	double tp = ecap__pd(p, ECAP_K_EXECUTOR_THROUGHPUT_GB_PER_HOUR);
	double required = s->daily_gb * mult;
	double heap = ecap1_heap_mib(p, fmin(required / (double)s->min_executors,
					     mult * tp * s->target_hours));
	/* At most 1e7 after the 1e-5 floor of tp * target: exact. */
	double n_tp = ceil(s->daily_gb / (tp * s->target_hours));
	double n_mem = ceil(required * 1024.0 / heap);
	double n = fmax((double)s->min_executors, fmax(n_tp, n_mem));
	int64_t initial = ecap__pi(p, ECAP_K_EXECUTOR_INITIAL_EXECUTORS);

	if (n > (double)s->cap) {
		size_ecap1_capped(p, s, required, n, &heap, out);
	} else if (n_mem > (double)s->min_executors && n_mem > n_tp) {
		out->executor_count = (int64_t)n;
		out->reason = ECAP_EXECUTOR_REASON_MEMORY;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "ecap-1: %.6g GB needed (%.6g x %.6g GB) / %.0f MiB "
			 "heaps = %.0f executors", required, mult,
			 s->daily_gb, heap, n_mem);
	} else if (n_tp > (double)s->min_executors) {
		out->executor_count = (int64_t)n;
		out->reason = ECAP_EXECUTOR_REASON_THROUGHPUT;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "ecap-1: ceil(%.6g GB / (%.6g GB/hour x %.6g hours)) "
			 "= %.0f executors", s->daily_gb, tp, s->target_hours,
			 n_tp);
	} else {
		out->executor_count = (int64_t)n;
		out->reason = ECAP_EXECUTOR_REASON_MIN_EXECUTORS;
		snprintf(out->reason_text, sizeof(out->reason_text),
			 "ecap-1: the floor executor.min_executors = %" PRId64
			 " covers throughput (%.0f) and memory (%.0f)",
			 s->min_executors, n_tp, n_mem);
	}
	out->executor_heap_gb = heap / 1024.0;
	out->executor_core_count = s->cores;
	out->required_memory_gb = required;
	out->dynamic_min_executor_count = s->min_executors;
	out->dynamic_max_executor_count = out->executor_count;
	out->dynamic_initial_executor_count =
		initial < s->min_executors ? s->min_executors :
		initial > out->executor_count ? out->executor_count : initial;
}

/* Executors per node and nodes (engine-facts 4.1: a core and a GB kept
 * for the OS and daemons). */
static int
pack_nodes(const ecap_policy *p, const struct sizing *s,
	   struct ecap_executor_out *out, struct ecap_error *err)
{
	int64_t cores = s->node_vcpus -
		ecap__pi(p, ECAP_K_EXECUTOR_NODE_RESERVED_CORES);
	uint64_t mem = (uint64_t)(s->node_yarn_gb * 1024.0) * ECAP__MIB;
	int64_t by_cores = cores > 0 ? cores / out->executor_core_count : 0;
	int64_t by_mem = (int64_t)(mem / out->executor_container_bytes);
	int64_t per = by_cores < by_mem ? by_cores : by_mem;

	if (by_cores == 0)
		return ecap__fail(err, ECAP_ERR_RANGE, "node_vcpu_count",
				  "%" PRId64 " vCPUs less %" PRId64 " reserved "
				  "cannot hold one executor of %" PRId64 " cores",
				  s->node_vcpus,
				  ecap__pi(p, ECAP_K_EXECUTOR_NODE_RESERVED_CORES),
				  out->executor_core_count);
	if (by_mem == 0)
		return ecap__fail(err, ECAP_ERR_RANGE,
				  s->yarn_given ? "node_yarn_memory_gb" :
						  "node_memory_gb",
				  "%.6g GB of container memory per node cannot "
				  "hold one %" PRIu64 " MiB executor container",
				  s->node_yarn_gb,
				  out->executor_container_bytes / ECAP__MIB);
	out->executors_per_node_count = per;
	out->node_count = (out->executor_count + per - 1) / per;
	return ECAP_OK;
}

/* Overhead, container, regions, nodes, time and cost: both models. */
static int
fill_common(const ecap_policy *p, const struct sizing *s,
	    struct ecap_executor_out *out, struct ecap_error *err)
{
	double tp = ecap__pd(p, ECAP_K_EXECUTOR_THROUGHPUT_GB_PER_HOUR);
	uint64_t heap_mib, over_mib;
	struct ecap_spark_memory_regions r;
	int rc;

	out->executor_heap_bytes = gb_to_mib_bytes(out->executor_heap_gb);
	heap_mib = out->executor_heap_bytes / ECAP__MIB;
	over_mib = overhead_mib(p, s->overhead_factor, heap_mib);
	out->overhead_factor = s->overhead_factor;
	out->executor_overhead_bytes = over_mib * ECAP__MIB;
	out->executor_container_bytes = (heap_mib + over_mib) * ECAP__MIB;
	memset(&r, 0, sizeof(r));
	if (out->executor_heap_bytes >= ecap__spark_min_heap_bytes(p))
		ecap__spark_regions_fill(p, out->executor_heap_bytes, &r);
	out->memory_reserved_bytes = r.reserved_bytes;
	out->memory_unified_bytes = r.unified_bytes;
	out->memory_storage_bytes = r.storage_bytes;
	out->memory_execution_bytes = r.execution_bytes;
	out->memory_user_bytes = r.user_bytes;
	out->memory_fraction_ratio = ecap__pd(p, ECAP_K_SPARK_MEMORY_FRACTION);
	out->memory_storage_fraction_ratio =
		ecap__pd(p, ECAP_K_SPARK_MEMORY_STORAGE_FRACTION);
	out->total_memory_gb = (double)out->executor_count *
		out->executor_heap_gb;
	out->memory_shortfall_gb = out->required_memory_gb >
			out->total_memory_gb ?
		out->required_memory_gb - out->total_memory_gb : 0.0;
	out->total_container_gb = (double)out->executor_count *
		(double)(heap_mib + over_mib) / 1024.0;
	if (s->node_vcpus > 0 &&
	    (rc = pack_nodes(p, s, out, err)) != ECAP_OK)
		return rc;
	out->processing_window_hours = s->window_hours;
	out->target_hours = s->target_hours;
	if (out->executor_count > 0)
		out->projected_hours = s->daily_gb /
			((double)out->executor_count * tp);
	out->window_met = out->executor_count > 0 &&
		out->projected_hours <= s->window_hours;
	/* The guide prices executor-hours whatever the nodes. */
	if (out->model == ECAP_MODEL_ECAP_1 && out->node_count > 0 &&
	    s->node_price > 0.0)
		out->cost_usd_per_hour = (double)out->node_count * s->node_price;
	else
		out->cost_usd_per_hour = (double)out->executor_count *
			ecap__pd(p, ECAP_K_EXECUTOR_PRICE_USD_PER_HOUR);
	out->window_cost_usd = out->cost_usd_per_hour * s->window_hours;
	out->projected_cost_usd = out->cost_usd_per_hour * out->projected_hours;
	return ECAP_OK;
}

ECAP_API int
ecap_executor_advise(const ecap_policy *policy,
		     const struct ecap_executor_in *in,
		     struct ecap_executor_out *out, struct ecap_error *err)
{
	struct sizing s;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_executor_in)) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_executor_out)) != ECAP_OK)
		return rc;
	ECAP__OUT_ZERO(out, ecap_executor_out);
	if ((rc = resolve(policy, in, &s, err)) != ECAP_OK)
		return rc;
	out->model = ecap_policy_model(policy);
	if (out->model == ECAP_MODEL_GUIDE)
		size_guide(policy, &s, out);
	else
		size_ecap1(policy, &s, out);
	/* spark.executor.instances is an Int: the guide's formula can ask for
	 * more (its count is not capped), which no renderer or engine takes. */
	if (out->executor_count > MAX_SPARK_INT) {
		ECAP__OUT_ZERO(out, ecap_executor_out);
		return ecap__fail(err, ECAP_ERR_RANGE, "daily_data_gb",
				  "daily_data_gb %.17g needs more executors "
				  "than Spark's 2147483647", in->daily_data_gb);
	}
	if ((rc = fill_common(policy, &s, out, err)) != ECAP_OK) {
		ECAP__OUT_ZERO(out, ecap_executor_out);
		return rc;
	}
	return ECAP_OK;
}

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
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "model",
				  "advice model is %" PRId32 "; pass the output "
				  "of ecap_executor_advise", a->model);
	if ((rc = ecap__check_int64(err, "executor_count", a->executor_count,
				    0, MAX_SPARK_INT)) ||
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
				    MAX_SPARK_INT)) ||
	    (rc = ecap__check_int64(err, "dynamic_initial_executor_count",
				    a->dynamic_initial_executor_count, 0,
				    MAX_SPARK_INT)) ||
	    (rc = ecap__check_int64(err, "dynamic_max_executor_count",
				    a->dynamic_max_executor_count, 0,
				    MAX_SPARK_INT)))
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
	ecap__props_add(&ctx, "spark.executor.instances", "%" PRId64,
			advice->executor_count);
	add_size(&ctx, "spark.executor.memory", advice->executor_heap_bytes);
	ecap__props_add(&ctx, "spark.executor.cores", "%" PRId64,
			advice->executor_core_count);
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
