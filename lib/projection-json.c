/* SPDX-License-Identifier: MIT */
/*
 * projection-json.c - a projected year's sentence on demand
 * (ecap_projection_year_explain), and JSON of projected years and of Monte
 * Carlo years (every band as {"mean", "p10", "p50", "p90", "p99"}).
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "json-write.h"
#include "projection-internal.h"
#include "json-check.h"
#include "sbuf.h"

/* ---- the sentence of a year ---- */

/* A name of a year's char array, read within the array even without a
 * NUL (caller memory). */
#define NAME(a) (int)strnlen((a), sizeof(a)), (a)

/* The flags of a year as "; ..." clauses. */
static void
year_flags(const struct ecap_projection_year *y, struct ecap__sentence *s)
{
	char hours[ECAP__EXPLAIN_BYTES_MAX];

	if (y->spark_window_missed_flag)
		ecap__say(s, "; window missed by %s h",
			  ecap__explain_number(hours,
					       y->spark_window_miss_hours));
	/* The caller's hard cap held the count: the run takes longer than
	 * its target. */
	if (y->spark_executors_capped_flag)
		ecap__say(s, "; executors capped by spark_max_executor_count "
			  "(%s h a run)",
			  ecap__explain_number(hours,
					       y->spark_projected_hours));
	/* A soft budget the advice exceeds, not a cap that held it. */
	if (y->spark_executors_over_policy_flag)
		ecap__say(s, "; executors over executor.max_executors");
	if (y->database_beyond_one_instance_flag)
		ecap__say(s, "; database beyond one instance");
	if (y->kafka_quota_exceeded_flag)
		ecap__say(s, "; broker quota exceeded");
	if (y->review_architecture_flag)
		ecap__say(s, "; review: %.3gx today's volume",
			  y->growth_multiple_ratio);
}

/* A count as an integer, or in three digits when no count is that. */
static const char *
count_text(char b[24], int64_t v)
{
	if (v >= 0 && v < INT64_C(1000000000000))
		snprintf(b, 24, "%lld", (long long)v);
	else
		snprintf(b, 24, "%.3g", (double)v);
	return b;
}

/*
 * The year's volumes, each family's size and the total, then its flags,
 * from its fields only.  The longest (three 63-character names, every
 * flag, numbers no year holds) stays within ECAP_EXPLAIN_MAX.
 */
static int
year_sentence(const struct ecap_projection_year *y, char *buf, size_t size,
	      struct ecap_error *err)
{
	char base[ECAP__EXPLAIN_BYTES_MAX], peak[ECAP__EXPLAIN_BYTES_MAX];
	char cost[24], nodes[24], instances[24], brokers[24];
	char hours[ECAP__EXPLAIN_BYTES_MAX];
	struct ecap__sentence s;
	int rc;

	if ((rc = ecap__sentence_begin(&s, buf, size, err)) != ECAP_OK)
		return rc;
	/* Cents for any budget; a number no budget holds in six digits. */
	snprintf(cost, sizeof(cost),
		 fabs(y->total_cost_usd_per_month) < 1e13 ? "%.2f" : "%.6g",
		 y->total_cost_usd_per_month);
	ecap__say(&s, "year %d: %s tx/day (peak %s): ", (int)y->year,
		  ecap__explain_quantity(base, y->base_daily_transactions),
		  ecap__explain_quantity(peak, y->peak_daily_transactions));
	/* The guide sizes executors and brokers, not node types. */
	if (y->spark_node_type[0] != '\0')
		ecap__say(&s, "Spark %s x %.*s", count_text(nodes,
							   y->spark_node_count),
			  NAME(y->spark_node_type));
	else
		ecap__say(&s, "Spark %s executors",
			  count_text(nodes, y->spark_executors_count));
	ecap__say(&s, ", %s h/run; database %.*s x%s; ",
		  ecap__explain_number(hours, y->spark_projected_hours),
		  NAME(y->database_instance_class),
		  count_text(instances, y->database_instances_count));
	if (y->kafka_broker_type[0] != '\0')
		ecap__say(&s, "Kafka %s x %.*s", count_text(brokers,
							   y->kafka_brokers_count),
			  NAME(y->kafka_broker_type));
	else
		ecap__say(&s, "Kafka %s brokers",
			  count_text(brokers, y->kafka_brokers_count));
	ecap__say(&s, "; %s USD/month", cost);
	year_flags(y, &s);
	return ecap__sentence_end(&s, err);
}

