// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
#include "msgraph/requests/page.hpp"
#include "msgraph/requests/pages.hpp"
#include "msgraph/requests/request.hpp"

/// @file
/// The requests on partner configurations: the collection
/// `/policies/crossTenantAccessPolicy/partners` (list, create) and one partner
/// `/policies/crossTenantAccessPolicy/partners/{id}` (get, patch, remove).

namespace msgraph {

/// @brief A page of partner configurations.
using PartnerPage = Page<models::CrossTenantAccessPolicyConfigurationPartner>;

/// @brief `GET .../partners`: lists the partner configurations, a page at a time. `send()`
/// fetches the first page; `pages()` walks them all.
class MSGRAPH_API ListPartnersRequest : public Request<ListPartnersRequest, PartnerPage> {
 public:
  /// @brief Only these properties (`$select`).
  ListPartnersRequest& select(std::vector<std::string> properties);
  /// @brief Expands these relationships (`$expand`), e.g. `identitySynchronization`: each
  /// partner then carries its policy, or null.
  ListPartnersRequest& expand(std::vector<std::string> properties);
  /// @brief At most `count` partners per page (`$top`, 1 to 999); Graph picks the size otherwise.
  /// Another count makes the call fail with a `ValidationError` when sent.
  ListPartnersRequest& top(int count);
  /// @brief Every page, fetched lazily, following `@odata.nextLink` on the same service root.
  Pages<models::CrossTenantAccessPolicyConfigurationPartner> pages() const {
    return Pages<models::CrossTenantAccessPolicyConfigurationPartner>(core_);
  }

 private:
  friend class PartnersRequestBuilder;
  explicit ListPartnersRequest(detail::RequestCore core) : Request(std::move(core)) {}
};

/// @brief `POST .../partners`: creates a partner configuration. Graph answers `201 Created`
/// with the configuration, and `409 Request_MultipleObjectsWithSameKeyValue` when the partner
/// already has one. Not retried after a failure in flight unless `RetryOptions::retryPatch`.
class MSGRAPH_API CreatePartnerRequest
    : public Request<CreatePartnerRequest, models::CrossTenantAccessPolicyConfigurationPartner> {
 private:
  friend class PartnersRequestBuilder;
  explicit CreatePartnerRequest(detail::RequestCore core) : Request(std::move(core)) {}
};

/// @brief `GET .../partners/{id}`: reads one partner configuration (`200 OK`).
class MSGRAPH_API GetPartnerRequest
    : public Request<GetPartnerRequest, models::CrossTenantAccessPolicyConfigurationPartner> {
 public:
  /// @brief Only these properties (`$select`).
  GetPartnerRequest& select(std::vector<std::string> properties);
  /// @brief Expands these relationships (`$expand`), e.g. `identitySynchronization`.
  GetPartnerRequest& expand(std::vector<std::string> properties);

 private:
  friend class PartnerRequestBuilder;
  explicit GetPartnerRequest(detail::RequestCore core) : Request(std::move(core)) {}
};

/// @brief `PATCH .../partners/{id}`: changes only the properties that are set; null clears one
/// (`204 No Content`). Not retried unless `RetryOptions::retryPatch`.
class MSGRAPH_API PatchPartnerRequest
    : public Request<PatchPartnerRequest, models::CrossTenantAccessPolicyConfigurationPartner> {
 private:
  friend class PartnerRequestBuilder;
  explicit PatchPartnerRequest(detail::RequestCore core) : Request(std::move(core)) {}
};

/// @brief `DELETE .../partners/{id}`: removes the partner configuration (`204 No Content`).
/// Graph refuses while the partner still has an identity synchronization policy.
class MSGRAPH_API DeletePartnerRequest : public Request<DeletePartnerRequest, void> {
 private:
  friend class PartnerRequestBuilder;
  explicit DeletePartnerRequest(detail::RequestCore core) : Request(std::move(core)) {}
};

}  // namespace msgraph
