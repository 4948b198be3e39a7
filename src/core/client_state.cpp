#include "core/client_state.hpp"

#include "msgraph/error.hpp"
#include "msgraph/http/curl_transport.hpp"
#include "pipeline/builtin_policies.hpp"

namespace msgraph::detail {

namespace {

bool isLoopbackHost(std::string_view hostAndRest) {
  for (std::string_view host : {"127.0.0.1", "localhost", "[::1]"}) {
    if (hostAndRest.substr(0, host.size()) == host &&
        (hostAndRest.size() == host.size() || hostAndRest[host.size()] == ':' ||
         hostAndRest[host.size()] == '/')) {
      return true;
    }
  }
  return false;
}

// The service root without a trailing slash; refuses what would send requests somewhere odd.
std::string checkedRoot(const ClientOptions& options) {
  std::string root =
      options.baseUrl().empty() ? std::string(graphRoot(options.cloud())) : options.baseUrl();
  while (!root.empty() && root.back() == '/') root.pop_back();
  const std::string_view view(root);
  const bool https = view.substr(0, 8) == "https://";
  const bool http = view.substr(0, 7) == "http://";
  if (!https && !http) throw ValidationError("baseUrl", "must start with https://");
  if (http && !isLoopbackHost(view.substr(7))) {
    throw ValidationError("baseUrl", "http:// is allowed only for loopback hosts; use https://");
  }
  if (root.find_first_of("?#") != std::string::npos || root.size() == (https ? 8u : 7u)) {
    throw ValidationError("baseUrl", "must be a service root like https://graph.microsoft.com");
  }
  return root;
}

std::vector<std::shared_ptr<HttpPolicy>> userPolicies(const ClientOptions& options,
                                                      PolicySlot slot) {
  std::vector<std::shared_ptr<HttpPolicy>> chosen;
  for (const auto& [where, policy] : options.policies()) {
    if (policy == nullptr) throw ValidationError("policies", "a user policy is null");
    if (where == slot) chosen.push_back(policy);
  }
  return chosen;
}

// DESIGN.md's fixed order: client-request-id, user agent, per-call, retry, per-retry,
// authorization, logging, transport.
Pipeline buildPipeline(const ClientOptions& options) {
  std::vector<std::shared_ptr<HttpPolicy>> policies;
  policies.push_back(std::make_shared<ClientRequestIdPolicy>());
  policies.push_back(std::make_shared<UserAgentPolicy>(options.applicationId()));
  for (auto& policy : userPolicies(options, PolicySlot::PerCall)) policies.push_back(policy);
  policies.push_back(std::make_shared<RetryPolicy>(options.retry()));
  for (auto& policy : userPolicies(options, PolicySlot::PerRetry)) policies.push_back(policy);
  // App-only tokens are for the cloud's Graph resource, even when requests go to a custom root.
  const std::string scope = std::string(graphRoot(options.cloud())) + "/.default";
  policies.push_back(std::make_shared<AuthorizationPolicy>(options.credential(), scope));
  policies.push_back(std::make_shared<LoggingPolicy>(options.logger()));
  std::shared_ptr<HttpTransport> transport = options.transport();
  if (transport == nullptr) transport = std::make_shared<CurlTransport>(options.transportOptions());
  return Pipeline(std::move(policies), std::move(transport));
}

}  // namespace

ClientState::ClientState(ClientOptions options)
    : options_(std::move(options)),
      serviceRoot_(checkedRoot(options_) + "/" + std::string(toString(options_.apiVersion()))),
      pipeline_(buildPipeline(options_)) {}

}  // namespace msgraph::detail
