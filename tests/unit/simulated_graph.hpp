// SPDX-License-Identifier: MIT
#pragma once

// A simulated Graph write quota for the scheduler's simulation tests: a token bucket per tenant
// as the identity and access service meters writes (throttled requests count too), answering on
// a simulated clock with the status and headers Graph sends: 429 with a truthful Retry-After
// (the time until its bucket has a token again), x-ms-throttle-limit-percentage from 0.8 up, and
// x-ms-throttle-scope on a 429.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>

#include "msgraph/http/http_response.hpp"
#include "pipeline/token_bucket.hpp"

namespace msgraph_test {

class SimulatedGraph {
 public:
  struct Quota {
    double capacity = 200;  // --throttle-writes 200/10: 200 per 10 s
    double perSecond = 20;
    bool sendsLimitPercentage = true;
  };

  explicit SimulatedGraph(Quota quota) : quota_(quota) {}

  /// From `from` until `until`, every write for `tenant` is throttled (another application
  /// spent the tenant's quota), with a Retry-After that says so.
  void block(const std::string& tenant, msgraph::detail::SchedulerTime from,
             msgraph::detail::SchedulerTime until) {
    bucketOf(tenant).blockedFrom = from;
    bucketOf(tenant).blockedUntil = until;
  }

  /// The answer to one write for `tenant` that reaches Graph at `at` (calls in time order).
  msgraph::HttpResponse write(const std::string& tenant, msgraph::detail::SchedulerTime at) {
    Bucket& bucket = bucketOf(tenant);
    if (bucket.at.time_since_epoch().count() == 0) bucket.at = at;
    const double elapsed = std::chrono::duration<double>(at - bucket.at).count();
    bucket.tokens = std::min(quota_.capacity, bucket.tokens + quota_.perSecond * elapsed);
    bucket.at = at;
    msgraph::HttpResponse response;
    double wait = 0;
    if (at >= bucket.blockedFrom && at < bucket.blockedUntil) {
      wait = std::chrono::duration<double>(bucket.blockedUntil - at).count();
    } else if (bucket.tokens < 1) {
      wait = (1 - (bucket.tokens - 1)) / quota_.perSecond;  // this request counts as well
    }
    bucket.tokens -= 1;  // throttled or not, it counts against the quota
    const double used = (quota_.capacity - bucket.tokens) / quota_.capacity;
    response.status = wait > 0 ? 429 : 204;
    if (wait > 0) {
      response.headers.add("Retry-After", decimal(wait, 3));
      response.headers.add("x-ms-throttle-scope", "Tenant_Application/Write/app/" + tenant);
      response.headers.add("x-ms-throttle-information", "WriteLimitExceeded");
    }
    if (quota_.sendsLimitPercentage && used >= 0.8) {
      response.headers.add("x-ms-throttle-limit-percentage", decimal(used, 2));
    }
    return response;
  }

 private:
  struct Bucket {
    double tokens;
    msgraph::detail::SchedulerTime at{};
    msgraph::detail::SchedulerTime blockedFrom{};
    msgraph::detail::SchedulerTime blockedUntil{};
  };

  Bucket& bucketOf(const std::string& tenant) {
    return bucketsByTenant_.try_emplace(tenant, Bucket{quota_.capacity}).first->second;
  }

  static std::string decimal(double value, int digits) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
  }

  Quota quota_;
  std::map<std::string, Bucket> bucketsByTenant_;
};

}  // namespace msgraph_test
