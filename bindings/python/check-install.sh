#!/bin/sh
# SPDX-License-Identifier: MIT
# The binding as a user installs it: a fresh venv, plain
# `pip install bindings/python` (PEP 517, setuptools fetched for the
# build), the wheel's licence and py.typed, mypy --strict on the installed
# package itself and on examples/*.py against it, and the example run with
# the library just built.  Run by .ci/run (it needs the package index).
set -eu
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
PYTHON=${PYTHON:-python3}
ECAPTUNE_LIBRARY=$top_builddir/lib/.libs/libecaptune.so.1
export ECAPTUNE_LIBRARY
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
"$PYTHON" -m venv "$venv"
# A copy: pip builds in the source folder, which may be read-only.
cp -R "$top_srcdir/bindings/python" "$venv/src"
"$venv/bin/pip" install -q --disable-pip-version-check "$venv/src"
site=$("$venv/bin/python" -c 'import ecaptune, os; print(os.path.dirname(ecaptune.__file__))')
case $site in "$venv"/*) ;; *) echo "FAIL: ecaptune imported from $site" >&2; exit 1 ;; esac
[ -f "$site/py.typed" ] || { echo "FAIL: py.typed not installed" >&2; exit 1; }
ls "$venv"/lib/python*/site-packages/ecaptune-*.dist-info/licenses/COPYING >/dev/null || {
	echo "FAIL: the wheel carries no licence" >&2; exit 1; }
"$venv/bin/pip" install -q --disable-pip-version-check mypy
"$venv/bin/python" -m mypy --strict --cache-dir=/dev/null -p ecaptune
"$venv/bin/python" -m mypy --strict --cache-dir=/dev/null "$top_srcdir"/examples/*.py
"$venv/bin/python" "$top_srcdir/examples/spark_session.py" 100 >/dev/null
echo "PASS: pip install bindings/python in a fresh venv; mypy --strict on ecaptune and examples/*.py"
