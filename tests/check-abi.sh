#!/bin/sh
# SPDX-License-Identifier: MIT
# make check-abi: compares a built libecaptune.so.1 (default: the one just
# built in the tree) with the ABI stored in abi/<arch>/ through abidiff,
# and fails on any incompatible change: a removed or re-versioned symbol,
# a changed function type, a public struct whose field moved, was removed,
# inserted or retyped.  Compatible changes (new functions, a field appended
# to a size-prefixed struct, see abi/libecaptune.abignore) are reported and
# pass; `make update-abi` records them.
#   tests/check-abi.sh [SO]
set -eu
: "${top_srcdir:?}" "${top_builddir:=$top_srcdir}" "${ABI_ARCH:?}"
ABIDIFF=${ABIDIFF:-abidiff}
so=${1:-$top_builddir/lib/.libs/libecaptune.so.1}
stored=$top_srcdir/abi/$ABI_ARCH/libecaptune.so.1.abi
suppr=$top_srcdir/abi/libecaptune.abignore
command -v "$ABIDIFF" >/dev/null 2>&1 || {
	echo "check-abi: abidiff not found (Debian: apt-get install abigail-tools)" >&2
	exit 1
}
[ -f "$so" ] || { echo "check-abi: $so is not built" >&2; exit 1; }
[ -f "$stored" ] || {
	echo "check-abi: no stored ABI for $ABI_ARCH ($stored); make update-abi writes it" >&2
	exit 1
}
# abidiff's status is a bit mask: 1 error, 2 usage, 4 ABI change,
# 8 incompatible change.  Its status alone does not tell a moved field
# from an appended one (both are 4, and libabigail 2.2's
# has_data_member_inserted_at suppression hides a moved field too), so the
# leaf report is read instead: it passes only when it holds nothing but
# fields appended to public structs past their last stored member, and
# enumerators added.  Added symbols are compatible: judged without them.
rc=0
"$ABIDIFF" --leaf-changes-only --no-added-syms --suppressions "$suppr" \
	"$stored" "$so" >"$so.abidiff" 2>&1 || rc=$?
verdict=compatible
if [ $((rc & 3)) -ne 0 ]; then
	verdict="abidiff could not compare (status $rc)"
elif [ "$rc" -ne 0 ]; then
	verdict=$(awk '
	FNR == NR {	# the stored ABI: the last member offset of each struct
		if (match($0, /<class-decl name=\047[a-z0-9_]+\047/) && $0 !~ /\/>$/) {
			cur = substr($0, RSTART + 18, RLENGTH - 19)
			last[cur] = -1
		} else if (cur != "" && match($0, /layout-offset-in-bits=\047[0-9]+\047/)) {
			off = substr($0, RSTART + 23, RLENGTH - 24) + 0
			if (off > last[cur]) last[cur] = off
		} else if ($0 ~ /<\/class-decl>/)
			cur = ""
		next
	}
	function bad(why) { if (!nbad++) first = why }
	/^$/ || /^Leaf changes summary:/ || /^Changed leaf types summary:/ { next }
	/^Removed\/Changed\/Added (functions|variables) summary:/ {
		if ($0 !~ / 0 Removed, 0 Changed/) bad($0)
		next
	}
	/^\047struct ecap_[a-z0-9_]+\047 changed:$/ {
		kind = "struct"; name = $2; sub(/\047$/, "", name)
		if (!(name in last)) bad("struct " name " is not in the stored ABI")
		next
	}
	/^\047enum ecap_[a-z0-9_]+\047 changed:$/ { kind = "enum"; next }
	/^\047/ { kind = ""; bad($0); next }
	kind == "struct" && /^  type size changed from [0-9]+ to [0-9]+ \(in bits\)$/ {
		if ($7 + 0 <= $5 + 0) bad(name ": size shrank")
		next
	}
	# Same size: the new field sits in the old tail padding, which an
	# older caller sizes (sz) as its own and need not have zeroed.
	kind == "struct" && /^  type size hasn.t changed$/ {
		bad(name ": a field added inside its old size (tail padding)")
		next
	}
	kind == "struct" && /^  [0-9]+ data member insertions?:$/ { next }
	kind == "struct" && /^    \047.*\047, at offset [0-9]+ \(in bits\)/ {
		off = $0; sub(/.*\047, at offset /, "", off); sub(/ .*/, "", off)
		if (off + 0 <= last[name]) bad(name ": " $0 " (not after the last field)")
		next
	}
	kind == "enum" && (/^  type size hasn.t changed$/ || /^  [0-9]+ enumerator insertions?:$/ || /^    \047.*\047 value \047-?[0-9]+\047$/) { next }
	{ bad(($0 ~ /^ / ? name ": " : "") $0) }
	END { print nbad ? first : "compatible" }
	' "$stored" "$so.abidiff")
fi
if [ "$verdict" != compatible ]; then
	cat "$so.abidiff"
	rm -f "$so.abidiff"
	echo "FAIL: $so breaks the ABI stored in abi/$ABI_ARCH: $verdict" >&2
	echo "A deliberate change before 1.0.0: make update-abi, and commit abi/ with it." >&2
	exit 1
fi
[ "$rc" -eq 0 ] || { cat "$so.abidiff"; echo "check-abi: compatible changes; make update-abi records them"; }
rm -f "$so.abidiff"
added=0
"$ABIDIFF" --leaf-changes-only --suppressions "$suppr" "$stored" "$so" \
	>/dev/null 2>&1 || added=$?
[ "$added" -eq "$rc" ] || {
	"$ABIDIFF" --leaf-changes-only --suppressions "$suppr" "$stored" "$so" | grep -A1000 'Added function' || true
	echo "check-abi: functions added; make update-abi records them"
}
echo "PASS: $so keeps the ABI of abi/$ABI_ARCH"
