/* SPDX-License-Identifier: MIT */
/*
 * catalog.c - the policy's catalogs of priced machine shapes (Spark nodes,
 * RDS classes, MSK brokers): compiled-in tables, validation, the public
 * functions, the advisors' accessors and the dynamic keys
 * "catalog.<catalog>.<name>.<field>".  JSON is in catalog-json.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "spark-node.h"

#define KEY_PREFIX "catalog."

/* Masks of the catalogs a field applies to. */
#define S (1u << ECAP_CATALOG_SPARK_NODE)
#define D (1u << ECAP_CATALOG_DATABASE)
#define K (1u << ECAP_CATALOG_KAFKA_BROKER)

/* ---- names ---- */

static const struct ecap__enum_name catalog_names[] = {
	{ ECAP_CATALOG_SPARK_NODE, { "spark-node", NULL } },
	{ ECAP_CATALOG_DATABASE, { "database", NULL } },
	{ ECAP_CATALOG_KAFKA_BROKER, { "kafka-broker", NULL } },
	{ 0, { NULL } },
};

ECAP_API const char *
ecap_catalog_to_string(int32_t catalog)
{
	return ecap__enum_to_string(catalog_names, catalog);
}

ECAP_API int
ecap_catalog_from_string(const char *name, int32_t *catalog,
			 struct ecap_error *err)
{
	return ecap__enum_from_string(catalog_names, false, "catalog",
				      "catalog", name, catalog, err);
}

/* ---- compiled-in tables ---- */

#define ENTRY(cat, nm, vcpu, mem, price, reg, date)                      \
	.sz = sizeof(struct ecap_catalog_entry), .catalog = (cat),        \
	.vcpu_count = (vcpu), .name = nm, .region = reg,                  \
	.price_date = date, .memory_gb = (mem), .price_usd_per_hour = (price)

static const struct ecap_catalog_entry default_entries[] = {
#define ECAP_SPARK_NODE(nm, vcpu, mem, price, emr, yarn, derived, pods, reg, \
			date)                                               \
	{ ENTRY(ECAP_CATALOG_SPARK_NODE, nm, vcpu, mem, price, reg, date), \
	  .emr_price_usd_per_hour = (emr), .yarn_memory_mb = (yarn),       \
	  .yarn_memory_derived_flag = (derived),                           \
	  .eks_max_pod_count = (pods) },
#include "catalog-spark-node.def"
#undef ECAP_SPARK_NODE
#define ECAP_DATABASE_CLASS(nm, vcpu, mem, price, maz, storage, iops, reg, \
			    date)                                           \
	{ ENTRY(ECAP_CATALOG_DATABASE, nm, vcpu, mem, price, reg, date),   \
	  .multi_az_price_usd_per_hour = (maz),                            \
	  .storage_usd_per_gb_month = (storage),                           \
	  .iops_usd_per_month = (iops) },
#include "catalog-database.def"
#undef ECAP_DATABASE_CLASS
#define ECAP_KAFKA_BROKER(nm, vcpu, mem, price, storage, replicas, mbps,   \
			  reg, date)                                        \
	{ ENTRY(ECAP_CATALOG_KAFKA_BROKER, nm, vcpu, mem, price, reg, date), \
	  .storage_usd_per_gb_month = (storage),                           \
	  .max_partition_replica_count = (replicas),                       \
	  .throughput_mb_per_second = (mbps) },
#include "catalog-kafka-broker.def"
#undef ECAP_KAFKA_BROKER
};
#undef ENTRY

/* ---- numeric fields ---- */

#define FIELD(f, t, cats, gt, lo, hi)                                       \
	{ #f, offsetof(struct ecap_catalog_entry, f),                      \
	  sizeof(((struct ecap_catalog_entry *)0)->f), ECAP_TYPE_##t, cats, \
	  gt, lo, hi }
