// SPDX-License-Identifier: MIT
// -WhatIf in C++: prepare the Set- request and print exactly what would be sent. Nothing goes
// on the wire and no token is requested, so this runs anywhere.
//
// Usage: what_if PARTNER_TENANT_ID
#include <iostream>
#include <memory>

#include "msgraph/msgraph.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: what_if PARTNER_TENANT_ID\n";
    return 2;
  }
  msgraph::GraphClient client{msgraph::ClientOptions{}.credential(
      std::make_shared<msgraph::StaticTokenCredential>("not-a-real-token"))};

  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  policy.userSyncInbound.emplace().isSyncAllowed = true;

  try {
    msgraph::HttpRequest preview = client.policies()
                                       .crossTenantAccessPolicy()
                                       .partners(argv[1])
                                       .identitySynchronization()
                                       .put(policy)
                                       .header("x-custom", "1")
                                       .whatIf();
    std::cout << "What if: Performing the operation \"PUT identitySynchronization\" on target \""
              << argv[1] << "\".\n"
              << preview.toDisplayString() << "\n";
    return 0;
  } catch (const msgraph::ValidationError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}
