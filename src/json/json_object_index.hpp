// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "msgraph/json/json.hpp"

namespace msgraph::detail {

/// The index of a large JsonObject: the members' positions ordered by key. An ordered index
/// keeps every lookup at O(log n) comparisons whatever the keys are; a hash table could be
/// slowed to a scan by keys a hostile server picks to collide.
class JsonObjectIndex {
 public:
  using Members = std::vector<JsonObject::Member>;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// An empty index over `members` (add the positions with add).
  explicit JsonObjectIndex(const Members& members) : members_(&members), positions_(ByKey{this}) {}
  JsonObjectIndex(const JsonObjectIndex&) = delete;
  JsonObjectIndex& operator=(const JsonObjectIndex&) = delete;

  /// The same index over `members`, a copy of the indexed members. O(n).
  std::unique_ptr<JsonObjectIndex> copyFor(const Members& members) const;
  /// Points the index at its members again after their owner moved.
  void rebind(const Members& members) noexcept { members_ = &members; }
  /// The position of `key`, or npos.
  std::size_t find(std::string_view key) const noexcept;
  /// Indexes the member at `position`; false (and nothing indexed) if its key already is.
  bool add(std::size_t position) { return positions_.insert(position).second; }
  /// Forgets `position`, whose member has just been erased; later positions move down by one.
  void erase(std::size_t position);

 private:
  // Orders positions by their members' keys; also compares a position with a key.
  struct ByKey {
    using is_transparent = void;
    const JsonObjectIndex* index;
    bool operator()(std::size_t a, std::size_t b) const noexcept {
      return index->keyAt(a) < index->keyAt(b);
    }
    bool operator()(std::size_t a, std::string_view key) const noexcept {
      return index->keyAt(a) < key;
    }
    bool operator()(std::string_view key, std::size_t b) const noexcept {
      return key < index->keyAt(b);
    }
  };
  using Positions = std::set<std::size_t, ByKey>;

  std::string_view keyAt(std::size_t position) const noexcept {
    return (*members_)[position].first;
  }

  const Members* members_;
  Positions positions_;
};

}  // namespace msgraph::detail
