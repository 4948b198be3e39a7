// SPDX-License-Identifier: MIT
// The tool's --retry-patch against the hostile server: a PATCH answered 504 goes out again only
// with the flag.
#include <catch2/catch.hpp>

#include "integration/process.hpp"
#include "support/hostile_server.hpp"

using msgraph_test::HostileServer;
using msgraph_test::Reply;
using msgraph_test::WireRequest;
using testing_support::Outcome;

namespace {

const std::string kPartner = "7c6b5a49-3827-4165-9a0b-1c2d3e4f5a6b";

// The first request gets a 504 (with a Retry-After of 0, so a retry follows at once), the rest 204.
Reply gatewayTimeoutFirst(const WireRequest& request) {
  if (request.index == 0) return Reply::answer(504, {}, {{"Retry-After", "0"}});
  return Reply::answer(204);
}

Outcome update(const HostileServer& server, std::vector<std::string> extra) {
  std::vector<std::string> args = {MSGRAPH_CLI_PATH, "update",         "--partner-tenant-id",
                                   kPartner,         "--display-name", "Fabrikam",
                                   "--graph-url",    server.baseUrl()};
  args.insert(args.end(), extra.begin(), extra.end());
  return testing_support::run(args, {}, {"MSGRAPH_ACCESS_TOKEN=t"});
}

}  // namespace

TEST_CASE("cli: a PATCH answered 504 is sent again only with --retry-patch", "[integration][cli]") {
  SECTION("without: one PATCH, Graph's error") {
    HostileServer server(gatewayTimeoutFirst);
    const Outcome failed = update(server, {});
    CHECK(failed.exitCode == 1);
    REQUIRE(server.requests().size() == 1);
    CHECK(server.requests()[0].method == "PATCH");
  }
  SECTION("with: a second PATCH, marked as a retry, succeeds") {
    HostileServer server(gatewayTimeoutFirst);
    const Outcome patched = update(server, {"--retry-patch"});
    CHECK(patched.exitCode == 0);
    const auto wire = server.requests();
    REQUIRE(wire.size() == 2);
    CHECK(wire[1].method == "PATCH");
    CHECK(wire[1].body == wire[0].body);
    CHECK(wire[1].header("Retry-Attempt") == "1");
  }
}

TEST_CASE("cli: --help documents --retry-patch", "[integration][cli]") {
  const Outcome help = testing_support::run({MSGRAPH_CLI_PATH, "update", "--help"});
  CHECK(help.exitCode == 0);
  CHECK(help.out.find("  --retry-patch ") != std::string::npos);
}
