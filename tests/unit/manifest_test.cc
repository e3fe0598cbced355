#include "pagewash/manifest.h"

#include <gtest/gtest.h>

#include <string>

namespace pagewash {
namespace {

Manifest TwoDocuments() {
  Manifest m;
  for (std::string id : {"about", "hours"}) {
    DocumentHashes d;
    d.id = id;
    d.hash = id == "about" ? 0x0123456789abcdefu : 0xfedcba9876543210u;
    d.sections.push_back(SectionHashes{0x1111, "Opening hours", {0x2222, 0x3333}});
    m.Put(std::move(d));
  }
  return m;
}

TEST(ManifestTest, RoundTripsWithItsChecksum) {
  std::string file = TwoDocuments().Serialize();
  EXPECT_EQ(file.rfind("{\"pagewash_manifest\":2}\n", 0), 0u) << file;
  // The last line: the prefix, 16 digits, "\"}" and a newline.
  EXPECT_EQ(file.substr(file.rfind("{\"checksum\":\"")).size(), 32u) << file;
  Result<Manifest> back = Manifest::Parse(file, "m");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Serialize(), file);
  ASSERT_NE(back->Find("hours"), nullptr);
  EXPECT_EQ(back->Find("hours")->hash, 0xfedcba9876543210u);
}

// A manifest cut at a line boundary, with a hash digit flipped or an id
// changed would be taken as true and rewritten; each is refused, and the
// message says how to start over.
TEST(ManifestTest, DamagedOrForeignManifestsAreRefused) {
  std::string file = TwoDocuments().Serialize();
  std::string cut = file.substr(0, file.find("{\"id\":\"hours\""));
  std::string flipped = file;
  flipped[flipped.find("0123456789abcdef")] = '1';
  std::string renamed = file;
  renamed.replace(renamed.find("\"about\""), 7, "\"abort\"");
  const std::string start_over =
      "delete it to start over: every document is then reported as added";
  struct Case {
    std::string text, message;
  };
  const Case cases[] = {
      {cut, "m: the manifest has no checksum line: it is damaged (it is left as it is; " +
                start_over + ")"},
      {flipped,
       "m: checksum mismatch: the manifest is damaged (it is left as it is; " + start_over + ")"},
      {renamed,
       "m: checksum mismatch: the manifest is damaged (it is left as it is; " + start_over + ")"},
      {"{\"pagewash_manifest\":3}\n",
       "m:1: manifest version \"{\"pagewash_manifest\":3}\" is not supported (this "
       "pagewash reads \"{\"pagewash_manifest\":2}\"; " +
           start_over + ")"},
      {"hello\n", "m:1: not a pagewash manifest (it is left as it is)"},
      {"", "m:1: not a pagewash manifest (it is left as it is)"},
  };
  for (const Case& c : cases) {
    Result<Manifest> r = Manifest::Parse(c.text, "m");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().ToString(), c.message);
  }
}

// Version 1 had no checksum; it is read, and written back as version 2.
TEST(ManifestTest, ReadsVersionOne) {
  std::string v2 = TwoDocuments().Serialize();
  std::string v1 = v2.substr(0, v2.rfind("{\"checksum\""));
  v1.replace(0, v1.find('\n'), "{\"pagewash_manifest\":1}");
  Result<Manifest> back = Manifest::Parse(v1, "m");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Serialize(), v2);
}

}  // namespace
}  // namespace pagewash
