// SPDX-License-Identifier: MIT
// The library's partner workflow against the emulator over HTTPS: ensure (with the races of a
// second writer injected at the moment ensure is about to write) and partner pages.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "integration/emulator.hpp"
#include "support/error_of.hpp"

using msgraph::EnsureOutcome;
using testing_support::Emulator;
namespace models = msgraph::models;

namespace {

const std::string kPartner = "7d3e1f40-2c9a-4b6e-8f15-0a9b8c7d6e5f";

auto syncOf(const msgraph::GraphClient& client, const std::string& partner = kPartner) {
  return client.policies().crossTenantAccessPolicy().partners(partner).identitySynchronization();
}

models::IdentitySyncPolicyPartner policyNamed(const std::string& name, bool allowed = true) {
  models::IdentitySyncPolicyPartner policy;
  policy.displayName = name;
  policy.userSyncInbound.emplace().isSyncAllowed = allowed;
  return policy;
}

std::string etagOf(const msgraph::GraphClient& client) {
  return std::string(syncOf(client).get().execute().headers.get("ETag").value_or(""));
}

msgraph::RetryOptions noRetries() {
  msgraph::RetryOptions options;
  options.maxRetries = 0;
  return options;
}

}  // namespace

TEST_CASE("ensure against the emulator: create, leave alone, patch only what differs",
          "[integration][ensure]") {
  Emulator emulator({"--auto-create-partners"});
  // The requests as sent, from the library's Verbose log (secrets redacted).
  std::vector<std::string> sent;
  const msgraph::GraphClient client(
      emulator.clientOptions().logger([&sent](msgraph::LogLevel level, std::string_view message) {
        if (level == msgraph::LogLevel::Verbose) sent.emplace_back(message);
      }));
  const auto writes = [&emulator] { return emulator.stats().find("writes")->asInt(); };

  const auto created = syncOf(client).ensure(policyNamed("Fabrikam")).execute();
  CHECK(created.outcome == EnsureOutcome::Created);
  const std::string etag = etagOf(client);
  const auto writesBefore = writes();

  const auto again = syncOf(client).ensure(policyNamed("Fabrikam")).execute();
  CHECK(again.outcome == EnsureOutcome::Unchanged);
  CHECK(again.attempts.size() == 1);  // the read, no write
  CHECK(etagOf(client) == etag);      // nothing was written:
  CHECK(writes() == writesBefore);    // the emulator's state did not change

  sent.clear();
  const auto updated = syncOf(client).ensure(policyNamed("Fabrikam", false)).execute();
  CHECK(updated.outcome == EnsureOutcome::Updated);
  CHECK(updated.changed == std::vector<std::string>{"/userSyncInbound/isSyncAllowed"});
  CHECK(writes() == writesBefore + 1);
  // The PATCH carried only the key that differed, not displayName.
  REQUIRE(sent.size() == 2);  // the read, then the PATCH
  CHECK(sent[1].rfind("request: PATCH ", 0) == 0);
  CHECK(sent[1].substr(sent[1].find("\n\n") + 2) ==
        R"({"userSyncInbound":{"isSyncAllowed":false}})");
  const auto now = syncOf(client).get().execute();
  CHECK(now.value->displayName == "Fabrikam");
  CHECK(now.value->userSyncInbound->isSyncAllowed == false);
}

TEST_CASE("ensure recovers from a second writer's PUT and DELETE", "[integration][ensure]") {
  Emulator emulator({"--auto-create-partners"});
  const auto client = emulator.client();
  const auto other = emulator.client();  // a second job, racing this one

  SECTION("created meanwhile: ensure's PUT gets Graph's 409, then it reads and patches") {
    bool raced = false;
    const auto result = syncOf(client)
                            .ensure(policyNamed("Ours"))
                            .confirm([&](const msgraph::HttpRequest& write) {
                              if (!raced && write.method == msgraph::HttpMethod::Put) {
                                raced = true;
                                syncOf(other).put(policyNamed("Theirs")).execute();
                              }
                              return true;
                            })
                            .execute();
    CHECK(raced);
    CHECK(result.outcome == EnsureOutcome::Updated);
    REQUIRE(result.attempts.size() == 4);  // GET 404, PUT 409, GET 200, PATCH 204
    CHECK(result.attempts[1].status == 409);
    CHECK(syncOf(client).get().execute().value->displayName == "Ours");
  }
  SECTION("deleted meanwhile: ensure's PATCH gets 404, then it reads and puts") {
    syncOf(client).put(policyNamed("Old")).execute();
    bool raced = false;
    const auto result = syncOf(client)
                            .ensure(policyNamed("New"))
                            .confirm([&](const msgraph::HttpRequest& write) {
                              if (!raced && write.method == msgraph::HttpMethod::Patch) {
                                raced = true;
                                syncOf(other).remove().execute();
                              }
                              return true;
                            })
                            .execute();
    CHECK(raced);
    CHECK(result.outcome == EnsureOutcome::Created);
    CHECK(syncOf(client).get().execute().value->displayName == "New");
  }
}

