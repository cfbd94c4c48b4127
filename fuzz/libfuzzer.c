/* SPDX-License-Identifier: MIT */
/*
 * libfuzzer.c - the libFuzzer entry point of one target, chosen at build
 * time: cc -DECAP_FUZZ_TARGET=partition -fsanitize=fuzzer ...
 * (fuzz/run-fuzzers.sh builds them all).
 */
#include "fuzz.h"

#ifndef ECAP_FUZZ_TARGET
#error "define ECAP_FUZZ_TARGET to a name in ECAP_FUZZ_TARGETS"
#endif

#define ECAP_FUZZ_CAT(a, b) a##b
#define ECAP_FUZZ_FN(t) ECAP_FUZZ_CAT(ecap_fuzz_, t)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return ECAP_FUZZ_FN(ECAP_FUZZ_TARGET)(data, size);
}
