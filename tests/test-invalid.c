/* SPDX-License-Identifier: MIT */
/*
 * test-invalid - every numeric and enum field of every public input struct
 * (tests/invalid-fields.h, generated from the headers at build time) set to
 * NaN, infinities, negatives, zero, denormals and extremes, or an unknown
 * enum value, in an otherwise valid call.  Asserted:
 * - NaN and infinities in an input are ECAP_ERR_INVALID naming the field;
 * - an unknown enum value is ECAP_ERR_UNKNOWN_ENUM naming the field; a
 *   flag other than 0 and 1, or a non-zero reserved field, ECAP_ERR_RANGE
 *   naming it;
 * - any other value is either accepted, and the advice then renders, or
 *   refused with INVALID or RANGE naming the field (UNKNOWN_ENUM for an
 *   int32_t the header did not mark as an enum);
 * - an advice handed back to a renderer (an _out or year struct) is
 *   rendered or refused with a documented code naming the field.
 * Each input struct needs base_<struct> (a valid value) and call_<struct>
 * (the calls that take it, then the renderers); a new struct does not
 * compile without them, a new field is walked with no edit.
 */
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecaptune.h"

/* A call succeeded but its advice did not render. */
#define NOT_RENDERED 1
#define BUF 16384

static ecap_policy *policy;

/* ---- renderers, as the calls' second step ---- */

static int
render_props(int rc, int which, const void *advice, struct ecap_error *err)
{
	struct ecap_property props[64];
	size_t n = 64, i;

	if (rc != ECAP_OK)
		return rc;
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&props[i]);
	switch (which) {
	case 0:
		rc = ecap_partition_spark_properties(policy, advice, props, &n,
						     err);
		break;
	case 1:
		rc = ecap_executor_spark_properties(advice, props, &n, err);
		break;
	default:
		rc = ecap_database_properties(advice, props, &n, err);
		break;
	}
	for (i = 0; rc == ECAP_OK && i < n; i++)
		if (strcmp(props[i].value, "-0") == 0)
			rc = NOT_RENDERED;
	return rc;
}

static int
render_kafka(int rc, const struct ecap_kafka_out *advice,
	     struct ecap_error *err)
{
	char buf[ECAP_EXPLAIN_MAX];

	if (rc != ECAP_OK)
		return rc;
	return ecap_kafka_explain(advice, buf, sizeof(buf), err);
}

/* The advice's sentence: an explain function's verdict. */
#define EXPLAIN(fn, advice, err)                                      \
	({                                                            \
		char buf_[ECAP_EXPLAIN_MAX];                          \
		fn((advice), buf_, sizeof(buf_), (err));              \
	})

/* A successful call's advice must render; anything else is the call's. */
static int
rendered(int rc, int verdict)
{
	return rc == ECAP_OK && verdict != ECAP_OK ? NOT_RENDERED : rc;
}

/* ---- inputs ---- */

static int call_ecap_partition_out(void *v, struct ecap_error *err);
static int call_ecap_executor_out(void *v, struct ecap_error *err);
static int call_ecap_database_out(void *v, struct ecap_error *err);
static int call_ecap_join_out(void *v, struct ecap_error *err);

static void
base_ecap_partition_in(void *v)
{
	ECAP_OPTS(ecap_partition_in, in, .data_size_bytes = INT64_C(1) << 34,
		  .total_executor_cores = 16);
	memcpy(v, &in, sizeof(in));
}

static int
call_ecap_partition_in(void *v, struct ecap_error *err)
{
	struct ecap_partition_out out;
	int rc;

	ECAP_STRUCT_INIT(&out);
	rc = ecap_partition_advise(policy, v, &out, err);
	if (rc == ECAP_OK)
		rc = rendered(rc, call_ecap_partition_out(&out, err));
	return rc;
}

static const int64_t files[] = { INT64_C(1) << 30, 5, 1 << 20, 0 };

static void
base_ecap_partition_scan_in(void *v)
{
	ECAP_OPTS(ecap_partition_scan_in, in, .file_sizes_bytes = files,
		  .file_count = 4, .total_executor_cores = 8);
	memcpy(v, &in, sizeof(in));
}

