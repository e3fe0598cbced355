#include "pagewash/dedup.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <array>
#include <limits>

#include "layout.h"
#include "near_index.h"
#include "removal.h"
#include "scratch.h"
#include "text/tokenize.h"
#include "text/lines.h"
#include "text/tsv.h"

namespace pagewash {
namespace {

constexpr std::size_t kNearMinWords = 8;

using internal::BandIndex;
using internal::EmptySignature;
using internal::FlatMap;
using internal::kMinHashes;
using internal::Signature;
using internal::SignatureStore;

// One-permutation MinHash of the unit's word pairs: each pair's hash goes
// to one of 64 bins by its top bits, and a bin keeps the least hash it got.
// One hash per pair, not 64; the share of bins two units agree on, among
// the bins either filled, estimates the Jaccard similarity of their pairs.
// `previous` is the hash of the word before t's first (a long unit comes
// in parts), `have_previous` whether there is one.
void AddMinHashes(const text::TokenizedText& t, bool have_previous, std::uint64_t previous, Signature* sig) {
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    if (i == 0 && !have_previous) continue;
    std::uint64_t h = text::MixWordHash(i == 0 ? previous : t.tokens[i - 1].hash, t.tokens[i].hash);
    std::size_t bin = static_cast<std::size_t>(h >> 58);
    (*sig)[bin] = std::min((*sig)[bin], static_cast<std::uint32_t>(h));
  }
}

// The tokens of a long unit kept for the glued-repeat check: it compares the
// key of a kept unit of at most 20 words with the start of this one's, so the
// key of this unit's first 21 words and the space after them are enough.
constexpr std::size_t kKeyWordsKept = 21;

// The units of a document with their keys: shared by dedup and the
// fingerprint listing so both count positions the same way.
class UnitKeys {
 public:
  UnitKeys() = default;
  explicit UnitKeys(const Document& doc) { Reset(doc); }

  /// Starts on `doc`, keeping the buffers' capacity (see ReusedUnitKeys).
  void Reset(const Document& doc) {
    doc_ = &doc;
    internal::SplitUnits(doc, &units_);
    problem_.clear();
  }
  /// The bytes its buffers hold, and their release (scratch.h).
  std::size_t CapacityBytes() const {
    return units_.capacity() * sizeof(internal::Unit) + tokens_.key.capacity() +
           tokens_.tokens.capacity() * sizeof(text::Token) + joined_.capacity() + scratch_.capacity() +
           key_.capacity();
  }
  void ReleaseBuffers() {
    std::vector<internal::Unit>().swap(units_);
    std::string().swap(tokens_.key);
    std::vector<text::Token>().swap(tokens_.tokens);
    std::string().swap(joined_);
    std::string().swap(scratch_);
    std::string().swap(key_);
  }

  std::size_t size() const { return units_.size(); }
  internal::Unit unit(std::size_t i) const { return units_[i]; }

