#!/bin/sh
# Builds every fuzz target (fuzz/fuzz.h lists them) with clang's libFuzzer,
# ASan and UBSan, and runs each for a bounded time from the stored corpus
# (fuzz/corpus/<target>/, copied: new inputs stay in the work directory).
#   fuzz/run-fuzzers.sh [SECONDS-PER-TARGET [TARGET...]]
# A crash leaves crash-* in $WORK/<target>/ and fails the run; reproduce
# it with `fuzz/replay TARGET FILE` from any build, or the fuzzer binary.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-$(sed -n 's/^[[:space:]]*X(\([a-z_]*\)).*/\1/p' "$top/fuzz/fuzz.h")}
CC=${FUZZ_CC:-clang}
WORK=${WORK:-$(mktemp -d)}
checks=address,undefined,float-cast-overflow,float-divide-by-zero
san="-fsanitize=fuzzer,$checks"
# The library also with -fsanitize=integer (its deliberate wraps are
# marked ECAP_WRAPS), as in CI's sanitizer build.
# Each run is reproducible: a fixed seed (FUZZ_SEED, 1) and a fixed number
# of inputs per target (about 40 s here; FUZZ_RUNS overrides it for all),
# with SECONDS as the cap on a slower machine.  A CI run therefore explores
# the same inputs as the last run that passed, never new random ones: a
# gate that can fail by chance would keep good changes from landing.
# Longer exploration: FUZZ_SEED=0 (random) and a larger FUZZ_RUNS.
libsan="-fsanitize=fuzzer-no-link,$checks,integer"
cflags="-g -O1 -fno-omit-frame-pointer -fno-sanitize-recover=all -ffp-contract=off"
jansson=$(pkg-config --cflags --libs jansson)
mkdir -p "$WORK/obj"
# The library once, with the fuzzer's coverage and the sanitizers.
for src in "$top"/lib/*.c; do
	$CC $cflags $libsan -fvisibility=hidden \
		-I"$top/include" -I"$top/lib" $(pkg-config --cflags jansson) \
		-c "$src" -o "$WORK/obj/$(basename "$src" .c).o"
done
# Inputs per target: ~40 s at the rates these targets run here.
runs_for() {
	case $1 in
	policy_json) echo 50000 ;;
	policy_set) echo 2000 ;;
	projection) echo 60000 ;;
	executor) echo 4000000 ;;
	database) echo 6000000 ;;
	*) echo 8000000 ;;
	esac
}
status=0
for t in $targets; do
	$CC $cflags $san -fsanitize=integer -I"$top/include" -I"$top/fuzz" \
		-I"$top/tests" \
		-DECAP_FUZZ_TARGET="$t" \
		"$top/fuzz/libfuzzer.c" "$top"/fuzz/fuzz-*.c "$WORK"/obj/*.o \
		$jansson -lm -o "$WORK/fuzz-$t"
	mkdir -p "$WORK/$t/corpus"
	[ -d "$top/fuzz/corpus/$t" ] && cp -R "$top/fuzz/corpus/$t/." "$WORK/$t/corpus/"
	echo "== fuzz $t, ${secs}s"
	# The log's tail: the crash report, or the final stats.
	(cd "$WORK/$t" && UBSAN_OPTIONS=print_stacktrace=1 \
		"$WORK/fuzz-$t" -max_total_time="$secs" -max_len=4096 \
		-seed="${FUZZ_SEED:-1}" -runs="${FUZZ_RUNS:-$(runs_for "$t")}" \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus \
		>fuzz.log 2>&1) || status=1
	tail -n 25 "$WORK/$t/fuzz.log"
	if ls "$WORK/$t"/crash-* "$WORK/$t"/timeout-* "$WORK/$t"/oom-* \
		>/dev/null 2>&1; then
		echo "fuzz $t: failing inputs in $WORK/$t" >&2
		status=1
	fi
done
exit $status
