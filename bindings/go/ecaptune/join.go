// SPDX-License-Identifier: MIT

package ecaptune

/*
#include <ecaptune.h>
#cgo noescape ecap_join_build_side_from_string
#cgo nocallback ecap_join_build_side_from_string
#cgo noescape ecap_join_build_side_to_string
#cgo nocallback ecap_join_build_side_to_string
#cgo noescape ecap_join_explain
#cgo nocallback ecap_join_explain
#cgo noescape ecap_join_explain_part
#cgo nocallback ecap_join_explain_part
#cgo noescape ecap_join_hint_from_string
#cgo nocallback ecap_join_hint_from_string
#cgo noescape ecap_join_hint_ignored_from_string
#cgo nocallback ecap_join_hint_ignored_from_string
#cgo noescape ecap_join_hint_ignored_to_string
#cgo nocallback ecap_join_hint_ignored_to_string
#cgo noescape ecap_join_hint_to_string
#cgo nocallback ecap_join_hint_to_string
#cgo noescape ecap_join_reason_from_string
#cgo nocallback ecap_join_reason_from_string
#cgo noescape ecap_join_reason_to_string
#cgo nocallback ecap_join_reason_to_string
#cgo noescape ecap_join_strategy_from_string
#cgo nocallback ecap_join_strategy_from_string
#cgo noescape ecap_join_strategy_to_string
#cgo nocallback ecap_join_strategy_to_string
#cgo noescape ecap_join_text_from_string
#cgo nocallback ecap_join_text_from_string
#cgo noescape ecap_join_text_to_string
#cgo nocallback ecap_join_text_to_string
#cgo noescape ecap_join_type_from_string
#cgo nocallback ecap_join_type_from_string
#cgo noescape ecap_join_type_to_string
#cgo nocallback ecap_join_type_to_string
#cgo noescape ecap_join_warning_from_string
#cgo nocallback ecap_join_warning_from_string
#cgo noescape ecap_join_warning_to_string
#cgo nocallback ecap_join_warning_to_string
#cgo noescape ecap_go_join_advise
#cgo nocallback ecap_go_join_advise

// ecap_join_advise for adviseLean: the handle as a byte pointer, which
// cgo does not inspect.
static int
ecap_go_join_advise(const char *policy, const struct ecap_join_in *in,
                    struct ecap_join_out *out, struct ecap_error *err)
{
	return ecap_join_advise((const ecap_policy *)(const void *)policy, in, out, err);
}
*/
import "C"

import "strings"

// JoinType is Spark's join type (enum ecap_join_type).
type JoinType int32

const (
	// JoinInner is ECAP_JOIN_INNER: the default (0 in JoinInput means inner).
	JoinInner JoinType = 1
	// JoinCross is ECAP_JOIN_CROSS.
	JoinCross JoinType = 2
	// JoinLeftOuter is ECAP_JOIN_LEFT_OUTER.
	JoinLeftOuter JoinType = 3
	// JoinRightOuter is ECAP_JOIN_RIGHT_OUTER.
	JoinRightOuter JoinType = 4
	// JoinFullOuter is ECAP_JOIN_FULL_OUTER.
	JoinFullOuter JoinType = 5
	// JoinLeftSemi is ECAP_JOIN_LEFT_SEMI.
	JoinLeftSemi JoinType = 6
	// JoinLeftAnti is ECAP_JOIN_LEFT_ANTI.
	JoinLeftAnti JoinType = 7
)

// String is the type's name, e.g. "left_outer".
func (t JoinType) String() string {
	return enumString(C.ecap_join_type_to_string(C.int32_t(t)), "JoinType", int32(t))
}

// ParseJoinType parses a join type with Spark's aliases ("outer",
// "LEFT OUTER", "semi"); ErrUnknownEnum if unknown.
func ParseJoinType(name string) (JoinType, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_join_type_from_string(cs, v, ce)
	})
	return JoinType(v), err
}

// JoinHint is a join strategy hint on one side (enum ecap_join_hint).
type JoinHint int32

