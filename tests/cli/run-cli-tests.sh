#!/bin/sh
# ecaptune(1) on the built-in default workload: every subcommand and
# format against the expected output in tests/cli/expected (regenerate
# with `make update-cli-expected`, then read the diff), each machine
# format parsed back by a real parser (tests/cli/check-formats.py), and
# bad options and workload files refused with exit 2 or 3 naming what is
# wrong.  With --update, rewrites the expected files instead.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$PWD}"
src=$top_srcdir/tests/cli
ecaptune=$top_builddir/cli/ecaptune
update=no
[ "${1:-}" = --update ] && update=yes
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $*"; }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }

# 1. expected outputs
while read -r name args; do
	case "$name" in ''|'#'*) continue ;; esac
	args=$(printf '%s' "$args" | sed "s|@TMP@|$tmp|g")
	# shellcheck disable=SC2086
	"$ecaptune" $args >"$tmp/$name" 2>"$tmp/$name.err"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		ko "ecaptune $args: exit $rc: $(cat "$tmp/$name.err")"
		continue
	fi
	if [ "$update" = yes ]; then
		cp "$tmp/$name" "$src/expected/$name"
	elif cmp -s "$tmp/$name" "$src/expected/$name"; then
		ok "ecaptune $args"
	else
		diff -u "$src/expected/$name" "$tmp/$name" | head -40
		ko "ecaptune $args differs from tests/cli/expected/$name" \
			"(an intended change of the advice: make update-cli-expected," \
			"then read the diff)"
	fi
done <"$src/cases"
[ "$update" = yes ] && { echo "updated $src/expected"; exit 0; }

# 2. the machine formats through real parsers
if python3 "$src/check-formats.py" "$tmp"; then
	ok "machine formats parse back"
else
	ko "machine formats parse back"
fi

# 3. bad input: exit code and the name of what is wrong on stderr
expect() {
	want_rc=$1 want_text=$2
	shift 2
	"$ecaptune" "$@" >/dev/null 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq "$want_rc" ] && grep -qF -- "$want_text" "$tmp/err"; then
		ok "ecaptune $*: exit $rc, names $want_text"
	else
		ko "ecaptune $*: exit $rc (want $want_rc), stderr: $(cat "$tmp/err")"
	fi
}
expect 2 "--daily-data" plan --daily-data 250XB
expect 2 "--daily-data" plan --daily-data=250
expect 2 "--daily-data needs a value" plan --daily-data
expect 2 "--window" executors --window 8y
expect 2 "--transactions" database --transactions 1.5M
expect 2 "--events" kafka --events 20q/s
expect 2 "--platform" executors --platform mainframe
expect 2 "--bogus" plan --bogus
expect 2 "unknown command 'plans'" plans
expect 2 "--format rds does not apply to kafka" kafka --format rds
expect 2 "--format" plan --format xml
expect 2 "--model" plan --model guide2
expect 2 "--fail-on" plan --fail-on everything
expect 2 "--chart applies to project" plan --chart x.svg
expect 2 "usage" policy frobnicate
expect 2 "usage" 
expect 3 "--node" executors --node z9.mega
expect 3 "--transactions" database --transactions 2e13/day
expect 3 "no-such-file.json" plan --workload no-such-file.json
expect 3 "no-such-policy.json" plan --policy no-such-policy.json
printf '{\n  "daily-data": "250GB",\n  "transactions": "fast"\n}\n' >"$tmp/w1.json"
expect 3 'w1.json:3: member "transactions"' plan --workload "$tmp/w1.json"
printf '{\n  "daily-data": "250GB",\n\n  "colour": 1\n}\n' >"$tmp/w2.json"
expect 3 'w2.json:4: unknown member "colour"' plan --workload "$tmp/w2.json"
printf '{\n  "daily-data": 1.5\n}\n' >"$tmp/w3.json"
expect 3 'w3.json:2: member "daily-data"' plan --workload "$tmp/w3.json"
printf '{\n  "daily-data": "250GB",\n' >"$tmp/w4.json"
expect 3 'w4.json:3' plan --workload "$tmp/w4.json"
printf '[1]\n' >"$tmp/w5.json"
expect 3 'a workload is a JSON object' plan --workload "$tmp/w5.json"
printf '{\n  "partition.target_size_mb": -1\n}\n' >"$tmp/p1.json"
expect 3 'partition.target_size_mb' policy check "$tmp/p1.json"
expect 3 'partition.target_size_mb' plan --policy "$tmp/p1.json"

