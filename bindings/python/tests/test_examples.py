# SPDX-License-Identifier: MIT
"""examples/spark_session.py runs against the library under test, so the
example cannot rot."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

import pytest

from conftest import HERE, top_srcdir

EXAMPLE = top_srcdir() / "examples" / "spark_session.py"


def _env() -> dict:
    """The environment with this binding first on PYTHONPATH, so the
    example imports the package under test (pytest's own pythonpath
    setting does not reach a subprocess)."""
    env = dict(os.environ)
    path = [str(HERE.parent)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join(path)
    return env


@pytest.mark.parametrize("args", [[], ["100", "--guide"]])
def test_spark_session_example_runs(args):
    assert EXAMPLE.is_file(), EXAMPLE
    r = subprocess.run([sys.executable, str(EXAMPLE), *args],
                       env=_env(), capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert "SparkSession.builder" in r.stdout
    conf_line = next(line for line in r.stdout.splitlines()
                     if line.startswith("conf = "))
    conf = ast.literal_eval(conf_line[len("conf = "):])
    if args:
        # guide, 100 GB/day: 37 executors of 8 GB (tests/test-executor.c)
        assert conf["spark.executor.instances"] == "37"
        assert conf["spark.executor.memory"] == "8g"
    else:
        # ecap-1, 250 GB/day in 8 h (target 2 h): ceil(250 / 10) = 25
        # cores on the cheapest catalog node, executors of 4-5 cores;
        # dynamic allocation bounds them, no spark.executor.instances
        assert "spark.executor.instances" not in conf
        cores = int(conf["spark.executor.cores"])
        assert 4 <= cores <= 5
        assert int(conf["spark.dynamicAllocation.maxExecutors"]) * cores >= 25
    assert int(conf["spark.sql.shuffle.partitions"]) >= 1
