#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "msgraph/json/json.hpp"

namespace emulator {

/// A stored identity synchronization policy: its properties as last written (without
/// `tenantId`, which always comes from the partner) and its ETag.
struct PolicyRecord {
  msgraph::JsonObject properties;
  std::string etag;
};

/// A partner configuration (`crossTenantAccessPolicyConfigurationPartner`) as created, and the
/// policy it contains, if any.
struct PartnerRecord {
  msgraph::JsonObject configuration;
  std::optional<PolicyRecord> policy;
};

/// An app registration the token endpoint accepts. A struct, not a bare secret, so that a
/// registered certificate can sit beside the secret.
struct AppRegistration {
  std::string clientSecret;
};

/// Everything the emulator keeps (and persists with `--data`). Issued tokens are not part of
/// it: they live only as long as the process.
struct State {
  std::map<std::string, PartnerRecord> partners;  // by partner tenant id
  std::map<std::string, AppRegistration> apps;    // by client id
  std::uint64_t etagCounter = 0;

  /// A new weak ETag, different from every earlier one (also across restarts with `--data`).
  std::string nextEtag() { return "W/\"" + std::to_string(++etagCounter) + "\""; }
};

}  // namespace emulator
