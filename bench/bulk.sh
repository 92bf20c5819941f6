#!/usr/bin/env bash
# Bulk-action benchmark: starts Casekeeper from its jar on a fresh embedded PostgreSQL, loads N cases
# with the search benchmark's loader (bench/search-load.sql: three timeline entries each), then, as
# the admin through the REST API, runs R rounds of bulk actions on B open cases picked at random:
# raise the priority, add a tag, remove it, lower the priority, set pending, set open. Each action is
# one POST /api/v1/cases/bulk; prints its time, how many cases it changed and refused, the
# percentiles over all actions, and a verdict against the target (every action on 500 cases under
# 5 s). See docs/benchmarks.md.
#
#   bench/bulk.sh [N] [B] [R]     N cases loaded (default 1000000), B cases per action (default 500),
#                                 R rounds (default 3)
#
# Settings from the environment: BENCH_DATA (a data directory loaded before and kept with
# BENCH_KEEP=1: start on it and skip the load), BENCH_JAVA_OPTS (JVM options of the application),
# BENCH_KEEP=1 (keep the data directory and the application's log), BENCH_WARMUP_ROUNDS (untimed rounds
# of the same actions on other cases first, 1).
set -euo pipefail
cd "$(dirname "$0")/.."

cases="${1:-1000000}"
batch="${2:-500}"
rounds="${3:-3}"
target_ms=5000

. bench/lib.sh
bench_prepare bulk
if [ -n "${BENCH_DATA:-}" ]; then
  data="$BENCH_DATA"
fi
# shellcheck disable=SC2086
bench_start ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port; its PostgreSQL listens on port $pg_port"

psql_super() {
  PGPASSFILE="$data/postgres/casekeeper.pgpass" psql -X -q -v ON_ERROR_STOP=1 -h /tmp -p "$pg_port" -U postgres -d casekeeper "$@"
}

if [ -n "${BENCH_DATA:-}" ]; then
  bench_reset_admin_password
else
  echo "Loading $cases cases ..."
  started=$(date +%s)
  psql_super -v cases="$cases" -f bench/search-load.sql
  echo "Loaded in $(( $(date +%s) - started )) s"
fi

token="$(curl -fsS -u "$admin_email:$admin_password" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "http://127.0.0.1:$port/api/v1/tokens" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"

# B open cases, new or open so that every action below is allowed, as a JSON array.
ids="$(psql_super -At -c "select coalesce(json_agg(id), '[]') from (select id from cases.support_case
  where status in ('new', 'open') and removed_at is null order by random() limit $batch) c")"
picked="$(echo "$ids" | tr ',' '\n' | grep -c '-' || true)"
echo "Bulk actions on $picked cases, $rounds rounds"

actions=(
  'priority high|"action":"priority","priority":"high"'
  'add a tag|"action":"add_tags","tags":["bulk-bench"]'
  'remove the tag|"action":"remove_tags","tags":["bulk-bench"]'
  'priority normal|"action":"priority","priority":"normal"'
  'status pending|"action":"status","status":"pending"'
  'status open|"action":"status","status":"open"'
)

# A warm-up round on other cases, untimed: a running desk has its code compiled and its indexes in
# memory; the first action of a cold start (8.2 s of which most was JIT and cache) says nothing of it.
warmup="$(psql_super -At -c "select coalesce(json_agg(id), '[]') from (select id from cases.support_case
  where status in ('new', 'open') and removed_at is null and id not in (select value::uuid from json_array_elements_text('$ids'))
  order by random() limit $batch) c")"
for round in $(seq 1 "${BENCH_WARMUP_ROUNDS:-1}"); do
  for action in "${actions[@]}"; do
    curl -sS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{${action#*|},\"caseIds\":$warmup}" "http://127.0.0.1:$port/api/v1/cases/bulk"
  done
done

times="$work/bulk-times.txt"
: > "$times"
for round in $(seq 1 "$rounds"); do
  for action in "${actions[@]}"; do
    name="${action%%|*}"
    body="{${action#*|},\"caseIds\":$ids}"
    out="$(curl -sS -o "$work/bulk-response.json" -w '%{http_code} %{time_total}' \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body" \
      "http://127.0.0.1:$port/api/v1/cases/bulk")"
    code="${out%% *}"
    ms="$(awk -v s="${out#* }" 'BEGIN { printf "%.0f", s * 1000 }')"
    # The totals come first; each result further on has a "changed" of its own (true or false).
    changed="$(grep -o '"changed" *: *[0-9][0-9]*' "$work/bulk-response.json" | head -n 1 | tr -dc '0-9')"
    refused="$(grep -o '"refused" *: *[0-9][0-9]*' "$work/bulk-response.json" | head -n 1 | tr -dc '0-9')"
    printf 'round %d  %-16s HTTP %s  %6d ms  changed %s  refused %s\n' "$round" "$name" "$code" "$ms" "${changed:-?}" "${refused:-?}"
    echo "$ms" >> "$times"
  done
done

sort -n "$times" | awk -v target="$target_ms" -v batch="$picked" '
  { t[NR] = $1 }
  END {
    p50 = t[int((NR + 1) * 0.50)]; p95 = t[int(NR * 0.95) > 0 ? int(NR * 0.95) : 1]; max = t[NR]
    printf "\nBulk action on %d cases: p50 %d ms, p95 %d ms, max %d ms (%d actions)\n", batch, p50, p95, max, NR
    printf "Target: every action under %d ms: %s\n", target, (max < target ? "met" : "NOT met")
  }'