const struct ecap__catalog_field ecap__catalog_fields[] = {
	FIELD(vcpu_count, INT64, S | D | K, false, 1, 65536),
	/* At least 1 MiB: a denormal memory made every YARN size "more than
	 * the machine" and blamed yarn_memory_mb. */
	FIELD(memory_gb, DOUBLE, S | D | K, false, 1.0 / 1024, 1048576),
	FIELD(price_usd_per_hour, DOUBLE, S | D | K, false, 0, 1e6),
	FIELD(emr_price_usd_per_hour, DOUBLE, S, false, 0, 1e6),
	FIELD(multi_az_price_usd_per_hour, DOUBLE, D, false, 0, 1e6),
	FIELD(storage_usd_per_gb_month, DOUBLE, D | K, false, 0, 1e6),
	FIELD(iops_usd_per_month, DOUBLE, D, false, 0, 1e6),
	/* At most the machine's memory; checked below; 0 = EMR's rule. */
	FIELD(yarn_memory_mb, INT64, S, false, 0, 1073741824),
	FIELD(yarn_memory_derived_flag, INT64, S, false, 0, 1),
	FIELD(eks_max_pod_count, INT64, S, false, 1, 65536),
	FIELD(max_partition_replica_count, INT64, K, false, 1, 1e9),
	/* At least 0.001 MB/s, the least rate a caller may name. */
	FIELD(throughput_mb_per_second, DOUBLE, K, false, 0.001, 1e6),
};
#undef FIELD
const size_t ecap__catalog_field_count = ECAP_ARRAY_SIZE(ecap__catalog_fields);

const struct ecap__catalog_field *
ecap__catalog_field(const char *name)
{
	size_t i;

	for (i = 0; i < ECAP_ARRAY_SIZE(ecap__catalog_fields); i++)
		if (strcmp(ecap__catalog_fields[i].name, name) == 0)
			return &ecap__catalog_fields[i];
	return NULL;
}

double
ecap__catalog_get_double(const struct ecap_catalog_entry *e,
			 const struct ecap__catalog_field *f)
{
	double v;

	memcpy(&v, (const char *)e + f->offset, sizeof(v));
	return v;
}

int64_t
ecap__catalog_get_int64(const struct ecap_catalog_entry *e,
			const struct ecap__catalog_field *f)
{
	int32_t v32;
	int64_t v64;

	if (f->size == sizeof(v32)) {
		memcpy(&v32, (const char *)e + f->offset, sizeof(v32));
		return v32;
	}
	memcpy(&v64, (const char *)e + f->offset, sizeof(v64));
	return v64;
}

/* Stores v (already in the field's range) in an int32 or int64 field. */
static void
set_int(struct ecap_catalog_entry *e, const struct ecap__catalog_field *f,
	int64_t v)
{
	int32_t v32 = (int32_t)v;

	if (f->size == sizeof(v32))
		memcpy((char *)e + f->offset, &v32, sizeof(v32));
	else
		memcpy((char *)e + f->offset, &v, sizeof(v));
}

static void
set_double(struct ecap_catalog_entry *e, const struct ecap__catalog_field *f,
	   double v)
{
	memcpy((char *)e + f->offset, &v, sizeof(v));
}

void
ecap__catalog_set(struct ecap_catalog_entry *e,
		  const struct ecap__catalog_field *f, double d, int64_t i)
{
	if (f->type == ECAP_TYPE_DOUBLE)
		set_double(e, f, d);
	else
		set_int(e, f, i);
}

/* ---- validation ---- */

/* Printable ASCII without space, quotes or backslashes: keys and JSON
 * need no escaping. */
static bool
name_ok(const char *s, size_t cap, bool empty_ok)
{
	size_t n;

	for (n = 0; n < cap && s[n] != '\0'; n++)
		if ((unsigned char)s[n] <= 0x20 ||
		    (unsigned char)s[n] > 0x7e || s[n] == '"' || s[n] == '\\')
			return false;
	return (empty_ok || n > 0) && n < cap;
}

static bool
region_ok(const char *s, size_t cap)
{
	size_t n;

	for (n = 0; n < cap && s[n] != '\0'; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') ||
		      (s[n] >= '0' && s[n] <= '9') || s[n] == '-'))
			return false;
	return n > 0 && n < cap;
}

static int
digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DD", a day that exists, year 2000 .. 2199. */
static bool
date_ok(const char *s, size_t cap)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (memchr(s, '\0', cap) == NULL || strlen(s) != 10 || s[4] != '-' ||
	    s[7] != '-')
		return false;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 2000 || y > 2199 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1])
		return false;
	return !(m == 2 && d == 29 &&
		 (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0)));
}

static bool
catalog_known(int32_t catalog)
{
	return catalog >= 1 && catalog <= ECAP__CATALOG_COUNT;
}

static struct ecap__catalog_table *
table_of(const ecap_policy *p, int32_t catalog)
{
	if (!catalog_known(catalog))
		return NULL;
	return (struct ecap__catalog_table *)&p->catalogs[catalog - 1];
}

