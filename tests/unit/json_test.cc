#include "pagewash/json.h"

#include <gtest/gtest.h>

#include "tests/support/testdata.h"

namespace pagewash {
namespace {

TEST(JsonTest, EscapesStrings) {
  struct Case {
    std::string_view in, want;
  };
  const Case cases[] = {
      {"plain", "\"plain\""},
      {"q\"b\\", "\"q\\\"b\\\\\""},
      {"\n\t\r\b\f", "\"\\n\\t\\r\\b\\f\""},
      {std::string_view("\x00\x1f\x7f", 3), "\"\\u0000\\u001f\\u007f\""},
      {"\xC2\x85", "\"\\u0085\""},                 // C1 control
      {"\xC2\xA0\xC3\xA9", "\"\xC2\xA0\xC3\xA9\""},  // NBSP and é stay
      {"\xE2\x80\xA8\xE2\x80\xA9", "\"\\u2028\\u2029\""},
      {"\xE2\x80\x93", "\"\xE2\x80\x93\""},  // en dash stays
  };
  for (const Case& c : cases) {
    std::string out;
    AppendJsonString(c.in, &out);
    EXPECT_EQ(out, c.want);
  }
}

// The escaper skips runs of plain bytes sixteen at a time: every byte that
// needs an escape, alone or beside another, at every place in and across
// those runs, is escaped as a byte-at-a-time escaper written here does.
TEST(JsonTest, EscapesEachSpecialByteWhereverItStands) {
  auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto b = static_cast<unsigned char>(s[i]);
      auto hex = [&](unsigned code) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xF];
      };
      if (b == '"' || b == '\\') {
        out += '\\';
        out += static_cast<char>(b);
      } else if (b == '\n') {
        out += "\\n";
      } else if (b == '\t') {
        out += "\\t";
      } else if (b == '\r') {
        out += "\\r";
      } else if (b == '\b') {
        out += "\\b";
      } else if (b == '\f') {
        out += "\\f";
      } else if (b < 0x20 || b == 0x7F) {
        hex(b);
      } else if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
        hex(static_cast<unsigned char>(s[++i]));
      } else if (b == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
        hex(s[i + 2] == '\xA8' ? 0x2028 : 0x2029);
        i += 2;
      } else {
        out += static_cast<char>(b);
      }
    }
    return out + "\"";
  };
  const std::string_view specials[] = {"\"", "\\", "\n", "\x01", "\x1F", "\x7F", "\xC2\x85", "\xC2\xA0",
                                       "\xE2\x80\xA8", "\xE2\x80\x93", "\xE2\x80", "\xC2", " ", "~"};
  int checked = 0;
  auto check = [&](const std::string& in) {
    std::string out;
    AppendJsonString(in, &out);
    ASSERT_EQ(out, reference(in)) << "in: " << ::testing::PrintToString(in);
    ++checked;
  };
  // One special in runs of plain bytes, at every place.
  for (std::size_t length = 0; length <= 40; ++length) {
    for (std::size_t at = 0; at <= length; ++at) {
      for (std::string_view special : specials) {
        std::string in(length, 'a');
        in.insert(at, special);
        check(in);
      }
    }
  }
  // Two, at every pair of places in 34 plain bytes (three runs of sixteen),
  // side by side included: the scan must stop at the first of them.
  for (std::size_t first = 0; first <= 34; ++first) {
    for (std::size_t second = first; second <= 34; ++second) {
      for (std::string_view a : specials) {
        for (std::string_view b : specials) {
          std::string in(34, 'a');
          in.insert(second, b);
          in.insert(first, a);
          check(in);
        }
      }
    }
  }
  EXPECT_EQ(checked, 861 * 14 + 630 * 14 * 14);
}

TEST(JsonTest, WriterIndents) {
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  w.Uint(1);
  w.Bool(false);
  w.EndArray();
  w.Key("b");
  w.BeginObject();
  w.EndObject();
  w.Key("c");
  w.Null();
  w.EndObject();
  EXPECT_EQ(out, "{\n  \"a\": [\n    1,\n    false\n  ],\n  \"b\": {},\n  \"c\": null\n}");
}

