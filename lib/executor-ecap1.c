/* SPDX-License-Identifier: MIT */
/*
 * executor-ecap1.c - ecap-1 executor sizing: the cores the window needs,
 * executors cut from a node of the platform, nodes filled with executors
 * (one slot left for the driver or application master), the run's hours
 * and cost, and, with no node given, the cheapest catalog node that meets
 * the window.
 */
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "executor-internal.h"
#include "spark-memory.h"

/* Executors past which the count is not computed at all (it would not
 * fit an int64_t for a tiny window); the advice's own limit is
 * ECAP__EXEC_MAX_ADVISED_EXECUTORS. */
#define MAX_PLANNED_EXECUTORS 10000000.0

/* One node type's sizing. */
struct plan {
	const struct ecap__spark_node *node;
	struct ecap__node_capacity cap;
	struct ecap__exec_shape shape;
	int64_t needed_cores, executors, nodes;
	/* The EBS a node gets (GiB, whole), in volumes of gp3, and the
	 * throughput provisioned on them together (MiB/s). */
	double disk_gb, disk_mib_s;
	int64_t volumes;
	/* The disks' throughput, not the cores, sets projected_hours. */
	bool disk_bound;
	double projected_hours, cost_hour, cost_run;
	int32_t reason;
	/* Executors below executor.cores_min (a node too small for them). */
	bool thin;
	bool capped, over_policy_cap, met;
};

/* A node's hourly price on the platform: EC2, EMR's charge on EMR, and
 * its EBS volume: a GiB of gp3 an hour, and executor.node_ebs_gb of it
 * (every node's least, the EMR primary's volume). */
static double
ebs_gb_hour_usd(const ecap_policy *p)
{
	return ecap__pd(p, ECAP_K_EXECUTOR_EBS_USD_PER_GB_MONTH) /
		ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH);
}

static double
ebs_hour_usd(const ecap_policy *p)
{
	return ecap__pd(p, ECAP_K_EXECUTOR_NODE_EBS_GB) * ebs_gb_hour_usd(p);
}

/*
 * gp3's free baseline on every volume: 125 MiB/s and 3,000 IOPS; above
 * them a volume is priced per provisioned MiB/s-month and IOPS-month, and
 * a volume carries at most 0.25 MiB/s per provisioned IOPS (Amazon EBS
 * volume types, gp3; Amazon EBS pricing, us-east-1).
 */
#define GP3_BASE_MIB_S 125.0
#define GP3_BASE_IOPS 3000.0
#define GP3_MIB_S_PER_IOPS 0.25

/* The local disk a node's share of a run's shuffle takes (GiB, not
 * rounded): executor.shuffle_disk_ratio of the input over the nodes. */
static double
node_shuffle_gb(const ecap_policy *p, double run_gb, int64_t nodes)
{
	return ecap__pd(p, ECAP_K_EXECUTOR_SHUFFLE_DISK_RATIO) * run_gb /
		(double)(nodes > 0 ? nodes : 1);
}

/*
 * The EBS each of nodes gets for a run of run_gb, in gp3 volumes of at
 * most executor.ebs_volume_max_gb (16 TiB), all of a size in whole GiB:
 * executor.node_ebs_gb, or, when more, the node's share of the shuffle
 * (node_shuffle_gb).  A wide stage (a join, an aggregation, a
 * repartition of the whole input) writes shuffle files about the size of
 * its input to the executors' local disks, and spill adds to them; a
 * flat volume fails that stage with "No space left on device" (250 GiB
 * on one node of 64 GiB), and, priced flat, it favoured the fewest,
 * largest nodes.  Past one volume's limit a node gets several (EMR's
 * VolumesPerInstance, several block device mappings of an EKS node's
 * launch template), which YARN and Spark use as several local
 * directories.
 */
static void
node_disk(const ecap_policy *p, double shuffle_gb, struct plan *pl)
{
	double gb = ecap__ceil(ecap__fmax(
		ecap__pd(p, ECAP_K_EXECUTOR_NODE_EBS_GB), shuffle_gb));
	double vol_max = ecap__pd(p, ECAP_K_EXECUTOR_EBS_VOLUME_MAX_GB);
	double volumes = gb > vol_max ? ecap__ceil(gb / vol_max) : 1.0;

	pl->volumes = (int64_t)volumes;
	pl->disk_gb = volumes * ecap__ceil(gb / volumes);
}

/*
 * The throughput a node's volumes are provisioned for and the hours the
 * run then takes.  Each shuffle byte is written once and read back once,
 * within the run: 2 x node_shuffle_gb over projected_hours.  Each volume
 * carries its share, at least gp3's 125 MiB/s, at most
 * executor.ebs_volume_max_throughput_mib_per_second; when even that is
 * short, the disks set the run's hours (disk_bound) and the window is
 * judged on them.
 */
