#!/usr/bin/env python3
"""Conformance run: every SDK against a real gateway.

Starts the gateway jar on its embedded defaults (fresh data dir, free port, loopback webhooks allowed), a webhook
receiver and a proxy that drops the connection of each account's first send after the gateway has handled it.
Then, for each SDK, creates an account through the admin API and runs that SDK's scenario program:
send (test key, magic destination) through the proxy, so the SDK retries with the same Idempotency-Key →
verify with a wrong code → verify with the right code → status (one GSM-7 part) → an OTP to a magic failure
number: its failure reason and carrier error → a typed 404 with its Request-Id → list (exactly
one OTP) → another OTP: resend within the cooldown refused (429, not retried), cancel, resend refused (409) →
the otp.verified webhook, taken from the receiver and checked with the SDK's helper, tampered copy
refused → the delivery log, redelivery, secret rotation, endpoint list and deletion → an OTP with brand,
locale and a transaction (the locale used shown, transaction_mismatch without the transaction, valid with it).

    python3 sdks/conformance/run.py [--jar api-gateway/target/api-gateway-….jar] [--sdk node --sdk go …]
"""
import argparse
import base64
import glob
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = {
    "node": (["node", "scenario.mjs"], HERE),
    "python": ([sys.executable, "scenario.py"], HERE),
    "php": (["php", "scenario.php"], HERE),
    "go": (["go", "run", "."], os.path.join(HERE, "go")),
}


