// SPDX-License-Identifier: MIT
// The managed identity protocols, as documented:
// - App Service, Functions, Container Apps (api-version 2019-08-01, X-IDENTITY-HEADER):
//   https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference
// - Azure Arc (api-version 2019-11-01, the 401 challenge naming a key file):
//   https://learn.microsoft.com/azure/azure-arc/servers/managed-identity-authentication
// - IMDS on VMs (api-version 2018-02-01, Metadata: true, the retry guidance):
//   https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/how-to-use-vm-token
#include "auth/managed_identity_endpoint.hpp"

#include <algorithm>

#include "http/service_root.hpp"
#include "http/transport_failure.hpp"
#include "http/url_encoding.hpp"
#include "msgraph/error.hpp"

namespace msgraph::detail {

namespace {

constexpr std::string_view kImdsHost = "http://169.254.169.254";
constexpr int kManagedIdentityRetries = 3;  // 404, 408, 429, 5xx: 1 s, 2 s, 4 s
constexpr int kMaxGoneRetries = 7;          // 410: every 10 s, 70 s in all
constexpr auto kGoneWait = std::chrono::seconds(10);

// The query parameter that names a user-assigned identity, per protocol.
std::string_view identityParameter(ManagedIdentityProtocol protocol, ManagedIdentityId::Kind kind) {
  const bool appService = protocol == ManagedIdentityProtocol::AppService;
  switch (kind) {
    case ManagedIdentityId::Kind::ClientId:
      return "client_id";
    case ManagedIdentityId::Kind::ObjectId:
      return appService ? "principal_id" : "object_id";
    case ManagedIdentityId::Kind::ResourceId:
      return appService ? "mi_res_id" : "msi_res_id";
    case ManagedIdentityId::Kind::SystemAssigned:
      break;
  }
  return {};
}

// Why `url` (from `source`) cannot be a managed identity endpoint, or empty: `https://`, or
// `http://` on a loopback host only (App Service's and Arc's agents listen on localhost).
std::string endpointProblem(const std::string& url, const std::string& source) {
  try {
    checkedServiceRoot(url, source.c_str());
    return {};
  } catch (const ValidationError& error) {
    return source + " " + error.reason();
  }
}

bool isServerError(int status) { return status >= 500 && status != 501 && status != 505; }

RetryDecision retryDecision(ManagedIdentityProtocol protocol, int attempt,
                            const HttpResponse* response, const TransportError* error) {
  const bool imds = protocol == ManagedIdentityProtocol::Imds;
  if (response == nullptr) {
    const bool retry = !imds && failedBeforeResponse(*error) && attempt < kManagedIdentityRetries;
    return retry ? RetryDecision::Retry : RetryDecision::DoNotRetry;
  }
  const int status = response->status;
  if (imds && status == 410) {
    return attempt < kMaxGoneRetries ? RetryDecision::Retry : RetryDecision::DoNotRetry;
  }
  const bool transient =
      (imds && status == 404) || status == 408 || status == 429 || isServerError(status);
  return transient && attempt < kManagedIdentityRetries ? RetryDecision::Retry
                                                        : RetryDecision::DoNotRetry;
}

}  // namespace

std::string_view ManagedIdentityEndpoint::name() const noexcept {
  switch (protocol) {
    case ManagedIdentityProtocol::AppService:
      return "App Service";
    case ManagedIdentityProtocol::AzureArc:
      return "Azure Arc";
    case ManagedIdentityProtocol::Imds:
      break;
  }
  return "IMDS";
}

HttpRequest ManagedIdentityEndpoint::tokenRequest(std::string_view resource) const {
  HttpRequest request;
  request.method = HttpMethod::Get;
  request.url = url;
  switch (protocol) {
    case ManagedIdentityProtocol::AppService:
      request.url += "?api-version=2019-08-01";
      request.headers.add("X-IDENTITY-HEADER", identityHeader);
      break;
    case ManagedIdentityProtocol::AzureArc:
      request.url += "?api-version=2019-11-01";
      request.headers.add("Metadata", "true");
      break;
    case ManagedIdentityProtocol::Imds:
      request.url += "?api-version=2018-02-01";
      request.headers.add("Metadata", "true");
      break;
  }
  request.url += "&resource=";
  appendPercentEncoded(request.url, resource);
  if (const auto parameter = identityParameter(protocol, identity.kind); !parameter.empty()) {
    request.url.append("&").append(parameter).push_back('=');
    appendPercentEncoded(request.url, identity.value);
  }
  request.headers.add("Accept", "application/json");
  return request;
}

ManagedIdentityEndpoint selectManagedIdentityEndpoint(
    const EnvironmentVariables& environment, const ManagedIdentityCredentialOptions& options,
    SetupProblem& problem) {
  constexpr const char* kName = "ManagedIdentityCredential";
  ManagedIdentityEndpoint endpoint;
  endpoint.identity = options.identity;
  const std::string identityEndpoint = environment.get("IDENTITY_ENDPOINT");
  std::string source = "IDENTITY_ENDPOINT";
  if (!identityEndpoint.empty() && !environment.get("IDENTITY_HEADER").empty()) {
    endpoint.protocol = ManagedIdentityProtocol::AppService;
    endpoint.url = identityEndpoint;
    endpoint.identityHeader = environment.get("IDENTITY_HEADER");
  } else if (!identityEndpoint.empty() && !environment.get("IMDS_ENDPOINT").empty()) {
    endpoint.protocol = ManagedIdentityProtocol::AzureArc;
    endpoint.url = identityEndpoint;
  } else {
    source = "imdsEndpoint";
    endpoint.url = options.imdsEndpoint;
    while (!endpoint.url.empty() && endpoint.url.back() == '/') endpoint.url.pop_back();
  }
  std::string wrong;
  if (endpoint.protocol != ManagedIdentityProtocol::Imds || endpoint.url != kImdsHost) {
    wrong = endpointProblem(endpoint.url, source);
  }
  if (endpoint.protocol == ManagedIdentityProtocol::Imds) {
    endpoint.url += "/metadata/identity/oauth2/token";
  }
  const bool userAssigned = options.identity.kind != ManagedIdentityId::Kind::SystemAssigned;
  if (wrong.empty() && userAssigned && options.identity.value.empty()) {
    wrong = "the user-assigned identity's id is empty";
  } else if (wrong.empty() && userAssigned &&
             endpoint.protocol == ManagedIdentityProtocol::AzureArc) {
    wrong =
        "Azure Arc supports only the system-assigned identity; do not name a client, object or "
        "resource id";
  }
  if (!wrong.empty()) {
    problem = {false, std::string(kName) + " (" + std::string(endpoint.name()) + "): " + wrong};
  }
  return endpoint;
}

RetryOptions managedIdentityRetryOptions(ManagedIdentityProtocol protocol) {
  RetryOptions retry;
  retry.maxRetries = kMaxGoneRetries;
  retry.baseDelay = std::chrono::seconds(1);
  retry.shouldRetry = [protocol](int attempt, const HttpResponse* response,
                                 const TransportError* error) {
    return retryDecision(protocol, attempt, response, error);
  };
  return retry;
}

std::chrono::milliseconds managedIdentityBackoff(const RetryOptions& options, int attempt,
                                                 const HttpResponse* response) {
  if (response != nullptr && response->status == 410) return kGoneWait;
  return options.baseDelay * (1 << std::min(attempt, kManagedIdentityRetries));
}

}  // namespace msgraph::detail
