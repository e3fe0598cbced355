// Compressing output as it is written: gzip or zstd.
//
// Output (io/output.h) passes each document through a Compressor before
// writing it, so a compressed output is streamed, never held whole: memory
// is the compressor's window and one document's bytes. A gzip output is one
// member and a zstd output one frame with a content checksum, as gzip and
// zstd write them; every reader of those formats reads them (pagewash too,
// io/decompress.h).
#ifndef PAGEWASH_IO_COMPRESS_H_
#define PAGEWASH_IO_COMPRESS_H_

#include <memory>
#include <string>
#include <string_view>

#include "pagewash/io_options.h"

namespace pagewash::io {

/// A streaming compressor.
class Compressor {
 public:
  virtual ~Compressor() = default;

  /// A compressor for `kind` (not kNone), or nullptr when it cannot be set
  /// up (out of memory).
  static std::unique_ptr<Compressor> Create(OutputCompression kind);

  /// Appends to *out the compressed bytes for `data` that are ready (maybe
  /// none: the compressor keeps a window). False on a compressor failure.
  virtual bool Compress(std::string_view data, std::string* out) = 0;

  /// Appends the rest of the compressed stream and its trailer to *out.
  /// Call once, after the last Compress.
  virtual bool Finish(std::string* out) = 0;
};

/// The compression a file name asks for: ".gz" gzip, ".zst" zstd, else kNone.
OutputCompression CompressionForName(std::string_view path);

/// The file name suffix of `kind`: ".gz", ".zst", or "".
std::string_view CompressionSuffix(OutputCompression kind);

}  // namespace pagewash::io

#endif  // PAGEWASH_IO_COMPRESS_H_