static int
call_ecap_partition_scan_in(void *v, struct ecap_error *err)
{
	struct ecap_partition_scan_out out;
	struct ecap_partition_scan_in *in = v;
	int rc;

	/* file_count walks too; the array holds 4. */
	if (in->file_count > 4 && in->file_count <= 10000000)
		return ECAP_OK;
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_partition_scan_tasks(policy, v, &out, err)) != ECAP_OK)
		return rc;
	return rendered(rc, EXPLAIN(ecap_partition_scan_explain, &out, err));
}

static void
base_ecap_partition_aqe_in(void *v)
{
	ECAP_OPTS(ecap_partition_aqe_in, in, .partition_sizes_bytes = files,
		  .partition_count = 4, .total_executor_cores = 8);
	memcpy(v, &in, sizeof(in));
}

static int
call_ecap_partition_aqe_in(void *v, struct ecap_error *err)
{
	struct ecap_partition_aqe_out out;
	struct ecap_partition_aqe_in *in = v;
	int rc;

	if (in->partition_count > 4 && in->partition_count <= 10000000)
		return ECAP_OK;
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_partition_aqe(policy, v, &out, NULL, NULL, err)) !=
	    ECAP_OK)
		return rc;
	return rendered(rc, EXPLAIN(ecap_partition_aqe_explain, &out, err));
}

static void
base_ecap_join_in(void *v)
{
	ECAP_OPTS(ecap_join_in, in, .left_size_bytes = INT64_C(1) << 40,
		  .right_size_bytes = 10 << 20, .left_row_count = 1000000000,
		  .right_row_count = 50000);
	memcpy(v, &in, sizeof(in));
}

static int
call_ecap_join_in(void *v, struct ecap_error *err)
{
	struct ecap_join_out out;

	int rc;

	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_join_advise(policy, v, &out, err)) != ECAP_OK)
		return rc;
	return rendered(rc, call_ecap_join_out(&out, err));
}

static void
base_ecap_cache_in(void *v)
{
	ECAP_OPTS(ecap_cache_in, in, .deserialized_size_bytes = 1 << 30,
		  .reuse_count = 3, .partition_count = 200,
		  .storage_memory_bytes = UINT64_C(1) << 34,
		  .api = ECAP_SPARK_API_DATASET,
		  .storage_format_size_bytes = UINT64_C(1) << 29);
	memcpy(v, &in, sizeof(in));
}

static int
call_ecap_cache_in(void *v, struct ecap_error *err)
{
	struct ecap_cache_out out;
	int rc;

	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_cache_advise(policy, v, &out, err)) != ECAP_OK)
		return rc;
	return rendered(rc, EXPLAIN(ecap_cache_explain, &out, err));
}

static void
base_ecap_executor_in(void *v)
{
	ECAP_OPTS(ecap_executor_in, in, .daily_data_gb = 500.0,
		  .node_vcpu_count = 16, .node_memory_gb = 64.0);
	memcpy(v, &in, sizeof(in));
}

static int
call_ecap_executor_in(void *v, struct ecap_error *err)
{
	struct ecap_executor_out out;
	int rc;

	ECAP_STRUCT_INIT(&out);
	rc = ecap_executor_advise(policy, v, &out, err);
	if (rc == ECAP_OK)
		rc = rendered(rc, call_ecap_executor_out(&out, err));
	return rc;
}

static void
base_ecap_database_in(void *v)
{
	ECAP_OPTS(ecap_database_in, in, .transactions_per_day = 1e7);
	memcpy(v, &in, sizeof(in));
}

static int
call_ecap_database_in(void *v, struct ecap_error *err)
{
	struct ecap_database_out out;
	int rc;

	ECAP_STRUCT_INIT(&out);
	rc = ecap_database_advise(policy, v, &out, err);
	if (rc == ECAP_OK)
		rc = rendered(rc, call_ecap_database_out(&out, err));
	return rc;
}

static void
base_ecap_database_shape_in(void *v)
{
	ECAP_OPTS(ecap_database_shape_in, in, .memory_gb = 64.0,
		  .vcpu_count = 16);
	memcpy(v, &in, sizeof(in));
}

