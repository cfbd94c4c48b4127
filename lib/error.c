/* SPDX-License-Identifier: MIT */
/*
 * error.c - error codes, their names, and the caller's error struct.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

ECAP_API const char *
ecap_strerror(int code)
{
	switch (code) {
	case ECAP_OK:
		return "success";
	case ECAP_ERR_INVALID:
		return "invalid argument";
	case ECAP_ERR_RANGE:
		return "value out of range";
	case ECAP_ERR_STRUCT_SIZE:
		return "bad struct size";
	case ECAP_ERR_UNKNOWN_ENUM:
		return "unknown enum value";
	case ECAP_ERR_UNKNOWN_KEY:
		return "unknown policy key";
	case ECAP_ERR_TYPE:
		return "wrong type";
	case ECAP_ERR_JSON:
		return "malformed JSON";
	case ECAP_ERR_UNKNOWN_MODEL:
		return "unknown model";
	case ECAP_ERR_NOMEM:
		return "out of memory";
	case ECAP_ERR_IO:
		return "input/output error";
	case ECAP_ERR_NOSPACE:
		return "buffer too small";
	case ECAP_ERR_NOT_FOUND:
		return "not found";
	case ECAP_ERR_LIMIT:
		return "table full";
	default:
		return "unknown error";
	}
}

ECAP_API void
ecap_free(void *ptr)
{
	ecap__free(ptr);
}

/* Only a struct at least as large as the 1.0 ecap_error is written. */
static bool
err_writable(const struct ecap_error *err)
{
	return err != NULL &&
	       err->sz >= ecap_offsetofend(struct ecap_error, message);
}

static int ECAP_PRINTF(6, 0)
fail_v(struct ecap_error *err, int code, const char *field, int line,
       int column, const char *fmt, va_list ap)
{
	if (!err_writable(err))
		return code;
	err->code = code;
	err->line = line;
	err->column = column;
	ecap__strlcpy(err->field, field != NULL ? field : "",
		      sizeof(err->field));
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	return code;
}

int
ecap__fail(struct ecap_error *err, int code, const char *field,
	   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	code = fail_v(err, code, field, 0, 0, fmt, ap);
	va_end(ap);
	return code;
}

int
ecap__fail_at(struct ecap_error *err, int code, const char *field, int line,
	      int column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	code = fail_v(err, code, field, line, column, fmt, ap);
	va_end(ap);
	return code;
}

int
ecap__check_ptr_fail(struct ecap_error *err, const char *field)
{
	return ecap__fail(err, ECAP_ERR_INVALID, field, "%s is NULL", field);
}

int
ecap__check_double_fail(struct ecap_error *err, const char *field, double v,
			double min, double max)
{
	if (isnan(v) || isinf(v))
		return ecap__fail(err, ECAP_ERR_INVALID, field,
				  "%s is %g; a finite number is needed",
				  field, v);
	if (v < min || v > max)
		return ecap__fail(err, ECAP_ERR_RANGE, field,
				  "%s is %.17g; the range is %.17g to %.17g",
				  field, v, min, max);
	return ECAP_OK;
}

int
ecap__check_double_gt_fail(struct ecap_error *err, const char *field, double v,
			   double min, double max)
{
	int rc = ecap__check_double(err, field, v, min, max);

	if (rc == ECAP_OK && v <= min)
		rc = ecap__fail(err, ECAP_ERR_RANGE, field,
				"%s is %.17g; it must be above %.17g", field,
				v, min);
	return rc;
}

int
ecap__check_int64_fail(struct ecap_error *err, const char *field, int64_t v,
		       int64_t min, int64_t max)
{
	if (v < min || v > max)
		return ecap__fail(err, ECAP_ERR_RANGE, field,
				  "%s is %lld; the range is %lld to %lld",
				  field, (long long)v, (long long)min,
				  (long long)max);
	return ECAP_OK;
}

int
ecap__check_bool_fail(struct ecap_error *err, const char *field, int32_t v)
{
	if (v != 0 && v != 1)
		return ecap__fail(err, ECAP_ERR_RANGE, field,
				  "%s is %d; it must be 0 or 1", field, (int)v);
	return ECAP_OK;
}

void
ecap__err_set_pos(struct ecap_error *err, int line, int column)
{
	if (!err_writable(err))
		return;
	err->line = line;
	err->column = column;
}
