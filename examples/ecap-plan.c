/* SPDX-License-Identifier: MIT */
/*
 * ecap-plan - runs every libecaptune advisor on a built-in sample workload
 * and prints the plan: partitions, scan tasks, join strategy, cache level,
 * executors with their Spark properties, PostgreSQL, Kafka, and a 3-year
 * growth projection with its cost parts, flags and Monte Carlo bands.
 *
 * usage: ecap-plan [--model guide|ecap-1] [--policy FILE] [--print-policy]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ecaptune.h>

#define GIB (UINT64_C(1) << 30)
#define MIB (UINT64_C(1) << 20)

/* The built-in workload: an e-commerce platform's daily batch. */
static const struct {
	double daily_data_gb;		/* raw data processed a day */
	double daily_transactions;	/* orders a day */
	int64_t orders_bytes;		/* orders fact table (Parquet) */
	int64_t customers_bytes;	/* customers dimension (Parquet) */
	int64_t customers_rows;
	int64_t orders_files;		/* Parquet files of the orders table */
	int64_t total_cores;		/* executor cores of the cluster */
} workload = {
	250.0, 1500000.0, INT64_C(120) << 30, INT64_C(30) << 20, 400000, 120,
	40,
};

static int
fail(const char *what, int rc, const struct ecap_error *err)
{
	fprintf(stderr, "ecap-plan: %s: %s: %s\n", what, ecap_strerror(rc),
		err->message);
	return rc;
}

static void
print_properties(const struct ecap_property *props, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("    --conf %s=%s\n", props[i].key, props[i].value);
}

static int
plan_partitions(const ecap_policy *p, struct ecap_error *err)
{
	struct ecap_partition_in in;
	struct ecap_partition_out out;
	struct ecap_partition_scan_in scan;
	struct ecap_partition_scan_out scan_out;
	struct ecap_property props[16];
	char why[ECAP_EXPLAIN_MAX];
	int64_t files[48];
	size_t i, n = 16;
	int rc;

	/* The orders are read from their Parquet files, the current count
	 * unknown: the library predicts the scan's own count. */
	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	in.data_size_bytes = workload.orders_bytes;
	in.file_count = workload.orders_files;
	in.total_executor_cores = workload.total_cores;
	if ((rc = ecap_partition_advise(p, &in, &out, err)) != ECAP_OK ||
	    (rc = ecap_partition_explain(&out, why, sizeof(why), err)) !=
		    ECAP_OK)
		return fail("partition", rc, err);
	printf("Partitions (orders, %lld GiB in %lld Parquet files):\n"
	       "  %s: %lld partitions of %lld MiB\n  why: %s\n",
	       (long long)(workload.orders_bytes >> 30),
	       (long long)workload.orders_files,
	       ecap_partition_action_to_string(out.action),
	       (long long)out.partition_count,
	       (long long)(out.bytes_per_partition >> 20), why);
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&props[i]);
	if ((rc = ecap_partition_spark_properties(p, &out, props, &n, err)) !=
	    ECAP_OK)
		return fail("partition properties", rc, err);
	print_properties(props, n);

	/* 40 Parquet files of 1 GiB and 8 small ones of 3 MiB. */
	for (i = 0; i < 48; i++)
		files[i] = i < 40 ? (int64_t)GIB : (int64_t)(3 * MIB);
	ECAP_STRUCT_INIT(&scan);
	ECAP_STRUCT_INIT(&scan_out);
	scan.file_sizes_bytes = files;
	scan.file_count = 48;
	scan.total_executor_cores = workload.total_cores;
	if ((rc = ecap_partition_scan_tasks(p, &scan, &scan_out, err)) !=
	    ECAP_OK)
		return fail("scan tasks", rc, err);
	printf("  scanning 40 x 1 GiB + 8 x 3 MiB files: %lld tasks "
	       "(maxSplitBytes %lld MiB)\n\n", (long long)scan_out.task_count,
	       (long long)(scan_out.max_split_bytes >> 20));
	return ECAP_OK;
}

