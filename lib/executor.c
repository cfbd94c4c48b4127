/* SPDX-License-Identifier: MIT */
/*
 * executor.c - executor sizing: the inputs with the policy's defaults,
 * the guide's calculate_spark_resources (model "guide") number for number
 * with its node packing, and the dispatch to ecap-1 (executor-ecap1.c).
 */
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "executor-internal.h"
#include "spark-memory.h"

#define MAX_DAILY_GB ECAP__EXEC_MAX_DAILY_GB

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

#define sizing ecap__exec_args


static int
check_node_fields(const struct ecap_executor_in *in, struct ecap_error *err)
{
	int rc;

	if ((rc = ecap__check_int64(err, "node_vcpu_count", in->node_vcpu_count,
				    0, ECAP__EXEC_MAX_VCPUS)) != ECAP_OK ||
	    (rc = ecap__check_double(err, "node_memory_gb", in->node_memory_gb,
				     0.0, 1048576.0)) != ECAP_OK ||
	    (rc = ecap__check_double(err, "node_yarn_memory_gb",
				     in->node_yarn_memory_gb, 0.0,
				     1048576.0)) != ECAP_OK ||
	    (rc = ecap__check_double(err, "node_price_usd_per_hour",
				     in->node_price_usd_per_hour, 0.0,
				     1000000.0)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "node_max_pod_count",
				    in->node_max_pod_count, 0, 100000)) !=
		    ECAP_OK)
		return rc;
	/* The usual empty name needs no scan. */
	if (in->node_type[0] != '\0' &&
	    memchr(in->node_type, '\0', sizeof(in->node_type)) == NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, "node_type",
				  "node_type is not NUL-terminated within its "
				  "64 bytes");
	/* Memory is sized in whole MiB: less than one is no memory (a
	 * denormal reached the MiB conversion as 0). */
	if ((in->node_memory_gb != 0.0 && in->node_memory_gb < 1.0 / 1024) ||
	    (in->node_yarn_memory_gb != 0.0 &&
	     in->node_yarn_memory_gb < 1.0 / 1024))
		return ecap__fail(err, ECAP_ERR_RANGE,
				  in->node_memory_gb != 0.0 &&
						  in->node_memory_gb < 1.0 / 1024 ?
					  "node_memory_gb" :
					  "node_yarn_memory_gb",
				  "node memory below 1 MiB (%.17g, %.17g GB): "
				  "0 or at least 1/1024 GB",
				  in->node_memory_gb, in->node_yarn_memory_gb);
	return ECAP_OK;
}

/*
 * A named node: its catalog row becomes the shape (YARN memory from
 * EMR's table on EMR, price with the EMR charge on EMR) for the guide's
 * arithmetic, and the node for ecap-1.
 */
static int
take_named_node(const ecap_policy *p, const struct ecap_executor_in *in,
		struct sizing *s, struct ecap_error *err)
{
	const struct ecap_catalog_entry *e;
	bool emr = in->platform == ECAP_SPARK_PLATFORM_EMR;

