/* SPDX-License-Identifier: MIT */
/*
 * inputs.c - the workload inputs: one table serves the command-line
 * options (--daily-data 250GB) and the workload file's members
 * ("daily-data": "250GB"), so both spell and check a value the same way.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "ecaptune-cli.h"
#include "human-size.h"

#define W(field) offsetof(struct workload, field)

const struct input_spec cli_inputs[] = {
	{ "daily-data", IN_SIZE, W(daily_data_bytes),
	  "data processed a day (250GB)",
	  NULL },
	{ "window", IN_HOURS, W(window_hours),
	  "processing window (8h; 0 = policy)",
	  "policy executor.processing_window_hours" },
	{ "node", IN_NAME, W(node),
	  "EC2 node type from the spark-node catalog (r5.4xlarge)",
	  "the cheapest that meets the window" },
	{ "platform", IN_PLATFORM, W(platform),
	  "yarn, emr, kubernetes, kubernetes-non-jvm or default",
	  NULL },
	{ "executor-cores", IN_COUNT, W(executor_cores),
	  "cores per executor (0 = policy)",
	  "policy executor.cores" },
	{ "max-executors", IN_COUNT, W(max_executors),
	  "most executors (0 = policy)",
	  "policy executor.max_executors" },
	{ "runs-per-day", IN_COUNT, W(runs_per_day),
	  "runs a day sharing the daily data",
	  "one run a day" },
	{ "data-size", IN_SIZE, W(data_size_bytes),
	  "DataFrame to partition (0 = the daily data)",
	  "the daily data" },
	{ "current-partitions", IN_COUNT, W(current_partitions),
	  "its partitions now (0 = unknown)",
	  "unknown" },
	{ "total-cores", IN_COUNT, W(total_cores),
	  "executor cores of the cluster (0 = the advised executors')",
	  "the advised executors' cores" },
	{ "join-type", IN_JOIN_TYPE, W(join_type),
	  "inner, left_outer, ... (Spark's names)",
	  NULL },
	{ "left-size", IN_SIZE, W(left_size_bytes),
	  "large join side (0 = the DataFrame)",
	  "the DataFrame" },
	{ "right-size", IN_SIZE, W(right_size_bytes),
	  "small join side",
	  NULL },
	{ "right-rows", IN_COUNT, W(right_rows),
	  "rows of the small side (0 = unknown)",
	  "unknown" },
	{ "cache-size", IN_SIZE, W(cache_size_bytes),
	  "data to cache: its Parquet/ORC size, serialized for RDDs",
	  NULL },
	{ "cache-partitions", IN_COUNT, W(cache_partitions),
	  "its partitions",
	  NULL },
	{ "cache-reuse", IN_COUNT, W(cache_reuse),
	  "times it is used",
	  NULL },
	{ "cache-columnar-size", IN_SIZE, W(cache_columnar_bytes),
	  "its measured in-memory columnar size (Spark UI)",
	  "estimated from --cache-size" },
	{ "cache-shuffled", IN_COUNT, W(cache_shuffled),
	  "1: computed through a shuffle (join, aggregation)",
	  "read from storage" },
	{ "cache-local-disk", IN_SIZE, W(cache_local_disk_bytes),
	  "local disk free for cached blocks, all executors",
	  "unknown, not checked" },
	{ "api", IN_SPARK_API, W(cache_api),
	  "dataset, rdd, pyspark-dataframe or pyspark-rdd",
	  NULL },
	{ "transactions", IN_PER_DAY, W(transactions_per_day),
	  "database transactions (1.5M/day)",
	  NULL },
	{ "retention-days", IN_COUNT, W(retention_days),
	  "days the database keeps (0 = policy)",
	  "policy database.retention_days" },
	{ "db-workload", IN_DB_WORKLOAD, W(db_workload),
	  "PGTune workload: web, oltp, dw, desktop or mixed",
	  "policy database.workload" },
	{ "db-storage", IN_DB_STORAGE, W(db_storage),
	  "database storage: ssd, hdd, san or nvme",
	  "policy database.storage_type" },
	{ "max-connections", IN_COUNT, W(max_connections),
	  "PostgreSQL max_connections",
	  "PGTune's for the workload" },
	{ "postgres-version", IN_COUNT, W(postgres_version),
	  "PostgreSQL major version",
	  "policy database.postgres_version" },
	{ "app-instances", IN_COUNT, W(app_instances),
	  "application instances with a connection pool each",
	  "policy database.app_instance_count" },
	{ "events", IN_PER_SECOND, W(events_per_second),
	  "Kafka events (20k/s; 0 = transactions)",
	  "transactions / 86400" },
	{ "kafka-retention", IN_HOURS, W(kafka_retention_hours),
	  "Kafka retention (7d; 0 = policy)",
	  "policy kafka.retention_hours" },
	{ "kafka-broker", IN_NAME, W(kafka_broker),
	  "MSK broker size from the kafka-broker catalog",
	  "the cheapest that fits" },
	{ "years", IN_COUNT, W(years),
	  "years to project",
	  NULL },
	{ "scenario", IN_NAME, W(scenario),
	  "growth scenario (\"\" = policy)",
	  "policy growth.default_scenario" },
	{ "paths", IN_COUNT, W(paths),
	  "Monte Carlo paths (0 = deterministic projection)",
	  "no Monte Carlo run" },
	{ "growth-sd", IN_NUMBER, W(growth_sd),
	  "standard deviation of the yearly growth (0.1 = 10 points)",
	  "the scenario's" },
	{ "peak-sd", IN_NUMBER, W(peak_sd),
	  "standard deviation of the seasonal peak factor",
	  "the scenario's" },
	{ "seed", IN_COUNT, W(seed),
	  "Monte Carlo seed",
	  NULL },
	{ "parameter-group", IN_NAME, W(parameter_group),
	  "RDS DB parameter group name",
	  NULL },
	{ "topic", IN_NAME, W(topic),
	  "Kafka topic name",
	  NULL },
	{ "app-name", IN_NAME, W(app_name),
	  "Spark application name",
	  NULL },
};
const size_t cli_input_count = sizeof(cli_inputs) / sizeof(cli_inputs[0]);

const struct input_spec *
input_find(const char *name)
{
	size_t i;

	for (i = 0; i < cli_input_count; i++)
		if (strcmp(cli_inputs[i].name, name) == 0)
			return &cli_inputs[i];
	return NULL;
}

static int
set_enum(int32_t *field, const char *text, enum input_kind kind, char *why,
	 size_t n)
{
	struct ecap_error err;
	int rc = ECAP_ERR_UNKNOWN_ENUM;

	ECAP_STRUCT_INIT(&err);
	if (kind == IN_PLATFORM)
		rc = ecap_spark_platform_from_string(text, field, &err);
	else if (kind == IN_JOIN_TYPE)
		rc = ecap_join_type_from_string(text, field, &err);
	else if (kind == IN_DB_WORKLOAD)
		rc = ecap_database_workload_from_string(text, field, &err);
	else if (kind == IN_DB_STORAGE)
		rc = ecap_database_storage_from_string(text, field, &err);
	else
		rc = ecap_spark_api_from_string(text, field, &err);
	if (rc == ECAP_OK)
		return 0;
	snprintf(why, n, "unknown name '%s'", text);
	return -1;
}

int
input_set_text(struct workload *w, const struct input_spec *in,
	       const char *text, char *why, size_t n)
{
	void *field = (char *)w + in->offset;

	switch (in->kind) {
	case IN_SIZE:
		/* 0 (no unit) keeps the "derive it" meaning of 0. */
		if (strcmp(text, "0") == 0) {
			*(int64_t *)field = 0;
			return 0;
		}
		return parse_size(text, field, why, n);
	case IN_HOURS:
		if (strcmp(text, "0") == 0) {
			*(double *)field = 0;
			return 0;
		}
		return parse_duration_hours(text, field, why, n);
	case IN_PER_DAY:
		return parse_rate(text, 86400.0, field, why, n);
	case IN_PER_SECOND:
		return parse_rate(text, 1.0, field, why, n);
	case IN_COUNT:
		return parse_count(text, field, why, n);
	case IN_NUMBER:
		return parse_number(text, field, why, n);
	case IN_NAME:
		/* Every name field is char[64]. */
		if (strlen(text) >= 64) {
			snprintf(why, n, "'%s' is longer than 63 characters",
				 text);
			return -1;
		}
		snprintf(field, 64, "%s", text);
		return 0;
	default:
		return set_enum(field, text, in->kind, why, n);
	}
}

