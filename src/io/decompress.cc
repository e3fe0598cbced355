#include "io/decompress.h"

#include <bzlib.h>
#include <fmt/format.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <cstring>

namespace pagewash::io {

// fopencookie's read hook: a plain function over the object.
struct DecompressorCookie {
  static ssize_t Read(void* cookie, char* buf, std::size_t size) {
    return static_cast<ssize_t>(static_cast<Decompressor*>(cookie)->Decode(buf, size));
  }
};

namespace {

// Compressed bytes are read from the file this many at a time, and the
// decompressed stream is buffered as much: few calls, flat memory.
constexpr std::size_t kChunkBytes = std::size_t{1} << 16;

constexpr std::string_view kCutShort = "the stream is cut short";

// Each decoder's Decode has the same shape: feed what input there is (none
// at its end), return as soon as some output came out, and at the end of
// the input tell a clean end (between streams) from a cut one.

class GzipDecompressor final : public Decompressor {
 public:
  GzipDecompressor(std::string_view head, std::FILE* raw) : Decompressor(head, raw) {
    kind_name_ = "gzip";
    // 15 + 32: a window of up to 32 KiB, and a gzip (or zlib) header
    // detected rather than assumed.
    ok_ = inflateInit2(&zs_, 15 + 32) == Z_OK;
  }
  ~GzipDecompressor() override {
    if (ok_) inflateEnd(&zs_);
  }
  bool ok() const { return ok_; }

 protected:
  long Decode(char* out, std::size_t size) override {
    while (true) {
      bool eof = false;
      if (in_pos_ == in_.size()) {
        eof = !Fill();
        if (read_error_) return -1;
      }
      // A member ended and nothing follows: the end of the file.
      if (eof && member_start_) return 0;
      member_start_ = false;
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      zs_.avail_in = static_cast<uInt>(in_.size() - in_pos_);
      zs_.next_out = reinterpret_cast<Bytef*>(out);
      zs_.avail_out = static_cast<uInt>(size);
      int rc = inflate(&zs_, Z_NO_FLUSH);
      std::size_t used = in_.size() - in_pos_ - zs_.avail_in;
      in_pos_ += used;
      consumed_ += used;
      std::size_t produced = size - zs_.avail_out;
      if (rc == Z_STREAM_END) {
        // Another member may follow (WARC files are one per record).
        inflateReset(&zs_);
        member_start_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return Damaged(zs_.msg != nullptr ? zs_.msg : "corrupt data");
      }
      if (produced > 0) return static_cast<long>(produced);
      if (eof && !member_start_) return Damaged(kCutShort);
    }
  }

 private:
  z_stream zs_{};
  bool ok_ = false;
  bool member_start_ = false;
};

class ZstdDecompressor final : public Decompressor {
 public:
  ZstdDecompressor(std::string_view head, std::FILE* raw)
      : Decompressor(head, raw), ds_(ZSTD_createDStream()) {
    kind_name_ = "zstd";
    if (ds_ != nullptr) ZSTD_initDStream(ds_);
  }
  ~ZstdDecompressor() override { ZSTD_freeDStream(ds_); }
  bool ok() const { return ds_ != nullptr; }

 protected:
  long Decode(char* out, std::size_t size) override {
    while (true) {
      bool eof = false;
      if (in_pos_ == in_.size()) {
        eof = !Fill();
        if (read_error_) return -1;
      }
      ZSTD_inBuffer in{in_.data() + in_pos_, in_.size() - in_pos_, 0};
      ZSTD_outBuffer o{out, size, 0};
      std::size_t rc = ZSTD_decompressStream(ds_, &o, &in);
      in_pos_ += in.pos;
      consumed_ += in.pos;
      if (ZSTD_isError(rc)) return Damaged(ZSTD_getErrorName(rc));
      // 0: a frame is complete and flushed; several frames follow each
      // other. A call that moved nothing says nothing (with no input left
      // after a frame, it asks for the next frame's header).
      if (in.pos > 0 || o.pos > 0) frame_open_ = rc != 0;
      if (o.pos > 0) return static_cast<long>(o.pos);
      if (eof) return frame_open_ ? Damaged(kCutShort) : 0;
    }
  }

 private:
  ZSTD_DStream* ds_;
  bool frame_open_ = false;
};

class Bzip2Decompressor final : public Decompressor {
 public:
  Bzip2Decompressor(std::string_view head, std::FILE* raw) : Decompressor(head, raw) {
    kind_name_ = "bzip2";
    ok_ = BZ2_bzDecompressInit(&bz_, 0, 0) == BZ_OK;
  }
  ~Bzip2Decompressor() override {
    if (ok_) BZ2_bzDecompressEnd(&bz_);
  }
  bool ok() const { return ok_; }

 protected:
  long Decode(char* out, std::size_t size) override {
    while (true) {
      bool eof = false;
      if (in_pos_ == in_.size()) {
        eof = !Fill();
        if (read_error_) return -1;
      }
      if (eof && stream_start_) return 0;
      stream_start_ = false;
      bz_.next_in = in_.data() + in_pos_;
      bz_.avail_in = static_cast<unsigned>(in_.size() - in_pos_);
      bz_.next_out = out;
      bz_.avail_out = static_cast<unsigned>(size);
      int rc = BZ2_bzDecompress(&bz_);
      std::size_t used = in_.size() - in_pos_ - bz_.avail_in;
      in_pos_ += used;
      consumed_ += used;
      std::size_t produced = size - bz_.avail_out;
      if (rc == BZ_STREAM_END) {
        // bzip2 -c a b > ab, and pbzip2, write several streams.
        BZ2_bzDecompressEnd(&bz_);
        bz_ = bz_stream{};
        ok_ = BZ2_bzDecompressInit(&bz_, 0, 0) == BZ_OK;
        if (!ok_) return Damaged("out of memory");
        stream_start_ = true;
      } else if (rc != BZ_OK) {
        return Damaged(rc == BZ_DATA_ERROR_MAGIC ? "not bzip2 data"
                       : rc == BZ_MEM_ERROR      ? "out of memory"
                                                 : "corrupt data");
      }
      if (produced > 0) return static_cast<long>(produced);
      if (eof && !stream_start_) return Damaged(kCutShort);
    }
  }

