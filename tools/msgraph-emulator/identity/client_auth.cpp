// SPDX-License-Identifier: MIT
#include "identity/client_auth.hpp"

#include "identity/federated_assertion.hpp"
#include "identity/jwt_claims.hpp"
#include "support/constant_time.hpp"

namespace emulator {
namespace {

// A JWT bearer assertion is either the app's own, signed with its certificate (`iss` is its
// client id), or a token of an external issuer the app trusts through a federated credential.
std::optional<TokenError> verifyAssertion(const ClientCredentials& credentials,
                                          const AppRegistration& app,
                                          const AssertionContext& context,
                                          const Federation& federation,
                                          AssertionReplayGuard& replays) {
  const std::optional<CompactJws> jws = parseCompactJws(*credentials.assertion);
  if (!jws) {
    return TokenError{401, "invalid_client", 50027,
                      "JWT token is invalid or malformed. A client assertion is a JWS in "
                      "compact form: three base64url parts separated by dots, with a JSON "
                      "object as header and as payload."};
  }
  const std::string* iss = stringClaim(jws->claims, "iss");
  if (iss != nullptr && *iss != credentials.clientId &&
      federation.expectsFederatedToken(credentials.clientId, *iss)) {
    return verifyFederatedAssertion(credentials.clientId, *jws, federation, context.now);
  }
  return verifyClientAssertion(credentials.clientId, *jws, app, context, replays);
}

}  // namespace

std::optional<TokenError> authenticateClient(const ClientCredentials& credentials,
                                             const State& state, const AssertionContext& context,
                                             const Federation& federation,
                                             AssertionReplayGuard& replays) {
  const auto app = state.apps.find(credentials.clientId);
  if (app == state.apps.end()) {
    return TokenError{400, "unauthorized_client", 700016,
                      "Application with identifier '" + credentials.clientId +
                          "' was not found in the directory '" + context.tenant +
                          "'. This can happen if the application has not been installed by the "
                          "administrator of the tenant or consented to by any user in the "
                          "tenant. You may have sent your authentication request to the wrong "
                          "tenant."};
  }
  if (credentials.assertion) {
    return verifyAssertion(credentials, app->second, context, federation, replays);
  }
  if (!credentials.clientSecret) {
    return TokenError{401, "invalid_client", 7000218,
                      "The request body must contain the following parameter: "
                      "'client_assertion' or 'client_secret'."};
  }
  // An app without a secret refuses every secret, as one whose secrets were all removed does.
  const std::optional<std::string>& secret = app->second.clientSecret;
  if (!secret || !constantTimeEquals(*credentials.clientSecret, *secret)) {
    return TokenError{401, "invalid_client", 7000215,
                      "Invalid client secret provided. Ensure the secret being sent in the "
                      "request is the client secret value, not the client secret ID, for a "
                      "secret added to app '" +
                          credentials.clientId + "'."};
  }
  return std::nullopt;
}

}  // namespace emulator
