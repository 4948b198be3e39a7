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
  return impl_->cache.get(impl_->endpoint.now(), [&] {
    std::string form;
    detail::appendFormField(form, "grant_type", "client_credentials");
    detail::appendFormField(form, "client_id", impl_->clientId);
    detail::appendFormField(form, "client_secret", impl_->secret);
    detail::appendFormField(form, "scope",
                            request.scopes.empty() ? std::string() : request.scopes.front());
    detail::IssuedToken issued = impl_->endpoint.request(form, context);
    OPENSSL_cleanse(form.data(), form.size());
    return issued;
  });
}

void ClientSecretCredential::invalidateToken(const std::string& token) noexcept {
  impl_->cache.invalidate(token);
}

}  // namespace msgraph