  /// Tokenizes unit i; returns its fingerprint, 0 if it has no words. A
  /// unit of one line is read in place; a long one is tokenized part by
  /// part, its signature made as it goes and only the start of its key kept.
  std::uint64_t Key(std::size_t i) {
    const internal::Unit& u = units_[i];
    if (u.first == u.last) {
      text_ = doc_->Text(doc_->blocks[u.first]);
    } else {
      joined_.clear();
      for (std::uint32_t k = u.first; k <= u.last; ++k) {
        if (k > u.first) joined_.push_back(' ');
        joined_.append(doc_->Text(doc_->blocks[k]));
      }
      text_ = joined_;
    }
    if (text::TokenPartEnd(text_, 0, /*ascii_only=*/true) == text_.size()) {
      parts_ = false;
      NoteProblem(i, text::TokenizeNfkc(text_, &tokens_, &scratch_));
      words_ = tokens_.tokens.size();
      if (words_ == 0) return 0;
      std::uint64_t h = text::Hash64(tokens_.key);
      return h == 0 ? 1 : h;
    }
    parts_ = true;
    words_ = 0;
    key_.clear();
    signature_ = EmptySignature();
    hasher_.Reset();
    std::uint64_t previous = 0;
    Status folded = text::TokenizeNfkcInParts(text_, &tokens_, &scratch_, [&](const text::TokenizedText& part, std::size_t) {
      if (part.tokens.empty()) return;
      if (words_ > 0) hasher_.Add(" ");
      hasher_.Add(part.key);
      AddMinHashes(part, words_ > 0, previous, &signature_);
      if (words_ <= kKeyWordsKept) {
        if (words_ > 0) key_.push_back(' ');
        key_.append(part.key);
      } else if (key_.back() != ' ') {
        key_.push_back(' ');  // More words follow those kept.
      }
      words_ += part.tokens.size();
      previous = part.tokens.back().hash;
    });
    NoteProblem(i, std::move(folded));
    if (words_ == 0) return 0;
    std::uint64_t h = hasher_.Digest();
    return h == 0 ? 1 : h;
  }
  std::size_t words() const { return words_; }
  /// The near-duplicate signature of the unit last passed to Key().
  Signature MinHashSignature() const {
    if (parts_) return signature_;
    Signature sig = EmptySignature();
    AddMinHashes(tokens_, false, 0, &sig);
    return sig;
  }
  /// The text and key of the unit last passed to Key(). Of a long unit
  /// only the start of the key: its first kKeyWordsKept words or more, and
  /// a space when more follow.
  std::string_view text() const { return text_; }
  std::string_view key() const { return parts_ ? std::string_view(key_) : std::string_view(tokens_.key); }
  /// Empty, or where the first key ICU could not fold was, and why: its key
  /// was folded by the tokenizer alone, so dedup may miss its copies.
  const std::string& problem() const { return problem_; }

 private:
  const Document* doc_ = nullptr;
  std::vector<internal::Unit> units_;
  text::TokenizedText tokens_;
  std::string joined_;
  std::string scratch_;
  std::string_view text_;
  std::size_t words_ = 0;
  bool parts_ = false;  // The last unit came in parts.
  std::string key_;     // Its key's start.
  Signature signature_{};
  text::Hasher64 hasher_;
  std::string problem_;

  void NoteProblem(std::size_t i, Status s) {
    if (!s.ok() && problem_.empty()) problem_ = fmt::format("line {}: {}", doc_->blocks[units_[i].first].line, s.message());
  }
};

// One UnitKeys a thread (-j N runs documents on worker threads), started on
// `doc`: its buffers serve document after document without allocating anew.
// The callers use it one at a time and never past their own return.
UnitKeys& ReusedUnitKeys(const Document& doc) {
  thread_local internal::Scratch<UnitKeys> keys;
  keys.Reset(doc);
  return keys;
}

struct Kept {
  std::uint32_t line;
  std::uint32_t signature = 0;  // 1 + its index in the signatures, 0 for none.
  std::uint32_t words;
};

// The text and key of the last few kept units of at most 20 words (a title
// a later line may repeat): the glued-repeat check looks back at the last
// three kept units only.
struct RecentShort {
  std::size_t kept = 0;  // 1 + its number among the kept units; 0: none.
  std::string text;
  std::string key;
};
constexpr std::size_t kGluedLookBack = 3;

// The units of a document as PrepareUnits left them: the same calls as
// UnitKeys, read rather than worked out.
class PreparedView {
 public:
  explicit PreparedView(const PreparedUnits& prepared) : p_(prepared) {}

  std::size_t size() const { return p_.units.size(); }
  internal::Unit unit(std::size_t i) const { return internal::Unit{p_.units[i].first, p_.units[i].last}; }
  std::uint64_t Key(std::size_t i) {
    current_ = &p_.units[i];
    return current_->fingerprint;
  }
  std::size_t words() const { return current_->words; }
  std::string_view text() const { return std::string_view(p_.texts).substr(current_->text_begin, current_->text_size); }
  std::string_view key() const {
    return std::string_view(p_.texts).substr(current_->text_begin + current_->text_size, current_->key_size);
  }
  const std::string& problem() const { return p_.problem; }
  Signature MinHashSignature() const {
    Signature sig;
    std::copy_n(p_.signatures.begin() + static_cast<std::ptrdiff_t>(current_->signature - 1) * kMinHashes,
                kMinHashes, sig.begin());
    return sig;
  }

