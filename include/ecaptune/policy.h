/* SPDX-License-Identifier: MIT */
/*
 * ecaptune/policy.h - policy handle: keys, JSON, scenarios, catalogs.
 *
 * Part of the public interface; include <ecaptune.h>, not this file.
 */
#ifndef ECAPTUNE_POLICY_H
#define ECAPTUNE_POLICY_H

#ifndef ECAPTUNE_H
#error "include <ecaptune.h> instead of <ecaptune/policy.h>"
#endif

/* ------------------------------------------------------------------------
 * policy: the tunables (opaque)
 */

/*
 * A policy holds every constant of the guide that an advisor uses, under
 * dotted keys with the unit in the name, plus the growth scenarios and the
 * database instance catalog.  A new policy carries the guide's values and
 * model "ecap-1".
 */
typedef struct ecap_policy ecap_policy;

/* Type of a policy key's value. */
enum ecap_value_type {
	ECAP_TYPE_DOUBLE = 1,
	ECAP_TYPE_INT64 = 2,
	ECAP_TYPE_STRING = 3,
	ECAP_TYPE_BOOL = 4,	/* read and written as int64 0 or 1 */
};

/** "double", "int64", "string" or "bool"; NULL for an unknown value. */
ECAP_API const char *ecap_value_type_to_string(int32_t type);
/** Parses a value type name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_value_type_from_string(const char *name, int32_t *type,
					 struct ecap_error *err);

/** Creates a policy with the guide's defaults; free it with ecap_policy_free. */
ECAP_API int ecap_policy_new(ecap_policy **out, struct ecap_error *err);
/** Creates an independent copy of src. */
ECAP_API int ecap_policy_copy(const ecap_policy *src, ecap_policy **out,
			      struct ecap_error *err);
/** Frees *policy and sets it to NULL; NULL or *NULL is a no-op. */
ECAP_API void ecap_policy_free(ecap_policy **policy);

/** Model selected by the policy (enum ecap_model). */
ECAP_API int32_t ecap_policy_model(const ecap_policy *policy);

/*
 * Typed access by key.  A setter validates the value against the key's
 * range (NaN, infinities and out-of-range values are rejected) and leaves
 * the policy unchanged on any error.  Besides the static keys listed by
 * ecap_policy_key_at(), the fields of existing scenarios and catalog
 * entries are keys: "growth.scenarios.<name>.<field>" and
 * "catalog.<catalog>.<name>.<numeric field>" (see ecaptune/catalog.h).
 * The string returned by ecap_policy_get_string() stays valid until the
 * next call that takes the policy without const.
 */
ECAP_API int ecap_policy_set_double(ecap_policy *policy, const char *key,
				    double value, struct ecap_error *err);
ECAP_API int ecap_policy_get_double(const ecap_policy *policy, const char *key,
				    double *value, struct ecap_error *err);
ECAP_API int ecap_policy_set_int64(ecap_policy *policy, const char *key,
				   int64_t value, struct ecap_error *err);
ECAP_API int ecap_policy_get_int64(const ecap_policy *policy, const char *key,
				   int64_t *value, struct ecap_error *err);
ECAP_API int ecap_policy_set_string(ecap_policy *policy, const char *key,
				    const char *value, struct ecap_error *err);
ECAP_API int ecap_policy_get_string(const ecap_policy *policy, const char *key,
				    const char **value, struct ecap_error *err);

/*
 * JSON.  A document is one object whose members are policy keys; a load
 * applies only the members present, atomically (on error the policy is
 * unchanged), and rejects unknown keys, duplicate keys, wrong types,
 * out-of-range values and input over ECAP_POLICY_JSON_MAX_BYTES.  Errors
 * carry line, column and key.  The dump lists every key and round-trips
 * exactly; free it with ecap_free().
 */
#define ECAP_POLICY_JSON_MAX_BYTES (1u << 20)
ECAP_API int ecap_policy_load_json(ecap_policy *policy, const char *json,
				   size_t len, struct ecap_error *err);
ECAP_API int ecap_policy_load_file(ecap_policy *policy, const char *path,
				   struct ecap_error *err);
ECAP_API int ecap_policy_dump_json(const ecap_policy *policy, char **json,
				   struct ecap_error *err);

/*
 * Key introspection: every static key with its type, default, range, unit
 * and description, in a stable order.  The strings are static.
 */
struct ecap_key_info {
	size_t sz;
	const char *name;
	const char *unit;
	const char *description;
	/* enum ecap_value_type */
	int32_t type;
	int32_t reserved_0;
	/* Default and inclusive range, for ECAP_TYPE_DOUBLE. */
	double default_double;
	double min_double;
	double max_double;
	/* Default and inclusive range, for ECAP_TYPE_INT64 and ECAP_TYPE_BOOL. */
	int64_t default_int64;
	int64_t min_int64;
	int64_t max_int64;
	/* Default, for ECAP_TYPE_STRING. */
	const char *default_string;
	size_t :0;
};
#define ecap_key_info__last_field default_string

/** Number of static policy keys. */
ECAP_API size_t ecap_policy_key_count(void);
/** Describes the key at index (0 .. count-1); ECAP_ERR_RANGE past the end. */
ECAP_API int ecap_policy_key_at(size_t index, struct ecap_key_info *info,
				struct ecap_error *err);
/** Describes the key named name; ECAP_ERR_UNKNOWN_KEY if there is none. */
ECAP_API int ecap_policy_key_find(const char *name, struct ecap_key_info *info,
				  struct ecap_error *err);

/*
 * Growth scenarios: the guide's "conservative", "aggressive" and
 * "enterprise", plus named custom ones (at most ECAP_MAX_SCENARIOS).  The
 * spreads are the standard deviations used by the Monte Carlo projection;
 * the guide's scenarios have none.
 */
#define ECAP_MAX_SCENARIOS 64
struct ecap_scenario {
	size_t sz;
	/* 1 to 63 characters of [A-Za-z0-9_-]. */
	char name[64];
	char description[256];
	/* Yearly growth, 0.5 = 50 % a year; range -0.99 .. 100. */
	double yearly_growth_ratio;
	/* Seasonal peak over the base traffic, 2.0 = twice; range 1 .. 100. */
	double seasonal_peak_factor;
	/* Standard deviation of the yearly growth; range 0 .. 10. */
	double yearly_growth_sd_ratio;
	/* Standard deviation of the seasonal peak; range 0 .. 10. */
	double seasonal_peak_sd_factor;
	size_t :0;
};
#define ecap_scenario__last_field seasonal_peak_sd_factor

ECAP_API size_t ecap_policy_scenario_count(const ecap_policy *policy);
ECAP_API int ecap_policy_scenario_at(const ecap_policy *policy, size_t index,
				     struct ecap_scenario *scenario,
				     struct ecap_error *err);
ECAP_API int ecap_policy_scenario_find(const ecap_policy *policy,
				       const char *name,
				       struct ecap_scenario *scenario,
				       struct ecap_error *err);
/** Adds the scenario, or replaces the one with the same name. */
ECAP_API int ecap_policy_scenario_set(ecap_policy *policy,
				      const struct ecap_scenario *scenario,
				      struct ecap_error *err);
ECAP_API int ecap_policy_scenario_remove(ecap_policy *policy, const char *name,
					 struct ecap_error *err);

#endif /* ECAPTUNE_POLICY_H */
