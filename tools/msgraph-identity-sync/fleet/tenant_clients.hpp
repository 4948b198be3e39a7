// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "arguments.hpp"
#include "fleet/desired_state.hpp"
#include "msgraph/client/graph_client.hpp"
#include "msgraph/http/async_http_transport.hpp"

namespace msgraph_cli::fleet {

/// The sign-in of the command line: its tenant and whether it has app credentials.
SignIn signInOf(const Arguments& args);

/// One client per tenant, made when first asked for and then reused (its connections and its
/// token with it): the same app (--client-id with its secret or certificate) signs in to each
/// tenant; "" is the signed-in tenant (--tenant, or the bearer token's).
class TenantClients {
 public:
  /// Clients built as `makeClient(args, async)` builds one; `args` must outlive this.
  explicit TenantClients(const Arguments& args,
                         std::shared_ptr<msgraph::AsyncHttpTransport> async = nullptr)
      : args_(args), async_(std::move(async)) {}

  /// The client of `tenant`.
  /// @throws what makeClient throws.
  msgraph::GraphClient client(const std::string& tenant);

 private:
  const Arguments& args_;
  std::shared_ptr<msgraph::AsyncHttpTransport> async_;
  std::vector<std::pair<std::string, msgraph::GraphClient>> clients_;
};

}  // namespace msgraph_cli::fleet
