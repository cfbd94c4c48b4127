/* SPDX-License-Identifier: MIT */
/*
 * make-seeds - writes a seed corpus of valid calls for the fuzz targets
 * into DIR/<target>/ (fuzz/corpus is made with it; run it again when a
 * struct changes), from a build tree:
 *   cc -Iinclude fuzz/make-seeds.c lib/.libs/libecaptune.a \
 *      $(pkg-config --libs jansson) -lm -o make-seeds &&
 *   ./make-seeds fuzz/corpus  Each seed is laid out as the target reads it
 * (fuzz/fuzz.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ecaptune.h"

struct seed {
	unsigned char b[8192];
	size_t n;
};

static void
put(struct seed *s, const void *p, size_t n)
{
	memcpy(s->b + s->n, p, n);
	s->n += n;
}

static void
put8(struct seed *s, unsigned v)
{
	unsigned char c = (unsigned char)v;

	put(s, &c, 1);
}

/* A struct as fuzz_struct reads it: pick 0 (the real sz), then the bytes
 * after sz. */
static void
put_struct(struct seed *s, const void *p, size_t size)
{
	put8(s, 0);
	put(s, (const unsigned char *)p + sizeof(size_t),
	    size - sizeof(size_t));
}

static void
save(const char *dir, const char *target, const char *name,
     const struct seed *s)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, target);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/%s/%s", dir, target, name);
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(s->b, 1, s->n, f) != s->n || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

/* The index of a policy key, as the policy_set target picks keys. */
static unsigned
key_index(const char *key)
{
	struct ecap_key_info info;
	size_t i;

	for (i = 0; i < ecap_policy_key_count(); i++) {
		ECAP_STRUCT_INIT(&info);
		if (ecap_policy_key_at(i, &info, NULL) == ECAP_OK &&
		    strcmp(info.name, key) == 0)
			return (unsigned)i;
	}
	fprintf(stderr, "make-seeds: no key %s\n", key);
	exit(1);
}

/* "guide-scan", "ecap-1-scan", ... */
static const char *
label(char *buf, int model, const char *suffix)
{
	snprintf(buf, 32, "%s%s", model ? "guide" : "ecap-1", suffix);
	return buf;
}

