#!/usr/bin/env bash
# The fault suite in one command (see docs/operations.md, "Failure behaviour"):
#   bench/faults.sh                    # ~4 min: steady load, kill -9 of a node in a burst, PostgreSQL restart,
#                                      # SMSC away and back, webhook receiver down; prints figures, exits 1 on a miss
#   bench/faults.sh --phase-seconds=15 --rate=20      # the short run CI uses
# Runs its own PostgreSQL cluster in bench/target/faults-pg (port BENCH_FAULTS_PGPORT, 55432), so restarting it
# disturbs nothing else on the machine; needs PostgreSQL's server binaries (Debian: apt-get install postgresql).
# Two gateway nodes (ports 18181, 18182) share it; the suite plays the SMSC (12776) and the webhook receiver (18190).
# BENCH_REBUILD=1 rebuilds the gateway jar; BENCH_JAR runs another one (e.g. an older build, for a before/after); BENCH_NO_FLOCK=1 builds without /tmp/narvark-maven.lock.
set -euo pipefail
cd "$(dirname "$0")/.."

PGPORT_FAULTS="${BENCH_FAULTS_PGPORT:-55432}"
DATA="$PWD/bench/target/faults-pg"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p bench/target bench/results

maven() {
    if [ "${BENCH_NO_FLOCK:-0}" != 1 ] && command -v flock >/dev/null 2>&1; then flock /tmp/narvark-maven.lock ./mvnw -B -ntp "$@"; else ./mvnw -B -ntp "$@"; fi
}

# shellcheck source=bench/pg-cluster.sh
. bench/pg-cluster.sh
pg_ctl_faults() { pg_ctl_at "$DATA" "$@"; }

pg_cluster_start "$DATA" "$PGPORT_FAULTS" -c max_connections=200
trap 'pg_ctl_faults -m immediate stop >/dev/null 2>&1 || true' EXIT
psql -q -h 127.0.0.1 -p "$PGPORT_FAULTS" -U postgres -d postgres -c "CREATE DATABASE narvark_faults"

JAR="${BENCH_JAR:-$(ls api-gateway/target/api-gateway-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)}"
if [ -z "$JAR" ] || { [ "${BENCH_REBUILD:-0}" = 1 ] && [ -z "${BENCH_JAR:-}" ]; }; then
    echo "Building the gateway jar"
    # Spring Boot's repackage keeps a jar it finds already repackaged: remove it, or the build changes nothing.
    rm -f api-gateway/target/api-gateway-*.jar api-gateway/target/api-gateway-*.jar.original
    maven package -DskipTests
    JAR="$(ls api-gateway/target/api-gateway-*.jar | grep -v plain | head -n 1)"
fi
maven -f bench/pom.xml package >bench/target/build.log || { cat bench/target/build.log; exit 1; }

secret() { head -c 32 /dev/urandom | base64; }
ADMIN_TOKEN="$(secret)"
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT_FAULTS/narvark_faults"
export SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=
export NARVARK_SECURITY_CODE_PEPPER="$(secret)" NARVARK_SECURITY_ENCRYPTION_KEY="$(secret)"
export NARVARK_ADMIN_TOKEN="$ADMIN_TOKEN"
export NARVARK_DELIVERY_SMS_PROVIDER=smpp NARVARK_SMPP_HOST=127.0.0.1 NARVARK_SMPP_PORT=12776
export NARVARK_WEBHOOKS_SENDER_ENABLED=true NARVARK_WEBHOOKS_ALLOWED_NETWORKS=127.0.0.0/8

echo "== Fault suite: $JAR, two nodes on PostgreSQL at 127.0.0.1:$PGPORT_FAULTS (logs in bench/target/faults-*.log)"
java -Xmx512m -cp bench/target/narvark-bench.jar com.narvark.bench.FaultSuite --jar="$JAR" \
    --admin-token="$ADMIN_TOKEN" --pg-restart="$(declare -f as_pg pg_ctl_at pg_ctl_faults); BIN='$BIN' DATA='$DATA'; pg_ctl_faults -m fast restart >/dev/null" \
    --out="bench/results/faults-$STAMP.json" "$@"
