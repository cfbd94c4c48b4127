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
	why, err := a.Explain()
	if err != nil {
		t.Fatal(err)
	}
	// guide: 1e6 * 2 * 1.3 / 1024 / 1024 = 2.47955322265625 GB a day;
	// * 365 days * 2 (analytics) = 1810.0738525390625 GB; memory
	// max(16, 1810.07 * 0.25) = 452.518463134765625 GB > 64 ->
	// db.r6g.4xlarge, though it has 128 GB; storage int(1810.07 * 1.2) =
	// 2172; 2.016 * 24 * 30 = 1451.52
	if a.Model != ModelGuide || !near(a.DailyStorageGB, 2.47955322265625) || !near(a.DataStorageGB, 1810.0738525390625) ||
		!near(a.MemoryRequiredGB, 452.518463134765625) || a.InstanceClass != "db.r6g.4xlarge" ||
		a.Reason != DatabaseReasonGuideUndersized || a.Fits ||
		a.StorageGB != 2172 || !near(a.CostUSDPerMonth, 1451.52) || !strings.Contains(why, "above 64") {
		t.Errorf("guide: %+v %s", a, why)
	}
	// ecap-1: 1e6 * 2.6 / 2^20 * 7 hot days / 0.75 = 23.14 GB and 2
	// vCPUs (10 pools of 10 at 50 a vCPU); one primary, the cheapest
	// that fits; storage ceil(2172.0886) = 2173 GB priced twice
	// (Multi-AZ)
	if err := p.SetModel(ModelECAP1); err != nil {
		t.Fatal(err)
	}
	a, _ = p.AdviseDatabase(DatabaseInput{TransactionsPerDay: 1e6})
	e, err := p.CatalogFind(CatalogDatabase, a.InstanceClass)
	if err != nil {
		t.Fatal(err)
	}
	if a.Reason != DatabaseReasonCheapestFit || a.VCPURequiredCount != 2 || a.StorageGB != 2173 ||
		!near(a.MemoryRequiredGB, 1e6*2.6/1048576*7/0.75) || !a.MultiAZ || a.ReadReplicaCount != 0 ||
		!near(a.StorageCostUSDPerMonth, 2173*e.StorageUSDPerGBMonth*2) ||
		!near(a.InstanceCostUSDPerMonth, e.MultiAZPriceUSDPerHour*720) ||
		a.MaxConnectionsCount != 303 || a.Flags != 0 {
		t.Errorf("ecap-1: %+v", a)
	}
	// 100M a day: beyond one instance, flagged, storage priced
	a, _ = p.AdviseDatabase(DatabaseInput{TransactionsPerDay: 1e8})
	if a.Reason != DatabaseReasonBeyondOneInstance || a.Flags&FlagStorageLimit == 0 ||
		a.Flags&FlagPartitionAndArchive == 0 || a.StorageCostUSDPerMonth <= 0 {
		t.Errorf("beyond: %+v", a)
	}
}

// PGTune web, 16 GB, 4 CPUs (tests/test-pgtune.c).
// ecap1_peak_day: the kept volume sizes storage, the peak day's busiest
// hour vCPUs and IOPS (1e8 / 86400 * 2 = 2314.8 transactions/s: 12 vCPUs
// of 200, 9260 IOPS of 4 each).
func TestDatabasePeakDay(t *testing.T) {
	p := newPolicy(t)
	a, err := p.AdviseDatabase(DatabaseInput{TransactionsPerDay: 1e6, PeakTransactionsPerDay: 1e8})
	if err != nil {
		t.Fatal(err)
	}
	if a.StorageGB != 2173 || a.VCPURequiredCount != 12 || a.IOPSRequiredCount != 9260 {
		t.Errorf("%+v", a)
	}
	_, err = p.AdviseDatabase(DatabaseInput{TransactionsPerDay: 1e6, PeakTransactionsPerDay: -1})
	wantErr(t, "negative peak", err, ErrRange, "peak_transactions_per_day")
}

