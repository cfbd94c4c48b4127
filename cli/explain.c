/* SPDX-License-Identifier: MIT */
/*
 * explain.c - the reason sentence of each decision, as the library words
 * it (ecap_<family>_explain()), and the names of the reasons.
 */
#include <stdio.h>

#include "ecaptune-cli.h"



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
explain_join(const struct plan *p, char *buf, size_t n)
{
	library_sentence(ecap_join_explain(&p->join, buf, n, NULL), buf, n);
}

void
explain_join_warnings(const struct plan *p, char *buf, size_t n)
{
	library_sentence(ecap_join_explain_part(&p->join,
			 ECAP_JOIN_TEXT_RECOMMENDED_WARNINGS, buf, n, NULL),
			 buf, n);
}

void
explain_year(const struct plan *p, size_t i, char *buf, size_t n)
{
	library_sentence(ecap_projection_year_explain(&p->years[i], buf, n,
						      NULL), buf, n);
}

/* Reason names, from the library's C name tables; never NULL. */
static const char *
or_unknown(const char *name)
{
	return name != NULL ? name : "unknown";
}

const char *
reason_name_partition(int32_t r)
{
	return or_unknown(ecap_partition_reason_to_string(r));
}

const char *
reason_name_join(int32_t r)
{
	return or_unknown(ecap_join_reason_to_string(r));
}

const char *
reason_name_executor(int32_t r)
{
	return or_unknown(ecap_executor_reason_to_string(r));
}

const char *
reason_name_cache(int32_t r)
{
	return or_unknown(ecap_cache_reason_to_string(r));
}

const char *
reason_name_database(int32_t r)
{
	return or_unknown(ecap_database_reason_to_string(r));
}

const char *
reason_name_kafka(int32_t r)
{
	return or_unknown(ecap_kafka_reason_to_string(r));
}
