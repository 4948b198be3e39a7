// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/call_ids.hpp"
#include "api/messages.hpp"
#include "faults/partner_writes.hpp"
#include "faults/stats.hpp"
#include "graph/deleted_policies_api.hpp"
#include "graph/graph_call.hpp"
#include "graph/identity_sync_api.hpp"
#include "graph/partners_api.hpp"
#include "graph/routes.hpp"
#include "identity/imds_endpoint.hpp"
#include "identity/managed_identity_endpoint.hpp"
#include "identity/token_endpoint.hpp"
#include "identity/token_store.hpp"
#include "identity/workload_identities.hpp"
#include "state/store.hpp"
#include "throttling/throttle_clock.hpp"
#include "throttling/throttler.hpp"

namespace emulator {

/// How the Graph side behaves.
struct RouterOptions {
  /// The emulator's own URL (`https://127.0.0.1:43117`), for `@odata.context`.
  std::string baseUrl;
  /// Unknown partners are created on first use instead of answering 404.
  bool autoCreatePartners = false;
  /// Any non-empty bearer token is accepted, not only tokens this emulator issued.
  bool acceptAnyToken = false;
  /// The `--throttle-*` limits.
  ThrottleOptions throttle;
  /// The throttling clock is manual (`--throttle-manual-clock`, for tests).
  bool throttleManualClock = false;
  /// Federated credentials and managed identities.
  WorkloadIdentities workloadIdentities;
};

/// The one dispatch function from a request to a response, used for HTTP requests and for
/// `$batch` items alike: token endpoint, managed identity endpoint, bearer and permission
/// checks, throttling, Graph routes, batch, and the emulator's own `GET /emulator/stats`,
/// `/emulator/clock` and `GET /emulator/managed-identities`.
class Router {
 public:
  /// `stats` is what `GET /emulator/stats` reports; it is counted by the HTTP layer.
  Router(Store& store, TokenStore& tokens, const RequestStats& stats, RouterOptions options);
  // The endpoints refer to members of options_.
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  /// Answers `request` with a complete response, including `request-id`, `client-request-id`
  /// and `Date`. Never throws: an unexpected failure becomes a Graph 500.
  ApiResponse dispatch(const ApiRequest& request) const;

  /// Whether `rawPath` is a Graph request (where faults and delays apply and which the stats
  /// count) rather than a token endpoint or one of the emulator's own paths.
  static bool isGraphPath(std::string_view rawPath);

 private:
  ApiResponse route(const ApiRequest& request, const CallIds& ids) const;
  ApiResponse serve(const Route& route, const GraphCall& call) const;
  ApiResponse statistics() const;
  void countAppliedWrite(const Route& route, const ApiRequest& request, const std::string& tenant,
                         const ApiResponse& response) const;
  std::optional<ApiResponse> serveOwnPath(const Route& route, const ApiRequest& request,
                                          const CallIds& ids) const;
  std::optional<ApiResponse> refuseCaller(const ApiRequest& request, const CallIds& ids,
                                          bool policyResource, TokenStore::Check& presented) const;
  std::optional<ApiResponse> throttle(const ApiRequest& request, const CallIds& ids,
                                      const TokenStore::Check& presented,
                                      ThrottleVerdict& verdict) const;

  const Store& store_;
  TokenStore& tokens_;
  const RequestStats& stats_;
  RouterOptions options_;
  TokenEndpoint tokenEndpoint_;
  ManagedIdentityEndpoint managedIdentityEndpoint_;
  ImdsEndpoint imdsEndpoint_;
  PartnersApi partners_;
  IdentitySyncApi identitySync_;
  DeletedPoliciesApi deletedPolicies_;
  // Internally synchronized state that answering a request changes.
  mutable ThrottleClock throttleClock_;
  mutable Throttler throttler_;
  mutable PartnerWrites partnerWrites_;
};

}  // namespace emulator
