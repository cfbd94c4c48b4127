/* SPDX-License-Identifier: MIT */
/*
 * The fixture the ecap-1 executor suites share (test-executor-ecap1.c,
 * test-executor-catalog.c): the advisor's `in` and `out`, setup(),
 * advise(daily_data_gb) and node() to name the node and platform.  Each
 * suite that includes it gets its own copies (they are static).
 */
#ifndef ECAP_TEST_EXECUTOR_FIXTURE_H
#define ECAP_TEST_EXECUTOR_FIXTURE_H

#include <stdint.h>

#include "fixture.h"

#define MIB ((uint64_t)1 << 20)
#define GIB ((uint64_t)1 << 30)

ADVISOR_FIXTURE(executor)
ADVISE_BY(executor, daily_data_gb, double)

/* Names the node type and platform the next advise() sizes on. */
static inline void
node(const char *name, int32_t platform)
{
	memset(in.node_type, 0, sizeof(in.node_type));
	strcpy(in.node_type, name);
	in.platform = platform;
}

#endif