static void
text(const char *dir, const char *name, const char *json)
{
	struct seed s = { .n = 0 };

	put(&s, json, strlen(json));
	save(dir, "policy_json", name, &s);
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "fuzz/corpus";
	struct seed s;
	int model;

	mkdir(dir, 0777);
	text(dir, "empty-object", "{}");
	text(dir, "model", "{\"model\": \"guide\", \"executor.cores\": 4}");
	text(dir, "scenario",
	     "{\"growth.scenarios\": {\"x\": {\"description\": \"caf\\u00e9 "
	     "\\\"q\\\"\", \"yearly_growth_ratio\": 0.30000000000000004, "
	     "\"seasonal_peak_factor\": 2}}}");
	text(dir, "duplicate", "{\"model\": \"guide\", \"model\": \"ecap-1\"}");
	text(dir, "deep", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]");
	text(dir, "numbers",
	     "{\"executor.memory_multiplier\": 1e-5, \"join.shuffle_partitions\":"
	     " 123456789012345678901, \"cost.hours_per_month\": -0.0}");

	for (model = 0; model < 2; model++) {
		char name[32], tmp[32];

		label(name, model, "");
		{
			ECAP_OPTS(ecap_partition_in, in,
				  .data_size_bytes = INT64_C(10) << 30,
				  .total_executor_cores = 16,
				  .current_partition_count = 200);
			s.n = 0;
			put8(&s, (unsigned)model);
			put8(&s, 0);
			put_struct(&s, &in, sizeof(in));
			save(dir, "partition", label(tmp, model, "-advise"), &s);
		}
		{
			int64_t sizes[4] = { INT64_C(1) << 30, 5, 1 << 20, 0 };
			ECAP_OPTS(ecap_partition_scan_in, in,
				  .total_executor_cores = 8,
				  .max_partition_num = 2);
			s.n = 0;
			put8(&s, (unsigned)model);
			put8(&s, 1);
			put8(&s, 4);
			put(&s, sizes, sizeof(sizes));
			put_struct(&s, &in, sizeof(in));
			save(dir, "partition", label(tmp, model, "-scan"), &s);
		}
		{
			int64_t sizes[6] = { 1 << 20, INT64_C(1) << 32, 5 << 20,
					     7, 0, 64 << 20 };
			ECAP_OPTS(ecap_partition_aqe_in, in,
				  .total_executor_cores = 4);
			s.n = 0;
			put8(&s, (unsigned)model);
			put8(&s, 2);
			put8(&s, 6);
			put8(&s, 6);
			put(&s, sizes, sizeof(sizes));
			put_struct(&s, &in, sizeof(in));
			save(dir, "partition", label(tmp, model, "-aqe"), &s);
		}
		{
			ECAP_OPTS(ecap_join_in, in,
				  .left_size_bytes = INT64_C(1) << 40,
				  .right_size_bytes = 10 << 20,
				  .left_row_count = 1000000000,
				  .right_row_count = 50000);
			s.n = 0;
			put8(&s, (unsigned)model);
			put_struct(&s, &in, sizeof(in));
			save(dir, "join", name, &s);
		}
		{
			ECAP_OPTS(ecap_cache_in, in,
				  .deserialized_size_bytes = 1 << 30,
				  .reuse_count = 3, .partition_count = 200,
				  .storage_memory_bytes = UINT64_C(1) << 34,
				  .api = ECAP_SPARK_API_DATASET,
		  .storage_format_size_bytes = UINT64_C(1) << 29);
			s.n = 0;
			put8(&s, (unsigned)model);
			put_struct(&s, &in, sizeof(in));
			save(dir, "cache", name, &s);
		}
		{
			uint64_t heap = UINT64_C(8) << 30;
			ECAP_OPTS(ecap_executor_in, in, .daily_data_gb = 500,
				  .node_vcpu_count = 16, .node_memory_gb = 64,
				  .platform = ECAP_SPARK_PLATFORM_YARN);
			s.n = 0;
			put8(&s, (unsigned)model);
			put(&s, &heap, sizeof(heap));
			put_struct(&s, &in, sizeof(in));
			save(dir, "executor", name, &s);
		}
		{
			ECAP_OPTS(ecap_database_in, in,
				  .transactions_per_day = 1e7);
			s.n = 0;
			put8(&s, (unsigned)model);
			put_struct(&s, &in, sizeof(in));
			save(dir, "database", name, &s);
		}
		{
			ECAP_OPTS(ecap_kafka_in, in, .events_per_second = 5000);
			s.n = 0;
			put8(&s, (unsigned)model);
			put_struct(&s, &in, sizeof(in));
			save(dir, "kafka", name, &s);
		}
		{
			ECAP_OPTS(ecap_projection_in, in,
				  .current_daily_transactions = 1e6,
				  .years = 5);
			s.n = 0;
			put8(&s, (unsigned)model);
			put8(&s, 0);
			put8(&s, 5);
			put_struct(&s, &in, sizeof(in));
			save(dir, "projection", label(tmp, model, "-run"), &s);
		}
		{
			ECAP_OPTS(ecap_projection_montecarlo_in, in,
				  .current_daily_transactions = 1e6,
				  .years = 3, .seed = 42, .paths_count = 20);
			s.n = 0;
			put8(&s, (unsigned)model);
			put8(&s, 1);
			put8(&s, 3);
			put_struct(&s, &in, sizeof(in));
			save(dir, "projection", label(tmp, model, "-montecarlo"), &s);
		}
		{
			/* set executor.cores to 4 (an int64 op), then a
			 * scenario (a struct op) */
			ECAP_OPTS(ecap_scenario, sc, .name = "steady",
				  .description = "caf\xc3\xa9",
				  .yearly_growth_ratio = 0.1,
				  .seasonal_peak_factor = 2.0);
			int64_t four = 4;

			s.n = 0;
			put8(&s, (unsigned)model);
			put8(&s, 0x01);
			put8(&s, key_index("executor.cores"));
			put(&s, &four, sizeof(four));
			put8(&s, 0xc0);
			put_struct(&s, &sc, sizeof(sc));
			save(dir, "policy_set", name, &s);
		}
	}
	return 0;
}
