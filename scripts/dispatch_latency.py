#!/usr/bin/env python3
"""Measures dispatch latency against a running gateway: accepted (created_at) -> sandbox carrier received it.

Usage: scripts/dispatch_latency.py <live key> [count] [base url]
Both timestamps come from the server's clock, so client and network delays do not count. Standard library only.
"""
import json
import statistics
import sys
import time
import urllib.request
from datetime import datetime


def call(method, url, key, body=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def main():
    key = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    base = sys.argv[3] if len(sys.argv) > 3 else "http://localhost:8080"
    sent = []
    started = time.monotonic()
    for _ in range(count):
        otp = call("POST", base + "/v1/otp/send", key, {"to": "+447911123456", "channel": "sms"})
        sent.append((otp["id"], instant(otp["created_at"])))
    elapsed = time.monotonic() - started
    time.sleep(1)
    latencies = []
    for otp_id, created in sent:
        messages = call("GET", base + "/v1/sandbox/messages?otp_id=" + otp_id, key)["data"]
        latencies.append((instant(messages[0]["received_at"]) - created).total_seconds() * 1000)
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(f"{count} sends in {elapsed:.1f} s ({count / elapsed:.0f}/s, one client, sequential)")
    print(f"dispatch latency ms: p50 {p(0.50):.0f}  p90 {p(0.90):.0f}  p99 {p(0.99):.0f}  max {latencies[-1]:.0f}"
          f"  mean {statistics.mean(latencies):.1f}")


if __name__ == "__main__":
    main()
