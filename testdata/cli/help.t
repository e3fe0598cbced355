# --help of the tool and of every command: stdout, exit status 0, and the
# exit codes listed (STYLE.md section 8).

% pagewash --help
^D
Usage: pagewash COMMAND [OPTIONS] [FILE...]

Turns scraped web pages into clean, structured JSON.

Commands:
  strip    remove boilerplate (consent notices, navigation, switchers, stray
           code)
  dedup    remove paragraphs, list items and headings that repeat an earlier one
  segment  recover headings, paragraphs, list items and the title
  emit     write the clean JSON (or Markdown, or text)
  clean    strip, dedup, segment and emit in one process
  ledger   merge the dedup ledgers of separate runs (ledger merge -o OUT A B...)

'pagewash help COMMAND' or 'pagewash COMMAND --help' describes a command's
options.

Exit status:
  0  every input went through
  1  some input could not be read or processed (reported on stderr as 'pagewash:
     error: SOURCE:LINE: message'); the rest went through
  2  usage error (bad option, or a rules file, profile or drop list that cannot
     be read); nothing ran
=> 0

% pagewash help
^D
Usage: pagewash COMMAND [OPTIONS] [FILE...]

Turns scraped web pages into clean, structured JSON.

Commands:
  strip    remove boilerplate (consent notices, navigation, switchers, stray
           code)
  dedup    remove paragraphs, list items and headings that repeat an earlier one
  segment  recover headings, paragraphs, list items and the title
  emit     write the clean JSON (or Markdown, or text)
  clean    strip, dedup, segment and emit in one process
  ledger   merge the dedup ledgers of separate runs (ledger merge -o OUT A B...)

'pagewash help COMMAND' or 'pagewash COMMAND --help' describes a command's
options.

Exit status:
  0  every input went through
  1  some input could not be read or processed (reported on stderr as 'pagewash:
     error: SOURCE:LINE: message'); the rest went through
  2  usage error (bad option, or a rules file, profile or drop list that cannot
     be read); nothing ran
=> 0

% pagewash strip --help
^D
Usage: pagewash strip [OPTIONS] [FILE...]

Removes boilerplate lines and writes the JSON Lines stream. Bylines become
metadata.author. Rules are data: src/rules/*.rules, plus --rules FILE.

Reads FILEs, or standard input when there are none or FILE is '-'. Compressed
inputs (gzip, zstd, bzip2, xz) are known by their first bytes and decompressed;
WARC and WET files are read record by record (text pages only: HTML is skipped).

Options:
  -h, --help               print this help and exit
      --version            print the version and exit
      --config FILE        read options from FILE ('name = value' lines, with
                           the long names; a [COMMAND] section is for that
                           command only); the command line wins (default:
                           $PAGEWASH_CONFIG)
  -o, --output FILE        write to FILE, replaced atomically when the run ends
                           (default: stdout); FILE.gz and FILE.zst are
                           compressed
      --compress KIND      gz or zst: compress the output whatever its name
                           (standard output too), or, with --out-dir, each file
                           (ID.json.gz, ID.json.zst)
  -r, --recursive          read a directory FILE as the regular files under it,
                           at any depth, sorted by path (links to directories
                           below it are not followed)
      --glob PATTERN       with -r: only the files whose name matches PATTERN
                           ('*.warc.gz'; default: every file)
  -j, --jobs N             clean N documents at once, on N threads; the output
                           is the same for every N (default: the cores
                           available, 1 when reading standard input from a
                           terminal)
      --progress           show documents, MB, MB/s and the time left on stderr
                           as the run goes (default: when stderr is a terminal)
      --no-progress        show no progress, even on a terminal
      --stats-json FILE    when the run ends, write its counters to FILE as
                           JSON: inputs, documents and bytes in and out, errors,
                           warnings, WARC records skipped by kind, seconds
      --input-format FMT   auto, text or jsonl (default auto: JSON Lines if the
                           first line is a record with "text", else one raw page
                           per input)
      --id ID              id of a raw text page (one input only; default: its
                           file name without extension; records of a JSON Lines
                           input keep their own)
      --text-key NAME      read a JSON Lines record's text from the field NAME
                           (default text); a record without it is an error
      --encoding NAME      read raw pages in encoding NAME (windows-1250,
                           ISO-8859-2, KOI8-R, UTF-16LE, ...; default: detected
                           for each page, reported in metadata.encoding when not
                           UTF-8)
      --max-doc-bytes N    a larger page or record is an error, reported and
                           skipped (default 268435456, at most 1073741824)
      --explain            keep every removed piece in the stream with its rule
                           and byte span; emit lists them

Stage options:
      --rules FILE         add the rules in FILE to the defaults (repeatable;
                           format: src/rules/README.md)
      --learn PROFILE      also record the lines repeated on many of the input
                           pages (one site's furniture) in PROFILE, written when
                           the run ends
      --learn-min-pages N  with --learn: a line must be on N pages and half of
                           those seen (default 3)
      --profile PROFILE    remove every copy of the lines in PROFILE (made by
                           --learn; a text file you can edit)
      --favor WHAT         precision, balanced (default) or recall: whether the
                           content model rather removes too much or keeps too
                           much
      --no-content-model   remove only what the phrase rules and the site
                           profile name, not what the content model judges
                           outside the main content
      --site-from WHAT     url (default): pages whose url or source has the same
                           host are one site; dir: pages in one directory are;
                           none. The lines on most pages of a site in this run
                           are its furniture and go (needs inputs that are
                           files, read twice)

Exit status:
  0  every input went through
  1  some input could not be read or processed (reported on stderr as 'pagewash:
     error: SOURCE:LINE: message'); the rest went through
  2  usage error (bad option, or a rules file, profile or drop list that cannot
     be read); nothing ran
=> 0

% pagewash dedup --help
^D
Usage: pagewash dedup [OPTIONS] [FILE...]

Drops units that repeat an earlier one in the same document, compared
case-folded and NFKC-normalised, ignoring punctuation and spacing; the first is
kept. Fingerprints are 64-bit XXH3: two different paragraphs colliding would be
taken as duplicates (about 3e-8 at a million paragraphs).

Reads FILEs, or standard input when there are none or FILE is '-'. Compressed
inputs (gzip, zstd, bzip2, xz) are known by their first bytes and decompressed;
WARC and WET files are read record by record (text pages only: HTML is skipped).

Options:
  -h, --help              print this help and exit
      --version           print the version and exit
      --config FILE       read options from FILE ('name = value' lines, with the
                          long names; a [COMMAND] section is for that command
                          only); the command line wins (default:
                          $PAGEWASH_CONFIG)
  -o, --output FILE       write to FILE, replaced atomically when the run ends
                          (default: stdout); FILE.gz and FILE.zst are compressed
      --compress KIND     gz or zst: compress the output whatever its name
                          (standard output too), or, with --out-dir, each file
                          (ID.json.gz, ID.json.zst)
  -r, --recursive         read a directory FILE as the regular files under it,
                          at any depth, sorted by path (links to directories
                          below it are not followed)
      --glob PATTERN      with -r: only the files whose name matches PATTERN
                          ('*.warc.gz'; default: every file)
  -j, --jobs N            clean N documents at once, on N threads; the output is
                          the same for every N (default: the cores available, 1
                          when reading standard input from a terminal)
      --progress          show documents, MB, MB/s and the time left on stderr
                          as the run goes (default: when stderr is a terminal)
      --no-progress       show no progress, even on a terminal
      --stats-json FILE   when the run ends, write its counters to FILE as JSON:
                          inputs, documents and bytes in and out, errors,
                          warnings, WARC records skipped by kind, seconds
      --input-format FMT  auto, text or jsonl (default auto: JSON Lines if the
                          first line is a record with "text", else one raw page
                          per input)
      --id ID             id of a raw text page (one input only; default: its
                          file name without extension; records of a JSON Lines
                          input keep their own)
      --text-key NAME     read a JSON Lines record's text from the field NAME
                          (default text); a record without it is an error
      --encoding NAME     read raw pages in encoding NAME (windows-1250,
                          ISO-8859-2, KOI8-R, UTF-16LE, ...; default: detected
                          for each page, reported in metadata.encoding when not
                          UTF-8)
      --max-doc-bytes N   a larger page or record is an error, reported and
                          skipped (default 268435456, at most 1073741824)
      --explain           keep every removed piece in the stream with its rule
                          and byte span; emit lists them

Stage options:
      --min-words N       never drop a unit of fewer than N words (default 2)
      --scope SCOPE       document (default): repeats within a page; stream:
                          also paragraphs seen in earlier documents of the run
                          (the first in input order is kept)
      --near-threshold J  drop a paragraph of 8+ words whose word pairs overlap
                          an earlier one's in the same document by Jaccard J or
                          more (default 0.7; 0 turns it off)
      --stats             print documents and paragraphs in and out, exact and
                          near drops to stderr
      --state FILE        keep a ledger of which document owns each paragraph
                          between runs (implies --scope stream); a document that
                          comes again replaces its earlier version
      --drop-list FILE    also drop the paragraphs listed in FILE
                          (ID<TAB>POSITION lines, see --fingerprints)
      --fingerprints      write FINGERPRINT<TAB>ID<TAB>POSITION for each
                          paragraph instead of documents, to group with sort or
                          a database (README: large corpora)

Exit status:
  0  every input went through
  1  some input could not be read or processed (reported on stderr as 'pagewash:
     error: SOURCE:LINE: message'); the rest went through
  2  usage error (bad option, or a rules file, profile or drop list that cannot
     be read); nothing ran
=> 0

% pagewash segment --help
^D
Usage: pagewash segment [OPTIONS] [FILE...]

Joins wrapped lines into paragraphs, recognises headings and list items and
finds the page's title; writes the JSON Lines stream.

Reads FILEs, or standard input when there are none or FILE is '-'. Compressed
inputs (gzip, zstd, bzip2, xz) are known by their first bytes and decompressed;
WARC and WET files are read record by record (text pages only: HTML is skipped).

Options:
  -h, --help                 print this help and exit
      --version              print the version and exit
      --config FILE          read options from FILE ('name = value' lines, with
                             the long names; a [COMMAND] section is for that
                             command only); the command line wins (default:
                             $PAGEWASH_CONFIG)
  -o, --output FILE          write to FILE, replaced atomically when the run
                             ends (default: stdout); FILE.gz and FILE.zst are
                             compressed
      --compress KIND        gz or zst: compress the output whatever its name
                             (standard output too), or, with --out-dir, each
                             file (ID.json.gz, ID.json.zst)
  -r, --recursive            read a directory FILE as the regular files under
                             it, at any depth, sorted by path (links to
                             directories below it are not followed)
      --glob PATTERN         with -r: only the files whose name matches PATTERN
                             ('*.warc.gz'; default: every file)
  -j, --jobs N               clean N documents at once, on N threads; the output
                             is the same for every N (default: the cores
                             available, 1 when reading standard input from a
                             terminal)
      --progress             show documents, MB, MB/s and the time left on
                             stderr as the run goes (default: when stderr is a
                             terminal)
      --no-progress          show no progress, even on a terminal
      --stats-json FILE      when the run ends, write its counters to FILE as
                             JSON: inputs, documents and bytes in and out,
                             errors, warnings, WARC records skipped by kind,
                             seconds
      --input-format FMT     auto, text or jsonl (default auto: JSON Lines if
                             the first line is a record with "text", else one
                             raw page per input)
      --id ID                id of a raw text page (one input only; default: its
                             file name without extension; records of a JSON
                             Lines input keep their own)
      --text-key NAME        read a JSON Lines record's text from the field NAME
                             (default text); a record without it is an error
      --encoding NAME        read raw pages in encoding NAME (windows-1250,
                             ISO-8859-2, KOI8-R, UTF-16LE, ...; default:
                             detected for each page, reported in
                             metadata.encoding when not UTF-8)
      --max-doc-bytes N      a larger page or record is an error, reported and
                             skipped (default 268435456, at most 1073741824)
      --explain              keep every removed piece in the stream with its
                             rule and byte span; emit lists them

Stage options:
      --max-heading-words N  longest line, in words, that may be a heading
                             (default 16)

Exit status:
  0  every input went through
  1  some input could not be read or processed (reported on stderr as 'pagewash:
     error: SOURCE:LINE: message'); the rest went through
  2  usage error (bad option, or a rules file, profile or drop list that cannot
     be read); nothing ran
=> 0

% pagewash emit --help
^D
Usage: pagewash emit [OPTIONS] [FILE...]

Writes each document in its final form: one JSON object per line with id,
source, title, sections, metadata and text (a Dolma/datatrove record).

Reads FILEs, or standard input when there are none or FILE is '-'. Compressed
inputs (gzip, zstd, bzip2, xz) are known by their first bytes and decompressed;
WARC and WET files are read record by record (text pages only: HTML is skipped).

Options:
  -h, --help                  print this help and exit
      --version               print the version and exit
      --config FILE           read options from FILE ('name = value' lines, with
                              the long names; a [COMMAND] section is for that
                              command only); the command line wins (default:
                              $PAGEWASH_CONFIG)
  -o, --output FILE           write to FILE, replaced atomically when the run
                              ends (default: stdout); FILE.gz and FILE.zst are
                              compressed
      --compress KIND         gz or zst: compress the output whatever its name
                              (standard output too), or, with --out-dir, each
                              file (ID.json.gz, ID.json.zst)
  -r, --recursive             read a directory FILE as the regular files under
                              it, at any depth, sorted by path (links to
                              directories below it are not followed)
      --glob PATTERN          with -r: only the files whose name matches PATTERN
                              ('*.warc.gz'; default: every file)
  -j, --jobs N                clean N documents at once, on N threads; the
                              output is the same for every N (default: the cores
                              available, 1 when reading standard input from a
                              terminal)
      --progress              show documents, MB, MB/s and the time left on
                              stderr as the run goes (default: when stderr is a
                              terminal)
      --no-progress           show no progress, even on a terminal
      --stats-json FILE       when the run ends, write its counters to FILE as
                              JSON: inputs, documents and bytes in and out,
                              errors, warnings, WARC records skipped by kind,
                              seconds
      --input-format FMT      auto, text or jsonl (default auto: JSON Lines if
                              the first line is a record with "text", else one
                              raw page per input)
      --id ID                 id of a raw text page (one input only; default:
                              its file name without extension; records of a JSON
                              Lines input keep their own)
      --text-key NAME         read a JSON Lines record's text from the field
                              NAME (default text); a record without it is an
                              error
      --encoding NAME         read raw pages in encoding NAME (windows-1250,
                              ISO-8859-2, KOI8-R, UTF-16LE, ...; default:
                              detected for each page, reported in
                              metadata.encoding when not UTF-8)
      --max-doc-bytes N       a larger page or record is an error, reported and
                              skipped (default 268435456, at most 1073741824)
      --explain               keep every removed piece in the stream with its
                              rule and byte span; emit lists them

Stage options:
      --format FMT            json (default), markdown, text, or diff (kept and
                              removed lines in input order; removals need
                              --explain)
      --pretty                indent JSON (then one object per document, not
                              JSON Lines)
      --fields LIST           write only these top-level JSON fields,
                              comma-separated, of: source, title, hash (every
                              hash), sections, metadata, text, schema_version,
                              stats, removed; id, and the fields of an input
                              record that pagewash does not know, are always
                              written
      --signals               add metadata.signals to the JSON: the word, line
                              and repetition counts and ratios that the Gopher
                              and C4 quality filters use (docs/signals.md)
      --out-dir DIR           write each document to DIR/ID.json (pretty JSON,
                              each file replaced atomically, uncompressed unless
                              --compress) instead of standard output
      --shard-size SIZE       with --out-dir: write the output in shards
                              instead, DIR/part-00000.jsonl, part-00001.jsonl,
                              ... (.md, .txt, .diff for the other formats; .gz
                              or .zst with --compress), each replaced atomically
                              when full: N documents a shard, or N bytes with K,
                              M or G (64M)
      --changes-since MANIFEST
                              write a change feed against MANIFEST (what was
                              added, removed or changed in each document since)
                              instead of documents, then update MANIFEST
                              atomically

Exit status:
  0  every input went through
  1  some input could not be read or processed (reported on stderr as 'pagewash:
     error: SOURCE:LINE: message'); the rest went through
  2  usage error (bad option, or a rules file, profile or drop list that cannot
     be read); nothing ran
=> 0

% pagewash clean -h
^D
Usage: pagewash clean [OPTIONS] [FILE...]

Runs strip, dedup, segment and emit in one process; the output is byte for byte
what 'pagewash strip | pagewash dedup | pagewash segment | pagewash emit' gives.
Takes every stage's options.

Reads FILEs, or standard input when there are none or FILE is '-'. Compressed
inputs (gzip, zstd, bzip2, xz) are known by their first bytes and decompressed;
WARC and WET files are read record by record (text pages only: HTML is skipped).

Options:
  -h, --help                  print this help and exit
      --version               print the version and exit
      --config FILE           read options from FILE ('name = value' lines, with
                              the long names; a [COMMAND] section is for that
                              command only); the command line wins (default:
                              $PAGEWASH_CONFIG)
  -o, --output FILE           write to FILE, replaced atomically when the run
                              ends (default: stdout); FILE.gz and FILE.zst are
                              compressed
      --compress KIND         gz or zst: compress the output whatever its name
                              (standard output too), or, with --out-dir, each
                              file (ID.json.gz, ID.json.zst)
  -r, --recursive             read a directory FILE as the regular files under
                              it, at any depth, sorted by path (links to
                              directories below it are not followed)
      --glob PATTERN          with -r: only the files whose name matches PATTERN
                              ('*.warc.gz'; default: every file)
  -j, --jobs N                clean N documents at once, on N threads; the
                              output is the same for every N (default: the cores
                              available, 1 when reading standard input from a
                              terminal)
      --progress              show documents, MB, MB/s and the time left on
                              stderr as the run goes (default: when stderr is a
                              terminal)
      --no-progress           show no progress, even on a terminal
      --stats-json FILE       when the run ends, write its counters to FILE as
                              JSON: inputs, documents and bytes in and out,
                              errors, warnings, WARC records skipped by kind,
                              seconds
      --input-format FMT      auto, text or jsonl (default auto: JSON Lines if
                              the first line is a record with "text", else one
                              raw page per input)
      --id ID                 id of a raw text page (one input only; default:
                              its file name without extension; records of a JSON
                              Lines input keep their own)
      --text-key NAME         read a JSON Lines record's text from the field
                              NAME (default text); a record without it is an
                              error
      --encoding NAME         read raw pages in encoding NAME (windows-1250,
                              ISO-8859-2, KOI8-R, UTF-16LE, ...; default:
                              detected for each page, reported in
                              metadata.encoding when not UTF-8)
      --max-doc-bytes N       a larger page or record is an error, reported and
                              skipped (default 268435456, at most 1073741824)
      --explain               keep every removed piece in the stream with its
                              rule and byte span; emit lists them

Stage options:
      --rules FILE            add the rules in FILE to the defaults (repeatable;
                              format: src/rules/README.md)
      --learn PROFILE         also record the lines repeated on many of the
                              input pages (one site's furniture) in PROFILE,
                              written when the run ends
      --learn-min-pages N     with --learn: a line must be on N pages and half
                              of those seen (default 3)
      --profile PROFILE       remove every copy of the lines in PROFILE (made by
                              --learn; a text file you can edit)
      --favor WHAT            precision, balanced (default) or recall: whether
                              the content model rather removes too much or keeps
                              too much
      --no-content-model      remove only what the phrase rules and the site
                              profile name, not what the content model judges
                              outside the main content
      --site-from WHAT        url (default): pages whose url or source has the
                              same host are one site; dir: pages in one
                              directory are; none. The lines on most pages of a
                              site in this run are its furniture and go (needs
                              inputs that are files, read twice)
      --min-words N           never drop a unit of fewer than N words (default
                              2)
      --scope SCOPE           document (default): repeats within a page; stream:
                              also paragraphs seen in earlier documents of the
                              run (the first in input order is kept)
      --near-threshold J      drop a paragraph of 8+ words whose word pairs
                              overlap an earlier one's in the same document by
                              Jaccard J or more (default 0.7; 0 turns it off)
      --stats                 print documents and paragraphs in and out, exact
                              and near drops to stderr
      --state FILE            keep a ledger of which document owns each
                              paragraph between runs (implies --scope stream); a
                              document that comes again replaces its earlier
                              version
      --drop-list FILE        also drop the paragraphs listed in FILE
                              (ID<TAB>POSITION lines, see --fingerprints)
      --max-heading-words N   longest line, in words, that may be a heading
                              (default 16)
      --format FMT            json (default), markdown, text, or diff (kept and
                              removed lines in input order; removals need
                              --explain)
      --pretty                indent JSON (then one object per document, not
                              JSON Lines)
      --fields LIST           write only these top-level JSON fields,
                              comma-separated, of: source, title, hash (every
                              hash), sections, metadata, text, schema_version,
                              stats, removed; id, and the fields of an input
                              record that pagewash does not know, are always
                              written
      --signals               add metadata.signals to the JSON: the word, line
                              and repetition counts and ratios that the Gopher
                              and C4 quality filters use (docs/signals.md)
      --out-dir DIR           write each document to DIR/ID.json (pretty JSON,
                              each file replaced atomically, uncompressed unless
                              --compress) instead of standard output
      --shard-size SIZE       with --out-dir: write the output in shards
                              instead, DIR/part-00000.jsonl, part-00001.jsonl,
                              ... (.md, .txt, .diff for the other formats; .gz
                              or .zst with --compress), each replaced atomically
                              when full: N documents a shard, or N bytes with K,
                              M or G (64M)
      --changes-since MANIFEST
                              write a change feed against MANIFEST (what was
                              added, removed or changed in each document since)
                              instead of documents, then update MANIFEST
                              atomically

Exit status:
  0  every input went through
  1  some input could not be read or processed (reported on stderr as 'pagewash:
     error: SOURCE:LINE: message'); the rest went through
  2  usage error (bad option, or a rules file, profile or drop list that cannot
     be read); nothing ran
=> 0

# No command at all is a usage error: the overview goes to stderr.
% pagewash
^D
2> Usage: pagewash COMMAND [OPTIONS] [FILE...]
2>
2> Turns scraped web pages into clean, structured JSON.
2>
2> Commands:
2>   strip    remove boilerplate (consent notices, navigation, switchers, stray
2>            code)
2>   dedup    remove paragraphs, list items and headings that repeat an earlier one
2>   segment  recover headings, paragraphs, list items and the title
2>   emit     write the clean JSON (or Markdown, or text)
2>   clean    strip, dedup, segment and emit in one process
2>   ledger   merge the dedup ledgers of separate runs (ledger merge -o OUT A B...)
2>
2> 'pagewash help COMMAND' or 'pagewash COMMAND --help' describes a command's
2> options.
2>
2> Exit status:
2>   0  every input went through
2>   1  some input could not be read or processed (reported on stderr as 'pagewash:
2>      error: SOURCE:LINE: message'); the rest went through
2>   2  usage error (bad option, or a rules file, profile or drop list that cannot
2>      be read); nothing ran
=> 2
