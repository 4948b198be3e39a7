// SPDX-License-Identifier: MIT
#include "fleet/tenant_clients.hpp"

#include "client_factory.hpp"

namespace msgraph_cli::fleet {

SignIn signInOf(const Arguments& args) {
  return SignIn{args.raw.tenant.value_or(""), args.raw.clientId.has_value()};
}

msgraph::GraphClient TenantClients::client(const std::string& tenant) {
  for (const auto& [name, client] : clients_) {
    if (name == tenant) return client;
  }
  if (tenant.empty()) return clients_.emplace_back(tenant, makeClient(args_, async_)).second;
  Arguments forTenant = args_;  // the same options, the app signed in to another tenant
  forTenant.raw.tenant = tenant;
  return clients_.emplace_back(tenant, makeClient(forTenant, async_)).second;
}

}  // namespace msgraph_cli::fleet
