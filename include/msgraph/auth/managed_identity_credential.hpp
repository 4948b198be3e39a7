// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/export.hpp"

namespace msgraph {

/// @brief Which managed identity to use: the system-assigned one, or a user-assigned one by
/// client id, object (principal) id or Azure resource id.
struct MSGRAPH_API ManagedIdentityId {
  /// @brief How `value` names the identity.
  enum class Kind {
    SystemAssigned,  ///< the resource's own identity; `value` is empty
    ClientId,        ///< a user-assigned identity by its client (app) id
    ObjectId,        ///< a user-assigned identity by its object (principal) id
    ResourceId,      ///< a user-assigned identity by its Azure resource id
  };
  /// @brief The kind of id. Default: system-assigned.
  Kind kind = Kind::SystemAssigned;
  /// @brief The id, empty for the system-assigned identity.
  std::string value;

  /// @brief The system-assigned identity.
  static ManagedIdentityId systemAssigned() { return {}; }
  /// @brief A user-assigned identity by client id.
  static ManagedIdentityId clientId(std::string id) { return {Kind::ClientId, std::move(id)}; }
  /// @brief A user-assigned identity by object (principal) id.
  static ManagedIdentityId objectId(std::string id) { return {Kind::ObjectId, std::move(id)}; }
  /// @brief A user-assigned identity by Azure resource id.
  static ManagedIdentityId resourceId(std::string id) { return {Kind::ResourceId, std::move(id)}; }
};

/// @brief Options of `ManagedIdentityCredential` beyond the shared ones.
struct MSGRAPH_API ManagedIdentityCredentialOptions {
  /// @brief The identity. Default: system-assigned.
  ManagedIdentityId identity;
  /// @brief The Instance Metadata Service of Azure VMs. Only the documented
  /// `http://169.254.169.254`, an `https://` URL, or an `http://` loopback URL (a test's server)
  /// is accepted.
  std::string imdsEndpoint = "http://169.254.169.254";
  /// @brief Where Azure Arc's agent keeps the key files its challenge names; a challenge naming
  /// a file elsewhere is refused. Default: `/var/opt/azcmagent/tokens` (the agent's on Linux).
  std::string arcKeyDirectory = "/var/opt/azcmagent/tokens";
  /// @brief The connect timeout of the default transport: short, because off Azure nothing
  /// answers at 169.254.169.254. Ignored with `TokenCredentialOptions::transport`.
  std::chrono::milliseconds connectTimeout{std::chrono::seconds(1)};
  /// @brief How long one token request of the default transport may take.
  std::chrono::milliseconds timeout{std::chrono::seconds(10)};
};

/// @brief Tokens for the managed identity of the Azure resource the program runs on, the
/// `ManagedIdentityCredential` of the Azure SDKs (and `Connect-MgGraph -Identity`).
///
/// The endpoint is chosen from the environment, as the Azure SDKs do:
/// - App Service, Functions, Container Apps: `IDENTITY_ENDPOINT` and `IDENTITY_HEADER`
///   (`api-version=2019-08-01`, the header sent as `X-IDENTITY-HEADER`);
/// - Azure Arc: `IDENTITY_ENDPOINT` and `IMDS_ENDPOINT` (`api-version=2019-11-01`): the agent
///   answers 401 naming a key file in `arcKeyDirectory` (`.key`, at most 4096 bytes), whose
///   content goes back as `Authorization: Basic`; system-assigned only;
/// - otherwise the VM's Instance Metadata Service (`Metadata: true`,
///   `api-version=2018-02-01`), retried on 404, 408, 429 and 5xx (1 s, 2 s, 4 s) and on 410
///   (every 10 s, up to 70 s), through `TokenCredentialOptions::sleeper`.
/// An `IDENTITY_ENDPOINT` must be `https://` or an `http://` loopback URL. Tokens are cached per
/// scope and refreshed before they expire. `IDENTITY_HEADER`, Arc's key and the tokens never
/// appear in an error or a log line.
class MSGRAPH_API ManagedIdentityCredential final : public TokenCredential {
 public:
  /// @brief A credential for `managed.identity` on the endpoint the environment names. It does
  /// not throw when the environment is wrong: `getToken` does.
  explicit ManagedIdentityCredential(TokenCredentialOptions options = {},
                                     ManagedIdentityCredentialOptions managed = {});
  ~ManagedIdentityCredential() override;

  /// @brief A cached token, or a new one from the managed identity endpoint, for exactly one
  /// scope (`{resource}/.default`).
  /// @throws AuthenticationError when no endpoint answers, the endpoint refuses, or its answer
  /// cannot be used; ValidationError for a scope that is not one resource's `.default`.
  AccessToken getToken(const TokenRequestContext& request, const CallContext& context) override;
  /// @brief Drops the cached token if it is `token`.
  void invalidateToken(const std::string& token) noexcept override;
  /// @brief The endpoint in use: "App Service", "Azure Arc" or "IMDS".
  std::string_view source() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace msgraph