ECAP_API int
ecap_projection_year_explain(const struct ecap_projection_year *year,
			     char *buf, size_t size, struct ecap_error *err)
{
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, year, ecap_projection_year)) != ECAP_OK)
		return rc;
	return year_sentence(year, buf, size, err);
}

/* ---- JSON ---- */

/*
 * A member being added: the object, and the key that could not be (NaN,
 * infinite, text not NUL-terminated or not UTF-8) for the error message.
 */
struct jyear {
	json_t *o;
	const char *bad;
};

static int
json_finish(json_t *root, const struct jyear *j, size_t i, size_t count,
	    char **json, struct ecap_error *err)
{
	char *text = NULL;

	/* Year i failed when i < count: a bad member or no memory.  The text
	 * is written into our own buffer (ecap__json_dumps, sbuf.c), so that
	 * it is freed with ecap_free whatever allocator jansson uses. */
	if (i == count)
		text = ecap__json_dumps(root, JSON_INDENT(2), "");
	json_decref(root);
	if (j->bad != NULL)
		return ecap__fail(err, ECAP_ERR_INVALID, j->bad,
				  "years[%zu].%s is NaN or infinite, or text "
				  "that is not NUL-terminated or not UTF-8",
				  i, j->bad);
	if (text == NULL)
		return ecap__fail(err, ECAP_ERR_NOMEM, "json",
				  "cannot render the projection");
	*json = text;
	return ECAP_OK;
}

/* Sets a number member; false when v is not finite or memory ran out. */
static bool
put_real(struct jyear *j, const char *key, double v)
{
	if (!isfinite(v)) {
		j->bad = key;
		return false;
	}
	return json_object_set_new(j->o, key, json_real(v)) == 0;
}

static bool
put_int(struct jyear *j, const char *key, int64_t v)
{
	return json_object_set_new(j->o, key, json_integer((json_int_t)v)) == 0;
}

/* Jansson escapes quotes, backslashes and control characters; it refuses
 * text that is not UTF-8. */
static bool
put_bool(struct jyear *j, const char *key, int64_t v)
{
	return json_object_set_new(j->o, key, json_boolean(v != 0)) == 0;
}

/* An enum member by its C name (ecap_<enum>_to_string), or its number
 * for a value without one. */
static bool
put_enum(struct jyear *j, const char *key, const char *name, int64_t v)
{
	if (name == NULL)
		return put_int(j, key, v);
	return json_object_set_new(j->o, key, json_string(name)) == 0;
}

static bool
put_str(struct jyear *j, const char *key, const char *v, size_t cap)
{
	const char *nul = memchr(v, '\0', cap);

	if (nul == NULL || !ecap__utf8_ok(v, (size_t)(nul - v))) {
		j->bad = key;
		return false;
	}
	/* Valid text: a NULL from jansson is memory. */
	return json_object_set_new(j->o, key, json_string(v)) == 0;
}

/* "reason_text": the year's sentence, rendered here on demand. */
static bool
put_explanation(struct jyear *j, const struct ecap_projection_year *y)
{
	char text[ECAP_EXPLAIN_MAX];

	if (year_sentence(y, text, sizeof(text), NULL) != ECAP_OK) {
		j->bad = "reason_text";
		return false;
	}
	return put_str(j, "reason_text", text, sizeof(text));
}

/* The common frame: validates the array and makes {"model", "years": []}. */
static int
json_begin(const void *first, size_t count, size_t known, const char *type,
	   char **json, json_t **root, json_t **arr, size_t *stride,
	   struct ecap_error *err)
{
	const char *model;
	int32_t m0 = 0;
	size_t i;
	int rc;

