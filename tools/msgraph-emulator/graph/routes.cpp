// SPDX-License-Identifier: MIT
#include "graph/routes.hpp"

#include <optional>
#include <vector>

#include "msgraph/ascii.hpp"
#include "support/url.hpp"
#include "support/utf8.hpp"

namespace emulator {
namespace {

Route notFound(std::string segment) {
  Route route;
  route.kind = Route::Kind::NotFound;
  route.segment = std::move(segment);
  return route;
}

Route badPath(std::string problem) {
  Route route;
  route.kind = Route::Kind::BadPath;
  route.problem = std::move(problem);
  return route;
}

std::optional<Route> tokenRoute(const std::vector<std::string>& segments) {
  if (segments.size() != 4 || segments[0].empty() || segments[1] != "oauth2" ||
      segments[2] != "v2.0" || segments[3] != "token") {
    return std::nullopt;
  }
  Route route;
  route.kind = Route::Kind::TokenEndpoint;
  route.tenant = segments[0];
  return route;
}

// The emulator's own paths and the managed identity endpoint, which are not Graph's.
std::optional<Route> emulatorRoute(const std::vector<std::string>& segments) {
  Route route;
  if (segments.size() == 4 && segments[0] == "metadata" && segments[1] == "identity" &&
      segments[2] == "oauth2" && segments[3] == "token") {
    route.kind = Route::Kind::ImdsToken;
    return route;
  }
  if (segments.size() != 2) return std::nullopt;
  if (segments[0] == "emulator" && segments[1] == "stats") {
    route.kind = Route::Kind::Stats;
  } else if (segments[0] == "emulator" && segments[1] == "clock") {
    route.kind = Route::Kind::Clock;
  } else if (segments[0] == "emulator" && segments[1] == "managed-identities") {
    route.kind = Route::Kind::ManagedIdentities;
  } else if (segments[0] == "msi" && segments[1] == "token") {
    route.kind = Route::Kind::ManagedIdentityToken;
  } else {
    return std::nullopt;
  }
  return route;
}

// The partner tenant id in segments[index]; a BadPath route when it is empty or not UTF-8.
std::optional<Route> refusePartnerId(Route& route, const std::vector<std::string>& segments,
                                     std::size_t index) {
  route.partnerId = segments[index];
  if (route.partnerId.empty()) return badPath("The partner tenant id in the path is empty.");
  if (!isValidUtf8(route.partnerId)) return badPath("The partner tenant id is not valid UTF-8.");
  return std::nullopt;
}

// /beta/policies/deletedItems/crossTenantSyncPolicyPartners[/{id}[/restore]]. Beta only: on
// v1.0 `deletedItems` is an unknown segment, as every other unknown segment is (404).
Route deletedItemsRoute(Route route, const std::vector<std::string>& segments) {
  if (route.version != ApiVersion::Beta) return notFound(segments[2]);
  if (segments.size() < 4 ||
      !msgraph::asciiEqualsIgnoreCase(segments[3], "crossTenantSyncPolicyPartners")) {
    return notFound(segments.size() < 4 ? std::string() : segments[3]);
  }
  if (segments.size() == 4) {
    route.kind = Route::Kind::DeletedPolicies;
    return route;
  }
  if (std::optional<Route> refused = refusePartnerId(route, segments, 4)) return *refused;
  if (segments.size() == 5) {
    route.kind = Route::Kind::DeletedPolicy;
  } else if (segments.size() == 6 && msgraph::asciiEqualsIgnoreCase(segments[5], "restore")) {
    route.kind = Route::Kind::DeletedPolicyRestore;
  } else {
    return notFound(segments[5]);
  }
  return route;
}

Route partnerRoute(Route route, const std::vector<std::string>& segments) {
  if (segments.size() > 2 && msgraph::asciiEqualsIgnoreCase(segments[1], "policies") &&
      msgraph::asciiEqualsIgnoreCase(segments[2], "deletedItems")) {
    return deletedItemsRoute(std::move(route), segments);
  }
  static const char* const kPrefix[] = {"policies", "crossTenantAccessPolicy", "partners"};
  for (std::size_t i = 0; i < 3; ++i) {
    if (i + 1 >= segments.size() || !msgraph::asciiEqualsIgnoreCase(segments[i + 1], kPrefix[i])) {
      return notFound(i + 1 < segments.size() ? segments[i + 1] : std::string());
    }
  }
  if (segments.size() == 4) {
    route.kind = Route::Kind::Partners;
    return route;
  }
  if (std::optional<Route> refused = refusePartnerId(route, segments, 4)) return *refused;
  if (segments.size() == 5) {
    route.kind = Route::Kind::Partner;
  } else if (segments.size() == 6 &&
             msgraph::asciiEqualsIgnoreCase(segments[5], "identitySynchronization")) {
    route.kind = Route::Kind::IdentitySync;
  } else {
    return notFound(segments[5]);
  }
  return route;
}

}  // namespace

Route resolveRoute(std::string_view rawPath) {
  std::vector<std::string> segments;
  for (const std::string& raw : splitRawPath(rawPath)) {
    std::optional<std::string> decoded = percentDecode(raw, false);
    if (!decoded) return badPath("The path segment '" + raw + "' has a malformed %-escape.");
    segments.push_back(std::move(*decoded));
  }
  if (segments.size() > 1 && segments.back().empty()) segments.pop_back();
  if (std::optional<Route> token = tokenRoute(segments)) return *token;
  if (std::optional<Route> own = emulatorRoute(segments)) return *own;

  Route route;
  if (msgraph::asciiEqualsIgnoreCase(segments[0], "v1.0")) {
    route.version = ApiVersion::V1;
  } else if (msgraph::asciiEqualsIgnoreCase(segments[0], "beta")) {
    route.version = ApiVersion::Beta;
  } else {
    return notFound(segments[0]);
  }
  if (segments.size() == 2 && msgraph::asciiEqualsIgnoreCase(segments[1], "$batch")) {
    route.kind = Route::Kind::Batch;
    return route;
  }
  return partnerRoute(std::move(route), segments);
}

}  // namespace emulator
