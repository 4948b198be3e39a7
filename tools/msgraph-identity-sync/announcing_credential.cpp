// SPDX-License-Identifier: MIT
#include "announcing_credential.hpp"

#include <atomic>
#include <string>

#include "msgraph/auth/azure_cli_credential.hpp"
#include "msgraph/auth/client_certificate_credential.hpp"
#include "msgraph/auth/client_secret_credential.hpp"
#include "msgraph/auth/default_credential.hpp"
#include "msgraph/auth/environment_credential.hpp"
#include "msgraph/auth/managed_identity_credential.hpp"
#include "msgraph/auth/static_token_credential.hpp"
#include "msgraph/auth/workload_identity_credential.hpp"

namespace msgraph_cli {

namespace {

// The credential's class, and what it chose where it chooses (the chain's link, the
// environment's kind, the managed identity's endpoint).
std::string nameOf(const msgraph::TokenCredential& credential) {
  using namespace msgraph;
  if (const auto* chain = dynamic_cast<const DefaultCredential*>(&credential)) {
    return "DefaultCredential (" + chain->selectedCredential() + ")";
  }
  if (const auto* environment = dynamic_cast<const EnvironmentCredential*>(&credential)) {
    return "EnvironmentCredential (" + std::string(environment->kind()) + ")";
  }
  if (const auto* managed = dynamic_cast<const ManagedIdentityCredential*>(&credential)) {
    return "ManagedIdentityCredential (" + std::string(managed->source()) + ")";
  }
  if (dynamic_cast<const WorkloadIdentityCredential*>(&credential)) {
    return "WorkloadIdentityCredential";
  }
  if (dynamic_cast<const AzureCliCredential*>(&credential)) return "AzureCliCredential";
  if (dynamic_cast<const ClientSecretCredential*>(&credential)) return "ClientSecretCredential";
  if (dynamic_cast<const ClientCertificateCredential*>(&credential)) {
    return "ClientCertificateCredential";
  }
  if (dynamic_cast<const StaticTokenCredential*>(&credential)) return "StaticTokenCredential";
  return "a credential of the caller's";
}

class AnnouncingCredential final : public msgraph::TokenCredential {
 public:
  AnnouncingCredential(std::shared_ptr<msgraph::TokenCredential> inner, msgraph::Logger logger)
      : inner_(std::move(inner)), logger_(std::move(logger)) {}

  msgraph::AccessToken getToken(const msgraph::TokenRequestContext& request,
                                const msgraph::CallContext& context) override {
    msgraph::AccessToken token = inner_->getToken(request, context);
    if (!announced_.exchange(true)) {
      logger_(msgraph::LogLevel::Verbose, "signed in with " + nameOf(*inner_));
    }
    return token;
  }

  void invalidateToken(const std::string& token) noexcept override {
    inner_->invalidateToken(token);
  }

 private:
  std::shared_ptr<msgraph::TokenCredential> inner_;
  msgraph::Logger logger_;
  std::atomic<bool> announced_{false};
};

}  // namespace

std::shared_ptr<msgraph::TokenCredential> announcingCredential(
    std::shared_ptr<msgraph::TokenCredential> credential, msgraph::Logger logger) {
  return std::make_shared<AnnouncingCredential>(std::move(credential), std::move(logger));
}

}  // namespace msgraph_cli
