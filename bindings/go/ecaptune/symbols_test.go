// SPDX-License-Identifier: MIT

package ecaptune

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// bound maps every exported C function to the Go function or method that
// reaches it.  The values are the Go functions themselves, so a rename
// breaks the build, not just this test.
var bound = map[string]any{
	"ecap_version_number":         VersionNumber,
	"ecap_version_string":         VersionString,
	"ecap_free":                   (*Policy).DumpJSON, // frees the dump
	"ecap_strerror":               Code.String,
	"ecap_model_from_string":      ParseModel,
	"ecap_model_to_string":        Model.String,
	"ecap_policy_new":             NewPolicy,
	"ecap_policy_copy":            (*Policy).Copy,
	"ecap_policy_free":            (*Policy).Close,
	"ecap_policy_model":           (*Policy).Model,
	"ecap_policy_get_double":      (*Policy).Float64,
	"ecap_policy_set_double":      (*Policy).SetFloat64,
	"ecap_policy_get_int64":       (*Policy).Int64,
	"ecap_policy_set_int64":       (*Policy).SetInt64,
	"ecap_policy_get_string":      (*Policy).String,
	"ecap_policy_set_string":      (*Policy).SetString,
	"ecap_policy_load_json":       (*Policy).LoadJSON,
	"ecap_policy_load_file":       (*Policy).LoadFile,
	"ecap_policy_dump_json":       (*Policy).DumpJSON,
	"ecap_policy_key_count":       KeyCount,
	"ecap_policy_key_at":          KeyAt,
	"ecap_policy_key_find":        FindKey,
	"ecap_value_type_to_string":   ValueType.String,
	"ecap_value_type_from_string": ParseValueType,
	"ecap_policy_scenario_count":  (*Policy).ScenarioCount,
	"ecap_policy_scenario_at":     (*Policy).ScenarioAt,
	"ecap_policy_scenario_find":   (*Policy).Scenario,
	"ecap_policy_scenario_set":    (*Policy).SetScenario,
	"ecap_policy_scenario_remove": (*Policy).RemoveScenario,
	// catalogs
	"ecap_catalog_to_string":     Catalog.String,
	"ecap_catalog_from_string":   ParseCatalog,
	"ecap_policy_catalog_count":  (*Policy).CatalogCount,
	"ecap_policy_catalog_at":     (*Policy).CatalogAt,
	"ecap_policy_catalog_find":   (*Policy).CatalogFind,
	"ecap_policy_catalog_set":    (*Policy).SetCatalogEntry,
	"ecap_policy_catalog_remove": (*Policy).RemoveCatalogEntry,
	// partition
	"ecap_partition_advise":             (*Policy).AdvisePartitions,
	"ecap_partition_scan_tasks":         (*Policy).PartitionScanTasks,
	"ecap_partition_aqe":                (*Policy).PartitionAQE,
	"ecap_partition_spark_properties":   (*Policy).PartitionSparkProperties,
	"ecap_partition_action_to_string":   PartitionAction.String,
	"ecap_partition_action_from_string": ParsePartitionAction,
	"ecap_partition_reason_to_string":   PartitionReason.String,
	"ecap_partition_reason_from_string": ParsePartitionReason,
	"ecap_partition_explain":            PartitionAdvice.Explain,
	"ecap_partition_scan_explain":       PartitionScanResult.Explain,
	"ecap_partition_aqe_explain":        PartitionAQEResult.Explain,
	// join
	"ecap_join_advise":                   (*Policy).AdviseJoin,
	"ecap_join_type_to_string":           JoinType.String,
	"ecap_join_type_from_string":         ParseJoinType,
	"ecap_join_hint_to_string":           JoinHint.String,
	"ecap_join_hint_from_string":         ParseJoinHint,
	"ecap_join_strategy_to_string":       JoinStrategy.String,
	"ecap_join_strategy_from_string":     ParseJoinStrategy,
	"ecap_join_build_side_to_string":     JoinBuildSide.String,
	"ecap_join_build_side_from_string":   ParseJoinBuildSide,
	"ecap_join_reason_to_string":         JoinReason.String,
	"ecap_join_reason_from_string":       ParseJoinReason,
	"ecap_join_hint_ignored_to_string":   JoinHintIgnored.String,
	"ecap_join_hint_ignored_from_string": ParseJoinHintIgnored,
	"ecap_join_text_to_string":           JoinText.String,
	"ecap_join_text_from_string":         ParseJoinText,
	"ecap_join_warning_to_string":        JoinWarnings.String,
	"ecap_join_warning_from_string":      ParseJoinWarning,
	"ecap_join_explain":                  JoinAdvice.Explain,
	"ecap_join_explain_part":             JoinAdvice.ExplainPart,
	// cache
	"ecap_cache_advise":                  (*Policy).AdviseCache,
	"ecap_storage_level_to_string":       StorageLevel.String,
	"ecap_storage_level_from_string":     ParseStorageLevel,
	"ecap_storage_level_flags":           StorageLevel.Flags,
	"ecap_cache_explain":                 CacheAdvice.Explain,
	"ecap_cache_reason_to_string":        CacheReason.String,
	"ecap_cache_reason_from_string":      ParseCacheReason,
	"ecap_cache_format_to_string":        CacheFormat.String,
	"ecap_cache_format_from_string":      ParseCacheFormat,
	"ecap_cache_alternative_to_string":   CacheAlternative.String,
	"ecap_cache_alternative_from_string": ParseCacheAlternative,
	"ecap_spark_api_to_string":           SparkAPI.String,
	"ecap_spark_api_from_string":         ParseSparkAPI,
	// executor
	"ecap_executor_advise":                  (*Policy).AdviseExecutor,
	"ecap_executor_spark_properties":        ExecutorAdvice.SparkProperties,
	"ecap_executor_explain":                 ExecutorAdvice.Explain,
	"ecap_executor_reason_to_string":        ExecutorReason.String,
	"ecap_executor_reason_from_string":      ParseExecutorReason,
	"ecap_executor_node_reason_to_string":   ExecutorNodeReason.String,
	"ecap_executor_node_reason_from_string": ParseExecutorNodeReason,
	"ecap_spark_memory_regions":             (*Policy).SparkMemoryRegions,
	"ecap_spark_platform_to_string":         SparkPlatform.String,
	"ecap_spark_platform_from_string":       ParseSparkPlatform,
	// database
	"ecap_database_advise":               (*Policy).AdviseDatabase,
	"ecap_database_advise_shape":         (*Policy).AdviseDatabaseShape,
	"ecap_database_explain":              DatabaseAdvice.Explain,
	"ecap_database_properties":           DatabaseAdvice.Properties,
	"ecap_database_rds_parameters":       DatabaseAdvice.RDSParameters,
	"ecap_database_reason_to_string":     DatabaseReason.String,
	"ecap_database_reason_from_string":   ParseDatabaseReason,
	"ecap_database_workload_to_string":   DatabaseWorkload.String,
	"ecap_database_workload_from_string": ParseDatabaseWorkload,
	"ecap_database_storage_to_string":    DatabaseStorage.String,
	"ecap_database_storage_from_string":  ParseDatabaseStorage,
	"ecap_database_flag_to_string":       DatabaseFlag.String,
	"ecap_database_flag_from_string":     ParseDatabaseFlag,
	// kafka
	"ecap_kafka_advise":             (*Policy).AdviseKafka,
	"ecap_kafka_explain":            KafkaAdvice.ReasonText,
	"ecap_kafka_reason_to_string":   KafkaReason.String,
	"ecap_kafka_reason_from_string": ParseKafkaReason,
	// projection
	"ecap_projection_run":                (*Policy).Project,
	"ecap_projection_to_json":            ProjectionJSON,
	"ecap_projection_montecarlo":         (*Policy).ProjectMonteCarlo,
	"ecap_projection_montecarlo_to_json": MonteCarloJSON,
	"ecap_projection_year_explain":       ProjectionYear.Explain,
}