static void
node_disk_throughput(const ecap_policy *p, double shuffle_gb, struct plan *pl)
{
	double io_mib = 2.0 * shuffle_gb * 1024.0;
	double vols = (double)pl->volumes;
	double max = vols *
		ecap__pd(p, ECAP_K_EXECUTOR_EBS_VOLUME_MAX_THROUGHPUT_MIB_PER_SECOND);
	/* A run of no hours (no data) carries nothing. */
	double need = pl->projected_hours > 0.0 ?
		io_mib / (pl->projected_hours * 3600.0) : 0.0;

	pl->disk_bound = need > max;
	if (pl->disk_bound) {
		pl->projected_hours = io_mib / (max * 3600.0);
		need = max;
	}
	/* Whole MiB/s a volume, as the EC2 API takes it. */
	pl->disk_mib_s = vols *
		ecap__fmax(GP3_BASE_MIB_S, ecap__ceil(need / vols - 1e-9));
	if (pl->disk_mib_s > max)
		pl->disk_mib_s = max;
}

/*
 * The node's volumes an hour: GiB-months, MiB/s-months above 125 a
 * volume and, past 750 MiB/s a volume (3,000 IOPS x 0.25), the IOPS that
 * throughput needs above 3,000, each pro rata over
 * cost.hours_per_month.
 */
static double
node_disk_hour_usd(const ecap_policy *p, const struct plan *pl,
		   double gb_hour)
{
	double vols = (double)pl->volumes;
	double per_vol = pl->disk_mib_s / vols;
	double iops = ecap__fmax(GP3_BASE_IOPS,
				 ecap__ceil(per_vol / GP3_MIB_S_PER_IOPS));

	return pl->disk_gb * gb_hour +
		vols * ((per_vol - GP3_BASE_MIB_S) *
			ecap__pd(p, ECAP_K_EXECUTOR_EBS_THROUGHPUT_USD_PER_MIB_PER_SECOND_MONTH) +
			(iops - GP3_BASE_IOPS) *
			ecap__pd(p, ECAP_K_EXECUTOR_EBS_IOPS_USD_PER_MONTH)) /
		ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH);
}

/* ebs: ebs_hour_usd(p), which the auto-pick computes once, not per
 * node. */
static double
node_hour_usd_ebs(const struct ecap__spark_node *n, bool emr, double ebs)
{
	return n->price_usd_per_hour +
		(emr ? n->emr_price_usd_per_hour : 0.0) + ebs;
}

static double
node_hour_usd(const ecap_policy *p, const struct ecap__spark_node *n,
	      bool emr)
{
	return node_hour_usd_ebs(n, emr, ebs_hour_usd(p));
}

/*
 * The EMR primary node runs no executors but bills every hour the cluster
 * does.  Amazon EMR's cluster configuration guidelines give a
 * general-purpose primary to clusters of 50 or fewer nodes and one size
 * up (m4.large -> m4.xlarge in the guide) above: executor.emr_primary_node
 * up to executor.emr_primary_large_after_node_count core and task nodes,
 * executor.emr_primary_large_node above.
 */
struct primary {
	const char *name, *large_name;
	double usd, large_usd;		/* an hour, EMR charge and EBS included */
	int64_t large_after;		/* nodes; INT64_MAX off EMR */
};

static int
primary_type_usd(const ecap_policy *p, int key, const char *key_name,
		 const char **name, double *usd, struct ecap_error *err)
{
	const struct ecap_catalog_entry *e;
	struct ecap__spark_node n;

	*name = ecap__ps(p, key);
	e = ecap__catalog_find(p, ECAP_CATALOG_SPARK_NODE, *name);
	if (e == NULL || e->emr_price_usd_per_hour == 0.0)
		return ecap__fail(err, ECAP_ERR_NOT_FOUND, key_name,
				  "%s \"%s\" is not in the spark-node catalog "
				  "or not offered on EMR", key_name, *name);
	n = (struct ecap__spark_node){
		.price_usd_per_hour = e->price_usd_per_hour,
		.emr_price_usd_per_hour = e->emr_price_usd_per_hour,
	};
	*usd = node_hour_usd(p, &n, true);
	return ECAP_OK;
}

static int
primary_prices(const ecap_policy *p, const struct ecap__exec_args *a,
	       struct primary *pr, struct ecap_error *err)
{
	int rc;

