/* SPDX-License-Identifier: MIT */
/*
 * test-nomem - every scenario with its Nth allocation failed, for every N,
 * as SQLite's and curl's memory tests do.  The library's allocations (the
 * test build's hook, lib/alloc-testing.h) and jansson's (json_set_alloc_
 * funcs, set here: the library never sets it) share one count.  For each
 * N, once failing only the Nth allocation and once every allocation from
 * the Nth on, a scenario must return ECAP_ERR_NOMEM, free everything,
 * leave its outputs as they were and any policy it was given unchanged;
 * with no failure it must succeed and give the expected result.
 *
 * jansson cannot report two of its failures: its lexer ignores a failed
 * append when it saves a token (src/load.c, lex_save), and a failed
 * allocation of a string token reads as an "invalid token".  The loader
 * catches both (lib/json-check.c), so they need no exception here: the
 * load scenarios include long strings, long numbers and escapes to reach
 * them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "ecaptune.h"
#include "alloc-testing.h"
#include "trim-catalogs.h"

/* ---- jansson through the same hook ---- */

static void *
jansson_malloc(size_t n)
{
	void *p = ecap__alloc_testing_fails() ? NULL : malloc(n);

	if (p != NULL)
		ecap__alloc_testing_track(1);
	return p;
}

static void
jansson_free(void *p)
{
	if (p != NULL)
		ecap__alloc_testing_track(-1);
	free(p);
}

/* ---- scenarios ---- */

#define OUT_MAX 16384

struct ctx {
	ecap_policy *policy;	/* given to the call; must not change */
	ecap_policy *made;	/* a policy the call makes */
	char *json;		/* text the call makes */
	const char *doc;	/* input text */
	char path[64];
	struct ecap_error err;
	/* The call's outputs, compared byte for byte after a failure. */
	union {
		unsigned char bytes[OUT_MAX];
		struct ecap_partition_out partition;
		struct ecap_partition_scan_out scan;
		struct ecap_join_out join;
		struct ecap_cache_out cache;
		struct ecap_executor_out executor;
		struct ecap_database_out database;
		struct ecap_kafka_out kafka;
		struct ecap_spark_memory_regions regions;
		struct ecap_projection_year years[5];
		struct ecap_projection_montecarlo_year mc[5];
		struct ecap_property props[40];
		struct {
			struct ecap_partition_aqe_out out;
			int64_t splits[8];
		} aqe;
	} out;
	unsigned char before[OUT_MAX];	/* out, just before the call */
	/* Inputs some writers take: filled before the loop. */
	struct ecap_projection_year years[5];
	struct ecap_projection_montecarlo_year mc[5];
	struct ecap_executor_out executor;
	struct ecap_database_out database;
	size_t count;
};

static char *long_doc;	/* the dump of a policy with long text */
static const char escaped_doc[] =
	"{\"growth.scenarios\": {\"caf\\u00e9-free_name\": {\"description\": "
	"\"caf\\u00e9 \\\"quoted\\\", a tab\\t, \\ud83d\\ude00 and a long "
	"tail of text\", \"yearly_growth_ratio\": 0.30000000000000004, "
	"\"seasonal_peak_factor\": 2.0000000000000004}},\n"
	"\"kafka.instance_type\": \"kafka.m5.a.rather.long.name\", "
	"\"executor.cores\": 12345678901 }";

/* Records the outputs as the call receives them. */
static struct ctx *
snap(struct ctx *c)
{
	memcpy(c->before, c->out.bytes, OUT_MAX);
	return c;
}

static void
props_init(struct ctx *c)
{
	size_t i;

	for (i = 0; i < 40; i++)
		ECAP_STRUCT_INIT(&c->out.props[i]);
	c->count = 40;
}

static int
run_policy_new(struct ctx *c)
{
	return ecap_policy_new(&c->made, &c->err);
}

static int
run_policy_copy(struct ctx *c)
{
	return ecap_policy_copy(c->policy, &c->made, &c->err);
}

