/* SPDX-License-Identifier: MIT */
/*
 * partition-scan.c - Spark's scan-task count for a file listing
 * (FilePartition.maxSplitBytes and getFilePartitions, engine-facts 2.1).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "partition.h"

/* Bounded so that file_count * open cost stays far below INT64_MAX. */
#define MAX_OPEN_COST_BYTES (INT64_C(1) << 36)

static int
scan_check(const struct ecap_partition_scan_in *in, struct ecap_error *err,
	   int64_t *file_bytes)
{
	int64_t i;
	int rc;

	if ((rc = ecap__check_int64(err, "file_count", in->file_count, 0,
				    ECAP_PARTITION_MAX_COUNT)) != ECAP_OK ||
	    (rc = ecap__check_bool(err, "not_splittable",
				   in->not_splittable)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "reserved_0", in->reserved_0, 0,
				    0)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "max_partition_bytes",
				    in->max_partition_bytes, 0,
				    ECAP_PARTITION_MAX_BYTES)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "open_cost_bytes",
				    in->open_cost_bytes, 0,
				    MAX_OPEN_COST_BYTES)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "min_partition_num",
				    in->min_partition_num, 0,
				    ECAP__MAX_SPARK_INT)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "total_executor_cores",
				    in->total_executor_cores, 0,
				    ECAP_PARTITION_MAX_COUNT)) != ECAP_OK ||
	    (rc = ecap__check_int64(err, "max_partition_num",
				    in->max_partition_num, 0,
				    ECAP__MAX_SPARK_INT)) != ECAP_OK ||
	    (rc = ecap__partition_check_sizes(err, "file_sizes_bytes",
					      in->file_sizes_bytes,
					      in->file_count, file_bytes)) !=
		    ECAP_OK)
		return rc;
	if (in->file_splittable != NULL)
		for (i = 0; i < in->file_count; i++)
			if ((rc = ecap__check_bool(err, "file_splittable",
						   in->file_splittable[i])) !=
			    ECAP_OK)
				return rc;
	return ECAP_OK;
}

static int
cmp_desc(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x < y) - (x > y);
}

/*
 * FilePartition.getFilePartitions' Next Fit packing of the splits sorted
 * by length, largest first:
 *   if (currentSize + file.length > maxSplitBytes) closePartition()
 *   currentSize += file.length + openCostInBytes
 * closePartition() adds only a non-empty partition.  Splits of one length
 * are packed as a run in closed form, since a listing of 1 EiB cut into
 * 4 MiB splits is too many to walk one by one.
 */
struct pack {
	int64_t limit, open_cost, cur, parts;
	int has_files;
};

static void
pack_run(struct pack *p, int64_t len, int64_t m)
{
	int64_t step = len + p->open_cost, k, t;

	if (m == 0)
		return;
	/* Fill the open partition while currentSize + len <= limit. */
	if (p->has_files && p->cur + len <= p->limit) {
		t = ecap__min64((p->limit - p->cur - len) / step + 1, m);
		p->cur += t * step;
		m -= t;
	}
	if (m == 0)
		return;
	if (p->has_files)
		p->parts++;
	/* A fresh partition takes its first split unconditionally and the
	 * (j+1)th while j * step + len <= limit: k splits each. */
	k = len <= p->limit ? (p->limit - len) / step + 1 : 1;
	p->parts += (m - 1) / k;
	p->cur = (m - (m - 1) / k * k) * step;
	p->has_files = 1;
}

/*
 * Packs run_count splits of run_len bytes and the n other splits in
 * items[] (sorted largest first) with the given limit; returns the
 * partitions.  Equal lengths pack the same in any order, so the run goes
 * between the longer and the other items.
 */
static int64_t
pack_splits(const int64_t *items, int64_t n, int64_t run_len,
	    int64_t run_count, int64_t limit, int64_t open_cost)
{
	struct pack p = { limit, open_cost, 0, 0, 0 };
	int64_t i = 0;

	for (; i < n && items[i] > run_len; i++)
		pack_run(&p, items[i], 1);
	pack_run(&p, run_len, run_count);
	for (; i < n; i++)
		pack_run(&p, items[i], 1);
	return p.parts + p.has_files;
}

