# WARC and WET files (testdata/warc, see its README): the text pages in
# them are documents; the other records are skipped and counted in one
# warning per input.

# A WARC file: a text/plain HTTP response and a text/plain resource are
# pages; the warcinfo, request, metadata and revisit records and the HTML
# response are skipped (pagewash reads text, not HTML).
% pagewash clean --format markdown warc/crawl.warc
^D
<!-- %3Curn:uuid:00000000-0000-4000-8000-000000000003> -->

# Opening hours

We open at nine every day and close at six, except on Sundays.

<!-- %3Curn:uuid:00000000-0000-4000-8000-000000000005> -->

# Holidays

The office is closed from 24 December to 2 January.

2> pagewash: warning: warc/crawl.warc: 5 WARC records skipped, holding no text page (1 warcinfo, 1 request, 1 metadata, 1 revisit, 1 HTML): pagewash reads text, not HTML (render HTML to text first, or use the WET file)
=> 0

# A WET file: conversion records, with the record's id, URL (kept as the
# record field "url"), date and content type.
% pagewash strip warc/crawl.wet
^D
{"id":"<urn:uuid:00000000-0000-4000-8000-000000000011>","source":"warc/crawl.wet","text":"Opening hours\nWe open at nine every day and close at six, except on Sundays.","schema_version":"1.2","stages":["strip"],"metadata":{"content_type":"text/plain","date":"2024-03-05T08:00:01Z"},"stats":{"input_bytes":88,"input_lines":3,"invalid_utf8":0,"stripped":1,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]},{"type":"line","length":62,"line":2,"span":[14,76]}],"url":"https://example.org/hours"}
{"id":"<urn:uuid:00000000-0000-4000-8000-000000000012>","source":"warc/crawl.wet","text":"Godziny otwarcia\nJesteśmy otwarci codziennie od dziewiątej do szóstej, z wyjątkiem niedziel.","schema_version":"1.2","stages":["strip"],"metadata":{"content_type":"text/plain","date":"2024-03-05T08:00:02Z"},"stats":{"input_bytes":97,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":16,"line":1,"span":[0,16]},{"type":"line","length":79,"line":2,"span":[17,96]}],"url":"https://example.pl/godziny"}
2> pagewash: warning: warc/crawl.wet: 1 WARC record skipped, holding no text page (1 warcinfo)
=> 0

# The same files compressed, one gzip member per record: the same pages.
% pagewash clean --format markdown warc/crawl.warc.gz warc/crawl.wet.gz
^D
<!-- %3Curn:uuid:00000000-0000-4000-8000-000000000003> -->

# Opening hours

We open at nine every day and close at six, except on Sundays.

<!-- %3Curn:uuid:00000000-0000-4000-8000-000000000005> -->

# Holidays

The office is closed from 24 December to 2 January.

<!-- %3Curn:uuid:00000000-0000-4000-8000-000000000011> -->

# Opening hours

We open at nine every day and close at six, except on Sundays.

<!-- %3Curn:uuid:00000000-0000-4000-8000-000000000012> -->

# Godziny otwarcia

Jesteśmy otwarci codziennie od dziewiątej do szóstej, z wyjątkiem niedziel.

2> pagewash: warning: warc/crawl.warc.gz: 5 WARC records skipped, holding no text page (1 warcinfo, 1 request, 1 metadata, 1 revisit, 1 HTML): pagewash reads text, not HTML (render HTML to text first, or use the WET file)
2> pagewash: warning: warc/crawl.wet.gz: 1 WARC record skipped, holding no text page (1 warcinfo)
=> 0

# A record cut short and a damaged header are errors naming the record's
# line; the pages before them and the other inputs go through.
% pagewash clean --format text warc/cut.warc warc/bad-header.warc cli/inputs/page.txt
^D
Opening hours

We open at nine every day and close at six, except on Sundays.

Opening hours

We open at nine every day.

2> pagewash: error: warc/cut.warc:24: WARC record cut short: Content-Length is 97 bytes, 61 follow
2> pagewash: warning: warc/cut.warc: 1 WARC record skipped, holding no text page (1 warcinfo)
2> pagewash: error: warc/bad-header.warc:2: not a WARC header field: "WARC-Type conversion"
=> 1

# A record larger than --max-doc-bytes is an error for that record; the
# reader goes on with the next.
% pagewash clean --format text --max-doc-bytes 90 warc/crawl.wet
^D
Opening hours

We open at nine every day and close at six, except on Sundays.

2> pagewash: error: warc/crawl.wet:24: WARC record is larger than 90 bytes (--max-doc-bytes)
2> pagewash: warning: warc/crawl.wet: 1 WARC record skipped, holding no text page (1 warcinfo)
=> 1

# --input-format jsonl does not make a WARC file JSON Lines; --input-format
# text would read it as one raw page, and is refused.
% pagewash clean --format text --input-format jsonl warc/crawl.wet
^D
Opening hours

We open at nine every day and close at six, except on Sundays.

Godziny otwarcia

Jesteśmy otwarci codziennie od dziewiątej do szóstej, z wyjątkiem niedziel.

2> pagewash: warning: warc/crawl.wet: 1 WARC record skipped, holding no text page (1 warcinfo)
=> 0

% pagewash clean --input-format text warc/crawl.wet
^D
2> pagewash: error: warc/crawl.wet: WARC input: --input-format text reads it as one raw page; leave the option out to read its records
=> 1