def log(message):
    print(f"[conformance] {message}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Receiver:
    """Keeps every webhook POST (raw body and headers) and serves them back at GET /received?path=…"""

    def __init__(self):
        self.received = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                outer.received.append({"path": self.path, "headers": dict(self.headers.items()),
                                       "body_base64": base64.b64encode(body).decode()})
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self):
                path = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query).get("path", [""])[0]
                raw = json.dumps([r for r in outer.received if r["path"] == path]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


class DroppingProxy:
    """Forwards each request to the gateway. The first POST /v1/otp/send of each API key is forwarded and answered
    by the gateway, but the client's connection is then closed without the answer: the SDK sees a dropped connection
    and must retry with the same Idempotency-Key. Records what every send got."""

    def __init__(self, upstream_port):
        self.upstream_port = upstream_port
        self.sends = {}  # Authorization → list of (Idempotency-Key, status, Idempotent-Replayed, dropped)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _forward(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                upstream = http.client.HTTPConnection("127.0.0.1", outer.upstream_port, timeout=60)
                upstream.request(self.command, self.path, body=body or None, headers=headers)
                response = upstream.getresponse()
                payload = response.read()
                upstream.close()
                if self.command == "POST" and self.path == "/v1/otp/send":
                    history = outer.sends.setdefault(self.headers.get("Authorization"), [])
                    drop = not history
                    history.append((self.headers.get("Idempotency-Key"), response.status,
                                    response.getheader("Idempotent-Replayed"), drop))
                    if drop:
                        self.close_connection = True
                        self.connection.shutdown(socket.SHUT_RDWR)
                        return
                self.send_response(response.status)
                for k, v in response.getheaders():
                    if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(payload)
                self.close_connection = True

            do_GET = do_POST = do_DELETE = _forward

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def find_jar(given):
    if given:
        return given
    jars = [j for j in glob.glob(os.path.join(ROOT, "api-gateway", "target", "api-gateway-*.jar"))
            if not j.endswith(("-plain.jar", "-sources.jar", "-javadoc.jar"))]
    if not jars:
        sys.exit("no gateway jar: run ./mvnw -B -ntp package -DskipTests first")
    return jars[0]


def start_gateway(jar, workdir, port):
    args = ["java", "-jar", jar, f"--server.port={port}", f"--narvark.embedded.data-dir={workdir}/data",
            # The receiver listens on loopback, which the SSRF guard refuses unless allowed (tests only).
            "--narvark.webhooks.allowed-networks=127.0.0.0/8", "--narvark.demo-account.enabled=false",
            # Deliver webhooks promptly on a busy machine.
            "--narvark.webhooks.retry.base-delay=1s"]
    output = open(os.path.join(workdir, "gateway.log"), "w")
    process = subprocess.Popen(args, cwd=workdir, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.time() + 300
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the gateway exited with {process.returncode}; see {workdir}/gateway.log")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/otp/otp_x", timeout=2)
        except urllib.error.HTTPError as e:
            if e.code == 401:
                return process
        except OSError:
            pass
        time.sleep(1)
    raise RuntimeError("the gateway did not start within 300 s")


def admin_token(workdir):
    with open(os.path.join(workdir, "data", "secrets.properties")) as f:
        for line in f:
            if line.startswith("narvark.admin.token="):
                # java.util.Properties escapes '=' and ':' in values.
                return line.split("=", 1)[1].strip().replace("\\=", "=").replace("\\:", ":")
    raise RuntimeError("no admin token in secrets.properties")


def create_test_key(port, token, name):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/admin/accounts", method="POST",
                                     data=json.dumps({"name": name}).encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        account = json.loads(response.read())
    return next(k["secret"] for k in account["keys"] if k["environment"] == "test")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar")
    parser.add_argument("--sdk", action="append", choices=sorted(SCENARIOS))
    parser.add_argument("--keep", action="store_true", help="keep the work dir (gateway log, data)")
    options = parser.parse_args()
    sdks = options.sdk or ["node", "python", "php", "go"]
    jar = find_jar(options.jar)
    workdir = tempfile.mkdtemp(prefix="narvark-conformance-")
    port = free_port()
    log(f"starting {os.path.relpath(jar, ROOT)} on port {port} in {workdir}")
    started = time.time()
    gateway = start_gateway(jar, workdir, port)
    log(f"gateway up after {time.time() - started:.0f} s")
    failures = []
    try:
        token = admin_token(workdir)
        receiver = Receiver()
        proxy = DroppingProxy(port)
        for sdk in sdks:
            key = create_test_key(port, token, f"conformance {sdk}")
            command, cwd = SCENARIOS[sdk]
            env = dict(os.environ, NARVARK_BASE_URL=proxy.url, NARVARK_API_KEY=key, NARVARK_SDK=sdk,
                       NARVARK_RECEIVER_URL=receiver.url)
            log(f"{sdk}: {' '.join(command)}")
            code = subprocess.call(command, cwd=cwd, env=env, timeout=300)
            sends = proxy.sends.get(f"Bearer {key}", [])
            # The proxy's view: one dropped send, then the retry with the same key, answered from the first run.
            # Then the scenario's OTP to a magic failure number, its OTP for resend and cancel, and its OTP with
            # brand, locale and a transaction: new logical sends, so new keys, each its own, run afresh.
            proxy_ok = (len(sends) == 5 and sends[0][3] and sends[0][0] == sends[1][0] and sends[0][1] == 200
                        and sends[1][1] == 200 and sends[1][2] == "true"
                        and all(later[0] != sends[0][0] and later[1] == 200 and later[2] is None
                                for later in sends[2:])
                        and len({later[0] for later in sends[2:]}) == 3)
            log(f"{sdk}: sends through the proxy {[(s[1], s[2], 'dropped' if s[3] else 'relayed') for s in sends]}")
            if code != 0 or not proxy_ok:
                failures.append(sdk)
                log(f"{sdk}: FAILED (exit {code}, proxy check {'ok' if proxy_ok else 'failed'})")
            else:
                log(f"{sdk}: passed")
    finally:
        os.killpg(gateway.pid, signal.SIGTERM)
        try:
            gateway.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(gateway.pid, signal.SIGKILL)
        if failures:
            log(f"gateway log kept at {workdir}/gateway.log")
        elif not options.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if failures:
        log(f"FAILED: {', '.join(failures)}")
        sys.exit(1)
    log(f"all passed: {', '.join(sdks)}")


if __name__ == "__main__":
    main()
