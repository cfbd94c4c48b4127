/* SPDX-License-Identifier: MIT */
/*
 * ecaptune-cli.h - the ecaptune command's internal interface: the workload,
 * the plan (the library's advice for it), and one renderer per format.
 *
 * The command only calls the public API of libecaptune: every number it
 * prints is the library's, every sentence comes from the library's
 * explanations (cli/explain.c), every property from its renderers.
 */
#ifndef ECAPTUNE_CLI_H
#define ECAPTUNE_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <ecaptune.h>

/* Exit codes (ecaptune(1), EXIT STATUS). */
enum cli_exit {
	CLI_EXIT_ADVICE = 0,	/* advice written */
	CLI_EXIT_FLAGGED = 1,	/* advice written; a --fail-on flag is set */
	CLI_EXIT_USAGE = 2,	/* bad command line */
	CLI_EXIT_INPUT = 3,	/* bad workload, policy or advice input */
};

enum cli_command {
	CMD_PLAN, CMD_PARTITIONS, CMD_JOIN, CMD_CACHE, CMD_EXECUTORS,
	CMD_DATABASE, CMD_KAFKA, CMD_PROJECT, CMD_POLICY,
};

enum cli_format {
	FMT_TEXT, FMT_JSON, FMT_SPARK_SUBMIT, FMT_SPARK_DEFAULTS, FMT_EMR,
	FMT_K8S, FMT_PYSPARK, FMT_POSTGRESQL, FMT_RDS, FMT_KAFKA, FMT_CSV,
};

/* Sections of a plan: which advisors a subcommand runs. */
enum cli_section {
	SEC_PARTITIONS = 1 << 0,
	SEC_JOIN = 1 << 1,
	SEC_CACHE = 1 << 2,
	SEC_EXECUTORS = 1 << 3,
	SEC_DATABASE = 1 << 4,
	SEC_KAFKA = 1 << 5,
	SEC_PROJECTION = 1 << 6,
};

/* Conditions a caller may ask to treat as failure (--fail-on). */
enum cli_flag {
	FLAG_WINDOW_MISSED = 1 << 0,	/* executors miss the window */
	FLAG_MEMORY_SHORT = 1 << 1,	/* executors hold less than needed */
	FLAG_EXECUTORS_CAPPED = 1 << 2,	/* --max-executors held the count */
	FLAG_DATABASE_NO_FIT = 1 << 3,	/* no one instance holds the memory */
	FLAG_JOIN_WARNING = 1 << 4,	/* Spark's plan carries a warning */
	FLAG_CACHE_LEVEL_MISSING = 1 << 5, /* the API lacks the level */
	FLAG_PARTITION_NOOP = 1 << 6,	/* the coalesce does nothing */
	FLAG_KAFKA_QUOTA = 1 << 7,	/* more brokers than the quota */
	FLAG_SPILL_RISK = 1 << 8,	/* a task's partition exceeds its memory */
	FLAG_DATABASE_LIMIT = 1 << 9,	/* a database limit is reached */
	/* more executors than the policy's executor.max_executors (a soft
	 * budget: nothing was capped) */
	FLAG_EXECUTORS_OVER_POLICY = 1 << 10,
	FLAG_ALL = (1 << 11) - 1,
};
const char *cli_flag_name(unsigned flag);
int cli_flags_parse(const char *list, unsigned *flags);

