// SPDX-License-Identifier: MIT
// `msgraph-identity-sync partner list|create|get|update|remove` (MSGRAPH_CLI_PATH) against the
// emulator.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "integration/cli.hpp"

using testing_support::Cli;
using testing_support::Emulator;
using testing_support::Outcome;

namespace {

const std::string kPartner = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const std::vector<std::string> kPartners = {"10000000-0000-4000-8000-000000000001",
                                            "10000000-0000-4000-8000-000000000002",
                                            "10000000-0000-4000-8000-000000000003"};

void create(const Cli& cli, const std::string& id) {
  REQUIRE(cli({"partner", "create", "--partner-tenant-id", id}).exitCode == 0);
}

msgraph::Json partnerOf(const Cli& cli, const std::string& id) {
  const Outcome got = cli({"partner", "get", "--partner-tenant-id", id});
  REQUIRE(got.exitCode == 0);
  return msgraph::Json::parse(got.out);
}

bool inboundAllowed(const msgraph::Json& partner) {
  return partner.find("automaticUserConsentSettings")->find("inboundAllowed")->asBool();
}

// An emulator with the three partners of kPartners.
struct WithPartners {
  WithPartners() {
    for (const std::string& id : kPartners) create(cli, id);
  }
  Emulator emulator;
  Cli cli{emulator};
};

}  // namespace

TEST_CASE("cli partner: create prints the new configuration", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome created = cli({"partner", "create", "--partner-tenant-id", kPartner});
  CHECK(created.exitCode == 0);
  CHECK(msgraph::Json::parse(created.out).find("tenantId")->asString() == kPartner);
  CHECK(partnerOf(cli, kPartner).find("tenantId")->asString() == kPartner);
}

TEST_CASE("cli partner: create --inbound-user-consent sets inboundAllowed", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  REQUIRE(
      cli({"partner", "create", "--partner-tenant-id", kPartner, "--inbound-user-consent", "true"})
          .exitCode == 0);
  CHECK(inboundAllowed(partnerOf(cli, kPartner)));
}

TEST_CASE("cli partner: a second create is Graph's 409", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  create(cli, kPartner);
  const Outcome again = cli({"partner", "create", "--partner-tenant-id", kPartner});
  CHECK(again.exitCode == 1);
  CHECK(again.err.find("Request_MultipleObjectsWithSameKeyValue") != std::string::npos);
}

TEST_CASE("cli partner: list follows every page into one JSON array", "[integration][cli]") {
  const WithPartners given;
  const Outcome listed = given.cli({"partner", "list", "--top", "1"});
  REQUIRE(listed.exitCode == 0);
  const msgraph::Json partners = msgraph::Json::parse(listed.out);
  REQUIRE(partners.asArray().size() == kPartners.size());
  for (std::size_t i = 0; i < kPartners.size(); ++i) {
    CHECK(partners.asArray()[i].find("tenantId")->asString() == kPartners[i]);
  }
}

TEST_CASE("cli partner: list of none is an empty JSON array", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome listed = cli({"partner", "list"});
  CHECK(listed.exitCode == 0);
  CHECK(listed.out == "[]\n");
}

TEST_CASE("cli partner: list --output text is a table", "[integration][cli]") {
  const WithPartners given;
  const Outcome listed = given.cli({"partner", "list", "--output", "text"});
  REQUIRE(listed.exitCode == 0);
  CHECK(listed.out.rfind("TenantId ", 0) == 0);
  CHECK(listed.out.find("\n" + kPartners[2] + " ") != std::string::npos);
}

TEST_CASE("cli partner: list --expand identitySynchronization shows the policies",
          "[integration][cli]") {
  const WithPartners given;
  REQUIRE(given.cli({"set", "--partner-tenant-id", kPartners[1], "--display-name", "Fabrikam"})
              .exitCode == 0);
  const Outcome listed =
      given.cli({"partner", "list", "--expand", "identitySynchronization", "--select", "tenantId"});
  REQUIRE(listed.exitCode == 0);
  const msgraph::Json partners = msgraph::Json::parse(listed.out);
  CHECK(partners.asArray()[0].find("identitySynchronization")->isNull());
  CHECK(partners.asArray()[1].find("identitySynchronization")->find("displayName")->asString() ==
        "Fabrikam");
}

