/* SPDX-License-Identifier: MIT */
/*
 * render-json.c - --format json: the plan as one JSON document (schema
 * "ecaptune-plan", version 1, described in ecaptune(1)).  Enums and
 * reasons are names, sizes are bytes or binary GB as the member's unit
 * says, reals are the shortest text that reads back exactly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ecaptune-cli.h"

#define SCHEMA_VERSION 1

static const char *const command_names[] = {
	"plan", "partitions", "join", "cache", "executors", "database",
	"kafka", "project", "policy",
};

static void
set_real(json_t *o, const char *key, double v)
{
	json_object_set_new(o, key, json_real(v));
}

static void
set_int(json_t *o, const char *key, int64_t v)
{
	json_object_set_new(o, key, json_integer(v));
}

static void
set_str(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, json_string(v != NULL ? v : "unknown"));
}

static void
set_bool(json_t *o, const char *key, int v)
{
	json_object_set_new(o, key, json_boolean(v));
}

/* A Monte Carlo band: {"mean", "p10", "p50", "p90", "p99"}. */
static void
set_band(json_t *o, const char *key, const struct ecap_projection_band *b)
{
	json_object_set_new(o, key, json_pack("{s:f, s:f, s:f, s:f, s:f}",
		"mean", b->mean, "p10", b->p10, "p50", b->p50, "p90", b->p90,
		"p99", b->p99));
}

/* The workload as parsed: member names carry the unit. */
static json_t *
workload(const struct plan *p)
{
	static const char *const suffix[] = {
		[IN_SIZE] = "_bytes", [IN_HOURS] = "_hours",
		[IN_PER_DAY] = "_per_day", [IN_PER_SECOND] = "_per_second",
		[IN_NUMBER] = "", [IN_COUNT] = "_count",
	};
	json_t *o = json_object();
	char key[96], text[160], *c;
	const void *field;
	size_t i;

	for (i = 0; i < cli_input_count; i++) {
		const struct input_spec *in = &cli_inputs[i];

		snprintf(key, sizeof(key), "%s%s", in->name,
			 in->kind <= IN_COUNT ? suffix[in->kind] : "");
		for (c = key; *c; c++)
			if (*c == '-')
				*c = '_';
		field = (const char *)&p->w + in->offset;
		if (in->kind == IN_SIZE || in->kind == IN_COUNT)
			set_int(o, key, *(const int64_t *)field);
		else if (in->kind <= IN_NUMBER)
			set_real(o, key, *(const double *)field);
		else if (in->kind == IN_NAME)
			set_str(o, key, (const char *)field);
		else if (*(const int32_t *)field == 0 && in->zero != NULL)
			set_str(o, key, "");	/* not given: the policy's */
		else {
			input_describe(&p->w, in, text, sizeof(text));
			set_str(o, key, text);
		}
	}
	return o;
}

static json_t *
properties(const struct ecap_property *props, int n)
{
	json_t *o = json_object();
	int i;

	for (i = 0; i < n; i++)
		set_str(o, props[i].key, props[i].value);
	return o;
}

