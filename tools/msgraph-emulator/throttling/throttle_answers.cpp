// SPDX-License-Identifier: MIT
#include "throttling/throttle_answers.hpp"

#include <cstdio>

#include "faults/fault_responses.hpp"

namespace emulator {
namespace {

// Hundredths as `1.25`.
std::string percentageText(std::int64_t hundredths) {
  char text[24];
  std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(hundredths / 100),
                static_cast<long long>(hundredths % 100));
  return text;
}

// The examples the documentation gives for x-ms-throttle-information; reads are metered as
// ResourceUnits (a cost of 1 each on these paths), writes against the write quota.
const char* reasonOf(ThrottleScope scope) {
  return scope == ThrottleScope::AppTenantReads ? "ResourceUnitLimitExceeded"
                                                : "WriteLimitExceeded";
}

}  // namespace

std::string retryAfterText(std::int64_t micros) {
  const long long millis = (micros + 999) / 1000;
  char text[32];
  if (millis % 1000 == 0) {
    std::snprintf(text, sizeof text, "%lld", millis / 1000);
  } else {
    std::snprintf(text, sizeof text, "%lld.%03lld", millis / 1000, millis % 1000);
  }
  return text;
}

ApiResponse throttledAnswer(const CallIds& ids, const ThrottleVerdict& verdict,
                            std::string_view appId, std::string_view tenantId) {
  ApiResponse response = throttledResponse(ids, retryAfterText(verdict.retryAfterMicros));
  std::string scope(scopeName(verdict.scope));
  scope.append("/").append(appId).append("/").append(tenantId);
  setHeader(response.headers, "x-ms-throttle-scope", std::move(scope));
  setHeader(response.headers, "x-ms-throttle-information", reasonOf(verdict.scope));
  setHeader(response.headers, "x-ms-throttle-limit-percentage",
            percentageText(verdict.useHundredths));
  return response;
}

void addLimitPercentage(ApiResponse& response, const ThrottleVerdict& verdict) {
  if (verdict.metered && verdict.useHundredths > 80) {
    setHeader(response.headers, "x-ms-throttle-limit-percentage",
              percentageText(verdict.useHundredths));
  }
}

}  // namespace emulator
