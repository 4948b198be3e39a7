// SPDX-License-Identifier: MIT
#include "sign_in.hpp"

#include <cstdlib>
#include <string>
#include <vector>

#include "choice.hpp"
#include "cli_error.hpp"
#include "msgraph/auth/azure_cli_credential.hpp"
#include "msgraph/auth/default_credential.hpp"
#include "msgraph/auth/environment_credential.hpp"
#include "msgraph/auth/managed_identity_credential.hpp"
#include "msgraph/auth/workload_identity_credential.hpp"

namespace msgraph_cli {

namespace {

using R = RawOptions;

// What each credential that reads where the tool runs takes from the command line: the chain
// and workload identity an app (--tenant, --client-id), the Azure CLI a tenant, the managed
// identity its client id.
struct Refinements {
  bool tenant = false;
  bool clientId = false;
  bool managedIdentityClientId = false;
};

Refinements refinementsOf(CredentialKind kind) {
  switch (kind) {
    case CredentialKind::Chain:
      return {false, false, true};
    case CredentialKind::Workload:
      return {true, true, false};
    case CredentialKind::ManagedIdentity:
      return {false, false, true};
    case CredentialKind::AzureCli:
      return {true, false, false};
    default:
      return {};
  }
}

std::string_view kindName(CredentialKind kind) {
  switch (kind) {
    case CredentialKind::Environment:
      return "environment";
    case CredentialKind::Workload:
      return "workload";
    case CredentialKind::ManagedIdentity:
      return "managed-identity";
    case CredentialKind::AzureCli:
      return "azure-cli";
    default:
      return "the default chain";
  }
}

// The flags given that `kind` has no use for: a secret, a certificate or a token would be
// ignored, and the user must hear it before anything is sent.
void refuseUnused(CredentialKind kind, const RawOptions& raw) {
  const Refinements takes = refinementsOf(kind);
  const std::vector<std::pair<ValueMember, bool>> flags = {
      {&R::clientSecretEnv, false},
      {&R::certificate, false},
      {&R::certificatePasswordEnv, false},
      {&R::accessTokenEnv, false},
      {&R::tenant, takes.tenant},
      {&R::clientId, takes.clientId},
      {&R::managedIdentityClientId, takes.managedIdentityClientId}};
  for (const auto& [member, used] : flags) {
    if ((raw.*member) && !used) {
      const std::string who = kind == CredentialKind::Chain
                                  ? std::string("the default chain (no --credential)")
                                  : "--credential " + std::string(kindName(kind));
      throw UsageError(optionName(member) + " cannot be combined with " + who +
                       ", which does not use it");
    }
  }
}

std::string processVariable(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

msgraph::ManagedIdentityCredentialOptions managedOptions(const RawOptions& raw) {
  msgraph::ManagedIdentityCredentialOptions managed;
  if (raw.managedIdentityClientId) {
    if (raw.managedIdentityClientId->empty()) {
      throw UsageError(optionName(&R::managedIdentityClientId) + " is empty");
    }
    managed.identity = msgraph::ManagedIdentityId::clientId(*raw.managedIdentityClientId);
  }
  if (const std::string imds = processVariable(kImdsVariable); !imds.empty()) {
    managed.imdsEndpoint = imds;
  }
  return managed;
}

}  // namespace

std::optional<CredentialKind> forcedCredential(const RawOptions& raw) {
  if (!raw.credential) return std::nullopt;
  return choose<CredentialKind>(&R::credential, *raw.credential,
                                {{"environment", CredentialKind::Environment},
                                 {"workload", CredentialKind::Workload},
                                 {"managed-identity", CredentialKind::ManagedIdentity},
                                 {"azure-cli", CredentialKind::AzureCli},
                                 {"secret", CredentialKind::Secret},
                                 {"certificate", CredentialKind::Certificate},
                                 {"token", CredentialKind::Token}});
}

std::shared_ptr<msgraph::TokenCredential> ambientCredential(
    CredentialKind kind, const RawOptions& raw, const msgraph::TokenCredentialOptions& options) {
  refuseUnused(kind, raw);
  switch (kind) {
    case CredentialKind::Environment:
      return std::make_shared<msgraph::EnvironmentCredential>(options);
    case CredentialKind::Workload: {
      msgraph::WorkloadIdentityCredentialOptions workload;
      workload.tenantId = raw.tenant.value_or("");
      workload.clientId = raw.clientId.value_or("");
      return std::make_shared<msgraph::WorkloadIdentityCredential>(options, workload);
    }
    case CredentialKind::ManagedIdentity: {
      msgraph::ManagedIdentityCredentialOptions managed = managedOptions(raw);
      // As in the chain: AZURE_CLIENT_ID names the user-assigned identity when no flag does.
      if (const std::string clientId = processVariable("AZURE_CLIENT_ID");
          !raw.managedIdentityClientId && !clientId.empty()) {
        managed.identity = msgraph::ManagedIdentityId::clientId(clientId);
      }
      return std::make_shared<msgraph::ManagedIdentityCredential>(options, managed);
    }
    case CredentialKind::AzureCli: {
      msgraph::AzureCliCredentialOptions cli;
      cli.tenantId = raw.tenant.value_or("");
      return std::make_shared<msgraph::AzureCliCredential>(options, cli);
    }
    default: {
      msgraph::DefaultCredentialOptions chain;
      chain.managedIdentity = managedOptions(raw);
      return std::make_shared<msgraph::DefaultCredential>(options, chain);
    }
  }
}

}  // namespace msgraph_cli
