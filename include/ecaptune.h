/* SPDX-License-Identifier: MIT */
/*
 * ecaptune.h - the public interface of libecaptune.
 *
 * libecaptune turns the E-Commerce Analytics Platform (ECAP) performance
 * tuning guide into versioned functions: partition sizing, join strategy,
 * cache level, executor sizing and capacity projection.  This header is the
 * specification; libecaptune(3) gives the overview.
 *
 * Conventions that hold for every function below:
 *
 * - Fallible functions return int: ECAP_OK (0) on success, a negative
 *   enum ecap_error_code value on failure.  ecap_strerror() names a code.
 * - The last argument of a fallible function is an optional
 *   struct ecap_error *, owned by the caller, that receives the code, the
 *   offending field or key, and a sentence naming the bad value.  There is
 *   no global or thread-local error state.
 * - Per-call inputs and outputs are size-prefixed structs: the first member
 *   is `size_t sz`, which the caller sets to sizeof the struct it was
 *   compiled with (ECAP_OPTS or ECAP_STRUCT_INIT do it).  The library
 *   rejects with ECAP_ERR_STRUCT_SIZE a struct whose sz is smaller than the
 *   struct of the release that introduced it, and a larger struct whose
 *   bytes past the fields this library knows are not all zero.  Fields that
 *   a newer release appends take their documented defaults when an older
 *   caller's sz does not reach them.
 * - Units are part of every field and key name (_bytes, _mb, _gb, _hours,
 *   _usd_per_hour, _ratio, _factor).  MB and GB are binary (2^20, 2^30
 *   bytes), as Spark parses "128MB".
 * - A policy is never modified by an advice call: one ecap_policy may be
 *   shared read-only by any number of threads.  Functions that take a
 *   non-const policy must not race with other calls on the same policy.
 */
#ifndef ECAPTUNE_H
#define ECAPTUNE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Marks every exported function; everything else in the library is hidden. */
#ifndef ECAP_API
#if defined(__GNUC__) && __GNUC__ >= 4
#define ECAP_API __attribute__((visibility("default")))
#else
#define ECAP_API
#endif
#endif

/* ------------------------------------------------------------------------
 * version
 */

#define ECAP_VERSION_MAJOR 1
#define ECAP_VERSION_MINOR 0
#define ECAP_VERSION_PATCH 0
#define ECAP_VERSION_STRING "1.0.0"
/* Packed version: 0xMMmmpp, comparable with < and >. */
#define ECAP_VERSION_PACK(major, minor, patch) \
	(((uint32_t)(major) << 16) | ((uint32_t)(minor) << 8) | (uint32_t)(patch))
#define ECAP_VERSION_NUMBER \
	ECAP_VERSION_PACK(ECAP_VERSION_MAJOR, ECAP_VERSION_MINOR, ECAP_VERSION_PATCH)

/** Version of the library loaded at run time, e.g. "1.0.0"; never NULL. */
ECAP_API const char *ecap_version_string(void);
/** Packed version (ECAP_VERSION_PACK) of the library loaded at run time. */
ECAP_API uint32_t ecap_version_number(void);

/* ------------------------------------------------------------------------
 * size-prefixed structs
 */

/*
 * ECAP_OPTS(TYPE, NAME, .field = value, ...) declares `struct TYPE NAME`
 * zero-filled (padding included) with sz set and the given fields
 * initialised.  It needs GNU C statement expressions; the portable form is
 * ECAP_STRUCT_INIT(&var) followed by plain assignments.
 */
#define ECAP_OPTS(TYPE, NAME, ...)                                   \
	struct TYPE NAME = ({                                         \
		memset(&NAME, 0, sizeof(struct TYPE));                \
		(struct TYPE){ .sz = sizeof(struct TYPE), __VA_ARGS__ }; \
	})
/* Zero-fills *PTR and sets its sz; PTR must point to a sized struct. */
#define ECAP_STRUCT_INIT(PTR) \
	(memset((PTR), 0, sizeof(*(PTR))), (PTR)->sz = sizeof(*(PTR)))

/* ------------------------------------------------------------------------
 * errors
 */

/*
 * Error codes.  The values are pinned: never renumbered, never reused.
 */