static int
run_load_long(struct ctx *c)
{
	return ecap_policy_load_json(c->policy, long_doc, strlen(long_doc),
				     &c->err);
}

/* The document is invalid (executor.cores out of range) only after it is
 * parsed: until then every failure is memory. */
static int
run_load_escaped(struct ctx *c)
{
	int rc = ecap_policy_load_json(c->policy, escaped_doc,
				       sizeof(escaped_doc) - 1, &c->err);

	return rc == ECAP_ERR_RANGE ? ECAP_OK : rc;
}

static int
run_load_file(struct ctx *c)
{
	return ecap_policy_load_file(c->policy, c->path, &c->err);
}

/* A policy with one entry in each catalog and a long string: every kind
 * of text the dump and the loader handle, without repeating each kind
 * hundreds of times (made once, by main). */
static ecap_policy *small;

static int
run_dump(struct ctx *c)
{
	return ecap_policy_dump_json(small, &c->json, &c->err);
}

static int
run_partition(struct ctx *c)
{
	ECAP_OPTS(ecap_partition_in, in, .data_size_bytes = INT64_C(1) << 34);

	ECAP_STRUCT_INIT(&c->out.partition);
	snap(c);
	return ecap_partition_advise(c->policy, &in, &c->out.partition,
				     &c->err);
}

static int
run_scan(struct ctx *c)
{
	static const int64_t files[] = { 1 << 30, 5, 1 << 20, 0, 1 << 27 };
	ECAP_OPTS(ecap_partition_scan_in, in, .file_sizes_bytes = files,
		  .file_count = 5, .total_executor_cores = 4);

	ECAP_STRUCT_INIT(&c->out.scan);
	snap(c);
	return ecap_partition_scan_tasks(c->policy, &in, &c->out.scan,
					 &c->err);
}

static int
run_aqe(struct ctx *c)
{
	static const int64_t sizes[] = { 1 << 20, 1 << 30, 5 << 20, 7, 0,
					 64 << 20 };
	ECAP_OPTS(ecap_partition_aqe_in, in, .partition_sizes_bytes = sizes,
		  .partition_count = 6, .total_executor_cores = 4);
	size_t n = 8;

	ECAP_STRUCT_INIT(&c->out.aqe.out);
	snap(c);
	return ecap_partition_aqe(c->policy, &in, &c->out.aqe.out,
				  c->out.aqe.splits, &n, &c->err);
}

static int
run_partition_props(struct ctx *c)
{
	ECAP_OPTS(ecap_partition_in, in, .data_size_bytes = INT64_C(1) << 34);
	ECAP_OPTS(ecap_partition_out, advice);
	int rc;

	if (ecap_partition_advise(c->policy, &in, &advice, NULL) != ECAP_OK)
		abort();
	props_init(c);
	snap(c);
	rc = ecap_partition_spark_properties(c->policy, &advice, c->out.props,
					     &c->count, &c->err);
	return rc;
}

static int
run_join(struct ctx *c)
{
	ECAP_OPTS(ecap_join_in, in, .left_size_bytes = INT64_C(1) << 40,
		  .right_size_bytes = 10 << 20);

	ECAP_STRUCT_INIT(&c->out.join);
	snap(c);
	return ecap_join_advise(c->policy, &in, &c->out.join, &c->err);
}

static int
run_cache(struct ctx *c)
{
	ECAP_OPTS(ecap_cache_in, in, .deserialized_size_bytes = 1 << 30,
		  .reuse_count = 3, .partition_count = 100,
		  .storage_memory_bytes = UINT64_C(1) << 34,
		  .api = ECAP_SPARK_API_DATASET,
		  .storage_format_size_bytes = UINT64_C(1) << 29);

	ECAP_STRUCT_INIT(&c->out.cache);
	snap(c);
	return ecap_cache_advise(c->policy, &in, &c->out.cache, &c->err);
}

