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
 * PostgreSQL sizing on Amazon RDS: storage, memory, the instance class,
 * read replicas, cost and the parameters for a transaction volume.
 *
 * guide:  the guide's calculate_database_resources and RDS parameter group
 *         number for number: memory = max(min_memory_gb, 25 % of all data
 *         kept with analytics); db.r6g.xlarge if memory <= 32, 2xlarge if
 *         <= 64, else 4xlarge, at the guide's own prices (0.504, 1.008,
 *         2.016 an hour, not the catalog's); storage truncated.
 * ecap-1: memory from the working set (database.hot_days of transactions
 *         with indexes, cached in PGTune's effective_cache_size share of
 *         RAM); one primary: the cheapest class of the "database" catalog
 *         with that memory and the vCPUs the peak rate and the pooled
 *         connections need; read replicas only when the peak needs more
 *         vCPUs than one class has and reads can take the excess; Multi-AZ
 *         by default; gp3 storage and IOPS priced; beyond one instance the
 *         largest class with recommendation flags, never N primaries;
 *         parameters as PGTune computes them (ecap_database_advise(3)).
 */
#define ECAP_DATABASE_MAX_TRANSACTIONS_PER_DAY 1e12

/* Why the instance class was chosen (pinned values). */
enum ecap_database_reason {
	/* guide: memory within the guide's <= 32 / <= 64 / else rule. */
	ECAP_DATABASE_REASON_GUIDE_THRESHOLD = 1,
	/* guide: above 64 GB the guide picks db.r6g.4xlarge, which holds
	 * less than the memory required. */
	ECAP_DATABASE_REASON_GUIDE_UNDERSIZED = 2,
	/* ecap-1: the cheapest class with the memory and vCPUs required. */
	ECAP_DATABASE_REASON_CHEAPEST_FIT = 3,
	/* ecap-1: no class holds the working set, or the storage passes one
	 * instance's limit: the largest class and the flags' advice. */
	ECAP_DATABASE_REASON_BEYOND_ONE_INSTANCE = 4,
	/* ecap-1: the peak needs more vCPUs than one class has; the reads
	 * beyond the primary go to read_replica_count replicas. */
	ECAP_DATABASE_REASON_READ_REPLICAS = 5,
	/* ecap_database_advise_shape: the caller's own RAM and vCPUs. */
	ECAP_DATABASE_REASON_SHAPE_GIVEN = 6,
};

/* The kind of workload (PGTune's "DB type"; pinned values). */
enum ecap_database_workload {
	ECAP_DATABASE_WORKLOAD_WEB = 1,
	ECAP_DATABASE_WORKLOAD_OLTP = 2,
	/* Data warehouse. */
	ECAP_DATABASE_WORKLOAD_DW = 3,
	ECAP_DATABASE_WORKLOAD_DESKTOP = 4,
	ECAP_DATABASE_WORKLOAD_MIXED = 5,
};

/* The storage under the data (PGTune's "data storage"; pinned values). */
enum ecap_database_storage {
	/* SSD, e.g. Amazon EBS gp3 under RDS. */
	ECAP_DATABASE_STORAGE_SSD = 1,
	ECAP_DATABASE_STORAGE_HDD = 2,
	/* Network storage (SAN). */
	ECAP_DATABASE_STORAGE_SAN = 3,
	ECAP_DATABASE_STORAGE_NVME = 4,
};

/* Recommendations and warnings, bits of out->flags (pinned values). */
enum ecap_database_flag {
	/* Range-partition the tables by date and archive cold partitions. */
	ECAP_DATABASE_FLAG_PARTITION_AND_ARCHIVE = 1 << 0,
	/* Move the analytics tables to the data lake. */
	ECAP_DATABASE_FLAG_ANALYTICS_TO_LAKE = 1 << 1,
	/* Add read replicas (read_replica_count) for the reads. */
	ECAP_DATABASE_FLAG_ADD_READ_REPLICAS = 1 << 2,
	/* No class holds the working set. */
	ECAP_DATABASE_FLAG_MEMORY_SHORT = 1 << 3,
	/* The storage passes one instance's limit (storage_limit_gb). */
	ECAP_DATABASE_FLAG_STORAGE_LIMIT = 1 << 4,
	/* The writes alone need more vCPUs than the largest class has:
	 * shard or batch the writes. */
	ECAP_DATABASE_FLAG_WRITES_SHORT = 1 << 5,
	/* The IOPS pass gp3's most (database.gp3_max_iops): use io2. */
	ECAP_DATABASE_FLAG_IOPS_LIMIT = 1 << 6,
	/* The application pools can open more connections than
	 * max_connections leaves to applications. */
	ECAP_DATABASE_FLAG_POOL_EXHAUSTION = 1 << 7,
	/* The reads need more replicas than one primary takes
	 * (database.max_read_replicas): cache the reads or shard. */
	ECAP_DATABASE_FLAG_READS_SHORT = 1 << 8,
};

