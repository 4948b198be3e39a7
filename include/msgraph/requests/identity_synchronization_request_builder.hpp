// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "msgraph/export.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/requests/ensure_request.hpp"
#include "msgraph/requests/identity_synchronization_requests.hpp"
#include "msgraph/requests/request_target.hpp"

namespace msgraph {

/// @brief `/policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization`: a
/// partner's cross-tenant identity synchronization policy, and the four verbs on it.
class MSGRAPH_API IdentitySynchronizationRequestBuilder {
 public:
  /// @brief A GET of the policy.
  GetIdentitySynchronizationRequest get() const;
  /// @brief A PUT of `body` (serialized now; a body that cannot be serialized makes the call
  /// fail with a `ValidationError` when sent).
  PutIdentitySynchronizationRequest put(const models::IdentitySyncPolicyPartner& body) const;
  /// @brief A PATCH with `changes`: only set properties are sent, null ones are cleared.
  PatchIdentitySynchronizationRequest patch(const models::IdentitySyncPolicyPartner& changes) const;
  /// @brief A DELETE of the policy.
  DeleteIdentitySynchronizationRequest remove() const;
  /// @brief Makes the policy match `desired` with the least write (see
  /// `EnsureIdentitySynchronizationRequest`).
  EnsureIdentitySynchronizationRequest ensure(models::IdentitySyncPolicyPartner desired) const;

 private:
  friend class PartnerRequestBuilder;
  explicit IdentitySynchronizationRequestBuilder(detail::RequestTarget target);

  detail::RequestTarget target_;
};

}  // namespace msgraph
