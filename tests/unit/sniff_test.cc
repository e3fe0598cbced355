#include "io/sniff.h"

#include <gtest/gtest.h>

#include <string>

namespace pagewash::io {
namespace {

using std::string_literals::operator""s;

struct Case {
  std::string name;
  std::string head;
  ContentKind want;
};

TEST(SniffTest, TellsTheKindOfAnInputByItsFirstBytes) {
  const Case cases[] = {
      {"plain text", "Opening hours\nWe open at nine.\n", ContentKind::kText},
      {"empty", "", ContentKind::kText},
      {"json lines", "{\"id\":\"a\",\"text\":\"Hello\"}\n", ContentKind::kText},
      {"latin-1 bytes", "Caf\xE9 \xE0 la carte\n", ContentKind::kText},
      {"a tab, a form feed and an escape are text", "a\tb\fc\x1B[0m d\n", ContentKind::kText},
      {"gzip", "\x1F\x8B\x08\x00\x00\x00\x00\x00"s, ContentKind::kGzip},
      {"zstd", "\x28\xB5\x2F\xFD\x24\x00"s, ContentKind::kZstd},
      {"xz",
       "\xFD"
       "7zXZ\x00\x00\x04"s,
       ContentKind::kXz},
      {"bzip2", "BZh91AY&SY\x12\x34", ContentKind::kBzip2},
      {"empty bzip2", "BZh9\x17\x72\x45\x38\x50\x90\x00\x00\x00\x00"s, ContentKind::kBzip2},
      {"text that opens like bzip2", "BZh9 is a model number\n", ContentKind::kText},
      {"warc", "WARC/1.0\r\nWARC-Type: warcinfo\r\n", ContentKind::kWarc},
      {"wet", "WARC/1.1\r\nWARC-Type: conversion\r\n", ContentKind::kWarc},
      {"doctype", "<!DOCTYPE html>\n<html>", ContentKind::kHtml},
      {"doctype, lower case, after blanks and a BOM", "\xEF\xBB\xBF\n  <!doctype html>",
       ContentKind::kHtml},
      {"html tag with attributes", "<HTML lang=\"en\">", ContentKind::kHtml},
      {"html tag alone", "<html", ContentKind::kHtml},
      {"a word starting with html is text", "<htmlish> is not a tag\n", ContentKind::kText},
      {"markup later in the page is text", "Write <html> to start a page.\n", ContentKind::kText},
      {"nul byte", "abc\0def"s, ContentKind::kBinary},
      {"mostly control bytes", "\x01\x02\x03\x04\x05 ab", ContentKind::kBinary},
      {"utf-16le with its BOM", "\xFF\xFEH\0i\0"s, ContentKind::kText},
      {"utf-16be with its BOM", "\xFE\xFF\0H\0i"s, ContentKind::kText},
      {"utf-32be with its BOM", "\0\0\xFE\xFF\0\0\0H"s, ContentKind::kText},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SniffContent(c.head), c.want) << c.name;
  }
}

TEST(SniffTest, OnlyTheHeadIsRead) {
  std::string page(kSniffBytes, 'a');
  page.push_back('\0');
  EXPECT_EQ(SniffContent(page), ContentKind::kText);
}

TEST(SniffTest, BinaryCheckCanBeLeftOut) {
  EXPECT_EQ(SniffContent("H\0i\0"s, /*check_binary=*/false), ContentKind::kText);
  EXPECT_EQ(SniffContent("\x1F\x8B\x08"s, /*check_binary=*/false), ContentKind::kGzip);
}

TEST(SniffTest, Messages) {
  EXPECT_EQ(RefusalMessage(ContentKind::kText, "a.txt"), "");
  EXPECT_EQ(RefusalMessage(ContentKind::kGzip, "pages.jsonl.gz"),
            "gzip-compressed input: decompress it first (zcat pages.jsonl.gz | pagewash ...)");
  EXPECT_EQ(RefusalMessage(ContentKind::kZstd, "-"),
            "zstd-compressed input: decompress it first (zstdcat FILE | pagewash ...)");
  EXPECT_EQ(RefusalMessage(ContentKind::kBzip2, "a.bz2"),
            "bzip2-compressed input: decompress it first (bzcat a.bz2 | pagewash ...)");
  EXPECT_EQ(RefusalMessage(ContentKind::kXz, ""),
            "xz-compressed input: decompress it first (xzcat FILE | pagewash ...)");
  EXPECT_EQ(RefusalMessage(ContentKind::kHtml, "a.html"),
            "HTML input: render it to text first (lynx -dump / w3m -dump)");
  EXPECT_EQ(RefusalMessage(ContentKind::kWarc, "a.warc"),
            "WARC input: --input-format text reads it as one raw page; leave the option out to read "
            "its records");
  EXPECT_EQ(RefusalMessage(ContentKind::kBinary, "a.bin"),
            "binary input (NUL or control bytes): pagewash reads text pages and JSON Lines");
}

}  // namespace
}  // namespace pagewash::io