	if (in->node_vcpu_count != 0 || in->node_memory_gb != 0.0 ||
	    in->node_yarn_memory_gb != 0.0 ||
	    in->node_price_usd_per_hour != 0.0 || in->node_max_pod_count != 0)
		return ecap__fail(err, ECAP_ERR_INVALID, "node_type",
				  "node_type \"%.63s\" names a catalog node; "
				  "leave the raw node_* shape fields 0",
				  in->node_type);
	e = ecap__catalog_find(p, ECAP_CATALOG_SPARK_NODE, in->node_type);
	if (e == NULL)
		return ecap__fail(err, ECAP_ERR_NOT_FOUND, "node_type",
				  "node_type \"%.63s\" is not in the policy's "
				  "spark-node catalog", in->node_type);
	/* emr_price_usd_per_hour 0: Amazon EMR does not offer the type. */
	if (emr && e->emr_price_usd_per_hour == 0.0)
		return ecap__fail(err, ECAP_ERR_NOT_FOUND, "node_type",
				  "node_type \"%.63s\" is not offered on EMR "
				  "(its catalog emr_price_usd_per_hour is 0)",
				  in->node_type);
	s->has_node = s->named = true;
	s->node = ecap__spark_node_of(e);
	/* Its row in the policy's executor table (executor-table.c). */
	s->node_index = (size_t)(e - ecap__catalog_entries(
		p, ECAP_CATALOG_SPARK_NODE, &s->node_count));
	s->node_vcpus = e->vcpu_count;
	s->node_memory_gb = e->memory_gb;
	s->node_price = e->price_usd_per_hour +
		(emr ? e->emr_price_usd_per_hour : 0.0);
	s->yarn_given = emr;
	s->node_yarn_gb = emr ? (double)e->yarn_memory_mb / 1024.0 :
		e->memory_gb - ecap__pd(p, ECAP_K_EXECUTOR_NODE_RESERVED_MEMORY_GB);
	if (s->node_yarn_gb <= 0.0)
		return ecap__fail(err, ECAP_ERR_RANGE, "node_type",
				  "node_type \"%.63s\" leaves no container "
				  "memory", in->node_type);
	return ECAP_OK;
}

static int
check_node_shape(const ecap_policy *p, const struct ecap_executor_in *in,
		 struct sizing *s, struct ecap_error *err)
{
	int rc;

	/* No node at all, the usual call: every check below passes and the
	 * shape stays empty (the fields copied, -0.0 included). */
	if (in->node_type[0] == '\0' && in->node_vcpu_count == 0 &&
	    in->node_max_pod_count == 0 && in->node_memory_gb == 0.0 &&
	    in->node_yarn_memory_gb == 0.0 &&
	    in->node_price_usd_per_hour == 0.0) {
		s->node_vcpus = 0;
		s->node_memory_gb = in->node_memory_gb;
		s->node_price = in->node_price_usd_per_hour;
		return ECAP_OK;
	}
	if ((rc = check_node_fields(in, err)) != ECAP_OK)
		return rc;
	if (in->node_type[0] != '\0')
		return take_named_node(p, in, s, err);
	s->node_vcpus = in->node_vcpu_count;
	s->node_memory_gb = in->node_memory_gb;
	s->node_price = in->node_price_usd_per_hour;
	if (s->node_vcpus == 0) {
		/* No shape: a memory, YARN memory or price alone is a
		 * mistake, not a default. */
		if (in->node_memory_gb != 0.0 || in->node_yarn_memory_gb != 0.0 ||
		    in->node_price_usd_per_hour != 0.0 ||
		    in->node_max_pod_count != 0)
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
	s->has_node = true;
	s->node = (struct ecap__spark_node){
		.name = "",
		.vcpu_count = in->node_vcpu_count,
		.memory_gb = in->node_memory_gb,
		.price_usd_per_hour = in->node_price_usd_per_hour,
		.max_pod_count = in->node_max_pod_count,
	};
	s->caller_yarn_gb = in->node_yarn_memory_gb;
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
check_scalars(const struct ecap_executor_in *in, struct ecap_error *err)
{
	int rc;

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
				    0)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "runs_per_day_count",
				    in->runs_per_day_count, 0, 1440)) !=
		    ECAP_OK ||
	    (rc = ecap__check_double(err, "partition_size_mb",
				     in->partition_size_mb, 0.0,
				     1048576.0)) != ECAP_OK)
		return rc;
	if (in->platform < 0 ||
	    (size_t)in->platform >= ECAP_ARRAY_SIZE(platforms))
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "platform",
				  "platform %" PRId32 " is unknown",
				  in->platform);
	return ECAP_OK;
}

_Static_assert(ECAP_ARRAY_SIZE(platforms) == ECAP__EXEC_PLATFORM_COUNT,
	       "the executor table holds a row per platform");