static int
unknown_catalog(struct ecap_error *err, const char *field, int32_t catalog)
{
	return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, field,
			  "catalog %d is unknown; the catalogs are 1 "
			  "(spark-node), 2 (database) and 3 (kafka-broker)",
			  (int)catalog);
}

static int
check_strings(struct ecap_error *err, const struct ecap_catalog_entry *in,
	      struct ecap_catalog_entry *out, const char *prefix)
{
	char field[160];
	const char *dot;
	size_t n;

#define NAMED(f) (snprintf(field, sizeof(field), "%s%s", prefix, f), field)
	if (!name_ok(in->name, sizeof(in->name), false))
		return ecap__fail(err, ECAP_ERR_RANGE, NAMED("name"),
				  "%s must be 1 to 63 printable characters "
				  "without white space, quotes or "
				  "backslashes", field);
	ecap__strlcpy(out->name, in->name, sizeof(out->name));
	if (!name_ok(in->family, sizeof(in->family), true))
		return ecap__fail(err, ECAP_ERR_RANGE, NAMED("family"),
				  "%s of %s must be at most 31 printable "
				  "characters without white space, quotes or "
				  "backslashes", field, out->name);
	if (in->family[0] != '\0') {
		ecap__strlcpy(out->family, in->family, sizeof(out->family));
	} else {
		/* The name up to its last dot: "db.r6g.xlarge" -> "db.r6g". */
		dot = strrchr(out->name, '.');
		n = dot != NULL ? (size_t)(dot - out->name) : strlen(out->name);
		if (n == 0 || n >= sizeof(out->family))
			return ecap__fail(err, ECAP_ERR_RANGE,
					  NAMED("family"),
					  "%s cannot be taken from the name "
					  "%s (1 to 31 characters before its "
					  "last '.'); set it", field,
					  out->name);
		memcpy(out->family, out->name, n);
	}
	if (!region_ok(in->region, sizeof(in->region)))
		return ecap__fail(err, ECAP_ERR_RANGE, NAMED("region"),
				  "%s of %s must be 1 to 31 characters of "
				  "a-z, 0-9 and '-', like \"us-east-1\"",
				  field, out->name);
	ecap__strlcpy(out->region, in->region, sizeof(out->region));
	if (!date_ok(in->price_date, sizeof(in->price_date)))
		return ecap__fail(err, ECAP_ERR_INVALID, NAMED("price_date"),
				  "%s of %s must be a date \"YYYY-MM-DD\" "
				  "(2000 to 2199)", field, out->name);
	ecap__strlcpy(out->price_date, in->price_date,
		      sizeof(out->price_date));
#undef NAMED
	return ECAP_OK;
}

static int
check_number(struct ecap_error *err, const struct ecap_catalog_entry *in,
	     struct ecap_catalog_entry *out,
	     const struct ecap__catalog_field *f, const char *field)
{
	double d;
	int64_t i;
	int rc;

	if (!(f->catalogs & (1u << in->catalog))) {
		/* A value for another catalog's field is a mistake the
		 * advisor would silently ignore. */
		if ((f->type == ECAP_TYPE_DOUBLE ? ecap__catalog_get_double(in, f) != 0.0
						 : ecap__catalog_get_int64(in, f) != 0))
			return ecap__fail(err, ECAP_ERR_INVALID, field,
					  "%s does not apply to a %s entry; "
					  "it must be 0", field,
					  ecap_catalog_to_string(in->catalog));
		return ECAP_OK;
	}
	if (f->type == ECAP_TYPE_DOUBLE) {
		d = ecap__catalog_get_double(in, f);
		rc = f->above_min
			     ? ecap__check_double_gt(err, field, d, f->min, f->max)
			     : ecap__check_double(err, field, d, f->min, f->max);
		if (rc == ECAP_OK)
			set_double(out, f, ecap__no_negative_zero(d));
		return rc;
	}
	i = ecap__catalog_get_int64(in, f);
	if ((rc = ecap__check_int64(err, field, i, (int64_t)f->min,
				    (int64_t)f->max)) == ECAP_OK)
		set_int(out, f, i);
	return rc;
}

