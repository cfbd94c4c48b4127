// SPDX-License-Identifier: MIT

package ecaptune

import (
	"math"
	"testing"
)

// guide_100gb_differs_from_its_comment, from tests/test-executor.c.
func TestExecutorGuide100GB(t *testing.T) {
	p := guidePolicy(t)
	// The guide's comment says "100GB daily: 34 executors, 6GB each,
	// ~$6.80/hour".  Its formula gives: required 100*3 = 300 GB; target
	// 8*0.25 = 2 h; required_executors max(2, int(100/(10*2))) = 5;
	// memory min(8, max(4, 300/5 = 60)) = 8; final int(300/8 = 37.5) =
	// 37; total 37*8 = 296 GB (< 300); cost 37*0.20 = 7.40.
	a, err := p.AdviseExecutor(ExecutorInput{DailyDataGB: 100})
	if err != nil {
		t.Fatal(err)
	}
	if a.Model != ModelGuide || a.ExecutorCount != 37 || a.ExecutorHeapGB != 8 || a.ExecutorHeapBytes != 8*uint64(GiB) ||
		a.ExecutorCoreCount != 2 || !near(a.RequiredMemoryGB, 300) || !near(a.TotalMemoryGB, 296) ||
		!near(a.MemoryShortfallGB, 4) || !near(a.CostUSDPerHour, 37*0.20) ||
		!near(a.WindowCostUSD, 37*0.20*8) || a.Reason != ExecutorReasonGuideMemoryShort {
		t.Errorf("%+v", a)
	}
	// The guide does not cap; its YAML: min 2, initial 4, max 20;
	// 100 GB / (37 executors * 10 GB/h) = 0.27027 h <= 8 h
	if a.CappedByMaxExecutors || a.DynamicMinExecutorCount != 2 || a.DynamicInitialExecutorCount != 4 ||
		a.DynamicMaxExecutorCount != 20 || !near(a.ProjectedHours, 100.0/370.0) || !a.WindowMet {
		t.Errorf("%+v", a)
	}
	// 1 GB: 3 GB needed; min(8, max(4, 1.5)) = 4; int(3/4 = 0.75) = 0
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 1})
	if a.ExecutorCount != 0 || a.Reason != ExecutorReasonGuideNoExecutors || a.WindowMet {
		t.Errorf("1 GB: %+v", a)
	}
	// Threshold 4/3 GB: 1.33*3 = 3.99 -> 0; 1.34*3 = 4.02 -> int(1.005) = 1
	if a, _ := p.AdviseExecutor(ExecutorInput{DailyDataGB: 1.33}); a.ExecutorCount != 0 {
		t.Errorf("1.33 GB: %d", a.ExecutorCount)
	}
	if a, _ := p.AdviseExecutor(ExecutorInput{DailyDataGB: 1.34}); a.ExecutorCount != 1 {
		t.Errorf("1.34 GB: %d", a.ExecutorCount)
	}
	// 3 GB: 9/2 = 4.5 GB (4608 MiB), int(9/4.5) = 2; overhead
	// max(int(0.1 * 4608 = 460.8), 384) = 460 MiB
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 3})
	if a.ExecutorCount != 2 || a.ExecutorHeapGB != 4.5 || a.ExecutorHeapBytes != 4608*uint64(MiB) ||
		a.ExecutorOverheadBytes != 460*uint64(MiB) || a.ExecutorContainerBytes != 5068*uint64(MiB) {
		t.Errorf("3 GB: %+v", a)
	}
}

