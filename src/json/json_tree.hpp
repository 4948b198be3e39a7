// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "msgraph/json/json.hpp"

namespace msgraph::detail {

/// The operations on a whole Json tree, each with an explicit stack instead of recursion: a
/// program can nest values as deep as it likes (the parser's depth limit does not apply to
/// values built in code), and none of these may overflow the call stack on it.
class JsonTree {
 public:
  /// Fills the empty `to` with a deep copy of `from`'s elements.
  static void copyArray(const Json::Array& from, Json::Array& to);
  /// Fills the empty `to` with a deep copy of `from`'s members (and their index).
  static void copyObject(const JsonObject& from, JsonObject& to);
  /// Moves the containers nested in `root` out level by level, so that destroying `root` and
  /// each of them destroys only scalars and empty containers below it.
  static void dismantle(Json& root) noexcept;
  /// Deep equality, as Json's operator== defines it.
  static bool equal(const Json& a, const Json& b) noexcept;
  /// Deep equality of members, in any order.
  static bool equal(const JsonObject& a, const JsonObject& b) noexcept;

 private:
  class Copier;
  static void moveNestedChildren(Json& value, std::vector<Json>& pending);
};

}  // namespace msgraph::detail
