#include "router.hpp"

#include <cstdio>
#include <exception>

#include "batch.hpp"
#include "routes.hpp"

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
      !equalsIgnoreCase(std::string_view(*authorization).substr(0, 7), "Bearer ")) {
    return {};
  }
  std::string token = authorization->substr(7);
  token.erase(0, token.find_first_not_of(" \t"));
  token.erase(token.find_last_not_of(" \t") + 1);
  return token;
}

}  // namespace

Router::Router(Store& store, TokenStore& tokens, RouterOptions options)
    : tokens_(tokens),
      options_(std::move(options)),
      tokenEndpoint_(store, tokens, options_.baseUrl),
      partners_(store),
      identitySync_(store, options_.autoCreatePartners) {}

bool Router::isGraphPath(std::string_view rawPath) {
  return resolveRoute(rawPath).kind != Route::Kind::TokenEndpoint;
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

std::optional<ApiResponse> Router::refuseBearer(const ApiRequest& request,
                                                const CallIds& ids) const {
  const std::string token = bearerToken(request.headers);
  if (token.empty()) return unauthorized(ids, "Access token is empty.");
  if (options_.acceptAnyToken) return std::nullopt;
  switch (tokens_.check(token)) {
    case TokenStore::Verdict::Valid:
      return std::nullopt;
    case TokenStore::Verdict::Expired:
      return unauthorized(ids, "Lifetime validation failed, the token is expired.");
    case TokenStore::Verdict::Unknown:
      break;
  }
  return unauthorized(ids, "Access token validation failure. Invalid audience.");
}

ApiResponse Router::route(const ApiRequest& request, const CallIds& ids) const {
  const Route route = resolveRoute(request.rawPath);
  if (route.kind == Route::Kind::TokenEndpoint) {
    return tokenEndpoint_.handle(request, route.tenant, ids);
  }
  if (std::optional<ApiResponse> refused = refuseBearer(request, ids)) return *refused;
  const GraphCall call{request, ids, route.version, options_.baseUrl};
  switch (route.kind) {
    case Route::Kind::Partners:
      return partners_.collection(call);
    case Route::Kind::Partner:
      return partners_.entity(call, route.partnerId);
    case Route::Kind::IdentitySync:
      return identitySync_.handle(call, route.partnerId);
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
      break;
  }
  return graphError(ids, 404, "Request_ResourceNotFound",
                    "Resource not found for the segment '" + route.segment + "'.");
}

}  // namespace emulator