const (
	// JoinHintNone is ECAP_JOIN_HINT_NONE.
	JoinHintNone JoinHint = 0
	// JoinHintBroadcast is ECAP_JOIN_HINT_BROADCAST.
	JoinHintBroadcast JoinHint = 1
	// JoinHintMerge is ECAP_JOIN_HINT_MERGE.
	JoinHintMerge JoinHint = 2
	// JoinHintShuffleHash is ECAP_JOIN_HINT_SHUFFLE_HASH.
	JoinHintShuffleHash JoinHint = 3
	// JoinHintShuffleReplicateNL is ECAP_JOIN_HINT_SHUFFLE_REPLICATE_NL.
	JoinHintShuffleReplicateNL JoinHint = 4
)

// String is the hint as Spark spells it, e.g. "BROADCAST"; "none".
func (h JoinHint) String() string {
	return enumString(C.ecap_join_hint_to_string(C.int32_t(h)), "JoinHint", int32(h))
}

// ParseJoinHint parses a hint, case-insensitively with Spark's aliases
// ("mapjoin", "shuffle_merge"); ErrUnknownEnum if unknown.
func ParseJoinHint(name string) (JoinHint, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_join_hint_from_string(cs, v, ce)
	})
	return JoinHint(v), err
}

// JoinStrategy is a physical join, named as in Spark's plans (enum
// ecap_join_strategy).
type JoinStrategy int32

const (
	// JoinBroadcastHash is ECAP_JOIN_STRATEGY_BROADCAST_HASH.
	JoinBroadcastHash JoinStrategy = 1
	// JoinShuffleHash is ECAP_JOIN_STRATEGY_SHUFFLE_HASH.
	JoinShuffleHash JoinStrategy = 2
	// JoinSortMerge is ECAP_JOIN_STRATEGY_SORT_MERGE.
	JoinSortMerge JoinStrategy = 3
	// JoinCartesian is ECAP_JOIN_STRATEGY_CARTESIAN.
	JoinCartesian JoinStrategy = 4
	// JoinBroadcastNestedLoop is ECAP_JOIN_STRATEGY_BROADCAST_NESTED_LOOP.
	JoinBroadcastNestedLoop JoinStrategy = 5
)

// String is the plan name, e.g. "SortMergeJoin".
func (s JoinStrategy) String() string {
	return enumString(C.ecap_join_strategy_to_string(C.int32_t(s)), "JoinStrategy", int32(s))
}

// ParseJoinStrategy parses a plan name (case-insensitive);
// ErrUnknownEnum if unknown.
func ParseJoinStrategy(name string) (JoinStrategy, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_join_strategy_from_string(cs, v, ce)
	})
	return JoinStrategy(v), err
}

// JoinBuildSide is the build (or broadcast) side (enum
// ecap_join_build_side).
type JoinBuildSide int32

const (
	// JoinBuildNone is ECAP_JOIN_BUILD_NONE: sort-merge, cartesian.
	JoinBuildNone JoinBuildSide = 0
	// JoinBuildLeft is ECAP_JOIN_BUILD_LEFT.
	JoinBuildLeft JoinBuildSide = 1
	// JoinBuildRight is ECAP_JOIN_BUILD_RIGHT.
	JoinBuildRight JoinBuildSide = 2
)

// String is "none", "left" or "right".
func (s JoinBuildSide) String() string {
	return enumString(C.ecap_join_build_side_to_string(C.int32_t(s)), "JoinBuildSide", int32(s))
}

// ParseJoinBuildSide parses a side ("left", "BuildRight", ...);
// ErrUnknownEnum if unknown.
func ParseJoinBuildSide(name string) (JoinBuildSide, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_join_build_side_from_string(cs, v, ce)
	})
	return JoinBuildSide(v), err
}

// JoinReason is the rule that decided a strategy or a recommendation
// (enum ecap_join_reason; pinned values).
type JoinReason int32

