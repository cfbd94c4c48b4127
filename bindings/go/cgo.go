// SPDX-License-Identifier: MIT

package ecaptune

/*
#cgo pkg-config: libecaptune
#include <ecaptune.h>

// No libecaptune function keeps a pointer it is given or calls back into
// Go: the structs a call fills can live on the caller's stack (no
// allocation per call), and cgo skips the callback bookkeeping.  One line
// pair per function the binding calls (cgo refuses a function no Go file
// calls; a call without its pair still works, only slower).
#cgo noescape ecap_cache_advise
#cgo nocallback ecap_cache_advise
#cgo noescape ecap_database_advise
#cgo nocallback ecap_database_advise
#cgo noescape ecap_database_properties
#cgo nocallback ecap_database_properties
#cgo noescape ecap_executor_advise
#cgo nocallback ecap_executor_advise
#cgo noescape ecap_executor_spark_properties
#cgo nocallback ecap_executor_spark_properties
#cgo noescape ecap_join_advise
#cgo nocallback ecap_join_advise
#cgo noescape ecap_join_build_side_from_string
#cgo nocallback ecap_join_build_side_from_string
#cgo noescape ecap_join_build_side_to_string
#cgo nocallback ecap_join_build_side_to_string
#cgo noescape ecap_join_explain
#cgo nocallback ecap_join_explain
#cgo noescape ecap_join_explain_part
#cgo nocallback ecap_join_explain_part
#cgo noescape ecap_join_hint_from_string
#cgo nocallback ecap_join_hint_from_string
#cgo noescape ecap_join_hint_ignored_from_string
#cgo nocallback ecap_join_hint_ignored_from_string
#cgo noescape ecap_join_hint_ignored_to_string
#cgo nocallback ecap_join_hint_ignored_to_string
#cgo noescape ecap_join_hint_to_string
#cgo nocallback ecap_join_hint_to_string
#cgo noescape ecap_join_reason_from_string
#cgo nocallback ecap_join_reason_from_string
#cgo noescape ecap_join_reason_to_string
#cgo nocallback ecap_join_reason_to_string
#cgo noescape ecap_join_strategy_from_string
#cgo nocallback ecap_join_strategy_from_string
#cgo noescape ecap_join_strategy_to_string
#cgo nocallback ecap_join_strategy_to_string
#cgo noescape ecap_join_text_from_string
#cgo nocallback ecap_join_text_from_string
#cgo noescape ecap_join_text_to_string
#cgo nocallback ecap_join_text_to_string
#cgo noescape ecap_join_type_from_string
#cgo nocallback ecap_join_type_from_string
#cgo noescape ecap_join_type_to_string
#cgo nocallback ecap_join_type_to_string
#cgo noescape ecap_kafka_advise
#cgo nocallback ecap_kafka_advise
#cgo noescape ecap_model_from_string
#cgo nocallback ecap_model_from_string
#cgo noescape ecap_model_to_string
#cgo nocallback ecap_model_to_string
#cgo noescape ecap_partition_action_from_string
#cgo nocallback ecap_partition_action_from_string
#cgo noescape ecap_partition_action_to_string
#cgo nocallback ecap_partition_action_to_string
#cgo noescape ecap_partition_advise
#cgo nocallback ecap_partition_advise
#cgo noescape ecap_partition_aqe
#cgo nocallback ecap_partition_aqe
#cgo noescape ecap_partition_reason_from_string
#cgo nocallback ecap_partition_reason_from_string
#cgo noescape ecap_partition_reason_to_string
#cgo nocallback ecap_partition_reason_to_string
#cgo noescape ecap_partition_scan_tasks
#cgo nocallback ecap_partition_scan_tasks
#cgo noescape ecap_partition_spark_properties
#cgo nocallback ecap_partition_spark_properties
#cgo noescape ecap_policy_copy
#cgo nocallback ecap_policy_copy
#cgo noescape ecap_policy_dump_json
#cgo nocallback ecap_policy_dump_json
#cgo noescape ecap_policy_free
#cgo nocallback ecap_policy_free
#cgo noescape ecap_policy_get_double
#cgo nocallback ecap_policy_get_double
#cgo noescape ecap_policy_get_int64
#cgo nocallback ecap_policy_get_int64
#cgo noescape ecap_policy_get_string
#cgo nocallback ecap_policy_get_string
#cgo noescape ecap_policy_instance_class_at
#cgo nocallback ecap_policy_instance_class_at
#cgo noescape ecap_policy_instance_class_count
#cgo nocallback ecap_policy_instance_class_count
#cgo noescape ecap_policy_instance_class_find
#cgo nocallback ecap_policy_instance_class_find
#cgo noescape ecap_policy_instance_class_remove
#cgo nocallback ecap_policy_instance_class_remove
#cgo noescape ecap_policy_instance_class_set
#cgo nocallback ecap_policy_instance_class_set
#cgo noescape ecap_policy_key_at
#cgo nocallback ecap_policy_key_at
#cgo noescape ecap_policy_key_count
#cgo nocallback ecap_policy_key_count
#cgo noescape ecap_policy_key_find
#cgo nocallback ecap_policy_key_find
#cgo noescape ecap_policy_load_file
#cgo nocallback ecap_policy_load_file
#cgo noescape ecap_policy_load_json
#cgo nocallback ecap_policy_load_json
#cgo noescape ecap_policy_model
#cgo nocallback ecap_policy_model
#cgo noescape ecap_policy_new
#cgo nocallback ecap_policy_new
#cgo noescape ecap_policy_scenario_at
#cgo nocallback ecap_policy_scenario_at
#cgo noescape ecap_policy_scenario_count
#cgo nocallback ecap_policy_scenario_count
#cgo noescape ecap_policy_scenario_find
#cgo nocallback ecap_policy_scenario_find
#cgo noescape ecap_policy_scenario_remove
#cgo nocallback ecap_policy_scenario_remove
#cgo noescape ecap_policy_scenario_set
#cgo nocallback ecap_policy_scenario_set
#cgo noescape ecap_policy_set_double
#cgo nocallback ecap_policy_set_double
#cgo noescape ecap_policy_set_int64
#cgo nocallback ecap_policy_set_int64
#cgo noescape ecap_policy_set_string
#cgo nocallback ecap_policy_set_string
#cgo noescape ecap_projection_montecarlo
#cgo nocallback ecap_projection_montecarlo
#cgo noescape ecap_projection_montecarlo_to_json
#cgo nocallback ecap_projection_montecarlo_to_json
#cgo noescape ecap_projection_run
#cgo nocallback ecap_projection_run
#cgo noescape ecap_projection_to_json
#cgo nocallback ecap_projection_to_json
#cgo noescape ecap_projection_year_explain
#cgo nocallback ecap_projection_year_explain
#cgo noescape ecap_spark_api_from_string
#cgo nocallback ecap_spark_api_from_string
#cgo noescape ecap_spark_api_to_string
#cgo nocallback ecap_spark_api_to_string
#cgo noescape ecap_spark_memory_regions
#cgo nocallback ecap_spark_memory_regions
#cgo noescape ecap_spark_platform_from_string
#cgo nocallback ecap_spark_platform_from_string
#cgo noescape ecap_spark_platform_to_string
#cgo nocallback ecap_spark_platform_to_string
#cgo noescape ecap_storage_level_flags
#cgo nocallback ecap_storage_level_flags
#cgo noescape ecap_storage_level_from_string
#cgo nocallback ecap_storage_level_from_string
#cgo noescape ecap_storage_level_to_string
#cgo nocallback ecap_storage_level_to_string
#cgo noescape ecap_strerror
#cgo nocallback ecap_strerror
#cgo noescape ecap_value_type_from_string
#cgo nocallback ecap_value_type_from_string
#cgo noescape ecap_value_type_to_string
#cgo nocallback ecap_value_type_to_string
#cgo noescape ecap_version_number
#cgo nocallback ecap_version_number
#cgo noescape ecap_version_string
#cgo nocallback ecap_version_string

#if ECAP_VERSION_MAJOR != 1
#error "libecaptune headers of major version 1 are needed by this binding"
#endif

static uint32_t
ecap_go_header_version(void)
{
	return ECAP_VERSION_NUMBER;
}
*/
import "C"

