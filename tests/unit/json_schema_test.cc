#include "tests/support/json_schema.h"

#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace pagewash::testing {
namespace {

// Succeeds when `text` contains `part`.
::testing::AssertionResult Contains(std::string_view text,
                                    std::string_view part) {
  if (text.find(part) != std::string_view::npos) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "\"" << text << "\" does not contain \"" << part << "\"";
}

// ---------------------------------------------------------------------------
// Valid / invalid instances.
// ---------------------------------------------------------------------------

struct Case {
  std::string_view schema;
  std::string_view instance;
  bool valid;
};

std::string Describe(const Case& c) {
  return "schema: " + std::string(c.schema) +
         "\ninstance: " + std::string(c.instance);
}

constexpr std::string_view kSectionsSchema = R"({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://example.com/pagewash.schema.json",
  "title": "doc", "description": "a document", "$comment": "test",
  "examples": [{}], "default": {},
  "type": "object",
  "required": ["sections"],
  "additionalProperties": false,
  "properties": {
    "sections": {
      "type": "array",
      "items": {"$ref": "#/$defs/section"}
    }
  },
  "$defs": {
    "section": {
      "type": "object",
      "required": ["level", "blocks"],
      "additionalProperties": false,
      "properties": {
        "level": {"type": "integer", "minimum": 1, "maximum": 6},
        "blocks": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["kind"],
            "properties": {
              "kind": {"enum": ["p", "pre"]},
              "text": {"type": "string"}
            }
          }
        }
      }
    }
  }
})";

