// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "api/messages.hpp"
#include "graph/graph_call.hpp"
#include "state/store.hpp"

namespace emulator {

/// `/{ver}/policies/crossTenantAccessPolicy/partners/{id}/identitySynchronization`: GET, PUT
/// (create or replace), PATCH (merge), DELETE, with ETags and `If-Match`.
class IdentitySyncApi {
 public:
  /// With `autoCreatePartners`, an unknown partner is created by PUT and treated as existing
  /// (without a policy) by the other methods, so reads never change state.
  IdentitySyncApi(Store& store, bool autoCreatePartners);

  /// Answers one call for partner `partnerId` (already decoded from the path).
  ApiResponse handle(const GraphCall& call, const std::string& partnerId) const;

 private:
  ApiResponse get(const GraphCall& call, const std::string& partnerId) const;
  ApiResponse put(const GraphCall& call, const std::string& partnerId) const;
  ApiResponse patch(const GraphCall& call, const std::string& partnerId) const;
  ApiResponse remove(const GraphCall& call, const std::string& partnerId) const;
  // The partner's policy, or nullptr with `notFound` set to the 404 (naming the partner if it
  // is unknown, else the policy).
  PolicyRecord* existingPolicy(PolicyChange& policies, const GraphCall& call,
                               const std::string& partnerId, ApiResponse& notFound) const;

  Store& store_;
  bool autoCreatePartners_;
};

}  // namespace emulator
