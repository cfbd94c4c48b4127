/* SPDX-License-Identifier: MIT */
/*
 * workload.c - the built-in default workload and workload files.
 *
 * A workload file is one JSON object whose members are the workload
 * options' names without the dashes in front ("daily-data": "250GB").  A
 * string value is read as on the command line; a number is taken in the
 * base unit (bytes, hours, transactions a day, events a second, a count).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ecaptune-cli.h"

/*
 * The default: an e-commerce platform's daily batch (the guide's sample
 * numbers): 250 GiB a day on EMR (the node the library finds cheapest
 * for the window), 1.5 million orders a day, a 30 MiB
 * customers dimension joined to the day's orders, 6 GiB (Parquet) of features
 * cached from PySpark and reused four times, a 3-year projection.
 */
void
workload_default(struct workload *w)
{
	memset(w, 0, sizeof(*w));
	w->daily_data_bytes = INT64_C(250) << 30;
	w->platform = ECAP_SPARK_PLATFORM_EMR;
	w->current_partitions = 2000;
	w->join_type = ECAP_JOIN_INNER;
	w->right_size_bytes = INT64_C(30) << 20;
	w->right_rows = 400000;
	w->cache_size_bytes = INT64_C(6) << 30;
	w->cache_partitions = 300;
	w->cache_reuse = 4;
	w->cache_api = ECAP_SPARK_API_PYSPARK_DATAFRAME;
	w->transactions_per_day = 1.5e6;
	w->years = 3;
	w->seed = 1;
	snprintf(w->parameter_group, sizeof(w->parameter_group), "%s",
		 "ecaptune-postgresql");
	snprintf(w->topic, sizeof(w->topic), "%s", "orders");
	snprintf(w->app_name, sizeof(w->app_name), "%s", "ecaptune");
}

/* 1-based line of member name's key in text; 0 when not found. */
static int
member_line(const char *text, const char *name)
{
	char key[80];
	const char *at, *p;
	int line = 1;

	snprintf(key, sizeof(key), "\"%s\"", name);
	for (at = strstr(text, key); at != NULL; at = strstr(at + 1, key)) {
		for (p = at + strlen(key); *p == ' ' || *p == '\t' ||
					   *p == '\r' || *p == '\n'; p++)
			;
		if (*p == ':')
			break;
	}
	if (at == NULL)
		return 0;
	for (p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

/* Sets a field from a JSON number in the input's base unit. */
static int
set_number(struct workload *w, const struct input_spec *in, double v,
	   char *why, size_t n)
{
	void *field = (char *)w + in->offset;

	if (!isfinite(v) || v < 0) {
		snprintf(why, n, "%g is not a non-negative number", v);
		return -1;
	}
	switch (in->kind) {
	case IN_SIZE:
	case IN_COUNT:
		if (v != floor(v) || v > 0x1p62) {
			snprintf(why, n, "%.17g is not a whole %s", v,
				 in->kind == IN_SIZE ? "number of bytes"
						     : "count");
			return -1;
		}
		*(int64_t *)field = (int64_t)v;
		return 0;
	case IN_HOURS:
	case IN_NUMBER:
	case IN_PER_DAY:
	case IN_PER_SECOND:
		*(double *)field = v;
		return 0;
	default:
		snprintf(why, n, "a name is expected, as a string");
		return -1;
	}
}

static int
apply_member(struct workload *w, const char *path, const char *text,
	     const char *name, json_t *value)
{
	const struct input_spec *in = input_find(name);
	char why[256];
	int rc;

	if (in == NULL)
		return cli_error(CLI_EXIT_INPUT, "%s:%d: unknown member \"%s\" "
				 "(the members are the workload options, see "
				 "ecaptune --help)", path,
				 member_line(text, name), name);
	if (json_is_string(value))
		rc = input_set_text(w, in, json_string_value(value), why,
				    sizeof(why));
	else if (json_is_number(value))
		rc = set_number(w, in, json_number_value(value), why,
				sizeof(why));
	else {
		snprintf(why, sizeof(why), "a string or a number is expected");
		rc = -1;
	}
	if (rc != 0)
		return cli_error(CLI_EXIT_INPUT, "%s:%d: member \"%s\": %s",
				 path, member_line(text, name), name, why);
	return 0;
}

/* Reads a whole file of at most 1 MiB; NULL with the reason printed. */
static char *
read_text(const char *path, int *rc)
{
	FILE *f;
	char *buf = NULL;
	size_t len;

	*rc = CLI_EXIT_INPUT;
	if ((f = fopen(path, "r")) == NULL) {
		cli_error(*rc, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if ((buf = malloc((1u << 20) + 1)) == NULL) {
		cli_error(*rc, "%s: out of memory", path);
	} else {
		len = fread(buf, 1, 1u << 20, f);
		if (ferror(f) || !feof(f)) {
			cli_error(*rc, "%s: %s", path, ferror(f) ?
				  strerror(errno) : "larger than 1 MiB");
			free(buf);
			buf = NULL;
		} else {
			buf[len] = '\0';
			*rc = 0;
		}
	}
	fclose(f);
	return buf;
}

int
workload_load_file(struct workload *w, const char *path)
{
	json_error_t jerr;
	json_t *root = NULL, *value;
	const char *name;
	char *text;
	int rc;

	if ((text = read_text(path, &rc)) == NULL)
		return rc;
	root = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL)
		rc = cli_error(CLI_EXIT_INPUT, "%s:%d:%d: %s", path, jerr.line,
			       jerr.column, jerr.text);
	else if (!json_is_object(root))
		rc = cli_error(CLI_EXIT_INPUT, "%s:1: a workload is a JSON "
			       "object", path);
	else
		json_object_foreach(root, name, value)
			if ((rc = apply_member(w, path, text, name, value)) != 0)
				break;
	json_decref(root);
	free(text);
	return rc;
}
