/* SPDX-License-Identifier: MIT */
/*
 * units.c - values with the units people type: sizes ("250GB", binary as
 * Spark parses them: 1GB = 2^30 bytes), durations ("8h", "90min"), rates
 * ("1.5M/day", "20k/s") and counts ("400k").
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ecaptune-cli.h"
#include "human-size.h"

struct unit {
	const char *name;
	double factor;
};

/* Spark's byte suffixes (JavaUtils.byteStringAs): b, k, m, g, t, p, all
 * binary; the KB and KiB spellings mean the same here. */
static const struct unit size_units[] = {
	{ "b", 1.0 }, { "k", 0x1p10 }, { "kb", 0x1p10 }, { "kib", 0x1p10 },
	{ "m", 0x1p20 }, { "mb", 0x1p20 }, { "mib", 0x1p20 },
	{ "g", 0x1p30 }, { "gb", 0x1p30 }, { "gib", 0x1p30 },
	{ "t", 0x1p40 }, { "tb", 0x1p40 }, { "tib", 0x1p40 },
	{ "p", 0x1p50 }, { "pb", 0x1p50 }, { "pib", 0x1p50 },
	{ NULL, 0 },
};

/* Durations, in hours. */
static const struct unit time_units[] = {
	{ "s", 1.0 / 3600 }, { "sec", 1.0 / 3600 }, { "second", 1.0 / 3600 },
	{ "m", 1.0 / 60 }, { "min", 1.0 / 60 }, { "minute", 1.0 / 60 },
	{ "h", 1.0 }, { "hour", 1.0 }, { "d", 24.0 }, { "day", 24.0 },
	{ NULL, 0 },
};

/* Count multipliers (decimal: a count is not a size). */
static const struct unit count_units[] = {
	{ "", 1.0 }, { "k", 1e3 }, { "m", 1e6 }, { "g", 1e9 }, { "b", 1e9 },
	{ NULL, 0 },
};

/* (a printf-like function: clang's -Wformat-nonliteral, in CI's
 * -Werror build, wants to know) */
static int why(char *buf, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
why(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return -1;
}

static const struct unit *
unit_find(const struct unit *t, const char *name, size_t len)
{
	char plural[16];

	for (; t->name != NULL; t++) {
		if (strlen(t->name) == len && strncasecmp(t->name, name, len) == 0)
			return t;
		/* "hours", "days", "minutes" */
		snprintf(plural, sizeof(plural), "%ss", t->name);
		if (strlen(t->name) > 1 && strlen(plural) == len &&
		    strncasecmp(plural, name, len) == 0)
			return t;
	}
	return NULL;
}

/* A finite non-negative decimal number at the start of s; its end. */
static int
leading_number(const char *s, double *v, const char **end)
{
	char *e;

	if (!isdigit((unsigned char)s[0]) && s[0] != '.')
		return -1;
	*v = strtod(s, &e);
	if (e == s || !isfinite(*v) || *v < 0)
		return -1;
	while (*e == ' ')
		e++;
	*end = e;
	return 0;
}

int
parse_size(const char *s, int64_t *bytes, char *w, size_t n)
{
	const struct unit *u;
	const char *end;
	double v, b;

	if (leading_number(s, &v, &end) != 0)
		return why(w, n, "'%s' is not a size such as 250GB", s);
	if (*end == '\0')
		return why(w, n, "'%s' needs a unit: B, KB, MB, GB, TB or PB "
			   "(binary, 1GB = 2^30 bytes)", s);
	if ((u = unit_find(size_units, end, strlen(end))) == NULL)
		return why(w, n, "'%s': unknown size unit '%s' (B, KB, MB, GB, "
			   "TB, PB; binary, 1GB = 2^30 bytes)", s, end);
	b = v * u->factor;
	if (b > 0x1p62)
		return why(w, n, "'%s' is more than 4 EiB", s);
	if (b != floor(b))
		return why(w, n, "'%s' is not a whole number of bytes", s);
	*bytes = (int64_t)b;
	return 0;
}

int
parse_duration_hours(const char *s, double *hours, char *w, size_t n)
{
	const struct unit *u;
	const char *end;
	double v;

	if (leading_number(s, &v, &end) != 0)
		return why(w, n, "'%s' is not a duration such as 8h", s);
	if (*end == '\0')
		return why(w, n, "'%s' needs a unit: s, min, h or d", s);
	if ((u = unit_find(time_units, end, strlen(end))) == NULL)
		return why(w, n, "'%s': unknown time unit '%s' (s, min, h, d)",
			   s, end);
	*hours = v * u->factor;
	return 0;
}

/* A count with an optional k, M, G (or B, billion) multiplier. */
static int
count_value(const char *s, size_t len, double *v, const char **what)
{
	const struct unit *u;
	const char *end;
	char buf[64];

	*what = "not a number";
	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (leading_number(buf, v, &end) != 0)
		return -1;
	*what = "unknown multiplier (k, M, G)";
	if ((u = unit_find(count_units, end, strlen(end))) == NULL)
		return -1;
	*v *= u->factor;
	return 0;
}

int
parse_rate(const char *s, double per_seconds, double *rate, char *w, size_t n)
{
	const struct unit *u;
	const char *slash = strchr(s, '/'), *what;
	double v;

	if (slash == NULL)
		return why(w, n, "'%s' needs a time unit such as /s or /day", s);
	if (count_value(s, (size_t)(slash - s), &v, &what) != 0)
		return why(w, n, "'%s': %s", s, what);
	if ((u = unit_find(time_units, slash + 1, strlen(slash + 1))) == NULL)
		return why(w, n, "'%s': unknown time unit '%s' (s, min, h, day)",
			   s, slash + 1);
	/* v per (u->factor hours), as a rate per per_seconds seconds */
	*rate = v / (u->factor * 3600.0) * per_seconds;
	return 0;
}

int
parse_count(const char *s, int64_t *count, char *w, size_t n)
{
	const char *what;
	double v;

	if (count_value(s, strlen(s), &v, &what) != 0)
		return why(w, n, "'%s': %s", s, what);
	if (v != floor(v) || v > 0x1p62)
		return why(w, n, "'%s' is not a whole count", s);
	*count = (int64_t)v;
	return 0;
}

int
parse_number(const char *s, double *v, char *w, size_t n)
{
	const char *end;

	if (leading_number(s, v, &end) != 0 || *end != '\0')
		return why(w, n, "'%s' is not a non-negative number", s);
	return 0;
}

void
human_bytes(double bytes, char *buf, size_t n)
{
	char h[ECAP__EXPLAIN_BYTES_MAX];

	/* The library's rule (lib/human-size.c), so the text's sizes match
	 * its sentences'. */
	snprintf(buf, n, "%s", ecap__explain_bytes(h, bytes));
}
