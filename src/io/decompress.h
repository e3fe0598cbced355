// Reading compressed inputs as the bytes they hold.
//
// The input reader reads every input through a std::FILE*. A compressed
// input (gzip, zstd, bzip2 or xz, known by its magic bytes, never by its
// name) is given to the reader as another std::FILE* whose reads
// decompress the underlying file as they go (glibc's fopencookie), so a
// JSON Lines input is still read one record at a time and memory stays at
// one buffer of compressed and one of decompressed bytes, whatever the size
// of the input.
//
// Concatenated streams are read one after the other, as the tools read
// them: a multi-member gzip file (a WARC file is one member per record), a
// zstd file of several frames, several bzip2 or xz streams.
//
// Damage (a corrupt block, a bad checksum, a stream cut short) makes a read
// of the FILE fail (std::ferror); error() then says what was wrong and at
// which byte of the compressed input it was found.
#ifndef PAGEWASH_IO_DECOMPRESS_H_
#define PAGEWASH_IO_DECOMPRESS_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "io/sniff.h"

namespace pagewash::io {

/// True for the kinds Decompressor reads: gzip, zstd, bzip2 and xz.
bool IsCompressed(ContentKind kind);

/// A decompressing view of a compressed file.
class Decompressor {
 public:
  virtual ~Decompressor();
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;

  /// A decompressor of `kind` (IsCompressed; any other kind passes the
  /// bytes through unchanged, for an input that cannot be rewound) reading `head` first, then the
  /// rest of `raw`: `head` holds the bytes already read from `raw` to sniff
  /// it. `raw` is not closed; it must stay open for the Decompressor's
  /// lifetime. nullptr when the stream cannot be set up (out of memory).
  static std::unique_ptr<Decompressor> Create(ContentKind kind, std::string_view head,
                                              std::FILE* raw);

  /// The decompressed bytes, as a read-only stream. Owned by this object:
  /// valid until it is destroyed.
  std::FILE* file() const { return file_; }

  /// After a read of file() failed: why, with the byte offset in the
  /// compressed input ("gzip data is damaged at byte 40: invalid block
  /// type"). Empty when the failure was the underlying file's (errno says).
  const std::string& error() const { return error_; }

  /// Bytes of compressed input consumed so far.
  std::uint64_t compressed_offset() const { return consumed_; }

 protected:
  Decompressor(std::string_view head, std::FILE* raw);

  /// Decompresses up to `size` bytes into `out`: the count, 0 at the end of
  /// the input, -1 on failure (error_ set, or errno for a read error).
  virtual long Decode(char* out, std::size_t size) = 0;

  /// Makes more compressed input available in in_ (from head, then raw):
  /// false at its end or on a read error (read_error_ set).
  bool Fill();
  /// Sets error_ to "KIND data is damaged at byte N: WHAT" (the offset of
  /// the first compressed byte not yet consumed) and returns -1.
  long Damaged(std::string_view what);

  std::string in_;          // Compressed bytes read, not all consumed.
  std::size_t in_pos_ = 0;  // First byte of in_ not consumed.
  std::uint64_t consumed_ = 0;
  bool read_error_ = false;
  std::string kind_name_;

 private:
  friend struct DecompressorCookie;
  std::string head_;
  std::FILE* raw_;
  std::FILE* file_ = nullptr;
  std::string error_;
};

}  // namespace pagewash::io

#endif  // PAGEWASH_IO_DECOMPRESS_H_
