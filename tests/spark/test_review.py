# SPDX-License-Identifier: MIT
"""Engine check over the review grid: Spark's own parsers read every
sampled executor advice as the advice says.

test_executor_properties.py starts a SparkSession per advice (five
advices); this file samples the grid a reviewer reads - every spark-node
catalog entry on every platform, the advisor's own pick from 0.01 GB to
100 TB a day in tight and loose windows, several runs a day, caller caps
and fixed cores - and checks each in one SparkSession's JVM, without a
session each:

- a fresh SparkConf holding the rendered properties gives the default
  ResourceProfile (ResourceProfile.getOrCreateDefaultProfile, what
  SparkContext builds and YARN and Kubernetes request containers with)
  whose memory, memoryOverhead and cores are the advice's;
- UnifiedMemoryManager, built as an executor builds it (spark.testing.memory
  standing for the JVM's max heap), accepts the heap (it throws below
  Spark's 450 MiB minimum) and gives the advice's unified memory;
- the fractions and dynamic allocation bounds read back in range and in
  order (ExecutorAllocationManager's rules), the maximum covers the count;
- on Kubernetes the CPU request parses as a Kubernetes quantity (fabric8
  Quantity), at most the cores, and a node's pods fit its allocatable CPU.

Kept well under a minute: one session, a few py4j calls per advice.
"""
import pytest

pyspark = pytest.importorskip("pyspark")
# The binding set up as the per-advice check sets it up (library under
# test next to ECAP_PREDICT).
from pyspark.sql import SparkSession  # noqa: E402
from test_executor_properties import MIB, ecaptune  # noqa: E402

PLATFORMS = ["default", "yarn", "emr", "kubernetes", "kubernetes-non-jvm"]


def grid():
    """(label, advise_executors arguments) of the sampled grid."""
    cases = []
    with ecaptune.Policy() as policy:
        nodes = [(e.name, e.emr_price_usd_per_hour > 0)
                 for e in policy.catalog("spark-node")]
    # Every node on every platform that offers it (EMR does not offer the
    # types whose EMR price is 0), 1 TB a day in 2 hours.
    for name, on_emr in nodes:
        for platform in PLATFORMS:
            if platform == "emr" and not on_emr:
                continue
            cases.append(dict(daily_data_gb=1024.0,
                              processing_window_hours=2.0,
                              platform=platform, node_type=name))
    # The advisor's own pick, tiny to huge, tight and loose windows.
    for platform in PLATFORMS:
        for gb in (0.01, 1.0, 100.0, 10240.0, 102400.0):
            for hours in (0.5, 8.0):
                cases.append(dict(daily_data_gb=gb,
                                  processing_window_hours=hours,
                                  platform=platform))
        cases.append(dict(daily_data_gb=5000.0, runs_per_day_count=24,
                          platform=platform))
        cases.append(dict(daily_data_gb=10240.0, max_executor_count=3,
                          platform=platform))
        cases.append(dict(daily_data_gb=1024.0, executor_core_count=16,
                          platform=platform))
    return cases


def label(kw):
    return "-".join(f"{k}={v}" for k, v in kw.items()
                    if k != "daily_data_gb") + f"-{kw['daily_data_gb']:g}GB"


@pytest.fixture(scope="module")
def spark():
    session = (SparkSession.builder.master("local[1]")
               .appName("ecaptune-review-grid")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.driver.memory", "512m")
               .getOrCreate())
    yield session
    session.stop()


def default_profile(jvm, conf):
    """The default ResourceProfile Spark builds from conf (its cache of
    the running context's profile set aside and restored)."""
    # The companion object: clearDefaultProfile is private[spark], public
    # in bytecode but without a static forwarder.
    rp = getattr(getattr(jvm.org.apache.spark.resource, "ResourceProfile$"),
                 "MODULE$")
    rp.clearDefaultProfile()
    try:
        return rp.getOrCreateDefaultProfile(conf).executorResources()
    finally:
        rp.clearDefaultProfile()


def test_spark_reads_the_grid(spark):
    jvm = spark.sparkContext._jvm
    quantity = jvm.io.fabric8.kubernetes.api.model.Quantity
    checked = 0
    with ecaptune.Policy() as policy:
        for kw in grid():
            advice = ecaptune.advise_executors(policy, **kw)
            props = dict(ecaptune.executor_spark_properties(advice))
            where = label(kw)
            conf = jvm.org.apache.spark.SparkConf(False)
            for key, value in props.items():
                conf.set(key, value)
            res = default_profile(jvm, conf)
            heap_mib = advice.executor_heap_bytes // MIB
            assert res.get("memory").get().amount() == heap_mib, where
            assert res.get("memoryOverhead").get().amount() == \
                advice.executor_overhead_bytes // MIB, where
            assert res.get("cores").get().amount() == \
                advice.executor_core_count, where
            # An executor's memory manager: Spark refuses a heap below
            # 450 MiB here; unified = (heap - 300 MiB) * fraction.
            conf.set("spark.testing.memory", str(advice.executor_heap_bytes))
            umm = jvm.org.apache.spark.memory.UnifiedMemoryManager.apply(
                conf, advice.executor_core_count)
            assert umm.maxHeapMemory() == advice.memory_unified_bytes, where
            fraction = conf.getDouble("spark.memory.fraction", -1.0)
            storage = conf.getDouble("spark.memory.storageFraction", -1.0)
            assert 0.0 < fraction <= 1.0 and 0.0 <= storage < 1.0, where
            lo = conf.getInt("spark.dynamicAllocation.minExecutors", -1)
            init = conf.getInt("spark.dynamicAllocation.initialExecutors", -1)
            hi = conf.getInt("spark.dynamicAllocation.maxExecutors", -1)
            assert 0 <= lo <= init <= hi and hi > 0, where
            assert hi >= advice.executor_count, where
            if "kubernetes" in kw["platform"]:
                request = props["spark.kubernetes.executor.request.cores"]
                amount = float(quantity.getAmountInBytes(quantity(request)))
                assert amount == pytest.approx(
                    advice.executor_request_vcpu, abs=5e-4), where
                assert amount <= advice.executor_core_count, where
                assert amount * advice.executors_per_node_count <= \
                    advice.node_allocatable_vcpu + 1e-9, where
            checked += 1
    assert checked >= 400
    # The running context still works after the profile cache was reset.
    assert spark.range(1000).selectExpr("sum(id)").first()[0] == 499500
