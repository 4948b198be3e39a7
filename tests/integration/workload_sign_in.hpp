// SPDX-License-Identifier: MIT
#pragma once

// Signing in to the emulator as a workload, on the wire: a token request with a federated
// token as the client assertion, a Graph client that uses a token got that way, and the
// check that such a token is accepted (or limited by its roles) like an app's.
#include <string>

#include "integration/emulator.hpp"

namespace testing_support {

/// `text` percent-encoded for a form body: everything but RFC 3986's unreserved characters.
inline std::string formEncode(const std::string& text) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

/// `POST /{tenant}/oauth2/v2.0/token` for `clientId` with `assertion` as its JWT bearer client
/// assertion, as a workload identity credential sends it.
inline msgraph::HttpResponse requestTokenWithAssertion(const Emulator& emulator,
                                                       const std::string& tenant,
                                                       const std::string& clientId,
                                                       const std::string& assertion) {
  msgraph::HttpRequest request;
  request.method = msgraph::HttpMethod::Post;
  request.url = emulator.baseUrl() + "/" + tenant + "/oauth2/v2.0/token";
  request.headers.add("Content-Type", "application/x-www-form-urlencoded");
  request.body = "grant_type=client_credentials&client_id=" + formEncode(clientId) +
                 "&scope=" + formEncode("https://graph.microsoft.com/.default") +
                 "&client_assertion_type=" +
                 formEncode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") +
                 "&client_assertion=" + formEncode(assertion);
  return msgraph::CurlTransport(emulator.transportOptions()).send(request, {});
}

/// A client of the emulator that presents `token` as its bearer token.
inline msgraph::GraphClient clientWithToken(const Emulator& emulator, const std::string& token) {
  return msgraph::GraphClient{
      msgraph::ClientOptions{}
          .baseUrl(emulator.baseUrl())
          .transportOptions(emulator.transportOptions())
          .credential(std::make_shared<msgraph::StaticTokenCredential>(token))};
}

/// The entry of `GET /emulator/managed-identities` whose `clientId` is `clientId`.
/// @throws std::runtime_error if there is none.
inline msgraph::Json managedIdentityOf(const Emulator& emulator, const std::string& clientId) {
  msgraph::HttpRequest request;
  request.url = emulator.baseUrl() + "/emulator/managed-identities";
  const msgraph::HttpResponse response =
      msgraph::CurlTransport(emulator.transportOptions()).send(request, {});
  if (response.status != 200) throw std::runtime_error("managed identities: " + response.body);
  const msgraph::Json listing = msgraph::Json::parse(response.body);
  for (const msgraph::Json& identity : listing.find("value")->asArray()) {
    if (identity.find("clientId")->asString() == clientId) return identity;
  }
  throw std::runtime_error("no managed identity " + clientId + " in " + response.body);
}

/// The status of a PUT of a new policy for `partner` (204 when the token may write) and of a
/// GET of it (200 when it may read), made with `token`.
struct GraphAccess {
  int put;
  int get;
};

/// What `token` may do on the policy resources, found with one PUT and one GET.
inline GraphAccess graphAccessOf(const Emulator& emulator, const std::string& token,
                                 const std::string& partner) {
  const auto client = clientWithToken(emulator, token);
  auto sync =
      client.policies().crossTenantAccessPolicy().partners(partner).identitySynchronization();
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = "signed in as a workload";
  const auto statusOf = [](const auto& result) {
    if (result.ok()) return result.value().status;
    const auto* service = dynamic_cast<const msgraph::ServiceError*>(&result.error());
    return service != nullptr ? service->status() : -1;
  };
  const int put = statusOf(sync.put(policy).send());
  return {put, statusOf(sync.get().send())};
}

}  // namespace testing_support