static json_t *
executors(const struct plan *p)
{
	const struct ecap_executor_out *e = &p->exec;
	json_t *o = json_object();
	char s[ECAP_EXPLAIN_MAX];

	set_str(o, "reason", reason_name_executor(e->reason));
	explain_executors(p, s, sizeof(s));
	set_str(o, "reason_text", s);
	set_str(o, "platform", ecap_spark_platform_to_string(p->w.platform));
	set_str(o, "node_type", e->node_type);
	set_str(o, "node_reason",
		ecap_executor_node_reason_to_string(e->node_reason));
	set_str(o, "runner_up_node_type", e->runner_up_node_type);
	set_int(o, "executor_count", e->executor_count);
	set_int(o, "executor_core_count", e->executor_core_count);
	set_real(o, "executor_request_vcpu", e->executor_request_vcpu);
	set_int(o, "total_core_count", e->total_core_count);
	set_int(o, "executor_heap_bytes", (int64_t)e->executor_heap_bytes);
	set_int(o, "executor_overhead_bytes",
		(int64_t)e->executor_overhead_bytes);
	set_int(o, "executor_container_bytes",
		(int64_t)e->executor_container_bytes);
	set_real(o, "overhead_factor", e->overhead_factor);
	set_real(o, "required_memory_gb", e->required_memory_gb);
	set_real(o, "total_memory_gb", e->total_memory_gb);
	set_real(o, "memory_shortfall_gb", e->memory_shortfall_gb);
	set_int(o, "node_count", e->node_count);
	set_int(o, "executors_per_node_count", e->executors_per_node_count);
	set_int(o, "node_vcpu_count", e->node_vcpu_count);
	set_real(o, "node_memory_gb", e->node_memory_gb);
	set_real(o, "node_ebs_gb", e->node_ebs_gb);
	set_int(o, "node_ebs_volume_count", e->node_ebs_volume_count);
	set_real(o, "node_ebs_throughput_mib_per_second",
		 e->node_ebs_throughput_mib_per_second);
	set_bool(o, "node_ebs_throughput_bound_flag",
		 e->node_ebs_throughput_bound_flag);
	set_int(o, "dynamic_min_executor_count", e->dynamic_min_executor_count);
	set_int(o, "dynamic_initial_executor_count",
		e->dynamic_initial_executor_count);
	set_int(o, "dynamic_max_executor_count", e->dynamic_max_executor_count);
	set_real(o, "processing_window_hours", e->processing_window_hours);
	set_real(o, "target_hours", e->target_hours);
	set_real(o, "projected_hours", e->projected_hours);
	set_real(o, "window_miss_hours", e->window_miss_hours);
	set_int(o, "runs_per_day_count", e->runs_per_day_count);
	set_real(o, "cost_usd_per_hour", e->cost_usd_per_hour);
	set_real(o, "window_cost_usd", e->window_cost_usd);
	set_real(o, "projected_cost_usd", e->projected_cost_usd);
	set_real(o, "cost_usd_per_month", e->cost_usd_per_month);
	set_bool(o, "capped_by_max_executors", e->capped_by_max_executors);
	set_bool(o, "policy_cap_exceeded", e->policy_cap_exceeded_flag);
	set_bool(o, "window_met", e->window_met);
	set_bool(o, "spill_risk", e->spill_risk_flag);
	set_bool(o, "heap_limited", e->heap_limited_flag);
	return o;
}

static json_t *
partitions(const struct plan *p)
{
	const struct ecap_partition_out *o = &p->part;
	json_t *j = json_object();
	char s[ECAP_EXPLAIN_MAX];

	set_str(j, "reason", reason_name_partition(o->reason));
	explain_partition(p, s, sizeof(s));
	set_str(j, "reason_text", s);
	set_str(j, "action", ecap_partition_action_to_string(o->action));
	set_int(j, "data_size_bytes", o->data_size_bytes);
	set_int(j, "total_executor_cores",
		p->part_in.total_executor_cores);
	set_int(j, "partition_count", o->partition_count);
	set_int(j, "effective_partition_count", o->effective_partition_count);
	set_int(j, "bytes_per_partition", o->bytes_per_partition);
	set_int(j, "parallelism_floor_count", o->parallelism_floor_count);
	return j;
}

/* ECAP_JOIN_WARN_* bits by name. */
static json_t *
warnings(int32_t bits)
{
	json_t *a = json_array();
	int32_t bit;

	for (bit = 1; bit > 0 && bit <= bits; bit <<= 1)
		if ((bits & bit) && ecap_join_warning_to_string(bit) != NULL)
			json_array_append_new(a, json_string(
				ecap_join_warning_to_string(bit)));
	return a;
}

static json_t *
join(const struct plan *p)
{
	const struct ecap_join_out *o = &p->join;
	json_t *j = json_object();
	char s[ECAP_EXPLAIN_MAX];

	set_str(j, "reason", reason_name_join(o->reason));
	explain_join(p, s, sizeof(s));
	set_str(j, "reason_text", s);
	set_str(j, "strategy", ecap_join_strategy_to_string(o->strategy));
	set_str(j, "build_side", ecap_join_build_side_to_string(o->build_side));
	set_str(j, "strategy_reason", reason_name_join(o->strategy_reason));
	set_str(j, "recommended_hint",
		ecap_join_hint_to_string(o->recommended_hint));
	set_str(j, "recommended_hint_side",
		ecap_join_build_side_to_string(o->recommended_hint_side));
	set_str(j, "recommended_strategy",
		ecap_join_strategy_to_string(o->recommended_strategy));
	json_object_set_new(j, "warnings", warnings(o->warning_flags));
	json_object_set_new(j, "recommended_warnings",
			    warnings(o->recommended_warning_flags));
	set_str(j, "left_hint_ignored", o->left_hint_ignored ?
		ecap_join_hint_ignored_to_string(o->left_hint_ignored_reason)
		: "used");
	set_str(j, "right_hint_ignored", o->right_hint_ignored ?
		ecap_join_hint_ignored_to_string(o->right_hint_ignored_reason)
		: "used");
	set_int(j, "broadcast_threshold_bytes", o->broadcast_threshold_bytes);
	return j;
}

