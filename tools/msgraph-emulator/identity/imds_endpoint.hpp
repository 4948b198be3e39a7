// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <cstdint>

#include "api/call_ids.hpp"
#include "api/messages.hpp"
#include "identity/token_store.hpp"
#include "identity/workload_identities.hpp"

namespace emulator {

/// The managed identity endpoint of an Azure VM's Instance Metadata Service,
/// `GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=...[&client_id=|
/// &object_id=|&mi_res_id=]` with `Metadata: true`, as the VM how-to documents
/// (https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/how-to-use-vm-token#get-a-token-using-http),
/// served on the emulator's own base URL (`--imds`) instead of 169.254.169.254; or, on the same
/// path, Azure Arc's endpoint with its key-file challenge (`--arc-key-dir`,
/// https://learn.microsoft.com/azure/azure-arc/servers/managed-identity-authentication).
class ImdsEndpoint {
 public:
  /// Issued tokens go to `tokens`; `identities` must outlive the endpoint.
  ImdsEndpoint(TokenStore& tokens, const WorkloadIdentities& identities);

  /// Whether the path is served at all, as IMDS or as Azure Arc's endpoint.
  bool enabled() const { return identities_.imds || identities_.arc.has_value(); }

  /// Answers one token request: 200 with `access_token`, `refresh_token` (empty),
  /// `expires_in`, `expires_on`, `not_before` (seconds, as strings), `resource` and
  /// `token_type`; else `{"error":...,"error_description":...}`.
  ApiResponse token(const ApiRequest& request, const CallIds& ids) const;

 private:
  TokenStore& tokens_;
  const WorkloadIdentities& identities_;
  // The 410s still to give (--imds-gone-first): state of the endpoint, counted atomically.
  mutable std::atomic<std::uint64_t> goneLeft_;
};

}  // namespace emulator
