// SPDX-License-Identifier: MIT
// Reading Graph's throttle headers: Retry-After, x-ms-throttle-limit-percentage, -scope.
#include <catch2/catch.hpp>

#include <chrono>

#include "msgraph/http/http_response.hpp"
// Private headers: tests/CMakeLists.txt puts src/ on the unit tests' include path.
#include "pipeline/throttle_signals.hpp"

using msgraph::detail::parseLimitPercentage;
using msgraph::detail::parseThrottleScope;
using Kind = msgraph::detail::ThrottleScopeKind;
using namespace std::chrono_literals;

TEST_CASE("A 429's throttle headers are all read", "[scheduler]") {
  msgraph::HttpResponse response;
  response.status = 429;
  response.headers.add("Retry-After", "2.128");
  response.headers.add("x-ms-throttle-limit-percentage", "1.2");
  response.headers.add("x-ms-throttle-scope",
                       "Tenant_Application/Write/4b2e1c3a-app/90e29127-tenant");
  response.headers.add("x-ms-throttle-information", "WriteLimitExceeded");
  const auto signals = msgraph::detail::throttleSignalsOf(response, {});
  CHECK(signals.status == 429);
  CHECK(signals.retryAfter == 2128ms);
  REQUIRE(signals.limitPercentage);
  CHECK(*signals.limitPercentage == Approx(1.2));
  CHECK(signals.scope == Kind::ApplicationTenantWrites);
  CHECK(signals.information == "WriteLimitExceeded");
}

TEST_CASE("An answer without throttle headers says nothing of throttling", "[scheduler]") {
  msgraph::HttpResponse response;
  response.status = 204;
  const auto signals = msgraph::detail::throttleSignalsOf(response, {});
  CHECK(signals.status == 204);
  CHECK_FALSE(signals.retryAfter);
  CHECK_FALSE(signals.limitPercentage);
  CHECK_FALSE(signals.scope);
  CHECK(signals.information.empty());
}

TEST_CASE("A limit percentage is a plain decimal number up to 10", "[scheduler]") {
  CHECK(parseLimitPercentage("0.8") == Approx(0.8));
  CHECK(parseLimitPercentage("1.25") == Approx(1.25));
  CHECK(parseLimitPercentage("1") == Approx(1));
  CHECK(parseLimitPercentage(".9") == Approx(0.9));
  for (const char* bad : {"", ".", "abc", "-0.8", "+0.8", "1e3", "inf", "nan", "0.8 ", " 0.8",
                          "0,8", "1.2.3", "11", "80%"}) {
    INFO(bad);
    CHECK_FALSE(parseLimitPercentage(bad));
  }
}

TEST_CASE("A throttle scope names its kind by scope and limit, in any case", "[scheduler]") {
  CHECK(parseThrottleScope("Tenant_Application/Write/app/tenant") == Kind::ApplicationTenantWrites);
  CHECK(parseThrottleScope("tenant_application/resourceunit/app/tenant") ==
        Kind::ApplicationTenantResourceUnits);
  CHECK(parseThrottleScope("Tenant_Application/Read/app/tenant") ==
        Kind::ApplicationTenantResourceUnits);
  CHECK(parseThrottleScope("Tenant/Write/tenant") == Kind::TenantWrites);
  CHECK(parseThrottleScope("Application/Write/app") == Kind::ApplicationWrites);
  CHECK(parseThrottleScope("Application/ResourceUnits/app") == Kind::ApplicationResourceUnits);
  for (const char* unknown : {"", "/", "Tenant/ResourceUnit/tenant", "Tenant_Application",
                              "Tenant_Application/Delete/app/tenant", "Mailbox/Write/x"}) {
    INFO(unknown);
    CHECK_FALSE(parseThrottleScope(unknown));
  }
}
