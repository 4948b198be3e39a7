// SPDX-License-Identifier: MIT
#include "client_factory.hpp"

#include <cstdlib>
#include <iostream>
#include <memory>

#include "announcing_credential.hpp"
#include "cli_error.hpp"
#include "input_file.hpp"
#include "msgraph/ascii.hpp"
#include "msgraph/auth/client_certificate_credential.hpp"
#include "msgraph/auth/client_secret_credential.hpp"
#include "msgraph/auth/static_token_credential.hpp"
#include "sign_in.hpp"
#include "terminal_text.hpp"

namespace msgraph_cli {

namespace {

constexpr const char* kDefaultTokenVariable = "MSGRAPH_ACCESS_TOKEN";

// Secrets come only from the environment, so they never show in `ps` or shell history. The
// message names the variable, never a value.
std::string requireVariable(const RawOptions& raw, ValueMember member) {
  const std::string& variable = *(raw.*member);
  const char* value = std::getenv(variable.c_str());
  if (value == nullptr || *value == '\0') {
    throw UsageError(optionName(member) + ": the environment variable " + variable +
                     " is unset or empty");
  }
  return value;
}

msgraph::CurlTransportOptions transportOptions(const Arguments& args) {
  msgraph::CurlTransportOptions options;
  if (args.raw.caFile) {
    // libcurl's message for a missing CA file does not say which file; this one does.
    openInputFile(optionName(&RawOptions::caFile), *args.raw.caFile);
    options.caFile = *args.raw.caFile;
  }
  if (args.timeout) options.timeout = *args.timeout;
  return options;
}

msgraph::ClientCertificate loadCertificate(const RawOptions& raw) {
  const std::string password = raw.certificatePasswordEnv
                                   ? requireVariable(raw, &RawOptions::certificatePasswordEnv)
                                   : std::string();
  const std::string& path = *raw.certificate;
  // Unreadable is a usage error, as for --ca-file; what the file holds is the library's to judge.
  openInputFile(optionName(&RawOptions::certificate), path);
  const std::string_view extension =
      path.size() >= 4 ? std::string_view(path).substr(path.size() - 4) : std::string_view();
  if (msgraph::asciiEqualsIgnoreCase(extension, ".pfx") ||
      msgraph::asciiEqualsIgnoreCase(extension, ".p12")) {
    return msgraph::ClientCertificate::fromPfxFile(path, password);
  }
  return msgraph::ClientCertificate::fromPemFile(path, password);
}

void logToStderr(msgraph::LogLevel level, std::string_view message) {
  // PowerShell's stream prefixes, so the lines read like -Verbose output.
  const char* prefix = level == msgraph::LogLevel::Error     ? "ERROR: "
                       : level == msgraph::LogLevel::Warning ? "WARNING: "
                                                             : "VERBOSE: ";
  // The library's own lines, with what it quotes from the service already made single-line.
  std::cerr << prefix << terminalSafeLines(message) << '\n';
}

msgraph::TokenCredentialOptions tokenOptions(const Arguments& args,
                                             const msgraph::CurlTransportOptions& t) {
  msgraph::TokenCredentialOptions options;
  options.cloud = args.cloud;
  if (args.raw.loginUrl) options.authorityHost = *args.raw.loginUrl;
  options.transportOptions = t;
  if (args.raw.verbose) options.logger = logToStderr;
  return options;
}

std::shared_ptr<msgraph::TokenCredential> appCredential(const Arguments& args,
                                                        const msgraph::CurlTransportOptions& t) {
  const RawOptions& raw = args.raw;
  if (raw.accessTokenEnv) {
    throw UsageError(optionName(&RawOptions::accessTokenEnv) +
                     " cannot be combined with app credentials (--tenant, --client-id, ...)");
  }
  if (!raw.tenant || !raw.clientId ||
      raw.clientSecretEnv.has_value() == raw.certificate.has_value()) {
    throw UsageError(
        "app credentials need --tenant, --client-id and either --client-secret-env VAR or "
        "--certificate FILE");
  }
  if (raw.certificatePasswordEnv && !raw.certificate) {
    throw UsageError("--certificate-password-env needs --certificate");
  }
  const msgraph::TokenCredentialOptions options = tokenOptions(args, t);
  if (raw.clientSecretEnv) {
    return std::make_shared<msgraph::ClientSecretCredential>(
        *raw.tenant, *raw.clientId, requireVariable(raw, &RawOptions::clientSecretEnv), options);
  }
  return std::make_shared<msgraph::ClientCertificateCredential>(*raw.tenant, *raw.clientId,
                                                                loadCertificate(raw), options);
}

// Null when MSGRAPH_ACCESS_TOKEN is unset and no --access-token-env names another variable.
std::shared_ptr<msgraph::TokenCredential> tokenCredential(const RawOptions& raw) {
  if (raw.accessTokenEnv) {
    return std::make_shared<msgraph::StaticTokenCredential>(
        requireVariable(raw, &RawOptions::accessTokenEnv));
  }
  const char* token = std::getenv(kDefaultTokenVariable);
  if (token == nullptr || *token == '\0') return nullptr;
  return std::make_shared<msgraph::StaticTokenCredential>(token);
}

// --credential secret|certificate|token: the flags that credential needs must be there, and
// none of another's.
std::shared_ptr<msgraph::TokenCredential> flagCredential(CredentialKind kind, const Arguments& args,
                                                         const msgraph::CurlTransportOptions& t) {
  const RawOptions& raw = args.raw;
  if (raw.managedIdentityClientId) {
    throw UsageError(
        "--managed-identity-client-id needs --credential managed-identity or the "
        "default chain");
  }
  if (kind == CredentialKind::Secret && (!raw.clientSecretEnv || raw.certificate)) {
    throw UsageError(
        "--credential secret needs --client-secret-env VAR (with --tenant and "
        "--client-id) and no --certificate");
  }
  if (kind == CredentialKind::Certificate && (!raw.certificate || raw.clientSecretEnv)) {
    throw UsageError(
        "--credential certificate needs --certificate FILE (with --tenant and "
        "--client-id) and no --client-secret-env");
  }
  if (kind != CredentialKind::Token) return appCredential(args, t);
  if (raw.tenant || raw.clientId || raw.clientSecretEnv || raw.certificate ||
      raw.certificatePasswordEnv) {
    throw UsageError(
        "--credential token cannot be combined with app credentials (--tenant, "
        "--client-id, ...)");
  }
  auto token = tokenCredential(raw);
  if (token == nullptr) {
    throw UsageError(std::string("--credential token: the environment variable ") +
                     kDefaultTokenVariable +
                     " is unset or empty (or name another with "
                     "--access-token-env VAR)");
  }
  return token;
}

// Null only for a --what-if without sign-in flags, which needs no token.
std::shared_ptr<msgraph::TokenCredential> chosenCredential(const Arguments& args,
                                                           const msgraph::CurlTransportOptions& t) {
  const RawOptions& raw = args.raw;
  if (const std::optional<CredentialKind> forced = forcedCredential(raw)) {
    const CredentialKind kind = *forced;
    if (kind == CredentialKind::Secret || kind == CredentialKind::Certificate ||
        kind == CredentialKind::Token) {
      return flagCredential(kind, args, t);
    }
    return ambientCredential(kind, raw, tokenOptions(args, t));
  }
  const bool app = raw.tenant || raw.clientId || raw.clientSecretEnv || raw.certificate ||
                   raw.certificatePasswordEnv;
  if (app || raw.accessTokenEnv) {
    if (raw.managedIdentityClientId) {
      throw UsageError(
          "--managed-identity-client-id cannot be combined with app credentials "
          "or --access-token-env");
    }
    return app ? appCredential(args, t) : tokenCredential(raw);
  }
  if (auto token = tokenCredential(raw)) return token;
  if (raw.whatIf) return nullptr;
  return ambientCredential(CredentialKind::Chain, raw, tokenOptions(args, t));
}

// The credential chosen, which with --verbose names itself once it has given a token.
std::shared_ptr<msgraph::TokenCredential> signIn(const Arguments& args,
                                                 const msgraph::CurlTransportOptions& t) {
  auto chosen = chosenCredential(args, t);
  if (chosen == nullptr || !args.raw.verbose) return chosen;
  return announcingCredential(std::move(chosen), logToStderr);
}

}  // namespace

std::shared_ptr<msgraph::TokenCredential> signInCredential(const Arguments& args) {
  return signIn(args, transportOptions(args));
}

msgraph::GraphClient makeClient(const Arguments& args,
                                std::shared_ptr<msgraph::AsyncHttpTransport> async) {
  const msgraph::CurlTransportOptions transport = transportOptions(args);
  msgraph::ClientOptions options;
  options.cloud(args.cloud).apiVersion(args.apiVersion).transportOptions(transport);
  options.credential(signIn(args, transport));
  if (args.raw.graphUrl) options.baseUrl(*args.raw.graphUrl);
  if (args.timeout) options.timeout(*args.timeout);
  msgraph::RetryOptions retry;
  if (args.maxRetries) retry.maxRetries = *args.maxRetries;
  if (args.retryAfterMax) retry.maxRetryAfter = *args.retryAfterMax;
  retry.retryPatch = args.raw.retryPatch;
  options.retry(std::move(retry));
  if (args.raw.verbose) options.logger(logToStderr);
  if (async) options.asyncTransport(std::move(async));
  try {
    return msgraph::GraphClient(std::move(options));
  } catch (const msgraph::ValidationError& e) {
    // The client checks the service root; say which option gave it.
    if (e.field() != "baseUrl") throw;
    throw UsageError(optionName(&RawOptions::graphUrl) + ": " + e.reason());
  }
}

}  // namespace msgraph_cli
