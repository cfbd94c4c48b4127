// SPDX-License-Identifier: MIT

package ecaptune_test

import (
	"errors"
	"fmt"
	"log"

	ecaptune "github.com/ecap/libecaptune/bindings/go"
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
