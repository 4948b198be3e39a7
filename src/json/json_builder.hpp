// SPDX-License-Identifier: MIT
#pragma once

#include <rapidjson/reader.h>

#include <cstdint>
#include <string>
#include <vector>

#include "msgraph/json/json.hpp"

namespace msgraph::detail {

/// Builds a Json value from RapidJSON SAX events, with an explicit stack instead of recursion.
/// Used for whole documents (Json::parse) and for the unknown members of models.
class JsonBuilder {
 public:
  using SizeType = rapidjson::SizeType;

  /// Starts a value that will be stored in `target`; at most `depthBudget` nested containers.
  /// `depthLimit` is the document's whole limit, for the error message.
  void start(Json& target, std::size_t depthBudget, std::size_t depthLimit);
  /// True from start() until the value is complete.
  bool active() const noexcept { return active_; }
  /// Why the last event was refused (nullptr: it was not refused by the builder).
  const char* failure() const noexcept { return failure_.empty() ? nullptr : failure_.c_str(); }
  /// Appends the pointer tokens of the position being built, relative to the target.
  void appendPointer(std::string& pointer) const;
  /// The pointer of the position being built, when the target is the document.
  std::string pointer() const {
    std::string result;
    appendPointer(result);
    return result;
  }

  /// Appends a member without the uniqueness check; callers check once with indexMembers.
  static Json& appendMember(JsonObject& object, std::string key);
  /// Indexes the members appended with appendMember (once the object is complete); returns the
  /// first key that occurs twice, or nullptr. O(n log n) for a large object.
  static const std::string* indexMembers(JsonObject& object);

  // RapidJSON SAX handler interface.
  bool Null() { return put(Json()); }
  bool Bool(bool b) { return put(Json(b)); }
  // Numbers arrive as RawNumber (kParseNumbersAsStringsFlag); these exist only because
  // RapidJSON's handler concept names them.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(std::int64_t) { return false; }
  bool Uint64(std::uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char* s, SizeType n, bool);  // every number: see json_number.hpp
  bool String(const char* s, SizeType n, bool);
  bool StartObject() { return open(Json::object()); }
  bool Key(const char* s, SizeType n, bool);
  bool EndObject(SizeType) { return close(); }
  bool StartArray() { return open(Json::array()); }
  bool EndArray(SizeType) { return close(); }

 private:
  struct Frame {
    Json* container;
    std::string key;      // the member being read, for objects
    bool hasKey = false;  // a key was read and its value is not complete yet
  };

  Json* place(Json&& value);
  bool put(Json&& value);
  bool refuseSurrogate(const char* s, SizeType n);
  bool open(Json&& container);
  bool close();
  void valueDone();

  Json* target_ = nullptr;
  std::vector<Frame> stack_;
  std::size_t depthBudget_ = 0;
  std::size_t depthLimit_ = 0;
  bool active_ = false;
  std::string failure_;
};

}  // namespace msgraph::detail
