#!/usr/bin/env bash
# The load benchmark in one command (see docs/performance.md):
#   bench/run.sh                      # pgbench baseline, then the rate ladder 50,100,200,… (60 s per step)
#   bench/run.sh --rates=100,200 --step-seconds=30      # any option of the bench tool is passed through
# Runs on a PostgreSQL cluster of its own in bench/target/bench-pg (port BENCH_OWN_PGPORT, 55433) with
# pg_stat_statements loaded, so that the cost per OTP includes statements; needs PostgreSQL's server binaries and
# pgbench (Debian: apt-get install postgresql postgresql-contrib). BENCH_PGHOST/BENCH_PGPORT/BENCH_PGUSER (and
# PGPASSWORD) use an existing server instead: statements are then counted only if it loads pg_stat_statements,
# commits always, CPU when it runs on this host. Environment: BENCH_PORT (gateway, 18080), BENCH_SMSC_PORT (12775),
# BENCH_JAVA_OPTS (gateway JVM), BENCH_JFR=1 (record a flight recording of the gateway into bench/target/),
# BENCH_REBUILD=1 (rebuild the gateway jar), BENCH_JAR (another gateway jar, e.g. an older build for a before/after),
# BENCH_GATEWAY_ARGS (extra --name=value settings for it), BENCH_NO_FLOCK=1 (build without taking
# /tmp/narvark-maven.lock, for a caller that holds it during the measurement).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${BENCH_PORT:-18080}"
SMSC_PORT="${BENCH_SMSC_PORT:-12775}"
DB=narvark_bench
BASELINE_DB=narvark_pgbench
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p bench/target bench/results

maven() {
    # Never two Maven builds at once on a shared machine.
    if [ "${BENCH_NO_FLOCK:-0}" != 1 ] && command -v flock >/dev/null 2>&1; then flock /tmp/narvark-maven.lock ./mvnw -B -ntp "$@"; else ./mvnw -B -ntp "$@"; fi
}

