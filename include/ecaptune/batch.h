/* SPDX-License-Identifier: MIT */
/*
 * ecaptune/batch.h - one advisor over many inputs in one call.
 *
 * Part of the public interface; include <ecaptune.h>, not this file.
 */
#ifndef ECAPTUNE_BATCH_H
#define ECAPTUNE_BATCH_H

#ifndef ECAPTUNE_H
#error "include <ecaptune.h> instead of <ecaptune/batch.h>"
#endif

/* ------------------------------------------------------------------------
 * batch
 */
/*
 * A batch runs one advisor over an array of its input structs into an
 * array of its output structs, for callers whose own per-call overhead
 * (an interpreter, a foreign-function call) dwarfs the advice itself: the
 * Python binding's columnar entry point.  See ecap_advise_batch(3).
 */

/* The advisors a batch runs.  Values are pinned. */
enum ecap_advisor {
	ECAP_ADVISOR_PARTITION = 1,	/* "partition": ecap_partition_advise */
	ECAP_ADVISOR_JOIN = 2,		/* "join": ecap_join_advise */
	ECAP_ADVISOR_CACHE = 3,		/* "cache": ecap_cache_advise */
	ECAP_ADVISOR_EXECUTOR = 4,	/* "executor": ecap_executor_advise */
	ECAP_ADVISOR_DATABASE = 5,	/* "database": ecap_database_advise */
	ECAP_ADVISOR_KAFKA = 6,		/* "kafka": ecap_kafka_advise */
};

/**
 * Runs advisor (enum ecap_advisor) on count inputs: in is an array of its
 * input struct whose first element's sz is the stride, out an array of its
 * output struct whose first element's sz is the stride (the library sets
 * every element's sz).  With rc non-NULL every item runs and rc[i] gets
 * its return code; the call returns ECAP_OK when all succeeded, else the
 * first failure's code with err describing it ("item 7: ...").  With rc
 * NULL the first failure stops the batch.
 */
ECAP_API int ecap_advise_batch(const ecap_policy *policy, int32_t advisor,
			       const void *in, void *out, size_t count,
			       int32_t *rc, struct ecap_error *err);

/** "partition", "join", "cache", "executor", "database", "kafka"; NULL if
 * unknown. */
ECAP_API const char *ecap_advisor_to_string(int32_t advisor);
/** Parses an advisor name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_advisor_from_string(const char *name, int32_t *advisor,
				      struct ecap_error *err);

#endif /* ECAPTUNE_BATCH_H */
