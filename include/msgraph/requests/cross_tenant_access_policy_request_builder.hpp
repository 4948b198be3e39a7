// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "msgraph/export.hpp"
#include "msgraph/models/identity.hpp"
#include "msgraph/requests/partner_request_builder.hpp"
#include "msgraph/requests/partners_request_builder.hpp"
#include "msgraph/requests/request_target.hpp"

namespace msgraph {

/// @brief `/policies/crossTenantAccessPolicy`: the tenant's cross-tenant access policy.
class MSGRAPH_API CrossTenantAccessPolicyRequestBuilder {
 public:
  /// @brief The partner configuration of `partnerTenantId` (the
  /// `-CrossTenantAccessPolicyConfigurationPartnerTenantId` analog). Any string is accepted and
  /// percent-encoded as exactly one path segment; an empty id, `.` and `..` make the call fail
  /// with a `ValidationError` when sent.
  PartnerRequestBuilder partners(std::string partnerTenantId) const;
  /// @brief The partner configuration named by an identity object (the `-InputObject` analog):
  /// reads `crossTenantAccessPolicyConfigurationPartnerTenantId`. If that is absent or null,
  /// the call fails with a `ValidationError` when sent.
  PartnerRequestBuilder partners(const models::Identity& identity) const;
  /// @brief The collection of partner configurations (list, create).
  PartnersRequestBuilder partners() const;

 private:
  friend class PoliciesRequestBuilder;
  explicit CrossTenantAccessPolicyRequestBuilder(detail::RequestTarget target);
  detail::RequestTarget target_;
};

}  // namespace msgraph