struct ecap_database_in {
	size_t sz;
	/* Transactions a day; range 0 .. 1e12 (required). */
	double transactions_per_day;
	/* Days kept; 0 = policy database.retention_days; range 0 .. 36500. */
	int64_t retention_days;
	/* enum ecap_database_workload; 0 = policy database.workload. */
	int32_t workload;
	/* enum ecap_database_storage; 0 = policy database.storage_type. */
	int32_t storage_type;
	/* max_connections; 0 = PGTune's default for the workload (ecap-1)
	 * or policy database.max_connections (guide); 0 .. 262143. */
	int64_t max_connections_count;
	/* PostgreSQL major version; 0 = policy database.postgres_version;
	 * 0 or 10 .. 18. */
	int32_t postgres_version;
	int32_t reserved_0;
	/* Application instances with a pool each; 0 = policy
	 * database.app_instance_count; 0 .. 100000. */
	int64_t app_instance_count;
	/* ecap-1: transactions of the day whose busiest hour sizes vCPUs
	 * and IOPS (a seasonal peak, while transactions_per_day is what is
	 * kept); 0 = transactions_per_day; range 0 .. 1e12. */
	double peak_transactions_per_day;
	size_t :0;
};
#define ecap_database_in__last_field peak_transactions_per_day

/*
 * A machine already chosen (ecap_database_advise_shape): its RAM and
 * vCPUs and the same workload inputs as struct ecap_database_in.
 */
struct ecap_database_shape_in {
	size_t sz;
	/* RAM; range > 0 .. 1048576 GiB (required). */
	double memory_gb;
	/* vCPUs; range 1 .. 65536 (required). */
	int64_t vcpu_count;
	int32_t workload;
	int32_t storage_type;
	int64_t max_connections_count;
	int32_t postgres_version;
	int32_t reserved_0;
	int64_t app_instance_count;
	size_t :0;
};
#define ecap_database_shape_in__last_field app_instance_count

struct ecap_database_out {
	size_t sz;
	/* enum ecap_model and enum ecap_database_reason. */
	int32_t model;
	int32_t reason;
	/* enum ecap_database_flag bits. */
	uint32_t flags;
	/* enum ecap_database_workload and enum ecap_database_storage. */
	int32_t workload;
	int32_t storage_type;
	int32_t postgres_version;
	/* ---- the volume ---- */
	/* Transaction data with indexes written a day. */
	double daily_storage_gb;
	/* Data kept: daily * retention * analytics multiplier. */
	double data_storage_gb;
	/* ecap-1: daily * database.hot_days (guide: 0). */
	double working_set_gb;
	/* guide: max(min, data * 25 %); ecap-1: max(min, working set /
	 * database.cache_share_ratio). */
	double memory_required_gb;
	/* ecap-1: transactions a second in the busiest hour. */
	double peak_transactions_per_second;
	/* ecap-1: vCPUs the peak rate and the pooled connections need. */
	int64_t vcpu_required_count;
	/* ---- the primary ---- */
	char instance_class[64];
	double instance_memory_gb;
	int32_t instance_vcpus;
	/* 1 when the class holds memory_required_gb. */
	int32_t fits_flag;
	/* 1 when the primary has a Multi-AZ standby. */
	int32_t multi_az_flag;
	/* Read replicas of the same class (Single-AZ each). */
	int32_t read_replica_count;
	/* The primary's price: Multi-AZ or Single-AZ. */
	double price_usd_per_hour;
	/* The primary (with its standby) a month. */
	double instance_cost_usd_per_month;
	/* The read replicas a month (instances and their storage). */
	double replica_cost_usd_per_month;
	/* ---- storage (ecap-1; one instance) ---- */
	/* Storage to provision: an integral number of GB (guide truncated,
	 * ecap-1 rounded up, at least 20, 400 when gp3 needs more IOPS). */
	double storage_gb;
	/* Most storage one instance takes (policy database.storage_limit_gb). */
	double storage_limit_gb;
	double storage_cost_usd_per_month;
	/* IOPS at peak, gp3's baseline for storage_gb, and IOPS provisioned
	 * above the baseline. */
	int64_t iops_required_count;
	int64_t iops_baseline_count;
	int64_t iops_provisioned_count;
	double iops_cost_usd_per_month;
	/* guide: the instance price * 24 * 30; ecap-1: primary, replicas,
	 * storage and IOPS. */
	double cost_usd_per_month;
	/* ---- parameters (PGTune; sizes in kB, 0 = not set) ---- */
	int64_t max_connections_count;
	int64_t shared_buffers_kb;
	int64_t effective_cache_size_kb;
	int64_t maintenance_work_mem_kb;
	double checkpoint_completion_target_ratio;
	int64_t wal_buffers_kb;
	int64_t min_wal_size_mb;
	int64_t max_wal_size_mb;
	double random_page_cost;
	int64_t effective_io_concurrency_count;
	int64_t default_statistics_target_count;
	int64_t work_mem_kb;
	/* PGTune's parallel settings, set only with 4 or more vCPUs. */
	int64_t max_worker_processes_count;
	int64_t max_parallel_workers_per_gather_count;
	int64_t max_parallel_workers_count;		/* PostgreSQL >= 10 */
	int64_t max_parallel_maintenance_workers_count;	/* >= 11 */
	/* PGTune's autovacuum settings: 5 workers from 32 vCPUs, 4 from 16;
	 * autovacuum_work_mem 2 GB when maintenance_work_mem reaches it. */
	int64_t autovacuum_max_workers_count;
	int64_t autovacuum_work_mem_kb;
	/* PGTune's settings by name ("" = not set): huge_pages "try" from
	 * 2 GB of shared_buffers, else "off"; jit "off" for web, oltp and
	 * mixed from PostgreSQL 12; wal_compression "lz4" from 15, "on" from
	 * 10; wal_level "minimal" for desktop (with max_wal_senders 0). */
	char huge_pages[8];
	char jit[8];
	char wal_compression[8];
	char wal_level[16];
	/* ---- connection pools (the guide's DATABASE_CONFIG) ---- */
	int64_t pool_size_count;
	int64_t pool_max_overflow_count;
	int64_t pool_timeout_seconds;
	int64_t pool_recycle_seconds;
	int32_t pool_pre_ping_flag;
	int32_t reserved_0;
	int64_t app_instance_count;
	/* (pool_size + max_overflow) * app instances. */
	int64_t pool_connections_max_count;
	/* max_connections less the superuser reserve. */
	int64_t connections_available_count;
	size_t :0;
};
#define ecap_database_out__last_field connections_available_count