enum ecap_error_code {
	ECAP_OK = 0,
	/* An argument is NULL, NaN or infinite, or a required one is missing. */
	ECAP_ERR_INVALID = -4001,
	/* A finite number outside its documented range (negative, zero where
	 * a positive value is needed, absurdly large). */
	ECAP_ERR_RANGE = -4002,
	/* sz of a size-prefixed struct is too small, or its unknown tail is
	 * not all zero. */
	ECAP_ERR_STRUCT_SIZE = -4003,
	/* An enum value (join type, model, API, ...) this library does not
	 * know. */
	ECAP_ERR_UNKNOWN_ENUM = -4004,
	/* A policy key that does not exist. */
	ECAP_ERR_UNKNOWN_KEY = -4005,
	/* A policy key read or written with the wrong type. */
	ECAP_ERR_TYPE = -4006,
	/* Malformed JSON, or JSON of the wrong shape or type. */
	ECAP_ERR_JSON = -4007,
	/* A model name other than "guide" and "ecap-1". */
	ECAP_ERR_UNKNOWN_MODEL = -4008,
	/* Memory allocation failed. */
	ECAP_ERR_NOMEM = -4009,
	/* A file could not be opened or read. */
	ECAP_ERR_IO = -4010,
	/* A caller-provided array or buffer is too small; the needed count
	 * is reported where the function says so. */
	ECAP_ERR_NOSPACE = -4011,
	/* A named entry (scenario, catalog entry) does not exist, or a
	 * spark-node type is named on a platform that does not offer it
	 * (EMR and emr_price_usd_per_hour 0). */
	ECAP_ERR_NOT_FOUND = -4012,
	/* A fixed-capacity table (scenarios, catalogs) is full. */
	ECAP_ERR_LIMIT = -4013,
};

/*
 * Detailed error, filled by every fallible function that is given one.
 * Initialise with ECAP_STRUCT_INIT; a struct whose sz is too small is not
 * written.  On success the struct is reset (code ECAP_OK, empty strings).
 */
struct ecap_error {
	size_t sz;
	/* The enum ecap_error_code value the function returned. */
	int32_t code;
	/* For JSON input: 1-based line and column of the offending text or
	 * key; 0 when not known or not JSON. */
	int32_t line;
	int32_t column;
	int32_t reserved_0;
	/* The offending field or policy key (e.g. "data_size_bytes",
	 * "join.broadcast_threshold_mb"); empty when none applies. */
	char field[96];
	/* One sentence naming the field and the bad value. */
	char message[256];
	size_t :0;
};
#define ecap_error__last_field message

/*
 * Size of a buffer that always holds the one-sentence explanation an
 * ecap_<family>_explain() function writes.
 */
#define ECAP_EXPLAIN_MAX 1024

/**
 * Names an error code in words.  Never NULL: an unknown code gives
 * "unknown error".  The string is static and thread-safe.
 */
ECAP_API const char *ecap_strerror(int code);

/** Releases memory the library returned to the caller (JSON text). */
ECAP_API void ecap_free(void *ptr);

/* ------------------------------------------------------------------------
 * models
 */

/*
 * Model of advice.  A released model never changes its numbers: a better
 * formula is a new model.
 */
enum ecap_model {
	/* The guide's formulas number for number, truncations included. */
	ECAP_MODEL_GUIDE = 1,
	/* The guide's policy constants with corrected arithmetic and Spark's
	 * own rules (the default). */
	ECAP_MODEL_ECAP_1 = 2,
};

/** "guide" or "ecap-1"; NULL for an unknown value. */
ECAP_API const char *ecap_model_to_string(int32_t model);
/** Parses a model name into *model; ECAP_ERR_UNKNOWN_MODEL if unknown. */
ECAP_API int ecap_model_from_string(const char *name, int32_t *model,
				    struct ecap_error *err);

/* ------------------------------------------------------------------------
 * the function families, one header each (include this file, not them)
 */
#include "ecaptune/policy.h"
#include "ecaptune/catalog.h"
#include "ecaptune/property.h"
#include "ecaptune/partition.h"
#include "ecaptune/join.h"
#include "ecaptune/cache.h"
#include "ecaptune/executor.h"
#include "ecaptune/database.h"
#include "ecaptune/kafka.h"
#include "ecaptune/projection.h"
#include "ecaptune/batch.h"

#ifdef __cplusplus
}
#endif

#endif /* ECAPTUNE_H */
