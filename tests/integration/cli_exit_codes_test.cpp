// SPDX-License-Identifier: MIT
// The tool's exit codes by failure class (issue 12, point 6), against the emulator over HTTPS and
// the hostile server: TLS alike on the token and the Graph request, unreadable files alike,
// an unreadable 200 its own class, oversize headers and tokens and bad lifetimes named, failed
// output never exit 0, and the table in --help.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "integration/cli.hpp"
#include "integration/emulator.hpp"
#include "integration/process.hpp"
#include "support/hostile_server.hpp"

using msgraph_test::HostileServer;
using msgraph_test::Reply;
using msgraph_test::WireRequest;
using testing_support::Emulator;
using testing_support::Outcome;
using testing_support::StdoutTo;

namespace {

const std::string kPartner = "3c2b1a09-8f7e-4d6c-b5a4-0f1e2d3c4b5a";
const std::string kPolicy = R"({"tenantId":")" + kPartner + R"(","displayName":"Fabrikam"})";

// `get` of the policy from a Graph at `graphUrl` with a static token.
Outcome getFrom(const std::string& graphUrl, std::vector<std::string> extra = {},
                StdoutTo to = StdoutTo::Pipe, const std::string& token = "t") {
  std::vector<std::string> args = {MSGRAPH_CLI_PATH, "get",    "--partner-tenant-id", kPartner,
                                   "--graph-url",    graphUrl, "--max-retries",       "0"};
  args.insert(args.end(), extra.begin(), extra.end());
  return testing_support::run(args, {}, {"MSGRAPH_ACCESS_TOKEN=" + token}, to);
}

// `get` signed in with a client secret at the token endpoint `loginUrl` (the Graph is unused:
// the token request fails first).
Outcome signInAt(const std::string& loginUrl, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {MSGRAPH_CLI_PATH,
                                   "get",
                                   "--partner-tenant-id",
                                   kPartner,
                                   "--login-url",
                                   loginUrl,
                                   "--graph-url",
                                   loginUrl,
                                   "--tenant",
                                   "contoso",
                                   "--client-id",
                                   "app",
                                   "--client-secret-env",
                                   "IT_SECRET",
                                   "--max-retries",
                                   "0"};
  args.insert(args.end(), extra.begin(), extra.end());
  return testing_support::run(args, {}, {"IT_SECRET=s3cr3t"});
}

// A Graph that answers every request 200 with `body`.
Reply::Headers jsonType() { return {{"Content-Type", "application/json"}}; }

// A token endpoint that answers 200 with `body`, and Graph beside it (never reached in these
// tests: a request to it would show on the wire).
HostileServer tokenEndpointAnswering(const std::string& body) {
  return HostileServer([body](const WireRequest& request) {
    if (request.method == "POST") return Reply::answer(200, body, jsonType());
    return Reply::answer(200, kPolicy, jsonType());
  });
}

const char* const kTool = "msgraph-identity-sync: ";

}  // namespace

TEST_CASE("cli exit codes: a TLS failure is 4 on the token request as on the Graph request",
          "[integration][cli]") {
  const Emulator trusted({"--auto-create-partners"});
  const Emulator stranger({"--auto-create-partners"});  // a CA that --ca-file does not hold
  const testing_support::Cli cli(trusted);
  SECTION("the token request") {
    const Outcome refused = signInAt(stranger.baseUrl(), {"--ca-file", trusted.caFile()});
    CHECK(refused.exitCode == 4);
    CHECK(refused.err.rfind(std::string(kTool) + "the token endpoint could not be reached: POST " +
                                stranger.baseUrl() + " failed: ",
                            0) == 0);
    CHECK(refused.err.find("(curl code 60)") != std::string::npos);
  }
  SECTION("the Graph request, signed in at the trusted token endpoint") {
    const Outcome refused = testing_support::run(
        {MSGRAPH_CLI_PATH, "get", "--partner-tenant-id", kPartner, "--login-url", trusted.baseUrl(),
         "--graph-url", stranger.baseUrl(), "--ca-file", trusted.caFile(), "--tenant",
         "contoso.onmicrosoft.com", "--client-id", Emulator::kClientId, "--client-secret-env",
         "IT_SECRET"},
        {}, {"IT_SECRET=" + std::string(Emulator::kSecret)});
    CHECK(refused.exitCode == 4);
    CHECK(refused.err.rfind(std::string(kTool) + "GET " + stranger.baseUrl() + " failed: ", 0) ==
          0);
    CHECK(refused.err.find("(curl code 60)") != std::string::npos);
  }
  SECTION("the same call trusting the right CA succeeds") {
    CHECK(cli({"set", "--partner-tenant-id", kPartner, "--display-name", "F"}).exitCode == 0);
  }
}

