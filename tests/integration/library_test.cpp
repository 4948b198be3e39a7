// SPDX-License-Identifier: MIT
// The library against the local Graph emulator over HTTPS, TLS verification on, signed in with
// a client secret from the emulator's own token endpoint.
#include <catch2/catch.hpp>

#include <fstream>

#include "integration/emulator.hpp"
#include "support/error_of.hpp"

using testing_support::Emulator;
namespace models = msgraph::models;

namespace {

const std::string kPartner = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";

auto syncOf(const msgraph::GraphClient& client, const std::string& partner = kPartner) {
  return client.policies().crossTenantAccessPolicy().partners(partner).identitySynchronization();
}

models::IdentitySyncPolicyPartner seedPolicy() {
  models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  return policy;
}

template <typename T>
msgraph::ServiceError serviceError(const msgraph::Result<T>& result) {
  return msgraph_test::errorOf<msgraph::ServiceError>(result);
}

}  // namespace

TEST_CASE("set, get, update, get, remove: the cmdlet family end to end", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  const auto client = emulator.client();
  auto sync = syncOf(client);

  auto put = sync.put(seedPolicy()).execute();
  CHECK(put.status == 204);
  CHECK_FALSE(put.value.has_value());
  CHECK(put.headers.get("request-id").has_value());

  auto got = sync.get().execute();
  REQUIRE(got.value.has_value());
  CHECK(got.value->displayName.value() == "Fabrikam");
  CHECK(got.value->tenantId.value() == kPartner);
  CHECK(got.value->userSyncInbound->isSyncAllowed.value() == true);
  CHECK(got.value->additionalProperties.contains("@odata.context"));

  models::IdentitySyncPolicyPartner changes;
  changes.userSyncInbound.emplace().isSyncAllowed = false;
  CHECK(sync.patch(changes).execute().status == 204);
  got = sync.get().execute();
  CHECK(got.value->userSyncInbound->isSyncAllowed.value() == false);
  CHECK(got.value->displayName.value() == "Fabrikam");  // PATCH merges

  CHECK(sync.remove().execute().status == 204);
  CHECK(serviceError(sync.get().send()).status() == 404);
}

TEST_CASE("GET honours $select", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  const auto client = emulator.client();
  syncOf(client).put(seedPolicy()).execute();
  auto got = syncOf(client).get().select({"displayName"}).execute();
  REQUIRE(got.value.has_value());
  CHECK(got.value->displayName.value() == "Fabrikam");
  CHECK(got.value->userSyncInbound.isAbsent());
}

TEST_CASE("PATCH with null clears a property", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  const auto client = emulator.client();
  syncOf(client).put(seedPolicy()).execute();
  models::IdentitySyncPolicyPartner changes;
  changes.displayName = nullptr;
  syncOf(client).patch(changes).execute();
  auto got = syncOf(client).get().execute();
  CHECK_FALSE(got.value->displayName.hasValue());
}

TEST_CASE("the client-request-id is echoed in the response and in errors", "[integration]") {
  Emulator emulator;  // partners are not created on demand: 404
  const auto client = emulator.client();
  auto result = syncOf(client).get().header("client-request-id", "my-correlation-id").send();
  const auto error = serviceError(result);
  CHECK(error.status() == 404);
  CHECK(error.code() == "Request_ResourceNotFound");
  CHECK(error.clientRequestId() == "my-correlation-id");
  CHECK_FALSE(error.requestId().empty());
  CHECK_FALSE(error.date().empty());
}

TEST_CASE("bad bodies are 400s with Graph's error body", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  const auto client = emulator.client();
  SECTION("an unknown property on the closed type") {
    auto policy = seedPolicy();
    policy.additionalProperties.set("surprise", 1);
    const auto error = serviceError(syncOf(client).put(policy).send());
    CHECK(error.status() == 400);
    CHECK(error.message().find("surprise") != std::string::npos);
  }
  SECTION("a tenantId that differs from the path") {
    auto policy = seedPolicy();
    policy.tenantId = "00000000-0000-0000-0000-000000000000";
    CHECK(serviceError(syncOf(client).put(policy).send()).status() == 400);
  }
}

TEST_CASE("a PATCH of a policy that does not exist is a 404", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  CHECK(serviceError(syncOf(emulator.client()).patch(seedPolicy()).send()).status() == 404);
}