const Case kCases[] = {
    // type
    {R"({"type": "string"})", R"("x")", true},
    {R"({"type": "string"})", R"(1)", false},
    {R"({"type": "integer"})", R"(3)", true},
    {R"({"type": "integer"})", R"(-3)", true},
    {R"({"type": "integer"})", R"(18446744073709551615)", true},
    {R"({"type": "integer"})", R"(2.0)", true},
    {R"({"type": "integer"})", R"(1e2)", true},
    {R"({"type": "integer"})", R"(2.5)", false},
    {R"({"type": "integer"})", R"("3")", false},
    {R"({"type": "number"})", R"(2.5)", true},
    {R"({"type": "number"})", R"(7)", true},
    {R"({"type": "number"})", R"(true)", false},
    {R"({"type": "boolean"})", R"(false)", true},
    {R"({"type": "boolean"})", R"(0)", false},
    {R"({"type": "null"})", R"(null)", true},
    {R"({"type": "null"})", R"(false)", false},
    {R"({"type": "object"})", R"({})", true},
    {R"({"type": "object"})", R"([])", false},
    {R"({"type": "array"})", R"([])", true},
    {R"({"type": "array"})", R"({})", false},
    {R"({"type": ["string", "null"]})", R"(null)", true},
    {R"({"type": ["string", "null"]})", R"("s")", true},
    {R"({"type": ["string", "null"]})", R"(1)", false},
    // properties (only apply to objects; absent properties are fine)
    {R"({"properties": {"a": {"type": "string"}}})", R"({"a": "x"})", true},
    {R"({"properties": {"a": {"type": "string"}}})", R"({"b": 1})", true},
    {R"({"properties": {"a": {"type": "string"}}})", R"(5)", true},
    {R"({"properties": {"a": {"type": "string"}}})", R"({"a": 1})", false},
    {R"({"properties": {"a": false}})", R"({"a": 1})", false},
    {R"({"properties": {"a": true}})", R"({"a": 1})", true},
    // required
    {R"({"required": ["a", "b"]})", R"({"a": 1, "b": null})", true},
    {R"({"required": ["a", "b"]})", R"({"a": 1})", false},
    {R"({"required": ["a"]})", R"([1])", true},
    // additionalProperties
    {R"({"properties": {"a": {}}, "additionalProperties": false})",
     R"({"a": 1})", true},
    {R"({"properties": {"a": {}}, "additionalProperties": false})",
     R"({"a": 1, "extra": 2})", false},
    {R"({"additionalProperties": true})", R"({"x": 1})", true},
    {R"({"properties": {"a": {}}, "additionalProperties": {"type": "integer"}})",
     R"({"a": "s", "b": 2})", true},
    {R"({"properties": {"a": {}}, "additionalProperties": {"type": "integer"}})",
     R"({"a": "s", "b": "t"})", false},
    // items
    {R"({"items": {"type": "integer"}})", R"([1, 2, 3])", true},
    {R"({"items": {"type": "integer"}})", R"([])", true},
    {R"({"items": {"type": "integer"}})", R"([1, "2", 3])", false},
    {R"({"items": false})", R"([])", true},
    {R"({"items": false})", R"([1])", false},
    // minItems
    {R"({"minItems": 2})", R"([1, 2])", true},
    {R"({"minItems": 2})", R"([1])", false},
    {R"({"minItems": 2.0})", R"([1])", false},
    {R"({"minItems": 2})", R"("not an array")", true},
    // enum
    {R"({"enum": ["a", 1, null, [1, {"k": true}]]})", R"("a")", true},
    {R"({"enum": ["a", 1, null, [1, {"k": true}]]})", R"(1.0)", true},
    {R"({"enum": ["a", 1, null, [1, {"k": true}]]})", R"(null)", true},
    {R"({"enum": ["a", 1, null, [1, {"k": true}]]})", R"([1, {"k": true}])",
     true},
    {R"({"enum": ["a", 1, null, [1, {"k": true}]]})", R"("b")", false},
    {R"({"enum": ["a", 1, null, [1, {"k": true}]]})", R"(true)", false},
    {R"({"enum": ["a", 1, null, [1, {"k": true}]]})", R"([1, {"k": false}])",
     false},
    {R"({"enum": ["a", 1, null]})", R"("1")", false},
    // const
    {R"({"const": {"a": 1, "b": [true]}})", R"({"b": [true], "a": 1.0})", true},
    {R"({"const": {"a": 1, "b": [true]}})", R"({"a": 1, "b": [true], "c": 0})",
     false},
    {R"({"const": {"a": 1, "b": [true]}})", R"({"a": 1, "a": 1})", false},
    {R"({"const": "x"})", R"("x")", true},
    {R"({"const": "x"})", R"("y")", false},
    {R"({"const": false})", R"(0)", false},
    // minimum / maximum (inclusive; only apply to numbers)
    {R"({"minimum": 1})", R"(1)", true},
    {R"({"minimum": 1})", R"(0.5)", false},
    {R"({"minimum": 1})", R"(0)", false},
    {R"({"minimum": 1})", R"("0")", true},
    {R"({"minimum": -1.5})", R"(-1)", true},
    {R"({"minimum": -1.5})", R"(-2)", false},
    {R"({"maximum": 6})", R"(6)", true},
    {R"({"maximum": 6})", R"(6.5)", false},
    {R"({"maximum": 6})", R"(7)", false},
    {R"({"maximum": 18446744073709551615})", R"(18446744073709551615)", true},
    {R"({"maximum": 9223372036854775807})", R"(9223372036854775808)", false},
    {R"({"minimum": -9223372036854775808})", R"(-9223372036854775808)", true},
    {R"({"maximum": 9007199254740992.0})", R"(9007199254740993)", false},
    {R"({"maximum": 9007199254740992.0})", R"(9007199254740992)", true},
    // minLength counts code points, not bytes
    {R"({"minLength": 2})", R"("ab")", true},
    {R"({"minLength": 2})", R"("a")", false},
    {R"({"minLength": 2})", R"("é")", false},
    {R"({"minLength": 2})", R"("éé")", true},
    {R"({"minLength": 1})", R"("")", false},
    {R"({"minLength": 5})", R"(12)", true},
    // $ref through $defs and definitions
    {R"({"$defs": {"n": {"type": "integer"}}, "$ref": "#/$defs/n"})", R"(1)",
     true},
    {R"({"$defs": {"n": {"type": "integer"}}, "$ref": "#/$defs/n"})", R"("1")",
     false},
    {R"({"definitions": {"n": {"type": "integer"}},
         "items": {"$ref": "#/definitions/n"}})",
     R"([1, 2])", true},
    {R"({"definitions": {"n": {"type": "integer"}},
         "items": {"$ref": "#/definitions/n"}})",
     R"([1, null])", false},
    {R"({"$defs": {"a/b": {"const": 1}, "c~d": {"const": 2}},
         "properties": {"x": {"$ref": "#/$defs/a~1b"},
                        "y": {"$ref": "#/$defs/c~0d"}}})",
     R"({"x": 1, "y": 2})", true},
    {R"({"$defs": {"a/b": {"const": 1}, "c~d": {"const": 2}},
         "properties": {"x": {"$ref": "#/$defs/a~1b"},
                        "y": {"$ref": "#/$defs/c~0d"}}})",
     R"({"x": 1, "y": 1})", false},
    // $ref siblings still apply (2020-12)
    {R"({"$defs": {"n": {"type": "integer"}}, "$ref": "#/$defs/n",
         "minimum": 5})",
     R"(4)", false},
    // recursive schema through "#"
    {R"({"type": "object", "properties": {"children": {"type": "array",
         "items": {"$ref": "#"}}}, "additionalProperties": false})",
     R"({"children": [{"children": []}, {}]})", true},
    {R"({"type": "object", "properties": {"children": {"type": "array",
         "items": {"$ref": "#"}}}, "additionalProperties": false})",
     R"({"children": [{"children": [{"x": 1}]}]})", false},
    // anyOf
    {R"({"anyOf": [{"type": "string"}, {"minimum": 10}]})", R"("s")", true},
    {R"({"anyOf": [{"type": "string"}, {"minimum": 10}]})", R"(11)", true},
    {R"({"anyOf": [{"type": "string"}, {"minimum": 10}]})", R"(9)", false},
    // oneOf
    {R"({"oneOf": [{"type": "integer"}, {"type": "string"}]})", R"(1)", true},
    {R"({"oneOf": [{"type": "integer"}, {"type": "string"}]})", R"(null)",
     false},
    {R"({"oneOf": [{"type": "integer"}, {"type": "number"}]})", R"(1.5)", true},
    {R"({"oneOf": [{"type": "integer"}, {"type": "number"}]})", R"(1)", false},
    // allOf
    {R"({"allOf": [{"type": "integer"}, {"minimum": 2}]})", R"(3)", true},
    {R"({"allOf": [{"type": "integer"}, {"minimum": 2}]})", R"(1)", false},
    {R"({"allOf": [{"type": "integer"}, {"minimum": 2}]})", R"(2.5)", false},
    // boolean schemas
    {R"(true)", R"({"anything": [1]})", true},
    {R"(false)", R"(null)", false},
    {R"({})", R"([1, "two", null])", true},
    // nested arrays of objects
    {kSectionsSchema,
     R"({"sections": [{"level": 1, "blocks": [{"kind": "p", "text": "hi"}]},
                      {"level": 6, "blocks": []}]})",
     true},
    {kSectionsSchema, R"({"sections": []})", true},
    {kSectionsSchema, R"({})", false},
    {kSectionsSchema, R"({"sections": [{"level": 7, "blocks": []}]})", false},
    {kSectionsSchema,
     R"({"sections": [{"level": 1, "blocks": [{"kind": "ul"}]}]})", false},
    {kSectionsSchema,
     R"({"sections": [{"level": 1, "blocks": [{"text": "no kind"}]}]})", false},
    {kSectionsSchema,
     R"({"sections": [{"level": 1, "blocks": [], "extra": true}]})", false},
    {kSectionsSchema, R"({"sections": [], "version": 2})", false},
};

class JsonSchemaCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(JsonSchemaCaseTest, ValidatesAsExpected) {
  const Case& c = GetParam();
  JsonSchema schema;
  std::string error;
  ASSERT_TRUE(JsonSchema::Parse(c.schema, &schema, &error)) << error << "\n"
                                                            << Describe(c);
  const std::vector<std::string> violations = schema.Validate(c.instance);
  if (c.valid) {
    EXPECT_TRUE(violations.empty())
        << Describe(c) << "\nfirst violation: " << violations.front();
  } else {
    EXPECT_FALSE(violations.empty()) << Describe(c);
  }
}

INSTANTIATE_TEST_SUITE_P(Keywords, JsonSchemaCaseTest,
                         ::testing::ValuesIn(kCases));

// ---------------------------------------------------------------------------
// Exact violation messages.
// ---------------------------------------------------------------------------

struct MessageCase {
  std::string_view schema;
  std::string_view instance;
  std::vector<std::string> violations;
};

class JsonSchemaMessageTest : public ::testing::TestWithParam<MessageCase> {};

TEST_P(JsonSchemaMessageTest, ReportsExactViolations) {
  const MessageCase& c = GetParam();
  JsonSchema schema;
  std::string error;
  ASSERT_TRUE(JsonSchema::Parse(c.schema, &schema, &error)) << error;
  EXPECT_EQ(schema.Validate(c.instance), c.violations)
      << "schema: " << c.schema << "\ninstance: " << c.instance;
}