	*pr = (struct primary){ .name = "", .large_name = "",
				.large_after = INT64_MAX };
	if (a->platform != ECAP_SPARK_PLATFORM_EMR)
		return ECAP_OK;
	if ((rc = primary_type_usd(p, ECAP_K_EXECUTOR_EMR_PRIMARY_NODE,
				   "executor.emr_primary_node", &pr->name,
				   &pr->usd, err)) != ECAP_OK ||
	    (rc = primary_type_usd(p, ECAP_K_EXECUTOR_EMR_PRIMARY_LARGE_NODE,
				   "executor.emr_primary_large_node",
				   &pr->large_name, &pr->large_usd, err)) != ECAP_OK)
		return rc;
	pr->large_after =
		ecap__pi(p, ECAP_K_EXECUTOR_EMR_PRIMARY_LARGE_AFTER_NODE_COUNT);
	return ECAP_OK;
}

/* The primary a cluster of nodes gets, an hour. */
static double
primary_usd(const struct primary *pr, int64_t nodes)
{
	return nodes > pr->large_after ? pr->large_usd : pr->usd;
}

int
ecap__executor_capacity(const ecap_policy *p, const struct ecap__exec_args *a,
			const struct ecap__spark_node *n,
			struct ecap__node_capacity *cap, struct ecap_error *err)
{
	if (ecap__is_kubernetes(a->platform))
		return ecap__k8s_capacity(p, n, cap, err);
	return ecap__yarn_capacity(p, n,
				   a->platform == ECAP_SPARK_PLATFORM_EMR,
				   a->caller_yarn_gb, cap, err);
}

/* The cores the run needs, whatever the node (size_plan's need). */
static double
needed_cores(const ecap_policy *p, const struct ecap__exec_args *a)
{
	double tp = ecap__pd(p, ECAP_K_EXECUTOR_THROUGHPUT_GB_PER_CORE_HOUR);

	return ecap__ceil(a->run_gb / (tp * a->target_hours));
}

/*
 * Executors and nodes for the window.  The cores the run needs are its
 * data over executor.throughput_gb_per_core_hour in the target share of
 * the window; executors hold the CPU they are given (the request on
 * Kubernetes).  Nodes hold those executors and one slot for the driver or
 * application master (Cloudera's example gives the AM one executor slot),
 * and every other slot of the nodes bought runs an executor, so no
 * executor node sits idle.  A caller's cap holds the count; the policy's
 * maximum is only flagged.  need is needed_cores(p, a); size_plan reads
 * pl->shape and sets the counts, the compute hours and the cap flags
 * (capped and over_policy_cap only to true: they start false);
 * price_plan then sizes the disks, which may lengthen the hours, and
 * judges the window.
 */
static int
size_plan(const ecap_policy *p, const struct ecap__exec_args *a, double need,
	  struct plan *pl, struct ecap_error *err)
{
	double tp = ecap__pd(p, ECAP_K_EXECUTOR_THROUGHPUT_GB_PER_CORE_HOUR);
	int64_t per = pl->shape.per_node;
	double n = ecap__ceil(need / pl->shape.request_vcpu);

	if (n > MAX_PLANNED_EXECUTORS &&
	    (a->hard_cap == 0 || a->hard_cap > MAX_PLANNED_EXECUTORS))
		return ecap__fail(err, ECAP_ERR_RANGE, "daily_data_gb",
				  "%.6g GB a run in %.6g hours needs %.3g "
				  "executors, more than any Spark cluster runs",
				  a->run_gb, a->target_hours, n);
	pl->needed_cores = need > 9e18 ? INT64_MAX : (int64_t)need;
	pl->reason = ECAP_EXECUTOR_REASON_THROUGHPUT;
	if (n <= (double)a->min_executors) {
		n = (double)a->min_executors;
		pl->reason = ECAP_EXECUTOR_REASON_MIN_EXECUTORS;
	}
	if (a->hard_cap > 0 && n > (double)a->hard_cap) {
		pl->executors = a->hard_cap;
		pl->nodes = (a->hard_cap + 1 + per - 1) / per;
		pl->capped = true;
		pl->reason = ECAP_EXECUTOR_REASON_CAPPED;
	} else {
		pl->nodes = ((int64_t)n + 1 + per - 1) / per;
		pl->executors = pl->nodes * per - 1;
	}
	if (pl->executors > ECAP__EXEC_MAX_ADVISED_EXECUTORS)
		return ecap__fail(err, ECAP_ERR_RANGE, "daily_data_gb",
				  "%.6g GB a run in %.6g hours needs %" PRId64
				  " executors, more than any Spark cluster runs "
				  "(at most %" PRId64 ")", a->run_gb,
				  a->target_hours, pl->executors,
				  ECAP__EXEC_MAX_ADVISED_EXECUTORS);
	if (!pl->capped && pl->executors > a->cap) {
		pl->over_policy_cap = true;
		pl->reason = ECAP_EXECUTOR_REASON_POLICY_CAP_EXCEEDED;
	}
	pl->projected_hours = a->run_gb / ((double)pl->executors *
					   pl->shape.request_vcpu * tp);
	return ECAP_OK;
}

