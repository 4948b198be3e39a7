// SPDX-License-Identifier: MIT
// Onboarding a partner tenant for cross-tenant synchronization (target-tenant side), the three
// calls of Microsoft's walk-through, made safe to run again and again: the partner configuration
// is created unless it exists, the policy is ensured, and automatic user consent is turned on.
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
    auto policies = client.policies().crossTenantAccessPolicy();
    const std::string source = argv[1];

    // 1. The partner configuration: POST, unless it is there (409).
    models::CrossTenantAccessPolicyConfigurationPartner partner;
    partner.tenantId = source;
    const auto created = policies.partners().create(partner).send();
    if (!created.ok()) {
      const auto* service = dynamic_cast<const msgraph::ServiceError*>(&created.error());
      if (service == nullptr || service->status() != 409) created.error().raise();
    }
    std::cout << "partner: " << (created.ok() ? "created" : "already there") << "\n";

    // 2. The identity synchronization policy, with the least write.
    models::IdentitySyncPolicyPartner desired;
    desired.displayName = "Fabrikam";
    desired.userSyncInbound.emplace().isSyncAllowed = true;
    const auto ensured =
        policies.partners(source).identitySynchronization().ensure(desired).execute();
    std::cout << "policy: " << nameOf(ensured.outcome) << "\n";

    // 3. Automatic user consent for users coming in from the partner.
    models::CrossTenantAccessPolicyConfigurationPartner consent;
    consent.automaticUserConsentSettings.emplace().inboundAllowed = true;
    policies.partners(source).patch(consent).execute();
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
