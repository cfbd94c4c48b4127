/* SPDX-License-Identifier: MIT */
/*
 * policy-json.c - loading a policy from JSON and dumping it.
 *
 * A document is one object.  Its members are static keys, plus
 * "growth.scenarios" (an object of scenario objects, merged by name) and
 * "catalog.<catalog>" (an array that replaces a catalog, catalog-json.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"
#include "json-write.h"
#include "json-check.h"
#include "policy-json.h"

#define SCENARIOS_KEY "growth.scenarios"

bool
ecap__text_ok(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	/* Checked here rather than by asking jansson, whose check allocates:
	 * a failed allocation must not read as bad text. */
	return ecap__utf8_ok(s, i);
}

/* ---- positions of keys in the source text, for errors only ---- */

/*
 * Offset of the member name "key" (followed by a colon) at or after from,
 * or from when it cannot be found (escaped names).  Good enough to point a
 * reader at the offending member: duplicate keys are rejected earlier.
 */
static size_t
key_offset(const struct ecap__src *src, size_t from, const char *key)
{
	size_t klen = strlen(key), i, j;

	for (i = from; src->text != NULL && i + klen + 2 <= src->len; i++) {
		if (src->text[i] != '"' ||
		    memcmp(src->text + i + 1, key, klen) != 0 ||
		    src->text[i + 1 + klen] != '"')
			continue;
		for (j = i + klen + 2; j < src->len; j++)
			if (src->text[j] != ' ' && src->text[j] != '\t' &&
			    src->text[j] != '\r' && src->text[j] != '\n')
				break;
		if (j < src->len && src->text[j] == ':')
			return i;
	}
	return from;
}

/* Each name is searched from its parent's offset. */
static size_t
loc_offset(const struct ecap__src *src, const struct ecap__loc *loc)
{
	size_t from = loc->parent != NULL ? loc_offset(src, loc->parent) : 0;

	return loc->key != NULL ? key_offset(src, from, loc->key) : from;
}

static void
offset_pos(const struct ecap__src *src, size_t off, int *line, int *column)
{
	size_t i;

	*line = 1;
	*column = 1;
	for (i = 0; i < off && i < src->len; i++) {
		if (src->text[i] == '\n') {
			(*line)++;
			*column = 1;
		} else {
			(*column)++;
		}
	}
}

int
ecap__json_at(struct ecap_error *err, const struct ecap__src *src,
	      const struct ecap__loc *loc, int rc)
{
	int line, column;

	if (rc == ECAP_OK)
		return rc;
	offset_pos(src, loc_offset(src, loc), &line, &column);
	ecap__err_set_pos(err, line, column);
	return rc;
}

static const char *
json_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a real number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	default:
		return "null";
	}
}

int
ecap__json_type_error(struct ecap_error *err, const char *key,
		      const char *want, const json_t *v)
{
	return ecap__fail(err, ECAP_ERR_JSON, key,
			  "%.80s must be %s, not %s", key, want,
			  json_type_name(v));
}

/* ---- static keys ---- */

static int
load_static(ecap_policy *p, int id, const json_t *v, struct ecap_error *err)
{
	const struct ecap__key_def *k = &ecap__keys[id];

	switch (k->type) {
	case ECAP_TYPE_DOUBLE:
		if (!json_is_number(v))
			return ecap__json_type_error(err, k->name, "a number", v);
		return ecap__key_store_double(p, id, json_number_value(v), err);
	case ECAP_TYPE_INT64:
		if (!json_is_integer(v))
			return ecap__json_type_error(err, k->name, "an integer", v);
		return ecap__key_store_int64(p, id, json_integer_value(v), err);
	case ECAP_TYPE_BOOL:
		if (!json_is_boolean(v))
			return ecap__json_type_error(err, k->name, "true or false", v);
		return ecap__key_store_int64(p, id, json_is_true(v), err);
	default:
		if (!json_is_string(v))
			return ecap__json_type_error(err, k->name, "a string", v);
		return ecap__key_store_string(p, id, json_string_value(v), err);
	}
}

/* ---- scenarios ---- */

static int
load_scenario(ecap_policy *p, const char *name, const json_t *obj,
	      const struct ecap__src *src, const struct ecap__loc *off,
	      struct ecap_error *err)
{
	const struct ecap_scenario *old = ecap__scenario_find(p, name);
	struct ecap_scenario s;
	bool have_growth = false, have_peak = false;
	const char *field;
	char key[160], prefix[128];
	json_t *v;
	int rc;