static int
plan_join(const ecap_policy *p, struct ecap_error *err)
{
	struct ecap_join_in in;
	struct ecap_join_out out;
	char why[ECAP_EXPLAIN_MAX];
	int rc;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	in.join_type = ECAP_JOIN_INNER;
	in.left_size_bytes = workload.orders_bytes;
	in.right_size_bytes = workload.customers_bytes;
	in.right_row_count = workload.customers_rows;
	if ((rc = ecap_join_advise(p, &in, &out, err)) != ECAP_OK ||
	    (rc = ecap_join_explain(&out, why, sizeof(why), err)) != ECAP_OK)
		return fail("join", rc, err);
	printf("Join (orders 120 GiB x customers 30 MiB, inner):\n"
	       "  Spark picks %s, build %s\n",
	       ecap_join_strategy_to_string(out.strategy),
	       ecap_join_build_side_to_string(out.build_side));
	if (out.recommended_hint == ECAP_JOIN_HINT_NONE)
		printf("  recommended hint: none needed\n");
	else
		printf("  recommended hint: %s on the %s side\n",
		       ecap_join_hint_to_string(out.recommended_hint),
		       ecap_join_build_side_to_string(out.recommended_hint_side));
	printf("  why: %s\n\n", why);
	return ECAP_OK;
}

static int
plan_cache(const ecap_policy *p, struct ecap_error *err)
{
	struct ecap_cache_in in;
	struct ecap_cache_out out;
	char why[ECAP_EXPLAIN_MAX];
	int rc;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	/* RFM segment features: 6 GiB of Parquet, cached as Spark SQL's
	 * columnar batches */
	in.storage_format_size_bytes = 6 * GIB;
	in.partition_count = 300;
	in.reuse_count = 4;
	in.executor_count = 10;
	in.executor_heap_bytes = 8 * GIB;
	in.api = ECAP_SPARK_API_PYSPARK_DATAFRAME;
	if ((rc = ecap_cache_advise(p, &in, &out, err)) != ECAP_OK ||
	    (rc = ecap_cache_explain(&out, why, sizeof(why), err)) != ECAP_OK)
		return fail("cache", rc, err);
	printf("Cache (6 GiB of Parquet, 300 partitions, used 4 times, "
	       "PySpark DataFrame):\n  persist(StorageLevel.%s), %.0f%% in "
	       "memory\n  why: %s\n\n", out.level_name,
	       100.0 * out.memory_share_ratio, why);
	return ECAP_OK;
}

static int
plan_executors(const ecap_policy *p, struct ecap_error *err)
{
	struct ecap_executor_in in;
	struct ecap_executor_out out;
	struct ecap_property props[24];
	char why[ECAP_EXPLAIN_MAX];
	size_t i, n = 24;
	int rc;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	in.daily_data_gb = workload.daily_data_gb;
	in.processing_window_hours = 4.0;
	in.platform = ECAP_SPARK_PLATFORM_EMR;
	/* No node type: ecap-1 takes the cheapest catalog node that meets
	 * the window (the guide sizes executors without nodes). */
	if ((rc = ecap_executor_advise(p, &in, &out, err)) != ECAP_OK ||
	    (rc = ecap_executor_explain(&out, why, sizeof(why), err)) != ECAP_OK)
		return fail("executors", rc, err);
	printf("Executors (%.0f GB a day, EMR, a 4-hour window):\n"
	       "  %lld executors x %lld cores, heap %.3g GiB, container %llu "
	       "MiB\n", workload.daily_data_gb,
	       (long long)out.executor_count,
	       (long long)out.executor_core_count, out.executor_heap_gb,
	       (unsigned long long)(out.executor_container_bytes >> 20));
	if (out.node_count > 0)
		printf("  %lld x %s (%lld executors a node, one slot for the "
		       "driver), runner-up %s\n", (long long)out.node_count,
		       out.node_type, (long long)out.executors_per_node_count,
		       out.runner_up_node_type[0] ? out.runner_up_node_type :
						    "none");
	printf("  %.2f hours a run (%s), $%.2f/hour, $%.2f a run, $%.0f a "
	       "month\n  why: %s\n", out.projected_hours,
	       out.window_met ? "window met" : "window NOT met",
	       out.cost_usd_per_hour, out.projected_cost_usd,
	       out.cost_usd_per_month, why);
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&props[i]);
	if ((rc = ecap_executor_spark_properties(&out, props, &n, err)) !=
	    ECAP_OK)
		return fail("executor properties", rc, err);
	print_properties(props, n);
	printf("\n");
	return ECAP_OK;
}

