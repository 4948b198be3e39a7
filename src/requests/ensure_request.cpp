// SPDX-License-Identifier: MIT
// ensure of a policy, and of a partner configuration with its policy: plans and runs of the one
// ensure loop (requests/ensurer.hpp).
#include "msgraph/requests/ensure_request.hpp"

#include <string>
#include <vector>

#include "msgraph/requests/identity_synchronization_request_builder.hpp"
#include "msgraph/requests/partners_request_builder.hpp"
#include "requests/async_ensurer.hpp"
#include "requests/ensurer.hpp"
#include "requests/request_validation.hpp"

namespace msgraph {

namespace detail {

bool hasServiceStatus(const Error& error, int status) {
  const auto* service = dynamic_cast<const ServiceError*>(&error);
  return service != nullptr && service->status() == status;
}

}  // namespace detail

namespace {

using Policy = models::IdentitySyncPolicyPartner;
using Partner = models::CrossTenantAccessPolicyConfigurationPartner;

// The policy is created by a PUT at its own URL.
detail::Ensurer<Policy> policyEnsurer(const detail::RequestCore& policy, const Policy& desired,
                                      std::vector<Attempt>& attempts) {
  return detail::Ensurer<Policy>(
      policy, detail::withBody(policy.withMethod(HttpMethod::Put, {}), desired), desired, attempts);
}

// The partner configuration is created by a POST to the collection, its tenantId in the body.
detail::Ensurer<Partner> partnerEnsurer(const detail::RequestCore& partner, const Partner& desired,
                                        std::vector<Attempt>& attempts) {
  return detail::Ensurer<Partner>(
      partner, detail::withBody(partner.parent().withMethod(HttpMethod::Post, {}), desired),
      desired, attempts);
}

// The partner as desired, without the policy, which is ensured on its own.
Partner partnerOnly(Partner desired) {
  desired.identitySynchronization = {};
  return desired;
}

// What the policy's ensure did, into `result`.
void notePolicyStep(detail::EnsureStep& step, EnsureResult& result) {
  result.outcome = step.outcome;
  result.changed = std::move(step.changed);
}

// What the partner's ensure did, into `result`: a declined partner write declines the whole.
void notePartnerStep(detail::EnsureStep& step, EnsureResult& result) {
  result.partnerCreated = step.outcome == EnsureOutcome::Created;
  result.partnerChanged = std::move(step.changed);
  if (step.outcome == EnsureOutcome::Declined) result.outcome = EnsureOutcome::Declined;
}

// The state of an async ensure, alive until its callback runs: the requests and models the
// ensurers refer to, and the attempts they add up.
struct AsyncEnsure {
  AsyncEnsure(detail::RequestCore partnerRequest, Partner partnerDesired,
              std::optional<Policy> policyDesired, std::function<void(Result<EnsureResult>)> done)
      : partnerCore(std::move(partnerRequest)),
        partner(std::move(partnerDesired)),
        policy(std::move(policyDesired)),
        callback(std::move(done)) {}

  void finish() {
    result.attempts = std::move(attempts);
    callback(std::move(result));
  }
  void fail(std::shared_ptr<const Error> error) { callback(std::move(error)); }

