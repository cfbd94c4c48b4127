/* SPDX-License-Identifier: MIT */
/*
 * render-text.c - --format text: the plan for people.  Every input is
 * echoed as parsed (bytes or counts) so a misread unit shows; sizes are
 * in binary units (GiB, MiB) throughout; each decision ends with the
 * library's one-sentence reason; flags are marked with '!'.
 */
#include <stdio.h>
#include <string.h>

#include "ecaptune-cli.h"
#include "human-size.h"

#define LABEL "  %-22s "

static const char *
gib(double gb, char *buf, size_t n)
{
	human_bytes(gb * 0x1p30, buf, n);
	return buf;
}

static const char *
bytes(double b, char *buf, size_t n)
{
	human_bytes(b, buf, n);
	return buf;
}

static const char *
name_or(const char *name)
{
	return name != NULL ? name : "?";
}

static const char *
node_reason(int32_t r)
{
	const char *s = ecap_executor_node_reason_to_string(r);

	return s != NULL ? s : "?";
}

/* The database flags that are limits (database-limit) rather than
 * suggestions. */
static int
bit_is_limit(uint32_t bit)
{
	return (bit & (ECAP_DATABASE_FLAG_MEMORY_SHORT |
		       ECAP_DATABASE_FLAG_STORAGE_LIMIT |
		       ECAP_DATABASE_FLAG_WRITES_SHORT |
		       ECAP_DATABASE_FLAG_IOPS_LIMIT |
		       ECAP_DATABASE_FLAG_POOL_EXHAUSTION |
		       ECAP_DATABASE_FLAG_READS_SHORT)) != 0;
}

static void
inputs(FILE *f, const struct plan *p, const char *const *names)
{
	const struct input_spec *in;
	char buf[160];

	for (; *names != NULL; names++) {
		in = input_find(*names);
		input_describe(&p->w, in, buf, sizeof(buf));
		fprintf(f, "  --%-20s %s\n", in->name, buf);
	}
}

static void
why(FILE *f, const char *sentence)
{
	fprintf(f, LABEL "%s\n", "why", sentence);
}

static void
flag(FILE *f, const struct plan *p, unsigned fl, const char *what)
{
	if (p->flags & fl)
		fprintf(f, "! %-22s %s\n", cli_flag_name(fl), what);
}

/*
 * Heap + overhead = container in units whose printed parts add up to the
 * printed total: whole GiB when all three are, else MiB (Spark's own
 * unit for them, and every advised size is whole MiB).
 */
static void
memory_line(FILE *f, const struct ecap_executor_out *e)
{
	const uint64_t gib = UINT64_C(1) << 30;
	uint64_t unit = gib;

	if (e->executor_heap_bytes % gib != 0 ||
	    e->executor_overhead_bytes % gib != 0 ||
	    e->executor_container_bytes % gib != 0)
		unit = UINT64_C(1) << 20;
	fprintf(f, LABEL "heap %llu %s + overhead %llu %s = container %llu "
		"%s\n", "memory",
		(unsigned long long)(e->executor_heap_bytes / unit),
		unit == gib ? "GiB" : "MiB",
		(unsigned long long)(e->executor_overhead_bytes / unit),
		unit == gib ? "GiB" : "MiB",
		(unsigned long long)(e->executor_container_bytes / unit),
		unit == gib ? "GiB" : "MiB");
}

/* The policy's executor.max_executors is a budget the operator sets (the
 * guide's 20 by default); the advice exceeds it to meet the window, and
 * nothing was capped: a warning, not a throughput loss. */
static void
over_policy(FILE *f, const struct plan *p)
{
	int64_t budget = 0;

	if (ecap_policy_get_int64(p->policy, "executor.max_executors",
				  &budget, NULL) != ECAP_OK)
		budget = 0;
	fprintf(f, "! %-22s %lld executors, above the policy's "
		"executor.max_executors %lld (a soft budget: a warning, "
		"nothing capped; --max-executors caps)\n",
		cli_flag_name(FLAG_EXECUTORS_OVER_POLICY),
		(long long)p->exec.executor_count, (long long)budget);
}

/* The nodes' gp3: size, volumes past one's limit, the throughput
 * provisioned, and whether it sets the run's hours. */
