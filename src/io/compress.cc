#include "io/compress.h"

#include <zlib.h>
#include <zstd.h>

namespace pagewash::io {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 16;

class GzipCompressor final : public Compressor {
 public:
  GzipCompressor() {
    // 15 + 16: a gzip header and trailer rather than zlib's. Level 6 is
    // gzip's own default: most of the gain of 9 at a third of its time.
    ok_ = deflateInit2(&zs_, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~GzipCompressor() override {
    if (ok_) deflateEnd(&zs_);
  }
  bool ok() const { return ok_; }

  bool Compress(std::string_view data, std::string* out) override {
    return Run(data, Z_NO_FLUSH, out);
  }
  bool Finish(std::string* out) override { return Run({}, Z_FINISH, out); }

 private:
  bool Run(std::string_view data, int flush, std::string* out) {
    // zlib counts input in uInt: feed a very large document in parts.
    do {
      std::size_t part = std::min<std::size_t>(data.size(), std::size_t{1} << 30);
      zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
      zs_.avail_in = static_cast<uInt>(part);
      data.remove_prefix(part);
      const int mode = data.empty() ? flush : Z_NO_FLUSH;
      int rc;
      do {
        std::size_t at = out->size();
        out->resize(at + kChunkBytes);
        zs_.next_out = reinterpret_cast<Bytef*>(out->data() + at);
        zs_.avail_out = static_cast<uInt>(kChunkBytes);
        rc = deflate(&zs_, mode);
        out->resize(at + kChunkBytes - zs_.avail_out);
        if (rc == Z_STREAM_ERROR) return false;
      } while (zs_.avail_out == 0 || (mode == Z_FINISH && rc != Z_STREAM_END));
    } while (!data.empty());
    return true;
  }

  z_stream zs_{};
  bool ok_ = false;
};

class ZstdCompressor final : public Compressor {
 public:
  ZstdCompressor() : cctx_(ZSTD_createCCtx()) {
    if (cctx_ == nullptr) return;
    // Level 3 is zstd's default. The checksum lets a reader tell damage
    // from data, as the zstd tool's own files do.
    ZSTD_CCtx_setParameter(cctx_, ZSTD_c_compressionLevel, 3);
    ZSTD_CCtx_setParameter(cctx_, ZSTD_c_checksumFlag, 1);
  }
  ~ZstdCompressor() override { ZSTD_freeCCtx(cctx_); }
  bool ok() const { return cctx_ != nullptr; }

  bool Compress(std::string_view data, std::string* out) override {
    return Run(data, ZSTD_e_continue, out);
  }
  bool Finish(std::string* out) override { return Run({}, ZSTD_e_end, out); }

 private:
  bool Run(std::string_view data, ZSTD_EndDirective mode, std::string* out) {
    ZSTD_inBuffer in{data.data(), data.size(), 0};
    while (true) {
      std::size_t at = out->size();
      out->resize(at + kChunkBytes);
      ZSTD_outBuffer o{out->data() + at, kChunkBytes, 0};
      std::size_t left = ZSTD_compressStream2(cctx_, &o, &in, mode);
      out->resize(at + o.pos);
      if (ZSTD_isError(left)) return false;
      // continue: done when the input is taken; end: when all is flushed.
      if (mode == ZSTD_e_continue ? in.pos == in.size : left == 0) return true;
    }
  }

  ZSTD_CCtx* cctx_;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::unique_ptr<Compressor> Compressor::Create(OutputCompression kind) {
  switch (kind) {
    case OutputCompression::kGzip: {
      auto c = std::make_unique<GzipCompressor>();
      if (!c->ok()) return nullptr;
      return c;
    }
    case OutputCompression::kZstd: {
      auto c = std::make_unique<ZstdCompressor>();
      if (!c->ok()) return nullptr;
      return c;
    }
    case OutputCompression::kNone:
      break;
  }
  return nullptr;
}

OutputCompression CompressionForName(std::string_view path) {
  if (EndsWith(path, ".gz")) return OutputCompression::kGzip;
  if (EndsWith(path, ".zst")) return OutputCompression::kZstd;
  return OutputCompression::kNone;
}

std::string_view CompressionSuffix(OutputCompression kind) {
  switch (kind) {
    case OutputCompression::kGzip:
      return ".gz";
    case OutputCompression::kZstd:
      return ".zst";
    case OutputCompression::kNone:
      break;
  }
  return "";
}

}  // namespace pagewash::io
