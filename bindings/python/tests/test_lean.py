# SPDX-License-Identifier: MIT
"""The lean paths (issue 13) answer as the plain path does: each @lean
advisor equals its decorated body (lean_reference: to_struct,
Policy._call, from_struct) over a grid of inputs, bad ones included (the
same exception class and message, which names the field), and the
signature and docstring stay the public ones."""

from __future__ import annotations

import inspect
import itertools
from typing import Any, Callable, Dict, List

import pytest

import ecaptune

GIB = 1 << 30


def _answer(f: Callable[..., Any], policy: ecaptune.Policy,
            kw: Dict[str, Any]) -> Any:
    try:
        r = f(policy, **kw)
    except Exception as e:  # the class and message are compared
        return (type(e).__name__, str(e))
    return r.to_dict()


def _grid(**axes: List[Any]) -> List[Dict[str, Any]]:
    names = list(axes)
    return [dict(zip(names, values))
            for values in itertools.product(*axes.values())]


CASES = {
    ecaptune.advise_executors: _grid(
        daily_data_gb=[0.5, 100.0, 50000.0, -1.0, float("nan"), "x"],
        platform=[0, "emr", ecaptune.SparkPlatform.ECAP_SPARK_PLATFORM_KUBERNETES,
                  "nope", 99],
        node_type=["", "r5.4xlarge", "nope", "x" * 64]),
    ecaptune.advise_database: _grid(
        transactions_per_day=[0, 1e6, 1e13, -5.0],
        workload=[0, "dw", "nope", 2 ** 40],
        storage_type=[0, "hdd"]),
    ecaptune.advise_database_shape: _grid(
        memory_gb=[16, 0.1, -1],
        vcpu_count=[4, 2 ** 70],
        workload=["web", "nope"]),
    ecaptune.advise_kafka: _grid(
        events_per_second=[0.0, 1000.0, 1e7, -1.0],
        instance_type=["", "kafka.m5.xlarge", "nope"],
        replication_factor=[0, 3, 33, 2 ** 70]),
    ecaptune.advise_join: _grid(
        left_size_bytes=[0, 10 ** 13, -10],
        right_size_bytes=[1000, 8 * 10 ** 6],
        join_type=[0, "left outer", "nope"],
        left_hint=[0, "broadcast"]),
    ecaptune.advise_cache: _grid(
        deserialized_size_bytes=[0, 10 ** 9, 2 ** 64],
        partition_count=[0, 60],
        reuse_count=[3],
        storage_memory_bytes=[16 * GIB],
        api=[2, "rdd", 77]),
    ecaptune.advise_partitions: _grid(
        data_size_bytes=[0, 10 ** 10, -1, 2 ** 64],
        total_executor_cores=[0, 16],
        files_splittable=[True, False],
        file_count=[0, 4]),
}


@pytest.mark.parametrize("f", list(CASES), ids=lambda f: f.__name__)
def test_lean_equals_plain_path(policy, f):
    for kw in CASES[f]:
        assert _answer(f, policy, kw) == _answer(f.__wrapped__, policy, kw), kw


@pytest.mark.parametrize("f", list(CASES), ids=lambda f: f.__name__)
def test_lean_keeps_the_public_signature(f):
    assert f.__doc__ and f.__doc__ == f.__wrapped__.__doc__
    assert inspect.signature(f) == inspect.signature(f.__wrapped__)
    # keyword-only, as written
    with pytest.raises(TypeError):
        f(ecaptune.Policy(), 1.0)


def test_lean_error_names_the_field(policy):
    # the failing call is repeated with an error struct for the message
    with pytest.raises(ecaptune.RangeError, match="daily_data_gb"):
        ecaptune.advise_executors(policy, daily_data_gb=-1.0)
    with pytest.raises(ecaptune.RangeError, match="years"):
        ecaptune.projection_run(policy, current_daily_transactions=1e6,
                                years=51)


def test_lean_on_closed_policy():
    p = ecaptune.Policy()
    p.close()
    with pytest.raises(ValueError, match="closed"):
        ecaptune.advise_kafka(p, events_per_second=1000.0)
    with pytest.raises(ValueError, match="closed"):
        ecaptune.projection_run(p, current_daily_transactions=1e6, years=2)


def test_lean_projection_years_read_their_own_element(policy):
    years = ecaptune.projection_run(policy, current_daily_transactions=1e6,
                                    years=5)
    assert [y.year for y in years] == [1, 2, 3, 4, 5]
    # each year's base grows (guide scenario: yearly growth > 0)
    bases = [y.base_daily_transactions for y in years]
    assert bases == sorted(bases) and bases[0] < bases[-1]