	snprintf(prefix, sizeof(prefix), SCENARIOS_KEY ".%s.", name);
	if (!json_is_object(obj))
		return ecap__json_at(err, src, off,
			  ecap__json_type_error(err, prefix, "an object", obj));
	memset(&s, 0, sizeof(s));
	if (old != NULL)
		s = *old;
	else if (strlen(name) < sizeof(s.name))
		memcpy(s.name, name, strlen(name) + 1);
	json_object_foreach((json_t *)obj, field, v) {
		const struct ecap__loc at = { off, field }, *foff = &at;
		double *d = NULL;

		snprintf(key, sizeof(key), "%s%s", prefix, field);
		if (strcmp(field, "description") == 0) {
			if (!json_is_string(v))
				return ecap__json_at(err, src, foff,
					  ecap__json_type_error(err, key, "a string", v));
			if (json_string_length(v) >= sizeof(s.description) ||
			    !ecap__text_ok(json_string_value(v)))
				return ecap__json_at(err, src, foff,
					  ecap__fail(err, ECAP_ERR_RANGE, key,
						     "%s must be at most 255 "
						     "bytes of text", key));
			memcpy(s.description, json_string_value(v),
			       json_string_length(v) + 1);
			continue;
		}
		if (strcmp(field, "yearly_growth_ratio") == 0) {
			d = &s.yearly_growth_ratio;
			have_growth = true;
		} else if (strcmp(field, "seasonal_peak_factor") == 0) {
			d = &s.seasonal_peak_factor;
			have_peak = true;
		} else if (strcmp(field, "yearly_growth_sd_ratio") == 0) {
			d = &s.yearly_growth_sd_ratio;
		} else if (strcmp(field, "seasonal_peak_sd_factor") == 0) {
			d = &s.seasonal_peak_sd_factor;
		} else {
			return ecap__json_at(err, src, foff,
				  ecap__fail(err, ECAP_ERR_UNKNOWN_KEY, key,
					     "no policy key is named "
					     "\"%.100s\"", key));
		}
		if (!json_is_number(v))
			return ecap__json_at(err, src, foff,
				  ecap__json_type_error(err, key, "a number", v));
		*d = json_number_value(v);
	}
	if (old == NULL && (!have_growth || !have_peak))
		return ecap__json_at(err, src, off,
			  ecap__fail(err, ECAP_ERR_INVALID, prefix,
				     "new scenario %.63s needs "
				     "yearly_growth_ratio and "
				     "seasonal_peak_factor", name));
	if ((rc = ecap__scenario_validate(err, &s, prefix)) != ECAP_OK ||
	    (rc = ecap__scenario_put(p, &s, err)) != ECAP_OK)
		return ecap__json_at(err, src, off, rc);
	return ECAP_OK;
}

static int
load_scenarios(ecap_policy *p, const json_t *obj, const struct ecap__src *src,
	       const struct ecap__loc *off, struct ecap_error *err)
{
	const char *name;
	json_t *v;
	int rc;

	if (!json_is_object(obj))
		return ecap__json_at(err, src, off,
			  ecap__json_type_error(err, SCENARIOS_KEY, "an object", obj));
	json_object_foreach((json_t *)obj, name, v) {
		const struct ecap__loc at = { off, name };

		rc = load_scenario(p, name, v, src, &at, err);
		if (rc != ECAP_OK)
			return rc;
	}
	return ECAP_OK;
}

/* ---- load ---- */

static int
load_root(ecap_policy *p, const json_t *root, const struct ecap__src *src,
	  struct ecap_error *err)
{
	const char *key;
	int32_t catalog;
	json_t *v;
	int rc, id, next = 0;

	if (!json_is_object(root))
		return ecap__fail_at(err, ECAP_ERR_JSON, "", 1, 1,
				     "a policy document must be a JSON object, "
				     "not %s", json_type_name(root));
	json_object_foreach((json_t *)root, key, v) {
		const struct ecap__loc at = { NULL, key }, *off = &at;

		if ((id = ecap__key_lookup_from(key, next)) >= 0) {
			next = id + 1;
			rc = ecap__json_at(err, src, off,
					   load_static(p, id, v, err));
		} else if (strcmp(key, SCENARIOS_KEY) == 0) {
			rc = load_scenarios(p, v, src, off, err);
		} else if (ecap__catalog_member(key, &catalog)) {
			rc = ecap__catalog_load_json(p, catalog, key, v, src,
						     off, err);
		} else {
			rc = ecap__json_at(err, src, off,
				ecap__fail(err, ECAP_ERR_UNKNOWN_KEY, key,
					   "no policy key is named \"%.100s\"",
					   key));
		}
		if (rc != ECAP_OK)
			return rc;
	}
	/* The rules between keys hold for the document as a whole. */
	return ecap__policy_check(p, -1, err);
}