 private:
  const PreparedUnits& p_;
  const PreparedUnits::Unit* current_ = nullptr;
};

// How many of the units can have kNearMinWords words: those of at least
// 2 * kNearMinWords - 1 bytes (a word takes a byte, and the next is apart).
template <class Units>
std::size_t UnitsLongEnoughForNear(const Document& doc, const Units& units) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const internal::Unit u = units.unit(i);
    std::size_t bytes = u.last - u.first;  // The spaces that join its lines.
    for (std::uint32_t k = u.first; k <= u.last; ++k) bytes += doc.blocks[k].text.length;
    count += bytes >= 2 * kNearMinWords - 1;
  }
  return count;
}

// What RemoveDuplicates keeps of one document, reused for the next.
struct DedupScratch {
  std::vector<Kept> kept;
  SignatureStore signatures;
  std::array<RecentShort, kGluedLookBack> recent;
  FlatMap kept_lines{0};
  BandIndex bands{0};
  std::vector<std::uint32_t> candidates;

  std::size_t CapacityBytes() const {
    return kept.capacity() * sizeof(Kept) + signatures.CapacityBytes() + kept_lines.CapacityBytes() +
           bands.CapacityBytes() + candidates.capacity() * sizeof(std::uint32_t);
  }
};

// The decisions of dedup, unit by unit, over UnitKeys (worked out as it
// goes) or PreparedView (worked out ahead): one loop, so both give the same.
// `make_units(doc)` gives the units of the document.
template <class MakeUnits>
Document RemoveDuplicates(Document doc, MakeUnits make_units, const DedupOptions& options,
                          const DedupState& state);

}  // namespace

SeenIndex::SeenIndex(bool audit) : shards_(std::size_t{1} << kShardBits), audit_(audit) {
  for (Shard& shard : shards_) {
    shard.keys.assign(8, 0);
    if (audit_) {
      shard.owners.assign(8, 0);
      shard.lines.assign(8, 0);
    }
  }
}

std::uint32_t SeenIndex::AddDocument(std::string_view id) {
  // Only an auditing index names the first copy, so only it keeps ids: a
  // stream of millions of pages would otherwise hold every id for nothing.
  if (audit_) ids_.emplace_back(id);
  return documents_++;
}

bool SeenIndex::Place(Shard* shard, std::uint64_t fingerprint, std::uint32_t owner, std::uint32_t line, bool audit,
                      First* first) {
  // The top bits chose the shard; the next 32 pick the slot, by
  // multiply-shift, which maps onto any size, so a shard can grow by half.
  const std::size_t n = shard->keys.size();
  const std::uint64_t bits = (fingerprint >> (32 - kShardBits)) & 0xFFFFFFFFULL;
  auto slot = static_cast<std::size_t>((bits * static_cast<std::uint64_t>(n)) >> 32);
  while (true) {
    std::uint64_t key = shard->keys[slot];
    if (key == fingerprint) {
      *first = audit ? First{true, shard->owners[slot], shard->lines[slot]} : First{true, 0, 0};
      return false;
    }
    if (key == 0) {
      shard->keys[slot] = fingerprint;
      if (audit) {
        shard->owners[slot] = owner;
        shard->lines[slot] = line;
      }
      ++shard->size;
      *first = First{false, owner, line};
      return true;
    }
    if (++slot == n) slot = 0;
  }
}

SeenIndex::First SeenIndex::Insert(std::uint64_t fingerprint, std::uint32_t owner, std::uint32_t line) {
  if (fingerprint == 0) fingerprint = 1;
  Shard& shard = shards_[fingerprint >> (64 - kShardBits)];
  if ((shard.size + 1) * 100 > shard.keys.size() * 85) Grow(&shard);
  First first;
  if (Place(&shard, fingerprint, owner, line, audit_, &first)) ++size_;
  return first;
}

void SeenIndex::Grow(Shard* shard) {
  Shard old = std::move(*shard);
  const std::size_t n = old.keys.size() + old.keys.size() / 2;
  *shard = Shard{};
  shard->keys.assign(n, 0);
  if (audit_) {
    shard->owners.assign(n, 0);
    shard->lines.assign(n, 0);
  }
  First ignored;
  for (std::size_t i = 0; i < old.keys.size(); ++i) {
    if (old.keys[i] != 0) {
      Place(shard, old.keys[i], audit_ ? old.owners[i] : 0, audit_ ? old.lines[i] : 0, audit_, &ignored);
    }
  }
}

