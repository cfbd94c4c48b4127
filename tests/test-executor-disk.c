/* SPDX-License-Identifier: MIT */
/*
 * ecap-1's EBS a node within gp3's limits: volumes of at most 16 TiB
 * (executor.ebs_volume_max_gb), throughput provisioned for the node's
 * shuffle written and read back in the run (at least 125 MiB/s a volume,
 * at most executor.ebs_volume_max_throughput_mib_per_second), priced
 * above the free baseline, and the run lengthened when the disks are
 * short.  Prices: 0.08 USD a GiB-month, 0.04 a MiB/s-month above 125,
 * 0.005 an IOPS-month above 3,000 (Amazon EBS pricing, gp3, us-east-1),
 * over a month of 720 hours.
 */
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>

#include "executor-fixture.h"

static void
ratio(double r)
{
	ck_assert_int_eq(ecap_policy_set_double(p, "executor.shuffle_disk_ratio",
						r, &err), 0);
}

/*
 * The reviewer's `ecaptune executors --daily-data 40TB --node
 * m6g.16xlarge --max-executors 16` (EMR): 16 executors of 4 cores, 16 a
 * node with one slot for the driver: 2 nodes; 40960 / (16 x 4 x 5) =
 * 128 h.  Each node's share, 40960 / 2 = 20480 GiB, is more than one
 * gp3 volume holds (16384): 2 volumes of 10240 GiB.  Throughput 20480 x
 * 1024 x 2 / (128 x 3600) = 91.0 MiB/s, below the 2 x 125 the volumes
 * carry free: 250 MiB/s, nothing more to pay.
 */
START_TEST(reviewer_40tb)
{
	node("m6g.16xlarge", ECAP_SPARK_PLATFORM_EMR);
	in.max_executor_count = 16;
	advise(40960.0);
	ck_assert_int_eq(out.node_count, 2);
	ck_assert_double_near(out.projected_hours, 128.0);
	ck_assert_double_near(out.node_ebs_gb, 20480.0);
	ck_assert_int_eq(out.node_ebs_volume_count, 2);
	ck_assert_double_near(out.node_ebs_throughput_mib_per_second, 250.0);
	ck_assert_int_eq(out.node_ebs_throughput_bound_flag, 0);
	/* Three nodes' worth (61440 GiB on 2): 30720 a node, 2 volumes of
	 * 15360; 192 h; 30720 x 2048 / (192 x 3600) = 91.0 MiB/s. */
	advise(61440.0);
	ck_assert_int_eq(out.node_ebs_volume_count, 2);
	ck_assert_double_near(out.node_ebs_gb, 30720.0);
	/* 40000 GiB a node: ceil(40000 / 16384) = 3 volumes of
	 * ceil(13333.3) = 13334 GiB, 40002 in all. */
	advise(80000.0);
	ck_assert_int_eq(out.node_ebs_volume_count, 3);
	ck_assert_double_near(out.node_ebs_gb, 40002.0);
}
END_TEST

/*
 * The reviewer's `ecaptune plan` (250 GiB, EMR, the cheapest node): 1 x
 * m6g.16xlarge, 15 executors of 4 cores: 250 / (15 x 4 x 5) = 0.8333 h.
 * One 250 GiB volume written and read back: 250 x 2048 / 3000 s =
 * 170.7 -> 171 MiB/s, 46 above the free 125: 46 x 0.04 / 720 =
 * 0.002556 USD an hour on top of the node, the EMR charge, 250 GiB x
 * 0.08 / 720 and the primary.
 */
