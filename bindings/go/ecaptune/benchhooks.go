// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>

// One advisor call made in C on the inputs bench_test.go gives the Go
// method, struct setup included (as bench/bench-advise.c does it): Go
// calling this costs the C call plus cgo's fixed cost, the yardstick of
// the Go binding's own overhead.  The handle comes as a byte pointer, as
// adviseLean passes it, so cgo's pointer check is not counted here; the
// directives are those of every call the binding makes.
#cgo noescape raw_partition
#cgo nocallback raw_partition
static int
raw_partition(const char *policy)
{
	const ecap_policy *p = (const ecap_policy *)(const void *)policy;

	ECAP_OPTS(ecap_partition_in, in, .data_size_bytes = 10000000000);
	ECAP_OPTS(ecap_partition_out, out);
	return ecap_partition_advise(p, &in, &out, NULL);
}

#cgo noescape raw_join
#cgo nocallback raw_join
static int
raw_join(const char *policy)
{
	const ecap_policy *p = (const ecap_policy *)(const void *)policy;

	ECAP_OPTS(ecap_join_in, in, .left_size_bytes = 10000000000,
		  .right_size_bytes = 8000000, .left_row_count = 100000000,
		  .right_row_count = 150000);
	ECAP_OPTS(ecap_join_out, out);
	return ecap_join_advise(p, &in, &out, NULL);
}

#cgo noescape raw_cache
#cgo nocallback raw_cache
static int
raw_cache(const char *policy)
{
	const ecap_policy *p = (const ecap_policy *)(const void *)policy;

	ECAP_OPTS(ecap_cache_in, in, .deserialized_size_bytes = 1000000000,
		  .partition_count = 60, .reuse_count = 3,
		  .storage_memory_bytes = 17179869184ULL,
		  .api = ECAP_SPARK_API_RDD);
	ECAP_OPTS(ecap_cache_out, out);
	return ecap_cache_advise(p, &in, &out, NULL);
}

#cgo noescape raw_executor
#cgo nocallback raw_executor
static int
raw_executor(const char *policy)
{
	const ecap_policy *p = (const ecap_policy *)(const void *)policy;

	ECAP_OPTS(ecap_executor_in, in, .daily_data_gb = 100);
	ECAP_OPTS(ecap_executor_out, out);
	return ecap_executor_advise(p, &in, &out, NULL);
}

#cgo noescape raw_database
#cgo nocallback raw_database
static int
raw_database(const char *policy)
{
	const ecap_policy *p = (const ecap_policy *)(const void *)policy;

	ECAP_OPTS(ecap_database_in, in, .transactions_per_day = 1e6);
	ECAP_OPTS(ecap_database_out, out);
	return ecap_database_advise(p, &in, &out, NULL);
}

#cgo noescape raw_kafka
#cgo nocallback raw_kafka
static int
raw_kafka(const char *policy)
{
	const ecap_policy *p = (const ecap_policy *)(const void *)policy;

	ECAP_OPTS(ecap_kafka_in, in, .events_per_second = 1000);
	ECAP_OPTS(ecap_kafka_out, out);
	return ecap_kafka_advise(p, &in, &out, NULL);
}
*/
import "C"

import "unsafe"

// rawAdvise returns a function that calls the named family's C advisor
// once, from C, on the benchmark's inputs: one cgo call and nothing else
// (no lock: the benchmark does not close the policy meanwhile); for
// bench_test.go only.
func (p *Policy) rawAdvise(family string) func() C.int {
	cp := cBytes(unsafe.Pointer(p.ptr))
	switch family {
	case "partition":
		return func() C.int { return C.raw_partition(cp) }
	case "join":
		return func() C.int { return C.raw_join(cp) }
	case "cache":
		return func() C.int { return C.raw_cache(cp) }
	case "executor":
		return func() C.int { return C.raw_executor(cp) }
	case "database":
		return func() C.int { return C.raw_database(cp) }
	case "kafka":
		return func() C.int { return C.raw_kafka(cp) }
	}
	return nil
}
