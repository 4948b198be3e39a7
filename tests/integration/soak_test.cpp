// SPDX-License-Identifier: MIT
// The same 200 operations against two emulators over HTTPS, one injecting faults into about
// 30% of Graph requests (503, 429 and dropped connections): the stored states must be equal,
// ETag counters included, so nothing was lost and nothing was applied twice.
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <sstream>

#include "integration/emulator.hpp"

using namespace std::chrono_literals;
using testing_support::Emulator;
namespace models = msgraph::models;

namespace {

constexpr int kOperations = 200;
constexpr int kPartners = 10;
// The tenant the harness's client signs in to: the data file keeps its policies under it.
constexpr const char* kTenant = "contoso.onmicrosoft.com";

enum class Verb { Put, Patch, Get, Remove };

struct Operation {
  Verb verb;
  std::string partner;
  std::string displayName;
  bool syncAllowed;
};

// What a partner's policy holds, as far as the script wrote it.
struct Expected {
  std::string displayName;
  bool syncAllowed;
};

// A fixed script: a GET, PATCH or DELETE of a policy that does not exist becomes a PUT, and a
// PUT of one that exists becomes a PATCH (Graph's PUT only creates: a second one is a 409), so
// that every operation is expected to succeed.
std::vector<Operation> script() {
  std::minstd_rand random(20261127);
  std::map<std::string, bool> exists;
  std::vector<Operation> operations;
  for (int i = 0; i < kOperations; ++i) {
    const std::string partner = "soak-partner-" + std::to_string(random() % kPartners);
    const auto pick = random() % 100;
    Verb verb = pick < 40   ? Verb::Put
                : pick < 65 ? Verb::Patch
                : pick < 85 ? Verb::Get
                            : Verb::Remove;
    if (!exists[partner]) verb = Verb::Put;
    if (exists[partner] && verb == Verb::Put) verb = Verb::Patch;
    exists[partner] = verb != Verb::Remove;
    operations.push_back({verb, partner, "Partner " + std::to_string(i), random() % 2 == 0});
  }
  return operations;
}

struct Figures {
  int calls = 0;
  int succeeded = 0;
  int attempts = 0;
  int faultedAttempts = 0;  // attempts answered 429/503 or with no response at all
};

// Runs the script; every GET must read what the script last wrote.
Figures run(const msgraph::GraphClient& client) {
  auto retry = msgraph::RetryOptions{};
  retry.maxRetries = 10;
  retry.baseDelay = 1ms;
  retry.maxDelay = 10ms;
  retry.retryPatch = true;  // each PATCH sets absolute values: sending it twice changes nothing
  Figures figures;
  std::map<std::string, Expected> expected;
  for (const Operation& op : script()) {
    auto sync =
        client.policies().crossTenantAccessPolicy().partners(op.partner).identitySynchronization();
    models::IdentitySyncPolicyPartner body;
    std::vector<msgraph::Attempt> attempts;
    bool ok = false;
    if (op.verb == Verb::Get) {
      auto result = sync.get().retry(retry).send();
      ok = result.ok() &&
           result.value().value->displayName.value() == expected[op.partner].displayName &&
           result.value().value->userSyncInbound->isSyncAllowed.value() ==
               expected[op.partner].syncAllowed;
      attempts = result.ok() ? result.value().attempts : result.error().attempts();
    } else if (op.verb == Verb::Remove) {
      auto result = sync.remove().retry(retry).send();
      ok = result.ok() && result.value().status == 204;
      attempts = result.ok() ? result.value().attempts : result.error().attempts();
      expected.erase(op.partner);
    } else {
      body.displayName = op.displayName;
      body.userSyncInbound.emplace().isSyncAllowed = op.syncAllowed;
      auto result = op.verb == Verb::Put ? sync.put(body).retry(retry).send()
                                         : sync.patch(body).retry(retry).send();
      ok = result.ok() && result.value().status == 204;
      attempts = result.ok() ? result.value().attempts : result.error().attempts();
      expected[op.partner] = {op.displayName, op.syncAllowed};
    }
    ++figures.calls;
    figures.succeeded += ok ? 1 : 0;
    figures.attempts += static_cast<int>(attempts.size());
    for (const auto& attempt : attempts) {
      const bool faulted = attempt.status == 0 || attempt.status == 429 || attempt.status == 503;
      figures.faultedAttempts += faulted ? 1 : 0;
    }
  }
  return figures;
}

msgraph::Json stored(const std::string& dataFile) {
  std::ifstream in(dataFile);
  std::stringstream text;
  text << in.rdbuf();
  return msgraph::Json::parse(text.str());
}

// Partners stored differently (or only in one state), plus one if the ETag counters differ: a
// write applied twice advances the counter even when it leaves the same properties.
int differences(const msgraph::Json& a, const msgraph::Json& b) {
  const auto& partnersA = a.find("policies")->find(kTenant)->find("partners")->asObject();
  const auto& partnersB = b.find("policies")->find(kTenant)->find("partners")->asObject();
  int diffs = *a.find("etagCounter") == *b.find("etagCounter") ? 0 : 1;
  for (const auto& [id, record] : partnersA) {
    const msgraph::Json* other = partnersB.find(id);
    diffs += other != nullptr && *other == record ? 0 : 1;
  }
  for (const auto& entry : partnersB) diffs += partnersA.contains(entry.first) ? 0 : 1;
  return diffs;
}

std::int64_t faultsInjected(const Emulator& emulator) {
  const msgraph::Json stats = emulator.stats();  // kept alive for the loop below
  std::int64_t total = 0;
  for (const auto& fault : stats.find("faults")->asObject()) {
    total += fault.second.asInt();
  }
  return total;
}

}  // namespace

TEST_CASE("200 operations under 30% injected faults leave the state a fault-free run leaves",
          "[integration][soak]") {
  testing_support::TempDir dir;
  const std::string cleanData = dir.path("clean.json");
  const std::string faultyData = dir.path("faulty.json");
  {
    Emulator clean({"--auto-create-partners"}, cleanData);
    const Figures figures = run(clean.client());
    CHECK(figures.succeeded == kOperations);
    CHECK(figures.faultedAttempts == 0);
  }
  Emulator faulty({"--auto-create-partners", "--fault-503-every", "5", "--fault-429-every", "11",
                   "--fault-drop-every", "13", "--retry-after", "0.01"},
                  faultyData);
  const Figures figures = run(faulty.client());
  const std::int64_t injected = faultsInjected(faulty);
  const int diffs = differences(stored(cleanData), stored(faultyData));
  std::cout << "soak: operations=" << figures.calls << " succeeded=" << figures.succeeded
            << " attempts=" << figures.attempts << " faults_injected=" << injected
            << " faulted_attempts_seen=" << figures.faultedAttempts << " state_diffs=" << diffs
            << "\n";
  CHECK(figures.succeeded == kOperations);
  CHECK(injected == figures.faultedAttempts);
  CHECK(injected * 100 >= figures.attempts * 25);  // about 30% of Graph requests, not a handful
  CHECK(diffs == 0);
}
