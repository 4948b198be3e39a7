// SPDX-License-Identifier: MIT
#include "graph/router.hpp"

#include <cstdio>
#include <exception>

#include "graph/batch.hpp"
#include "graph/graph_responses.hpp"
#include "graph/routes.hpp"
#include "identity/app_roles.hpp"
#include "msgraph/ascii.hpp"
#include "msgraph/error.hpp"
#include "throttling/clock_endpoint.hpp"
#include "throttling/throttle_answers.hpp"

namespace emulator {
namespace {

ApiResponse unauthorized(const CallIds& ids, const char* message) {
  ApiResponse response = graphError(ids, 401, "InvalidAuthenticationToken", message);
  setHeader(response.headers, "WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"");
  return response;
}

std::string bearerToken(const Headers& headers) {
  const std::string* authorization = findHeader(headers, "Authorization");
  if (authorization == nullptr || authorization->size() < 7 ||
      !msgraph::asciiEqualsIgnoreCase(std::string_view(*authorization).substr(0, 7), "Bearer ")) {
    return {};
  }
  std::string token = authorization->substr(7);
  token.erase(0, token.find_first_not_of(" \t"));
  token.erase(token.find_last_not_of(" \t") + 1);
  return token;
}

bool isPolicyResource(Route::Kind kind) {
  return kind == Route::Kind::Partners || kind == Route::Kind::Partner ||
         kind == Route::Kind::IdentitySync || kind == Route::Kind::DeletedPolicies ||
         kind == Route::Kind::DeletedPolicy || kind == Route::Kind::DeletedPolicyRestore;
}

// Whether a method writes (POST, PUT, PATCH, DELETE) or reads (GET, HEAD), as the
// throttling scopes' "Limit" divides them; nullopt for the others, which are not metered.
std::optional<bool> meteredAsWrite(std::string_view method) {
  if (method == "GET" || method == "HEAD") return false;
  if (method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE") return true;
  return std::nullopt;
}

// The caller of a bearer token: its grant or, for one this emulator did not issue
// (--accept-any-token), one app in one tenant, both the nil GUID: throttled as that app and
// reading and writing that tenant's policies.
const TokenGrant& callerOf(const TokenStore::Check& presented) {
  static const TokenGrant anonymous{
      "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000", {}};
  return presented.grant ? *presented.grant : anonymous;
}

// The partner a POST of the partner collection created: the body's tenantId, which the 201
// proves is there.
std::optional<std::string> createdPartnerId(const std::string& body) {
  try {
    const msgraph::Json created = msgraph::Json::parse(body);
    const msgraph::Json* tenantId = created.find("tenantId");
    if (tenantId != nullptr && tenantId->isString()) return tenantId->asString();
  } catch (const msgraph::DeserializationError&) {
  }
  return std::nullopt;
}

}  // namespace

Router::Router(Store& store, TokenStore& tokens, const RequestStats& stats, RouterOptions options)
    : store_(store),
      tokens_(tokens),
      stats_(stats),
      options_(std::move(options)),
      tokenEndpoint_(store, tokens, options_.baseUrl, options_.workloadIdentities.federation),
      managedIdentityEndpoint_(tokens, options_.workloadIdentities),
      imdsEndpoint_(tokens, options_.workloadIdentities),
      partners_(store),
      identitySync_(store, options_.autoCreatePartners),
      deletedPolicies_(store, options_.autoCreatePartners),
      throttleClock_(options_.throttleManualClock),
      throttler_(options_.throttle, throttleClock_) {}

bool Router::isGraphPath(std::string_view rawPath) {
  const Route::Kind kind = resolveRoute(rawPath).kind;
  return kind != Route::Kind::TokenEndpoint && kind != Route::Kind::Stats &&
         kind != Route::Kind::Clock && kind != Route::Kind::ManagedIdentityToken &&
         kind != Route::Kind::ManagedIdentities && kind != Route::Kind::ImdsToken;
}

ApiResponse Router::dispatch(const ApiRequest& request) const {
  const CallIds ids = newCallIds(request.headers);
  ApiResponse response;
  try {
    response = route(request, ids);
  } catch (const std::exception& e) {
    // Only the exception text is logged: it never holds request headers or bodies.
    std::fprintf(stderr, "msgraph-emulator: internal error: %s\n", e.what());
    response =
        graphError(ids, 500, "InternalServerError", "The emulator failed to handle the request.");
  }
  addStandardHeaders(response, ids);
  return response;
}

// A missing or foreign token is 401; on the policy resources, a token whose app lacks the
// permission for the method is 403. A `$batch` envelope needs no permission of its own: each
// item is checked when it is dispatched. `presented` gets the token's grant, if it has one.
std::optional<ApiResponse> Router::refuseCaller(const ApiRequest& request, const CallIds& ids,
                                                bool policyResource,
                                                TokenStore::Check& presented) const {
  const std::string token = bearerToken(request.headers);
  if (token.empty()) return unauthorized(ids, "Access token is empty.");
  presented = tokens_.check(token);
  if (options_.acceptAnyToken) return std::nullopt;
  switch (presented.verdict) {
    case TokenStore::Verdict::Valid:
      if (!policyResource || rolesAllow(presented.grant->roles, request.method)) {
        return std::nullopt;
      }
      return graphError(ids, 403, "Authorization_RequestDenied",
                        "Insufficient privileges to complete the operation.");
    case TokenStore::Verdict::Expired:
      return unauthorized(ids, "Lifetime validation failed, the token is expired.");
    case TokenStore::Verdict::Unknown:
      break;
  }
  return unauthorized(ids, "Access token validation failure. Invalid audience.");
}

// The paths that are not Graph's: the token endpoints and the emulator's own, none of which
// takes a bearer token.
std::optional<ApiResponse> Router::serveOwnPath(const Route& route, const ApiRequest& request,
                                                const CallIds& ids) const {
  switch (route.kind) {
    case Route::Kind::TokenEndpoint:
      return tokenEndpoint_.handle(request, route.tenant, ids);
    case Route::Kind::ManagedIdentityToken:
      if (managedIdentityEndpoint_.enabled()) return managedIdentityEndpoint_.token(request, ids);
      // Without --identity-header the emulated host has no managed identity endpoint.
      return graphError(ids, 404, "Request_ResourceNotFound",
                        "Resource not found for the segment 'msi'.");
    case Route::Kind::ImdsToken:
      if (imdsEndpoint_.enabled()) return imdsEndpoint_.token(request, ids);
      return graphError(ids, 404, "Request_ResourceNotFound",
                        "Resource not found for the segment 'metadata'.");
    case Route::Kind::Clock:
      return clockEndpoint(request, ids, throttleClock_);
    case Route::Kind::Stats:
    case Route::Kind::ManagedIdentities:
      break;
    default:
      return std::nullopt;
  }
  if (request.method != "GET") return methodNotAllowed(ids, "GET");
  if (route.kind == Route::Kind::ManagedIdentities) return managedIdentityEndpoint_.listing();
  return statistics();
}

// Meters a request of the policy resources against the caller's limits (callers refused
// above never get here, so they are not counted); a 429 when a limit refuses it.
std::optional<ApiResponse> Router::throttle(const ApiRequest& request, const CallIds& ids,
                                            const TokenStore::Check& presented,
                                            ThrottleVerdict& verdict) const {
  const std::optional<bool> write = meteredAsWrite(request.method);
  if (!throttler_.enabled() || !write) return std::nullopt;
  const TokenGrant& caller = callerOf(presented);
  verdict = throttler_.admit(*write, caller.appId, caller.tenantId);
  if (!verdict.throttled) return std::nullopt;
  return throttledAnswer(ids, verdict, caller.appId, caller.tenantId);
}

ApiResponse Router::statistics() const {
  msgraph::Json stats = stats_.toJson();
  stats.set("writes", static_cast<std::int64_t>(store_.writes()));
  stats.set("writesByPartner", partnerWrites_.toJson());
  stats.set("throttled", throttler_.refusalsJson());
  ApiResponse response;
  response.setJson(stats);
  return response;
}

ApiResponse Router::route(const ApiRequest& request, const CallIds& ids) const {
  const Route route = resolveRoute(request.rawPath);
  if (std::optional<ApiResponse> own = serveOwnPath(route, request, ids)) return *own;
  const bool policyResource = isPolicyResource(route.kind);
  TokenStore::Check presented{TokenStore::Verdict::Unknown, nullptr};
  if (std::optional<ApiResponse> refused = refuseCaller(request, ids, policyResource, presented)) {
    return *refused;
  }
  ThrottleVerdict verdict;
  if (policyResource) {
    if (std::optional<ApiResponse> throttled = throttle(request, ids, presented, verdict)) {
      return *throttled;
    }
  }
  const std::string tenant = store_.tenantKey(callerOf(presented).tenantId);
  ApiResponse response =
      serve(route, GraphCall{request, ids, route.version, options_.baseUrl, tenant});
  addLimitPercentage(response, verdict);
  if (policyResource) countAppliedWrite(route, request, tenant, response);
  return response;
}

// A write answered 2xx changed the state: it counts for the partner it changed, in the tenant
// whose policies it changed.
void Router::countAppliedWrite(const Route& route, const ApiRequest& request,
                               const std::string& tenant, const ApiResponse& response) const {
  if (response.status < 200 || response.status >= 300) return;
  if (!meteredAsWrite(request.method).value_or(false)) return;
  if (route.kind != Route::Kind::Partners) return partnerWrites_.record(tenant, route.partnerId);
  if (const std::optional<std::string> created = createdPartnerId(request.body)) {
    partnerWrites_.record(tenant, *created);
  }
}

ApiResponse Router::serve(const Route& route, const GraphCall& call) const {
  const ApiRequest& request = call.request;
  switch (route.kind) {
    case Route::Kind::Partners:
      return partners_.collection(call);
    case Route::Kind::Partner:
      return partners_.entity(call, route.partnerId);
    case Route::Kind::IdentitySync:
      return identitySync_.handle(call, route.partnerId);
    case Route::Kind::DeletedPolicies:
      return deletedPolicies_.collection(call);
    case Route::Kind::DeletedPolicy:
      return deletedPolicies_.entity(call, route.partnerId);
    case Route::Kind::DeletedPolicyRestore:
      return deletedPolicies_.restore(call, route.partnerId);
    case Route::Kind::Batch:
      if (request.insideBatch) {
        return graphError(call.ids, 400, "BadRequest", "A batch request cannot contain a batch.");
      }
      if (request.method != "POST") return methodNotAllowed(call.ids, "POST");
      return handleBatch(call, [this](const ApiRequest& item) { return dispatch(item); });
    case Route::Kind::BadPath:
      return graphError(call.ids, 400, "BadRequest", route.problem);
    case Route::Kind::NotFound:
    case Route::Kind::TokenEndpoint:
    case Route::Kind::Stats:
    case Route::Kind::Clock:
    case Route::Kind::ManagedIdentityToken:
    case Route::Kind::ManagedIdentities:
    case Route::Kind::ImdsToken:
      break;
  }
  return graphError(call.ids, 404, "Request_ResourceNotFound",
                    "Resource not found for the segment '" + route.segment + "'.");
}

}  // namespace emulator
