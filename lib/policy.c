/* SPDX-License-Identifier: MIT */
/*
 * policy.c - the policy handle: defaults, typed access by key and
 * scenarios (the catalogs are in catalog.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define SCENARIO_PREFIX "growth.scenarios."

/*
 * The guide's GROWTH_SCENARIOS, with the spreads the Monte Carlo draws
 * around them (standard deviations of the yearly growth and of the
 * seasonal peak; ecap_projection_run(3) says why these): an established
 * market's growth varies by a fifth of itself, a startup's by two fifths,
 * a mature enterprise's by a fifth of a smaller rate; peaks vary by a
 * tenth, a sixth and a fifteenth of themselves.
 */
static const struct {
	const char *name, *description;
	double growth, peak, growth_sd, peak_sd;
} guide_scenarios[] = {
	{ "conservative", "Steady growth, established market", 0.50, 2.0,
	  0.10, 0.20 },
	{ "aggressive", "High growth startup, expanding market", 1.0, 3.0,
	  0.40, 0.50 },
	{ "enterprise", "Mature enterprise, stable growth", 0.25, 1.5,
	  0.05, 0.10 },
};

ECAP_API const char *
ecap_model_to_string(int32_t model)
{
	switch (model) {
	case ECAP_MODEL_GUIDE:
		return "guide";
	case ECAP_MODEL_ECAP_1:
		return "ecap-1";
	default:
		return NULL;
	}
}

ECAP_API int
ecap_model_from_string(const char *name, int32_t *model,
		       struct ecap_error *err)
{
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, name, "name")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, model, "model")) != ECAP_OK)
		return rc;
	if (strcmp(name, "guide") == 0)
		*model = ECAP_MODEL_GUIDE;
	else if (strcmp(name, "ecap-1") == 0)
		*model = ECAP_MODEL_ECAP_1;
	else
		return ecap__fail(err, ECAP_ERR_UNKNOWN_MODEL, "model",
				  "model \"%.60s\" is unknown; the models are "
				  "\"guide\" and \"ecap-1\"", name);
	return ECAP_OK;
}

static void
policy_defaults(ecap_policy *p)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < ECAP_K__COUNT; i++) {
		const struct ecap__key_def *k = &ecap__keys[i];

		switch (k->type) {
		case ECAP_TYPE_DOUBLE:
			p->values[i].d = k->def_d;
			break;
		case ECAP_TYPE_STRING:
			ecap__strlcpy(p->values[i].s, k->def_s,
				      sizeof(p->values[i].s));
			ecap__key_parse_enum(p, (int)i, k->def_s);
			break;
		default:
			p->values[i].i = k->def_i;
			break;
		}
	}
	p->model = ECAP_MODEL_ECAP_1;
	for (i = 0; i < ECAP_ARRAY_SIZE(guide_scenarios); i++) {
		struct ecap_scenario *s = &p->scenarios[p->n_scenarios++];

		s->sz = sizeof(*s);
		ecap__strlcpy(s->name, guide_scenarios[i].name,
			      sizeof(s->name));
		ecap__strlcpy(s->description, guide_scenarios[i].description,
			      sizeof(s->description));
		s->yearly_growth_ratio = guide_scenarios[i].growth;
		s->seasonal_peak_factor = guide_scenarios[i].peak;
		s->yearly_growth_sd_ratio = guide_scenarios[i].growth_sd;
		s->seasonal_peak_sd_factor = guide_scenarios[i].peak_sd;
	}
	ecap__catalog_defaults(p);
}

ECAP_API int
ecap_policy_new(ecap_policy **out, struct ecap_error *err)
{
	ecap_policy *p;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, out, "out")) != ECAP_OK)
		return rc;
	*out = NULL;
	if ((p = ecap__malloc(sizeof(*p))) == NULL)
		return ecap__fail(err, ECAP_ERR_NOMEM, "",
				  "cannot allocate a policy");
	policy_defaults(p);
	ecap__exec_table_update(p);
	*out = p;
	return ECAP_OK;
}