int
ecap__catalog_entry_check(struct ecap_error *err,
			  const struct ecap_catalog_entry *in,
			  struct ecap_catalog_entry *out, const char *prefix)
{
	char field[160];
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	out->sz = sizeof(*out);
	if (!catalog_known(in->catalog)) {
		snprintf(field, sizeof(field), "%scatalog", prefix);
		return unknown_catalog(err, field, in->catalog);
	}
	out->catalog = in->catalog;
	if ((rc = check_strings(err, in, out, prefix)) != ECAP_OK)
		return rc;
	for (i = 0; i < ECAP_ARRAY_SIZE(ecap__catalog_fields); i++) {
		snprintf(field, sizeof(field), "%s%s", prefix,
			 ecap__catalog_fields[i].name);
		if ((rc = check_number(err, in, out, &ecap__catalog_fields[i],
				       field)) != ECAP_OK)
			return rc;
	}
	/* No published figure: EMR's rule for the type's generation. */
	if (out->catalog == ECAP_CATALOG_SPARK_NODE && out->yarn_memory_mb == 0) {
		out->yarn_memory_mb = ecap__emr_yarn_memory_mb(out->name,
							       out->memory_gb);
		out->yarn_memory_derived_flag = 1;
		if (out->yarn_memory_mb < 1) {
			snprintf(field, sizeof(field), "%smemory_gb", prefix);
			return ecap__fail(err, ECAP_ERR_RANGE, field,
					  "%s %.17g of %s leaves EMR's YARN "
					  "rule no memory", field,
					  out->memory_gb, out->name);
		}
	}
	/* YARN cannot hand containers more memory than the machine has. */
	if (out->catalog == ECAP_CATALOG_SPARK_NODE &&
	    (double)out->yarn_memory_mb > out->memory_gb * 1024.0) {
		snprintf(field, sizeof(field), "%syarn_memory_mb", prefix);
		return ecap__fail(err, ECAP_ERR_RANGE, field,
				  "%s of %s is %lld MiB, more than the "
				  "machine's %.17g GiB", field, out->name,
				  (long long)out->yarn_memory_mb,
				  out->memory_gb);
	}
	return ECAP_OK;
}

/* ---- the tables ---- */