std::size_t SeenIndex::MemoryBytes() const {
  std::size_t bytes = shards_.capacity() * sizeof(Shard);
  for (const Shard& shard : shards_) {
    bytes += shard.keys.capacity() * sizeof(std::uint64_t) +
             (shard.owners.capacity() + shard.lines.capacity()) * sizeof(std::uint32_t);
  }
  for (const std::string& id : ids_) bytes += sizeof(std::string) + (id.capacity() > 15 ? id.capacity() + 1 : 0);
  return bytes;
}

bool DropList::Contains(std::string_view id, std::size_t position) const {
  return entries.count(fmt::format("{}\t{}", id, position)) != 0;
}

namespace {

template <class MakeUnits>
Document RemoveDuplicates(Document doc, MakeUnits make_units, const DedupOptions& options,
                          const DedupState& state) {
  assert(ValidateDedup(options, state).ok());
  auto&& units = make_units(doc);
  internal::BlockRemover remover(&doc, "dedup", options.explain);
  const bool stream = state.ledger == nullptr && options.scope == DedupScope::kStream;
  const std::uint32_t self = stream ? state.index->AddDocument(doc.id) : 0;
  const std::uint32_t ledger_doc = state.ledger != nullptr ? state.ledger->BeginDocument(doc.id) : 0;
  const bool near = options.near_threshold > 0;
  // The tables below are one set a thread, emptied for each document: they
  // keep their capacity from document to document.
  thread_local internal::Scratch<DedupScratch> scratch;
  std::vector<Kept>& kept = scratch.kept;  // This document's units so far, for the near checks.
  kept.clear();
  kept.reserve(units.size());
  // The near-duplicate tables are sized for the units that can have
  // kNearMinWords words: when a table grows it holds its old and new arrays.
  const std::size_t near_units = near ? UnitsLongEnoughForNear(doc, units) : 0;
  SignatureStore& signatures = scratch.signatures;  // Of the kept units of kNearMinWords words or more.
  signatures.Clear();
  signatures.Reserve(near_units);
  std::array<RecentShort, kGluedLookBack>& recent = scratch.recent;  // By kept.size() % kGluedLookBack.
  for (RecentShort& r : recent) r.kept = 0;
  // The same units by fingerprint, for the exact check: one lookup a unit.
  // The value is 1 + the unit's line (0 marks an empty slot). The table
  // grows as needed; a page of many units does not pay for it up front.
  const std::size_t expected = std::min<std::size_t>(units.size(), std::size_t{1} << 14);
  FlatMap& kept_lines = scratch.kept_lines;
  kept_lines.Reset(expected);
  BandIndex& bands = scratch.bands;  // The kept units of kNearMinWords words or more.
  bands.Reset(near_units);
  std::vector<std::uint32_t>& candidates = scratch.candidates;
  std::uint64_t exact = 0, near_drops = 0, listed = 0, in = 0, comparisons = 0;
  auto drop = [&](std::size_t i, std::string_view rule, std::string_view of_id, std::uint32_t of_line) {
    const internal::Unit u = units.unit(i);
    for (std::uint32_t k = u.first; k <= u.last; ++k) remover.Mark(k, rule, of_id, of_line);
  };
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::uint64_t fp = units.Key(i);
    if (fp == 0) continue;
    ++in;
    const std::uint32_t line = doc.blocks[units.unit(i).first].line;
    if (options.drop_list != nullptr && options.drop_list->Contains(doc.id, i)) {
      drop(i, "drop-list", {}, 0);
      ++listed;
      continue;
    }
    if (units.words() < options.min_words) continue;
    // Exact, within the document.
    if (const std::uint32_t* same = kept_lines.Find(fp); same != nullptr) {
      drop(i, "exact-duplicate", doc.id, *same - 1);
      ++exact;
      continue;
    }
    // Exact, in an earlier document of the run.
    if (stream) {
      SeenIndex::First first = state.index->Insert(fp, self, line);
      if (first.seen_before) {
        // Only an auditing index knows where the first copy was.
        std::string_view of = state.index->audit() ? state.index->DocumentId(first.owner) : std::string_view();
        drop(i, "exact-duplicate", of, first.line);
        ++exact;
        continue;
      }
    }
    // A title repeated and glued to a caption fragment: one of the last
    // three units kept.
    const Kept* glued = nullptr;
    for (std::size_t back = 1; back <= kGluedLookBack && back <= kept.size() && glued == nullptr; ++back) {
      const std::size_t number = kept.size() - back;
      const Kept& h = kept[number];
      const RecentShort& r = recent[number % kGluedLookBack];
      if (h.words > 20 || r.kept != number + 1) continue;  // Only short units can be the title.
      if (internal::IsGluedRepeat(r.text, r.key, h.words, units.text(), units.key())) glued = &h;
    }
    if (glued != nullptr) {
      drop(i, "glued-repeat", doc.id, glued->line);
      ++near_drops;
      continue;
    }
    // Owned by another document, in this run or an earlier one.
    if (state.ledger != nullptr) {
      Ledger::Owner owner;
      if (!state.ledger->Claim(fp, ledger_doc, line, &owner)) {
        drop(i, "exact-duplicate", state.ledger->DocumentId(owner.doc), owner.line);
        ++exact;
        continue;
      }
    }
    Kept k{line, 0, static_cast<std::uint32_t>(units.words())};
    // A unit past BandIndex::kMaxUnits kept ones (a document built by the
    // library, over 1 GiB) is checked for exact duplicates only.
    if (near && k.words >= kNearMinWords && kept.size() < BandIndex::kMaxUnits) {
      const Signature signature = units.MinHashSignature();
      // The earliest candidate similar enough (candidates come in input
      // order): the earliest kept unit, as a scan of them all would find it,
      // unless the only bands they share are crowded (kBucketLookBack).
      // The key of a band of an indexed unit's stored signature. Add may
      // check a bucket this unit has just made: unit kept.size() is this
      // one, its signature stored before Add; Candidates meets only units
      // kept before.
      auto key_of = [&](std::uint32_t unit, std::size_t band) {
        assert(unit < kept.size() || k.signature != 0);
        return signatures.BandKey((unit < kept.size() ? kept[unit] : k).signature - 1, band);
      };
      bands.Candidates(signature, key_of, &candidates);
      comparisons += candidates.size();
      auto similar = std::find_if(candidates.begin(), candidates.end(), [&](std::uint32_t c) {
        const Kept& other = kept[c];
        // Only units of comparable length can be that similar.
        const std::uint64_t a = other.words, b = k.words;
        return a * 10 >= b * 7 && b * 10 >= a * 7 &&
               signatures.Similarity(other.signature - 1, signature) >= options.near_threshold;
      });
      if (similar != candidates.end()) {
        drop(i, "near-duplicate", doc.id, kept[*similar].line);
        ++near_drops;
        continue;
      }
      k.signature = signatures.Add(signature) + 1;
      bands.Add(signature, static_cast<std::uint32_t>(kept.size()), key_of);
    }
    if (k.words <= 20) {
      RecentShort& r = recent[kept.size() % kGluedLookBack];
      r.kept = kept.size() + 1;
      r.text.assign(units.text());
      r.key.assign(units.key());
    }
    kept_lines.FindOrInsert(fp, line + 1);
    kept.push_back(k);
  }
  std::uint64_t removed = remover.Finish();
  doc.stats.duplicates += removed;
  doc.stages.emplace_back("dedup");
  if (!units.problem().empty()) doc.SetProblem(units.problem());
  if (state.counters != nullptr) {
    DedupCounters& c = *state.counters;
    ++c.documents;
    c.units_in += in;
    c.units_out += in - exact - near_drops - listed;
    c.exact += exact;
    c.near += near_drops;
    c.dropped_by_list += listed;
    c.near_comparisons += comparisons;
  }
  internal::ReleaseLargeScratch();
  return doc;
}

}  // namespace

