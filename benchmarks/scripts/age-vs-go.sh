#!/usr/bin/env bash
# Side by side, in one run on one machine: decrypting a 1 GiB age file with bin/webgrip-deploy
# (JAVA_HOME, default Temurin 25) and with Go age (Debian's `age`), output to /dev/null; then
# opening a passphrase file of work factor 18 with each. Prints the times and the ratios.
# Usage: benchmarks/scripts/age-vs-go.sh [size in MiB, default 1024]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ours="$root/bin/webgrip-deploy"
size_mib=${1:-1024}
command -v age >/dev/null || { echo "age-vs-go: Debian's age is not installed (apt-get install -y age)" >&2; exit 1; }
command -v script >/dev/null || { echo "age-vs-go: util-linux script is needed for age's passphrase prompt" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$ours" age-keygen -o "$work/key.txt" 2>/dev/null # also (re)builds the jar outside the timing
recipient=$(age-keygen -y "$work/key.txt")
head -c "$((size_mib * 1024 * 1024))" /dev/urandom | age -r "$recipient" -o "$work/big.age"

seconds() { # runs "$@", prints wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

echo "machine: $(nproc) cores; $(uptime)"
echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); go age: $(age --version)"
cat "$work/big.age" >/dev/null # page cache warm for both
for round in 1 2; do
  go_s=$(seconds age -d -i "$work/key.txt" -o /dev/null "$work/big.age")
  java_s=$(seconds "$ours" age -d -i "$work/key.txt" -o /dev/null "$work/big.age")
  printf 'decrypt %d MiB, round %d: go age %.2f s (%.0f MB/s), webgrip-deploy %.2f s (%.0f MB/s), ratio java/go %.2f\n' \
    "$size_mib" "$round" "$go_s" "$(echo "$size_mib*1.048576/$go_s" | bc -l)" \
    "$java_s" "$(echo "$size_mib*1.048576/$java_s" | bc -l)" "$(echo "$java_s/$go_s" | bc -l)"
done

# Passphrase files: ours written with work factor 18, as age writes them. Go age reads the
# passphrase from a terminal, so it runs under `script`; the passphrase is typed before the
# prompt (the pseudo-terminal buffers it), so no pause is timed.
echo hello | AGE_PASSPHRASE=benchmark "$ours" age -p -o "$work/pass.age"
go_passphrase() { printf 'benchmark\n' | script -qec "age -d -o /dev/null '$work/pass.age'" /dev/null; }
for round in 1 2 3; do
  go_s=$(seconds go_passphrase)
  java_s=$(AGE_PASSPHRASE=benchmark seconds "$ours" age -d -o /dev/null "$work/pass.age")
  printf 'scrypt work factor 18, round %d: go age %.3f s, webgrip-deploy %.3f s (JVM start included), ratio %.2f\n' \
    "$round" "$go_s" "$java_s" "$(echo "$java_s/$go_s" | bc -l)"
done