	if ((rc = ecap__check_ptr(err, json, "json")) != ECAP_OK)
		return rc;
	*json = NULL;
	if (count == 0 || count > ECAP_PROJECTION_MAX_YEARS)
		return ecap__fail(err, ECAP_ERR_RANGE, "count",
				  "count is %zu; 1 to %d years can be "
				  "rendered", count, ECAP_PROJECTION_MAX_YEARS);
	if ((rc = ecap__array_stride(err, first, count, known, type, stride)))
		return rc;
	/* model is the first int32_t after sz in both year structs; every
	 * year's must be known, and the same (one projection). */
	for (i = 0; i < count; i++) {
		int32_t m;

		memcpy(&m, (const unsigned char *)first + i * *stride +
			   sizeof(size_t), sizeof(m));
		if (i == 0)
			m0 = m;
		if (ecap_model_to_string(m) == NULL || m != m0)
			return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "model",
					  "years[%zu].model is %d, %s; fill "
					  "the array with one projection",
					  i, (int)m,
					  ecap_model_to_string(m) == NULL ?
						  "unknown" :
						  "not the first year's");
	}
	model = ecap_model_to_string(m0);
	*root = json_object();
	*arr = json_array();
	if (*root == NULL || *arr == NULL ||
	    json_object_set_new(*root, "model", json_string(model)) != 0 ||
	    json_object_set(*root, "years", *arr) != 0) {
		json_decref(*root);
		json_decref(*arr);
		return ecap__fail(err, ECAP_ERR_NOMEM, "json",
				  "cannot render the projection");
	}
	json_decref(*arr);
	return ECAP_OK;
}

static bool
spark_json(struct jyear *j, const struct ecap_projection_year *y)
{
	return put_real(j, "spark_daily_data_gb", y->spark_daily_data_gb) &&
	       put_str(j, "spark_node_type", y->spark_node_type,
		       sizeof(y->spark_node_type)) &&
	       put_int(j, "spark_node_count", y->spark_node_count) &&
	       put_int(j, "spark_executors_count", y->spark_executors_count) &&
	       put_real(j, "spark_executor_memory_gb", y->spark_executor_memory_gb) &&
	       put_real(j, "spark_total_memory_gb", y->spark_total_memory_gb) &&
	       put_real(j, "spark_projected_hours", y->spark_projected_hours) &&
	       put_real(j, "spark_window_hours", y->spark_window_hours) &&
	       put_real(j, "spark_window_miss_hours", y->spark_window_miss_hours) &&
	       put_real(j, "spark_cost_usd_per_hour", y->spark_cost_usd_per_hour) &&
	       put_real(j, "spark_cost_usd_per_month", y->spark_cost_usd_per_month) &&
	       put_real(j, "spark_peak_cost_usd_per_month",
			y->spark_peak_cost_usd_per_month) &&
	       put_bool(j, "spark_window_missed_flag", y->spark_window_missed_flag) &&
	       put_bool(j, "spark_executors_capped_flag",
			y->spark_executors_capped_flag) &&
	       put_bool(j, "spark_executors_over_policy_flag",
		       y->spark_executors_over_policy_flag);
}