ECAP_API int
ecap_policy_copy(const ecap_policy *src, ecap_policy **out,
		 struct ecap_error *err)
{
	ecap_policy *p;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, src, "policy")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, out, "out")) != ECAP_OK)
		return rc;
	*out = NULL;
	if ((p = ecap__malloc(sizeof(*p))) == NULL)
		return ecap__fail(err, ECAP_ERR_NOMEM, "",
				  "cannot allocate a policy");
	memcpy(p, src, sizeof(*p));
	/* The copy owns a table of its own. */
	p->exec_table = NULL;
	ecap__exec_table_update(p);
	*out = p;
	return ECAP_OK;
}

ECAP_API void
ecap_policy_free(ecap_policy **policy)
{
	if (policy == NULL || *policy == NULL)
		return;
	ecap__exec_table_free(*policy);
	ecap__free(*policy);
	*policy = NULL;
}

ECAP_API int32_t
ecap_policy_model(const ecap_policy *policy)
{
	return policy != NULL ? policy->model : ECAP_MODEL_ECAP_1;
}

/* ---- scenarios ---- */

const struct ecap_scenario *
ecap__scenario_find(const ecap_policy *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->n_scenarios; i++)
		if (strcmp(p->scenarios[i].name, name) == 0)
			return &p->scenarios[i];
	return NULL;
}

static bool
scenario_name_ok(const char *name, size_t cap)
{
	size_t n;

	for (n = 0; n < cap && name[n] != '\0'; n++)
		if (!((name[n] >= 'a' && name[n] <= 'z') ||
		      (name[n] >= 'A' && name[n] <= 'Z') ||
		      (name[n] >= '0' && name[n] <= '9') || name[n] == '_' ||
		      name[n] == '-'))
			return false;
	return n > 0 && n < cap;
}

/* Is s NUL-terminated within cap bytes? */
static bool
terminated(const char *s, size_t cap)
{
	return memchr(s, '\0', cap) != NULL;
}

int
ecap__scenario_validate(struct ecap_error *err, const struct ecap_scenario *s,
			const char *prefix)
{
	char field[96];
	int rc;

#define FIELD(f) (snprintf(field, sizeof(field), "%s%s", prefix, f), field)
	if (!scenario_name_ok(s->name, sizeof(s->name)))
		return ecap__fail(err, ECAP_ERR_RANGE, FIELD("name"),
				  "scenario name must be 1 to 63 characters "
				  "of A-Z, a-z, 0-9, _ and -");
	if (!terminated(s->description, sizeof(s->description)) ||
	    !ecap__text_ok(s->description))
		return ecap__fail(err, ECAP_ERR_RANGE, FIELD("description"),
				  "scenario %s: description must be at most "
				  "255 bytes of UTF-8 text", s->name);
	if ((rc = ecap__check_double(err, FIELD("yearly_growth_ratio"),
				     s->yearly_growth_ratio, -0.99, 100.0)) ||
	    (rc = ecap__check_double(err, FIELD("seasonal_peak_factor"),
				     s->seasonal_peak_factor, 1.0, 100.0)) ||
	    (rc = ecap__check_double(err, FIELD("yearly_growth_sd_ratio"),
				     s->yearly_growth_sd_ratio, 0.0, 10.0)) ||
	    (rc = ecap__check_double(err, FIELD("seasonal_peak_sd_factor"),
				     s->seasonal_peak_sd_factor, 0.0, 10.0)))
		return rc;
#undef FIELD
	return ECAP_OK;
}

int
ecap__scenario_put(ecap_policy *p, const struct ecap_scenario *s,
		   struct ecap_error *err)
{
	struct ecap_scenario *dst =
		(struct ecap_scenario *)ecap__scenario_find(p, s->name);