START_TEST(reviewer_plan)
{
	double before;

	in.platform = ECAP_SPARK_PLATFORM_EMR;
	advise(250.0);
	ck_assert_str_eq(out.node_type, "m6g.16xlarge");
	ck_assert_int_eq(out.executor_count, 15);
	ck_assert_double_near(out.projected_hours, 250.0 / 300.0);
	ck_assert_double_near(out.node_ebs_gb, 250.0);
	ck_assert_int_eq(out.node_ebs_volume_count, 1);
	ck_assert_double_near(out.node_ebs_throughput_mib_per_second, 171.0);
	/* The same plan with the throughput free: 46 x 0.04 / 720 less. */
	node("m6g.16xlarge", ECAP_SPARK_PLATFORM_EMR);
	advise(250.0);
	before = out.cost_usd_per_hour;
	ck_assert_int_eq(ecap_policy_set_double(
		p, "executor.ebs_throughput_usd_per_mib_per_second_month", 0.0,
		&err), 0);
	advise(250.0);
	ck_assert_double_near(before - out.cost_usd_per_hour,
			      46.0 * 0.04 / 720.0);
}
END_TEST

/*
 * YARN m6g.16xlarge, 250 GB (test-executor-catalog's shuffle_disk: 1
 * node, 11 executors of 5 cores, 250 / 275 = 0.9091 h, 2.464 USD an
 * hour).
 */
START_TEST(throughput_priced)
{
	double hours = 250.0 / 275.0, hour;

	node("m6g.16xlarge", ECAP_SPARK_PLATFORM_YARN);
	/* Ratio 5: 1250 GiB; 1250 x 2048 / (0.9091 x 3600) = 782.2 -> 783
	 * MiB/s, past 750: ceil(783 / 0.25) = 3132 IOPS, 132 above the
	 * free 3,000.  An hour: 2.464 + (1250 x 0.08 + 658 x 0.04 + 132 x
	 * 0.005) / 720. */
	ratio(5.0);
	advise(250.0);
	hour = 2.464 + (1250.0 * 0.08 + 658.0 * 0.04 + 132.0 * 0.005) / 720.0;
	ck_assert_double_near(out.node_ebs_throughput_mib_per_second, 783.0);
	ck_assert_int_eq(out.node_ebs_throughput_bound_flag, 0);
	ck_assert_double_near(out.projected_hours, hours);
	ck_assert_double_near(out.cost_usd_per_hour, hour);
	/*
	 * Ratio 20: 5000 GiB would need 5000 x 2048 / (0.9091 x 3600) =
	 * 3129 MiB/s, more than one volume's 1000: the disks set the run,
	 * 5000 x 2048 / (1000 x 3600) = 2.844 h, 4000 IOPS.  An hour: 2.464
	 * + (5000 x 0.08 + 875 x 0.04 + 1000 x 0.005) / 720.
	 */
	ratio(20.0);
	advise(250.0);
	hour = 2.464 + (5000.0 * 0.08 + 875.0 * 0.04 + 1000.0 * 0.005) / 720.0;
	hours = 5000.0 * 2048.0 / (1000.0 * 3600.0);
	ck_assert_int_eq(out.node_ebs_throughput_bound_flag, 1);
	ck_assert_double_near(out.node_ebs_throughput_mib_per_second, 1000.0);
	ck_assert_double_near(out.projected_hours, hours);
	ck_assert_double_near(out.cost_usd_per_hour, hour);
	ck_assert_double_near(out.projected_cost_usd, hour * (hours + 0.1));
	/* gp3's newer limit, 2,000 MiB/s a volume: 3129 still more, 1.422 h. */
	ck_assert_int_eq(ecap_policy_set_double(
		p, "executor.ebs_volume_max_throughput_mib_per_second", 2000.0,
		&err), 0);
	advise(250.0);
	ck_assert_double_near(out.projected_hours, hours / 2.0);
	/* No shuffle: the flat 64 GiB at the free 125 MiB/s. */
	ratio(0.0);
	advise(250.0);
	ck_assert_double_near(out.node_ebs_gb, 64.0);
	ck_assert_double_near(out.node_ebs_throughput_mib_per_second, 125.0);
	ck_assert_double_near(out.projected_hours, 250.0 / 275.0);
	/* The guide sizes no disk. */
	use_model("guide");
	advise(250.0);
	ck_assert_int_eq(out.node_ebs_volume_count, 0);
	ck_assert_double_near(out.node_ebs_throughput_mib_per_second, 0.0);
}
END_TEST

