// SPDX-License-Identifier: MIT
#include "pipeline/quota_scheduler.hpp"

#include <algorithm>
#include <string>

namespace msgraph::detail {

namespace {

const ThrottleOptions& validated(const ThrottleOptions& options) {
  options.validate();
  return options;
}

const QuotaLimit& quotaOf(const ThrottleOptions& options, ThrottleScopeKind kind) noexcept {
  switch (kind) {
    case ThrottleScopeKind::ApplicationTenantWrites:
      return options.applicationTenantWrites;
    case ThrottleScopeKind::ApplicationTenantResourceUnits:
      return options.applicationTenantResourceUnits;
    case ThrottleScopeKind::TenantWrites:
      return options.tenantWrites;
    case ThrottleScopeKind::ApplicationWrites:
      return options.applicationWrites;
    case ThrottleScopeKind::ApplicationResourceUnits:
      break;
  }
  return options.applicationResourceUnits;
}

bool isTenantWide(ThrottleScopeKind kind) noexcept {
  return kind == ThrottleScopeKind::TenantWrites;
}

bool isApplicationWide(ThrottleScopeKind kind) noexcept {
  return kind == ThrottleScopeKind::ApplicationWrites ||
         kind == ThrottleScopeKind::ApplicationResourceUnits;
}

void append(ScopeSet& set, std::uint32_t id) noexcept { set.ids[set.size++] = id; }

}  // namespace

QuotaScheduler::QuotaScheduler(const ThrottleOptions& options)
    : options_(validated(options)), concurrency_(options_) {}

std::uint32_t QuotaScheduler::scopeId(ThrottleScopeKind kind, std::string_view applicationId,
                                      std::string_view tenantId, SchedulerTime now) {
  ThrottleScope scope{kind, isTenantWide(kind) ? std::string() : std::string(applicationId),
                      isApplicationWide(kind) ? std::string() : std::string(tenantId)};
  if (auto found = ids_.find(scope); found != ids_.end()) return found->second;
  const auto id = static_cast<std::uint32_t>(limiters_.size());
  limiters_.emplace_back(scope, quotaOf(options_, kind), options_, now);
  ids_.emplace(std::move(scope), id);
  return id;
}

ScopeSets QuotaScheduler::scopesOf(std::string_view applicationId, std::string_view tenantId,
                                   SchedulerTime now) {
  using ScopeKind = ThrottleScopeKind;
  const auto pairUnits =
      scopeId(ScopeKind::ApplicationTenantResourceUnits, applicationId, tenantId, now);
  const auto appUnits = scopeId(ScopeKind::ApplicationResourceUnits, applicationId, tenantId, now);
  ScopeSets sets;
  append(sets.writes, scopeId(ScopeKind::ApplicationTenantWrites, applicationId, tenantId, now));
  append(sets.writes, scopeId(ScopeKind::TenantWrites, applicationId, tenantId, now));
  append(sets.writes, scopeId(ScopeKind::ApplicationWrites, applicationId, tenantId, now));
  append(sets.writes, pairUnits);
  append(sets.writes, appUnits);
  append(sets.reads, pairUnits);
  append(sets.reads, appUnits);
  return sets;
}

Admission QuotaScheduler::tryAcquire(const ScopeSet& scopes, SchedulerTime now, double cost) {
  Admission admission;
  SchedulerTime ready = now;
  for (auto id : scopes) ready = std::max(ready, limiters_[id].availableAt(cost, now));
  if (ready > now) {
    admission.verdict = Admission::Verdict::WaitUntil;
    admission.notBefore = ready;
    return admission;
  }
  if (!concurrency_.hasRoom()) {
    concurrency_.noteWaiting();
    admission.verdict = Admission::Verdict::WaitForRoom;
    return admission;
  }
  for (auto id : scopes) limiters_[id].take(cost, now);
  concurrency_.start();
  admission.notBefore = now;
  admission.ticket = Ticket{scopes, cost, now};
  return admission;
}

std::uint32_t QuotaScheduler::signalledScope(
    const ScopeSet& scopes, std::optional<ThrottleScopeKind> named) const noexcept {
  if (named) {
    for (auto id : scopes) {
      if (limiters_[id].scope().kind == *named) return id;
    }
  }
  return *scopes.begin();
}

void QuotaScheduler::onComplete(const Ticket& ticket, const ThrottleSignals& signals,
                                SchedulerTime now) {
  concurrency_.finish(now - ticket.sentAt, signals.status != 0, signals.status == 429,
                      ticket.sentAt, now);
  learn(ticket, signals, now);
}

void QuotaScheduler::onEnvelopeComplete(const Ticket& ticket, const ThrottleSignals& envelope,
                                        const std::vector<ThrottleSignals>& items,
                                        SchedulerTime now) {
  bool throttled = envelope.status == 429;
  for (const ThrottleSignals& item : items) throttled = throttled || item.status == 429;
  concurrency_.finish(now - ticket.sentAt, envelope.status != 0, throttled, ticket.sentAt, now);
  if (items.empty()) return learn(ticket, envelope, now);
  for (const ThrottleSignals& item : items) learn(ticket, item, now);
}

void QuotaScheduler::learn(const Ticket& ticket, const ThrottleSignals& signals,
                           SchedulerTime now) {
  const bool answered = signals.status != 0;
  const bool throttled = signals.status == 429;
  // No answer, or a server error: nothing about the quota (the retry policy handles those).
  if (!answered || signals.status >= 500 || ticket.scopes.size == 0) return;
  const auto signalled = signalledScope(ticket.scopes, signals.scope);
  for (auto id : ticket.scopes) {
    ScopeLimiter& limiter = limiters_[id];
    if (id == signalled && throttled) {
      limiter.onThrottled(signals.retryAfter, ticket.sentAt, now);
    } else if (id == signalled && signals.limitPercentage) {
      limiter.onNearLimit(*signals.limitPercentage, ticket.sentAt, now);
    } else if (!throttled) {
      limiter.onSuccess(now);
    }
  }
}

std::chrono::milliseconds QuotaScheduler::estimateFor(std::int64_t writes,
                                                      const ScopeSet& writeScopes,
                                                      SchedulerTime now) const {
  std::chrono::milliseconds longest{0};
  for (auto id : writeScopes) {
    longest = std::max(longest, limiters_[id].timeFor(static_cast<double>(writes), now));
  }
  return longest;
}

std::vector<ScopeStatus> QuotaScheduler::scopeStatus(SchedulerTime now) const {
  std::vector<ScopeStatus> all;
  all.reserve(limiters_.size());
  for (const auto& limiter : limiters_) all.push_back(limiter.status(now));
  return all;
}

}  // namespace msgraph::detail
