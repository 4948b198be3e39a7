// SPDX-License-Identifier: MIT
#include "graph/router.hpp"

#include <cstdio>
#include <exception>

#include "graph/batch.hpp"
#include "graph/graph_responses.hpp"
#include "graph/routes.hpp"
#include "identity/app_roles.hpp"
#include "msgraph/ascii.hpp"

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
      deletedPolicies_(store, options_.autoCreatePartners) {}

bool Router::isGraphPath(std::string_view rawPath) {
  const Route::Kind kind = resolveRoute(rawPath).kind;
  return kind != Route::Kind::TokenEndpoint && kind != Route::Kind::Stats &&
         kind != Route::Kind::ManagedIdentityToken && kind != Route::Kind::ManagedIdentities &&
         kind != Route::Kind::ImdsToken;
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
// item is checked when it is dispatched.
std::optional<ApiResponse> Router::refuseCaller(const ApiRequest& request, const CallIds& ids,
                                                bool policyResource) const {
  const std::string token = bearerToken(request.headers);
  if (token.empty()) return unauthorized(ids, "Access token is empty.");
  if (options_.acceptAnyToken) return std::nullopt;
  const TokenStore::Check presented = tokens_.check(token);
  switch (presented.verdict) {
    case TokenStore::Verdict::Valid:
      if (!policyResource || rolesAllow(presented.roles, request.method)) return std::nullopt;
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
    case Route::Kind::Stats:
    case Route::Kind::ManagedIdentities:
      break;
    default:
      return std::nullopt;
  }
  if (request.method != "GET") return methodNotAllowed(ids, "GET");
  if (route.kind == Route::Kind::ManagedIdentities) return managedIdentityEndpoint_.listing();
  msgraph::Json stats = stats_.toJson();
  stats.set("writes", static_cast<std::int64_t>(store_.writes()));
  ApiResponse response;
  response.setJson(stats);
  return response;
}

ApiResponse Router::route(const ApiRequest& request, const CallIds& ids) const {
  const Route route = resolveRoute(request.rawPath);
  if (std::optional<ApiResponse> own = serveOwnPath(route, request, ids)) return *own;
  if (std::optional<ApiResponse> refused =
          refuseCaller(request, ids, isPolicyResource(route.kind))) {
    return *refused;
  }
  const GraphCall call{request, ids, route.version, options_.baseUrl};
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
        return graphError(ids, 400, "BadRequest", "A batch request cannot contain a batch.");
      }
      if (request.method != "POST") return methodNotAllowed(ids, "POST");
      return handleBatch(call, [this](const ApiRequest& item) { return dispatch(item); });
    case Route::Kind::BadPath:
      return graphError(ids, 400, "BadRequest", route.problem);
    case Route::Kind::NotFound:
    case Route::Kind::TokenEndpoint:
    case Route::Kind::Stats:
    case Route::Kind::ManagedIdentityToken:
    case Route::Kind::ManagedIdentities:
    case Route::Kind::ImdsToken:
      break;
  }
  return graphError(ids, 404, "Request_ResourceNotFound",
                    "Resource not found for the segment '" + route.segment + "'.");
}

}  // namespace emulator
