# SPDX-License-Identifier: MIT
"""Engine checks of the partition advice: the rendered properties on a
real Spark.

Each case asks the library (tests/spark/ecap-predict, kind "partition")
for an advice and its Spark properties, applies every property to a local
SparkSession (local[2], so 2 cores), runs a small query and compares the
partition counts Spark produces with the advised ones: the file scan's
count (kept, coalesced or repartitioned), the shuffle's
spark.sql.shuffle.partitions, and AQE's coalescing with the rendered
advisory size (predicted by ecap_partition_aqe).  The policy's target is
1 MiB so that a few MiB of data make several partitions and the run stays
short.

Run by run-engine-tests.sh with test_engine.py, whose helpers it uses.
"""
import gzip
import os
import tempfile

import pytest

pyspark = pytest.importorskip("pyspark")
from pyspark.sql import functions as F  # noqa: E402

# The session fixture and the helpers of the engine checks.
from test_engine import (CORES, TMP, conf, predict, spark,  # noqa: E402,F401
                         stage_nodes, write_file)

MIB = 1 << 20
# ecap-1 with a 1 MiB target (and AQE's default 1 MiB minimum size).
POLICY = {"partition.target_size_mb": 1}
# Settings the rendered sets do not carry, restored after each case.
BASELINE = {"spark.sql.files.openCostInBytes": None,
            "spark.sql.files.minPartitionNum": None}


def advise(files=None, data_size=0, not_splittable=0, model="ecap-1"):
    policy = dict(POLICY, model=model)
    case = {"kind": "partition", "policy": policy,
            "total_executor_cores": CORES, "data_size": data_size,
            "not_splittable": not_splittable}
    if files is not None:
        case["file_sizes"] = files
    return predict(case)


def with_advice(spark, advice):
    """The advice's properties, every one of them, over the baseline;
    Spark rejects a key or value it does not take."""
    settings = dict(BASELINE)
    settings.update(advice["properties"])
    return conf(spark, settings)


def table(name, count, size):
    """A directory of `count` text files of `size` bytes."""
    d = tempfile.mkdtemp(prefix="props-%s-" % name, dir=TMP)
    sizes = [write_file(os.path.join(d, "part-%03d.txt" % i), size)
             for i in range(count)]
    return d, sizes


def random_gzip(name, size):
    """One gzip file of `size` random bytes: incompressible, so the file
    is about `size` bytes (plus gzip's few bytes per block)."""
    d = tempfile.mkdtemp(prefix="props-%s-" % name, dir=TMP)
    path = os.path.join(d, "part-000.txt.gz")
    with gzip.open(path, "wb", compresslevel=1) as f:
        f.write(os.urandom(size))
    return d, [os.path.getsize(path)]


def test_scan_count_kept(spark):
    # 8 files of 3 MiB = 24 MiB on 2 cores: ceil(24 / 1) = 24 partitions
    # (floor min(4, 24) = 4 is below) of 1 MiB.  The scan at
    # maxPartitionBytes 1 MiB cuts each file into 3 splits that each fill
    # a task (1 MiB + 4 MiB open cost): 24 tasks, so keep them.
    d, sizes = table("keep", 8, 3 * MIB)
    advice = advise(files=sizes)
    assert (advice["action"], advice["reason"]) == ("keep", "keep-scan")
    assert advice["scan_task_count"] == advice["partition_count"] == 24
    with with_advice(spark, advice):
        got = spark.read.text(d).rdd.getNumPartitions()
    assert got == advice["effective_partition_count"], advice


def test_scan_count_coalesced(spark):
    # 40 files of 100 KiB = 4096000 B: ceil(4096000 / 1 MiB) = 4, floor
    # min(2 x 2, floor(4096000 / 1 MiB) = 3) = 3, so 4 partitions of
    # 1024000 B.  Every file + 4 MiB open cost passes the split size:
    # the scan makes 40 tasks, and coalesce(4) takes them to 4 without a
    # shuffle.
    d, sizes = table("coalesce", 40, 100 * 1024)
    advice = advise(files=sizes)
    assert (advice["action"], advice["reason"]) == ("coalesce",
                                                    "coalesce-scan")
    assert advice["partition_count"] == 4
    with with_advice(spark, advice):
        df = spark.read.text(d)
        assert df.rdd.getNumPartitions() == advice["scan_task_count"] == 40
        got = df.coalesce(advice["partition_count"]).rdd.getNumPartitions()
    assert got == advice["effective_partition_count"] == 4


def test_scan_count_repartitioned(spark):
    # One gzip file of just under 3 MiB (3 MiB - 64 KiB of random bytes
    # and gzip's framing): ceil(size / 1 MiB) = 3 partitions (floor
    # min(4, 2) = 2 is below), but gzip cannot be split: the scan makes
    # 1 task, so repartition(3).
    d, sizes = random_gzip("gzip", 3 * MIB - 65536)
    advice = advise(files=sizes, not_splittable=1)
    assert (advice["action"], advice["reason"]) == ("repartition",
                                                    "repartition-scan")
    assert advice["scan_task_count"] == 1
    with with_advice(spark, advice):
        df = spark.read.text(d)
        assert df.rdd.getNumPartitions() == 1
        got = df.repartition(advice["partition_count"]).rdd.getNumPartitions()
    assert got == advice["partition_count"] == 3