static int
run_executor(struct ctx *c)
{
	ECAP_OPTS(ecap_executor_in, in, .daily_data_gb = 500.0);

	ECAP_STRUCT_INIT(&c->out.executor);
	snap(c);
	return ecap_executor_advise(c->policy, &in, &c->out.executor, &c->err);
}

static int
run_executor_props(struct ctx *c)
{
	props_init(c);
	snap(c);
	return ecap_executor_spark_properties(&c->executor, c->out.props,
					      &c->count, &c->err);
}

static int
run_database(struct ctx *c)
{
	ECAP_OPTS(ecap_database_in, in, .transactions_per_day = 1e7);

	ECAP_STRUCT_INIT(&c->out.database);
	snap(c);
	return ecap_database_advise(c->policy, &in, &c->out.database, &c->err);
}

static int
run_database_props(struct ctx *c)
{
	props_init(c);
	snap(c);
	return ecap_database_properties(&c->database, c->out.props, &c->count,
					&c->err);
}

static int
run_kafka(struct ctx *c)
{
	ECAP_OPTS(ecap_kafka_in, in, .events_per_second = 5000.0);

	ECAP_STRUCT_INIT(&c->out.kafka);
	snap(c);
	return ecap_kafka_advise(c->policy, &in, &c->out.kafka, &c->err);
}

static int
run_projection(struct ctx *c)
{
	ECAP_OPTS(ecap_projection_in, in, .current_daily_transactions = 1e6,
		  .years = 5);
	size_t i;

	for (i = 0; i < 5; i++)
		ECAP_STRUCT_INIT(&c->out.years[i]);
	c->count = 5;
	snap(c);
	return ecap_projection_run(c->policy, &in, c->out.years, &c->count,
				   &c->err);
}

static int
run_montecarlo(struct ctx *c)
{
	ECAP_OPTS(ecap_projection_montecarlo_in, in,
		  .current_daily_transactions = 1e6, .years = 3, .seed = 7,
		  .paths_count = 50);
	size_t i;

	for (i = 0; i < 5; i++)
		ECAP_STRUCT_INIT(&c->out.mc[i]);
	c->count = 5;
	snap(c);
	return ecap_projection_montecarlo(c->policy, &in, c->out.mc, &c->count,
					  &c->err);
}

static int
run_projection_json(struct ctx *c)
{
	return ecap_projection_to_json(c->years, 5, &c->json, &c->err);
}

static int
run_montecarlo_json(struct ctx *c)
{
	return ecap_projection_montecarlo_to_json(c->mc, 3, &c->json,
						  &c->err);
}

static int
run_scenario_set(struct ctx *c)
{
	ECAP_OPTS(ecap_scenario, s, .name = "steady",
		  .description = "caf\xc3\xa9 growth, described at length",
		  .yearly_growth_ratio = 0.1, .seasonal_peak_factor = 2.0);

	return ecap_policy_scenario_set(c->policy, &s, &c->err);
}

static int
run_set_string(struct ctx *c)
{
	return ecap_policy_set_string(c->policy, "kafka.instance_type",
				      "kafka.m7g.a.long.type.name", &c->err);
}

static int
run_catalog_set(struct ctx *c)
{
	struct ecap_catalog_entry e;

	ECAP_STRUCT_INIT(&e);
	if (ecap_policy_catalog_at(c->policy, ECAP_CATALOG_DATABASE, 0, &e,
				   NULL) != ECAP_OK)
		abort();
	snprintf(e.name, sizeof(e.name), "db.x9.a-rather-long-class-name");
	e.family[0] = '\0';
	return ecap_policy_catalog_set(c->policy, &e, &c->err);
}

