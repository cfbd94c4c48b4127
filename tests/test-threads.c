/* SPDX-License-Identifier: MIT */
/*
 * test-threads - one policy shared read-only by 8 threads, each calling
 * every advisor, renderer, projection and Monte Carlo run many times; the
 * results must equal those of one thread.  Built as usual it checks the
 * answers; CI builds it with -fsanitize=thread, which checks the header's
 * promise that a policy may be shared.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecaptune.h"

#define THREADS 8
#define ROUNDS 20

/* What one round computes: compared across threads. */
struct results {
	struct ecap_partition_out partition;
	struct ecap_partition_scan_out scan;
	struct ecap_partition_aqe_out aqe;
	struct ecap_join_out join;
	struct ecap_cache_out cache;
	struct ecap_executor_out executor;
	struct ecap_database_out database;
	struct ecap_kafka_out kafka;
	struct ecap_spark_memory_regions regions;
	struct ecap_projection_year years[5];
	struct ecap_projection_montecarlo_year mc[3];
	struct ecap_property props[3][40];
	char json[2][65536];
};

static const ecap_policy *shared;

static int
props(struct ecap_property *pr, int which, const struct results *r)
{
	size_t i, n = 40;

	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&pr[i]);
	switch (which) {
	case 0:
		return ecap_partition_spark_properties(shared, &r->partition,
						       pr, &n, NULL);
	case 1:
		return ecap_executor_spark_properties(&r->executor, pr, &n,
						      NULL);
	default:
		return ecap_database_properties(&r->database, pr, &n, NULL);
	}
}

static int
json(char *dst, int which, const struct results *r)
{
	char *text = NULL;
	int rc = which == 0 ? ecap_projection_to_json(r->years, 5, &text, NULL)
			    : ecap_projection_montecarlo_to_json(r->mc, 3,
								 &text, NULL);

	if (rc == ECAP_OK) {
		snprintf(dst, 65536, "%s", text);
		ecap_free(text);
	}
	return rc;
}

