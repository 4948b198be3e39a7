// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "msgraph/export.hpp"

namespace msgraph {

/// @brief Limits applied while parsing JSON from outside the program.
///
/// Parsing never recurses on the input's depth; these limits turn hostile input (a 100,000-deep
/// array, a gigabyte string) into a clean `DeserializationError`.
struct MSGRAPH_API JsonParseOptions {
  /// @brief The hard ceiling for `maxDepth`; larger values are clamped to it. `Json::dump`
  /// refuses to write deeper nesting, so that whatever it writes can be read back.
  static constexpr std::size_t kDepthCeiling = 512;
  /// @brief The most nested arrays/objects accepted (the document's top level counts as 1).
  std::size_t maxDepth = 64;
  /// @brief The largest document accepted, in bytes.
  std::size_t maxBytes = 16u * 1024u * 1024u;
};

class Json;
namespace detail {
class JsonBuilder;
class JsonObjectIndex;
class JsonTree;
}  // namespace detail

/// @brief A JSON object's members: an insertion-ordered map from unique string keys to `Json`.
///
/// Used for `Json` objects and for every model's `additionalProperties`. Keys keep the order in
/// which they were first set. An object of up to `kIndexThreshold` members is searched by a
/// scan, the fastest for the handful of keys most bodies hold; a larger one keeps an ordered
/// index beside its members, so `find`, `set`, `contains` and `operator[]` take O(log n) key
/// comparisons (an index no choice of keys can slow down, as colliding keys slow a hash).
/// `erase` is O(n). Copying, destroying and comparing never recurse deeper than 64 levels,
/// however deep the values.
class MSGRAPH_API JsonObject {
 public:
  /// @brief One member: key and value.
  using Member = std::pair<std::string, Json>;
  /// @brief Iterator over the members, in order.
  using const_iterator = std::vector<Member>::const_iterator;
  /// @brief The most members an object holds without an index.
  static constexpr std::size_t kIndexThreshold = 16;

  /// @brief An empty object.
  JsonObject() noexcept;
  /// @brief An object from `{key, value}` pairs, in order; a later duplicate key replaces the
  /// earlier value.
  JsonObject(std::initializer_list<Member> members);
  /// @brief A deep copy, made without recursion.
  JsonObject(const JsonObject& other);
  /// @brief Takes `other`'s members; `other` is left empty.
  JsonObject(JsonObject&& other) noexcept;
  /// @brief Replaces the members with a deep copy of `other`'s.
  JsonObject& operator=(const JsonObject& other);
  /// @brief Replaces the members with `other`'s; `other` is left empty.
  JsonObject& operator=(JsonObject&& other) noexcept;
  /// @brief Destroys the members; below 64 levels without recursion.
  ~JsonObject();

  /// @brief Sets `key` to `value`: replaces the value in place if the key exists, else appends.
  Json& set(std::string key, Json value);
  /// @brief The value of `key`, or nullptr.
  const Json* find(std::string_view key) const noexcept;
  /// @brief The value of `key`, or nullptr.
  Json* find(std::string_view key) noexcept;
  /// @brief Whether `key` is present.
  bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }
  /// @brief Removes `key`, keeping the others' order; returns whether it was present. O(n).
  bool erase(std::string_view key);
  /// @brief The value of `key`, inserting `null` first if absent.
  Json& operator[](std::string_view key);
  /// @brief The number of members.
  std::size_t size() const noexcept;
  /// @brief Whether there are no members.
  bool empty() const noexcept;
  /// @brief Removes every member.
  void clear() noexcept;
  /// @brief First member.
  const_iterator begin() const noexcept;
  /// @brief Past the last member.
  const_iterator end() const noexcept;

  /// @brief Same keys with equal values, in any order.
  friend MSGRAPH_API bool operator==(const JsonObject& a, const JsonObject& b) noexcept;
  /// @brief Not `==`.
  friend bool operator!=(const JsonObject& a, const JsonObject& b) noexcept { return !(a == b); }

 private:
  friend class detail::JsonBuilder;  // appends parsed members, then indexes them once
  friend class detail::JsonTree;     // copies and dismantles members without re-checking keys