/* PostgreSQL: the primary, its storage and cost, why, and the RDS
 * parameter group. */
static int
plan_database(const ecap_policy *p, struct ecap_error *err)
{
	struct ecap_database_in db;
	struct ecap_database_out out;
	struct ecap_database_rds_parameter group[24];
	char why[ECAP_EXPLAIN_MAX];
	size_t i, n = 24;
	uint32_t bit;
	int rc;

	ECAP_STRUCT_INIT(&db);
	ECAP_STRUCT_INIT(&out);
	db.transactions_per_day = workload.daily_transactions;
	if ((rc = ecap_database_advise(p, &db, &out, err)) != ECAP_OK ||
	    (rc = ecap_database_explain(&out, why, sizeof(why), err)) != ECAP_OK)
		return fail("database", rc, err);
	printf("PostgreSQL (%.0f transactions a day):\n"
	       "  %s%s + %d read replica(s), %.0f GB memory needed, "
	       "%.0f GB storage ($%.2f), $%.2f/month in all\n  why: %s\n",
	       workload.daily_transactions, out.instance_class,
	       out.multi_az_flag ? " Multi-AZ" : "", (int)out.read_replica_count,
	       out.memory_required_gb, out.storage_gb,
	       out.storage_cost_usd_per_month, out.cost_usd_per_month, why);
	for (bit = 1; bit != 0 && bit <= out.flags; bit <<= 1)
		if (out.flags & bit)
			printf("  advice: %s\n", ecap_database_flag_to_string(bit));
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&group[i]);
	if ((rc = ecap_database_rds_parameters(&out, group, &n, err)) != ECAP_OK)
		return fail("database parameters", rc, err);
	for (i = 0; i < n; i++) {
		printf("  %s = %s", group[i].name, group[i].value);
		if (strcmp(group[i].value, group[i].evaluated) != 0)
			printf(" (%s on this class)", group[i].evaluated);
		printf("%s%s\n", group[i].unit[0] != '\0' ? " " : "",
		       group[i].unit);
	}
	printf("\n");
	return ECAP_OK;
}

static int
plan_capacity(const ecap_policy *p, struct ecap_error *err)
{
	struct ecap_kafka_in kafka;
	struct ecap_kafka_out kafka_out;
	char why[ECAP_EXPLAIN_MAX];
	int rc;

	if ((rc = plan_database(p, err)) != ECAP_OK)
		return rc;

	ECAP_STRUCT_INIT(&kafka);
	ECAP_STRUCT_INIT(&kafka_out);
	kafka.events_per_second = workload.daily_transactions / 86400.0;
	if ((rc = ecap_kafka_advise(p, &kafka, &kafka_out, err)) != ECAP_OK ||
	    (rc = ecap_kafka_explain(&kafka_out, why, sizeof(why), err)) !=
	    ECAP_OK)
		return fail("kafka", rc, err);
	printf("Kafka (%.1f events/s, %.2f MB/s):\n"
	       "  %lld x %s, %lld partitions, %.0f GB each, "
	       "replication.factor=%lld, min.insync.replicas=%lld, acks=%s\n"
	       "  $%.0f/month: $%.0f broker-hours + $%.0f storage\n"
	       "  why: %s\n\n",
	       kafka.events_per_second, kafka_out.ingress_mb_per_second,
	       (long long)kafka_out.brokers_count, kafka_out.instance_type,
	       (long long)kafka_out.partitions_count,
	       kafka_out.storage_per_broker_gb,
	       (long long)kafka_out.replication_factor_count,
	       (long long)kafka_out.min_insync_replicas_count, kafka_out.acks,
	       kafka_out.cost_usd_per_month,
	       kafka_out.broker_cost_usd_per_month,
	       kafka_out.storage_cost_usd_per_month, why);
	return ECAP_OK;
}