	if (dst == NULL) {
		if (p->n_scenarios >= ECAP_MAX_SCENARIOS)
			return ecap__fail(err, ECAP_ERR_LIMIT, s->name,
					  "cannot add scenario %s: the policy "
					  "holds at most %d", s->name,
					  ECAP_MAX_SCENARIOS);
		dst = &p->scenarios[p->n_scenarios++];
	}
	memset(dst, 0, sizeof(*dst));
	dst->sz = sizeof(*dst);
	ecap__strlcpy(dst->name, s->name, sizeof(dst->name));
	ecap__strlcpy(dst->description, s->description,
		      sizeof(dst->description));
	dst->yearly_growth_ratio = ecap__no_negative_zero(s->yearly_growth_ratio);
	dst->seasonal_peak_factor = s->seasonal_peak_factor;
	dst->yearly_growth_sd_ratio =
		ecap__no_negative_zero(s->yearly_growth_sd_ratio);
	dst->seasonal_peak_sd_factor =
		ecap__no_negative_zero(s->seasonal_peak_sd_factor);
	return ECAP_OK;
}

static void
scenario_copy_out(const struct ecap_scenario *src, struct ecap_scenario *out)
{
	ECAP__OUT_ZERO(out, ecap_scenario);
	memcpy(out->name, src->name, sizeof(out->name));
	memcpy(out->description, src->description, sizeof(out->description));
	out->yearly_growth_ratio = src->yearly_growth_ratio;
	out->seasonal_peak_factor = src->seasonal_peak_factor;
	out->yearly_growth_sd_ratio = src->yearly_growth_sd_ratio;
	out->seasonal_peak_sd_factor = src->seasonal_peak_sd_factor;
}

ECAP_API size_t
ecap_policy_scenario_count(const ecap_policy *policy)
{
	return policy != NULL ? policy->n_scenarios : 0;
}

ECAP_API int
ecap_policy_scenario_at(const ecap_policy *policy, size_t index,
			struct ecap_scenario *scenario, struct ecap_error *err)
{
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, scenario, ecap_scenario)) != ECAP_OK)
		return rc;
	if (index >= policy->n_scenarios)
		return ecap__fail(err, ECAP_ERR_RANGE, "index",
				  "index is %zu; the policy has %zu scenarios",
				  index, policy->n_scenarios);
	scenario_copy_out(&policy->scenarios[index], scenario);
	return ECAP_OK;
}

ECAP_API int
ecap_policy_scenario_find(const ecap_policy *policy, const char *name,
			  struct ecap_scenario *scenario,
			  struct ecap_error *err)
{
	const struct ecap_scenario *s;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, name, "name")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, scenario, ecap_scenario)) != ECAP_OK)
		return rc;
	if ((s = ecap__scenario_find(policy, name)) == NULL)
		return ecap__fail(err, ECAP_ERR_NOT_FOUND, "scenario",
				  "no scenario is named \"%.60s\"", name);
	scenario_copy_out(s, scenario);
	return ECAP_OK;
}

ECAP_API int
ecap_policy_scenario_set(ecap_policy *policy,
			 const struct ecap_scenario *scenario,
			 struct ecap_error *err)
{
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, scenario, ecap_scenario)) != ECAP_OK ||
	    (rc = ecap__scenario_validate(err, scenario, "")) != ECAP_OK)
		return rc;
	return ecap__scenario_put(policy, scenario, err);
}

