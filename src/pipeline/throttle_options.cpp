// SPDX-License-Identifier: MIT
#include "msgraph/pipeline/throttle_options.hpp"

#include <cmath>
#include <string>

#include "msgraph/error.hpp"

namespace msgraph {

namespace {

void requireQuota(const QuotaLimit& quota, const char* name) {
  const std::string field = std::string("ThrottleOptions.") + name;
  if (quota.count < 1) throw ValidationError(field + ".count", "must be at least 1");
  if (quota.window < std::chrono::milliseconds(1)) {
    throw ValidationError(field + ".window", "must be at least 1 ms");
  }
}

// NaN fails every comparison, so the negated test refuses it too.
void requireRange(double value, double low, double high, bool highAllowed, const char* name,
                  const char* reason) {
  const bool below = highAllowed ? value <= high : value < high;
  if (!(value > low && below)) {
    throw ValidationError(std::string("ThrottleOptions.") + name, reason);
  }
}

}  // namespace

std::string_view throttlePriorityHeaderValue(ThrottlePriority priority) noexcept {
  switch (priority) {
    case ThrottlePriority::Low:
      return "Low";
    case ThrottlePriority::High:
      return "High";
    case ThrottlePriority::Normal:
      break;
  }
  return {};
}

void ThrottleOptions::validate() const {
  requireQuota(applicationTenantWrites, "applicationTenantWrites");
  requireQuota(applicationTenantResourceUnits, "applicationTenantResourceUnits");
  requireQuota(tenantWrites, "tenantWrites");
  requireQuota(applicationWrites, "applicationWrites");
  requireQuota(applicationResourceUnits, "applicationResourceUnits");
  requireRange(fraction, 0.0, 1.0, true, "fraction", "must be more than 0 and at most 1");
  requireRange(decreaseFactor, 0.0, 1.0, false, "decreaseFactor",
               "must be more than 0 and less than 1");
  requireRange(slowdownThreshold, 0.0, 2.0, true, "slowdownThreshold",
               "must be more than 0 and at most 2");
  if (maxConcurrency < 1)
    throw ValidationError("ThrottleOptions.maxConcurrency", "must be at least 1");
  if (initialConcurrency < 1 || initialConcurrency > maxConcurrency) {
    throw ValidationError("ThrottleOptions.initialConcurrency",
                          "must be at least 1 and at most maxConcurrency");
  }
  if (priority != ThrottlePriority::Low && priority != ThrottlePriority::Normal &&
      priority != ThrottlePriority::High) {
    throw ValidationError("ThrottleOptions.priority", "must be Low, Normal or High");
  }
}

}  // namespace msgraph
