#!/bin/sh
# Engine checks: compares the library's predictions (scan tasks, join
# strategy, AQE coalescing) with what a local Spark does, through pyspark
# and tests/spark/ecap-predict.  Exit 77 (skip) when ECAP_ENGINE_TESTS=0 or
# when python3, pyspark, pytest or java is missing.  Writes nothing into the
# source tree (read-only in distcheck); Spark's files go to a temp dir.
set -eu
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$PWD}"
if [ "${ECAP_ENGINE_TESTS:-1}" = 0 ]; then
	echo "ECAP_ENGINE_TESTS=0: skipped"
	exit 77
fi
PYTHON=${PYTHON:-python3}
command -v "$PYTHON" >/dev/null 2>&1 || { echo "no $PYTHON: skipped"; exit 77; }
"$PYTHON" -c 'import pytest' 2>/dev/null || { echo "no pytest: skipped"; exit 77; }
"$PYTHON" -c 'import pyspark' 2>/dev/null || { echo "no pyspark: skipped"; exit 77; }
java -version >/dev/null 2>&1 || { echo "no java: skipped"; exit 77; }
ECAP_PREDICT="$top_builddir/tests/spark/ecap-predict"
if [ ! -x "$ECAP_PREDICT" ]; then
	echo "FAIL: $ECAP_PREDICT is not built" >&2
	exit 1
fi
ECAP_ENGINE_TMP=$(mktemp -d)
trap 'rm -rf "$ECAP_ENGINE_TMP"' EXIT
# No .pyc, no pytest cache; Spark's scratch space and logs in the temp dir.
PYTHONDONTWRITEBYTECODE=1
SPARK_LOCAL_DIRS="$ECAP_ENGINE_TMP"
export ECAP_PREDICT ECAP_ENGINE_TMP PYTHONDONTWRITEBYTECODE SPARK_LOCAL_DIRS
cd "$ECAP_ENGINE_TMP"
"$PYTHON" -m pytest -q -p no:cacheprovider -rxXs "$top_srcdir/tests/spark/test_engine.py" \
	"$top_srcdir/tests/spark/test_executor_properties.py" \
	"$top_srcdir/tests/spark/test_partition_properties.py" \
	"$top_srcdir/tests/spark/test_review.py"
