// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>

// One advisor call made in C on the inputs bench_test.go gives the Go
// method, struct setup included (as bench/bench-advise.c does it): Go
// calling this costs the C call plus cgo's fixed cost, the yardstick of
// the Go binding's own overhead.
static int
raw_partition(const ecap_policy *p)
{
	ECAP_OPTS(ecap_partition_in, in, .data_size_bytes = 10000000000);
	ECAP_OPTS(ecap_partition_out, out);
	return ecap_partition_advise(p, &in, &out, NULL);
}

static int
raw_join(const ecap_policy *p)
{
	ECAP_OPTS(ecap_join_in, in, .left_size_bytes = 10000000000,
		  .right_size_bytes = 8000000, .left_row_count = 100000000,
		  .right_row_count = 150000);
	ECAP_OPTS(ecap_join_out, out);
	return ecap_join_advise(p, &in, &out, NULL);
}

static int
raw_cache(const ecap_policy *p)
{
	ECAP_OPTS(ecap_cache_in, in, .deserialized_size_bytes = 1000000000,
		  .partition_count = 60, .reuse_count = 3,
		  .storage_memory_bytes = 17179869184ULL,
		  .api = ECAP_SPARK_API_RDD);
	ECAP_OPTS(ecap_cache_out, out);
	return ecap_cache_advise(p, &in, &out, NULL);
}

static int
raw_executor(const ecap_policy *p)
{
	ECAP_OPTS(ecap_executor_in, in, .daily_data_gb = 100);
	ECAP_OPTS(ecap_executor_out, out);
	return ecap_executor_advise(p, &in, &out, NULL);
}

static int
raw_database(const ecap_policy *p)
{
	ECAP_OPTS(ecap_database_in, in, .transactions_per_day = 1e6);
	ECAP_OPTS(ecap_database_out, out);
	return ecap_database_advise(p, &in, &out, NULL);
}

static int
raw_kafka(const ecap_policy *p)
{
	ECAP_OPTS(ecap_kafka_in, in, .events_per_second = 1000);
	ECAP_OPTS(ecap_kafka_out, out);
	return ecap_kafka_advise(p, &in, &out, NULL);
}
*/
import "C"

// rawAdvise calls the named family's C advisor once, from C, on the
// benchmark's inputs; for bench_test.go only.
func (p *Policy) rawAdvise(family string) int {
	var rc C.int
	_ = p.read(func(cp *C.ecap_policy) error {
		switch family {
		case "partition":
			rc = C.raw_partition(cp)
		case "join":
			rc = C.raw_join(cp)
		case "cache":
			rc = C.raw_cache(cp)
		case "executor":
			rc = C.raw_executor(cp)
		case "database":
			rc = C.raw_database(cp)
		case "kafka":
			rc = C.raw_kafka(cp)
		}
		return nil
	})
	return int(rc)
}
