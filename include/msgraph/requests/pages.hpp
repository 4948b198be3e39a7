// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "msgraph/async_result.hpp"
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
///   auto page = pages.next();  // Result<Response<Page<Partner>>>, or nextAsync().get()
///   if (!page.ok()) break;     // page.error() says why
///   for (const auto& partner : page.value().value->value) { ... }
/// }
/// @endcode
template <typename T>
class Pages {
 public:
  /// @brief What `next()` returns.
  using PageResult = Result<Response<Page<T>>>;

  /// @brief Whether a page is left to fetch (true before the first one).
  bool hasNext() const {
    std::lock_guard<std::mutex> lock(cursor_->mutex);
    return cursor_->next.has_value();
  }

  /// @brief Fetches the next page; never throws for library errors.
  PageResult next() {
    std::optional<detail::RequestCore> request = take();
    if (!request) return noPage();
    PageResult page = detail::toResponse<Page<T>>(request->run());
    advance(*cursor_, std::move(*request), page);
    return page;
  }

  /// @brief Fetches the next page on the client's event loop, as `sendAsync()` sends a request.
  /// The cursor moves on before the result is ready, so `hasNext()` after `get()` tells whether
  /// another page is left. One page at a time: asking for another before this one is ready
  /// returns a `ValidationError`.
  AsyncResult<Response<Page<T>>> nextAsync() {
    auto slot = std::make_shared<detail::AsyncSlot<Response<Page<T>>>>();
    std::optional<detail::RequestCore> request = take();
    if (!request) {
      slot->set(noPage());
      return AsyncResult<Response<Page<T>>>(std::move(slot));
    }
    auto shared = std::make_shared<detail::RequestCore>(std::move(*request));
    shared->runAsync([slot, shared, cursor = cursor_](Result<detail::Exchange> exchange) {
      PageResult page = detail::toResponse<Page<T>>(std::move(exchange));
      advance(*cursor, std::move(*shared), page);
      slot->set(std::move(page));
    });
    return AsyncResult<Response<Page<T>>>(std::move(slot));
  }

  /// @brief The pages from the first request on; made by a list request's `pages()`.
  explicit Pages(detail::RequestCore first) : cursor_(std::make_shared<Cursor>()) {
    cursor_->next = std::move(first);
  }
  /// @brief A cursor of its own at the same place (not shared with `other`).
  Pages(const Pages& other) : cursor_(std::make_shared<Cursor>()) {
    std::lock_guard<std::mutex> lock(other.cursor_->mutex);
    cursor_->next = other.cursor_->next;
  }
  /// @brief Moves to the same place as `other`, with a cursor of its own.
  Pages& operator=(const Pages& other) {
    if (this != &other) *this = Pages(other);
    return *this;
  }
  /// @brief Takes over `other`'s cursor (and a page it has in flight).
  Pages(Pages&& other) noexcept = default;
  /// @brief Takes over `other`'s cursor (and a page it has in flight).
  Pages& operator=(Pages&& other) noexcept = default;

 private:
  // Shared with a page in flight, which moves it on when it arrives.
  struct Cursor {
    std::mutex mutex;
    std::optional<detail::RequestCore> next;
    bool fetching = false;
  };

  // The request of the next page, marked as being fetched; none when no page is left or one
  // is being fetched already.
  std::optional<detail::RequestCore> take() {
    std::lock_guard<std::mutex> lock(cursor_->mutex);
    if (!cursor_->next || cursor_->fetching) return std::nullopt;
    cursor_->fetching = true;
    return cursor_->next;
  }

  PageResult noPage() const {
    std::lock_guard<std::mutex> lock(cursor_->mutex);
    const char* why = cursor_->fetching ? "is fetching a page already; wait for it first"
                                        : "has no page left to fetch";
    return std::shared_ptr<const Error>(std::make_shared<ValidationError>("pages", why));
  }

  // After `request` got `page`: the next link is the new cursor; a failed page stays, so that
  // it can be asked for again.
  static void advance(Cursor& cursor, const detail::RequestCore& request, const PageResult& page) {
    std::lock_guard<std::mutex> lock(cursor.mutex);
    cursor.fetching = false;
    if (!page.ok()) return;
    std::optional<std::string> link;
    if (page.value().value) link = page.value().value->nextLink;
    if (link) {
      cursor.next = request.following(*link);
    } else {
      cursor.next.reset();
    }
  }

  std::shared_ptr<Cursor> cursor_;
};

}  // namespace msgraph