/*
 * json_loadb, with what jansson cannot report under memory pressure
 * (json-check.h): a failure without a message, jansson's out-of-memory
 * code, or a syntax error in text that is well formed, is NOMEM; a
 * document whose strings or numbers are not the source's is NOMEM too
 * (jansson lost a byte of a token it saved); text jansson accepts but
 * that is not well formed is a JSON error.
 */
static int
parse(const char *json, size_t len, json_t **root, struct ecap_error *err)
{
	struct ecap__json_digest src, tree;
	enum json_error_code code;
	json_error_t jerr;
	bool well_formed = ecap__json_scan(json, len, &src);

	memset(&jerr, 0, sizeof(jerr));
	if ((*root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr)) ==
	    NULL) {
		code = json_error_code(&jerr);
		if (jerr.text[0] == '\0' || code == json_error_out_of_memory ||
		    (well_formed && (code == json_error_invalid_syntax ||
				     code == json_error_premature_end_of_input)))
			return ecap__fail(err, ECAP_ERR_NOMEM, "json",
					  "out of memory reading the policy "
					  "JSON");
		return ecap__fail_at(err, ECAP_ERR_JSON, "", jerr.line,
				     jerr.column, "line %d, column %d: %s",
				     jerr.line, jerr.column, jerr.text);
	}
	/* jansson took text that is not JSON: it drops a NUL byte it has
	 * read ahead and ungot ("[1\0]" loads as [1]). */
	if (!well_formed)
		return ecap__fail(err, ECAP_ERR_JSON, "json",
				  "the text is not well-formed JSON (a NUL "
				  "byte outside a string?)");
	memset(&tree, 0, sizeof(tree));
	ecap__json_digest_tree(*root, &tree);
	if (!ecap__json_digest_equal(&src, &tree))
		return ecap__fail(err, ECAP_ERR_NOMEM, "json",
				  "the JSON parser lost text while short of "
				  "memory");
	return ECAP_OK;
}

ECAP_API int
ecap_policy_load_json(ecap_policy *policy, const char *json, size_t len,
		      struct ecap_error *err)
{
	struct ecap__src src = { json, len };
	ecap_policy *tmp = NULL;
	json_t *root = NULL;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, json, "json")) != ECAP_OK)
		return rc;
	if (len > ECAP_POLICY_JSON_MAX_BYTES)
		return ecap__fail(err, ECAP_ERR_RANGE, "json",
				  "policy JSON is %zu bytes; the limit is %u",
				  len, (unsigned)ECAP_POLICY_JSON_MAX_BYTES);
	if ((rc = parse(json, len, &root, err)) != ECAP_OK)
		goto out;
	/* Work on a copy so that a failing document changes nothing. */
	if ((tmp = ecap__malloc(sizeof(*tmp))) == NULL) {
		rc = ecap__fail(err, ECAP_ERR_NOMEM, "",
				"cannot allocate a policy");
		goto out;
	}
	memcpy(tmp, policy, sizeof(*tmp));
	if ((rc = load_root(tmp, root, &src, err)) == ECAP_OK) {
		/* The executor table (shared by the copy) follows the values
		 * and the spark-node catalog, when they changed. */
		bool moved = memcmp(tmp->values, policy->values,
				    sizeof(tmp->values)) != 0 ||
			memcmp(&tmp->catalogs[ECAP_CATALOG_SPARK_NODE - 1],
			       &policy->catalogs[ECAP_CATALOG_SPARK_NODE - 1],
			       sizeof(tmp->catalogs[0])) != 0;

		memcpy(policy, tmp, sizeof(*tmp));
		if (moved)
			ecap__exec_table_update(policy);
	}
out:
	ecap__free(tmp);
	json_decref(root);
	return rc;
}

