// SPDX-License-Identifier: MIT
#pragma once

// A msgraph::Fleet run against the emulator over HTTPS: the emulator, one async transport, one
// tenant (the harness's app in contoso). For the fleet tests and the fleet benchmarks.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "integration/emulator.hpp"
#include "msgraph/msgraph.hpp"

namespace testing_support {

/// Partner tenant id number `i`: a valid GUID, distinct for every `i` below 10^12.
inline std::string fleetPartnerId(std::size_t i) {
  char id[48];  // room for any size_t: the compiler checks the format's longest output
  std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012zu", i % 1000000000000);
  return id;
}

/// `count` partner ensures, each made when the fleet asks for it (nothing is held): partner `i`
/// (`fleetPartnerId`) with, unless `withPolicy` is false, the policy "Partner i".
struct FleetEnsureSource {
  std::size_t count;
  bool withPolicy = true;
  std::size_t next = 0;

  std::optional<msgraph::FleetItem> operator()() {
    if (next == count) return std::nullopt;
    msgraph::FleetItem item;
    item.partner.tenantId = fleetPartnerId(next);
    if (withPolicy) {
      msgraph::models::IdentitySyncPolicyPartner policy;
      policy.displayName = "Partner " + std::to_string(next);
      policy.userSyncInbound.emplace().isSyncAllowed = true;
      item.policy = std::move(policy);
    }
    item.tag = next++;
    return item;
  }
};

/// A run's world: the emulator started with `emulatorArgs`, one transport, one tenant whose
/// client retries as `retry` says; the options are the test's to set further.
struct FleetWorld {
  explicit FleetWorld(std::vector<std::string> emulatorArgs, msgraph::RetryOptions retry = {})
      : emulator(std::move(emulatorArgs)) {
    msgraph::CurlMultiTransportOptions transportOptions;
    transportOptions.caFile = emulator.caFile();
    transport = std::make_shared<msgraph::CurlMultiTransport>(transportOptions);
    auto tenant = std::make_shared<msgraph::FleetTenant>(msgraph::FleetTenant{
        msgraph::GraphClient{
            emulator.clientOptions().asyncTransport(transport).retry(std::move(retry))},
        Emulator::kClientId, "contoso.onmicrosoft.com"});
    options.transport = transport;
    options.tenant = [tenant](const std::string&) { return tenant; };
  }

  Emulator emulator;
  std::shared_ptr<msgraph::CurlMultiTransport> transport;
  msgraph::FleetOptions options;
};

}  // namespace testing_support