INSTANTIATE_TEST_SUITE_P(
    Messages, JsonSchemaMessageTest,
    ::testing::Values(
        MessageCase{kSectionsSchema,
                    R"({"sections": [{"level": "1", "blocks": []}]})",
                    {"/sections/0/level: expected integer, got string"}},
        MessageCase{kSectionsSchema,
                    R"({"sections": [{"level": 0, "blocks": [{"kind": "ul"}]}],
                        "extra": 1})",
                    {"/sections/0/level: value 0 is less than minimum 1",
                     "/sections/0/blocks/0/kind: value \"ul\" is not one of "
                     "the enum values [\"p\",\"pre\"]",
                     "/extra: property is not allowed (additionalProperties "
                     "is false)"}},
        MessageCase{
            kSectionsSchema, R"([])", {"(root): expected object, got array"}},
        MessageCase{R"({"required": ["name", "id"]})",
                    R"({"id": 1})",
                    {"(root): missing required property \"name\""}},
        MessageCase{R"({"type": ["string", "integer", "null"]})",
                    R"(1.5)",
                    {"(root): expected string, integer or null, got number"}},
        MessageCase{R"({"maximum": 2.5})",
                    R"(3)",
                    {"(root): value 3 is greater than maximum 2.5"}},
        MessageCase{R"({"minItems": 2})",
                    R"([1])",
                    {"(root): array has 1 items, fewer than minItems 2"}},
        MessageCase{
            R"({"minLength": 3})",
            R"("ab")",
            {"(root): string has 2 characters, fewer than minLength 3"}},
        MessageCase{R"({"const": {"a": [1, "x"]}})",
                    R"({"a": 1})",
                    {"(root): value {\"a\":1} does not equal const "
                     "{\"a\":[1,\"x\"]}"}},
        MessageCase{
            R"({"properties": {"a/b": {"properties": {"c~d": false}}}})",
            R"({"a/b": {"c~d": 1}})",
            {"/a~1b/c~0d: value is not allowed (schema is false)"}},
        MessageCase{R"({"anyOf": [{"type": "string"}, {"minimum": 10}]})",
                    R"(9)",
                    {"(root): value does not match any schema in anyOf "
                     "(0: (root): expected string, got integer | "
                     "1: (root): value 9 is less than minimum 10)"}},
        MessageCase{R"({"oneOf": [{"type": "integer"}, {"minimum": 0}]})",
                    R"(5)",
                    {"(root): value matches 2 schemas in oneOf (0, 1), "
                     "expected exactly one"}},
        // The same violation reached through two allOf branches is reported
        // once.
        MessageCase{R"({"allOf": [{"type": "string"}, {"type": "string"}]})",
                    R"(1)",
                    {"(root): expected string, got integer"}}));

// ---------------------------------------------------------------------------
// Malformed input.
// ---------------------------------------------------------------------------