ECAP_API int
ecap_policy_load_file(ecap_policy *policy, const char *path,
		      struct ecap_error *err)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = NULL;
	int rc, saved_errno = 0;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, path, "path")) != ECAP_OK)
		return rc;
	/* errno is left as the failing fopen or fread set it, for the
	 * bindings' OSError. */
	if ((f = fopen(path, "rb")) == NULL) {
		saved_errno = errno;
		rc = ecap__fail(err, ECAP_ERR_IO, "path", "cannot open %.200s: %s",
				path, strerror(saved_errno));
		goto out;
	}
	/* One byte over the limit tells "too large" from "exactly at it". */
	if ((buf = ecap__malloc(ECAP_POLICY_JSON_MAX_BYTES + 1)) == NULL) {
		rc = ecap__fail(err, ECAP_ERR_NOMEM, "",
				"cannot allocate a read buffer");
		goto out;
	}
	n = fread(buf, 1, ECAP_POLICY_JSON_MAX_BYTES + 1, f);
	if (ferror(f)) {
		saved_errno = errno;
		rc = ecap__fail(err, ECAP_ERR_IO, "path", "cannot read %.200s",
				path);
		goto out;
	}
	rc = ecap_policy_load_json(policy, buf, n, err);
out:
	ecap__free(buf);
	if (f != NULL)
		fclose(f);
	if (saved_errno != 0)
		errno = saved_errno;
	return rc;
}

/* ---- dump ---- */

bool
ecap__json_put(json_t *obj, const char *key, json_t *v)
{
	return v != NULL && json_object_set_new(obj, key, v) == 0;
}

static json_t *
key_json(const ecap_policy *p, size_t i)
{
	switch (ecap__keys[i].type) {
	case ECAP_TYPE_DOUBLE:
		return json_real(p->values[i].d);
	case ECAP_TYPE_INT64:
		return json_integer((json_int_t)p->values[i].i);
	case ECAP_TYPE_BOOL:
		return json_boolean(p->values[i].i != 0);
	default:
		return json_string(p->values[i].s);
	}
}

static bool
dump_static(json_t *root, const ecap_policy *p)
{
	size_t i;

	for (i = 0; i < ECAP_K__COUNT; i++)
		if (!ecap__json_put(root, ecap__keys[i].name, key_json(p, i)))
			return false;
	return true;
}

static bool
dump_scenario(json_t *all, const struct ecap_scenario *s)
{
	json_t *o = json_object();

	return ecap__json_put(all, s->name, o) &&
	       ecap__json_put(o, "description", json_string(s->description)) &&
	       ecap__json_put(o, "yearly_growth_ratio",
			      json_real(s->yearly_growth_ratio)) &&
	       ecap__json_put(o, "seasonal_peak_factor",
			      json_real(s->seasonal_peak_factor)) &&
	       ecap__json_put(o, "yearly_growth_sd_ratio",
			      json_real(s->yearly_growth_sd_ratio)) &&
	       ecap__json_put(o, "seasonal_peak_sd_factor",
			      json_real(s->seasonal_peak_sd_factor));
}

static bool
dump_scenarios(json_t *root, const ecap_policy *p)
{
	json_t *all = json_object();
	size_t i;

	if (!ecap__json_put(root, SCENARIOS_KEY, all))
		return false;
	for (i = 0; i < p->n_scenarios; i++)
		if (!dump_scenario(all, &p->scenarios[i]))
			return false;
	return true;
}

/*
 * The document is built with jansson and written by ecap__json_dumps:
 * two-space indentation, members in key-table order, a catalog entry a
 * line (ecap__json_inline_elements), each real in the
 * shortest form that loads back as the same double (720, 0.2), and a
 * final newline, as a file people edit has.
 */
ECAP_API int
ecap_policy_dump_json(const ecap_policy *policy, char **json,
		      struct ecap_error *err)
{
	json_t *root = NULL;
	char *text = NULL;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, json, "json")) != ECAP_OK)
		return rc;
	*json = NULL;
	if ((root = json_object()) != NULL && dump_static(root, policy) &&
	    dump_scenarios(root, policy) &&
	    ecap__catalog_dump_json(root, policy))
		text = ecap__json_dumps(root, JSON_INDENT(2), "\n");
	json_decref(root);
	if (text == NULL)
		return ecap__fail(err, ECAP_ERR_NOMEM, "",
				  "cannot allocate the JSON text");
	ecap__json_inline_elements(text);
	*json = text;
	return ECAP_OK;
}
