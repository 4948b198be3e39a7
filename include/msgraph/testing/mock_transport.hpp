// SPDX-License-Identifier: MIT
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "msgraph/export.hpp"
#include "msgraph/http/http_transport.hpp"

namespace msgraph::testing {

/// @brief A transport for unit tests: records every request and answers without a network.
///
/// Answers come from a queue (`enqueue`, first in first out) or, when the queue is empty, from
/// a handler function; with neither, `send` throws a `TransportError` saying so. Thread-safe.
/// Part of the separate `msgraph::testing` target, so production code never links it.
///
/// @code
/// auto mock = std::make_shared<msgraph::testing::MockTransport>();
/// mock->enqueue(204);
/// msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock)};
/// ... client.policies()...put(policy).execute();
/// REQUIRE(mock->requests().at(0).method == msgraph::HttpMethod::Put);
/// @endcode
class MSGRAPH_API MockTransport final : public HttpTransport {
 public:
  /// @brief Computes the answer to a request (may throw `TransportError` to simulate one).
  using Handler = std::function<HttpResponse(const HttpRequest& request)>;

  /// @brief A mock with an empty queue and no handler.
  MockTransport() = default;
  /// @brief A mock that answers every request with `handler`.
  explicit MockTransport(Handler handler);

  /// @brief Queues a whole response.
  MockTransport& enqueue(HttpResponse response);
  /// @brief Queues a response with `status`, `body` and a JSON content type if `body` is set.
  MockTransport& enqueue(int status, std::string body = {});
  /// @brief Sets the handler used when the queue is empty.
  MockTransport& handler(Handler handler);

  /// @brief Every request received, in order (copies, safe to keep).
  std::vector<HttpRequest> requests() const;
  /// @brief The last request received. @throws std::out_of_range if none.
  HttpRequest lastRequest() const;
  /// @brief How many requests were received.
  std::size_t requestCount() const;
  /// @brief Forgets the recorded requests (the queue and handler stay).
  void clearRequests();

  /// @brief Records `request` and answers it.
  HttpResponse send(const HttpRequest& request, const CallContext& context) override;

 private:
  mutable std::mutex mutex_;
  std::deque<HttpResponse> queue_;
  Handler handler_;
  std::vector<HttpRequest> requests_;
};

}  // namespace msgraph::testing
