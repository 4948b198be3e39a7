// SPDX-License-Identifier: MIT
// Onboarding a partner tenant for cross-tenant synchronization (target-tenant side), the three
// calls of Microsoft's walk-through as one partner ensure, safe to run again and again: the
// partner configuration is created unless it exists, automatic user consent is turned on, and
// the policy is ensured, each written only if it differs.
//
// Usage: onboard_partner SOURCE_TENANT_ID [SERVICE_ROOT [CA_FILE]]
// The bearer token comes from the MSGRAPH_ACCESS_TOKEN environment variable (never argv).
#include <cstdlib>
#include <iostream>
#include <memory>

#include "msgraph/msgraph.hpp"

namespace models = msgraph::models;

namespace {

const char* nameOf(msgraph::EnsureOutcome outcome) {
  switch (outcome) {
    case msgraph::EnsureOutcome::Unchanged:
      return "unchanged";
    case msgraph::EnsureOutcome::Created:
      return "created";
    case msgraph::EnsureOutcome::Updated:
      return "updated";
    case msgraph::EnsureOutcome::Declined:
      return "declined";
  }
  return "?";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: onboard_partner SOURCE_TENANT_ID [SERVICE_ROOT [CA_FILE]]\n";
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
    const msgraph::GraphClient client{options};
    // The three calls of the walk-through in one, each made only if needed: the partner
    // configuration is created (POST) unless it exists, its automatic user consent is patched
    // only if it differs, and the policy is put or patched only where it differs.
    models::CrossTenantAccessPolicyConfigurationPartner partner;
    partner.tenantId = argv[1];
    partner.automaticUserConsentSettings.emplace().inboundAllowed = true;
    models::IdentitySyncPolicyPartner desired;
    desired.displayName = "Fabrikam";
    desired.userSyncInbound.emplace().isSyncAllowed = true;
    const auto ensured =
        client.policies().crossTenantAccessPolicy().partners().ensure(partner, desired).execute();
    std::cout << "partner: " << (ensured.partnerCreated ? "created" : "already there") << "\n";
    std::cout << "policy: " << nameOf(ensured.outcome) << "\n";
    std::cout << "inbound user consent: on\n";
    return 0;
  } catch (const msgraph::ServiceError& e) {
    std::cerr << e.what() << "\n";
    return 1;
  } catch (const msgraph::Error& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}
