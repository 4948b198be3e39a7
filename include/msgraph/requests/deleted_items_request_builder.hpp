// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "msgraph/export.hpp"
#include "msgraph/requests/deleted_policy_requests.hpp"
#include "msgraph/requests/request_target.hpp"

namespace msgraph {

/// @brief `/policies/deletedItems/crossTenantSyncPolicyPartners`: the deleted identity
/// synchronization policies (beta only).
class MSGRAPH_API DeletedPoliciesRequestBuilder {
 public:
  /// @brief A GET of the collection, a page at a time.
  ListDeletedPoliciesRequest list() const;

 private:
  friend class DeletedItemsRequestBuilder;
  explicit DeletedPoliciesRequestBuilder(detail::RequestTarget target);

  detail::RequestTarget target_;
};

/// @brief `/policies/deletedItems/crossTenantSyncPolicyPartners/{id}`: one deleted identity
/// synchronization policy (beta only).
class MSGRAPH_API DeletedPolicyRequestBuilder {
 public:
  /// @brief A POST of the `restore` action.
  RestoreDeletedPolicyRequest restore() const;
  /// @brief A DELETE that removes the deleted policy for good.
  RemoveDeletedPolicyRequest remove() const;

 private:
  friend class DeletedItemsRequestBuilder;
  explicit DeletedPolicyRequestBuilder(detail::RequestTarget target);

  detail::RequestTarget target_;
};

/// @brief `/policies/deletedItems`: what Graph keeps for 30 days after a deletion. It exists
/// only on the beta endpoint: on a client built with `ApiVersion::V1_0`, every call below it
/// fails with a `ValidationError` naming `apiVersion` before it is sent.
class MSGRAPH_API DeletedItemsRequestBuilder {
 public:
  /// @brief The deleted identity synchronization policies (list).
  DeletedPoliciesRequestBuilder crossTenantSyncPolicyPartners() const;
  /// @brief The deleted policy of `partnerTenantId` (restore, remove). The id is checked and
  /// encoded as `partners(id)` does; a bad one makes the call fail with a `ValidationError`.
  DeletedPolicyRequestBuilder crossTenantSyncPolicyPartners(std::string partnerTenantId) const;

 private:
  friend class PoliciesRequestBuilder;
  explicit DeletedItemsRequestBuilder(detail::RequestTarget target);

  detail::RequestTarget target_;
};

}  // namespace msgraph
