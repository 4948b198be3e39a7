// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "api/messages.hpp"
#include "graph/graph_call.hpp"
#include "state/store.hpp"

namespace emulator {

/// `/{ver}/policies/crossTenantAccessPolicy/partners` (POST creates, GET lists) and
/// `.../partners/{id}` (GET, PATCH merges, and DELETE once its policy is gone).
class PartnersApi {
 public:
  explicit PartnersApi(Store& store);

  /// Answers a call on the collection.
  ApiResponse collection(const GraphCall& call) const;
  /// Answers a call on one partner configuration.
  ApiResponse entity(const GraphCall& call, const std::string& partnerId) const;

 private:
  ApiResponse create(const GraphCall& call) const;
  ApiResponse list(const GraphCall& call) const;
  ApiResponse patch(const GraphCall& call, const std::string& partnerId) const;
  ApiResponse remove(const GraphCall& call, const std::string& partnerId) const;

  Store& store_;
};

}  // namespace emulator