double
ecap__executor_default_overhead(const ecap_policy *p, int32_t platform)
{
	if (platform != ECAP_SPARK_PLATFORM_DEFAULT && platform > 0 &&
	    (size_t)platform < ECAP_ARRAY_SIZE(platforms))
		return platforms[platform].overhead_factor;
	return ecap__pd(p, ECAP_K_EXECUTOR_OVERHEAD_FACTOR);
}

static int
resolve(const ecap_policy *p, const struct ecap_executor_in *in,
	struct sizing *s, struct ecap_error *err)
{
	int rc;

	/* The fields below are set on every path; the node's are set only
	 * for a named or shaped node, so they start empty here (a memset of
	 * the whole struct cost a fifth of a guide advice). */
	s->has_node = s->named = s->yarn_given = false;
	s->node = (struct ecap__spark_node){ .name = NULL };
	s->node_index = s->node_count = 0;
	s->node_vcpus = 0;
	s->node_memory_gb = s->node_yarn_gb = s->node_price = 0.0;
	s->caller_yarn_gb = 0.0;
	if ((rc = check_scalars(in, err)) != ECAP_OK ||
	    (rc = check_node_shape(p, in, s, err)) != ECAP_OK)
		return rc;
	s->platform = in->platform;
	s->daily_gb = in->daily_data_gb;
	s->runs = in->runs_per_day_count != 0 ? in->runs_per_day_count : 1;
	s->run_gb = s->daily_gb / (double)s->runs;
	s->partition_mb = in->partition_size_mb != 0.0 ? in->partition_size_mb :
		ecap__pd(p, ECAP_K_PARTITION_TARGET_SIZE_MB);
	s->window_hours = in->processing_window_hours != 0.0 ?
		in->processing_window_hours :
		ecap__pd(p, ECAP_K_EXECUTOR_PROCESSING_WINDOW_HOURS);
	/* ecap-1: a run ends before the next one starts: runs a day space
	 * the runs 24 / runs hours apart, and a longer window would let
	 * hourly runs of 1.4 hours pile up. */
	if (p->model == ECAP_MODEL_ECAP_1 &&
	    s->window_hours > 24.0 / (double)s->runs)
		s->window_hours = 24.0 / (double)s->runs;
	s->target_hours = s->window_hours *
		ecap__pd(p, ECAP_K_EXECUTOR_WINDOW_SHARE_RATIO);
	s->overhead_factor = in->overhead_factor != 0.0 ?
		in->overhead_factor :
		ecap__executor_default_overhead(p, in->platform);
	s->fixed_cores = in->executor_core_count;
	s->cores = in->executor_core_count != 0 ? in->executor_core_count :
		ecap__pi(p, ECAP_K_EXECUTOR_CORES);
	s->min_executors = ecap__pi(p, ECAP_K_EXECUTOR_MIN_EXECUTORS);
	s->hard_cap = in->max_executor_count;
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
	/* The guide's heap: at most executor.memory_max_gb (1024 GB). */
	return ecap__double_to_u64(gb * 1024.0) * ECAP__MIB;
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
	mem = ecap__fmin(ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MAX_GB),
		   ecap__fmax(ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MIN_GB),
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
	} else if ((double)out->executor_count * mem < required) {
		out->reason = ECAP_EXECUTOR_REASON_GUIDE_MEMORY_SHORT;
	} else {
		out->reason = ECAP_EXECUTOR_REASON_GUIDE_FORMULA;
	}
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

/*
 * The guide's answer, like every advice, starts from zero; but the guide
 * writes every field on every call (fill_guide) but for ecap-1's, which
 * lie in four spans: zeroing those is enough (not all 640 bytes).
 */
#define EX_OFF(field) offsetof(struct ecap_executor_out, field)
#define EX_END(field) ecap_offsetofend(struct ecap_executor_out, field)
#define EX_ZERO_SPAN(out, first, last) \
	ecap__zero_stores(&(out)->first, EX_END(last) - EX_OFF(first))
