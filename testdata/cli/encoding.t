# How raw bytes are read: invalid UTF-8, CRLF and CR line ends, a BOM,
# blank lines before the first line, no newline at the end. This file holds
# raw bytes on purpose (invalid UTF-8, CR): keep it byte for byte.

# A page with no valid UTF-8 beyond ASCII is in a legacy encoding: the one
# its bytes suggest (ICU's detector) is reported in metadata.encoding, and
# the text converted.
% pagewash clean
Caf� opening hours

We open at nine �� every day.
^D
{"id":"stdin","source":"<stdin>","title":"Café opening hours","hash":"e2596c6da436059c","sections":[{"hash":"9602b9289468cdd7","heading":"Café opening hours","level":1,"path":["Café opening hours"],"blocks":[{"hash":"3b4ee80dabbecc9d","type":"paragraph","text":"We open at nine ÿþ every day."}]}],"metadata":{"encoding":"ISO-8859-1","language":"en","language_score":0.98},"text":"Café opening hours\n\nWe open at nine ÿþ every day.","schema_version":"1.1","stats":{"input_bytes":50,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":0}}
=> 0

# CRLF ends lines as LF does; spans are bytes of the input as it was.
% pagewash strip --explain
Opening hours

We open at nine every day.
Back to top
^D
{"id":"stdin","source":"<stdin>","text":"Opening hours\n\nWe open at nine every day.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":58,"input_lines":3,"invalid_utf8":0,"stripped":1,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]},{"type":"line","length":26,"line":3,"span":[17,43],"gap":true}],"removed":[{"stage":"strip","rule":"back-link","text":"Back to top","line":4,"span":[45,56]}]}
=> 0

# So does a lone CR.
% pagewash clean --format text
Opening hoursWe open at nine every day.Back to top
^D
Opening hours

We open at nine every day.

=> 0

# A byte order mark is dropped, and spans still count its bytes.
% pagewash strip
﻿Opening hours
^D
{"id":"stdin","source":"<stdin>","text":"Opening hours","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":17,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[3,16]}]}
=> 0

# A page that does not end with a newline.
% pagewash strip
Opening hours
\ No newline at end of file
^D
{"id":"stdin","source":"<stdin>","text":"Opening hours","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
=> 0

# A blank line before the first line: the page is 26 bytes, "Hello there." is
# line 2 at bytes [1,13) and "Back to top" line 3 at [14,25), whether the
# format is detected or given.
% pagewash strip --explain --input-format text

Hello there.
Back to top
^D
{"id":"stdin","source":"<stdin>","text":"Hello there.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":26,"input_lines":2,"invalid_utf8":0,"stripped":1,"duplicates":0},"blocks":[{"type":"line","length":12,"line":2,"span":[1,13]}],"removed":[{"stage":"strip","rule":"back-link","text":"Back to top","line":3,"span":[14,25]}]}
=> 0

% pagewash strip --explain

Hello there.
Back to top
^D
{"id":"stdin","source":"<stdin>","text":"Hello there.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":26,"input_lines":2,"invalid_utf8":0,"stripped":1,"duplicates":0},"blocks":[{"type":"line","length":12,"line":2,"span":[1,13]}],"removed":[{"stage":"strip","rule":"back-link","text":"Back to top","line":3,"span":[14,25]}]}
=> 0

