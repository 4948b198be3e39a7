// SPDX-License-Identifier: MIT
#include "msgraph/auth/workload_identity_credential.hpp"

#include <optional>
#include <vector>

#include "auth/credential_unavailable.hpp"
#include "auth/environment_variables.hpp"
#include "auth/federated_token_file.hpp"
#include "msgraph/auth/client_assertion_credential.hpp"

namespace msgraph {

namespace {

constexpr const char* kWorkloadCredentialName = "WorkloadIdentityCredential";

// `explicitValue`, else the variable's value; records where it came from.
std::string setting(const std::string& explicitValue, const char* variable, const char* field,
                    const detail::EnvironmentVariables& environment,
                    detail::ValueSources& sources) {
  if (!explicitValue.empty()) {
    sources[field] = std::string("the ") + field + " option";
    return explicitValue;
  }
  sources[field] = variable;
  return environment.get(variable);
}

}  // namespace

struct WorkloadIdentityCredential::Impl {
  std::optional<ClientAssertionCredential> inner;
  detail::SetupProblem problem;
};

WorkloadIdentityCredential::WorkloadIdentityCredential(TokenCredentialOptions options,
                                                       WorkloadIdentityCredentialOptions workload)
    : impl_(std::make_unique<Impl>()) {
  const detail::EnvironmentVariables environment(options);
  detail::ValueSources sources;
  const std::string tenantId =
      setting(workload.tenantId, "AZURE_TENANT_ID", "tenantId", environment, sources);
  const std::string clientId =
      setting(workload.clientId, "AZURE_CLIENT_ID", "clientId", environment, sources);
  const std::string tokenFile = setting(workload.tokenFilePath, "AZURE_FEDERATED_TOKEN_FILE",
                                        "tokenFilePath", environment, sources);
  if (options.authorityHost.empty()) {
    options.authorityHost = environment.get("AZURE_AUTHORITY_HOST");
    sources["authorityHost"] = "AZURE_AUTHORITY_HOST";
  }
  std::vector<std::string> missing;
  if (tenantId.empty()) missing.push_back(sources["tenantId"]);
  if (clientId.empty()) missing.push_back(sources["clientId"]);
  if (tokenFile.empty()) missing.push_back(sources["tokenFilePath"]);
  if (!missing.empty()) {
    impl_->problem = detail::notConfigured(kWorkloadCredentialName, missing);
    return;
  }
  try {
    impl_->inner.emplace(
        tenantId, clientId,
        [tokenFile](const CallContext&) { return detail::readFederatedTokenFile(tokenFile); },
        std::move(options));
  } catch (const ValidationError& error) {
    impl_->problem = {false,
                      detail::refusedSetting(kWorkloadCredentialName, sources, error).what()};
  }
}

WorkloadIdentityCredential::~WorkloadIdentityCredential() = default;

AccessToken WorkloadIdentityCredential::getToken(const TokenRequestContext& request,
                                                 const CallContext& context) {
  if (impl_->problem) impl_->problem.raise();
  return impl_->inner->getToken(request, context);
}

void WorkloadIdentityCredential::invalidateToken(const std::string& token) noexcept {
  if (impl_->inner) impl_->inner->invalidateToken(token);
}

}  // namespace msgraph
