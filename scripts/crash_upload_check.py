#!/usr/bin/env python3
"""Kills `clerkship serve` (SIGKILL) in the middle of an upload, restarts it,
and checks the vault is consistent: no half-written request body left, no
upload or document row for the cut-off file, every stored file named by a row,
and uploading still works.

usage: crash_upload_check.py BINARY DB_URL VAULT_DIR PORT
"""
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time

binary, db, vault, port = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
EMAIL, PASSWORD = "amina.khan@example.org", "clerkship-demo-2027"


def start():
    p = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port), "--vault-dir", vault],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/api/health")
            if c.getresponse().status == 200:
                return p
        except OSError:
            time.sleep(0.05)
    raise SystemExit("FAIL: server did not start")


class Session:
    def __init__(self):
        self.cookies = {}

    def call(self, method, path, body=b"", headers=None):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        h = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
             "Origin": f"http://127.0.0.1:{port}"}
        if "clerkship_csrf" in self.cookies:
            h["X-CSRF-Token"] = self.cookies["clerkship_csrf"]
        h.update(headers or {})
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name] = rest.split(";")[0]
        data = r.read()
        return r.status, data

    def login(self):
        self.call("GET", "/api/session")
        status, body = self.call("POST", "/api/auth/login", json.dumps({"email": EMAIL, "password": PASSWORD}).encode(),
                                 {"Content-Type": "application/json"})
        if status != 200:
            raise SystemExit(f"FAIL: login {status} {body[:200]}")


def files_under(d):
    out = []
    for root, _, names in os.walk(d):
        out += [os.path.join(root, n) for n in names]
    return out


server = start()
s = Session()
s.login()
# A valid PDF to upload afterwards: the applicant's own CV.
s.call("PUT", "/api/me/profile", json.dumps({"profile": {"legal_name": "Amina Khan"}, "version": 0}).encode(),
       {"Content-Type": "application/json"})
status, profile = s.call("GET", "/api/me/profile")
version = json.loads(profile)["version"]
s.call("PUT", "/api/me/profile", json.dumps({"profile": {"legal_name": "Amina Khan"}, "version": version}).encode(),
       {"Content-Type": "application/json"})
status, pdf = s.call("GET", "/api/me/profile/cv.pdf")
if status != 200:
    raise SystemExit(f"FAIL: cv.pdf {status}")
blobs_before = set(files_under(os.path.join(vault, "blobs")))

# Announce 8 MiB, send 2 MiB, then kill the server with the body half read.
sock = socket.create_connection(("127.0.0.1", port))
head = (f"PUT /api/me/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {8 << 20}\r\n"
        f"Origin: http://127.0.0.1:{port}\r\nX-CSRF-Token: {s.cookies.get('clerkship_csrf', '')}\r\n"
        f"Cookie: " + "; ".join(f"{k}={v}" for k, v in s.cookies.items()) + "\r\n\r\n")
try:
    sock.sendall(head.encode() + pdf + b"\0" * ((2 << 20) - len(pdf)))
except OSError:
    raise SystemExit(f"FAIL: the server closed a half-sent upload: {sock.recv(400)[:300]!r}")
time.sleep(0.5)
partial = files_under(os.path.join(vault, "incoming"))
sock.settimeout(0.2)
try:
    early = sock.recv(400)
except OSError:
    early = b""
if early:
    raise SystemExit(f"FAIL: the server answered a half-sent upload: {early[:200]!r}")
server.send_signal(signal.SIGKILL)
server.wait()
sock.close()
print(f"killed the server mid-upload ({len(partial)} partial request body file(s) on disk)")

server = start()
try:
    left = files_under(os.path.join(vault, "incoming")) + files_under(os.path.join(vault, "tmp"))
    if left:
        raise SystemExit(f"FAIL: temporary files survived the restart: {left}")
    s = Session()
    s.login()
    status, docs = s.call("GET", "/api/me/documents")
    if status != 200 or json.loads(docs)["items"]:
        raise SystemExit(f"FAIL: documents after the crash: {status} {docs[:200]}")
    if set(files_under(os.path.join(vault, "blobs"))) != blobs_before:
        raise SystemExit("FAIL: stored files changed although no upload completed")
    status, up = s.call("PUT", "/api/me/uploads", pdf, {"X-Filename": "cv.pdf"})
    if status != 201:
        raise SystemExit(f"FAIL: upload after restart: {status} {up[:200]}")
    print("ok: a server killed mid-upload restarts with a consistent vault")
finally:
    server.send_signal(signal.SIGTERM)
    server.wait()
