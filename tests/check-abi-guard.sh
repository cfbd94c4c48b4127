#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves that check-abi guards the ABI: builds the library's sources into
# throwaway copies of libecaptune.so.1 and runs tests/check-abi.sh on each.
#   unchanged                                -> passes (the control)
#   two fields of struct ecap_error swapped  -> fails (a field moved)
#   ecap_free dropped from the version script -> fails (a symbol disappeared)
#   a field inserted after its code           -> fails (the rest moved)
#   a field appended to struct ecap_error    -> passes (sz-prefixed growth)
# Run by make check-abi after the real comparison.
set -eu
: "${top_srcdir:?}" "${top_builddir:?}" "${ABI_ARCH:?}"
CC=${CC:-cc}
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
jansson_cflags=$(${PKG_CONFIG:-pkg-config} --cflags jansson)
jansson_libs=$(${PKG_CONFIG:-pkg-config} --libs jansson)

# build NAME EDIT: copies include/ and lib/, applies the sed EDIT to
# FILE (in "FILE|SCRIPT" form, or "" for none), and links NAME.so.1.
build() {
	name=$1 edit=$2
	d=$tmp/$name
	mkdir -p "$d"
	cp -R "$top_srcdir/include" "$top_srcdir/lib" "$d/"
	cp "$top_builddir/config.h" "$d/lib/"
	if [ -n "$edit" ]; then
		file=${edit%%|*} script=${edit#*|}
		sed -e "$script" "$d/$file" >"$d/$file.new"
		if cmp -s "$d/$file" "$d/$file.new"; then
			echo "FAIL: the $name edit changed nothing in $file" >&2
			exit 1
		fi
		mv "$d/$file.new" "$d/$file"
	fi
	# shellcheck disable=SC2086
	$CC -shared -fPIC -g -O0 -fvisibility=hidden -DHAVE_CONFIG_H \
		-I"$d/include" -I"$d/lib" $jansson_cflags "$d"/lib/*.c \
		$jansson_libs -lm -Wl,--version-script="$d/lib/libecaptune.sym" \
		-Wl,-soname,libecaptune.so.1 -o "$d/libecaptune.so.1"
}

# expect NAME pass|fail
expect() {
	if "$top_srcdir/tests/check-abi.sh" "$tmp/$1/libecaptune.so.1" \
		>"$tmp/$1.log" 2>&1; then got=pass; else got=fail; fi
	if [ "$got" != "$2" ]; then
		cat "$tmp/$1.log"
		echo "FAIL: check-abi should $2 for '$1' but did $got" >&2
		exit 1
	fi
	echo "PASS: check-abi: $1 -> $2"
}

build unchanged ""
expect unchanged pass
# line (offset 12) and column (offset 16) trade places: same size, moved.
build field-moved 'include/ecaptune.h|/^struct ecap_error {/,/^};/{
/^	int32_t line;$/{
N
s/^\(	int32_t line;\)\n\(	int32_t column;\)$/\2\n\1/
}
}'
expect field-moved fail
grep -q "offset changed" "$tmp/field-moved.log" || {
	cat "$tmp/field-moved.log"
	echo "FAIL: the report does not name the moved field" >&2
	exit 1
}
build symbol-removed 'lib/libecaptune.sym|/^[	 ]*ecap_free;$/d'
expect symbol-removed fail
grep -q "ecap_free" "$tmp/symbol-removed.log" || {
	cat "$tmp/symbol-removed.log"
	echo "FAIL: the report does not name the removed symbol" >&2
	exit 1
}
# A field inserted in the middle moves every field after it.
build field-inserted 'include/ecaptune.h|/^struct ecap_error {/,/^};/s/^	int32_t code;$/&\n	int32_t inserted;/'
expect field-inserted fail
build field-appended 'include/ecaptune.h|/^struct ecap_error {/,/^};/s/^	size_t :0;$/	uint64_t appended;\n&/'
expect field-appended pass