static void
scan_reason(struct ecap_partition_scan_out *out, int64_t max_pb,
	    int64_t open_cost)
{
	if (out->split_count == 0)
		out->reason = ECAP_PARTITION_REASON_SPLIT_NO_FILES;
	else if (out->rescaled_split_bytes > 0)
		out->reason = ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_NUM;
	else if (out->max_split_bytes == max_pb)
		out->reason = ECAP_PARTITION_REASON_SPLIT_MAX_PARTITION_BYTES;
	else if (out->bytes_per_core <= open_cost)
		out->reason = ECAP_PARTITION_REASON_SPLIT_OPEN_COST;
	else
		out->reason = ECAP_PARTITION_REASON_SPLIT_BYTES_PER_CORE;
}

int
ecap__partition_scan(const struct ecap_partition_scan_in *in,
		     struct ecap_partition_scan_out *out,
		     struct ecap_error *err)
{
	int64_t file_bytes = 0, max_pb, open_cost, msb, i, n = 0;
	int64_t run = 0, *items = NULL;
	int rc;

	if ((rc = scan_check(in, err, &file_bytes)) != ECAP_OK ||
	    (rc = ecap__partition_parallelism(err, "min_partition_num",
					      in->min_partition_num,
					      in->total_executor_cores,
					      &out->min_partition_num)) !=
		    ECAP_OK)
		return rc;
	max_pb = in->max_partition_bytes > 0 ? in->max_partition_bytes
					     : ECAP__SPARK_MAX_PARTITION_BYTES;
	open_cost = in->open_cost_bytes > 0 ? in->open_cost_bytes
					    : ECAP__SPARK_OPEN_COST_BYTES;
	out->max_partition_bytes = max_pb;
	out->open_cost_bytes = open_cost;
	out->max_partition_num = in->max_partition_num;
	if (in->file_count > 0) {
		items = ecap__malloc((size_t)in->file_count * sizeof(*items));
		if (items == NULL)
			return ecap__fail(err, ECAP_ERR_NOMEM,
					  "file_sizes_bytes",
					  "no memory for %" PRId64 " splits",
					  in->file_count);
	}
	/* The file index drops empty files (isNonEmptyFile: getLen > 0)
	 * before maxSplitBytes sums (len + openCost). */
	for (i = 0; i < in->file_count; i++)
		if (in->file_sizes_bytes[i] > 0)
			out->total_bytes += in->file_sizes_bytes[i] + open_cost;
	out->bytes_per_core = out->total_bytes / out->min_partition_num;
	msb = ecap__min64(max_pb, ecap__max64(open_cost, out->bytes_per_core));
	out->max_split_bytes = msb;
	/* The splits: a run of pieces of exactly msb, and at most one other
	 * split per file (a remainder or a whole unsplittable file). */
	for (i = 0; i < in->file_count; i++) {
		int64_t len = in->file_sizes_bytes[i];
		int split = in->file_splittable != NULL ?
				    in->file_splittable[i] : !in->not_splittable;

		if (len == 0)
			continue;
		if (!split) {
			/* one split from 0 to getLen */
			items[n++] = len;
			continue;
		}
		/* PartitionedFileUtil.splitFiles: (0 until len by msb) */
		run += len / msb;
		if (len % msb > 0)
			items[n++] = len % msb;
	}
	if (n > 1)
		qsort(items, (size_t)n, sizeof(*items), cmp_desc);
	out->split_count = run + n;
	out->task_count = pack_splits(items, n, msb, run, msb, open_cost);
	out->size_packed_task_count = out->task_count;
	/* Spark 3.5+ getFilePartitions: maxPartNum.exists(partitions.size > _)
	 * packs the same splits again at desiredSplitBytes =
	 * ecap__ceil(sum(split.length + openCost) / maxPartNum) (BigDecimal, UP).
	 * Spark sums in BigDecimal; here the sum fits int64 while
	 * maxSplitBytes >= openCost, but a maxPartitionBytes below the open
	 * cost cuts files into splits whose open costs alone can pass 2^63. */
	if (in->max_partition_num > 0 &&
	    out->task_count > in->max_partition_num) {
		int64_t costs, sum;

		if (__builtin_mul_overflow(out->split_count, open_cost, &costs) ||
		    __builtin_add_overflow(file_bytes, costs, &sum)) {
			ecap__free(items);
			return ecap__fail(err, ECAP_ERR_RANGE,
					  "max_partition_bytes",
					  "max_partition_bytes %" PRId64
					  " below open_cost_bytes %" PRId64
					  " makes %" PRId64 " splits whose "
					  "sizes and open costs pass 2^63 "
					  "bytes", max_pb, open_cost,
					  out->split_count);
		}
		out->rescaled_split_bytes = ecap__ceil_div(sum,
							   in->max_partition_num);
		out->task_count = pack_splits(items, n, msb, run,
					      out->rescaled_split_bytes,
					      open_cost);
	}
	ecap__free(items);
	scan_reason(out, max_pb, open_cost);
	return ECAP_OK;
}

