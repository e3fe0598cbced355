#include "io/decompress.h"

#include <bzlib.h>
#include <gtest/gtest.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <string>

namespace pagewash::io {
namespace {

// The fixtures are made here with each library's own encoder, so a test
// needs no binary files and can make an input of any size.

std::string Gzip(const std::string& in) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(in.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Zstd(const std::string& in) {
  // With a checksum, as the zstd tool writes by default: without one, a
  // damaged literal byte decodes silently.
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  std::string out(ZSTD_compressBound(in.size()), '\0');
  std::size_t n = ZSTD_compress2(cctx, out.data(), out.size(), in.data(), in.size());
  ZSTD_freeCCtx(cctx);
  EXPECT_FALSE(ZSTD_isError(n));
  out.resize(n);
  return out;
}

std::string Bzip2(const std::string& in) {
  std::string out(in.size() + in.size() / 100 + 600, '\0');
  auto n = static_cast<unsigned>(out.size());
  EXPECT_EQ(BZ2_bzBuffToBuffCompress(out.data(), &n, const_cast<char*>(in.data()),
                                     static_cast<unsigned>(in.size()), 9, 0, 0),
            BZ_OK);
  out.resize(n);
  return out;
}

std::string Xz(const std::string& in) {
  std::string out(lzma_stream_buffer_bound(in.size()), '\0');
  std::size_t n = 0;
  EXPECT_EQ(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr,
                                    reinterpret_cast<const std::uint8_t*>(in.data()), in.size(),
                                    reinterpret_cast<std::uint8_t*>(out.data()), &n, out.size()),
            LZMA_OK);
  out.resize(n);
  return out;
}

// A text of `lines` numbered lines: large enough to cross the reader's
// 64 KiB chunks when asked, and different on every line.
std::string Text(int lines) {
  std::string s;
  for (int i = 0; i < lines; ++i)
    s += "Line " + std::to_string(i) + " of the page, with some words.\n";
  return s;
}

struct ReadResult {
  std::string bytes;
  bool failed = false;
  std::string error;
};

// Reads `data` as a file through a Decompressor, as the input reader does:
// the first bytes sniffed, then given back as the head.
ReadResult ReadAll(const std::string& data) {
  ReadResult r;
  std::FILE* raw = ::fmemopen(const_cast<char*>(data.data()), data.size(), "rb");
  EXPECT_NE(raw, nullptr);
  char head[16];
  std::size_t got = std::fread(head, 1, sizeof head, raw);
  ContentKind kind = SniffContent(std::string_view(head, got), false);
  auto d = Decompressor::Create(kind, std::string_view(head, got), raw);
  EXPECT_NE(d, nullptr);
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, d->file())) > 0) r.bytes.append(buf, n);
  r.failed = std::ferror(d->file()) != 0;
  r.error = d->error();
  d.reset();
  std::fclose(raw);
  return r;
}

struct Codec {
  const char* name;
  std::string (*compress)(const std::string&);
};

const Codec kCodecs[] = {{"gzip", &Gzip}, {"zstd", &Zstd}, {"bzip2", &Bzip2}, {"xz", &Xz}};

TEST(DecompressTest, ReadsEachFormat) {
  for (int lines : {1, 20000}) {
    const std::string text = Text(lines);
    for (const Codec& c : kCodecs) {
      ReadResult r = ReadAll(c.compress(text));
      EXPECT_FALSE(r.failed) << c.name << ": " << r.error;
      EXPECT_EQ(r.bytes.size(), text.size()) << c.name;
      EXPECT_TRUE(r.bytes == text) << c.name << " with " << lines << " lines";
    }
  }
}

TEST(DecompressTest, ReadsConcatenatedStreams) {
  // gzip members (a WARC file), zstd frames, bzip2 and xz streams.
  const std::string a = Text(3), b = "Another stream.\n";
  for (const Codec& c : kCodecs) {
    ReadResult r = ReadAll(c.compress(a) + c.compress(b) + c.compress(a));
    EXPECT_FALSE(r.failed) << c.name << ": " << r.error;
    EXPECT_EQ(r.bytes, a + b + a) << c.name;
  }
}

TEST(DecompressTest, StreamCutShortIsAnErrorAtItsEnd) {
  const std::string text = Text(2000);
  for (const Codec& c : kCodecs) {
    std::string data = c.compress(text);
    data.resize(data.size() / 2);
    ReadResult r = ReadAll(data);
    EXPECT_TRUE(r.failed) << c.name;
    EXPECT_EQ(r.error, std::string(c.name) + " data is damaged at byte " +
                           std::to_string(data.size()) + ": the stream is cut short");
    // What was decoded before the damage is the start of the text.
    EXPECT_EQ(text.compare(0, r.bytes.size(), r.bytes), 0) << c.name;
  }
}

TEST(DecompressTest, CorruptDataIsAnErrorWithItsOffset) {
  const std::string text = Text(2000);
  for (const Codec& c : kCodecs) {
    std::string data = c.compress(text);
    // A byte well inside the compressed data, past every header.
    const std::size_t at = data.size() / 2;
    data[at] = static_cast<char>(data[at] ^ 0x55);
    ReadResult r = ReadAll(data);
    EXPECT_TRUE(r.failed) << c.name;
    const std::string prefix = std::string(c.name) + " data is damaged at byte ";
    ASSERT_EQ(r.error.substr(0, prefix.size()), prefix) << r.error;
    // Found at or after the damaged byte (a checksum may only tell at the end).
    std::size_t offset = std::stoul(r.error.substr(prefix.size()));
    EXPECT_GE(offset, at) << r.error;
    EXPECT_LE(offset, data.size()) << r.error;
  }
}

TEST(DecompressTest, GzipWithTrailingGarbageIsDamaged) {
  const std::string member = Gzip("Hello.\n");
  ReadResult r = ReadAll(member + "not gzip at all");
  EXPECT_TRUE(r.failed);
  EXPECT_EQ(r.bytes, "Hello.\n");
  EXPECT_EQ(r.error.rfind("gzip data is damaged at byte ", 0), 0u) << r.error;
}

TEST(DecompressTest, PlainInputPassesThrough) {
  // An input that is not compressed and cannot be rewound: the sniffed
  // head comes back first, then the rest.
  const std::string text = Text(3000);
  ReadResult r = ReadAll(text);
  EXPECT_FALSE(r.failed);
  EXPECT_TRUE(r.bytes == text);
  EXPECT_EQ(r.error, "");
}

TEST(DecompressTest, KnowsWhichKindsAreCompressed) {
  EXPECT_TRUE(IsCompressed(ContentKind::kGzip));
  EXPECT_TRUE(IsCompressed(ContentKind::kZstd));
  EXPECT_TRUE(IsCompressed(ContentKind::kBzip2));
  EXPECT_TRUE(IsCompressed(ContentKind::kXz));
  EXPECT_FALSE(IsCompressed(ContentKind::kText));
  EXPECT_FALSE(IsCompressed(ContentKind::kWarc));
}

}  // namespace
}  // namespace pagewash::io
