/* SPDX-License-Identifier: MIT */
/*
 * json-check.c - a scan of JSON source, with no allocation, to check what
 * jansson returned under memory pressure (json-check.h says why).
 */
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "json-check.h"

/* jansson's JSON_PARSER_MAX_DEPTH; deeper documents are its error. */
#define MAX_DEPTH 2048

struct scan {
	const unsigned char *p, *end;
	struct ecap__json_digest *d;
	int depth;
};

/* splitmix64's finaliser: one 64-bit mix per value, summed. */
static ECAP_WRAPS uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	return x ^ (x >> 31);
}

/* Adds to an order-independent sum, modulo 2^64. */
static ECAP_WRAPS void
acc(uint64_t *sum, uint64_t v)
{
	*sum += v;
}

/* FNV-1a over the decoded bytes, fed one byte at a time. */
#define FNV_BASIS UINT64_C(0xcbf29ce484222325)
static ECAP_WRAPS uint64_t
fnv(uint64_t h, unsigned char c)
{
	return (h ^ c) * UINT64_C(0x100000001b3);
}

static uint64_t
string_digest(uint64_t h, size_t len)
{
	return mix(h ^ mix((uint64_t)len));
}

static void
skip_ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' ||
				 *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

static int
hex4(const unsigned char *p)
{
	int v = 0, i;

	for (i = 0; i < 4; i++) {
		v <<= 4;
		if (p[i] >= '0' && p[i] <= '9')
			v |= p[i] - '0';
		else if (p[i] >= 'a' && p[i] <= 'f')
			v |= p[i] - 'a' + 10;
		else if (p[i] >= 'A' && p[i] <= 'F')
			v |= p[i] - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* UTF-8 of cp into the hash; returns the byte count. */
static size_t
hash_cp(uint64_t *h, uint32_t cp)
{
	unsigned char b[4];
	size_t n, i;

	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (unsigned char)(0xc0 | (cp >> 6));
		b[1] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (unsigned char)(0xe0 | (cp >> 12));
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		b[0] = (unsigned char)(0xf0 | (cp >> 18));
		b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	for (i = 0; i < n; i++)
		*h = fnv(*h, b[i]);
	return n;
}

/* A \uXXXX escape (p at the 'u'), with its surrogate pair. */
static bool
scan_unicode(struct scan *s, uint64_t *h, size_t *len)
{
	int v, v2;

	if (s->end - s->p < 5 || (v = hex4(s->p + 1)) < 0)
		return false;
	s->p += 5;
	if (v >= 0xdc00 && v <= 0xdfff)
		return false;
	if (v >= 0xd800 && v <= 0xdbff) {
		if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u' ||
		    (v2 = hex4(s->p + 2)) < 0 || v2 < 0xdc00 || v2 > 0xdfff)
			return false;
		s->p += 6;
		v = ((v - 0xd800) << 10) + (v2 - 0xdc00) + 0x10000;
	}
	*len += hash_cp(h, (uint32_t)v);
	return true;
}

/* Length of the valid UTF-8 sequence at p (< end), or 0. */
static size_t
utf8_len(const unsigned char *p, const unsigned char *end)
{
	size_t n, i;
	uint32_t cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, cp = p[0] & 0x07;
	else
		return 0;
	if ((size_t)(end - p) < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

static bool
scan_string(struct scan *s)
{
	uint64_t h = FNV_BASIS;
	size_t len = 0, n;

	s->p++; /* the opening quote */
	while (s->p < s->end && *s->p != '"') {
		if (*s->p < 0x20)
			return false;
		if (*s->p != '\\') {
			if ((n = utf8_len(s->p, s->end)) == 0)
				return false;
			len += n;
			for (; n > 0; n--)
				h = fnv(h, *s->p++);
			continue;
		}
		if (++s->p == s->end)
			return false;
		switch (*s->p) {
		case '"': case '\\': case '/':
			h = fnv(h, *s->p);
			break;
		case 'b': h = fnv(h, '\b'); break;
		case 'f': h = fnv(h, '\f'); break;
		case 'n': h = fnv(h, '\n'); break;
		case 'r': h = fnv(h, '\r'); break;
		case 't': h = fnv(h, '\t'); break;
		case 'u':
			if (!scan_unicode(s, &h, &len))
				return false;
			continue;
		default:
			return false;
		}
		len++;
		s->p++;
	}
	if (s->p == s->end)
		return false;
	s->p++;
	acc(&s->d->strings, string_digest(h, len));
	s->d->n_strings++;
	return true;
}

static uint64_t
real_digest(double v)
{
	uint64_t bits;

	memcpy(&bits, &v, sizeof(bits));
	return mix(bits ^ UINT64_C(0x5245414c));
}

static uint64_t
integer_digest(json_int_t v)
{
	return mix((uint64_t)v ^ UINT64_C(0x494e54));
}

/*
 * A number token, converted as jansson converts it: strtoll for one with
 * no fraction or exponent, strtod (with the locale's decimal point, as
 * jansson's jsonp_strtod does) for the others.  A value out of range is
 * jansson's error to report: it counts as well formed here.
 */
static bool
scan_number(struct scan *s)
{
	const unsigned char *start = s->p;
	char buf[64], *point;
	bool real = false;
	size_t n;

	if (*s->p == '-')
		s->p++;
	if (s->p == s->end)
		return false;
	if (*s->p == '0') {
		s->p++;
	} else if (*s->p >= '1' && *s->p <= '9') {
		while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
			s->p++;
	} else {
		return false;
	}
	if (s->p < s->end && *s->p == '.') {
		real = true;
		if (++s->p == s->end || *s->p < '0' || *s->p > '9')
			return false;
		while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
			s->p++;
	}
	if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
		real = true;
		if (++s->p < s->end && (*s->p == '+' || *s->p == '-'))
			s->p++;
		if (s->p == s->end || *s->p < '0' || *s->p > '9')
			return false;
		while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
			s->p++;
	}
	n = (size_t)(s->p - start);
	s->d->n_numbers++;
	/* A token too long to copy here is counted, not digested: the
	 * numbers are then checked by count alone. */
	if (n >= sizeof(buf)) {
		s->d->numbers_uncheckable = true;
		return true;
	}
	memcpy(buf, start, n);
	buf[n] = '\0';
	errno = 0;
	if (!real) {
		long long v = strtoll(buf, NULL, 10);

		if (errno != 0)
			s->d->numbers_uncheckable = true;
		else
			acc(&s->d->numbers, integer_digest((json_int_t)v));
		return true;
	}
	point = strchr(buf, '.');
	if (point != NULL && localeconv()->decimal_point[0] != '.')
		*point = localeconv()->decimal_point[0];
	acc(&s->d->numbers, real_digest(strtod(buf, NULL)));
	return true;
}

static bool scan_value(struct scan *s);

static bool
scan_members(struct scan *s, char close, bool object)
{
	s->p++;
	skip_ws(s);
	if (s->p < s->end && *s->p == close) {
		s->p++;
		return true;
	}
	for (;;) {
		skip_ws(s);
		if (object) {
			if (s->p == s->end || *s->p != '"' || !scan_string(s))
				return false;
			skip_ws(s);
			if (s->p == s->end || *s->p++ != ':')
				return false;
		}
		if (!scan_value(s))
			return false;
		skip_ws(s);
		if (s->p == s->end)
			return false;
		if (*s->p == close) {
			s->p++;
			return true;
		}
		if (*s->p++ != ',')
			return false;
	}
}

static bool
scan_word(struct scan *s, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(s->end - s->p) < n || memcmp(s->p, w, n) != 0)
		return false;
	s->p += n;
	return true;
}

static bool
scan_value(struct scan *s)
{
	bool ok;

	skip_ws(s);
	if (s->p == s->end)
		return false;
	switch (*s->p) {
	case '{':
	case '[':
		/* Deeper than jansson goes is jansson's error. */
		if (++s->depth > MAX_DEPTH)
			return true;
		ok = scan_members(s, *s->p == '{' ? '}' : ']', *s->p == '{');
		s->depth--;
		return ok;
	case '"':
		return scan_string(s);
	case 't':
		return scan_word(s, "true");
	case 'f':
		return scan_word(s, "false");
	case 'n':
		return scan_word(s, "null");
	default:
		return scan_number(s);
	}
}

bool
ecap__json_scan(const char *text, size_t len, struct ecap__json_digest *d)
{
	struct scan s = { (const unsigned char *)text,
			  (const unsigned char *)text + len, d, 0 };

	memset(d, 0, sizeof(*d));
	/* jansson (without JSON_DECODE_ANY) wants an object or an array. */
	skip_ws(&s);
	if (s.p == s.end || (*s.p != '{' && *s.p != '['))
		return false;
	if (!scan_value(&s))
		return false;
	if (s.depth > MAX_DEPTH)
		return true;
	skip_ws(&s);
	return s.p == s.end;
}

static void
digest_string(struct ecap__json_digest *d, const char *v, size_t len)
{
	uint64_t h = FNV_BASIS;
	size_t i;

	for (i = 0; i < len; i++)
		h = fnv(h, (unsigned char)v[i]);
	acc(&d->strings, string_digest(h, len));
	d->n_strings++;
}

void
ecap__json_digest_tree(const json_t *v, struct ecap__json_digest *d)
{
	const char *key;
	json_t *m;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		json_object_foreach((json_t *)v, key, m) {
			digest_string(d, key, strlen(key));
			ecap__json_digest_tree(m, d);
		}
		break;
	case JSON_ARRAY:
		json_array_foreach(v, i, m)
			ecap__json_digest_tree(m, d);
		break;
	case JSON_STRING:
		digest_string(d, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		acc(&d->numbers, integer_digest(json_integer_value(v)));
		d->n_numbers++;
		break;
	case JSON_REAL:
		acc(&d->numbers, real_digest(json_real_value(v)));
		d->n_numbers++;
		break;
	default:
		break;
	}
}

bool
ecap__json_digest_equal(const struct ecap__json_digest *src,
			const struct ecap__json_digest *tree)
{
	return src->strings == tree->strings &&
	       src->n_strings == tree->n_strings &&
	       src->n_numbers == tree->n_numbers &&
	       (src->numbers_uncheckable || src->numbers == tree->numbers);
}

bool
ecap__utf8_ok(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	size_t n;

	while (p < end) {
		if ((n = utf8_len(p, end)) == 0)
			return false;
		p += n;
	}
	return true;
}
