#include "io/warc.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace pagewash::io {
namespace {

// What a reader made of a stream: each record (type, id, block) or error.
struct Seen {
  std::vector<std::string> records;  // "LINE TYPE ID BLOCK-BYTES" or "error LINE: MESSAGE"
};

Seen ReadStream(const std::string& data, std::size_t max_block = 1 << 20) {
  Seen seen;
  std::FILE* file = ::fmemopen(const_cast<char*>(data.data()), data.size(), "rb");
  EXPECT_NE(file, nullptr);
  // The input reader reads the first line to recognise the file.
  char* line = nullptr;
  std::size_t cap = 0;
  ssize_t n = ::getline(&line, &cap, file);
  WarcReader reader(max_block);
  reader.Start(file,
               n > 0 ? std::string_view(line, static_cast<std::size_t>(n)) : std::string_view());
  std::free(line);
  WarcRecord record;
  for (int guard = 0; guard < 100; ++guard) {
    WarcReader::Kind kind = reader.Next(&record);
    if (kind == WarcReader::kEnd) break;
    if (kind == WarcReader::kError) {
      seen.records.push_back("error " + std::to_string(reader.error_line()) + ": " +
                             reader.error());
      continue;
    }
    seen.records.push_back(std::to_string(record.line) + " " + record.type + " " +
                           record.record_id + " " + std::to_string(record.block.size()));
  }
  std::fclose(file);
  return seen;
}

std::string ReadFile(const std::string& path) {
  std::string out;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  EXPECT_NE(f, nullptr) << path;
  if (f == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return out;
}

TEST(WarcReaderTest, ReadsEveryRecordOfTheTestFile) {
  // Lines and lengths as python3 finds them in the file: the lines that
  // open with "WARC/1.", and each record's Content-Length.
  Seen seen = ReadStream(ReadFile(PAGEWASH_TESTDATA_DIR "/warc/crawl.warc"));
  const std::vector<std::string> want = {
      "1 warcinfo <urn:uuid:00000000-0000-4000-8000-000000000001> 60",
      "12 request <urn:uuid:00000000-0000-4000-8000-000000000002> 46",
      "25 response <urn:uuid:00000000-0000-4000-8000-000000000003> 158",
      "42 response <urn:uuid:00000000-0000-4000-8000-000000000004> 113",
      "56 resource <urn:uuid:00000000-0000-4000-8000-000000000005> 62",
      "69 metadata <urn:uuid:00000000-0000-4000-8000-000000000006> 18",
      "81 revisit <urn:uuid:00000000-0000-4000-8000-000000000007> 45",
  };
  EXPECT_EQ(seen.records, want);
}

TEST(WarcReaderTest, KeepsTheFieldsOfARecord) {
  const std::string data =
      "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://example.org/a\r\n"
      "WARC-Date: 2024-03-05T08:00:01Z\r\nwarc-record-id: <urn:uuid:1>\r\n"
      "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nHello\r\n\r\n";
  std::FILE* file = ::fmemopen(const_cast<char*>(data.data()), data.size(), "rb");
  WarcReader reader(100);
  reader.Start(file, {});
  WarcRecord r;
  ASSERT_EQ(reader.Next(&r), WarcReader::kRecord) << reader.error();
  EXPECT_EQ(r.version, "WARC/1.0");
  EXPECT_EQ(r.type, "conversion");
  EXPECT_EQ(r.record_id, "<urn:uuid:1>");  // Field names are case-insensitive.
  EXPECT_EQ(r.target_uri, "https://example.org/a");
  EXPECT_EQ(r.date, "2024-03-05T08:00:01Z");
  EXPECT_EQ(r.content_type, "text/plain");
  EXPECT_EQ(r.block, "Hello");
  EXPECT_EQ(reader.Next(&r), WarcReader::kEnd);
  std::fclose(file);
}

TEST(WarcReaderTest, ReadsRecordsAndNamesTheLineOfEachError) {
  struct Case {
    const char* name;
    std::string in;
    std::vector<std::string> want;
  };
  const std::string ok = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nok\r\n\r\n";
  const Case cases[] = {
      {"LF line ends, as some tools write",
       "WARC/1.0\nWARC-Type: conversion\nContent-Length: 3\n\nabc\n\nWARC/1.0\nWARC-Type: request\n"
       "Content-Length: 0\n\n\n\n",
       {"1 conversion  3", "7 request  0"}},
      {"a folded field continues on the next line",
       "WARC/1.1\r\nWARC-Type:\r\n  resource\r\nContent-Length: 1\r\n\r\nx\r\n\r\n",
       {"1 resource  1"}},
      {"the block's own line ends count for the next record's line",
       "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 6\r\n\r\na\nb\nc\n\r\n\r\n" + ok,
       {"1 resource  6", "10 resource  2"}},
      {"no Content-Length",
       "WARC/1.1\r\nWARC-Type: resource\r\n\r\nok\r\n\r\n" + ok,
       {"error 1: WARC record has no Content-Length"}},
      {"a Content-Length that is not a number",
       "WARC/1.1\r\nContent-Length: 12x\r\n\r\n",
       {"error 1: WARC Content-Length is not a number: \"12x\""}},
      {"a block cut short",
       "WARC/1.1\r\nContent-Length: 10\r\n\r\nabc",
       {"error 1: WARC record cut short: Content-Length is 10 bytes, 3 follow"}},
      {"a header cut short",
       "WARC/1.1\r\nWARC-Type: resource\r\n",
       {"error 1: WARC record cut short in its header"}},
      {"a header line without a colon",
       "WARC/1.1\r\nWARC-Type resource\r\n\r\n",
       {"error 2: not a WARC header field: \"WARC-Type resource\""}},
      {"a version this reader does not know",
       "WARC/0.17\r\nContent-Length: 0\r\n\r\n",
       {"error 1: WARC version \"WARC/0.17\" is not read (WARC/1.0 and WARC/1.1 are)"}},
      {"something else where a record should start",
       ok + "Hello\r\n" + ok,
       {"1 resource  2",
        "error 7: expected a WARC record (WARC/1.0 or WARC/1.1), found \"Hello\""}},
      {"a block too large is skipped and the next record read",
       "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: "
       "20\r\n\r\n0123456789\n123456789\r\n\r\n" +
           ok,
       {"error 1: WARC record is larger than 10 bytes (--max-doc-bytes)", "8 resource  2"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ReadStream(c.in, 10).records, c.want) << c.name;
  }
}

TEST(ExtractWarcTextTest, TakesTextPagesAndSaysWhyOthersAreSkipped) {
  struct Case {
    const char* name;
    std::string type, content_type, block;
    WarcSkip want;
    std::string text, page_type, charset;
  };
  const std::string http_head = "HTTP/1.1 200 OK\r\nServer: x\r\n";
  const Case cases[] = {
      {"WET conversion", "conversion", "text/plain", "Hello\nworld", WarcSkip::kNone,
       "Hello\nworld", "text/plain", ""},
      {"text resource", "resource", "text/plain; charset=\"ISO-8859-2\"", "abc", WarcSkip::kNone,
       "abc", "text/plain; charset=\"ISO-8859-2\"", "ISO-8859-2"},
      {"HTML resource", "resource", "text/html", "<p>", WarcSkip::kHtml, "", "", ""},
      {"resource without a type", "resource", "", "abc", WarcSkip::kNotText, "", "", ""},
      {"HTTP response with a text body", "response", "application/http; msgtype=response",
       http_head + "content-type: Text/Plain;charset=utf-8\r\n\r\nBody\r\nline", WarcSkip::kNone,
       "Body\r\nline", "Text/Plain;charset=utf-8", "utf-8"},
      {"HTTP response with LF line ends", "response", "application/http",
       "HTTP/1.0 200 OK\nContent-Type: text/plain\n\nBody", WarcSkip::kNone, "Body", "text/plain",
       ""},
      {"HTTP response with HTML", "response", "application/http; msgtype=response",
       http_head + "Content-Type: text/html\r\n\r\n<html>", WarcSkip::kHtml, "", "", ""},
      {"HTTP response with XHTML", "response", "application/http; msgtype=response",
       http_head + "Content-Type: application/xhtml+xml\r\n\r\n<html>", WarcSkip::kHtml, "", "",
       ""},
      {"HTTP response with an image", "response", "application/http; msgtype=response",
       http_head + "Content-Type: image/png\r\n\r\n\x89PNG", WarcSkip::kNotText, "", "", ""},
      {"HTTP response without a Content-Type", "response", "application/http; msgtype=response",
       http_head + "\r\nBody", WarcSkip::kNotText, "", "", ""},
      {"HTTP response compressed as sent", "response", "application/http; msgtype=response",
       http_head + "Content-Type: text/plain\r\nContent-Encoding: gzip\r\n\r\n\x1F\x8B",
       WarcSkip::kEncoded, "", "", ""},
      {"HTTP response chunked as sent", "response", "application/http; msgtype=response",
       http_head +
           "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nBody\r\n0\r\n\r\n",
       WarcSkip::kEncoded, "", "", ""},
      {"warcinfo", "warcinfo", "application/warc-fields", "a: b", WarcSkip::kWarcinfo, "", "", ""},
      {"request", "request", "application/http; msgtype=request", "GET /", WarcSkip::kRequest, "",
       "", ""},
      {"metadata", "metadata", "application/warc-fields", "a: b", WarcSkip::kMetadata, "", "", ""},
      {"revisit", "revisit", "application/http", "", WarcSkip::kRevisit, "", "", ""},
      {"continuation", "continuation", "", "", WarcSkip::kOtherType, "", "", ""},
  };
  for (const Case& c : cases) {
    WarcRecord r;
    r.type = c.type;
    r.content_type = c.content_type;
    r.block = c.block;
    WarcText t = ExtractWarcText(r);
    EXPECT_EQ(t.skip, c.want) << c.name;
    EXPECT_EQ(t.text, c.text) << c.name;
    EXPECT_EQ(t.content_type, c.page_type) << c.name;
    EXPECT_EQ(t.charset, c.charset) << c.name;
  }
}

TEST(ExtractWarcTextTest, NamesEachSkip) {
  EXPECT_EQ(WarcSkipName(WarcSkip::kHtml), "HTML");
  EXPECT_EQ(WarcSkipName(WarcSkip::kWarcinfo), "warcinfo");
  EXPECT_EQ(WarcSkipName(WarcSkip::kEncoded), "HTTP-encoded");
}

}  // namespace
}  // namespace pagewash::io
