/* SPDX-License-Identifier: MIT */
/*
 * advise.c - runs the library's advisors for a workload.  The plan links
 * them the way a cluster is built: the executors sized for the day's data
 * give the cores the partitions are counted for and the heap the cache
 * must fit in, unless the workload names those.
 */
#include <stdio.h>
#include <string.h>

#include "ecaptune-cli.h"

/* The database flags that say a limit is reached (the others suggest). */
#define DATABASE_LIMITS (ECAP_DATABASE_FLAG_MEMORY_SHORT | \
	ECAP_DATABASE_FLAG_STORAGE_LIMIT | ECAP_DATABASE_FLAG_WRITES_SHORT | \
	ECAP_DATABASE_FLAG_IOPS_LIMIT | ECAP_DATABASE_FLAG_POOL_EXHAUSTION | \
	ECAP_DATABASE_FLAG_READS_SHORT)

/* Executors and cache fallback when no executor advice is made. */
#define DEFAULT_TOTAL_CORES 40
#define DEFAULT_CACHE_EXECUTORS 10
#define DEFAULT_CACHE_HEAP_BYTES (UINT64_C(8) << 30)

/* The catalog entry of the node the executors run on (EMR's yarn-site
 * needs its YARN memory). */
static void
find_node(struct plan *p)
{
	struct ecap_error err;

	ECAP_STRUCT_INIT(&err);
	ECAP_STRUCT_INIT(&p->node);
	p->have_node = p->exec.node_type[0] != '\0' &&
		ecap_policy_catalog_find(p->policy, ECAP_CATALOG_SPARK_NODE,
					 p->exec.node_type, &p->node,
					 &err) == ECAP_OK;
}

static int
advise_executors(struct plan *p, struct ecap_error *err)
{
	struct ecap_executor_in *in = &p->exec_in;
	int rc;

	ECAP_STRUCT_INIT(in);
	ECAP_STRUCT_INIT(&p->exec);
	in->daily_data_gb = (double)p->w.daily_data_bytes / 0x1p30;
	in->processing_window_hours = p->w.window_hours;
	in->platform = p->w.platform;
	in->executor_core_count = p->w.executor_cores;
	in->max_executor_count = p->w.max_executors;
	/* "" lets the library pick the cheapest node that meets the window */
	snprintf(in->node_type, sizeof(in->node_type), "%s", p->w.node);
	in->runs_per_day_count = p->w.runs_per_day;
	if ((rc = ecap_executor_advise(p->policy, in, &p->exec, err)) !=
	    ECAP_OK)
		return cli_lib_error("executors", rc, err);
	find_node(p);
	if (!p->exec.window_met)
		p->flags |= FLAG_WINDOW_MISSED;
	if (p->exec.memory_shortfall_gb > 0)
		p->flags |= FLAG_MEMORY_SHORT;
	if (p->exec.capped_by_max_executors)
		p->flags |= FLAG_EXECUTORS_CAPPED;
	if (p->exec.policy_cap_exceeded_flag)
		p->flags |= FLAG_EXECUTORS_OVER_POLICY;
	if (p->exec.spill_risk_flag)
		p->flags |= FLAG_SPILL_RISK;
	return 0;
}

static int64_t
total_cores(const struct plan *p)
{
	if (p->w.total_cores > 0)
		return p->w.total_cores;
	if (p->sections & SEC_EXECUTORS)
		return p->exec.total_core_count > 0 ? p->exec.total_core_count
		       : p->exec.executor_count * p->exec.executor_core_count;
	return DEFAULT_TOTAL_CORES;
}

/*
 * Past partition.max_count a shuffle's partitions grow past the target
 * the executors were sized for: a task then needs its partition times
 * executor.memory_multiplier, the executors' need for a target-size one
 * scaled by the size.  More than a task's unified memory is a spill risk
 * the plan shows (the executors' own flag counts the target).
 */
static void
partition_memory(struct plan *p)
{
	const struct ecap_partition_out *o = &p->part;

	p->part_task_need_bytes = 0;
	if (o->reason != ECAP_PARTITION_REASON_MAX_COUNT ||
	    o->split_size_bytes <= o->target_size_bytes ||
	    !(p->sections & SEC_EXECUTORS) || p->exec.task_memory_bytes == 0)
		return;
	p->part_task_need_bytes = (uint64_t)(
		(double)p->exec.task_memory_need_bytes *
		((double)o->split_size_bytes / (double)o->target_size_bytes));
	if (p->part_task_need_bytes > p->exec.task_memory_bytes)
		p->flags |= FLAG_SPILL_RISK;
}

static int
advise_partitions(struct plan *p, struct ecap_error *err)
{
	struct ecap_partition_in *in = &p->part_in;
	int rc;

	ECAP_STRUCT_INIT(in);
	ECAP_STRUCT_INIT(&p->part);
	in->data_size_bytes = p->w.data_size_bytes > 0 ? p->w.data_size_bytes
						       : p->w.daily_data_bytes;
	in->current_partition_count = p->w.current_partitions;
	in->total_executor_cores = total_cores(p);
	if ((rc = ecap_partition_advise(p->policy, in, &p->part, err)) !=
	    ECAP_OK)
		return cli_lib_error("partitions", rc, err);
	if (p->part.reason == ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP)
		p->flags |= FLAG_PARTITION_NOOP;
	partition_memory(p);
	return 0;
}

