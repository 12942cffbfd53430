#!/usr/bin/env python3
"""Benchmark (not a test): filtered search pages (GET /v1/otp) over N seeded otp_status rows of ONE account.

Usage: scripts/search_benchmark.py [rows=1000000] [requests per query=200] [postgres url]
Needs the built jar (./mvnw -B -ntp package -DskipTests), psql, and a PostgreSQL whose user may create databases
(default postgresql://postgres@127.0.0.1:5432/postgres). It creates a scratch database, starts the gateway on port
18731 against it, creates an account through the admin API, seeds N rows for that account straight into
otp_query.otp_status (plus the same number for other accounts, so the scope filter matters), prints EXPLAIN
(ANALYZE, BUFFERS) of each filtered page and the p50/p99 of the HTTP round trip of each filter, then stops the gateway and drops the database.
Standard library only.
"""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "api-gateway", "target", "api-gateway-0.1.0-SNAPSHOT.jar")
PORT = 18731
ADMIN = "bench-admin-" + uuid.uuid4().hex
BASE = f"http://127.0.0.1:{PORT}"


def psql(url, sql, quiet=True):
    result = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-X", "-q" if quiet else "-a", "-c", sql],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("psql failed: " + result.stderr.strip())
    return result.stdout


def call(path, bearer, body=None):
    request = urllib.request.Request(BASE + path, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + bearer,
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def wait_for_gateway(process):
    for _ in range(120):
        if process.poll() is not None:
            sys.exit("the gateway exited; see /tmp/narvark-search-benchmark.log")
        try:
            urllib.request.urlopen(BASE + "/actuator/health", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(1)
    sys.exit("the gateway did not start within 120 s")


SEED = """
INSERT INTO otp_query.otp_status (otp_id, account_id, livemode, status, to_address, channel, fallback, channels_tried,
    code_length, attempts_used, attempts_remaining, metadata, created_at, expires_at)
SELECT 'otp_' || lpad(to_hex(i), 26, '0'),
       CASE WHEN i % 2 = 0 THEN '{account}' ELSE 'acct_other_' || (i % 7) END,
       true,
       (ARRAY['pending','dispatched','delivered','read','verified','expired','failed','locked'])[1 + (i * 7) % 8],
       CASE WHEN (i / 2) % 4 = 2 THEN 'user' || (i % 50000) || '@example.com'
            ELSE '+4474' || lpad(((i * 7919) % 100000000)::text, 8, '0') END,
       (ARRAY['whatsapp','sms','email','voice'])[1 + (i / 2) % 4],
       '{{}}', '{{}}', 6, 0, 5,
       jsonb_build_object('order', (i % 100000)::text, 'tenant', (i % 10)::text),
       now() - ((i % 2592000) || ' seconds')::interval,
       now() - ((i % 2592000) || ' seconds')::interval + interval '5 minutes'
FROM generate_series(1::BIGINT, {rows}) AS i
"""


def percentile(sorted_values, q):
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    server = sys.argv[3] if len(sys.argv) > 3 else "postgresql://postgres@127.0.0.1:5432/postgres"
    if not os.path.exists(JAR):
        sys.exit(f"build the jar first: ./mvnw -B -ntp package -DskipTests ({JAR} is missing)")
    database = "narvark_bench_" + uuid.uuid4().hex[:10]
    psql(server, f"CREATE DATABASE {database}")
    db_url = server.rsplit("/", 1)[0] + "/" + database
    host_port = server.split("@", 1)[1].split("/", 1)[0]
    environment = dict(os.environ,
                       SPRING_DATASOURCE_URL=f"jdbc:postgresql://{host_port}/{database}",
                       SPRING_DATASOURCE_USERNAME=server.split("//", 1)[1].split("@", 1)[0],
                       NARVARK_SECURITY_CODE_PEPPER="YmVuY2gtcGVwcGVyLWJlbmNoLXBlcHBlci1iZW5jaC1wZXA=",
                       NARVARK_SECURITY_ENCRYPTION_KEY="AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                       NARVARK_ADMIN_TOKEN=ADMIN,
                       # Required with a real database (the portal's emailed links); unused by the benchmark.
                       NARVARK_PORTAL_BASE_URL=f"http://127.0.0.1:{PORT}")
    log = open("/tmp/narvark-search-benchmark.log", "w")
    gateway = subprocess.Popen(["java", "-Xmx512m", "-jar", JAR, f"--server.port={PORT}"], env=environment,
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_gateway(gateway)
        account = call("/v1/admin/accounts", ADMIN, {"name": "benchmark"})
        key = next(k["secret"] for k in account["keys"] if k["livemode"])
        started = time.monotonic()
        psql(db_url, SEED.format(account=account["id"], rows=rows * 2))
        psql(db_url, "ANALYZE otp_query.otp_status")
        print(f"seeded {rows:,} rows for the benchmark account (+{rows:,} for 7 others) "
              f"in {time.monotonic() - started:.0f} s")
        pivot = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 86400))
        deep = call("/v1/otp?limit=100&status=verified", key)["data"][-1]["id"]
        queries = {
            "newest page (no filter)": "limit=100",
            "status=verified": "status=verified&limit=100",
            "channel=sms&status=failed": "channel=sms&status=failed&limit=100",
            "to=<one number>": "to=" + urllib.parse.quote("+447400015838") + "&limit=100",
            "metadata[tenant]=4 (every 10th)": "metadata%5Btenant%5D=4&limit=100",
            "metadata[order]=4242 (rare)": "metadata%5Border%5D=4242&limit=100",
            "created_before=1 day ago": "created_before=" + pivot + "&limit=100",
            "next page (starting_after)": "status=verified&limit=100&starting_after=" + deep,
        }
        explain(db_url, account["id"], pivot)
        for query in queries.values():  # warm the JIT and the connection pool before measuring
            for _ in range(20):
                call("/v1/otp?" + query, key)
        print(f"\nHTTP round trip of one page (limit 100), {count} requests each, one client:")
        for name, query in queries.items():
            latencies = []
            for _ in range(count):
                begin = time.perf_counter()
                page = call("/v1/otp?" + query, key)
                latencies.append((time.perf_counter() - begin) * 1000)
            latencies.sort()
            print(f"  {name:34} p50 {percentile(latencies, 0.5):6.1f} ms   p99 {percentile(latencies, 0.99):6.1f} ms"
                  f"   ({len(page['data'])} rows/page)")
    finally:
        gateway.send_signal(signal.SIGTERM)
        gateway.wait(timeout=60)
        psql(server, f"DROP DATABASE IF EXISTS {database}")


def explain(db_url, account, pivot):
    scope = f"account_id = '{account}' AND livemode"
    order = "ORDER BY created_at DESC, otp_id DESC LIMIT 101"
    for label, where in [("status", "status = 'verified'"), ("channel+status", "channel = 'sms' AND status = 'failed'"),
                         ("to", "to_address = '+447400015838'"), ("metadata", "metadata @> '{\"tenant\":\"4\"}'"),
                         ("metadata rare", "metadata @> '{\"order\":\"4242\"}'"),
                         ("created_before", f"created_at < '{pivot}'")]:
        plan = psql(db_url, f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM otp_query.otp_status "
                            f"WHERE {scope} AND {where} {order}")
        print(f"\n-- {label}:\n{plan.rstrip()}")


if __name__ == "__main__":
    main()
