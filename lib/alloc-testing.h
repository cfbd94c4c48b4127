/* SPDX-License-Identifier: MIT */
/*
 * alloc-testing.h - the allocation-failure hook of test builds
 * (ECAP_ALLOC_TESTING: lib/libecaptune-testing.la, linked statically by
 * the tests).  The installed library has none of these symbols.
 */
#ifndef ECAP_ALLOC_TESTING_H
#define ECAP_ALLOC_TESTING_H

#include <stdbool.h>

/*
 * From now on, the nth allocation (1-based, counted from this call) fails;
 * with persistent, every one from the nth on.  0 fails none.
 */
void ecap__alloc_testing_fail_at(long nth, bool persistent);
/* Allocations attempted since the last ecap__alloc_testing_fail_at. */
long ecap__alloc_testing_calls(void);
/* Allocations made and not yet freed (the library's and, when the tests
 * route jansson through the hook, jansson's). */
long ecap__alloc_testing_live(void);
/* Counts one attempt; true when it must fail.  For the tests' jansson
 * allocator, which shares the count. */
bool ecap__alloc_testing_fails(void);
/* Adds delta to the live count (the tests' jansson allocator). */
void ecap__alloc_testing_track(long delta);

#endif /* ECAP_ALLOC_TESTING_H */
