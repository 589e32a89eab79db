#!/usr/bin/env bash
# Decrypts the same generated SOPS YAML file (one age recipient) with npm's sops-age and with this
# library, side by side in one run, and prints the ratio. Both decrypt the content in-process in a
# loop after a warm-up (the mean per decrypt is compared), and the first, cold decrypt of each is
# printed too. Usage: benchmarks/scripts/sops-vs-sops-age.sh [VALUES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
values=${1:-10000}
runs=${2:-10}
warmup=${WARMUP:-5}
modules=${WEBGRIP_NODE_MODULES:-$PWD/.ci/npm/node_modules}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [ ! -d "$modules/sops-age" ]; then
  echo "sops-age missing: run (cd .ci/npm && npm install) or set WEBGRIP_NODE_MODULES" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# one reactor run: the classpath then points at the modules' freshly built jars (nothing is installed)
./mvnw -B -q package dependency:build-classpath -DskipTests -Dspotless.check.skip=true -pl benchmarks -am \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="benchmarks/target/classes:$(cat "$work/cp.txt")"

"$java_bin" -cp "$cp" com.webgrip.deploy.benchmarks.SopsDecryptLoop generate "$values" "$work/bench.yaml" "$work/key.txt"
echo "load before: $(uptime)"
echo "file: $values values, $(wc -c <"$work/bench.yaml") bytes; $warmup warm-up and $runs measured decrypts each"

read -r ours ours_cold ours_cpu < <("$java_bin" -cp "$cp" com.webgrip.deploy.benchmarks.SopsDecryptLoop decrypt \
  "$work/bench.yaml" "$work/key.txt" "$warmup" "$runs")
read -r theirs theirs_cold < <(node benchmarks/scripts/sops-age-loop.mjs "$modules" "$work/bench.yaml" \
  "$work/key.txt" "$warmup" "$runs")

echo "webgrip-deploy ($("$java_bin" -version 2>&1 | head -1)): mean ${ours} ms per decrypt (cold first: ${ours_cold} ms; CPU of the decrypting thread ${ours_cpu} ms)"
echo "sops-age 4.0.2 (node $(node --version)): mean ${theirs} ms per decrypt (cold first: ${theirs_cold} ms)"
awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "ratio sops-age / ours (warm mean): %.1fx\n", a / b }'
echo "load after: $(uptime)"
awk -v a="$theirs_cold" -v b="$ours_cold" 'BEGIN { printf "ratio sops-age / ours (cold first decrypt): %.1fx\n", a / b }'
