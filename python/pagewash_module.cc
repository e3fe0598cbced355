// The Python module `pagewash`: the stages of the CLI in-process.
//
//   pagewash.clean(text, **options) -> dict           # one page, as `pagewash clean` writes it
//   pagewash.clean_records(records, **options) -> iterator of dicts
//   pagewash.strip / dedup / segment / emit (and *_records): one stage each
//   pagewash.run_file(path, ...) -> dict              # a file, or a byte range of one (drivers)
//
// Each function reads its input as the CLI reads it (a str or bytes is a
// raw page, a dict a JSON Lines record), runs the same stage table
// (pipeline.h) and returns what the CLI writes, parsed: a dict for JSON, a
// str for Markdown, text and diff. Options are the CLI's long names with
// '_' for '-'; an option the function's stages do not take is a TypeError
// naming it, a value they refuse a ValueError. The C++ work runs without
// the GIL, so threads clean pages in parallel.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "io/input.h"
#include "io/walk.h"
#include "pagewash/dedup.h"
#include "pagewash/emit.h"
#include "pagewash/files.h"
#include "pagewash/json.h"
#include "pagewash/pipeline.h"
#include "pagewash/profile.h"
#include "pagewash/rules.h"
#include "pagewash/site_evidence.h"

namespace py = pybind11;