static void
disk_line(FILE *f, const struct ecap_executor_out *e)
{
	fprintf(f, LABEL "%.0f GiB of EBS a node", "disk", e->node_ebs_gb);
	if (e->node_ebs_volume_count > 1)
		fprintf(f, " in %lld gp3 volumes of %.0f GiB",
			(long long)e->node_ebs_volume_count,
			e->node_ebs_gb / (double)e->node_ebs_volume_count);
	fprintf(f, " at %.0f MiB/s, for the run's shuffle and spill%s\n",
		e->node_ebs_throughput_mib_per_second,
		e->node_ebs_throughput_bound_flag ?
		"; the disks' throughput sets the run's hours" : "");
}

static void
executors(FILE *f, const struct plan *p)
{
	static const char *const in[] = { "daily-data", "window", "node",
		"platform", "executor-cores", "max-executors", "runs-per-day",
		NULL };
	const struct ecap_executor_out *e = &p->exec;
	char a[32], b[32], s[ECAP_EXPLAIN_MAX];

	fprintf(f, "\nExecutors\n");
	inputs(f, p, in);
	fprintf(f, LABEL "%lld x %lld cores (%lld cores in all)\n",
		"executors", (long long)e->executor_count,
		(long long)e->executor_core_count,
		(long long)(e->executor_count * e->executor_core_count));
	if (e->executor_request_vcpu != (double)e->executor_core_count)
		fprintf(f, LABEL "%.3g vCPU an executor\n", "CPU request",
			e->executor_request_vcpu);
	memory_line(f, e);
	fprintf(f, LABEL "needed %s, held %s\n", "data in memory",
		gib(e->required_memory_gb, a, sizeof(a)),
		gib(e->total_memory_gb, b, sizeof(b)));
	if (e->node_count > 0)
		fprintf(f, LABEL "%lld x %s (%lld vCPU, %s; %s), %lld "
			"executor%s each\n", "nodes", (long long)e->node_count,
			e->node_type[0] ? e->node_type : "node",
			(long long)e->node_vcpu_count,
			gib(e->node_memory_gb, a, sizeof(a)),
			node_reason(e->node_reason),
			(long long)e->executors_per_node_count,
			e->executors_per_node_count == 1 ? "" : "s");
	if (e->node_ebs_gb > 0.0)
		disk_line(f, e);
	fprintf(f, LABEL "min %lld, initial %lld, max %lld\n",
		"dynamic allocation", (long long)e->dynamic_min_executor_count,
		(long long)e->dynamic_initial_executor_count,
		(long long)e->dynamic_max_executor_count);
	fprintf(f, LABEL "%.2f h a run of the %.2f h window (target %.2f h), "
		"%lld run(s) a day\n", "projected time", e->projected_hours,
		e->processing_window_hours, e->target_hours,
		(long long)e->runs_per_day_count);
	fprintf(f, LABEL "$%.2f an hour, $%.2f a run, $%.2f a month\n",
		"cost", e->cost_usd_per_hour, e->projected_cost_usd,
		e->cost_usd_per_month);
	if (p->flags & FLAG_WINDOW_MISSED)
		fprintf(f, "! %-22s the run misses the window by %.2f h\n",
			cli_flag_name(FLAG_WINDOW_MISSED), e->window_miss_hours);
	if (p->flags & FLAG_MEMORY_SHORT)
		fprintf(f, "! %-22s %s short of the memory needed\n",
			cli_flag_name(FLAG_MEMORY_SHORT),
			gib(e->memory_shortfall_gb, a, sizeof(a)));
	if (p->flags & FLAG_EXECUTORS_CAPPED)
		fprintf(f, "! %-22s --max-executors held the count: %.2f h a "
			"run, the target is %.2f h\n",
			cli_flag_name(FLAG_EXECUTORS_CAPPED), e->projected_hours,
			e->target_hours);
	if (p->flags & FLAG_EXECUTORS_OVER_POLICY)
		over_policy(f, p);
	flag(f, p, FLAG_SPILL_RISK, "a task's partition needs more than its "
	     "execution memory");
	explain_executors(p, s, sizeof(s));
	why(f, s);
}

