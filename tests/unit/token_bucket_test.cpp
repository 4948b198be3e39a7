// SPDX-License-Identifier: MIT
// The scheduler's token bucket and options: refill math, debts, pauses, validation.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "msgraph/error.hpp"
#include "msgraph/pipeline/throttle_options.hpp"
// Private headers: tests/CMakeLists.txt puts src/ on the unit tests' include path.
#include "pipeline/token_bucket.hpp"

using msgraph::detail::SchedulerTime;
using msgraph::detail::TokenBucket;
using namespace std::chrono_literals;

namespace {

const SchedulerTime kStart = SchedulerTime(1h);

}  // namespace

TEST_CASE("A token bucket starts full and refills at its rate", "[scheduler]") {
  TokenBucket bucket(10, 2, kStart);
  CHECK(bucket.tokensAt(kStart) == Approx(10));
  CHECK(bucket.availableAt(1, kStart) == kStart);
  bucket.take(10, kStart);
  CHECK(bucket.tokensAt(kStart) == Approx(0));
  CHECK(bucket.availableAt(1, kStart) == kStart + 500ms);
  CHECK(bucket.tokensAt(kStart + 500ms) == Approx(1));
  CHECK(bucket.availableAt(3, kStart + 500ms) == kStart + 1500ms);
}

TEST_CASE("A token bucket never holds more than its capacity", "[scheduler]") {
  TokenBucket bucket(10, 2, kStart);
  bucket.take(4, kStart);
  CHECK(bucket.tokensAt(kStart + 1h) == Approx(10));
}

TEST_CASE("A cost over the capacity waits for a full bucket and leaves a debt", "[scheduler]") {
  TokenBucket bucket(5, 1, kStart);
  bucket.take(1, kStart);
  CHECK(bucket.availableAt(8, kStart) == kStart + 1s);  // full again, not 8 tokens
  bucket.take(8, kStart + 1s);
  CHECK(bucket.tokensAt(kStart + 1s) == Approx(-3));
  CHECK(bucket.availableAt(1, kStart + 1s) == kStart + 5s);
}

TEST_CASE("A drained bucket earns nothing before it resumes", "[scheduler]") {
  TokenBucket bucket(10, 1, kStart);
  bucket.drainUntil(kStart + 30s, kStart + 2s);
  CHECK(bucket.tokensAt(kStart + 20s) == Approx(0));
  CHECK(bucket.availableAt(1, kStart + 2s) == kStart + 31s);
  SECTION("a resume time already past starts earning at once") {
    bucket.drainUntil(kStart + 1s, kStart + 40s);
    CHECK(bucket.availableAt(1, kStart + 40s) == kStart + 41s);
  }
}

TEST_CASE("A new rate applies from the moment it is set", "[scheduler]") {
  TokenBucket bucket(10, 2, kStart);
  bucket.take(10, kStart);
  bucket.setRate(1, kStart + 1s);  // 2 tokens earned at the old rate stay
  CHECK(bucket.tokensAt(kStart + 2s) == Approx(3));
  bucket.limitTo(1, kStart + 2s);
  CHECK(bucket.tokensAt(kStart + 2s) == Approx(1));
}

TEST_CASE("A tiny rate waits at most a year and never overflows the clock", "[scheduler]") {
  TokenBucket bucket(1, 1e-300, kStart);
  bucket.take(1, kStart);
  CHECK(bucket.availableAt(1, kStart) == kStart + std::chrono::hours(365 * 24));
}

TEST_CASE("ThrottleOptions defaults are the documented identity and access quotas", "[scheduler]") {
  const msgraph::ThrottleOptions options;
  CHECK(options.applicationTenantWrites.count == 3000);
  CHECK(options.applicationTenantWrites.window == 150s);
  CHECK(options.applicationTenantResourceUnits.count == 3500);
  CHECK(options.applicationTenantResourceUnits.window == 10s);
  CHECK(options.tenantWrites.count == 18000);
  CHECK(options.tenantWrites.window == 300s);
  CHECK(options.applicationWrites.count == 35000);
  CHECK(options.applicationWrites.window == 300s);
  CHECK(options.applicationResourceUnits.count == 150000);
  CHECK(options.applicationResourceUnits.window == 20s);
  CHECK(options.fraction == 0.9);
  CHECK_NOTHROW(options.validate());
}

TEST_CASE("ThrottleOptions refuses an out-of-range value naming the field", "[scheduler]") {
  struct Case {
    std::string field;
    std::function<void(msgraph::ThrottleOptions&)> spoil;
  };
  const std::vector<Case> cases = {
      {"ThrottleOptions.applicationTenantWrites.count",
       [](auto& o) { o.applicationTenantWrites.count = 0; }},
      {"ThrottleOptions.applicationTenantWrites.window",
       [](auto& o) { o.applicationTenantWrites.window = 0ms; }},
      {"ThrottleOptions.applicationTenantResourceUnits.count",
       [](auto& o) { o.applicationTenantResourceUnits.count = -1; }},
      {"ThrottleOptions.tenantWrites.window", [](auto& o) { o.tenantWrites.window = -1s; }},
      {"ThrottleOptions.applicationWrites.count", [](auto& o) { o.applicationWrites.count = 0; }},
      {"ThrottleOptions.applicationResourceUnits.count",
       [](auto& o) { o.applicationResourceUnits.count = 0; }},
      {"ThrottleOptions.fraction", [](auto& o) { o.fraction = 0; }},
      {"ThrottleOptions.fraction", [](auto& o) { o.fraction = 1.01; }},
      {"ThrottleOptions.fraction", [](auto& o) { o.fraction = std::nan(""); }},
      {"ThrottleOptions.decreaseFactor", [](auto& o) { o.decreaseFactor = 1; }},
      {"ThrottleOptions.decreaseFactor", [](auto& o) { o.decreaseFactor = 0; }},
      {"ThrottleOptions.slowdownThreshold", [](auto& o) { o.slowdownThreshold = 2.5; }},
      {"ThrottleOptions.maxConcurrency", [](auto& o) { o.maxConcurrency = 0; }},
      {"ThrottleOptions.initialConcurrency", [](auto& o) { o.initialConcurrency = 0; }},
      {"ThrottleOptions.initialConcurrency", [](auto& o) { o.initialConcurrency = 65; }},
      {"ThrottleOptions.priority",
       [](auto& o) { o.priority = static_cast<msgraph::ThrottlePriority>(7); }},
  };
  for (const auto& c : cases) {
    msgraph::ThrottleOptions options;
    c.spoil(options);
    INFO(c.field);
    try {
      options.validate();
      FAIL("validate() accepted a spoiled " << c.field);
    } catch (const msgraph::ValidationError& e) {
      CHECK(e.field() == c.field);
      CHECK_FALSE(e.reason().empty());
    }
  }
}

TEST_CASE("The throttle priority is sent as Graph spells it, Normal not at all", "[scheduler]") {
  CHECK(msgraph::throttlePriorityHeaderValue(msgraph::ThrottlePriority::Low) == "Low");
  CHECK(msgraph::throttlePriorityHeaderValue(msgraph::ThrottlePriority::High) == "High");
  CHECK(msgraph::throttlePriorityHeaderValue(msgraph::ThrottlePriority::Normal).empty());
}
