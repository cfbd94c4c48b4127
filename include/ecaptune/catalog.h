/* SPDX-License-Identifier: MIT */
/*
 * ecaptune/catalog.h - the instance catalogs: Spark nodes, RDS classes,
 * MSK brokers.
 *
 * Part of the public interface; include <ecaptune.h>, not this file.
 */
#ifndef ECAPTUNE_CATALOG_H
#define ECAPTUNE_CATALOG_H

#ifndef ECAPTUNE_H
#error "include <ecaptune.h> instead of <ecaptune/catalog.h>"
#endif

/* ------------------------------------------------------------------------
 * catalogs
 */
/*
 * A policy carries three catalogs of priced machine shapes, one mechanism
 * for all three.  Each ships with the library (one table per catalog in
 * lib/catalog-*.def, every entry with the region and date of its price)
 * and can be listed, replaced entry by entry, or replaced whole through
 * the policy API and JSON ("catalog.<catalog>": an array of entries).
 * A catalog is never empty and is kept sorted by price_usd_per_hour,
 * then name.  Fields that do not apply to an entry's catalog must be 0.
 * Values are pinned.
 */
enum ecap_catalog {
	/* EC2 instance types that run Spark executors (EMR, YARN, EKS). */
	ECAP_CATALOG_SPARK_NODE = 1,
	/* Amazon RDS for PostgreSQL DB instance classes. */
	ECAP_CATALOG_DATABASE = 2,
	/* Amazon MSK (provisioned, Standard) broker sizes. */
	ECAP_CATALOG_KAFKA_BROKER = 3,
};

/** "spark-node", "database", "kafka-broker"; NULL for an unknown value. */
ECAP_API const char *ecap_catalog_to_string(int32_t catalog);
/** Parses a catalog name; ECAP_ERR_UNKNOWN_ENUM if unknown. */
ECAP_API int ecap_catalog_from_string(const char *name, int32_t *catalog,
				      struct ecap_error *err);

/* Most entries one catalog holds. */
#define ECAP_CATALOG_MAX_ENTRIES 128

struct ecap_catalog_entry {
	size_t sz;
	/* enum ecap_catalog. */
	int32_t catalog;
	/* vCPUs; range 1 .. 65536. */
	int32_t vcpu_count;
	/* 1 to 63 printable ASCII characters without white space, quotes
	 * or backslashes: "r5.4xlarge", "db.r6g.xlarge", "kafka.m5.large";
	 * unique within its catalog. */
	char name[64];
	/* The name up to its last '.': "r5", "db.r6g", "kafka.m5" (filled
	 * by the library when empty; the whole name when it has no '.');
	 * 0 to 31 characters like the name. */
	char family[32];
	/* Region of the prices, e.g. "us-east-1"; 1 to 31 characters of
	 * a-z, 0-9 and '-'. */
	char region[32];
	/* Day the prices were read, "YYYY-MM-DD" (a real date, year
	 * 2000 .. 2199). */
	char price_date[16];
	/* Memory of the machine (GiB); range 1/1024 (1 MiB) .. 1048576. */
	double memory_gb;
	/* On-demand price: EC2 (spark-node), RDS Single-AZ instance
	 * (database), MSK broker (kafka-broker); range 0 .. 1e6. */
	double price_usd_per_hour;
	/* spark-node: the EMR charge on top of price_usd_per_hour; 0 means
	 * Amazon EMR does not offer the type (the compiled-in "large" rows):
	 * the EMR pick skips it and EMR advice refuses it by name with
	 * ECAP_ERR_NOT_FOUND; range 0 .. 1e6 (also for the other prices
	 * below). */
	double emr_price_usd_per_hour;
	/* database: the Multi-AZ (one standby) instance price. */
	double multi_az_price_usd_per_hour;
	/* database: gp3 storage; kafka-broker: broker storage, per GB-month. */
	double storage_usd_per_gb_month;
	/* database: provisioned gp3 IOPS above the baseline, per IOPS-month. */
	double iops_usd_per_month;
	/* spark-node: yarn.nodemanager.resource.memory-mb EMR gives
	 * containers (MiB); range 1 .. memory_gb * 1024, or 0 on set: the
	 * library fills EMR's rule for the type's generation (the name's
	 * first digit; ecap_policy_catalog_count(3)) and sets
	 * yarn_memory_derived_flag. */
	int64_t yarn_memory_mb;
	/* spark-node: 1 when yarn_memory_mb follows the EMR table's rule
	 * rather than a published row; 0 or 1. */
	int32_t yarn_memory_derived_flag;
	/* spark-node: pods the EKS AMI allows on the node (ENI limit);
	 * range 1 .. 65536. */
	int32_t eks_max_pod_count;
	/* kafka-broker: MSK's recommended most partition replicas per broker
	 * (leaders and followers); range 1 .. 1e9. */
	int64_t max_partition_replica_count;
	/* kafka-broker: sustained ingress a broker takes (MB/s); range
	 * 0.001 .. 1e6. */
	double throughput_mb_per_second;
	size_t :0;
};
#define ecap_catalog_entry__last_field throughput_mb_per_second

/** Entries in a catalog (0 for an unknown catalog). */
ECAP_API size_t ecap_policy_catalog_count(const ecap_policy *policy,
					  int32_t catalog);
/** Copies entry index (0 .. count-1) of a catalog; ECAP_ERR_RANGE past the end. */
ECAP_API int ecap_policy_catalog_at(const ecap_policy *policy, int32_t catalog,
				    size_t index,
				    struct ecap_catalog_entry *entry,
				    struct ecap_error *err);
/**
 * Copies the entry named name; ECAP_ERR_NOT_FOUND if there is none,
 * ECAP_ERR_UNKNOWN_ENUM for an unknown catalog (also for _at, _set and
 * _remove).
 */
ECAP_API int ecap_policy_catalog_find(const ecap_policy *policy,
				      int32_t catalog, const char *name,
				      struct ecap_catalog_entry *entry,
				      struct ecap_error *err);
/**
 * Adds the entry to entry->catalog, or replaces the one with the same
 * name; ECAP_ERR_LIMIT when the catalog is full.
 */
ECAP_API int ecap_policy_catalog_set(ecap_policy *policy,
				     const struct ecap_catalog_entry *entry,
				     struct ecap_error *err);
/** Removes an entry; the last one cannot be removed (ECAP_ERR_LIMIT). */
ECAP_API int ecap_policy_catalog_remove(ecap_policy *policy, int32_t catalog,
					const char *name,
					struct ecap_error *err);

#endif /* ECAPTUNE_CATALOG_H */
