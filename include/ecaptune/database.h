/* SPDX-License-Identifier: MIT */
/*
 * ecaptune/database.h - PostgreSQL sizing.
 *
 * Part of the public interface; include <ecaptune.h>, not this file.
 */
#ifndef ECAPTUNE_DATABASE_H
#define ECAPTUNE_DATABASE_H

#ifndef ECAPTUNE_H
#error "include <ecaptune.h> instead of <ecaptune/database.h>"
#endif

/* ------------------------------------------------------------------------
 * database sizing
 */
/*
 * PostgreSQL sizing: storage, memory, instance class, cost and the
 * parameter group for a transaction volume (the guide's
 * calculate_database_resources and its RDS parameter group).
 *
 * guide:  daily_storage_gb = tx * transaction_size_kb * index_overhead
 *         / 1024 / 1024; data = daily * retention * analytics_multiplier;
 *         memory = max(min_memory_gb, data * memory_share_ratio);
 *         db.r6g.xlarge if memory <= 32, db.r6g.2xlarge if <= 64, else
 *         db.r6g.4xlarge (even when it holds less); storage_gb =
 *         int(data * (1 + storage_buffer_ratio)).
 * ecap-1: the same memory and data; the smallest class of the policy's
 *         catalog whose memory_gb >= memory, or, when none does, the largest
 *         with fits_flag 0 and instances_needed_count = ceil(memory /
 *         largest); storage_gb rounded up.
 */
#define ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY 1e12

/* Why the instance class was chosen (pinned values). */
enum ecap_database_reason {
	/* guide: memory within the guide's <= 32 / <= 64 / else rule. */
	ECAP_DATABASE_REASON_GUIDE_THRESHOLD = 1,
	/* guide: above 64 GB the guide picks db.r6g.4xlarge, which holds
	 * less than the memory required. */
	ECAP_DATABASE_REASON_GUIDE_UNDERSIZED = 2,
	/* ecap-1: the smallest class that holds the memory required. */
	ECAP_DATABASE_REASON_SMALLEST_FIT = 3,
	/* ecap-1: no class holds it; the largest, times
	 * instances_needed_count. */
	ECAP_DATABASE_REASON_NONE_FITS = 4,
};

struct ecap_database_in {
	size_t sz;
	/* Transactions a day; range 0 .. 1e12 (required). */
	double transactions_per_day;
	/* Days kept; 0 = policy database.retention_days; range 0 .. 36500. */
	int64_t retention_days;
	size_t :0;
};
#define ecap_database_in__last_field retention_days

struct ecap_database_out {
	size_t sz;
	/* enum ecap_model and enum ecap_database_reason. */
	int32_t model;
	int32_t reason;
	/* Transaction data with indexes written a day. */
	double daily_storage_gb;
	/* Data kept: daily * retention * analytics multiplier. */
	double data_storage_gb;
	/* Storage to provision with the buffer: an integral number of GB
	 * (guide truncated, ecap-1 rounded up). */
	double storage_gb;
	/* Memory required: max(min, data * memory share). */
	double memory_required_gb;
	/* The chosen class, its memory, vCPUs and price. */
	char instance_class[64];
	double instance_memory_gb;
	int32_t instance_vcpus;
	/* 1 when one instance of the class holds memory_required_gb. */
	int32_t fits_flag;
	/* Instances the memory needs: 1, or ceil(memory / class memory). */
	int64_t instances_needed_count;
	double price_usd_per_hour;
	/* price * cost.hours_per_month * instances_needed_count. */
	double cost_usd_per_month;
	/* PostgreSQL parameters for one instance of the class, in kB. */
	int64_t max_connections_count;
	int64_t shared_buffers_kb;		/* RAM / 4 */
	int64_t effective_cache_size_kb;	/* RAM * 3 / 4 */
	int64_t maintenance_work_mem_kb;	/* policy, 256MB */
	double checkpoint_completion_target_ratio; /* policy, 0.7 */
	int64_t wal_buffers_kb;			/* policy, 16MB */
	/* vCPUs when >= 4, else 8 (PGTune). */
	int64_t max_worker_processes_count;
	/* max(4096, floor((RAM - shared_buffers) / ((max_connections +
	 * max_worker_processes) * 3))), PGTune 2025. */
	int64_t work_mem_kb;
	/* Connection pool (the guide's DATABASE_CONFIG). */
	int64_t pool_size_count;
	int64_t pool_max_overflow_count;
	int64_t pool_timeout_seconds;
	int64_t pool_recycle_seconds;
	int32_t pool_pre_ping_flag;
	int32_t reserved_0;
	char reason_text[256];
	size_t :0;
};
#define ecap_database_out__last_field reason_text

/** Sizes a PostgreSQL database (see above and ecap_database_advise(3)). */
ECAP_API int ecap_database_advise(const ecap_policy *policy,
				  const struct ecap_database_in *in,
				  struct ecap_database_out *out,
				  struct ecap_error *err);
/**
 * Renders out's PostgreSQL parameters as properties with units ("8GB",
 * "256MB", "41120kB"), in a caller's array (struct ecap_property rules).
 */
ECAP_API int ecap_database_properties(const struct ecap_database_out *out,
				      struct ecap_property *props,
				      size_t *count, struct ecap_error *err);

#endif /* ECAPTUNE_DATABASE_H */
