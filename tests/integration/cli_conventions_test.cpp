// SPDX-License-Identifier: MIT
// The tool's (MSGRAPH_CLI_PATH) conventions against the emulator: --version, --max-retries,
// --retry-after-max, errors as JSON.
#include <catch2/catch.hpp>

#include "integration/cli.hpp"
#include "msgraph/version.hpp"

using testing_support::Cli;
using testing_support::Emulator;
using testing_support::Outcome;

namespace {

const std::string kPartner = "7c6b5a49-3827-4165-9a0b-1c2d3e4f5a6b";

std::int64_t graphRequests(const Emulator& emulator) {
  return emulator.stats().find("graphRequests")->asInt();
}

}  // namespace

TEST_CASE("cli: --version prints the library's version", "[integration][cli]") {
  const Outcome version = testing_support::run({MSGRAPH_CLI_PATH, "--version"});
  CHECK(version.exitCode == 0);
  CHECK(version.out == std::string("msgraph-identity-sync ") + MSGRAPH_VERSION_STRING + "\n");
}

TEST_CASE("cli: the emulator's --version prints the library's version", "[integration][cli]") {
  const Outcome version = testing_support::run({MSGRAPH_EMULATOR_PATH, "--version"});
  CHECK(version.exitCode == 0);
  CHECK(version.out == std::string("msgraph-emulator ") + MSGRAPH_VERSION_STRING + "\n");
}

TEST_CASE("cli: --help lists ensure and the partner verbs", "[integration][cli]") {
  const Outcome help = testing_support::run({MSGRAPH_CLI_PATH, "--help"});
  CHECK(help.exitCode == 0);
  for (const char* verb : {"ensure", "partner list", "partner create", "partner get",
                           "partner update", "partner remove"}) {
    CHECK(help.out.find(std::string("\n  ") + verb + " ") != std::string::npos);
  }
}

TEST_CASE("cli: a partner verb's --help documents its options", "[integration][cli]") {
  const Outcome help = testing_support::run({MSGRAPH_CLI_PATH, "partner", "list", "--help"});
  CHECK(help.exitCode == 0);
  CHECK(help.out.rfind("Usage: msgraph-identity-sync partner list [options]", 0) == 0);
  CHECK(help.out.find("--top N") != std::string::npos);
  CHECK(help.out.find("--input-object") == std::string::npos);
}

TEST_CASE("cli: --max-retries 0 sends a failing call once", "[integration][cli]") {
  Emulator emulator({"--fault-503-every", "1", "--retry-after", "0"});
  const Cli cli(emulator);
  const Outcome failed = cli({"get", "--partner-tenant-id", kPartner, "--max-retries", "0"});
  CHECK(failed.exitCode == 1);
  CHECK(graphRequests(emulator) == 1);
}

TEST_CASE("cli: --retry-after-max cuts Graph's Retry-After", "[integration][cli]") {
  // A Retry-After of an hour, cut to nothing: the retry follows at once.
  Emulator emulator({"--fault-503-every", "1", "--retry-after", "3600"});
  const Cli cli(emulator);
  const Outcome failed =
      cli({"get", "--partner-tenant-id", kPartner, "--max-retries", "1", "--retry-after-max", "0"});
  CHECK(failed.exitCode == 1);
  CHECK(graphRequests(emulator) == 2);
}

TEST_CASE("cli: --max-retries takes 0 to 10", "[integration][cli]") {
  const Outcome refused = testing_support::run(
      {MSGRAPH_CLI_PATH, "get", "--partner-tenant-id", kPartner, "--max-retries", "11"});
  CHECK(refused.exitCode == 2);
  CHECK(refused.err.find("--max-retries") != std::string::npos);
}

TEST_CASE("cli: with --output json a Graph error is one JSON object on stderr",
          "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);
  const Outcome missing = cli({"get", "--partner-tenant-id", kPartner, "--output", "json"});
  CHECK(missing.exitCode == 1);
  const msgraph::Json error = msgraph::Json::parse(missing.err);
  CHECK(error.find("status")->asInt() == 404);
  CHECK(error.find("code")->asString() == "Request_ResourceNotFound");
  CHECK_FALSE(error.find("message")->asString().empty());
  CHECK_FALSE(error.find("request-id")->asString().empty());
  CHECK_FALSE(error.find("client-request-id")->asString().empty());
  CHECK(error.find("attempts")->asInt() == 1);
}

TEST_CASE("cli: with --output json set's 409 hint is in the error object", "[integration][cli]") {
  Emulator emulator({"--auto-create-partners"});
  const Cli cli(emulator);
  REQUIRE(cli({"set", "--partner-tenant-id", kPartner, "--display-name", "A"}).exitCode == 0);
  const Outcome again =
      cli({"set", "--partner-tenant-id", kPartner, "--display-name", "B", "--output", "json"});
  CHECK(again.exitCode == 1);
  const msgraph::Json error = msgraph::Json::parse(again.err);
  CHECK(error.find("status")->asInt() == 409);
  CHECK(error.find("hint")->asString().find("ensure") != std::string::npos);
}

TEST_CASE("cli: with --output json an authentication error is JSON too", "[integration][cli]") {
  Emulator emulator;
  const Outcome unauthorized =
      testing_support::run({MSGRAPH_CLI_PATH, "get", "--partner-tenant-id", kPartner, "--graph-url",
                            emulator.baseUrl(), "--ca-file", emulator.caFile(), "--output", "json"},
                           {}, {"MSGRAPH_ACCESS_TOKEN=forged"});
  CHECK(unauthorized.exitCode == 3);
  CHECK(msgraph::Json::parse(unauthorized.err).find("status")->asInt() == 401);
}
