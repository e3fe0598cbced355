#include "io/output.h"

#include <fmt/format.h>

#include <utility>

#include "io/compress.h"

namespace pagewash::io {

Output::~Output() { Abort(); }

Status Output::CompressionFailed() const {
  return Status::IoError("compression failed").At(name_, 0);
}

Status Output::Open(FileSystem& fs, const std::string& path, OutputCompression compression) {
  name_ = path.empty() || path == "-" ? "<stdout>" : path;
  if (compression != OutputCompression::kNone) {
    compressor_ = Compressor::Create(compression);
    if (compressor_ == nullptr) {
      return Status::IoError("cannot set up compression: out of memory").At(name_, 0);
    }
  }
  return fs.CreateOutput(path, &file_);
}

Status Output::Write(std::string_view data) {
  if (compressor_ != nullptr) {
    compressed_.clear();
    if (!compressor_->Compress(data, &compressed_)) return CompressionFailed();
    data = compressed_;
    if (data.empty()) return Status::Ok();
  }
  return file_->Write(data);
}

Status Output::Prepare() {
  if (file_ == nullptr) return Status::Ok();
  if (compressor_ != nullptr) {
    // The end of the stream (gzip's trailer, zstd's checksum), once.
    std::unique_ptr<Compressor> compressor = std::move(compressor_);
    compressed_.clear();
    if (!compressor->Finish(&compressed_)) {
      Status s = CompressionFailed();
      Abort();
      return s;
    }
    if (Status s = file_->Write(compressed_); !s.ok()) {
      Abort();
      return s;
    }
  }
  return file_->Prepare();
}

Status Output::Commit() {
  if (Status s = Prepare(); !s.ok()) return s;
  return file_ == nullptr ? Status::Ok() : file_->Commit();
}

void Output::Abort() {
  if (file_ != nullptr) file_->Abort();
}

}  // namespace pagewash::io
