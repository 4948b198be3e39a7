// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/export.hpp"

namespace msgraph {

namespace detail {
struct CertificateMaterial;
}  // namespace detail

/// @brief How a client assertion is signed.
enum class AssertionAlgorithm {
  PS256,  ///< RSASSA-PSS with SHA-256 (the identity platform's current recommendation)
  RS256,  ///< RSASSA-PKCS1-v1_5 with SHA-256 (adds the SHA-1 `x5t` header too)
};

/// @brief A certificate and its RSA private key, loaded once and kept in memory.
///
/// Keys must be RSA of at least 2048 bits. Key material is wiped when the object is destroyed.
class MSGRAPH_API ClientCertificate {
 public:
  /// @brief From a PEM file holding the certificate and its private key (the key may be
  /// encrypted with `password`).
  /// @throws AuthenticationError if the file cannot be read or holds no usable key.
  static ClientCertificate fromPemFile(const std::string& path, const std::string& password = {});
  /// @brief From PEM text in memory (certificate and private key).
  /// @throws AuthenticationError as `fromPemFile`.
  static ClientCertificate fromPem(std::string_view pem, const std::string& password = {});
  /// @brief From a PKCS#12 / PFX file protected by `password`.
  /// @throws AuthenticationError as `fromPemFile`.
  static ClientCertificate fromPfxFile(const std::string& path, const std::string& password);

  ~ClientCertificate();
  ClientCertificate(ClientCertificate&&) noexcept;
  ClientCertificate& operator=(ClientCertificate&&) noexcept;
  ClientCertificate(const ClientCertificate&) = delete;
  ClientCertificate& operator=(const ClientCertificate&) = delete;

  /// @brief The base64url SHA-256 thumbprint of the DER certificate (the `x5t#S256` header).
  /// @throws ValidationError if this certificate was moved from.
  std::string thumbprintSha256() const;

 private:
  friend class ClientCertificateCredential;
  explicit ClientCertificate(std::unique_ptr<detail::CertificateMaterial> material);
  std::unique_ptr<detail::CertificateMaterial> material_;
};

/// @brief Options of `ClientCertificateCredential` beyond the shared ones.
struct MSGRAPH_API ClientCertificateOptions {
  /// @brief The signature algorithm of the assertion. Default: PS256.
  AssertionAlgorithm algorithm = AssertionAlgorithm::PS256;
  /// @brief Send the certificate chain (`x5c`) for subject-name/issuer authentication.
  bool sendCertificateChain = false;
};

/// @brief App-only tokens from the client-credentials flow with a certificate: a JWT client
/// assertion signed with the certificate's key (`client_assertion_type=
/// urn:ietf:params:oauth:client-assertion-type:jwt-bearer`).
///
/// Tokens are cached like `ClientSecretCredential`'s. The assertion and the key never appear in
/// an error, a log line or a what-if.
class MSGRAPH_API ClientCertificateCredential final : public TokenCredential {
 public:
  /// @brief A credential for app `clientId` in `tenantId` signing with `certificate`.
  /// @throws ValidationError if an argument is empty or has control characters, the
  /// certificate was moved from, or the authority is not a valid root URL.
  ClientCertificateCredential(std::string tenantId, std::string clientId,
                              ClientCertificate certificate, TokenCredentialOptions options = {},
                              ClientCertificateOptions certificateOptions = {});
  ~ClientCertificateCredential() override;

  /// @brief A cached token, or a new one obtained with a fresh assertion.
  /// @throws AuthenticationError when the endpoint refuses or cannot be reached.
  AccessToken getToken(const TokenRequestContext& request, const CallContext& context) override;
  /// @brief Drops the cached token if it is `token`.
  void invalidateToken(const std::string& token) noexcept override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace msgraph
