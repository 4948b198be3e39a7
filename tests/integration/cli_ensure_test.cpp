// SPDX-License-Identifier: MIT
// `msgraph-identity-sync ensure` (MSGRAPH_CLI_PATH) against the emulator: the policy's outcomes,
// --what-if, --confirm, and the partner steps --ensure-partner and --inbound-user-consent.
#include <catch2/catch.hpp>

#include "integration/cli.hpp"

using testing_support::Cli;
using testing_support::Emulator;
using testing_support::Outcome;

namespace {

const std::string kPartner = "5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0";

std::vector<std::string> ensureArgs(std::vector<std::string> extra) {
  std::vector<std::string> args = {"ensure", "--partner-tenant-id", kPartner};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

void setPolicy(const Cli& cli, const std::string& displayName) {
  REQUIRE(cli({"set", "--partner-tenant-id", kPartner, "--display-name", displayName,
               "--is-sync-allowed", "true"})
              .exitCode == 0);
}

std::string displayNameOf(const Cli& cli) {
  const Outcome got = cli({"get", "--partner-tenant-id", kPartner});
  REQUIRE(got.exitCode == 0);
  return msgraph::Json::parse(got.out).find("displayName")->asString();
}

// An emulator whose partner already has a policy named `existing`.
struct WithPolicy {
  explicit WithPolicy(const std::string& existing) { setPolicy(cli, existing); }
  Emulator emulator{{"--auto-create-partners"}};
  Cli cli{emulator};
};

}  // namespace

TEST_CASE("cli ensure: an absent policy is created, reported as JSON", "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);
  const Outcome ensured = cli(ensureArgs({"--display-name", "Fabrikam", "--output", "json"}));
  REQUIRE(ensured.exitCode == 0);
  const msgraph::Json result = msgraph::Json::parse(ensured.out);
  CHECK(result.find("outcome")->asString() == "Created");
  CHECK(result.find("changed")->asArray().empty());
  CHECK(result.find("attempts")->asInt() >= 2);  // the read, then the PUT
  CHECK_FALSE(result.find("partnerCreated")->asBool());
  CHECK(displayNameOf(cli) == "Fabrikam");
}

TEST_CASE("cli ensure: a matching policy is Unchanged", "[integration][cli]") {
  const WithPolicy given("Fabrikam");
  const Cli& cli = given.cli;
  const Outcome ensured = cli(ensureArgs({"--display-name", "Fabrikam", "--output", "text"}));
  CHECK(ensured.exitCode == 0);
  CHECK(ensured.out == "Unchanged\n");
}

TEST_CASE("cli ensure: a differing policy is Updated, naming the properties",
          "[integration][cli]") {
  const WithPolicy given("Old");
  const Cli& cli = given.cli;
  const Outcome ensured =
      cli(ensureArgs({"--display-name", "New", "--is-sync-allowed", "false", "--output", "text"}));
  CHECK(ensured.exitCode == 0);
  CHECK(ensured.out == "Updated: /displayName, /userSyncInbound/isSyncAllowed\n");
  CHECK(displayNameOf(cli) == "New");
}

TEST_CASE("cli ensure: --body-parameter gives the desired policy", "[integration][cli]") {
  const WithPolicy given("Old");
  const Cli& cli = given.cli;
  const Outcome ensured =
      cli(ensureArgs({"--body-parameter", R"({"DisplayName":"From body"})", "--output", "text"}));
  CHECK(ensured.exitCode == 0);
  CHECK(ensured.out == "Updated: /displayName\n");
}

TEST_CASE("cli ensure: --what-if shows the planned PATCH and writes nothing",
          "[integration][cli]") {
  const WithPolicy given("Old");
  const Cli& cli = given.cli;
  const Outcome preview = cli(ensureArgs({"--display-name", "New", "--what-if"}));
  CHECK(preview.exitCode == 0);
  CHECK(preview.out.rfind("What if: Performing the operation \"PATCH /policies/", 0) == 0);
  CHECK(preview.out.find("  \"displayName\": \"New\"") != std::string::npos);
  CHECK(preview.out.find("isSyncAllowed") == std::string::npos);  // only what differs
  CHECK(displayNameOf(cli) == "Old");
}

TEST_CASE("cli ensure: --what-if on a matching policy says no change", "[integration][cli]") {
  const WithPolicy given("Same");
  const Cli& cli = given.cli;
  const Outcome preview = cli(ensureArgs({"--display-name", "Same", "--what-if"}));
  CHECK(preview.exitCode == 0);
  CHECK(preview.out.rfind("What if: no change", 0) == 0);
}

TEST_CASE("cli ensure: --confirm without a terminal declines the write", "[integration][cli]") {
  const WithPolicy given("Old");
  const Cli& cli = given.cli;
  const Outcome declined = cli(ensureArgs({"--display-name", "New", "--confirm"}));
  CHECK(declined.exitCode == 5);
  CHECK(msgraph::Json::parse(declined.out).find("outcome")->asString() == "Declined");
  CHECK(displayNameOf(cli) == "Old");
}

TEST_CASE("cli ensure: --ensure-partner creates an absent partner first", "[integration][cli]") {
  Emulator emulator;  // partners are not created on the fly
  const Cli cli(emulator);
  const Outcome ensured =
      cli(ensureArgs({"--ensure-partner", "--display-name", "Fabrikam", "--output", "text"}));
  CHECK(ensured.exitCode == 0);
  CHECK(ensured.out == "PartnerCreated\nCreated\n");
  CHECK(displayNameOf(cli) == "Fabrikam");
}

TEST_CASE("cli ensure: --ensure-partner leaves an existing partner alone", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  REQUIRE(cli(ensureArgs({"--ensure-partner", "--display-name", "F"})).exitCode == 0);
  const Outcome again = cli(ensureArgs({"--ensure-partner", "--display-name", "F"}));
  CHECK(again.exitCode == 0);
  const msgraph::Json result = msgraph::Json::parse(again.out);
  CHECK_FALSE(result.find("partnerCreated")->asBool());
  CHECK(result.find("outcome")->asString() == "Unchanged");
}

TEST_CASE("cli ensure: without --ensure-partner an absent partner fails", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome failed = cli(ensureArgs({"--display-name", "F"}));
  CHECK(failed.exitCode == 1);
  CHECK(failed.out.empty());
}

TEST_CASE("cli ensure: --inbound-user-consent patches the partner only when it differs",
          "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome first = cli(ensureArgs({"--ensure-partner", "--inbound-user-consent", "true",
                                        "--display-name", "F", "--output", "text"}));
  CHECK(first.exitCode == 0);
  CHECK(first.out == "PartnerCreated\nCreated\n");  // the POST carried inboundAllowed
  const Outcome same = cli(
      ensureArgs({"--ensure-partner", "--inbound-user-consent", "true", "--display-name", "F"}));
  CHECK(same.exitCode == 0);
  CHECK(msgraph::Json::parse(same.out).find("partnerChanged")->asArray().empty());
  const Outcome changed = cli(ensureArgs({"--ensure-partner", "--inbound-user-consent", "false",
                                          "--display-name", "F", "--output", "text"}));
  CHECK(changed.exitCode == 0);
  CHECK(changed.out == "PartnerUpdated: /automaticUserConsentSettings/inboundAllowed\nUnchanged\n");
  const Outcome read = cli({"partner", "get", "--partner-tenant-id", kPartner});
  CHECK_FALSE(msgraph::Json::parse(read.out)
                  .find("automaticUserConsentSettings")
                  ->find("inboundAllowed")
                  ->asBool());
}