Status ValidateDedup(const DedupOptions& options, const DedupState& state) {
  if (options.scope == DedupScope::kStream && state.index == nullptr && state.ledger == nullptr) {
    return Status::InvalidArgument("dedup with scope stream needs a seen index (or a ledger) for the run");
  }
  return Status::Ok();
}

Document RemoveDuplicateParagraphs(Document doc, const DedupOptions& options, const DedupState& state) {
  return RemoveDuplicates(
      std::move(doc), [](const Document& d) -> UnitKeys& { return ReusedUnitKeys(d); }, options, state);
}

void PreparedUnits::Clear() {
  units.clear();
  texts.clear();
  signatures.clear();
  problem.clear();
}

void PrepareUnits(const Document& doc, const DedupOptions& options, PreparedUnits* out) {
  out->Clear();
  UnitKeys& units = ReusedUnitKeys(doc);
  out->units.resize(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    PreparedUnits::Unit& u = out->units[i];
    u.first = units.unit(i).first;
    u.last = units.unit(i).last;
    u.fingerprint = units.Key(i);
    if (u.fingerprint == 0) continue;
    u.words = static_cast<std::uint32_t>(units.words());
    u.text_begin = static_cast<std::uint32_t>(out->texts.size());
    u.text_size = static_cast<std::uint32_t>(units.text().size());
    u.key_size = static_cast<std::uint32_t>(units.key().size());
    out->texts.append(units.text());
    out->texts.append(units.key());
    // As RemoveDuplicates asks for it: near checks on, units of 8 words or more.
    if (options.near_threshold > 0 && u.words >= kNearMinWords) {
      Signature sig = units.MinHashSignature();
      out->signatures.insert(out->signatures.end(), sig.begin(), sig.end());
      u.signature = static_cast<std::uint32_t>(out->signatures.size() / kMinHashes);
    }
  }
  out->problem = units.problem();
  internal::ReleaseLargeScratch();
}

