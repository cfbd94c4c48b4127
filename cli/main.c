/* SPDX-License-Identifier: MIT */
/*
 * main.c - ecaptune(1): subcommands, global options, exit codes.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecaptune-cli.h"

static const struct {
	const char *name;
	enum cli_command command;
	unsigned sections;
	const char *summary;
} commands[] = {
	{ "plan", CMD_PLAN, SEC_PARTITIONS | SEC_JOIN | SEC_CACHE |
	  SEC_EXECUTORS | SEC_DATABASE | SEC_KAFKA | SEC_PROJECTION,
	  "every advisor on the workload" },
	{ "partitions", CMD_PARTITIONS, SEC_PARTITIONS,
	  "partition count and the Spark properties for it" },
	{ "join", CMD_JOIN, SEC_JOIN, "the join Spark picks and the hint to write" },
	{ "cache", CMD_CACHE, SEC_CACHE, "the storage level to persist with" },
	{ "executors", CMD_EXECUTORS, SEC_EXECUTORS,
	  "executor count, size, nodes and cost" },
	{ "database", CMD_DATABASE, SEC_DATABASE,
	  "PostgreSQL instance class and parameters" },
	{ "kafka", CMD_KAFKA, SEC_KAFKA, "Kafka partitions, brokers, storage" },
	{ "project", CMD_PROJECT, SEC_PROJECTION,
	  "growth projection (Monte Carlo with --paths)" },
	{ "policy", CMD_POLICY, 0, "dump, keys, check FILE: the policy" },
};
#define COMMAND_COUNT (sizeof(commands) / sizeof(commands[0]))

static const struct {
	const char *name;
	enum cli_format format;
	int (*render)(FILE *, const struct plan *);
	unsigned needs;		/* sections one of which it renders */
} formats[] = {
	{ "text", FMT_TEXT, render_text, 0 },
	{ "json", FMT_JSON, render_json, 0 },
	{ "spark-submit", FMT_SPARK_SUBMIT, render_spark_submit,
	  SEC_PARTITIONS | SEC_EXECUTORS },
	{ "spark-defaults", FMT_SPARK_DEFAULTS, render_spark_defaults,
	  SEC_PARTITIONS | SEC_EXECUTORS },
	{ "emr", FMT_EMR, render_emr, SEC_EXECUTORS },
	{ "k8s", FMT_K8S, render_k8s, SEC_EXECUTORS },
	{ "pyspark", FMT_PYSPARK, render_pyspark,
	  SEC_PARTITIONS | SEC_EXECUTORS },
	{ "postgresql", FMT_POSTGRESQL, render_postgresql, SEC_DATABASE },
	{ "rds", FMT_RDS, render_rds, SEC_DATABASE },
	{ "kafka", FMT_KAFKA, render_kafka, SEC_KAFKA },
	{ "csv", FMT_CSV, render_csv, SEC_PROJECTION },
};
#define FORMAT_COUNT (sizeof(formats) / sizeof(formats[0]))

static const char *const flag_names[] = {
	"window-missed", "memory-short", "executors-capped",
	"database-no-fit", "join-warning", "cache-level-missing",
	"partition-noop", "kafka-quota-exceeded", "spill-risk",
	"database-limit", "executors-over-policy",
};
#define FLAG_COUNT (sizeof(flag_names) / sizeof(flag_names[0]))
_Static_assert(FLAG_ALL == (1u << FLAG_COUNT) - 1,
	       "one name for each flag of enum cli_flag");

/* Global options; the workload options follow them, from cli_inputs. */
enum {
	OPT_FORMAT = 'f', OPT_HELP = 'h', OPT_MODEL = 'm', OPT_OUTPUT = 'o',
	OPT_POLICY = 'p', OPT_VERSION = 'V', OPT_WORKLOAD = 'w',
	OPT_CHART = 256, OPT_FAIL_ON, OPT_INPUT_BASE = 512,
};
static const struct option global_options[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "model", required_argument, NULL, OPT_MODEL },
	{ "output", required_argument, NULL, OPT_OUTPUT },
	{ "policy", required_argument, NULL, OPT_POLICY },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "workload", required_argument, NULL, OPT_WORKLOAD },
	{ "chart", required_argument, NULL, OPT_CHART },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
};
#define GLOBAL_COUNT (sizeof(global_options) / sizeof(global_options[0]))

/* What the command line asked for. */
struct args {
	int command;		/* index in commands[], -1 = none */
	int format;		/* index in formats[] */
	const char *model, *policy_file, *workload_file, *output, *chart;
	unsigned fail_on;
	int help, version;
	/* workload options in order: applied after the workload file */
	const char *input_text[64];
	int input_index[64];
	int input_count;
	char *const *rest;	/* operands after the options */
	int rest_count;
};

