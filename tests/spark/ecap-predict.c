/* SPDX-License-Identifier: MIT */
/*
 * ecap-predict: the library's predictions for the engine checks
 * (tests/spark/test_engine.py), through the public API only.
 *
 * Reads one JSON case per line on stdin and prints one JSON result per
 * line on stdout, in order:
 *
 *   {"kind":"scan","file_sizes":[..],"splittable":1 or [..],
 *    "max_partition_bytes":N,"open_cost_bytes":N,"min_partition_num":N,
 *    "total_executor_cores":N}
 *     -> {"task_count":N,"split_count":N,"max_split_bytes":N,...}
 *   {"kind":"join","join_type":"left_outer","no_equi_keys":0,
 *    "left_size":N,"right_size":N,"left_hint":"broadcast","right_hint":..,
 *    "threshold":N,"shuffle_partitions":N,"prefer_sort_merge":1,
 *    "shuffle_hash_factor":3,"spark":"3.5"}
 *     -> {"strategy":"SortMergeJoin","build_side":"none",
 *         "left_hint_ignored":0,"right_hint_ignored":1,...}
 *   {"kind":"aqe","partition_sizes":[..],"advisory":N,
 *    "min_partition_size":N,"parallelism_first":1,"default_parallelism":N}
 *     -> {"coalesced_count":N,"target_size":N,"skewed_count":N,...}
 *   {"kind":"partition","model":"ecap-1","data_size":N,"current":N,
 *    "total_executor_cores":N,"file_sizes":[..],"not_splittable":0,
 *    "policy":{"partition.target_size_mb":1,...}}
 *     -> {"action":"keep","partition_count":N,"scan_task_count":N,
 *         "bytes_per_partition":N,"properties":{"spark.sql...":"..."},...}
 *
 * Absent fields are 0 ("not given").  A case the library rejects gives
 * {"error":"<strerror>","code":N,"message":"..."}; a line that is not a
 * JSON object, or has an unknown kind, is an error of this program (exit 2).
 */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <jansson.h>

#include "ecaptune.h"

static int64_t
get_i64(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);

	if (json_is_integer(v))
		return (int64_t)json_integer_value(v);
	if (json_is_true(v))
		return 1;
	return 0;
}

static double
get_double(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);

	return json_is_number(v) ? json_number_value(v) : 0.0;
}

/* An array of integers as a malloc'ed int64 array (*n elements); NULL
 * with *n = 0 when absent or empty. */
static int64_t *
get_i64_array(const json_t *obj, const char *key, int64_t *n)
{
	const json_t *arr = json_object_get(obj, key);
	int64_t *v;
	size_t i;

	*n = 0;
	if (!json_is_array(arr) || json_array_size(arr) == 0)
		return NULL;
	v = calloc(json_array_size(arr), sizeof(*v));
	if (v == NULL)
		return NULL;
	for (i = 0; i < json_array_size(arr); i++)
		v[i] = (int64_t)json_integer_value(json_array_get(arr, i));
	*n = (int64_t)json_array_size(arr);
	return v;
}

static json_t *
error_result(int rc, const struct ecap_error *err)
{
	return json_pack("{s:s, s:i, s:s}", "error", ecap_strerror(rc),
			 "code", rc, "message", err->message);
}

