// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include "msgraph/export.hpp"
#include "msgraph/requests/cross_tenant_access_policy_request_builder.hpp"
#include "msgraph/requests/deleted_items_request_builder.hpp"
#include "msgraph/requests/request_target.hpp"

namespace msgraph {

/// @brief `/policies`: the tenant's policies.
class MSGRAPH_API PoliciesRequestBuilder {
 public:
  /// @brief The cross-tenant access policy.
  CrossTenantAccessPolicyRequestBuilder crossTenantAccessPolicy() const;
  /// @brief The deleted items (beta only): deleted identity synchronization policies, kept 30
  /// days. On a client built with `ApiVersion::V1_0`, calls below it fail with a
  /// `ValidationError` naming `apiVersion` before they are sent.
  DeletedItemsRequestBuilder deletedItems() const;

 private:
  friend class GraphClient;
  explicit PoliciesRequestBuilder(std::shared_ptr<const detail::RequestAdapter> adapter);
  detail::RequestTarget target_;
};

}  // namespace msgraph
