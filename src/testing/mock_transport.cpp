// SPDX-License-Identifier: MIT
#include "msgraph/testing/mock_transport.hpp"

#include <stdexcept>

#include "msgraph/error.hpp"
#include "testing/canned_response.hpp"

namespace msgraph::testing {

MockTransport::MockTransport(Handler handler) : handler_(std::move(handler)) {}

MockTransport& MockTransport::enqueue(HttpResponse response) {
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.push_back(std::move(response));
  return *this;
}

MockTransport& MockTransport::enqueue(int status, std::string body) {
  return enqueue(detail::cannedResponse(status, std::move(body)));
}

MockTransport& MockTransport::handler(Handler handler) {
  std::lock_guard<std::mutex> lock(mutex_);
  handler_ = std::move(handler);
  return *this;
}

std::vector<HttpRequest> MockTransport::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

HttpRequest MockTransport::lastRequest() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (requests_.empty()) throw std::out_of_range("MockTransport received no request");
  return requests_.back();
}

std::size_t MockTransport::requestCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_.size();
}

void MockTransport::clearRequests() {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.clear();
}

HttpResponse MockTransport::send(const HttpRequest& request, const CallContext&) {
  Handler handler;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(request);
    if (!queue_.empty()) {
      HttpResponse response = std::move(queue_.front());
      queue_.pop_front();
      return response;
    }
    handler = handler_;
  }
  if (!handler) {
    throw TransportError(TransportError::Kind::Other,
                         "MockTransport has no queued response and no handler for " +
                             std::string(toString(request.method)) + " " + request.url);
  }
  return handler(request);  // outside the lock, so a handler may use the mock itself
}

}  // namespace msgraph::testing
