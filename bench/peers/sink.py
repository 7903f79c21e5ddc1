#!/usr/bin/env python3
"""SMTP sink for the peer benchmark (bench/peers/run.sh), on aiosmtpd.

  sink.py serve --port-file F --log L [--delay-ms D]
      A real SMTP server on 127.0.0.1 (a free port, written to F) that accepts every message
      and appends one line per message to L: "<unix ms>\t<Message-ID>\t<item key>". The item
      key is "<feed>x<item>" from the generator's links (".../...-nw<feed>x<item>.html"),
      found in any tool's mail whatever its transfer encoding; "-" when there is none. The line
      is written before the server answers 250, so a client that has its answer is counted.
      L is opened in append mode: truncate it between runs. --delay-ms slows every message
      down (to test a slow server). Stops on SIGTERM or SIGINT.

  sink.py count L [--maildir DIR]
      Counts: "messages unique_ids dup_ids keyed unique_keys dup_keys", from the sink's log or
      from a Maildir's new/ and cur/ (for tools that write Maildir instead of sending).

  sink.py calibrate --port P --count K
      Times K messages (a typical alert: text and HTML, about 3 KB) sent to the server over one
      SMTP connection with smtplib, and prints "seconds messages_per_second".
"""

import argparse
import asyncio
import email
import email.policy
import logging
import os
import re
import signal
import smtplib
import sys
import time

MESSAGE_ID = re.compile(rb"^Message-ID:[ \t]*(\S+)", re.I | re.M)
KEY = re.compile(rb"nw(\d+)x(\d+)\.html")


def item_key(raw):
    """The generator's item key in a raw message, however the tool encoded the body."""
    m = KEY.search(raw)
    if m is None:
        # Quoted-printable soft line breaks and escapes may cut the link.
        m = KEY.search(raw.replace(b"=\r\n", b"").replace(b"=\n", b"").replace(b"=2E", b"."))
    if m is None:
        try:
            msg = email.message_from_bytes(raw, policy=email.policy.compat32)
            for part in msg.walk():
                if part.is_multipart():
                    continue
                payload = part.get_payload(decode=True) or b""
                m = KEY.search(payload)
                if m is not None:
                    break
        except Exception:  # a malformed message is counted, without a key
            m = None
    return "-" if m is None else "{}x{}".format(int(m.group(1)), int(m.group(2)))


def message_id(raw):
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    m = MESSAGE_ID.search(head)
    return "-" if m is None else m.group(1).decode("ascii", "replace")


class Handler:
    def __init__(self, log, delay):
        self.log = log
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        if self.delay:
            await asyncio.sleep(self.delay)
        self.log.write("{}\t{}\t{}\n".format(int(time.time() * 1000), message_id(raw), item_key(raw)))
        self.log.flush()
        return "250 OK"


async def serve(args):
    from aiosmtpd.smtp import SMTP

    logging.getLogger("mail.log").setLevel(logging.ERROR)
    log = open(args.log, "a", encoding="utf-8")
    handler = Handler(log, args.delay_ms / 1000.0)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="sink.bench.test", data_size_limit=64 * 1024 * 1024,
                     enable_SMTPUTF8=True, decode_data=False),
        host="127.0.0.1", port=0)
    port = server.sockets[0].getsockname()[1]
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("{}\n".format(port))
    os.replace(tmp, args.port_file)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()
    log.close()


def count_lines(lines):
    ids, keys = {}, {}
    total = keyed = 0
    for mid, key in lines:
        total += 1
        if mid != "-":
            ids[mid] = ids.get(mid, 0) + 1
        if key != "-":
            keyed += 1
            keys[key] = keys.get(key, 0) + 1
    dup_ids = sum(n - 1 for n in ids.values())
    dup_keys = sum(n - 1 for n in keys.values())
    return "{} {} {} {} {} {}".format(total, len(ids), dup_ids, keyed, len(keys), dup_keys)


def count(args):
    if args.maildir:
        def lines():
            for sub in ("new", "cur"):
                d = os.path.join(args.maildir, sub)
                if not os.path.isdir(d):
                    continue
                for name in os.listdir(d):
                    with open(os.path.join(d, name), "rb") as f:
                        raw = f.read()
                    yield message_id(raw), item_key(raw)
        print(count_lines(lines()))
        return

    def lines():
        with open(args.log, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 3:
                    yield parts[1], parts[2]
    print(count_lines(lines()))


def calibrate(args):
    from email.message import EmailMessage

    text = ("Alibaba quarterly revenue beats estimates on cloud growth\n\n"
            "Sales rose faster than analysts expected, helped by demand for computing power. "
            "Analysts said the move had been widely expected.\n\n"
            "https://www.herald1.example/business/alibaba-quarterly-revenue-beats-estimates-nw0xMSGID.html\n"
            "Feed: f1. Published 2026-11-26 14:50 UTC. Rule: calibration.\n") * 3
    html = "<html><body><h1>Alibaba quarterly revenue beats estimates</h1>" + \
        "".join("<p>{}</p>".format(line) for line in text.splitlines() if line) + "</body></html>"
    msg = EmailMessage()
    msg["From"] = "calibrate@bench.test"
    msg["To"] = "desk@bench.test"
    msg["Subject"] = "[calibration] Alibaba quarterly revenue beats estimates on cloud growth"
    msg["Message-ID"] = "<MSGID@calibrate.bench.test>"
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    template = msg.as_bytes(policy=email.policy.SMTP)
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", args.port) as smtp:
        smtp.ehlo("calibrate.bench.test")
        for i in range(args.count):
            smtp.sendmail("calibrate@bench.test", ["desk@bench.test"],
                          template.replace(b"MSGID", b"%d" % i))
    elapsed = time.perf_counter() - started
    print("{:.3f} {:.0f}".format(elapsed, args.count / elapsed if elapsed > 0 else 0))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--port-file", required=True)
    s.add_argument("--log", required=True)
    s.add_argument("--delay-ms", type=float, default=0)
    c = sub.add_parser("count")
    c.add_argument("log", nargs="?")
    c.add_argument("--maildir")
    k = sub.add_parser("calibrate")
    k.add_argument("--port", type=int, required=True)
    k.add_argument("--count", type=int, required=True)
    args = p.parse_args()
    if args.command == "serve":
        asyncio.run(serve(args))
    elif args.command == "count":
        if not args.log and not args.maildir:
            p.error("count: a log file or --maildir")
        count(args)
    else:
        calibrate(args)


if __name__ == "__main__":
    sys.exit(main())
