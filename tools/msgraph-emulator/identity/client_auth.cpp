// SPDX-License-Identifier: MIT
#include "identity/client_auth.hpp"

#include <openssl/crypto.h>

namespace emulator {
namespace {

// Compares in time independent of where the strings differ, so that response timing does not
// reveal how much of a guessed secret was right.
bool sameSecret(const std::string& given, const std::string& expected) {
  return given.size() == expected.size() &&
         CRYPTO_memcmp(given.data(), expected.data(), given.size()) == 0;
}

}  // namespace

std::optional<TokenError> authenticateClient(const ClientCredentials& credentials,
                                             const State& state, const AssertionContext& context,
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
    return verifyClientAssertion(credentials.clientId, *credentials.assertion, app->second, context,
                                 replays);
  }
  if (!credentials.clientSecret) {
    return TokenError{401, "invalid_client", 7000218,
                      "The request body must contain the following parameter: "
                      "'client_assertion' or 'client_secret'."};
  }
  // An app without a secret refuses every secret, as one whose secrets were all removed does.
  const std::optional<std::string>& secret = app->second.clientSecret;
  if (!secret || !sameSecret(*credentials.clientSecret, *secret)) {
    return TokenError{401, "invalid_client", 7000215,
                      "Invalid client secret provided. Ensure the secret being sent in the "
                      "request is the client secret value, not the client secret ID, for a "
                      "secret added to app '" +
                          credentials.clientId + "'."};
  }
  return std::nullopt;
}

}  // namespace emulator
