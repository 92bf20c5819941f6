# Sourced by ./mvnw. When JAVA_HOME is unset and the default java is older than 21, use the
# newest JDK 21+ found under /usr/lib/jvm (or /Library/Java/JavaVirtualMachines), so that
# ./mvnw works on a machine whose default java is older but which has a newer JDK installed.
casekeeper_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
}
if [ -z "${JAVA_HOME-}" ]; then
  casekeeper_default_java="$(command -v java || true)"
  casekeeper_major=0
  [ -z "$casekeeper_default_java" ] || casekeeper_major="$(casekeeper_java_major "$casekeeper_default_java")"
  if [ "${casekeeper_major:-0}" -lt 21 ] 2>/dev/null; then
    casekeeper_best=""
    casekeeper_best_major=0
    set +f # mvnw runs with globbing off
    for casekeeper_home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      [ -x "$casekeeper_home/bin/javac" ] || continue
      casekeeper_candidate="$(casekeeper_java_major "$casekeeper_home/bin/java")"
      if [ "${casekeeper_candidate:-0}" -gt "$casekeeper_best_major" ] 2>/dev/null; then
        casekeeper_best="$casekeeper_home"
        casekeeper_best_major="$casekeeper_candidate"
      fi
    done
    set -f
    if [ "$casekeeper_best_major" -ge 21 ]; then
      JAVA_HOME="$casekeeper_best"
      export JAVA_HOME
      echo "mvnw: default java is older than 21; using JDK $casekeeper_best_major at $JAVA_HOME" >&2
    fi
  fi
fi