namespace pagewash::python {
namespace {

// Which options a function takes: the stages it runs, and what it reads.
enum Takes : unsigned {
  kStrip = 1,
  kDedup = 2,
  kSegment = 4,
  kEmit = 8,
  kInput = 16,  // How pages and records are read.
  kOne = 32,    // One page: it may be given an id.
};

[[noreturn]] void TypeErrorArg(const char* fn, std::string_view key, const char* want, py::handle v) {
  throw py::type_error(fmt::format("{}() argument '{}' must be {}, not {}", fn, key, want, Py_TYPE(v.ptr())->tp_name));
}

std::string StrArg(const char* fn, std::string_view key, py::handle v) {
  if (!py::isinstance<py::str>(v)) TypeErrorArg(fn, key, "str", v);
  return v.cast<std::string>();
}

// A path: str or os.PathLike.
std::string PathArg(const char* fn, std::string_view key, py::handle v) {
  py::object path;
  try {
    path = py::module_::import("os").attr("fspath")(v);
  } catch (const py::error_already_set&) {
    TypeErrorArg(fn, key, "a path (str or os.PathLike)", v);
  }
  if (!py::isinstance<py::str>(path)) TypeErrorArg(fn, key, "a str path", v);
  return path.cast<std::string>();
}

bool BoolArg(const char* fn, std::string_view key, py::handle v) {
  if (!py::isinstance<py::bool_>(v)) TypeErrorArg(fn, key, "bool", v);
  return v.cast<bool>();
}

long long IntArg(const char* fn, std::string_view key, py::handle v) {
  if (!py::isinstance<py::int_>(v) || py::isinstance<py::bool_>(v)) TypeErrorArg(fn, key, "int", v);
  try {
    return v.cast<long long>();
  } catch (const py::cast_error&) {
    throw py::value_error(fmt::format("{}: {} is out of range", key, py::str(v).cast<std::string>()));
  }
}

double FloatArg(const char* fn, std::string_view key, py::handle v) {
  if (py::isinstance<py::bool_>(v) || !(py::isinstance<py::float_>(v) || py::isinstance<py::int_>(v))) {
    TypeErrorArg(fn, key, "float", v);
  }
  return v.cast<double>();
}

// Everything a call needs: the library's options and what they point to.
struct Config {
  PipelineOptions options;
  PipelineState state;  // Points into `index`.
  InputOptions input;
  SiteFrom site_from = SiteFrom::kUrl;
  std::vector<std::string> rule_files;
  std::string profile;
  std::string source;  // The name pages and records are read under; "-" reads as standard input does.
  bool stream = false;
  std::unique_ptr<RuleSet> rules;
  std::unique_ptr<DropList> drop_list;
  std::unique_ptr<SeenIndex> index;
};

struct OptionSpec {
  const char* name;
  unsigned takes;
  void (*set)(Config& c, const char* fn, const char* key, py::handle v);
};

const OptionSpec kOptions[] = {
    {"id", kOne, [](Config& c, const char* fn, const char* key, py::handle v) { c.input.id = StrArg(fn, key, v); }},
    {"source", kInput,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       c.source = StrArg(fn, key, v);
       if (c.source.empty()) throw py::value_error("source must not be empty");
     }},
    {"text_key", kInput,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       c.input.text_key = StrArg(fn, key, v);
       if (c.input.text_key.empty()) throw py::value_error("text_key needs a field name");
     }},
    {"encoding", kInput,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       c.input.encoding = StrArg(fn, key, v);
       if (Status s = CheckEncodingName(c.input.encoding); !s.ok()) throw py::value_error("encoding: " + s.message());
     }},
    {"max_doc_bytes", kInput,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       long long n = IntArg(fn, key, v);
       if (n < 1 || static_cast<unsigned long long>(n) > kMaxDocumentBytesLimit) {
         throw py::value_error(fmt::format("max_doc_bytes must be from 1 to {}", kMaxDocumentBytesLimit));
       }
       c.input.max_document_bytes = static_cast<std::size_t>(n);
     }},
    {"explain", kStrip | kDedup,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       c.options.strip.explain = c.options.dedup.explain = BoolArg(fn, key, v);
     }},
    {"rules", kStrip,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       if (py::isinstance<py::str>(v) || py::hasattr(v, "__fspath__")) {
         c.rule_files.push_back(PathArg(fn, key, v));
         return;
       }
       if (!py::isinstance<py::list>(v) && !py::isinstance<py::tuple>(v)) TypeErrorArg(fn, key, "a path or a list of paths", v);
       for (py::handle item : v) c.rule_files.push_back(PathArg(fn, key, item));
     }},
    {"profile", kStrip,
     [](Config& c, const char* fn, const char* key, py::handle v) { c.profile = PathArg(fn, key, v); }},
    {"favor", kStrip,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       std::string s = StrArg(fn, key, v);
       if (s == "precision") {
         c.options.strip.favor = Favor::kPrecision;
       } else if (s == "balanced") {
         c.options.strip.favor = Favor::kBalanced;
       } else if (s == "recall") {
         c.options.strip.favor = Favor::kRecall;
       } else {
         throw py::value_error(fmt::format("favor must be precision, balanced or recall, not '{}'", s));
       }
     }},
    {"content_model", kStrip,
     [](Config& c, const char* fn, const char* key, py::handle v) { c.options.strip.content_model = BoolArg(fn, key, v); }},
    {"site_from", kStrip,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       std::string s = StrArg(fn, key, v);
       if (s == "url") {
         c.site_from = SiteFrom::kUrl;
       } else if (s == "dir") {
         c.site_from = SiteFrom::kDir;
       } else if (s == "none") {
         c.site_from = SiteFrom::kNone;
       } else {
         throw py::value_error(fmt::format("site_from must be url, dir or none, not '{}'", s));
       }
     }},
    {"min_words", kDedup,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       long long n = IntArg(fn, key, v);
       if (n < 1 || n > 1000000) throw py::value_error(fmt::format("min_words must be from 1 to 1000000, not {}", n));
       c.options.dedup.min_words = static_cast<std::size_t>(n);
     }},
    {"scope", kDedup,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       std::string s = StrArg(fn, key, v);
       if (s != "document" && s != "stream") {
         throw py::value_error(fmt::format("scope must be document or stream, not '{}'", s));
       }
       c.stream = s == "stream";
     }},
    {"near_threshold", kDedup,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       double j = FloatArg(fn, key, v);
       if (!(j >= 0 && j <= 1)) throw py::value_error(fmt::format("near_threshold must be from 0 to 1, not {}", j));
       c.options.dedup.near_threshold = j;
     }},
    {"drop_list", kDedup,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       // A file (`dedup --fingerprints` grouped), or (id, position) pairs.
       if (py::isinstance<py::str>(v) || py::hasattr(v, "__fspath__")) {
         Result<DropList> loaded = LoadDropList(PathArg(fn, key, v));
         if (!loaded.ok()) throw py::value_error(loaded.status().ToString());
         c.drop_list = std::make_unique<DropList>(std::move(loaded.value()));
         return;
       }
       if (!py::isinstance<py::iterable>(v)) TypeErrorArg(fn, key, "a path or an iterable of (id, position) pairs", v);
       c.drop_list = std::make_unique<DropList>();
       for (py::handle item : v) {
         py::tuple pair = py::reinterpret_borrow<py::object>(item).cast<py::tuple>();
         if (pair.size() != 2) throw py::value_error("drop_list: each entry is an (id, position) pair");
         long long position = IntArg(fn, "drop_list position", pair[1]);
         if (position < 0) throw py::value_error("drop_list: a position counts from 0");
         c.drop_list->entries.insert(fmt::format("{}\t{}", StrArg(fn, "drop_list id", pair[0]), position));
       }
     }},
    {"max_heading_words", kSegment,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       long long n = IntArg(fn, key, v);
       if (n < 1 || n > 1000000) {
         throw py::value_error(fmt::format("max_heading_words must be from 1 to 1000000, not {}", n));
       }
       c.options.segment.max_heading_words = static_cast<std::size_t>(n);
     }},
    {"format", kEmit,
     [](Config& c, const char* fn, const char* key, py::handle v) {
       std::string s = StrArg(fn, key, v);
       if (s == "json") {
         c.options.emit.format = OutputFormat::kJson;
       } else if (s == "markdown") {
         c.options.emit.format = OutputFormat::kMarkdown;
       } else if (s == "text") {
         c.options.emit.format = OutputFormat::kText;
       } else if (s == "diff") {
         c.options.emit.format = OutputFormat::kDiff;
       } else {
         throw py::value_error(fmt::format("format must be json, markdown, text or diff, not '{}'", s));
       }
     }},
    {"signals", kEmit,
     [](Config& c, const char* fn, const char* key, py::handle v) { c.options.emit.signals = BoolArg(fn, key, v); }},
};