static json_t *
cache(const struct plan *p)
{
	const struct ecap_cache_out *o = &p->cache;
	json_t *j = json_object();
	char s[ECAP_EXPLAIN_MAX];

	set_str(j, "reason", reason_name_cache(o->reason));
	explain_cache(p, s, sizeof(s));
	set_str(j, "reason_text", s);
	set_str(j, "level", ecap_storage_level_to_string(o->level));
	set_str(j, "level_name", o->level_name);
	set_bool(j, "level_exists_in_api", o->level_exists_in_api);
	set_str(j, "cache_format", ecap_cache_format_to_string(o->cache_format));
	set_str(j, "alternative",
		ecap_cache_alternative_to_string(o->alternative));
	set_int(j, "cached_size_bytes", (int64_t)o->cached_size_bytes);
	set_int(j, "stored_size_bytes", (int64_t)o->stored_size_bytes);
	set_int(j, "storage_memory_bytes", (int64_t)o->storage_memory_bytes);
	set_int(j, "unified_memory_bytes", (int64_t)o->unified_memory_bytes);
	set_int(j, "partitions_in_memory_count", o->partitions_in_memory_count);
	set_int(j, "partitions_safe_count", o->partitions_safe_count);
	set_real(j, "memory_share_ratio", o->memory_share_ratio);
	set_int(j, "disk_bytes", (int64_t)o->disk_bytes);
	return j;
}

static json_t *
database(const struct plan *p)
{
	const struct ecap_database_out *d = &p->db;
	struct ecap_property props[CLI_MAX_PROPS];
	struct ecap_database_rds_parameter rds[64];
	json_t *j = json_object(), *a, *o;
	char s[ECAP_EXPLAIN_MAX];
	uint32_t bit;
	int i, n;

	set_str(j, "reason", reason_name_database(d->reason));
	explain_database(p, s, sizeof(s));
	set_str(j, "reason_text", s);
	a = json_array();
	for (bit = 1; bit != 0; bit <<= 1)
		if ((d->flags & bit) && ecap_database_flag_to_string(bit))
			json_array_append_new(a, json_string(
				ecap_database_flag_to_string(bit)));
	json_object_set_new(j, "flags", a);
	set_str(j, "workload", ecap_database_workload_to_string(d->workload));
	set_str(j, "storage_type", ecap_database_storage_to_string(d->storage_type));
	set_int(j, "postgres_version", d->postgres_version);
	set_str(j, "instance_class", d->instance_class);
	set_real(j, "instance_memory_gb", d->instance_memory_gb);
	set_int(j, "instance_vcpu_count", d->instance_vcpus);
	set_bool(j, "fits", d->fits_flag);
	set_bool(j, "multi_az", d->multi_az_flag);
	set_int(j, "read_replica_count", d->read_replica_count);
	set_real(j, "memory_required_gb", d->memory_required_gb);
	set_real(j, "working_set_gb", d->working_set_gb);
	set_real(j, "daily_storage_gb", d->daily_storage_gb);
	set_real(j, "data_storage_gb", d->data_storage_gb);
	set_real(j, "peak_transactions_per_second",
		 d->peak_transactions_per_second);
	set_int(j, "vcpu_required_count", d->vcpu_required_count);
	set_real(j, "storage_gb", d->storage_gb);
	set_int(j, "iops_required_count", d->iops_required_count);
	set_int(j, "iops_provisioned_count", d->iops_provisioned_count);
	set_real(j, "price_usd_per_hour", d->price_usd_per_hour);
	set_real(j, "instance_cost_usd_per_month", d->instance_cost_usd_per_month);
	set_real(j, "replica_cost_usd_per_month", d->replica_cost_usd_per_month);
	set_real(j, "storage_cost_usd_per_month", d->storage_cost_usd_per_month);
	set_real(j, "iops_cost_usd_per_month", d->iops_cost_usd_per_month);
	set_real(j, "cost_usd_per_month", d->cost_usd_per_month);
	set_int(j, "pool_connections_max_count", d->pool_connections_max_count);
	if ((n = database_props(p, props)) >= 0)
		json_object_set_new(j, "parameters", properties(props, n));
	if ((n = rds_params(p, rds)) >= 0) {
		a = json_array();
		for (i = 0; i < n; i++) {
			o = json_object();
			set_str(o, "name", rds[i].name);
			set_str(o, "value", rds[i].value);
			set_str(o, "evaluated", rds[i].evaluated);
			set_str(o, "unit", rds[i].unit);
			json_array_append_new(a, o);
		}
		json_object_set_new(j, "rds_parameters", a);
	}
	return j;
}