const (
	// JoinReasonHintBroadcastHash is ECAP_JOIN_REASON_HINT_BROADCAST_HASH.
	JoinReasonHintBroadcastHash JoinReason = 1
	// JoinReasonHintSortMerge is ECAP_JOIN_REASON_HINT_SORT_MERGE.
	JoinReasonHintSortMerge JoinReason = 2
	// JoinReasonHintShuffleHash is ECAP_JOIN_REASON_HINT_SHUFFLE_HASH.
	JoinReasonHintShuffleHash JoinReason = 3
	// JoinReasonHintCartesian is ECAP_JOIN_REASON_HINT_CARTESIAN.
	JoinReasonHintCartesian JoinReason = 4
	// JoinReasonBroadcastBySize is ECAP_JOIN_REASON_BROADCAST_BY_SIZE.
	JoinReasonBroadcastBySize JoinReason = 5
	// JoinReasonShuffleHashBySize is ECAP_JOIN_REASON_SHUFFLE_HASH_BY_SIZE.
	JoinReasonShuffleHashBySize JoinReason = 6
	// JoinReasonSortMergeSortable is ECAP_JOIN_REASON_SORT_MERGE_SORTABLE.
	JoinReasonSortMergeSortable JoinReason = 7
	// JoinReasonCartesianInnerLike is ECAP_JOIN_REASON_CARTESIAN_INNER_LIKE.
	JoinReasonCartesianInnerLike JoinReason = 8
	// JoinReasonNestedLoopFallback is ECAP_JOIN_REASON_NESTED_LOOP_FALLBACK.
	JoinReasonNestedLoopFallback JoinReason = 9
	// JoinReasonHintBroadcastNestedLoop is ECAP_JOIN_REASON_HINT_BROADCAST_NESTED_LOOP.
	JoinReasonHintBroadcastNestedLoop JoinReason = 10
	// JoinReasonBroadcastNestedLoopBySize is ECAP_JOIN_REASON_BROADCAST_NESTED_LOOP_BY_SIZE.
	JoinReasonBroadcastNestedLoopBySize JoinReason = 11
	// JoinReasonECAPBroadcast is ECAP_JOIN_REASON_ECAP_BROADCAST.
	JoinReasonECAPBroadcast JoinReason = 20
	// JoinReasonECAPShuffleHash is ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH.
	JoinReasonECAPShuffleHash JoinReason = 21
	// JoinReasonECAPSortMerge is ECAP_JOIN_REASON_ECAP_SORT_MERGE.
	JoinReasonECAPSortMerge JoinReason = 22
	// JoinReasonECAPShuffleHashUnsortable is ECAP_JOIN_REASON_ECAP_SHUFFLE_HASH_UNSORTABLE.
	JoinReasonECAPShuffleHashUnsortable JoinReason = 23
	// JoinReasonECAPCartesian is ECAP_JOIN_REASON_ECAP_CARTESIAN.
	JoinReasonECAPCartesian JoinReason = 24
	// JoinReasonECAPBroadcastNestedLoop is ECAP_JOIN_REASON_ECAP_BROADCAST_NESTED_LOOP.
	JoinReasonECAPBroadcastNestedLoop JoinReason = 25
	// JoinReasonECAPNestedLoopFallback is ECAP_JOIN_REASON_ECAP_NESTED_LOOP_FALLBACK.
	JoinReasonECAPNestedLoopFallback JoinReason = 26
	// JoinReasonGuideBroadcast is ECAP_JOIN_REASON_GUIDE_BROADCAST.
	JoinReasonGuideBroadcast JoinReason = 30
	// JoinReasonGuideShuffleHash is ECAP_JOIN_REASON_GUIDE_SHUFFLE_HASH.
	JoinReasonGuideShuffleHash JoinReason = 31
)

// String names the reason, e.g. "broadcast-by-size"
// (ecap_join_reason_to_string).
func (r JoinReason) String() string {
	return enumString(C.ecap_join_reason_to_string(C.int32_t(r)), "JoinReason", int32(r))
}

// ParseJoinReason parses a reason name; ErrUnknownEnum if unknown.
func ParseJoinReason(name string) (JoinReason, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_join_reason_from_string(cs, v, ce)
	})
	return JoinReason(v), err
}

// JoinHintIgnored says why Spark ignores a side's hint (enum
// ecap_join_hint_ignored).
type JoinHintIgnored int32