_Static_assert(EX_END(total_container_gb) == EX_OFF(task_memory_need_bytes) &&
	       EX_END(runner_up_node_type) == EX_OFF(node_count) &&
	       EX_END(node_memory_gb) == EX_OFF(node_usable_vcpu) &&
	       EX_END(total_core_count) == EX_OFF(dynamic_min_executor_count) &&
	       EX_END(cost_usd_per_month) == EX_OFF(runner_up_cost_usd) &&
	       EX_END(policy_cap_exceeded_flag) == EX_OFF(window_met) &&
	       EX_END(window_met) == EX_OFF(spill_risk_flag) &&
	       EX_END(node_ebs_throughput_bound_flag) ==
		       EX_END(ecap_executor_out__last_field),
	       "the guide writes every field outside the spans it zeroes");

void
ecap__executor_guide_zero(struct ecap_executor_out *out)
{
	/* The tasks' memory; node_type (set only for a named node) and the
	 * runner-up. */
	EX_ZERO_SPAN(out, task_memory_need_bytes, runner_up_node_type);
	EX_ZERO_SPAN(out, node_usable_vcpu, total_core_count);
	EX_ZERO_SPAN(out, runner_up_cost_usd, policy_cap_exceeded_flag);
	EX_ZERO_SPAN(out, spill_risk_flag, node_ebs_throughput_bound_flag);
}

/* Inline in the guide's fill below (every guide advice and projected
 * year), out of line for ecap-1's. */
static ECAP__ALWAYS_INLINE void
fill_regions(const ecap_policy *p, struct ecap_executor_out *out)
{
	struct ecap_spark_memory_regions r;

	/* ecap__spark_regions_fill sets every region: no zeroing first. */
	if (out->executor_heap_bytes >= ecap__spark_min_heap_bytes(p)) {
		ecap__spark_regions_fill(p, out->executor_heap_bytes, &r);
		out->memory_reserved_bytes = r.reserved_bytes;
		out->memory_unified_bytes = r.unified_bytes;
		out->memory_storage_bytes = r.storage_bytes;
		out->memory_execution_bytes = r.execution_bytes;
		out->memory_user_bytes = r.user_bytes;
	} else {
		out->memory_reserved_bytes = 0;
		out->memory_unified_bytes = 0;
		out->memory_storage_bytes = 0;
		out->memory_execution_bytes = 0;
		out->memory_user_bytes = 0;
	}
	out->memory_fraction_ratio = ecap__pd(p, ECAP_K_SPARK_MEMORY_FRACTION);
	out->memory_storage_fraction_ratio =
		ecap__pd(p, ECAP_K_SPARK_MEMORY_STORAGE_FRACTION);
}

void
ecap__executor_fill_regions(const ecap_policy *p, struct ecap_executor_out *out)
{
	fill_regions(p, out);
}

/* Overhead, container, regions, nodes, time and cost of the guide. */
static int
fill_guide(const ecap_policy *p, const struct sizing *s,
	    struct ecap_executor_out *out, struct ecap_error *err)
{
	double tp = ecap__pd(p, ECAP_K_EXECUTOR_THROUGHPUT_GB_PER_HOUR);
	uint64_t heap_mib, over_mib;
	int rc;