static void
partitions(FILE *f, const struct plan *p)
{
	static const char *const in[] = { "data-size", "current-partitions",
		"total-cores", NULL };
	const struct ecap_partition_out *o = &p->part;
	char a[32], s[ECAP_EXPLAIN_MAX];

	fprintf(f, "\nPartitions\n");
	inputs(f, p, in);
	fprintf(f, LABEL "%s (%lld cores)\n", "data, cores used",
		bytes((double)p->part_in.data_size_bytes, a, sizeof(a)),
		(long long)p->part_in.total_executor_cores);
	fprintf(f, LABEL "%s to %lld partition%s of %s\n", "action",
		ecap_partition_action_to_string(o->action),
		(long long)o->partition_count,
		o->partition_count == 1 ? "" : "s",
		bytes((double)o->bytes_per_partition, a, sizeof(a)));
	flag(f, p, FLAG_PARTITION_NOOP, "Spark ignores a coalesce to more "
	     "partitions");
	if (p->part_task_need_bytes > p->exec.task_memory_bytes) {
		char need[32], have[32];

		fprintf(f, "! %-22s a task of %s needs %s of execution "
			"memory, %s a task\n", cli_flag_name(FLAG_SPILL_RISK),
			bytes((double)o->bytes_per_partition, a, sizeof(a)),
			bytes((double)p->part_task_need_bytes, need,
			      sizeof(need)),
			bytes((double)p->exec.task_memory_bytes, have,
			      sizeof(have)));
	}
	explain_partition(p, s, sizeof(s));
	why(f, s);
}

static void
join(FILE *f, const struct plan *p)
{
	static const char *const in[] = { "join-type", "left-size",
		"right-size", "right-rows", NULL };
	const struct ecap_join_out *j = &p->join;
	char s[ECAP_EXPLAIN_MAX];

	fprintf(f, "\nJoin\n");
	inputs(f, p, in);
	fprintf(f, LABEL "%s, build %s\n", "Spark picks",
		ecap_join_strategy_to_string(j->strategy),
		ecap_join_build_side_to_string(j->build_side));
	if (j->recommended_hint == ECAP_JOIN_HINT_NONE)
		fprintf(f, LABEL "none needed\n", "hint");
	else
		fprintf(f, LABEL "%s on the %s side\n", "hint",
			ecap_join_hint_to_string(j->recommended_hint),
			ecap_join_build_side_to_string(
				j->recommended_hint_side));
	if (p->flags & FLAG_JOIN_WARNING) {
		explain_join_warnings(p, s, sizeof(s));
		fprintf(f, "! %-22s %s\n", cli_flag_name(FLAG_JOIN_WARNING), s);
	}
	explain_join(p, s, sizeof(s));
	why(f, s);
}

/* What is stored, the share in memory and the memory it is measured
 * against: unified memory, with the part safe from eviction. */
static void
footprint(FILE *f, const struct ecap_cache_out *c)
{
	char a[32], b[32], d[32];

	fprintf(f, LABEL "%s stored, %.0f%% in memory (%s of unified memory, "
		"%s safe from eviction)", "footprint",
		bytes((double)c->stored_size_bytes, a, sizeof(a)),
		100.0 * c->memory_share_ratio,
		bytes((double)c->unified_memory_bytes, b, sizeof(b)),
		bytes((double)c->storage_memory_bytes, d, sizeof(d)));
	if (c->disk_bytes > 0)
		fprintf(f, ", up to %s on local disk",
			bytes((double)c->disk_bytes, a, sizeof(a)));
	fputc('\n', f);
}

static void
cache(FILE *f, const struct plan *p)
{
	static const char *const in[] = { "cache-size", "cache-columnar-size",
		"cache-shuffled", "cache-local-disk", "cache-partitions",
		"cache-reuse", "api", NULL };
	const struct ecap_cache_out *c = &p->cache;
	char a[32], s[ECAP_EXPLAIN_MAX];

	fprintf(f, "\nCache\n");
	inputs(f, p, in);
	fprintf(f, LABEL "%s\n", "storage level", c->level_name);
	fprintf(f, LABEL "%s as %s\n", "cached size",
		bytes((double)c->cached_size_bytes, a, sizeof(a)),
		name_or(ecap_cache_format_to_string(c->cache_format)));
	if (c->alternative != ECAP_CACHE_ALTERNATIVE_NONE)
		fprintf(f, LABEL "%s\n", "instead",
			name_or(ecap_cache_alternative_to_string(
				c->alternative)));
	if (c->level == ECAP_STORAGE_LEVEL_NONE)
		fprintf(f, LABEL "0 B stored\n", "footprint");
	else if (c->model == ECAP_MODEL_GUIDE)
		/* The guide sizes against the storage region alone. */
		fprintf(f, LABEL "%s stored, %.0f%% in memory (%s of storage "
			"memory)\n", "footprint",
			bytes((double)c->stored_size_bytes, a, sizeof(a)),
			100.0 * c->memory_share_ratio,
			bytes((double)c->storage_memory_bytes, s, sizeof(s)));
	else
		footprint(f, c);
	flag(f, p, FLAG_CACHE_LEVEL_MISSING, "the API has no such level");
	explain_cache(p, s, sizeof(s));
	why(f, s);
}

