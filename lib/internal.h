/* SPDX-License-Identifier: MIT */
/*
 * internal.h - private helpers shared by the library's sources.  Nothing
 * here is exported.
 */
#ifndef ECAP_INTERNAL_H
#define ECAP_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ecaptune.h"
#include "human-size.h"

#if defined(__GNUC__)
#define ECAP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ECAP_PRINTF(f, a)
#endif

/*
 * Marks a function whose unsigned arithmetic wraps on purpose (a hash, a
 * random number generator), so that clang's -fsanitize=integer, which CI
 * runs, reports only the wraps nobody meant.
 */
#if defined(__clang__)
#define ECAP_WRAPS \
	__attribute__((no_sanitize("unsigned-integer-overflow", \
				   "unsigned-shift-base")))
#else
#define ECAP_WRAPS
#endif

/* Spark's counts (partitions, executors) are Scala Ints: no advice goes
 * past this, and every renderer takes up to it. */
#define ECAP__MAX_SPARK_INT INT64_C(2147483647)

#define ECAP_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ecap_offsetofend(TYPE, FIELD) \
	(offsetof(TYPE, FIELD) + sizeof(((TYPE *)0)->FIELD))

/* ---- errors (error.c) ---- */

/* Resets *err at the start of a public call (no-op for NULL or short sz):
 * inline, as every call does it. */
static inline void
ecap__err_clear(struct ecap_error *err)
{
	if (err == NULL ||
	    err->sz < offsetof(struct ecap_error, message) +
			      sizeof(err->message))
		return;
	err->code = ECAP_OK;
	err->line = 0;
	err->column = 0;
	err->field[0] = '\0';
	err->message[0] = '\0';
}
/* Records code, field and message in *err and returns code. */
int ecap__fail(struct ecap_error *err, int code, const char *field,
	       const char *fmt, ...) ECAP_PRINTF(4, 5);
/* Like ecap__fail, with the 1-based line and column of JSON input. */
int ecap__fail_at(struct ecap_error *err, int code, const char *field,
		  int line, int column, const char *fmt, ...) ECAP_PRINTF(6, 7);

/* Adds the 1-based line and column of JSON input to a recorded error. */
void ecap__err_set_pos(struct ecap_error *err, int line, int column);

/*
 * Argument checks.  Each returns ECAP_OK or the documented error, with a
 * message naming `field` and the value.  NaN and infinities are
 * ECAP_ERR_INVALID; finite values outside [min, max] are ECAP_ERR_RANGE.
 */
/* The out-of-line halves: they record the error (error.c). */
int ecap__check_ptr_fail(struct ecap_error *err, const char *field);
int ecap__check_double_fail(struct ecap_error *err, const char *field,
			    double v, double min, double max);
int ecap__check_double_gt_fail(struct ecap_error *err, const char *field,
			       double v, double min, double max);
int ecap__check_int64_fail(struct ecap_error *err, const char *field,
			   int64_t v, int64_t min, int64_t max);
int ecap__check_bool_fail(struct ecap_error *err, const char *field,
			  int32_t v);

/*
 * The checks run on every advice call's every field: the passing test is
 * inline (a compare or two), only a failure calls out to format.
 */
#if defined(__GNUC__)
#define ECAP__LIKELY(x) __builtin_expect(!!(x), 1)
/* For a hot static function with two callers, which GCC keeps out of
 * line otherwise (its prologue and spills cost more than its body). */
#define ECAP__ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ECAP__LIKELY(x) (x)
#define ECAP__ALWAYS_INLINE inline
#endif

static inline int
ecap__check_ptr(struct ecap_error *err, const void *p, const char *field)
{
	if (ECAP__LIKELY(p != NULL))
		return ECAP_OK;
	return ecap__check_ptr_fail(err, field);
}

/*
 * NaN fails both comparisons; v - v is 0 only for a finite v.  Between
 * finite bounds (the usual constants) the comparisons alone rule out the
 * infinities, and the compiler drops the finiteness test.
 */
#define ECAP__FINITE_BOUNDS(min, max) \
	((min) > -__builtin_inf() && (max) < __builtin_inf())