/* gb_hour: ebs_gb_hour_usd(p). */
static void
price_plan(const ecap_policy *p, const struct ecap__exec_args *a,
	   const struct primary *pr, double gb_hour, struct plan *pl)
{
	bool emr = a->platform == ECAP_SPARK_PLATFORM_EMR;
	double shuffle_gb = node_shuffle_gb(p, a->run_gb, pl->nodes);

	node_disk(p, shuffle_gb, pl);
	node_disk_throughput(p, shuffle_gb, pl);
	pl->met = pl->projected_hours <= a->window_hours;

	/* A raw shape without a price: the policy's executor-hour. */
	if (pl->node->price_usd_per_hour == 0.0 && pl->node->name[0] == '\0')
		pl->cost_hour = (double)pl->executors *
			ecap__pd(p, ECAP_K_EXECUTOR_PRICE_USD_PER_HOUR);
	else
		pl->cost_hour = (double)pl->nodes *
			node_hour_usd_ebs(pl->node, emr,
					  node_disk_hour_usd(p, pl, gb_hour)) +
			primary_usd(pr, pl->nodes);
	pl->cost_run = pl->cost_hour *
		(pl->projected_hours + ecap__pd(p, ECAP_K_EXECUTOR_STARTUP_HOURS));
}

/* The node's plan; row, when not NULL, holds its capacity and shape
 * (the policy's executor table). */
static int
plan_node(const ecap_policy *p, const struct ecap__exec_args *a,
	  const struct ecap__spark_node *n, const struct ecap__exec_node_row *row,
	  const struct primary *pr, struct plan *pl, struct ecap_error *err)
{
	int rc;

	ECAP__ZERO(pl);
	pl->node = n;
	/* A row that failed is computed again, for the message. */
	if (row != NULL && row->rc == ECAP_OK) {
		pl->cap = row->cap;
		pl->shape = row->shape;
	} else if ((rc = ecap__executor_capacity(p, a, n, &pl->cap, err)) !=
			   ECAP_OK ||
		   (rc = ecap__exec_shape(p, &pl->cap, a->overhead_factor,
					  a->fixed_cores, &pl->shape, err)) !=
			   ECAP_OK) {
		return rc;
	}
	if ((rc = size_plan(p, a, needed_cores(p, a), pl, err)) != ECAP_OK)
		return rc;
	price_plan(p, a, pr, ebs_gb_hour_usd(p), pl);
	pl->thin = pl->shape.cores < ecap__pi(p, ECAP_K_EXECUTOR_CORES_MIN);
	return ECAP_OK;
}

/*
 * plan_node for the auto-pick from a table row that holds the node's
 * capacity and shape (row->rc ECAP_OK): the same sizing and price,
 * without zeroing a plan or copying the capacity, which only the best
 * and the runner-up need (pick_try copies it when it keeps the plan);
 * need and gb_hour (ebs_gb_hour_usd) are computed once per call.
 */
static int
plan_row(const ecap_policy *p, const struct ecap__exec_args *a,
	 const struct ecap__spark_node *n, const struct ecap__exec_node_row *row,
	 const struct primary *pr, double need, double gb_hour, struct plan *pl)
{
	int rc;

	pl->node = n;
	pl->shape = row->shape;
	pl->capped = pl->over_policy_cap = false;
	if ((rc = size_plan(p, a, need, pl, NULL)) != ECAP_OK)
		return rc;
	price_plan(p, a, pr, gb_hour, pl);
	pl->thin = pl->shape.cores < ecap__pi(p, ECAP_K_EXECUTOR_CORES_MIN);
	return ECAP_OK;
}

/* Is family (an entry's) among the comma-separated allowed families?
 * ("all" is tested once by the caller.) */
static bool
family_allowed(const char *allowed, const char *family)
{
	size_t len = strlen(family);
	const char *s = allowed;

	while (*s != '\0') {
		while (*s == ' ' || *s == ',')
			s++;
		if (strncmp(s, family, len) == 0 &&
		    (s[len] == '\0' || s[len] == ',' || s[len] == ' '))
			return true;
		while (*s != '\0' && *s != ',')
			s++;
	}
	return false;
}

/* Meeting the window first, then executors of executor.cores_min or more
 * (a 2-vCPU node holds one thin executor), then the cheaper run, then
 * fewer nodes; when neither meets it, the faster run. */
static bool
plan_better(const struct plan *x, const struct plan *y)
{
	if (x->met != y->met)
		return x->met;
	if (x->thin != y->thin)
		return !x->thin;
	if (!x->met && x->projected_hours != y->projected_hours)
		return x->projected_hours < y->projected_hours;
	if (x->cost_run != y->cost_run)
		return x->cost_run < y->cost_run;
	if (x->nodes != y->nodes)
		return x->nodes < y->nodes;
	return strcmp(x->node->name, y->node->name) < 0;
}

