#!/bin/sh
# Times the library's Monte Carlo projection beside a numpy version of the
# same model, in the same run (tests/bench_projection_numpy.py), through
# the Python binding of the library just built.  Prints the ratio; no
# timing is asserted.  A numpy copy that no longer agrees with the
# library's sizing is a warning here (--strict makes it fail).  Exit 77
# (skip) without python3, numpy or a shared library.
set -eu
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
PYTHON=${PYTHON:-python3}
command -v "$PYTHON" >/dev/null 2>&1 || { echo "no $PYTHON: skipped"; exit 77; }
ECAPTUNE_LIBRARY="$top_builddir/lib/.libs/libecaptune.so.1"
[ -f "$ECAPTUNE_LIBRARY" ] || { echo "no shared library: skipped"; exit 77; }
PYTHONPATH="$top_srcdir/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
PYTHONDONTWRITEBYTECODE=1
export ECAPTUNE_LIBRARY PYTHONPATH PYTHONDONTWRITEBYTECODE
exec "$PYTHON" "$top_srcdir/tests/bench_projection_numpy.py" "$@"
