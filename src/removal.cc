#include "removal.h"

#include <type_traits>

#include "scratch.h"

namespace pagewash::internal {

namespace {
// The marks' buffer of the last remover of this thread to finish, taken by
// the next one: a document's marks cost no allocation once it has grown.
// A remover made while another lives gets an empty one, which is correct.
template <class Mark>
std::vector<Mark>& SpareMarks() {
  thread_local Scratch<std::vector<Mark>> spare;
  return spare;
}
}  // namespace

BlockRemover::BlockRemover(Document* doc, std::string_view stage, bool explain)
    : doc_(doc), stage_(stage), explain_(explain) {
  mark_of_.swap(SpareMarks<std::uint32_t>());
  mark_of_.assign(doc->blocks.size(), 0);
  marks_.swap(SpareMarks<Mark_>());
  marks_.clear();
}

BlockRemover::~BlockRemover() {
  // A large document's marks are not kept: see scratch.h.
  auto give_back = [](auto& mine, auto& spare) {
    using T = typename std::remove_reference_t<decltype(mine)>::value_type;
    if (mine.capacity() > spare.capacity() && mine.capacity() * sizeof(T) <= kScratchKeepBytes) mine.swap(spare);
  };
  give_back(mark_of_, SpareMarks<std::uint32_t>());
  give_back(marks_, SpareMarks<Mark_>());
}

void BlockRemover::Mark(std::size_t index, std::string_view rule, std::string_view duplicate_of_id,
                        std::uint32_t duplicate_of_line) {
  if (IsMarked(index) || rule.empty()) return;  // A mark without a rule removes nothing.
  marks_.push_back(Mark_{rule, duplicate_of_id, duplicate_of_line});
  mark_of_[index] = static_cast<std::uint32_t>(marks_.size());
}

std::uint64_t BlockRemover::Finish() {
  std::vector<Block>& blocks = doc_->blocks;
  std::size_t out = 0;
  std::uint64_t removed = 0;
  bool pending_gap = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (IsMarked(i)) {
      ++removed;
      pending_gap = pending_gap || b.gap;
      if (explain_) {
        Removal r;
        r.stage = std::string(stage_);
        const Mark_& mark = marks_[mark_of_[i] - 1];
        r.rule = std::string(mark.rule);
        r.text = b.text;
        r.span = b.span;
        r.line = b.line;
        r.duplicate_of_id = std::string(mark.duplicate_of_id);
        r.duplicate_of_line = mark.duplicate_of_line;
        doc_->removed.push_back(std::move(r));
      }
      continue;
    }
    Block kept = b;
    kept.gap = out > 0 && (kept.gap || pending_gap);
    pending_gap = false;
    blocks[out++] = kept;
  }
  blocks.resize(out);
  return removed;
}

}  // namespace pagewash::internal
