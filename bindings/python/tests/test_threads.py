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
