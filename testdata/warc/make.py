#!/usr/bin/env python3
"""Writes the WARC test files of this directory (see README.md)."""
import gzip


def rec(version, fields, block):
    """One record: version line, fields, Content-Length, empty line, block, two CRLF."""
    block = block.encode() if isinstance(block, str) else block
    head = version + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def rid(n):
    return f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"


body = "Opening hours\n\nWe open at nine every day and close at six, except on Sundays.\n"
http_text = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
             f"Content-Length: {len(body.encode())}\r\n\r\n" + body)
http_html = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
             "<!DOCTYPE html><html><body><p>Hello</p></body></html>\n")
warc = b"".join([
    rec("WARC/1.1", [("WARC-Type", "warcinfo"), ("WARC-Date", "2024-03-01T10:00:00Z"),
                     ("WARC-Record-ID", rid(1)), ("Content-Type", "application/warc-fields")],
        "software: pagewash test data\r\nformat: WARC File Format 1.1\r\n"),
    rec("WARC/1.1", [("WARC-Type", "request"), ("WARC-Target-URI", "https://example.org/hours.txt"),
                     ("WARC-Date", "2024-03-01T10:00:01Z"), ("WARC-Record-ID", rid(2)),
                     ("Content-Type", "application/http; msgtype=request")],
        "GET /hours.txt HTTP/1.1\r\nHost: example.org\r\n\r\n"),
    rec("WARC/1.1", [("WARC-Type", "response"), ("WARC-Target-URI", "https://example.org/hours.txt"),
                     ("WARC-Date", "2024-03-01T10:00:02Z"), ("WARC-Record-ID", rid(3)),
                     ("Content-Type", "application/http; msgtype=response")], http_text),
    rec("WARC/1.1", [("WARC-Type", "response"), ("WARC-Target-URI", "https://example.org/"),
                     ("WARC-Date", "2024-03-01T10:00:03Z"), ("WARC-Record-ID", rid(4)),
                     ("Content-Type", "application/http; msgtype=response")], http_html),
    rec("WARC/1.1", [("WARC-Type", "resource"), ("WARC-Target-URI", "file:///notes/holidays.txt"),
                     ("WARC-Date", "2024-03-01T10:00:04Z"), ("WARC-Record-ID", rid(5)),
                     ("Content-Type", "text/plain")],
        "Holidays\n\nThe office is closed from 24 December to 2 January.\n"),
    rec("WARC/1.1", [("WARC-Type", "metadata"), ("WARC-Target-URI", "https://example.org/hours.txt"),
                     ("WARC-Date", "2024-03-01T10:00:05Z"), ("WARC-Record-ID", rid(6)),
                     ("WARC-Concurrent-To", rid(3)), ("Content-Type", "application/warc-fields")],
        "fetchTimeMs: 120\r\n"),
    rec("WARC/1.1", [("WARC-Type", "revisit"), ("WARC-Target-URI", "https://example.org/hours.txt"),
                     ("WARC-Date", "2024-03-02T10:00:00Z"), ("WARC-Record-ID", rid(7)),
                     ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
                     ("Content-Type", "application/http; msgtype=response")],
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"),
])
wet = b"".join([
    rec("WARC/1.0", [("WARC-Type", "warcinfo"), ("WARC-Date", "2024-03-05T08:00:00Z"),
                     ("WARC-Record-ID", rid(10)), ("Content-Type", "application/warc-fields")],
        "isPartOf: pagewash-test\r\n"),
    rec("WARC/1.0", [("WARC-Type", "conversion"), ("WARC-Target-URI", "https://example.org/hours"),
                     ("WARC-Date", "2024-03-05T08:00:01Z"), ("WARC-Record-ID", rid(11)),
                     ("WARC-Refers-To", rid(3)), ("Content-Type", "text/plain")],
        "Opening hours\nWe open at nine every day and close at six, except on Sundays.\nBack to top"),
    rec("WARC/1.0", [("WARC-Type", "conversion"), ("WARC-Target-URI", "https://example.pl/godziny"),
                     ("WARC-Date", "2024-03-05T08:00:02Z"), ("WARC-Record-ID", rid(12)),
                     ("Content-Type", "text/plain")],
        "Godziny otwarcia\nJesteśmy otwarci codziennie od dziewiątej do szóstej, z wyjątkiem niedziel.\n"),
])


def members(data):
    """One gzip member per record (mtime 0: the same bytes on every run)."""
    parts = data.split(b"\r\n\r\nWARC/")
    out = b""
    for i, p in enumerate(parts):
        chunk = (b"" if i == 0 else b"WARC/") + p + (b"\r\n\r\n" if i + 1 < len(parts) else b"")
        out += gzip.compress(chunk, mtime=0)
    return out


for name, data in [("crawl.warc", warc), ("crawl.wet", wet), ("crawl.warc.gz", members(warc)),
                   ("crawl.wet.gz", members(wet)), ("cut.warc", wet[:-40]),
                   ("bad-header.warc",
                    b"WARC/1.0\r\nWARC-Type conversion\r\nContent-Length: 2\r\n\r\nHi\r\n\r\n")]:
    with open(name, "wb") as f:
        f.write(data)
