// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_cache_alternative_to_string
#cgo nocallback ecap_cache_alternative_to_string
#cgo noescape ecap_cache_format_to_string
#cgo nocallback ecap_cache_format_to_string
#cgo noescape ecap_cache_reason_to_string
#cgo nocallback ecap_cache_reason_to_string
#cgo noescape ecap_catalog_to_string
#cgo nocallback ecap_catalog_to_string
#cgo noescape ecap_database_reason_to_string
#cgo nocallback ecap_database_reason_to_string
#cgo noescape ecap_database_storage_to_string
#cgo nocallback ecap_database_storage_to_string
#cgo noescape ecap_database_workload_to_string
#cgo nocallback ecap_database_workload_to_string
#cgo noescape ecap_executor_node_reason_to_string
#cgo nocallback ecap_executor_node_reason_to_string
#cgo noescape ecap_executor_reason_to_string
#cgo nocallback ecap_executor_reason_to_string
#cgo noescape ecap_executor_spark_properties
#cgo nocallback ecap_executor_spark_properties
#cgo noescape ecap_join_build_side_to_string
#cgo nocallback ecap_join_build_side_to_string
#cgo noescape ecap_join_hint_ignored_to_string
#cgo nocallback ecap_join_hint_ignored_to_string
#cgo noescape ecap_join_hint_to_string
#cgo nocallback ecap_join_hint_to_string
#cgo noescape ecap_join_reason_to_string
#cgo nocallback ecap_join_reason_to_string
#cgo noescape ecap_join_strategy_to_string
#cgo nocallback ecap_join_strategy_to_string
#cgo noescape ecap_join_text_to_string
#cgo nocallback ecap_join_text_to_string
#cgo noescape ecap_join_type_to_string
#cgo nocallback ecap_join_type_to_string
#cgo noescape ecap_kafka_reason_to_string
#cgo nocallback ecap_kafka_reason_to_string
#cgo noescape ecap_model_to_string
#cgo nocallback ecap_model_to_string
#cgo noescape ecap_partition_action_to_string
#cgo nocallback ecap_partition_action_to_string
#cgo noescape ecap_partition_reason_to_string
#cgo nocallback ecap_partition_reason_to_string
#cgo noescape ecap_policy_key_at
#cgo nocallback ecap_policy_key_at
#cgo noescape ecap_spark_api_to_string
#cgo nocallback ecap_spark_api_to_string
#cgo noescape ecap_spark_platform_to_string
#cgo nocallback ecap_spark_platform_to_string
#cgo noescape ecap_storage_level_to_string
#cgo nocallback ecap_storage_level_to_string
#cgo noescape ecap_value_type_to_string
#cgo nocallback ecap_value_type_to_string
*/
import "C"

// keyAtWithSize calls ecap_policy_key_at with a struct whose sz the caller
// chooses.  The binding always passes the right size; the tests use this
// to show that the library's ECAP_ERR_STRUCT_SIZE arrives as ErrStructSize.
func keyAtWithSize(index int, sz uintptr) error {
	ki := initSized(new(C.struct_ecap_key_info), C.sizeof_struct_ecap_key_info)
	ki.sz = C.size_t(sz)
	return call(func(ce *C.struct_ecap_error) C.int {
		return C.ecap_policy_key_at(C.size_t(index), ki, ce)
	})
}

// executorPropsWithCapacity renders an executor advice into an array of
// the given capacity without callProps' retry: ErrNoSpace and the count
// the library asks for.
func executorPropsWithCapacity(a ExecutorAdvice, capacity int) (int, error) {
	o, err := a.c()
	if err != nil {
		return 0, err
	}
	_, need, err := callPropsOnce(func(arr *C.struct_ecap_property, n *C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_executor_spark_properties(o, arr, n, ce)
	}, capacity)
	return need, err
}

// projectWithCapacity runs ecap_projection_run with an array of the
// given capacity, so the tests can show the library's ECAP_ERR_NOSPACE
// arriving as ErrNoSpace (Project always offers enough).
func (p *Policy) projectWithCapacity(in ProjectionInput, capacity int) ([]ProjectionYear, error) {
	ci := initSized(new(C.struct_ecap_projection_in), C.sizeof_struct_ecap_projection_in)
	ci.current_daily_transactions = C.double(in.CurrentDailyTransactions)
	ci.years = C.int64_t(in.Years)
	if err := setChars(ci.scenario[:], in.Scenario, "scenario"); err != nil {
		return nil, err
	}
	return p.projectN(ci, capacity)
}