ECAP_API int
ecap_policy_scenario_remove(ecap_policy *policy, const char *name,
			    struct ecap_error *err)
{
	const struct ecap_scenario *s;
	size_t i;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, name, "name")) != ECAP_OK)
		return rc;
	if ((s = ecap__scenario_find(policy, name)) == NULL)
		return ecap__fail(err, ECAP_ERR_NOT_FOUND, "scenario",
				  "no scenario is named \"%.60s\"", name);
	/* Projections fall back to the default: it cannot go. */
	if (strcmp(name, ecap__ps(policy, ECAP_K_GROWTH_DEFAULT_SCENARIO)) == 0)
		return ecap__fail(err, ECAP_ERR_INVALID, "scenario",
				  "scenario %.60s is growth.default_scenario; "
				  "name another default before removing it",
				  name);
	i = (size_t)(s - policy->scenarios);
	memmove(&policy->scenarios[i], &policy->scenarios[i + 1],
		(policy->n_scenarios - i - 1) * sizeof(policy->scenarios[0]));
	policy->n_scenarios--;
	return ECAP_OK;
}

/* ---- typed access by key ---- */

/*
 * A dynamic key names a field of an existing scenario,
 * "growth.scenarios.<name>.<field>", or of a catalog entry,
 * "catalog.<catalog>.<name>.<field>" (catalog.c).  Names may contain dots
 * (db.r6g.xlarge), so the field is what follows the last dot.
 */
struct dyn_key {
	struct ecap_scenario *scenario;
	const struct ecap_catalog_entry *entry;
	const struct ecap__catalog_field *cfield;
	const char *field;
};

static bool
scenario_field_known(const char *field)
{
	static const char *const fields[] = {
		"yearly_growth_ratio", "seasonal_peak_factor",
		"yearly_growth_sd_ratio", "seasonal_peak_sd_factor",
		"description",
	};
	size_t i;

	for (i = 0; i < ECAP_ARRAY_SIZE(fields); i++)
		if (strcmp(fields[i], field) == 0)
			return true;
	return false;
}

static int
dyn_key_parse(const ecap_policy *p, const char *key, struct dyn_key *dk,
	      struct ecap_error *err)
{
	const char *rest, *dot;
	char name[64];
	size_t n;

	memset(dk, 0, sizeof(*dk));
	if (ecap__catalog_key(p, key, &dk->entry, &dk->cfield)) {
		dk->field = dk->cfield->name;
		return ECAP_OK;
	}
	if (strncmp(key, SCENARIO_PREFIX, strlen(SCENARIO_PREFIX)) != 0)
		goto unknown;
	rest = key + strlen(SCENARIO_PREFIX);
	if ((dot = strrchr(rest, '.')) == NULL ||
	    (n = (size_t)(dot - rest)) == 0 || n >= sizeof(name))
		goto unknown;
	memcpy(name, rest, n);
	name[n] = '\0';
	dk->field = dot + 1;
	dk->scenario = (struct ecap_scenario *)ecap__scenario_find(p, name);
	if (dk->scenario == NULL || !scenario_field_known(dk->field))
		goto unknown;
	return ECAP_OK;
unknown:
	return ecap__fail(err, ECAP_ERR_UNKNOWN_KEY, key,
			  "no policy key is named \"%.60s\"", key);
}

/* The double field of scenario s that field names, or NULL. */
static double *
scenario_double(struct ecap_scenario *s, const char *field)
{
	if (strcmp(field, "yearly_growth_ratio") == 0)
		return &s->yearly_growth_ratio;
	if (strcmp(field, "seasonal_peak_factor") == 0)
		return &s->seasonal_peak_factor;
	if (strcmp(field, "yearly_growth_sd_ratio") == 0)
		return &s->yearly_growth_sd_ratio;
	if (strcmp(field, "seasonal_peak_sd_factor") == 0)
		return &s->seasonal_peak_sd_factor;
	return NULL;
}

/* Resolves key for typed access; *id >= 0 for a static key. */
static int
key_resolve(const ecap_policy *p, const char *key, int *id, struct dyn_key *dk,
	    struct ecap_error *err)
{
	int rc;

	if ((rc = ecap__check_ptr(err, p, "policy")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, key, "key")) != ECAP_OK)
		return rc;
	if ((*id = ecap__key_lookup(key)) >= 0)
		return ECAP_OK;
	return dyn_key_parse(p, key, dk, err);
}

