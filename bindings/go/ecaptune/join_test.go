// SPDX-License-Identifier: MIT

package ecaptune

import (
	"errors"
	"strings"
	"testing"
)

const (
	joinTHR = int64(52428800)       // spark.sql.autoBroadcastJoinThreshold, 50 MB
	joinBIG = int64(10000000000000) // 10 TB: never broadcast or hashed
)

// bhj_threshold_edges, from tests/test-join.c.
func TestJoinBroadcastThresholdEdge(t *testing.T) {
	p := newPolicy(t)
	cases := []struct {
		rule      string
		in        JoinInput
		strategy  JoinStrategy
		side      JoinBuildSide
		reason    JoinReason
		threshold int64
	}{
		{"canBroadcastBySize: 52428800 <= 52428800 -> BHJ build right",
			JoinInput{JoinType: JoinInner, LeftSizeBytes: joinBIG, RightSizeBytes: joinTHR},
			JoinBroadcastHash, JoinBuildRight, JoinReasonBroadcastBySize, joinTHR},
		{"one byte over: 52428801 > threshold; preferSortMergeJoin -> SMJ",
			JoinInput{LeftSizeBytes: joinBIG, RightSizeBytes: joinTHR + 1},
			JoinSortMerge, JoinBuildNone, JoinReasonSortMergeSortable, joinTHR},
		{"input override: threshold 1000 bytes, size 1000 -> BHJ",
			JoinInput{LeftSizeBytes: joinBIG, RightSizeBytes: 1000, BroadcastThresholdBytes: 1000},
			JoinBroadcastHash, JoinBuildRight, JoinReasonBroadcastBySize, 1000},
		{"... 1001 not",
			JoinInput{LeftSizeBytes: joinBIG, RightSizeBytes: 1001, BroadcastThresholdBytes: 1000},
			JoinSortMerge, JoinBuildNone, JoinReasonSortMergeSortable, 1000},
		{"-1 disables: size 1 is not <= -1",
			JoinInput{LeftSizeBytes: joinBIG, RightSizeBytes: 1, BroadcastThresholdBytes: -1},
			JoinSortMerge, JoinBuildNone, JoinReasonSortMergeSortable, -1},
		{"getSmallerSide: 999 < 1000: left is smaller",
			JoinInput{LeftSizeBytes: 999, RightSizeBytes: 1000},
			JoinBroadcastHash, JoinBuildLeft, JoinReasonBroadcastBySize, joinTHR},
	}
	for _, c := range cases {
		a, err := p.AdviseJoin(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.rule, err)
		}
		if a.Strategy != c.strategy || a.BuildSide != c.side || a.StrategyReason != c.reason ||
			a.BroadcastThresholdBytes != c.threshold || mustExplain(t, a, JoinTextStrategy) == "" ||
			mustExplain(t, a, JoinTextRecommendation) == "" {
			t.Errorf("%s: %v %v %v threshold %d", c.rule, a.Strategy, a.BuildSide, a.StrategyReason, a.BroadcastThresholdBytes)
		}
	}
}

