// SPDX-License-Identifier: MIT
#include "msgraph/auth/azure_cli_credential.hpp"

#include <openssl/crypto.h>

#include <algorithm>

#include "auth/azure_cli_output.hpp"
#include "auth/child_process.hpp"
#include "auth/credential_unavailable.hpp"
#include "auth/environment_variables.hpp"
#include "auth/token_cache.hpp"
#include "auth/token_endpoint.hpp"
#include "diagnostics/log_sink.hpp"

namespace msgraph {

namespace {

constexpr const char* kCliCredentialName = "AzureCliCredential";
// `az account get-access-token` prints a few KB; more is not its answer.
constexpr std::size_t kMaxOutputBytes = 1024 * 1024;

// A GUID or a domain name: letters, digits, '.', '-'; nothing else goes into argv.
bool isTenantName(const std::string& tenant) {
  return !tenant.empty() && tenant.size() <= 256 && tenant.front() != '-' &&
         std::all_of(tenant.begin(), tenant.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '-';
         });
}

std::string describe(const std::vector<std::string>& arguments) {
  std::string text = "az";
  for (const std::string& argument : arguments) text += " " + argument;
  return text;
}

}  // namespace

struct AzureCliCredential::Impl {
  AzureCliCredentialOptions cli;
  std::string path;  // where az is looked for
  std::chrono::seconds refreshMargin;
  std::function<std::chrono::system_clock::time_point()> clock;
  detail::LogSink log;
  detail::TokenCache cache;

  std::chrono::system_clock::time_point now() const { return detail::nowBy(clock); }

  detail::IssuedToken run(const std::string& resource, const CallContext& context) const {
    const auto az = detail::findExecutable("az", path);
    if (!az) {
      throw detail::CredentialUnavailableError(
          std::string(kCliCredentialName) +
          ": the Azure CLI (az) was not found on PATH. Install it, then run 'az login'");
    }
    std::vector<std::string> arguments{"account", "get-access-token", "--resource", resource};
    if (!cli.tenantId.empty()) arguments.insert(arguments.end(), {"--tenant", cli.tenantId});
    arguments.insert(arguments.end(), {"--output", "json"});
    auto deadline = std::chrono::steady_clock::now() + cli.timeout;
    if (const auto callDeadline = context.deadline()) deadline = std::min(deadline, *callDeadline);
    log(LogLevel::Info, std::string(kCliCredentialName) + ": running " + describe(arguments));
    detail::ProcessOutcome outcome =
        detail::runProcess(*az, arguments, deadline, kMaxOutputBytes, context);
    struct Wipe {
      std::string& text;
      ~Wipe() { OPENSSL_cleanse(text.data(), text.size()); }
    } wipe{outcome.output};
    if (outcome.cancelled)
      throw CancelledError("the Azure CLI was stopped: the call was cancelled");
    if (outcome.timedOut) {
      throw AuthenticationError(std::string(kCliCredentialName) + ": " + describe(arguments) +
                                " did not finish within " + std::to_string(cli.timeout.count()) +
                                " ms and was stopped");
    }
    if (outcome.outputTooLarge) {
      throw AuthenticationError(std::string(kCliCredentialName) + ": az printed more than " +
                                std::to_string(kMaxOutputBytes) + " bytes and was stopped");
    }
    if (outcome.exitCode != 0) detail::throwAzureCliFailure(outcome.exitCode, outcome.errors);
    detail::IssuedToken issued = detail::readAzureCliToken(outcome.output, now(), refreshMargin);
    log(LogLevel::Info, std::string(kCliCredentialName) + ": got a token for " + resource);
    return issued;
  }
};

AzureCliCredential::AzureCliCredential(TokenCredentialOptions options,
                                       AzureCliCredentialOptions cli)
    : impl_(std::make_unique<Impl>()) {
  if (!cli.tenantId.empty() && !isTenantName(cli.tenantId)) {
    throw ValidationError("tenantId", "must be a GUID or a domain name");
  }
  impl_->path = cli.path.empty() ? detail::EnvironmentVariables(options).get("PATH") : cli.path;
  impl_->cli = std::move(cli);
  impl_->refreshMargin = options.refreshMargin;
  impl_->clock = options.clock;
  impl_->log = detail::LogSink{options.logger, options.logLevel};
}

AzureCliCredential::~AzureCliCredential() = default;

AccessToken AzureCliCredential::getToken(const TokenRequestContext& request,
                                         const CallContext& context) {
  const std::string resource = detail::resourceOfScopes(request.scopes);
  return impl_->cache.get(request.scopes.front(), impl_->now(),
                          [&] { return impl_->run(resource, context); });
}

void AzureCliCredential::invalidateToken(const std::string& token) noexcept {
  impl_->cache.invalidate(token);
}

}  // namespace msgraph