Document RemoveDuplicateParagraphs(Document doc, const PreparedUnits& prepared, const DedupOptions& options,
                                   const DedupState& state) {
  return RemoveDuplicates(
      std::move(doc), [&prepared](const Document&) { return PreparedView(prepared); }, options, state);
}

Result<DropList> ParseDropList(std::string_view text, std::string_view source) {
  DropList list;
  text::LineCursor lines(text);
  std::string_view line;
  while (lines.Next(&line)) {
    const std::uint64_t line_no = lines.number();
    if (line.empty()) continue;
    std::size_t last_tab = line.rfind('\t');
    if (last_tab == std::string_view::npos || last_tab == 0) {
      return Status::InvalidInput("expected ID<TAB>POSITION").At(std::string(source), line_no);
    }
    std::string_view position = line.substr(last_tab + 1);
    std::string_view head = line.substr(0, last_tab);
    std::size_t id_tab = head.rfind('\t');
    std::string_view id = id_tab == std::string_view::npos ? head : head.substr(id_tab + 1);
    if (position.empty() || position.find_first_not_of("0123456789") != std::string_view::npos) {
      return Status::InvalidInput(fmt::format("the position \"{}\" is not a whole number", position))
          .At(std::string(source), line_no);
    }
    list.entries.insert(fmt::format("{}\t{}", text::UnescapeTsvField(id), position));
  }
  return list;
}

std::vector<UnitFingerprint> UnitFingerprints(const Document& doc, std::size_t min_words) {
  UnitKeys units(doc);
  std::vector<UnitFingerprint> out;
  out.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::uint64_t fp = units.Key(i);
    if (fp == 0 || units.words() < min_words) continue;
    out.push_back(UnitFingerprint{fp, static_cast<std::uint32_t>(i), doc.blocks[units.unit(i).first].line});
  }
  return out;
}

void AppendFingerprints(const Document& doc, std::size_t min_words, std::string* out) {
  for (const UnitFingerprint& u : UnitFingerprints(doc, min_words)) {
    fmt::format_to(std::back_inserter(*out), "{:016x}\t", u.fingerprint);
    text::AppendTsvField(doc.id, out);  // An id with a tab must stay one field.
    fmt::format_to(std::back_inserter(*out), "\t{}\n", u.position);
  }
}

}  // namespace pagewash
