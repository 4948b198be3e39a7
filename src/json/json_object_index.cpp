// SPDX-License-Identifier: MIT
#include "json/json_object_index.hpp"

namespace msgraph::detail {

std::unique_ptr<JsonObjectIndex> JsonObjectIndex::copyFor(const Members& members) const {
  auto copy = std::make_unique<JsonObjectIndex>(members);
  // Already in order: each insertion at the end is amortized O(1).
  for (std::size_t position : positions_) copy->positions_.insert(copy->positions_.end(), position);
  return copy;
}

std::size_t JsonObjectIndex::find(std::string_view key) const noexcept {
  const auto it = positions_.find(key);
  return it == positions_.end() ? npos : *it;
}

void JsonObjectIndex::erase(std::size_t position) {
  // Renumbering keeps the key order, so the new set fills in order, at O(1) per position. The
  // old set is only walked, never searched: its positions no longer match the members.
  Positions renumbered(ByKey{this});
  for (std::size_t old : positions_) {
    if (old != position) renumbered.insert(renumbered.end(), old > position ? old - 1 : old);
  }
  positions_.swap(renumbered);
}

}  // namespace msgraph::detail