/*
 * The least a run on the node can cost, from the catalog entry alone, for
 * a node without a table row (ecap__exec_row_least keeps a row's): its
 * executors hold at most all of its vCPUs, so the run takes at least
 * run_gb / (vcpus * throughput) hours on each node bought (a node or
 * more), and every node and the EMR primary (the smaller of its two
 * sizes) bill the startup.
 * Each node's volume is at least executor.node_ebs_gb (node_disk), so
 * pricing that much (ebs) keeps the bound below the plan's cost.
 * -INFINITY for a node without vCPUs (never passed over).
 */
static double
least_cost(const ecap_policy *p, const struct ecap__exec_args *a,
	   const struct ecap__spark_node *n, const struct primary *pr,
	   double ebs)
{
	double tp = ecap__pd(p, ECAP_K_EXECUTOR_THROUGHPUT_GB_PER_CORE_HOUR);
	double startup = ecap__pd(p, ECAP_K_EXECUTOR_STARTUP_HOURS);
	double vcpu = (double)n->vcpu_count;

	if (n->vcpu_count <= 0)
		return -INFINITY;
	return node_hour_usd_ebs(n, a->platform == ECAP_SPARK_PLATFORM_EMR,
				 ebs) *
		(a->run_gb / (vcpu * tp) + startup) +
		ecap__fmin(pr->usd, pr->large_usd) * startup;
}

/*
 * least_cost's terms that do not depend on the run, kept in the policy's
 * table: a multiply and two adds per node in an advice.  They round
 * differently from least_cost by a few units in the last place, far
 * inside the margin beyond_second gives the bound.
 */
void
ecap__exec_row_least(const ecap_policy *p, int32_t platform,
		     const struct ecap__spark_node *n,
		     struct ecap__exec_node_row *row)
{
	double tp = ecap__pd(p, ECAP_K_EXECUTOR_THROUGHPUT_GB_PER_CORE_HOUR);
	double startup = ecap__pd(p, ECAP_K_EXECUTOR_STARTUP_HOURS);
	double vcpu = (double)n->vcpu_count;
	double hour = node_hour_usd(p, n, platform == ECAP_SPARK_PLATFORM_EMR);

	row->least_usd_per_gb = 0.0;
	row->least_fixed_usd = -INFINITY;
	if (n->vcpu_count <= 0)
		return;
	if (row->shape.per_node > 0 && row->shape.request_vcpu > 0.0)
		vcpu = (double)row->shape.per_node * row->shape.request_vcpu;
	row->least_usd_per_gb = hour / (vcpu * tp);
	row->least_fixed_usd = hour * startup;
}

/*
 * Only a met plan of unthinned executors beats a met, unthinned
 * runner-up, and only by a lower run cost: once the runner-up is that, a
 * node whose least cost is above its cost (with a margin for rounding),
 * or whose executors are thin (known from its table row), can be
 * neither the best nor the runner-up.
 */
static bool
beyond_second(const ecap_policy *p, double least,
	      const struct ecap__exec_node_row *row, const struct plan *second,
	      bool have_second)
{
	if (!have_second || !second->met || second->thin)
		return false;
	return least * (1.0 - 1e-9) > second->cost_run ||
	       (row != NULL &&
		row->shape.cores < ecap__pi(p, ECAP_K_EXECUTOR_CORES_MIN));
}

/* The auto-pick's state: the best plan and the runner-up so far. */
struct pick {
	const ecap_policy *p;
	const struct ecap__exec_args *a;
	const struct primary *pr;
	const struct ecap_catalog_entry *e;
	const struct ecap__exec_node_row *rows;	/* or NULL */
	struct ecap__spark_node *nodes;		/* [2]: best's, second's */
	struct plan *best, *second;
	/* ebs: ebs_hour_usd (the least bounds), gb_hour: ebs_gb_hour_usd. */
	double need, ebs, gb_hour;
	uint64_t min_heap;
	size_t failed;		/* the first entry that failed, or SIZE_MAX */
	bool have_best, have_second;
};

static const struct ecap__exec_node_row *
pick_row(const struct pick *k, size_t i)
{
	return k->rows != NULL && k->rows[i].rc == ECAP_OK ? &k->rows[i] :
							     NULL;
}

