// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "msgraph/export.hpp"

namespace msgraph {

namespace detail {
/// Reads a Graph collection page (`{"value": [...], "@odata.nextLink": "..."}`): calls `item`
/// with the JSON text of each element of `value`, and returns the next link, if any. A
/// DeserializationError from `item` is given the pointer of its element (`/value/3/...`).
MSGRAPH_API std::optional<std::string> readPage(
    std::string_view json, const std::function<void(std::string_view item)>& item);
}  // namespace detail

/// @brief One page of a Graph collection: its items and the link to the next page.
///
/// Graph splits long collections into pages; `nextLink` (`@odata.nextLink`) is absent on the
/// last one. Pages are read one at a time (see the `pages()` of a list request), so memory does
/// not grow with the collection.
template <typename T>
struct Page {
  /// @brief The items of this page, in the order Graph sent them.
  std::vector<T> value;
  /// @brief The URL of the next page, absent on the last page.
  std::optional<std::string> nextLink;

  /// @brief Reads a page as Graph sends it.
  /// @throws DeserializationError for invalid JSON, a `value` that is not an array, or an item
  /// `T` cannot read (the error names its pointer, e.g. `/value/3/tenantId`).
  static Page fromJson(std::string_view json) {
    Page page;
    page.nextLink = detail::readPage(
        json, [&page](std::string_view item) { page.value.push_back(T::fromJson(item)); });
    return page;
  }
};

}  // namespace msgraph
