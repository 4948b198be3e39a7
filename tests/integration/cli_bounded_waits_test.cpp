// SPDX-License-Identifier: MIT
// Bounded waits in the tool (MSGRAPH_CLI_PATH against a scripted hostile server): --deadline
// bounds the whole command, and --verbose announces every wait before it starts.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "integration/process.hpp"
#include "support/hostile_server.hpp"

using msgraph_test::HostileServer;
using msgraph_test::Reply;
using msgraph_test::WireRequest;
using testing_support::Outcome;

namespace {

const std::string kPartner = "5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0";
const std::string kPolicy = R"({"displayName":"F","userSyncInbound":{"isSyncAllowed":true}})";

Outcome runTool(const HostileServer& server, std::vector<std::string> args) {
  args.insert(args.begin(), MSGRAPH_CLI_PATH);
  args.insert(args.end(), {"--graph-url", server.baseUrl()});
  return testing_support::run(args, {}, {"MSGRAPH_ACCESS_TOKEN=token"});
}

const std::string kThrottled = R"({"error":{"code":"TooManyRequests","message":"slow down"}})";

}  // namespace

TEST_CASE("cli: --verbose announces each wait before it starts", "[integration][cli]") {
  HostileServer server([](const WireRequest& request) {
    if (request.index == 0) return Reply::answer(429, kThrottled, {{"Retry-After", "0"}});
    return Reply::answer(200, kPolicy, {{"Content-Type", "application/json"}});
  });
  const Outcome got = runTool(server, {"get", "--partner-tenant-id", kPartner, "--verbose"});
  CHECK(got.exitCode == 0);
  CHECK(got.err.find("VERBOSE: waiting 0 s after HTTP 429 to retry the request, attempt 2 of 4") !=
        std::string::npos);
  CHECK(server.requests().size() == 2);
}

TEST_CASE("cli: --deadline bounds a Retry-After that asks for days", "[integration][cli]") {
  HostileServer server([](const WireRequest&) {
    return Reply::answer(429, kThrottled, {{"Retry-After", "999999"}});
  });
  // The wait (Retry-After cut to 180 s) does not fit in the deadline: the tool fails at once
  // instead of waiting, and says why.
  const Outcome failed =
      runTool(server, {"get", "--partner-tenant-id", kPartner, "--deadline", "5", "--verbose"});
  CHECK(failed.exitCode != 0);
  CHECK(failed.err.find("deadline leaves no time to retry the request after HTTP 429 (a wait of "
                        "180000 ms)") != std::string::npos);
  CHECK(failed.err.find("VERBOSE: waiting") == std::string::npos);  // no wait was started
  CHECK(server.requests().size() == 1);
}

TEST_CASE("cli: --deadline takes a positive number of seconds", "[integration][cli]") {
  HostileServer server([](const WireRequest&) { return Reply::answer(500); });
  for (const char* bad : {"0", "-1", "x", "1e9"}) {
    const Outcome refused =
        runTool(server, {"get", "--partner-tenant-id", kPartner, "--deadline", bad});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.find("--deadline") != std::string::npos);
  }
  CHECK(server.requests().empty());
}
