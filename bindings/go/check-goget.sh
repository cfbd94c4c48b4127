#!/bin/sh
# SPDX-License-Identifier: MIT
# `go get` of a tagged release, as a user would run it, before the module
# is published:
#  1. a git repository holding this module at bindings/go is tagged the
#     way a release is (bindings/go/vX.Y.Z, RELEASING.md);
#  2. `go mod download` resolves the module through git (GOPROXY=direct,
#     github.com/ecap/libecaptune rewritten to that repository), which
#     proves the tag format and lays the module out as a proxy serves it;
#  3. a fresh module, with GOPROXY=file:// on that layout and the oldest
#     Go that go.mod's go directive allows, runs `go get PACKAGE@vX.Y.Z`,
#     then builds and runs a program against the library just built.
# Exit 77 (skip, with the reason) without go or git, for a static-only
# build, or when the older Go toolchain cannot be fetched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
top_builddir=$(cd "${top_builddir:-$top_srcdir}" && pwd)
module=github.com/ecap/libecaptune/bindings/go
package=$module/ecaptune
GO=${GO:-go}
command -v "$GO" >/dev/null 2>&1 || { echo "SKIP: go not found"; exit 77; }
command -v git >/dev/null 2>&1 || { echo "SKIP: git not found"; exit 77; }
if grep -q "^dlname=''" "$top_builddir/lib/libecaptune.la" 2>/dev/null; then
	echo "SKIP: static-only build"
	exit 77
fi
version=v$(sed -n 's/^#define ECAP_VERSION_STRING "\(.*\)"/\1/p' \
	"$top_srcdir/include/ecaptune.h")
# The oldest toolchain of the go directive's minor version, e.g. 1.24 ->
# go1.24.0 (fetched once into the module cache as golang.org/toolchain).
godir=$(sed -n 's/^go \([0-9][0-9.]*\).*/\1/p' "$here/go.mod")
case $godir in *.*.*) oldest=go$godir ;; *) oldest=go$godir.0 ;; esac

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export GOFLAGS=-mod=mod GONOSUMDB=github.com/ecap GONOSUMCHECK=1 \
	GOCACHE="$work/cache" GOTMPDIR="$work" CGO_ENABLED=1 \
	PKG_CONFIG_PATH="$top_builddir" \
	LD_LIBRARY_PATH="$top_builddir/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# 1. The tagged repository.
repo=$work/repo
mkdir -p "$repo/bindings"
cp -R "$here" "$repo/bindings/go"
rm -f "$repo"/bindings/go/*.log "$repo"/bindings/go/*.trs
chmod -R u+w "$repo"
git -C "$repo" init -q
git -C "$repo" add -A
git -C "$repo" -c user.name=release -c user.email=release@localhost \
	commit -q -m "release $version"
git -C "$repo" tag "bindings/go/$version"

# 2. Through git, as the public proxy would fetch it.
printf '[url "file://%s"]\n\tinsteadOf = https://github.com/ecap/libecaptune\n' \
	"$repo" >"$work/gitconfig"
GIT_CONFIG_GLOBAL=$work/gitconfig GOPROXY=direct GOPATH=$work/gopath \
	GOTOOLCHAIN=local "$GO" mod download -json "$module@$version" \
	>"$work/download.json"
proxy=$work/gopath/pkg/mod/cache/download
[ -f "$proxy/$module/@v/$version.zip" ] || {
	cat "$work/download.json"
	echo "FAIL: the tag bindings/go/$version did not resolve to $module@$version" >&2
	exit 1
}

# 3. A fresh module through the file proxy, with the oldest allowed Go.
# The toolchain itself comes from the Go proxy (golang.org/toolchain) into
# the user module's cache before that module's proxy becomes the file one.
toolchain_proxy=$(GOTOOLCHAIN=local "$GO" env GOPROXY)
if ! GOPATH=$work/gopath2 GOPROXY=$toolchain_proxy GOTOOLCHAIN=$oldest "$GO" version \
	>"$work/toolchain.log" 2>&1; then
	cat "$work/toolchain.log"
	echo "SKIP: cannot fetch $oldest (go.mod says go $godir)"
	exit 77
fi
mkdir "$work/user"
cd "$work/user"
cat >main.go <<EOF
package main

import (
	"fmt"

	"$package"
)

func main() {
	fmt.Println(ecaptune.VersionString())
}
EOF
GOPATH=$work/gopath2 GOTOOLCHAIN=local "$GO" mod init example.com/user >/dev/null 2>&1
GOPATH=$work/gopath2 GOTOOLCHAIN=local GOPROXY=file://$proxy \
	"$GO" get "$package@$version"
grep -Eq "^require $module $version( // indirect)?\$" go.mod || {
	cat go.mod
	echo "FAIL: go.mod does not require $module $version" >&2
	exit 1
}
# go mod init wrote the running Go's version; build as the oldest would.
GOPATH=$work/gopath2 GOTOOLCHAIN=local "$GO" mod edit -go="$godir"
out=$(GOPATH=$work/gopath2 GOPROXY=file://$proxy GOTOOLCHAIN=$oldest \
	"$GO" run .)
[ "$out" = "${version#v}" ] || {
	echo "FAIL: the program printed '$out', want ${version#v}" >&2
	exit 1
}
echo "PASS: go get $package@$version through a file GOPROXY (tag bindings/go/$version), built with $oldest"
