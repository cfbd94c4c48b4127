/* SPDX-License-Identifier: MIT */
/*
 * partition-explain.c - the sentences of the partition family: which rule
 * and which numbers decided an advice, a scan prediction or an AQE
 * prediction.  Only the explain calls format text; the advisors fill the
 * numbers these sentences quote.
 */
#include <inttypes.h>
#include <stdio.h>

#include "partition.h"

/* Why ecap-1 chose its count: the size, the core floor or its cap. */
static void
ecap1_why(const struct ecap_partition_out *o, char *why, size_t cap)
{
	char a[ECAP__EXPLAIN_BYTES_MAX], b[ECAP__EXPLAIN_BYTES_MAX];

	if (o->parallelism_floor_count <= o->size_partition_count)
		snprintf(why, cap, "ceil(%s / %s target) = %" PRId64,
			 ecap__explain_bytes(a, (double)o->data_size_bytes),
			 ecap__explain_bytes(b, (double)o->target_size_bytes),
			 o->size_partition_count);
	else if (o->core_task_count <= o->min_size_partition_count)
		snprintf(why, cap, "the parallelism floor of %" PRId64
			 " tasks (cores x partition.min_tasks_per_core), "
			 "above ceil(size / target) = %" PRId64,
			 o->core_task_count, o->size_partition_count);
	else
		snprintf(why, cap, "the parallelism floor %" PRId64
			 " tasks capped at %s / %s (the minimum partition "
			 "size) = %" PRId64, o->core_task_count,
			 ecap__explain_bytes(a, (double)o->data_size_bytes),
			 ecap__explain_bytes(b,
					     (double)o->min_partition_size_bytes),
			 o->min_size_partition_count);
}

/* What the current (or scanned) count makes of it. */
static const char *
ecap1_action_text(int32_t reason)
{
	switch (reason) {
	case ECAP_PARTITION_REASON_KEEP:
		return "the current count is already that: keep it";
	case ECAP_PARTITION_REASON_COALESCE:
		return "coalesce from the current count (no shuffle)";
	case ECAP_PARTITION_REASON_REPARTITION:
		return "repartition from the current count (a shuffle: "
		       "coalesce cannot add partitions)";
	case ECAP_PARTITION_REASON_REPARTITION_CURRENT_UNKNOWN:
		return "the current count is unknown and the data is not "
		       "read from files, so a repartition sets it";
	case ECAP_PARTITION_REASON_KEEP_SCAN:
		return "the file scan already produces that many at this "
		       "split size: keep them, no shuffle";
	case ECAP_PARTITION_REASON_COALESCE_SCAN:
		return "the file scan produces more at this split size: "
		       "coalesce them (no shuffle)";
	case ECAP_PARTITION_REASON_REPARTITION_SCAN:
		return "the file scan produces fewer at this split size: "
		       "repartition (a shuffle)";
	case ECAP_PARTITION_REASON_KEEP_NEAR_TARGET:
	case ECAP_PARTITION_REASON_MAX_COUNT:
		return "";
	default:
		return NULL;
	}
}

static int
explain_guide(const struct ecap_partition_out *o, char *buf, size_t size,
	      struct ecap_error *err)
{
	double total_mb = (double)o->data_size_bytes / 1048576.0;
	double target_mb = (double)o->target_size_bytes / 1048576.0;

	if (o->reason == ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP)
		return ecap__explainf(err, buf, size,
				      "guide optimize_partitions: coalesce("
				      "max(1, int(%.6g MB / %.6g MB))) = "
				      "coalesce(%" PRId64 ") is a no-op: "
				      "coalesce cannot raise %" PRId64
				      " partitions", total_mb, target_mb,
				      o->partition_count,
				      o->current_partition_count);
	return ecap__explainf(err, buf, size,
			      "guide optimize_partitions: coalesce(max(1, "
			      "int(%.6g MB / %.6g MB))) = coalesce(%" PRId64
			      ")", total_mb, target_mb, o->partition_count);
}