static int
wrong_type(struct ecap_error *err, const char *key, const char *want)
{
	return ecap__fail(err, ECAP_ERR_TYPE, key,
			  "policy key %.60s is not of type %s", key, want);
}

/* Is dk a catalog field of type type? */
static bool
catalog_typed(const struct dyn_key *dk, int32_t type)
{
	return dk->cfield != NULL && dk->cfield->type == type;
}

/*
 * The executor table follows a set that changed a static key's value or
 * a spark-node catalog entry ("catalog.spark-node.<name>.<field>"); a
 * scenario or another catalog leaves it as it is.
 */
struct set_memo {
	int id;
	union ecap_value old;
};

static void
set_memo_take(struct set_memo *m, const ecap_policy *policy, const char *key)
{
	m->id = policy != NULL && key != NULL ? ecap__key_lookup(key) : -1;
	if (m->id >= 0)
		m->old = policy->values[m->id];
}

static int
set_memo_done(const struct set_memo *m, ecap_policy *policy, const char *key,
	      int rc)
{
	if (rc == ECAP_OK &&
	    (m->id >= 0 ? memcmp(&m->old, &policy->values[m->id],
				 sizeof(m->old)) != 0 :
			  strncmp(key, "catalog.spark-node.", 19) == 0))
		ecap__exec_table_update(policy);
	return rc;
}

static int
policy_set_double(ecap_policy *policy, const char *key, double value,
		struct ecap_error *err)
{
	struct ecap_scenario s;
	struct dyn_key dk;
	char prefix[128];
	double *dst;
	int id, rc;

	ecap__err_clear(err);
	if ((rc = key_resolve(policy, key, &id, &dk, err)) != ECAP_OK)
		return rc;
	if (id >= 0)
		return ecap__key_set_double(policy, id, value, err);
	if (dk.entry != NULL) {
		if (!catalog_typed(&dk, ECAP_TYPE_DOUBLE))
			return wrong_type(err, key, "double");
		return ecap__catalog_key_set(policy, dk.entry, dk.cfield, key,
					     value, 0, err);
	}
	/* Validate a modified copy so that a bad value changes nothing. */
	snprintf(prefix, sizeof(prefix), "%.*s", (int)(dk.field - key), key);
	s = *dk.scenario;
	if ((dst = scenario_double(&s, dk.field)) == NULL)
		return wrong_type(err, key, "double");
	*dst = value;
	if ((rc = ecap__scenario_validate(err, &s, prefix)) != ECAP_OK)
		return rc;
	return ecap__scenario_put(policy, &s, err);
}

ECAP_API int
ecap_policy_set_double(ecap_policy *policy, const char *key, double value,
		       struct ecap_error *err)
{
	struct set_memo m;

	set_memo_take(&m, policy, key);
	return set_memo_done(&m, policy, key,
			     policy_set_double(policy, key, value, err));
}

ECAP_API int
ecap_policy_get_double(const ecap_policy *policy, const char *key,
		       double *value, struct ecap_error *err)
{
	struct dyn_key dk;
	double *src;
	int id, rc;

	ecap__err_clear(err);
	if ((rc = key_resolve(policy, key, &id, &dk, err)) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, value, "value")) != ECAP_OK)
		return rc;
	if (id >= 0) {
		if (ecap__keys[id].type != ECAP_TYPE_DOUBLE)
			return wrong_type(err, key, "double");
		*value = policy->values[id].d;
		return ECAP_OK;
	}
	if (dk.entry != NULL) {
		if (!catalog_typed(&dk, ECAP_TYPE_DOUBLE))
			return wrong_type(err, key, "double");
		*value = ecap__catalog_get_double(dk.entry, dk.cfield);
		return ECAP_OK;
	}
	if ((src = scenario_double(dk.scenario, dk.field)) == NULL)
		return wrong_type(err, key, "double");
	*value = *src;
	return ECAP_OK;
}

