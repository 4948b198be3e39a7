// SPDX-License-Identifier: MIT
#include "throttling/throttler.hpp"

#include <algorithm>

namespace emulator {
namespace {

// Folds one bucket's answer into the request's verdict.
void fold(ThrottleVerdict& verdict, const TokenBucket::Take& take, ThrottleScope scope,
          std::int64_t& refusingWait) {
  verdict.metered = true;
  verdict.useHundredths = std::max(verdict.useHundredths, take.useHundredths);
  verdict.retryAfterMicros = std::max(verdict.retryAfterMicros, take.waitMicros);
  if (!take.allowed && (!verdict.throttled || take.waitMicros > refusingWait)) {
    verdict.throttled = true;
    verdict.scope = scope;
    refusingWait = take.waitMicros;
  }
}

// The bucket in `slot`, made full at `now` the first time it is needed.
TokenBucket& bucketIn(std::optional<TokenBucket>& slot, ThrottleLimit limit, std::int64_t now) {
  if (!slot) slot.emplace(limit, now);
  return *slot;
}

}  // namespace

std::string_view scopeName(ThrottleScope scope) {
  switch (scope) {
    case ThrottleScope::AppTenantWrites:
      return "Tenant_Application/Write";
    case ThrottleScope::AppTenantReads:
      return "Tenant_Application/Read";
    case ThrottleScope::TenantWrites:
      break;
  }
  return "Tenant/Write";
}

Throttler::Throttler(const ThrottleOptions& options, const ThrottleClock& clock)
    : options_(options), clock_(clock) {}

Throttler::AppTenantBuckets& Throttler::appTenantBuckets(std::string_view appId,
                                                         std::string_view tenantId) {
  const auto found = appTenants_.find(AppTenantLess::View{appId, tenantId});
  if (found != appTenants_.end()) return found->second;
  return appTenants_
      .emplace(AppTenant{std::string(appId), std::string(tenantId)}, AppTenantBuckets{})
      .first->second;
}

TokenBucket& Throttler::tenantBucket(std::string_view tenantId, std::int64_t now) {
  const auto found = tenants_.find(tenantId);
  if (found != tenants_.end()) return found->second;
  return tenants_.emplace(std::string(tenantId), TokenBucket(*options_.tenantWrites, now))
      .first->second;
}

ThrottleVerdict Throttler::admit(bool write, std::string_view appId, std::string_view tenantId) {
  ThrottleVerdict verdict;
  std::int64_t refusingWait = 0;
  const std::optional<ThrottleLimit>& pairLimit =
      write ? options_.appTenantWrites : options_.appTenantReads;
  std::lock_guard<std::mutex> lock(mutex_);
  // Read under the lock, so that the buckets see time in the order they are taken from.
  const std::int64_t now = clock_.nowMicros();
  if (pairLimit) {
    AppTenantBuckets& buckets = appTenantBuckets(appId, tenantId);
    TokenBucket& bucket = bucketIn(write ? buckets.writes : buckets.reads, *pairLimit, now);
    fold(verdict, bucket.take(now),
         write ? ThrottleScope::AppTenantWrites : ThrottleScope::AppTenantReads, refusingWait);
  }
  if (write && options_.tenantWrites) {
    fold(verdict, tenantBucket(tenantId, now).take(now), ThrottleScope::TenantWrites, refusingWait);
  }
  if (verdict.throttled) ++refusals_[static_cast<std::size_t>(verdict.scope)];
  return verdict;
}

msgraph::Json Throttler::refusalsJson() const {
  std::lock_guard<std::mutex> lock(mutex_);
  msgraph::JsonObject out;
  for (std::size_t i = 0; i < kThrottleScopes; ++i) {
    out.set(std::string(scopeName(static_cast<ThrottleScope>(i))), refusals_[i]);
  }
  return out;
}

}  // namespace emulator
