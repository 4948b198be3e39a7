// SPDX-License-Identifier: MIT
#pragma once

#include "api/messages.hpp"
#include "graph/graph_call.hpp"
#include "state/state.hpp"

namespace emulator {

/// The partners collection's path under the service root, as `@odata.context` names it.
constexpr const char* kPartnersCollection = "policies/crossTenantAccessPolicy/partners";

/// The default number of partners on a page of `GET .../partners`. Graph does not document its
/// page size for this collection; 100 is the emulator's choice (see --help).
constexpr std::size_t kDefaultPartnerPageSize = 100;

/// One page of `GET .../partners`, in tenant id order: `$top` (1 to 999), `$skiptoken` (from a
/// previous page's `@odata.nextLink`), `$select` and `$expand=identitySynchronization`. A
/// malformed query or token is a 400. A page costs O(log n) to find (the token names the last
/// key returned) plus its own partners.
ApiResponse listPartners(const GraphCall& call,
                         const std::map<std::string, PartnerRecord>& partners);

}  // namespace emulator
