#include "io/compress.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <string>

namespace pagewash::io {
namespace {

// Compresses `docs` one Compress call each, as Output writes documents.
std::string CompressAll(OutputCompression kind, const std::vector<std::string>& docs) {
  auto c = Compressor::Create(kind);
  EXPECT_NE(c, nullptr);
  std::string out;
  for (const std::string& d : docs) EXPECT_TRUE(c->Compress(d, &out));
  EXPECT_TRUE(c->Finish(&out));
  return out;
}

// Decoded with the libraries' one-shot calls, independent of Decompressor.
std::string Gunzip(const std::string& data) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 15 + 16), Z_OK);
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    char buf[4096];
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
  }
  EXPECT_EQ(rc, Z_STREAM_END);
  EXPECT_EQ(zs.avail_in, 0u);  // One member, nothing after it.
  inflateEnd(&zs);
  return out;
}

std::string Unzstd(const std::string& data) {
  ZSTD_DCtx* d = ZSTD_createDCtx();
  std::string out;
  ZSTD_inBuffer in{data.data(), data.size(), 0};
  std::size_t rc = 1;
  while (in.pos < in.size) {
    char buf[4096];
    ZSTD_outBuffer o{buf, sizeof buf, 0};
    rc = ZSTD_decompressStream(d, &o, &in);
    EXPECT_FALSE(ZSTD_isError(rc)) << ZSTD_getErrorName(rc);
    if (ZSTD_isError(rc)) break;
    out.append(buf, o.pos);
  }
  EXPECT_EQ(rc, 0u);  // The frame, checksum included, is complete.
  ZSTD_freeDCtx(d);
  return out;
}

std::vector<std::string> Documents() {
  std::vector<std::string> docs;
  for (int i = 0; i < 3000; ++i) {
    docs.push_back("{\"id\":\"" + std::to_string(i) + "\",\"text\":\"Page " +
                   std::to_string(i * 7919) + " with some words in it.\"}\n");
  }
  docs.push_back("");                               // An empty write changes nothing.
  docs.push_back(std::string(300000, 'x') + "\n");  // Larger than one output chunk.
  return docs;
}

std::string Joined(const std::vector<std::string>& docs) {
  std::string all;
  for (const std::string& d : docs) all += d;
  return all;
}

TEST(CompressTest, GzipIsOneMemberAnyReaderReads) {
  std::vector<std::string> docs = Documents();
  std::string packed = CompressAll(OutputCompression::kGzip, docs);
  EXPECT_LT(packed.size(), Joined(docs).size() / 5);
  EXPECT_TRUE(Gunzip(packed) == Joined(docs));
}

TEST(CompressTest, ZstdIsOneCheckedFrameAnyReaderReads) {
  std::vector<std::string> docs = Documents();
  std::string packed = CompressAll(OutputCompression::kZstd, docs);
  EXPECT_LT(packed.size(), Joined(docs).size() / 5);
  EXPECT_TRUE(Unzstd(packed) == Joined(docs));
}

TEST(CompressTest, NothingWrittenIsStillAValidStream) {
  EXPECT_EQ(Gunzip(CompressAll(OutputCompression::kGzip, {})), "");
  EXPECT_EQ(Unzstd(CompressAll(OutputCompression::kZstd, {})), "");
}

TEST(CompressTest, NamesAndSuffixes) {
  EXPECT_EQ(CompressionForName("out.jsonl.gz"), OutputCompression::kGzip);
  EXPECT_EQ(CompressionForName("out.jsonl.zst"), OutputCompression::kZstd);
  EXPECT_EQ(CompressionForName("out.jsonl"), OutputCompression::kNone);
  EXPECT_EQ(CompressionForName(".gz"), OutputCompression::kNone);  // A name, not a suffix.
  EXPECT_EQ(CompressionForName("-"), OutputCompression::kNone);
  EXPECT_EQ(CompressionForName(""), OutputCompression::kNone);
  EXPECT_EQ(CompressionSuffix(OutputCompression::kGzip), ".gz");
  EXPECT_EQ(CompressionSuffix(OutputCompression::kZstd), ".zst");
  EXPECT_EQ(CompressionSuffix(OutputCompression::kNone), "");
  EXPECT_EQ(Compressor::Create(OutputCompression::kNone), nullptr);
}

}  // namespace
}  // namespace pagewash::io
