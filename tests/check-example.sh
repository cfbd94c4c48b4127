#!/bin/sh
# The planner example runs on its built-in workload under both models and
# prints every section of the plan.
set -eu
plan="$top_builddir/examples/ecap-plan"
for model in ecap-1 guide; do
	out=$("$plan" --model "$model")
	for section in "model $model" "Partitions" "Join" "Cache" "Executors" \
		"PostgreSQL" "Kafka" "3-year projection" "Monte Carlo bands" "P99" \
		"spark.executor.cores"; do
		printf '%s\n' "$out" | grep -q "$section" || {
			echo "FAIL: ecap-plan --model $model lacks \"$section\"" >&2
			exit 1
		}
	done
	echo "PASS: ecap-plan --model $model"
done
if "$plan" --model nonsense >/dev/null 2>&1; then
	echo "FAIL: ecap-plan accepted an unknown model" >&2
	exit 1
fi
echo "PASS: unknown model refused"