def shuffle_read(nodes):
    """The one shuffle's partition sizes and the partitions AQE reads,
    from an adaptive plan's nodes."""
    stages = [n for n in nodes if n.nodeName() == "ShuffleQueryStage"]
    assert len(stages) == 1
    sizes = [int(x) for x in stages[0].mapStats().get().bytesByPartitionId()]
    reads = [n for n in nodes if n.nodeName() == "AQEShuffleRead"]
    return sizes, reads[0].partitionSpecs().size() if reads else len(sizes)


def aqe_prediction(sizes, props):
    """ecap_partition_aqe's coalesced count for those sizes under the
    rendered properties."""
    pfirst = props.get(
        "spark.sql.adaptive.coalescePartitions.parallelismFirst", "true")
    return predict({
        "kind": "aqe", "partition_sizes": sizes,
        "advisory": int(props[
            "spark.sql.adaptive.advisoryPartitionSizeInBytes"]),
        "min_partition_size": int(props[
            "spark.sql.adaptive.coalescePartitions.minPartitionSize"]),
        "parallelism_first": 1 if pfirst == "true" else 0,
        "default_parallelism": CORES})["coalesced_count"]


def run_shuffle(spark, advice):
    """A shuffle under the advice's properties: the shuffle's partition
    sizes and the partitions AQE reads after coalescing."""
    with with_advice(spark, advice):
        df = (spark.range(0, 200000, 1, 2)
              .select((F.col("id") % 997).alias("k"), "id")
              .repartition("k"))
        df.collect()
        final = df._jdf.queryExecution().executedPlan().executedPlan()
        nodes = list(stage_nodes(final))
    return shuffle_read(nodes)


@pytest.mark.parametrize("model", ["ecap-1", "guide"])
def test_shuffle_partitions_and_aqe(spark, model):
    # 8 MiB on 2 cores: ecap-1 ceil(8 / 1) = 8 partitions of 1 MiB; the
    # guide int(8 / 1) = 8 too.  The shuffle writes
    # spark.sql.shuffle.partitions = 8 partitions; AQE then coalesces
    # them with the rendered advisory size (ecap-1: 1 MiB with
    # parallelismFirst false; guide: the policy's 64 MiB, parallelism
    # first), which ecap_partition_aqe predicts.
    advice = advise(data_size=8 * MIB, model=model)
    props = advice["properties"]
    assert advice["partition_count"] == 8
    sizes, got = run_shuffle(spark, advice)
    assert len(sizes) == int(props["spark.sql.shuffle.partitions"]) == 8
    ours = aqe_prediction(sizes, props)
    assert ours == got, (sizes, ours)
    if model == "ecap-1":
        # The advisory size is respected: no coalesced partition is
        # planned above ~1 MiB, so about total / 1 MiB remain.
        assert got >= sum(sizes) // (1 * MIB)


def measure_shuffle(spark, settings, rows):
    """Runs a shuffle of `rows` rows (997 keys, one random long each, so
    lz4 leaves the blocks near their size) under `settings` with AQE on:
    its partition sizes and the partitions AQE reads."""
    base = {"spark.sql.adaptive.enabled": "true"}
    base.update(settings)
    with conf(spark, base):
        df = (spark.range(0, rows, 1, 2)
              .select((F.col("id") % 997).alias("k"),
                      (F.rand(7) * 1e18).cast("long").alias("v"))
              .repartition("k"))
        df.collect()
        final = df._jdf.queryExecution().executedPlan().executedPlan()
        nodes = list(stage_nodes(final))
    return shuffle_read(nodes)


def test_min_partition_size_survives_aqe(spark):
    # ecap-1 with its default policy: 128 MiB target, no partition below
    # max(partition.min_size_mb 4, aqe.min_partition_size_mb 1) = 4 MiB.
    # A shuffle's size T is measured first (4 partitions, no coalescing);
    # the advice for T bytes on 2 cores is n = max(ceil(T / 128 MiB),
    # min(2 x 2, T // 4 MiB)) partitions of ceil(T / n) >= 4 MiB, rendered
    # as the advisory size with parallelismFirst false.  AQE's target is
    # then max(min(T, advisory), minPartitionSize 1 MiB) = the split, and
    # hash partitions of about T / n each never pair within it: Spark
    # runs the advised count, as ecap_partition_aqe predicts.
    sizes, _ = measure_shuffle(spark, {
        "spark.sql.shuffle.partitions": "4",
        "spark.sql.adaptive.coalescePartitions.enabled": "false"}, 800000)
    total = sum(sizes)
    expected = max(-(-total // (128 * MIB)), min(2 * CORES, total // (4 * MIB)))
    case = {"kind": "partition", "policy": {"model": "ecap-1"},
            "total_executor_cores": CORES, "data_size": total,
            "not_splittable": 0}
    advice = predict(case)
    props = advice["properties"]
    assert advice["partition_count"] == expected, (total, advice)
    # 800,000 rows make about 11 MiB (600,000 made 8658576 B): 2
    # partitions of over 4 MiB, where the old 1 MiB floor gave 4 of 3 MiB
    assert expected >= 2, total
    assert expected == 1 or int(
        props["spark.sql.adaptive.advisoryPartitionSizeInBytes"]) >= 4 * MIB
    settings = dict(BASELINE)
    settings.update(props)
    sizes, got = measure_shuffle(spark, settings, 800000)
    assert len(sizes) == expected
    ours = aqe_prediction(sizes, props)
    assert ours == got == expected, (total, sizes, ours)
