#!/bin/sh
# Man pages: mandoc -Tlint and groff -ww clean; every exported symbol is a page name
# (a page's .Nm or an MLINKS alias); every .Nm is exported or libecaptune.
set -eu
man="$top_srcdir/man"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -n "${MANDOC:-}" ] || MANDOC=$(command -v mandoc || true)
if [ -n "$MANDOC" ]; then
	for page in "$man"/*.3; do
		out=$("$MANDOC" -Tlint -Wwarning "$page" 2>&1) || {
			echo "$out" >&2
			echo "FAIL: mandoc -Tlint $page" >&2
			exit 1
		}
	done
	echo "PASS: mandoc -Tlint"
else
	echo "SKIP: mandoc not installed (lint)"
fi
# groff, as lintian runs it through man(1) (80 columns, -ww): no "can't
# break line" or other warning in any page.
[ -n "${GROFF:-}" ] || GROFF=$(command -v groff || true)
if [ -n "$GROFF" ]; then
	for page in "$man"/*.3; do
		out=$(LC_ALL=C.UTF-8 "$GROFF" -ww -z -Tutf8 -mandoc \
			-rLL=78n -rLT=78n "$page" 2>&1)
		[ -z "$out" ] || {
			echo "$out" >&2
			echo "FAIL: groff -ww $page" >&2
			exit 1
		}
	done
	echo "PASS: groff -ww"
else
	echo "SKIP: groff not installed (groff -ww)"
fi
sed -e 's,/\*.*\*/,,g' "$top_srcdir/lib/libecaptune.sym" | tr -d ' \t' |
	grep -E '^[a-z_][a-z0-9_]*;$' | tr -d ';' | sort >"$tmp/exports"
grep -h '^\.Nm [a-z_0-9]*' "$man"/*.3 | awk '{print $2}' | sort -u >"$tmp/nm"
# Pages are installed under their file names; aliases come from MLINKS.
(ls "$man"/*.3 | sed 's,.*/,,; s,\.3$,,'
	sed -n 's/^MLINKS += //p' "$man/Makefile.inc" | awk '{print $2}') |
	sort -u >"$tmp/installed"
rc=0
# Every policy key the library lists is documented in the key table.
if [ -x "$top_builddir/tests/list-keys" ]; then
	"$top_builddir/tests/list-keys" | while read -r key; do
		grep -q "^\.It Cm $key\$" "$man/ecap_policy_key_count.3" || {
			echo "FAIL: policy key $key missing from ecap_policy_key_count.3" >&2
			exit 1
		}
	done || rc=1
fi
missing=$(comm -23 "$tmp/exports" "$tmp/nm")
[ -z "$missing" ] || { echo "FAIL: exported without an .Nm: $missing" >&2; rc=1; }
missing=$(comm -23 "$tmp/exports" "$tmp/installed")
[ -z "$missing" ] || { echo "FAIL: exported without an installed page name: $missing" >&2; rc=1; }
extra=$(comm -13 "$tmp/exports" "$tmp/nm" | grep -v '^libecaptune$' || true)
[ -z "$extra" ] || { echo "FAIL: .Nm of nothing exported: $extra" >&2; rc=1; }
[ $rc -ne 0 ] || echo "PASS: $(wc -l <"$tmp/exports") exports documented"
exit $rc
