/* SPDX-License-Identifier: MIT */
/*
 * explain.c - the reason sentence of each decision, as the library words
 * it.  The one place that knows where the library keeps the sentence: the
 * advice's reason_text today, ecap_<family>_explain() once the families
 * move the text out of their output structs.
 */
#include <stdio.h>

#include "ecaptune-cli.h"

static void
copy(char *buf, size_t n, const char *text)
{
	snprintf(buf, n, "%s", text);
}

void
explain_join(const struct plan *p, char *buf, size_t n)
{
	copy(buf, n, p->join.reason_text);
}



/* A sentence from an ecap_<family>_explain(); ECAP_EXPLAIN_MAX bytes
 * always suffice, and a smaller buffer keeps the truncated sentence. */
static void
library_sentence(int rc, char *buf, size_t n)
{
	if (rc != ECAP_OK && rc != ECAP_ERR_NOSPACE && n > 0)
		snprintf(buf, n, "(no explanation: %s)", ecap_strerror(rc));
}

void
explain_partition(const struct plan *p, char *buf, size_t n)
{
	library_sentence(ecap_partition_explain(&p->part, buf, n, NULL), buf,
			 n);
}

void
explain_cache(const struct plan *p, char *buf, size_t n)
{
	library_sentence(ecap_cache_explain(&p->cache, buf, n, NULL), buf, n);
}

void
explain_executors(const struct plan *p, char *buf, size_t n)
{
	library_sentence(ecap_executor_explain(&p->exec, buf, n, NULL), buf,
			 n);
}

void
explain_database(const struct plan *p, char *buf, size_t n)
{
	library_sentence(ecap_database_explain(&p->db, buf, n, NULL), buf, n);
}

void
explain_kafka(const struct plan *p, char *buf, size_t n)
{
	library_sentence(ecap_kafka_explain(&p->kafka, buf, n, NULL), buf, n);
}

void
explain_year(const struct plan *p, size_t i, char *buf, size_t n)
{
	copy(buf, n, p->years[i].reason_text);
}

/*
 * Reason names.  All families but join name their reasons in
 * the library; for the others these tables spell the enum constants the
 * same way (lower case, '-') until their ecap_<family>_reason_to_string()
 * lands (issue 13), and then give way to it.
 */
struct reason_name {
	int32_t value;
	const char *name;
};

static const char *
lookup(const struct reason_name *t, int32_t value)
{
	for (; t->name != NULL; t++)
		if (t->value == value)
			return t->name;
	return "unknown";
}

const char *
reason_name_partition(int32_t r)
{
	const char *s = ecap_partition_reason_to_string(r);

	return s != NULL ? s : "unknown";
}

const char *
reason_name_join(int32_t r)
{
	static const struct reason_name t[] = {
		{ ECAP_JOIN_REASON_HINT_BROADCAST_HASH,
		  "hint-broadcast-hash" },
		{ ECAP_JOIN_REASON_HINT_SORT_MERGE,
		  "hint-sort-merge" },
		{ ECAP_JOIN_REASON_HINT_SHUFFLE_HASH,
		  "hint-shuffle-hash" },
		{ ECAP_JOIN_REASON_HINT_CARTESIAN,
		  "hint-cartesian" },
		{ ECAP_JOIN_REASON_BROADCAST_BY_SIZE,
		  "broadcast-by-size" },
		{ ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE,
		  "shuffle-hash-by-size" },
		{ ECAP_JOIN_REASON_SORT_MERGE_SORTABLE,
		  "sort-merge-sortable" },
		{ ECAP_JOIN_REASON_CARTESIAN_INNER_LIKE,
		  "cartesian-inner-like" },
		{ ECAP_JOIN_REASON_NESTED_LOOP_FALLBACK,
		  "nested-loop-fallback" },
		{ ECAP_JOIN_REASON_HINT_BROADCAST_NESTED_LOOP,
		  "hint-broadcast-nested-loop" },
		{ ECAP_JOIN_REASON_BROADCAST_NESTED_LOOP_BY_SIZE,
		  "broadcast-nested-loop-by-size" },
		{ ECAP_JOIN_REASON_ECAP_BROADCAST,
		  "ecap-broadcast" },
		{ ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH,
		  "ecap-shuffle-hash" },
		{ ECAP_JOIN_REASON_ECAP_SORT_MERGE,
		  "ecap-sort-merge" },
		{ ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH_UNSORTABLE,
		  "ecap-shuffle-hash-unsortable" },
		{ ECAP_JOIN_REASON_ECAP_CARTESIAN,
		  "ecap-cartesian" },
		{ ECAP_JOIN_REASON_ECAP_BROADCAST_NESTED_LOOP,
		  "ecap-broadcast-nested-loop" },
		{ ECAP_JOIN_REASON_ECAP_NESTED_LOOP_FALLBACK,
		  "ecap-nested-loop-fallback" },
		{ ECAP_JOIN_REASON_GUIDE_BROADCAST,
		  "guide-broadcast" },
		{ ECAP_JOIN_REASON_GUIDE_SHUFFLE_HASH,
		  "guide-shuffle-hash" },
		{ 0, NULL },
	};

	return lookup(t, r);
}

const char *
reason_name_executor(int32_t r)
{
	const char *s = ecap_executor_reason_to_string(r);

	return s != NULL ? s : "unknown";
}

const char *
reason_name_cache(int32_t r)
{
	const char *s = ecap_cache_reason_to_string(r);

	return s != NULL ? s : "unknown";
}

const char *
reason_name_database(int32_t r)
{
	const char *s = ecap_database_reason_to_string(r);

	return s != NULL ? s : "unknown";
}

const char *
reason_name_kafka(int32_t r)
{
	const char *s = ecap_kafka_reason_to_string(r);

	return s != NULL ? s : "unknown";
}