// ecap1_100gb_capped_by_default_max and ecap1_100gb_uncapped_memory_rule.
func TestExecutorECAP1(t *testing.T) {
	p := newPolicy(t)
	// 300 GB needed; heap clamped to 8 GiB; memory ceil(300/8 = 37.5) =
	// 38 > max 20: capped at 20 executors; the heap rises to
	// ceil(300/20) = 15 GiB (<= executor.capped_memory_max_gb 64): 300
	// GB, no shortfall; 100 / (20*10) = 0.5 h; 20 * $0.20 = $4.00/h;
	// * 8 h = $32
	a, err := p.AdviseExecutor(ExecutorInput{DailyDataGB: 100})
	if err != nil {
		t.Fatal(err)
	}
	if a.Model != ModelECAP1 || a.ExecutorCount != 20 || !a.CappedByMaxExecutors || a.Reason != ExecutorReasonCapped ||
		a.ExecutorHeapBytes != 15*1024*uint64(MiB) ||
		!near(a.TotalMemoryGB, 300) || !near(a.MemoryShortfallGB, 0) || !near(a.ProjectedHours, 0.5) ||
		!near(a.CostUSDPerHour, 4) || !near(a.WindowCostUSD, 32) || !near(a.ProjectedCostUSD, 2) {
		t.Errorf("%+v", a)
	}
	// YARN overhead max(int(0.1 * 15360), 384) = 1536 MiB, container
	// 16896 MiB; regions of 15 GiB: usable 16106127360 - 314572800 =
	// 15791554560, unified int(0.6 *) = 9474932736, storage half
	// 4737466368, user usable - unified = 6316621824
	if a.ExecutorOverheadBytes != 1536*uint64(MiB) || a.ExecutorContainerBytes != 16896*uint64(MiB) ||
		a.MemoryUnifiedBytes != 9474932736 || a.MemoryStorageBytes != 4737466368 || a.MemoryUserBytes != 6316621824 {
		t.Errorf("%+v", a)
	}
	// Max 3, 64 GB a day: 192 GB / 3 = 64 GiB, exactly the capped
	// ceiling: reachable; 64.5 GB: 193.5 / 3 -> 65 GiB > 64: the heap
	// stops at 64 GiB, 192 GB, short 1.5 GB
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 64, MaxExecutorCount: 3})
	if a.Reason != ExecutorReasonCapped || a.ExecutorHeapBytes != 64*1024*uint64(MiB) || !near(a.MemoryShortfallGB, 0) {
		t.Errorf("64 GB: %+v", a)
	}
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 64.5, MaxExecutorCount: 3})
	if a.Reason != ExecutorReasonCappedMemoryUnreachable || a.ExecutorHeapBytes != 64*1024*uint64(MiB) ||
		!near(a.MemoryShortfallGB, 1.5) || a.Reason.String() != "capped-memory-unreachable" {
		t.Errorf("64.5 GB: %+v", a)
	}
	// Max 100: 38 executors of 8 GiB = 304 GB >= 300; exactly at the cap
	// (38) is not capped; one below (37) is
	for _, c := range []struct {
		max, want int64
		capped    bool
	}{{100, 38, false}, {38, 38, false}, {37, 37, true}} {
		a, _ := p.AdviseExecutor(ExecutorInput{DailyDataGB: 100, MaxExecutorCount: c.max})
		if a.ExecutorCount != c.want || a.CappedByMaxExecutors != c.capped {
			t.Errorf("max %d: %d capped %v", c.max, a.ExecutorCount, a.CappedByMaxExecutors)
		}
	}
	// EMR: int(0.1875 * 8192) = 1536 MiB; Kubernetes non-JVM: int(0.4 *
	// 8192 = 3276.8) = 3276 MiB
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 100, MaxExecutorCount: 100, Platform: PlatformEMR})
	if a.OverheadFactor != 0.1875 || a.ExecutorOverheadBytes != 1536*uint64(MiB) {
		t.Errorf("EMR: %+v", a)
	}
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 100, MaxExecutorCount: 100, Platform: PlatformKubernetesNonJVM})
	if a.ExecutorOverheadBytes != 3276*uint64(MiB) {
		t.Errorf("k8s non-JVM: %+v", a)
	}
	// EMR m5.2xlarge: 38 containers of 9728 MiB; 3 cores, 24576 / 9728 =
	// 2 per node; ceil(38 / 2) = 19 nodes, 19 * 0.48 = $9.12/h
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 100, MaxExecutorCount: 100, Platform: PlatformEMR,
		NodeVCPUCount: 8, NodeMemoryGB: 32, NodeYARNMemoryGB: 24, NodePriceUSDPerHour: 0.48})
	if a.ExecutorsPerNodeCount != 2 || a.NodeCount != 19 || !near(a.CostUSDPerHour, 19*0.48) {
		t.Errorf("nodes: %+v", a)
	}
}

// memory_regions_8gib and memory_regions_limits.
func TestSparkMemoryRegions(t *testing.T) {
	p := newPolicy(t)
	// usable 8589934592 - 314572800 = 8275361792; unified
	// (long)(8275361792 * 0.6) = 4965217075; storage (long)(* 0.5) =
	// 2482608537; execution 2482608538; user 3310144717
	r, err := p.SparkMemoryRegions(8 * uint64(GiB))
	if err != nil {
		t.Fatal(err)
	}
	want := SparkMemoryRegions{8 * uint64(GiB), 300 * uint64(MiB), 8275361792, 4965217075, 2482608537,
		2482608538, 3310144717, 0.6, 0.5}
	if r != want {
		t.Errorf("%+v", r)
	}
	// minSystemMemory = ceil(300 MiB * 1.5) = 471859200: accepted; one
	// byte less is not; 1 TiB accepted, one byte more is not
	if _, err := p.SparkMemoryRegions(471859200); err != nil {
		t.Error(err)
	}
	_, err = p.SparkMemoryRegions(471859199)
	wantErr(t, "below minimum", err, ErrRange, "heap_bytes")
	_, err = p.SparkMemoryRegions(1<<40 + 1)
	wantErr(t, "above 1 TiB", err, ErrRange, "heap_bytes")
}

