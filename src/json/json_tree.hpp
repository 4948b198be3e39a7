// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

#include "json/small_stack.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph::detail {

/// The operations on a whole Json tree, each with an explicit stack instead of recursion: a
/// program can nest values as deep as it likes (the parser's depth limit does not apply to
/// values built in code), and none of these may overflow the call stack on it.
class JsonTree {
 public:
  /// Room for the containers queued while walking a small value, before any allocation.
  static constexpr std::size_t kStackInline = 8;
  /// How many levels a destructor may recurse before the rest is dismantled: as deep as the
  /// reader's default limit, far from what the call stack holds.
  static constexpr std::size_t kRecursionBudget = 64;

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
  static void moveNestedChildren(Json& value, SmallStack<Json, kStackInline>& pending);
};

}  // namespace msgraph::detail