static int
run_catalog_remove(struct ctx *c)
{
	struct ecap_catalog_entry e;

	ECAP_STRUCT_INIT(&e);
	if (ecap_policy_catalog_at(c->policy, ECAP_CATALOG_KAFKA_BROKER, 0, &e,
				   NULL) != ECAP_OK)
		abort();
	return ecap_policy_catalog_remove(c->policy, ECAP_CATALOG_KAFKA_BROKER,
					  e.name, &c->err);
}

static int
run_kafka_explain(struct ctx *c)
{
	ECAP_OPTS(ecap_kafka_in, in, .events_per_second = 5000.0);
	struct ecap_kafka_out out;
	char text[ECAP_EXPLAIN_MAX];

	ECAP_STRUCT_INIT(&out);
	if (ecap_kafka_advise(c->policy, &in, &out, NULL) != ECAP_OK)
		abort();
	return ecap_kafka_explain(&out, text, sizeof(text), &c->err);
}

static int
run_memory_regions(struct ctx *c)
{
	ECAP_STRUCT_INIT(&c->out.regions);
	snap(c);
	return ecap_spark_memory_regions(c->policy, UINT64_C(8) << 30,
					 &c->out.regions, &c->err);
}

struct scenario {
	const char *name;
	int (*run)(struct ctx *c);
	/* The call changes the policy on success (so it is not compared). */
	bool writes_policy;
};

static const struct scenario scenarios[] = {
	{ "policy_new", run_policy_new, false },
	{ "policy_copy", run_policy_copy, false },
	{ "policy_load_json (long text)", run_load_long, true },
	{ "policy_load_json (escapes, long numbers)", run_load_escaped, true },
	{ "policy_load_file", run_load_file, true },
	{ "policy_dump_json", run_dump, false },
	{ "policy_scenario_set", run_scenario_set, true },
	{ "policy_set_string", run_set_string, true },
	{ "policy_catalog_set", run_catalog_set, true },
	{ "policy_catalog_remove", run_catalog_remove, true },
	{ "partition_advise", run_partition, false },
	{ "partition_scan_tasks", run_scan, false },
	{ "partition_aqe", run_aqe, false },
	{ "partition_spark_properties", run_partition_props, false },
	{ "join_advise", run_join, false },
	{ "cache_advise", run_cache, false },
	{ "executor_advise", run_executor, false },
	{ "executor_spark_properties", run_executor_props, false },
	{ "database_advise", run_database, false },
	{ "database_properties", run_database_props, false },
	{ "kafka_advise", run_kafka, false },
	{ "kafka_explain", run_kafka_explain, false },
	{ "spark_memory_regions", run_memory_regions, false },
	{ "projection_run", run_projection, false },
	{ "projection_montecarlo", run_montecarlo, false },
	{ "projection_to_json", run_projection_json, false },
	{ "projection_montecarlo_to_json", run_montecarlo_json, false },
};

/* ---- the loop ---- */

static int failures;

#define FAIL(...)                                                   \
	do {                                                        \
		fprintf(stderr, "test-nomem: " __VA_ARGS__);        \
		fputc('\n', stderr);                                \
		failures++;                                         \
	} while (0)

static char *
dump(const ecap_policy *p)
{
	char *text = NULL;

	if (ecap_policy_dump_json(p, &text, NULL) != ECAP_OK) {
		FAIL("cannot dump a policy with no failure injected");
		exit(1);
	}
	return text;
}

/*
 * What every run starts from, made once: the writers' inputs, the policy
 * file and the default policy's dump (each run's policy is a fresh
 * default one).
 */
static struct ctx tmpl;
static char *default_dump;