// cEnumName is the C library's name of value v of C enum e (by its C
// name), and whether the library has one: the tests compare every Go
// String with it.  ok2 is false for an enum whose C names are not known
// here.
func cEnumName(e string, v int32) (name string, ok bool, known bool) {
	var s *C.char
	cv := C.int32_t(v)
	switch e {
	case "ecap_model":
		s = C.ecap_model_to_string(cv)
	case "ecap_value_type":
		s = C.ecap_value_type_to_string(cv)
	case "ecap_partition_action":
		s = C.ecap_partition_action_to_string(cv)
	case "ecap_partition_reason":
		s = C.ecap_partition_reason_to_string(cv)
	case "ecap_join_type":
		s = C.ecap_join_type_to_string(cv)
	case "ecap_join_hint":
		s = C.ecap_join_hint_to_string(cv)
	case "ecap_join_strategy":
		s = C.ecap_join_strategy_to_string(cv)
	case "ecap_join_build_side":
		s = C.ecap_join_build_side_to_string(cv)
	case "ecap_join_reason":
		s = C.ecap_join_reason_to_string(cv)
	case "ecap_join_hint_ignored":
		s = C.ecap_join_hint_ignored_to_string(cv)
	case "ecap_join_text":
		s = C.ecap_join_text_to_string(cv)
	case "ecap_storage_level":
		s = C.ecap_storage_level_to_string(cv)
	case "ecap_spark_api":
		s = C.ecap_spark_api_to_string(cv)
	case "ecap_spark_platform":
		s = C.ecap_spark_platform_to_string(cv)
	case "ecap_executor_reason":
		s = C.ecap_executor_reason_to_string(cv)
	case "ecap_executor_node_reason":
		s = C.ecap_executor_node_reason_to_string(cv)
	case "ecap_database_reason":
		s = C.ecap_database_reason_to_string(cv)
	case "ecap_database_workload":
		s = C.ecap_database_workload_to_string(cv)
	case "ecap_database_storage":
		s = C.ecap_database_storage_to_string(cv)
	case "ecap_cache_reason":
		s = C.ecap_cache_reason_to_string(cv)
	case "ecap_cache_format":
		s = C.ecap_cache_format_to_string(cv)
	case "ecap_cache_alternative":
		s = C.ecap_cache_alternative_to_string(cv)
	case "ecap_kafka_reason":
		s = C.ecap_kafka_reason_to_string(cv)
	case "ecap_catalog":
		s = C.ecap_catalog_to_string(cv)
	default:
		return "", false, false
	}
	if s == nil {
		return "", false, true
	}
	return C.GoString(s), true, true
}

// goNameOfField runs goName on a C char array of size bytes holding s
// (NUL-terminated when it fits).
func goNameOfField(s string, size int) string {
	field := make([]C.char, size)
	for i := 0; i < len(s) && i < size; i++ {
		field[i] = C.char(s[i])
	}
	return goName(field)
}

// kafkaRoundTrips reports whether KafkaAdvice.c gives back, byte for
// byte, the struct ecap_kafka_advise wrote for in.
func (p *Policy) kafkaRoundTrips(in KafkaInput) (bool, error) {
	var ci C.struct_ecap_kafka_in
	var out C.struct_ecap_kafka_out
	initSized(&ci, C.sizeof_struct_ecap_kafka_in)
	initSized(&out, C.sizeof_struct_ecap_kafka_out)
	ci.events_per_second = C.double(in.EventsPerSecond)
	ci.peak_factor = C.double(in.PeakFactor)
	ci.ingress_mb_per_second = C.double(in.IngressMBPerSecond)
	ci.partition_produce_mb_per_second = C.double(in.PartitionProduceMBPerSecond)
	ci.partition_consume_mb_per_second = C.double(in.PartitionConsumeMBPerSecond)
	if err := p.advise(func(cp *C.ecap_policy, ce *C.struct_ecap_error) C.int {
		return C.ecap_kafka_advise(cp, &ci, &out, ce)
	}); err != nil {
		return false, err
	}
	var a KafkaAdvice
	a.fromC(&out)
	back, err := a.c()
	if err != nil {
		return false, err
	}
	return *back == out, nil
}
