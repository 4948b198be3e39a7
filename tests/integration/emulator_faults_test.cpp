// SPDX-License-Identifier: MIT
// The emulator's fault that stands for a lost answer to an applied write.
#include <catch2/catch.hpp>

#include "integration/raw_graph.hpp"

using testing_support::Emulator;
using testing_support::RawGraph;

namespace {

const std::string kPolicyPath =
    "/v1.0/policies/crossTenantAccessPolicy/partners/9c5d131d-b1c3-4fc4-9e3f-c6557947d551/"
    "identitySynchronization";
const std::string kOtherPolicyPath =
    "/v1.0/policies/crossTenantAccessPolicy/partners/6b1e4f0a-0c55-4f7e-9a51-1d2c3b4a5f60/"
    "identitySynchronization";

std::int64_t faultCount(const msgraph::Json& stats, std::string_view fault) {
  const msgraph::Json* faults = stats.find("faults");
  REQUIRE(faults != nullptr);
  const msgraph::Json* value = faults->find(fault);
  REQUIRE(value != nullptr);
  return value->asInt();
}

}  // namespace

TEST_CASE("emulator: the drop-after-apply fault applies the write, then drops the connection",
          "[integration][emulator]") {
  Emulator emulator({"--auto-create-partners", "--fault-drop-after-apply-every", "3"});
  RawGraph graph(emulator);
  const std::string body = R"({"displayName":"Fabrikam"})";
  CHECK(graph.send(msgraph::HttpMethod::Put, kOtherPolicyPath, body).status == 204);  // 1
  CHECK(graph.send(msgraph::HttpMethod::Get, kOtherPolicyPath).status == 200);        // 2
  try {
    graph.send(msgraph::HttpMethod::Put, kPolicyPath, body);  // 3: applied, then dropped
    FAIL("the faulted PUT got a response");
  } catch (const msgraph::TransportError& e) {
    CHECK_FALSE(e.gotResponse());
  }
  const msgraph::HttpResponse stored = graph.send(msgraph::HttpMethod::Get, kPolicyPath);  // 4
  CHECK(stored.status == 200);
  CHECK(msgraph::Json::parse(stored.body).find("displayName")->asString() == "Fabrikam");
  // The same PUT again, as a retry sends it: Graph's answer to a PUT of a policy that exists.
  const msgraph::HttpResponse retried = graph.send(msgraph::HttpMethod::Put, kPolicyPath, body);
  CHECK(retried.status == 409);  // 5
  CHECK(retried.body.find("Request_MultipleObjectsWithSameKeyValue") != std::string::npos);

  const msgraph::Json stats = emulator.stats();
  CHECK(stats.find("graphRequests")->asInt() == 5);
  CHECK(faultCount(stats, "dropAfterApply") == 1);
  CHECK(faultCount(stats, "drop") == 0);
}