int
cli_error(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("ecaptune: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

/* The option that feeds a library input field, for error messages. */
static const char *
field_option(const char *field)
{
	static const char *const map[][2] = {
		{ "daily_data_gb", "--daily-data" },
		{ "node_type", "--node" },
		{ "runs_per_day_count", "--runs-per-day" },
		{ "processing_window_hours", "--window" },
		{ "executor_core_count", "--executor-cores" },
		{ "max_executor_count", "--max-executors" },
		{ "platform", "--platform" },
		{ "data_size_bytes", "--data-size" },
		{ "current_partition_count", "--current-partitions" },
		{ "total_executor_cores", "--total-cores" },
		{ "join_type", "--join-type" },
		{ "left_size_bytes", "--left-size" },
		{ "right_size_bytes", "--right-size" },
		{ "right_row_count", "--right-rows" },
		{ "serialized_size_bytes", "--cache-size" },
		{ "storage_format_size_bytes", "--cache-size" },
		{ "columnar_size_bytes", "--cache-columnar-size" },
		{ "computed_with_shuffle", "--cache-shuffled" },
		{ "local_disk_bytes", "--cache-local-disk" },
		{ "partition_count", "--cache-partitions" },
		{ "reuse_count", "--cache-reuse" },
		{ "api", "--api" },
		{ "transactions_per_day", "--transactions" },
		{ "retention_days", "--retention-days" },
		{ "workload", "--db-workload" },
		{ "storage_type", "--db-storage" },
		{ "max_connections_count", "--max-connections" },
		{ "postgres_version", "--postgres-version" },
		{ "app_instance_count", "--app-instances" },
		{ "database_retention_days", "--retention-days" },
		{ "database_app_instance_count", "--app-instances" },
		{ "events_per_second", "--events" },
		{ "retention_hours", "--kafka-retention" },
		{ "current_daily_transactions", "--transactions" },
		{ "years", "--years" },
		{ "scenario", "--scenario" },
		{ "paths_count", "--paths" },
		{ "yearly_growth_sd_ratio", "--growth-sd" },
		{ "seasonal_peak_sd_factor", "--peak-sd" },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i][0], field) == 0)
			return map[i][1];
	return NULL;
}

int
cli_lib_error(const char *what, int rc, const struct ecap_error *err)
{
	const char *option = field_option(err->field);

	if (option != NULL)
		return cli_error(CLI_EXIT_INPUT, "%s: %s (%s): %s", option,
				 what, err->field, err->message);
	if (err->field[0] != '\0' && err->line > 0)
		return cli_error(CLI_EXIT_INPUT, "%s: line %d: %s: %s", what,
				 err->line, err->field, err->message);
	if (err->field[0] != '\0')
		return cli_error(CLI_EXIT_INPUT, "%s: %s: %s", what, err->field,
				 err->message[0] ? err->message
						 : ecap_strerror(rc));
	return cli_error(CLI_EXIT_INPUT, "%s: %s", what,
			 err->message[0] ? err->message : ecap_strerror(rc));
}

const char *
cli_flag_name(unsigned flag)
{
	size_t i;

	for (i = 0; i < FLAG_COUNT; i++)
		if (flag == 1u << i)
			return flag_names[i];
	return "?";
}

int
cli_flags_parse(const char *list, unsigned *flags)
{
	char buf[256], *tok, *save = NULL;
	size_t i;

	*flags = 0;
	snprintf(buf, sizeof(buf), "%s", list);
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		if (strcmp(tok, "any") == 0) {
			*flags |= FLAG_ALL;
			continue;
		}
		for (i = 0; i < FLAG_COUNT; i++)
			if (strcmp(tok, flag_names[i]) == 0)
				break;
		if (i == FLAG_COUNT)
			return cli_error(CLI_EXIT_USAGE, "--fail-on: unknown "
					 "flag '%s'", tok);
		*flags |= 1u << i;
	}
	return 0;
}