static json_t *
predict_scan(const ecap_policy *policy, const json_t *c)
{
	struct ecap_partition_scan_in in;
	struct ecap_partition_scan_out out;
	struct ecap_error err;
	const json_t *split = json_object_get(c, "splittable");
	int64_t *sizes, n, nflags = 0, i;
	int32_t *flags = NULL;
	char explain_text[ECAP_EXPLAIN_MAX];
	json_t *res;
	int rc;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	ECAP_STRUCT_INIT(&err);
	sizes = get_i64_array(c, "file_sizes", &n);
	if (json_is_array(split)) {
		int64_t *f = get_i64_array(c, "splittable", &nflags);

		flags = nflags > 0 ? calloc((size_t)nflags, sizeof(*flags)) : NULL;
		for (i = 0; flags != NULL && i < nflags; i++)
			flags[i] = (int32_t)f[i];
		free(f);
		in.not_splittable = 0;
	} else {
		in.not_splittable = split == NULL ? 0 : !get_i64(c, "splittable");
	}
	in.file_sizes_bytes = sizes;
	in.file_splittable = flags;
	in.file_count = n;
	in.max_partition_bytes = get_i64(c, "max_partition_bytes");
	in.open_cost_bytes = get_i64(c, "open_cost_bytes");
	in.min_partition_num = get_i64(c, "min_partition_num");
	in.total_executor_cores = get_i64(c, "total_executor_cores");
	if (flags != NULL && nflags != n)
		res = json_pack("{s:s}", "error", "splittable: one flag per file");
	else if ((rc = ecap_partition_scan_tasks(policy, &in, &out, &err)) != ECAP_OK ||
		 (rc = ecap_partition_scan_explain(&out, explain_text,
						   sizeof(explain_text),
						   &err)) != ECAP_OK)
		res = error_result(rc, &err);
	else
		res = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:i, s:s}",
				"task_count", (json_int_t)out.task_count,
				"split_count", (json_int_t)out.split_count,
				"max_split_bytes", (json_int_t)out.max_split_bytes,
				"total_bytes", (json_int_t)out.total_bytes,
				"bytes_per_core", (json_int_t)out.bytes_per_core,
				"min_partition_num", (json_int_t)out.min_partition_num,
				"reason", out.reason,
				"reason_text", explain_text);
	free(sizes);
	free(flags);
	return res;
}

/* An enum name field through a *_from_string parser; absent is 0. */
static int
get_enum(const json_t *c, const char *key,
	 int (*parse)(const char *, int32_t *, struct ecap_error *),
	 int32_t *v, struct ecap_error *err)
{
	const char *s = json_string_value(json_object_get(c, key));

	*v = 0;
	if (s == NULL || strcmp(s, "none") == 0 || *s == '\0')
		return ECAP_OK;
	return parse(s, v, err);
}

/* "3.5" into major and minor; absent leaves both 0 (3.5). */
static void
get_version(const json_t *c, int32_t *major, int32_t *minor)
{
	const char *s = json_string_value(json_object_get(c, "spark"));
	int ma = 0, mi = 0;

	if (s != NULL && sscanf(s, "%d.%d", &ma, &mi) == 2) {
		*major = ma;
		*minor = mi;
	}
}

static const char *
name_or(const char *s, const char *dflt)
{
	return s != NULL ? s : dflt;
}

static json_t *
predict_join(ecap_policy *policy, const json_t *c)
{
	struct ecap_join_in in;
	struct ecap_join_out out;
	struct ecap_error err;
	char strategy_text[ECAP_EXPLAIN_MAX], hint_text[ECAP_EXPLAIN_MAX];
	int rc;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	ECAP_STRUCT_INIT(&err);
	rc = get_enum(c, "join_type", ecap_join_type_from_string, &in.join_type, &err);
	if (rc == ECAP_OK)
		rc = get_enum(c, "left_hint", ecap_join_hint_from_string,
			      &in.left_hint, &err);
	if (rc == ECAP_OK)
		rc = get_enum(c, "right_hint", ecap_join_hint_from_string,
			      &in.right_hint, &err);
	if (rc == ECAP_OK && json_object_get(c, "prefer_sort_merge") != NULL)
		rc = ecap_policy_set_int64(policy, "join.prefer_sort_merge",
					   get_i64(c, "prefer_sort_merge"), &err);
	if (rc == ECAP_OK && json_object_get(c, "shuffle_hash_factor") != NULL)
		rc = ecap_policy_set_double(policy, "join.shuffle_hash_factor",
					    get_double(c, "shuffle_hash_factor"),
					    &err);
	if (rc != ECAP_OK)
		return error_result(rc, &err);
	in.no_equi_keys = (int32_t)get_i64(c, "no_equi_keys");
	in.keys_not_sortable = (int32_t)get_i64(c, "keys_not_sortable");
	in.left_size_bytes = get_i64(c, "left_size");
	in.right_size_bytes = get_i64(c, "right_size");
	in.left_row_count = get_i64(c, "left_rows");
	in.right_row_count = get_i64(c, "right_rows");
	in.broadcast_threshold_bytes = get_i64(c, "threshold");
	in.shuffle_partitions_count = get_i64(c, "shuffle_partitions");
	get_version(c, &in.spark_version_major, &in.spark_version_minor);
	if ((rc = ecap_join_advise(policy, &in, &out, &err)) != ECAP_OK ||
	    (rc = ecap_join_explain_part(&out, ECAP_JOIN_TEXT_STRATEGY,
					 strategy_text, sizeof(strategy_text),
					 &err)) != ECAP_OK ||
	    (rc = ecap_join_explain_part(&out, ECAP_JOIN_TEXT_HINTS, hint_text,
					 sizeof(hint_text), &err)) != ECAP_OK)
		return error_result(rc, &err);
	return json_pack("{s:s, s:s, s:i, s:i, s:i, s:i, s:i, s:s, s:s}",
			 "strategy",
			 name_or(ecap_join_strategy_to_string(out.strategy), "?"),
			 "build_side",
			 name_or(ecap_join_build_side_to_string(out.build_side), "?"),
			 "strategy_reason", out.strategy_reason,
			 "left_hint_ignored", out.left_hint_ignored,
			 "left_hint_ignored_reason", out.left_hint_ignored_reason,
			 "right_hint_ignored", out.right_hint_ignored,
			 "right_hint_ignored_reason", out.right_hint_ignored_reason,
			 "strategy_text", strategy_text,
			 "hint_text", hint_text);
}