static int
call_ecap_database_shape_in(void *v, struct ecap_error *err)
{
	struct ecap_database_out out;
	int rc;

	ECAP_STRUCT_INIT(&out);
	rc = ecap_database_advise_shape(policy, v, &out, err);
	if (rc == ECAP_OK)
		rc = rendered(rc, call_ecap_database_out(&out, err));
	return rc;
}

static void
base_ecap_kafka_in(void *v)
{
	ECAP_OPTS(ecap_kafka_in, in, .events_per_second = 5000.0);
	memcpy(v, &in, sizeof(in));
}

static int
call_ecap_kafka_in(void *v, struct ecap_error *err)
{
	struct ecap_kafka_out out;
	int rc;

	ECAP_STRUCT_INIT(&out);
	rc = ecap_kafka_advise(policy, v, &out, err);
	if (rc == ECAP_OK && render_kafka(rc, &out, err) != ECAP_OK)
		return NOT_RENDERED;
	return rc;
}

static void
base_ecap_projection_in(void *v)
{
	ECAP_OPTS(ecap_projection_in, in, .current_daily_transactions = 1e6,
		  .years = 3);
	memcpy(v, &in, sizeof(in));
}

static int
call_ecap_projection_in(void *v, struct ecap_error *err)
{
	struct ecap_projection_year years[ECAP_PROJECTION_MAX_YEARS];
	size_t n = ECAP_PROJECTION_MAX_YEARS, i;
	char *json = NULL;
	int rc;

	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&years[i]);
	rc = ecap_projection_run(policy, v, years, &n, err);
	if (rc == ECAP_OK &&
	    ecap_projection_to_json(years, n, &json, err) != ECAP_OK)
		rc = NOT_RENDERED;
	ecap_free(json);
	return rc;
}

static void
base_ecap_projection_montecarlo_in(void *v)
{
	ECAP_OPTS(ecap_projection_montecarlo_in, in,
		  .current_daily_transactions = 1e6, .years = 3, .seed = 5,
		  .paths_count = 20);
	memcpy(v, &in, sizeof(in));
}

static int
call_ecap_projection_montecarlo_in(void *v, struct ecap_error *err)
{
	struct ecap_projection_montecarlo_year years[ECAP_PROJECTION_MAX_YEARS];
	struct ecap_projection_montecarlo_in *in = v;
	size_t n = ECAP_PROJECTION_MAX_YEARS, i;
	char *json = NULL;
	int rc;

	/* A valid but slow number of paths: its range is checked by 1e6+1. */
	if (in->paths_count > 1000 && in->paths_count <= 1000000)
		return ECAP_OK;
	for (i = 0; i < n; i++)
		ECAP_STRUCT_INIT(&years[i]);
	rc = ecap_projection_montecarlo(policy, v, years, &n, err);
	if (rc == ECAP_OK &&
	    ecap_projection_montecarlo_to_json(years, n, &json, err) != ECAP_OK)
		rc = NOT_RENDERED;
	ecap_free(json);
	return rc;
}

static void
base_ecap_scenario(void *v)
{
	ECAP_OPTS(ecap_scenario, s, .name = "walk",
		  .description = "every field", .yearly_growth_ratio = 0.2,
		  .seasonal_peak_factor = 2.0);
	memcpy(v, &s, sizeof(s));
}

static int
call_ecap_scenario(void *v, struct ecap_error *err)
{
	ecap_policy *copy = NULL;
	int rc;

	if (ecap_policy_copy(policy, &copy, NULL) != ECAP_OK)
		abort();
	rc = ecap_policy_scenario_set(copy, v, err);
	ecap_policy_free(&copy);
	return rc;
}

static void
base_ecap_catalog_entry(void *v)
{
	struct ecap_catalog_entry e;

	ECAP_STRUCT_INIT(&e);
	if (ecap_policy_catalog_at(policy, ECAP_CATALOG_SPARK_NODE, 0, &e,
				   NULL) != ECAP_OK)
		abort();
	memcpy(v, &e, sizeof(e));
}

