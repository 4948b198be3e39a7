// SPDX-License-Identifier: MIT
// Builds against an installed msgraph and prints the request it would send.
#include <iostream>

#include "msgraph/msgraph.hpp"

int main() {
  msgraph::GraphClient client;
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  auto preview = client.policies()
                     .crossTenantAccessPolicy()
                     .partners("90e29127-71ad-49c7-9ce8-db3f41ea06f1")
                     .identitySynchronization()
                     .put(policy)
                     .whatIf();
  std::cout << "msgraph " << MSGRAPH_VERSION_STRING << ": " << preview.toDisplayString() << "\n";
  return 0;
}