/* One round of every call; 0 when all succeed. */
static int
round_once(struct results *r)
{
	static const int64_t files[] = { 1 << 30, 5, 1 << 20, 0, 1 << 27 };
	static const int64_t sizes[] = { 1 << 20, INT64_C(1) << 32, 5 << 20,
					 7, 0, 64 << 20 };
	ECAP_OPTS(ecap_partition_in, pin, .data_size_bytes = INT64_C(1) << 34,
		  .total_executor_cores = 16);
	ECAP_OPTS(ecap_partition_scan_in, sin, .file_sizes_bytes = files,
		  .file_count = 5, .total_executor_cores = 4);
	ECAP_OPTS(ecap_partition_aqe_in, ain, .partition_sizes_bytes = sizes,
		  .partition_count = 6, .total_executor_cores = 4);
	ECAP_OPTS(ecap_join_in, jin, .left_size_bytes = INT64_C(1) << 40,
		  .right_size_bytes = 10 << 20);
	ECAP_OPTS(ecap_cache_in, cin, .deserialized_size_bytes = 1 << 30,
		  .reuse_count = 3, .partition_count = 200,
		  .storage_memory_bytes = UINT64_C(1) << 34,
		  .api = ECAP_SPARK_API_DATASET,
		  .storage_format_size_bytes = UINT64_C(1) << 29);
	ECAP_OPTS(ecap_executor_in, ein, .daily_data_gb = 500.0,
		  .node_vcpu_count = 16, .node_memory_gb = 64.0);
	ECAP_OPTS(ecap_database_in, din, .transactions_per_day = 1e7);
	ECAP_OPTS(ecap_kafka_in, kin, .events_per_second = 5000.0);
	ECAP_OPTS(ecap_projection_in, yin, .current_daily_transactions = 1e6,
		  .years = 5);
	ECAP_OPTS(ecap_projection_montecarlo_in, min,
		  .current_daily_transactions = 1e6, .years = 3, .seed = 11,
		  .paths_count = 200);
	struct ecap_error e;
	size_t i, ny = 5, nm = 3;

	ECAP_STRUCT_INIT(&e);
	memset(r, 0, sizeof(*r));
	ECAP_STRUCT_INIT(&r->partition);
	ECAP_STRUCT_INIT(&r->scan);
	ECAP_STRUCT_INIT(&r->aqe);
	ECAP_STRUCT_INIT(&r->join);
	ECAP_STRUCT_INIT(&r->cache);
	ECAP_STRUCT_INIT(&r->executor);
	ECAP_STRUCT_INIT(&r->database);
	ECAP_STRUCT_INIT(&r->kafka);
	ECAP_STRUCT_INIT(&r->regions);
	for (i = 0; i < 5; i++)
		ECAP_STRUCT_INIT(&r->years[i]);
	for (i = 0; i < 3; i++)
		ECAP_STRUCT_INIT(&r->mc[i]);
#define CALL(c)                                                         \
	do {                                                            \
		int rc_ = (c);                                          \
		if (rc_ != ECAP_OK) {                                   \
			fprintf(stderr, "test-threads: %s: %s\n", #c,  \
				e.message);                             \
			return rc_;                                     \
		}                                                       \
	} while (0)
	CALL(ecap_partition_advise(shared, &pin, &r->partition, &e));
	CALL(ecap_partition_scan_tasks(shared, &sin, &r->scan, &e));
	CALL(ecap_partition_aqe(shared, &ain, &r->aqe, NULL, NULL, &e));
	CALL(ecap_join_advise(shared, &jin, &r->join, &e));
	CALL(ecap_cache_advise(shared, &cin, &r->cache, &e));
	CALL(ecap_executor_advise(shared, &ein, &r->executor, &e));
	CALL(ecap_database_advise(shared, &din, &r->database, &e));
	CALL(ecap_kafka_advise(shared, &kin, &r->kafka, &e));
	CALL(ecap_spark_memory_regions(shared, UINT64_C(8) << 30, &r->regions,
				       &e));
	CALL(ecap_projection_run(shared, &yin, r->years, &ny, &e));
	CALL(ecap_projection_montecarlo(shared, &min, r->mc, &nm, &e));
	CALL(props(r->props[0], 0, r));
	CALL(props(r->props[1], 1, r));
	CALL(props(r->props[2], 2, r));
	CALL(json(r->json[0], 0, r));
	CALL(json(r->json[1], 1, r));
#undef CALL
	return ECAP_OK;
}

static struct results expected;

static void *
worker(void *arg)
{
	struct results *r = malloc(sizeof(*r));
	int k, *bad = arg;

	for (k = 0; r != NULL && k < ROUNDS && !*bad; k++)
		if (round_once(r) != 0 ||
		    memcmp(r, &expected, sizeof(*r)) != 0)
			*bad = 1;
	if (r == NULL)
		*bad = 1;
	free(r);
	return NULL;
}

int
main(void)
{
	pthread_t th[THREADS];
	int bad[THREADS] = { 0 }, i, failed = 0;
	ecap_policy *p = NULL;

	if (ecap_policy_new(&p, NULL) != ECAP_OK)
		return 1;
	shared = p;
	if (round_once(&expected) != 0) {
		fprintf(stderr, "test-threads: one thread failed\n");
		return 1;
	}
	for (i = 0; i < THREADS; i++)
		if (pthread_create(&th[i], NULL, worker, &bad[i]) != 0)
			return 1;
	for (i = 0; i < THREADS; i++) {
		pthread_join(th[i], NULL);
		failed += bad[i];
	}
	ecap_policy_free(&p);
	printf("test-threads: %d threads x %d rounds of every call, %d "
	       "threads saw a different answer\n", THREADS, ROUNDS, failed);
	return failed == 0 ? 0 : 1;
}