const (
	// JoinHintUsed is ECAP_JOIN_HINT_USED.
	JoinHintUsed JoinHintIgnored = 0
	// JoinHintIgnoredBuildSide is ECAP_JOIN_HINT_IGNORED_BUILD_SIDE.
	JoinHintIgnoredBuildSide JoinHintIgnored = 1
	// JoinHintIgnoredNotSortable is ECAP_JOIN_HINT_IGNORED_NOT_SORTABLE.
	JoinHintIgnoredNotSortable JoinHintIgnored = 2
	// JoinHintIgnoredNotInnerLike is ECAP_JOIN_HINT_IGNORED_NOT_INNER_LIKE.
	JoinHintIgnoredNotInnerLike JoinHintIgnored = 3
	// JoinHintIgnoredNoEquiKeys is ECAP_JOIN_HINT_IGNORED_NO_EQUI_KEYS.
	JoinHintIgnoredNoEquiKeys JoinHintIgnored = 4
	// JoinHintIgnoredOverridden is ECAP_JOIN_HINT_IGNORED_OVERRIDDEN.
	JoinHintIgnoredOverridden JoinHintIgnored = 5
	// JoinHintIgnoredOtherSideBuilt is ECAP_JOIN_HINT_IGNORED_OTHER_SIDE_BUILT.
	JoinHintIgnoredOtherSideBuilt JoinHintIgnored = 6
)

// String names why a hint is ignored ("used" when it is not;
// ecap_join_hint_ignored_to_string).
func (h JoinHintIgnored) String() string {
	return enumString(C.ecap_join_hint_ignored_to_string(C.int32_t(h)), "JoinHintIgnored", int32(h))
}

// ParseJoinHintIgnored parses a hint-ignored name; ErrUnknownEnum if
// unknown.
func ParseJoinHintIgnored(name string) (JoinHintIgnored, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_join_hint_ignored_from_string(cs, v, ce)
	})
	return JoinHintIgnored(v), err
}

// JoinText selects a text of a JoinAdvice for ExplainPart (enum
// ecap_join_text).
type JoinText int32

const (
	// JoinTextRecommendation is ECAP_JOIN_TEXT_RECOMMENDATION.
	JoinTextRecommendation JoinText = 1
	// JoinTextStrategy is ECAP_JOIN_TEXT_STRATEGY.
	JoinTextStrategy JoinText = 2
	// JoinTextHints is ECAP_JOIN_TEXT_HINTS.
	JoinTextHints JoinText = 3
	// JoinTextWarnings is ECAP_JOIN_TEXT_WARNINGS.
	JoinTextWarnings JoinText = 4
	// JoinTextRecommendedWarnings is ECAP_JOIN_TEXT_RECOMMENDED_WARNINGS.
	JoinTextRecommendedWarnings JoinText = 5
)

// String is "recommendation", "strategy", "hints", "warnings" or
// "recommended-warnings" (ecap_join_text_to_string).
func (t JoinText) String() string {
	return enumString(C.ecap_join_text_to_string(C.int32_t(t)), "JoinText", int32(t))
}

// ParseJoinText parses a text name; ErrUnknownEnum if unknown.
func ParseJoinText(name string) (JoinText, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_join_text_from_string(cs, v, ce)
	})
	return JoinText(v), err
}

// JoinWarnings is a set of ECAP_JOIN_WARN_* bits.
type JoinWarnings int32

const (
	// JoinWarnBroadcastBytesLimit is ECAP_JOIN_WARN_BROADCAST_BYTES_LIMIT: >= 8 GiB.
	JoinWarnBroadcastBytesLimit JoinWarnings = 1
	// JoinWarnBroadcastRowsLimit is ECAP_JOIN_WARN_BROADCAST_ROWS_LIMIT: rows over the limit.
	JoinWarnBroadcastRowsLimit JoinWarnings = 2
	// JoinWarnNestedLoopOOM is ECAP_JOIN_WARN_NESTED_LOOP_OOM: BNLJ may OOM.
	JoinWarnNestedLoopOOM JoinWarnings = 4
	// JoinWarnShuffleHashMemory is ECAP_JOIN_WARN_SHUFFLE_HASH_MEMORY: build > task memory.
	JoinWarnShuffleHashMemory JoinWarnings = 8
	// JoinWarnHintIgnored is ECAP_JOIN_WARN_HINT_IGNORED: written hint ignored.
	JoinWarnHintIgnored JoinWarnings = 16
)

// Has reports whether every bit of w2 is set.
func (w JoinWarnings) Has(w2 JoinWarnings) bool { return w&w2 == w2 }