// Reads `kwargs` into a Config for function `fn`, which takes `takes`.
void ParseOptions(const char* fn, unsigned takes, const py::kwargs& kwargs, Config* c) {
  c->source = "-";
  for (auto [k, v] : kwargs) {
    std::string key = k.cast<std::string>();
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& o : kOptions) {
      if (key == o.name && (o.takes & takes) != 0) spec = &o;
    }
    if (spec == nullptr) throw py::type_error(fmt::format("{}() got an unexpected keyword argument '{}'", fn, key));
    spec->set(*c, fn, spec->name, v);
  }
  // User rules and a site profile, loaded once for the call, as the CLI does.
  if (!c->rule_files.empty() || !c->profile.empty()) {
    Result<RuleSet> loaded = LoadRules(c->rule_files);
    if (loaded.ok() && !c->profile.empty()) {
      Result<SiteProfile> profile = LoadProfile(c->profile);
      loaded = profile.ok() ? loaded->Merge(profile->ToRules(), c->profile) : Result<RuleSet>(profile.status());
    }
    if (!loaded.ok()) throw py::value_error(loaded.status().ToString());
    c->rules = std::make_unique<RuleSet>(std::move(loaded.value()));
    c->options.strip.rules = c->rules.get();
  }
  if (c->stream) {
    c->index = std::make_unique<SeenIndex>(/*audit=*/c->options.dedup.explain);
    c->options.dedup.scope = DedupScope::kStream;
    c->state.dedup.index = c->index.get();
  }
  c->options.dedup.drop_list = c->drop_list.get();
}

// An open memory stream over `bytes`, closed when it goes.
struct MemoryFile {
  explicit MemoryFile(std::string_view bytes)
      : file(bytes.empty() ? nullptr : ::fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb")) {}
  ~MemoryFile() {
    if (file != nullptr) std::fclose(file);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::FILE* file;
};

py::object JsonLoads(const std::string& text) {
  static py::handle loads = py::object(py::module_::import("json").attr("loads")).release();
  return loads(py::str(text));
}

std::string JsonDumps(py::handle record) {
  static py::handle dumps = py::object(py::module_::import("json").attr("dumps")).release();
  return dumps(record, py::arg("ensure_ascii") = false, py::arg("separators") = py::make_tuple(",", ":"))
      .cast<std::string>();
}

void Warn(const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) {
    if (PyErr_WarnEx(PyExc_UserWarning, w.c_str(), 2) != 0) throw py::error_already_set();
  }
}

// One call's stages and output, over any number of documents.
class Runner {
 public:
  Runner(const char* fn, unsigned takes, std::vector<std::string_view> stage_names, bool emit,
         const py::kwargs& kwargs)
      : fn_(fn), emit_(emit) {
    ParseOptions(fn, takes, kwargs, &config_);
    for (std::string_view name : stage_names) stages_.push_back(FindStage(name));
    decoder_.SetTextKey(config_.input.text_key);
    strips_ = (takes & kStrip) != 0;
  }

  const Config& config() const { return config_; }
  bool strips() const { return strips_; }

  // Reads a raw page as the CLI reads a file: decoded, normalised, refused
  // when it is HTML or binary. False for a page of no bytes (no document).
  // Without the GIL.
  bool ReadPage(std::string_view bytes, Document* doc, std::vector<std::string>* warnings, Status* error) {
    if (bytes.empty()) return false;
    InputOptions input = config_.input;
    input.format = InputFormat::kText;
    io::InputReader reader(input);
    MemoryFile memory(bytes);
    if (memory.file == nullptr) {
      *error = Status::IoError(fmt::format("cannot read the page: {}", std::strerror(errno)));
      return false;
    }
    if (Status s = reader.Attach(memory.file, config_.source); !s.ok()) {
      *error = s;
      return false;
    }
    io::InputReader::Next next = reader.Read(doc);
    if (!next.warning.ok()) warnings->push_back(next.warning.ToString());
    if (next.status == io::InputReader::kError) *error = next.error;
    return next.status == io::InputReader::kDocument;
  }

  // Decodes a record as the CLI decodes line `number` of a JSON Lines input.
  Status ReadRecord(std::string_view json, std::uint64_t number, Document* doc) {
    const std::string source = config_.source == "-" ? "<stdin>" : config_.source;
    if (json.size() > config_.input.max_document_bytes) {
      return Status::InvalidInput(
                 fmt::format("record is larger than {} bytes (--max-doc-bytes)", config_.input.max_document_bytes))
          .At(source, number);
    }
    if (Status s = decoder_.Decode(json, doc); !s.ok()) return std::move(s.At(source, number));
    if (doc->id.empty()) doc->id = fmt::format("{}:{}", io::IdFromPath(config_.source == "-" ? "stdin" : config_.source), number);
    if (doc->source.empty()) doc->source = source;
    return Status::Ok();
  }

  // Runs the stages and writes the output of one document. Without the GIL.
  // A document a stage could not do its work on (Document::problem) is an
  // error, and *out is left empty, as the command skips it.
  Status Process(Document* doc, const FurnitureSet* furniture, const DropList* drop, std::string* out) {
    PipelineOptions options = config_.options;
    options.strip.site_furniture = furniture;
    if (drop != nullptr) options.dedup.drop_list = drop;
    *doc = ApplyStages(std::move(*doc), stages_, options, config_.state);
    out->clear();
    if (Status s = doc->problem(); !s.ok()) return s;
    if (emit_) {
      EmitDocument(*doc, options.emit, out);
    } else {
      WriteStreamRecord(*doc, out);
    }
    return Status::Ok();
  }

  py::object ToPython(const std::string& out) const {
    if (!emit_ || config_.options.emit.format == OutputFormat::kJson) return JsonLoads(out);
    return py::str(out);
  }

