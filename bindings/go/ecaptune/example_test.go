// SPDX-License-Identifier: MIT

package ecaptune_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/ecap/libecaptune/bindings/go/ecaptune"
)

func Example() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	if err := p.LoadJSON([]byte(`{"partition.target_size_mb": 256, "model": "guide"}`)); err != nil {
		log.Fatal(err)
	}
	size, _ := p.Float64("partition.target_size_mb")
	fmt.Println(p.Model(), size)
	// Output: guide 256
}

func ExamplePolicy_SetFloat64() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	err = p.SetFloat64("partition.target_size_mb", 0)
	var e *ecaptune.Error
	if errors.Is(err, ecaptune.ErrRange) && errors.As(err, &e) {
		fmt.Println("rejected:", e.Field)
	}
	// Output: rejected: partition.target_size_mb
}

func ExamplePolicy_Get() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	for _, key := range []string{"executor.cores", "join.prefer_sort_merge", "kafka.instance_type"} {
		v, err := p.Get(key)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s = %v (%T)\n", key, v, v)
	}
	// Output:
	// executor.cores = 2 (int64)
	// join.prefer_sort_merge = true (bool)
	// kafka.instance_type = kafka.m5.large (string)
}

func ExamplePolicy_LoadJSON_error() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	err = p.LoadJSON([]byte("{\n  \"kafka.retention\": 1\n}"))
	var e *ecaptune.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code == ecaptune.ErrUnknownKey, e.Field, e.Line)
	}
	// Output: true kafka.retention 2
}

func ExamplePolicy_Scenarios() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	scenarios, err := p.Scenarios()
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range scenarios {
		fmt.Printf("%s: %.0f%% a year, peak x%.1f\n", s.Name, s.YearlyGrowthRatio*100, s.SeasonalPeakFactor)
	}
	// Output:
	// conservative: 50% a year, peak x2.0
	// aggressive: 100% a year, peak x3.0
	// enterprise: 25% a year, peak x1.5
}

func ExampleKeys() {
	k, err := ecaptune.FindKey("kafka.retention_hours")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(k.Type, k.Unit, k.Default())
	// Output: double hours 168
}

func ExamplePolicy_AdvisePartitions() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	// 200 MB on 10 partitions: ecap-1 asks for ceil(200 / 128) = 2.
	a, err := p.AdvisePartitions(ecaptune.PartitionInput{DataSizeBytes: 200 << 20, CurrentPartitionCount: 10})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s(%d)\n", a.Action, a.PartitionCount)
	props, err := p.PartitionSparkProperties(a)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(props[0].Key, "=", props[0].Value)
	// Output:
	// coalesce(2)
	// spark.sql.shuffle.partitions = 2
}

func ExamplePolicy_PartitionAQE() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	const mib = 1 << 20
	r, err := p.PartitionAQE(ecaptune.PartitionAQEInput{
		PartitionSizesBytes:      []int64{10 * mib, 10 * mib, 10 * mib, 10 * mib, 300 * mib},
		ParallelismFirstDisabled: true,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.SkewedPartitionCount, r.SplitCounts)
	// Output: 1 [1 1 1 1 5]
}

func ExamplePolicy_AdviseJoin() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	// A 50 MB side is exactly at spark.sql.autoBroadcastJoinThreshold.
	a, err := p.AdviseJoin(ecaptune.JoinInput{LeftSizeBytes: 1 << 40, RightSizeBytes: 52428800})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Strategy, a.BuildSide)
	// Output: BroadcastHashJoin right
}

func ExamplePolicy_AdviseCache() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	a, err := p.AdviseCache(ecaptune.CacheInput{
		DeserializedSizeBytes: 3 << 30,
		SerializedSizeBytes:   1 << 30,
		PartitionCount:        100,
		ReuseCount:            3,
		StorageMemoryBytes:    4 << 30,
		API:                   ecaptune.SparkAPIRDD,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Level, a.Reason)
	// Output: MEMORY_ONLY fits-deserialized
}

func ExampleStorageLevel_Flags() {
	f, err := ecaptune.StorageMemoryAndDisk.Flags(ecaptune.SparkAPIPySparkDataFrame)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.UseDisk, f.UseMemory, f.Deserialized)
	_, err = ecaptune.StorageMemoryOnlySer.Flags(ecaptune.SparkAPIPySparkDataFrame)
	fmt.Println(errors.Is(err, ecaptune.ErrNotFound))
	// Output:
	// true true false
	// true
}

func ExamplePolicy_AdviseExecutor() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()
	if err := p.SetModel(ecaptune.ModelGuide); err != nil {
		log.Fatal(err)
	}

	a, err := p.AdviseExecutor(ecaptune.ExecutorInput{DailyDataGB: 100})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d executors of %g GB, $%.2f/hour (%s)\n", a.ExecutorCount, a.ExecutorHeapGB, a.CostUSDPerHour, a.Reason)
	props, err := a.SparkProperties()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(props[0].Key, "=", props[0].Value)
	// Output:
	// 37 executors of 8 GB, $7.40/hour (guide-memory-short)
	// spark.executor.instances = 37
}

func ExamplePolicy_AdviseDatabase() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	a, err := p.AdviseDatabaseShape(ecaptune.DatabaseShape{MemoryGB: 16, VCPUCount: 4,
		Workload: ecaptune.WorkloadWeb, StorageType: ecaptune.StorageSSD})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Reason)
	props, err := a.Properties()
	if err != nil {
		log.Fatal(err)
	}
	for _, pr := range props[:3] {
		fmt.Println(pr.Key, "=", pr.Value)
	}
	// Output:
	// shape-given
	// max_connections = 200
	// shared_buffers = 4GB
	// effective_cache_size = 12GB
}

func ExamplePolicy_AdviseKafka() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()
	if err := p.SetModel(ecaptune.ModelGuide); err != nil {
		log.Fatal(err)
	}

	a, err := p.AdviseKafka(ecaptune.KafkaInput{EventsPerSecond: 1000})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d partitions, %d brokers, $%.2f/month\n", a.PartitionsCount, a.BrokersCount, a.CostUSDPerMonth)
	// Output: 3796 partitions, 379 brokers, $52392.96/month
}

func ExamplePolicy_Project() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()
	if err := p.SetModel(ecaptune.ModelGuide); err != nil {
		log.Fatal(err)
	}

	years, err := p.Project(ecaptune.ProjectionInput{CurrentDailyTransactions: 100000, Years: 3, Scenario: "conservative"})
	if err != nil {
		log.Fatal(err)
	}
	for _, y := range years {
		fmt.Printf("year %d: %.0f peak/day, $%.2f/month\n", y.Year, y.PeakDailyTransactions, y.TotalCostUSDPerMonth)
	}
	// Output:
	// year 1: 300000 peak/day, $1962.24/month
	// year 2: 450000 peak/day, $1962.24/month
	// year 3: 675000 peak/day, $1962.24/month
}

func ExamplePolicy_ProjectMonteCarlo() {
	p, err := ecaptune.NewPolicy()
	if err != nil {
		log.Fatal(err)
	}
	defer p.Close()

	in := ecaptune.MonteCarloInput{CurrentDailyTransactions: 1e6, Years: 2, Seed: 42, PathsCount: 200}
	a, err := p.ProjectMonteCarlo(in)
	if err != nil {
		log.Fatal(err)
	}
	b, err := p.ProjectMonteCarlo(in)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(a), a[1] == b[1], a[1].TotalCostUSDPerMonth.P50 <= a[1].TotalCostUSDPerMonth.P99)
	// Output: 2 true true
}