// spark_properties and spark_properties_errors.
func TestExecutorSparkProperties(t *testing.T) {
	p := newPolicy(t)
	a, err := p.AdviseExecutor(ExecutorInput{DailyDataGB: 100}) // ecap-1, capped: 20 x 15 GiB, int(0.1 * 15360) = 1536 MiB
	if err != nil {
		t.Fatal(err)
	}
	props, err := a.SparkProperties()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, pr := range props {
		got[pr.Key] = pr.Value
	}
	want := map[string]string{
		"spark.executor.instances":                        "20",
		"spark.executor.memory":                           "15g",
		"spark.executor.cores":                            "2",
		"spark.executor.memoryOverhead":                   "1536m",
		"spark.memory.fraction":                           "0.6",
		"spark.dynamicAllocation.maxExecutors":            "20",
		"spark.dynamicAllocation.shuffleTracking.enabled": "true",
		"spark.serializer":                                "org.apache.spark.serializer.KryoSerializer",
	}
	if len(props) != 15 {
		t.Errorf("%d properties", len(props))
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q; want %q", k, got[k], v)
		}
	}
	// too small an array: the library's ECAP_ERR_NOSPACE and the count
	// it needs (callProps retries, so this goes around it)
	need, err := executorPropsWithCapacity(a, 3)
	wantErr(t, "3 properties", err, ErrNoSpace, "count")
	if need != 15 {
		t.Errorf("needs %d", need)
	}
	// A zeroed output is not an advice.
	_, err = ExecutorAdvice{}.SparkProperties()
	wantErr(t, "zero advice", err, ErrUnknownEnum, "model")
}

// platform_names and bad_input.
func TestExecutorBadInput(t *testing.T) {
	names := []string{"default", "yarn", "emr", "kubernetes", "kubernetes-non-jvm"}
	for i, n := range names {
		if SparkPlatform(i).String() != n {
			t.Errorf("%d: %v", i, SparkPlatform(i))
		}
		if v, err := ParseSparkPlatform(n); err != nil || v != SparkPlatform(i) {
			t.Error(n, v, err)
		}
	}
	_, err := ParseSparkPlatform("EMR")
	wantErr(t, "EMR", err, ErrUnknownEnum, "platform")
	if ExecutorReasonCapped.String() != "capped" {
		t.Error(ExecutorReasonCapped)
	}

	p := newPolicy(t)
	cases := []struct {
		in    ExecutorInput
		code  Code
		field string
	}{
		{ExecutorInput{DailyDataGB: math.NaN()}, ErrInvalid, "daily_data_gb"},
		{ExecutorInput{DailyDataGB: math.Inf(1)}, ErrInvalid, "daily_data_gb"},
		{ExecutorInput{DailyDataGB: -1}, ErrRange, "daily_data_gb"},
		{ExecutorInput{DailyDataGB: 0}, ErrRange, "daily_data_gb"},
		{ExecutorInput{DailyDataGB: 2e9}, ErrRange, "daily_data_gb"},
		{ExecutorInput{DailyDataGB: 100, ProcessingWindowHours: 8761}, ErrRange, "processing_window_hours"},
		{ExecutorInput{DailyDataGB: 100, MaxExecutorCount: 1}, ErrRange, "max_executor_count"},
		{ExecutorInput{DailyDataGB: 100, Platform: 5}, ErrUnknownEnum, "platform"},
		{ExecutorInput{DailyDataGB: 100, Platform: -1}, ErrUnknownEnum, "platform"},
		{ExecutorInput{DailyDataGB: 100, NodeVCPUCount: 8}, ErrRange, "node_memory_gb"},
		{ExecutorInput{DailyDataGB: 100, NodeMemoryGB: 32}, ErrInvalid, "node_vcpu_count"},
		// 2 vCPU - 1 reserved = 1 core < 2 per executor
		{ExecutorInput{DailyDataGB: 100, MaxExecutorCount: 100, NodeVCPUCount: 2, NodeMemoryGB: 64}, ErrRange, "node_vcpu_count"},
	}
	for _, c := range cases {
		_, err := p.AdviseExecutor(c.in)
		wantErr(t, c.field, err, c.code, c.field)
	}
}
