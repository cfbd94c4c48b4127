#!/bin/sh
# SPDX-License-Identifier: MIT
# abi/libecaptune1.symbols, the dpkg symbols file, lists exactly what the
# built library exports (a symbol that disappears or appears fails), and
# dpkg-gensymbols, when installed, accepts it for the library as it would
# in a package build (-c4: any difference fails).
set -eu
: "${top_srcdir:?}" "${top_builddir:?}"
so=$top_builddir/lib/.libs/libecaptune.so.1
symbols=$top_srcdir/abi/libecaptune1.symbols
if [ ! -f "$so" ]; then
	echo "SKIP: no shared library (static-only build)"
	exit 77
fi
${NM:-nm} -D --defined-only "$so" >/dev/null 2>&1 || { echo "SKIP: nm -D unusable"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
version=$(sed -n 's/^#define ECAP_VERSION_STRING "\(.*\)"/\1/p' "$top_srcdir/include/ecaptune.h")
"$top_srcdir/tools/abi-symbols.sh" "$so" "$version" "$symbols" >"$tmp/built"
if ! diff -u "$symbols" "$tmp/built"; then
	echo "FAIL: abi/libecaptune1.symbols differs from the library's exports" >&2
	echo "(+ new export, - disappeared; a deliberate change: make update-abi)" >&2
	exit 1
fi
if command -v dpkg-gensymbols >/dev/null 2>&1; then
	mkdir -p "$tmp/pkg/debian"
	printf 'Source: libecaptune\n\nPackage: libecaptune1\nArchitecture: any\n' \
		>"$tmp/pkg/debian/control"
	printf 'libecaptune (%s-1) unstable; urgency=medium\n\n  * Check.\n\n -- libecaptune <libecaptune@localhost>  Thu, 01 Jan 2026 00:00:00 +0000\n' \
		"$version" >"$tmp/pkg/debian/changelog"
	(cd "$tmp/pkg" && dpkg-gensymbols -plibecaptune1 -v"$version-1" \
		-I"$symbols" -e"$so" -O"$tmp/out" -c4) || {
		echo "FAIL: dpkg-gensymbols -c4 rejects abi/libecaptune1.symbols" >&2
		exit 1
	}
	echo "PASS: dpkg-gensymbols -c4"
fi
echo "PASS: $(grep -c '^ ' "$symbols") symbols in abi/libecaptune1.symbols"