# In a JSON Lines stream a record that is not UTF-8 is not valid JSON: it is
# reported and the others still go through.
% pagewash strip
{"id":"a","text":"First record."}
{"id":"b","text":"Caf� au lait."}
{"id":"c","text":"Third record."}
^D
{"id":"a","source":"<stdin>","text":"First record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
{"id":"c","source":"<stdin>","text":"Third record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
2> pagewash: error: <stdin>:2: invalid JSON: The input is not valid UTF-8
=> 1

# The same when the bad record is the first line: the input is still JSON
# Lines, not one raw page.
% pagewash strip
{"id":"b","text":"Caf� au lait."}
{"id":"c","text":"Third record."}
^D
{"id":"c","source":"<stdin>","text":"Third record.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":13,"input_lines":1,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":13,"line":1,"span":[0,13]}]}
2> pagewash: error: <stdin>:1: invalid JSON: The input is not valid UTF-8
=> 1

# UTF-8 with a few damaged bytes (more than ten valid multi-byte sequences
# for each bad one) is repaired: U+FFFD, reported once per document with the
# byte offset of the first bad sequence; the exit status stays 0.
% pagewash clean --format text
Zażółć gęślą jaźń, café crème.

We open at nine � every day.
^D
Zażółć gęślą jaźń, café crème.

We open at nine � every day.

2> pagewash: warning: <stdin>: invalid UTF-8 at byte 59: 1 sequence replaced by U+FFFD
=> 0

# Legacy code pages and UTF-16/32 with a byte order mark are converted, and
# say what they were.
% pagewash clean --format text cli/inputs/pl-iso-8859-2.txt cli/inputs/cs-windows-1250.txt cli/inputs/ru-koi8-r.txt cli/inputs/ru-utf-16.txt cli/inputs/ru-utf-32be.txt
^D
Spotkanie mieszkańców

Wczoraj w Krakowie odbyło się spotkanie mieszkańców, którzy rozmawiali o przyszłości miejskiej komunikacji i o tym, że autobusy są zbyt często spóźnione.

Setkání obyvatel

Příliš žluťoučký kůň úpěl ďábelské ódy. Včera se v Praze konalo setkání obyvatel, kteří mluvili o budoucnosti městské dopravy.

Собрание жителей

Вчера в Москве прошло собрание жителей, которые обсуждали будущее городского транспорта и то, что автобусы слишком часто опаздывают.

Собрание жителей

Вчера в Москве прошло собрание жителей, которые обсуждали будущее городского транспорта и то, что автобусы слишком часто опаздывают.

Собрание жителей

Вчера в Москве прошло собрание жителей, которые обсуждали будущее городского транспорта и то, что автобусы слишком часто опаздывают.

=> 0

% pagewash strip cli/inputs/ru-koi8-r.txt
^D
{"id":"ru-koi8-r","source":"cli/inputs/ru-koi8-r.txt","text":"Собрание жителей\n\nВчера в Москве прошло собрание жителей, которые обсуждали будущее городского транспорта и то, что автобусы слишком часто опаздывают.","schema_version":"1.2","stages":["strip"],"title":"Собрание жителей","metadata":{"encoding":"KOI8-R"},"stats":{"input_bytes":151,"input_lines":2,"invalid_utf8":0,"stripped":0,"duplicates":0},"blocks":[{"type":"line","length":31,"line":1,"span":[0,31]},{"type":"line","length":244,"line":3,"span":[33,277],"gap":true}]}
=> 0

# UTF-16 without its mark looks binary (NUL bytes) unless --encoding says
# what it is; a given encoding is used as it is, even a wrong one.
% pagewash clean --format text cli/inputs/ru-utf-16le-no-bom.txt
^D
2> pagewash: error: cli/inputs/ru-utf-16le-no-bom.txt: binary input (NUL or control bytes): pagewash reads text pages and JSON Lines
=> 1

% pagewash clean --format text --encoding UTF-16LE cli/inputs/ru-utf-16le-no-bom.txt
^D
Собрание жителей

Вчера в Москве прошло собрание жителей, которые обсуждали будущее городского транспорта и то, что автобусы слишком часто опаздывают.

=> 0

% pagewash clean --format text --encoding windows-1251 cli/inputs/ru-koi8-r.txt
^D
уПВТБОЙЕ ЦЙФЕМЕК

чЮЕТБ Ч нПУЛЧЕ РТПЫМП УПВТБОЙЕ ЦЙФЕМЕК, ЛПФПТЩЕ ПВУХЦДБМЙ ВХДХЭЕЕ ЗПТПДУЛПЗП ФТБОУРПТФБ Й ФП, ЮФП БЧФПВХУЩ УМЙЫЛПН ЮБУФП ПРБЪДЩЧБАФ.

=> 0

# JSON Lines are UTF-8 whatever --encoding says.
% pagewash clean --format text --encoding KOI8-R
{"id":"a","text":"Собрание жителей"}
^D
Собрание жителей

=> 0

% pagewash clean --encoding klingon-8
^D
2> pagewash: error: clean: --encoding: unknown encoding 'klingon-8'
2> see 'pagewash clean --help'
=> 2