// String lists the set bits by the library's names
// (ecap_join_warning_to_string), "a|b"; "none" for no warning.
func (w JoinWarnings) String() string {
	if w == 0 {
		return "none"
	}
	var parts []string
	for b := 0; b < 31; b++ {
		bit := JoinWarnings(1) << b
		if w&bit != 0 {
			parts = append(parts, enumString(C.ecap_join_warning_to_string(C.int32_t(bit)), "JoinWarnings", int32(bit)))
		}
	}
	return strings.Join(parts, "|")
}

// ParseJoinWarning parses one warning's name into its bit;
// ErrUnknownEnum if unknown.
func ParseJoinWarning(name string) (JoinWarnings, error) {
	v, err := parseEnum(name, "name", func(cs *C.char, v *C.int32_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_join_warning_from_string(cs, v, ce)
	})
	return JoinWarnings(v), err
}

// Spark's hard broadcast limits (BroadcastExchangeExec).
const (
	// JoinMaxBroadcastBytes is ECAP_JOIN_MAX_BROADCAST_BYTES.
	JoinMaxBroadcastBytes = 8589934592
	// JoinMaxBroadcastRowsHash is ECAP_JOIN_MAX_BROADCAST_ROWS_HASH.
	JoinMaxBroadcastRowsHash = 357913941
	// JoinMaxBroadcastRowsLong is ECAP_JOIN_MAX_BROADCAST_ROWS_LONG.
	JoinMaxBroadcastRowsLong = 512000000
)

// JoinInput describes one join (struct ecap_join_in).  Zero means "not
// given": Spark's default or the policy's.
type JoinInput struct {
	JoinType        JoinType // 0 = inner
	NoEquiKeys      bool     // a non-equi or cross join
	KeysNotSortable bool     // the equi-join keys are not orderable
	SingleBigintKey bool     // the only key is a LongType column
	LeftSizeBytes   int64    // sizeInBytes estimate; 0 = unknown (Long.MaxValue)
	RightSizeBytes  int64
	LeftRowCount    int64 // 0 = unknown
	RightRowCount   int64
	LeftHint        JoinHint
	RightHint       JoinHint
	// spark.sql.autoBroadcastJoinThreshold; 0 = policy
	// join.broadcast_threshold_mb, -1 disables.
	BroadcastThresholdBytes int64
	ShufflePartitionsCount  int64 // spark.sql.shuffle.partitions; 0 = policy
	SparkVersionMajor       int32 // both 0 = 3.5
	SparkVersionMinor       int32
	GuideSmallSide          JoinBuildSide // guide: optimize_join's small_df; 0 = right
	ExecutorCoresCount      int32         // 0 = policy executor.cores
	ExecutorHeapBytes       int64         // spark.executor.memory; 0 = unknown
	ExecutionMemoryBytes    int64         // unified execution memory; 0 = from the heap
}

// JoinAdvice is Spark's predicted choice and the recommended hint
// (struct ecap_join_out).  It carries no text: Explain and ExplainPart
// render it from the numbers when asked.
type JoinAdvice struct {
	Model  Model
	Reason JoinReason // of the recommendation

	// Spark's choice for the given hints.
	Strategy               JoinStrategy
	BuildSide              JoinBuildSide
	StrategyReason         JoinReason
	LeftHintIgnored        bool
	LeftHintIgnoredReason  JoinHintIgnored
	RightHintIgnored       bool
	RightHintIgnoredReason JoinHintIgnored
	Warnings               JoinWarnings

	// The hint to write, and what Spark picks with it.
	RecommendedHint      JoinHint
	RecommendedHintSide  JoinBuildSide
	RecommendedStrategy  JoinStrategy
	RecommendedBuildSide JoinBuildSide
	RecommendedWarnings  JoinWarnings

	// The inputs that decided, as used.
	JoinType        JoinType
	NoEquiKeys      bool
	KeysNotSortable bool
	SingleBigintKey bool
	LeftHint        JoinHint
	RightHint       JoinHint
	PreferSortMerge bool  // policy join.prefer_sort_merge
	LeftSizeBytes   int64 // unknown: math.MaxInt64 (defaultSizeInBytes)
	RightSizeBytes  int64
	LeftRowCount    int64 // 0 = unknown
	RightRowCount   int64
	// guide: optimize_join's row limit; 0 under ecap-1.
	GuideBroadcastMaxRows int64

	// The values used.
	BroadcastThresholdBytes     int64 // -1 = disabled
	ShufflePartitionsCount      int64
	ShuffleHashFactor           float64
	SparkVersionMajor           int32
	SparkVersionMinor           int32
	ExecutionMemoryPerTaskBytes int64 // 0 when unknown
}