GATEWAY=
OWN_DATA=
cleanup() {
    if [ -n "$GATEWAY" ]; then kill "$GATEWAY" 2>/dev/null; wait "$GATEWAY" 2>/dev/null || true; fi
    if [ -n "$OWN_DATA" ]; then pg_ctl_at "$OWN_DATA" -m fast stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if [ -n "${BENCH_PGHOST:-}${BENCH_PGPORT:-}" ]; then
    PGHOST="${BENCH_PGHOST:-127.0.0.1}"
    PGPORT="${BENCH_PGPORT:-5432}"
else
    # shellcheck source=bench/pg-cluster.sh
    . bench/pg-cluster.sh
    PGHOST=127.0.0.1
    PGPORT="${BENCH_OWN_PGPORT:-55433}"
    OWN_DATA="$PWD/bench/target/bench-pg"
    echo "Starting a PostgreSQL cluster of the benchmark's own in $OWN_DATA, port $PGPORT"
    # synchronous_commit is on by default; stated here because the comparison with pgbench depends on it.
    pg_cluster_start "$OWN_DATA" "$PGPORT" -c max_connections=200 -c synchronous_commit=on \
        -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all
fi
PGUSER="${BENCH_PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
pg_isready -h "$PGHOST" -p "$PGPORT" -q 2>/dev/null \
    || { echo "no PostgreSQL on $PGHOST:$PGPORT (apt-get install postgresql, or set BENCH_PGHOST)"; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is missing (Debian: apt-get install postgresql-contrib)"; exit 1; }

JAR="${BENCH_JAR:-$(ls api-gateway/target/api-gateway-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)}"
if [ -z "$JAR" ] || { [ "${BENCH_REBUILD:-0}" = 1 ] && [ -z "${BENCH_JAR:-}" ]; }; then
    echo "Building the gateway jar"
    # Spring Boot's repackage keeps a jar it finds already repackaged: remove it, or the build changes nothing.
    rm -f api-gateway/target/api-gateway-*.jar api-gateway/target/api-gateway-*.jar.original
    maven package -DskipTests
    JAR="$(ls api-gateway/target/api-gateway-*.jar | grep -v plain | head -n 1)"
fi
maven -f bench/pom.xml package >bench/target/build.log || { cat bench/target/build.log; exit 1; }

echo "== Baseline: pgbench, one durable 400-byte bytea insert per transaction, 32 clients, 15 s"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $BASELINE_DB" -c "CREATE DATABASE $BASELINE_DB"
psql -q -d "$BASELINE_DB" -c "CREATE TABLE bench_rows (id bigserial PRIMARY KEY, payload bytea NOT NULL)"
cat > bench/target/insert.sql <<'SQL'
\set r random(1, 2000000000)
INSERT INTO bench_rows (payload) VALUES (decode(lpad(to_hex(:r), 800, 'f'), 'hex'));
SQL
echo "synchronous_commit: $(psql -At -d postgres -c 'SHOW synchronous_commit'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
pgbench -n -c 32 -j 2 -T 15 -f bench/target/insert.sql "$BASELINE_DB" | tee bench/target/pgbench.txt | grep -E '^(tps|latency)'
TPS="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' bench/target/pgbench.txt)"
psql -q -d postgres -c "DROP DATABASE $BASELINE_DB"

echo "== Gateway: $JAR ${BENCH_GATEWAY_ARGS:-} on a fresh database $DB, port $PORT, SMS over SMPP to the bench's SMSC on $SMSC_PORT"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
secret() { head -c 32 /dev/urandom | base64; }
ADMIN_TOKEN="$(secret)"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms1g -Xmx1g}"
if [ "${BENCH_JFR:-0}" = 1 ]; then
    JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=filename=bench/target/gateway-$STAMP.jfr,settings=profile"
fi
# shellcheck disable=SC2086
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
NARVARK_SECURITY_CODE_PEPPER="$(secret)" NARVARK_SECURITY_ENCRYPTION_KEY="$(secret)" \
NARVARK_ADMIN_TOKEN="$ADMIN_TOKEN" SERVER_PORT="$PORT" NARVARK_PORTAL_BASE_URL="http://127.0.0.1:$PORT" \
NARVARK_DELIVERY_SMS_PROVIDER=smpp NARVARK_SMPP_HOST=127.0.0.1 NARVARK_SMPP_PORT="$SMSC_PORT" \
NARVARK_WEBHOOKS_SENDER_ENABLED=true \
    java $JAVA_OPTS -jar "$JAR" ${BENCH_GATEWAY_ARGS:-} >"bench/target/gateway-$STAMP.log" 2>&1 &
GATEWAY=$!
# Liveness, not health: health includes the SMPP bind, and the SMSC stand-in only starts with the load tool.
for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health/liveness" >/dev/null 2>&1 && break
    kill -0 $GATEWAY 2>/dev/null || { echo "the gateway stopped; see bench/target/gateway-$STAMP.log"; exit 1; }
    sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health/liveness" >/dev/null || { echo "the gateway did not start"; exit 1; }
if psql -At -d postgres -c 'SHOW shared_preload_libraries' | grep -qw pg_stat_statements; then
    # The view in the bench database is for a person looking with psql; the tool reads it from postgres, so that
    # its own queries are not counted. Created after the gateway's migrations, which expect an empty schema.
    psql -q -d postgres -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements'
    psql -q -d "$DB" -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements'
fi

echo "== Load: open loop, fixed arrival rates (gateway log: bench/target/gateway-$STAMP.log)"
java -Xmx512m -jar bench/target/narvark-bench.jar --base-url="http://127.0.0.1:$PORT" --admin-token="$ADMIN_TOKEN" \
    --smsc-port="$SMSC_PORT" --pgbench-tps="$TPS" --commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    --gateway="$(basename "$JAR") ${BENCH_GATEWAY_ARGS:-}" \
    --pg-host="$PGHOST" --pg-port="$PGPORT" --pg-user="$PGUSER" --database="$DB" --gateway-pid="$GATEWAY" \
    --clock-ticks="$(getconf CLK_TCK 2>/dev/null || echo 100)" \
    --out="bench/results/$STAMP.json" "$@"