static void
prepare_once(void)
{
	ECAP_OPTS(ecap_projection_in, pin, .current_daily_transactions = 1e6,
		  .years = 5);
	ECAP_OPTS(ecap_projection_montecarlo_in, min,
		  .current_daily_transactions = 1e6, .years = 3, .seed = 1,
		  .paths_count = 20);
	ECAP_OPTS(ecap_executor_in, ein, .daily_data_gb = 100.0);
	ECAP_OPTS(ecap_database_in, din, .transactions_per_day = 1e7);
	ecap_policy *p = NULL;
	size_t i, n = 5;
	FILE *f;

	if (ecap_policy_new(&p, NULL) != ECAP_OK)
		exit(1);
	for (i = 0; i < 5; i++) {
		ECAP_STRUCT_INIT(&tmpl.years[i]);
		ECAP_STRUCT_INIT(&tmpl.mc[i]);
	}
	ECAP_STRUCT_INIT(&tmpl.executor);
	ECAP_STRUCT_INIT(&tmpl.database);
	if (ecap_projection_run(p, &pin, tmpl.years, &n, NULL) ||
	    (n = 5, ecap_projection_montecarlo(p, &min, tmpl.mc, &n, NULL)) ||
	    ecap_executor_advise(p, &ein, &tmpl.executor, NULL) ||
	    ecap_database_advise(p, &din, &tmpl.database, NULL)) {
		FAIL("cannot prepare the writers' inputs");
		exit(1);
	}
	default_dump = dump(p);
	ecap_policy_free(&p);
	snprintf(tmpl.path, sizeof(tmpl.path), "test-nomem-%ld.json",
		 (long)getpid());
	if ((f = fopen(tmpl.path, "w")) == NULL ||
	    fputs(long_doc, f) < 0 || fclose(f) != 0) {
		FAIL("cannot write %s", tmpl.path);
		exit(1);
	}
}

static void
prepare(struct ctx *c)
{
	memset(c, 0, sizeof(*c));
	ECAP_STRUCT_INIT(&c->err);
	if (ecap_policy_new(&c->policy, NULL) != ECAP_OK)
		exit(1);
	memcpy(c->years, tmpl.years, sizeof(c->years));
	memcpy(c->mc, tmpl.mc, sizeof(c->mc));
	c->executor = tmpl.executor;
	c->database = tmpl.database;
	memcpy(c->path, tmpl.path, sizeof(c->path));
}

static void
release(struct ctx *c)
{
	ecap_policy_free(&c->policy);
	ecap_policy_free(&c->made);
	ecap_free(c->json);
	c->json = NULL;
}

/*
 * Runs one scenario with allocation nth failed (0: none); returns the
 * allocations the call attempted.
 */
/*
 * What a scenario gives with no failure (run_once with nth 0 records it):
 * a call that still succeeds when an allocation failed must give exactly
 * this.  Such a failure is benign, as SQLite calls it: the library
 * allocates a cache it can do without (the executor shape table of a
 * policy, lib/executor-table.c) and works on without it.
 */
static struct {
	unsigned char out[OUT_MAX];
	char *json, *made, *policy;
} ref;
static int benign;

static char *
maybe_dump(const ecap_policy *p)
{
	return p != NULL ? dump(p) : NULL;
}

