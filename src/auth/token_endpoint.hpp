// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "auth/token_pipeline.hpp"
#include "msgraph/auth/access_token.hpp"
#include "msgraph/auth/token_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/http/call_context.hpp"
#include "msgraph/http/http_transport.hpp"
#include "msgraph/pipeline/http_policy.hpp"

namespace msgraph::detail {

/// The identity platform's v2.0 token endpoint of one tenant: posts client-credentials forms
/// through a pipeline of its own (the library's retry policy with the platform's rules, then
/// logging, then the transport), retries 5xx, `temporarily_unavailable` and transport failures
/// before any response, and turns
/// every refusal into an AuthenticationError carrying the service's error, AADSTS codes, trace
/// and correlation ids.
class TokenEndpoint {
 public:
  /// Validates the tenant and the authority (ValidationError) and picks the transport.
  TokenEndpoint(const std::string& tenantId, const TokenCredentialOptions& options);

  /// The token URL, `{authority}/{tenant}/oauth2/v2.0/token` (the assertion's `aud`).
  const std::string& url() const noexcept { return url_; }
  /// Now, by the configured clock.
  std::chrono::system_clock::time_point now() const;
  /// Posts the form that `makeForm` builds (anew for every attempt, so that a client assertion
  /// is never replayed) and reads the answer. Throws AuthenticationError, or
  /// DeadlineExceededError when the deadline leaves no time for the pause before a retry, or
  /// CancelledError when cancelled in flight or during that pause.
  IssuedToken request(const std::function<std::string()>& makeForm,
                      const CallContext& context) const;

 private:
  std::string url_;
  TokenPipeline pipeline_;
  std::chrono::seconds refreshMargin_;
  std::function<std::chrono::system_clock::time_point()> clock_;
};

/// Appends `name=value&` form-encoded (every byte but unreserved ones percent-encoded).
void appendFormField(std::string& form, std::string_view name, std::string_view value);

/// The client-credentials form that signs in with a client assertion (a JWT signed with a
/// certificate, or a federated token): `client_assertion_type=urn:ietf:params:oauth:
/// client-assertion-type:jwt-bearer` and `client_assertion`.
std::string assertionForm(const std::string& clientId, std::string_view assertion,
                          const std::string& scope);

/// The OAuth `scope` parameter for a token request: the scopes separated by spaces.
std::string scopeOf(const TokenRequestContext& request);

/// The resource of a token request's one scope, `{resource}/.default` -> `{resource}`. Throws
/// ValidationError("scopes", ...) for none, several, or one with characters a URL resource
/// does not have.
std::string resourceOfScopes(const std::vector<std::string>& scopes);

/// Throws ValidationError unless `value` is non-empty and free of control characters.
void requireCredentialValue(const char* field, const std::string& value);

}  // namespace msgraph::detail
