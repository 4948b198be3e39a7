// SPDX-License-Identifier: MIT
// `get` output fed back to `set`, `update`, `ensure` and `partner update` with
// --body-parameter - (MSGRAPH_CLI_PATH, against the emulator): the read-only keys and the
// @odata annotations it prints are dropped, never sent, and noted at --verbose.
#include <catch2/catch.hpp>

#include "integration/cli.hpp"

using testing_support::Cli;
using testing_support::Emulator;
using testing_support::Outcome;

namespace {

const std::string kPartner = "5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0";

std::string getPolicy(const Cli& cli, const std::string& version = "v1.0") {
  const Outcome got = cli({"get", "--partner-tenant-id", kPartner, "--api-version", version});
  REQUIRE(got.exitCode == 0);
  return got.out;
}

}  // namespace

TEST_CASE("cli: get output feeds set, update and ensure through --body-parameter -",
          "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);
  REQUIRE(cli({"set", "--partner-tenant-id", kPartner, "--display-name", "Fabrikam",
               "--is-sync-allowed", "true"})
              .exitCode == 0);
  const std::string printed = getPolicy(cli);
  REQUIRE(printed.find("@odata.context") != std::string::npos);
  REQUIRE(printed.find("tenantId") != std::string::npos);

  SECTION("update: the keys are dropped with a note at --verbose, the PATCH is accepted") {
    const Outcome updated = cli(
        {"update", "--partner-tenant-id", kPartner, "--body-parameter", "-", "--verbose"}, printed);
    CHECK(updated.exitCode == 0);
    CHECK(updated.err.find("VERBOSE: --body-parameter: /@odata.context is read-only or an "
                           "annotation: dropped, not sent") != std::string::npos);
    CHECK(updated.err.find("VERBOSE: --body-parameter: /tenantId") != std::string::npos);
    // The request body logged at --verbose holds neither key.
    const std::size_t patch = updated.err.find("request: PATCH");
    REQUIRE(patch != std::string::npos);
    CHECK(updated.err.find("@odata.context", patch) == std::string::npos);
    CHECK(updated.err.find("\"tenantId\"", patch) == std::string::npos);
  }
  SECTION("without --verbose nothing is noted") {
    const Outcome updated =
        cli({"update", "--partner-tenant-id", kPartner, "--body-parameter", "-"}, printed);
    CHECK(updated.exitCode == 0);
    CHECK(updated.err.empty());
  }
  SECTION("set after remove recreates the same policy") {
    REQUIRE(cli({"remove", "--partner-tenant-id", kPartner}).exitCode == 0);
    CHECK(
        cli({"set", "--partner-tenant-id", kPartner, "--body-parameter", "-"}, printed).exitCode ==
        0);
    CHECK(getPolicy(cli) == printed);
  }
  SECTION("ensure finds nothing to do") {
    const Outcome ensured = cli(
        {"ensure", "--partner-tenant-id", kPartner, "--body-parameter", "-", "--output", "text"},
        printed);
    CHECK(ensured.exitCode == 0);
    CHECK(ensured.out == "Unchanged\n");
  }
  SECTION("beta: deletedDateTime and nested annotations are dropped too") {
    msgraph::Json annotated = msgraph::Json::parse(getPolicy(cli, "beta"));
    annotated.set("deletedDateTime", "2026-01-01T00:00:00Z");
    annotated.set("userSyncInbound",
                  msgraph::Json::parse(R"({"@odata.type":"#x","isSyncAllowed":false})"));
    annotated.set("displayName@odata.type", "#String");
    const Outcome updated = cli({"update", "--partner-tenant-id", kPartner, "--body-parameter", "-",
                                 "--api-version", "beta", "--verbose"},
                                annotated.dump());
    CHECK(updated.exitCode == 0);
    CHECK(updated.err.find("/deletedDateTime is read-only") != std::string::npos);
    CHECK(updated.err.find("/userSyncInbound/@odata.type is read-only") != std::string::npos);
    CHECK(updated.err.find("/displayName@odata.type is read-only") != std::string::npos);
    const std::size_t patch = updated.err.find("request: PATCH");
    REQUIRE(patch != std::string::npos);
    CHECK(updated.err.find("@odata", patch) == std::string::npos);
    const msgraph::Json now = msgraph::Json::parse(getPolicy(cli));
    CHECK_FALSE(now.find("userSyncInbound")->find("isSyncAllowed")->asBool());
  }
}

TEST_CASE("cli: annotations inside arrays are dropped, their pointers escaped",
          "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const std::string body =
      R"({"displayName":"F","a/b~c":[{"@microsoft.graph.tips":"x","kept":1}]})";
  const Outcome preview = cli({"update", "--partner-tenant-id", kPartner, "--body-parameter", "-",
                               "--what-if", "--verbose"},
                              body);
  CHECK(preview.exitCode == 0);
  CHECK(preview.err.find("/a~1b~0c/0/@microsoft.graph.tips is read-only") != std::string::npos);
  const std::string sent = preview.out.substr(preview.out.find('{'));
  CHECK(msgraph::Json::parse(sent) ==
        msgraph::Json::parse(R"({"displayName":"F","a/b~c":[{"kept":1}]})"));
}

TEST_CASE("cli: partner get output feeds partner update --body-parameter -", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  REQUIRE(
      cli({"partner", "create", "--partner-tenant-id", kPartner, "--inbound-user-consent", "true"})
          .exitCode == 0);
  const Outcome got = cli({"partner", "get", "--partner-tenant-id", kPartner});
  REQUIRE(got.exitCode == 0);
  REQUIRE(got.out.find("@odata.context") != std::string::npos);
  const Outcome updated = cli(
      {"partner", "update", "--partner-tenant-id", kPartner, "--body-parameter", "-", "--verbose"},
      got.out);
  CHECK(updated.exitCode == 0);
  CHECK(updated.err.find("/tenantId is read-only") != std::string::npos);
  CHECK(cli({"partner", "get", "--partner-tenant-id", kPartner}).out == got.out);
}
