#pragma once

#include <optional>
#include <string>

#include "state.hpp"

namespace emulator {

/// A refusal in the identity platform's terms: HTTP status, OAuth `error`, AADSTS number and
/// the description's first line (without the `AADSTSnnn: ` prefix).
struct TokenError {
  int status;
  std::string error;
  long aadsts;
  std::string description;
};

/// The client's credentials as presented in the form body or an HTTP Basic header.
struct ClientCredentials {
  std::string clientId;
  std::optional<std::string> clientSecret;
  std::optional<std::string> assertion;
};

/// Verifies a client-credentials caller against the registered apps: the app must exist and
/// prove itself with its secret. Certificate assertions are refused for now (no certificates
/// can be registered yet); their verification belongs here.
/// @return nullopt when the client is authenticated.
std::optional<TokenError> authenticateClient(const std::string& tenant,
                                             const ClientCredentials& credentials,
                                             const State& state);

}  // namespace emulator