# 4. exit 1 only for the flags asked for; --opt=value and --opt value
expect_rc() {
	want_rc=$1
	shift
	"$ecaptune" "$@" >/dev/null 2>&1
	rc=$?
	if [ "$rc" -eq "$want_rc" ]; then ok "ecaptune $*: exit $rc"
	else ko "ecaptune $*: exit $rc, want $want_rc"; fi
}
expect_rc 0 plan --fail-on any
expect_rc 1 database --transactions 1G/day --fail-on=database-no-fit
expect_rc 1 database --transactions 1G/day --fail-on database-limit
expect_rc 0 database --transactions 1G/day --fail-on window-missed
expect_rc 1 executors --daily-data 100TB --window 1h --max-executors 5 --fail-on any
expect_rc 1 executors --daily-data 100TB --window 1h --fail-on window-missed,executors-over-policy
# Above the policy's executor.max_executors (20) nothing is capped: only
# --max-executors sets executors-capped (1TB: 31 executors, 1.65 h of 2).
expect_rc 0 executors --daily-data 1TB --fail-on executors-capped
expect_rc 1 executors --daily-data 1TB --fail-on executors-over-policy
expect_rc 1 executors --daily-data 1TB --max-executors 20 --fail-on executors-capped
expect_rc 0 executors --daily-data 1TB --max-executors 20 --fail-on executors-over-policy
expect_rc 0 executors --daily-data 100TB --window 1h --fail-on window-missed
expect_rc 0 executors --daily-data 100TB --window 1h --max-executors 5 --fail-on database-no-fit
expect_rc 0 --help
expect_rc 0 --version
"$ecaptune" executors --daily-data=1TB --window=4h >"$tmp/a"
"$ecaptune" executors --daily-data 1TB --window 4h >"$tmp/b"
if cmp -s "$tmp/a" "$tmp/b" && grep -q '1099511627776 bytes (1 TiB)' "$tmp/a"
then ok "--opt=value equals --opt value; 1TB is 2^40 bytes"
else ko "--opt=value and --opt value differ, or 1TB misread"; fi
printf '{\n  "daily-data": "1TB",\n  "window": 4\n}\n' >"$tmp/w.json"
"$ecaptune" executors --workload "$tmp/w.json" >"$tmp/c"
if cmp -s "$tmp/a" "$tmp/c"; then ok "workload file equals the options"
else ko "workload file differs from the options"; fi
# The Monte Carlo progress line is for terminals only: none in a file.
"$ecaptune" project --paths 20000 --growth-sd 0.1 >"$tmp/mc" 2>"$tmp/mc.err"
if [ ! -s "$tmp/mc.err" ] && grep -q "Monte Carlo, 20000 paths" "$tmp/mc"
then ok "no progress line when stderr is not a terminal"
else ko "progress line written to a file: $(head -c 200 "$tmp/mc.err")"; fi

# The schema's flag names are the --fail-on flags --help lists.
if "$ecaptune" --help | python3 -c '
import json, re, sys
text = sys.stdin.read()
listed = re.search(r"--fail-on LIST.*?set: any,(.*?)\n\n", text, re.S).group(1)
flags = {f for f in re.split(r"[\s,]+", listed) if f}
schema = json.load(open(sys.argv[1]))
sys.exit(flags != set(schema["properties"]["flags"]["items"]["enum"]))
' "$top_srcdir/cli/ecaptune-plan.schema.json"
then ok "the schema names the --fail-on flags"
else ko "the schema's flag names differ from --fail-on's"; fi

# 5. the man page: lint-clean, and every option it documents is in --help
"$ecaptune" --help >"$tmp/help" 2>&1
man1="$top_srcdir/man/ecaptune.1"
for o in $(grep '^\.It Fl' "$man1" | grep -o 'Fl Fl [a-z-]*' |
	sed 's/Fl Fl //' | sort -u); do
	grep -q -- "--$o" "$tmp/help" && ok "--help lists --$o" ||
		ko "--help lacks --$o of ecaptune(1)"
done
if command -v mandoc >/dev/null 2>&1; then
	if mandoc -Tlint -Wwarning "$man1" >"$tmp/lint" 2>&1; then
		ok "mandoc -Tlint ecaptune.1"
	else ko "mandoc -Tlint ecaptune.1: $(cat "$tmp/lint")"; fi
fi
if command -v groff >/dev/null 2>&1; then
	groff -ww -mdoc -Tutf8 "$man1" 2>"$tmp/groff" >/dev/null
	if [ ! -s "$tmp/groff" ]; then ok "groff -ww ecaptune.1"
	else ko "groff -ww ecaptune.1: $(cat "$tmp/groff")"; fi
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
