#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates the stored ABI from the library just built in this tree:
#   abi/<arch>/libecaptune.so.1.abi   abidw's description (types and symbols)
#   abi/libecaptune1.symbols          the dpkg symbols file
# Run by `make update-abi`.  Until 1.0.0 is released, a commit that changes
# a public struct or the exports runs it and commits the result with the
# change, so the ABI change shows in review (RELEASING.md).
set -eu
: "${top_srcdir:?}" "${top_builddir:?}" "${ABI_ARCH:?}" "${PACKAGE_VERSION:?}"
ABIDW=${ABIDW:-abidw}
command -v "$ABIDW" >/dev/null 2>&1 || {
	echo "update-abi: abidw not found (Debian: apt-get install abigail-tools)" >&2
	exit 1
}
so=$top_builddir/lib/.libs/libecaptune.so.1
[ -f "$so" ] || { echo "update-abi: $so is not built" >&2; exit 1; }
dir=$top_srcdir/abi/$ABI_ARCH
mkdir -p "$dir"
# No paths, locations or compilation directories: the file describes the
# interface, not the machine that built it.  Hash type ids keep a change's
# diff small.
"$ABIDW" --headers-dir "$top_srcdir/include" --drop-private-types \
	--no-corpus-path --no-show-locs --no-comp-dir-path \
	--type-id-style hash --out-file "$dir/libecaptune.so.1.abi.tmp" "$so"
mv "$dir/libecaptune.so.1.abi.tmp" "$dir/libecaptune.so.1.abi"
symbols=$top_srcdir/abi/libecaptune1.symbols
"$top_srcdir/tools/abi-symbols.sh" "$so" "$PACKAGE_VERSION" "$symbols" \
	>"$symbols.tmp"
mv "$symbols.tmp" "$symbols"
echo "update-abi: wrote abi/$ABI_ARCH/libecaptune.so.1.abi and abi/libecaptune1.symbols"
