/* SPDX-License-Identifier: MIT */
/*
 * ecap-plan - prints the default policy (the guide's constants) as JSON.
 * Later releases of this example add the advice for a built-in workload.
 */
#include <stdio.h>
#include <stdlib.h>

#include <ecaptune.h>

int
main(void)
{
	struct ecap_error err;
	ecap_policy *policy = NULL;
	char *json = NULL;
	int rc;

	ECAP_STRUCT_INIT(&err);
	if ((rc = ecap_policy_new(&policy, &err)) != ECAP_OK ||
	    (rc = ecap_policy_dump_json(policy, &json, &err)) != ECAP_OK) {
		fprintf(stderr, "ecap-plan: %s: %s\n", ecap_strerror(rc),
			err.message);
		ecap_policy_free(&policy);
		return EXIT_FAILURE;
	}
	printf("libecaptune %s, default policy:\n%s", ecap_version_string(),
	       json);
	ecap_free(json);
	ecap_policy_free(&policy);
	return EXIT_SUCCESS;
}
