// A small JSON Schema validator for pagewash's tests.
//
// Supports the subset of JSON Schema (draft 2020-12 semantics) that the
// project's schemas use:
//
//   type (a name or an array of names: object, array, string, integer,
//   number, boolean, null), properties, required, additionalProperties
//   (boolean or schema), items (a single schema), minItems, enum, const,
//   minimum, maximum, minLength, $ref ("#", "#/$defs/NAME" or
//   "#/definitions/NAME", resolved against the root schema), $defs,
//   definitions, anyOf, oneOf, allOf, and boolean schemas (true / false).
//
// The annotation keywords $schema, $id, $comment, title, description,
// examples and default are accepted and ignored. Any other keyword makes
// JsonSchema::Parse fail, so a schema can never silently rely on a keyword
// this validator does not implement.

#ifndef PAGEWASH_TESTS_SUPPORT_JSON_SCHEMA_H_
#define PAGEWASH_TESTS_SUPPORT_JSON_SCHEMA_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pagewash::testing {

/// A parsed, immutable JSON Schema. Copies are cheap and share the parsed
/// tree; a JsonSchema may be used from several threads at once.
class JsonSchema {
 public:
  /// Maximum nesting depth of a schema (at Parse) and of an instance value
  /// that validation descends into (at Validate). Deeper input is reported as
  /// an error instead of being recursed into.
  static constexpr int kMaxDepth = 256;

  /// Creates an empty schema. Validate() on it reports that no schema was
  /// loaded, so a failed or forgotten Parse() can never make a test pass.
  JsonSchema();

  /// Parses a schema from JSON text. Returns false and sets *error on
  /// malformed JSON or an unsupported keyword. On failure *out is left
  /// unchanged. `error` may be null.
  static bool Parse(std::string_view schema_json, JsonSchema* out,
                    std::string* error);

  /// Validates one JSON document (text). Returns the list of violations,
  /// empty when valid; each names the JSON pointer of the offending value and
  /// the rule, e.g. "/sections/0/level: expected integer, got string". The
  /// document root is written as "(root)". Malformed instance JSON is
  /// reported as a single violation.
  std::vector<std::string> Validate(std::string_view instance_json) const;

 private:
  /// The parsed schema tree; defined in json_schema.cc.
  struct Tree;

  std::shared_ptr<const Tree> tree_;
};

}  // namespace pagewash::testing

#endif  // PAGEWASH_TESTS_SUPPORT_JSON_SCHEMA_H_
