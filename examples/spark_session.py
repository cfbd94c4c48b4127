#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Sizes a Spark job with libecaptune and prints the properties to hand
to a SparkSession builder.

    ECAPTUNE_LIBRARY=/path/to/libecaptune.so.1 PYTHONPATH=bindings/python \\
        python3 examples/spark_session.py [DAILY_GB] [--guide]

Executor advice for DAILY_GB GB a day (default 250) and partition advice
for that volume, rendered by the library as Spark properties, printed as
``SparkSession.builder.config(key, value)`` lines and as a dict.  Needs
no Spark installation.
"""

from __future__ import annotations

import sys

import ecaptune


def spark_conf(daily_data_gb: float, guide: bool = False) -> dict[str, str]:
    """The Spark properties for a job reading ``daily_data_gb`` GB a day."""
    with ecaptune.Policy() as policy:
        if guide:
            policy.model = ecaptune.Model.GUIDE
        executors = ecaptune.advise_executors(policy,
                                              daily_data_gb=daily_data_gb)
        cores = executors.executor_count * executors.executor_core_count
        partitions = ecaptune.advise_partitions(
            policy, data_size_bytes=int(daily_data_gb * (1 << 30)),
            total_executor_cores=cores)
        conf = dict(ecaptune.executor_spark_properties(executors))
        # The partition renderer's AQE keys repeat the executor's; both
        # come from the same policy, so the later value is the same.
        conf.update(ecaptune.partition_spark_properties(policy, partitions))
        print(f"# {daily_data_gb:g} GB/day, model "
              f"{ecaptune.model_to_string(executors.model)}", file=sys.stderr)
        print(f"# executors: {executors.explanation}", file=sys.stderr)
        print(f"# partitions: {partitions.reason_text}", file=sys.stderr)
    return conf


def main(argv: list[str]) -> int:
    guide = "--guide" in argv
    args = [a for a in argv if a != "--guide"]
    daily = float(args[0]) if args else 250.0
    conf = spark_conf(daily, guide)
    print("from pyspark.sql import SparkSession")
    print()
    print("spark = (SparkSession.builder")
    print('         .appName("ecap-sized-job")')
    for key, value in conf.items():
        print(f"         .config({key!r}, {value!r})")
    print("         .getOrCreate())")
    print()
    print(f"conf = {conf!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
