// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include "msgraph/export.hpp"
#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
#include "msgraph/requests/ensure_request.hpp"
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
  /// @brief Makes `partner` (keyed by its `tenantId`) exist with its set properties and, if
  /// given, its policy match `policy`, with the least writes (see `EnsurePartnerRequest`). A
  /// missing or invalid `tenantId` makes the call fail with a `ValidationError` when sent.
  EnsurePartnerRequest ensure(models::CrossTenantAccessPolicyConfigurationPartner partner,
                              std::optional<models::IdentitySyncPolicyPartner> policy = {}) const;

 private:
  friend class CrossTenantAccessPolicyRequestBuilder;
  explicit PartnersRequestBuilder(detail::RequestTarget target);

  detail::RequestTarget target_;
};

}  // namespace msgraph
