#pragma once

#include <memory>
#include <string>

#include "msgraph/export.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/requests/identity_synchronization_requests.hpp"

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

 private:
  friend class PartnerRequestBuilder;
  IdentitySynchronizationRequestBuilder(std::shared_ptr<const detail::ClientState> client,
                                        std::string partnerId,
                                        std::shared_ptr<const Error> pendingError);
  detail::RequestCore core(HttpMethod method) const;

  std::shared_ptr<const detail::ClientState> client_;
  std::string partnerId_;
  std::shared_ptr<const Error> pendingError_;
};

}  // namespace msgraph