TEST_CASE("cli exit codes: an unreadable --certificate and --ca-file are both usage errors (2)",
          "[integration][cli]") {
  testing_support::TempDir dir;
  const std::string missing = dir.path("missing.pem");
  const std::string directory = dir.path("");
  const auto withCertificate = [&](const std::string& path) {
    return testing_support::run({MSGRAPH_CLI_PATH, "get", "--partner-tenant-id", kPartner,
                                 "--tenant", "contoso", "--client-id", "app", "--certificate",
                                 path});
  };
  const auto withCaFile = [&](const std::string& path) {
    return testing_support::run(
        {MSGRAPH_CLI_PATH, "get", "--partner-tenant-id", kPartner, "--ca-file", path}, {},
        {"MSGRAPH_ACCESS_TOKEN=t"});
  };
  for (const auto& [path, reason] : std::vector<std::pair<std::string, std::string>>{
           {missing, "No such file or directory"}, {directory, "Is a directory"}}) {
    INFO(path);
    const Outcome certificate = withCertificate(path);
    CHECK(certificate.exitCode == 2);
    CHECK(certificate.err ==
          std::string(kTool) + "--certificate: cannot open '" + path + "': " + reason + "\n");
    const Outcome caFile = withCaFile(path);
    CHECK(caFile.exitCode == 2);
    CHECK(caFile.err ==
          std::string(kTool) + "--ca-file: cannot open '" + path + "': " + reason + "\n");
  }
}

TEST_CASE("cli exit codes: an unreadable 200 body is its own class (6), not a Graph error",
          "[integration][cli]") {
  struct Case {
    std::string name, body, message;
  };
  const std::string prefix = std::string(kTool) + "cannot read Graph's answer: ";
  for (const Case& c : std::vector<Case>{
           {"not JSON", "{not json",
            "JSON document is not valid JSON: Missing a name for object member. (at byte 1)"},
           {"a byte order mark", "\xef\xbb\xbf" + kPolicy,
            "JSON document is not valid JSON: Invalid value. (at byte 0)"},
           {"1e999", R"({"displayName":"F","n":1e999})",
            "JSON value at '/n' is not valid JSON: Number too big to be stored in double. (at "
            "byte 23)"}}) {
    INFO(c.name);
    HostileServer graph([&](const WireRequest&) { return Reply::answer(200, c.body, jsonType()); });
    const Outcome unreadable = getFrom(graph.baseUrl());
    CHECK(unreadable.exitCode == 6);
    CHECK(unreadable.err == prefix + c.message + "\n");
    CHECK(unreadable.out.empty());
  }
}

TEST_CASE("cli exit codes: a response header over libcurl's limit says so (4)",
          "[integration][cli]") {
  HostileServer graph([](const WireRequest&) {
    return Reply::answer(200, kPolicy, {{"X-Big", std::string(100 * 1024, 'a')}});
  });
  const Outcome refused = getFrom(graph.baseUrl());
  CHECK(refused.exitCode == 4);
  CHECK(refused.err.rfind(std::string(kTool) + "GET " + graph.baseUrl() +
                              " failed: the response headers are larger than libcurl accepts "
                              "(100 KB for one header, 300 KB in all) (curl code ",
                          0) == 0);
  CHECK(refused.err.find("Out of memory") == std::string::npos);
}