static json_t *
predict_aqe(const ecap_policy *policy, const json_t *c)
{
	struct ecap_partition_aqe_in in;
	struct ecap_partition_aqe_out out;
	struct ecap_error err;
	char explain_text[ECAP_EXPLAIN_MAX];
	int64_t *sizes, n;
	json_t *res;
	int rc;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	ECAP_STRUCT_INIT(&err);
	sizes = get_i64_array(c, "partition_sizes", &n);
	in.partition_sizes_bytes = sizes;
	in.partition_count = n;
	in.advisory_partition_size_bytes = get_i64(c, "advisory");
	in.min_partition_size_bytes = get_i64(c, "min_partition_size");
	/* Spark's default is parallelismFirst=true. */
	in.parallelism_first_disabled =
		json_object_get(c, "parallelism_first") != NULL &&
		!get_i64(c, "parallelism_first");
	in.default_parallelism = get_i64(c, "default_parallelism");
	in.total_executor_cores = get_i64(c, "total_executor_cores");
	rc = ecap_partition_aqe(policy, &in, &out, NULL, NULL, &err);
	if (rc == ECAP_OK)
		rc = ecap_partition_aqe_explain(&out, explain_text,
						sizeof(explain_text), &err);
	if (rc != ECAP_OK)
		res = error_result(rc, &err);
	else
		res = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:i, s:s}",
				"coalesced_count",
				(json_int_t)out.coalesced_partition_count,
				"target_size", (json_int_t)out.target_size_bytes,
				"max_target_size",
				(json_int_t)out.max_target_size_bytes,
				"min_num_partitions",
				(json_int_t)out.min_num_partitions,
				"total_bytes", (json_int_t)out.total_bytes,
				"median_size", (json_int_t)out.median_size_bytes,
				"skewed_count",
				(json_int_t)out.skewed_partition_count,
				"skew_split_task_count",
				(json_int_t)out.skew_split_task_count,
				"reason", out.reason,
				"reason_text", explain_text);
	free(sizes);
	return res;
}

/* Policy settings of a case: {"key": number or string, ...}. */
static int
apply_policy(ecap_policy *policy, const json_t *c, struct ecap_error *err)
{
	const json_t *settings = json_object_get(c, "policy");
	const char *key;
	json_t *v;
	int rc = ECAP_OK;

	json_object_foreach((json_t *)settings, key, v) {
		if (json_is_string(v))
			rc = ecap_policy_set_string(policy, key,
						    json_string_value(v), err);
		else if ((rc = ecap_policy_set_double(policy, key,
						      json_number_value(v),
						      err)) == ECAP_ERR_TYPE)
			/* an integer key */
			rc = ecap_policy_set_int64(policy, key,
						   (int64_t)json_number_value(v),
						   err);
		if (rc != ECAP_OK)
			break;
	}
	return rc;
}