/*
 * Files of two lengths, len + 1 (`longer` of them) and len (`shorter`):
 * pieces of msb from each splittable file, then the remainders, packed
 * longest first as getFilePartitions sorts them.
 */
int64_t
ecap__partition_scan_uniform(int64_t file_count, int64_t size_bytes,
			     bool splittable, int64_t max_partition_bytes,
			     int64_t min_partition_num)
{
	int64_t open_cost = ECAP__SPARK_OPEN_COST_BYTES;
	int64_t len = size_bytes / file_count, longer = size_bytes % file_count;
	int64_t shorter = file_count - longer, nonempty, msb, pieces = 0;
	int64_t rem_long, rem_short;
	struct pack p;

	/* Empty files (len 0) are dropped by the file index. */
	nonempty = len > 0 ? file_count : longer;
	if (nonempty == 0)
		return 0;
	msb = ecap__min64(max_partition_bytes,
			  ecap__max64(open_cost, (size_bytes + nonempty *
						  open_cost) /
						 min_partition_num));
	rem_long = len + 1;
	rem_short = len;
	if (splittable) {
		pieces = longer * ((len + 1) / msb) + shorter * (len / msb);
		rem_long = (len + 1) % msb;
		rem_short = len % msb;
	}
	p = (struct pack){ msb, open_cost, 0, 0, 0 };
	/* Every whole piece (msb) is at least as long as any remainder,
	 * and a remainder of len + 1 is longer than one of len unless it
	 * wrapped to 0 (then it is not a split, nor is a remainder of 0). */
	pack_run(&p, msb, pieces);
	if (rem_long > rem_short) {
		pack_run(&p, rem_long, longer);
		pack_run(&p, rem_short, rem_short > 0 ? shorter : 0);
	} else {
		pack_run(&p, rem_short, rem_short > 0 ? shorter : 0);
	}
	return p.parts + p.has_files;
}

ECAP_API int
ecap_partition_scan_tasks(const ecap_policy *policy,
			  const struct ecap_partition_scan_in *in,
			  struct ecap_partition_scan_out *out,
			  struct ecap_error *err)
{
	struct ecap_partition_scan_out tmp;
	int rc;

	ecap__err_clear(err);
	if ((rc = ecap__check_ptr(err, policy, "policy")) != ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, in, ecap_partition_scan_in)) !=
		    ECAP_OK ||
	    (rc = ECAP__OPTS_CHECK(err, out, ecap_partition_scan_out)) !=
		    ECAP_OK)
		return rc;
	/* Computed aside: a failed call (no memory for the splits, too many
	 * of them) leaves *out as it was. */
	memset(&tmp, 0, sizeof(tmp));
	tmp.model = policy->model;
	if ((rc = ecap__partition_scan(in, &tmp, err)) == ECAP_OK)
		memcpy((char *)out + sizeof(out->sz),
		       (const char *)&tmp + sizeof(tmp.sz),
		       ecap_offsetofend(struct ecap_partition_scan_out,
					ecap_partition_scan_out__last_field) -
			       sizeof(tmp.sz));
	return rc;
}
