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
          "[wire][threads]") {
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

TEST_CASE("a PUT retried after an unanswered attempt says the 409 may be its own write", "[wire]") {
  SECTION("the first attempt is read and left unanswered, the retry gets 409") {
    HostileServer server([](const WireRequest& request) {
      if (request.index == 0) return Reply::closeUnanswered();  // applied, then dropped
      return Reply::answer(409, kConflict, {{"Content-Type", "application/json"}});
    });
    const auto client = clientOf(server);

    const auto put = syncOf(client).put(fabrikam()).send();

    const auto error = errorOf<msgraph::ServiceError>(put);
    CHECK(error.status() == 409);
    CHECK(error.code() == "Request_MultipleObjectsWithSameKeyValue");
    CHECK(error.earlierAttemptMayHaveApplied());
    CHECK_THAT(error.what(), Catch::Contains("an earlier attempt of this call may have been "
                                             "applied"));
    REQUIRE(error.attempts().size() == 2);
    CHECK(error.attempts()[0].status == 0);
    CHECK_FALSE(error.attempts()[0].error.empty());
    CHECK(error.attempts()[1].status == 409);
    const auto wire = server.requests();
    REQUIRE(methodsOf(wire) == Methods{"PUT", "PUT"});
    CHECK(wire[0].body == wire[1].body);
    CHECK(wire[1].header("Retry-Attempt") == "1");
  }
  SECTION("a 409 on the first attempt is only a conflict") {
    HostileServer server([](const WireRequest&) {
      return Reply::answer(409, kConflict, {{"Content-Type", "application/json"}});
    });
    const auto error =
        errorOf<msgraph::ServiceError>(syncOf(clientOf(server)).put(fabrikam()).send());
    CHECK_FALSE(error.earlierAttemptMayHaveApplied());
    CHECK_THAT(error.what(), !Catch::Contains("earlier attempt"));
    CHECK(server.requests().size() == 1);
  }
  SECTION("after a 429, which says the first was not processed, a 409 is only a conflict") {
    HostileServer server([](const WireRequest& request) {
      if (request.index == 0) return Reply::answer(429, {}, {{"Retry-After", "0"}});
      return Reply::answer(409, kConflict, {{"Content-Type", "application/json"}});
    });
    const auto error =
        errorOf<msgraph::ServiceError>(syncOf(clientOf(server)).put(fabrikam()).send());
    CHECK_FALSE(error.earlierAttemptMayHaveApplied());
    CHECK(error.attempts().size() == 2);
  }
}

TEST_CASE("ensure whose PUT was applied unanswered re-reads after the 409 and succeeds", "[wire]") {
  HostileServer server([](const WireRequest& request) {
    switch (request.index) {
      case 0:
        return Reply::answer(404, R"({"error":{"code":"Request_ResourceNotFound","message":"x"}})",
                             {{"Content-Type", "application/json"}});
      case 1:
        return Reply::closeUnanswered();  // the PUT, on the kept-alive connection
      case 2:
        return Reply::answer(409, kConflict, {{"Content-Type", "application/json"}});
      default:
        return Reply::answer(200, kPolicyJson, {{"Content-Type", "application/json"}});
    }
  });
  const auto client = clientOf(server);

  const auto ensured = syncOf(client).ensure(fabrikam()).execute();

  CHECK(ensured.outcome == msgraph::EnsureOutcome::Unchanged);  // as the re-read found it
  std::vector<int> statuses;
  for (const auto& attempt : ensured.attempts) statuses.push_back(attempt.status);
  CHECK(statuses == std::vector<int>{404, 0, 409, 200});
  CHECK(methodsOf(server.requests()) == Methods{"GET", "PUT", "PUT", "GET"});
}

TEST_CASE("a throttled PATCH is retried by default: 429, and 503 with Retry-After", "[wire]") {
  const int status = GENERATE(429, 503);
  HostileServer server([status](const WireRequest& request) {
    if (request.index == 0) return Reply::answer(status, {}, {{"Retry-After", "0"}});
    return Reply::answer(204);
  });

  const auto patched = syncOf(clientOf(server)).patch(fabrikam()).execute();

  CHECK(patched.status == 204);
  REQUIRE(patched.attempts.size() == 2);
  CHECK(patched.attempts[0].status == status);
  const auto wire = server.requests();
  REQUIRE(methodsOf(wire) == Methods{"PATCH", "PATCH"});
  CHECK(wire[1].header("Retry-Attempt") == "1");
}

TEST_CASE("a PATCH answered 504, or 503 without Retry-After, is retried only with retryPatch",
          "[wire]") {
  const int status = GENERATE(504, 503);
  const bool retryPatch = GENERATE(false, true);
  HostileServer server([status](const WireRequest& request) {
    if (request.index == 0) return Reply::answer(status);
    return Reply::answer(204);
  });

  const auto patched = syncOf(clientOf(server, retryPatch)).patch(fabrikam()).send();

  if (retryPatch) {
    REQUIRE(patched.ok());
    CHECK(patched.value().attempts.size() == 2);
    CHECK(methodsOf(server.requests()) == Methods{"PATCH", "PATCH"});
  } else {
    CHECK(errorOf<msgraph::ServiceError>(patched).status() == status);
    CHECK(methodsOf(server.requests()) == Methods{"PATCH"});
  }
}
