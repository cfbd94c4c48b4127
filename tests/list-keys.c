/* SPDX-License-Identifier: MIT */
/* Prints every static policy key, one per line, with --table as mdoc. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "ecaptune.h"

int
main(int argc, char **argv)
{
	struct ecap_key_info ki;
	int table = argc > 1 && strcmp(argv[1], "--table") == 0;
	size_t i;

	ECAP_STRUCT_INIT(&ki);
	for (i = 0; i < ecap_policy_key_count(); i++) {
		if (ecap_policy_key_at(i, &ki, NULL) != ECAP_OK)
			return 1;
		if (!table) {
			printf("%s\n", ki.name);
			continue;
		}
		printf(".It Cm %s\n", ki.name);
		switch (ki.type) {
		case ECAP_TYPE_DOUBLE:
			printf("double, %s; default %.17g, range %.17g to %.17g.\n",
			       ki.unit, ki.default_double, ki.min_double,
			       ki.max_double);
			break;
		case ECAP_TYPE_STRING:
			printf("string; default\n.Qq %s .\n", ki.default_string);
			break;
		case ECAP_TYPE_BOOL:
			printf("boolean; default %s.\n",
			       ki.default_int64 ? "true" : "false");
			break;
		default:
			printf("int64, %s; default %" PRId64 ", range %" PRId64
			       " to %" PRId64 ".\n", ki.unit, ki.default_int64,
			       ki.min_int64, ki.max_int64);
			break;
		}
		printf("%s\n", ki.description);
	}
	return 0;
}
