// SPDX-License-Identifier: MIT

package ecaptune

import (
	"math"
	"strings"
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

// cloudera_example, window_and_caps and eks_allocatable, from
// tests/test-executor-ecap1.c.
func TestExecutorECAP1(t *testing.T) {
	p := newPolicy(t)
	// Cloudera: 16 cores, 64 GB nodes, NodeManager 15 cores and 63 GB: 3
	// executors of 5 cores a node, one slot for the AM; 850 GB in 8 h
	// (target 2 h): ceil(850 / 10) = 85 cores = 17 executors on 6 nodes.
	// Heap 64512 / 3 = 21504 MiB / 1.07 = 20097 -> 19968 MiB ("19 GB").
	a, err := p.AdviseExecutor(ExecutorInput{DailyDataGB: 850, Platform: PlatformYARN, OverheadFactor: 0.07,
		NodeVCPUCount: 16, NodeMemoryGB: 64})
	if err != nil {
		t.Fatal(err)
	}
	if a.Model != ModelECAP1 || a.ExecutorCount != 17 || a.ExecutorCoreCount != 5 || a.ExecutorsPerNodeCount != 3 ||
		a.NodeCount != 6 || a.ExecutorHeapBytes != 19968*uint64(MiB) || a.Reason != ExecutorReasonThroughput ||
		a.NodeReason != ExecutorNodeReasonShape || !near(a.ProjectedHours, 2) {
		t.Errorf("cloudera: %+v", a)
	}
	// EMR r5.4xlarge, 1 TB in 2 h: ceil(1024 / 2.5) = 410 cores, 103
	// executors of 4 on ceil(104 / 4) = 26 nodes, above the policy's 20:
	// advised and flagged.  Hard cap 20: ceil(21 / 4) = 6 nodes, 1024 /
	// (20 x 4 x 5) = 2.56 h, 0.56 h late.
	a, err = p.AdviseExecutor(ExecutorInput{DailyDataGB: 1024, ProcessingWindowHours: 2, Platform: PlatformEMR,
		NodeType: "r5.4xlarge"})
	if err != nil {
		t.Fatal(err)
	}
	if a.NeededCoreCount != 410 || a.ExecutorCount != 103 || a.NodeCount != 26 || !a.PolicyCapExceeded ||
		a.Reason != ExecutorReasonPolicyCapExceeded || a.DynamicMaxExecutorCount != 103 || !a.WindowMet ||
		a.NodeType != "r5.4xlarge" || a.NodeReason != ExecutorNodeReasonNamed {
		t.Errorf("1 TB: %+v", a)
	}
	why, err := a.Explain()
	if err != nil || !strings.Contains(why, "410 cores") || !strings.Contains(why, "26 x r5.4xlarge") {
		t.Errorf("explain: %q %v", why, err)
	}
	if a.EMRPrimaryNodeType != "m5.xlarge" || a.EMRPrimaryLargeAfterNodeCount != 50 {
		t.Errorf("primary of 26 nodes: %+v", a)
	}
	// 1 TB in 1 h: ceil(1024 / 1.25) = 820 cores, 205 executors + the AM
	// on 52 nodes, more than 50: an m5.2xlarge primary, 0.384 + 0.096 +
	// 64 x 0.08 / 720 EBS = $0.4871 an hour.
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 1024, ProcessingWindowHours: 1, Platform: PlatformEMR,
		NodeType: "r5.4xlarge"})
	why, _ = a.Explain()
	if a.NodeCount != 52 || a.EMRPrimaryNodeType != "m5.2xlarge" ||
		!near(a.EMRPrimaryUSDPerHour, 0.48+64*0.08/720) || !strings.Contains(why, "EMR primary m5.2xlarge (> 50 nodes)") {
		t.Errorf("primary of 52 nodes: %+v %q", a, why)
	}
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 1024, ProcessingWindowHours: 2, Platform: PlatformEMR,
		NodeType: "r5.4xlarge", MaxExecutorCount: 20})
	if a.ExecutorCount != 20 || a.NodeCount != 6 || a.Reason != ExecutorReasonCapped || !a.CappedByMaxExecutors ||
		!near(a.ProjectedHours, 2.56) || !near(a.WindowMissHours, 0.56) || a.WindowMet {
		t.Errorf("capped: %+v", a)
	}
	// EKS m5.2xlarge, 58 pods: the guest sees 32768 - ceil(32768 x 0.075)
	// = 30310 MiB; 30310 - (255 + 11 x 58) - 100 = 29317 MiB allocatable;
	// CPU 8 - 0.09 = 7.91, less 0.25 for DaemonSets = 7.66:
	// 2 executors of 4 cores requesting 3.83.
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 100, Platform: PlatformKubernetes, NodeType: "m5.2xlarge"})
	if !near(a.NodeAllocatableMemoryGB*1024, 29317) || !near(a.NodeAllocatableVCPU, 7.91) ||
		a.ExecutorsPerNodeCount != 2 || a.ExecutorCoreCount != 4 || !near(a.ExecutorRequestVCPU, 3.83) {
		t.Errorf("eks: %+v", a)
	}
	// The driver pod takes the slot kept for it: one executor's size.
	props, err := a.SparkProperties()
	if err != nil {
		t.Fatal(err)
	}
	kv := map[string]string{}
	for _, pr := range props {
		kv[pr.Key] = pr.Value
	}
	if kv["spark.driver.cores"] != "4" || kv["spark.kubernetes.driver.request.cores"] != "3.83" ||
		kv["spark.driver.memory"] != kv["spark.executor.memory"] ||
		kv["spark.driver.memoryOverhead"] != kv["spark.executor.memoryOverhead"] {
		t.Errorf("eks driver: %v", kv)
	}
	// No node: the cheapest catalog node meeting the window, runner-up named.
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 1024, ProcessingWindowHours: 2, Platform: PlatformEMR})
	if a.NodeReason != ExecutorNodeReasonCheapest || a.NodeType == "" || a.RunnerUpNodeType == "" ||
		a.RunnerUpCostUSD < a.ProjectedCostUSD {
		t.Errorf("pick: %+v", a)
	}
	// guide keeps its overhead arithmetic: EMR int(0.1875 * 8192) = 1536 MiB
	g := guidePolicy(t)
	a, _ = g.AdviseExecutor(ExecutorInput{DailyDataGB: 100, Platform: PlatformEMR})
	if a.OverheadFactor != 0.1875 || a.ExecutorOverheadBytes != 1536*uint64(MiB) || a.NodeEBSGB != 0 {
		t.Errorf("EMR: %+v", a)
	}
	// YARN m6g.12xlarge, 1000 GB: 100 cores, 5 a executor, 9 a node: 20
	// executors on ceil(21 / 9) = 3 nodes, each with ceil(1000 / 3) = 334
	// GiB of EBS for the shuffle (executor.shuffle_disk_ratio 1).
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 1000, Platform: PlatformYARN, NodeType: "m6g.12xlarge"})
	if a.NodeCount != 3 || a.NodeEBSGB != 334 {
		t.Errorf("shuffle disk: %+v", a)
	}
	// EMR m6g.16xlarge, 40960 GB, at most 16 executors: 2 nodes, 128 h;
	// 20480 GiB a node in 2 gp3 volumes of 10240 (16 TiB at most), 20480
	// x 2048 / (128 x 3600) = 91 MiB/s: each volume's free 125.
	a, _ = p.AdviseExecutor(ExecutorInput{DailyDataGB: 40960, Platform: PlatformEMR, NodeType: "m6g.16xlarge", MaxExecutorCount: 16})
	if a.NodeEBSGB != 20480 || a.NodeEBSVolumeCount != 2 || a.NodeEBSThroughputMiBPerSecond != 250 || a.NodeEBSThroughputBound {
		t.Errorf("gp3 volumes: %+v", a)
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
	// EMR r5.4xlarge, 100 GB in 8 h: 10 cores -> 3 executors of 4 on 1
	// node; heap 30720 / 1.1875 -> 25856 MiB, overhead 4848 MiB; no
	// spark.executor.instances beside dynamic allocation.
	a, err := p.AdviseExecutor(ExecutorInput{DailyDataGB: 100, Platform: PlatformEMR, NodeType: "r5.4xlarge"})
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
		"spark.executor.memory":                           "25856m",
		"spark.executor.cores":                            "4",
		"spark.executor.memoryOverhead":                   "4848m",
		"spark.memory.fraction":                           "0.6",
		"spark.dynamicAllocation.maxExecutors":            "3",
		"spark.dynamicAllocation.shuffleTracking.enabled": "true",
		"spark.serializer":                                "org.apache.spark.serializer.KryoSerializer",
	}
	if len(props) != 14 {
		t.Errorf("%d properties", len(props))
	}
	if _, ok := got["spark.executor.instances"]; ok {
		t.Error("spark.executor.instances with dynamic allocation")
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
	if need != 14 {
		t.Errorf("needs %d", need)
	}
	// A zeroed output is not an advice.
	_, err = ExecutorAdvice{}.SparkProperties()
	wantErr(t, "zero advice", err, ErrUnknownEnum, "model")
	_, err = ExecutorAdvice{}.Explain()
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
	if ExecutorReasonCapped.String() != "capped" || ExecutorReasonPolicyCapExceeded.String() != "policy-cap-exceeded" {
		t.Error(ExecutorReasonCapped)
	}
	if r, err := ParseExecutorReason("throughput"); err != nil || r != ExecutorReasonThroughput {
		t.Error(r, err)
	}
	_, err = ParseExecutorReason("memory")
	wantErr(t, "memory", err, ErrUnknownEnum, "reason")
	if ExecutorNodeReasonCheapest.String() != "cheapest" {
		t.Error(ExecutorNodeReasonCheapest)
	}
	if r, err := ParseExecutorNodeReason("shape"); err != nil || r != ExecutorNodeReasonShape {
		t.Error(r, err)
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
		// YARN: 1 vCPU - 1 reserved leaves no core
		{ExecutorInput{DailyDataGB: 100, NodeVCPUCount: 1, NodeMemoryGB: 64}, ErrRange, "node_vcpu_count"},
		{ExecutorInput{DailyDataGB: 100, NodeType: "r5.5xlarge"}, ErrNotFound, "node_type"},
		// EMR offers these families from xlarge up
		{ExecutorInput{DailyDataGB: 100, NodeType: "m5.large", Platform: PlatformEMR}, ErrNotFound, "node_type"},
		{ExecutorInput{DailyDataGB: 100, NodeType: "r5.4xlarge", NodeVCPUCount: 16}, ErrInvalid, "node_type"},
		{ExecutorInput{DailyDataGB: 100, RunsPerDayCount: 1441}, ErrRange, "runs_per_day_count"},
	}
	for _, c := range cases {
		_, err := p.AdviseExecutor(c.in)
		wantErr(t, c.field, err, c.code, c.field)
	}
}