  // One document in, its output out: a str or bytes is a page, a dict a record.
  py::object One(py::handle input) {
    Document doc;
    std::string out;
    std::vector<std::string> warnings;
    Status error;
    bool got = false;
    if (py::isinstance<py::str>(input) || py::isinstance<py::bytes>(input)) {
      std::string bytes = py::isinstance<py::str>(input) ? input.cast<std::string>() : input.cast<std::string>();
      py::gil_scoped_release release;
      got = ReadPage(bytes, &doc, &warnings, &error);
      if (got) error = Process(&doc, nullptr, nullptr, &out);
    } else if (py::isinstance<py::dict>(input)) {
      std::string json = JsonDumps(input);
      py::gil_scoped_release release;
      error = ReadRecord(json, 1, &doc);
      got = error.ok();
      if (got) error = Process(&doc, nullptr, nullptr, &out);
    } else {
      throw py::type_error(fmt::format("{}() takes a page (str or bytes) or a record (dict), not {}", fn_,
                                       Py_TYPE(input.ptr())->tp_name));
    }
    Warn(warnings);
    if (!error.ok()) throw py::value_error(error.ToString());
    if (!got) return py::none();
    return ToPython(out);
  }

  // The next output for records[...]: number counts records from 1.
  std::optional<py::object> Record(py::handle record, std::uint64_t number, const SiteEvidence* evidence) {
    if (!py::isinstance<py::dict>(record)) {
      throw py::type_error(fmt::format("{}() reads records (dict), not {}", fn_, Py_TYPE(record.ptr())->tp_name));
    }
    std::string json = JsonDumps(record);
    Document doc;
    std::string out;
    Status error;
    {
      py::gil_scoped_release release;
      error = ReadRecord(json, number, &doc);
      if (error.ok()) error = Process(&doc, evidence != nullptr ? evidence->FurnitureOf(doc) : nullptr, nullptr, &out);
    }
    if (!error.ok()) throw py::value_error(error.ToString());
    return ToPython(out);
  }

  // For the first pass over a sequence of records: the record's document,
  // or false when it cannot be read (the second pass reports it).
  bool Peek(py::handle record, std::uint64_t number, Document* doc) {
    if (!py::isinstance<py::dict>(record)) return false;
    std::string json = JsonDumps(record);
    py::gil_scoped_release release;
    return ReadRecord(json, number, doc).ok();
  }

 private:
  const char* fn_;
  bool emit_;
  bool strips_ = false;
  Config config_;
  std::vector<const Stage*> stages_;
  StreamDecoder decoder_;
};

// The iterator *_records returns. A record that cannot be read raises
// ValueError naming it; next() then goes on with the following record.
class RecordIterator {
 public:
  RecordIterator(std::unique_ptr<Runner> runner, py::handle records) : runner_(std::move(runner)) {
    // A list or tuple can be read twice, as a file can: a first pass then
    // finds each site's furniture, as the CLI does for files. An iterator
    // is read once, as standard input is.
    const bool sequence = py::isinstance<py::list>(records) || py::isinstance<py::tuple>(records);
    if (sequence && runner_->strips() && runner_->config().site_from != SiteFrom::kNone) {
      evidence_ = std::make_unique<SiteEvidence>(SiteEvidenceOptions{.from = runner_->config().site_from});
      std::uint64_t number = 0;
      Document doc;
      for (py::handle record : records) {
        if (runner_->Peek(record, ++number, &doc)) evidence_->Observe(doc);
      }
      evidence_->Finish();
    }
    iterator_ = py::iter(records);
  }

  py::object Next() {
    py::object record = py::reinterpret_steal<py::object>(PyIter_Next(iterator_.ptr()));
    if (!record) {
      if (PyErr_Occurred()) throw py::error_already_set();
      throw py::stop_iteration();
    }
    return *runner_->Record(record, ++number_, evidence_.get());
  }