func (in *JoinInput) c(ci *C.struct_ecap_join_in) {
	initSized(ci, C.sizeof_struct_ecap_join_in)
	ci.join_type = C.int32_t(in.JoinType)
	ci.no_equi_keys = cBool(in.NoEquiKeys)
	ci.keys_not_sortable = cBool(in.KeysNotSortable)
	ci.single_bigint_key = cBool(in.SingleBigintKey)
	ci.left_size_bytes = C.int64_t(in.LeftSizeBytes)
	ci.right_size_bytes = C.int64_t(in.RightSizeBytes)
	ci.left_row_count = C.int64_t(in.LeftRowCount)
	ci.right_row_count = C.int64_t(in.RightRowCount)
	ci.left_hint = C.int32_t(in.LeftHint)
	ci.right_hint = C.int32_t(in.RightHint)
	ci.broadcast_threshold_bytes = C.int64_t(in.BroadcastThresholdBytes)
	ci.shuffle_partitions_count = C.int64_t(in.ShufflePartitionsCount)
	ci.spark_version_major = C.int32_t(in.SparkVersionMajor)
	ci.spark_version_minor = C.int32_t(in.SparkVersionMinor)
	ci.guide_small_side = C.int32_t(in.GuideSmallSide)
	ci.executor_cores_count = C.int32_t(in.ExecutorCoresCount)
	ci.executor_heap_bytes = C.int64_t(in.ExecutorHeapBytes)
	ci.execution_memory_bytes = C.int64_t(in.ExecutionMemoryBytes)
}

// fromC fills a from the C advice, field by field in place (a returned
// composite literal costs a copy through a stalled store).
func (a *JoinAdvice) fromC(o *C.struct_ecap_join_out) {
	a.Model = Model(o.model)
	a.Reason = JoinReason(o.reason)
	a.Strategy = JoinStrategy(o.strategy)
	a.BuildSide = JoinBuildSide(o.build_side)
	a.StrategyReason = JoinReason(o.strategy_reason)
	a.LeftHintIgnored = goBool(o.left_hint_ignored)
	a.LeftHintIgnoredReason = JoinHintIgnored(o.left_hint_ignored_reason)
	a.RightHintIgnored = goBool(o.right_hint_ignored)
	a.RightHintIgnoredReason = JoinHintIgnored(o.right_hint_ignored_reason)
	a.Warnings = JoinWarnings(o.warning_flags)
	a.RecommendedHint = JoinHint(o.recommended_hint)
	a.RecommendedHintSide = JoinBuildSide(o.recommended_hint_side)
	a.RecommendedStrategy = JoinStrategy(o.recommended_strategy)
	a.RecommendedBuildSide = JoinBuildSide(o.recommended_build_side)
	a.RecommendedWarnings = JoinWarnings(o.recommended_warning_flags)
	a.JoinType = JoinType(o.join_type)
	a.NoEquiKeys = goBool(o.no_equi_keys)
	a.KeysNotSortable = goBool(o.keys_not_sortable)
	a.SingleBigintKey = goBool(o.single_bigint_key)
	a.LeftHint = JoinHint(o.left_hint)
	a.RightHint = JoinHint(o.right_hint)
	a.PreferSortMerge = goBool(o.prefer_sort_merge)
	a.LeftSizeBytes = int64(o.left_size_bytes)
	a.RightSizeBytes = int64(o.right_size_bytes)
	a.LeftRowCount = int64(o.left_row_count)
	a.RightRowCount = int64(o.right_row_count)
	a.GuideBroadcastMaxRows = int64(o.guide_broadcast_max_rows)
	a.BroadcastThresholdBytes = int64(o.broadcast_threshold_bytes)
	a.ShufflePartitionsCount = int64(o.shuffle_partitions_count)
	a.ShuffleHashFactor = float64(o.shuffle_hash_factor)
	a.SparkVersionMajor = int32(o.spark_version_major)
	a.SparkVersionMinor = int32(o.spark_version_minor)
	a.ExecutionMemoryPerTaskBytes = int64(o.execution_memory_per_task_bytes)
}

