/* SPDX-License-Identifier: MIT */
/*
 * fuzz.h - shared by the fuzz targets (fuzz/fuzz-*.c).
 *
 * A target is `int ecap_fuzz_<name>(const uint8_t *data, size_t size)`,
 * listed in ECAP_FUZZ_TARGETS.  fuzz/libfuzzer.c makes one libFuzzer
 * binary of it (clang -fsanitize=fuzzer, fuzz/run-fuzzers.sh);
 * fuzz/replay.c runs the stored corpus (fuzz/corpus/<name>/) through every
 * target in make check, with any compiler.  Targets use the public API
 * only, and abort() when a property fails:
 * - a success gives output the library's own renderers accept;
 * - a failure fills struct ecap_error with the code returned, a field and
 *   a message, and leaves the policy unchanged.
 */
#ifndef ECAP_FUZZ_H
#define ECAP_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecaptune.h"
#include "trim-catalogs.h"

#define ECAP_FUZZ_TARGETS(X) \
	X(policy_json)       \
	X(policy_set)        \
	X(partition)         \
	X(join)              \
	X(cache)             \
	X(executor)          \
	X(database)          \
	X(kafka)             \
	X(projection)

#define ECAP_FUZZ_DECLARE(name) \
	int ecap_fuzz_##name(const uint8_t *data, size_t size);
ECAP_FUZZ_TARGETS(ECAP_FUZZ_DECLARE)
#undef ECAP_FUZZ_DECLARE

/* Reads the input front to back; past the end it gives zeros. */
struct fuzz_in {
	const uint8_t *p;
	size_t n;
};

static inline void
fuzz_bytes(struct fuzz_in *in, void *dst, size_t n)
{
	size_t k = n < in->n ? n : in->n;

	memcpy(dst, in->p, k);
	memset((uint8_t *)dst + k, 0, n - k);
	in->p += k;
	in->n -= k;
}

static inline uint8_t
fuzz_u8(struct fuzz_in *in)
{
	uint8_t v;

	fuzz_bytes(in, &v, 1);
	return v;
}

/*
 * Fills a size-prefixed struct of `size` bytes at s (with room for 32
 * more): one byte picks sz (mostly the real size, sometimes smaller or
 * larger, with a zero or non-zero tail), the struct's bytes after sz come
 * from the input.  Pointers in the struct are the caller's to set: a
 * target sets every pointer field of its struct before the call.
 */
static inline void
fuzz_struct(struct fuzz_in *in, void *s, size_t size)
{
	uint8_t pick = fuzz_u8(in);
	size_t sz = size;

	memset(s, 0, size + 32);
	fuzz_bytes(in, (uint8_t *)s + sizeof(size_t), size - sizeof(size_t));
	if (pick >= 0xf0) {
		/* a larger struct; its tail is zero unless pick is odd */
		sz = size + (pick & 0x0f) + 1;
		if (pick & 1)
			((uint8_t *)s)[sz - 1] = 0x5a;
	} else if (pick >= 0xe0) {
		sz = size - 1 - (pick & 0x0f) % size;
	}
	memcpy(s, &sz, sizeof(sz));
}

/* Checks the error contract of a failed call. */
static inline void
fuzz_check_error(int rc, const struct ecap_error *err)
{
	if (rc >= 0 || err->code != rc || err->message[0] == '\0' ||
	    strcmp(ecap_strerror(rc), "unknown error") == 0) {
		fprintf(stderr, "bad error: rc %d code %d field '%s' '%s'\n",
			rc, err->code, err->field, err->message);
		abort();
	}
	/* ECAP_FUZZ_VERBOSE=1 shows why each input was refused (to check
	 * that a seed reaches past validation). */
	if (getenv("ECAP_FUZZ_VERBOSE") != NULL)
		fprintf(stderr, "refused: %s\n", err->message);
	/* Memory never runs out in a fuzz run. */
	if (rc == ECAP_ERR_NOMEM) {
		fprintf(stderr, "NOMEM without a failed allocation: %s\n",
			err->message);
		abort();
	}
}

