#include "tests/support/json_schema.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "simdjson.h"

namespace pagewash::testing {
namespace {

namespace dom = simdjson::dom;

// Limit on nested schema evaluations (in-place applicators such as $ref and
// allOf add frames without descending into the instance). In-place $ref
// cycles are rejected by Parse, so this is only a backstop against
// pathological schemas.
constexpr int kMaxEvalFrames = 4096;

// simdjson saturates dom::array::size() / dom::object::size() at this value.
constexpr size_t kSimdjsonSizeSaturation = 0xFFFFFF;

// ---------------------------------------------------------------------------
// Numbers: exact comparison between int64, uint64 and double values.
// ---------------------------------------------------------------------------

struct Number {
  bool is_integer = true;  // int64/uint64 in the JSON text vs a double.
  bool negative = false;   // Integers only; never set for zero.
  uint64_t magnitude = 0;  // Integers only.
  double real = 0.0;       // Doubles only.
};

Number FromInt64(int64_t v) {
  Number n;
  n.negative = v < 0;
  n.magnitude =
      v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  return n;
}

Number FromUint64(uint64_t v) {
  Number n;
  n.magnitude = v;
  return n;
}

Number FromDouble(double v) {
  Number n;
  n.is_integer = false;
  n.real = v;
  return n;
}

// Accessors for elements whose type has been checked. They return by value:
// value_unsafe() on a temporary simdjson_result returns a reference into the
// temporary, which would dangle in a range-based for loop.
dom::object ObjectOf(dom::element e) { return e.get_object().value_unsafe(); }
dom::array ArrayOf(dom::element e) { return e.get_array().value_unsafe(); }

std::optional<Number> NumberOf(dom::element e) {
  switch (e.type()) {
    case dom::element_type::INT64:
      return FromInt64(e.get_int64().value_unsafe());
    case dom::element_type::UINT64:
      return FromUint64(e.get_uint64().value_unsafe());
    case dom::element_type::DOUBLE:
      return FromDouble(e.get_double().value_unsafe());
    default:
      return std::nullopt;
  }
}

// Compares a non-negative integer with a double: -1, 0 or 1.
int CompareMagnitudeToDouble(uint64_t magnitude, double d) {
  constexpr double kTwoPow64 = 18446744073709551616.0;
  if (d < 0) return 1;
  if (d >= kTwoPow64) return -1;
  const double floor_d = std::floor(d);
  const uint64_t truncated = static_cast<uint64_t>(floor_d);
  if (magnitude < truncated) return -1;
  if (magnitude > truncated) return 1;
  return floor_d == d ? 0 : -1;
}

int CompareIntegerToDouble(const Number& integer, double d) {
  if (!integer.negative) return CompareMagnitudeToDouble(integer.magnitude, d);
  return -CompareMagnitudeToDouble(integer.magnitude, -d);
}

int Compare(const Number& a, const Number& b) {
  if (a.is_integer && b.is_integer) {
    if (a.negative != b.negative) return a.negative ? -1 : 1;
    const int m = a.magnitude < b.magnitude   ? -1
                  : a.magnitude > b.magnitude ? 1
                                              : 0;
    return a.negative ? -m : m;
  }
  if (a.is_integer) return CompareIntegerToDouble(a, b.real);
  if (b.is_integer) return -CompareIntegerToDouble(b, a.real);
  return a.real < b.real ? -1 : a.real > b.real ? 1 : 0;
}

bool IsWhole(const Number& n) {
  return n.is_integer ||
         (std::isfinite(n.real) && std::floor(n.real) == n.real);
}

std::string ToString(const Number& n) {
  if (n.is_integer) {
    return (n.negative ? "-" : "") + std::to_string(n.magnitude);
  }
  char buffer[64];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof(buffer), n.real);
  if (result.ec != std::errc()) return std::to_string(n.real);
  return std::string(buffer, result.ptr);
}

// Reads a non-negative whole number (e.g. 3 or 3.0) as uint64.
std::optional<uint64_t> NonNegativeIntegerOf(dom::element e) {
  const std::optional<Number> n = NumberOf(e);
  if (!n || !IsWhole(*n)) return std::nullopt;
  if (n->is_integer) {
    if (n->negative) return std::nullopt;
    return n->magnitude;
  }
  if (n->real < 0 || n->real >= 18446744073709551616.0) return std::nullopt;
  return static_cast<uint64_t>(n->real);
}

// ---------------------------------------------------------------------------
// Text helpers.
// ---------------------------------------------------------------------------

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (const char c : s) {
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof(buffer), "\\u%04x",
                        static_cast<unsigned>(static_cast<unsigned char>(c)));
          *out += buffer;
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

std::string Quote(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

// Appends "/" and `token` escaped as a JSON pointer reference token.
void AppendPointerToken(std::string_view token, std::string* pointer) {
  pointer->push_back('/');
  for (const char c : token) {
    if (c == '~') {
      *pointer += "~0";
    } else if (c == '/') {
      *pointer += "~1";
    } else {
      pointer->push_back(c);
    }
  }
}

std::string ChildLocation(const std::string& location, std::string_view token) {
  std::string child = location;
  AppendPointerToken(token, &child);
  return child;
}

// Number of Unicode code points in valid UTF-8 (simdjson validates UTF-8).
uint64_t CodePointCount(std::string_view s) {
  uint64_t count = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// Compact JSON for an instance value, shortened for use in a message.
std::string Excerpt(dom::element e) {
  constexpr size_t kMaxExcerpt = 64;
  std::string text = simdjson::minify(e);
  if (text.size() > kMaxExcerpt) {
    text.resize(kMaxExcerpt);
    text += "...";
  }
  return text;
}

size_t ArraySize(dom::array a) {
  const size_t size = a.size();
  if (size < kSimdjsonSizeSaturation) return size;
  size_t count = 0;
  for (dom::element child : a) {
    static_cast<void>(child);
    ++count;
  }
  return count;
}

size_t ObjectSize(dom::object o) {
  const size_t size = o.size();
  if (size < kSimdjsonSizeSaturation) return size;
  size_t count = 0;
  for (dom::key_value_pair field : o) {
    static_cast<void>(field);
    ++count;
  }
  return count;
}

// ---------------------------------------------------------------------------
// Owned JSON values (for const and enum).
// ---------------------------------------------------------------------------

struct Member;

struct Value {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  Number number;
  std::string string;
  std::vector<Value> array;
  std::vector<Member> object;  // Sorted by key, keys unique.
};

struct Member {
  std::string key;
  Value value;
};

const Value* FindMember(const Value& object, std::string_view key) {
  const auto it =
      std::lower_bound(object.object.begin(), object.object.end(), key,
                       [](const Member& member, std::string_view k) {
                         return std::string_view(member.key) < k;
                       });
  if (it == object.object.end() || it->key != key) return nullptr;
  return &it->value;
}

void AppendJson(const Value& v, std::string* out) {
  switch (v.kind) {
    case Value::Kind::kNull:
      *out += "null";
      return;
    case Value::Kind::kBool:
      *out += v.boolean ? "true" : "false";
      return;
    case Value::Kind::kNumber:
      *out += ToString(v.number);
      return;
    case Value::Kind::kString:
      AppendJsonString(v.string, out);
      return;
    case Value::Kind::kArray: {
      out->push_back('[');
      bool first = true;
      for (const Value& item : v.array) {
        if (!first) out->push_back(',');
        first = false;
        AppendJson(item, out);
      }
      out->push_back(']');
      return;
    }
    case Value::Kind::kObject: {
      out->push_back('{');
      bool first = true;
      for (const auto& [key, member] : v.object) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonString(key, out);
        out->push_back(':');
        AppendJson(member, out);
      }
      out->push_back('}');
      return;
    }
  }
}

std::string ToJson(const Value& v) {
  std::string out;
  AppendJson(v, &out);
  return out;
}

// JSON equality: numbers compare by value (1 == 1.0), objects ignore order.
bool Equals(const Value& v, dom::element e) {
  switch (v.kind) {
    case Value::Kind::kNull:
      return e.is_null();
    case Value::Kind::kBool:
      return e.type() == dom::element_type::BOOL &&
             e.get_bool().value_unsafe() == v.boolean;
    case Value::Kind::kNumber: {
      const std::optional<Number> n = NumberOf(e);
      return n.has_value() && Compare(*n, v.number) == 0;
    }
    case Value::Kind::kString:
      return e.type() == dom::element_type::STRING &&
             e.get_string().value_unsafe() == v.string;
    case Value::Kind::kArray: {
      if (e.type() != dom::element_type::ARRAY) return false;
      const dom::array array = ArrayOf(e);
      if (ArraySize(array) != v.array.size()) return false;
      size_t i = 0;
      for (dom::element item : array) {
        if (!Equals(v.array[i], item)) return false;
        ++i;
      }
      return true;
    }
    case Value::Kind::kObject: {
      if (e.type() != dom::element_type::OBJECT) return false;
      const dom::object object = ObjectOf(e);
      if (ObjectSize(object) != v.object.size()) return false;
      // Every instance key must be known (this also catches duplicate keys
      // in the instance) and every expected member must be equal.
      for (dom::key_value_pair field : object) {
        if (FindMember(v, field.key) == nullptr) return false;
      }
      for (const auto& [key, member] : v.object) {
        dom::element found;
        if (object.at_key(key).get(found) != simdjson::SUCCESS) return false;
        if (!Equals(member, found)) return false;
      }
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Schema tree.
// ---------------------------------------------------------------------------

enum TypeBit : unsigned {
  kTypeObject = 1u << 0,
  kTypeArray = 1u << 1,
  kTypeString = 1u << 2,
  kTypeInteger = 1u << 3,
  kTypeNumber = 1u << 4,
  kTypeBoolean = 1u << 5,
  kTypeNull = 1u << 6,
};

std::optional<unsigned> TypeBitOf(std::string_view name) {
  if (name == "object") return kTypeObject;
  if (name == "array") return kTypeArray;
  if (name == "string") return kTypeString;
  if (name == "integer") return kTypeInteger;
  if (name == "number") return kTypeNumber;
  if (name == "boolean") return kTypeBoolean;
  if (name == "null") return kTypeNull;
  return std::nullopt;
}

// The JSON Schema type name of an instance value. Numbers with no fractional
// part (including doubles such as 2.0) are "integer".
std::string_view TypeNameOf(dom::element e) {
  switch (e.type()) {
    case dom::element_type::OBJECT:
      return "object";
    case dom::element_type::ARRAY:
      return "array";
    case dom::element_type::STRING:
      return "string";
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
      return "integer";
    case dom::element_type::DOUBLE:
      return IsWhole(FromDouble(e.get_double().value_unsafe())) ? "integer"
                                                                : "number";
    case dom::element_type::BOOL:
      return "boolean";
    case dom::element_type::NULL_VALUE:
      return "null";
  }
  return "unknown";
}

bool MatchesTypes(unsigned types, dom::element e) {
  switch (e.type()) {
    case dom::element_type::OBJECT:
      return (types & kTypeObject) != 0;
    case dom::element_type::ARRAY:
      return (types & kTypeArray) != 0;
    case dom::element_type::STRING:
      return (types & kTypeString) != 0;
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
      return (types & (kTypeInteger | kTypeNumber)) != 0;
    case dom::element_type::DOUBLE:
      if ((types & kTypeNumber) != 0) return true;
      return (types & kTypeInteger) != 0 &&
             IsWhole(FromDouble(e.get_double().value_unsafe()));
    case dom::element_type::BOOL:
      return (types & kTypeBoolean) != 0;
    case dom::element_type::NULL_VALUE:
      return (types & kTypeNull) != 0;
  }
  return false;
}

struct Node {
  std::string location;  // Schema pointer, e.g. "#/properties/name".

  // Boolean schema: true accepts everything, false rejects everything.
  bool is_boolean = false;
  bool boolean_value = true;

  unsigned types = 0;          // TypeBit mask; 0 means "type" is absent.
  std::string expected_types;  // "integer or null", for messages.

  std::vector<std::pair<std::string, int>> properties;  // Sorted by name.
  std::vector<std::string> required;
  int additional_properties = -1;  // Node index, -1 when absent.
  int items = -1;                  // Node index, -1 when absent.
  std::optional<uint64_t> min_items;
  std::optional<uint64_t> min_length;
  std::optional<Number> minimum;
  std::optional<Number> maximum;
  std::optional<Value> const_value;
  std::optional<std::vector<Value>> enum_values;
  std::string ref;      // The $ref text, empty when absent.
  int ref_target = -1;  // Resolved $ref node index.
  std::vector<int> all_of;
  std::vector<int> any_of;
  std::vector<int> one_of;
};

int FindProperty(const Node& node, std::string_view name) {
  const auto it = std::lower_bound(
      node.properties.begin(), node.properties.end(), name,
      [](const std::pair<std::string, int>& p, std::string_view n) {
        return std::string_view(p.first) < n;
      });
  if (it == node.properties.end() || it->first != name) return -1;
  return it->second;
}

}  // namespace

struct JsonSchema::Tree {
  std::vector<Node> nodes;  // nodes[0] is the root.
};

namespace {

// ---------------------------------------------------------------------------
// Schema parsing.
// ---------------------------------------------------------------------------

class SchemaBuilder {
 public:
  // Builds the node tree of `root`. Returns false and sets *error on failure.
  bool Build(dom::element root, std::vector<Node>* nodes, std::string* error) {
    if (AddNode(root, "#", 0) < 0 || !ResolveRefs() || !CheckInPlaceCycles()) {
      *error = error_;
      return false;
    }
    *nodes = std::move(nodes_);
    return true;
  }

 private:
  struct PendingRef {
    int node;
    bool use_definitions;  // "#/definitions/..." rather than "#/$defs/...".
    std::string name;      // Empty with is_root.
    bool is_root;          // "#".
  };

  bool Fail(const std::string& location, const std::string& message) {
    if (error_.empty()) error_ = location + ": " + message;
    return false;
  }

  // Adds the schema `e` and its subschemas; returns its index, or -1.
  int AddNode(dom::element e, const std::string& location, int depth) {
    if (depth > JsonSchema::kMaxDepth) {
      Fail(location, "schema nesting depth exceeds the limit of " +
                         std::to_string(JsonSchema::kMaxDepth));
      return -1;
    }
    const int index = static_cast<int>(nodes_.size());
    nodes_.emplace_back();
    Node node;
    node.location = location;
    if (e.type() == dom::element_type::BOOL) {
      node.is_boolean = true;
      node.boolean_value = e.get_bool().value_unsafe();
      nodes_[static_cast<size_t>(index)] = std::move(node);
      return index;
    }
    if (e.type() != dom::element_type::OBJECT) {
      Fail(location, "a schema must be an object or a boolean, got " +
                         std::string(TypeNameOf(e)));
      return -1;
    }
    std::set<std::string_view> seen;
    for (dom::key_value_pair field : ObjectOf(e)) {
      if (!seen.insert(field.key).second) {
        Fail(location, "duplicate keyword " + Quote(field.key));
        return -1;
      }
      if (!AddKeyword(field.key, field.value, location, depth, index, &node)) {
        return -1;
      }
    }
    nodes_[static_cast<size_t>(index)] = std::move(node);
    return index;
  }

  bool AddKeyword(std::string_view keyword, dom::element value,
                  const std::string& location, int depth, int index,
                  Node* node) {
    const std::string at = ChildLocation(location, keyword);
    const dom::element_type type = value.type();

    // Annotations: accepted and ignored, but their shape is checked.
    if (keyword == "$schema" || keyword == "$comment" || keyword == "title" ||
        keyword == "description") {
      if (type != dom::element_type::STRING)
        return Fail(at, "must be a string");
      return true;
    }
    if (keyword == "$id") {
      // A nested $id would change how "#/$defs/..." resolves below it.
      if (depth != 0) return Fail(at, "$id is only supported at the root");
      if (type != dom::element_type::STRING)
        return Fail(at, "must be a string");
      return true;
    }
    if (keyword == "examples") {
      if (type != dom::element_type::ARRAY) return Fail(at, "must be an array");
      return true;
    }
    if (keyword == "default") return true;

    if (keyword == "type") return AddType(value, at, node);

    if (keyword == "properties") {
      if (type != dom::element_type::OBJECT)
        return Fail(at, "must be an object");
      for (dom::key_value_pair field : ObjectOf(value)) {
        if (FindProperty(*node, field.key) >= 0) {
          return Fail(at, "duplicate property " + Quote(field.key));
        }
        const int child =
            AddNode(field.value, ChildLocation(at, field.key), depth + 1);
        if (child < 0) return false;
        const std::string name(field.key);
        const auto pos = std::lower_bound(
            node->properties.begin(), node->properties.end(), name,
            [](const std::pair<std::string, int>& p, const std::string& n) {
              return p.first < n;
            });
        node->properties.insert(pos, {name, child});
      }
      return true;
    }

    if (keyword == "required") {
      if (type != dom::element_type::ARRAY) {
        return Fail(at, "must be an array of strings");
      }
      std::set<std::string_view> names;
      for (dom::element item : ArrayOf(value)) {
        if (item.type() != dom::element_type::STRING) {
          return Fail(at, "must be an array of strings");
        }
        const std::string_view name = item.get_string().value_unsafe();
        if (!names.insert(name).second) {
          return Fail(at, "duplicate name " + Quote(name));
        }
        node->required.emplace_back(name);
      }
      return true;
    }

    if (keyword == "additionalProperties") {
      node->additional_properties = AddNode(value, at, depth + 1);
      return node->additional_properties >= 0;
    }

    if (keyword == "items") {
      if (type == dom::element_type::ARRAY) {
        return Fail(at,
                    "the array form of items is not supported (draft 2020-12 "
                    "uses prefixItems, which is not supported either)");
      }
      node->items = AddNode(value, at, depth + 1);
      return node->items >= 0;
    }

    if (keyword == "minItems" || keyword == "minLength") {
      const std::optional<uint64_t> n = NonNegativeIntegerOf(value);
      if (!n) return Fail(at, "must be a non-negative integer");
      (keyword == "minItems" ? node->min_items : node->min_length) = *n;
      return true;
    }

    if (keyword == "minimum" || keyword == "maximum") {
      const std::optional<Number> n = NumberOf(value);
      if (!n) return Fail(at, "must be a number");
      (keyword == "minimum" ? node->minimum : node->maximum) = *n;
      return true;
    }

    if (keyword == "const") {
      Value v;
      if (!ToValue(value, at, depth + 1, &v)) return false;
      node->const_value = std::move(v);
      return true;
    }

    if (keyword == "enum") {
      if (type != dom::element_type::ARRAY) return Fail(at, "must be an array");
      std::vector<Value> values;
      for (dom::element item : ArrayOf(value)) {
        Value v;
        if (!ToValue(item, ChildLocation(at, std::to_string(values.size())),
                     depth + 1, &v)) {
          return false;
        }
        values.push_back(std::move(v));
      }
      if (values.empty()) return Fail(at, "must not be empty");
      node->enum_values = std::move(values);
      return true;
    }

    if (keyword == "$defs" || keyword == "definitions") {
      if (type != dom::element_type::OBJECT)
        return Fail(at, "must be an object");
      for (dom::key_value_pair field : ObjectOf(value)) {
        const int child =
            AddNode(field.value, ChildLocation(at, field.key), depth + 1);
        if (child < 0) return false;
        if (depth == 0) {
          (keyword == "$defs" ? defs_ : definitions_)[std::string(field.key)] =
              child;
        }
      }
      return true;
    }

    if (keyword == "$ref") {
      if (type != dom::element_type::STRING)
        return Fail(at, "must be a string");
      return AddRef(value.get_string().value_unsafe(), at, index, node);
    }

    if (keyword == "allOf" || keyword == "anyOf" || keyword == "oneOf") {
      if (type != dom::element_type::ARRAY) {
        return Fail(at, "must be a non-empty array of schemas");
      }
      std::vector<int>& list = keyword == "allOf"   ? node->all_of
                               : keyword == "anyOf" ? node->any_of
                                                    : node->one_of;
      for (dom::element item : ArrayOf(value)) {
        const int child = AddNode(
            item, ChildLocation(at, std::to_string(list.size())), depth + 1);
        if (child < 0) return false;
        list.push_back(child);
      }
      if (list.empty()) return Fail(at, "must be a non-empty array of schemas");
      return true;
    }

    return Fail(location, "unsupported keyword " + Quote(keyword));
  }

  bool AddType(dom::element value, const std::string& at, Node* node) {
    std::vector<std::string_view> names;
    if (value.type() == dom::element_type::STRING) {
      names.push_back(value.get_string().value_unsafe());
    } else if (value.type() == dom::element_type::ARRAY) {
      for (dom::element item : ArrayOf(value)) {
        if (item.type() != dom::element_type::STRING) {
          return Fail(at, "must be a type name or an array of type names");
        }
        names.push_back(item.get_string().value_unsafe());
      }
      if (names.empty()) return Fail(at, "must not be an empty array");
    } else {
      return Fail(at, "must be a type name or an array of type names");
    }
    for (size_t i = 0; i < names.size(); ++i) {
      const std::optional<unsigned> bit = TypeBitOf(names[i]);
      if (!bit) return Fail(at, "unknown type " + Quote(names[i]));
      if ((node->types & *bit) != 0) {
        return Fail(at, "duplicate type " + Quote(names[i]));
      }
      node->types |= *bit;
      if (i > 0) node->expected_types += i + 1 == names.size() ? " or " : ", ";
      node->expected_types += names[i];
    }
    return true;
  }

  bool AddRef(std::string_view ref, const std::string& at, int index,
              Node* node) {
    PendingRef pending{index, false, "", false};
    constexpr std::string_view kDefs = "#/$defs/";
    constexpr std::string_view kDefinitions = "#/definitions/";
    std::string_view encoded;
    if (ref == "#") {
      pending.is_root = true;
    } else if (ref.substr(0, kDefs.size()) == kDefs) {
      encoded = ref.substr(kDefs.size());
    } else if (ref.substr(0, kDefinitions.size()) == kDefinitions) {
      pending.use_definitions = true;
      encoded = ref.substr(kDefinitions.size());
    } else {
      return Fail(at, "unsupported $ref " + Quote(ref) +
                          " (only \"#\", \"#/$defs/NAME\" and "
                          "\"#/definitions/NAME\" are supported)");
    }
    if (!pending.is_root) {
      // Decode the JSON pointer reference token (~1 is '/', ~0 is '~').
      for (size_t i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '/') {
          return Fail(at, "unsupported $ref " + Quote(ref) +
                              " (refers below a definition)");
        }
        if (c == '~') {
          if (i + 1 < encoded.size() && encoded[i + 1] == '0') {
            pending.name.push_back('~');
          } else if (i + 1 < encoded.size() && encoded[i + 1] == '1') {
            pending.name.push_back('/');
          } else {
            return Fail(at, "invalid JSON pointer in $ref " + Quote(ref));
          }
          ++i;
        } else {
          pending.name.push_back(c);
        }
      }
      if (pending.name.empty()) {
        return Fail(at, "$ref " + Quote(ref) + " names no definition");
      }
    }
    node->ref = std::string(ref);
    pending_refs_.push_back(std::move(pending));
    return true;
  }

  // Converts a JSON value (for const / enum) into an owned Value.
  bool ToValue(dom::element e, const std::string& location, int depth,
               Value* out) {
    if (depth > JsonSchema::kMaxDepth) {
      return Fail(location, "value nesting depth exceeds the limit of " +
                                std::to_string(JsonSchema::kMaxDepth));
    }
    switch (e.type()) {
      case dom::element_type::NULL_VALUE:
        out->kind = Value::Kind::kNull;
        return true;
      case dom::element_type::BOOL:
        out->kind = Value::Kind::kBool;
        out->boolean = e.get_bool().value_unsafe();
        return true;
      case dom::element_type::INT64:
      case dom::element_type::UINT64:
      case dom::element_type::DOUBLE:
        out->kind = Value::Kind::kNumber;
        out->number = *NumberOf(e);
        return true;
      case dom::element_type::STRING:
        out->kind = Value::Kind::kString;
        out->string = std::string(e.get_string().value_unsafe());
        return true;
      case dom::element_type::ARRAY:
        out->kind = Value::Kind::kArray;
        for (dom::element item : ArrayOf(e)) {
          Value v;
          if (!ToValue(
                  item,
                  ChildLocation(location, std::to_string(out->array.size())),
                  depth + 1, &v)) {
            return false;
          }
          out->array.push_back(std::move(v));
        }
        return true;
      case dom::element_type::OBJECT:
        out->kind = Value::Kind::kObject;
        for (dom::key_value_pair field : ObjectOf(e)) {
          Value v;
          if (!ToValue(field.value, ChildLocation(location, field.key),
                       depth + 1, &v)) {
            return false;
          }
          out->object.push_back(Member{std::string(field.key), std::move(v)});
        }
        std::sort(
            out->object.begin(), out->object.end(),
            [](const Member& a, const Member& b) { return a.key < b.key; });
        for (size_t i = 1; i < out->object.size(); ++i) {
          if (out->object[i - 1].key == out->object[i].key) {
            return Fail(location, "duplicate key " + Quote(out->object[i].key));
          }
        }
        return true;
    }
    return Fail(location, "unsupported JSON value");
  }

  bool ResolveRefs() {
    for (const PendingRef& pending : pending_refs_) {
      Node& node = nodes_[static_cast<size_t>(pending.node)];
      if (pending.is_root) {
        node.ref_target = 0;
        continue;
      }
      const std::map<std::string, int, std::less<>>& defs =
          pending.use_definitions ? definitions_ : defs_;
      const auto it = defs.find(pending.name);
      if (it == defs.end()) {
        return Fail(ChildLocation(node.location, "$ref"),
                    "$ref " + Quote(node.ref) +
                        " does not resolve to a "
                        "definition in the root schema");
      }
      node.ref_target = it->second;
    }
    return true;
  }

  // Rejects cycles through $ref / allOf / anyOf / oneOf that do not descend
  // into the instance: they would recurse forever on any input.
  bool CheckInPlaceCycles() {
    const size_t n = nodes_.size();
    std::vector<std::vector<int>> edges(n);
    for (size_t i = 0; i < n; ++i) {
      const Node& node = nodes_[i];
      if (node.ref_target >= 0) edges[i].push_back(node.ref_target);
      for (const std::vector<int>* list :
           {&node.all_of, &node.any_of, &node.one_of}) {
        edges[i].insert(edges[i].end(), list->begin(), list->end());
      }
    }
    enum class Color { kWhite, kGray, kBlack };
    std::vector<Color> color(n, Color::kWhite);
    std::vector<std::pair<size_t, size_t>> stack;  // (node, next edge).
    for (size_t start = 0; start < n; ++start) {
      if (color[start] != Color::kWhite) continue;
      color[start] = Color::kGray;
      stack.emplace_back(start, 0);
      while (!stack.empty()) {
        auto& [current, next] = stack.back();
        if (next == edges[current].size()) {
          color[current] = Color::kBlack;
          stack.pop_back();
          continue;
        }
        const size_t target = static_cast<size_t>(edges[current][next++]);
        if (color[target] == Color::kGray) {
          return Fail(nodes_[target].location,
                      "schema refers to itself through $ref/allOf/anyOf/oneOf "
                      "without descending into the instance");
        }
        if (color[target] == Color::kWhite) {
          color[target] = Color::kGray;
          stack.emplace_back(target, 0);
        }
      }
    }
    return true;
  }

  std::vector<Node> nodes_;
  std::vector<PendingRef> pending_refs_;
  std::map<std::string, int, std::less<>> defs_;
  std::map<std::string, int, std::less<>> definitions_;
  std::string error_;
};

// ---------------------------------------------------------------------------
// Validation.
// ---------------------------------------------------------------------------

class Validator {
 public:
  explicit Validator(const std::vector<Node>& nodes) : nodes_(nodes) {}

  // Validates `value` (at nesting depth `depth`) against node `index`,
  // appending violations to *errors.
  void Check(int index, dom::element value, int depth,
             std::vector<std::string>* errors) {
    FrameGuard guard(&frames_);
    if (frames_ > kMaxEvalFrames) {
      Report("schema evaluation depth exceeds the limit of " +
                 std::to_string(kMaxEvalFrames),
             errors);
      return;
    }
    if (depth > JsonSchema::kMaxDepth) {
      Report("nesting depth exceeds the limit of " +
                 std::to_string(JsonSchema::kMaxDepth),
             errors);
      return;
    }
    const Node& node = nodes_[static_cast<size_t>(index)];
    if (node.is_boolean) {
      if (!node.boolean_value) {
        Report("value is not allowed (schema is false)", errors);
      }
      return;
    }

    if (node.types != 0 && !MatchesTypes(node.types, value)) {
      Report("expected " + node.expected_types + ", got " +
                 std::string(TypeNameOf(value)),
             errors);
    }
    if (node.const_value && !Equals(*node.const_value, value)) {
      Report("value " + Excerpt(value) + " does not equal const " +
                 ToJson(*node.const_value),
             errors);
    }
    if (node.enum_values) {
      const std::vector<Value>& values = *node.enum_values;
      const bool found =
          std::any_of(values.begin(), values.end(),
                      [&](const Value& v) { return Equals(v, value); });
      if (!found) {
        std::string allowed = "[";
        for (size_t i = 0; i < values.size(); ++i) {
          if (i > 0) allowed += ",";
          AppendJson(values[i], &allowed);
        }
        allowed += "]";
        Report("value " + Excerpt(value) + " is not one of the enum values " +
                   allowed,
               errors);
      }
    }
    if (const std::optional<Number> number = NumberOf(value)) {
      if (node.minimum && Compare(*number, *node.minimum) < 0) {
        Report("value " + ToString(*number) + " is less than minimum " +
                   ToString(*node.minimum),
               errors);
      }
      if (node.maximum && Compare(*number, *node.maximum) > 0) {
        Report("value " + ToString(*number) + " is greater than maximum " +
                   ToString(*node.maximum),
               errors);
      }
    }
    if (node.min_length && value.type() == dom::element_type::STRING) {
      const uint64_t length = CodePointCount(value.get_string().value_unsafe());
      if (length < *node.min_length) {
        Report("string has " + std::to_string(length) +
                   " characters, fewer than minLength " +
                   std::to_string(*node.min_length),
               errors);
      }
    }
    if (value.type() == dom::element_type::ARRAY) {
      CheckArray(node, ArrayOf(value), depth, errors);
    }
    if (value.type() == dom::element_type::OBJECT) {
      CheckObject(node, ObjectOf(value), depth, errors);
    }

    if (node.ref_target >= 0) Check(node.ref_target, value, depth, errors);
    for (const int child : node.all_of) Check(child, value, depth, errors);
    if (!node.any_of.empty()) CheckAnyOf(node, value, depth, errors);
    if (!node.one_of.empty()) CheckOneOf(node, value, depth, errors);
  }

 private:
  class FrameGuard {
   public:
    explicit FrameGuard(int* frames) : frames_(frames) { ++*frames_; }
    ~FrameGuard() { --*frames_; }
    FrameGuard(const FrameGuard&) = delete;
    FrameGuard& operator=(const FrameGuard&) = delete;

   private:
    int* frames_;
  };

  void Report(const std::string& message, std::vector<std::string>* errors) {
    errors->push_back((path_.empty() ? std::string("(root)") : path_) + ": " +
                      message);
  }

  void CheckArray(const Node& node, dom::array array, int depth,
                  std::vector<std::string>* errors) {
    if (node.min_items) {
      const size_t size = ArraySize(array);
      if (size < *node.min_items) {
        Report("array has " + std::to_string(size) +
                   " items, fewer than minItems " +
                   std::to_string(*node.min_items),
               errors);
      }
    }
    if (node.items < 0) return;
    const size_t path_size = path_.size();
    size_t i = 0;
    for (dom::element item : array) {
      AppendPointerToken(std::to_string(i), &path_);
      Check(node.items, item, depth + 1, errors);
      path_.resize(path_size);
      ++i;
    }
  }

  void CheckObject(const Node& node, dom::object object, int depth,
                   std::vector<std::string>* errors) {
    for (const std::string& name : node.required) {
      if (object.at_key(name).error() != simdjson::SUCCESS) {
        Report("missing required property " + Quote(name), errors);
      }
    }
    if (node.properties.empty() && node.additional_properties < 0) return;
    const size_t path_size = path_.size();
    for (dom::key_value_pair field : object) {
      int child = FindProperty(node, field.key);
      const bool additional = child < 0;
      if (additional) child = node.additional_properties;
      if (child < 0) continue;
      AppendPointerToken(field.key, &path_);
      const Node& child_node = nodes_[static_cast<size_t>(child)];
      if (additional && child_node.is_boolean && !child_node.boolean_value) {
        Report("property is not allowed (additionalProperties is false)",
               errors);
      } else {
        Check(child, field.value, depth + 1, errors);
      }
      path_.resize(path_size);
    }
  }

  // Validates `value` against each schema in `list`, one error list each.
  std::vector<std::vector<std::string>> CheckEach(const std::vector<int>& list,
                                                  dom::element value,
                                                  int depth) {
    std::vector<std::vector<std::string>> results(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      Check(list[i], value, depth, &results[i]);
    }
    return results;
  }

  static std::string Details(
      const std::vector<std::vector<std::string>>& results) {
    std::string details = " (";
    for (size_t i = 0; i < results.size(); ++i) {
      if (i > 0) details += " | ";
      details += std::to_string(i) + ": ";
      for (size_t j = 0; j < results[i].size(); ++j) {
        if (j > 0) details += "; ";
        details += results[i][j];
      }
    }
    details += ")";
    return details;
  }

  void CheckAnyOf(const Node& node, dom::element value, int depth,
                  std::vector<std::string>* errors) {
    std::vector<std::vector<std::string>> results;
    results.reserve(node.any_of.size());
    for (const int child : node.any_of) {
      results.emplace_back();
      Check(child, value, depth, &results.back());
      if (results.back().empty()) return;
    }
    Report("value does not match any schema in anyOf" + Details(results),
           errors);
  }

  void CheckOneOf(const Node& node, dom::element value, int depth,
                  std::vector<std::string>* errors) {
    const std::vector<std::vector<std::string>> results =
        CheckEach(node.one_of, value, depth);
    std::vector<size_t> matches;
    for (size_t i = 0; i < results.size(); ++i) {
      if (results[i].empty()) matches.push_back(i);
    }
    if (matches.size() == 1) return;
    if (matches.empty()) {
      Report("value does not match any schema in oneOf" + Details(results),
             errors);
      return;
    }
    std::string indexes;
    for (size_t i = 0; i < matches.size(); ++i) {
      if (i > 0) indexes += ", ";
      indexes += std::to_string(matches[i]);
    }
    Report("value matches " + std::to_string(matches.size()) +
               " schemas in oneOf (" + indexes + "), expected exactly one",
           errors);
  }

  const std::vector<Node>& nodes_;
  std::string path_;  // JSON pointer of the value being checked.
  int frames_ = 0;
};

}  // namespace

JsonSchema::JsonSchema() = default;

bool JsonSchema::Parse(std::string_view schema_json, JsonSchema* out,
                       std::string* error) {
  std::string local_error;
  std::string* err = error != nullptr ? error : &local_error;
  if (out == nullptr) {
    *err = "JsonSchema::Parse: out must not be null";
    return false;
  }
  dom::parser parser;
  const simdjson::padded_string padded(schema_json.data(), schema_json.size());
  dom::element root;
  if (const simdjson::error_code code = parser.parse(padded).get(root);
      code != simdjson::SUCCESS) {
    *err =
        std::string("malformed schema JSON: ") + simdjson::error_message(code);
    return false;
  }
  auto tree = std::make_shared<Tree>();
  SchemaBuilder builder;
  if (!builder.Build(root, &tree->nodes, err)) return false;
  out->tree_ = std::move(tree);
  return true;
}

std::vector<std::string> JsonSchema::Validate(
    std::string_view instance_json) const {
  if (tree_ == nullptr) {
    return {
        "(root): no schema loaded (JsonSchema::Parse was not called or "
        "failed)"};
  }
  dom::parser parser;
  const simdjson::padded_string padded(instance_json.data(),
                                       instance_json.size());
  dom::element root;
  if (const simdjson::error_code code = parser.parse(padded).get(root);
      code != simdjson::SUCCESS) {
    return {std::string("(root): malformed JSON: ") +
            simdjson::error_message(code)};
  }
  std::vector<std::string> errors;
  Validator(tree_->nodes).Check(0, root, 0, &errors);
  // The same violation can be reached through several applicators (e.g. two
  // allOf branches); report it once, keeping the first occurrence's order.
  std::vector<std::string> unique;
  std::set<std::string_view> seen;
  unique.reserve(errors.size());
  for (const std::string& e : errors) {
    if (seen.insert(e).second) unique.push_back(e);
  }
  return unique;
}

}  // namespace pagewash::testing
