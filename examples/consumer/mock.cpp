// SPDX-License-Identifier: MIT
// Links msgraph::testing from an installed package: sends one PATCH to a MockTransport.
#include <iostream>
#include <memory>

#include "msgraph/msgraph.hpp"
#include "msgraph/testing/mock_transport.hpp"

int main() {
  auto mock = std::make_shared<msgraph::testing::MockTransport>();
  mock->enqueue(204);
  msgraph::GraphClient client{msgraph::ClientOptions{}.transport(mock)};
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  const bool ok = client.policies()
                      .crossTenantAccessPolicy()
                      .partners("partner-1")
                      .identitySynchronization()
                      .patch(policy)
                      .send()
                      .ok();
  std::cout << "mock: " << (ok ? "sent " : "failed ") << mock->lastRequest().body << "\n";
  return ok ? 0 : 1;
}
