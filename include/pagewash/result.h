// Status and Result<T>: how fallible library calls (I/O, parsing, option and
// rule validation) report failure. The library never throws, exits or prints.
//
// A Status carries a code, a message and, for errors in input data, where they
// are: the source name, a 1-based line and an optional column or byte offset.
// ToString() renders "SOURCE:LINE:COL: message", the form the CLI prints after
// "pagewash: error: ".
#ifndef PAGEWASH_RESULT_H_
#define PAGEWASH_RESULT_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

namespace pagewash {

enum class StatusCode : std::uint8_t {
  kOk,
  kInvalidInput,     ///< Malformed data: a bad record, a bad rule file.
  kInvalidArgument,  ///< A bad option value.
  kIoError,          ///< A file could not be read or written.
  kUnsupported,      ///< A schema version this build does not read.
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message) {
    return Status(StatusCode::kInvalidInput, std::move(message));
  }
  static Status InvalidArgument(std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message));
  }
  static Status IoError(std::string message) {
    return Status(StatusCode::kIoError, std::move(message));
  }
  static Status Unsupported(std::string message) {
    return Status(StatusCode::kUnsupported, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& source() const { return source_; }
  std::uint64_t line() const { return line_; }
  std::uint64_t column() const { return column_; }

  /// Adds where the error is. `line` and `column` are 1-based; 0 omits them.
  Status& At(std::string source, std::uint64_t line, std::uint64_t column = 0) {
    source_ = std::move(source);
    line_ = line;
    column_ = column;
    return *this;
  }

  /// "SOURCE:LINE:COL: message", omitting the parts that are unknown.
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string source_;
  std::uint64_t line_ = 0;
  std::uint64_t column_ = 0;
};

/// A value or the Status saying why there is none (LLVM's Expected<T>).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  /// REQUIRES: ok(). Reaching for the value of an error is a bug in the
  /// caller: it aborts with the error's message, in every build.
  T& value() { return Checked(); }
  const T& value() const { return const_cast<Result*>(this)->Checked(); }
  T* operator->() { return &Checked(); }
  T& operator*() { return Checked(); }

 private:
  T& Checked() {
    if (!value_.has_value()) {
      std::fprintf(stderr, "pagewash: internal error: value() of a failed Result: %s\n",
                   status_.ToString().c_str());
      std::abort();
    }
    return *value_;
  }

  std::optional<T> value_;
  Status status_;
};

}  // namespace pagewash

#endif  // PAGEWASH_RESULT_H_
