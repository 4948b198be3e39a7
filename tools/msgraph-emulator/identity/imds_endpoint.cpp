// SPDX-License-Identifier: MIT
#include "identity/imds_endpoint.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "identity/identity_selection.hpp"
#include "support/constant_time.hpp"
#include "support/time_format.hpp"

namespace emulator {
namespace {

using msgraph::Json;

// The oldest versions the how-tos allow: IMDS "2018-02-01 or greater"; Azure Arc's agent
// 2019-11-01, the version its token endpoint first had.
constexpr std::string_view kOldestImdsVersion = "2018-02-01";
constexpr std::string_view kOldestArcVersion = "2019-11-01";

// `mi_res_id` is the how-to's name; `msi_res_id` the older one that clients still send.
const std::vector<IdentitySelector> kImdsSelectors = {{"client_id", IdentityId::Client},
                                                      {"object_id", IdentityId::Principal},
                                                      {"mi_res_id", IdentityId::Resource},
                                                      {"msi_res_id", IdentityId::Resource}};

// `YYYY-MM-DD` (a version may carry a suffix such as `-preview`), from `oldest` on.
bool isSupportedVersion(const std::string& version, std::string_view oldest) {
  const std::string_view date = std::string_view(version).substr(0, 10);
  for (std::size_t i = 0; i < date.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? date[i] != '-' : (date[i] < '0' || date[i] > '9')) return false;
  }
  return date.size() == 10 && date >= oldest;
}

ApiResponse failure(int status, const char* error, const std::string& description) {
  ApiResponse response;
  response.status = status;
  response.setJson(Json::object({{"error", error}, {"error_description", description}}));
  return response;
}

// Takes one of the 410s still to give, if any.
bool takeGone(std::atomic<std::uint64_t>& left) {
  std::uint64_t current = left.load();
  while (current > 0 && !left.compare_exchange_weak(current, current - 1)) {
  }
  return current > 0;
}

bool hasSelector(const FormFields& query) {
  return std::any_of(kImdsSelectors.begin(), kImdsSelectors.end(),
                     [&](const IdentitySelector& selector) {
                       return findField(query, selector.parameter) != nullptr;
                     });
}

// Nullopt when the request carries the secret of the key file; else the 401 that names it.
std::optional<ApiResponse> arcChallenge(const ApiRequest& request, const ArcChallenge& arc) {
  const std::string* authorization = findHeader(request.headers, "Authorization");
  constexpr std::string_view kBasic = "Basic ";
  if (authorization != nullptr && authorization->compare(0, kBasic.size(), kBasic) == 0 &&
      constantTimeEquals(std::string_view(*authorization).substr(kBasic.size()), arc.secret)) {
    return std::nullopt;
  }
  ApiResponse response = failure(401, "unauthorized_client",
                                 "Read the key file that WWW-Authenticate names and send its "
                                 "text as Authorization: Basic.");
  setHeader(response.headers, "WWW-Authenticate", "Basic realm=" + arc.keyFile);
  return response;
}

}  // namespace

ImdsEndpoint::ImdsEndpoint(TokenStore& tokens, const WorkloadIdentities& identities)
    : tokens_(tokens), identities_(identities), goneLeft_(identities.imdsGoneFirst) {}

ApiResponse ImdsEndpoint::token(const ApiRequest& request, const CallIds& ids) const {
  // The header IMDS requires so that a forwarded request (SSRF) is refused: "true", in all
  // lower case, else 400 bad_request_102 (the how-to's error table).
  const std::string* metadata = findHeader(request.headers, "Metadata");
  if (metadata == nullptr || *metadata != "true") {
    return failure(400, "bad_request_102", "Required metadata header not specified");
  }
  if (request.method != "GET") {
    ApiResponse response = failure(405, "invalid_request", "Only GET is supported.");
    setHeader(response.headers, "Allow", "GET");
    return response;
  }
  if (takeGone(goneLeft_)) {
    return failure(410, "service_unavailable", "IMDS is updating; retry with backoff.");
  }
  if (identities_.arc) {
    if (std::optional<ApiResponse> challenge = arcChallenge(request, *identities_.arc)) {
      return *challenge;
    }
  }
  const std::string_view oldest = identities_.arc ? kOldestArcVersion : kOldestImdsVersion;
  const std::optional<FormFields> query = parseFormEncoded(request.rawQuery);
  if (!query) return failure(400, "invalid_request", "The query string has a malformed %-escape.");
  const std::string* version = findField(*query, "api-version");
  if (version == nullptr || !isSupportedVersion(*version, oldest)) {
    return failure(400, "invalid_request",
                   "Unsupported api-version '" + (version != nullptr ? *version : std::string()) +
                       "'; use " + std::string(oldest) + " or later.");
  }
  const std::string* resource = findField(*query, "resource");
  if (resource == nullptr || resource->empty()) {
    return failure(400, "invalid_request", "Required query variable 'resource' is missing");
  }
  // A VM with one user-assigned identity and no system-assigned one uses it by default; an
  // Arc-enabled server has only its system-assigned identity.
  if (identities_.arc && hasSelector(*query)) {
    return failure(400, "invalid_request",
                   "Azure Arc has only the system-assigned identity: client_id, object_id and "
                   "mi_res_id are not taken.");
  }
  const auto selected = selectIdentity(*query, identities_.managedIdentities, kImdsSelectors, true);
  if (const auto* failed = std::get_if<SelectionFailure>(&selected)) {
    return failure(400, "invalid_request",
                   *failed == SelectionFailure::Several
                       ? "Only one of client_id, object_id and mi_res_id may be given."
                       : "Identity not found");
  }
  const ManagedIdentity& identity = *std::get<const ManagedIdentity*>(selected);
  const auto lifetime = std::to_string(kManagedIdentityTokenLifetime.count());
  ApiResponse response;
  response.setJson(Json::object({
      {"access_token",
       tokens_.issue(kManagedIdentityTokenLifetime,
                     TokenGrant{identity.clientId, kManagedIdentityTenant, identity.roles})},
      {"refresh_token", ""},
      {"expires_in", lifetime},
      {"expires_on", std::to_string(unixSeconds(ids.when + kManagedIdentityTokenLifetime))},
      {"not_before", std::to_string(unixSeconds(ids.when))},
      {"resource", *resource},
      {"token_type", "Bearer"},
  }));
  return response;
}

}  // namespace emulator