/* Keep the current (or scanned) partitions instead of a coalesce. */
static int
explain_near_target(const struct ecap_partition_out *o, const char *why,
		    char *buf, size_t size, struct ecap_error *err)
{
	char per[ECAP__EXPLAIN_BYTES_MAX], target[ECAP__EXPLAIN_BYTES_MAX];

	return ecap__explainf(
		err, buf, size, "ecap-1: keep the %" PRId64 " %s partition%s "
		"of %s: %s, but they already hold at least half the %s "
		"target, and a coalesce to %" PRId64 " would only merge some "
		"of them", o->effective_partition_count,
		o->scan_task_count > 0 ? "scanned" : "current",
		o->effective_partition_count == 1 ? "" : "s",
		ecap__explain_bytes(per, (double)o->bytes_per_partition), why,
		ecap__explain_bytes(target, (double)o->target_size_bytes),
		o->partition_count);
}

/*
 * Past partition.max_count (rounded up to whole waves of the cores): the
 * count stops.  The size asked for more partitions, so they grow past
 * the target; or only the parallelism floor did, and they stay within
 * it (the cores still get a task each, two a core are not possible).
 */
static int
explain_max_count(const struct ecap_partition_out *o, const char *cur,
		  char *buf, size_t size, struct ecap_error *err)
{
	char per[ECAP__EXPLAIN_BYTES_MAX], total[ECAP__EXPLAIN_BYTES_MAX];
	char target[ECAP__EXPLAIN_BYTES_MAX];
	bool by_floor = o->parallelism_floor_count > o->size_partition_count;
	int64_t asked = by_floor ? o->parallelism_floor_count :
				o->size_partition_count;

	ecap__explain_bytes(per, (double)o->bytes_per_partition);
	ecap__explain_bytes(total, (double)o->data_size_bytes);
	ecap__explain_bytes(target, (double)o->target_size_bytes);
	if (o->split_size_bytes <= o->target_size_bytes)
		return ecap__explainf(
			err, buf, size, "ecap-1: %s %" PRId64 " partitions of "
			"%s: the parallelism floor asks for %" PRId64 " tasks "
			"(cores x partition.min_tasks_per_core), above "
			"partition.max_count rounded up to whole waves of the "
			"cores (a shuffle tracks maps x reducers blocks), so "
			"the count stops at %" PRId64 "; the partitions stay "
			"within the %s target (%s)",
			ecap_partition_action_to_string(o->action),
			o->partition_count, per, asked, o->partition_count,
			target, cur);
	return ecap__explainf(
		err, buf, size, "ecap-1: %s %" PRId64 " partitions of %s: "
		"%s asks for %" PRId64 " (%s), above partition.max_count "
		"rounded up to whole waves of the cores (a shuffle tracks maps "
		"x reducers blocks), so the count stops at %" PRId64 " and the "
		"shuffle's partitions grow past the %s target (scans keep it); "
		"consider processing the data in batches (%s)",
		ecap_partition_action_to_string(o->action), o->partition_count,
		per, total, asked,
		by_floor ? "the parallelism floor" : "ceil(size / target)",
		o->partition_count, target, cur);
}

ECAP_API int
ecap_partition_explain(const struct ecap_partition_out *advice, char *buf,
		       size_t size, struct ecap_error *err)
{
	char why[160], cur[64], per[ECAP__EXPLAIN_BYTES_MAX];
	const char *what;
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, advice, ecap_partition_out)) !=
	    ECAP_OK)
		return rc;
	if (advice->reason == ECAP_PARTITION_REASON_GUIDE_COALESCE ||
	    advice->reason == ECAP_PARTITION_REASON_GUIDE_COALESCE_NOOP)
		return explain_guide(advice, buf, size, err);
	what = ecap1_action_text(advice->reason);
	if (what == NULL)
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "reason",
				  "reason %" PRId32 " is not an advice reason",
				  advice->reason);
	ecap1_why(advice, why, sizeof(why));
	if (advice->reason == ECAP_PARTITION_REASON_KEEP_NEAR_TARGET)
		return explain_near_target(advice, why, buf, size, err);
	if (advice->scan_task_count > 0)
		snprintf(cur, sizeof(cur), "scan %" PRId64,
			 advice->scan_task_count);
	else if (advice->current_partition_count > 0)
		snprintf(cur, sizeof(cur), "current %" PRId64,
			 advice->current_partition_count);
	else
		snprintf(cur, sizeof(cur), "current unknown");
	if (advice->reason == ECAP_PARTITION_REASON_MAX_COUNT)
		return explain_max_count(advice, cur, buf, size, err);
	return ecap__explainf(
		err, buf, size, "ecap-1: %s %" PRId64 " partition%s of %s from "
		"%s; %s (%s)", ecap_partition_action_to_string(advice->action),
		advice->partition_count, advice->partition_count == 1 ? "" : "s",
		ecap__explain_bytes(per, (double)advice->bytes_per_partition),
		why, what, cur);
}

