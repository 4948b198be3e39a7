// SPDX-License-Identifier: MIT
// A Retry-After value from the network is read as a delay that is never negative, or as
// nothing at all.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "http/retry_after.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  // 2015-10-21T07:00:00Z, half an hour before the contract's example date.
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1445410800));
  const auto delay = msgraph::detail::parseRetryAfter(value, now);
  msgraph_fuzz::check(!delay || delay->count() >= 0, "a Retry-After delay is never negative");
  return 0;
}
