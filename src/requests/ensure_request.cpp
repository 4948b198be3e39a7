// SPDX-License-Identifier: MIT
// ensure: read, compare, then the least write, recovering from the races of concurrent writers.
#include "msgraph/requests/ensure_request.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "msgraph/requests/identity_synchronization_request_builder.hpp"
#include "requests/model_diff.hpp"
#include "requests/request_body.hpp"
#include "requests/request_errors.hpp"

namespace msgraph {

namespace {

using Policy = models::IdentitySyncPolicyPartner;

// Races are retried this often: a read, then a write that found the state changed meanwhile.
constexpr int kRounds = 3;

bool hasStatus(const Error& error, int status) {
  const auto* service = dynamic_cast<const ServiceError*>(&error);
  return service != nullptr && service->status() == status;
}

// The state ensure found, and the write that would make it `desired`.
struct Step {
  EnsureOutcome outcome = EnsureOutcome::Unchanged;
  std::vector<std::string> changed;
  std::optional<detail::RequestCore> write;
};

// One ensure: its requests share the per-call options of `base`, and their attempts add up.
class Ensurer {
 public:
  Ensurer(const detail::RequestCore& base, const Policy& desired)
      : base_(base), desired_(desired) {}

  // Reads the policy and picks the write. Empty policy: Graph answered 404.
  Result<Step> plan() {
    Result<detail::Exchange> read = base_.withMethod(HttpMethod::Get, {}).run();
    if (!read.ok()) {
      keep(read.error().attempts());
      if (!hasStatus(read.error(), 404)) return failure(read.error());
      return Step{EnsureOutcome::Created, {}, writeOf(HttpMethod::Put, desired_)};
    }
    keep(read.value().attempts);
    Policy current;
    try {
      current = Policy::fromJson(read.value().response.body);
    } catch (const DeserializationError& error) {
      return failure(error);
    }
    Step step;
    Policy patch;
    if (!detail::diffModel(desired_, current, patch, step.changed)) return step;
    step.outcome = EnsureOutcome::Updated;
    step.write = writeOf(HttpMethod::Patch, patch);
    return step;
  }

  Result<EnsureResult> run() {
    try {
      desired_.toJson();
    } catch (const ValidationError&) {  // refused before anything is read or written
      return writeOf(HttpMethod::Put, desired_).run().errorPtr();
    }
    for (int round = 0; round < kRounds; ++round) {
      Result<Step> step = plan();
      if (!step.ok()) return step.errorPtr();
      if (!step.value().write) return done(step.value());
      Result<detail::Exchange> wrote = step.value().write->run();
      if (wrote.ok()) {
        keep(wrote.value().attempts);
        if (wrote.value().declined) step.value().outcome = EnsureOutcome::Declined;
        return done(step.value());
      }
      keep(wrote.error().attempts());
      // Created meanwhile (PUT: 409) or deleted meanwhile (PATCH: 404): read again.
      const bool raced = step.value().outcome == EnsureOutcome::Created
                             ? hasStatus(wrote.error(), 409)
                             : hasStatus(wrote.error(), 404);
      if (!raced) return failure(wrote.error());
    }
    return failure(Error("ensure gave up: the policy changed under it " + std::to_string(kRounds) +
                         " times in a row"));
  }

  std::vector<Attempt>& attempts() noexcept { return attempts_; }

 private:
  detail::RequestCore writeOf(HttpMethod method, const Policy& body) const {
    return detail::withBody(base_.withMethod(method, {}), body);
  }
  void keep(const std::vector<Attempt>& more) {
    attempts_.insert(attempts_.end(), more.begin(), more.end());
  }
  std::shared_ptr<const Error> failure(const Error& error) const {
    return detail::withAttempts(error, attempts_);
  }
  EnsureResult done(Step& step) {
    return EnsureResult{step.outcome, std::move(step.changed), std::move(attempts_)};
  }

  const detail::RequestCore& base_;
  const Policy& desired_;
  std::vector<Attempt> attempts_;
};

}  // namespace

Result<EnsureResult> EnsureIdentitySynchronizationRequest::send() const {
  return Ensurer(core_, desired_).run();
}

Result<EnsurePlan> EnsureIdentitySynchronizationRequest::plan() const {
  Ensurer ensurer(core_, desired_);
  Result<Step> step = ensurer.plan();
  if (!step.ok()) return step.errorPtr();
  EnsurePlan plan{step.value().outcome, std::move(step.value().changed), std::nullopt,
                  std::move(ensurer.attempts())};
  try {
    if (step.value().write) plan.write = step.value().write->preview();
  } catch (const Error& error) {
    return detail::withAttempts(error, std::move(plan.attempts));
  }
  return plan;
}

EnsureIdentitySynchronizationRequest IdentitySynchronizationRequestBuilder::ensure(
    models::IdentitySyncPolicyPartner desired) const {
  return EnsureIdentitySynchronizationRequest({target_, HttpMethod::Get}, std::move(desired));
}

}  // namespace msgraph