/* Flags of a projected year, in words. */
static void
print_flags(const struct ecap_projection_year *y)
{
	if (y->spark_window_missed_flag)
		printf("        ! the Spark run takes %.1f h: %.1f h past its "
		       "%.0f-hour window\n", y->spark_projected_hours,
		       y->spark_window_miss_hours, y->spark_window_hours);
	if (y->database_beyond_one_instance_flag)
		printf("        ! the database needs more than one instance can "
		       "give\n");
	if (y->kafka_quota_exceeded_flag)
		printf("        ! Kafka needs more brokers than the quota\n");
	if (y->review_architecture_flag)
		printf("        ! %.1fx today's volume: review the "
		       "architecture\n", y->growth_multiple_ratio);
}

static int
plan_projection(const ecap_policy *p, struct ecap_error *err)
{
	struct ecap_projection_in in;
	struct ecap_projection_year years[3];
	const struct ecap_projection_year *y;
	size_t i, n = 3;
	int rc;

	ECAP_STRUCT_INIT(&in);
	in.current_daily_transactions = workload.daily_transactions;
	in.years = 3;
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&years[i]);
	if ((rc = ecap_projection_run(p, &in, years, &n, err)) != ECAP_OK)
		return fail("projection", rc, err);
	printf("3-year projection (default scenario; %s, prices of %s):\n",
	       years[0].currency, years[0].price_date[0] != '\0' ?
	       years[0].price_date : "the policy");
	for (i = 0; i < n; i++) {
		char what[3][96];

		y = &years[i];
		snprintf(what[0], sizeof(what[0]), "%lld x %s, %lld executors, "
			 "%.1f h a run", (long long)y->spark_node_count,
			 y->spark_node_type[0] != '\0' ? y->spark_node_type :
			 "(no node type)", (long long)y->spark_executors_count,
			 y->spark_projected_hours);
		snprintf(what[1], sizeof(what[1]), "%s x %lld, %.0f GB memory, "
			 "%.0f GB storage", y->database_instance_class,
			 (long long)y->database_instances_count,
			 y->database_memory_required_gb, y->database_storage_gb);
		snprintf(what[2], sizeof(what[2]), "%lld x %s, %lld partitions",
			 (long long)y->kafka_brokers_count, y->kafka_broker_type,
			 (long long)y->kafka_partitions_count);
		printf("  year %d: %.0f tx/day (peak day %.0f)\n"
		       "    Spark     %-58s %11.2f/month\n"
		       "    database  %-58s %11.2f/month\n"
		       "    Kafka     %-58s %11.2f/month\n"
		       "    total     %-58s %11.2f/month\n",
		       y->year, y->base_daily_transactions,
		       y->peak_daily_transactions, what[0],
		       y->spark_cost_usd_per_month, what[1],
		       y->database_cost_usd_per_month, what[2],
		       y->kafka_cost_usd_per_month, "",
		       y->total_cost_usd_per_month);
		print_flags(y);
	}
	return ECAP_OK;
}

static void
print_band(const char *name, const struct ecap_projection_band *b)
{
	printf("    %-22s %12.2f %12.2f %12.2f %12.2f\n", name, b->p10, b->p50,
	       b->p90, b->p99);
}