// notYetBound lists exported C functions deliberately left unbound, with
// the reason.
var notYetBound = map[string]string{
	// A Go call of an advisor costs the C call plus cgo's fixed ~30 ns:
	// a Go loop is as fast as the batch, which is for interpreters.
	"ecap_advise_batch":        "batching is for interpreted bindings; loop over Advise* in Go",
	"ecap_advisor_to_string":   "names the advisors of ecap_advise_batch only",
	"ecap_advisor_from_string": "names the advisors of ecap_advise_batch only",
}

func exportedSymbols(t *testing.T) []string {
	t.Helper()
	path := filepath.Join("..", "..", "..", "lib", "libecaptune.sym")
	if p := os.Getenv("ECAPTUNE_SYMFILE"); p != "" {
		path = p
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading the symbol list: %v", err)
	}
	re := regexp.MustCompile(`(?m)^\s+(ecap_[a-z0-9_]+);`)
	var syms []string
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		syms = append(syms, m[1])
	}
	if len(syms) == 0 {
		t.Fatalf("%s lists no ecap_ symbol", path)
	}
	return syms
}

// goSources is the text of the package's non-test Go files.
func goSources(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}

func TestEveryExportedFunctionIsBound(t *testing.T) {
	syms := exportedSymbols(t)
	src := goSources(t)
	exported := map[string]bool{}
	var missing []string
	for _, s := range syms {
		exported[s] = true
		_, isBound := bound[s]
		_, isPending := notYetBound[s]
		switch {
		case isBound && isPending:
			t.Errorf("%s is both bound and listed as not yet bound", s)
		case isBound:
			if !callsC(src, s) {
				t.Errorf("%s is mapped to a Go function but no Go file calls C.%s", s, s)
			}
		case !isPending:
			missing = append(missing, s)
		}
	}
	sort.Strings(missing)
	for _, s := range missing {
		t.Errorf("%s is exported by the library but neither bound nor listed in notYetBound", s)
	}
	for _, m := range []map[string]bool{keysOf(bound), keysOf(notYetBound)} {
		for s := range m {
			if !exported[s] {
				t.Errorf("%s is listed here but not exported in libecaptune.sym", s)
			}
		}
	}
}

// callsC reports whether the Go sources call the C function fn: directly,
// or through the preamble's ecap_go_ wrapper of the lean path
// (adviseLean), which returns fn's result.
func callsC(src, fn string) bool {
	if strings.Contains(src, "C."+fn+"(") {
		return true
	}
	wrapper := "ecap_go_" + strings.TrimPrefix(fn, "ecap_")
	return strings.Contains(src, "C."+wrapper+"(") &&
		strings.Contains(src, "\n"+wrapper+"(") &&
		strings.Contains(src, "\treturn "+fn+"(")
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
