// SPDX-License-Identifier: MIT

package ecaptune

import (
	"fmt"
	"testing"
)

// goEnums is every enum of the binding with the C enum it mirrors.
var goEnums = []struct {
	cEnum  string
	str    func(v int32) string
	goType string
}{
	{"ecap_model", func(v int32) string { return Model(v).String() }, "Model"},
	{"ecap_value_type", func(v int32) string { return ValueType(v).String() }, "ValueType"},
	{"ecap_partition_action", func(v int32) string { return PartitionAction(v).String() }, "PartitionAction"},
	{"ecap_partition_reason", func(v int32) string { return PartitionReason(v).String() }, "PartitionReason"},
	{"ecap_join_type", func(v int32) string { return JoinType(v).String() }, "JoinType"},
	{"ecap_join_hint", func(v int32) string { return JoinHint(v).String() }, "JoinHint"},
	{"ecap_join_strategy", func(v int32) string { return JoinStrategy(v).String() }, "JoinStrategy"},
	{"ecap_join_build_side", func(v int32) string { return JoinBuildSide(v).String() }, "JoinBuildSide"},
	{"ecap_join_reason", func(v int32) string { return JoinReason(v).String() }, "JoinReason"},
	{"ecap_join_hint_ignored", func(v int32) string { return JoinHintIgnored(v).String() }, "JoinHintIgnored"},
	{"ecap_join_text", func(v int32) string { return JoinText(v).String() }, "JoinText"},
	{"ecap_storage_level", func(v int32) string { return StorageLevel(v).String() }, "StorageLevel"},
	{"ecap_spark_api", func(v int32) string { return SparkAPI(v).String() }, "SparkAPI"},
	{"ecap_spark_platform", func(v int32) string { return SparkPlatform(v).String() }, "SparkPlatform"},
	{"ecap_kafka_reason", func(v int32) string { return KafkaReason(v).String() }, "KafkaReason"},
	{"ecap_database_reason", func(v int32) string { return DatabaseReason(v).String() }, "DatabaseReason"},
	{"ecap_database_workload", func(v int32) string { return DatabaseWorkload(v).String() }, "DatabaseWorkload"},
	{"ecap_database_storage", func(v int32) string { return DatabaseStorage(v).String() }, "DatabaseStorage"},
	{"ecap_executor_reason", func(v int32) string { return ExecutorReason(v).String() }, "ExecutorReason"},
	{"ecap_executor_node_reason", func(v int32) string { return ExecutorNodeReason(v).String() }, "ExecutorNodeReason"},
	{"ecap_catalog", func(v int32) string { return Catalog(v).String() }, "Catalog"},
	{"ecap_cache_reason", func(v int32) string { return CacheReason(v).String() }, "CacheReason"},
	{"ecap_cache_format", func(v int32) string { return CacheFormat(v).String() }, "CacheFormat"},
	{"ecap_cache_alternative", func(v int32) string { return CacheAlternative(v).String() }, "CacheAlternative"},
}

// One source of truth: every Go name is the C library's, for every
// value of the pinned range; a value C does not name prints as Type(n).
func TestEnumNamesComeFromC(t *testing.T) {
	for _, e := range goEnums {
		if _, _, known := cEnumName(e.cEnum, 0); !known {
			t.Logf("%s: C names pending", e.cEnum)
			continue
		}
		for v := int32(-1); v < 256; v++ {
			c, ok, _ := cEnumName(e.cEnum, v)
			got := e.str(v)
			if !ok {
				c = fmt.Sprintf("%s(%d)", e.goType, v)
			}
			if got != c {
				t.Errorf("%s(%d).String() = %q, C says %q", e.goType, v, got, c)
			}
		}
	}
}
