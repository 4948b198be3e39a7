// SPDX-License-Identifier: MIT
#pragma once

// The libcurl easy handle as the transport keeps it: owning wrappers for libcurl's objects, the
// handle with the buffers libcurl writes into, and a checked curl_easy_setopt.
#include <curl/curl.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/response_header_lines.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http/call_context.hpp"
#include "msgraph/http/http_request.hpp"

namespace msgraph::detail {

struct EasyDeleter {
  void operator()(CURL* easy) const noexcept { curl_easy_cleanup(easy); }
};
using EasyPtr = std::unique_ptr<CURL, EasyDeleter>;

struct UrlDeleter {
  void operator()(CURLU* url) const noexcept { curl_url_cleanup(url); }
};
using UrlPtr = std::unique_ptr<CURLU, UrlDeleter>;

struct CurlStringDeleter {
  void operator()(char* text) const noexcept { curl_free(text); }
};
using CurlString = std::unique_ptr<char, CurlStringDeleter>;

// The request headers as libcurl's list, built in buffers that the handle keeps between calls:
// no malloc per header, unlike curl_slist_append. libcurl only reads the list during the call.
class HeaderList {
 public:
  void clear() {
    text_.clear();
    starts_.clear();
  }
  void add(std::string_view name, std::string_view separator, std::string_view value) {
    starts_.push_back(text_.size());
    text_.append(name).append(separator).append(value).push_back('\0');
  }
  // True when an entry holds a CR, LF or NUL of its own: two searches of the whole text (each
  // entry ends in the list's own NUL), then each entry's length against its C string's.
  bool hasLineBreakOrNul() const {
    if (std::memchr(text_.data(), '\r', text_.size()) != nullptr ||
        std::memchr(text_.data(), '\n', text_.size()) != nullptr) {
      return true;
    }
    for (std::size_t i = 0; i < starts_.size(); ++i) {
      const std::size_t end = i + 1 < starts_.size() ? starts_[i + 1] : text_.size();
      if (std::strlen(&text_[starts_[i]]) != end - starts_[i] - 1) return true;
    }
    return false;
  }
  // Links the nodes; valid until the next clear() or add().
  curl_slist* link() {
    nodes_.resize(starts_.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      nodes_[i].data = &text_[starts_[i]];
      nodes_[i].next = i + 1 < nodes_.size() ? &nodes_[i + 1] : nullptr;
    }
    return nodes_.empty() ? nullptr : nodes_.data();
  }

 private:
  std::string text_;
  std::vector<std::size_t> starts_;
  std::vector<curl_slist> nodes_;
};

// One easy handle and the buffers libcurl writes into. They live together on the heap because
// libcurl keeps raw pointers to them (ERRORBUFFER, WRITEDATA, HEADERDATA) for the handle's whole
// life.
struct PooledHandle {
  EasyPtr easy;
  char errorBuffer[CURL_ERROR_SIZE] = {};
  std::string body;
  ResponseHeaderLines responseHeaders;
  HeaderList headers;
  std::size_t maxBody = 0;
  bool tooLarge = false;
  int requestsSent = 0;  // requests libcurl began to send in this transfer (see refuseResend)
  const CallContext* context = nullptr;  // the call in flight, for the progress callback
  // What the last transfer left set on the handle, so that the next one sets only what differs
  // (libcurl copies a method string on every set).
  std::optional<HttpMethod> method;
  bool methodSendsBody = false;
  long timeoutMillis = -1;
  long noProgress = -1;

  void resetForTransfer(std::size_t limit, const CallContext& call) {
    body.clear();
    responseHeaders.clear();
    maxBody = limit;
    tooLarge = false;
    requestsSent = 0;
    errorBuffer[0] = '\0';
    context = &call;
  }
};

/// Whether libcurl wanted to send the request a second time in this transfer and was stopped.
inline bool resendRefused(const PooledHandle& handle) noexcept { return handle.requestsSent > 1; }

/// Sets an option, or throws TransportError(Other) naming libcurl's reason.
template <typename T>
void setOption(CURL* easy, CURLoption option, T value) {
  const CURLcode rc = curl_easy_setopt(easy, option, value);
  if (rc != CURLE_OK) {
    throw TransportError(TransportError::Kind::Other,
                         std::string("cannot configure libcurl: ") + curl_easy_strerror(rc) +
                             " (curl code " + std::to_string(static_cast<int>(rc)) + ")");
  }
}

/// One part of a parsed URL, or empty.
std::string urlPart(CURLU* url, CURLUPart part, unsigned int flags);

}  // namespace msgraph::detail
