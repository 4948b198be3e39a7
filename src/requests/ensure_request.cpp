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
detail::RequestCore policyCreate(const detail::RequestCore& policy, const Policy& desired) {
  return detail::withBody(policy.withMethod(HttpMethod::Put, {}), desired);
}

// The partner configuration is created by a POST to the collection, its tenantId in the body.
detail::RequestCore partnerCreate(const detail::RequestCore& partner, const Partner& desired) {
  return detail::withBody(partner.parent().withMethod(HttpMethod::Post, {}), desired);
}

detail::Ensurer<Policy> policyEnsurer(const detail::RequestCore& policy, const Policy& desired,
                                      std::vector<Attempt>& attempts) {
  return detail::Ensurer<Policy>(policy, policyCreate(policy, desired), desired, attempts);
}

detail::Ensurer<Partner> partnerEnsurer(const detail::RequestCore& partner, const Partner& desired,
                                        std::vector<Attempt>& attempts) {
  return detail::Ensurer<Partner>(partner, partnerCreate(partner, desired), desired, attempts);
}

// Starts the ensure of the policy at `policy` on the event loop.
void ensurePolicyAsync(const detail::RequestCore& policy, const Policy& desired,
                       std::vector<Attempt> attempts, detail::AsyncEnsurer<Policy>::Done done) {
  std::make_shared<detail::AsyncEnsurer<Policy>>(policy, policyCreate(policy, desired), desired,
                                                 std::move(attempts), std::move(done))
      ->start();
}

// Receives an async ensure's result.
using EnsureCallback = std::function<void(Result<EnsureResult>)>;

// The result of the policy's ensure into `result`, or its error, to `done`.
void deliverPolicyStep(const EnsureCallback& done, EnsureResult result,
                       Result<detail::EnsureStep> step, std::vector<Attempt> attempts) {
  if (!step.ok()) return done(step.errorPtr());
  result.outcome = step.value().outcome;
  result.changed = std::move(step.value().changed);
  result.attempts = std::move(attempts);
  done(std::move(result));
}

// The partner as desired, without the policy, which is ensured on its own.
Partner partnerOnly(Partner desired) {
  desired.identitySynchronization = {};
  return desired;
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
  result.outcome = step.value().outcome;
  result.changed = std::move(step.value().changed);
  result.attempts = std::move(attempts);
  return result;
}

void EnsureIdentitySynchronizationRequest::sendAsync(EnsureCallback callback) const {
  ensurePolicyAsync(
      core_, desired_, {},
      [done = std::move(callback)](Result<detail::EnsureStep> step, std::vector<Attempt> attempts) {
        deliverPolicyStep(done, EnsureResult{}, std::move(step), std::move(attempts));
      });
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
  result.partnerCreated = partnerStep.value().outcome == EnsureOutcome::Created;
  result.partnerChanged = std::move(partnerStep.value().changed);
  if (partnerStep.value().outcome == EnsureOutcome::Declined) {
    result.outcome = EnsureOutcome::Declined;  // no partner, so no policy to write either
  } else if (policy_) {
    const detail::RequestCore policyCore = core_.child("identitySynchronization");
    Result<detail::EnsureStep> policyStep = policyEnsurer(policyCore, *policy_, attempts).run();
    if (!policyStep.ok()) return policyStep.errorPtr();
    result.outcome = policyStep.value().outcome;
    result.changed = std::move(policyStep.value().changed);
  }
  result.attempts = std::move(attempts);
  return result;
}

// The partner first, then (unless the partner's write was declined) its policy: the same
// order and rules as send(), each step in the completion of the one before.
void EnsurePartnerRequest::sendAsync(EnsureCallback callback) const {
  const Partner partner = partnerOnly(desired_);
  auto policyStep = [done = std::move(callback), core = core_, policy = policy_](
                        Result<detail::EnsureStep> step, std::vector<Attempt> attempts) {
    if (!step.ok()) return done(step.errorPtr());
    EnsureResult result;
    result.partnerCreated = step.value().outcome == EnsureOutcome::Created;
    result.partnerChanged = std::move(step.value().changed);
    const bool declined = step.value().outcome == EnsureOutcome::Declined;
    if (declined || !policy) {
      if (declined) result.outcome = EnsureOutcome::Declined;  // no partner, so no policy either
      result.attempts = std::move(attempts);
      return done(std::move(result));
    }
    ensurePolicyAsync(
        core.child("identitySynchronization"), *policy, std::move(attempts),
        [done, result](Result<detail::EnsureStep> last, std::vector<Attempt> all) mutable {
          deliverPolicyStep(done, std::move(result), std::move(last), std::move(all));
        });
  };
  std::make_shared<detail::AsyncEnsurer<Partner>>(core_, partnerCreate(core_, partner), partner,
                                                  std::vector<Attempt>{}, std::move(policyStep))
      ->start();
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
