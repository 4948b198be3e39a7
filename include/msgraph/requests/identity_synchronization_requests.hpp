// SPDX-License-Identifier: MIT
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/requests/request.hpp"

/// @file
/// The four requests on `/policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization`,
/// one per cmdlet: Get- (GET), Set- (PUT), Update- (PATCH) and Remove- (DELETE). They share
/// everything but a verb-specific option or two, so they live together.

namespace msgraph {

/// @brief `GET .../identitySynchronization`: reads the policy (Get-Mg...IdentitySynchronization).
/// Answers `200 OK` with the policy in `value`.
class MSGRAPH_API GetIdentitySynchronizationRequest
    : public Request<GetIdentitySynchronizationRequest, models::IdentitySyncPolicyPartner> {
 public:
  /// @brief Only these properties (`$select`, the `-Property` analog).
  GetIdentitySynchronizationRequest& select(std::vector<std::string> properties);
  /// @brief Expands these relationships (`$expand`, the `-ExpandProperty` analog).
  GetIdentitySynchronizationRequest& expand(std::vector<std::string> properties);

 private:
  friend class IdentitySynchronizationRequestBuilder;
  explicit GetIdentitySynchronizationRequest(detail::RequestCore core) : Request(std::move(core)) {}
};

/// @brief `PUT .../identitySynchronization`: creates or replaces the policy
/// (Set-Mg...IdentitySynchronization). Graph answers `204 No Content`.
class MSGRAPH_API PutIdentitySynchronizationRequest
    : public Request<PutIdentitySynchronizationRequest, models::IdentitySyncPolicyPartner> {
 private:
  friend class IdentitySynchronizationRequestBuilder;
  explicit PutIdentitySynchronizationRequest(detail::RequestCore core) : Request(std::move(core)) {}
};

/// @brief `PATCH .../identitySynchronization`: changes only the properties that are set; a
/// property set to null is cleared (Update-Mg...IdentitySynchronization). Answers `204`.
class MSGRAPH_API PatchIdentitySynchronizationRequest
    : public Request<PatchIdentitySynchronizationRequest, models::IdentitySyncPolicyPartner> {
 private:
  friend class IdentitySynchronizationRequestBuilder;
  explicit PatchIdentitySynchronizationRequest(detail::RequestCore core)
      : Request(std::move(core)) {}
};

/// @brief `DELETE .../identitySynchronization`: removes the policy
/// (Remove-Mg...IdentitySynchronization). Answers `204 No Content`.
class MSGRAPH_API DeleteIdentitySynchronizationRequest
    : public Request<DeleteIdentitySynchronizationRequest, void> {
 public:
  /// @brief Deletes only if the policy's ETag matches (`If-Match`, the `-IfMatch` analog);
  /// otherwise Graph answers `412 Precondition Failed`.
  DeleteIdentitySynchronizationRequest& ifMatch(std::string etag);

 private:
  friend class IdentitySynchronizationRequestBuilder;
  explicit DeleteIdentitySynchronizationRequest(detail::RequestCore core)
      : Request(std::move(core)) {}
};

}  // namespace msgraph
