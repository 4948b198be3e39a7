// SPDX-License-Identifier: MIT
#include "msgraph/auth/environment_credential.hpp"

#include <openssl/crypto.h>

#include <vector>

#include "auth/credential_unavailable.hpp"
#include "auth/environment_variables.hpp"
#include "msgraph/ascii.hpp"
#include "msgraph/auth/client_certificate_credential.hpp"
#include "msgraph/auth/client_secret_credential.hpp"

namespace msgraph {

namespace {

constexpr const char* kEnvironmentCredentialName = "EnvironmentCredential";

// The variables, read once; the secret and the password are wiped when done.
struct Variables {
  explicit Variables(const detail::EnvironmentVariables& environment)
      : tenantId(environment.get("AZURE_TENANT_ID")),
        clientId(environment.get("AZURE_CLIENT_ID")),
        secret(environment.get("AZURE_CLIENT_SECRET")),
        certificatePath(environment.get("AZURE_CLIENT_CERTIFICATE_PATH")),
        certificatePassword(environment.get("AZURE_CLIENT_CERTIFICATE_PASSWORD")),
        sendChain(environment.get("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN")),
        authorityHost(environment.get("AZURE_AUTHORITY_HOST")) {}
  ~Variables() {
    OPENSSL_cleanse(secret.data(), secret.size());
    OPENSSL_cleanse(certificatePassword.data(), certificatePassword.size());
  }
  std::string tenantId, clientId, secret, certificatePath, certificatePassword, sendChain,
      authorityHost;
};

detail::SetupProblem wrongly(const std::string& what) {
  return {false, std::string(kEnvironmentCredentialName) + ": " + what};
}

// The problem with the variables' combination, if any (nothing is built then).
detail::SetupProblem combinationProblem(const Variables& v) {
  const bool certificateSettings = !v.certificatePassword.empty() || !v.sendChain.empty();
  if (!v.secret.empty() && !v.certificatePath.empty()) {
    return wrongly(
        "AZURE_CLIENT_SECRET and AZURE_CLIENT_CERTIFICATE_PATH are both set; set only one");
  }
  if (v.certificatePath.empty() && certificateSettings) {
    return wrongly(std::string(v.certificatePassword.empty()
                                   ? "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"
                                   : "AZURE_CLIENT_CERTIFICATE_PASSWORD") +
                   " is set but AZURE_CLIENT_CERTIFICATE_PATH is not");
  }
  std::vector<std::string> unset;
  if (v.tenantId.empty()) unset.emplace_back("AZURE_TENANT_ID");
  if (v.clientId.empty()) unset.emplace_back("AZURE_CLIENT_ID");
  if (v.secret.empty() && v.certificatePath.empty()) {
    unset.emplace_back("AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH");
    return detail::notConfigured(kEnvironmentCredentialName, unset);
  }
  if (!unset.empty()) {  // a secret or certificate is set: the variables mean this credential
    std::string list;
    for (const std::string& name : unset) list += (list.empty() ? "" : " and ") + name;
    return wrongly(
        std::string(v.secret.empty() ? "AZURE_CLIENT_CERTIFICATE_PATH" : "AZURE_CLIENT_SECRET") +
        " is set but " + list + (unset.size() == 1 ? " is not" : " are not"));
  }
  return {};
}

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         asciiEqualsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

std::unique_ptr<TokenCredential> certificateCredential(const Variables& v,
                                                       const TokenCredentialOptions& options) {
  ClientCertificateOptions certificateOptions;
  if (asciiEqualsIgnoreCase(v.sendChain, "true") || v.sendChain == "1") {
    certificateOptions.sendCertificateChain = true;
  } else if (!v.sendChain.empty() && !asciiEqualsIgnoreCase(v.sendChain, "false") &&
             v.sendChain != "0") {
    throw AuthenticationError(std::string(kEnvironmentCredentialName) +
                              ": AZURE_CLIENT_SEND_CERTIFICATE_CHAIN must be true, false, 1 or 0");
  }
  const bool pfx = endsWith(v.certificatePath, ".pfx") || endsWith(v.certificatePath, ".p12");
  try {
    return std::make_unique<ClientCertificateCredential>(
        v.tenantId, v.clientId,
        pfx ? ClientCertificate::fromPfxFile(v.certificatePath, v.certificatePassword)
            : ClientCertificate::fromPemFile(v.certificatePath, v.certificatePassword),
        options, certificateOptions);
  } catch (const ValidationError&) {
    throw;
  } catch (const AuthenticationError& error) {
    throw AuthenticationError(std::string(kEnvironmentCredentialName) +
                              ": AZURE_CLIENT_CERTIFICATE_PATH: " + error.what());
  }
}

}  // namespace

struct EnvironmentCredential::Impl {
  std::unique_ptr<TokenCredential> inner;
  std::string_view kind;
  detail::SetupProblem problem;
};

EnvironmentCredential::EnvironmentCredential(TokenCredentialOptions options)
    : impl_(std::make_unique<Impl>()) {
  const Variables variables{detail::EnvironmentVariables(options)};
  if (options.authorityHost.empty()) options.authorityHost = variables.authorityHost;
  impl_->problem = combinationProblem(variables);
  if (impl_->problem) return;
  const detail::ValueSources sources{{"tenantId", "AZURE_TENANT_ID"},
                                     {"clientId", "AZURE_CLIENT_ID"},
                                     {"clientSecret", "AZURE_CLIENT_SECRET"},
                                     {"authorityHost", "AZURE_AUTHORITY_HOST"}};
  try {
    if (!variables.secret.empty()) {
      impl_->inner = std::make_unique<ClientSecretCredential>(
          variables.tenantId, variables.clientId, variables.secret, options);
      impl_->kind = "ClientSecretCredential";
    } else {
      impl_->inner = certificateCredential(variables, options);
      impl_->kind = "ClientCertificateCredential";
    }
  } catch (const ValidationError& error) {
    impl_->problem = {false,
                      detail::refusedSetting(kEnvironmentCredentialName, sources, error).what()};
  } catch (const AuthenticationError& error) {
    impl_->problem = {false, error.what()};
  }
  if (impl_->problem) impl_->kind = {};
}

EnvironmentCredential::~EnvironmentCredential() = default;

AccessToken EnvironmentCredential::getToken(const TokenRequestContext& request,
                                            const CallContext& context) {
  if (impl_->problem) impl_->problem.raise();
  return impl_->inner->getToken(request, context);
}

void EnvironmentCredential::invalidateToken(const std::string& token) noexcept {
  if (impl_->inner) impl_->inner->invalidateToken(token);
}

std::string_view EnvironmentCredential::kind() const noexcept { return impl_->kind; }

}  // namespace msgraph
