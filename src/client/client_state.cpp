// SPDX-License-Identifier: MIT
#include "client/client_state.hpp"

#include "auth/authorization_policy.hpp"
#include "auth/credential_authorizer.hpp"
#include "http/service_root.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http/curl_multi_transport.hpp"
#include "msgraph/http/curl_transport.hpp"
#include "pipeline/builtin_policies.hpp"
#include "requests/request_validation.hpp"

namespace msgraph::detail {

namespace {

std::vector<std::shared_ptr<HttpPolicy>> userPolicies(const ClientOptions& options,
                                                      PolicySlot slot) {
  std::vector<std::shared_ptr<HttpPolicy>> chosen;
  for (const auto& [where, policy] : options.policies()) {
    if (policy == nullptr) throw ValidationError("policies", "a user policy is null");
    if (where == slot) chosen.push_back(policy);
  }
  return chosen;
}

// App-only tokens are for the cloud's Graph resource, even when requests go to a custom root.
std::string graphScope(const ClientOptions& options) {
  return std::string(graphRoot(options.cloud())) + "/.default";
}

// The fixed order (docs/architecture.md): client-request-id, user agent, per-call, retry,
// per-retry, authorization, logging, transport.
Pipeline buildPipeline(const ClientOptions& options) {
  validateApplicationId(options.applicationId());
  std::vector<std::shared_ptr<HttpPolicy>> policies;
  policies.push_back(std::make_shared<ClientRequestIdPolicy>());
  policies.push_back(std::make_shared<UserAgentPolicy>(options.applicationId()));
  for (auto& policy : userPolicies(options, PolicySlot::PerCall)) policies.push_back(policy);
  const LogSink log{options.logger(), options.logLevel()};
  RetryStyle style;
  style.log = log;
  policies.push_back(std::make_shared<RetryPolicy>(options.retry(), std::move(style)));
  for (auto& policy : userPolicies(options, PolicySlot::PerRetry)) policies.push_back(policy);
  policies.push_back(
      std::make_shared<AuthorizationPolicy>(options.credential(), graphScope(options)));
  policies.push_back(std::make_shared<LoggingPolicy>(log));
  std::shared_ptr<HttpTransport> transport = options.transport();
  if (transport == nullptr) transport = std::make_shared<CurlTransport>(options.transportOptions());
  return Pipeline(std::move(policies), std::move(transport));
}

// The same steps as buildPipeline's, for async calls. User policies are synchronous by
// interface (HttpPolicy::send returns the response of the rest of the pipeline), so the loop
// cannot run them: such a client refuses async calls rather than skipping its policies.
std::shared_ptr<const AsyncPipeline> buildAsyncPipeline(const ClientOptions& options) {
  if (!options.policies().empty()) {
    throw ValidationError("sendAsync",
                          "is not available on a client with user policies "
                          "(ClientOptions::addPolicy): they run synchronously and the event "
                          "loop cannot run them; use send(), or a client without user policies");
  }
  std::shared_ptr<AsyncHttpTransport> transport = options.asyncTransport();
  if (transport == nullptr) {
    if (options.transport() != nullptr) {
      throw ValidationError("asyncTransport",
                            "is not set, while the client has a transport() of its own that "
                            "async calls would bypass; set asyncTransport too (in unit tests "
                            "msgraph::testing::MockAsyncTransport)");
    }
    transport = std::make_shared<CurlMultiTransport>(options.asyncTransportOptions());
  }
  const LogSink log{options.logger(), options.logLevel()};
  RetryStyle style;
  style.log = log;
  std::unique_ptr<AsyncAuthorizer> authorizer;
  if (options.credential() != nullptr) {
    authorizer = std::make_unique<CredentialAuthorizer>(options.credential(), graphScope(options),
                                                        *transport);
  }
  return std::make_shared<const AsyncPipeline>(std::move(transport), options.applicationId(),
                                               options.retry(), std::move(style), log,
                                               std::move(authorizer));
}

// The service root is checked before the pipeline is built, so the first bad option is named.
RequestAdapter adapterOf(const ClientOptions& options) {
  std::string root = checkedServiceRoot(
      options.baseUrl().empty() ? graphRoot(options.cloud()) : options.baseUrl(), "baseUrl");
  root += "/";
  root += toString(options.apiVersion());
  auto async =
      std::make_shared<const LazyAsyncPipeline>([&options] { return buildAsyncPipeline(options); });
  return RequestAdapter(std::move(root), buildPipeline(options), std::move(async),
                        options.timeout(), options.confirm());
}

}  // namespace

ClientState::ClientState(ClientOptions options)
    : options_(std::move(options)), adapter_(adapterOf(options_)) {}

}  // namespace msgraph::detail
