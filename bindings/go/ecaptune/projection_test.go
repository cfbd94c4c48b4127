// SPDX-License-Identifier: MIT

package ecaptune

import (
	"bytes"
	"math"
	"reflect"
	"testing"
)

// guide_conservative, from tests/test-projection.c.
func TestProjectionGuideConservative(t *testing.T) {
	p := guidePolicy(t)
	years, err := p.Project(ProjectionInput{CurrentDailyTransactions: 100000, Years: 3, Scenario: "conservative"})
	if err != nil {
		t.Fatal(err)
	}
	if len(years) != 3 {
		t.Fatalf("%d years", len(years))
	}
	y := years[0]
	// guide: base = 100000 * 1.5 ** 1 = 150000, peak = * 2.0 = 300000
	if y.Year != 1 || y.Model != ModelGuide || y.BaseDailyTransactions != 150000 || y.PeakDailyTransactions != 300000 {
		t.Errorf("%+v", y)
	}
	// Spark: 300000 / 100000 = 3 GB; 2 executors of 4.5 GB, 0.40 USD/h;
	// the 8-hour window every day: 0.40 * 8 * 720 / 24 = 96
	if !near(y.SparkDailyDataGB, 3) || y.SparkExecutorsCount != 2 || y.SparkExecutorMemoryGB != 4.5 ||
		!near(y.SparkCostUSDPerHour, 0.4) || !near(y.SparkCostUSDPerMonth, 96) {
		t.Errorf("spark: %+v", y)
	}
	// database: 300000 * 2 * 1.3 / 2^20 * 365 * 2 * 0.25 = 135.755 GB > 64
	// -> db.r6g.4xlarge at 2.016 * 720 = 1451.52
	if !near(y.DatabaseMemoryRequiredGB, 300000*2*1.3/1024/1024*365*2*0.25) || y.DatabaseInstanceClass != "db.r6g.4xlarge" ||
		y.DatabaseFits || !near(y.DatabaseCostUSDPerMonth, 1451.52) {
		t.Errorf("database: %+v", y)
	}
	// Kafka: 300000 / 86400 events/s; max(12, int(13.18)) = 13
	// partitions; 3 brokers at 414.72; total 96 + 1451.52 + 414.72
	if !near(y.KafkaEventsPerSecond, 300000.0/86400.0) || y.KafkaPartitionsCount != 13 || y.KafkaBrokersCount != 3 ||
		!near(y.KafkaCostUSDPerMonth, 414.72) || !near(y.TotalCostUSDPerMonth, 1962.24) {
		t.Errorf("kafka: %+v", y)
	}
	// year 3: 100000 * 1.5 ** 3 = 337500, peak 675000
	if years[2].Year != 3 || years[2].BaseDailyTransactions != 337500 || years[2].PeakDailyTransactions != 675000 {
		t.Errorf("year 3: %+v", years[2])
	}

	js, err := ProjectionJSON(years[:2])
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"model": "guide"`, `"year": 2`, `"peak_daily_transactions": 300000`,
		`"database_instance_class": "db.r6g.4xlarge"`} {
		if !bytes.Contains(js, []byte(s)) {
			t.Errorf("JSON lacks %s: %s", s, js)
		}
	}
	_, err = ProjectionJSON(nil)
	wantErr(t, "no years", err, ErrRange, "count")
	_, err = ProjectionJSON([]ProjectionYear{{}})
	wantErr(t, "zero year", err, ErrUnknownEnum, "model")
}

// bad_input.
func TestProjectionBadInput(t *testing.T) {
	p := newPolicy(t)
	for _, c := range []struct {
		in    ProjectionInput
		code  Code
		field string
	}{
		{ProjectionInput{CurrentDailyTransactions: 1000, Years: 0}, ErrRange, "years"},
		{ProjectionInput{CurrentDailyTransactions: 1000, Years: 51}, ErrRange, "years"},
		{ProjectionInput{CurrentDailyTransactions: -1, Years: 3}, ErrRange, "current_daily_transactions"},
		{ProjectionInput{CurrentDailyTransactions: math.NaN(), Years: 3}, ErrInvalid, "current_daily_transactions"},
		{ProjectionInput{CurrentDailyTransactions: 1000, Years: 3, Scenario: "hyper"}, ErrNotFound, "scenario"},
		// 1e6 a day growing 100 % a year overflows 1e12 before year 50
		{ProjectionInput{CurrentDailyTransactions: 1e6, Years: 50, Scenario: "aggressive"}, ErrRange, "years"},
	} {
		_, err := p.Project(c.in)
		wantErr(t, c.field, err, c.code, c.field)
	}
	// too small an array: the library's NOSPACE
	_, err := p.projectWithCapacity(ProjectionInput{CurrentDailyTransactions: 1000, Years: 3}, 2)
	wantErr(t, "capacity 2", err, ErrNoSpace, "count")
	_, err = p.ProjectMonteCarlo(MonteCarloInput{CurrentDailyTransactions: 1000, Years: 2, PathsCount: 1000001})
	wantErr(t, "paths", err, ErrRange, "paths_count")
	_, err = p.ProjectMonteCarlo(MonteCarloInput{CurrentDailyTransactions: 1000, Years: 2, PathsCount: 10, Scenario: "nope"})
	wantErr(t, "scenario", err, ErrNotFound, "scenario")
}

func addNoisyScenario(t *testing.T, p *Policy) {
	t.Helper()
	err := p.SetScenario(Scenario{Name: "noisy", YearlyGrowthRatio: 0.3, SeasonalPeakFactor: 2,
		YearlyGrowthSDRatio: 0.2, SeasonalPeakSDFactor: 0.5})
	if err != nil {
		t.Fatal(err)
	}
}

// builtin_spreads_ordered_and_reproducible and golden
// (tests/test-projection-mc.c).
func TestMonteCarlo(t *testing.T) {
	p := newPolicy(t)
	// the built-in scenarios carry spreads: the bands differ by default
	in := MonteCarloInput{CurrentDailyTransactions: 1e6, Years: 5, Scenario: "aggressive", Seed: 12345, PathsCount: 2000}
	first, err := p.ProjectMonteCarlo(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range first {
		for _, b := range []ProjectionBand{y.SparkNodeCount, y.DatabaseMemoryRequiredGB, y.KafkaBrokersCount,
			y.SparkCostUSDPerMonth, y.DatabaseCostUSDPerMonth, y.KafkaCostUSDPerMonth, y.TotalCostUSDPerMonth} {
			if !(b.P10 <= b.P50 && b.P50 <= b.P90 && b.P90 <= b.P99) {
				t.Errorf("year %d: not ordered: %+v", y.Year, b)
			}
		}
		if !(y.BaseDailyTransactions.P10 < y.BaseDailyTransactions.P99) {
			t.Errorf("year %d: no spread: %+v", y.Year, y.BaseDailyTransactions)
		}
	}
	if !(first[4].TotalCostUSDPerMonth.P50 < first[4].TotalCostUSDPerMonth.P99) {
		t.Errorf("year 5 cost has no spread: %+v", first[4].TotalCostUSDPerMonth)
	}
	// the same seed gives identical results; another seed does not
	again, _ := p.ProjectMonteCarlo(in)
	if !reflect.DeepEqual(first, again) {
		t.Error("same seed, different result")
	}
	in.Seed++
	other, _ := p.ProjectMonteCarlo(in)
	if reflect.DeepEqual(first, other) {
		t.Error("another seed, same result")
	}
	// Golden numbers from an independent Python implementation of the
	// generator and the guide's database memory of the peak: 1e6
	// transactions, growth 0.3 +- 0.2, peak 2 +- 0.5, seed 42, 101 paths,
	// 2 years.
	g := guidePolicy(t)
	addNoisyScenario(t, g)
	golden, err := g.ProjectMonteCarlo(MonteCarloInput{CurrentDailyTransactions: 1e6, Years: 2, Scenario: "noisy", Seed: 42, PathsCount: 101})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range [][3]float64{
		{1164.8474102112207, 1571.9808427305327, 1936.5222626965767},
		{1359.2507414862064, 2134.1368069298496, 3081.628083237648},
	} {
		b := golden[i].DatabaseMemoryRequiredGB
		if b.P50 != want[0] || b.P90 != want[1] || b.P99 != want[2] {
			t.Errorf("year %d: %+v", i+1, b)
		}
	}
	js, err := MonteCarloJSON(golden)
	if err != nil || !bytes.Contains(js, []byte(`"total_cost_usd_per_month": {`)) ||
		!bytes.Contains(js, []byte(`"p10": `)) {
		t.Errorf("%s %v", js, err)
	}
}

// zero_spread_equals_projection_and_advisors, in part.
func TestMonteCarloWithoutSpread(t *testing.T) {
	p := newPolicy(t)
	if err := p.SetScenario(Scenario{Name: "flat", YearlyGrowthRatio: 1, SeasonalPeakFactor: 3}); err != nil {
		t.Fatal(err)
	}
	years, err := p.Project(ProjectionInput{CurrentDailyTransactions: 250000, Years: 5, Scenario: "flat"})
	if err != nil {
		t.Fatal(err)
	}
	mc, err := p.ProjectMonteCarlo(MonteCarloInput{CurrentDailyTransactions: 250000, Years: 5, Scenario: "flat", Seed: 1, PathsCount: 50})
	if err != nil {
		t.Fatal(err)
	}
	for i, y := range years {
		m := mc[i]
		for _, c := range []struct {
			b ProjectionBand
			v float64
		}{
			{m.SparkNodeCount, float64(y.SparkNodeCount)},
			{m.DatabaseMemoryRequiredGB, y.DatabaseMemoryRequiredGB},
			{m.KafkaBrokersCount, float64(y.KafkaBrokersCount)},
			{m.TotalCostUSDPerMonth, y.TotalCostUSDPerMonth},
		} {
			if c.b.P10 != c.v || c.b.P50 != c.v || c.b.P99 != c.v {
				t.Errorf("year %d: %+v, want %v", y.Year, c.b, c.v)
			}
		}
	}
}

// ecap1_base_keeps_peak_computes and ecap1_flags (tests/test-projection.c).
func TestProjectionECAP1(t *testing.T) {
	p := newPolicy(t)
	years, err := p.Project(ProjectionInput{CurrentDailyTransactions: 100000, Years: 1})
	if err != nil {
		t.Fatal(err)
	}
	y := years[0]
	// Kafka's average is the base's (150000 / 86400), its busiest hour
	// the peak's (300000 / 86400 * 2); 3 x kafka.m7g.large:
	// 3 * 0.204 * 720 = 440.64 and 3 x 2 GB * 0.10 = 0.60
	if !near(y.KafkaEventsPerSecond, 150000.0/86400.0) || !near(y.KafkaPeakEventsPerSecond, 300000.0/86400.0*2) ||
		y.KafkaBrokerType != "kafka.m7g.large" || !near(y.KafkaBrokerCostUSDPerMonth, 440.64) ||
		!near(y.KafkaStorageCostUSDPerMonth, 0.60) {
		t.Errorf("kafka: %+v", y)
	}
	if !near(y.TotalCostUSDPerMonth, y.SparkCostUSDPerMonth+y.DatabaseCostUSDPerMonth+y.KafkaCostUSDPerMonth) ||
		y.Currency != "USD" || y.PriceDate != "2026-11-27" || y.ReviewArchitecture {
		t.Errorf("%+v", y)
	}
	// aggressive from 1e7: year 4's base is 16x today's
	years, err = p.Project(ProjectionInput{CurrentDailyTransactions: 1e7, Years: 4, Scenario: "aggressive"})
	if err != nil {
		t.Fatal(err)
	}
	if years[2].ReviewArchitecture || !years[3].ReviewArchitecture || !years[2].SparkExecutorsOverPolicy ||
		years[2].SparkNodeType == "" {
		t.Errorf("flags: %+v", years[2:])
	}
}

// year_one_is_today_grown, from tests/test-projection-today.c: the
// review's workload (1.5M transactions, 2048 GB of Spark data on
// Kubernetes, 20,000 Kafka events/s); year 1 (conservative: base x1.5,
// peak x3) is the executor advice for 2048 * 3 = 6144 GB and the Kafka
// advice for 20000 * 1.5 = 30000 events/s, 20000 * 3 * 2 = 120000 at the
// busiest hour; the guide ignores today's workload.
func TestProjectionToday(t *testing.T) {
	p := newPolicy(t)
	today := ProjectionToday{SparkDailyDataGB: 2048, SparkPlatform: PlatformKubernetes, KafkaEventsPerSecond: 20000}
	years, err := p.Project(ProjectionInput{CurrentDailyTransactions: 1.5e6, Years: 1, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	y := years[0]
	spark, err := p.AdviseExecutor(ExecutorInput{DailyDataGB: 6144, Platform: PlatformKubernetes})
	if err != nil {
		t.Fatal(err)
	}
	if !near(y.SparkDailyDataGB, 6144) || y.SparkNodeType != "m6g.16xlarge" || y.SparkNodeCount != 10 ||
		y.SparkNodeCount != spark.NodeCount || y.SparkPeakCostUSDPerMonth != spark.CostUSDPerMonth {
		t.Errorf("spark: %+v against %+v", y, spark)
	}
	// The month is paid for base days: the advice for 2048 x 1.5 = 3072 GB.
	base, err := p.AdviseExecutor(ExecutorInput{DailyDataGB: 3072, Platform: PlatformKubernetes})
	if err != nil {
		t.Fatal(err)
	}
	if y.SparkCostUSDPerMonth != base.CostUSDPerMonth || y.SparkExecutorsCapped {
		t.Errorf("spark base month: %v, want %v", y.SparkCostUSDPerMonth, base.CostUSDPerMonth)
	}
	kafka, err := p.AdviseKafka(KafkaInput{EventsPerSecond: 30000, PeakEventsPerSecond: 120000})
	if err != nil {
		t.Fatal(err)
	}
	if !near(y.KafkaEventsPerSecond, 30000) || !near(y.KafkaPeakEventsPerSecond, 120000) ||
		y.KafkaBrokersCount != kafka.BrokersCount || y.KafkaCostUSDPerMonth != kafka.CostUSDPerMonth {
		t.Errorf("kafka: %+v against %+v", y, kafka)
	}
	mc, err := p.ProjectMonteCarlo(MonteCarloInput{CurrentDailyTransactions: 1.5e6, Years: 1, PathsCount: 50, Today: today})
	if err != nil || mc[0].SparkNodeCount.P10 < 1 {
		t.Errorf("Monte Carlo: %v %+v", err, mc)
	}
	_, err = p.Project(ProjectionInput{CurrentDailyTransactions: 1e6, Years: 1, Today: ProjectionToday{SparkNodeType: "m0.nano"}})
	wantErr(t, "unknown node", err, ErrNotFound, "spark_node_type")
	_, err = p.ProjectMonteCarlo(MonteCarloInput{CurrentDailyTransactions: 1e6, Years: 1, Today: ProjectionToday{KafkaEventsPerSecond: -1}})
	wantErr(t, "negative events", err, ErrRange, "kafka_events_per_second")
	g := guidePolicy(t)
	gy, err := g.Project(ProjectionInput{CurrentDailyTransactions: 1.5e6, Years: 1, Today: today})
	if err != nil || !near(gy[0].SparkDailyDataGB, 45) {
		t.Errorf("guide: %v %+v", err, gy)
	}
}

// database_retention_and_pools, from tests/test-projection-today.c:
// `ecaptune plan --retention-days 30 --app-instances 2`; year 1 keeps the
// base, 2.25M * 2 KB * 1.3 / 1024^2 = 5.579 GiB a day, 30 days with the
// analytics copy, + 20 %: ceil(401.68) = 402 GiB (the policy's 365 days:
// 4888); 2 pools need one vCPU, 40 pools (400 connections / 50) 8.  Each
// year is AdviseDatabase's answer for its base and peak.
func TestProjectionTodayDatabase(t *testing.T) {
	p := newPolicy(t)
	for _, c := range []struct{ pools, vcpus int64 }{{2, 1}, {40, 8}} {
		today := ProjectionToday{DatabaseRetentionDays: 30, DatabaseAppInstanceCount: c.pools}
		years, err := p.Project(ProjectionInput{CurrentDailyTransactions: 1.5e6, Years: 2, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if years[0].DatabaseStorageGB != 402 || years[0].DatabaseVCPURequiredCount != float64(c.vcpus) {
			t.Errorf("%d pools: year 1 %+v", c.pools, years[0])
		}
		for _, y := range years {
			db, err := p.AdviseDatabase(DatabaseInput{TransactionsPerDay: y.BaseDailyTransactions,
				PeakTransactionsPerDay: y.PeakDailyTransactions, RetentionDays: 30, AppInstanceCount: c.pools})
			if err != nil {
				t.Fatal(err)
			}
			if y.DatabaseInstanceClass != db.InstanceClass || y.DatabaseStorageGB != db.StorageGB ||
				y.DatabaseCostUSDPerMonth != db.CostUSDPerMonth {
				t.Errorf("year %d: %+v against %+v", y.Year, y, db)
			}
		}
		mc, err := p.ProjectMonteCarlo(MonteCarloInput{CurrentDailyTransactions: 1.5e6, Years: 1, PathsCount: 20, Today: today})
		if err != nil || mc[0].DatabaseStorageGB.P99 >= 1000 {
			t.Errorf("Monte Carlo keeps 30 days: %v %+v", err, mc)
		}
	}
	_, err := p.Project(ProjectionInput{CurrentDailyTransactions: 1e6, Years: 1, Today: ProjectionToday{DatabaseRetentionDays: 36501}})
	wantErr(t, "retention", err, ErrRange, "database_retention_days")
	_, err = p.ProjectMonteCarlo(MonteCarloInput{CurrentDailyTransactions: 1e6, Years: 1, Today: ProjectionToday{DatabaseAppInstanceCount: -1}})
	wantErr(t, "instances", err, ErrRange, "database_app_instance_count")
	g := guidePolicy(t)
	gy, err := g.Project(ProjectionInput{CurrentDailyTransactions: 1.5e6, Years: 1, Today: ProjectionToday{DatabaseRetentionDays: 30}})
	plain, err2 := g.Project(ProjectionInput{CurrentDailyTransactions: 1.5e6, Years: 1})
	if err != nil || err2 != nil || gy[0] != plain[0] {
		t.Errorf("guide keeps 365 days: %v %v %+v %+v", err, err2, gy, plain)
	}
}