TEST_CASE("cli partner: list --top takes 1 to 999", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome refused = cli({"partner", "list", "--top", "0"});
  CHECK(refused.exitCode == 2);
  CHECK(refused.err.find("--top") != std::string::npos);
}

TEST_CASE("cli partner: update --is-service-provider patches it", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  create(cli, kPartner);
  const Outcome updated =
      cli({"partner", "update", "--partner-tenant-id", kPartner, "--is-service-provider", "true"});
  CHECK(updated.exitCode == 0);
  CHECK(partnerOf(cli, kPartner).find("isServiceProvider")->asBool());
}

TEST_CASE("cli partner: update --body-parameter patches what it names", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  create(cli, kPartner);
  const Outcome updated =
      cli({"partner", "update", "--partner-tenant-id", kPartner, "--body-parameter",
           R"({"automaticUserConsentSettings":{"inboundAllowed":true}})"});
  CHECK(updated.exitCode == 0);
  CHECK(inboundAllowed(partnerOf(cli, kPartner)));
}

TEST_CASE("cli partner: update with nothing to change is a usage error", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome refused = cli({"partner", "update", "--partner-tenant-id", kPartner});
  CHECK(refused.exitCode == 2);
}

TEST_CASE("cli partner: remove deletes the configuration", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  create(cli, kPartner);
  CHECK(cli({"partner", "remove", "--partner-tenant-id", kPartner}).exitCode == 0);
  const Outcome missing = cli({"partner", "get", "--partner-tenant-id", kPartner});
  CHECK(missing.exitCode == 1);
  CHECK(missing.err.find("Request_ResourceNotFound") != std::string::npos);
}

TEST_CASE("cli partner: the partner verbs take no --input-object", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome refused = cli({"partner", "get", "--input-object", "{}"});
  CHECK(refused.exitCode == 2);
  CHECK(refused.err.find("does not take --input-object") != std::string::npos);
}

TEST_CASE("cli partner: create --what-if prints the POST and creates nothing",
          "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome preview = cli({"partner", "create", "--partner-tenant-id", kPartner, "--what-if"});
  CHECK(preview.exitCode == 0);
  CHECK(preview.out.find("  \"tenantId\": \"" + kPartner + "\"") != std::string::npos);
  CHECK(cli({"partner", "get", "--partner-tenant-id", kPartner}).exitCode == 1);
}

TEST_CASE("cli partner: list --output text prints no control character Graph sent",
          "[integration][cli]") {
  const WithPartners given;
  REQUIRE(given
              .cli({"set", "--partner-tenant-id", kPartners[0], "--body-parameter",
                    R"({"displayName":"Red\u001b[31m"})"})
              .exitCode == 0);
  const Outcome listed =
      given.cli({"partner", "list", "--expand", "identitySynchronization", "--output", "text"});
  REQUIRE(listed.exitCode == 0);
  CHECK(listed.out.find('\x1b') == std::string::npos);
  CHECK(listed.out.find("Red\\x1b[31m") != std::string::npos);
}

TEST_CASE("cli partner list: text columns line up by characters, not bytes", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const std::string wide = "m\xc3\xbcnchen-\xe6\x9d\xb1\xe4\xba\xac";  // "münchen-東京": 10 chars
  for (const std::string& id : {std::string("ascii-tenant"), wide}) {
    REQUIRE(cli({"partner", "create", "--partner-tenant-id", id}).exitCode == 0);
  }
  const Outcome listed = cli({"partner", "list", "--output", "text"});
  REQUIRE(listed.exitCode == 0);
  // Both rows hold empty cells after the id: the same number of characters, if not of bytes.
  const auto characters = [](const std::string& line) {
    return std::count_if(line.begin(), line.end(),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  };
  std::istringstream lines(listed.out);
  std::string header, first, second;
  std::getline(lines, header);
  std::getline(lines, first);
  std::getline(lines, second);
  REQUIRE(first.rfind("ascii-tenant ", 0) == 0);
  REQUIRE(second.rfind(wide + " ", 0) == 0);
  CHECK(characters(first) == characters(second));
  CHECK(first.size() != second.size());
}
