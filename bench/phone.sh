#!/usr/bin/env bash
# Phone benchmark: starts Casekeeper from its jar on a fresh embedded PostgreSQL, creates a team, a
# signed phone integration and agents (each signed in through the sign-in form with its page's live
# stream open, and available) through the REST API, then sends signed call events at R per second in
# total: each call rings, is answered as soon as its offer card reached the offered agent's page,
# and ends after a short talk. Times each screen pop from the ringing event's send to the agent's
# inbox showing the call's case (after the page's own 20 ms debounce, restarted by each signal as
# htmx's delay does), and each event's answer; then, from the database, the ring-to-offer wait.
# Prints events accepted per second, the pop's p50/p95/p99 and a verdict against the target (pop
# p99 under 200 ms at 50 events/s). See docs/benchmarks.md and docs/phone.md.
#
#   bench/phone.sh [R] [A]     R call events per second (default 50), A agents (default 30)
#
# Settings from the environment: BENCH_SECONDS (measured seconds, default 60, after BENCH_WARMUP
# seconds of warm-up at the same rate, default 10), BENCH_TALK_MS (talk time before the end event,
# default 1000), BENCH_PAGE_DELAY_MS (the page's debounce before it loads the inbox, default 20),
# BENCH_HEAP (the application's -Xmx, default 1g), BENCH_JAVA_OPTS (more JVM options of the
# application), BENCH_KEEP=1 (keep the data directory and the application's log).
set -euo pipefail
cd "$(dirname "$0")/.."

rate="${1:-50}"
agents="${2:-30}"
seconds="${BENCH_SECONDS:-60}"
warmup="${BENCH_WARMUP:-10}"
heap="${BENCH_HEAP:-1g}"

. bench/lib.sh
bench_prepare phone
# Integrations' secrets are sealed under this key; a throw-away one for the benchmark's data.
CASEKEEPER_TELEPHONY_SECRET_KEY="$(head -c 32 /dev/urandom | base64)"
export CASEKEEPER_TELEPHONY_SECRET_KEY
# shellcheck disable=SC2086
bench_start "-Xmx$heap" ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port; its PostgreSQL listens on port $pg_port"

"$java" -Xmx1g bench/PhoneBenchmark.java \
  --base-url="http://127.0.0.1:$port" --email="$admin_email" --password="$admin_password" \
  --rate="$rate" --agents="$agents" --seconds="$seconds" --warmup="$warmup" \
  --talk-ms="${BENCH_TALK_MS:-1000}" --page-delay-ms="${BENCH_PAGE_DELAY_MS:-20}" \
  --pops-file="$work/pops.csv"

# Where the pop's time goes, on the server's side: from the ring's arrival to the offer to an agent
# (the wait for a free agent and the dispatch), over every call of the run, warm-up included.
echo "Ring to offer on the server (all calls), p50 / p95 / p99 / max in ms:"
bench_superuser_sql "
  select round(percentile_cont(0.5) within group (order by ms)::numeric, 1) as p50,
         round(percentile_cont(0.95) within group (order by ms)::numeric, 1) as p95,
         round(percentile_cont(0.99) within group (order by ms)::numeric, 1) as p99,
         round(max(ms)::numeric, 1) as max
  from (select extract(epoch from (min(o.offered_at) - c.arrived_at)) * 1000 as ms
        from routing.contact c join routing.offer o on o.contact_id = c.id
        where c.channel = 'phone' group by c.id, c.arrived_at) waits"

# The delivery's share alone: from the offer to an agent to the offer card on that agent's page, over
# the measured calls (the pop's wall-clock time set against the offer's, on the same machine).
echo "Offer to pop (the offer's delivery to the agent's page, measured calls), p50 / p95 / p99 / max in ms:"
bench_superuser_sql "create table public.bench_pop (number bigint, popped_ms bigint)"
PGPASSFILE="$data/postgres/casekeeper.pgpass" psql -X -q -v ON_ERROR_STOP=1 -h /tmp -p "$pg_port" -U postgres \
  -d casekeeper -c "\\copy public.bench_pop from '$work/pops.csv' with (format csv)"
bench_superuser_sql "
  select round(percentile_cont(0.5) within group (order by ms)::numeric, 1) as p50,
         round(percentile_cont(0.95) within group (order by ms)::numeric, 1) as p95,
         round(percentile_cont(0.99) within group (order by ms)::numeric, 1) as p99,
         round(max(ms)::numeric, 1) as max
  from (select p.popped_ms - extract(epoch from max(o.offered_at)) * 1000 as ms
        from public.bench_pop p
        join cases.support_case k on k.number = p.number
        join routing.contact c on c.case_id = k.id and c.channel = 'phone'
        join routing.offer o on o.contact_id = c.id
        group by p.number, p.popped_ms) delivered"
