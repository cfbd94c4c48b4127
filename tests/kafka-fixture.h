/* SPDX-License-Identifier: MIT */
/*
 * kafka-fixture.h - what the two Kafka sizing suites (test-kafka.c, the
 * numbers; test-kafka-brokers.c, the broker sizes, limits, zones and
 * quota) share: the fixture's `in` and `out`, advise(eps) and set_size().
 */
#ifndef ECAP_TEST_KAFKA_FIXTURE_H
#define ECAP_TEST_KAFKA_FIXTURE_H

#include <stdio.h>

#include "fixture.h"

ADVISOR_FIXTURE(kafka)
ADVISE_BY(kafka, events_per_second, double)

/* Names a broker size in in.instance_type-like dst. */
static inline void
set_size(char dst[64], const char *src)
{
	snprintf(dst, 64, "%s", src);
}

#endif