static int
policy_set_int64(ecap_policy *policy, const char *key, int64_t value,
		struct ecap_error *err)
{
	struct dyn_key dk;
	int id, rc;

	ecap__err_clear(err);
	if ((rc = key_resolve(policy, key, &id, &dk, err)) != ECAP_OK)
		return rc;
	if (id >= 0)
		return ecap__key_set_int64(policy, id, value, err);
	if (!catalog_typed(&dk, ECAP_TYPE_INT64))
		return wrong_type(err, key, "int64");
	return ecap__catalog_key_set(policy, dk.entry, dk.cfield, key, 0.0,
				     value, err);
}

ECAP_API int
ecap_policy_set_int64(ecap_policy *policy, const char *key, int64_t value,
		      struct ecap_error *err)
{
	struct set_memo m;

	set_memo_take(&m, policy, key);
	return set_memo_done(&m, policy, key,
			     policy_set_int64(policy, key, value, err));
}

ECAP_API int
ecap_policy_get_int64(const ecap_policy *policy, const char *key,
		      int64_t *value, struct ecap_error *err)
{
	struct dyn_key dk;
	int id, rc;

	ecap__err_clear(err);
	if ((rc = key_resolve(policy, key, &id, &dk, err)) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, value, "value")) != ECAP_OK)
		return rc;
	if (id >= 0) {
		if (ecap__keys[id].type != ECAP_TYPE_INT64 &&
		    ecap__keys[id].type != ECAP_TYPE_BOOL)
			return wrong_type(err, key, "int64");
		*value = policy->values[id].i;
		return ECAP_OK;
	}
	if (!catalog_typed(&dk, ECAP_TYPE_INT64))
		return wrong_type(err, key, "int64");
	*value = ecap__catalog_get_int64(dk.entry, dk.cfield);
	return ECAP_OK;
}

static int
policy_set_string(ecap_policy *policy, const char *key, const char *value,
		struct ecap_error *err)
{
	struct dyn_key dk;
	int id, rc;

	ecap__err_clear(err);
	if ((rc = key_resolve(policy, key, &id, &dk, err)) != ECAP_OK)
		return rc;
	if (id >= 0)
		return ecap__key_set_string(policy, id, value, err);
	if (dk.scenario == NULL || strcmp(dk.field, "description") != 0)
		return wrong_type(err, key, "string");
	if ((rc = ecap__check_ptr(err, value, "value")) != ECAP_OK)
		return rc;
	if (strlen(value) >= sizeof(dk.scenario->description) ||
	    !ecap__text_ok(value))
		return ecap__fail(err, ECAP_ERR_RANGE, key,
				  "%s must be at most 255 bytes of UTF-8 "
				  "text", key);
	ecap__strlcpy(dk.scenario->description, value,
		      sizeof(dk.scenario->description));
	return ECAP_OK;
}

ECAP_API int
ecap_policy_set_string(ecap_policy *policy, const char *key, const char *value,
		       struct ecap_error *err)
{
	struct set_memo m;

	set_memo_take(&m, policy, key);
	return set_memo_done(&m, policy, key,
			     policy_set_string(policy, key, value, err));
}

ECAP_API int
ecap_policy_get_string(const ecap_policy *policy, const char *key,
		       const char **value, struct ecap_error *err)
{
	struct dyn_key dk;
	int id, rc;

	ecap__err_clear(err);
	if ((rc = key_resolve(policy, key, &id, &dk, err)) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, value, "value")) != ECAP_OK)
		return rc;
	if (id >= 0) {
		if (ecap__keys[id].type != ECAP_TYPE_STRING)
			return wrong_type(err, key, "string");
		*value = policy->values[id].s;
		return ECAP_OK;
	}
	if (dk.scenario == NULL || strcmp(dk.field, "description") != 0)
		return wrong_type(err, key, "string");
	*value = dk.scenario->description;
	return ECAP_OK;
}
