# What every benchmark script does around its load client: find the JDK, build the jar when it is
# stale, start Casekeeper from it on a fresh data directory and free ports, wait until it is UP, and
# stop it and its PostgreSQL at the end (also when interrupted). Sourced by bench/*.sh from the
# project root:
#
#   . bench/lib.sh
#   bench_prepare mail          # sets java, jar, work, data, log; stops everything on exit
#   bench_start -Xmx1g …        # JVM options; sets port, pg_port, jdbc_url, jdbc_user, jdbc_password, app_pid
#   bench_logged "Receiving mail by SMTP on port"   # a number the application logged after that text
#   bench_client_jars 'postgresql-[0-9.]+'           # jars from the application's jar, as a class path
#
# BENCH_KEEP=1 keeps the data directory and the application's log; they are kept after a failure too.
# BENCH_JAR=FILE starts another build than target's (the jar of an earlier commit, for a baseline).

# The same JDK ./mvnw uses: JAVA_HOME, else the default java when it is 21+, else the newest JDK 21+.
# shellcheck disable=SC1091
. .mvn/select-jdk.sh
set +f # select-jdk.sh leaves globbing off, as ./mvnw wants it
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
app_pid=""

bench_jar_is_stale() {
  local jar
  jar="$(ls target/casekeeper-*.jar 2>/dev/null | grep -v -e '-plain\.jar$' | head -n 1 || true)"
  [ -z "$jar" ] && return 0
  [ -n "$(find pom.xml src/main -newer "$jar" -print -quit)" ]
}

bench_prepare() {
  if bench_jar_is_stale; then
    echo "Building the jar (./mvnw -q -DskipTests package) ..."
    ./mvnw -B -ntp -q -DskipTests package
  fi
  jar="$(ls target/casekeeper-*.jar | grep -v -e '-plain\.jar$' | head -n 1)"
  jar="${BENCH_JAR:-$jar}" # another build, to compare before and after in one run
  work="$(mktemp -d "${TMPDIR:-/tmp}/casekeeper-$1-bench.XXXXXX")"
  data="$work/data"
  log="$work/casekeeper.log"
  trap bench_stop EXIT
  trap 'exit 130' INT TERM
}

bench_stop() {
  local status=$?
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    echo "Stopping Casekeeper ..."
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$app_pid" 2>/dev/null; then
      echo "Casekeeper did not stop within 60 s; killing it" >&2
      kill -KILL "$app_pid" 2>/dev/null || true
    fi
    wait "$app_pid" 2>/dev/null || true
  fi
  # A killed application leaves its PostgreSQL running: stop that too (fast shutdown).
  local pidfile="$data/postgres/postmaster.pid"
  if [ -f "$pidfile" ]; then
    local pg_pid
    pg_pid="$(head -n 1 "$pidfile")"
    if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
      kill -INT "$pg_pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 1; done
    fi
  fi
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then
    echo "Data directory and application log kept in $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}

# A number the application logged after the given text (a port it took), or nothing yet.
bench_logged() {
  sed -n "s/.*$1[^0-9]*\([0-9][0-9]*\).*/\1/p" "$log" | head -n 1
}

# Starts the application with the given JVM options: the web server and the SMTP listener on free
# ports (PORT=0, CASEKEEPER_MAIL_SMTP_PORT=0, logged), the admin's credentials from admin_email and
# admin_password, and API rate limits far above any load client's rate (still counted, so their
# cost is in the figures). Waits until /actuator/health says UP and the SMTP port is logged.
bench_start() {
  echo "Starting Casekeeper from $jar with a fresh data directory in $data ..."
  : >"$log" # exists before the first look at it, however late the JVM starts
  CASEKEEPER_DATA_DIR="$data" PORT=0 CASEKEEPER_MAIL_SMTP_PORT=0 \
    CASEKEEPER_ADMIN_EMAIL="$admin_email" CASEKEEPER_ADMIN_PASSWORD="$admin_password" \
    CASEKEEPER_API_RATE_LIMITS_PER_TOKEN="${CASEKEEPER_API_RATE_LIMITS_PER_TOKEN:-1000000000}" \
    CASEKEEPER_API_RATE_LIMITS_PER_ADDRESS="${CASEKEEPER_API_RATE_LIMITS_PER_ADDRESS:-1000000000}" \
    "$java" "$@" -jar "$jar" >"$log" 2>&1 &
  app_pid=$!
  port=""
  for _ in $(seq 1 180); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      echo "Casekeeper stopped during start-up; its log:" >&2
      tail -n 50 "$log" >&2
      exit 1
    fi
    port="$(bench_logged "Tomcat started on port")"
    if [ -n "$port" ] && [ -n "$(bench_logged "Receiving mail by SMTP on port")" ] \
        && curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      break
    fi
    port=""
    sleep 1
  done
  if [ -z "$port" ]; then
    echo "Casekeeper did not report UP within 180 s; its log:" >&2
    tail -n 50 "$log" >&2
    exit 1
  fi
  # The embedded server's port is the fourth line of its postmaster.pid.
  pg_port="$(sed -n 4p "$data/postgres/postmaster.pid")"
  jdbc_url="jdbc:postgresql://127.0.0.1:$pg_port/casekeeper"
  # Casekeeper's own role and its password, from the password file it keeps beside its data (docs/operations.md).
  jdbc_user=casekeeper
  jdbc_password="$(awk -F: '$4 == "casekeeper" { print $5 }' "$data/postgres/casekeeper.pgpass")"
}

# Runs SQL as the embedded server's superuser, which is reachable over its Unix socket only; needs psql.
bench_superuser_sql() {
  PGPASSFILE="$data/postgres/casekeeper.pgpass" psql -X -q -v ON_ERROR_STOP=1 -h /tmp -p "$pg_port" -U postgres -d casekeeper -c "$1"
}

# On a data directory loaded before (BENCH_DATA), gives the admin this run's password (and the agents
# an SQL condition given as the argument selects, too): bcrypt, which sign-in accepts beside Argon2,
# made by pgcrypto for the moment it takes. Needs psql.
bench_reset_admin_password() {
  bench_superuser_sql "create extension if not exists pgcrypto" >/dev/null
  bench_superuser_sql "update agents.agent set password_hash = '{bcrypt}' || crypt('$admin_password', gen_salt('bf', 4))
    where email = '$admin_email' or (${1:-false})" >/dev/null
  bench_superuser_sql "drop extension pgcrypto" >/dev/null
}

# The application's own copies of the named libraries (extended regular expressions of file names
# under BOOT-INF/lib, without .jar), unpacked into the work directory, as a class path.
bench_client_jars() {
  local pattern entries
  pattern="$(IFS='|'; echo "$*")"
  entries="$(unzip -Z1 "$jar" | grep -E "^BOOT-INF/lib/($pattern)\.jar$")"
  # shellcheck disable=SC2086
  unzip -q -o "$jar" $entries -d "$work"
  echo "$entries" | sed "s|^|$work/|" | paste -sd: -
}

admin_email="bench-admin@casekeeper.local"
# Random hex in groups of four: a dot between the groups keeps the password policy's checks for
# runs and sequences of five (docs/admin.md) from ever refusing it.
admin_password="bench.$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n' | sed 's/..../&./g; s/\.$//')"
