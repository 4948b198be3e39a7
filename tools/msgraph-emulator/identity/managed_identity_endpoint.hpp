// SPDX-License-Identifier: MIT
#pragma once

#include "api/call_ids.hpp"
#include "api/messages.hpp"
#include "identity/token_store.hpp"
#include "identity/workload_identities.hpp"

namespace emulator {

/// The managed identity endpoint of Azure App Service, `GET {IDENTITY_ENDPOINT}` =
/// `{base}/msi/token?api-version=2019-08-01&resource=...[&client_id=|&principal_id=|
/// &object_id=|&mi_res_id=]` with the header `X-IDENTITY-HEADER`, as its REST reference
/// describes
/// (https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference),
/// and the emulator's own listing of the identities, `GET /emulator/managed-identities`.
class ManagedIdentityEndpoint {
 public:
  /// Issued tokens go to `tokens`; `identities` must outlive the endpoint.
  ManagedIdentityEndpoint(TokenStore& tokens, const WorkloadIdentities& identities);

  /// Whether `/msi/token` is served at all (an `--identity-header` was given).
  bool enabled() const { return identities_.identityHeader.has_value(); }

  /// Answers one token request: 200 with `access_token`, `expires_on` (seconds since the
  /// epoch, as a string), `resource`, `token_type` and `client_id`; else an error in App
  /// Service's `{"statusCode":N,"message":...,"correlationId":...}` form.
  ApiResponse token(const ApiRequest& request, const CallIds& ids) const;

  /// `{"value":[{"type":"SystemAssigned"|"UserAssigned","clientId":..,"principalId":..,
  /// "resourceId":..}]}`, in the order of the command line.
  ApiResponse listing() const;

 private:
  TokenStore& tokens_;
  const WorkloadIdentities& identities_;
};

}  // namespace emulator
