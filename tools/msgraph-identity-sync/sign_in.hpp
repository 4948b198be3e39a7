// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>

#include "command_spec.hpp"
#include "msgraph/auth/token_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"

namespace msgraph_cli {

/// The credentials --credential names, and the chain used without it.
enum class CredentialKind {
  Chain,            // DefaultCredential: environment, workload, managed identity, Azure CLI
  Environment,      // EnvironmentCredential (AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH)
  Workload,         // WorkloadIdentityCredential (AZURE_FEDERATED_TOKEN_FILE)
  ManagedIdentity,  // ManagedIdentityCredential
  AzureCli,         // AzureCliCredential (`az account get-access-token`)
  Secret,           // ClientSecretCredential from --client-secret-env
  Certificate,      // ClientCertificateCredential from --certificate
  Token             // StaticTokenCredential from --access-token-env or MSGRAPH_ACCESS_TOKEN
};

/// The variable that points the chain's and --credential managed-identity's IMDS requests
/// somewhere other than http://169.254.169.254 (azure-identity's name for it). Tests set it to
/// 127.0.0.1, so no run of theirs ever reaches IMDS's real address.
inline constexpr const char* kImdsVariable = "AZURE_POD_IDENTITY_AUTHORITY_HOST";

/// --credential's choice, if given.
/// @throws UsageError for a value that names no credential.
std::optional<CredentialKind> forcedCredential(const RawOptions& raw);

/// The credential of `kind` that reads where the tool runs (Chain, Environment, Workload,
/// ManagedIdentity, AzureCli), refined by --tenant, --client-id and
/// --managed-identity-client-id where that kind has a use for them.
/// @throws UsageError for a flag that `kind` cannot use (nothing is sent before).
std::shared_ptr<msgraph::TokenCredential> ambientCredential(
    CredentialKind kind, const RawOptions& raw, const msgraph::TokenCredentialOptions& options);

}  // namespace msgraph_cli