TEST(JsonSchemaTest, MalformedInstanceIsAViolation) {
  JsonSchema schema;
  std::string error;
  ASSERT_TRUE(JsonSchema::Parse(R"({"type": "object"})", &schema, &error));
  for (std::string_view instance :
       {R"({"a": )", R"({"a" 1})", "", "[1, 2", "nul", R"({} {})"}) {
    const std::vector<std::string> violations = schema.Validate(instance);
    ASSERT_EQ(violations.size(), 1u) << instance;
    EXPECT_TRUE(Contains(violations[0], "(root): malformed JSON: "))
        << instance;
  }
}

TEST(JsonSchemaTest, DefaultConstructedSchemaRejectsEverything) {
  const JsonSchema schema;
  const std::vector<std::string> violations = schema.Validate("{}");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_TRUE(Contains(violations[0], "no schema loaded"));
}

struct ParseErrorCase {
  std::string_view schema;
  std::string_view error;  // Expected substring of the Parse error.
};

class JsonSchemaParseErrorTest
    : public ::testing::TestWithParam<ParseErrorCase> {};

TEST_P(JsonSchemaParseErrorTest, ParseFails) {
  const ParseErrorCase& c = GetParam();
  JsonSchema schema;
  ASSERT_TRUE(JsonSchema::Parse(R"({"type": "string"})", &schema, nullptr));
  std::string error;
  EXPECT_FALSE(JsonSchema::Parse(c.schema, &schema, &error)) << c.schema;
  EXPECT_TRUE(Contains(error, c.error)) << c.schema;
  // A failed Parse leaves the output untouched.
  EXPECT_TRUE(schema.Validate(R"("still a string schema")").empty());
  EXPECT_FALSE(schema.Validate("1").empty());
}

INSTANTIATE_TEST_SUITE_P(
    Rejected, JsonSchemaParseErrorTest,
    ::testing::Values(
        ParseErrorCase{R"({"type": "string")", "malformed schema JSON: "},
        ParseErrorCase{"", "malformed schema JSON: "},
        ParseErrorCase{R"({"pattern": "^a"})",
                       "#: unsupported keyword \"pattern\""},
        ParseErrorCase{R"({"properties": {"a": {"maxLength": 3}}})",
                       "#/properties/a: unsupported keyword \"maxLength\""},
        ParseErrorCase{R"({"$defs": {"x": {"prefixItems": []}}})",
                       "#/$defs/x: unsupported keyword \"prefixItems\""},
        ParseErrorCase{R"({"items": [{"type": "string"}]})",
                       "#/items: the array form of items is not supported"},
        ParseErrorCase{R"(42)", "#: a schema must be an object or a boolean"},
        ParseErrorCase{R"({"type": "text"})", "#/type: unknown type \"text\""},
        ParseErrorCase{R"({"type": ["string", "string"]})",
                       "#/type: duplicate type \"string\""},
        ParseErrorCase{R"({"type": []})", "#/type: must not be an empty array"},
        ParseErrorCase{R"({"type": "string", "type": "null"})",
                       "#: duplicate keyword \"type\""},
        ParseErrorCase{R"({"required": "a"})", "#/required: must be an array"},
        ParseErrorCase{R"({"required": ["a", "a"]})",
                       "#/required: duplicate name \"a\""},
        ParseErrorCase{R"({"minItems": -1})",
                       "#/minItems: must be a non-negative integer"},
        ParseErrorCase{R"({"minLength": 1.5})",
                       "#/minLength: must be a non-negative integer"},
        ParseErrorCase{R"({"minimum": "1"})", "#/minimum: must be a number"},
        ParseErrorCase{R"({"enum": []})", "#/enum: must not be empty"},
        ParseErrorCase{R"({"anyOf": []})",
                       "#/anyOf: must be a non-empty array of schemas"},
        ParseErrorCase{R"({"allOf": [{"type": "string"}, 3]})",
                       "#/allOf/1: a schema must be an object or a boolean"},
        ParseErrorCase{R"({"$ref": "#/$defs/missing"})",
                       "#/$ref: $ref \"#/$defs/missing\" does not resolve"},
        ParseErrorCase{R"({"$ref": "other.json#/$defs/x"})",
                       "#/$ref: unsupported $ref \"other.json#/$defs/x\""},
        ParseErrorCase{R"({"$defs": {"a": {"$defs": {"b": {}}}},
                           "$ref": "#/$defs/a/$defs/b"})",
                       "unsupported $ref"},
        ParseErrorCase{R"({"$ref": "#"})", "refers to itself"},
        ParseErrorCase{R"({"$defs": {"a": {"anyOf": [{"$ref": "#/$defs/b"}]},
                                     "b": {"allOf": [{"$ref": "#/$defs/a"}]}},
                           "$ref": "#/$defs/a"})",
                       "refers to itself"},
        ParseErrorCase{R"({"properties": {"a": {"$id": "x"}}})",
                       "#/properties/a/$id: $id is only supported at the root"},
        ParseErrorCase{R"({"title": 3})", "#/title: must be a string"},
        ParseErrorCase{R"({"const": {"a": 1, "a": 2}})",
                       "#/const: duplicate key \"a\""}));