static void
database(FILE *f, const struct plan *p)
{
	static const char *const in[] = { "transactions", "retention-days",
		"db-workload", "db-storage", "max-connections",
		"postgres-version", "app-instances", NULL };
	const struct ecap_database_out *d = &p->db;
	char a[32], b[32], s[ECAP_EXPLAIN_MAX];
	uint32_t bit;

	fprintf(f, "\nPostgreSQL\n");
	inputs(f, p, in);
	fprintf(f, LABEL "%s (%s, %d vCPUs)%s", "primary", d->instance_class,
		gib(d->instance_memory_gb, a, sizeof(a)), d->instance_vcpus,
		d->multi_az_flag ? ", Multi-AZ" : "");
	if (d->read_replica_count > 0)
		fprintf(f, ", %d read replicas", d->read_replica_count);
	fprintf(f, "\n" LABEL "%s needed, %s of data kept\n", "memory",
		gib(d->memory_required_gb, a, sizeof(a)),
		gib(d->data_storage_gb, b, sizeof(b)));
	fprintf(f, LABEL "%s, %lld IOPS at peak (%lld provisioned)\n",
		"storage", gib(d->storage_gb, a, sizeof(a)),
		(long long)d->iops_required_count,
		(long long)d->iops_provisioned_count);
	fprintf(f, LABEL "%lld max_connections, pools need %lld\n",
		"connections", (long long)d->max_connections_count,
		(long long)d->pool_connections_max_count);
	fprintf(f, LABEL "$%.2f a month (instance $%.2f, replicas $%.2f, "
		"storage $%.2f, IOPS $%.2f)\n", "cost", d->cost_usd_per_month,
		d->instance_cost_usd_per_month, d->replica_cost_usd_per_month,
		d->storage_cost_usd_per_month, d->iops_cost_usd_per_month);
	flag(f, p, FLAG_DATABASE_NO_FIT, "the class holds less than the "
	     "memory needed");
	for (bit = 1; bit != 0; bit <<= 1)
		if ((d->flags & bit) && ecap_database_flag_to_string(bit))
			fprintf(f, "%c %-22s %s\n",
				(p->flags & FLAG_DATABASE_LIMIT) &&
				bit_is_limit(bit) ? '!' : ' ',
				ecap_database_flag_to_string(bit),
				bit_is_limit(bit) ? "a limit is reached"
						  : "suggested");
	explain_database(p, s, sizeof(s));
	why(f, s);
}

static void
kafka(FILE *f, const struct plan *p)
{
	static const char *const in[] = { "events", "kafka-retention",
		"kafka-broker", NULL };
	const struct ecap_kafka_out *k = &p->kafka;
	char a[32], b[32], s[ECAP_EXPLAIN_MAX];

	fprintf(f, "\nKafka\n");
	inputs(f, p, in);
	fprintf(f, LABEL "%s events a second (peak %s)\n", "rate used",
		ecap__explain_number(a, p->kafka_in.events_per_second),
		ecap__explain_number(b, k->peak_events_per_second));
	fprintf(f, LABEL "%lld partitions on %lld x %s\n", "cluster",
		(long long)k->partitions_count, (long long)k->brokers_count,
		k->instance_type);
	fprintf(f, LABEL "%s in all, %s a broker\n", "storage",
		gib(k->total_storage_gb, a, sizeof(a)),
		gib(k->storage_per_broker_gb, b, sizeof(b)));
	fprintf(f, LABEL "replication %lld, min.insync.replicas %lld, "
		"acks=%s\n", "durability",
		(long long)k->replication_factor_count,
		(long long)k->min_insync_replicas_count, k->acks);
	fprintf(f, LABEL "$%.2f a month (brokers $%.2f, storage $%.2f)\n",
		"cost", k->cost_usd_per_month, k->broker_cost_usd_per_month,
		k->storage_cost_usd_per_month);
	flag(f, p, FLAG_KAFKA_QUOTA, "more brokers than kafka.max_broker_count");
	explain_kafka(p, s, sizeof(s));
	why(f, s);
}