static int
advise_join(struct plan *p, struct ecap_error *err)
{
	struct ecap_join_in *in = &p->join_in;
	int rc;

	ECAP_STRUCT_INIT(in);
	ECAP_STRUCT_INIT(&p->join);
	in->join_type = p->w.join_type;
	in->left_size_bytes = p->w.left_size_bytes > 0 ? p->w.left_size_bytes
			    : p->w.data_size_bytes > 0 ? p->w.data_size_bytes
						       : p->w.daily_data_bytes;
	in->right_size_bytes = p->w.right_size_bytes;
	in->right_row_count = p->w.right_rows;
	if (p->sections & SEC_EXECUTORS) {
		in->executor_cores_count = (int32_t)p->exec.executor_core_count;
		in->executor_heap_bytes = (int64_t)p->exec.executor_heap_bytes;
	}
	if ((rc = ecap_join_advise(p->policy, in, &p->join, err)) != ECAP_OK)
		return cli_lib_error("join", rc, err);
	if (p->join.recommended_warning_flags != 0)
		p->flags |= FLAG_JOIN_WARNING;
	return 0;
}

static int
advise_cache(struct plan *p, struct ecap_error *err)
{
	struct ecap_cache_in *in = &p->cache_in;
	int rc;

	ECAP_STRUCT_INIT(in);
	ECAP_STRUCT_INIT(&p->cache);
	/* Datasets are cached as columnar batches sized from their files,
	 * RDDs as objects or bytes sized from their serialized form. */
	if (p->w.cache_api == ECAP_SPARK_API_DATASET ||
	    p->w.cache_api == ECAP_SPARK_API_PYSPARK_DATAFRAME)
		in->storage_format_size_bytes = (uint64_t)p->w.cache_size_bytes;
	else
		in->serialized_size_bytes = (uint64_t)p->w.cache_size_bytes;
	in->columnar_size_bytes = (uint64_t)p->w.cache_columnar_bytes;
	in->computed_with_shuffle = p->w.cache_shuffled != 0;
	in->local_disk_bytes = (uint64_t)p->w.cache_local_disk_bytes;
	in->partition_count = p->w.cache_partitions;
	in->reuse_count = p->w.cache_reuse;
	in->api = p->w.cache_api;
	if ((p->sections & SEC_EXECUTORS) && p->exec.executor_count > 0) {
		in->executor_count = p->exec.executor_count;
		in->executor_heap_bytes = p->exec.executor_heap_bytes;
	} else {
		in->executor_count = DEFAULT_CACHE_EXECUTORS;
		in->executor_heap_bytes = DEFAULT_CACHE_HEAP_BYTES;
	}
	if ((rc = ecap_cache_advise(p->policy, in, &p->cache, err)) != ECAP_OK)
		return cli_lib_error("cache", rc, err);
	if (!p->cache.level_exists_in_api)
		p->flags |= FLAG_CACHE_LEVEL_MISSING;
	return 0;
}

static int
advise_database(struct plan *p, struct ecap_error *err)
{
	int rc;

	ECAP_STRUCT_INIT(&p->db_in);
	ECAP_STRUCT_INIT(&p->db);
	p->db_in.transactions_per_day = p->w.transactions_per_day;
	p->db_in.retention_days = p->w.retention_days;
	p->db_in.workload = p->w.db_workload;
	p->db_in.storage_type = p->w.db_storage;
	p->db_in.max_connections_count = p->w.max_connections;
	p->db_in.postgres_version = (int32_t)p->w.postgres_version;
	p->db_in.app_instance_count = p->w.app_instances;
	if ((rc = ecap_database_advise(p->policy, &p->db_in, &p->db, err)) !=
	    ECAP_OK)
		return cli_lib_error("database", rc, err);
	if (!p->db.fits_flag)
		p->flags |= FLAG_DATABASE_NO_FIT;
	if (p->db.flags & DATABASE_LIMITS)
		p->flags |= FLAG_DATABASE_LIMIT;
	return 0;
}

static int
advise_kafka(struct plan *p, struct ecap_error *err)
{
	struct ecap_kafka_in *in = &p->kafka_in;
	int rc;

	ECAP_STRUCT_INIT(in);
	ECAP_STRUCT_INIT(&p->kafka);
	in->events_per_second = p->w.events_per_second > 0
		? p->w.events_per_second : p->w.transactions_per_day / 86400.0;
	in->retention_hours = p->w.kafka_retention_hours;
	snprintf(in->instance_type, sizeof(in->instance_type), "%s",
		 p->w.kafka_broker);
	p->kafka_retention_hours = p->w.kafka_retention_hours;
	if (p->kafka_retention_hours == 0 &&
	    (rc = ecap_policy_get_double(p->policy, "kafka.retention_hours",
					 &p->kafka_retention_hours, err)) !=
		    ECAP_OK)
		return cli_lib_error("kafka.retention_hours", rc, err);
	if ((rc = ecap_kafka_advise(p->policy, in, &p->kafka, err)) != ECAP_OK)
		return cli_lib_error("kafka", rc, err);
	if (p->kafka.broker_quota_exceeded_flag)
		p->flags |= FLAG_KAFKA_QUOTA;
	return 0;
}

int
plan_run(struct plan *p, bool progress)
{
	struct ecap_error err;
	int rc = 0;

	ECAP_STRUCT_INIT(&err);
	p->flags = 0;
	if ((p->sections & SEC_EXECUTORS) && (rc = advise_executors(p, &err)))
		return rc;
	if ((p->sections & SEC_PARTITIONS) && (rc = advise_partitions(p, &err)))
		return rc;
	if ((p->sections & SEC_JOIN) && (rc = advise_join(p, &err)))
		return rc;
	if ((p->sections & SEC_CACHE) && (rc = advise_cache(p, &err)))
		return rc;
	if ((p->sections & SEC_DATABASE) && (rc = advise_database(p, &err)))
		return rc;
	if ((p->sections & SEC_KAFKA) && (rc = advise_kafka(p, &err)))
		return rc;
	if (p->sections & SEC_PROJECTION)
		rc = project_run(p, progress, &err);
	return rc;
}
