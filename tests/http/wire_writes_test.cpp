// SPDX-License-Identifier: MIT
// Writes on the wire against a hostile server: every request that goes out is an attempt in the
// record, libcurl never sends one again on its own, and a create that finds its own earlier,
// unanswered attempt applied says so.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "msgraph/msgraph.hpp"
#include "support/error_of.hpp"
#include "support/hostile_server.hpp"

namespace {

using msgraph_test::errorOf;
using msgraph_test::HostileServer;
using msgraph_test::Reply;
using msgraph_test::WireRequest;

const std::string kPartner = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";
const std::string kPolicyPath =
    "/v1.0/policies/crossTenantAccessPolicy/partners/" + kPartner + "/identitySynchronization";
const std::string kPolicyJson =
    R"({"tenantId":")" + kPartner +
    R"(","displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})";
const std::string kConflict =
    R"({"error":{"code":"Request_MultipleObjectsWithSameKeyValue","message":"A conflicting )"
    R"(object with one or more of the specified property values is present in the directory."}})";

// Retries at once: the tests observe attempts, not waits.
msgraph::RetryOptions noWaits(bool retryPatch = false) {
  msgraph::RetryOptions retry;
  retry.sleeper = [](std::chrono::milliseconds) {};
  retry.retryPatch = retryPatch;
  return retry;
}

msgraph::GraphClient clientOf(const HostileServer& server, bool retryPatch = false) {
  return msgraph::GraphClient{
      msgraph::ClientOptions{}.baseUrl(server.baseUrl()).retry(noWaits(retryPatch))};
}

auto syncOf(const msgraph::GraphClient& client) {
  return client.policies().crossTenantAccessPolicy().partners(kPartner).identitySynchronization();
}

msgraph::models::IdentitySyncPolicyPartner fabrikam() {
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  return policy;
}

// The first request of each connection is answered (a GET with the policy, a write with 204);
// any later one on the same connection is read and left unanswered, the connection closed.
Reply answerFirstOfEachConnection(const WireRequest& request) {
  if (request.onConnection > 0) return Reply::closeUnanswered();
  if (request.method == "GET") {
    return Reply::answer(200, kPolicyJson, {{"Content-Type", "application/json"}});
  }
  return Reply::answer(204);
}

std::vector<std::string> methodsOf(const std::vector<WireRequest>& requests) {
  std::vector<std::string> methods;
  for (const auto& request : requests) methods.push_back(request.method);
  return methods;
}

using Methods = std::vector<std::string>;

}  // namespace

TEST_CASE("a PATCH whose kept-alive connection closes unanswered goes out once, as recorded",
          "[wire]") {
  HostileServer server(answerFirstOfEachConnection);
  const auto client = clientOf(server);
  REQUIRE(syncOf(client).get().execute().status == 200);

  const auto patched = syncOf(client).patch(fabrikam()).send();

  CHECK(methodsOf(server.requests()) == Methods{"GET", "PATCH"});
  const auto error = errorOf<msgraph::TransportError>(patched);
  CHECK(error.kind() == msgraph::TransportError::Kind::Receive);
  CHECK_FALSE(error.gotResponse());
  CHECK_THAT(error.what(), Catch::Contains("closed the connection without answering") &&
                               Catch::Contains("not sent again"));
  REQUIRE(error.attempts().size() == 1);
  CHECK(error.attempts()[0].status == 0);
}

TEST_CASE("with retryPatch, the retry policy sends the PATCH again, and the record shows both",
          "[wire]") {
  HostileServer server(answerFirstOfEachConnection);
  const auto client = clientOf(server, /*retryPatch=*/true);
  REQUIRE(syncOf(client).get().execute().status == 200);

  const auto patched = syncOf(client).patch(fabrikam()).execute();

  CHECK(patched.status == 204);
  REQUIRE(patched.attempts.size() == 2);
  CHECK(patched.attempts[0].status == 0);
  CHECK_THAT(patched.attempts[0].error, Catch::Contains("closed the connection without answering"));
  CHECK(patched.attempts[1].status == 204);
  const auto wire = server.requests();
  REQUIRE(methodsOf(wire) == Methods{"GET", "PATCH", "PATCH"});
  CHECK(wire[1].body == wire[2].body);
  CHECK_FALSE(wire[1].header("Retry-Attempt").has_value());
  CHECK(wire[2].header("Retry-Attempt") == "1");
  CHECK(wire[2].onConnection == 0);  // on a new connection
}

TEST_CASE("a GET whose kept-alive connection closes unanswered is retried, and recorded twice",
          "[wire]") {
  HostileServer server(answerFirstOfEachConnection);
  const auto client = clientOf(server);
  REQUIRE(syncOf(client).get().execute().status == 200);

  const auto got = syncOf(client).get().execute();

  CHECK(got.status == 200);
  REQUIRE(got.attempts.size() == 2);
  CHECK(got.attempts[0].status == 0);
  CHECK(got.attempts[1].status == 200);
  const auto wire = server.requests();
  REQUIRE(methodsOf(wire) == Methods{"GET", "GET", "GET"});
  CHECK(wire[2].header("Retry-Attempt") == "1");
}
