#!/usr/bin/env python3
"""Kills `clerkship serve` (SIGKILL, from inside the acceptance transaction:
CLERKSHIP_CRASH_AT, honoured by test builds only) between the steps of an
offer acceptance, restarts it, and checks that no seat was lost or counted
twice: blocks.filled equals the active placements, the offer is still
pending, and the acceptance then succeeds exactly once.

usage: crash_offer_check.py BINARY DB_URL VAULT_DIR PORT
"""
import http.client
import json
import os
import signal
import subprocess
import sys
import time

binary, db, vault, port = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
PASSWORD = "clerkship-demo-2027"
COORDINATOR, APPLICANT = "coordinator@lakeshore.example", "amina.khan@example.org"
POINTS = ["offer.accept.after_take_seat", "offer.accept.after_placement", "offer.accept.before_commit"]


def start(crash_at=None):
    env = dict(os.environ)
    env.pop("CLERKSHIP_CRASH_AT", None)
    if crash_at:
        env["CLERKSHIP_CRASH_AT"] = crash_at
    p = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port), "--vault-dir", vault],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    for _ in range(200):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/api/health")
            if c.getresponse().status == 200:
                return p
        except OSError:
            time.sleep(0.05)
    raise SystemExit("FAIL: server did not start")


def stop(p):
    p.send_signal(signal.SIGTERM)
    p.wait()


class Session:
    def __init__(self, email):
        self.cookies = {}
        self.call("GET", "/api/session")
        status, body = self.call("POST", "/api/auth/login", {"email": email, "password": PASSWORD})
        if status != 200:
            raise SystemExit(f"FAIL: login {email} {status} {body[:200]}")

    def call(self, method, path, body=None):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        h = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
             "Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/json"}
        if "clerkship_csrf" in self.cookies:
            h["X-CSRF-Token"] = self.cookies["clerkship_csrf"]
        c.request(method, path, body=json.dumps(body).encode() if body is not None else b"", headers=h)
        r = c.getresponse()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name] = rest.split(";")[0]
        data = r.read()
        try:
            return r.status, json.loads(data) if data else None
        except ValueError:
            return r.status, data

    def ok(self, method, path, body=None, want=(200, 201)):
        status, out = self.call(method, path, body)
        if status not in want:
            raise SystemExit(f"FAIL: {method} {path}: {status} {out}")
        return out


server = start()
coord = Session(COORDINATOR)
lake = next(i["id"] for i in coord.ok("GET", "/api/institutions")["items"] if i["name"].startswith("Lakeshore"))
base = f"/api/institutions/{lake}/offerings"
offering = coord.ok("POST", base, {
    "title": "Crash-safety elective", "specialty": "internal_medicine", "type": "elective", "city": "Chicago",
    "state": "IL", "country": "US", "description": "Inpatient medicine wards.", "required_documents": [],
    "eligibility": {"students": True, "graduates": True, "visas_accepted": ["b1_b2"]}})["id"]
block = coord.ok("POST", f"{base}/{offering}/blocks", {
    "start_date": "2027-06-07", "end_date": "2027-07-04", "seats": 1, "opens_on": "2026-11-01",
    "deadline": "2027-04-30"})["id"]
coord.ok("POST", f"{base}/{offering}/status", {"status": "published"})
amina = Session(APPLICANT)
app = amina.ok("POST", "/api/applications", {"offering_id": offering, "block_ids": [block]})["id"]
amina.ok("POST", f"/api/applications/{app}/submit", {})
offer = coord.ok("POST", f"/api/institutions/{lake}/applications/{app}/offers", {"block_id": block})["id"]
stop(server)


def check(expect_filled):
    board = coord.ok("GET", f"{base}/{offering}/offers")
    b = next(x for x in board["blocks"] if x["id"] == block)
    active = [p for p in board["placements"] if p["status"] != "cancelled"]
    if b["filled"] != len(active) or b["filled"] != expect_filled:
        raise SystemExit(f"FAIL: filled={b['filled']} active placements={len(active)} (expected {expect_filled})")
    return board


for point in POINTS:
    server = start(point)
    try:
        status, _ = amina.call("POST", f"/api/offers/{offer}/accept", {})
        raise SystemExit(f"FAIL: the server answered ({status}) although it should have died at {point}")
    except (OSError, http.client.HTTPException):
        pass
    if server.wait(timeout=10) != -signal.SIGKILL:
        raise SystemExit(f"FAIL: the server did not die at {point} (test hooks missing?)")
    server = start()
    board = check(0)
    pending = [o for o in board["offers"] if o["id"] == offer and o["status"] == "pending"]
    if not pending:
        raise SystemExit(f"FAIL: after a crash at {point} the offer is no longer pending: {board['offers']}")
    print(f"ok: killed at {point}; after restart filled=0, no placement, offer still pending")
    stop(server)

server = start()
try:
    amina.ok("POST", f"/api/offers/{offer}/accept", {})
    status, _ = amina.call("POST", f"/api/offers/{offer}/accept", {})
    if status != 409:
        raise SystemExit(f"FAIL: second acceptance answered {status}")
    check(1)
    print("ok: after the crashes the acceptance took the seat exactly once (filled=1, one placement)")
finally:
    stop(server)
