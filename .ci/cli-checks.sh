#!/bin/bash
# ecaptune(1)'s output in the programs that read it, too slow or too large
# for make check (needs a built tree: cli/ecaptune):
# - postgresql.conf read by a real PostgreSQL (Debian's postgresql):
#   `postgres -C NAME` as the non-root postgres user (postgres refuses
#   root) must accept the file and show each parameter with the value the
#   rds format writes (both in PostgreSQL's base unit: 8 kB pages, kB);
# - the projection chart screenshotted by headless chromium (Debian's),
#   within a time bound, into a PNG that is not blank.
# Installs the two Debian packages when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ecaptune=$PWD/cli/ecaptune
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing="$missing postgresql"
if [ -n "$missing" ]; then
	echo "cli-checks: installing$missing"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends $missing >"${TMPDIR:-/tmp}/cli-checks-apt.log"
fi
# In a container, installing chromium can upgrade systemd, whose scripts
# have left /dev/null a plain file; every later step needs the device.
if [ ! -c /dev/null ]; then
	echo "cli-checks: /dev/null is not the null device; recreating it"
	rm -f /dev/null && mknod -m 666 /dev/null c 1 3
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $*"; }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }

# ---- PostgreSQL ----
postgres=$(ls -d /usr/lib/postgresql/*/bin/postgres | sort -V | tail -1)
# -C reads the configuration only: a data directory holding the file is
# enough, no initdb.  The RDS values compared are the library's
# "evaluated" ones (a formula of DBInstanceClassMemory worked out on the
# class), from the json format.
mkdir "$tmp/pgdata"
for args in "plan" "database --transactions 5M/day" "database --model guide"; do
	# shellcheck disable=SC2086
	"$ecaptune" $args --format postgresql >"$tmp/pgdata/postgresql.conf"
	# shellcheck disable=SC2086
	"$ecaptune" $args --format json >"$tmp/plan.json"
	chown -R postgres "$tmp/pgdata"
	chmod 700 "$tmp/pgdata"
	python3 - "$tmp/plan.json" >"$tmp/params" <<'PY'
import json, sys
for p in json.load(open(sys.argv[1]))["database"]["rds_parameters"]:
    print(p["name"], p["evaluated"])
PY
	n=0
	while read -r name value; do
		got=$(cd "$tmp" && runuser -u postgres -- "$postgres" \
			-D "$tmp/pgdata" -C "$name" 2>"$tmp/pgerr") || {
			ko "ecaptune $args: postgres -C $name: $(cat "$tmp/pgerr")"
			continue
		}
		if [ "$got" = "$value" ]; then n=$((n + 1))
		else ko "ecaptune $args: postgres shows $name=$got, rds writes $value"; fi
	done <"$tmp/params"
	[ "$n" -gt 0 ] && ok "ecaptune $args: postgres -C reads $n parameters as rds writes them"
done

# ---- chromium ----
"$ecaptune" project --paths 2000 --growth-sd 0.15 --peak-sd 0.3 --chart "$tmp/chart.svg" >/dev/null
if timeout 120 chromium --headless --no-sandbox --disable-gpu \
	--disable-dev-shm-usage --hide-scrollbars --window-size=840,510 \
	--screenshot="$tmp/chart.png" "file://$tmp/chart.svg" \
	>"$tmp/chromium.log" 2>&1 && [ -s "$tmp/chart.png" ]; then
	# Not blank: the screenshot has some hundreds of colours (bands,
	# lines, text), not one.
	colours=$(python3 - "$tmp/chart.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, width, height, ctype = 8, b"", 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
bpp = {2: 3, 6: 4}[ctype]
stride = width * bpp + 1
# distinct byte strings of the unfiltered-or-not rows: a blank image
# gives a handful, a drawn one many
print(len({raw[i:i + stride] for i in range(0, len(raw), stride)}))
PY
)
	if [ "$colours" -gt 20 ]; then ok "chromium renders the chart ($colours distinct rows)"
	else ko "chromium's screenshot of the chart looks blank"; fi
	# CLI_CHART_PNG=FILE keeps the screenshot to look at.
	[ -z "${CLI_CHART_PNG:-}" ] || cp "$tmp/chart.png" "$CLI_CHART_PNG"
else
	ko "chromium did not screenshot the chart: $(tail -5 "$tmp/chromium.log")"
fi
echo "cli-checks: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
