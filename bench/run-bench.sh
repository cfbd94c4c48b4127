#!/bin/sh
# SPDX-License-Identifier: MIT
# make bench: builds the Go benchmarks (without -race) and runs
# bench/bench.py, which times C (bench/bench-advise), the Python binding,
# its batch entry point, Go and the guide's Python in interleaved rounds
# and prints the table.  Never part of make check: timings are printed,
# not asserted.  BENCH_ROUNDS (5) and BENCH_SECONDS (0.02 s per row and
# round) bound the run; Go is left out when go is missing.
set -eu
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
top_builddir=$(cd "$top_builddir" && pwd)
PYTHON=${PYTHON:-python3}
rounds=${BENCH_ROUNDS:-5}
seconds=${BENCH_SECONDS:-0.02}

ECAPTUNE_LIBRARY=$top_builddir/lib/.libs/libecaptune.so.1
LD_LIBRARY_PATH=$top_builddir/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
PYTHONPATH=$top_srcdir/bindings/python${PYTHONPATH:+:$PYTHONPATH}
PYTHONDONTWRITEBYTECODE=1
export ECAPTUNE_LIBRARY LD_LIBRARY_PATH PYTHONPATH PYTHONDONTWRITEBYTECODE

go_args=
if command -v "${GO:-go}" >/dev/null 2>&1; then
	work=$top_builddir/go-build
	mkdir -p "$work/cache" "$work/path" "$work/tmp"
	hdrsum=$(cat "$top_srcdir/include/ecaptune.h" "$top_srcdir"/include/ecaptune/*.h | cksum | cut -d' ' -f1)
	(cd "$top_srcdir/bindings/go/ecaptune" &&
	 PKG_CONFIG_PATH=$top_builddir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH} \
	 CGO_ENABLED=1 GOFLAGS=-mod=mod GOTOOLCHAIN=local GOCACHE=$work/cache \
	 GOPATH=$work/path GOTMPDIR=$work/tmp \
	 CGO_CFLAGS="-O2 -g -DECAP_GO_HEADER_CKSUM=$hdrsum" \
	 "${GO:-go}" test -c -o "$work/bench.test" .)
	go_args="--go $work/bench.test"
fi
# shellcheck disable=SC2086
exec "$PYTHON" "$top_srcdir/bench/bench.py" \
	--c "$top_builddir/bench/bench-advise" --rounds "$rounds" \
	--seconds "$seconds" $go_args