TEST(JsonSchemaTest, NullErrorPointerIsAccepted) {
  JsonSchema schema;
  EXPECT_FALSE(JsonSchema::Parse("{", &schema, nullptr));
  EXPECT_FALSE(JsonSchema::Parse(R"({"type": "string"})", nullptr, nullptr));
}

// ---------------------------------------------------------------------------
// Depth limits.
// ---------------------------------------------------------------------------

std::string NestedArrays(int depth) {
  return std::string(static_cast<size_t>(depth), '[') +
         std::string(static_cast<size_t>(depth), ']');
}

TEST(JsonSchemaTest, DeepInstanceReportsDepthLimitInsteadOfCrashing) {
  JsonSchema schema;
  std::string error;
  ASSERT_TRUE(JsonSchema::Parse(R"({"type": "array", "items": {"$ref": "#"}})",
                                &schema, &error))
      << error;
  EXPECT_TRUE(schema.Validate(NestedArrays(JsonSchema::kMaxDepth)).empty());

  const std::vector<std::string> violations =
      schema.Validate(NestedArrays(300));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_TRUE(
      Contains(violations[0], ": nesting depth exceeds the limit of 256"));
  EXPECT_EQ(violations[0].rfind("/0/0/0/", 0), 0u) << violations[0];

  // Deeper than simdjson accepts: reported as malformed, still no crash.
  const std::vector<std::string> too_deep = schema.Validate(NestedArrays(5000));
  ASSERT_EQ(too_deep.size(), 1u);
  EXPECT_TRUE(Contains(too_deep[0], "(root): malformed JSON: "));
}

TEST(JsonSchemaTest, ValidationOnlyDescendsAsFarAsTheSchema) {
  JsonSchema schema;
  ASSERT_TRUE(JsonSchema::Parse(R"({"type": "array"})", &schema, nullptr));
  EXPECT_TRUE(schema.Validate(NestedArrays(600)).empty());
}

TEST(JsonSchemaTest, DeepSchemaIsRejected) {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += R"({"items": )";
  deep += "{}";
  deep += std::string(300, '}');
  JsonSchema schema;
  std::string error;
  EXPECT_FALSE(JsonSchema::Parse(deep, &schema, &error));
  EXPECT_TRUE(Contains(error, "schema nesting depth exceeds the limit of 256"));
}

TEST(JsonSchemaTest, CopiesShareTheParsedSchema) {
  JsonSchema original;
  ASSERT_TRUE(JsonSchema::Parse(R"({"type": "integer"})", &original, nullptr));
  const JsonSchema copy = original;
  EXPECT_TRUE(copy.Validate("1").empty());
  EXPECT_EQ(copy.Validate("true"),
            std::vector<std::string>{"(root): expected integer, got boolean"});
}

}  // namespace
}  // namespace pagewash::testing
