// SPDX-License-Identifier: MIT

package ecaptune

import (
	"math"
	"strings"
	"testing"
)

// guide_one_million_a_day and ecap1_one_million_a_day, from
// tests/test-database.c.
func TestDatabaseOneMillionADay(t *testing.T) {
	p := guidePolicy(t)
	a, err := p.AdviseDatabase(DatabaseInput{TransactionsPerDay: 1e6})
	if err != nil {
		t.Fatal(err)
	}
	// guide: 1e6 * 2 * 1.3 / 1024 / 1024 = 2.47955322265625 GB a day;
	// * 365 days * 2 (analytics) = 1810.0738525390625 GB; memory
	// max(16, 1810.07 * 0.25) = 452.518463134765625 GB > 64 ->
	// db.r6g.4xlarge, though it has 128 GB; ceil(452.5 / 128) = 4 would
	// hold it; storage int(1810.07 * 1.2) = 2172; 2.016 * 24 * 30 = 1451.52
	if a.Model != ModelGuide || !near(a.DailyStorageGB, 2.47955322265625) || !near(a.DataStorageGB, 1810.0738525390625) ||
		!near(a.MemoryRequiredGB, 452.518463134765625) || a.InstanceClass != "db.r6g.4xlarge" ||
		a.Reason != DatabaseReasonGuideUndersized || a.Fits || a.InstancesNeededCount != 4 ||
		a.StorageGB != 2172 || !near(a.CostUSDPerMonth, 1451.52) || !strings.Contains(a.ReasonText, "above 64") {
		t.Errorf("guide: %+v", a)
	}
	// ecap-1: no class holds 452.5 GB: the largest, 4 times; storage
	// rounded up, ceil(2172.0886) = 2173; 4 * 2.016 * 720 = 5806.08
	if err := p.SetModel(ModelECAP1); err != nil {
		t.Fatal(err)
	}
	a, _ = p.AdviseDatabase(DatabaseInput{TransactionsPerDay: 1e6})
	if a.Reason != DatabaseReasonNoneFits || a.InstancesNeededCount != 4 || a.StorageGB != 2173 ||
		!near(a.CostUSDPerMonth, 5806.08) || a.InstanceClass != "db.r6g.4xlarge" {
		t.Errorf("ecap-1: %+v", a)
	}
}

// parameter_group.
func TestDatabaseProperties(t *testing.T) {
	p := newPolicy(t)
	a, err := p.AdviseDatabase(DatabaseInput{TransactionsPerDay: 10000})
	if err != nil {
		t.Fatal(err)
	}
	// DATABASE_CONFIG: 10, 20, 30, 3600, pre-ping
	if a.SharedBuffersKB != 8388608 || a.WorkMemKB != 41120 || a.PoolSizeCount != 10 || !a.PoolPrePing ||
		a.PoolRecycleSeconds != 3600 {
		t.Errorf("%+v", a)
	}
	props, err := a.Properties()
	if err != nil {
		t.Fatal(err)
	}
	want := []Property{
		{"max_connections", "200"},
		{"shared_buffers", "8GB"}, // 32 GB / 4
		{"effective_cache_size", "24GB"},
		{"maintenance_work_mem", "256MB"},
		{"checkpoint_completion_target", "0.7"},
		{"wal_buffers", "16MB"},
		{"max_worker_processes", "4"}, // PGTune: 4 vCPUs >= 4
		{"work_mem", "41120kB"},       // (33554432 - 8388608) / ((200 + 4) * 3) = 41120.6
	}
	if len(props) != len(want) {
		t.Fatalf("%v", props)
	}
	for i := range want {
		if props[i] != want[i] {
			t.Errorf("%v; want %v", props[i], want[i])
		}
	}
	_, err = DatabaseAdvice{}.Properties()
	if err == nil {
		t.Error("a zero advice rendered")
	}
	if DatabaseReasonSmallestFit.String() != "smallest-fit" {
		t.Error(DatabaseReasonSmallestFit)
	}
}

// bad_input.
func TestDatabaseBadInput(t *testing.T) {
	p := newPolicy(t)
	for _, c := range []struct {
		in    DatabaseInput
		code  Code
		field string
	}{
		{DatabaseInput{TransactionsPerDay: math.NaN()}, ErrInvalid, "transactions_per_day"},
		{DatabaseInput{TransactionsPerDay: math.Inf(1)}, ErrInvalid, "transactions_per_day"},
		{DatabaseInput{TransactionsPerDay: -1}, ErrRange, "transactions_per_day"},
		{DatabaseInput{TransactionsPerDay: 2e12}, ErrRange, "transactions_per_day"},
		{DatabaseInput{TransactionsPerDay: 1000, RetentionDays: -1}, ErrRange, "retention_days"},
		{DatabaseInput{TransactionsPerDay: 1000, RetentionDays: 36501}, ErrRange, "retention_days"},
	} {
		_, err := p.AdviseDatabase(c.in)
		wantErr(t, c.field, err, c.code, c.field)
	}
}