  std::size_t position(std::string_view key) const noexcept;
  Json& append(std::string key, Json value);
  Json& appendUnchecked(std::string key);
  const std::string* indexAppended();
  void rebindIndex() noexcept;

  std::vector<Member> members_;
  std::unique_ptr<detail::JsonObjectIndex> index_;  // only above kIndexThreshold members
};

/// @brief An owned JSON value: null, boolean, integer, double, string, array or object.
///
/// Used for the open parts of the models (`additionalProperties`). Integers keep their exact
/// 64-bit value (signed or unsigned, so `9007199254740993` and `18446744073709551615` survive a
/// round trip), doubles are written in the shortest form that reads back to the same bits
/// (`-0.0`, `1e308`), objects keep their keys in insertion order, strings are UTF-8.
///
/// Two values are equal when they have the same type and content; an integer and a double are
/// never equal (`1` vs `1.0`), and object comparison is order-insensitive.
///
/// Copying and comparing work with explicit stacks and destroying recurses at most 64 levels, so
/// a value nested as deep as the program likes (100,000 levels built in code) cannot overflow the
/// call stack; `dump` refuses nesting deeper than `JsonParseOptions::kDepthCeiling`, which no
/// parse would accept.
class MSGRAPH_API Json {
 public:
  /// @brief The kinds of JSON value.
  enum class Type { Null, Bool, Int, UInt, Double, String, Array, Object };
  /// @brief Elements of an array.
  using Array = std::vector<Json>;
  /// @brief Members of an object, in insertion order; keys are unique.
  using Object = JsonObject;

  /// @brief JSON `null`.
  Json() noexcept = default;
  /// @brief JSON `null`.
  Json(std::nullptr_t) noexcept {}  // NOLINT(google-explicit-constructor)
  /// @brief A boolean.
  Json(bool value) noexcept : value_(value) {}  // NOLINT(google-explicit-constructor)
  /// @brief A signed integer (any signed integral type).
  template <typename I,
            std::enable_if_t<
                std::is_integral_v<I> && std::is_signed_v<I> && !std::is_same_v<I, bool>, int> = 0>
  Json(I value) noexcept : value_(static_cast<std::int64_t>(value)) {}  // NOLINT
  /// @brief An unsigned integer (any unsigned integral type).
  template <typename U, std::enable_if_t<std::is_integral_v<U> && std::is_unsigned_v<U> &&
                                             !std::is_same_v<U, bool>,
                                         int> = 0>
  Json(U value) noexcept : value_(static_cast<std::uint64_t>(value)) {  // NOLINT
    normalizeUnsigned();
  }
  /// @brief A double. NaN and infinities cannot be serialized (serializing them is a
  /// `ValidationError`).
  Json(double value) noexcept : value_(value) {}  // NOLINT(google-explicit-constructor)
  /// @brief A string (UTF-8).
  Json(std::string value) noexcept : value_(std::move(value)) {}  // NOLINT
  /// @brief A string (UTF-8).
  Json(std::string_view value) : value_(std::string(value)) {}  // NOLINT
  /// @brief A string (UTF-8).
  Json(const char* value) : value_(std::string(value)) {}  // NOLINT
  /// @brief An array.
  Json(Array value) noexcept : value_(std::move(value)) {}  // NOLINT
  /// @brief An object.
  Json(Object value) noexcept : value_(std::move(value)) {}  // NOLINT
  /// @brief A deep copy, made without recursion.
  Json(const Json& other);
  /// @brief Takes `other`'s value; a container `other` is left empty.
  Json(Json&& other) noexcept = default;
  /// @brief Replaces the value with a deep copy of `other`.
  Json& operator=(const Json& other);
  /// @brief Replaces the value with `other`'s.
  Json& operator=(Json&& other) noexcept = default;
  /// @brief Destroys the value; below 64 levels without recursion.
  ~Json() {
    if (type() >= Type::Array) releaseChildren();
  }

  /// @brief An empty array.
  static Json array() { return Json(Array{}); }
  /// @brief An empty object.
  static Json object() { return Json(Object{}); }
  /// @brief An object from `{key, value}` pairs, in the given order (later duplicates replace
  /// earlier ones).
  static Json object(std::initializer_list<JsonObject::Member> members);

