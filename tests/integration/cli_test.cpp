// SPDX-License-Identifier: MIT
// The command-line tool against the local Graph emulator over HTTPS, as a user runs it.
#include <catch2/catch.hpp>

#include "integration/cli.hpp"
#include "integration/emulator.hpp"

using testing_support::Cli;
using testing_support::Emulator;
using testing_support::Outcome;

namespace {

const std::string kPartner = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";

msgraph::Json getPolicy(const Cli& cli) {
  const Outcome got = cli({"get", "--partner-tenant-id", kPartner});
  REQUIRE(got.exitCode == 0);
  return msgraph::Json::parse(got.out);
}

}  // namespace

TEST_CASE("cli: set, get, update, remove against the emulator", "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);

  const Outcome set =
      cli({"set", "--partner-tenant-id", kPartner, "--body-parameter",
           R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})"});
  CHECK(set.exitCode == 0);
  CHECK(set.out.empty());

  msgraph::Json policy = getPolicy(cli);
  CHECK(policy.find("displayName")->asString() == "Fabrikam");
  CHECK(policy.find("userSyncInbound")->find("isSyncAllowed")->asBool());

  CHECK(cli({"update", "--partner-tenant-id", kPartner, "--is-sync-allowed", "false"}).exitCode ==
        0);
  policy = getPolicy(cli);
  CHECK_FALSE(policy.find("userSyncInbound")->find("isSyncAllowed")->asBool());

  const Outcome removed = cli({"remove", "--partner-tenant-id", kPartner, "--pass-thru"});
  CHECK(removed.exitCode == 0);
  CHECK(removed.out == "true\n");  // JSON, the default output
  REQUIRE(cli({"set", "--partner-tenant-id", kPartner, "--display-name", "again"}).exitCode == 0);
  CHECK(cli({"remove", "--partner-tenant-id", kPartner, "--pass-thru", "--output", "text"}).out ==
        "True\n");

  const Outcome missing = cli({"get", "--partner-tenant-id", kPartner});
  CHECK(missing.exitCode == 1);
  CHECK(missing.err.find("Request_ResourceNotFound") != std::string::npos);
  CHECK(missing.err.find("request-id: ") != std::string::npos);
}

TEST_CASE("cli: the four parameter sets of set", "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);
  const std::string identity =
      R"({"CrossTenantAccessPolicyConfigurationPartnerTenantId":")" + kPartner + R"("})";
  const std::string body =
      R"({"DisplayName":"From body","UserSyncInbound":{"IsSyncAllowed":true}})";

  SECTION("SetExpanded") {
    CHECK(cli({"set", "--partner-tenant-id", kPartner, "--display-name", "Expanded"}).exitCode ==
          0);
    CHECK(getPolicy(cli).find("displayName")->asString() == "Expanded");
  }
  SECTION("Set") {
    CHECK(cli({"set", "--partner-tenant-id", kPartner, "--body-parameter", body}).exitCode == 0);
    CHECK(getPolicy(cli).find("displayName")->asString() == "From body");
  }
  SECTION("SetViaIdentityExpanded, the identity on stdin") {
    CHECK(
        cli({"set", "--input-object", "-", "--display-name", "Via identity"}, identity).exitCode ==
        0);
    CHECK(getPolicy(cli).find("displayName")->asString() == "Via identity");
  }
  SECTION("SetViaIdentity") {
    CHECK(cli({"set", "--input-object", identity, "--body-parameter", body}).exitCode == 0);
    CHECK(getPolicy(cli).find("userSyncInbound")->find("isSyncAllowed")->asBool());
  }
  SECTION("mixing the sets is refused, naming them") {
    const Outcome mixed = cli(
        {"set", "--partner-tenant-id", kPartner, "--body-parameter", body, "--display-name", "x"});
    CHECK(mixed.exitCode == 2);
    CHECK(mixed.err.find("Parameter set cannot be resolved") != std::string::npos);
    CHECK(mixed.err.find("SetViaIdentityExpanded") != std::string::npos);
  }
}

TEST_CASE("cli: --display-name null clears, a quoted \"null\" is the text", "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);
  const Outcome cleared =
      cli({"update", "--partner-tenant-id", kPartner, "--display-name", "null", "--what-if"});
  CHECK(cleared.exitCode == 0);
  CHECK(cleared.out.find("  \"displayName\": null") != std::string::npos);
  const Outcome text =
      cli({"update", "--partner-tenant-id", kPartner, "--display-name", "\"null\"", "--what-if"});
  CHECK(text.exitCode == 0);
  CHECK(text.out.find("  \"displayName\": \"null\"") != std::string::npos);
  const Outcome bad =
      cli({"update", "--partner-tenant-id", kPartner, "--display-name", "\"open", "--what-if"});
  CHECK(bad.exitCode == 0);  // not a quoted literal: sent as the text it is
  CHECK(bad.out.find("  \"displayName\": \"\\\"open\"") != std::string::npos);
  CHECK(
      cli({"update", "--partner-tenant-id", kPartner, "--display-name", "\"a\" \"b\"", "--what-if"})
          .exitCode == 2);
}

