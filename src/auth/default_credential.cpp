// SPDX-License-Identifier: MIT
#include "msgraph/auth/default_credential.hpp"

#include <atomic>
#include <vector>

#include "auth/credential_unavailable.hpp"
#include "auth/environment_variables.hpp"
#include "msgraph/auth/environment_credential.hpp"

namespace msgraph {

namespace {

// `message`, led by `name` unless it names itself already.
std::string reasonOf(const char* name, const std::string& message) {
  return message.rfind(name, 0) == 0 ? message : std::string(name) + ": " + message;
}

AuthenticationError chainError(const std::vector<std::string>& reasons,
                               const AuthenticationError* stoppedBy) {
  std::string message = stoppedBy != nullptr
                            ? "DefaultCredential: a configured credential failed. Tried in order: "
                            : "DefaultCredential: no credential gave a token. Tried in order: ";
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    message += (i == 0 ? "" : "; ") + reasons[i];
  }
  if (stoppedBy == nullptr) return AuthenticationError(message);
  AuthenticationError error = stoppedBy->transportError() != nullptr
                                  ? AuthenticationError(message, *stoppedBy->transportError())
                                  : AuthenticationError(message, stoppedBy->details());
  error.attempts(stoppedBy->attempts());
  return error;
}

}  // namespace

struct DefaultCredential::Impl {
  struct Link {
    const char* name;
    std::unique_ptr<TokenCredential> credential;
  };
  std::vector<Link> chain;
  std::atomic<int> selected{-1};
};

DefaultCredential::DefaultCredential(TokenCredentialOptions options, DefaultCredentialOptions chain)
    : impl_(std::make_unique<Impl>()) {
  auto& links = impl_->chain;
  if (!chain.excludeEnvironmentCredential) {
    links.push_back({"EnvironmentCredential", std::make_unique<EnvironmentCredential>(options)});
  }
  if (!chain.excludeWorkloadIdentityCredential) {
    links.push_back({"WorkloadIdentityCredential", std::make_unique<WorkloadIdentityCredential>(
                                                       options, chain.workloadIdentity)});
  }
  if (!chain.excludeManagedIdentityCredential) {
    ManagedIdentityCredentialOptions managed = chain.managedIdentity;
    const std::string clientId = detail::EnvironmentVariables(options).get("AZURE_CLIENT_ID");
    if (managed.identity.kind == ManagedIdentityId::Kind::SystemAssigned && !clientId.empty()) {
      managed.identity = ManagedIdentityId::clientId(clientId);
    }
    links.push_back({"ManagedIdentityCredential",
                     std::make_unique<ManagedIdentityCredential>(options, std::move(managed))});
  }
  if (!chain.excludeAzureCliCredential) {
    links.push_back(
        {"AzureCliCredential", std::make_unique<AzureCliCredential>(options, chain.azureCli)});
  }
}

DefaultCredential::~DefaultCredential() = default;

AccessToken DefaultCredential::getToken(const TokenRequestContext& request,
                                        const CallContext& context) {
  auto& chain = impl_->chain;
  if (const int kept = impl_->selected.load(); kept >= 0) {
    return chain[static_cast<std::size_t>(kept)].credential->getToken(request, context);
  }
  if (chain.empty()) {
    throw AuthenticationError("DefaultCredential: every credential is excluded");
  }
  std::vector<std::string> reasons;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    try {
      AccessToken token = chain[i].credential->getToken(request, context);
      int none = -1;
      impl_->selected.compare_exchange_strong(none, static_cast<int>(i));
      return token;
    } catch (const detail::CredentialUnavailableError& unavailable) {
      reasons.push_back(reasonOf(chain[i].name, unavailable.what()));
    } catch (const AuthenticationError& failure) {
      reasons.push_back(reasonOf(chain[i].name, failure.what()));
      throw chainError(reasons, &failure);
    }
  }
  throw chainError(reasons, nullptr);
}

void DefaultCredential::invalidateToken(const std::string& token) noexcept {
  if (const int kept = impl_->selected.load(); kept >= 0) {
    impl_->chain[static_cast<std::size_t>(kept)].credential->invalidateToken(token);
  }
}

std::string DefaultCredential::selectedCredential() const {
  const int kept = impl_->selected.load();
  return kept >= 0 ? impl_->chain[static_cast<std::size_t>(kept)].name : std::string();
}

}  // namespace msgraph