static int
entry_cmp(const void *a, const void *b)
{
	const struct ecap_catalog_entry *x = a, *y = b;

	if (x->price_usd_per_hour != y->price_usd_per_hour)
		return x->price_usd_per_hour < y->price_usd_per_hour ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* FNV-1a: advisors find nodes and classes by name on every call.  Its
 * multiply wraps by design (ECAP_WRAPS: CI's -fsanitize=integer). */
static ECAP_WRAPS uint32_t
name_hash(const char *name)
{
	uint32_t h = 2166136261u;

	for (; *name != '\0'; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return h;
}

#define NAME_SLOTS (2 * ECAP_CATALOG_MAX_ENTRIES)
_Static_assert(ECAP_CATALOG_MAX_ENTRIES < 256, "slots hold index + 1 in a byte");

/* After every change of the entries: at most half the slots are used. */
static void
table_index(struct ecap__catalog_table *t)
{
	size_t i, j;

	memset(t->name_slot, 0, sizeof(t->name_slot));
	for (i = 0; i < t->n; i++) {
		j = t->name_hash[i] % NAME_SLOTS;
		while (t->name_slot[j] != 0)
			j = (j + 1) % NAME_SLOTS;
		t->name_slot[j] = (uint8_t)(i + 1);
	}
}

/* Takes entry i out, keeping the order and the hashes. */
static void
table_take(struct ecap__catalog_table *t, size_t i)
{
	memmove(&t->entries[i], &t->entries[i + 1],
		(t->n - i - 1) * sizeof(t->entries[0]));
	memmove(&t->name_hash[i], &t->name_hash[i + 1],
		(t->n - i - 1) * sizeof(t->name_hash[0]));
	t->n--;
	memset(&t->entries[t->n], 0, sizeof(t->entries[0]));
	t->name_hash[t->n] = 0;
	table_index(t);
}

/* Puts e at its place in the order (the table has room). */
static void
table_insert(struct ecap__catalog_table *t, const struct ecap_catalog_entry *e)
{
	size_t j = 0;

	while (j < t->n && entry_cmp(&t->entries[j], e) < 0)
		j++;
	memmove(&t->entries[j + 1], &t->entries[j],
		(t->n - j) * sizeof(t->entries[0]));
	memmove(&t->name_hash[j + 1], &t->name_hash[j],
		(t->n - j) * sizeof(t->name_hash[0]));
	t->entries[j] = *e;
	t->name_hash[j] = name_hash(e->name);
	t->n++;
	table_index(t);
}

static struct ecap_catalog_entry *
table_find(const struct ecap__catalog_table *t, const char *name)
{
	uint32_t h = name_hash(name);
	size_t j = h % NAME_SLOTS, i;

	for (; t->name_slot[j] != 0; j = (j + 1) % NAME_SLOTS) {
		i = t->name_slot[j] - 1u;
		if (t->name_hash[i] == h &&
		    strcmp(t->entries[i].name, name) == 0)
			return (struct ecap_catalog_entry *)&t->entries[i];
	}
	return NULL;
}

const struct ecap_catalog_entry *
ecap__catalog_entries(const ecap_policy *p, int32_t catalog, size_t *n)
{
	const struct ecap__catalog_table *t = table_of(p, catalog);

	*n = t != NULL ? t->n : 0;
	return t != NULL ? t->entries : NULL;
}

const struct ecap_catalog_entry *
ecap__catalog_find(const ecap_policy *p, int32_t catalog, const char *name)
{
	const struct ecap__catalog_table *t = table_of(p, catalog);

	return t != NULL ? table_find(t, name) : NULL;
}

int
ecap__catalog_put(ecap_policy *p, const struct ecap_catalog_entry *e,
		  struct ecap_error *err)
{
	struct ecap__catalog_table *t = table_of(p, e->catalog);
	struct ecap_catalog_entry *dst = table_find(t, e->name);
	struct ecap_catalog_entry copy = *e;

	if (dst == NULL && t->n >= ECAP_CATALOG_MAX_ENTRIES)
		return ecap__fail(err, ECAP_ERR_LIMIT, "name",
				  "cannot add %s: the %s catalog holds at "
				  "most %d entries", e->name,
				  ecap_catalog_to_string(e->catalog),
				  ECAP_CATALOG_MAX_ENTRIES);
	/* Replaced or added, the entry goes where the order (price, then
	 * name) puts it. */
	if (dst != NULL)
		table_take(t, (size_t)(dst - t->entries));
	table_insert(t, &copy);
	return ECAP_OK;
}

void
ecap__catalog_clear(ecap_policy *p, int32_t catalog)
{
	struct ecap__catalog_table *t = table_of(p, catalog);

	if (t != NULL) {
		memset(t->entries, 0, t->n * sizeof(t->entries[0]));
		memset(t->name_hash, 0, t->n * sizeof(t->name_hash[0]));
		t->n = 0;
		table_index(t);
	}
}

void
ecap__catalog_defaults(ecap_policy *p)
{
	struct ecap_catalog_entry e;
	size_t i;

	/* The tables are tested to pass the same checks as callers' rows. */
	for (i = 0; i < ECAP_ARRAY_SIZE(default_entries); i++)
		if (ecap__catalog_entry_check(NULL, &default_entries[i], &e,
					      "") == ECAP_OK)
			(void)ecap__catalog_put(p, &e, NULL);
}

/* ---- public functions ---- */

/* Copies a stored entry to a caller's struct, keeping its sz. */
static void
copy_out(const struct ecap_catalog_entry *src, struct ecap_catalog_entry *out)
{
	size_t sz = out->sz;

	memcpy(out, src,
	       ecap_offsetofend(struct ecap_catalog_entry,
				ecap_catalog_entry__last_field));
	out->sz = sz;
}

static int
not_found(struct ecap_error *err, int32_t catalog, const char *name)
{
	return ecap__fail(err, ECAP_ERR_NOT_FOUND, "name",
			  "the %s catalog has no entry named \"%.63s\"",
			  ecap_catalog_to_string(catalog), name);
}

ECAP_API size_t
ecap_policy_catalog_count(const ecap_policy *policy, int32_t catalog)
{
	const struct ecap__catalog_table *t;

	if (policy == NULL || (t = table_of(policy, catalog)) == NULL)
		return 0;
	return t->n;
}

ECAP_API int
ecap_policy_catalog_at(const ecap_policy *policy, int32_t catalog,
		       size_t index, struct ecap_catalog_entry *entry,
		       struct ecap_error *err)
{
	const struct ecap__catalog_table *t;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, entry, ecap_catalog_entry)) != ECAP_OK)
		return rc;
	if ((t = table_of(policy, catalog)) == NULL)
		return unknown_catalog(err, "catalog", catalog);
	if (index >= t->n)
		return ecap__fail(err, ECAP_ERR_RANGE, "index",
				  "index is %zu; the %s catalog has %zu "
				  "entries", index,
				  ecap_catalog_to_string(catalog), t->n);
	copy_out(&t->entries[index], entry);
	return ECAP_OK;
}