static json_t *
kafka(const struct plan *p)
{
	const struct ecap_kafka_out *k = &p->kafka;
	json_t *j = json_object();
	char s[ECAP_EXPLAIN_MAX];

	set_str(j, "reason", reason_name_kafka(k->reason));
	explain_kafka(p, s, sizeof(s));
	set_str(j, "reason_text", s);
	set_real(j, "events_per_second", p->kafka_in.events_per_second);
	set_real(j, "peak_events_per_second", k->peak_events_per_second);
	set_real(j, "retention_hours", p->kafka_retention_hours);
	set_int(j, "partitions_count", k->partitions_count);
	set_int(j, "brokers_count", k->brokers_count);
	set_str(j, "instance_type", k->instance_type);
	set_real(j, "total_storage_gb", k->total_storage_gb);
	set_real(j, "storage_per_broker_gb", k->storage_per_broker_gb);
	set_int(j, "replication_factor_count", k->replication_factor_count);
	set_int(j, "min_insync_replicas_count", k->min_insync_replicas_count);
	set_str(j, "acks", k->acks);
	set_real(j, "broker_cost_usd_per_month", k->broker_cost_usd_per_month);
	set_real(j, "storage_cost_usd_per_month", k->storage_cost_usd_per_month);
	set_real(j, "cost_usd_per_month", k->cost_usd_per_month);
	set_bool(j, "broker_quota_exceeded", k->broker_quota_exceeded_flag);
	set_bool(j, "compression_suggested", k->compression_flag);
	set_bool(j, "tiered_storage_suggested", k->tiered_storage_flag);
	return j;
}

