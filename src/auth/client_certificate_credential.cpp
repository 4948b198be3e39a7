#include "msgraph/auth/client_certificate_credential.hpp"

#include <openssl/crypto.h>

#include "auth/certificate_material.hpp"
#include "auth/client_assertion.hpp"
#include "auth/token_cache.hpp"
#include "auth/token_endpoint.hpp"
#include "support/uuid.hpp"

namespace msgraph {

struct ClientCertificateCredential::Impl {
  Impl(const std::string& tenantId, std::string id, ClientCertificate cert,
       const TokenCredentialOptions& options, ClientCertificateOptions certOptions)
      : endpoint(tenantId, options),
        clientId(std::move(id)),
        certificate(std::move(cert)),
        certificateOptions(certOptions) {}

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
  impl_ = std::make_unique<Impl>(tenantId, std::move(clientId), std::move(certificate), options,
                                 certificateOptions);
}

ClientCertificateCredential::~ClientCertificateCredential() = default;

AccessToken ClientCertificateCredential::getToken(const TokenRequestContext& request,
                                                  const CallContext& context) {
  const auto now = impl_->endpoint.now();
  return impl_->cache.get(now, [&] {
    detail::AssertionClaims claims;
    claims.audience = impl_->endpoint.url();
    claims.clientId = impl_->clientId;
    claims.jwtId = detail::newUuid();
    claims.now = now;
    std::string assertion = detail::makeClientAssertion(*impl_->certificate.material_,
                                                        impl_->certificateOptions, claims);
    std::string form;
    detail::appendFormField(form, "grant_type", "client_credentials");
    detail::appendFormField(form, "client_id", impl_->clientId);
    detail::appendFormField(form, "client_assertion_type",
                            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    detail::appendFormField(form, "client_assertion", assertion);
    detail::appendFormField(form, "scope",
                            request.scopes.empty() ? std::string() : request.scopes.front());
    OPENSSL_cleanse(assertion.data(), assertion.size());
    detail::IssuedToken issued = impl_->endpoint.request(form, context);
    OPENSSL_cleanse(form.data(), form.size());
    return issued;
  });
}

void ClientCertificateCredential::invalidateToken(const std::string& token) noexcept {
  impl_->cache.invalidate(token);
}

}  // namespace msgraph
