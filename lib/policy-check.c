/* SPDX-License-Identifier: MIT */
/*
 * policy-check.c - rules between policy keys.  Each key has its own range
 * (policy-keys.def); these are the pairs whose values must agree, checked
 * after every set and at the end of every load, so that no policy an
 * advisor reads is inconsistent.  A set that breaks a rule is undone and
 * fails with ECAP_ERR_RANGE naming the key set; the message names both.
 */
#include <math.h>
#include <string.h>

#include "spark-memory.h"

/* The key reported: the one just set when it is one of the pair. */
static const char *
pick(int changed, int a, int b)
{
	return ecap__keys[changed == b ? b : a].name;
}

static int
check_order_double(const ecap_policy *p, int changed, int lo, int hi,
		   struct ecap_error *err)
{
	if (ecap__pd(p, lo) <= ecap__pd(p, hi))
		return ECAP_OK;
	return ecap__fail(err, ECAP_ERR_RANGE, pick(changed, lo, hi),
			  "%s %.17g is above %s %.17g", ecap__keys[lo].name,
			  ecap__pd(p, lo), ecap__keys[hi].name,
			  ecap__pd(p, hi));
}

static int
check_order_int64(const ecap_policy *p, int changed, int lo, int hi,
		  struct ecap_error *err)
{
	if (ecap__pi(p, lo) <= ecap__pi(p, hi))
		return ECAP_OK;
	return ecap__fail(err, ECAP_ERR_RANGE, pick(changed, lo, hi),
			  "%s %lld is above %s %lld", ecap__keys[lo].name,
			  (long long)ecap__pi(p, lo), ecap__keys[hi].name,
			  (long long)ecap__pi(p, hi));
}

/*
 * Spark refuses an executor heap below 1.5 x the reserved memory
 * (UnifiedMemoryManager's minSystemMemory), and the advisors size heaps
 * from executor.memory_min_gb up: a reserve that leaves the smallest heap
 * no unified memory is an inconsistent policy, not an advice.
 */
static int
check_reserve(const ecap_policy *p, int changed, struct ecap_error *err)
{
	double min_heap_mib = floor(ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MIN_GB) *
				    1024.0);

	if (min_heap_mib * (double)ECAP__MIB >=
	    (double)ecap__spark_min_heap_bytes(p))
		return ECAP_OK;
	return ecap__fail(err, ECAP_ERR_RANGE,
			  pick(changed, ECAP_K_SPARK_RESERVED_MEMORY_MB,
			       ECAP_K_EXECUTOR_MEMORY_MIN_GB),
			  "spark.reserved_memory_mb %.17g needs heaps of at "
			  "least 1.5 times as much (Spark's minimum system "
			  "memory), more than executor.memory_min_gb %.17g",
			  ecap__pd(p, ECAP_K_SPARK_RESERVED_MEMORY_MB),
			  ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MIN_GB));
}

static int
check_default_scenario(const ecap_policy *p, struct ecap_error *err)
{
	const char *name = ecap__ps(p, ECAP_K_GROWTH_DEFAULT_SCENARIO);

	if (ecap__scenario_find(p, name) != NULL)
		return ECAP_OK;
	return ecap__fail(err, ECAP_ERR_NOT_FOUND, "growth.default_scenario",
			  "growth.default_scenario names \"%.60s\", which is "
			  "not in growth.scenarios", name);
}

int
ecap__policy_check(const ecap_policy *p, int changed, struct ecap_error *err)
{
	int rc;

	if ((rc = check_order_double(p, changed, ECAP_K_EXECUTOR_MEMORY_MIN_GB,
				     ECAP_K_EXECUTOR_MEMORY_MAX_GB, err)) ||
	    (rc = check_order_int64(p, changed, ECAP_K_EXECUTOR_MIN_EXECUTORS,
				    ECAP_K_EXECUTOR_MAX_EXECUTORS, err)) ||
	    (rc = check_reserve(p, changed, err)) ||
	    (rc = check_default_scenario(p, err)))
		return rc;
	return ECAP_OK;
}
