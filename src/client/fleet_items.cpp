// SPDX-License-Identifier: MIT
#include "client/fleet_items.hpp"

#include <string>
#include <utility>
#include <vector>

#include "msgraph/requests/cross_tenant_access_policy_request_builder.hpp"
#include "msgraph/requests/identity_synchronization_request_builder.hpp"
#include "msgraph/requests/partner_request_builder.hpp"
#include "msgraph/requests/partners_request_builder.hpp"
#include "msgraph/requests/policies_request_builder.hpp"
#include "requests/request_core_access.hpp"

namespace msgraph::detail {

namespace {

template <typename Request>
Request& prepared(Request& request, const ItemCall& call) {
  RequestCoreAccess::core(request).setAttemptGate(call.gate);
  RequestCoreAccess::core(request).setAttemptCarrier(call.carrier);
  request.cancellation(call.cancellation);
  request.retry(call.retry);
  const std::string_view priority = throttlePriorityHeaderValue(call.priority);
  if (!priority.empty()) request.header("x-ms-throttle-priority", std::string(priority));
  return request;
}

void noteAttempts(FleetResult& result, std::vector<Attempt> attempts) {
  result.attempts = std::move(attempts);
  if (result.attempts.empty()) return;
  result.status = result.attempts.back().status;
  result.requestId = result.attempts.back().requestId;
}

void noteError(FleetResult& result, std::shared_ptr<const Error> error) {
  noteAttempts(result, error->attempts());
  const bool cancelled = dynamic_cast<const CancelledError*>(error.get()) != nullptr;
  result.outcome = cancelled ? FleetOutcome::Cancelled : FleetOutcome::Failed;
  result.error = std::move(error);
}

bool isNotFound(const Error& error) {
  const auto* service = dynamic_cast<const ServiceError*>(&error);
  return service != nullptr && service->status() == 404;
}

void noteEnsured(FleetResult& result, Result<EnsureResult> ensured) {
  if (!ensured.ok()) return noteError(result, ensured.errorPtr());
  EnsureResult& done = ensured.value();
  noteAttempts(result, std::move(done.attempts));
  if (done.outcome == EnsureOutcome::Declined) {
    result.outcome = FleetOutcome::Failed;
    result.error = std::make_shared<Error>("the client's confirm callback declined the write");
    return;
  }
  result.changed = std::move(done.partnerChanged);
  result.changed.insert(result.changed.end(), done.changed.begin(), done.changed.end());
  if (done.partnerCreated || done.outcome == EnsureOutcome::Created) {
    result.outcome = FleetOutcome::Created;
  } else if (done.outcome == EnsureOutcome::Updated || !result.changed.empty()) {
    result.outcome = FleetOutcome::Updated;
  } else {
    result.outcome = FleetOutcome::Unchanged;
  }
}

// A DELETE of what is already gone did its job: the item wanted it absent.
void noteRemoved(FleetResult& result, Result<Response<void>> removed) {
  if (!removed.ok() && !isNotFound(removed.error())) return noteError(result, removed.errorPtr());
  noteAttempts(result,
               removed.ok() ? std::move(removed.value().attempts) : removed.error().attempts());
  result.outcome = FleetOutcome::Removed;
}

void noteRead(FleetResult& result, Result<Response<models::IdentitySyncPolicyPartner>> read) {
  if (!read.ok() && !isNotFound(read.error())) return noteError(result, read.errorPtr());
  if (read.ok()) {
    noteAttempts(result, std::move(read.value().attempts));
    result.policy = std::move(read.value().value);
  } else {
    noteAttempts(result, read.error().attempts());
  }
  result.outcome = FleetOutcome::Read;
}

}  // namespace

FleetResult resultFor(std::size_t index, const FleetItem& item) {
  FleetResult result;
  result.index = index;
  result.tag = item.tag;
  result.tenant = item.tenant;
  if (item.partner.tenantId.hasValue()) result.partnerTenantId = *item.partner.tenantId;
  result.action = item.action;
  return result;
}

void startItem(const ItemCall& call, FleetItem item, FleetResult&& result,
               std::function<void(FleetResult)> done) {
  if (!item.partner.tenantId.hasValue()) {
    throw ValidationError("FleetItem.partner.tenantId", "is required: it names the partner");
  }
  const CrossTenantAccessPolicyRequestBuilder policy =
      call.client.policies().crossTenantAccessPolicy();
  const std::string& partner = *item.partner.tenantId;
  // Each form hands the typed result to its reader, then the filled-in result to `done`.
  auto reading = [&](auto note) {
    return [result = std::move(result), done = std::move(done), note](auto answer) mutable {
      note(result, std::move(answer));
      done(std::move(result));
    };
  };
  switch (item.action) {
    case FleetAction::Ensure: {
      auto request = policy.partners().ensure(std::move(item.partner), std::move(item.policy));
      prepared(request, call).sendAsync(reading(noteEnsured));
      return;
    }
    case FleetAction::RemovePolicy: {
      auto request = policy.partners(partner).identitySynchronization().remove();
      prepared(request, call).sendAsync(reading(noteRemoved));
      return;
    }
    case FleetAction::RemovePartner: {
      // The policy first; then, unless that failed, the configuration.
      auto removePolicy = policy.partners(partner).identitySynchronization().remove();
      auto removePartner = policy.partners(partner).remove();
      prepared(removePartner, call);
      prepared(removePolicy, call)
          .sendAsync([result = std::move(result), done = std::move(done),
                      removePartner](Result<Response<void>> first) mutable {
            noteRemoved(result, std::move(first));
            if (result.outcome != FleetOutcome::Removed) return done(std::move(result));
            std::vector<Attempt> before = std::move(result.attempts);
            removePartner.sendAsync(
                [result = std::move(result), done = std::move(done),
                 before = std::move(before)](Result<Response<void>> second) mutable {
                  noteRemoved(result, std::move(second));
                  before.insert(before.end(), result.attempts.begin(), result.attempts.end());
                  result.attempts = std::move(before);
                  done(std::move(result));
                });
          });
      return;
    }
    case FleetAction::GetPolicy: {
      auto request = policy.partners(partner).identitySynchronization().get();
      prepared(request, call).sendAsync(reading(noteRead));
      return;
    }
  }
}

}  // namespace msgraph::detail
