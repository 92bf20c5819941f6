#!/usr/bin/env bash
# Triggers benchmark: the CPU Casekeeper spends per case opened through the REST API with no
# trigger, then with 20 enabled triggers reacting to new cases (ten whose team condition fails at
# once, ten that read the customer's message for a word it never holds, so every one is evaluated
# and none acts). Prints the application's CPU time per case for both and their ratio; the issue's
# target is at most 20 % more with the triggers. See docs/automations.md. Not run by the tests.
#
#   bench/triggers.sh [N] [C]      N cases per phase (default 3000), C concurrent clients (default 8)
#
# BENCH_WARMUP (cases opened before measuring, default 3000), BENCH_JAVA_OPTS, BENCH_KEEP=1 as in
# bench/lib.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

cases="${1:-3000}"
clients="${2:-8}"
warmup="${BENCH_WARMUP:-3000}"

. bench/lib.sh
bench_prepare triggers
# shellcheck disable=SC2086
bench_start ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port"

base="http://localhost:$port"
token="$(curl -fsS -u "$admin_email:$admin_password" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "$base/api/v1/tokens" | sed -E 's/.*"token" *: *"([^"]+)".*/\1/')"

# The application's CPU time so far, in clock ticks (user + system).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }

open_cases() {
  seq 1 "$1" | xargs -P "$clients" -I{} curl -fsS -o /dev/null -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' "$base/api/v1/cases" -d "{\"subject\":\"Wrong colour delivered {}\",\
\"requester\":{\"email\":\"bench-{}-$RANDOM@example.com\",\"name\":\"Bench {}\"},\
\"message\":{\"body\":\"I ordered a blue shower curtain and received a green one. Please send the right one.\"}}"
}

measure() {
  local before after
  before="$(cpu_ticks)"
  open_cases "$cases"
  after="$(cpu_ticks)"
  echo $(( after - before ))
}

echo "Warming up with $warmup cases ..."
open_cases "$warmup"
none="$(measure)"
echo "No trigger: $none ticks for $cases cases"

for i in $(seq 1 20); do
  if (( i % 2 )); then
    condition="{\"field\":\"team\",\"op\":\"is\",\"value\":\"$(cat /proc/sys/kernel/random/uuid)\"}"
  else
    condition="{\"field\":\"text\",\"op\":\"contains\",\"value\":\"never-said-$i\"}"
  fi
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$base/api/v1/automations/triggers" -d "{\"name\":\"Bench trigger $i\",\"event\":\"case_opened\",\
\"enabled\":true,\"conditions\":[$condition],\"actions\":[{\"type\":\"add_tags\",\"value\":\"bench\"}]}"
done
open_cases "$warmup"
with="$(measure)"
echo "20 triggers: $with ticks for $cases cases"
awk -v a="$none" -v b="$with" 'BEGIN { printf "CPU per case with 20 triggers: %+.1f %% (target: at most +20 %%)\n", (b / a - 1) * 100 }'