ECAP_API int
ecap_policy_catalog_find(const ecap_policy *policy, int32_t catalog,
			 const char *name, struct ecap_catalog_entry *entry,
			 struct ecap_error *err)
{
	const struct ecap__catalog_table *t;
	const struct ecap_catalog_entry *e;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, name, "name")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, entry, ecap_catalog_entry)) != ECAP_OK)
		return rc;
	if ((t = table_of(policy, catalog)) == NULL)
		return unknown_catalog(err, "catalog", catalog);
	if ((e = table_find(t, name)) == NULL)
		return not_found(err, catalog, name);
	copy_out(e, entry);
	return ECAP_OK;
}

ECAP_API int
ecap_policy_catalog_set(ecap_policy *policy,
			const struct ecap_catalog_entry *entry,
			struct ecap_error *err)
{
	struct ecap_catalog_entry e;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, entry, ecap_catalog_entry)) != ECAP_OK ||
	    (rc = ecap__catalog_entry_check(err, entry, &e, "")) != ECAP_OK)
		return rc;
	if ((rc = ecap__catalog_put(policy, &e, err)) == ECAP_OK)
		ecap__exec_table_update(policy);
	return rc;
}

ECAP_API int
ecap_policy_catalog_remove(ecap_policy *policy, int32_t catalog,
			   const char *name, struct ecap_error *err)
{
	struct ecap__catalog_table *t;
	struct ecap_catalog_entry *e;
	size_t i;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ecap__check_ptr(err, name, "name")) != ECAP_OK)
		return rc;
	if ((t = table_of(policy, catalog)) == NULL)
		return unknown_catalog(err, "catalog", catalog);
	if ((e = table_find(t, name)) == NULL)
		return not_found(err, catalog, name);
	if (t->n == 1)
		return ecap__fail(err, ECAP_ERR_LIMIT, "name",
				  "cannot remove %s: the %s catalog may not "
				  "be empty", name,
				  ecap_catalog_to_string(catalog));
	i = (size_t)(e - t->entries);
	table_take(t, i);
	ecap__exec_table_update(policy);
	return ECAP_OK;
}

/* ---- dynamic keys ---- */

bool
ecap__catalog_key(const ecap_policy *p, const char *key,
		  const struct ecap_catalog_entry **entry,
		  const struct ecap__catalog_field **field)
{
	const char *rest = key + strlen(KEY_PREFIX), *dot, *last;
	char cat[32], name[64];
	int32_t catalog;
	size_t n;

	*entry = NULL;
	*field = NULL;
	if (strncmp(key, KEY_PREFIX, strlen(KEY_PREFIX)) != 0 ||
	    (dot = strchr(rest, '.')) == NULL ||
	    (n = (size_t)(dot - rest)) >= sizeof(cat))
		return false;
	memcpy(cat, rest, n);
	cat[n] = '\0';
	if (ecap_catalog_from_string(cat, &catalog, NULL) != ECAP_OK)
		return false;
	/* Names contain dots ("r5.4xlarge"): the field follows the last. */
	rest = dot + 1;
	if ((last = strrchr(rest, '.')) == NULL ||
	    (n = (size_t)(last - rest)) == 0 || n >= sizeof(name))
		return false;
	memcpy(name, rest, n);
	name[n] = '\0';
	*entry = ecap__catalog_find(p, catalog, name);
	*field = ecap__catalog_field(last + 1);
	return *entry != NULL && *field != NULL &&
	       ((*field)->catalogs & (1u << catalog)) != 0;
}

int
ecap__catalog_key_set(ecap_policy *p, const struct ecap_catalog_entry *e,
		      const struct ecap__catalog_field *f, const char *key,
		      double d, int64_t i, struct ecap_error *err)
{
	struct ecap_catalog_entry copy = *e, checked;
	char prefix[160];
	int rc;

	/* Validate a modified copy so that a bad value changes nothing. */
	snprintf(prefix, sizeof(prefix), "%.*s",
		 (int)(strlen(key) - strlen(f->name)), key);
	/* An int64 beyond the field's range must not be narrowed. */
	if (f->type == ECAP_TYPE_INT64 &&
	    (rc = ecap__check_int64(err, key, i, (int64_t)f->min,
				    (int64_t)f->max)) != ECAP_OK)
		return rc;
	ecap__catalog_set(&copy, f, d, i);
	if ((rc = ecap__catalog_entry_check(err, &copy, &checked, prefix)) !=
	    ECAP_OK)
		return rc;
	return ecap__catalog_put(p, &checked, err);
}
