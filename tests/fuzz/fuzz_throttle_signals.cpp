// SPDX-License-Identifier: MIT
// Throttle headers from the network (Retry-After, x-ms-throttle-limit-percentage,
// x-ms-throttle-scope) are read as sane figures or as nothing, and whatever they say, the
// scheduler they feed keeps its promises: a wait is never in the past, a pause never longer than
// 5 minutes, every slot comes back.
//
// Input: a status byte, then the four header values separated by '\n'.

#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "pipeline/quota_scheduler.hpp"
#include "pipeline/throttle_signals.hpp"

namespace {

std::string_view nextLine(std::string_view& rest) {
  const auto end = rest.find('\n');
  const std::string_view line = rest.substr(0, end);
  rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  msgraph::HttpResponse response;
  response.status = data[0] % 2 == 0 ? 429 : 200 + data[0] % 400;
  for (const char* name : {"Retry-After", "x-ms-throttle-limit-percentage", "x-ms-throttle-scope",
                           "x-ms-throttle-information"}) {
    response.headers.add(name, std::string(nextLine(rest)));
  }
  // 2015-10-21T07:00:00Z, for a Retry-After date.
  const auto wallNow = std::chrono::system_clock::time_point(std::chrono::seconds(1445410800));
  const auto signals = msgraph::detail::throttleSignalsOf(response, wallNow);
  msgraph_fuzz::check(!signals.retryAfter || signals.retryAfter->count() >= 0,
                      "a Retry-After is never negative");
  msgraph_fuzz::check(
      !signals.limitPercentage || (std::isfinite(*signals.limitPercentage) &&
                                   *signals.limitPercentage >= 0 && *signals.limitPercentage <= 10),
      "a limit percentage is a share from 0 to 10");

  msgraph::detail::QuotaScheduler scheduler(msgraph::ThrottleOptions{});
  const auto start = msgraph::detail::SchedulerTime(std::chrono::hours(1));
  const auto scopes = scheduler.scopesOf("app", "tenant", start).writes;
  const auto admission = scheduler.tryAcquire(scopes, start);
  msgraph_fuzz::check(admission.verdict == msgraph::detail::Admission::Verdict::Go,
                      "a fresh scheduler admits a write");
  scheduler.onComplete(admission.ticket, signals, start + std::chrono::milliseconds(100));
  msgraph_fuzz::check(scheduler.concurrency().inFlight == 0, "an answered request frees its slot");
  const auto now = start + std::chrono::seconds(1);
  const auto next = scheduler.tryAcquire(scopes, now);
  msgraph_fuzz::check(next.notBefore >= now, "a wait is never in the past");
  msgraph_fuzz::check(next.notBefore <= now + std::chrono::minutes(6),
                      "a pause is never longer than 5 minutes and the next token");
  for (const auto& status : scheduler.scopeStatus(now)) {
    msgraph_fuzz::check(status.ratePerSecond > 0, "a scope's rate never falls to zero");
  }
  return 0;
}
