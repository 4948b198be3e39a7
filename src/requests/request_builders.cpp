// SPDX-License-Identifier: MIT
// The fluent path from the client to the resource: each step appends its own path segment to
// the target and checks its own input; the request objects do the work.
#include "msgraph/requests/policies_request_builder.hpp"
#include "requests/request_body.hpp"
#include "requests/request_validation.hpp"

namespace msgraph {

PoliciesRequestBuilder::PoliciesRequestBuilder(
    std::shared_ptr<const detail::RequestAdapter> adapter)
    : target_{std::move(adapter), "/policies", nullptr} {}

CrossTenantAccessPolicyRequestBuilder PoliciesRequestBuilder::crossTenantAccessPolicy() const {
  return CrossTenantAccessPolicyRequestBuilder(target_.child("crossTenantAccessPolicy"));
}

DeletedItemsRequestBuilder PoliciesRequestBuilder::deletedItems() const {
  return DeletedItemsRequestBuilder(target_.child("deletedItems").onlyOnBeta());
}

CrossTenantAccessPolicyRequestBuilder::CrossTenantAccessPolicyRequestBuilder(
    detail::RequestTarget target)
    : target_(std::move(target)) {}

PartnerRequestBuilder CrossTenantAccessPolicyRequestBuilder::partners(
    std::string partnerTenantId) const {
  return PartnerRequestBuilder(detail::partnerChild(target_, "partners", partnerTenantId));
}

PartnersRequestBuilder CrossTenantAccessPolicyRequestBuilder::partners() const {
  return PartnersRequestBuilder(target_.child("partners"));
}

PartnerRequestBuilder CrossTenantAccessPolicyRequestBuilder::partners(
    const models::Identity& identity) const {
  const auto& id = identity.crossTenantAccessPolicyConfigurationPartnerTenantId;
  if (id.hasValue()) return partners(*id);
  return PartnerRequestBuilder(
      target_.child("partners/")
          .failing(
              ValidationError("InputObject.crossTenantAccessPolicyConfigurationPartnerTenantId",
                              std::string("is required to address a partner but is ") +
                                  (id.isNull() ? "null" : "absent"))));
}

PartnerRequestBuilder::PartnerRequestBuilder(detail::RequestTarget target)
    : target_(std::move(target)) {}

IdentitySynchronizationRequestBuilder PartnerRequestBuilder::identitySynchronization() const {
  return IdentitySynchronizationRequestBuilder(target_.child("identitySynchronization"));
}

IdentitySynchronizationRequestBuilder::IdentitySynchronizationRequestBuilder(
    detail::RequestTarget target)
    : target_(std::move(target)) {}

GetIdentitySynchronizationRequest IdentitySynchronizationRequestBuilder::get() const {
  return GetIdentitySynchronizationRequest({target_, HttpMethod::Get});
}

PutIdentitySynchronizationRequest IdentitySynchronizationRequestBuilder::put(
    const models::IdentitySyncPolicyPartner& body) const {
  return PutIdentitySynchronizationRequest(detail::withBody({target_, HttpMethod::Put}, body));
}

PatchIdentitySynchronizationRequest IdentitySynchronizationRequestBuilder::patch(
    const models::IdentitySyncPolicyPartner& changes) const {
  return PatchIdentitySynchronizationRequest(
      detail::withBody({target_, HttpMethod::Patch}, changes));
}

DeleteIdentitySynchronizationRequest IdentitySynchronizationRequestBuilder::remove() const {
  return DeleteIdentitySynchronizationRequest({target_, HttpMethod::Delete});
}

GetIdentitySynchronizationRequest& GetIdentitySynchronizationRequest::select(
    std::vector<std::string> properties) {
  core_.setQueryList("$select", std::move(properties));
  return *this;
}

GetIdentitySynchronizationRequest& GetIdentitySynchronizationRequest::expand(
    std::vector<std::string> properties) {
  core_.setQueryList("$expand", std::move(properties));
  return *this;
}

DeleteIdentitySynchronizationRequest& DeleteIdentitySynchronizationRequest::ifMatch(
    std::string etag) {
  core_.setIfMatch(std::move(etag));
  return *this;
}

}  // namespace msgraph