/* A partition advice and the Spark properties that realise it. */
static json_t *
predict_partition(ecap_policy *policy, const json_t *c)
{
	struct ecap_partition_in in;
	struct ecap_partition_out out;
	struct ecap_property props[16];
	struct ecap_error err;
	char why[ECAP_EXPLAIN_MAX];
	int64_t *files, n;
	size_t count = 16, i;
	json_t *res = NULL, *pj;
	int rc;

	ECAP_STRUCT_INIT(&in);
	ECAP_STRUCT_INIT(&out);
	ECAP_STRUCT_INIT(&err);
	for (i = 0; i < count; i++)
		ECAP_STRUCT_INIT(&props[i]);
	files = get_i64_array(c, "file_sizes", &n);
	in.data_size_bytes = get_i64(c, "data_size");
	in.current_partition_count = get_i64(c, "current");
	in.total_executor_cores = get_i64(c, "total_executor_cores");
	in.file_sizes_bytes = files;
	in.file_count = n;
	in.files_not_splittable = (int32_t)get_i64(c, "not_splittable");
	if ((rc = apply_policy(policy, c, &err)) != ECAP_OK ||
	    (rc = ecap_partition_advise(policy, &in, &out, &err)) != ECAP_OK ||
	    (rc = ecap_partition_explain(&out, why, sizeof(why), &err)) !=
		    ECAP_OK ||
	    (rc = ecap_partition_spark_properties(policy, &out, props, &count,
						  &err)) != ECAP_OK) {
		free(files);
		return error_result(rc, &err);
	}
	pj = json_object();
	for (i = 0; pj != NULL && i < count; i++)
		json_object_set_new(pj, props[i].key,
				    json_string(props[i].value));
	if (pj != NULL)
		res = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:s, s:o}",
				"action",
				name_or(ecap_partition_action_to_string(out.action),
					"?"),
				"reason",
				name_or(ecap_partition_reason_to_string(out.reason),
					"?"),
				"partition_count", (json_int_t)out.partition_count,
				"effective_partition_count",
				(json_int_t)out.effective_partition_count,
				"bytes_per_partition",
				(json_int_t)out.bytes_per_partition,
				"scan_task_count", (json_int_t)out.scan_task_count,
				"data_size", (json_int_t)out.data_size_bytes,
				"reason_text", why, "properties", pj);
	free(files);
	return res;
}

/* One line: a result object, or NULL for a line this program rejects. */
static json_t *
predict_line(const char *line, size_t len)
{
	struct ecap_error err;
	ecap_policy *policy = NULL;
	json_error_t jerr;
	json_t *c, *res = NULL;
	const char *kind;
	int rc;

	c = json_loadb(line, len, 0, &jerr);
	if (!json_is_object(c)) {
		fprintf(stderr, "ecap-predict: not a JSON object: %s\n", jerr.text);
		json_decref(c);
		return NULL;
	}
	ECAP_STRUCT_INIT(&err);
	/* A fresh policy per case: the join settings go into it. */
	rc = ecap_policy_new(&policy, &err);
	kind = json_string_value(json_object_get(c, "kind"));
	if (rc != ECAP_OK)
		res = error_result(rc, &err);
	else if (kind != NULL && strcmp(kind, "scan") == 0)
		res = predict_scan(policy, c);
	else if (kind != NULL && strcmp(kind, "join") == 0)
		res = predict_join(policy, c);
	else if (kind != NULL && strcmp(kind, "aqe") == 0)
		res = predict_aqe(policy, c);
	else if (kind != NULL && strcmp(kind, "partition") == 0)
		res = predict_partition(policy, c);
	else
		fprintf(stderr, "ecap-predict: unknown kind \"%s\"\n",
			kind != NULL ? kind : "");
	if (res != NULL && json_object_get(c, "id") != NULL)
		json_object_set(res, "id", json_object_get(c, "id"));
	ecap_policy_free(&policy);
	json_decref(c);
	return res;
}

int
main(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int status = 0;

	while ((len = getline(&line, &cap, stdin)) > 0) {
		json_t *res;
		char *text;

		if (strspn(line, " \t\r\n") == (size_t)len)
			continue;
		res = predict_line(line, (size_t)len);
		if (res == NULL) {
			status = 2;
			break;
		}
		text = json_dumps(res, JSON_COMPACT);
		json_decref(res);
		if (text == NULL) {
			status = 2;
			break;
		}
		printf("%s\n", text);
		free(text);
		fflush(stdout);
	}
	free(line);
	return status;
}