static int
call_ecap_catalog_entry(void *v, struct ecap_error *err)
{
	ecap_policy *copy = NULL;
	int rc;

	if (ecap_policy_copy(policy, &copy, NULL) != ECAP_OK)
		abort();
	rc = ecap_policy_catalog_set(copy, v, err);
	ecap_policy_free(&copy);
	return rc;
}

/* ---- advices handed back to the renderers ---- */

static void
base_ecap_partition_out(void *v)
{
	char in[BUF];

	base_ecap_partition_in(in);
	ECAP_STRUCT_INIT((struct ecap_partition_out *)v);
	if (ecap_partition_advise(policy, (void *)in, v, NULL) != ECAP_OK)
		abort();
}

static int
call_ecap_partition_out(void *v, struct ecap_error *err)
{
	int rc = render_props(ECAP_OK, 0, v, err);

	return rc != ECAP_OK ? rc : EXPLAIN(ecap_partition_explain, v, err);
}

static void
base_ecap_executor_out(void *v)
{
	char in[BUF];

	base_ecap_executor_in(in);
	ECAP_STRUCT_INIT((struct ecap_executor_out *)v);
	if (ecap_executor_advise(policy, (void *)in, v, NULL) != ECAP_OK)
		abort();
}

static int
call_ecap_executor_out(void *v, struct ecap_error *err)
{
	int rc = render_props(ECAP_OK, 1, v, err);

	return rc != ECAP_OK ? rc : EXPLAIN(ecap_executor_explain, v, err);
}

static void
base_ecap_database_out(void *v)
{
	char in[BUF];

	base_ecap_database_in(in);
	ECAP_STRUCT_INIT((struct ecap_database_out *)v);
	if (ecap_database_advise(policy, (void *)in, v, NULL) != ECAP_OK)
		abort();
}

static int
call_ecap_database_out(void *v, struct ecap_error *err)
{
	int rc = render_props(ECAP_OK, 2, v, err);

	return rc != ECAP_OK ? rc : EXPLAIN(ecap_database_explain, v, err);
}

static void
base_ecap_join_out(void *v)
{
	char in[BUF];

	base_ecap_join_in(in);
	ECAP_STRUCT_INIT((struct ecap_join_out *)v);
	if (ecap_join_advise(policy, (void *)in, v, NULL) != ECAP_OK)
		abort();
}

static int
call_ecap_join_out(void *v, struct ecap_error *err)
{
	return EXPLAIN(ecap_join_explain, v, err);
}

static void
base_ecap_partition_scan_out(void *v)
{
	char in[BUF];

	base_ecap_partition_scan_in(in);
	ECAP_STRUCT_INIT((struct ecap_partition_scan_out *)v);
	if (ecap_partition_scan_tasks(policy, (void *)in, v, NULL) != ECAP_OK)
		abort();
}

static int
call_ecap_partition_scan_out(void *v, struct ecap_error *err)
{
	return EXPLAIN(ecap_partition_scan_explain, v, err);
}

static void
base_ecap_partition_aqe_out(void *v)
{
	char in[BUF];

	base_ecap_partition_aqe_in(in);
	ECAP_STRUCT_INIT((struct ecap_partition_aqe_out *)v);
	if (ecap_partition_aqe(policy, (void *)in, v, NULL, NULL, NULL) !=
	    ECAP_OK)
		abort();
}

static int
call_ecap_partition_aqe_out(void *v, struct ecap_error *err)
{
	return EXPLAIN(ecap_partition_aqe_explain, v, err);
}

static void
base_ecap_cache_out(void *v)
{
	char in[BUF];

	base_ecap_cache_in(in);
	ECAP_STRUCT_INIT((struct ecap_cache_out *)v);
	if (ecap_cache_advise(policy, (void *)in, v, NULL) != ECAP_OK)
		abort();
}

static int
call_ecap_cache_out(void *v, struct ecap_error *err)
{
	return EXPLAIN(ecap_cache_explain, v, err);
}

static void
base_ecap_kafka_out(void *v)
{
	char in[BUF];

	base_ecap_kafka_in(in);
	ECAP_STRUCT_INIT((struct ecap_kafka_out *)v);
	if (ecap_kafka_advise(policy, (void *)in, v, NULL) != ECAP_OK)
		abort();
}

