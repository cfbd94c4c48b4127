#!/bin/sh
# The Spark formats of ecaptune(1) applied to a real local Spark (pyspark):
# spark-defaults as spark-submit's --properties-file, the spark-submit
# lines as its arguments, the pyspark snippet run as written; each Spark
# must then hold every advised property.  Exit 77 (skip) with
# ECAP_ENGINE_TESTS=0 or without python3, pyspark or java, like
# tests/spark/run-engine-tests.sh.
set -eu
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$PWD}"
if [ "${ECAP_ENGINE_TESTS:-1}" = 0 ]; then
	echo "ECAP_ENGINE_TESTS=0: skipped"
	exit 77
fi
PYTHON=${PYTHON:-python3}
command -v "$PYTHON" >/dev/null 2>&1 || { echo "no $PYTHON: skipped"; exit 77; }
"$PYTHON" -c 'import pyspark' 2>/dev/null || { echo "no pyspark: skipped"; exit 77; }
java -version >/dev/null 2>&1 || { echo "no java: skipped"; exit 77; }
ECAPTUNE="$top_builddir/cli/ecaptune"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PYTHONDONTWRITEBYTECODE=1
SPARK_LOCAL_DIRS="$tmp"
export ECAPTUNE PYTHONDONTWRITEBYTECODE SPARK_LOCAL_DIRS
cd "$tmp"
"$PYTHON" "$top_srcdir/tests/cli/spark_formats.py" "$tmp"