#define FUZZ_ASSERT(cond)                                                  \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, \
				#cond);                                    \
			abort();                                           \
		}                                                          \
	} while (0)

/* A policy of either model: the first input byte decides. */
static inline ecap_policy *
fuzz_policy(struct fuzz_in *in)
{
	ecap_policy *p = NULL;

	FUZZ_ASSERT(ecap_policy_new(&p, NULL) == ECAP_OK);
	if (fuzz_u8(in) & 1)
		FUZZ_ASSERT(ecap_policy_set_string(p, "model", "guide", NULL) ==
			    ECAP_OK);
	return p;
}

/* The policy's dump, to compare before and after a call. */
static inline char *
fuzz_dump(const ecap_policy *p)
{
	char *text = NULL;

	FUZZ_ASSERT(ecap_policy_dump_json(p, &text, NULL) == ECAP_OK);
	return text;
}

/* p dumps to text that loads into a fresh policy and dumps the same. */
static inline void
fuzz_round_trip(const ecap_policy *p)
{
	struct ecap_error err;
	ecap_policy *q = NULL;
	char *text = fuzz_dump(p), *again;
	int rc;

	ECAP_STRUCT_INIT(&err);
	FUZZ_ASSERT(ecap_policy_new(&q, NULL) == ECAP_OK);
	rc = ecap_policy_load_json(q, text, strlen(text), &err);
	if (rc != ECAP_OK)
		fprintf(stderr, "reload: %s\n", err.message);
	FUZZ_ASSERT(rc == ECAP_OK);
	again = fuzz_dump(q);
	FUZZ_ASSERT(strcmp(text, again) == 0);
	ecap_free(again);
	ecap_free(text);
	ecap_policy_free(&q);
}

#define FUZZ_PROPS 64

/* Properties with their sz set, for the renderers. */
static inline size_t
fuzz_props_init(struct ecap_property *props)
{
	size_t i;

	for (i = 0; i < FUZZ_PROPS; i++)
		ECAP_STRUCT_INIT(&props[i]);
	return FUZZ_PROPS;
}

/* No rendered value is "-0" or empty. */
static inline void
fuzz_check_props(const struct ecap_property *props, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		FUZZ_ASSERT(props[i].key[0] != '\0');
		FUZZ_ASSERT(props[i].value[0] != '\0');
		FUZZ_ASSERT(strcmp(props[i].value, "-0") != 0);
	}
}

/* A renderer's verdict on an advice a call returned: it must accept it. */
static inline void
fuzz_rendered(int rc, const struct ecap_error *err,
	      const struct ecap_property *props, size_t n)
{
	if (rc != ECAP_OK)
		fprintf(stderr, "render: %s\n", err->message);
	FUZZ_ASSERT(rc == ECAP_OK);
	fuzz_check_props(props, n);
}

/* One operation of a target on a policy of the input's model. */
typedef void (*fuzz_op)(const ecap_policy *p, struct fuzz_in *in,
			struct ecap_error *err);

/*
 * Runs ops[k] for k chosen by the input (after the model byte).  The
 * advisors take the policy const, so the two (one per model) are made
 * once and shared by every input: a fresh policy per input cost most of
 * the run.
 */
static inline int
fuzz_run(const uint8_t *data, size_t size, const fuzz_op *ops, size_t n)
{
	static ecap_policy *models[2];
	struct fuzz_in in = { data, size };
	struct ecap_error err;
	int guide = fuzz_u8(&in) & 1;

	if (models[guide] == NULL) {
		FUZZ_ASSERT(ecap_policy_new(&models[guide], NULL) == ECAP_OK);
		if (guide)
			FUZZ_ASSERT(ecap_policy_set_string(models[guide],
							   "model", "guide",
							   NULL) == ECAP_OK);
	}
	ECAP_STRUCT_INIT(&err);
	ops[n > 1 ? fuzz_u8(&in) % n : 0](models[guide], &in, &err);
	return 0;
}

#endif /* ECAP_FUZZ_H */