// c rebuilds the C advice, for the explanations.
func (a JoinAdvice) c(o *C.struct_ecap_join_out) {
	initSized(o, C.sizeof_struct_ecap_join_out)
	o.model = C.int32_t(a.Model)
	o.reason = C.int32_t(a.Reason)
	o.strategy = C.int32_t(a.Strategy)
	o.build_side = C.int32_t(a.BuildSide)
	o.strategy_reason = C.int32_t(a.StrategyReason)
	o.left_hint_ignored = cBool(a.LeftHintIgnored)
	o.left_hint_ignored_reason = C.int32_t(a.LeftHintIgnoredReason)
	o.right_hint_ignored = cBool(a.RightHintIgnored)
	o.right_hint_ignored_reason = C.int32_t(a.RightHintIgnoredReason)
	o.warning_flags = C.int32_t(a.Warnings)
	o.recommended_hint = C.int32_t(a.RecommendedHint)
	o.recommended_hint_side = C.int32_t(a.RecommendedHintSide)
	o.recommended_strategy = C.int32_t(a.RecommendedStrategy)
	o.recommended_build_side = C.int32_t(a.RecommendedBuildSide)
	o.recommended_warning_flags = C.int32_t(a.RecommendedWarnings)
	o.join_type = C.int32_t(a.JoinType)
	o.no_equi_keys = cBool(a.NoEquiKeys)
	o.keys_not_sortable = cBool(a.KeysNotSortable)
	o.single_bigint_key = cBool(a.SingleBigintKey)
	o.left_hint = C.int32_t(a.LeftHint)
	o.right_hint = C.int32_t(a.RightHint)
	o.prefer_sort_merge = cBool(a.PreferSortMerge)
	o.left_size_bytes = C.int64_t(a.LeftSizeBytes)
	o.right_size_bytes = C.int64_t(a.RightSizeBytes)
	o.left_row_count = C.int64_t(a.LeftRowCount)
	o.right_row_count = C.int64_t(a.RightRowCount)
	o.guide_broadcast_max_rows = C.int64_t(a.GuideBroadcastMaxRows)
	o.broadcast_threshold_bytes = C.int64_t(a.BroadcastThresholdBytes)
	o.shuffle_partitions_count = C.int64_t(a.ShufflePartitionsCount)
	o.shuffle_hash_factor = C.double(a.ShuffleHashFactor)
	o.spark_version_major = C.int32_t(a.SparkVersionMajor)
	o.spark_version_minor = C.int32_t(a.SparkVersionMinor)
	o.execution_memory_per_task_bytes = C.int64_t(a.ExecutionMemoryPerTaskBytes)
}

// Explain says the recommendation in one sentence with its numbers,
// rendered by the library now (ecap_join_explain).
func (a JoinAdvice) Explain() (string, error) {
	var o C.struct_ecap_join_out
	a.c(&o)
	return callExplain(func(buf *C.char, size C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_join_explain(&o, buf, size, ce)
	})
}

// ExplainPart renders one text of the advice (ecap_join_explain_part):
// the recommendation, Spark's choice, the ignored hints or the warnings
// ("" when there is none).
func (a JoinAdvice) ExplainPart(part JoinText) (string, error) {
	var o C.struct_ecap_join_out
	a.c(&o)
	return callExplain(func(buf *C.char, size C.size_t, ce *C.struct_ecap_error) C.int {
		return C.ecap_join_explain_part(&o, C.int32_t(part), buf, size, ce)
	})
}

// AdviseJoin predicts the join Spark picks and recommends the hint to
// write under the policy's model (ecap_join_advise).
func (p *Policy) AdviseJoin(in JoinInput) (a JoinAdvice, err error) {
	var ci C.struct_ecap_join_in
	var out C.struct_ecap_join_out
	in.c(&ci)
	initSized(&out, C.sizeof_struct_ecap_join_out)
	err = p.adviseLean(func(cp *C.char, ce *C.struct_ecap_error) C.int {
		return C.ecap_go_join_advise(cp, &ci, &out, ce)
	})
	if err == nil {
		a.fromC(&out)
	}
	return a, err
}
