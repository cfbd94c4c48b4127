# SPDX-License-Identifier: MIT
"""ecaptune's spark-defaults, spark-submit and pyspark output in a real
local Spark: each way of applying the advice must leave every advised
property in the SparkContext's configuration with the advised value.

usage: spark_formats.py TMPDIR   (ECAPTUNE names the command)
"""
import json
import os
import shutil
import subprocess
import sys

TMP = sys.argv[1]
ECAPTUNE = os.environ.get("ECAPTUNE", "cli/ecaptune")
SPARK_SUBMIT = shutil.which("spark-submit") or os.path.join(
    os.path.dirname(__import__("pyspark").__file__), "bin", "spark-submit")

PROBE = """
import json, sys
from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
json.dump(dict(spark.sparkContext.getConf().getAll()), open(sys.argv[1], "w"))
spark.stop()
"""


def ecaptune(*args):
    return subprocess.run([ECAPTUNE, *args], check=True, capture_output=True,
                          text=True).stdout


def path(name):
    return os.path.join(TMP, name)


def submit(args, out):
    subprocess.run([SPARK_SUBMIT, "--master", "local[1]", *args, path("probe.py"),
                    path(out)], check=True, capture_output=True, timeout=300)
    with open(path(out)) as f:
        return json.load(f)


def compare(what, advised, got):
    bad = {k: (v, got.get(k)) for k, v in advised.items() if got.get(k) != v}
    print(("FAIL: " if bad else "PASS: ") + what +
          (f": {bad}" if bad else f": {len(advised)} properties"))
    return not bad


with open(path("probe.py"), "w") as f:
    f.write(PROBE)
ok = True
# plan carries the partition and executor properties both.
for command in ("plan",):
    advised = json.loads(ecaptune(command, "--format", "json"))["spark_properties"]
    with open(path("spark-defaults.conf"), "w") as f:
        f.write(ecaptune(command, "--format", "spark-defaults"))
    ok &= compare(f"{command} --format spark-defaults", advised,
                  submit(["--properties-file", path("spark-defaults.conf")],
                         "defaults.json"))
    words = ecaptune(command, "--format", "spark-submit").split()
    ok &= compare(f"{command} --format spark-submit", advised,
                  submit(words, "submit.json"))

# The pyspark snippet, run as written, then asked for its configuration.
advised = json.loads(ecaptune("plan", "--format", "json"))["spark_properties"]
snippet = ecaptune("plan", "--format", "pyspark")
with open(path("snippet.py"), "w") as f:
    f.write(snippet + PROBE.replace("from pyspark.sql import SparkSession\n", "")
            .replace("spark = SparkSession.builder.getOrCreate()\n", ""))
got_file = path("snippet.json")
subprocess.run([sys.executable, path("snippet.py"), got_file], check=True,
               capture_output=True, timeout=300,
               env={**os.environ, "PYSPARK_SUBMIT_ARGS":
                    "--master local[1] pyspark-shell"})
with open(got_file) as f:
    ok &= compare("plan --format pyspark", advised, json.load(f))
sys.exit(0 if ok else 1)