TEST_CASE("DELETE checks If-Match", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  const auto client = emulator.client();
  syncOf(client).put(seedPolicy()).execute();
  CHECK(serviceError(syncOf(client).remove().ifMatch("W/\"nope\"").send()).status() == 412);
  const auto response = syncOf(client).get().execute();
  const auto etag = response.headers.get("ETag");
  REQUIRE(etag.has_value());
  CHECK(syncOf(client).remove().ifMatch(std::string(*etag)).execute().status == 204);
}

TEST_CASE("partner ids with reserved characters stay one path segment", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  const auto client = emulator.client();
  for (const std::string id : {"a/b", "../x", "a?b#c", "%41", "sp ace"}) {
    syncOf(client, id).put(seedPolicy()).execute();
    CHECK(syncOf(client, id).get().execute().value->tenantId.value() == id);
  }
}

TEST_CASE("without a token Graph answers 401", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  msgraph::GraphClient anonymous{msgraph::ClientOptions{}
                                     .baseUrl(emulator.baseUrl())
                                     .transportOptions(emulator.transportOptions())};
  CHECK(serviceError(syncOf(anonymous).get().send()).status() == 401);
}

TEST_CASE("a wrong client secret is an AuthenticationError with the AADSTS code", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  msgraph::GraphClient client{
      msgraph::ClientOptions{}
          .baseUrl(emulator.baseUrl())
          .transportOptions(emulator.transportOptions())
          .credential(std::make_shared<msgraph::ClientSecretCredential>(
              "contoso.onmicrosoft.com", Emulator::kClientId, "wrong", emulator.tokenOptions()))};
  auto result = syncOf(client).get().send();
  REQUIRE_FALSE(result.ok());
  const auto& error = dynamic_cast<const msgraph::AuthenticationError&>(result.error());
  CHECK(error.error() == "invalid_client");
  CHECK(error.aadsts() == "AADSTS7000215");
  CHECK_FALSE(error.traceId().empty());
  CHECK(std::string(error.what()).find("wrong") == std::string::npos);
}

TEST_CASE("a server certificate from an unknown CA is refused", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  msgraph::CurlTransportOptions untrusting;
  untrusting.proxy = "";  // the system store does not know the emulator's CA
  msgraph::GraphClient client{
      msgraph::ClientOptions{}
          .baseUrl(emulator.baseUrl())
          .transportOptions(untrusting)
          .credential(std::make_shared<msgraph::StaticTokenCredential>("t"))};
  auto result = syncOf(client).get().send();
  REQUIRE_FALSE(result.ok());
  const auto* error = dynamic_cast<const msgraph::TransportError*>(&result.error());
  REQUIRE(error != nullptr);
  CHECK(error->kind() == msgraph::TransportError::Kind::Tls);
}

TEST_CASE("throttling and outages are retried until the call succeeds", "[integration]") {
  Emulator emulator({"--auto-create-partners", "--fault-429-every", "2", "--retry-after", "0.05"});
  const auto client = emulator.client();
  // One partner each: a second PUT of the same policy is a 409, as in Graph.
  for (int i = 0; i < 4; ++i) {
    CHECK(syncOf(client, "partner-" + std::to_string(i)).put(seedPolicy()).execute().status == 204);
  }
}

TEST_CASE("the beta API takes the beta properties", "[integration]") {
  Emulator emulator({"--auto-create-partners"});
  const auto client = emulator.client(msgraph::ApiVersion::Beta);
  auto policy = seedPolicy();
  policy.groupSyncInbound.emplace().isSyncAllowed = true;
  syncOf(client).put(policy).execute();
  auto got = syncOf(client).get().execute();
  CHECK(got.value->groupSyncInbound->isSyncAllowed.value() == true);
}

TEST_CASE("the data file keeps every acknowledged change across kill -9", "[integration]") {
  testing_support::TempDir dir;
  const std::string data = dir.path("state.json");
  {
    Emulator emulator({"--auto-create-partners"}, data);
    const auto client = emulator.client();
    for (int i = 0; i < 20; ++i) {
      auto policy = seedPolicy();
      policy.displayName = "Fabrikam " + std::to_string(i);
      syncOf(client, "partner-" + std::to_string(i)).put(policy).execute();
    }
    CHECK(emulator.daemon().stop(SIGKILL) == 128 + SIGKILL);
  }
  Emulator restarted({"--auto-create-partners"}, data);
  const auto client = restarted.client();
  for (int i = 0; i < 20; ++i) {
    auto got = syncOf(client, "partner-" + std::to_string(i)).get().execute();
    CHECK(got.value->displayName.value() == "Fabrikam " + std::to_string(i));
  }
}
