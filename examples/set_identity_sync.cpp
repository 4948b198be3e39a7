// SPDX-License-Identifier: MIT
// The cmdlet's EXAMPLE 1 in C++:
//
//   $params = @{ displayName = "Fabrikam"; userSyncInbound = @{ isSyncAllowed = $true } }
//   Set-MgPolicyCrossTenantAccessPolicyPartnerIdentitySynchronization `
//       -CrossTenantAccessPolicyConfigurationPartnerTenantId $partnerTenantId -BodyParameter
//       $params
//
// Usage: set_identity_sync PARTNER_TENANT_ID [SERVICE_ROOT [CA_FILE]]
// The bearer token comes from the MSGRAPH_ACCESS_TOKEN environment variable (never argv).
#include <cstdlib>
#include <iostream>
#include <memory>

#include "msgraph/msgraph.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: set_identity_sync PARTNER_TENANT_ID [SERVICE_ROOT [CA_FILE]]\n";
    return 2;
  }
  const char* token = std::getenv("MSGRAPH_ACCESS_TOKEN");
  if (token == nullptr || *token == '\0') {
    std::cerr << "set MSGRAPH_ACCESS_TOKEN to a Graph access token\n";
    return 2;
  }
  try {
    msgraph::ClientOptions options;
    options.credential(std::make_shared<msgraph::StaticTokenCredential>(token));
    if (argc > 2) options.baseUrl(argv[2]);  // e.g. the local emulator
    if (argc > 3) {
      msgraph::CurlTransportOptions transport;
      transport.caFile = argv[3];
      options.transportOptions(transport);
    }
    msgraph::GraphClient client{options};

    msgraph::models::UserSyncInbound inbound;
    inbound.isSyncAllowed = true;
    msgraph::models::IdentitySyncPolicyPartner policy;
    policy.displayName = "Fabrikam";
    policy.userSyncInbound = inbound;

    auto response = client.policies()
                        .crossTenantAccessPolicy()
                        .partners(argv[1])
                        .identitySynchronization()
                        .put(policy)
                        .execute();
    std::cout << "HTTP " << response.status << ", request-id "
              << response.headers.get("request-id").value_or("(none)") << "\n";
    return 0;
  } catch (const msgraph::ServiceError& e) {
    std::cerr << e.what() << "\n";
    return 1;
  } catch (const msgraph::Error& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}
