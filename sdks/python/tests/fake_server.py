"""A scripted HTTP server on loopback: answers queued responses in order and records every request."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DROP = object()


class FakeServer:
    def __init__(self):
        self.responses = []
        self.requests = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                outer.requests.append({"method": self.command, "path": self.path,
                                       "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body})
                response = outer.responses.pop(0) if outer.responses else (500, {}, {"error": {}})
                if response is DROP:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                status, headers, payload = response
                raw = json.dumps(payload).encode()
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_DELETE = _handle

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def answer(self, status, payload, headers=None):
        self.responses.append((status, headers or {}, payload))

    def drop(self):
        self.responses.append(DROP)

    def close(self):
        self.server.shutdown()
        self.server.server_close()