static void
usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: ecaptune COMMAND [options]\n"
		"       ecaptune policy dump|keys|check FILE\n"
		"       ecaptune --help | --version\n\ncommands:\n");
	for (i = 0; i < COMMAND_COUNT; i++)
		fprintf(f, "  %-12s %s\n", commands[i].name,
			commands[i].summary);
	fprintf(f, "\noptions:\n"
		"  -f, --format FMT     text (default), json, spark-submit, "
		"spark-defaults,\n"
		"                       emr, k8s, pyspark, postgresql, rds, "
		"kafka, csv\n"
		"  -o, --output FILE    write there instead of stdout\n"
		"  -w, --workload FILE  workload JSON (members: the options "
		"below)\n"
		"  -p, --policy FILE    policy JSON (ecaptune policy dump)\n"
		"  -m, --model NAME     guide or ecap-1\n"
		"      --chart FILE     project: SVG fan chart of the costs\n"
		"      --fail-on LIST   exit 1 when one of these flags is set: "
		"any,\n"
		"                       ");
	for (i = 0; i < FLAG_COUNT; i++)
		fprintf(f, "%s%s", flag_names[i], i + 1 < FLAG_COUNT ?
			(i % 3 == 2 ? ",\n                       " : ",") : "\n");
	fprintf(f, "\nworkload options (sizes binary: 1GB = 2^30 bytes):\n");
	for (i = 0; i < cli_input_count; i++)
		fprintf(f, "  --%-19s %s\n", cli_inputs[i].name,
			cli_inputs[i].help);
	fprintf(f, "\nexit status: 0 advice, 1 advice with a --fail-on flag, "
		"2 usage, 3 input error\n");
}

