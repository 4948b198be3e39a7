// SPDX-License-Identifier: MIT
// The store changes its state in place and undoes a change whose data file cannot be written:
// nothing unsaved is acknowledged, and the state (ETag counter included) is as it was.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "integration/emulator.hpp"
#include "integration/raw_graph.hpp"

using msgraph::HttpMethod;
using msgraph::Json;
using testing_support::Emulator;
using testing_support::RawGraph;
namespace fs = std::filesystem;

namespace {

const std::string kPartners = "/v1.0/policies/crossTenantAccessPolicy/partners";

std::string policyPath(const std::string& partner) {
  return kPartners + "/" + partner + "/identitySynchronization";
}

std::string displayNameOf(RawGraph& graph, const std::string& partner) {
  const msgraph::HttpResponse response = graph.send(HttpMethod::Get, policyPath(partner));
  REQUIRE(response.status == 200);
  return Json::parse(response.body).find("displayName")->asString();
}

}  // namespace

TEST_CASE("emulator --data: a change whose file cannot be written is undone, not acknowledged",
          "[integration][emulator][data]") {
  testing_support::TempDir dir;
  const std::string data = dir.path("state.json");
  Emulator emulator({"--auto-create-partners"}, data);
  RawGraph graph(emulator);
  const msgraph::HttpResponse created =
      graph.send(HttpMethod::Put, policyPath("p1"), R"({"displayName":"Saved"})");
  REQUIRE(created.status == 204);
  const std::string savedEtag(created.headers.get("ETag").value_or(""));

  // A non-empty directory where the file was: the rename over it fails, even for root.
  fs::remove(data);
  fs::create_directory(data);
  dir.write("state.json/keep", "x");
  CHECK(graph.send(HttpMethod::Patch, policyPath("p1"), R"({"displayName":"Lost"})").status == 500);
  CHECK(graph.send(HttpMethod::Put, policyPath("p2"), R"({"displayName":"Lost"})").status == 500);
  CHECK(graph.send(HttpMethod::Post, kPartners, R"({"tenantId":"p3"})").status == 500);
  CHECK(graph.send(HttpMethod::Delete, policyPath("p1")).status == 500);

  CHECK(displayNameOf(graph, "p1") == "Saved");
  const msgraph::HttpResponse p1 = graph.send(HttpMethod::Get, policyPath("p1"));
  CHECK(p1.headers.get("ETag").value_or("") == savedEtag);
  CHECK(graph.send(HttpMethod::Get, policyPath("p2")).status == 404);
  CHECK(graph.send(HttpMethod::Get, kPartners + "/p2").status == 404);  // not auto-created
  CHECK(graph.send(HttpMethod::Get, kPartners + "/p3").status == 404);
  const msgraph::HttpResponse deleted =
      graph.send(HttpMethod::Get, "/beta/policies/deletedItems/crossTenantSyncPolicyPartners");
  REQUIRE(deleted.status == 200);
  CHECK(Json::parse(deleted.body).find("value")->asArray().empty());

  // Writable again: the next write takes the ETag after the saved one, as if none had failed.
  fs::remove_all(data);
  const msgraph::HttpResponse patched =
      graph.send(HttpMethod::Patch, policyPath("p1"), R"({"displayName":"Kept"})");
  REQUIRE(patched.status == 204);
  CHECK(savedEtag == "W/\"1\"");
  CHECK(patched.headers.get("ETag").value_or("") == "W/\"2\"");
  CHECK(displayNameOf(graph, "p1") == "Kept");
}