TEST(JsonTest, StreamRecordRoundTrips) {
  Document doc = testing::FromText("Title\n\n  • item one\nsecond line\n");
  doc.SetMetadata("author", "Ann \"A\" Lee");
  doc.SetMetadata("tags", "[1,2]", /*raw_json=*/true);
  doc.extra.push_back(ExtraField{"added", "\"2024-01-01\""});
  Removal r;
  r.stage = "dedup";
  r.rule = "exact-duplicate";
  r.text = doc.AddText("gone");
  r.duplicate_of_id = "t";
  r.duplicate_of_line = 3;
  doc.removed.push_back(r);
  doc.stages = {"strip"};
  std::string first;
  WriteStreamRecord(doc, &first);
  StreamDecoder decoder;
  Document back;
  Status s = decoder.Decode(std::string_view(first).substr(0, first.size() - 1), &back);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::string second;
  WriteStreamRecord(back, &second);
  EXPECT_EQ(first, second);
  EXPECT_EQ(back.GetMetadata("author"), "Ann \"A\" Lee");
  EXPECT_EQ(back.blocks[1].indent, 2);
}

TEST(JsonTest, PlainDolmaRecordIsReadAsPage) {
  StreamDecoder decoder;
  Document doc;
  Status s = decoder.Decode(
      R"({"id":"x1","text":"First para.\n\nSecond\u00a0para.","source":"web","added":"2024"})", &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(doc.id, "x1");
  EXPECT_EQ(doc.source, "web");
  EXPECT_EQ(testing::DebugString(doc), "line First para.\n| line Second para.\n");
  ASSERT_EQ(doc.extra.size(), 1u);
  EXPECT_EQ(doc.extra[0].raw_json, "\"2024\"");
}

TEST(JsonTest, DecodeErrorsSayWhatIsWrong) {
  struct Case {
    std::string_view line, message;
  };
  const Case cases[] = {
      {R"([1,2])", "a record must be a JSON object"},
      {R"({"id":"a"})", "field \"text\" is missing"},
      {R"({"text":5})", "field \"text\" must be a string"},
      {R"({"text":"a","schema_version":"2.0"})",
       "schema_version 2.0 is not supported (this pagewash reads 1.x)"},
      {R"({"text":"a","schema_version":"one"})",
       "field \"schema_version\" must look like \"1.2\", got \"one\""},
      {R"({"text":"a","blocks":[{"type":"table","text":"x"}]})", "unknown block type \"table\""},
      {R"({"text":"a","blocks":[{"text":"x"}]})", "field \"blocks[].type\" is missing"},
      {R"({"text":"a","blocks":[{"type":"line","text":"x\ny"}]})",
       "field \"blocks[].text\" must be one line"},
      {R"({"text":"a","blocks":[{"type":"heading","text":"x","level":9}]})",
       "field \"blocks[].level\" must be from 1 to 6"},
      {R"({"text":"a","blocks":[{"type":"line","text":"x","span":[5,2]}]})",
       "field \"blocks[].span\" must be an array [begin, end] with begin <= end"},
      {R"({"text":"a","blocks":[{"type":"line","text":""}]})", "field \"blocks[].text\" must not be empty"},
      {R"({"text":"","x":t})", "field \"x\" is not valid JSON: Problem while parsing an atom starting with the letter 't'"},
      // A \u escape of half a surrogate pair is no character.
      {R"({"text":"x\ud800y"})", "field \"text\" has an invalid \\u escape: lone surrogate"},
      {R"({"text":"x\udc00\ud800"})", "field \"text\" has an invalid \\u escape: lone surrogate"},
      {R"({"id":"\udfff","text":"a"})", "field \"id\" has an invalid \\u escape: lone surrogate"},
      // Whatever follows the object, simdjson would name what it met first.
      {R"({"text":"a"} xyz)", "unexpected text after the record"},
      {R"({"text":"a"} 5)", "unexpected text after the record"},
      {R"({"text":"a"}})", "unexpected text after the record"},
      {R"({"text":"} {"} {})", "unexpected text after the record"},
      // Integers are range-checked, never wrapped or cut.
      {R"({"text":"a","blocks":[{"type":"line","text":"x","line":4294967296}]})",
       "field \"blocks[].line\" is out of range (at most 4294967295)"},
      {R"({"text":"a","blocks":[{"type":"line","text":"x","indent":65536}]})",
       "field \"blocks[].indent\" is out of range (at most 65535)"},
      {R"({"text":"a","removed":[{"stage":"dedup","line":4294967296}]})",
       "field \"removed[].line\" is out of range (at most 4294967295)"},
      {R"({"text":"a","removed":[{"duplicate_of":{"id":"b","line":4294967296}}]})",
       "field \"removed[].duplicate_of.line\" is out of range (at most 4294967295)"},
      // A key given twice: which value was meant cannot be known.
      {R"({"text":"a","blocks":[],"blocks":[]})", "duplicate key \"blocks\""},
      {R"({"id":"a","text":"a","id":"b"})", "duplicate key \"id\""},
      {R"({"text":"a","blocks":[{"type":"line","text":"x","text":"y"}]})", "duplicate key \"text\""},
      {R"({"text":"a","metadata":{"author":"x","author":"y"}})", "duplicate key \"author\""},
      {R"({"text":"a","added":1,"added":2})", "duplicate key \"added\""},
      // Each kind of field says what it must be.
      {R"({"text":"a","stats":{"input_bytes":-1}})", "field \"stats.input_bytes\" must be a non-negative integer"},
      {R"({"text":"a","blocks":[{"type":"line","text":"x","gap":1}]})", "field \"blocks[].gap\" must be true or false"},
      {R"({"text":"a","blocks":[{"type":"line","text":"x","span":5}]})",
       "field \"blocks[].span\" must be an array [begin, end]"},
      {R"({"text":"a","blocks":[{"type":"line","text":"x","span":[1,"2"]}]})",
       "field \"blocks[].span\" must be an array [begin, end] of two integers"},
      {R"({"text":"a","blocks":[5]})", "field \"blocks\" must hold objects"},
      {R"({"text":"a","removed":[5]})", "field \"removed\" must hold objects"},
      {R"({"text":"a","removed":[{"duplicate_of":5}]})", "field \"removed[].duplicate_of\" must be an object"},
      {R"({"text":"a","stats":5})", "field \"stats\" must be an object"},
      {R"({"text":"a","metadata":5})", "field \"metadata\" must be an object"},
  };
  StreamDecoder decoder;
  for (const Case& c : cases) {
    Document doc;
    Status s = decoder.Decode(c.line, &doc);
    EXPECT_EQ(s.message(), c.message) << c.line;
  }
  for (std::string_view bad : {R"({"text": "a",)", "{\"text\":\"\xFF\"}"}) {
    Document doc;
    Status s = decoder.Decode(bad, &doc);
    EXPECT_EQ(s.message().rfind("invalid JSON: ", 0), 0u) << bad << ": " << s.message();
  }
}

TEST(JsonTest, TextKeyNamesTheFieldThatHoldsTheText) {
  StreamDecoder decoder;
  decoder.SetTextKey("content");
  Document doc;
  ASSERT_TRUE(decoder.Decode(R"({"id":"a","content":"Opening hours","text":"stale"})", &doc).ok());
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.Text(doc.blocks[0]), "Opening hours");
  EXPECT_TRUE(doc.extra.empty()) << "neither field is passed through: the output's text replaces both";
  EXPECT_EQ(decoder.Decode(R"({"id":"b","text":"Only text."})", &doc).message(), "field \"content\" is missing");
  // The stream between stages: blocks are the text, whatever the key.
  ASSERT_TRUE(decoder.Decode(R"({"id":"c","text":"x","blocks":[{"type":"line","text":"x"}]})", &doc).ok());
  EXPECT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(decoder.Decode(R"({"id":"d","blocks":[{"type":"line","text":"x"}]})", &doc).message(),
            "field \"content\" is missing");
  EXPECT_TRUE(decoder.LooksLikeRecord(R"({"id":"a","content":"x"})"));
  EXPECT_TRUE(decoder.LooksLikeRecord(R"({"id":"a","text":"x"})"));
  EXPECT_FALSE(decoder.LooksLikeRecord(R"({"id":"a","body":"x"})"));
}

TEST(JsonTest, StatusRendersLocation) {
  Status s = Status::InvalidInput("bad").At("in.jsonl", 3);
  EXPECT_EQ(s.ToString(), "in.jsonl:3: bad");
  EXPECT_EQ(Status::InvalidInput("bad").At("f", 0).ToString(), "f: bad");
  EXPECT_EQ(Status::InvalidInput("bad").At("f", 2, 7).ToString(), "f:2:7: bad");
}

TEST(JsonTest, LooksLikeRecord) {
  StreamDecoder decoder;
  EXPECT_TRUE(decoder.LooksLikeRecord(R"({"id":"a","text":"x"})"));
  EXPECT_FALSE(decoder.LooksLikeRecord(R"({"register":{"columns":[]}})"));
  EXPECT_FALSE(decoder.LooksLikeRecord(R"({"text":5})"));
  EXPECT_FALSE(decoder.LooksLikeRecord("Plain page text"));
}

}  // namespace
}  // namespace pagewash
