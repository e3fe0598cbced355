#include "removal.h"

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
  marks_.swap(SpareMarks<Mark_>());
  marks_.assign(doc->blocks.size(), Mark_{});
}

BlockRemover::~BlockRemover() {
  // A large document's marks are not kept: see scratch.h.
  std::vector<Mark_>& spare = SpareMarks<Mark_>();
  if (marks_.capacity() > spare.capacity() && marks_.capacity() * sizeof(Mark_) <= kScratchKeepBytes) {
    marks_.swap(spare);
  }
}

void BlockRemover::Mark(std::size_t index, std::string_view rule, std::string_view duplicate_of_id,
                        std::uint32_t duplicate_of_line) {
  if (IsMarked(index)) return;
  marks_[index] = Mark_{rule, duplicate_of_id, duplicate_of_line};
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
        r.rule = std::string(marks_[i].rule);
        r.text = b.text;
        r.span = b.span;
        r.line = b.line;
        r.duplicate_of_id = std::string(marks_[i].duplicate_of_id);
        r.duplicate_of_line = marks_[i].duplicate_of_line;
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
