/* SPDX-License-Identifier: MIT */
#include "internal.h"

ECAP_API const char *
ecap_version_string(void)
{
	return ECAP_VERSION_STRING;
}

ECAP_API uint32_t
ecap_version_number(void)
{
	return ECAP_VERSION_NUMBER;
}