// guide_model.
func TestJoinGuide(t *testing.T) {
	p := guidePolicy(t)
	// optimize_join: small_df.count() = 999999 < 1000000 -> broadcast
	a, err := p.AdviseJoin(JoinInput{LeftSizeBytes: joinBIG, RightSizeBytes: 200000000, RightRowCount: 999999})
	if err != nil {
		t.Fatal(err)
	}
	if a.Model != ModelGuide || a.Reason != JoinReasonGuideBroadcast || a.RecommendedHint != JoinHintBroadcast ||
		a.RecommendedHintSide != JoinBuildRight || a.RecommendedStrategy != JoinBroadcastHash {
		t.Errorf("%+v", a)
	}
	// Spark's own choice stays by its rules: 200000000 > 52428800
	if a.Strategy != JoinSortMerge {
		t.Errorf("strategy %v", a.Strategy)
	}
	// 1000000 is not < 1000000 -> shuffle_hash
	a, _ = p.AdviseJoin(JoinInput{LeftSizeBytes: joinBIG, RightSizeBytes: 200000000, RightRowCount: 1000000})
	if a.Reason != JoinReasonGuideShuffleHash || a.RecommendedHint != JoinHintShuffleHash {
		t.Errorf("%+v", a)
	}
	// the guide broadcasts a 9 GiB side of 10 rows: limit warning
	a, _ = p.AdviseJoin(JoinInput{LeftSizeBytes: joinBIG, RightSizeBytes: 9663676416, RightRowCount: 10})
	if !a.RecommendedWarnings.Has(JoinWarnBroadcastBytesLimit) ||
		mustExplain(t, a, JoinTextRecommendedWarnings) == "" {
		t.Errorf("warnings %v", a.RecommendedWarnings)
	}
	// RIGHT OUTER cannot broadcast the right: hint ignored
	a, _ = p.AdviseJoin(JoinInput{JoinType: JoinRightOuter, LeftSizeBytes: joinBIG, RightSizeBytes: 9663676416, RightRowCount: 10})
	if a.RecommendedStrategy != JoinSortMerge || !a.RecommendedWarnings.Has(JoinWarnHintIgnored) {
		t.Errorf("right outer: %v %v", a.RecommendedStrategy, a.RecommendedWarnings)
	}
	// the small side's row count is required
	_, err = p.AdviseJoin(JoinInput{LeftSizeBytes: joinBIG, RightSizeBytes: 1000})
	wantErr(t, "no rows", err, ErrInvalid, "right_row_count")
}

func TestJoinEnums(t *testing.T) {
	if JoinLeftAnti.String() != "left_anti" || JoinHintShuffleReplicateNL.String() != "SHUFFLE_REPLICATE_NL" ||
		JoinSortMerge.String() != "SortMergeJoin" || JoinBuildLeft.String() != "left" {
		t.Error("names")
	}
	if JoinType(0).String() != "JoinType(0)" || JoinReason(99).String() != "JoinReason(99)" {
		t.Error(JoinType(0), JoinReason(99))
	}
	if JoinReasonBroadcastBySize.String() != "broadcast-by-size" || JoinHintIgnoredOverridden.String() != "overridden" {
		t.Error(JoinReasonBroadcastBySize, JoinHintIgnoredOverridden)
	}
	if s := (JoinWarnBroadcastBytesLimit | JoinWarnHintIgnored).String(); s != "broadcast-bytes-limit|hint-ignored" {
		t.Error(s)
	}
	// Spark's aliases (JoinType.apply strips '_'; hints ignore case)
	if v, err := ParseJoinType("LEFT OUTER"); err != nil || v != JoinLeftOuter {
		t.Error(v, err)
	}
	if v, err := ParseJoinType("outer"); err != nil || v != JoinFullOuter {
		t.Error(v, err)
	}
	if v, err := ParseJoinHint("mapjoin"); err != nil || v != JoinHintBroadcast {
		t.Error(v, err)
	}
	if v, err := ParseJoinStrategy("broadcastnestedloopjoin"); err != nil || v != JoinBroadcastNestedLoop {
		t.Error(v, err)
	}
	if v, err := ParseJoinBuildSide("BuildRight"); err != nil || v != JoinBuildRight {
		t.Error(v, err)
	}
	for i := JoinInner; i <= JoinLeftAnti; i++ {
		if v, err := ParseJoinType(i.String()); err != nil || v != i {
			t.Error(i, v, err)
		}
	}
	_, err := ParseJoinType("sideways")
	wantErr(t, "unknown type", err, ErrUnknownEnum, "join_type")
	_, err = ParseJoinStrategy("Sort")
	wantErr(t, "prefix", err, ErrUnknownEnum, "strategy")
}

