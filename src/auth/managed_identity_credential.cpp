// SPDX-License-Identifier: MIT
#include "msgraph/auth/managed_identity_credential.hpp"

#include <openssl/crypto.h>

#include "auth/azure_arc_challenge.hpp"
#include "auth/credential_unavailable.hpp"
#include "auth/environment_variables.hpp"
#include "auth/managed_identity_endpoint.hpp"
#include "auth/token_cache.hpp"
#include "auth/token_endpoint.hpp"
#include "auth/token_pipeline.hpp"
#include "core/printable_excerpt.hpp"
#include "diagnostics/redaction.hpp"
#include "msgraph/http/curl_transport.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph {

namespace {

using detail::ManagedIdentityProtocol;

std::shared_ptr<HttpTransport> transportFor(const TokenCredentialOptions& options,
                                            const ManagedIdentityCredentialOptions& managed) {
  if (options.transport != nullptr) return options.transport;
  CurlTransportOptions transport = options.transportOptions;
  transport.connectTimeout = std::min(transport.connectTimeout, managed.connectTimeout);
  transport.timeout = std::min(transport.timeout, managed.timeout);
  return std::make_shared<CurlTransport>(transport);
}

std::string textMember(const Json& body, std::string_view key) {
  const Json* value = body.find(key);
  return value != nullptr && value->isString() ? value->asString() : std::string();
}

}  // namespace

struct ManagedIdentityCredential::Impl {
  Impl(const TokenCredentialOptions& options, const ManagedIdentityCredentialOptions& managed)
      : endpoint(detail::selectManagedIdentityEndpoint(detail::EnvironmentVariables(options),
                                                       managed, problem)),
        pipeline(detail::managedIdentityRetryOptions(endpoint.protocol),
                 detail::managedIdentityBackoff, "the managed identity token request", options,
                 transportFor(options, managed)),
        arcKeyDirectory(managed.arcKeyDirectory),
        refreshMargin(options.refreshMargin),
        clock(options.clock),
        label("ManagedIdentityCredential (" + std::string(endpoint.name()) + ")") {}
  ~Impl() { OPENSSL_cleanse(endpoint.identityHeader.data(), endpoint.identityHeader.size()); }

  std::chrono::system_clock::time_point now() const { return detail::nowBy(clock); }

  // The endpoint's refusal: its error and description (App Service: its message), masked and
  // made printable; IMDS's 400 means no such identity on this machine.
  [[noreturn]] void refuse(const HttpResponse& response) const {
    std::string body = response.body;
    detail::maskSecret(body, endpoint.identityHeader);
    AuthenticationError::Details details;
    details.status = response.status;
    try {
      const Json parsed = Json::parse(body);
      details.error = detail::redactServiceText(textMember(parsed, "error"));
      details.description = detail::redactServiceText(
          textMember(parsed, parsed.find("message") != nullptr ? "message" : "error_description"));
      details.correlationId = textMember(parsed, "correlationId");
    } catch (const Error&) {
    }
    std::string message = label + " refused (HTTP " + std::to_string(response.status) + ")";
    if (!details.error.empty()) message += ": " + detail::printableExcerpt(details.error, 200);
    if (!details.description.empty())
      message += ": " + detail::printableExcerpt(details.description, 500);
    if (endpoint.protocol == ManagedIdentityProtocol::Imds && response.status == 400) {
      throw detail::CredentialUnavailableError(
          message + " (no managed identity, or not the one asked for, on this machine)", details);
    }
    throw AuthenticationError(message, std::move(details));
  }

  detail::IssuedToken read(const HttpResponse& response) const {
    if (response.status != 200) refuse(response);
    return detail::readTokenAnswer(response.body, {"the managed identity endpoint", true}, now(),
                                   refreshMargin);
  }

  detail::IssuedToken send(HttpRequest request, const CallContext& context) const {
    const std::string unreachable = label + ": the endpoint could not be reached";
    return pipeline.send(
        request, nullptr, context, unreachable.c_str(), [&](const HttpResponse& response) {
          if (endpoint.protocol == ManagedIdentityProtocol::AzureArc && response.status == 401 &&
              request.headers.get("Authorization") == std::nullopt) {
            return answerChallenge(response, request, context);
          }
          return read(response);
        });
  }

  detail::IssuedToken answerChallenge(const HttpResponse& challenge, HttpRequest request,
                                      const CallContext& context) const {
    std::string key = detail::answerArcChallenge(challenge, arcKeyDirectory);
    request.headers.add("Authorization", "Basic " + key);
    OPENSSL_cleanse(key.data(), key.size());
    return send(std::move(request), context);
  }

  detail::IssuedToken fetch(const std::string& resource, const CallContext& context) const {
    try {
      return send(endpoint.tokenRequest(resource), context);
    } catch (const detail::CredentialUnavailableError&) {
      throw;
    } catch (const AuthenticationError& error) {
      // Off Azure, nothing listens at IMDS's address: this credential is not set up here.
      if (endpoint.protocol != ManagedIdentityProtocol::Imds || error.transportError() == nullptr) {
        throw;
      }
      detail::CredentialUnavailableError unavailable(
          label + ": no managed identity endpoint answered (" + error.transportError()->what() +
              ")",
          *error.transportError());
      unavailable.attempts(error.attempts());
      throw unavailable;
    }
  }

  detail::SetupProblem problem;  // before endpoint: selecting the endpoint sets it
  detail::ManagedIdentityEndpoint endpoint;
  detail::TokenPipeline pipeline;
  detail::TokenCache cache;
  std::string arcKeyDirectory;
  std::chrono::seconds refreshMargin;
  std::function<std::chrono::system_clock::time_point()> clock;
  std::string label;
};

ManagedIdentityCredential::ManagedIdentityCredential(TokenCredentialOptions options,
                                                     ManagedIdentityCredentialOptions managed)
    : impl_(std::make_unique<Impl>(options, managed)) {}

ManagedIdentityCredential::~ManagedIdentityCredential() = default;

AccessToken ManagedIdentityCredential::getToken(const TokenRequestContext& request,
                                                const CallContext& context) {
  if (impl_->problem) impl_->problem.raise();
  const std::string resource = detail::resourceOfScopes(request.scopes);
  return impl_->cache.get(request.scopes.front(), impl_->now(),
                          [&] { return impl_->fetch(resource, context); });
}

void ManagedIdentityCredential::invalidateToken(const std::string& token) noexcept {
  impl_->cache.invalidate(token);
}

std::string_view ManagedIdentityCredential::source() const noexcept {
  return impl_->endpoint.name();
}

}  // namespace msgraph