ECAP_API int
ecap_partition_scan_explain(const struct ecap_partition_scan_out *scan,
			    char *buf, size_t size, struct ecap_error *err)
{
	const struct ecap_partition_scan_out *o = scan;
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, scan, ecap_partition_scan_out)) !=
	    ECAP_OK)
		return rc;
	switch (o->reason) {
	case ECAP_PARTITION_REASON_SPLIT_NO_FILES:
		return ecap__explainf(err, buf, size,
				      "FilePartition: no non-empty file, so "
				      "no scan task");
	case ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_NUM:
		return ecap__explainf(
			err, buf, size,
			"FilePartition: %" PRId64 " tasks at maxSplitBytes %"
			PRId64 " exceed maxPartitionNum %" PRId64 "; %" PRId64
			" splits packed again at ceil(total / %" PRId64
			") = %" PRId64 " B give %" PRId64 " tasks",
			o->size_packed_task_count, o->max_split_bytes,
			o->max_partition_num, o->split_count,
			o->max_partition_num, o->rescaled_split_bytes,
			o->task_count);
	case ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_BYTES:
	case ECAP_PARTITION_REASON_SPLIT_OPEN_COST:
	case ECAP_PARTITION_REASON_SPLIT_BYTES_PER_CORE:
		return ecap__explainf(
			err, buf, size,
			"FilePartition: maxSplitBytes = min(maxPartitionBytes %"
			PRId64 ", max(openCost %" PRId64 ", %" PRId64 " / %"
			PRId64 ")) = %" PRId64 "; %" PRId64 " splits pack "
			"into %" PRId64 " tasks", o->max_partition_bytes,
			o->open_cost_bytes, o->total_bytes,
			o->min_partition_num, o->max_split_bytes,
			o->split_count, o->task_count);
	default:
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "reason",
				  "reason %" PRId32 " is not a scan reason",
				  o->reason);
	}
}

ECAP_API int
ecap_partition_aqe_explain(const struct ecap_partition_aqe_out *aqe,
			   char *buf, size_t size, struct ecap_error *err)
{
	const char *rule;
	int rc;

	ecap__err_clear(err);
	if ((rc = ECAP__OPTS_CHECK(err, aqe, ecap_partition_aqe_out)) !=
	    ECAP_OK)
		return rc;
	switch (aqe->reason) {
	case ECAP_PARTITION_REASON_AQE_TARGET_MIN_SIZE:
		rule = "minPartitionSize";
		break;
	case ECAP_PARTITION_REASON_AQE_TARGET_PARALLELISM:
		rule = "ceil(total / minNumPartitions)";
		break;
	case ECAP_PARTITION_REASON_AQE_TARGET_ADVISORY:
		rule = "the advisory size";
		break;
	default:
		return ecap__fail(err, ECAP_ERR_UNKNOWN_ENUM, "reason",
				  "reason %" PRId32 " is not an AQE reason",
				  aqe->reason);
	}
	return ecap__explainf(
		err, buf, size,
		"ShufflePartitionsUtil: target %" PRId64 " B is %s (advisory %"
		PRId64 ", max target %" PRId64 ", min %" PRId64 "); %" PRId64
		" partitions coalesce to %" PRId64 "; %" PRId64 " skewed "
		"(median %" PRId64 " B) split into %" PRId64 " tasks",
		aqe->target_size_bytes, rule,
		aqe->advisory_partition_size_bytes,
		aqe->max_target_size_bytes, aqe->min_partition_size_bytes,
		aqe->partition_count, aqe->coalesced_partition_count,
		aqe->skewed_partition_count, aqe->median_size_bytes,
		aqe->skew_split_task_count);
}