/* Sizes entry i and keeps it when it is the best or the runner-up. */
static void
pick_try(struct pick *k, size_t i)
{
	const struct ecap__exec_node_row *row = pick_row(k, i);
	struct ecap__spark_node cand = ecap__spark_node_of(&k->e[i]);
	struct plan pl;
	bool to_best, to_second;

	if ((row != NULL ?
		     plan_row(k->p, k->a, &cand, row, k->pr, k->need,
			      k->gb_hour, &pl) :
		     plan_node(k->p, k->a, &cand, NULL, k->pr, &pl, NULL)) !=
	    ECAP_OK) {
		/* The first in the catalog's order says why. */
		if (i < k->failed)
			k->failed = i;
		return;
	}
	if (pl.shape.heap_mib < k->min_heap)
		return;
	to_best = !k->have_best || plan_better(&pl, k->best);
	to_second = !to_best &&
		    (!k->have_second || plan_better(&pl, k->second));
	if (!to_best && !to_second)
		return;
	/* Kept: plan_row left the capacity to take from the row. */
	if (row != NULL)
		pl.cap = row->cap;
	if (to_best) {
		if (k->have_best) {
			k->nodes[1] = k->nodes[0];
			*k->second = *k->best;
			k->second->node = &k->nodes[1];
			k->have_second = true;
		}
		k->nodes[0] = cand;
		*k->best = pl;
		k->best->node = &k->nodes[0];
		k->have_best = true;
	} else {
		k->nodes[1] = cand;
		*k->second = pl;
		k->second->node = &k->nodes[1];
		k->have_second = true;
	}
}

/*
 * No node given: every catalog node of the allowed families whose
 * executors get at least executor.memory_min_gb of heap, sized for the
 * window; the best plan wins and the next is named.  plan_better is a
 * total order (names are unique), so the best two do not depend on the
 * order the nodes are sized in: the two unthinned nodes of the lowest
 * least cost are sized first, which gives a runner-up that passes over
 * most other nodes unsized (on the default catalog, runs of 25 to 200
 * GB size 10 to 16 of its 76 nodes, not 42 to 53).  A node is passed over only when there is a
 * runner-up, so a best, and which node failed first matters only when
 * there is none: then every node was sized.
 */
static int
pick_node(const ecap_policy *p, const struct ecap__exec_args *a,
	  const struct primary *pr, struct ecap__spark_node nodes[2],
	  struct plan *best, struct plan *second, struct ecap_error *err)
{
	const char *allowed = ecap__ps(p, ECAP_K_EXECUTOR_NODE_FAMILIES);
	/* emr_price_usd_per_hour 0: not offered on EMR. */
	bool emr = a->platform == ECAP_SPARK_PLATFORM_EMR;
	bool all = strcmp(allowed, "all") == 0;
	int64_t cores_min = ecap__pi(p, ECAP_K_EXECUTOR_CORES_MIN);
	double primary_startup = ecap__fmin(pr->usd, pr->large_usd) *
		ecap__pd(p, ECAP_K_EXECUTOR_STARTUP_HOURS);
	struct pick k = {
		.p = p, .a = a, .pr = pr, .nodes = nodes, .best = best,
		.second = second, .need = needed_cores(p, a),
		.ebs = ebs_hour_usd(p), .gb_hour = ebs_gb_hour_usd(p),
		.failed = SIZE_MAX,
		.min_heap = (uint64_t)ecap__ceil(
			ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MIN_GB) * 1024.0),
	};
	const struct ecap__exec_node_row *row;
	struct ecap__spark_node cand;
	struct plan pl;
	size_t i, j, m = 0, count = 0, seed[2] = { SIZE_MAX, SIZE_MAX };
	/* The candidates: entry index and least cost. */
	uint8_t idx[ECAP_CATALOG_MAX_ENTRIES];
	double least[ECAP_CATALOG_MAX_ENTRIES];

	_Static_assert(ECAP_CATALOG_MAX_ENTRIES <= 256,
		       "a candidate's index fits a uint8_t");
	k.e = ecap__catalog_entries(p, ECAP_CATALOG_SPARK_NODE, &count);
	k.rows = ecap__exec_table_rows(p, a, count);
	for (i = 0; i < count; i++) {
		if ((!all && !family_allowed(allowed, k.e[i].family)) ||
		    (emr && k.e[i].emr_price_usd_per_hour == 0.0))
			continue;
		row = pick_row(&k, i);
		idx[m] = (uint8_t)i;
		if (row != NULL) {
			least[m] = row->least_usd_per_gb * a->run_gb +
				   row->least_fixed_usd + primary_startup;
		} else {
			cand = ecap__spark_node_of(&k.e[i]);
			least[m] = least_cost(p, a, &cand, pr, k.ebs);
		}
		/* The seeds: the two lowest among nodes not known thin. */
		if (row == NULL || row->shape.cores >= cores_min) {
			if (seed[0] == SIZE_MAX || least[m] < least[seed[0]]) {
				seed[1] = seed[0];
				seed[0] = m;
			} else if (seed[1] == SIZE_MAX ||
				   least[m] < least[seed[1]]) {
				seed[1] = m;
			}
		}
		m++;
	}
	for (j = 0; j < 2; j++)
		if (seed[j] != SIZE_MAX)
			pick_try(&k, idx[seed[j]]);
	for (j = 0; j < m; j++) {
		i = idx[j];
		if (j == seed[0] || j == seed[1] ||
		    beyond_second(p, least[j], pick_row(&k, i), second,
				  k.have_second))
			continue;
		pick_try(&k, i);
	}
	if (!k.have_best && k.failed != SIZE_MAX) {
		/* Say why, as the first node that failed does. */
		cand = ecap__spark_node_of(&k.e[k.failed]);
		return plan_node(p, a, &cand, NULL, pr, &pl, err);
	}
	if (!k.have_best)
		return ecap__fail(err, ECAP_ERR_NOT_FOUND, "executor.node_families",
				  "no spark-node catalog entry of the families "
				  "\"%s\" holds an executor with %.6g GB of heap "
				  "on this platform", allowed,
				  ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MIN_GB));
	if (!k.have_second)
		second->node = NULL;
	return ECAP_OK;
}

