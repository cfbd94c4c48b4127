/* SPDX-License-Identifier: MIT */
/*
 * human-size.h - sizes and quantities written for people (human-size.c):
 * the one precision rule of every sentence and of the command's text
 * output.  Compiled into the library and into the command.
 */
#ifndef ECAP_HUMAN_SIZE_H
#define ECAP_HUMAN_SIZE_H

/* Room for any size or quantity these write, with its NUL. */
#define ECAP__EXPLAIN_BYTES_MAX 24

/*
 * A size in the largest binary unit below it, three significant digits,
 * halves rounded away from zero, trailing zeros dropped; from 100 up, the
 * whole number ("128 MiB", "12.3 GiB", "2.3 GiB", "1.47 TiB", "184 GiB").
 * Returns buf.
 */
const char *ecap__explain_bytes(char buf[ECAP__EXPLAIN_BYTES_MAX],
				double bytes);

/* A number in the same three digits, without a unit ("0.833", "12.3",
 * "1023"); returns buf. */
const char *ecap__explain_number(char buf[ECAP__EXPLAIN_BYTES_MAX],
				 double v);

/* A quantity in the same three digits with k, M, B or T ("150k",
 * "2.25M", "10.1M"); returns buf. */
const char *ecap__explain_quantity(char buf[ECAP__EXPLAIN_BYTES_MAX],
				   double v);

#endif /* ECAP_HUMAN_SIZE_H */
