// SPDX-License-Identifier: MIT
// One loopback rule for both tools (msgraph::isLoopbackHost: 127.0.0.0/8, ::1, localhost): the
// emulator listens there without --allow-remote, and the tool talks plain HTTP to it there.
#include <catch2/catch.hpp>

#include "integration/plain_emulator.hpp"

using testing_support::Outcome;
using testing_support::PlainEmulator;

namespace {

const std::string kPartner = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";

Outcome tool(std::vector<std::string> args, const std::string& graphUrl) {
  args.insert(args.begin(), MSGRAPH_CLI_PATH);
  args.insert(args.end(), {"--partner-tenant-id", kPartner, "--graph-url", graphUrl});
  return testing_support::run(args, {}, {"MSGRAPH_ACCESS_TOKEN=any"});
}

}  // namespace

TEST_CASE("loopback: the emulator on 127.0.0.2 and the tool over http:// to it",
          "[integration][cli]") {
  PlainEmulator emulator({"--host", "127.0.0.2", "--accept-any-token", "--auto-create-partners"});
  REQUIRE(emulator.baseUrl() == "http://127.0.0.2:" + std::to_string(emulator.port()));
  const Outcome set = tool({"set", "--display-name", "Fabrikam"}, emulator.baseUrl());
  CHECK(set.exitCode == 0);
  CHECK(set.err.empty());
  const Outcome get = tool({"get", "--output", "json"}, emulator.baseUrl());
  CHECK(get.exitCode == 0);
  CHECK(msgraph::Json::parse(get.out).find("displayName")->asString() == "Fabrikam");
}

TEST_CASE("loopback: both tools refuse an address outside 127.0.0.0/8", "[integration][cli]") {
  const Outcome emulator = testing_support::run({MSGRAPH_EMULATOR_PATH, "--host", "128.0.0.1"});
  CHECK(emulator.exitCode == 2);
  CHECK(emulator.err ==
        "msgraph-emulator: --host 128.0.0.1: not a loopback address (127.0.0.0/8, ::1, "
        "localhost); add --allow-remote to listen on it\n");
  const Outcome cli = tool({"get"}, "http://128.0.0.1:1");
  CHECK(cli.exitCode == 2);
  CHECK(cli.err.find("http:// is allowed only for loopback hosts") != std::string::npos);
}