/* What the advisors are asked about; every size in bytes. */
struct workload {
	/* Spark batch */
	int64_t daily_data_bytes;
	double window_hours;
	char node[64];
	int32_t platform;
	int32_t cache_api;
	int64_t executor_cores;
	int64_t max_executors;
	int64_t runs_per_day;		/* 0 = 1 */
	/* partitions: one DataFrame (0 = the daily data) */
	int64_t data_size_bytes;
	int64_t current_partitions;
	int64_t total_cores;		/* 0 = the advised executors' cores */
	/* join: left (large) and right (small) side */
	int32_t join_type;
	int64_t left_size_bytes;	/* 0 = the DataFrame above */
	int64_t right_size_bytes;
	int64_t right_rows;
	/* cache */
	int64_t cache_size_bytes;	/* storage format; RDD: serialized */
	int64_t cache_columnar_bytes;	/* measured; 0 = estimate */
	int64_t cache_shuffled;		/* 1 = computed through a shuffle */
	int64_t cache_local_disk_bytes;	/* 0 = unknown */
	int64_t cache_partitions;
	int64_t cache_reuse;
	/* database */
	double transactions_per_day;
	int64_t retention_days;		/* 0 = policy */
	int32_t db_workload;		/* 0 = policy */
	int32_t db_storage;		/* 0 = policy */
	int64_t max_connections;	/* 0 = PGTune's */
	int64_t postgres_version;	/* 0 = policy */
	int64_t app_instances;		/* 0 = policy */
	/* kafka (0 = transactions / 86400) */
	double events_per_second;
	double kafka_retention_hours;	/* 0 = policy */
	char kafka_broker[64];		/* "" = the cheapest that fits */
	/* projection */
	int64_t years;
	char scenario[64];
	int64_t paths;			/* 0 = deterministic projection */
	double growth_sd;		/* 0 = the scenario's spread */
	double peak_sd;
	int64_t seed;
	/* output details */
	char parameter_group[64];	/* rds */
	char topic[64];		/* kafka */
	char app_name[64];		/* k8s, pyspark */
};

/* The built-in default workload (cli/workload.c). */
void workload_default(struct workload *w);
/* Applies a workload JSON file; exit code and message on error. */
int workload_load_file(struct workload *w, const char *path);

/* Units people type (cli/units.c); 0 or -1 with a reason in why[]. */
int parse_size(const char *s, int64_t *bytes, char *why, size_t n);
int parse_duration_hours(const char *s, double *hours, char *why, size_t n);
int parse_rate(const char *s, double per_seconds, double *rate, char *why,
	       size_t n);
int parse_count(const char *s, int64_t *count, char *why, size_t n);
int parse_number(const char *s, double *v, char *why, size_t n);

/*
 * One workload input: its option and JSON member name, how its value is
 * spelt, and where it goes (cli/inputs.c).
 */
enum input_kind {
	IN_SIZE, IN_HOURS, IN_PER_DAY, IN_PER_SECOND, IN_NUMBER, IN_COUNT,
	IN_NAME,
	IN_PLATFORM, IN_JOIN_TYPE, IN_SPARK_API, IN_DB_WORKLOAD, IN_DB_STORAGE,
};
struct input_spec {
	const char *name;
	enum input_kind kind;
	size_t offset;
	const char *help;
	/* What 0 (or "") means, or NULL when it means zero. */
	const char *zero;
};
extern const struct input_spec cli_inputs[];
extern const size_t cli_input_count;
const struct input_spec *input_find(const char *name);
/* Parses text into the workload field; 0 or -1 with why[] filled. */
int input_set_text(struct workload *w, const struct input_spec *in,
		   const char *text, char *why, size_t n);
/* Writes the parsed value for people: "268435456000 bytes (250 GiB)". */
void input_describe(const struct workload *w, const struct input_spec *in,
		    char *buf, size_t n);

/* The library's advice for a workload (cli/advise.c). */
struct plan {
	enum cli_command command;
	unsigned sections;
	unsigned flags;
	/* The Spark flags of the projected years (window-missed,
	 * executors-capped): --fail-on and the JSON flags count them;
	 * today's sections mark only flags. */
	unsigned year_flags;
	struct workload w;
	const ecap_policy *policy;
	int have_node;
	struct ecap_catalog_entry node;
	struct ecap_partition_in part_in;
	struct ecap_partition_out part;
	/* A capped partition's execution memory need, as the executors
	 * count a target-size one's (0 = not capped past the target). */
	uint64_t part_task_need_bytes;
	struct ecap_join_in join_in;
	struct ecap_join_out join;
	struct ecap_cache_in cache_in;
	struct ecap_cache_out cache;
	struct ecap_executor_in exec_in;
	struct ecap_executor_out exec;
	struct ecap_database_in db_in;
	struct ecap_database_out db;
	struct ecap_kafka_in kafka_in;
	struct ecap_kafka_out kafka;
	double kafka_retention_hours;	/* the retention used */
	size_t year_count;
	struct ecap_projection_year years[ECAP_PROJECTION_MAX_YEARS];
	size_t mc_count;
	struct ecap_projection_montecarlo_year mc[ECAP_PROJECTION_MAX_YEARS];
	double mc_seconds;		/* wall time of the Monte Carlo run */
};
/* Runs the advisors of p->sections; exit code (message printed). */
int plan_run(struct plan *p, bool progress);
/* Gives the projection's scenario the workload's spreads, if any. */
int scenario_spread(ecap_policy *policy, const struct workload *w);
/* The projection part of plan_run (cli/project.c). */
int project_run(struct plan *p, bool progress, struct ecap_error *err);

