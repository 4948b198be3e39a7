// SPDX-License-Identifier: MIT
// ServiceError reads any error response (Graph's JSON, a proxy's HTML, garbage) without
// throwing, and every accessor is safe to call on the result.
//
// Input: byte 0 picks the status (400..599), byte 1 the length of the Retry-After value that
// follows it; the rest is the body.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http_headers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const int status = 400 + data[0] % 200;
  const std::size_t retryAfterSize = std::min<std::size_t>(data[1] % 64, size - 2);
  const std::string retryAfter(reinterpret_cast<const char*>(data) + 2, retryAfterSize);
  const std::string_view body(reinterpret_cast<const char*>(data) + 2 + retryAfterSize,
                              size - 2 - retryAfterSize);

  msgraph::HttpHeaders headers;
  headers.add("Content-Type", "application/json");
  headers.add("request-id", "94fb3b52-452a-4535-a601-69e0a90e3aa2");
  headers.add("client-request-id", "e70c5c1b-8b47-68c0-3171-3d22f5e0bd54");
  headers.add("Date", "Wed, 21 Oct 2015 07:28:00 GMT");
  headers.add("Retry-After", retryAfter);

  const msgraph::ServiceError error(status, headers, body);
  msgraph_fuzz::check(error.status() == status, "status() is the response's status");
  msgraph_fuzz::check(error.rawBody().size() <= msgraph::ServiceError::kMaxRawBody,
                      "rawBody() is cut to kMaxRawBody");
  msgraph_fuzz::check(!error.retryAfter() || error.retryAfter()->count() >= 0,
                      "retryAfter() is never negative");
  msgraph_fuzz::check(error.headers().size() == headers.size(), "headers() keeps every header");
  msgraph_fuzz::check(std::strlen(error.what()) > 0, "what() is not empty");
  // The message goes to logs: service text in it must not forge lines (or other controls).
  for (const char* c = error.what(); *c != '\0'; ++c) {
    msgraph_fuzz::check(static_cast<unsigned char>(*c) >= 0x20 && *c != 0x7f,
                        "what() has no control characters");
  }
  // Reading every byte lets ASan check that each string the error holds is intact.
  std::size_t checksum = 0;
  for (const std::string* text : {&error.code(), &error.message(), &error.requestId(),
                                  &error.clientRequestId(), &error.date(), &error.rawBody()}) {
    for (char c : *text) checksum += static_cast<unsigned char>(c);
  }
  for (const auto& [name, value] : error.headers()) checksum += name.size() + value.size();
  const auto copy = error.clone();
  msgraph_fuzz::check(std::strcmp(copy->what(), error.what()) == 0, "clone() keeps what()");
  try {
    copy->raise();
  } catch (const msgraph::ServiceError& raised) {
    msgraph_fuzz::check(raised.code() == error.code(), "raise() keeps the type and the code");
  }
  volatile std::size_t sink = checksum;
  (void)sink;
  return 0;
}