/** Sizes a PostgreSQL database (see above and ecap_database_advise(3)). */
ECAP_API int ecap_database_advise(const ecap_policy *policy,
				  const struct ecap_database_in *in,
				  struct ecap_database_out *out,
				  struct ecap_error *err);
/**
 * PGTune's parameters and the pool check for a machine already chosen
 * (ecap-1 rules in both models; reason ECAP_DATABASE_REASON_SHAPE_GIVEN).
 */
ECAP_API int ecap_database_advise_shape(const ecap_policy *policy,
					const struct ecap_database_shape_in *in,
					struct ecap_database_out *out,
					struct ecap_error *err);
/**
 * Writes one sentence naming the rule and numbers that decided (at most
 * ECAP_EXPLAIN_MAX bytes with the NUL; ECAP_ERR_NOSPACE when truncated).
 */
ECAP_API int ecap_database_explain(const struct ecap_database_out *advice,
				   char *buf, size_t size,
				   struct ecap_error *err);
/**
 * Renders out's PostgreSQL parameters as postgresql.conf properties with
 * PGTune's units ("8GB", "2047MB", "41120kB"), in a caller's array
 * (struct ecap_property rules).
 */
ECAP_API int ecap_database_properties(const struct ecap_database_out *out,
				      struct ecap_property *props,
				      size_t *count, struct ecap_error *err);

/* One parameter of an RDS DB parameter group. */
struct ecap_database_rds_parameter {
	size_t sz;
	/* The parameter: "shared_buffers". */
	char name[64];
	/* What to put in the group: a formula where RDS takes one
	 * ("{DBInstanceClassMemory/32768}") or a number, in unit. */
	char value[96];
	/* What value evaluates to on the advice's class (the class's
	 * nominal memory as DBInstanceClassMemory), in unit. */
	char evaluated[32];
	/* The unit RDS reads the parameter in: "8kB", "kB", "MB", "". */
	char unit[16];
	size_t :0;
};
#define ecap_database_rds_parameter__last_field unit

/**
 * Renders out's parameters as an RDS DB parameter group, in a caller's
 * array (struct ecap_property's array rules).
 */
ECAP_API int ecap_database_rds_parameters(
	const struct ecap_database_out *out,
	struct ecap_database_rds_parameter *params, size_t *count,
	struct ecap_error *err);

/** "guide-threshold", "cheapest-fit", ...; NULL for an unknown value. */
ECAP_API const char *ecap_database_reason_to_string(int32_t reason);
/** Parses a reason name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_database_reason_from_string(const char *name,
					      int32_t *reason,
					      struct ecap_error *err);
/** "web", "oltp", "dw", "desktop", "mixed"; NULL for an unknown value. */
ECAP_API const char *ecap_database_workload_to_string(int32_t workload);
/** Parses a workload name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_database_workload_from_string(const char *name,
						int32_t *workload,
						struct ecap_error *err);
/** "ssd", "hdd", "san", "nvme"; NULL for an unknown value. */
ECAP_API const char *ecap_database_storage_to_string(int32_t storage);
/** Parses a storage name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_database_storage_from_string(const char *name,
					       int32_t *storage,
					       struct ecap_error *err);
/** The name of one flag bit ("partition-and-archive", ...); NULL if none. */
ECAP_API const char *ecap_database_flag_to_string(uint32_t flag);
/** Parses a flag name into its bit; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_database_flag_from_string(const char *name, uint32_t *flag,
					    struct ecap_error *err);

#endif /* ECAPTUNE_DATABASE_H */
