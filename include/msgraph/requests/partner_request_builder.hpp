// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "msgraph/export.hpp"
#include "msgraph/requests/identity_synchronization_request_builder.hpp"
#include "msgraph/requests/request_target.hpp"

namespace msgraph {

/// @brief `/policies/crossTenantAccessPolicy/partners/{id}`: one partner's configuration.
class MSGRAPH_API PartnerRequestBuilder {
 public:
  /// @brief The partner's identity synchronization policy.
  IdentitySynchronizationRequestBuilder identitySynchronization() const;

 private:
  friend class CrossTenantAccessPolicyRequestBuilder;
  explicit PartnerRequestBuilder(detail::RequestTarget target);

  detail::RequestTarget target_;
};

}  // namespace msgraph
