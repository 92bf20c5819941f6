#!/usr/bin/env bash
# Imports benchmark: starts Casekeeper from its jar on a fresh embedded PostgreSQL, writes N Zendesk
# tickets with 5 comments each (and N/5 customers, 10 agents, 20 organizations, one ticket field) into
# Zendesk-format files in its imports directory, starts their import through the REST API and polls
# it until it is done. Prints the time from the start call to done, tickets and comments a second,
# the counts in the database, and a verdict against the target (100,000 tickets with 500,000 comments
# in under 10 minutes on 2 cores, scaled to N). See docs/benchmarks.md and docs/imports.md.
#
#   bench/imports.sh [N]     N tickets (default 10000; the target is stated for 100000)
#
# BENCH_BATCH sets casekeeper.imports.batch-size (default 500); BENCH_HEAP (default 1g);
# BENCH_JAVA_OPTS; BENCH_KEEP=1 keeps the data directory, the files and the log.
set -euo pipefail
cd "$(dirname "$0")/.."

tickets="${1:-10000}"

. bench/lib.sh
bench_prepare imports
CASEKEEPER_IMPORTS_DIRECTORY="$work/imports"
CASEKEEPER_IMPORTS_BATCH_SIZE="${BENCH_BATCH:-500}"
export CASEKEEPER_IMPORTS_DIRECTORY CASEKEEPER_IMPORTS_BATCH_SIZE
# shellcheck disable=SC2086
bench_start "-Xmx${BENCH_HEAP:-1g}" ${BENCH_JAVA_OPTS:-}
echo "Casekeeper is UP on port $port; its PostgreSQL listens on port $pg_port"

"$java" -Xmx512m bench/ImportsBenchmark.java \
  --base-url="http://127.0.0.1:$port" --email="$admin_email" --password="$admin_password" \
  --tickets="$tickets" --folder="$CASEKEEPER_IMPORTS_DIRECTORY/zendesk-$tickets" --name="zendesk-$tickets"

echo "In the database:"
bench_superuser_sql "select (select count(*) from cases.support_case) as cases,
  (select count(*) from cases.timeline_entry) as timeline_entries,
  (select count(*) from customers.customer) as customers,
  (select count(*) from imports.source_key) as source_keys"