static bool
database_json(struct jyear *j, const struct ecap_projection_year *y)
{
	return put_str(j, "database_instance_class", y->database_instance_class,
		       sizeof(y->database_instance_class)) &&
	       put_int(j, "database_instances_count", y->database_instances_count) &&
	       put_real(j, "database_memory_required_gb",
			y->database_memory_required_gb) &&
	       put_real(j, "database_storage_gb", y->database_storage_gb) &&
	       put_enum(j, "database_reason",
			ecap_database_reason_to_string(y->database_reason),
			y->database_reason) &&
	       put_bool(j, "database_fits_flag", y->database_fits_flag) &&
	       put_real(j, "database_vcpu_required_count",
			y->database_vcpu_required_count) &&
	       put_real(j, "database_iops_required_count",
			y->database_iops_required_count) &&
	       put_real(j, "database_instance_cost_usd_per_month",
			y->database_instance_cost_usd_per_month) &&
	       put_real(j, "database_replica_cost_usd_per_month",
			y->database_replica_cost_usd_per_month) &&
	       put_real(j, "database_storage_cost_usd_per_month",
			y->database_storage_cost_usd_per_month) &&
	       put_real(j, "database_iops_cost_usd_per_month",
			y->database_iops_cost_usd_per_month) &&
	       put_real(j, "database_cost_usd_per_month",
			y->database_cost_usd_per_month) &&
	       put_bool(j, "database_beyond_one_instance_flag",
		       y->database_beyond_one_instance_flag);
}

static bool
kafka_json(struct jyear *j, const struct ecap_projection_year *y)
{
	return put_real(j, "kafka_events_per_second", y->kafka_events_per_second) &&
	       put_real(j, "kafka_peak_events_per_second",
			y->kafka_peak_events_per_second) &&
	       put_str(j, "kafka_broker_type", y->kafka_broker_type,
		       sizeof(y->kafka_broker_type)) &&
	       put_int(j, "kafka_partitions_count", y->kafka_partitions_count) &&
	       put_int(j, "kafka_brokers_count", y->kafka_brokers_count) &&
	       put_real(j, "kafka_storage_per_broker_gb",
			y->kafka_storage_per_broker_gb) &&
	       put_enum(j, "kafka_reason",
			ecap_kafka_reason_to_string(y->kafka_reason),
			y->kafka_reason) &&
	       put_real(j, "kafka_broker_cost_usd_per_month",
			y->kafka_broker_cost_usd_per_month) &&
	       put_real(j, "kafka_storage_cost_usd_per_month",
			y->kafka_storage_cost_usd_per_month) &&
	       put_real(j, "kafka_cost_usd_per_month", y->kafka_cost_usd_per_month) &&
	       put_bool(j, "kafka_quota_exceeded_flag", y->kafka_quota_exceeded_flag);
}

static bool
projection_year_json(json_t *arr, const struct ecap_projection_year *y,
		     struct jyear *j)
{
	bool ok;

	j->o = json_object();
	ok = j->o != NULL && json_array_append_new(arr, j->o) == 0;
	ok = ok && put_int(j, "year", y->year) &&
	     put_real(j, "base_daily_transactions", y->base_daily_transactions) &&
	     put_real(j, "peak_daily_transactions", y->peak_daily_transactions) &&
	     put_real(j, "growth_multiple_ratio", y->growth_multiple_ratio) &&
	     spark_json(j, y) && database_json(j, y) && kafka_json(j, y) &&
	     put_real(j, "total_cost_usd_per_month", y->total_cost_usd_per_month) &&
	     put_bool(j, "review_architecture_flag", y->review_architecture_flag) &&
	     put_str(j, "currency", y->currency, sizeof(y->currency)) &&
	     put_str(j, "price_date", y->price_date, sizeof(y->price_date)) &&
	     put_explanation(j, y);
	return ok;
}

ECAP_API int
ecap_projection_to_json(const struct ecap_projection_year *years,
			size_t count, char **json, struct ecap_error *err)
{
	const size_t known = ecap_offsetofend(struct ecap_projection_year,
					      ecap_projection_year__last_field);
	struct jyear j = { NULL, NULL };
	json_t *root, *arr;
	size_t stride, i;
	int rc;

	ecap__err_clear(err);
	if ((rc = json_begin(years, count, known, "ecap_projection_year", json,
			     &root, &arr, &stride, err)) != ECAP_OK)
		return rc;
	for (i = 0; i < count; i++)
		if (!projection_year_json(
			arr, (const void *)((const unsigned char *)years +
					    i * stride), &j))
			break;
	return json_finish(root, &j, i, count, json, err);
}

