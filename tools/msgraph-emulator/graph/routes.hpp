// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "graph/api_version.hpp"

namespace emulator {

/// What a raw request path names.
struct Route {
  enum class Kind {
    TokenEndpoint,         // /{tenant}/oauth2/v2.0/token
    Stats,                 // /emulator/stats
    ManagedIdentityToken,  // /msi/token (App Service's managed identity endpoint)
    ManagedIdentities,     // /emulator/managed-identities
    Clock,                 // /emulator/clock (the throttling clock)
    ImdsToken,             // /metadata/identity/oauth2/token (IMDS, the VM form)
    Batch,                 // /{ver}/$batch
    Partners,              // /{ver}/policies/crossTenantAccessPolicy/partners
    Partner,               // /{ver}/policies/crossTenantAccessPolicy/partners/{id}
    IdentitySync,  // /{ver}/policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization
    DeletedPolicies,       // /beta/policies/deletedItems/crossTenantSyncPolicyPartners
    DeletedPolicy,         // .../crossTenantSyncPolicyPartners/{id}
    DeletedPolicyRestore,  // .../crossTenantSyncPolicyPartners/{id}/restore
    NotFound,              // `segment` is the first one that matched nothing
    BadPath,               // `problem` says why (a bad escape, an empty or non-UTF-8 id)
  };
  Kind kind = Kind::NotFound;
  ApiVersion version = ApiVersion::V1;
  std::string partnerId;  // decoded exactly once from its own raw segment
  std::string tenant;     // the token endpoint's tenant segment
  std::string segment;
  std::string problem;
};

/// Resolves a raw (still percent-encoded) path. Each segment is decoded on its own, so an
/// encoded `/` in a partner id stays inside the id. Fixed segments match case-insensitively,
/// as Graph's do; one trailing `/` is ignored.
Route resolveRoute(std::string_view rawPath);

}  // namespace emulator
