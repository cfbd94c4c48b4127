#!/bin/sh
# Runs the Python binding's tests (pytest) against the library just built
# in this tree, never an installed copy.  Exit 77 (skip), saying why, when
# python3 is missing or older than requires-python, or pytest or a C
# compiler is missing.
set -eu
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$PWD}"
PYTHON=${PYTHON:-python3}
command -v "$PYTHON" >/dev/null 2>&1 || { echo "SKIP: no $PYTHON"; exit 77; }
# The oldest Python the binding supports is pyproject.toml's requires-python.
want=$(sed -n 's/^requires-python *= *">=\([0-9.]*\)".*/\1/p' \
	"$top_srcdir/bindings/python/pyproject.toml")
"$PYTHON" -c "import sys; sys.exit(sys.version_info < tuple(map(int, '$want'.split('.'))))" || {
	echo "SKIP: $("$PYTHON" -V 2>&1) is older than the binding's Python $want"
	exit 77
}
"$PYTHON" -c 'import pytest' 2>/dev/null || { echo "SKIP: no pytest for $PYTHON"; exit 77; }
# The layout test compiles a C program with $CC.
cc_cmd=${CC:-cc}
command -v "${cc_cmd%% *}" >/dev/null 2>&1 || {
	echo "SKIP: no C compiler (${cc_cmd%% *}) for the layout test"
	exit 77
}
ECAPTUNE_LIBRARY="$top_builddir/lib/.libs/libecaptune.so.1"
if [ ! -f "$ECAPTUNE_LIBRARY" ]; then
	# A static-only build (--disable-shared) has nothing ctypes can load.
	if grep -q "^dlname=''" "$top_builddir/lib/libecaptune.la" 2>/dev/null; then
		echo "static-only build: skipped"
		exit 77
	fi
	echo "FAIL: $ECAPTUNE_LIBRARY is not built" >&2
	exit 1
fi
PYTHONPATH="$top_srcdir/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
# Nothing written into the source tree (read-only in distcheck) or the
# build tree: no .pyc, no pytest cache, hypothesis's files in a temp dir.
PYTHONDONTWRITEBYTECODE=1
HYPOTHESIS_STORAGE_DIRECTORY=$(mktemp -d)
trap 'rm -rf "$HYPOTHESIS_STORAGE_DIRECTORY"' EXIT
export ECAPTUNE_LIBRARY PYTHONPATH PYTHONDONTWRITEBYTECODE top_srcdir \
	top_builddir HYPOTHESIS_STORAGE_DIRECTORY
cd "$top_builddir"
"$PYTHON" -m pytest -q -p no:cacheprovider "$top_srcdir/bindings/python/tests"

# Types as published: mypy --strict on the package itself, examples/*.py
# and the Python in this binding's README, when mypy is installed.
if "$PYTHON" -m mypy --version >/dev/null 2>&1; then
	typed=$(mktemp -d)
	trap 'rm -rf "$HYPOTHESIS_STORAGE_DIRECTORY" "$typed"' EXIT
	"$PYTHON" - "$top_srcdir/bindings/python/README.md" "$typed" <<'EOF'
import pathlib, re, sys
text = pathlib.Path(sys.argv[1]).read_text()
blocks = re.findall(r"^```python\n(.*?)^```", text, re.M | re.S)
for i, block in enumerate(blocks):
    pathlib.Path(sys.argv[2], f"readme_{i}.py").write_text(
        "import ecaptune\n" + block)
print(f"mypy --strict: ecaptune, examples/*.py and {len(blocks)} README blocks")
EOF
	MYPYPATH="$top_srcdir/bindings/python" "$PYTHON" -m mypy --strict \
		--follow-imports=silent --cache-dir=/dev/null \
		"$top_srcdir/bindings/python/ecaptune" \
		"$top_srcdir"/examples/*.py "$typed"/readme_*.py
else
	echo "mypy not installed: the package's and examples' types are not checked"
fi
