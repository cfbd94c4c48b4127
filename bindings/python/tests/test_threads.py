# SPDX-License-Identifier: MIT
"""Several threads share one Policy: readers see only valid values while a
writer changes keys and the catalog."""

from __future__ import annotations

import threading

import ecaptune


def test_threads_share_one_policy():
    p = ecaptune.Policy()
    errors = []
    stop = threading.Event()

    def reader():
        try:
            while not stop.is_set():
                assert p["executor.cores"] in (2, 4)
                assert p["kafka.instance_type"] in ("kafka.m5.large", "kafka.m5.xlarge")
                assert len(p.scenarios()) in (3, 4)
                assert p.to_dict()["partition.target_size_mb"] in (128, 64)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    def writer():
        try:
            for i in range(300):
                p["executor.cores"] = 4 if i % 2 else 2
                p["kafka.instance_type"] = "kafka.m5.xlarge" if i % 2 else "kafka.m5.large"
                p["partition.target_size_mb"] = 64 if i % 2 else 128
                if i % 2:
                    p.set_scenario(name="t", yearly_growth_ratio=0.1,
                                   seasonal_peak_factor=1.0)
                else:
                    try:
                        p.remove_scenario("t")
                    except ecaptune.NotFoundError:
                        pass
        except Exception as e:  # pragma: no cover
            errors.append(e)
        finally:
            stop.set()

    threads = [threading.Thread(target=reader) for _ in range(4)]
    threads.append(threading.Thread(target=writer))
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    p.close()


def test_threads_each_with_a_copy():
    base = ecaptune.Policy()
    results = {}

    def work(n):
        with base.copy() as q:
            q["executor.cores"] = n
            results[n] = q["executor.cores"]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(1, 9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {n: n for n in range(1, 9)}
    assert base["executor.cores"] == 2


def test_threads_share_one_policy_calling_advisors():
    """Eight threads call every advisor family on one shared Policy; each
    answer equals the single-threaded one (the C library keeps no global
    state, and the Policy lock serialises calls on the handle)."""
    p = ecaptune.Policy()
    calls = {
        "partitions": lambda: ecaptune.advise_partitions(
            p, data_size_bytes=200 << 20, total_executor_cores=8),
        "aqe": lambda: ecaptune.partition_aqe(
            p, partition_sizes_bytes=[10 << 20] * 4 + [300 << 20],
            parallelism_first_disabled=True),
        "join": lambda: ecaptune.advise_join(
            p, left_size_bytes=10 ** 13, right_size_bytes=1000),
        "cache": lambda: ecaptune.advise_cache(
            p, deserialized_size_bytes=3 << 30, serialized_size_bytes=1 << 30,
            partition_count=100, reuse_count=3, storage_memory_bytes=4 << 30,
            api=ecaptune.SparkApi.ECAP_SPARK_API_RDD),
        "executors": lambda: ecaptune.advise_executors(p, daily_data_gb=250.0),
        "properties": lambda: ecaptune.executor_spark_properties(
            ecaptune.advise_executors(p, daily_data_gb=250.0)),
        "database": lambda: ecaptune.advise_database(p, transactions_per_day=1e6),
        "kafka": lambda: ecaptune.advise_kafka(p, events_per_second=1000),
        "projection": lambda: ecaptune.projection_run(
            p, current_daily_transactions=1e5, years=3),
        "montecarlo": lambda: ecaptune.projection_montecarlo(
            p, current_daily_transactions=1e5, years=2, seed=42,
            paths_count=50),
    }
    expected = {k: f() for k, f in calls.items()}
    errors = []

    def work(offset):
        try:
            names = sorted(calls)
            for i in range(40):
                name = names[(i + offset) % len(names)]
                assert calls[name]() == expected[name], name
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    p.close()