static json_t *
projection(const struct plan *p)
{
	const struct ecap_projection_year *y;
	const struct ecap_projection_montecarlo_year *m;
	json_t *j = json_object(), *years = json_array(), *o;
	char s[ECAP_EXPLAIN_MAX];
	size_t i;

	for (i = 0; i < p->year_count; i++) {
		y = &p->years[i];
		o = json_object();
		set_int(o, "year", y->year);
		set_real(o, "base_daily_transactions", y->base_daily_transactions);
		set_real(o, "peak_daily_transactions", y->peak_daily_transactions);
		/* What the year sized: today's data and events grown. */
		set_real(o, "spark_daily_data_gb", y->spark_daily_data_gb);
		set_str(o, "spark_node_type", y->spark_node_type);
		set_int(o, "spark_node_count", y->spark_node_count);
		set_int(o, "spark_executors_count", y->spark_executors_count);
		set_real(o, "spark_projected_hours", y->spark_projected_hours);
		set_real(o, "spark_cost_usd_per_month", y->spark_cost_usd_per_month);
		set_real(o, "spark_peak_cost_usd_per_month",
			 y->spark_peak_cost_usd_per_month);
		set_str(o, "database_instance_class", y->database_instance_class);
		set_int(o, "database_instances_count", y->database_instances_count);
		set_str(o, "database_reason",
			reason_name_database(y->database_reason));
		set_real(o, "database_cost_usd_per_month",
			 y->database_cost_usd_per_month);
		set_real(o, "kafka_events_per_second",
			 y->kafka_events_per_second);
		set_real(o, "kafka_peak_events_per_second",
			 y->kafka_peak_events_per_second);
		set_int(o, "kafka_brokers_count", y->kafka_brokers_count);
		set_str(o, "kafka_reason", reason_name_kafka(y->kafka_reason));
		set_real(o, "kafka_cost_usd_per_month", y->kafka_cost_usd_per_month);
		set_real(o, "total_cost_usd_per_month", y->total_cost_usd_per_month);
		set_str(o, "currency", y->currency);
		set_str(o, "price_date", y->price_date);
		set_bool(o, "spark_window_missed", y->spark_window_missed_flag);
		set_bool(o, "spark_executors_capped",
			 y->spark_executors_capped_flag);
		set_bool(o, "spark_executors_over_policy",
			 y->spark_executors_over_policy_flag);
		set_bool(o, "database_beyond_one_instance",
			 y->database_beyond_one_instance_flag);
		set_bool(o, "kafka_quota_exceeded", y->kafka_quota_exceeded_flag);
		set_bool(o, "review_architecture", y->review_architecture_flag);
		explain_year(p, i, s, sizeof(s));
		set_str(o, "reason_text", s);
		json_array_append_new(years, o);
	}
	json_object_set_new(j, "years", years);
	if (p->mc_count == 0)
		return j;
	years = json_array();
	for (i = 0; i < p->mc_count; i++) {
		m = &p->mc[i];
		o = json_object();
		set_int(o, "year", m->year);
		set_band(o, "base_daily_transactions", &m->base_daily_transactions);
		set_band(o, "peak_daily_transactions", &m->peak_daily_transactions);
		set_band(o, "spark_node_count", &m->spark_node_count);
		set_band(o, "spark_executors_count", &m->spark_executors_count);
		set_band(o, "spark_projected_hours", &m->spark_projected_hours);
		set_band(o, "database_instances_count",
			 &m->database_instances_count);
		set_band(o, "database_memory_required_gb",
			 &m->database_memory_required_gb);
		set_band(o, "database_storage_gb", &m->database_storage_gb);
		set_band(o, "kafka_brokers_count", &m->kafka_brokers_count);
		set_band(o, "kafka_storage_per_broker_gb",
			 &m->kafka_storage_per_broker_gb);
		set_band(o, "spark_cost_usd_per_month",
			 &m->spark_cost_usd_per_month);
		set_band(o, "spark_peak_cost_usd_per_month",
			 &m->spark_peak_cost_usd_per_month);
		set_band(o, "database_cost_usd_per_month",
			 &m->database_cost_usd_per_month);
		set_band(o, "kafka_cost_usd_per_month",
			 &m->kafka_cost_usd_per_month);
		set_band(o, "total_cost_usd_per_month",
			 &m->total_cost_usd_per_month);
		set_real(o, "spark_window_missed_share_ratio",
			 m->spark_window_missed_share_ratio);
		set_real(o, "spark_executors_capped_share_ratio",
			 m->spark_executors_capped_share_ratio);
		set_real(o, "spark_executors_over_policy_share_ratio",
			 m->spark_executors_over_policy_share_ratio);
		set_real(o, "database_beyond_one_instance_share_ratio",
			 m->database_beyond_one_instance_share_ratio);
		set_real(o, "kafka_quota_exceeded_share_ratio",
			 m->kafka_quota_exceeded_share_ratio);
		set_real(o, "review_architecture_share_ratio",
			 m->review_architecture_share_ratio);
		json_array_append_new(years, o);
	}
	set_int(j, "montecarlo_paths_count", p->w.paths);
	json_object_set_new(j, "montecarlo", years);
	return j;
}

static json_t *
flags(const struct plan *p)
{
	json_t *a = json_array();
	unsigned bit;

	for (bit = 1; bit & FLAG_ALL; bit <<= 1)
		if ((p->flags | p->year_flags) & bit)
			json_array_append_new(a, json_string(cli_flag_name(bit)));
	return a;
}

int
render_json(FILE *f, const struct plan *p)
{
	struct ecap_property props[CLI_MAX_PROPS];
	json_t *root = json_object();
	int n;

	set_str(root, "schema", "ecaptune-plan");
	set_int(root, "version", SCHEMA_VERSION);
	set_str(root, "ecaptune_version", ecap_version_string());
	set_str(root, "command", command_names[p->command]);
	set_str(root, "model", ecap_model_to_string(ecap_policy_model(p->policy)));
	json_object_set_new(root, "workload", workload(p));
	json_object_set_new(root, "flags", flags(p));
	if (p->sections & SEC_EXECUTORS)
		json_object_set_new(root, "executors", executors(p));
	if (p->sections & SEC_PARTITIONS)
		json_object_set_new(root, "partitions", partitions(p));
	if (p->sections & (SEC_EXECUTORS | SEC_PARTITIONS) &&
	    (n = spark_props(p, props)) >= 0)
		json_object_set_new(root, "spark_properties",
				    properties(props, n));
	if (p->sections & SEC_JOIN)
		json_object_set_new(root, "join", join(p));
	if (p->sections & SEC_CACHE)
		json_object_set_new(root, "cache", cache(p));
	if (p->sections & SEC_DATABASE)
		json_object_set_new(root, "database", database(p));
	if (p->sections & SEC_KAFKA)
		json_object_set_new(root, "kafka", kafka(p));
	if (p->sections & SEC_PROJECTION)
		json_object_set_new(root, "projection", projection(p));
	return print_json(f, root);
}
