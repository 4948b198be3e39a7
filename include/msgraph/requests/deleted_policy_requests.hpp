// SPDX-License-Identifier: MIT
#pragma once

#include <utility>

#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/requests/page.hpp"
#include "msgraph/requests/pages.hpp"
#include "msgraph/requests/request.hpp"

/// @file
/// The requests on deleted identity synchronization policies (beta only): the collection
/// `/policies/deletedItems/crossTenantSyncPolicyPartners` (list) and one deleted policy
/// `/policies/deletedItems/crossTenantSyncPolicyPartners/{id}` (restore, remove). On a client
/// built with `ApiVersion::V1_0` each of them fails with a `ValidationError` naming
/// `apiVersion` before anything is sent.

namespace msgraph {

/// @brief A page of deleted identity synchronization policies; each has `deletedDateTime`.
using DeletedPolicyPage = Page<models::IdentitySyncPolicyPartner>;

/// @brief `GET /policies/deletedItems/crossTenantSyncPolicyPartners`: lists the deleted
/// policies Graph still keeps (for 30 days after their deletion), a page at a time. `send()`
/// fetches the first page; `pages()` walks them all.
class MSGRAPH_API ListDeletedPoliciesRequest
    : public Request<ListDeletedPoliciesRequest, DeletedPolicyPage> {
 public:
  /// @brief Every page, fetched lazily, following `@odata.nextLink` on the same service root.
  Pages<models::IdentitySyncPolicyPartner> pages() const {
    return Pages<models::IdentitySyncPolicyPartner>(core_);
  }

 private:
  friend class DeletedPoliciesRequestBuilder;
  explicit ListDeletedPoliciesRequest(detail::RequestCore core) : Request(std::move(core)) {}
};

/// @brief `POST .../crossTenantSyncPolicyPartners/{id}/restore`: puts the deleted policy back
/// under its partner (`200 OK` with the policy). A POST: not retried after a failure in flight
/// unless `RetryOptions::retryPatch`.
class MSGRAPH_API RestoreDeletedPolicyRequest
    : public Request<RestoreDeletedPolicyRequest, models::IdentitySyncPolicyPartner> {
 private:
  friend class DeletedPolicyRequestBuilder;
  explicit RestoreDeletedPolicyRequest(detail::RequestCore core) : Request(std::move(core)) {}
};

/// @brief `DELETE .../crossTenantSyncPolicyPartners/{id}`: deletes the policy for good
/// (`204 No Content`); it can no longer be restored.
class MSGRAPH_API RemoveDeletedPolicyRequest : public Request<RemoveDeletedPolicyRequest, void> {
 private:
  friend class DeletedPolicyRequestBuilder;
  explicit RemoveDeletedPolicyRequest(detail::RequestCore core) : Request(std::move(core)) {}
};

}  // namespace msgraph