static inline int
ecap__check_double(struct ecap_error *err, const char *field, double v,
		   double min, double max)
{
	if (ECAP__LIKELY(v >= min && v <= max &&
			 (ECAP__FINITE_BOUNDS(min, max) || v - v == 0.0)))
		return ECAP_OK;
	return ecap__check_double_fail(err, field, v, min, max);
}

/* As ecap__check_double with an exclusive lower bound (v > min). */
static inline int
ecap__check_double_gt(struct ecap_error *err, const char *field, double v,
		      double min, double max)
{
	if (ECAP__LIKELY(v > min && v <= max &&
			 (ECAP__FINITE_BOUNDS(min, max) || v - v == 0.0)))
		return ECAP_OK;
	return ecap__check_double_gt_fail(err, field, v, min, max);
}

static inline int
ecap__check_int64(struct ecap_error *err, const char *field, int64_t v,
		  int64_t min, int64_t max)
{
	if (ECAP__LIKELY(v >= min && v <= max))
		return ECAP_OK;
	return ecap__check_int64_fail(err, field, v, min, max);
}

static inline int
ecap__check_bool(struct ecap_error *err, const char *field, int32_t v)
{
	if (ECAP__LIKELY(v == 0 || v == 1))
		return ECAP_OK;
	return ecap__check_bool_fail(err, field, v);
}

/*
 * fmin and fmax as C99 defines them (a NaN operand yields the other),
 * inline: the compiler calls libm's for want of one instruction with
 * their NaN rule, and the advisors call them on every field.  Equal
 * operands (+0 and -0) give b, as the SSE min/max instructions and
 * glibc's x86-64 fmin/fmax do.
 */
static inline double
ecap__fmin(double a, double b)
{
	if (a != a)
		return b;
	if (b != b)
		return a;
	return a < b ? a : b;
}

static inline double
ecap__fmax(double a, double b)
{
	if (a != a)
		return b;
	if (b != b)
		return a;
	return a > b ? a : b;
}

/*
 * floor, ceil and trunc, inline: without SSE 4.1 (the x86-64 baseline)
 * the compiler calls libm's.  Below 2^52 in magnitude the truncation to
 * int64 is exact, the fraction it dropped moves floor down or ceil up,
 * and copysign gives a zero result the argument's sign as libm does
 * (floor(-0.0) and ceil(-0.5) are -0.0); larger magnitudes (already
 * whole), infinities and NaN go to libm.
 */
#define ECAP__EXACT_INT_MAX 4503599627370496.0 /* 2^52 */

static inline double
ecap__trunc(double x)
{
	if (ECAP__LIKELY(x > -ECAP__EXACT_INT_MAX && x < ECAP__EXACT_INT_MAX))
		return __builtin_copysign((double)(int64_t)x, x);
	return __builtin_trunc(x);
}

static inline double
ecap__floor(double x)
{
	double t;

	if (ECAP__LIKELY(x > -ECAP__EXACT_INT_MAX &&
			 x < ECAP__EXACT_INT_MAX)) {
		t = (double)(int64_t)x;
		return __builtin_copysign(t > x ? t - 1.0 : t, x);
	}
	return __builtin_floor(x);
}

/*
 * (int64_t)floor(x) for an x that is usually not negative: there the
 * conversion's truncation is the floor (x below 2^63, as a caller's
 * int64_t result needs anyway), with no rounding step.
 */
static inline int64_t
ecap__floor_int64(double x)
{
	if (ECAP__LIKELY(x >= 0.0))
		return (int64_t)x;
	return (int64_t)ecap__floor(x);
}

/*
 * uint64 <-> double for values in [0, 2^63) (byte and MiB counts: every
 * size here is below 1 EiB), through int64: one instruction each way,
 * where x86-64 before AVX-512 has no unsigned conversion and a uint64's
 * takes a branch and half a dozen.  The same value as the direct
 * conversion in that range.
 */
static inline double
ecap__u64_to_double(uint64_t v)
{
	return (double)(int64_t)v;
}

static inline uint64_t
ecap__double_to_u64(double x)
{
	return (uint64_t)(int64_t)x;
}

/* ceil(x) is -floor(-x) exactly, signed zeros included. */
static inline double
ecap__ceil(double x)
{
	return -ecap__floor(-x);
}