TEST_CASE("cli: what-if prints the request and sends nothing", "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);
  const Outcome preview = cli({"set", "--partner-tenant-id", kPartner, "--display-name", "Fabrikam",
                               "--is-sync-allowed", "true", "--what-if"});
  CHECK(preview.exitCode == 0);
  CHECK(preview.out.rfind(
            "What if: Performing the operation \"PUT /policies/crossTenantAccessPolicy/"
            "partners/" +
                kPartner + "/identitySynchronization\" on target \"" + kPartner + "\".\n",
            0) == 0);
  CHECK(preview.out.find("Authorization: Bearer ***") != std::string::npos);
  CHECK(preview.out.find(Emulator::kSecret) == std::string::npos);
  CHECK(preview.out.find("  \"displayName\": \"Fabrikam\"") != std::string::npos);
  CHECK(cli({"get", "--partner-tenant-id", kPartner}).exitCode == 1);  // nothing was set
}

TEST_CASE("cli: --confirm without a terminal declines and sends nothing", "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);
  const Outcome declined =
      cli({"set", "--partner-tenant-id", kPartner, "--display-name", "x", "--confirm"});
  CHECK(declined.exitCode == 5);
  CHECK(declined.err.find("nothing was sent") != std::string::npos);
  CHECK(cli({"get", "--partner-tenant-id", kPartner}).exitCode == 1);
}

TEST_CASE("cli: --response-headers prints the headers as JSON on stderr", "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);
  const Outcome set = cli({"set", "--partner-tenant-id", kPartner, "--display-name", "Fabrikam",
                           "--response-headers", "--header", "client-request-id: cli-test-1"});
  REQUIRE(set.exitCode == 0);
  const msgraph::Json headers = msgraph::Json::parse(set.err);
  bool sawRequestId = false;
  bool sawEcho = false;
  for (const auto& [name, value] : headers.asObject()) {
    sawRequestId = sawRequestId || msgraph::asciiEqualsIgnoreCase(name, "request-id");
    sawEcho = sawEcho || (msgraph::asciiEqualsIgnoreCase(name, "client-request-id") &&
                          value.asString() == "cli-test-1");
  }
  CHECK(sawRequestId);
  CHECK(sawEcho);
}

TEST_CASE("cli: exit codes name what went wrong", "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);
  SECTION("1: Graph refused a bad body") {
    const Outcome bad = cli(
        {"set", "--partner-tenant-id", kPartner, "--additional-properties", R"({"surprise":1})"});
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.find("surprise") != std::string::npos);
  }
  SECTION("3: a token the emulator never issued gets Graph's 401") {
    const Outcome unauthorized =
        testing_support::run({MSGRAPH_CLI_PATH, "get", "--partner-tenant-id", kPartner,
                              "--graph-url", emulator.baseUrl(), "--ca-file", emulator.caFile()},
                             {}, {"MSGRAPH_ACCESS_TOKEN=forged"});
    CHECK(unauthorized.exitCode == 3);
    CHECK(unauthorized.err.find("InvalidAuthenticationToken") != std::string::npos);
  }
  SECTION("3: the token endpoint refuses a wrong secret") {
    const Outcome wrong = testing_support::run(
        {MSGRAPH_CLI_PATH, "get", "--partner-tenant-id", kPartner, "--graph-url",
         emulator.baseUrl(), "--login-url", emulator.baseUrl(), "--ca-file", emulator.caFile(),
         "--tenant", "contoso.onmicrosoft.com", "--client-id", Emulator::kClientId,
         "--client-secret-env", "IT_SECRET"},
        {}, {"IT_SECRET=wrong-secret"});
    CHECK(wrong.exitCode == 3);
    CHECK(wrong.err.find("AADSTS7000215") != std::string::npos);
    CHECK(wrong.err.find("wrong-secret") == std::string::npos);
  }
  SECTION("4: a server the CA does not vouch for") {
    testing_support::TempDir other;
    const Emulator stranger({"--auto-create-partners"});
    const Outcome refused =
        testing_support::run({MSGRAPH_CLI_PATH, "get", "--partner-tenant-id", kPartner,
                              "--graph-url", stranger.baseUrl(), "--ca-file", emulator.caFile()},
                             {}, {"MSGRAPH_ACCESS_TOKEN=x"});
    CHECK(refused.exitCode == 4);
  }
}

TEST_CASE("cli: a whole --verbose run shows no secret", "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);
  std::string log;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"set", "--partner-tenant-id", kPartner, "--display-name", "F"},
        std::vector<std::string>{"get", "--partner-tenant-id", kPartner},
        std::vector<std::string>{"update", "--partner-tenant-id", kPartner, "--is-sync-allowed",
                                 "false"},
        std::vector<std::string>{"remove", "--partner-tenant-id", kPartner}}) {
    std::vector<std::string> verbose = args;
    verbose.emplace_back("--verbose");
    const Outcome outcome = cli(verbose);
    CHECK(outcome.exitCode == 0);
    log += outcome.out + outcome.err;
  }
  CHECK(log.find("Authorization: Bearer ***") != std::string::npos);  // it did log requests
  CHECK(log.find(Emulator::kSecret) == std::string::npos);
  CHECK(log.find("s3cr3t~value%26with%3Dspecials") == std::string::npos);  // form-encoded
  CHECK(log.find("client_secret=***") != std::string::npos);  // it did log the token request
  for (std::size_t at = log.find("client_secret="); at != std::string::npos;
       at = log.find("client_secret=", at + 1)) {
    CHECK(log.compare(at, 17, "client_secret=***") == 0);
  }
  for (std::size_t at = log.find("Bearer "); at != std::string::npos;
       at = log.find("Bearer ", at + 1)) {
    CHECK(log.compare(at, 10, "Bearer ***") == 0);  // never a token
  }
}