/* The same years over 10,000 random paths of the scenario's spreads. */
static int
plan_montecarlo(const ecap_policy *p, struct ecap_error *err)
{
	struct ecap_projection_montecarlo_in in;
	struct ecap_projection_montecarlo_year years[3];
	const struct ecap_projection_montecarlo_year *y;
	size_t i, n = 3;
	int rc;

	ECAP_STRUCT_INIT(&in);
	in.current_daily_transactions = workload.daily_transactions;
	in.years = 3;
	in.seed = 2026;
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&years[i]);
	if ((rc = ecap_projection_montecarlo(p, &in, years, &n, err)) != ECAP_OK)
		return fail("monte carlo", rc, err);
	printf("\nMonte Carlo bands (10,000 paths, seed 2026):\n"
	       "    %-22s %12s %12s %12s %12s\n", "", "P10", "P50", "P90",
	       "P99");
	for (i = 0; i < n; i++) {
		y = &years[i];
		printf("  year %d\n", y->year);
		print_band("Spark nodes", &y->spark_node_count);
		print_band("Spark executors", &y->spark_executors_count);
		print_band("database instances", &y->database_instances_count);
		print_band("Kafka brokers", &y->kafka_brokers_count);
		print_band("Spark USD/month", &y->spark_cost_usd_per_month);
		print_band("database USD/month", &y->database_cost_usd_per_month);
		print_band("Kafka USD/month", &y->kafka_cost_usd_per_month);
		print_band("total USD/month", &y->total_cost_usd_per_month);
		printf("    window missed in %.1f%% of paths, review asked in "
		       "%.1f%%\n", 100.0 * y->spark_window_missed_share_ratio,
		       100.0 * y->review_architecture_share_ratio);
	}
	return ECAP_OK;
}

static int
usage(void)
{
	fprintf(stderr, "usage: ecap-plan [--model guide|ecap-1] "
		"[--policy FILE] [--print-policy]\n");
	return EXIT_FAILURE;
}

int
main(int argc, char **argv)
{
	struct ecap_error err;
	ecap_policy *policy = NULL;
	char *json = NULL;
	int i, rc, print_policy = 0;

	ECAP_STRUCT_INIT(&err);
	if ((rc = ecap_policy_new(&policy, &err)) != ECAP_OK)
		return fail("policy", rc, &err), EXIT_FAILURE;
	for (i = 1; i < argc && rc == ECAP_OK; i++) {
		if (strcmp(argv[i], "--model") == 0 && i + 1 < argc)
			rc = ecap_policy_set_string(policy, "model", argv[++i],
						    &err);
		else if (strcmp(argv[i], "--policy") == 0 && i + 1 < argc)
			rc = ecap_policy_load_file(policy, argv[++i], &err);
		else if (strcmp(argv[i], "--print-policy") == 0)
			print_policy = 1;
		else {
			ecap_policy_free(&policy);
			return usage();
		}
	}
	if (rc != ECAP_OK) {
		fail("options", rc, &err);
		goto out;
	}
	printf("libecaptune %s, model %s\n\n", ecap_version_string(),
	       ecap_model_to_string(ecap_policy_model(policy)));
	if (print_policy) {
		if ((rc = ecap_policy_dump_json(policy, &json, &err)) != ECAP_OK)
			goto out;
		printf("%s\n", json);
		ecap_free(json);
	}
	if ((rc = plan_partitions(policy, &err)) != ECAP_OK ||
	    (rc = plan_join(policy, &err)) != ECAP_OK ||
	    (rc = plan_cache(policy, &err)) != ECAP_OK ||
	    (rc = plan_executors(policy, &err)) != ECAP_OK ||
	    (rc = plan_capacity(policy, &err)) != ECAP_OK ||
	    (rc = plan_projection(policy, &err)) != ECAP_OK ||
	    (rc = plan_montecarlo(policy, &err)) != ECAP_OK)
		goto out;
out:
	ecap_policy_free(&policy);
	return rc == ECAP_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}