  detail::RequestCore partnerCore;
  detail::RequestCore policyCore{partnerCore};
  Partner partner;
  std::optional<Policy> policy;
  std::function<void(Result<EnsureResult>)> callback;
  std::vector<Attempt> attempts;
  std::optional<detail::Ensurer<Partner>> partners;
  std::optional<detail::Ensurer<Policy>> policies;
  EnsureResult result;
};

// Runs the policy's ensure of `state` (its policyCore set), then finishes.
void ensurePolicyAsync(const std::shared_ptr<AsyncEnsure>& state) {
  state->policies.emplace(policyEnsurer(state->policyCore, *state->policy, state->attempts));
  detail::runEnsurerAsync(state, *state->policies, 0, [state](Result<detail::EnsureStep> step) {
    if (!step.ok()) return state->fail(step.errorPtr());
    notePolicyStep(step.value(), state->result);
    state->finish();
  });
}

// Adds the planned write of `step`, as it would be sent, to `plan`.
void addWrite(const detail::EnsureStep& step, EnsurePlan& plan) {
  if (step.write) plan.writes.push_back(step.write->preview());
}

}  // namespace

Result<EnsureResult> EnsureIdentitySynchronizationRequest::send() const {
  std::vector<Attempt> attempts;
  Result<detail::EnsureStep> step = policyEnsurer(core_, desired_, attempts).run();
  if (!step.ok()) return step.errorPtr();
  EnsureResult result;
  notePolicyStep(step.value(), result);
  result.attempts = std::move(attempts);
  return result;
}

void EnsureIdentitySynchronizationRequest::sendAsync(
    std::function<void(Result<EnsureResult>)> callback) const {
  auto state = std::make_shared<AsyncEnsure>(core_, Partner{}, desired_, std::move(callback));
  state->policyCore = core_;
  ensurePolicyAsync(state);
}

Result<EnsurePlan> EnsureIdentitySynchronizationRequest::plan() const {
  std::vector<Attempt> attempts;
  auto ensurer = policyEnsurer(core_, desired_, attempts);
  Result<detail::EnsureStep> step = ensurer.plan();
  if (!step.ok()) return step.errorPtr();
  EnsurePlan plan;
  plan.outcome = step.value().outcome;
  plan.changed = std::move(step.value().changed);
  try {
    addWrite(step.value(), plan);
  } catch (const Error& error) {
    return ensurer.failure(error);
  }
  plan.attempts = std::move(attempts);
  return plan;
}

EnsureIdentitySynchronizationRequest IdentitySynchronizationRequestBuilder::ensure(
    models::IdentitySyncPolicyPartner desired) const {
  return EnsureIdentitySynchronizationRequest({target_, HttpMethod::Get}, std::move(desired));
}

Result<EnsureResult> EnsurePartnerRequest::send() const {
  std::vector<Attempt> attempts;
  const Partner partner = partnerOnly(desired_);
  Result<detail::EnsureStep> partnerStep = partnerEnsurer(core_, partner, attempts).run();
  if (!partnerStep.ok()) return partnerStep.errorPtr();
  EnsureResult result;
  notePartnerStep(partnerStep.value(), result);
  // A declined partner write leaves no partner, so no policy to write either.
  if (result.outcome != EnsureOutcome::Declined && policy_) {
    const detail::RequestCore policyCore = core_.child("identitySynchronization");
    Result<detail::EnsureStep> policyStep = policyEnsurer(policyCore, *policy_, attempts).run();
    if (!policyStep.ok()) return policyStep.errorPtr();
    notePolicyStep(policyStep.value(), result);
  }
  result.attempts = std::move(attempts);
  return result;
}

void EnsurePartnerRequest::sendAsync(std::function<void(Result<EnsureResult>)> callback) const {
  auto state =
      std::make_shared<AsyncEnsure>(core_, partnerOnly(desired_), policy_, std::move(callback));
  state->partners.emplace(partnerEnsurer(state->partnerCore, state->partner, state->attempts));
  detail::runEnsurerAsync(state, *state->partners, 0, [state](Result<detail::EnsureStep> step) {
    if (!step.ok()) return state->fail(step.errorPtr());
    notePartnerStep(step.value(), state->result);
    if (state->result.outcome == EnsureOutcome::Declined || !state->policy) {
      return state->finish();
    }
    state->policyCore = state->partnerCore.child("identitySynchronization");
    ensurePolicyAsync(state);
  });
}

Result<EnsurePlan> EnsurePartnerRequest::plan() const {
  std::vector<Attempt> attempts;
  const Partner partner = partnerOnly(desired_);
  auto partners = partnerEnsurer(core_, partner, attempts);
  Result<detail::EnsureStep> partnerStep = partners.plan();
  if (!partnerStep.ok()) return partnerStep.errorPtr();
  EnsurePlan plan;
  plan.partnerCreated = partnerStep.value().outcome == EnsureOutcome::Created;
  plan.partnerChanged = std::move(partnerStep.value().changed);
  try {
    addWrite(partnerStep.value(), plan);
    if (policy_) {
      const detail::RequestCore policyCore = core_.child("identitySynchronization");
      auto policies = policyEnsurer(policyCore, *policy_, attempts);
      if (plan.partnerCreated) {  // a new partner has no policy: it would be PUT, unread
        plan.outcome = EnsureOutcome::Created;
        plan.writes.push_back(
            detail::withBody(policyCore.withMethod(HttpMethod::Put, {}), *policy_).preview());
      } else {
        Result<detail::EnsureStep> policyStep = policies.plan();
        if (!policyStep.ok()) return policyStep.errorPtr();
        plan.outcome = policyStep.value().outcome;
        plan.changed = std::move(policyStep.value().changed);
        addWrite(policyStep.value(), plan);
      }
    }
  } catch (const Error& error) {
    return partners.failure(error);
  }
  plan.attempts = std::move(attempts);
  return plan;
}

EnsurePartnerRequest PartnersRequestBuilder::ensure(
    models::CrossTenantAccessPolicyConfigurationPartner partner,
    std::optional<models::IdentitySyncPolicyPartner> policy) const {
  detail::RequestTarget target = target_;
  if (!partner.tenantId.hasValue()) {
    target.pendingError = std::make_shared<ValidationError>(
        "partner.tenantId", "is required: it names the partner to ensure");
  } else {
    target = detail::partnerChild(target_, "", *partner.tenantId, "partner.tenantId");
  }
  return EnsurePartnerRequest({std::move(target), HttpMethod::Get}, std::move(partner),
                              std::move(policy));
}

}  // namespace msgraph
