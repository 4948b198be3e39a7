#pragma once

#include <memory>

#include "msgraph/export.hpp"
#include "msgraph/requests/cross_tenant_access_policy_request_builder.hpp"

namespace msgraph {

/// @brief `/policies`: the tenant's policies.
class MSGRAPH_API PoliciesRequestBuilder {
 public:
  /// @brief The cross-tenant access policy.
  CrossTenantAccessPolicyRequestBuilder crossTenantAccessPolicy() const;

 private:
  friend class GraphClient;
  explicit PoliciesRequestBuilder(std::shared_ptr<const detail::ClientState> client);
  std::shared_ptr<const detail::ClientState> client_;
};

}  // namespace msgraph