TEST_CASE("cli ensure: after partner create, the consent is patched in, then the policy put",
          "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  REQUIRE(cli({"partner", "create", "--partner-tenant-id", kPartner}).exitCode == 0);
  const Outcome ensured = cli(ensureArgs({"--ensure-partner", "--inbound-user-consent", "true",
                                          "--display-name", "F", "--output", "text"}));
  CHECK(ensured.exitCode == 0);
  // The configuration has no automaticUserConsentSettings: the whole object differs.
  CHECK(ensured.out == "PartnerUpdated: /automaticUserConsentSettings\nCreated\n");
}

TEST_CASE("cli ensure: --inbound-user-consent without --ensure-partner is a usage error",
          "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome refused = cli(ensureArgs({"--inbound-user-consent", "true"}));
  CHECK(refused.exitCode == 2);
  CHECK(refused.err.find("--inbound-user-consent needs --ensure-partner") != std::string::npos);
  CHECK(cli({"partner", "get", "--partner-tenant-id", kPartner}).exitCode == 1);  // none made
}

TEST_CASE("cli ensure: --ensure-partner alone ensures the partner and creates no policy",
          "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome ensured = cli(ensureArgs({"--ensure-partner", "--output", "text"}));
  CHECK(ensured.exitCode == 0);
  CHECK(ensured.out == "PartnerCreated\n");
  CHECK(cli({"partner", "get", "--partner-tenant-id", kPartner}).exitCode == 0);
  const Outcome policy = cli({"get", "--partner-tenant-id", kPartner});
  CHECK(policy.exitCode == 1);  // 404: no empty policy was put
  CHECK(cli(ensureArgs({"--ensure-partner", "--output", "text"})).out == "Unchanged\n");
}

TEST_CASE("cli ensure: --inbound-user-consent takes only true or false", "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome refused = cli(ensureArgs({"--inbound-user-consent", "maybe"}));
  CHECK(refused.exitCode == 2);
  CHECK(refused.err.find("--inbound-user-consent") != std::string::npos);
}

TEST_CASE("cli set: a 409 on an existing policy hints at update and ensure", "[integration][cli]") {
  const WithPolicy given("First");
  const Cli& cli = given.cli;
  const Outcome again = cli({"set", "--partner-tenant-id", kPartner, "--display-name", "Second"});
  CHECK(again.exitCode == 1);
  CHECK(again.err.find("Request_MultipleObjectsWithSameKeyValue") != std::string::npos);
  CHECK(again.err.find("'msgraph-identity-sync update'") != std::string::npos);
  CHECK(again.err.find("'msgraph-identity-sync ensure'") != std::string::npos);
}

TEST_CASE("cli ensure: --what-if with --ensure-partner shows the POST and creates nothing",
          "[integration][cli]") {
  Emulator emulator;
  const Cli cli(emulator);
  const Outcome preview =
      cli(ensureArgs({"--ensure-partner", "--display-name", "Fabrikam", "--what-if"}));
  CHECK(preview.exitCode == 0);
  CHECK(preview.out.rfind(
            "What if: Performing the operation \"POST /policies/crossTenantAccessPolicy/partners\"",
            0) == 0);
  CHECK(preview.out.find("\"PUT /policies/") != std::string::npos);  // then the policy's PUT
  CHECK(cli({"partner", "get", "--partner-tenant-id", kPartner}).exitCode == 1);
}

TEST_CASE("cli ensure: --input-object names the partner", "[integration][cli]") {
  const WithPolicy given("Old");
  const Outcome ensured =
      given.cli({"ensure", "--input-object",
                 R"({"crossTenantAccessPolicyConfigurationPartnerTenantId":")" + kPartner + R"("})",
                 "--display-name", "Via identity", "--output", "text"});
  CHECK(ensured.exitCode == 0);
  CHECK(ensured.out == "Updated: /displayName\n");
}
