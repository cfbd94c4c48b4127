#!/bin/sh
# Regenerates the KEYS table of man/ecap_policy_key_count.3 from the built
# library (run after adding a key to lib/policy-keys.def and `make`).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
page="$top/man/ecap_policy_key_count.3"
builddir=${1:-$top}
table=$(mktemp)
trap 'rm -f "$table" "$page.new"' EXIT
"$builddir/tests/list-keys" --table >"$table"
awk -v table="$table" '
	/^\.Sh KEYS/ { inkeys = 1 }
	inkeys && /^\.Bl -tag -width Ds$/ { print; while ((getline l < table) > 0) print l; skip = 1; next }
	skip && /^\.El$/ { skip = 0; inkeys = 0 }
	!skip { print }
' "$page" >"$page.new"
mv "$page.new" "$page"
