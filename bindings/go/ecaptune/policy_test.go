// SPDX-License-Identifier: MIT

package ecaptune

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func newPolicy(t testing.TB) *Policy {
	t.Helper()
	p, err := NewPolicy()
	if err != nil {
		t.Fatalf("NewPolicy: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestVersion(t *testing.T) {
	if VersionMajor != 1 {
		t.Fatalf("VersionMajor = %d", VersionMajor)
	}
	if VersionNumber() < uint32(VersionMajor)<<16|uint32(VersionMinor)<<8|uint32(VersionPatch) {
		t.Fatalf("run-time library %s is older than the header %s", VersionString(), HeaderVersion)
	}
	if !strings.HasPrefix(VersionString(), "1.") {
		t.Fatalf("VersionString = %q", VersionString())
	}
	if err := checkLibrary(); err != nil {
		t.Fatal(err)
	}
}

// The same expectations as tests/test-policy.c defaults_are_the_guides.
func TestDefaultsAreTheGuides(t *testing.T) {
	p := newPolicy(t)
	doubles := map[string]float64{
		"partition.target_size_mb":        128,    // optimize_partitions(target_partition_size_mb=128)
		"join.broadcast_threshold_mb":     50,     // spark.sql.autoBroadcastJoinThreshold: 50MB
		"executor.memory_multiplier":      3,      // calculate_spark_resources
		"executor.window_share_ratio":     0.25,   // 25 % of the window
		"executor.throughput_gb_per_hour": 10,     // 10 GB/hour per executor
		"executor.price_usd_per_hour":     0.20,   // executor price
		"database.index_overhead_factor":  1.3,    // calculate_database_resources
		"kafka.event_size_kb":             0.75,   // calculate_kafka_resources
		"kafka.broker_price_usd_per_hour": 0.192,  // kafka.m5.large
		"growth.transactions_per_gb":      100000, // peak_transactions / 100000
		"cost.hours_per_month":            720,    // 24 * 30
		"spark.memory_fraction":           0.6,    // Spark default
		"aqe.skew_partition_threshold_mb": 256,    // Spark default 256MB
	}
	for k, want := range doubles {
		got, err := p.Float64(k)
		if err != nil || !near(got, want) {
			t.Errorf("Float64(%q) = %v, %v; want %v", k, got, err, want)
		}
	}
	ints := map[string]int64{
		"join.guide_broadcast_max_rows":   1000000, // small_df.count() < 1000000
		"cache.guide_partition_threshold": 200,     // getNumPartitions() > 200
		"executor.cores":                  2,
		"executor.min_executors":          2, // dynamic allocation min 2, initial 4, max 20
		"executor.initial_executors":      4,
		"executor.max_executors":          20,
		"database.retention_days":         365,
		"kafka.replication_factor":        3,
		"kafka.min_partitions":            12,
		"join.shuffle_partitions":         200, // Spark default
	}
	for k, want := range ints {
		got, err := p.Int64(k)
		if err != nil || got != want {
			t.Errorf("Int64(%q) = %v, %v; want %v", k, got, err, want)
		}
	}
	if b, err := p.Bool("join.prefer_sort_merge"); err != nil || !b {
		t.Errorf("Bool(join.prefer_sort_merge) = %v, %v; want true", b, err)
	}
	for k, want := range map[string]string{
		"model":                   "ecap-1",
		"kafka.instance_type":     "kafka.m5.large",
		"growth.default_scenario": "conservative",
	} {
		if got, err := p.String(k); err != nil || got != want {
			t.Errorf("String(%q) = %q, %v; want %q", k, got, err, want)
		}
	}
	if p.Model() != ModelECAP1 || p.Model().String() != "ecap-1" {
		t.Errorf("Model() = %v", p.Model())
	}
}

func TestGetAnyByKeyType(t *testing.T) {
	p := newPolicy(t)
	for key, want := range map[string]any{
		"partition.target_size_mb": 128.0,
		"executor.cores":           int64(2),
		"join.prefer_sort_merge":   true,
		"model":                    "ecap-1",
		"growth.scenarios.aggressive.seasonal_peak_factor": 3.0, // dynamic key
		"growth.scenarios.aggressive.description":          "High growth startup, expanding market",
		"catalog.database.db.r6g.xlarge.vcpu_count":        int64(4),
	} {
		got, err := p.Get(key)
		if err != nil || got != want {
			t.Errorf("Get(%q) = %#v, %v; want %#v", key, got, err, want)
		}
	}
	if _, err := p.Get("no.such_key"); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("Get(no.such_key) = %v; want ErrUnknownKey", err)
	}
}

func TestSetGetRoundTrip(t *testing.T) {
	p := newPolicy(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(p.SetFloat64("partition.target_size_mb", 256.5))
	must(p.SetInt64("executor.cores", 5))
	must(p.SetBool("join.prefer_sort_merge", false))
	must(p.SetModel(ModelGuide))
	if v, _ := p.Float64("partition.target_size_mb"); v != 256.5 {
		t.Errorf("target size %v", v)
	}
	if v, _ := p.Int64("executor.cores"); v != 5 {
		t.Errorf("cores %v", v)
	}
	if v, _ := p.Bool("join.prefer_sort_merge"); v {
		t.Errorf("prefer_sort_merge still true")
	}
	if p.Model() != ModelGuide {
		t.Errorf("model %v", p.Model())
	}
	// A rejected value leaves the policy unchanged.
	if err := p.SetFloat64("partition.target_size_mb", -128); !errors.Is(err, ErrRange) {
		t.Fatalf("negative target size: %v", err)
	}
	if v, _ := p.Float64("partition.target_size_mb"); v != 256.5 {
		t.Errorf("target size changed to %v by a rejected set", v)
	}
}

func TestCopyIsIndependent(t *testing.T) {
	p := newPolicy(t)
	q, err := p.Copy()
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := q.SetFloat64("partition.target_size_mb", 64); err != nil {
		t.Fatal(err)
	}
	if v, _ := p.Float64("partition.target_size_mb"); v != 128 {
		t.Errorf("original changed: %v", v)
	}
	if v, _ := q.Float64("partition.target_size_mb"); v != 64 {
		t.Errorf("copy: %v", v)
	}
}

func TestCloseIsIdempotentAndFailsLaterCalls(t *testing.T) {
	p, err := NewPolicy()
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	p.Close()
	_, err = p.Float64("partition.target_size_mb")
	var e *Error
	if !errors.As(err, &e) || e.Code != ErrInvalid || e.Field != "policy" {
		t.Fatalf("after Close: %v", err)
	}
	if p.ScenarioCount() != 0 || p.Model() != 0 {
		t.Fatal("closed policy reports contents")
	}
}

func TestKeys(t *testing.T) {
	p := newPolicy(t)
	keys, err := Keys()
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != KeyCount() || len(keys) <= 40 {
		t.Fatalf("%d keys, KeyCount %d", len(keys), KeyCount())
	}
	for _, k := range keys {
		got, err := p.Get(k.Name)
		if err != nil || got != k.Default() {
			t.Errorf("%s: Get = %#v, %v; default %#v", k.Name, got, err, k.Default())
		}
	}
	k, err := FindKey("kafka.retention_hours")
	if err != nil || k.Type != TypeDouble || k.Unit != "hours" || k.DefaultFloat64 != 168 {
		t.Errorf("FindKey(kafka.retention_hours) = %+v, %v", k, err)
	}
	if k.Type.String() != "double" {
		t.Errorf("TypeDouble.String() = %q", k.Type.String())
	}
	if _, err := KeyAt(len(keys)); !errors.Is(err, ErrRange) {
		t.Errorf("KeyAt past the end: %v", err)
	}
	if _, err := KeyAt(-1); !errors.Is(err, ErrRange) {
		t.Errorf("KeyAt(-1): %v", err)
	}
}

// The same expectations as tests/test-policy.c default_scenarios_are_the_guides.
func TestScenarios(t *testing.T) {
	p := newPolicy(t)
	all, err := p.Scenarios()
	if err != nil || len(all) != 3 || p.ScenarioCount() != 3 {
		t.Fatalf("Scenarios = %v, %v", all, err)
	}
	// project_capacity_needs: conservative 50 %/2x, aggressive 100 %/3x,
	// enterprise 25 %/1.5x; the spreads of ecap_projection_run(3)
	want := []Scenario{
		{Name: "conservative", Description: "Steady growth, established market", YearlyGrowthRatio: 0.5, SeasonalPeakFactor: 2,
			YearlyGrowthSDRatio: 0.1, SeasonalPeakSDFactor: 0.2},
		{Name: "aggressive", Description: "High growth startup, expanding market", YearlyGrowthRatio: 1, SeasonalPeakFactor: 3,
			YearlyGrowthSDRatio: 0.4, SeasonalPeakSDFactor: 0.5},
		{Name: "enterprise", Description: "Mature enterprise, stable growth", YearlyGrowthRatio: 0.25, SeasonalPeakFactor: 1.5,
			YearlyGrowthSDRatio: 0.05, SeasonalPeakSDFactor: 0.1},
	}
	for i := range want {
		if all[i] != want[i] {
			t.Errorf("scenario %d = %+v; want %+v", i, all[i], want[i])
		}
	}
	s := Scenario{Name: "black-friday_2027", Description: "Campaign year",
		YearlyGrowthRatio: 0.8, SeasonalPeakFactor: 5, YearlyGrowthSDRatio: 0.2}
	if err := p.SetScenario(s); err != nil {
		t.Fatal(err)
	}
	got, err := p.Scenario("black-friday_2027")
	if err != nil || got != s {
		t.Fatalf("Scenario = %+v, %v", got, err)
	}
	if got, err := p.ScenarioAt(3); err != nil || got != s {
		t.Fatalf("ScenarioAt(3) = %+v, %v", got, err)
	}
	if err := p.RemoveScenario("black-friday_2027"); err != nil {
		t.Fatal(err)
	}
	if p.ScenarioCount() != 3 {
		t.Fatal("not removed")
	}
	if err := p.SetScenario(Scenario{Name: strings.Repeat("x", 64), SeasonalPeakFactor: 1}); !errors.Is(err, ErrRange) {
		t.Errorf("64-character name: %v", err)
	}
}

func TestJSONRoundTripAndFile(t *testing.T) {
	p := newPolicy(t)
	if err := p.SetFloat64("partition.target_size_mb", 200); err != nil {
		t.Fatal(err)
	}
	dump, err := p.DumpJSON()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "policy.json")
	if err := os.WriteFile(path, dump, 0o600); err != nil {
		t.Fatal(err)
	}
	q := newPolicy(t)
	if err := q.LoadFile(path); err != nil {
		t.Fatal(err)
	}
	again, err := q.DumpJSON()
	if err != nil || !bytes.Equal(dump, again) {
		t.Fatalf("round trip differs (%v)", err)
	}
	if err := q.LoadJSON([]byte(`{"executor.cores": 4, "model": "guide"}`)); err != nil {
		t.Fatal(err)
	}
	if v, _ := q.Int64("executor.cores"); v != 4 || q.Model() != ModelGuide {
		t.Fatalf("partial load: cores %d model %v", v, q.Model())
	}
	// The shipped default dump equals a fresh policy's dump.
	def, err := os.ReadFile(filepath.Join("testdata", "default-policy.json"))
	if err != nil {
		t.Fatal(err)
	}
	fresh, _ := newPolicy(t).DumpJSON()
	if !bytes.Equal(bytes.TrimSpace(def), bytes.TrimSpace(fresh)) {
		t.Errorf("testdata/default-policy.json is not the default dump")
	}
}

func TestModels(t *testing.T) {
	for name, want := range map[string]Model{"guide": ModelGuide, "ecap-1": ModelECAP1} {
		m, err := ParseModel(name)
		if err != nil || m != want || m.String() != name {
			t.Errorf("ParseModel(%q) = %v, %v", name, m, err)
		}
	}
	if s := Model(99).String(); s != "Model(99)" {
		t.Errorf("Model(99).String() = %q", s)
	}
	var m Model
	if err := m.UnmarshalText([]byte("guide")); err != nil || m != ModelGuide {
		t.Errorf("UnmarshalText: %v %v", m, err)
	}
	if _, err := Model(99).MarshalText(); !errors.Is(err, ErrUnknownEnum) {
		t.Errorf("MarshalText(99): %v", err)
	}
}
