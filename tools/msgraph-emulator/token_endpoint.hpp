#pragma once

#include <string>

#include "api_types.hpp"
#include "errors.hpp"
#include "store.hpp"
#include "token_store.hpp"

namespace emulator {

/// `POST /{tenant}/oauth2/v2.0/token`: the identity platform's client-credentials grant, with
/// its success and error JSON. Client verification itself is in client_auth.
class TokenEndpoint {
 public:
  /// Apps are read from `store`; issued tokens go to `tokens`.
  TokenEndpoint(const Store& store, TokenStore& tokens);

  /// Answers one token request addressed to `tenant` (any non-empty value for now).
  ApiResponse handle(const ApiRequest& request, const std::string& tenant,
                     const CallIds& ids) const;

 private:
  const Store& store_;
  TokenStore& tokens_;
};

}  // namespace emulator
