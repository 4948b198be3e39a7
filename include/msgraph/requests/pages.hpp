// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "msgraph/requests/page.hpp"
#include "msgraph/requests/request_core.hpp"

namespace msgraph {

/// @brief The pages of a Graph collection, fetched one at a time as `next()` is called: only the
/// current page is in memory, however long the collection.
///
/// Each page's `@odata.nextLink` is followed only if it stays on the client's service root
/// (scheme, host, port and API version); a link anywhere else is not requested, and `next()`
/// returns a `DeserializationError` for it. A failed page can be asked for again with `next()`;
/// every page is a call of its own, with its own retries and attempt record.
///
/// @code
/// auto pages = client.policies().crossTenantAccessPolicy().partners().list().top(100).pages();
/// while (pages.hasNext()) {
///   auto page = pages.next();  // Result<Response<Page<Partner>>>
///   if (!page.ok()) break;     // page.error() says why
///   for (const auto& partner : page.value().value->value) { ... }
/// }
/// @endcode
template <typename T>
class Pages {
 public:
  /// @brief Whether a page is left to fetch (true before the first one).
  bool hasNext() const noexcept { return next_.has_value(); }

  /// @brief Fetches the next page; never throws for library errors.
  Result<Response<Page<T>>> next() {
    if (!next_) {
      return std::shared_ptr<const Error>(
          std::make_shared<ValidationError>("pages", "has no page left to fetch"));
    }
    Result<Response<Page<T>>> page = detail::toResponse<Page<T>>(next_->run());
    if (!page.ok()) return page;  // the same page may be asked for again
    std::optional<std::string> link;
    if (page.value().value) link = page.value().value->nextLink;
    if (link) {
      next_ = next_->following(*link);
    } else {
      next_.reset();
    }
    return page;
  }

  /// @brief The pages from the first request on; made by a list request's `pages()`.
  explicit Pages(detail::RequestCore first) : next_(std::move(first)) {}

 private:
  std::optional<detail::RequestCore> next_;
};

}  // namespace msgraph
