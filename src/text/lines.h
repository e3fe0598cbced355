// Walking the lines of a text held in memory (rule files, profiles,
// manifests, ledgers, drop lists): one cursor instead of a loop per parser.
#ifndef PAGEWASH_TEXT_LINES_H_
#define PAGEWASH_TEXT_LINES_H_

#include <cstdint>
#include <string_view>

namespace pagewash::text {

class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}

  /// Sets *line to the next line, without its '\n' or a trailing '\r', and
  /// returns true; false at the end. A final line needs no '\n'.
  bool Next(std::string_view* line) {
    if (pos_ >= text_.size()) return false;
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    *line = text_.substr(pos_, end - pos_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
  }

  /// The 1-based number of the line Next() returned last; 0 before.
  std::uint64_t number() const { return number_; }
  /// True when every line has been read.
  bool done() const { return pos_ >= text_.size(); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint64_t number_ = 0;
};

}  // namespace pagewash::text

#endif  // PAGEWASH_TEXT_LINES_H_
