// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "msgraph/async_result.hpp"
#include "msgraph/attempt.hpp"
#include "msgraph/export.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/requests/request.hpp"
#include "msgraph/result.hpp"

namespace msgraph {

/// @brief What an ensure did (or, planned, would do).
enum class EnsureOutcome {
  Unchanged,  ///< the policy already matched: nothing was written
  Created,    ///< the policy was absent: a PUT created it
  Updated,    ///< the policy differed: a PATCH sent only the differing properties
  Declined,   ///< a confirm callback declined the write: nothing was written
};

/// @brief The result of `ensure()`.
struct MSGRAPH_API EnsureResult {
  /// @brief What happened.
  EnsureOutcome outcome = EnsureOutcome::Unchanged;
  /// @brief The JSON pointers of the properties that differed (`/displayName`,
  /// `/userSyncInbound/isSyncAllowed`), for `Updated` (and a declined update).
  std::vector<std::string> changed;
  /// @brief Every attempt of every request the ensure made (reads and writes), in order.
  std::vector<Attempt> attempts;
  /// @brief (Partner ensure) Whether the partner configuration was absent and was created.
  bool partnerCreated = false;
  /// @brief (Partner ensure) The partner properties a PATCH changed, as JSON pointers
  /// (`/automaticUserConsentSettings/inboundAllowed`).
  std::vector<std::string> partnerChanged;
};

/// @brief What `ensure()` would do, read but not written: the `-WhatIf` analog of ensure.
struct MSGRAPH_API EnsurePlan {
  /// @brief `Unchanged`, `Created` or `Updated`: what sending would do, as things stand now.
  EnsureOutcome outcome = EnsureOutcome::Unchanged;
  /// @brief The properties that differ, for `Updated`.
  std::vector<std::string> changed;
  /// @brief The writes it would send, in order (a partner POST or PATCH, then the policy's PUT or
  /// PATCH), `Authorization` redacted; empty when nothing differs.
  std::vector<HttpRequest> writes;
  /// @brief (Partner ensure) Whether the partner configuration would be created.
  bool partnerCreated = false;
  /// @brief (Partner ensure) The partner properties that differ.
  std::vector<std::string> partnerChanged;
  /// @brief The attempts of the read.
  std::vector<Attempt> attempts;
};

/// @brief `ensure(desired)`: makes a partner's identity synchronization policy match `desired`
/// with the least write, for jobs that run again and again.
///
/// Reads the policy, then: nothing when it matches; a PUT when it is absent; a PATCH of only the
/// differing properties when it differs. A property absent from `desired` is left alone, an
/// explicit null clears it, and `tenantId`, `deletedDateTime` and `@odata.*` annotations are
/// never compared. Races with other writers are recovered: a `409` on the PUT (created meanwhile)
/// re-reads and patches; a `404` on the PATCH (deleted meanwhile) puts. Only a `404` reads as
/// absent: a 429, 5xx, 403 or transport failure fails the ensure (after the pipeline's own
/// retries) and nothing is written on a guess. The per-call options apply to every request.
class MSGRAPH_API EnsureIdentitySynchronizationRequest
    : public CallOptions<EnsureIdentitySynchronizationRequest> {
 public:
  /// @brief Runs the ensure; never throws for library errors. An error carries every attempt.
  Result<EnsureResult> send() const;
  /// @brief Runs the ensure.
  /// @throws what a request's `execute()` throws.
  EnsureResult execute() const { return send().value(); }
  /// @brief Runs the ensure on the client's event loop (see `Request::sendAsync()`): the same
  /// reads, writes and race recovery as `send()`, each request sent async and the next one
  /// started from its completion, so no thread waits. A confirm callback is asked on the loop
  /// thread for each write. Never throws for library errors.
  /// @return the pending result; `get()` gives what `send()` would have returned.
  AsyncResult<EnsureResult> sendAsync() const {
    auto slot = std::make_shared<detail::AsyncSlot<EnsureResult>>();
    sendAsync([slot](Result<EnsureResult> result) { slot->set(std::move(result)); });
    return AsyncResult<EnsureResult>(std::move(slot));
  }
  /// @brief The same, calling `callback` with the result on the loop thread (or at once on this
  /// thread when nothing can be sent). The callback must not block.
  void sendAsync(std::function<void(Result<EnsureResult>)> callback) const;
  /// @brief Reads the policy and says what `send()` would write, without writing.
  Result<EnsurePlan> plan() const;

 private:
  friend class IdentitySynchronizationRequestBuilder;
  EnsureIdentitySynchronizationRequest(detail::RequestCore core,
                                       models::IdentitySyncPolicyPartner desired)
      : CallOptions(std::move(core)), desired_(std::move(desired)) {}

  models::IdentitySyncPolicyPartner desired_;
};

/// @brief `partners().ensure(partner, policy)`: makes a partner configuration exist with the
/// given properties and, if a policy is given, its identity synchronization policy match it:
/// the whole onboarding of one partner, with the least writes, safe to run again and again.
///
/// Keyed by `partner.tenantId` (required). The partner configuration is read; when absent (404)
/// it is created (POST with the desired properties; a 409 means another job created it
/// meanwhile, and it is read again); when it differs, a PATCH sends only the differing
/// properties. Then the policy is ensured as `EnsureIdentitySynchronizationRequest` does.
/// `partner.identitySynchronization` is ignored: the policy is the second argument. The same
/// rules for absent, null, read-only properties, races and failures apply.
class MSGRAPH_API EnsurePartnerRequest : public CallOptions<EnsurePartnerRequest> {
 public:
  /// @brief Runs the ensure; never throws for library errors. An error carries every attempt.
  Result<EnsureResult> send() const;
  /// @brief Runs the ensure.
  /// @throws what a request's `execute()` throws.
  EnsureResult execute() const { return send().value(); }
  /// @brief Runs the ensure on the client's event loop (see `Request::sendAsync()`): the same
  /// reads, writes and race recovery as `send()`, each request sent async and the next one
  /// started from its completion, so no thread waits. A confirm callback is asked on the loop
  /// thread for each write. Never throws for library errors.
  /// @return the pending result; `get()` gives what `send()` would have returned.
  AsyncResult<EnsureResult> sendAsync() const {
    auto slot = std::make_shared<detail::AsyncSlot<EnsureResult>>();
    sendAsync([slot](Result<EnsureResult> result) { slot->set(std::move(result)); });
    return AsyncResult<EnsureResult>(std::move(slot));
  }
  /// @brief The same, calling `callback` with the result on the loop thread (or at once on this
  /// thread when nothing can be sent). The callback must not block.
  void sendAsync(std::function<void(Result<EnsureResult>)> callback) const;
  /// @brief Reads and says what `send()` would write, without writing.
  Result<EnsurePlan> plan() const;

 private:
  friend class PartnersRequestBuilder;
  EnsurePartnerRequest(detail::RequestCore partner,
                       models::CrossTenantAccessPolicyConfigurationPartner desired,
                       std::optional<models::IdentitySyncPolicyPartner> policy)
      : CallOptions(std::move(partner)), desired_(std::move(desired)), policy_(std::move(policy)) {}

  models::CrossTenantAccessPolicyConfigurationPartner desired_;
  std::optional<models::IdentitySyncPolicyPartner> policy_;
};

}  // namespace msgraph
