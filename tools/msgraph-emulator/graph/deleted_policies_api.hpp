// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "api/messages.hpp"
#include "graph/graph_call.hpp"
#include "state/store.hpp"

namespace emulator {

/// Beta's deleted identity synchronization policies,
/// `/beta/policies/deletedItems/crossTenantSyncPolicyPartners`: the list (GET), permanent
/// deletion (DELETE `{id}`) and `{id}/restore` (POST). A policy stays there 30 days after its
/// DELETE; older ones are purged whenever one of these paths is called.
class DeletedPoliciesApi {
 public:
  /// With `autoCreatePartners`, a restore whose partner configuration is gone creates it, as a
  /// PUT of a policy would.
  DeletedPoliciesApi(Store& store, bool autoCreatePartners);

  /// The collection: GET lists the deleted policies in tenant id order.
  ApiResponse collection(const GraphCall& call) const;
  /// One deleted policy: DELETE removes it for good.
  ApiResponse entity(const GraphCall& call, const std::string& partnerId) const;
  /// The restore action: POST puts the policy back under its partner.
  ApiResponse restore(const GraphCall& call, const std::string& partnerId) const;

 private:
  Store& store_;
  bool autoCreatePartners_;
};

}  // namespace emulator