static void
fill_memory(const ecap_policy *p, const struct ecap__exec_args *a,
	    const struct plan *pl, struct ecap_executor_out *out)
{
	uint64_t heap = pl->shape.heap_mib * ECAP__MIB;
	double execs = (double)pl->executors, cores = (double)pl->shape.cores;

	out->executor_heap_bytes = heap;
	out->executor_heap_gb = (double)pl->shape.heap_mib / 1024.0;
	out->overhead_factor = a->overhead_factor;
	out->executor_overhead_bytes = pl->shape.overhead_mib * ECAP__MIB;
	out->executor_container_bytes = heap + out->executor_overhead_bytes;
	ecap__executor_fill_regions(p, out);
	/* A task holds its partition, expanded in memory by the guide's
	 * executor.memory_multiplier; execution may use all of unified
	 * memory (it evicts storage), shared by the executor's tasks. */
	out->task_memory_need_bytes = (uint64_t)(a->partition_mb *
		ecap__pd(p, ECAP_K_EXECUTOR_MEMORY_MULTIPLIER) * (double)ECAP__MIB);
	out->task_memory_bytes = out->memory_unified_bytes /
		(uint64_t)pl->shape.cores;
	out->spill_risk_flag =
		out->task_memory_need_bytes > out->task_memory_bytes;
	out->required_memory_gb = (double)out->task_memory_need_bytes /
		(double)ECAP__GIB * execs * cores;
	out->total_memory_gb = execs * out->executor_heap_gb;
	out->memory_shortfall_gb = ecap__fmax(0.0, out->required_memory_gb -
		execs * (double)out->memory_unified_bytes / (double)ECAP__GIB);
	out->total_container_gb = execs *
		(double)out->executor_container_bytes / (double)ECAP__GIB;
	out->heap_limited_flag = pl->shape.heap_limited;
}

static void
fill_out(const ecap_policy *p, const struct ecap__exec_args *a,
	 const struct plan *pl, const struct plan *second,
	 struct ecap_executor_out *out)
{
	int64_t min = ecap__pi(p, ECAP_K_EXECUTOR_MIN_EXECUTORS);
	int64_t initial = ecap__pi(p, ECAP_K_EXECUTOR_INITIAL_EXECUTORS);

	out->reason = pl->reason;
	out->executor_count = pl->executors;
	out->executor_core_count = pl->shape.cores;
	out->executor_request_vcpu = pl->shape.request_vcpu;
	fill_memory(p, a, pl, out);
	ecap__strlcpy(out->node_type, pl->node->name, sizeof(out->node_type));
	if (second != NULL && second->node != NULL) {
		ecap__strlcpy(out->runner_up_node_type, second->node->name,
			      sizeof(out->runner_up_node_type));
		out->runner_up_cost_usd = second->cost_run;
	}
	out->node_count = pl->nodes;
	out->executors_per_node_count = pl->shape.per_node;
	out->node_vcpu_count = pl->node->vcpu_count;
	out->node_memory_gb = pl->node->memory_gb;
	out->node_usable_vcpu = pl->cap.vcpu;
	out->node_usable_memory_gb = (double)pl->cap.memory_mib / 1024.0;
	out->node_allocatable_vcpu = pl->cap.allocatable_vcpu;
	out->node_allocatable_memory_gb =
		(double)pl->cap.allocatable_memory_mib / 1024.0;
	out->node_idle_vcpu = pl->shape.idle_vcpu;
	out->needed_core_count = pl->needed_cores;
	out->total_core_count = pl->executors * pl->shape.cores;
	if (min > pl->executors)
		min = pl->executors;
	out->dynamic_min_executor_count = min;
	out->dynamic_initial_executor_count = initial < min ? min :
		initial > pl->executors ? pl->executors : initial;
	out->dynamic_max_executor_count = pl->executors;
	out->runs_per_day_count = a->runs;
	out->run_data_gb = a->run_gb;
	out->processing_window_hours = a->window_hours;
	out->target_hours = a->target_hours;
	out->projected_hours = pl->projected_hours;
	out->window_met = pl->met;
	out->window_miss_hours = pl->met ? 0.0 :
		pl->projected_hours - a->window_hours;
	out->cost_usd_per_hour = pl->cost_hour;
	out->window_cost_usd = pl->cost_hour * a->window_hours;
	out->projected_cost_usd = pl->cost_run;
	out->cost_usd_per_month = pl->cost_run * (double)a->runs *
		ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH) / 24.0;
	out->capped_by_max_executors = pl->capped;
	out->policy_cap_exceeded_flag = pl->over_policy_cap;
	out->node_ebs_gb = pl->disk_gb;
	out->node_ebs_volume_count = pl->volumes;
	out->node_ebs_throughput_mib_per_second = pl->disk_mib_s;
	out->node_ebs_throughput_bound_flag = pl->disk_bound;
}

