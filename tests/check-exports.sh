#!/bin/sh
# The symbols the shared library exports are exactly the names in
# lib/libecaptune.sym, each versioned @LIBECAPTUNE_<release>; nothing else.
set -eu
so="$top_builddir/lib/.libs/libecaptune.so"
sym="$top_srcdir/lib/libecaptune.sym"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${NM:-nm} -D --defined-only "$so" >/dev/null 2>&1 || exit 77

sed -e 's,/\*.*\*/,,g' "$sym" | tr -d ' \t' | grep -E '^[a-z_][a-z0-9_]*;$' |
	tr -d ';' | sort >"$tmp/listed"
${NM:-nm} -D --defined-only "$so" | awk '$2 ~ /^[TDBRV]$/ {print $3}' |
	sort >"$tmp/exported-versioned"
# Version nodes themselves appear as absolute symbols; drop them.
grep -v '^LIBECAPTUNE_' "$tmp/exported-versioned" >"$tmp/exported" || true

sed 's/@.*//' "$tmp/exported" | sort -u >"$tmp/names"
if ! diff -u "$tmp/listed" "$tmp/names"; then
	echo "FAIL: exported symbols differ from lib/libecaptune.sym" >&2
	exit 1
fi
bad=$(grep -v '@@\{0,1\}LIBECAPTUNE_[0-9][0-9.]*$' "$tmp/exported" || true)
if [ -n "$bad" ]; then
	echo "FAIL: unversioned exports: $bad" >&2
	exit 1
fi
for name in $(cat "$tmp/listed"); do
	cat "$top_srcdir/include/ecaptune.h" "$top_srcdir"/include/ecaptune/*.h |
		grep -q "^ECAP_API.*[ *]$name(\$\{0,1\}" || {
		echo "FAIL: $name is exported but has no ECAP_API prototype" >&2
		exit 1
	}
done
echo "PASS: $(wc -l <"$tmp/listed") exports, all versioned"