/* Whether the field holds the "not given" zero (or empty name). */
static int
describe_zero(const void *field, enum input_kind kind)
{
	if (kind == IN_SIZE || kind == IN_COUNT)
		return *(const int64_t *)field == 0;
	if (kind == IN_NAME)
		return *(const char *)field == '\0';
	if (kind == IN_DB_WORKLOAD || kind == IN_DB_STORAGE)
		return *(const int32_t *)field == 0;
	return *(const double *)field == 0;
}

void
input_describe(const struct workload *w, const struct input_spec *in,
	       char *buf, size_t n)
{
	const void *field = (const char *)w + in->offset;
	char human[32];
	int64_t i64;
	double d;

	switch (in->kind) {
	case IN_SIZE:
	case IN_COUNT:
	case IN_HOURS:
	case IN_PER_DAY:
	case IN_PER_SECOND:
	case IN_NUMBER:
	case IN_NAME:
	case IN_DB_WORKLOAD:
	case IN_DB_STORAGE:
		if (in->zero != NULL && describe_zero(field, in->kind)) {
			snprintf(buf, n, "%s (%s)",
				 in->kind == IN_NAME ? "\"\"" : "0", in->zero);
			return;
		}
		break;
	default:
		break;
	}
	switch (in->kind) {
	case IN_SIZE:
		i64 = *(const int64_t *)field;
		human_bytes((double)i64, human, sizeof(human));
		snprintf(buf, n, "%lld bytes (%s)", (long long)i64, human);
		break;
	case IN_HOURS:
		d = *(const double *)field;
		snprintf(buf, n, "%.6g hours", d);
		break;
	case IN_PER_DAY:
		d = *(const double *)field;
		snprintf(buf, n, "%.10g a day (%s a second)", d,
			 ecap__explain_number(human, d / 86400));
		break;
	case IN_PER_SECOND:
		d = *(const double *)field;
		snprintf(buf, n, "%.10g a second (%.10g a day)", d, d * 86400);
		break;
	case IN_NUMBER:
		snprintf(buf, n, "%.10g", *(const double *)field);
		break;
	case IN_COUNT:
		snprintf(buf, n, "%lld", (long long)*(const int64_t *)field);
		break;
	case IN_NAME:
		snprintf(buf, n, "%s", (const char *)field);
		break;
	case IN_PLATFORM:
		snprintf(buf, n, "%s", ecap_spark_platform_to_string(
					       *(const int32_t *)field));
		break;
	case IN_JOIN_TYPE:
		snprintf(buf, n, "%s",
			 ecap_join_type_to_string(*(const int32_t *)field));
		break;
	case IN_SPARK_API:
		snprintf(buf, n, "%s",
			 ecap_spark_api_to_string(*(const int32_t *)field));
		break;
	case IN_DB_WORKLOAD:
		snprintf(buf, n, "%s", ecap_database_workload_to_string(
					       *(const int32_t *)field));
		break;
	case IN_DB_STORAGE:
		snprintf(buf, n, "%s", ecap_database_storage_to_string(
					       *(const int32_t *)field));
		break;
	}
}