/* Reason sentences, from the library (cli/explain.c). */
void explain_partition(const struct plan *p, char *buf, size_t n);
void explain_join(const struct plan *p, char *buf, size_t n);
/* The warnings of the recommended plan ("" when none). */
void explain_join_warnings(const struct plan *p, char *buf, size_t n);
void explain_cache(const struct plan *p, char *buf, size_t n);
void explain_executors(const struct plan *p, char *buf, size_t n);
void explain_database(const struct plan *p, char *buf, size_t n);
void explain_kafka(const struct plan *p, char *buf, size_t n);
void explain_year(const struct plan *p, size_t i, char *buf, size_t n);
/* Reason names ("throughput", "smallest-fit"); never NULL. */
const char *reason_name_partition(int32_t reason);
const char *reason_name_join(int32_t reason);
const char *reason_name_executor(int32_t reason);
const char *reason_name_cache(int32_t reason);
const char *reason_name_database(int32_t reason);
const char *reason_name_kafka(int32_t reason);

/* ecaptune policy dump | keys | check FILE (cli/policy.c). */
int policy_command(FILE *f, ecap_policy *policy, char *const *operands,
		   int count);

/*
 * Spark properties of a plan (partition and executor renderers, merged
 * without repeating a key); returns the count or -1 (message printed).
 */
#define CLI_MAX_PROPS 64
int spark_props(const struct plan *p, struct ecap_property *props);
/* PostgreSQL parameters of a plan; count or -1. */
int database_props(const struct plan *p, struct ecap_property *props);
/* Its RDS parameter group (64 entries suffice); count or -1. */
int rds_params(const struct plan *p,
	       struct ecap_database_rds_parameter *params);

/* Renderers: 0, or an exit code when writing failed. */
int render_text(FILE *f, const struct plan *p);
int render_json(FILE *f, const struct plan *p);
int render_spark_submit(FILE *f, const struct plan *p);
int render_spark_defaults(FILE *f, const struct plan *p);
int render_emr(FILE *f, const struct plan *p);
int render_k8s(FILE *f, const struct plan *p);
int render_pyspark(FILE *f, const struct plan *p);
int render_postgresql(FILE *f, const struct plan *p);
int render_rds(FILE *f, const struct plan *p);
int render_kafka(FILE *f, const struct plan *p);
int render_csv(FILE *f, const struct plan *p);
int render_chart_svg(FILE *f, const struct plan *p);

/* Writes a jansson document's shortest text and a newline to f, and
 * releases the document; 0 or an exit code. */
int print_json(FILE *f, void *json_root);
/* Writes s double-quoted, '"' and '\\' escaped: a Python string literal
 * and a YAML double-quoted scalar alike (the values are printable ASCII). */
void print_quoted(FILE *f, const char *s);

/* "ecaptune: " + message on stderr; returns code. */
int cli_error(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Reports a library error with its field; returns CLI_EXIT_INPUT. */
int cli_lib_error(const char *what, int rc, const struct ecap_error *err);

/* Formats for people: "250 GiB", "512 MiB", "12.3 GiB" (three digits,
 * lib/human-size.c). */
void human_bytes(double bytes, char *buf, size_t n);

#endif /* ECAPTUNE_CLI_H */