TEST_CASE("cli exit codes: an access token over 32 KB is refused before sending (3)",
          "[integration][cli]") {
  SECTION("2 MB from the token endpoint: nothing goes to Graph") {
    HostileServer login = tokenEndpointAnswering(R"({"token_type":"Bearer","expires_in":3599,)"
                                                 R"("access_token":")" +
                                                 std::string(2 * 1024 * 1024, 'a') + R"("})");
    const Outcome refused = signInAt(login.baseUrl());
    CHECK(refused.exitCode == 3);
    CHECK(refused.err == std::string(kTool) +
                             "the credential returned an access token of 2097152 bytes, over the "
                             "limit of 32768; nothing was sent\n");
    REQUIRE(login.requests().size() == 1);
    CHECK(login.requests()[0].method == "POST");
  }
  SECTION("40 KB from MSGRAPH_ACCESS_TOKEN: nothing is sent") {
    HostileServer graph([](const WireRequest&) { return Reply::answer(200, kPolicy, jsonType()); });
    const Outcome refused = getFrom(graph.baseUrl(), {}, StdoutTo::Pipe, std::string(40000, 'a'));
    CHECK(refused.exitCode == 3);
    CHECK(refused.err == std::string(kTool) +
                             "the credential returned an access token of 40000 bytes, over the "
                             "limit of 32768; nothing was sent\n");
    CHECK(graph.requests().empty());
  }
}

TEST_CASE("cli exit codes: an expires_in of -5 or 1e20 is named in the message (3)",
          "[integration][cli]") {
  // As sent, and as the message shows the JSON value.
  for (const auto& [value, shown] : std::vector<std::pair<std::string, std::string>>{
           {"-5", "-5"}, {"1e20", "100000000000000000000.0"}}) {
    INFO(value);
    HostileServer login = tokenEndpointAnswering(
        R"({"token_type":"Bearer","access_token":"t","expires_in":)" + value + "}");
    const Outcome refused = signInAt(login.baseUrl());
    CHECK(refused.exitCode == 3);
    CHECK(refused.err == std::string(kTool) +
                             "the token endpoint's answer (HTTP 200) has expires_in " + shown +
                             ", which is not a lifetime in seconds from 1 to 86400\n");
    CHECK(login.requests().size() == 1);
  }
}

TEST_CASE("cli exit codes: output that cannot be written exits 7 with a message, never 0",
          "[integration][cli]") {
  // The policy, or for the partner listing one page of one partner.
  HostileServer graph([](const WireRequest& request) {
    const bool listing = request.target.find("/identitySynchronization") == std::string::npos;
    return Reply::answer(200, listing ? R"({"value":[)" + kPolicy + "]}" : kPolicy, jsonType());
  });
  for (const auto& [to, reason] :
       std::vector<std::pair<StdoutTo, std::string>>{{StdoutTo::DevFull, "No space left on device"},
                                                     {StdoutTo::Closed, "Bad file descriptor"}}) {
    INFO(reason);
    const std::string message =
        std::string(kTool) + "cannot write to standard output: " + reason + "\n";
    const Outcome got = getFrom(graph.baseUrl(), {}, to);
    CHECK(got.exitCode == 7);
    CHECK(got.err == message);
    const Outcome version = testing_support::run({MSGRAPH_CLI_PATH, "--version"}, {}, {}, to);
    CHECK(version.exitCode == 7);
    CHECK(version.err == message);
    const Outcome listed =
        testing_support::run({MSGRAPH_CLI_PATH, "partner", "list", "--graph-url", graph.baseUrl()},
                             {}, {"MSGRAPH_ACCESS_TOKEN=t"}, to);
    CHECK(listed.exitCode == 7);
    CHECK(listed.err == message);
  }
}

TEST_CASE("cli exit codes: --help has the table of classes and codes", "[integration][cli]") {
  const Outcome help = testing_support::run({MSGRAPH_CLI_PATH, "--help"});
  REQUIRE(help.exitCode == 0);
  for (const char* line :
       {"\nExit codes:\n  0  success: ", "\n  1  Graph refused: ", "\n  2  usage: ",
        "\n  3  authentication: ", "\n  4  transport: ", "\n  5  declined: ",
        "\n  6  unreadable answer: ", "\n  7  output failed: "}) {
    CHECK(help.out.find(line) != std::string::npos);
  }
}