/* ---- size-prefixed structs (opts.c) ---- */

/*
 * Validates a size-prefixed struct: p not NULL, sz >= min_sz (the size of
 * the struct in the release that introduced it), and every byte from
 * known_sz (the end of the last field this build knows) to sz zero.
 */
int ecap__opts_check_slow(struct ecap_error *err, const void *p,
			  size_t min_sz, size_t known_sz,
			  const char *type_name);
/*
 * A caller of this build passes inline: sz is known_sz, or the struct's
 * sizeof (full_sz) whose tail padding is zero, as ECAP_STRUCT_INIT left
 * it.
 */
static inline int
ecap__opts_check_full(struct ecap_error *err, const void *p, size_t min_sz,
		      size_t known_sz, size_t full_sz, const char *type_name)
{
	const unsigned char *bytes = p;
	unsigned char tail = 0;
	size_t i;

	if (ECAP__LIKELY(p != NULL && *(const size_t *)p == full_sz)) {
		for (i = known_sz; i < full_sz; i++)
			tail |= bytes[i];
		if (ECAP__LIKELY(tail == 0))
			return ECAP_OK;
	}
	return ecap__opts_check_slow(err, p, min_sz, known_sz, type_name);
}

static inline int
ecap__opts_check(struct ecap_error *err, const void *p, size_t min_sz,
		 size_t known_sz, const char *type_name)
{
	return ecap__opts_check_full(err, p, min_sz, known_sz, known_sz,
				     type_name);
}

/*
 * ECAP__OPTS_CHECK(err, p, type): validate struct type *p.  All structs
 * are from release 1.0, so the minimum size is the known size; a struct
 * that grows in a later release passes its 1.0 last field to
 * ECAP__OPTS_CHECK_MIN instead.
 */
