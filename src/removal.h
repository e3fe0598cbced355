// Removing blocks from a document, shared by strip and dedup so that both
// count, explain and close up the gaps the same way.
#ifndef PAGEWASH_REMOVAL_H_
#define PAGEWASH_REMOVAL_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "pagewash/document.h"

namespace pagewash::internal {

/// Collects which blocks to remove, then removes them all at once.
class BlockRemover {
 public:
  /// `stage` names the stage in each Removal; with `explain` removals are
  /// kept in doc->removed.
  BlockRemover(Document* doc, std::string_view stage, bool explain);
  ~BlockRemover();
  BlockRemover(const BlockRemover&) = delete;
  BlockRemover& operator=(const BlockRemover&) = delete;

  /// Marks blocks[index] for removal by `rule`. The first mark wins.
  /// `rule` must outlive Finish(). For a duplicate, names the block it repeats.
  void Mark(std::size_t index, std::string_view rule, std::string_view duplicate_of_id = {},
            std::uint32_t duplicate_of_line = 0);
  bool IsMarked(std::size_t index) const { return mark_of_[index] != 0; }

  /// Removes the marked blocks and returns how many. A removed block that
  /// began a paragraph (Block::gap) passes the gap on to the next kept block,
  /// so removal never glues two paragraphs together.
  std::uint64_t Finish();

 private:
  struct Mark_ {
    std::string_view rule;
    std::string_view duplicate_of_id;
    std::uint32_t duplicate_of_line = 0;
  };
  Document* doc_;
  std::string_view stage_;
  bool explain_;
  // 4 bytes a block, and a Mark_ only for a marked one: most blocks of a
  // page stay.
  std::vector<std::uint32_t> mark_of_;  // 1 + its index in marks_; 0: not marked.
  std::vector<Mark_> marks_;
};

}  // namespace pagewash::internal

#endif  // PAGEWASH_REMOVAL_H_