// bad_fields.
func TestJoinBadInput(t *testing.T) {
	p := newPolicy(t)
	base := JoinInput{LeftSizeBytes: joinBIG, RightSizeBytes: 1000}
	cases := []struct {
		mod   func(*JoinInput)
		code  Code
		field string
	}{
		{func(in *JoinInput) { in.JoinType = 8 }, ErrUnknownEnum, "join_type"},
		{func(in *JoinInput) { in.LeftHint = 5 }, ErrUnknownEnum, "left_hint"},
		{func(in *JoinInput) { in.GuideSmallSide = 3 }, ErrUnknownEnum, "guide_small_side"},
		{func(in *JoinInput) { in.LeftSizeBytes = -1 }, ErrRange, "left_size_bytes"},
		{func(in *JoinInput) { in.RightSizeBytes = 1<<60 + 1 }, ErrRange, "right_size_bytes"},
		{func(in *JoinInput) { in.BroadcastThresholdBytes = -2 }, ErrRange, "broadcast_threshold_bytes"},
		{func(in *JoinInput) { in.ShufflePartitionsCount = 1000001 }, ErrRange, "shuffle_partitions_count"},
		// below Spark's minimum system memory: 471859200 - 1
		{func(in *JoinInput) { in.ExecutorHeapBytes = 471859199 }, ErrRange, "executor_heap_bytes"},
		{func(in *JoinInput) { in.SparkVersionMajor = 2 }, ErrRange, "spark_version_major"},
		{func(in *JoinInput) { in.SparkVersionMinor = 5 }, ErrInvalid, "spark_version_major"},
		{func(in *JoinInput) { in.NoEquiKeys, in.KeysNotSortable = true, true }, ErrInvalid, "keys_not_sortable"},
	}
	for i, c := range cases {
		in := base
		c.mod(&in)
		_, err := p.AdviseJoin(in)
		wantErr(t, c.field, err, c.code, c.field)
		_ = i
	}
}

func mustExplain(t *testing.T, a JoinAdvice, part JoinText) string {
	t.Helper()
	s, err := a.ExplainPart(part)
	if err != nil {
		t.Fatalf("ExplainPart(%v): %v", part, err)
	}
	return s
}

// The texts are rendered on demand from the advice's numbers: right
// 8,000,000 bytes <= 50 MB = 52,428,800 bytes, broadcast by size.
func TestJoinExplain(t *testing.T) {
	p := newPolicy(t)
	a, err := p.AdviseJoin(JoinInput{LeftSizeBytes: 10000000000, RightSizeBytes: 8000000})
	if err != nil {
		t.Fatal(err)
	}
	want := "canBroadcastBySize: the right side's 8000000 bytes are at most the " +
		"52428800-byte autoBroadcastJoinThreshold, so BroadcastHashJoin builds it."
	if got := mustExplain(t, a, JoinTextStrategy); got != want {
		t.Errorf("strategy text %q", got)
	}
	r, err := a.Explain()
	if err != nil || r != mustExplain(t, a, JoinTextRecommendation) ||
		!strings.Contains(r, "without a hint") {
		t.Errorf("recommendation %q, %v", r, err)
	}
	if h := mustExplain(t, a, JoinTextHints); h != "" {
		t.Errorf("hints %q", h)
	}
	if a.JoinType != JoinInner || a.RightSizeBytes != 8000000 || !a.PreferSortMerge {
		t.Errorf("context %+v", a)
	}
	if _, err := a.ExplainPart(JoinText(9)); !errors.Is(err, ErrUnknownEnum) {
		t.Errorf("part 9: %v", err)
	}
	w := JoinWarnNestedLoopOOM | JoinWarnHintIgnored
	if w.String() != "nested-loop-oom|hint-ignored" || JoinWarnings(0).String() != "none" {
		t.Errorf("warnings %q", w.String())
	}
	if b, err := ParseJoinWarning("nested-loop-oom"); err != nil || b != JoinWarnNestedLoopOOM {
		t.Errorf("ParseJoinWarning: %v %v", b, err)
	}
	if n, err := ParseJoinReason("broadcast-by-size"); err != nil || n != JoinReasonBroadcastBySize ||
		n.String() != "broadcast-by-size" {
		t.Errorf("reason name %v %v", n, err)
	}
}
