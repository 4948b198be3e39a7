// SPDX-License-Identifier: MIT
// The tool's (MSGRAPH_CLI_PATH) conventions against the emulator: --version, --max-retries,
// --retry-after-max.
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
