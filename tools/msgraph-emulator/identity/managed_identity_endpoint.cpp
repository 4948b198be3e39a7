// SPDX-License-Identifier: MIT
#include "identity/managed_identity_endpoint.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <variant>

#include "msgraph/ascii.hpp"
#include "support/constant_time.hpp"
#include "support/time_format.hpp"
#include "support/url.hpp"

namespace emulator {
namespace {

using msgraph::Json;

// The emulator's lifetime for managed identity tokens, as for app tokens (the platform's own is
// not documented for this endpoint).
constexpr std::chrono::seconds kTokenLifetime{3599};
// The one version the REST reference names.
constexpr std::string_view kApiVersion = "2019-08-01";
// The message App Service is seen to send for an identity it does not have (the reference
// documents no error answers).
constexpr const char* kNoSuchIdentity = "Unable to load the proper Managed Identity.";

// The query parameters that pick a user-assigned identity; `object_id` is an alias of
// `principal_id`.
constexpr std::array<std::string_view, 4> kIdParameters = {"client_id", "principal_id", "object_id",
                                                           "mi_res_id"};

ApiResponse failure(const CallIds& ids, int status, const std::string& message) {
  ApiResponse response;
  response.status = status;
  response.setJson(Json::object(
      {{"statusCode", status}, {"message", message}, {"correlationId", ids.requestId}}));
  return response;
}

std::string_view idOf(const ManagedIdentity& identity, std::string_view parameter) {
  if (parameter == "client_id") return identity.clientId;
  if (parameter == "mi_res_id") return identity.resourceId;
  return identity.principalId;
}

// The identity the query names, or the error message when it names none or several ways.
std::variant<const ManagedIdentity*, std::string> selectIdentity(
    const FormFields& query, const std::vector<ManagedIdentity>& identities) {
  std::string_view parameter;
  const std::string* value = nullptr;
  for (std::string_view name : kIdParameters) {
    const std::string* given = findField(query, name);
    if (given == nullptr) continue;
    if (value != nullptr) {
      return "Only one of client_id, principal_id, object_id and mi_res_id may be given; got " +
             std::string(parameter) + " and " + std::string(name) + ".";
    }
    parameter = name;
    value = given;
  }
  // Ids are GUIDs and ARM resource ids, both compared ignoring case.
  const auto found =
      std::find_if(identities.begin(), identities.end(), [&](const ManagedIdentity& identity) {
        return value == nullptr
                   ? identity.systemAssigned
                   : !identity.systemAssigned &&
                         msgraph::asciiEqualsIgnoreCase(idOf(identity, parameter), *value);
      });
  if (found == identities.end()) return std::string(kNoSuchIdentity);
  return &*found;
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
  const auto selected = selectIdentity(*query, identities_.managedIdentities);
  if (const auto* message = std::get_if<std::string>(&selected)) {
    return failure(ids, 400, *message);
  }
  const ManagedIdentity& identity = *std::get<const ManagedIdentity*>(selected);
  ApiResponse response;
  response.setJson(Json::object({
      {"access_token", tokens_.issue(kTokenLifetime, identity.roles)},
      {"expires_on", std::to_string(unixSeconds(ids.when + kTokenLifetime))},
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
