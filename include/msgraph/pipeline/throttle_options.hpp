// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

#include "msgraph/export.hpp"

namespace msgraph {

/// @brief A quota: at most `count` units per `window`, refilled continuously (a token bucket of
/// `count` tokens that refills at `count / window`), as Graph's identity and access service
/// meters them.
struct MSGRAPH_API QuotaLimit {
  /// @brief The units the window allows; at least 1.
  std::int64_t count = 1;
  /// @brief The window; at least 1 ms.
  std::chrono::milliseconds window{std::chrono::seconds(1)};
};

/// @brief The priority a run asks Graph to give its requests (`x-ms-throttle-priority`).
///
/// Graph's identity and access service throttles requests marked `Low` first when a quota runs
/// short, so background jobs leave room for interactive work.
enum class ThrottlePriority {
  Low,     ///< sends `x-ms-throttle-priority: Low`: background jobs, fleet reconciliation
  Normal,  ///< sends no header: the service's default
  High,    ///< sends `x-ms-throttle-priority: High`
};

/// @brief The `x-ms-throttle-priority` value for `priority`: `"Low"`, `"High"`, or `""` for
/// `Normal` (no header is sent).
MSGRAPH_API std::string_view throttlePriorityHeaderValue(ThrottlePriority priority) noexcept;

/// @brief How the quota-aware scheduler paces a run: the quotas per throttle scope, the share
/// of them the run may use, the concurrency cap, and the priority.
///
/// The defaults are the identity and access service's documented quotas
/// (https://learn.microsoft.com/graph/throttling-limits#identity-and-access-service-limits):
/// writes 3,000 per 150 s per application and tenant, 18,000 per 5 min per tenant across
/// applications, 35,000 per 5 min per application across tenants; resource units 3,500 per 10 s
/// per application and tenant (the smallest tenant size, S: the size of a tenant is not known
/// beforehand) and 150,000 per 20 s per application across tenants. A request on this API costs 1
/// resource unit, a write 1 resource unit and 1 write; each item of a `$batch` counts.
///
/// The scheduler never goes faster than `fraction` of a quota: it starts there (with a full
/// bucket, spent at most at twice the rate), pauses a scope until `Retry-After` and cuts its rate
/// by `decreaseFactor` on a `429`, trims the rate when Graph reports
/// `x-ms-throttle-limit-percentage` of at least `slowdownThreshold`, and climbs back on success.
/// It does not probe above the documented quota: Graph throttles at the quota, so a probe could
/// only find 429s, which count against the quota too.
///
/// Plain values; `validate()` checks them, as the scheduler does before a run.
struct MSGRAPH_API ThrottleOptions {
  /// @brief Writes per application and tenant (`Tenant_Application/Write`).
  QuotaLimit applicationTenantWrites{3000, std::chrono::seconds(150)};
  /// @brief Resource units per application and tenant (reads and writes both cost them).
  QuotaLimit applicationTenantResourceUnits{3500, std::chrono::seconds(10)};
  /// @brief Writes per tenant, across every application.
  QuotaLimit tenantWrites{18000, std::chrono::minutes(5)};
  /// @brief Writes per application, across every tenant.
  QuotaLimit applicationWrites{35000, std::chrono::minutes(5)};
  /// @brief Resource units per application, across every tenant.
  QuotaLimit applicationResourceUnits{150000, std::chrono::seconds(20)};
  /// @brief The share of each quota the run may use, in (0, 1]; the rest is left to other
  /// applications and runs. Default 0.9.
  double fraction = 0.9;
  /// @brief Requests in flight at the start; between 1 and `maxConcurrency`.
  int initialConcurrency = 8;
  /// @brief The most requests in flight at once, whatever the latency; at least 1.
  int maxConcurrency = 64;
  /// @brief The rate is multiplied by this on a `429`, in (0, 1). Default 0.5.
  double decreaseFactor = 0.5;
  /// @brief `x-ms-throttle-limit-percentage` (the share of the quota used, Graph sends it from
  /// 0.8 up) at or above which the scope slows before any `429`; in (0, 2]. Default 0.8.
  double slowdownThreshold = 0.8;
  /// @brief The priority sent with every request of the run.
  ThrottlePriority priority = ThrottlePriority::Normal;

  /// @brief Checks every field.
  /// @throws ValidationError naming the field (`ThrottleOptions.fraction`) and the reason.
  void validate() const;
};

}  // namespace msgraph
