// SPDX-License-Identifier: MIT
// The partner configurations: the collection (list, create) and one partner (get, patch,
// remove), and the options of their requests.
#include <string>

#include "msgraph/requests/partner_request_builder.hpp"
#include "msgraph/requests/partners_request_builder.hpp"
#include "requests/request_body.hpp"

namespace msgraph {

PartnersRequestBuilder::PartnersRequestBuilder(detail::RequestTarget target)
    : target_(std::move(target)) {}

ListPartnersRequest PartnersRequestBuilder::list() const {
  return ListPartnersRequest({target_, HttpMethod::Get});
}

CreatePartnerRequest PartnersRequestBuilder::create(
    const models::CrossTenantAccessPolicyConfigurationPartner& partner) const {
  return CreatePartnerRequest(detail::withBody({target_, HttpMethod::Post}, partner));
}

GetPartnerRequest PartnerRequestBuilder::get() const {
  return GetPartnerRequest({target_, HttpMethod::Get});
}

PatchPartnerRequest PartnerRequestBuilder::patch(
    const models::CrossTenantAccessPolicyConfigurationPartner& changes) const {
  return PatchPartnerRequest(detail::withBody({target_, HttpMethod::Patch}, changes));
}

DeletePartnerRequest PartnerRequestBuilder::remove() const {
  return DeletePartnerRequest({target_, HttpMethod::Delete});
}

ListPartnersRequest& ListPartnersRequest::select(std::vector<std::string> properties) {
  core_.setQueryList("$select", std::move(properties));
  return *this;
}

ListPartnersRequest& ListPartnersRequest::expand(std::vector<std::string> properties) {
  core_.setQueryList("$expand", std::move(properties));
  return *this;
}

ListPartnersRequest& ListPartnersRequest::top(int count) {
  if (count < 1 || count > 999) {
    core_.setPendingError(
        std::make_shared<ValidationError>("top", "must be 1 to 999, not " + std::to_string(count)));
  }
  core_.setQueryList("$top", {std::to_string(count)});
  return *this;
}

GetPartnerRequest& GetPartnerRequest::select(std::vector<std::string> properties) {
  core_.setQueryList("$select", std::move(properties));
  return *this;
}

GetPartnerRequest& GetPartnerRequest::expand(std::vector<std::string> properties) {
  core_.setQueryList("$expand", std::move(properties));
  return *this;
}

}  // namespace msgraph
