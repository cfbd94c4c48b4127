/* SPDX-License-Identifier: MIT */
/*
 * Partition sizing, scan tasks and AQE with fuzzed structs (sz included)
 * and arrays; every advice the advisor gives, the renderer accepts.
 */
#include "fuzz.h"

#define MAX_ITEMS 32

static void
advise(const ecap_policy *p, struct fuzz_in *in, struct ecap_error *err)
{
	struct {
		struct ecap_partition_in v;
		unsigned char tail[32];
	} i;
	struct ecap_partition_out out;
	struct ecap_property props[FUZZ_PROPS];
	int64_t sizes[MAX_ITEMS];
	size_t n = fuzz_props_init(props), k;
	int rc;

	fuzz_struct(in, &i, sizeof(i.v));
	/* The file list: NULL (sizes from the other fields), or an array
	 * as long as file_count says whenever that fits one. */
	k = (size_t)fuzz_u8(in) % (MAX_ITEMS + 1);
	fuzz_bytes(in, sizes, k * sizeof(sizes[0]));
	i.v.file_sizes_bytes = k == 0 ? NULL : sizes;
	if (k > 0 && (i.v.file_count < 0 || i.v.file_count > (int64_t)k))
		i.v.file_count = (int64_t)k;
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_partition_advise(p, &i.v, &out, err)) != ECAP_OK) {
		fuzz_check_error(rc, err);
		return;
	}
	rc = ecap_partition_spark_properties(p, &out, props, &n, err);
	fuzz_rendered(rc, err, props, n);
}

static void
scan(const ecap_policy *p, struct fuzz_in *in, struct ecap_error *err)
{
	struct {
		struct ecap_partition_scan_in v;
		unsigned char tail[32];
	} i;
	struct ecap_partition_scan_out out;
	int64_t sizes[MAX_ITEMS];
	int32_t split[MAX_ITEMS];
	uint8_t k = fuzz_u8(in);
	size_t n = k % MAX_ITEMS;
	int rc;

	fuzz_bytes(in, sizes, n * sizeof(sizes[0]));
	fuzz_bytes(in, split, n * sizeof(split[0]));
	fuzz_struct(in, &i, sizeof(i.v));
	i.v.file_sizes_bytes = (k & 0x80) && n == 0 ? NULL : sizes;
	i.v.file_splittable = (k & 0x40) ? split : NULL;
	if (!(k & 0x20))
		i.v.file_count = (int64_t)n;
	else if (i.v.file_count < 0 || i.v.file_count > (int64_t)n)
		i.v.file_count = -1;	/* never past the arrays */
	ECAP_STRUCT_INIT(&out);
	if ((rc = ecap_partition_scan_tasks(p, &i.v, &out, err)) != ECAP_OK)
		fuzz_check_error(rc, err);
	else
		FUZZ_ASSERT(out.task_count >= 0 && out.task_count <= out.split_count + 1);
}

static void
aqe(const ecap_policy *p, struct fuzz_in *in, struct ecap_error *err)
{
	struct {
		struct ecap_partition_aqe_in v;
		unsigned char tail[32];
	} i;
	struct ecap_partition_aqe_out out;
	int64_t sizes[MAX_ITEMS], splits[MAX_ITEMS];
	uint8_t k = fuzz_u8(in);
	size_t n = k % MAX_ITEMS, count = (size_t)fuzz_u8(in) % (MAX_ITEMS + 1);
	int rc;

	fuzz_bytes(in, sizes, n * sizeof(sizes[0]));
	fuzz_struct(in, &i, sizeof(i.v));
	i.v.partition_sizes_bytes = sizes;
	i.v.partition_count = (int64_t)n;
	ECAP_STRUCT_INIT(&out);
	rc = ecap_partition_aqe(p, &i.v, &out, (k & 0x80) ? NULL : splits,
				(k & 0x80) ? NULL : &count, err);
	if (rc != ECAP_OK)
		fuzz_check_error(rc, err);
}

int
ecap_fuzz_partition(const uint8_t *data, size_t size)
{
	static const fuzz_op ops[] = { advise, scan, aqe };

	return fuzz_run(data, size, ops, 3);
}