 private:
  bz_stream bz_{};
  bool ok_ = false;
  bool stream_start_ = false;
};

class XzDecompressor final : public Decompressor {
 public:
  XzDecompressor(std::string_view head, std::FILE* raw) : Decompressor(head, raw) {
    kind_name_ = "xz";
    // LZMA_CONCATENATED: xz reads concatenated .xz streams as one file.
    ok_ = lzma_stream_decoder(&xz_, UINT64_MAX, LZMA_CONCATENATED) == LZMA_OK;
  }
  ~XzDecompressor() override { lzma_end(&xz_); }
  bool ok() const { return ok_; }

 protected:
  long Decode(char* out, std::size_t size) override {
    if (done_) return 0;
    while (true) {
      bool eof = false;
      if (in_pos_ == in_.size()) {
        eof = !Fill();
        if (read_error_) return -1;
      }
      xz_.next_in = reinterpret_cast<const std::uint8_t*>(in_.data() + in_pos_);
      xz_.avail_in = in_.size() - in_pos_;
      xz_.next_out = reinterpret_cast<std::uint8_t*>(out);
      xz_.avail_out = size;
      lzma_ret rc = lzma_code(&xz_, eof ? LZMA_FINISH : LZMA_RUN);
      std::size_t used = in_.size() - in_pos_ - xz_.avail_in;
      in_pos_ += used;
      consumed_ += used;
      std::size_t produced = size - xz_.avail_out;
      if (rc == LZMA_STREAM_END) {
        done_ = true;
        return static_cast<long>(produced);
      }
      if (rc == LZMA_BUF_ERROR) return Damaged(kCutShort);
      if (rc != LZMA_OK) {
        return Damaged(rc == LZMA_DATA_ERROR     ? "corrupt data"
                       : rc == LZMA_FORMAT_ERROR ? "not xz data"
                       : rc == LZMA_MEM_ERROR    ? "out of memory"
                                                 : "unsupported options");
      }
      if (produced > 0) return static_cast<long>(produced);
    }
  }

 private:
  lzma_stream xz_ = LZMA_STREAM_INIT;
  bool ok_ = false;
  bool done_ = false;
};

// Not compressed: the bytes read to sniff the input, then the rest, for an
// input that cannot be rewound (a pipe).
class PlainReader final : public Decompressor {
 public:
  PlainReader(std::string_view head, std::FILE* raw) : Decompressor(head, raw) {}
  bool ok() const { return true; }

 protected:
  long Decode(char* out, std::size_t size) override {
    if (in_pos_ == in_.size() && !Fill()) return read_error_ ? -1 : 0;
    std::size_t n = std::min(size, in_.size() - in_pos_);
    std::memcpy(out, in_.data() + in_pos_, n);
    in_pos_ += n;
    consumed_ += n;
    return static_cast<long>(n);
  }
};

template <typename T>
std::unique_ptr<Decompressor> Make(std::string_view head, std::FILE* raw) {
  auto d = std::make_unique<T>(head, raw);
  if (!d->ok()) return nullptr;
  return d;
}

}  // namespace

bool IsCompressed(ContentKind kind) {
  return kind == ContentKind::kGzip || kind == ContentKind::kZstd || kind == ContentKind::kBzip2 ||
         kind == ContentKind::kXz;
}

Decompressor::Decompressor(std::string_view head, std::FILE* raw) : head_(head), raw_(raw) {
  in_.reserve(kChunkBytes);
  file_ = ::fopencookie(
      this, "r", cookie_io_functions_t{&DecompressorCookie::Read, nullptr, nullptr, nullptr});
  if (file_ != nullptr) std::setvbuf(file_, nullptr, _IOFBF, kChunkBytes);
}

Decompressor::~Decompressor() {
  if (file_ != nullptr) std::fclose(file_);
}

std::unique_ptr<Decompressor> Decompressor::Create(ContentKind kind, std::string_view head,
                                                   std::FILE* raw) {
  std::unique_ptr<Decompressor> d;
  switch (kind) {
    case ContentKind::kGzip:
      d = Make<GzipDecompressor>(head, raw);
      break;
    case ContentKind::kZstd:
      d = Make<ZstdDecompressor>(head, raw);
      break;
    case ContentKind::kBzip2:
      d = Make<Bzip2Decompressor>(head, raw);
      break;
    case ContentKind::kXz:
      d = Make<XzDecompressor>(head, raw);
      break;
    default:
      d = Make<PlainReader>(head, raw);
      break;
  }
  if (d != nullptr && d->file_ == nullptr) return nullptr;
  return d;
}

bool Decompressor::Fill() {
  in_pos_ = 0;
  in_.clear();
  if (!head_.empty()) {
    in_.swap(head_);
    return true;
  }
  in_.resize(kChunkBytes);
  std::size_t got = std::fread(in_.data(), 1, kChunkBytes, raw_);
  in_.resize(got);
  if (got == 0) {
    read_error_ = std::ferror(raw_) != 0;
    return false;
  }
  return true;
}

long Decompressor::Damaged(std::string_view what) {
  error_ = fmt::format("{} data is damaged at byte {}: {}", kind_name_, consumed_, what);
  return -1;
}

}  // namespace pagewash::io