import (
	"fmt"
	"sync"
)

// Version of the header this package was compiled against.
const (
	VersionMajor  = C.ECAP_VERSION_MAJOR
	VersionMinor  = C.ECAP_VERSION_MINOR
	VersionPatch  = C.ECAP_VERSION_PATCH
	HeaderVersion = C.ECAP_VERSION_STRING
)

var (
	libOnce sync.Once
	libErr  error
)

// checkLibrary verifies once that the library loaded at run time is at
// least as new as the header: a struct this binding fills may carry fields
// an older library rejects.
func checkLibrary() error {
	libOnce.Do(func() {
		have := uint32(C.ecap_version_number())
		want := uint32(C.ecap_go_header_version())
		if have < want {
			libErr = &Error{
				Code:  ErrInvalid,
				Field: "version",
				Message: fmt.Sprintf("libecaptune %s is loaded; this binding was built against %s and needs at least that",
					VersionString(), HeaderVersion),
			}
		}
	})
	return libErr
}

// VersionString is the version of the library loaded at run time, e.g. "1.0.0".
func VersionString() string {
	return C.GoString(C.ecap_version_string())
}

// VersionNumber is the packed version (0xMMmmpp) of the library loaded at
// run time.
func VersionNumber() uint32 {
	return uint32(C.ecap_version_number())
}
