// SPDX-License-Identifier: MIT
// The beta verbs on deleted policies (MSGRAPH_CLI_PATH) against the emulator: `deleted list`,
// `restore` and `deleted remove`, and their refusal of v1.0.
#include <catch2/catch.hpp>

#include "integration/cli.hpp"

using testing_support::Cli;
using testing_support::Emulator;
using testing_support::Outcome;

namespace {

const std::string kPartner = "5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0";

// An emulator whose partner had a policy named "Fabrikam" that was deleted.
struct WithDeletedPolicy {
  WithDeletedPolicy() {
    REQUIRE(cli({"set", "--partner-tenant-id", kPartner, "--display-name", "Fabrikam",
                 "--is-sync-allowed", "true"})
                .exitCode == 0);
    REQUIRE(cli({"remove", "--partner-tenant-id", kPartner}).exitCode == 0);
  }
  Emulator emulator{{"--auto-create-partners"}};
  Cli cli{emulator};
};

}  // namespace

TEST_CASE("cli deleted list: the deleted policies, as JSON and as a table", "[integration][cli]") {
  const WithDeletedPolicy given;
  const Outcome listed = given.cli({"deleted", "list"});
  REQUIRE(listed.exitCode == 0);
  const msgraph::Json items = msgraph::Json::parse(listed.out);
  REQUIRE(items.asArray().size() == 1);
  CHECK(items.asArray()[0].find("tenantId")->asString() == kPartner);
  CHECK(items.asArray()[0].find("displayName")->asString() == "Fabrikam");
  CHECK(items.asArray()[0].find("deletedDateTime")->isString());

  const Outcome table = given.cli({"deleted", "list", "--output", "text"});
  REQUIRE(table.exitCode == 0);
  CHECK(table.out.rfind("TenantId", 0) == 0);
  CHECK(table.out.find("\n" + kPartner + " ") != std::string::npos);
  CHECK(table.out.find("Fabrikam\n") != std::string::npos);
}

TEST_CASE("cli restore: the policy is back, printed as Graph returned it", "[integration][cli]") {
  const WithDeletedPolicy given;
  const Outcome restored = given.cli({"restore", "--partner-tenant-id", kPartner});
  REQUIRE(restored.exitCode == 0);
  CHECK(msgraph::Json::parse(restored.out).find("displayName")->asString() == "Fabrikam");
  const Outcome got = given.cli({"get", "--partner-tenant-id", kPartner});
  REQUIRE(got.exitCode == 0);
  CHECK(msgraph::Json::parse(got.out).find("displayName")->asString() == "Fabrikam");
  CHECK(given.cli({"deleted", "list"}).out == "[]\n");

  const Outcome again = given.cli({"restore", "--partner-tenant-id", kPartner});
  CHECK(again.exitCode == 1);
  CHECK(again.err.find("Request_ResourceNotFound") != std::string::npos);
}

TEST_CASE("cli deleted remove: gone for good, --pass-thru prints true", "[integration][cli]") {
  const WithDeletedPolicy given;
  const Outcome removed =
      given.cli({"deleted", "remove", "--partner-tenant-id", kPartner, "--pass-thru"});
  REQUIRE(removed.exitCode == 0);
  CHECK(removed.out == "true\n");
  CHECK(given.cli({"deleted", "list"}).out == "[]\n");
  CHECK(given.cli({"restore", "--partner-tenant-id", kPartner}).exitCode == 1);
}

TEST_CASE("cli restore and deleted: beta only, --api-version v1.0 is a usage error",
          "[integration][cli]") {
  const WithDeletedPolicy given;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"restore", "--partner-tenant-id", kPartner},
        std::vector<std::string>{"deleted", "list"},
        std::vector<std::string>{"deleted", "remove", "--partner-tenant-id", kPartner}}) {
    std::vector<std::string> withVersion = args;
    withVersion.insert(withVersion.end(), {"--api-version", "v1.0"});
    const Outcome refused = given.cli(withVersion);
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.find("--api-version") != std::string::npos);
    CHECK(refused.err.find("beta") != std::string::npos);
  }
  CHECK(given.cli({"deleted", "list"}).exitCode == 0);  // nothing was changed
  CHECK(given.cli({"deleted", "list", "--api-version", "beta"}).exitCode == 0);
}

TEST_CASE("cli: a verb group without its verb names the verbs it has", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);  // appends --graph-url and the other endpoint options
  const Outcome deleted = cli({"deleted"});
  CHECK(deleted.exitCode == 2);
  CHECK(deleted.err.find("'deleted' needs a verb: deleted list|remove") != std::string::npos);
  const Outcome partner = cli({"partner"});
  CHECK(partner.exitCode == 2);
  CHECK(partner.err.find("'partner' needs a verb: partner list|create|get|update|remove") !=
        std::string::npos);
}