int
ecap__executor_ecap1(const ecap_policy *p, const struct ecap__exec_args *a,
		     struct ecap_executor_out *out, struct ecap_error *err)
{
	struct ecap__spark_node picked[2];
	const struct ecap__exec_node_row *rows;
	struct plan best, second;
	struct primary pr;
	int rc;

	if ((rc = primary_prices(p, a, &pr, err)) != ECAP_OK)
		return rc;
	second.node = NULL;
	if (a->has_node) {
		rows = a->named ? ecap__exec_table_rows(p, a, a->node_count) :
				  NULL;
		rc = plan_node(p, a, &a->node,
			       rows != NULL ? &rows[a->node_index] : NULL, &pr,
			       &best, err);
		out->node_reason = a->named ? ECAP_EXECUTOR_NODE_REASON_NAMED :
			ECAP_EXECUTOR_NODE_REASON_SHAPE;
	} else {
		rc = pick_node(p, a, &pr, picked, &best, &second, err);
		if (rc == ECAP_OK)
			out->node_reason = best.met ?
				ECAP_EXECUTOR_NODE_REASON_CHEAPEST :
				ECAP_EXECUTOR_NODE_REASON_FASTEST;
	}
	if (rc != ECAP_OK)
		return rc;
	fill_out(p, a, &best, &second, out);
	if (a->platform == ECAP_SPARK_PLATFORM_EMR) {
		ecap__strlcpy(out->emr_primary_node_type,
			      best.nodes > pr.large_after ? pr.large_name : pr.name,
			      sizeof(out->emr_primary_node_type));
		out->emr_primary_usd_per_hour = primary_usd(&pr, best.nodes);
		out->emr_primary_large_after_node_count = pr.large_after;
	}
	return ECAP_OK;
}

/*
 * One node's plans for many runs (the projection's paths): the node's
 * capacity and executor shape do not depend on the data, so they are cut
 * once; each run then gets size_plan and price_plan, exactly what
 * ecap__executor_ecap1 answers with a->node named.
 */
int
ecap__executor_ecap1_column(const ecap_policy *p,
			    const struct ecap__exec_args *a,
			    const double *run_gb, size_t n,
			    struct ecap__exec_cell *cells,
			    struct ecap_error *err)
{
	struct ecap__exec_args arg = *a;
	struct primary pr;
	struct plan pl, base;
	double gb_hour = ebs_gb_hour_usd(p);
	size_t i;
	int rc;

	ECAP__ZERO(&base);
	base.node = &a->node;
	if ((rc = primary_prices(p, a, &pr, err)) != ECAP_OK ||
	    (rc = ecap__executor_capacity(p, a, &a->node, &base.cap, err)) != ECAP_OK ||
	    (rc = ecap__exec_shape(p, &base.cap, a->overhead_factor,
				   a->fixed_cores, &base.shape, err)) != ECAP_OK)
		return rc;
	for (i = 0; i < n; i++) {
		pl = base;
		arg.run_gb = run_gb[i];
		arg.daily_gb = run_gb[i] * (double)arg.runs;
		if ((rc = size_plan(p, &arg, needed_cores(p, &arg), &pl,
				    err)) != ECAP_OK)
			return rc;
		price_plan(p, &arg, &pr, gb_hour, &pl);
		cells[i].nodes = (double)pl.nodes;
		cells[i].executors = (double)pl.executors;
		cells[i].projected_hours = pl.projected_hours;
		/* fill_out's order: cost_run * runs * hours_per_month / 24 */
		cells[i].cost_usd_per_month = pl.cost_run * (double)arg.runs *
			ecap__pd(p, ECAP_K_COST_HOURS_PER_MONTH) / 24.0;
		cells[i].window_met = pl.met;
		cells[i].over_policy_cap = pl.over_policy_cap;
		cells[i].capped = pl.capped;
	}
	return ECAP_OK;
}