static void
projection(FILE *f, const struct plan *p)
{
	static const char *const in[] = { "transactions", "years", "scenario",
		"paths", "growth-sd", "peak-sd", "seed", NULL };
	/* Today's run and rate the years grow, when no section above
	 * lists them. */
	static const char *const spark_in[] = { "daily-data", "window", "node",
		"platform", "executor-cores", "max-executors", "runs-per-day",
		NULL };
	static const char *const kafka_in[] = { "events", "kafka-retention",
		"kafka-broker", NULL };
	static const char *const db_in[] = { "retention-days",
		"app-instances", NULL };
	const struct ecap_projection_year *y;
	const struct ecap_projection_montecarlo_year *m;
	char s[ECAP_EXPLAIN_MAX], db[96];
	size_t i;

	fprintf(f, "\nProjection\n");
	inputs(f, p, in);
	if (!(p->sections & SEC_EXECUTORS))
		inputs(f, p, spark_in);
	if (!(p->sections & SEC_DATABASE))
		inputs(f, p, db_in);
	if (!(p->sections & SEC_KAFKA))
		inputs(f, p, kafka_in);
	fprintf(f, "  %4s %12s %9s %-20s %7s %11s %11s %11s %11s\n", "year",
		"peak tx/day", "executors", "database", "brokers",
		"spark $/mo", "db $/mo", "kafka $/mo", "total $/mo");
	for (i = 0; i < p->year_count; i++) {
		y = &p->years[i];
		snprintf(db, sizeof(db), "%s x%lld", y->database_instance_class,
			 (long long)y->database_instances_count);
		fprintf(f, "  %4d %12.0f %9lld %-20s %7lld %11.2f %11.2f "
			"%11.2f %11.2f\n", y->year, y->peak_daily_transactions,
			(long long)y->spark_executors_count, db,
			(long long)y->kafka_brokers_count,
			y->spark_cost_usd_per_month,
			y->database_cost_usd_per_month,
			y->kafka_cost_usd_per_month,
			y->total_cost_usd_per_month);
	}
	for (i = 0; i < p->year_count; i++) {
		explain_year(p, i, s, sizeof(s));
		fprintf(f, LABEL "%s\n", "why", s);
	}
	if (p->mc_count == 0)
		return;
	fprintf(f, "\n  Monte Carlo, %lld paths: percentiles a year\n"
		"  %4s %11s %11s %11s %11s %11s %11s %9s %9s\n",
		(long long)p->w.paths, "year", "total P10", "total P50",
		"total P90", "total P99", "spark P50", "spark P90",
		"exec P50", "exec P90");
	for (i = 0; i < p->mc_count; i++) {
		m = &p->mc[i];
		fprintf(f, "  %4d %11.2f %11.2f %11.2f %11.2f %11.2f %11.2f "
			"%9.0f %9.0f\n", m->year,
			m->total_cost_usd_per_month.p10,
			m->total_cost_usd_per_month.p50,
			m->total_cost_usd_per_month.p90,
			m->total_cost_usd_per_month.p99,
			m->spark_cost_usd_per_month.p50,
			m->spark_cost_usd_per_month.p90,
			m->spark_executors_count.p50,
			m->spark_executors_count.p90);
	}
}

int
render_text(FILE *f, const struct plan *p)
{
	fprintf(f, "ecaptune %s, model %s\n", ecap_version_string(),
		ecap_model_to_string(ecap_policy_model(p->policy)));
	if (p->sections & SEC_EXECUTORS)
		executors(f, p);
	if (p->sections & SEC_PARTITIONS)
		partitions(f, p);
	if (p->sections & SEC_JOIN)
		join(f, p);
	if (p->sections & SEC_CACHE)
		cache(f, p);
	if (p->sections & SEC_DATABASE)
		database(f, p);
	if (p->sections & SEC_KAFKA)
		kafka(f, p);
	if (p->sections & SEC_PROJECTION)
		projection(f, p);
	return 0;
}
