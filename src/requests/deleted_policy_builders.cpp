// SPDX-License-Identifier: MIT
// The deleted identity synchronization policies (beta only): the collection (list) and one
// deleted policy (restore, remove). `PoliciesRequestBuilder::deletedItems()` marks the target
// beta-only; `RequestCore::build()` refuses it on a v1.0 client.
#include "msgraph/requests/deleted_items_request_builder.hpp"
#include "requests/request_validation.hpp"

namespace msgraph {

DeletedItemsRequestBuilder::DeletedItemsRequestBuilder(detail::RequestTarget target)
    : target_(std::move(target)) {}

DeletedPoliciesRequestBuilder DeletedItemsRequestBuilder::crossTenantSyncPolicyPartners() const {
  return DeletedPoliciesRequestBuilder(target_.child("crossTenantSyncPolicyPartners"));
}

DeletedPolicyRequestBuilder DeletedItemsRequestBuilder::crossTenantSyncPolicyPartners(
    std::string partnerTenantId) const {
  return DeletedPolicyRequestBuilder(
      detail::partnerChild(target_, "crossTenantSyncPolicyPartners", partnerTenantId));
}

DeletedPoliciesRequestBuilder::DeletedPoliciesRequestBuilder(detail::RequestTarget target)
    : target_(std::move(target)) {}

ListDeletedPoliciesRequest DeletedPoliciesRequestBuilder::list() const {
  return ListDeletedPoliciesRequest({target_, HttpMethod::Get});
}

DeletedPolicyRequestBuilder::DeletedPolicyRequestBuilder(detail::RequestTarget target)
    : target_(std::move(target)) {}

// Graph's restore takes no body ("Don't supply a request body for this method").
RestoreDeletedPolicyRequest DeletedPolicyRequestBuilder::restore() const {
  return RestoreDeletedPolicyRequest({target_.child("restore"), HttpMethod::Post});
}

RemoveDeletedPolicyRequest DeletedPolicyRequestBuilder::remove() const {
  return RemoveDeletedPolicyRequest({target_, HttpMethod::Delete});
}

}  // namespace msgraph