func TestDatabaseShapeAndRenderings(t *testing.T) {
	p := newPolicy(t)
	a, err := p.AdviseDatabaseShape(DatabaseShape{MemoryGB: 16, VCPUCount: 4, Workload: WorkloadWeb,
		StorageType: StorageSSD})
	if err != nil {
		t.Fatal(err)
	}
	// RAM/4, RAM*3/4, RAM/16 in kB; (16777216 - 4194304) / ((200 + 4) *
	// 3) = 20560.3 -> 20560 kB
	if a.Reason != DatabaseReasonShapeGiven || a.SharedBuffersKB != 4194304 || a.EffectiveCacheSizeKB != 12582912 ||
		a.MaintenanceWorkMemKB != 1048576 || a.WorkMemKB != 20560 || a.MaxConnectionsCount != 200 ||
		a.MinWALSizeMB != 1024 || a.MaxParallelWorkersPerGatherCount != 2 || !near(a.RandomPageCost, 1.1) ||
		a.HugePages != "try" || a.JIT != "off" || a.WALCompression != "lz4" {
		t.Errorf("%+v", a)
	}
	props, err := a.Properties()
	if err != nil {
		t.Fatal(err)
	}
	if len(props) != 19 || props[1] != (Property{"shared_buffers", "4GB"}) || props[9] != (Property{"work_mem", "20560kB"}) {
		t.Errorf("%v", props)
	}
	group, err := a.RDSParameters()
	if err != nil {
		t.Fatal(err)
	}
	// 4 GB in 8 kB pages = 524288
	if len(group) != 18 || group[1] != (RDSParameter{"shared_buffers", "{DBInstanceClassMemory/32768}", "524288", "8kB"}) {
		t.Errorf("%v", group)
	}
	if _, err := (DatabaseAdvice{}).Properties(); err == nil {
		t.Error("a zero advice rendered")
	}
	if _, err := (DatabaseAdvice{}).Explain(); err == nil {
		t.Error("a zero advice explained")
	}
}

func TestDatabaseNames(t *testing.T) {
	if DatabaseReasonCheapestFit.String() != "cheapest-fit" || WorkloadDW.String() != "dw" ||
		StorageNVMe.String() != "nvme" || FlagAnalyticsToLake.String() != "analytics-to-lake" {
		t.Error("names")
	}
	if r, err := ParseDatabaseReason("read-replicas"); err != nil || r != DatabaseReasonReadReplicas {
		t.Error(r, err)
	}
	if w, err := ParseDatabaseWorkload("oltp"); err != nil || w != WorkloadOLTP {
		t.Error(w, err)
	}
	if s, err := ParseDatabaseStorage("hdd"); err != nil || s != StorageHDD {
		t.Error(s, err)
	}
	for f := FlagPartitionAndArchive; f <= FlagReadsShort; f <<= 1 {
		if g, err := ParseDatabaseFlag(f.String()); err != nil || g != f {
			t.Error(f, g, err)
		}
	}
	if _, err := ParseDatabaseWorkload("batch"); err == nil {
		t.Error("batch parsed")
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
		{DatabaseInput{TransactionsPerDay: 1000, Workload: 9}, ErrUnknownEnum, "workload"},
		{DatabaseInput{TransactionsPerDay: 1000, PostgresVersion: 9}, ErrRange, "postgres_version"},
	} {
		_, err := p.AdviseDatabase(c.in)
		wantErr(t, c.field, err, c.code, c.field)
	}
	_, err := p.AdviseDatabaseShape(DatabaseShape{MemoryGB: 0, VCPUCount: 4})
	wantErr(t, "memory_gb", err, ErrRange, "memory_gb")
}

// ecap1_properties: more transactions never cost less.
func TestDatabaseMonotone(t *testing.T) {
	p := newPolicy(t)
	var prev DatabaseAdvice
	for tx := 1e4; tx <= 1e10; tx *= 1.3 {
		a, err := p.AdviseDatabase(DatabaseInput{TransactionsPerDay: tx})
		if err != nil {
			t.Fatal(err)
		}
		if a.CostUSDPerMonth < prev.CostUSDPerMonth || a.StorageGB < prev.StorageGB {
			t.Fatalf("%g a day: %+v after %+v", tx, a, prev)
		}
		prev = a
	}
}