	out->executor_heap_bytes = gb_to_mib_bytes(out->executor_heap_gb);
	heap_mib = out->executor_heap_bytes / ECAP__MIB;
	over_mib = ecap__overhead_mib(p, s->overhead_factor, heap_mib);
	out->overhead_factor = s->overhead_factor;
	out->executor_overhead_bytes = over_mib * ECAP__MIB;
	out->executor_container_bytes = (heap_mib + over_mib) * ECAP__MIB;
	fill_regions(p, out);
	out->total_memory_gb = (double)out->executor_count *
		out->executor_heap_gb;
	out->memory_shortfall_gb = out->required_memory_gb >
			out->total_memory_gb ?
		out->required_memory_gb - out->total_memory_gb : 0.0;
	out->total_container_gb = (double)out->executor_count *
		(double)(heap_mib + over_mib) / 1024.0;
	/* Every field is written, 0 included (ecap__executor_guide_zero). */
	out->node_count = 0;
	out->executors_per_node_count = 0;
	if (s->node_vcpus > 0 &&
	    (rc = pack_nodes(p, s, out, err)) != ECAP_OK)
		return rc;
	out->processing_window_hours = s->window_hours;
	out->target_hours = s->target_hours;
	out->projected_hours = out->executor_count > 0 ?
		s->daily_gb / ((double)out->executor_count * tp) : 0.0;
	out->window_met = out->executor_count > 0 &&
		out->projected_hours <= s->window_hours;
	/* The guide prices executor-hours whatever the nodes. */
	out->cost_usd_per_hour = (double)out->executor_count *
		ecap__pd(p, ECAP_K_EXECUTOR_PRICE_USD_PER_HOUR);
	out->window_cost_usd = out->cost_usd_per_hour * s->window_hours;
	out->projected_cost_usd = out->cost_usd_per_hour * out->projected_hours;
	/* The guide's run fills its window once a day. */
	out->cost_usd_per_month = out->window_cost_usd *
		ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH) / 24.0;
	out->runs_per_day_count = 1;
	out->run_data_gb = s->daily_gb;
	out->executor_request_vcpu = (double)out->executor_core_count;
	out->node_vcpu_count = s->node_vcpus;
	out->node_memory_gb = s->node_memory_gb;
	out->node_reason = s->named ? ECAP_EXECUTOR_NODE_REASON_NAMED :
		s->has_node ? ECAP_EXECUTOR_NODE_REASON_SHAPE :
			      ECAP_EXECUTOR_NODE_REASON_NONE;
	if (s->named)
		ecap__strlcpy(out->node_type, s->node.name,
			      sizeof(out->node_type));
	out->window_miss_hours = out->window_met == 0 &&
				 out->executor_count > 0 ?
		out->projected_hours - s->window_hours : 0.0;
	return ECAP_OK;
}

int
ecap__executor_resolve(const ecap_policy *p, const struct ecap_executor_in *in,
		       struct ecap__exec_args *a, struct ecap_error *err)
{
	return resolve(p, in, a, err);
}

int
ecap__executor_size(const ecap_policy *p, const struct ecap__exec_args *a,
		    struct ecap_executor_out *out, struct ecap_error *err)
{
	out->model = p->model;
	out->platform = a->platform;
	if (out->model == ECAP_MODEL_GUIDE) {
		size_guide(p, a, out);
		/* spark.executor.instances is an Int: the guide's uncapped
		 * formula can ask for more, which no renderer or engine
		 * takes. */
		if (out->executor_count > ECAP__MAX_SPARK_INT)
			return ecap__fail(err, ECAP_ERR_RANGE, "daily_data_gb",
					  "daily_data_gb %.17g needs more "
					  "executors than Spark's 2147483647",
					  a->daily_gb);
		return fill_guide(p, a, out, err);
	}
	return ecap__executor_ecap1(p, a, out, err);
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
	if ((rc = resolve(policy, in, &s, err)) != ECAP_OK) {
		ECAP__OUT_ZERO(out, ecap_executor_out);
		return rc;
	}
	if (ECAP__LIKELY(out->sz == sizeof(*out)) &&
	    policy->model == ECAP_MODEL_GUIDE)
		ecap__executor_guide_zero(out);
	else
		ECAP__OUT_ZERO(out, ecap_executor_out);
	if ((rc = ecap__executor_size(policy, &s, out, err)) != ECAP_OK)
		ECAP__OUT_ZERO(out, ecap_executor_out);
	return rc;
}

