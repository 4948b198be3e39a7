// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "msgraph/export.hpp"
#include "msgraph/requests/identity_synchronization_request_builder.hpp"
#include "msgraph/requests/partner_requests.hpp"
#include "msgraph/requests/request_target.hpp"

namespace msgraph {

/// @brief `/policies/crossTenantAccessPolicy/partners/{id}`: one partner's configuration.
class MSGRAPH_API PartnerRequestBuilder {
 public:
  /// @brief The partner's identity synchronization policy.
  IdentitySynchronizationRequestBuilder identitySynchronization() const;
  /// @brief A GET of the partner configuration.
  GetPartnerRequest get() const;
  /// @brief A PATCH with `changes`: only set properties are sent, null ones are cleared.
  PatchPartnerRequest patch(
      const models::CrossTenantAccessPolicyConfigurationPartner& changes) const;
  /// @brief A DELETE of the partner configuration.
  DeletePartnerRequest remove() const;

 private:
  friend class CrossTenantAccessPolicyRequestBuilder;
  explicit PartnerRequestBuilder(detail::RequestTarget target);

  detail::RequestTarget target_;
};

}  // namespace msgraph