static int
find_format(const char *name)
{
	size_t i;

	for (i = 0; i < FORMAT_COUNT; i++)
		if (strcmp(formats[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int
parse_args(int argc, char **argv, struct args *a)
{
	struct option longopts[GLOBAL_COUNT + 64 + 1];
	size_t i;
	int c, rc;

	memset(a, 0, sizeof(*a));
	a->command = -1;
	memcpy(longopts, global_options, sizeof(global_options));
	for (i = 0; i < cli_input_count; i++)
		longopts[GLOBAL_COUNT + i] = (struct option){
			cli_inputs[i].name, required_argument, NULL,
			OPT_INPUT_BASE + (int)i };
	memset(&longopts[GLOBAL_COUNT + cli_input_count], 0,
	       sizeof(longopts[0]));
	if (argc > 1 && argv[1][0] != '-') {
		for (i = 0; i < COMMAND_COUNT; i++)
			if (strcmp(commands[i].name, argv[1]) == 0)
				a->command = (int)i;
		if (a->command < 0)
			return cli_error(CLI_EXIT_USAGE, "unknown command '%s' "
					 "(ecaptune --help lists them)",
					 argv[1]);
		argc--;
		argv++;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:hm:o:p:Vw:", longopts,
				NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			if ((a->format = find_format(optarg)) < 0)
				return cli_error(CLI_EXIT_USAGE, "--format: "
						 "unknown format '%s'", optarg);
			break;
		case OPT_HELP: a->help = 1; break;
		case OPT_VERSION: a->version = 1; break;
		case OPT_MODEL: a->model = optarg; break;
		case OPT_OUTPUT: a->output = optarg; break;
		case OPT_POLICY: a->policy_file = optarg; break;
		case OPT_WORKLOAD: a->workload_file = optarg; break;
		case OPT_CHART: a->chart = optarg; break;
		case OPT_FAIL_ON:
			if ((rc = cli_flags_parse(optarg, &a->fail_on)) != 0)
				return rc;
			break;
		case ':':
			return cli_error(CLI_EXIT_USAGE, "%s needs a value",
					 argv[optind - 1]);
		case '?':
			return cli_error(CLI_EXIT_USAGE, "unknown option '%s' "
					 "(ecaptune --help lists them)",
					 argv[optind - 1]);
		default:
			if (a->input_count == 64)
				return cli_error(CLI_EXIT_USAGE,
						 "too many options");
			a->input_index[a->input_count] = c - OPT_INPUT_BASE;
			a->input_text[a->input_count++] = optarg;
		}
	}
	a->rest = argv + optind;
	a->rest_count = argc - optind;
	return 0;
}

/* Defaults, then the workload file, then the options. */
static int
build_workload(const struct args *a, struct workload *w)
{
	const struct input_spec *in;
	char why[256];
	int i, rc;

	workload_default(w);
	if (a->workload_file != NULL &&
	    (rc = workload_load_file(w, a->workload_file)) != 0)
		return rc;
	for (i = 0; i < a->input_count; i++) {
		in = &cli_inputs[a->input_index[i]];
		if (input_set_text(w, in, a->input_text[i], why, sizeof(why)))
			return cli_error(CLI_EXIT_USAGE, "--%s: %s", in->name,
					 why);
	}
	return 0;
}

static int
load_policy(const struct args *a, ecap_policy **policy)
{
	struct ecap_error err;
	int rc;

	ECAP_STRUCT_INIT(&err);
	if ((rc = ecap_policy_new(policy, &err)) != ECAP_OK)
		return cli_lib_error("policy", rc, &err);
	if (a->policy_file != NULL &&
	    (rc = ecap_policy_load_file(*policy, a->policy_file, &err)) !=
		    ECAP_OK) {
		if (err.line > 0)
			return cli_error(CLI_EXIT_INPUT, "%s:%d:%d: %s: %s",
					 a->policy_file, err.line, err.column,
					 err.field[0] ? err.field : "policy",
					 err.message);
		return cli_error(CLI_EXIT_INPUT, "%s: %s", a->policy_file,
				 err.message);
	}
	if (a->model != NULL &&
	    (rc = ecap_policy_set_string(*policy, "model", a->model, &err)) !=
		    ECAP_OK)
		return cli_error(CLI_EXIT_USAGE, "--model: unknown model '%s' "
				 "(guide or ecap-1)", a->model);
	return 0;
}

/* Opens --output (or stdout) and renders; closes and checks the write. */
static int
write_output(const char *path, int (*render)(FILE *, const struct plan *),
	     const struct plan *p)
{
	FILE *f = path == NULL ? stdout : fopen(path, "w");
	int rc;

	if (f == NULL)
		return cli_error(CLI_EXIT_INPUT, "%s: %s", path,
				 strerror(errno));
	rc = render(f, p);
	if (fflush(f) != 0 || ferror(f))
		rc = cli_error(CLI_EXIT_INPUT, "%s: write error: %s",
			       path ? path : "stdout", strerror(errno));
	if (f != stdout && fclose(f) != 0 && rc == 0)
		rc = cli_error(CLI_EXIT_INPUT, "%s: %s", path, strerror(errno));
	return rc;
}

static int
run_advice(const struct args *a, ecap_policy *policy, struct plan *p)
{
	struct ecap_error err;
	int rc;

	ECAP_STRUCT_INIT(&err);

	if (a->rest_count > 0)
		return cli_error(CLI_EXIT_USAGE, "%s takes no operand ('%s')",
				 commands[a->command].name, a->rest[0]);
	if (formats[a->format].needs != 0 &&
	    !(formats[a->format].needs & commands[a->command].sections))
		return cli_error(CLI_EXIT_USAGE, "--format %s does not apply "
				 "to %s", formats[a->format].name,
				 commands[a->command].name);
	if (a->chart != NULL && commands[a->command].command != CMD_PROJECT)
		return cli_error(CLI_EXIT_USAGE, "--chart applies to project");
	if ((rc = build_workload(a, &p->w)) != 0 ||
	    (rc = scenario_spread(policy, &p->w)) != 0)
		return rc;
	/* A fan chart needs the Monte Carlo run: the policy's paths. */
	if (a->chart != NULL && p->w.paths == 0 &&
	    (rc = ecap_policy_get_int64(policy, "growth.montecarlo_paths",
					&p->w.paths, &err)) != ECAP_OK)
		return cli_lib_error("growth.montecarlo_paths", rc, &err);
	p->command = commands[a->command].command;
	p->sections = commands[a->command].sections;
	p->policy = policy;
	if ((rc = plan_run(p, true)) != 0)
		return rc;
	if ((rc = write_output(a->output, formats[a->format].render, p)) != 0)
		return rc;
	if (a->chart != NULL &&
	    (rc = write_output(a->chart, render_chart_svg, p)) != 0)
		return rc;
	return ((p->flags | p->year_flags) & a->fail_on) ? CLI_EXIT_FLAGGED :
							    CLI_EXIT_ADVICE;
}

int
main(int argc, char **argv)
{
	static struct plan plan;	/* large: not on the stack */
	ecap_policy *policy = NULL;
	struct args a;
	int rc;

	if ((rc = parse_args(argc, argv, &a)) != 0)
		return rc;
	if (a.help) {
		usage(stdout);
		return fflush(stdout) == 0 ? 0 : CLI_EXIT_INPUT;
	}
	if (a.version) {
		printf("ecaptune %s (libecaptune %s)\n", ECAP_VERSION_STRING,
		       ecap_version_string());
		return 0;
	}
	if (a.command < 0) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if ((rc = load_policy(&a, &policy)) == 0) {
		if (commands[a.command].command == CMD_POLICY)
			rc = policy_command(stdout, policy, a.rest,
					    a.rest_count);
		else
			rc = run_advice(&a, policy, &plan);
	}
	ecap_policy_free(&policy);
	return rc;
}