 private:
  std::unique_ptr<Runner> runner_;
  std::unique_ptr<SiteEvidence> evidence_;
  py::iterator iterator_;
  std::uint64_t number_ = 0;
};

struct Command {
  const char* name;
  const char* records_name;
  unsigned takes;
  std::vector<std::string_view> stages;
  bool emit;
  const char* doc;
};

const Command kCommands[] = {
    {"clean", "clean_records", kStrip | kDedup | kSegment | kEmit | kInput | kOne, {"strip", "dedup", "segment"}, true,
     "strip, dedup, segment and emit: what `pagewash clean` writes for the page or record (a dict for JSON, "
     "a str for the other formats)"},
    {"strip", "strip_records", kStrip | kInput | kOne, {"strip"}, false,
     "remove boilerplate: the stream record `pagewash strip` writes, as a dict"},
    {"dedup", "dedup_records", kDedup | kInput | kOne, {"dedup"}, false,
     "drop repeated paragraphs: the stream record `pagewash dedup` writes, as a dict"},
    {"segment", "segment_records", kSegment | kInput | kOne, {"segment"}, false,
     "recover headings, paragraphs and lists: the stream record `pagewash segment` writes, as a dict"},
    {"emit", "emit_records", kEmit | kInput | kOne, {}, true,
     "the final form `pagewash emit` writes (a dict for JSON, a str for the other formats)"},
};

// --- Drivers: whole files or byte ranges, fingerprints, drop lists. ---

// A fingerprint as a shard lists it: 16 bytes, native order.
struct ShardFingerprint {
  std::uint64_t fingerprint;
  std::uint32_t document;  // The document's number in its shard, from 0.
  std::uint32_t position;
};
static_assert(sizeof(ShardFingerprint) == 16);

// A unit to drop: 8 bytes.
struct DropEntry {
  std::uint32_t document;
  std::uint32_t position;
};
static_assert(sizeof(DropEntry) == 8);

std::string_view BytesView(py::handle b) {
  if (!py::isinstance<py::bytes>(b)) throw py::type_error("expected bytes");
  char* data = nullptr;
  Py_ssize_t size = 0;
  PyBytes_AsStringAndSize(b.ptr(), &data, &size);
  return std::string_view(data, static_cast<std::size_t>(size));
}

// Opens the input for run_file: the whole file, or [start, end) of it read
// into `range` (a byte range of JSON Lines, which starts a line).
Status OpenInput(io::InputReader* reader, const std::string& path, std::uint64_t start, std::int64_t end,
                 std::uint64_t lines_before, std::string* range, std::unique_ptr<MemoryFile>* memory) {
  if (start == 0 && end < 0) return reader->Open(path);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(fmt::format("cannot open: {}", std::strerror(errno))).At(path, 0);
  std::size_t size = end < 0 ? 0 : static_cast<std::size_t>(end) - start;
  if (end >= 0 && static_cast<std::uint64_t>(end) < start) size = 0;
  range->resize(size);
  bool ok = ::fseeko(f, static_cast<off_t>(start), SEEK_SET) == 0 && std::fread(range->data(), 1, size, f) == size;
  std::fclose(f);
  if (!ok) return Status::IoError(fmt::format("cannot read bytes {} to {}", start, end)).At(path, 0);
  if (range->empty()) return Status::Ok();
  *memory = std::make_unique<MemoryFile>(*range);
  return reader->Attach((*memory)->file, path, lines_before);
}

InputFormat ParseFormat(const std::string& s) {
  if (s == "auto") return InputFormat::kAuto;
  if (s == "text") return InputFormat::kText;
  if (s == "jsonl") return InputFormat::kJsonl;
  throw py::value_error(fmt::format("input_format must be auto, text or jsonl, not '{}'", s));
}

py::dict RunFile(const std::string& path, py::tuple stage_names, const std::string& output, py::object out_path,
                 std::uint64_t start, std::int64_t end, std::uint64_t lines_before, const std::string& input_format,
                 std::uint32_t partitions, py::object drop, py::object furniture, py::kwargs kwargs) {
  std::vector<std::string_view> stages;
  std::vector<std::string> names;
  for (py::handle s : stage_names) names.push_back(StrArg("run_file", "stages", s));
  unsigned takes = kInput;
  for (const std::string& n : names) {
    const Stage* stage = FindStage(n);
    if (stage == nullptr) throw py::value_error(fmt::format("run_file: no stage '{}'", n));
    stages.push_back(stage->name);
    takes |= n == "strip" ? kStrip : n == "dedup" ? kDedup : kSegment;
  }
  if (output != "emit" && output != "stream" && output != "none") {
    throw py::value_error(fmt::format("output must be emit, stream or none, not '{}'", output));
  }
  if (output == "emit") takes |= kEmit;
  if (partitions > 0) takes |= kDedup;  // The fingerprint listing is dedup's: min_words.
  Runner runner("run_file", takes, stages, output == "emit", kwargs);
  InputOptions input = runner.config().input;
  input.format = ParseFormat(input_format);
  if (start != 0 || end >= 0) input.format = InputFormat::kJsonl;  // Only JSON Lines is cut into ranges.

  // Drop entries by document number.
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> drops;
  if (!drop.is_none()) {
    std::vector<py::object> parts;
    if (py::isinstance<py::bytes>(drop)) {
      parts.push_back(drop);
    } else {
      for (py::handle p : drop) parts.push_back(py::reinterpret_borrow<py::object>(p));
    }
    for (const py::object& p : parts) {
      std::string_view b = BytesView(p);
      if (b.size() % sizeof(DropEntry) != 0) throw py::value_error("drop: not a list of 8-byte entries");
      for (std::size_t at = 0; at < b.size(); at += sizeof(DropEntry)) {
        DropEntry e;
        std::memcpy(&e, b.data() + at, sizeof e);
        drops[e.document].push_back(e.position);
      }
    }
  }
  // The furniture of each site, found by a first pass over every input.
  std::unordered_map<std::string, FurnitureSet> sites;
  if (!furniture.is_none()) {
    for (auto [site, lines] : furniture.cast<py::dict>()) {
      FurnitureSet& set = sites[site.cast<std::string>()];
      for (py::handle fp : lines) set.insert(fp.cast<std::uint64_t>());
    }
  }
  std::string out_name = out_path.is_none() ? std::string() : PathArg("run_file", "out", out_path);

  // Errors and warnings in the order met, as the CLI reports them.
  std::vector<std::pair<bool, std::string>> messages;  // (is an error, text)
  auto error = [&](std::string text) { messages.emplace_back(true, std::move(text)); };
  std::vector<std::string> fingerprints(partitions);
  std::string collected;  // The output, when no out path is given.
  std::uint64_t documents = 0, bytes_in = 0, bytes_out = 0;
  {
    py::gil_scoped_release release;
    std::FILE* out = nullptr;
    if (!out_name.empty()) {
      out = std::fopen(out_name.c_str(), "wb");
      if (out == nullptr) error(fmt::format("{}: cannot write: {}", out_name, std::strerror(errno)));
    }
    io::InputReader reader(input);
    std::string range;
    std::unique_ptr<MemoryFile> memory;
    Status opened = out_name.empty() || out != nullptr
                        ? OpenInput(&reader, path, start, end, lines_before, &range, &memory)
                        : Status::IoError("no output");
    if (!opened.ok()) {
      if (out_name.empty() || out != nullptr) error(opened.ToString());
    } else if (!range.empty() || (start == 0 && end < 0)) {
      Document doc;
      std::string buffer;
      DropList list;
      for (std::uint32_t number = 0;;) {
        io::InputReader::Next next = reader.Read(&doc);
        if (!next.warning.ok()) messages.emplace_back(false, next.warning.ToString());
        if (next.status == io::InputReader::kEnd) break;
        if (next.status == io::InputReader::kError) {
          error(next.error.ToString());
          continue;
        }
        bytes_in += doc.stats.input_bytes;
        const FurnitureSet* f = nullptr;
        if (!sites.empty()) {
          auto it = sites.find(SiteOf(doc, runner.config().site_from));
          if (it != sites.end()) f = &it->second;
        }
        const DropList* d = nullptr;
        if (auto it = drops.find(number); it != drops.end()) {
          list.entries.clear();
          for (std::uint32_t p : it->second) list.entries.insert(fmt::format("{}\t{}", doc.id, p));
          d = &list;
        }
        Status processed = runner.Process(&doc, f, d, &buffer);
        // A skipped document's paragraphs still count, as in the command's
        // stream index: dedup ran on it.
        if (partitions > 0) {
          for (const UnitFingerprint& u : UnitFingerprints(doc, runner.config().options.dedup.min_words)) {
            ShardFingerprint s{u.fingerprint, number, u.position};
            fingerprints[u.fingerprint % partitions].append(reinterpret_cast<const char*>(&s), sizeof s);
          }
        }
        ++number;
        ++documents;
        if (!processed.ok()) {
          error(processed.At(path, 0).ToString());
          continue;
        }
        if (output == "none") continue;
        bytes_out += buffer.size();
        if (out != nullptr) {
          if (std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size()) {
            error(fmt::format("{}: cannot write: {}", out_name, std::strerror(errno)));
            break;
          }
        } else {
          collected += buffer;
        }
      }
    }
    if (out != nullptr && std::fclose(out) != 0) {
      error(fmt::format("{}: cannot write: {}", out_name, std::strerror(errno)));
    }
  }
  py::dict result;
  result["documents"] = documents;
  result["bytes_in"] = bytes_in;
  result["bytes_out"] = bytes_out;
  py::list listed;
  std::size_t errors = 0;
  for (const auto& [is_error, text] : messages) {
    listed.append(py::make_tuple(is_error ? "error" : "warning", text));
    errors += is_error;
  }
  result["messages"] = listed;
  result["errors"] = errors;
  if (partitions > 0) {
    py::list parts;
    for (const std::string& p : fingerprints) parts.append(py::bytes(p));
    result["fingerprints"] = parts;
  }
  if (out_name.empty() && output != "none") result["output"] = py::bytes(collected);
  return result;
}

// The reduce of the shuffle: parts[i] holds shard i's fingerprints of one
// partition, in input order. Every fingerprint that came before, in an
// earlier shard or earlier in the same one, is a unit to drop: the first
// in input order stays, as with --scope stream. Returns one drop list a
// shard.
py::list GroupFingerprints(py::list parts) {
  std::vector<std::string_view> views;
  for (py::handle p : parts) {
    views.push_back(BytesView(p));
    if (views.back().size() % sizeof(ShardFingerprint) != 0) {
      throw py::value_error("group_fingerprints: not a list of 16-byte entries");
    }
  }
  std::vector<std::string> drops(views.size());
  {
    py::gil_scoped_release release;
    std::size_t total = 0;
    for (std::string_view v : views) total += v.size() / sizeof(ShardFingerprint);
    std::unordered_set<std::uint64_t> seen;
    seen.reserve(total);
    for (std::size_t shard = 0; shard < views.size(); ++shard) {
      for (std::size_t at = 0; at < views[shard].size(); at += sizeof(ShardFingerprint)) {
        ShardFingerprint f;
        std::memcpy(&f, views[shard].data() + at, sizeof f);
        if (seen.insert(f.fingerprint).second) continue;
        DropEntry e{f.document, f.position};
        drops[shard].append(reinterpret_cast<const char*>(&e), sizeof e);
      }
    }
  }
  py::list out;
  for (const std::string& d : drops) out.append(py::bytes(d));
  return out;
}

// The first pass of site evidence over one input, to be summed over all:
// {site: (pages, {line fingerprint: pages})}.
py::dict ObserveSites(const std::string& path, std::uint64_t start, std::int64_t end, std::uint64_t lines_before,
                      const std::string& input_format, py::kwargs kwargs) {
  Runner runner("observe_sites", kInput | kStrip, {}, false, kwargs);
  InputOptions input = runner.config().input;
  input.format = ParseFormat(input_format);
  if (start != 0 || end >= 0) input.format = InputFormat::kJsonl;
  struct Site {
    std::uint32_t pages = 0;
    std::unordered_map<std::uint64_t, std::uint32_t> lines;
  };
  std::unordered_map<std::string, Site> sites;
  {
    py::gil_scoped_release release;
    io::InputReader reader(input);
    std::string range;
    std::unique_ptr<MemoryFile> memory;
    if (OpenInput(&reader, path, start, end, lines_before, &range, &memory).ok() &&
        (!range.empty() || (start == 0 && end < 0))) {
      Document doc;
      std::unordered_set<std::uint64_t> on_page;
      while (true) {
        io::InputReader::Next next = reader.Read(&doc);
        if (next.status == io::InputReader::kEnd) break;
        if (next.status != io::InputReader::kDocument) continue;
        // As SiteEvidence::Observe counts them: each line once a page.
        std::string key = SiteOf(doc, runner.config().site_from);
        if (key.empty()) continue;
        Site& site = sites[key];
        ++site.pages;
        on_page.clear();
        for (const Block& block : doc.blocks) {
          std::string_view text = doc.Text(block);
          if (text.size() > SiteEvidence::kMaxLineBytes) continue;
          std::uint64_t fp = LineFingerprint(text);
          if (fp != 0 && on_page.insert(fp).second) ++site.lines[fp];
        }
      }
    }
  }
  py::dict out;
  for (const auto& [key, site] : sites) {
    py::dict lines;
    for (const auto& [fp, pages] : site.lines) lines[py::int_(fp)] = pages;
    out[py::str(key)] = py::make_tuple(site.pages, lines);
  }
  return out;
}

// How a file is read: "jsonl" (plain JSON Lines, which may be cut into
// byte ranges at line ends), or "other" (a raw page, WARC, compressed: read
// whole). Decided from its first non-blank line, as the input reader does.
std::string InputKind(const std::string& path, const std::string& input_format, const std::string& text_key) {
  InputFormat format = ParseFormat(input_format);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return "other";  // run_file reports it.
  char* line = nullptr;
  std::size_t capacity = 0;
  std::string kind = "other";
  unsigned char head[6] = {};
  std::size_t got = std::fread(head, 1, sizeof head, f);
  const bool compressed = (got >= 2 && head[0] == 0x1f && head[1] == 0x8b) ||
                          (got >= 4 && std::memcmp(head, "\x28\xb5\x2f\xfd", 4) == 0) ||
                          (got >= 3 && std::memcmp(head, "BZh", 3) == 0) ||
                          (got >= 6 && std::memcmp(head, "\xfd" "7zXZ\0", 6) == 0);
  std::rewind(f);
  if (!compressed && format != InputFormat::kText) {
    StreamDecoder decoder;
    decoder.SetTextKey(text_key);
    const std::string quoted = "\"" + text_key + "\"";
    ssize_t n;
    bool first = true;
    while ((n = ::getline(&line, &capacity, f)) > 0) {
      std::string_view l(line, static_cast<std::size_t>(n));
      if (first && l.starts_with("\xEF\xBB\xBF")) l.remove_prefix(3);
      first = false;
      if (l.find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
      if (l.starts_with("WARC/1.")) break;
      while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.remove_suffix(1);
      l.remove_prefix(l.find_first_not_of(" \t"));
      bool jsonl = format == InputFormat::kJsonl ||
                   (l.front() == '{' && (decoder.LooksLikeRecord(l) || l.find(quoted) != std::string_view::npos ||
                                         l.find("\"text\":") != std::string_view::npos));
      if (jsonl) kind = "jsonl";
      break;
    }
  }
  std::free(line);
  std::fclose(f);
  return kind;
}

// The text of each block of a stream record (a dict, as strip, dedup and
// segment return it). Since schema 1.2 a block gives only its "length" in
// bytes of the record's "text"; this reads the record as the next stage
// would, so it takes 1.1 records (blocks with "text") too and refuses what
// that stage refuses.
py::list BlockTexts(py::handle record) {
  if (!py::isinstance<py::dict>(record)) {
    throw py::type_error(
        fmt::format("block_texts() reads a record (dict), not {}", Py_TYPE(record.ptr())->tp_name));
  }
  if (!py::reinterpret_borrow<py::dict>(record).contains("blocks")) {
    throw py::value_error("block_texts() reads a stream record: this one has no \"blocks\"");
  }
  std::string json = JsonDumps(record);
  Document doc;
  Status s;
  {
    py::gil_scoped_release release;
    StreamDecoder decoder;
    s = decoder.Decode(json, &doc);
    if (s.ok()) s = doc.problem();
  }
  if (!s.ok()) throw py::value_error(s.ToString());
  py::list out;
  for (const Block& b : doc.blocks) {
    std::string_view text = doc.Text(b);
    out.append(py::str(text.data(), text.size()));
  }
  return out;
}

// The inputs a run reads, as the CLI expands its arguments: a list of
// (path, None) and (None, error message), in order.
py::list ExpandInputs(const std::vector<std::string>& args, bool recursive,
                      const std::string& glob) {
  std::vector<io::InputEntry> entries;
  {
    py::gil_scoped_release release;
    entries = io::ExpandInputs(args, io::WalkOptions{recursive, glob});
  }
  py::list out;
  for (const io::InputEntry& e : entries) {
    if (e.error.ok()) {
      out.append(py::make_tuple(e.path, py::none()));
    } else {
      out.append(py::make_tuple(py::none(), e.error.ToString()));
    }
  }
  return out;
}

}  // namespace
}  // namespace pagewash::python

