// SPDX-License-Identifier: MIT
#include "msgraph/auth/client_assertion_credential.hpp"

#include <openssl/crypto.h>

#include <algorithm>

#include "auth/token_cache.hpp"
#include "auth/token_endpoint.hpp"
#include "diagnostics/redaction.hpp"
#include "msgraph/error.hpp"

namespace msgraph {

namespace {

// Wipes the assertion it holds, however the form building ends.
struct WipedString {
  std::string value;
  ~WipedString() { OPENSSL_cleanse(value.data(), value.size()); }
};

std::string assertionFrom(const ClientAssertionCallback& callback, const CallContext& context) {
  try {
    return callback(context);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& error) {
    // The callback's own text may quote what it read: masked like a service's text.
    throw AuthenticationError(std::string("the client assertion callback failed: ") +
                              detail::redactServiceText(error.what()));
  }
}

void requireUsableAssertion(const std::string& assertion) {
  if (assertion.empty()) {
    throw AuthenticationError("the client assertion callback returned an empty assertion");
  }
  const bool control = std::any_of(assertion.begin(), assertion.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (control) {
    throw AuthenticationError(
        "the client assertion callback returned an assertion with a control character");
  }
}

}  // namespace

struct ClientAssertionCredential::Impl {
  Impl(const std::string& tenantId, std::string id, ClientAssertionCallback source,
       const TokenCredentialOptions& options)
      : endpoint(tenantId, options), clientId(std::move(id)), callback(std::move(source)) {}

  detail::TokenEndpoint endpoint;
  detail::TokenCache cache;
  std::string clientId;
  ClientAssertionCallback callback;
};

ClientAssertionCredential::ClientAssertionCredential(std::string tenantId, std::string clientId,
                                                     ClientAssertionCallback callback,
                                                     TokenCredentialOptions options) {
  detail::requireCredentialValue("clientId", clientId);
  if (!callback) throw ValidationError("callback", "must not be empty");
  impl_ = std::make_unique<Impl>(tenantId, std::move(clientId), std::move(callback), options);
}

ClientAssertionCredential::~ClientAssertionCredential() = default;

AccessToken ClientAssertionCredential::getToken(const TokenRequestContext& request,
                                                const CallContext& context) {
  const std::string scope = detail::scopeOf(request);
  return impl_->cache.get(scope, impl_->endpoint.now(), [&] {
    // Asked anew for every attempt: a federated token may have been rotated meanwhile.
    return impl_->endpoint.request(
        [&] {
          const WipedString assertion{assertionFrom(impl_->callback, context)};
          requireUsableAssertion(assertion.value);
          return detail::assertionForm(impl_->clientId, assertion.value, scope);
        },
        context);
  });
}

void ClientAssertionCredential::invalidateToken(const std::string& token) noexcept {
  impl_->cache.invalidate(token);
}

}  // namespace msgraph