  /// @brief Parses a complete JSON document (RFC 8259): strict UTF-8, no comments, no trailing
  /// commas, nothing after the value.
  /// @throws DeserializationError for invalid JSON, invalid UTF-8, or a limit exceeded.
  static Json parse(std::string_view text, const JsonParseOptions& options = {});

  /// @brief Serializes to compact JSON (no spaces); `pretty` indents with two spaces.
  /// @throws ValidationError if a string is not valid UTF-8, a double is NaN or infinite, or
  /// the nesting is deeper than `JsonParseOptions::kDepthCeiling` levels.
  std::string dump(bool pretty = false) const;

  /// @brief The kind of value.
  Type type() const noexcept { return static_cast<Type>(value_.index()); }
  /// @brief Whether this is `null`.
  bool isNull() const noexcept { return type() == Type::Null; }
  /// @brief Whether this is `true` or `false`.
  bool isBool() const noexcept { return type() == Type::Bool; }
  /// @brief Whether this is a number (integer or double).
  bool isNumber() const noexcept {
    return type() == Type::Int || type() == Type::UInt || type() == Type::Double;
  }
  /// @brief Whether this is a string.
  bool isString() const noexcept { return type() == Type::String; }
  /// @brief Whether this is an array.
  bool isArray() const noexcept { return type() == Type::Array; }
  /// @brief Whether this is an object.
  bool isObject() const noexcept { return type() == Type::Object; }

  /// @brief The boolean. @throws std::bad_variant_access if not a boolean.
  bool asBool() const { return std::get<bool>(value_); }
  /// @brief The signed integer. @throws std::bad_variant_access if not `Type::Int`.
  std::int64_t asInt() const { return std::get<std::int64_t>(value_); }
  /// @brief The unsigned integer (only values above INT64_MAX are stored unsigned).
  /// @throws std::bad_variant_access if not `Type::UInt`.
  std::uint64_t asUInt() const { return std::get<std::uint64_t>(value_); }
  /// @brief The number as a double, whatever its stored kind.
  /// @throws std::bad_variant_access if not a number.
  double asDouble() const;
  /// @brief The string. @throws std::bad_variant_access if not a string.
  const std::string& asString() const { return std::get<std::string>(value_); }
  /// @brief The array. @throws std::bad_variant_access if not an array.
  const Array& asArray() const { return std::get<Array>(value_); }
  /// @brief The array, mutable. @throws std::bad_variant_access if not an array.
  Array& asArray() { return std::get<Array>(value_); }
  /// @brief The object. @throws std::bad_variant_access if not an object.
  const Object& asObject() const { return std::get<Object>(value_); }
  /// @brief The object, mutable. @throws std::bad_variant_access if not an object.
  Object& asObject() { return std::get<Object>(value_); }

  /// @brief The member `key` of an object, or nullptr if absent or not an object.
  const Json* find(std::string_view key) const noexcept;
  /// @brief Sets member `key` of an object (replacing in place, or appending).
  /// @throws std::bad_variant_access if not an object.
  Json& set(std::string key, Json value);

  /// @brief Deep equality (see the class comment).
  friend MSGRAPH_API bool operator==(const Json& a, const Json& b) noexcept;
  /// @brief Deep inequality.
  friend bool operator!=(const Json& a, const Json& b) noexcept { return !(a == b); }

 private:
  void normalizeUnsigned() noexcept;
  void releaseChildren() noexcept;
  std::variant<std::nullptr_t, bool, std::int64_t, std::uint64_t, double, std::string, Array,
               Object>
      value_;
};

// JsonObject's members need the complete Json type, so they are defined after it.
inline std::size_t JsonObject::size() const noexcept { return members_.size(); }
inline bool JsonObject::empty() const noexcept { return members_.empty(); }
inline JsonObject::const_iterator JsonObject::begin() const noexcept { return members_.begin(); }
inline JsonObject::const_iterator JsonObject::end() const noexcept { return members_.end(); }

}  // namespace msgraph
