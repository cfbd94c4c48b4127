/* SPDX-License-Identifier: MIT */
/*
 * alloc.c - every allocation the library makes goes through here, so that
 * a test build (ECAP_ALLOC_TESTING, never the installed library) can fail
 * the Nth one and count what is still live, as SQLite's and curl's test
 * allocators do.  Without ECAP_ALLOC_TESTING these are plain libc calls.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#ifdef ECAP_ALLOC_TESTING
#include "alloc-testing.h"

/*
 * Test builds only: the tests drive one scenario at a time from one
 * thread, so plain counters serve (the threaded tests link the installed
 * library, which has none of this).
 */
static struct {
	long calls, fail_at, live;
	bool persistent;
} hook;

void
ecap__alloc_testing_fail_at(long nth, bool persistent)
{
	hook.calls = 0;
	hook.fail_at = nth;
	hook.persistent = persistent;
}

long
ecap__alloc_testing_calls(void)
{
	return hook.calls;
}

long
ecap__alloc_testing_live(void)
{
	return hook.live;
}

bool
ecap__alloc_testing_fails(void)
{
	hook.calls++;
	return hook.fail_at > 0 &&
	       (hook.persistent ? hook.calls >= hook.fail_at :
				  hook.calls == hook.fail_at);
}

void
ecap__alloc_testing_track(long delta)
{
	hook.live += delta;
}

#define FAILS() ecap__alloc_testing_fails()
#define TRACK(d) ecap__alloc_testing_track(d)
#else
#define FAILS() false
#define TRACK(d) ((void)0)
#endif

void *
ecap__malloc(size_t n)
{
	void *p = FAILS() ? NULL : malloc(n == 0 ? 1 : n);

	if (p != NULL)
		TRACK(1);
	return p;
}

void *
ecap__calloc(size_t n, size_t size)
{
	void *p = FAILS() ? NULL : calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

	if (p != NULL)
		TRACK(1);
	return p;
}

/* realloc(NULL, n) counts as an allocation; a failure keeps p. */
void *
ecap__realloc(void *p, size_t n)
{
	void *q = FAILS() ? NULL : realloc(p, n == 0 ? 1 : n);

	if (q != NULL && p == NULL)
		TRACK(1);
	return q;
}

void
ecap__free(void *p)
{
	if (p != NULL)
		TRACK(-1);
	free(p);
}

char *
ecap__strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = ecap__malloc(n);

	if (d != NULL)
		memcpy(d, s, n);
	return d;
}