/*
 * Every catalog node x platform x 1 GB .. 1 PB a day (x 10), at the
 * default ratio and at 20: no volume above executor.ebs_volume_max_gb,
 * each volume's throughput within 125 .. 1000 MiB/s, the shuffle carried
 * in the projected hours (the disks set them only when flagged), and, on
 * one node, a month that never costs less as the data grows.
 */
static const int32_t disk_platforms[] = {
	ECAP_SPARK_PLATFORM_YARN, ECAP_SPARK_PLATFORM_EMR,
	ECAP_SPARK_PLATFORM_KUBERNETES, ECAP_SPARK_PLATFORM_KUBERNETES_NON_JVM,
};

static void
check_disk(const char *name, double gb, double r)
{
	double vols = (double)out.node_ebs_volume_count;
	double per_vol = out.node_ebs_throughput_mib_per_second / vols;
	double io_mib = 2.0 * r * out.run_data_gb /
		(double)out.node_count * 1024.0;

	ck_assert_msg(vols >= 1.0 && out.node_ebs_gb / vols <= 16384.0 &&
			      out.node_ebs_gb >= r * out.run_data_gb /
						 (double)out.node_count,
		      "%s %g GB: %g GiB in %g volumes", name, gb,
		      out.node_ebs_gb, vols);
	ck_assert_msg(per_vol >= 125.0 && per_vol <= 1000.0,
		      "%s %g GB: %g MiB/s a volume", name, gb, per_vol);
	ck_assert_msg(out.node_ebs_throughput_mib_per_second *
				      out.projected_hours * 3600.0 >=
			      io_mib * (1.0 - 1e-9),
		      "%s %g GB: %g MiB/s x %g h < %g MiB", name, gb,
		      out.node_ebs_throughput_mib_per_second,
		      out.projected_hours, io_mib);
	if (out.node_ebs_throughput_bound_flag)
		ck_assert_double_near(per_vol, 1000.0);
}

START_TEST(grid_gp3_limits)
{
	static const double ratios[] = { 1.0, 20.0 };
	struct ecap_catalog_entry e;
	size_t i, n = ecap_policy_catalog_count(p, ECAP_CATALOG_SPARK_NODE);
	size_t k, r;
	double gb, last;
	int checked = 0, multi = 0, bound = 0;

	for (r = 0; r < 2; r++) {
		ratio(ratios[r]);
		for (i = 0; i < n; i++) {
			ECAP_STRUCT_INIT(&e);
			ck_assert_int_eq(ecap_policy_catalog_at(
				p, ECAP_CATALOG_SPARK_NODE, i, &e, &err), 0);
			for (k = 0; k < 4; k++) {
				last = 0.0;
				for (gb = 1.0; gb <= 1048576.0; gb *= 4.0) {
					node(e.name, disk_platforms[k]);
					in.daily_data_gb = gb;
					/* Not offered on EMR, or more executors
					 * than any cluster runs at 1 PB. */
					if (ecap_executor_advise(p, &in, &out,
								 &err) != 0)
						break;
					check_disk(e.name, gb, ratios[r]);
					ck_assert_msg(out.cost_usd_per_month >=
							      last * (1.0 - 1e-12),
						      "%s %g GB: $%g < $%g",
						      e.name, gb,
						      out.cost_usd_per_month,
						      last);
					last = out.cost_usd_per_month;
					checked++;
					multi += out.node_ebs_volume_count > 1;
					bound += out.node_ebs_throughput_bound_flag;
				}
			}
		}
	}
	/* The grid reaches past one volume and past its throughput. */
	ck_assert_int_gt(checked, 5000);
	ck_assert_int_gt(multi, 0);
	ck_assert_int_gt(bound, 0);
}
END_TEST

Suite *
executor_disk_suite(void)
{
	Suite *s = suite_create("executor-disk");
	TCase *tc = tcase_create("executor-disk");

	tcase_add_checked_fixture(tc, setup, policy_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, reviewer_40tb);
	tcase_add_test(tc, reviewer_plan);
	tcase_add_test(tc, throughput_priced);
	tcase_add_test(tc, grid_gp3_limits);
	suite_add_tcase(s, tc);
	return s;
}
