// SPDX-License-Identifier: MIT
#include "msgraph/auth/client_certificate_credential.hpp"

#include <openssl/crypto.h>

#include "auth/certificate_material.hpp"
#include "auth/client_assertion.hpp"
#include "auth/token_cache.hpp"
#include "auth/token_endpoint.hpp"
#include "msgraph/error.hpp"
#include "support/uuid.hpp"

namespace msgraph {

struct ClientCertificateCredential::Impl {
  Impl(const std::string& tenantId, std::string id, ClientCertificate cert,
       const TokenCredentialOptions& options, ClientCertificateOptions certOptions)
      : endpoint(tenantId, options),
        clientId(std::move(id)),
        certificate(std::move(cert)),
        certificateOptions(certOptions) {}

  std::string form(const std::string& scope) const {
    detail::AssertionClaims claims;
    claims.audience = endpoint.url();
    claims.clientId = clientId;
    claims.jwtId = detail::newUuid();
    claims.now = endpoint.now();
    std::string assertion =
        detail::makeClientAssertion(*certificate.material_, certificateOptions, claims);
    std::string body = detail::assertionForm(clientId, assertion, scope);
    OPENSSL_cleanse(assertion.data(), assertion.size());
    return body;
  }

  detail::TokenEndpoint endpoint;
  detail::TokenCache cache;
  std::string clientId;
  ClientCertificate certificate;
  ClientCertificateOptions certificateOptions;
};

ClientCertificateCredential::ClientCertificateCredential(
    std::string tenantId, std::string clientId, ClientCertificate certificate,
    TokenCredentialOptions options, ClientCertificateOptions certificateOptions) {
  detail::requireCredentialValue("clientId", clientId);
  if (!certificate.material_) {
    throw ValidationError("certificate", "is empty (it was moved into another credential)");
  }
  impl_ = std::make_unique<Impl>(tenantId, std::move(clientId), std::move(certificate), options,
                                 certificateOptions);
}

ClientCertificateCredential::~ClientCertificateCredential() = default;

AccessToken ClientCertificateCredential::getToken(const TokenRequestContext& request,
                                                  const CallContext& context) {
  const std::string scope = detail::scopeOf(request);
  return impl_->cache.get(scope, impl_->endpoint.now(), [&] {
    // A fresh assertion (new jti, current times) for every attempt: never a replay.
    return impl_->endpoint.request([&] { return impl_->form(scope); }, context);
  });
}

void ClientCertificateCredential::invalidateToken(const std::string& token) noexcept {
  impl_->cache.invalidate(token);
}

}  // namespace msgraph