PYBIND11_MODULE(pagewash, m) {
  using namespace pagewash::python;
  namespace pw = pagewash;
  m.doc() =
      "pagewash: scraped web pages to clean JSON, in-process.\n\n"
      "clean(text, **options) returns what `pagewash clean` writes for one page; clean_records(records, "
      "**options) iterates over records (dicts: id, text, url, ...) as `pagewash clean` reads JSON Lines. "
      "strip, dedup, segment and emit (and their *_records) run one stage. Options are the CLI's long "
      "names with '_' for '-' (favor='precision', scope='stream', format='markdown', explain=True, "
      "rules=[path], profile=path, ...).";
  m.attr("__version__") = PAGEWASH_VERSION;
  m.attr("SCHEMA_VERSION") = pw::kSchemaVersion;  // Of the stream records strip, dedup and segment return.
  m.attr("OUTPUT_SCHEMA_VERSION") = pw::kOutputSchemaVersion;  // Of what clean and emit return.
  m.attr("MAX_DOC_BYTES_LIMIT") = pw::kMaxDocumentBytesLimit;
  m.attr("SITE_MIN_PAGES") = pw::SiteEvidenceOptions{}.min_pages;
  m.attr("SITE_MIN_SHARE") = pw::SiteEvidenceOptions{}.min_share;

  py::class_<RecordIterator>(m, "RecordIterator")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &RecordIterator::Next);

  for (const Command& c : kCommands) {
    const Command* command = &c;
    m.def(
        c.name,
        [command](py::object input, py::kwargs kwargs) {
          Runner runner(command->name, command->takes, command->stages, command->emit, kwargs);
          return runner.One(input);
        },
        py::arg("input"), fmt::format("{}(input, **options): {}", c.name, c.doc).c_str());
    m.def(
        c.records_name,
        [command](py::object records, py::kwargs kwargs) {
          auto runner = std::make_unique<Runner>(command->records_name, command->takes & ~kOne, command->stages,
                                                 command->emit, kwargs);
          return RecordIterator(std::move(runner), records);
        },
        py::arg("records"),
        fmt::format("{}(records, **options): an iterator over the outputs of {}() for each record (a dict). "
                    "With scope='stream' the records are one run: a paragraph seen in an earlier record is "
                    "dropped. A list or tuple is read twice, as the CLI reads files: the first pass finds each "
                    "site's furniture (site_from).",
                    c.records_name, c.name)
            .c_str());
  }

  m.def("run_file", &RunFile, py::arg("path"), py::kw_only(),
        py::arg("stages") = py::make_tuple("strip", "dedup", "segment"), py::arg("output") = "emit",
        py::arg("out") = py::none(), py::arg("start") = 0, py::arg("end") = -1, py::arg("lines_before") = 0,
        py::arg("input_format") = "auto", py::arg("partitions") = 0, py::arg("drop") = py::none(),
        py::arg("furniture") = py::none(),
        "run_file(path, *, stages, output='emit'|'stream'|'none', out=None, start=0, end=-1, lines_before=0, "
        "input_format='auto', partitions=0, drop=None, furniture=None, **options) -> dict\n\n"
        "Reads a file as the CLI reads one input, or the byte range [start, end) of a JSON Lines file that "
        "starts a line after `lines_before` lines, runs `stages` on each document and writes the output to "
        "`out` (else returns it as 'output'). With partitions=P, also returns 'fingerprints': P bytes objects "
        "of 16-byte entries (fingerprint, document number, unit position; native order), split by "
        "fingerprint % P. `drop` (bytes, or a list of them) lists 8-byte (document number, unit position) "
        "entries that dedup drops; `furniture` maps a site to its furniture lines' fingerprints. Returns "
        "documents, bytes_in, bytes_out, errors (a count) and messages: ('error' | 'warning', text) in the order "
        "met, worded as the CLI words them.");
  m.def("block_texts", &BlockTexts, py::arg("record"),
        "block_texts(record) -> list of str: the text of each block of a stream record (what strip, dedup "
        "and segment return). A block gives its text's length in UTF-8 bytes, not the text: the text is "
        "the record's 'text', the blocks' texts joined by '\\n' or '\\n\\n'. Records whose blocks carry "
        "'text' (schema 1.1) are read too; a record the next stage would refuse is a ValueError.");
  m.def("group_fingerprints", &GroupFingerprints, py::arg("parts"),
        "group_fingerprints(parts) -> list of bytes: parts[i] is shard i's fingerprints of one partition "
        "(from run_file); returns each shard's drop entries: every unit whose fingerprint came earlier in "
        "input order.");
  m.def("observe_sites", &ObserveSites, py::arg("path"), py::kw_only(), py::arg("start") = 0, py::arg("end") = -1,
        py::arg("lines_before") = 0, py::arg("input_format") = "auto",
        "observe_sites(path, ...) -> {site: (pages, {line fingerprint: pages})}: the first pass of site "
        "evidence over one input or byte range. Summed over every input, a line on at least SITE_MIN_PAGES "
        "pages and SITE_MIN_SHARE of its site's pages is furniture.");
  m.def("expand_inputs", &ExpandInputs, py::arg("args"), py::kw_only(), py::arg("recursive") = false,
        py::arg("glob") = "",
        "expand_inputs(args, *, recursive=False, glob='') -> [(path, None) | (None, error)]: the inputs "
        "the CLI reads for these arguments, in its order (a directory, with recursive, is the regular "
        "files under it in byte order of their paths).");
  m.def("input_kind", &InputKind, py::arg("path"), py::kw_only(), py::arg("input_format") = "auto",
        py::arg("text_key") = "text",
        "input_kind(path) -> 'jsonl' for plain JSON Lines (which may be cut at line ends), else 'other'.");
}
