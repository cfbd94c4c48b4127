#!/bin/sh
# Runs the Python binding's tests (pytest) against the library just built
# in this tree, never an installed copy.  Exit 77 (skip) when python3 or
# pytest is missing.
set -eu
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$PWD}"
PYTHON=${PYTHON:-python3}
command -v "$PYTHON" >/dev/null 2>&1 || { echo "no $PYTHON: skipped"; exit 77; }
"$PYTHON" -c 'import pytest' 2>/dev/null || { echo "no pytest: skipped"; exit 77; }
ECAPTUNE_LIBRARY="$top_builddir/lib/.libs/libecaptune.so.1"
[ -f "$ECAPTUNE_LIBRARY" ] || { echo "FAIL: $ECAPTUNE_LIBRARY not built" >&2; exit 1; }
PYTHONPATH="$top_srcdir/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
# No .pyc, cache or hypothesis database in the (read-only in distcheck)
# source tree.
PYTHONDONTWRITEBYTECODE=1
export ECAPTUNE_LIBRARY PYTHONPATH PYTHONDONTWRITEBYTECODE top_srcdir top_builddir
cd "$top_builddir"
exec "$PYTHON" -m pytest -q -p no:cacheprovider "$top_srcdir/bindings/python/tests"
