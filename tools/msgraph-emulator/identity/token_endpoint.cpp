// SPDX-License-Identifier: MIT
#include "identity/token_endpoint.hpp"

#include <optional>
#include <utility>
#include <variant>

#include "identity/client_auth.hpp"
#include "msgraph/ascii.hpp"
#include "support/ascii.hpp"
#include "support/base64.hpp"
#include "support/time_format.hpp"
#include "support/url.hpp"
#include "support/utf8.hpp"

namespace emulator {
namespace {

using msgraph::Json;

// The identity platform's lifetime for app-only tokens.
constexpr std::chrono::seconds kTokenLifetime{3599};
constexpr std::string_view kDefaultSuffix = "/.default";
constexpr std::string_view kJwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

TokenError missingParameter(const char* name) {
  return {400, "invalid_request", 900144,
          std::string("The request body must contain the following parameter: '") + name + "'."};
}

ApiResponse identityError(const CallIds& ids, const TokenError& error) {
  const std::string code = "AADSTS" + std::to_string(error.aadsts);
  const std::string timestamp = identityTimestamp(ids.when);
  const std::string correlation = printable(ids.clientRequestId);
  ApiResponse response;
  response.status = error.status;
  response.setJson(Json::object({
      {"error", error.error},
      {"error_description",
       code + ": " + printable(error.description) + "\r\nTrace ID: " + ids.requestId +
           "\r\nCorrelation ID: " + correlation + "\r\nTimestamp: " + timestamp},
      {"error_codes", Json::Array{error.aadsts}},
      {"timestamp", timestamp},
      {"trace_id", ids.requestId},
      {"correlation_id", correlation},
      {"error_uri", "https://login.microsoftonline.com/error?code=" + std::to_string(error.aadsts)},
  }));
  return response;
}

// RFC 6749 2.3.1: `Authorization: Basic base64(urlencode(id):urlencode(secret))`.
std::variant<std::monostate, ClientCredentials, TokenError> basicCredentials(
    const Headers& headers) {
  const std::string* authorization = findHeader(headers, "Authorization");
  if (authorization == nullptr || authorization->size() < 6 ||
      !msgraph::asciiEqualsIgnoreCase(std::string_view(*authorization).substr(0, 6), "Basic ")) {
    return std::monostate{};
  }
  const TokenError malformed{400, "invalid_request", 900144,
                             "The HTTP Basic authorization header is malformed."};
  const std::optional<std::string> decoded = decodeBase64(authorization->substr(6));
  const std::size_t colon = decoded ? decoded->find(':') : std::string::npos;
  if (colon == std::string::npos) return malformed;
  const auto id = percentDecode(std::string_view(*decoded).substr(0, colon), true);
  const auto secret = percentDecode(std::string_view(*decoded).substr(colon + 1), true);
  if (!id || !secret) return malformed;
  return ClientCredentials{*id, *secret, std::nullopt};
}

std::variant<ClientCredentials, TokenError> clientCredentials(const ApiRequest& request,
                                                              const FormFields& form) {
  auto basic = basicCredentials(request.headers);
  if (auto* error = std::get_if<TokenError>(&basic)) return *error;
  if (auto* credentials = std::get_if<ClientCredentials>(&basic)) return *credentials;
  const std::string* clientId = findField(form, "client_id");
  if (clientId == nullptr || clientId->empty()) return missingParameter("client_id");
  ClientCredentials credentials{*clientId, std::nullopt, std::nullopt};
  if (const std::string* secret = findField(form, "client_secret")) {
    credentials.clientSecret = *secret;
  }
  if (const std::string* assertion = findField(form, "client_assertion")) {
    const std::string* type = findField(form, "client_assertion_type");
    if (type == nullptr || type->empty()) return missingParameter("client_assertion_type");
    if (*type != kJwtBearer) {
      return TokenError{400, "invalid_request", 50027,
                        "Invalid JWT token. The client_assertion_type '" + *type +
                            "' is not supported; use '" + std::string(kJwtBearer) + "'."};
    }
    credentials.assertion = *assertion;
  }
  return credentials;
}

TokenError unknownTenant(const std::string& tenant) {
  return {400, "invalid_request", 90002,
          "Tenant '" + tenant +
              "' not found. Check to make sure you have the correct tenant ID and are signing "
              "into the correct cloud. Check with your subscription administrator, this may "
              "happen if there are no active subscriptions for the tenant."};
}

// Checks the grant and scope; the client is checked afterwards by authenticateClient.
std::optional<TokenError> checkGrant(const FormFields& form) {
  const std::string* grant = findField(form, "grant_type");
  if (grant == nullptr || grant->empty()) return missingParameter("grant_type");
  if (*grant != "client_credentials") {
    return TokenError{400, "unsupported_grant_type", 70003,
                      "The app requested an unsupported grant type '" + *grant + "'."};
  }
  const std::string* scope = findField(form, "scope");
  if (scope == nullptr || scope->empty()) return missingParameter("scope");
  const bool single = scope->find(' ') == std::string::npos;
  const bool isDefault = scope->size() > kDefaultSuffix.size() &&
                         scope->compare(scope->size() - kDefaultSuffix.size(),
                                        kDefaultSuffix.size(), kDefaultSuffix) == 0;
  if (!single || !isDefault) {
    return TokenError{400, "invalid_scope", 70011,
                      "The provided value for the input parameter 'scope' is not valid. The "
                      "scope " +
                          *scope + " is not valid."};
  }
  return std::nullopt;
}

}  // namespace

TokenEndpoint::TokenEndpoint(const Store& store, TokenStore& tokens, const std::string& baseUrl,
                             const Federation& federation)
    : store_(store), tokens_(tokens), federation_(federation) {
  const std::size_t separator = baseUrl.find("://");
  scheme_ = baseUrl.substr(0, separator);
  defaultAuthority_ = separator == std::string::npos ? "" : baseUrl.substr(separator + 3);
}

ApiResponse TokenEndpoint::handle(const ApiRequest& request, const std::string& tenant,
                                  const CallIds& ids) const {
  // The tenant is resolved first, as in the identity platform: a wrong cloud or a typo in
  // the tenant fails the same way whatever the request holds.
  if (!store_.read([&](const State& state) { return state.knowsTenant(tenant); })) {
    return identityError(ids, unknownTenant(tenant));
  }
  if (request.method != "POST") {
    return identityError(ids, {400, "invalid_request", 900561,
                               "The endpoint only accepts POST requests. Received a " +
                                   request.method + " request."});
  }
  // The identity platform reads only form bodies; anything else looks like missing fields.
  const std::optional<FormFields> form =
      msgraph::asciiEqualsIgnoreCase(mediaType(request.headers),
                                     "application/x-www-form-urlencoded")
          ? parseFormEncoded(request.body)
          : FormFields{};
  if (!form) {
    return identityError(ids, {400, "invalid_request", 900144,
                               "The request body is not valid application/x-www-form-urlencoded."});
  }
  if (std::optional<TokenError> error = checkGrant(*form)) return identityError(ids, *error);
  const auto credentials = clientCredentials(request, *form);
  if (const auto* error = std::get_if<TokenError>(&credentials)) return identityError(ids, *error);
  const std::string* host = findHeader(request.headers, "Host");
  const AssertionContext context{tenant, scheme_, host != nullptr ? *host : defaultAuthority_,
                                 ids.when};
  const ClientCredentials& client = std::get<ClientCredentials>(credentials);
  AppRoles roles;
  const std::optional<TokenError> refused = store_.read([&](const State& state) {
    std::optional<TokenError> error =
        authenticateClient(client, state, context, federation_, replays_);
    if (!error) roles = state.apps.at(client.clientId).roles;
    return error;
  });
  if (refused) return identityError(ids, *refused);

  ApiResponse response;
  response.setJson(
      Json::object({{"token_type", "Bearer"},
                    {"expires_in", kTokenLifetime.count()},
                    {"ext_expires_in", kTokenLifetime.count()},
                    {"access_token",
                     tokens_.issue(kTokenLifetime, TokenGrant{client.clientId, toLowerAscii(tenant),
                                                              std::move(roles)})}}));
  setHeader(response.headers, "Cache-Control", "no-store, no-cache");
  setHeader(response.headers, "Pragma", "no-cache");
  return response;
}

}  // namespace emulator