static int
call_ecap_kafka_out(void *v, struct ecap_error *err)
{
	return render_kafka(ECAP_OK, v, err);
}

static void
base_ecap_projection_year(void *v)
{
	ECAP_OPTS(ecap_projection_in, in, .current_daily_transactions = 1e6,
		  .years = 1);
	size_t n = 1;

	ECAP_STRUCT_INIT((struct ecap_projection_year *)v);
	if (ecap_projection_run(policy, &in, v, &n, NULL) != ECAP_OK)
		abort();
}

static int
call_ecap_projection_year(void *v, struct ecap_error *err)
{
	char *json = NULL;
	int rc = ecap_projection_to_json(v, 1, &json, err);

	ecap_free(json);
	if (rc != ECAP_OK)
		return rc;
	return EXPLAIN(ecap_projection_year_explain, v, err);
}

static void
base_ecap_projection_montecarlo_year(void *v)
{
	ECAP_OPTS(ecap_projection_montecarlo_in, in,
		  .current_daily_transactions = 1e6, .years = 1, .seed = 5,
		  .paths_count = 20);
	size_t n = 1;

	ECAP_STRUCT_INIT((struct ecap_projection_montecarlo_year *)v);
	if (ecap_projection_montecarlo(policy, &in, v, &n, NULL) != ECAP_OK)
		abort();
}

static int
call_ecap_projection_montecarlo_year(void *v, struct ecap_error *err)
{
	char *json = NULL;
	int rc = ecap_projection_montecarlo_to_json(v, 1, &json, err);

	ecap_free(json);
	return rc;
}

/* ---- the walk ---- */

enum kind { DOUBLE, INT64, UINT64, INT32, ENUM, FLAG, RESERVED };

struct field {
	const char *type, *name;
	size_t offset, size;
	enum kind kind;
	void (*base)(void *v);
	int (*call)(void *v, struct ecap_error *err);
};

