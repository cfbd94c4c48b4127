#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs go vet and go test -race on the Go binding, and vets, builds and runs
# examples/go-projection, against the library just built in the tree (make
# check sets top_srcdir and top_builddir).
# Exit 77 (skip) when go is missing.  Extra arguments go to go test, e.g.
#   bindings/go/run-tests.sh -run '^$' -fuzz FuzzLoadJSON -fuzztime 60000x -timeout 5m
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
top_builddir=$(cd "$top_builddir" && pwd)

GO=${GO:-go}
if ! command -v "$GO" >/dev/null 2>&1; then
	echo "SKIP: go not found"
	exit 77
fi
# A Go older than go.mod's go directive cannot build the module (and with
# GOTOOLCHAIN=local will not fetch a newer one): skip, saying which.
want=$(sed -n 's/^go \([0-9][0-9.]*\).*/\1/p' "$here/go.mod")
have=$(GOTOOLCHAIN=local "$GO" env GOVERSION 2>/dev/null | sed 's/^go//; s/[^0-9.].*//')
older=$(printf '%s\n%s\n' "$want" "$have" | sort -t. -k1,1n -k2,2n -k3,3n | head -n1)
if [ -z "$have" ] || { [ "$older" = "$have" ] && [ "$have" != "$want" ]; }; then
	echo "SKIP: go ${have:-of unknown version} is older than go.mod's go $want"
	exit 77
fi
# cgo needs a C compiler.
cc_cmd=${CC:-$("$GO" env CC 2>/dev/null || echo cc)}
if ! command -v "${cc_cmd%% *}" >/dev/null 2>&1; then
	echo "SKIP: no C compiler (${cc_cmd%% *}) for cgo"
	exit 77
fi

# A static-only build (--disable-shared, as the sanitizer build is) has no
# shared library to link the binding against.
if grep -q "^dlname=''" "$top_builddir/lib/libecaptune.la" 2>/dev/null; then
	echo "SKIP: static-only build"
	exit 77
fi

work=$top_builddir/go-build
mkdir -p "$work/cache" "$work/path" "$work/tmp"

PKG_CONFIG_PATH=$top_builddir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
LD_LIBRARY_PATH=$top_builddir/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
CGO_ENABLED=1
GOFLAGS=-mod=mod
GOTOOLCHAIN=local
GOCACHE=$work/cache
GOPATH=$work/path
GOTMPDIR=$work/tmp
ECAPTUNE_SYMFILE=$top_srcdir/lib/libecaptune.sym
# go does not notice a changed header outside the module: put its checksum
# into the cgo flags, which are part of the build cache key.
hdrsum=$(cat "$top_srcdir/include/ecaptune.h" "$top_srcdir"/include/ecaptune/*.h | cksum | cut -d' ' -f1)
CGO_CFLAGS="${CGO_CFLAGS:--O2 -g} -DECAP_GO_HEADER_CKSUM=$hdrsum"
export PKG_CONFIG_PATH LD_LIBRARY_PATH CGO_ENABLED GOFLAGS GOTOOLCHAIN \
	GOCACHE GOPATH GOTMPDIR ECAPTUNE_SYMFILE CGO_CFLAGS

# go may write into the module (a failing fuzz input lands in testdata):
# a read-only source tree (make distcheck) is tested from a copy, laid out
# as in the tree so the example's replace (../../bindings/go) still holds.
srcroot=$top_srcdir
if [ ! -w "$srcroot/bindings/go" ]; then
	rm -rf "$work/src"
	mkdir -p "$work/src/bindings" "$work/src/examples"
	cp -R "$srcroot/bindings/go" "$work/src/bindings/go"
	cp -R "$srcroot/examples/go-projection" "$work/src/examples/go-projection"
	chmod -R u+w "$work/src"
	srcroot=$work/src
fi
cd "$srcroot/bindings/go"

"$GO" vet ./...
"$GO" test -race -count=1 "$@" ./...

# The example program (examples/go-projection, its own module) is vetted,
# built and run once against the same library, so it cannot rot.
cd "$srcroot/examples/go-projection"
"$GO" vet ./...
"$GO" build -o "$work/go-projection" .
"$work/go-projection"
