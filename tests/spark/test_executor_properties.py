# SPDX-License-Identifier: MIT
"""Engine check: the executor properties the library renders are accepted
by a real local Spark.

Each advice's properties (ecap_executor_spark_properties, through the
Python binding) start a local SparkSession; Spark's own parsers must read
them back as the advice says: spark.executor.memory and memoryOverhead in
the default ResourceProfile (ResourceProfile.getDefaultExecutorResources,
the numbers YARN and Kubernetes request containers with), the executor
cores, the dynamic allocation bounds in order, and on Kubernetes the CPU
request as a Kubernetes quantity (fabric8 Quantity, what
BasicExecutorFeatureStep puts in the pod spec).

Run by run-engine-tests.sh (make check) beside test_engine.py; the binding
finds the library under test next to ECAP_PREDICT.
"""
import os
import pathlib
import sys

import pytest

pyspark = pytest.importorskip("pyspark")
from pyspark.sql import SparkSession  # noqa: E402

SRCDIR = pathlib.Path(__file__).resolve().parents[2]
PREDICT = pathlib.Path(os.environ.get("ECAP_PREDICT",
                                      "tests/spark/ecap-predict")).resolve()
os.environ.setdefault("ECAPTUNE_LIBRARY",
                      str(PREDICT.parents[2] / "lib" / ".libs" /
                          "libecaptune.so.1"))
sys.path.insert(0, str(SRCDIR / "bindings" / "python"))
import ecaptune  # noqa: E402

MIB = 1 << 20

# (model, advise_executors arguments): ecap-1 on each platform's node, the
# advisor's own pick, and the guide's fractional heap ("4608m").
CASES = [
    ("ecap-1", dict(daily_data_gb=1024.0, processing_window_hours=2.0,
                    platform="emr", node_type="r5.4xlarge")),
    ("ecap-1", dict(daily_data_gb=100.0, platform="kubernetes",
                    node_type="m5.2xlarge")),
    ("ecap-1", dict(daily_data_gb=250.0, platform="kubernetes-non-jvm")),
    ("ecap-1", dict(daily_data_gb=850.0, platform="yarn", overhead_factor=0.07,
                    node_vcpu_count=16, node_memory_gb=64.0)),
    ("guide", dict(daily_data_gb=3.0)),
]


def advise(model, kw):
    with ecaptune.Policy() as policy:
        policy.model = model
        advice = ecaptune.advise_executors(policy, **kw)
    return advice, dict(ecaptune.executor_spark_properties(advice))


@pytest.mark.parametrize("model,kw", CASES,
                         ids=[f"{m}-{kw.get('platform', 'default')}"
                              f"-{kw['daily_data_gb']:g}GB" for m, kw in CASES])
def test_spark_accepts_executor_properties(model, kw):
    advice, props = advise(model, kw)
    builder = (SparkSession.builder.master("local[1]")
               .appName("ecaptune-executor-properties")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.driver.memory", "512m"))
    for key, value in props.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    try:
        jsc = spark.sparkContext._jsc.sc()
        conf = jsc.conf()
        # Spark keeps every property as given.
        for key, value in props.items():
            assert conf.get(key) == value, key
        # The default ResourceProfile: Spark's typed parse of the sizes
        # and the cores, as the cluster managers request them.
        rp = jsc.resourceProfileManager().defaultResourceProfile()
        res = rp.executorResources()
        assert res.get("memory").get().amount() == \
            advice.executor_heap_bytes // MIB
        assert res.get("memoryOverhead").get().amount() == \
            advice.executor_overhead_bytes // MIB
        assert res.get("cores").get().amount() == advice.executor_core_count
        assert (advice.executor_heap_bytes + advice.executor_overhead_bytes) \
            == advice.executor_container_bytes
        # Dynamic allocation's bounds, as ExecutorAllocationManager
        # validates them: 0 <= min <= initial <= max, max > 0.
        lo = conf.getInt("spark.dynamicAllocation.minExecutors", -1)
        init = conf.getInt("spark.dynamicAllocation.initialExecutors", -1)
        hi = conf.getInt("spark.dynamicAllocation.maxExecutors", -1)
        assert 0 <= lo <= init <= hi and hi > 0
        assert hi >= advice.executor_count
        if model == "ecap-1":
            assert "spark.executor.instances" not in props
            assert conf.getBoolean(
                "spark.dynamicAllocation.shuffleTracking.enabled", False)
        if "kubernetes" in kw.get("platform", ""):
            request = props["spark.kubernetes.executor.request.cores"]
            q = spark.sparkContext._jvm.io.fabric8.kubernetes.api.model \
                .Quantity(request)
            # a java.math.BigDecimal, which py4j hands over as a Decimal
            amount = float(spark.sparkContext._jvm.io.fabric8.kubernetes.api
                           .model.Quantity.getAmountInBytes(q))
            assert amount == pytest.approx(advice.executor_request_vcpu)
            assert amount <= advice.executor_core_count
            # The pods of a node fit its allocatable CPU.
            assert amount * advice.executors_per_node_count <= \
                advice.node_allocatable_vcpu
        # A job runs with them.
        assert spark.range(1000).selectExpr("sum(id)").first()[0] == 499500
    finally:
        spark.stop()
