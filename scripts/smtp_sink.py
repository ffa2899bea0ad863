#!/usr/bin/python3
"""A real SMTP listener for tests (aiosmtpd): stores each message as a file in --dir."""
import argparse
import asyncio
import os
import time

from aiosmtpd.controller import Controller


class Store:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = f"{time.time_ns()}-{self.count}.eml"
        tmp = os.path.join(self.folder, "." + name)
        with open(tmp, "wb") as f:
            f.write(b"X-Envelope-To: " + ", ".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(envelope.content)
        os.rename(tmp, os.path.join(self.folder, name))
        return "250 OK"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--dir", required=True)
    a = p.parse_args()
    c = Controller(Store(a.dir), hostname="127.0.0.1", port=a.port)
    c.start()
    try:
        asyncio.get_event_loop().run_forever()
    except KeyboardInterrupt:
        pass
    finally:
        c.stop()


if __name__ == "__main__":
    main()
