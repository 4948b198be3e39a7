// SPDX-License-Identifier: MIT
#include "identity/managed_identity_endpoint.hpp"

#include <string_view>
#include <variant>
#include <vector>

#include "identity/identity_selection.hpp"
#include "support/constant_time.hpp"
#include "support/time_format.hpp"

namespace emulator {
namespace {

using msgraph::Json;

// The one version the REST reference names.
constexpr std::string_view kApiVersion = "2019-08-01";
// The message App Service is seen to send for an identity it does not have (the reference
// documents no error answers).
constexpr const char* kNoSuchIdentity = "Unable to load the proper Managed Identity.";

// The query parameters that pick a user-assigned identity; `object_id` is an alias of
// `principal_id`.
const std::vector<IdentitySelector> kManagedIdentitySelectors = {
    {"client_id", IdentityId::Client},
    {"principal_id", IdentityId::Principal},
    {"object_id", IdentityId::Principal},
    {"mi_res_id", IdentityId::Resource}};

ApiResponse failure(const CallIds& ids, int status, const std::string& message) {
  ApiResponse response;
  response.status = status;
  response.setJson(Json::object(
      {{"statusCode", status}, {"message", message}, {"correlationId", ids.requestId}}));
  return response;
}

}  // namespace

ManagedIdentityEndpoint::ManagedIdentityEndpoint(TokenStore& tokens,
                                                 const WorkloadIdentities& identities)
    : tokens_(tokens), identities_(identities) {}

ApiResponse ManagedIdentityEndpoint::token(const ApiRequest& request, const CallIds& ids) const {
  if (request.method != "GET") {
    ApiResponse response = failure(ids, 405, "The managed identity endpoint only accepts GET.");
    setHeader(response.headers, "Allow", "GET");
    return response;
  }
  // The header is checked first: it is what keeps a forged request (SSRF) from learning more.
  const std::string* header = findHeader(request.headers, "X-IDENTITY-HEADER");
  if (header == nullptr) return failure(ids, 401, "The X-IDENTITY-HEADER header is missing.");
  if (!constantTimeEquals(*header, *identities_.identityHeader)) {
    return failure(ids, 401, "The X-IDENTITY-HEADER header does not match IDENTITY_HEADER.");
  }
  const std::optional<FormFields> query = parseFormEncoded(request.rawQuery);
  if (!query) return failure(ids, 400, "The query string has a malformed %-escape.");
  const std::string* version = findField(*query, "api-version");
  if (version == nullptr || *version != kApiVersion) {
    return failure(ids, 400,
                   "The api-version '" + (version != nullptr ? *version : std::string()) +
                       "' is not supported; use " + std::string(kApiVersion) + ".");
  }
  const std::string* resource = findField(*query, "resource");
  if (resource == nullptr || resource->empty()) {
    return failure(ids, 400, "The query parameter 'resource' is required.");
  }
  const auto selected =
      selectIdentity(*query, identities_.managedIdentities, kManagedIdentitySelectors, false);
  if (const auto* failed = std::get_if<SelectionFailure>(&selected)) {
    return failure(
        ids, 400,
        *failed == SelectionFailure::Several
            ? "Only one of client_id, principal_id, object_id and mi_res_id may be given."
            : kNoSuchIdentity);
  }
  const ManagedIdentity& identity = *std::get<const ManagedIdentity*>(selected);
  ApiResponse response;
  response.setJson(Json::object({
      {"access_token",
       tokens_.issue(kManagedIdentityTokenLifetime,
                     TokenGrant{identity.clientId, kManagedIdentityTenant, identity.roles})},
      {"expires_on", std::to_string(unixSeconds(ids.when + kManagedIdentityTokenLifetime))},
      {"resource", *resource},
      {"token_type", "Bearer"},
      {"client_id", identity.clientId},
  }));
  return response;
}

ApiResponse ManagedIdentityEndpoint::listing() const {
  Json::Array value;
  for (const ManagedIdentity& identity : identities_.managedIdentities) {
    value.push_back(
        Json::object({{"type", identity.systemAssigned ? "SystemAssigned" : "UserAssigned"},
                      {"clientId", identity.clientId},
                      {"principalId", identity.principalId},
                      {"resourceId", identity.resourceId}}));
  }
  ApiResponse response;
  response.setJson(Json::object({{"value", std::move(value)}}));
  return response;
}

}  // namespace emulator
