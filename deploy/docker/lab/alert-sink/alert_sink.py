#!/usr/bin/python3
"""The lab's alert receiver: Alertmanager's webhook POSTs in, one JSON line each on standard output.

  ktrdr-lab-alert-sink --port 9095 --path /alerts --secret-file /run/alert-sink/secret

Each POST to --path is checked for "Authorization: Bearer <secret>" (401 without it) and printed as
  {"received": "...Z", "authorization": "ok"|"missing"|"wrong", "status": "firing"|"resolved",
   "alerts": [{"status": ..., "labels": {"alertname": ..., "node": ..., "slot": ...}, "startsAt": ..., "endsAt": ...}]}
The secret's value is never printed, whatever was sent. GET on --path answers every line received so far, as a list.
"""
import argparse
import datetime
import hmac
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

received = []
lock = threading.Lock()


def verdict(header, secret):
    if not header:
        return "missing"
    scheme, _, token = header.partition(" ")
    ok = scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), secret.encode())
    return "ok" if ok else "wrong"


def summary(body, authorization):
    alerts = [{key: alert.get(key) for key in ("status", "labels", "startsAt", "endsAt")} for alert in body.get("alerts", [])]
    return {"received": datetime.datetime.now(datetime.timezone.utc).isoformat().replace("+00:00", "Z"),
            "authorization": authorization, "status": body.get("status"), "alerts": alerts}


def handler(path, secret):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            if self.path != path:
                return self.answer(404, {"error": f"POST {path}"})
            try:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            except ValueError:
                return self.answer(400, {"error": "expected an Alertmanager webhook body (JSON)"})
            line = summary(body if isinstance(body, dict) else {}, verdict(self.headers.get("Authorization"), secret))
            with lock:
                received.append(line)
                print(json.dumps(line, sort_keys=True), flush=True)
            self.answer(200 if line["authorization"] == "ok" else 401, {"authorization": line["authorization"]})

        def do_GET(self):
            if self.path != path:
                return self.answer(404, {"error": f"GET {path}"})
            with lock:
                self.answer(200, list(received))

        def answer(self, status, payload):
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):   # the JSON lines are the log; no access log with headers
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser(description="the lab's alert receiver")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--secret-file", required=True)
    args = parser.parse_args()
    try:
        with open(args.secret_file, encoding="utf-8") as f:
            secret = f.read().strip()
    except OSError as e:
        sys.exit(f"ktrdr-lab-alert-sink: cannot read the receiver's secret ({args.secret_file}): {e.strerror}")
    if not secret:
        sys.exit(f"ktrdr-lab-alert-sink: the receiver's secret ({args.secret_file}) is empty")
    print(json.dumps({"listening": args.port, "path": args.path}), flush=True)
    ThreadingHTTPServer(("", args.port), handler(args.path, secret)).serve_forever()


if __name__ == "__main__":
    main()
