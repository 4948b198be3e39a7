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

#include "http/header_list.hpp"
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
  long maxIdleSeconds = -1;
  // The idle timeout the server of the last answer that said one keeps (`Keep-Alive`).
  std::optional<long> keepAliveTimeout;

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