#define ECAP__OPTS_CHECK(err, p, type)                                    \
	ecap__opts_check_full((err), (p),                                 \
			 ecap_offsetofend(struct type, type##__last_field), \
			 ecap_offsetofend(struct type, type##__last_field), \
			 sizeof(struct type), #type)
#define ECAP__OPTS_CHECK_MIN(err, p, type, min_field)                     \
	ecap__opts_check_full((err), (p),                                 \
			 ecap_offsetofend(struct type, min_field),          \
			 ecap_offsetofend(struct type, type##__last_field), \
			 sizeof(struct type), #type)
/* True when the caller's struct reaches FIELD (older callers may not). */
#define ECAP__OPTS_HAS(p, type, field) \
	((p)->sz >= ecap_offsetofend(struct type, field))
/* The caller's FIELD, or FALLBACK when its struct predates the field. */
#define ECAP__OPTS_GET(p, type, field, fallback) \
	(ECAP__OPTS_HAS(p, type, field) ? (p)->field : (fallback))
/*
 * Zeroes an output struct's known fields (within the caller's sz) before
 * the library fills it, keeping sz.
 */
void ecap__opts_zero_out(void *p, size_t known_sz);
/*
 * Zeroes n bytes with libc's memset (opts.c), out of line: for a size
 * known at compile time past 64 bytes, GCC's generic x86-64 tuning emits
 * a `rep stos` whose start-up costs more than the call and libc's vector
 * stores (a fifth of a guide database advice, a quarter of a partition
 * advice).  ECAP__ZERO picks inline stores for small objects and this
 * for the others.
 */
void ecap__zero(void *p, size_t n);
#define ECAP__ZERO_INLINE_MAX 64

/* n bytes, known at compile time. */
static inline void
ecap__zero_n(void *p, size_t n)
{
	if (n <= ECAP__ZERO_INLINE_MAX)
		memset(p, 0, n);
	else
		ecap__zero(p, n);
}
#define ECAP__ZERO(ptr) ecap__zero_n((ptr), sizeof(*(ptr)))

/*
 * n bytes known at compile time, a few hundred at most, with inline vector
 * stores, 64 bytes at a time: for spans of a struct between the fields a
 * caller writes, where libc's memset would cost a call per span and GCC's
 * own a rep stos.
 */
static inline void
ecap__zero_stores(void *p, size_t n)
{
	unsigned char *b = p;

	for (; n > ECAP__ZERO_INLINE_MAX; n -= ECAP__ZERO_INLINE_MAX,
					  b += ECAP__ZERO_INLINE_MAX)
		memset(b, 0, ECAP__ZERO_INLINE_MAX);
	memset(b, 0, n);
}

/*
 * A caller of this build (sz is the struct's sizeof) takes the inline
 * path: a memset of a size known at compile time (a few stores, or libc's
 * memset for the large structs).
 */
static inline void
ecap__opts_zero_out_full(void *p, size_t known_sz, size_t full_sz)
{
	unsigned char *fields = (unsigned char *)p + sizeof(size_t);

	if (ECAP__LIKELY(*(const size_t *)p == full_sz)) {
		if (known_sz - sizeof(size_t) <= ECAP__ZERO_INLINE_MAX)
			memset(fields, 0, known_sz - sizeof(size_t));
		else
			ecap__zero(fields, known_sz - sizeof(size_t));
	} else {
		ecap__opts_zero_out(p, known_sz);
	}
}
#define ECAP__OUT_ZERO(p, type)                                           \
	ecap__opts_zero_out_full((p),                                     \
			 ecap_offsetofend(struct type, type##__last_field), \
			 sizeof(struct type))

/*
 * Caller arrays of size-prefixed structs (properties, projected years):
 * the first element's sz is the array's stride, so a newer caller's larger
 * elements are never misread.  ecap__array_stride validates the first
 * element (when cap > 0) and gives the stride (0 for an empty array);
 * ecap__array_at returns element i with its sz set and its known fields
 * zeroed, ready to fill; ecap__array_slot with its sz set only, for a
 * caller that writes every known field itself.
 */
int ecap__array_stride(struct ecap_error *err, const void *first, size_t cap,
		       size_t known_sz, const char *type_name, size_t *stride);
void *ecap__array_at(void *base, size_t stride, size_t i, size_t known_sz);

static inline void *
ecap__array_slot(void *base, size_t stride, size_t i)
{
	size_t *e = (size_t *)((unsigned char *)base + i * stride);

	*e = stride;
	return e;
}

/* ---- property arrays (props.c) ---- */

/*
 * Fills a caller's struct ecap_property array: begin validates it (the
 * first element's sz is the stride), add appends one key and formatted
 * value (counting past the capacity), end stores the count and returns
 * ECAP_ERR_NOSPACE when the array was too small.
 */
struct ecap__props {
	void *base;
	size_t stride, cap, n;
	size_t *count;
};
int ecap__props_begin(struct ecap__props *ctx, struct ecap_property *props,
		      size_t *count, struct ecap_error *err);
void ecap__props_add(struct ecap__props *ctx, const char *key,
		     const char *fmt, ...) ECAP_PRINTF(3, 4);
int ecap__props_end(struct ecap__props *ctx, struct ecap_error *err);

/* ---- enum names (enum-names.c) ---- */

/* names[0] is the canonical spelling, the others aliases; a table ends with
 * names[0] == NULL. */
struct ecap__enum_name {
	int32_t value;
	const char *names[5];
};
/* The canonical name of value, or NULL. */
const char *ecap__enum_to_string(const struct ecap__enum_name *t,
				 int32_t value);
/*
 * Parses name into *value: exactly, or with loose set ignoring case, '_',
 * '-' and ' ' (Spark's rule for join types and hints).  An unknown name
 * is ECAP_ERR_UNKNOWN_ENUM on field, listing the canonical names.
 */
int ecap__enum_from_string(const struct ecap__enum_name *t, bool loose,
			   const char *what, const char *field,
			   const char *name, int32_t *value,
			   struct ecap_error *err);

/* ---- allocation (alloc.c) ---- */

/*
 * Every allocation of the library, so that test builds can fail any one of
 * them.  Memory from these is released with ecap__free (ecap_free for the
 * caller); jansson's own allocations go through jansson's allocator.
 */
void *ecap__malloc(size_t n);
void *ecap__calloc(size_t n, size_t size);
void *ecap__realloc(void *p, size_t n);
void ecap__free(void *p);
char *ecap__strdup(const char *s);

/* ---- explanations (explain.c) ---- */

/*
 * The one buffer rule of every ecap_<family>_explain function (written in
 * libecaptune(3)): buf may be NULL only when size is 0; a sentence that
 * does not fit, size 0 included, keeps what fits (NUL-terminated when
 * size > 0) and is ECAP_ERR_NOSPACE with the bytes it needs in the
 * message.  A sentence is written piece by piece: ecap__sentence_begin
 * checks the buffer, ecap__say appends (counting what does not
 * fit), ecap__sentence_end gives the verdict.
 */
struct ecap__sentence {
	char *buf;
	size_t size;
	size_t len; /* bytes the sentence needs, without its NUL */
};
int ecap__sentence_begin(struct ecap__sentence *s, char *buf, size_t size,
			 struct ecap_error *err);
void ecap__say(struct ecap__sentence *s, const char *fmt, ...)
	ECAP_PRINTF(2, 3);
void ecap__vsay(struct ecap__sentence *s, const char *fmt,
			 va_list ap) ECAP_PRINTF(2, 0);
int ecap__sentence_end(const struct ecap__sentence *s,
		       struct ecap_error *err);
/* A whole sentence in one format: begin, add, end. */
int ecap__explainf(struct ecap_error *err, char *buf, size_t size,
		   const char *fmt, ...) ECAP_PRINTF(4, 5);
/* ---- strings ---- */

/*
 * Copies src into dst[cap] NUL-terminated, truncating; returns dst.
 * Inline: advisors copy a name into every answer, and a literal's length
 * is then known at compile time.
 */
static inline char *
ecap__strlcpy(char *dst, const char *src, size_t cap)
{
	size_t n;

	if (cap == 0)
		return dst;
	n = strlen(src);
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
	return dst;
}

/*
 * Copies a name stored NUL-padded in n bytes (a catalog entry's name or
 * price date, a policy string, a static table's char array) into dst[n]:
 * one copy of a size known at compile time, no scan.  src must hold n
 * bytes; a plain C string (a literal) goes through ecap__strlcpy.
 */
static inline void
ecap__copy_padded(char *dst, const char *src, size_t n)
{
	memcpy(dst, src, n);
}

/* ---- policy internals (policy.c) ---- */

/* Static keys, generated from policy-keys.def as ECAP_K_<ID>. */
enum ecap_key_id {
#define ECAP_DKEY(id, name, def, min, max, unit, desc) ECAP_K_##id,
#define ECAP_IKEY(id, name, def, min, max, unit, desc) ECAP_K_##id,
#define ECAP_BKEY(id, name, def, desc) ECAP_K_##id,
#define ECAP_SKEY(id, name, def, desc) ECAP_K_##id,
#include "policy-keys.def"
#undef ECAP_DKEY
#undef ECAP_IKEY
#undef ECAP_BKEY
#undef ECAP_SKEY
	ECAP_K__COUNT
};

#define ECAP_STRING_VALUE_MAX 64

/* A catalog: entries sorted by price_usd_per_hour, then name (catalog.c). */
#define ECAP__CATALOG_COUNT 3
struct ecap__catalog_table {
	size_t n;
	struct ecap_catalog_entry entries[ECAP_CATALOG_MAX_ENTRIES];
	/* A hash of each entry's name and an open-addressing index of the
	 * hashes (entry index + 1, 0 = empty), rebuilt by every change of
	 * the table: a find by name probes a slot or two, not every entry. */
	uint32_t name_hash[ECAP_CATALOG_MAX_ENTRIES];
	uint8_t name_slot[2 * ECAP_CATALOG_MAX_ENTRIES];
};

union ecap_value {
	double d;
	int64_t i;
	char s[ECAP_STRING_VALUE_MAX];
};

struct ecap__exec_table;

struct ecap_policy {
	union ecap_value values[ECAP_K__COUNT];
	/* A string key naming an enum value, parsed when it is set (advice
	 * never parses a policy string): the value, 0 when the name is not
	 * one this version knows or the key names no enum. */
	int32_t enum_values[ECAP_K__COUNT];
	int32_t model;
	size_t n_scenarios;
	struct ecap_scenario scenarios[ECAP_MAX_SCENARIOS];
	/* One table per enum ecap_catalog, at index catalog - 1. */
	struct ecap__catalog_table catalogs[ECAP__CATALOG_COUNT];
	/* The executor auto-pick's per-node shapes (executor-table.c), owned
	 * by this policy; NULL when allocation failed. */
	struct ecap__exec_table *exec_table;
};

/* Rebuilds p's executor table after p changed (keeps NULL when it cannot
 * allocate: advice then sizes every node itself); frees it. */
void ecap__exec_table_update(ecap_policy *p);
void ecap__exec_table_free(ecap_policy *p);

/* Fast typed reads for advisors; id must be of the matching type. */
static inline double
ecap__pd(const ecap_policy *p, enum ecap_key_id id)
{
	return p->values[id].d;
}

static inline int64_t
ecap__pi(const ecap_policy *p, enum ecap_key_id id)
{
	return p->values[id].i;
}

static inline const char *
ecap__ps(const ecap_policy *p, enum ecap_key_id id)
{
	return p->values[id].s;
}

/* The enum a string key names (parsed at set time); 0 when unknown. */
static inline int32_t
ecap__pe(const ecap_policy *p, enum ecap_key_id id)
{
	return p->enum_values[id];
}

/* Parses string key id's value v into p->enum_values (policy-keys.c). */
void ecap__key_parse_enum(ecap_policy *p, int id, const char *v);

/*
 * -0.0 stored as 0.0: JSON writes -0 as an integer that reads back as +0,
 * so a policy holding -0.0 would not round-trip exactly.
 */
static inline double
ecap__no_negative_zero(double v)
{
	return v == 0.0 ? 0.0 : v;
}

/* Finds a scenario by name; NULL if there is none. */
const struct ecap_scenario *ecap__scenario_find(const ecap_policy *p,
						const char *name);

/* Is s valid UTF-8 without control characters? (policy-json.c) */
bool ecap__text_ok(const char *s);

/* Validators shared by the setters and the JSON loader. */
int ecap__scenario_validate(struct ecap_error *err,
			    const struct ecap_scenario *s, const char *prefix);
int ecap__scenario_put(ecap_policy *p, const struct ecap_scenario *s,
		       struct ecap_error *err);

/* ---- catalogs (catalog.c) ---- */

/*
 * For advisors: the entries of a catalog in its order (price, then name)
 * and their number in *n; NULL and 0 for an unknown catalog.  Never empty
 * for a known one.
 */
const struct ecap_catalog_entry *ecap__catalog_entries(const ecap_policy *p,
						       int32_t catalog,
						       size_t *n);
/* The entry named name in a catalog, or NULL. */
const struct ecap_catalog_entry *ecap__catalog_find(const ecap_policy *p,
						    int32_t catalog,
						    const char *name);
/* Fills every catalog from the compiled-in tables (lib/catalog-*.def). */
void ecap__catalog_defaults(ecap_policy *p);
/*
 * Validates *in (field names in messages start with prefix) and writes
 * the stored form to *out: known fields only, strings NUL-padded, family
 * filled, -0 as 0.  *in's sz is not checked here.
 */
int ecap__catalog_entry_check(struct ecap_error *err,
			      const struct ecap_catalog_entry *in,
			      struct ecap_catalog_entry *out,
			      const char *prefix);
/* Adds or replaces a checked entry, keeping the order; ECAP_ERR_LIMIT. */
int ecap__catalog_put(ecap_policy *p, const struct ecap_catalog_entry *e,
		      struct ecap_error *err);
/* Empties a catalog before a JSON array refills it. */
void ecap__catalog_clear(ecap_policy *p, int32_t catalog);

/*
 * Numeric fields of an entry, for dynamic keys and JSON: type is
 * ECAP_TYPE_DOUBLE or ECAP_TYPE_INT64 (stored in size bytes), catalogs
 * a mask of 1 << enum ecap_catalog the field applies to.
 */
struct ecap__catalog_field {
	const char *name;
	size_t offset, size;
	int32_t type;
	unsigned catalogs;
	bool above_min;
	double min, max;
};
/* The numeric field named name, or NULL; ecap__catalog_fields lists them. */
const struct ecap__catalog_field *ecap__catalog_field(const char *name);
extern const struct ecap__catalog_field ecap__catalog_fields[];
extern const size_t ecap__catalog_field_count;
double ecap__catalog_get_double(const struct ecap_catalog_entry *e,
				const struct ecap__catalog_field *f);
int64_t ecap__catalog_get_int64(const struct ecap_catalog_entry *e,
				const struct ecap__catalog_field *f);
/* Stores d (a double field) or i (an int field, within its range). */
void ecap__catalog_set(struct ecap_catalog_entry *e,
		       const struct ecap__catalog_field *f, double d, int64_t i);
/*
 * Dynamic key "catalog.<catalog>.<name>.<field>": the entry and the
 * field (applying to its catalog), or false when key names none.
 */
bool ecap__catalog_key(const ecap_policy *p, const char *key,
		       const struct ecap_catalog_entry **entry,
		       const struct ecap__catalog_field **field);
/* Sets the field of a copy of entry, validates it and puts it. */
int ecap__catalog_key_set(ecap_policy *p, const struct ecap_catalog_entry *e,
			  const struct ecap__catalog_field *f,
			  const char *key, double d, int64_t i,
			  struct ecap_error *err);

/* Key table lookups (policy-keys.c). */
struct ecap__key_def {
	const char *name;
	const char *unit;
	const char *description;
	int32_t type;
	double def_d, min_d, max_d;
	int64_t def_i, min_i, max_i;
	const char *def_s;
};
extern const struct ecap__key_def ecap__keys[ECAP_K__COUNT];
/* Index of the static key named name, or -1. */
int ecap__key_lookup(const char *name);
/* The same, searching from key start on (wrapping): a document in the
 * dump's order finds each key at the first try. */
int ecap__key_lookup_from(const char *name, int start);
/*
 * Validates and stores a value for a static key (no partial writes); a set
 * also checks the rules between keys (ecap__policy_check) and undoes the
 * store when they fail.  The JSON loader stores, and checks the whole
 * document at its end.
 */
int ecap__key_store_double(ecap_policy *p, int id, double v,
			   struct ecap_error *err);
int ecap__key_store_int64(ecap_policy *p, int id, int64_t v,
			  struct ecap_error *err);
int ecap__key_store_string(ecap_policy *p, int id, const char *v,
			   struct ecap_error *err);
int ecap__key_set_double(ecap_policy *p, int id, double v,
			 struct ecap_error *err);
int ecap__key_set_int64(ecap_policy *p, int id, int64_t v,
			struct ecap_error *err);
int ecap__key_set_string(ecap_policy *p, int id, const char *v,
			 struct ecap_error *err);
/*
 * The rules between keys (policy-check.c): ECAP_OK, or the error naming
 * changed (the key just set, or -1 for a whole document) when it is one
 * of the pair that disagree.
 */
int ecap__policy_check(const ecap_policy *p, int changed,
		       struct ecap_error *err);
/*
 * Checks a per-call field that overrides policy key id: 0 (take the
 * policy's value) or a value in the key's own range, so that a window, size
 * or count reaching an integer conversion has one validated range whether
 * it comes from the call or from the policy.  The message names the field
 * and the key.
 */
int ecap__check_override_double_fail(struct ecap_error *err,
				     const char *field, double v, int id);
int ecap__check_override_int64_fail(struct ecap_error *err,
				    const char *field, int64_t v, int id);

/* The passing test inline (0, or within the key's range and finite); the
 * message is formatted out of line, only on failure. */
static inline int
ecap__check_override_double(struct ecap_error *err, const char *field,
			    double v, int id)
{
	const struct ecap__key_def *k = &ecap__keys[id];

	/* A key's range is finite (policy-keys.c asserts it), so within it
	 * v is. */
	if (ECAP__LIKELY(v == 0.0 ||
			 (v >= k->min_d && v <= k->max_d && v > 0.0)))
		return ECAP_OK;
	return ecap__check_override_double_fail(err, field, v, id);
}

static inline int
ecap__check_override_int64(struct ecap_error *err, const char *field,
			   int64_t v, int id)
{
	const struct ecap__key_def *k = &ecap__keys[id];

	if (ECAP__LIKELY(v == 0 || (v >= k->min_i && v <= k->max_i)))
		return ECAP_OK;
	return ecap__check_override_int64_fail(err, field, v, id);
}

#endif /* ECAP_INTERNAL_H */
