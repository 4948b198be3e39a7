// SPDX-License-Identifier: MIT
#include "client/client_state.hpp"

#include "auth/authorization_policy.hpp"
#include "http/service_root.hpp"
#include "msgraph/error.hpp"
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
  // App-only tokens are for the cloud's Graph resource, even when requests go to a custom root.
  const std::string scope = std::string(graphRoot(options.cloud())) + "/.default";
  policies.push_back(std::make_shared<AuthorizationPolicy>(options.credential(), scope));
  policies.push_back(std::make_shared<LoggingPolicy>(log));
  std::shared_ptr<HttpTransport> transport = options.transport();
  if (transport == nullptr) transport = std::make_shared<CurlTransport>(options.transportOptions());
  return Pipeline(std::move(policies), std::move(transport));
}

// The service root is checked before the pipeline is built, so the first bad option is named.
RequestAdapter adapterOf(const ClientOptions& options) {
  std::string root = checkedServiceRoot(
      options.baseUrl().empty() ? graphRoot(options.cloud()) : options.baseUrl(), "baseUrl");
  root += "/";
  root += toString(options.apiVersion());
  return RequestAdapter(std::move(root), buildPipeline(options), options.timeout(),
                        options.confirm());
}

}  // namespace

ClientState::ClientState(ClientOptions options)
    : options_(std::move(options)), adapter_(adapterOf(options_)) {}

}  // namespace msgraph::detail