/* A band as {"mean", "p10", "p50", "p90", "p99"}. */
static bool
put_band(struct jyear *j, const char *key, const struct ecap_projection_band *b)
{
	struct jyear inner = { json_object(), NULL };
	bool ok = inner.o != NULL &&
		  json_object_set_new(j->o, key, inner.o) == 0;

	ok = ok && put_real(&inner, "mean", b->mean) &&
	     put_real(&inner, "p10", b->p10) && put_real(&inner, "p50", b->p50) &&
	     put_real(&inner, "p90", b->p90) && put_real(&inner, "p99", b->p99);
	if (inner.bad != NULL)
		j->bad = key;
	return ok;
}

static bool
montecarlo_year_json(json_t *arr,
		     const struct ecap_projection_montecarlo_year *y,
		     struct jyear *j)
{
	bool ok;

	j->o = json_object();
	ok = j->o != NULL && json_array_append_new(arr, j->o) == 0;
	return ok && put_int(j, "year", y->year) &&
	       put_band(j, "base_daily_transactions", &y->base_daily_transactions) &&
	       put_band(j, "peak_daily_transactions", &y->peak_daily_transactions) &&
	       put_band(j, "spark_node_count", &y->spark_node_count) &&
	       put_band(j, "spark_executors_count", &y->spark_executors_count) &&
	       put_band(j, "spark_projected_hours", &y->spark_projected_hours) &&
	       put_band(j, "database_instances_count",
			&y->database_instances_count) &&
	       put_band(j, "database_memory_required_gb",
			&y->database_memory_required_gb) &&
	       put_band(j, "database_storage_gb", &y->database_storage_gb) &&
	       put_band(j, "kafka_brokers_count", &y->kafka_brokers_count) &&
	       put_band(j, "kafka_storage_per_broker_gb",
			&y->kafka_storage_per_broker_gb) &&
	       put_band(j, "spark_cost_usd_per_month",
			&y->spark_cost_usd_per_month) &&
	       put_band(j, "spark_peak_cost_usd_per_month",
			&y->spark_peak_cost_usd_per_month) &&
	       put_band(j, "database_cost_usd_per_month",
			&y->database_cost_usd_per_month) &&
	       put_band(j, "kafka_cost_usd_per_month",
			&y->kafka_cost_usd_per_month) &&
	       put_band(j, "total_cost_usd_per_month",
			&y->total_cost_usd_per_month) &&
	       put_real(j, "spark_window_missed_share_ratio",
			y->spark_window_missed_share_ratio) &&
	       put_real(j, "spark_executors_capped_share_ratio",
			y->spark_executors_capped_share_ratio) &&
	       put_real(j, "spark_executors_over_policy_share_ratio",
			y->spark_executors_over_policy_share_ratio) &&
	       put_real(j, "database_beyond_one_instance_share_ratio",
			y->database_beyond_one_instance_share_ratio) &&
	       put_real(j, "kafka_quota_exceeded_share_ratio",
			y->kafka_quota_exceeded_share_ratio) &&
	       put_real(j, "review_architecture_share_ratio",
			y->review_architecture_share_ratio);
}

ECAP_API int
ecap_projection_montecarlo_to_json(
	const struct ecap_projection_montecarlo_year *years, size_t count,
	char **json, struct ecap_error *err)
{
	const size_t known = ecap_offsetofend(
		struct ecap_projection_montecarlo_year,
		ecap_projection_montecarlo_year__last_field);
	struct jyear j = { NULL, NULL };
	json_t *root, *arr;
	size_t stride, i;
	int rc;

	ecap__err_clear(err);
	if ((rc = json_begin(years, count, known,
			     "ecap_projection_montecarlo_year", json, &root,
			     &arr, &stride, err)) != ECAP_OK)
		return rc;
	for (i = 0; i < count; i++)
		if (!montecarlo_year_json(
			arr, (const void *)((const unsigned char *)years +
					    i * stride), &j))
			break;
	return json_finish(root, &j, i, count, json, err);
}