TEST_CASE("ensure under 429s and 503s never writes over an existing policy",
          "[integration][ensure]") {
  const std::string fault = GENERATE(std::string("--fault-429-every"), "--fault-503-every");
  INFO(fault);
  // Every second request fails: the setup PUT passes, ensure's read gets the fault.
  Emulator emulator({"--auto-create-partners", fault, "2"});
  const auto client = emulator.client();
  syncOf(client).put(policyNamed("Existing")).execute();
  const auto result = syncOf(client).ensure(policyNamed("Other")).retry(noRetries()).send();
  const auto error = msgraph_test::errorOf<msgraph::ServiceError>(result);
  CHECK(error.status() == (fault == "--fault-429-every" ? 429 : 503));
  CHECK(error.attempts().size() == 1);  // no PUT on a guess
  CHECK(syncOf(client).get().execute().value->displayName == "Existing");
}

TEST_CASE("partner pages through the library: create, list lazily, expanded policies",
          "[integration][partners]") {
  Emulator emulator;
  const auto client = emulator.client();
  auto partners = client.policies().crossTenantAccessPolicy().partners();
  std::set<std::string> created;
  for (int i = 0; i < 90; ++i) {
    models::CrossTenantAccessPolicyConfigurationPartner partner;
    partner.tenantId = "partner-" + std::to_string(1000 + i);
    const auto answer = partners.create(partner).execute();
    CHECK(answer.status == 201);
    created.insert(*partner.tenantId);
  }
  syncOf(client, "partner-1000").put(policyNamed("With policy")).execute();

  std::set<std::string> seen;
  int pageCount = 0;
  auto pages = partners.list().top(40).expand({"identitySynchronization"}).pages();
  while (pages.hasNext()) {
    auto page = pages.next();
    REQUIRE(page.ok());
    ++pageCount;
    for (const auto& partner : page.value().value->value) {
      CHECK(seen.insert(*partner.tenantId).second);  // never twice
      if (*partner.tenantId == "partner-1000") {
        CHECK(partner.identitySynchronization->displayName == "With policy");
      } else {
        CHECK(partner.identitySynchronization.isNull());
      }
    }
  }
  CHECK(pageCount == 3);
  CHECK(seen == created);

  models::CrossTenantAccessPolicyConfigurationPartner again;
  again.tenantId = "partner-1000";
  const auto duplicate =
      msgraph_test::errorOf<msgraph::ServiceError>(partners.create(again).send());
  CHECK(duplicate.status() == 409);
  CHECK(duplicate.code() == "Request_MultipleObjectsWithSameKeyValue");

  models::CrossTenantAccessPolicyConfigurationPartner consent;
  consent.automaticUserConsentSettings.emplace().inboundAllowed = true;
  auto partner = client.policies().crossTenantAccessPolicy().partners("partner-1001");
  CHECK(partner.patch(consent).execute().status == 204);
  const auto read = partner.get().execute();
  CHECK(read.value->automaticUserConsentSettings->inboundAllowed == true);
  CHECK(partner.remove().execute().status == 204);
}

TEST_CASE("partner ensure onboards a partner in one call, then finds nothing to do",
          "[integration][ensure]") {
  Emulator emulator;  // no partner exists until ensure creates it
  const auto client = emulator.client();
  auto partners = client.policies().crossTenantAccessPolicy().partners();
  models::CrossTenantAccessPolicyConfigurationPartner partner;
  partner.tenantId = kPartner;
  partner.automaticUserConsentSettings.emplace().inboundAllowed = true;

  const auto first = partners.ensure(partner, policyNamed("Fabrikam")).execute();
  CHECK(first.partnerCreated);
  CHECK(first.outcome == EnsureOutcome::Created);

  const auto second = partners.ensure(partner, policyNamed("Fabrikam")).execute();
  CHECK_FALSE(second.partnerCreated);
  CHECK(second.partnerChanged.empty());
  CHECK(second.outcome == EnsureOutcome::Unchanged);
  CHECK(second.attempts.size() == 2);  // two reads, no write

  partner.automaticUserConsentSettings->inboundAllowed = false;
  const auto third = partners.ensure(partner, policyNamed("Fabrikam")).execute();
  CHECK(third.partnerChanged ==
        std::vector<std::string>{"/automaticUserConsentSettings/inboundAllowed"});
  const auto read = client.policies().crossTenantAccessPolicy().partners(kPartner).get().execute();
  CHECK(read.value->automaticUserConsentSettings->inboundAllowed == false);
}
