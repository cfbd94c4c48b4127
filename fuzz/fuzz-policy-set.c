/* SPDX-License-Identifier: MIT */
/*
 * The setters, in sequences: every key by index with fuzzed values (and
 * unknown names), scenarios and catalog entries set and removed.  A
 * failed set changes nothing; the policy the sets leave dumps to text that
 * loads into a fresh policy and dumps the same.
 */
#include "fuzz.h"

static void
fuzz_name(struct fuzz_in *in, char *name, size_t cap)
{
	size_t n = fuzz_u8(in) % cap;

	fuzz_bytes(in, name, n);
	name[n] = '\0';
}

static int
one_op(ecap_policy *p, struct fuzz_in *in, struct ecap_error *err)
{
	struct ecap_key_info info;
	struct {
		struct ecap_scenario s;
		unsigned char tail[32];
	} sc;
	struct {
		struct ecap_catalog_entry c;
		unsigned char tail[32];
	} ic;
	int32_t catalog;
	char name[80];
	double d;
	int64_t i;
	uint8_t op = fuzz_u8(in);

	ECAP_STRUCT_INIT(&info);
	if (op < 0xc0) {
		if (ecap_policy_key_at((size_t)fuzz_u8(in) %
					       ecap_policy_key_count(),
				       &info, NULL) != ECAP_OK)
			abort();
		switch (op % 4) {
		case 0:
			fuzz_bytes(in, &d, sizeof(d));
			return ecap_policy_set_double(p, info.name, d, err);
		case 1:
			fuzz_bytes(in, &i, sizeof(i));
			if (op & 0x10)
				i %= 1000;
			return ecap_policy_set_int64(p, info.name, i, err);
		case 2:
			fuzz_name(in, name, sizeof(name));
			return ecap_policy_set_string(p, info.name, name, err);
		default:
			fuzz_name(in, name, sizeof(name));
			fuzz_bytes(in, &d, sizeof(d));
			return ecap_policy_set_double(p, name, d, err);
		}
	}
	switch (op % 4) {
	case 0:
		fuzz_struct(in, &sc, sizeof(sc.s));
		return ecap_policy_scenario_set(p, &sc.s, err);
	case 1:
		fuzz_name(in, name, sizeof(name));
		return ecap_policy_scenario_remove(p, name, err);
	case 2:
		fuzz_struct(in, &ic, sizeof(ic.c));
		return ecap_policy_catalog_set(p, &ic.c, err);
	default:
		fuzz_bytes(in, &catalog, sizeof(catalog));
		fuzz_name(in, name, sizeof(name));
		return ecap_policy_catalog_remove(p, catalog, name, err);
	}
}

int
ecap_fuzz_policy_set(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct ecap_error err;
	ecap_policy *p = fuzz_policy(&in);
	char *now, *after;
	int rc, ops;

	/* Three entries a catalog: removals and sets still meet every rule,
	 * and the comparisons below dump little.  now is the policy's dump,
	 * made again only after a set that succeeded. */
	FUZZ_ASSERT(trim_catalogs(p, 3));
	now = fuzz_dump(p);
	ECAP_STRUCT_INIT(&err);
	for (ops = 0; ops < 16 && in.n > 0; ops++) {
		rc = one_op(p, &in, &err);
		after = fuzz_dump(p);
		if (rc != ECAP_OK) {
			fuzz_check_error(rc, &err);
			FUZZ_ASSERT(strcmp(now, after) == 0);
			ecap_free(after);
		} else {
			ecap_free(now);
			now = after;
		}
	}
	ecap_free(now);
	/* Whatever the sets left is a policy that loads again. */
	fuzz_round_trip(p);
	ecap_policy_free(&p);
	return 0;
}