#define ECAP_INVALID_FIELD(T, F, K)                                         \
	{ #T, #F, offsetof(struct T, F), sizeof(((struct T *)0)->F), K,      \
	  base_##T, call_##T },
static const struct field fields[] = {
#include "invalid-fields.h"
};
#undef ECAP_INVALID_FIELD

static int failures, calls;

/* An _out or year struct: an advice handed back to a renderer. */
static bool
is_advice(const struct field *f)
{
	return strstr(f->type, "_out") != NULL ||
	       strstr(f->type, "_year") != NULL;
}

static bool
names_field(const struct ecap_error *err, const char *name)
{
	size_t n = strlen(err->field), k = strlen(name);

	return strcmp(err->field, name) == 0 ||
	       (n > k && strcmp(err->field + n - k, name) == 0 &&
		(err->field[n - k - 1] == '.')) ||
	       strstr(err->message, name) != NULL;
}

/* Checks one call; want is the code required (0: OK or INVALID/RANGE). */
static void
expect(const struct field *f, const char *shown, int rc,
       const struct ecap_error *err, int want)
{
	const char *why = NULL;

	calls++;
	if (rc == NOT_RENDERED)
		why = "succeeded with an advice its renderer refuses";
	else if (want != 0 && rc != want)
		why = "did not return the documented code";
	else if (want == 0 && rc != ECAP_OK && rc != ECAP_ERR_INVALID &&
		 rc != ECAP_ERR_RANGE &&
		 !((is_advice(f) || f->kind == INT32) &&
		   rc == ECAP_ERR_UNKNOWN_ENUM))
		why = "returned an undocumented code";
	else if (rc != ECAP_OK && (err->code != rc || err->message[0] == '\0'))
		why = "did not fill struct ecap_error";
	else if (rc != ECAP_OK && !names_field(err, f->name))
		why = "did not name the field";
	if (why == NULL)
		return;
	failures++;
	fprintf(stderr, "test-invalid: %s.%s = %s %s: %d (%s), field \"%s\": "
		"%s\n", f->type, f->name, shown, why, rc, ecap_strerror(rc),
		err->field, err->message);
}

static void
try(const struct field *f, const void *value, const char *shown, int want)
{
	unsigned char buf[BUF];
	struct ecap_error err;
	int rc;

	memset(buf, 0, sizeof(buf));
	f->base(buf);
	memcpy(buf + f->offset, value, f->size);
	ECAP_STRUCT_INIT(&err);
	rc = f->call(buf, &err);
	expect(f, shown, rc, &err, want);
}

static void
walk_double(const struct field *f)
{
	static const struct {
		double v;
		const char *shown;
		bool invalid;
	} values[] = {
		{ NAN, "NaN", true }, { INFINITY, "inf", true },
		{ -INFINITY, "-inf", true }, { -1.0, "-1", false },
		{ -0.0, "-0", false }, { 0.0, "0", false },
		{ 4.9406564584124654e-324, "denormal", false },
		{ DBL_MIN, "DBL_MIN", false }, { -DBL_MIN, "-DBL_MIN", false },
		{ 1e300, "1e300", false }, { DBL_MAX, "DBL_MAX", false },
		{ -DBL_MAX, "-DBL_MAX", false },
	};
	size_t i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		try(f, &values[i].v, values[i].shown,
		    values[i].invalid && !is_advice(f) ? ECAP_ERR_INVALID : 0);
}

static void
walk_int(const struct field *f)
{
	static const int64_t i64[] = { -1, 0, INT64_MIN, INT64_MAX,
				       INT64_C(1) << 62 };
	static const uint64_t u64[] = { 0, UINT64_MAX, UINT64_C(1) << 63 };
	static const int32_t i32[] = { -1, 0, INT32_MIN, INT32_MAX };
	static const int32_t unknown[] = { -1, 1000, INT32_MIN, INT32_MAX };
	static const int32_t not_bool[] = { 2, -1, INT32_MAX };
	static const int32_t not_zero[] = { 1, -1 };
	char shown[32];
	size_t i;

	switch (f->kind) {
	case INT64:
		for (i = 0; i < sizeof(i64) / sizeof(i64[0]); i++) {
			snprintf(shown, sizeof(shown), "%" PRId64, i64[i]);
			try(f, &i64[i], shown, 0);
		}
		break;
	case UINT64:
		for (i = 0; i < sizeof(u64) / sizeof(u64[0]); i++) {
			snprintf(shown, sizeof(shown), "%" PRIu64, u64[i]);
			try(f, &u64[i], shown, 0);
		}
		break;
	case INT32:
		for (i = 0; i < sizeof(i32) / sizeof(i32[0]); i++) {
			snprintf(shown, sizeof(shown), "%" PRId32, i32[i]);
			try(f, &i32[i], shown, 0);
		}
		break;
	case ENUM:
		for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
			snprintf(shown, sizeof(shown), "%" PRId32, unknown[i]);
			try(f, &unknown[i], shown,
			    is_advice(f) ? 0 : ECAP_ERR_UNKNOWN_ENUM);
		}
		break;
	case FLAG:
		for (i = 0; i < sizeof(not_bool) / sizeof(not_bool[0]); i++) {
			snprintf(shown, sizeof(shown), "%" PRId32, not_bool[i]);
			try(f, &not_bool[i], shown,
			    is_advice(f) ? 0 : ECAP_ERR_RANGE);
		}
		break;
	default:
		for (i = 0; i < sizeof(not_zero) / sizeof(not_zero[0]); i++) {
			snprintf(shown, sizeof(shown), "%" PRId32, not_zero[i]);
			try(f, &not_zero[i], shown,
			    is_advice(f) ? 0 : ECAP_ERR_RANGE);
		}
		break;
	}
}

int
main(void)
{
	size_t i;

	if (ecap_policy_new(&policy, NULL) != ECAP_OK)
		return 1;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (fields[i].kind == DOUBLE)
			walk_double(&fields[i]);
		else
			walk_int(&fields[i]);
	}
	ecap_policy_free(&policy);
	printf("test-invalid: %zu fields, %d calls, %d failures\n", i, calls,
	       failures);
	return failures == 0 ? 0 : 1;
}
