// SPDX-License-Identifier: MIT
#pragma once

#include "msgraph/export.hpp"
#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
#include "msgraph/requests/partner_requests.hpp"
#include "msgraph/requests/request_target.hpp"

namespace msgraph {

/// @brief `/policies/crossTenantAccessPolicy/partners`: the partner configurations.
class MSGRAPH_API PartnersRequestBuilder {
 public:
  /// @brief A GET of the collection, a page at a time.
  ListPartnersRequest list() const;
  /// @brief A POST that creates `partner`'s configuration (`tenantId` is required by Graph);
  /// the body is serialized now, and one that cannot be fails the call when sent.
  CreatePartnerRequest create(
      const models::CrossTenantAccessPolicyConfigurationPartner& partner) const;

 private:
  friend class CrossTenantAccessPolicyRequestBuilder;
  explicit PartnersRequestBuilder(detail::RequestTarget target);

  detail::RequestTarget target_;
};

}  // namespace msgraph
