/* SPDX-License-Identifier: MIT */
/*
 * human-size.c - sizes and quantities for people: one rounding rule, so a
 * number reads the same in every sentence and in the command's text.
 * Self-contained (the command compiles it in too).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "human-size.h"

/*
 * v in three significant digits (from 100 up, the whole number), halves
 * away from zero: printf rounds the binary value half to even, which
 * prints an exact 12.25 as "12.2".  Trailing zeros are dropped ("2.3",
 * not "2.30").
 */
static void
three_digits(char *buf, size_t size, double v, const char *unit)
{
	int decimals = 0;
	double scale;
	char *dot, *end;

	/* Past any size or count an advice holds: no run of digits. */
	if (!isfinite(v) || fabs(v) >= 1e6) {
		snprintf(buf, size, "%.3g%s", v, unit);
		return;
	}
	if (fabs(v) < 100.0 && v != 0.0) {
		decimals = 2 - (int)floor(log10(fabs(v)));
		if (decimals > 9)
			decimals = 9;
	}
	scale = pow(10.0, decimals);
	v = round(v * scale) / scale;
	snprintf(buf, size, "%.*f", decimals, v);
	dot = strchr(buf, '.');
	if (dot != NULL) {
		end = buf + strlen(buf);
		while (end > dot + 1 && end[-1] == '0')
			*--end = '\0';
		if (end == dot + 1)
			*dot = '\0';
	}
	strncat(buf, unit, size - strlen(buf) - 1);
}

const char *
ecap__explain_bytes(char buf[ECAP__EXPLAIN_BYTES_MAX], double bytes)
{
	static const char *const units[] = { " B", " KiB", " MiB", " GiB",
					     " TiB", " PiB", " EiB" };
	const size_t last = sizeof(units) / sizeof(units[0]) - 1;
	size_t u = 0;

	/* 1023.6 MiB rounds to 1024: that is "1 GiB". */
	while (bytes >= 1023.5 && u < last) {
		bytes /= 1024.0;
		u++;
	}
	three_digits(buf, ECAP__EXPLAIN_BYTES_MAX, bytes, units[u]);
	return buf;
}

const char *
ecap__explain_number(char buf[ECAP__EXPLAIN_BYTES_MAX], double v)
{
	three_digits(buf, ECAP__EXPLAIN_BYTES_MAX, v, "");
	return buf;
}

const char *
ecap__explain_quantity(char buf[ECAP__EXPLAIN_BYTES_MAX], double v)
{
	static const char *const suffixes[] = { "", "k", "M", "B", "T" };
	const size_t last = sizeof(suffixes) / sizeof(suffixes[0]) - 1;
	size_t u = 0;

	/* 999.5 and up rounds to 1000 in three digits: that is "1k". */
	while (fabs(v) >= 999.5 && u < last) {
		v /= 1000.0;
		u++;
	}
	three_digits(buf, ECAP__EXPLAIN_BYTES_MAX, v, suffixes[u]);
	return buf;
}
