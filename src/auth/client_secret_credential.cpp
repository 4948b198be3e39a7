// SPDX-License-Identifier: MIT
#include "msgraph/auth/client_secret_credential.hpp"

#include <openssl/crypto.h>

#include "auth/token_cache.hpp"
#include "auth/token_endpoint.hpp"

namespace msgraph {

struct ClientSecretCredential::Impl {
  Impl(const std::string& tenantId, std::string id, std::string secretValue,
       const TokenCredentialOptions& options)
      : endpoint(tenantId, options), clientId(std::move(id)), secret(std::move(secretValue)) {}
  ~Impl() { OPENSSL_cleanse(secret.data(), secret.size()); }

  detail::TokenEndpoint endpoint;
  detail::TokenCache cache;
  std::string clientId;
  std::string secret;
};

ClientSecretCredential::ClientSecretCredential(std::string tenantId, std::string clientId,
                                               std::string clientSecret,
                                               TokenCredentialOptions options) {
  detail::requireCredentialValue("clientId", clientId);
  detail::requireCredentialValue("clientSecret", clientSecret);
  impl_ = std::make_unique<Impl>(tenantId, std::move(clientId), std::move(clientSecret), options);
}

ClientSecretCredential::~ClientSecretCredential() = default;

AccessToken ClientSecretCredential::getToken(const TokenRequestContext& request,
                                             const CallContext& context) {
  const std::string scope = detail::scopeOf(request);
  return impl_->cache.get(scope, impl_->endpoint.now(), [&] {
    return impl_->endpoint.request(
        [&] {
          std::string form;
          detail::appendFormField(form, "grant_type", "client_credentials");
          detail::appendFormField(form, "client_id", impl_->clientId);
          detail::appendFormField(form, "client_secret", impl_->secret);
          detail::appendFormField(form, "scope", scope);
          return form;
        },
        context);
  });
}

void ClientSecretCredential::invalidateToken(const std::string& token) noexcept {
  impl_->cache.invalidate(token);
}

}  // namespace msgraph
