#pragma once

#include <memory>
#include <string>

#include "msgraph/export.hpp"
#include "msgraph/requests/identity_synchronization_request_builder.hpp"

namespace msgraph {

/// @brief `/policies/crossTenantAccessPolicy/partners/{id}`: one partner's configuration.
class MSGRAPH_API PartnerRequestBuilder {
 public:
  /// @brief The partner's identity synchronization policy.
  IdentitySynchronizationRequestBuilder identitySynchronization() const;

 private:
  friend class CrossTenantAccessPolicyRequestBuilder;
  PartnerRequestBuilder(std::shared_ptr<const detail::ClientState> client, std::string partnerId,
                        std::shared_ptr<const Error> pendingError);

  std::shared_ptr<const detail::ClientState> client_;
  std::string partnerId_;
  std::shared_ptr<const Error> pendingError_;
};

}  // namespace msgraph