static bool
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	       (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
ref_clear(void)
{
	free(ref.json);	/* strdup's, not the library's */
	ecap_free(ref.made);
	ecap_free(ref.policy);
	memset(&ref, 0, sizeof(ref));
}

static void
ref_record(const struct ctx *c, const struct scenario *s)
{
	ref_clear();
	memcpy(ref.out, c->out.bytes, OUT_MAX);
	ref.json = c->json != NULL ? strdup(c->json) : NULL;
	ref.made = maybe_dump(c->made);
	ref.policy = s->writes_policy ? dump(c->policy) : NULL;
}

/* A success despite a failed allocation: the same result, or a failure. */
static void
check_benign(const struct ctx *c, const struct scenario *s, long nth)
{
	char *made = maybe_dump(c->made);
	char *policy = s->writes_policy ? dump(c->policy) : NULL;

	if (memcmp(ref.out, c->out.bytes, OUT_MAX) != 0 ||
	    !same_text(ref.json, c->json) || !same_text(ref.made, made) ||
	    !same_text(ref.policy, policy))
		FAIL("%s, allocation %ld failed: a success with another result",
		     s->name, nth);
	else
		benign++;
	ecap_free(made);
	ecap_free(policy);
}

static long
run_once(const struct scenario *s, long nth, bool persistent)
{
	struct ctx c;
	long live, calls;
	int rc;

	prepare(&c);
	memcpy(c.before, c.out.bytes, OUT_MAX);
	live = ecap__alloc_testing_live();
	ecap__alloc_testing_fail_at(nth, persistent);
	rc = s->run(&c);
	calls = ecap__alloc_testing_calls();
	ecap__alloc_testing_fail_at(0, false);
	if (nth > 0 && calls >= nth && rc == ECAP_OK) {
		check_benign(&c, s, nth);
	} else if (nth > 0 && calls >= nth) {
		/* A call that takes the policy const cannot change it. */
		char *policy_after = s->writes_policy ? dump(c.policy) : NULL;

		if (rc != ECAP_ERR_NOMEM || c.err.code != ECAP_ERR_NOMEM)
			FAIL("%s, allocation %ld of %ld failed%s: %d (%s) %s",
			     s->name, nth, calls,
			     persistent ? " (and later ones)" : "", rc,
			     ecap_strerror(rc), c.err.message);
		if (policy_after != NULL &&
		    strcmp(default_dump, policy_after) != 0)
			FAIL("%s, allocation %ld failed: the policy changed",
			     s->name, nth);
		if (c.made != NULL || c.json != NULL)
			FAIL("%s, allocation %ld failed: a result was returned",
			     s->name, nth);
		/* The ctx was prepared the same way: outputs compare. */
		if (memcmp(c.before, c.out.bytes, OUT_MAX) != 0)
			FAIL("%s, allocation %ld failed: outputs changed",
			     s->name, nth);
		ecap_free(policy_after);
	} else if (rc != ECAP_OK) {
		FAIL("%s with no failure: %d (%s) %s", s->name, rc,
		     ecap_strerror(rc), c.err.message);
	}
	/* The reference's own memory (the first run's) is set aside; with
	 * the call's results released, nothing else may remain. */
	if (nth == 0 && rc == ECAP_OK) {
		long before = ecap__alloc_testing_live();

		ref_record(&c, s);
		live += ecap__alloc_testing_live() - before;
	}
	ecap_policy_free(&c.made);
	ecap_free(c.json);
	c.json = NULL;
	if (ecap__alloc_testing_live() != live)
		FAIL("%s, allocation %ld failed: %ld allocations leaked",
		     s->name, nth, ecap__alloc_testing_live() - live);
	release(&c);
	return calls;
}

int
main(void)
{
	ecap_policy *p = NULL;
	size_t i;
	long n, calls, total = 0;
	int mode;

	json_set_alloc_funcs(jansson_malloc, jansson_free);
	if (ecap_policy_new(&p, NULL) != ECAP_OK ||
	    ecap_policy_set_string(p, "kafka.instance_type",
				   "kafka.m5.a.rather.long.instance.name",
				   NULL) != ECAP_OK) {
		fprintf(stderr, "test-nomem: cannot make the long policy\n");
		return 1;
	}
	if (!trim_catalogs(p, 1))
		return 1;
	long_doc = dump(p);
	small = p;
	prepare_once();
	for (i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
		calls = run_once(&scenarios[i], 0, false);
		for (mode = 0; mode < 2; mode++)
			for (n = 1; n <= calls; n++)
				run_once(&scenarios[i], n, mode == 1);
		printf("%-44s %4ld allocations, each failed\n",
		       scenarios[i].name, calls);
		total += calls;
	}
	ref_clear();
	ecap_free(long_doc);
	ecap_policy_free(&small);
	ecap_free(default_dump);
	remove(tmpl.path);
	printf("test-nomem: %ld allocation sites over %zu scenarios, %d "
	       "benign (the shape cache), %d failures\n", total, i, benign,
	       failures);
	return failures == 0 ? 0 : 1;
}
