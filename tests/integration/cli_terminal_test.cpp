// SPDX-License-Identifier: MIT
// No terminal or log injection (MSGRAPH_CLI_PATH against a hostile server on 127.0.0.1): what a
// server sends reaches the terminal with its control characters and bidirectional overrides
// escaped, in every human-readable output; --output json stays JSON with the same values.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "http/local_server.hpp"
#include "integration/process.hpp"
#include "msgraph/json/json.hpp"

using testing_support::Outcome;

namespace {

const std::string kPartner = "5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0";
const std::string kPolicyPath =
    "/v1.0/policies/crossTenantAccessPolicy/partners/" + kPartner + "/identitySynchronization";

// What a hostile answer carries: an escape sequence that recolours, one that retitles and
// clears the screen, a forged line, a NUL, and a right-to-left override.
const std::string kRecolour = "Evil\x1b[31mRED";
const std::string kRetitle = "\x1b]0;PWNED\x07\x1b[2J\r\nFAKE LINE";
const std::string kOverride =
    "\xe2\x80\xae"
    "fdp.exe";  // U+202E, then text shown reversed

// The raw bytes no output of the tool may carry.
void requireNoRawControls(const std::string& shown) {
  INFO(shown);
  const auto raw = std::find_if(shown.begin(), shown.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte != '\n' && (byte < 0x20 || byte == 0x7f);
  });
  CHECK(raw == shown.end());
  CHECK(shown.find("\xe2\x80\xae") == std::string::npos);
}

Outcome runTool(const msgraph::test::LocalServer& server, std::vector<std::string> args) {
  args.insert(args.begin(), MSGRAPH_CLI_PATH);
  args.insert(args.end(), {"--graph-url", server.baseUrl(), "--max-retries", "0"});
  return testing_support::run(args, {}, {"MSGRAPH_ACCESS_TOKEN=token"});
}

std::string hostileError() {
  msgraph::Json error = msgraph::Json::object();
  error.set("code", kRecolour);
  error.set("message", std::string("line one\r\nFAKE: forged\0tail", 27) + kOverride);
  return msgraph::Json::object({{"error", error}}).dump();
}

}  // namespace

TEST_CASE("cli: a hostile error's code, message and request-id reach the terminal escaped",
          "[integration][cli]") {
  msgraph::test::LocalServer server([](httplib::Server& routes) {
    routes.Get(kPolicyPath, [](const httplib::Request&, httplib::Response& response) {
      response.status = 400;
      response.set_header("request-id", "id\x1b[2Jcleared");
      response.set_content(hostileError(), "application/json");
    });
  });
  SECTION("as text") {
    const Outcome failed = runTool(
        server, {"get", "--partner-tenant-id", kPartner, "--response-headers", "--verbose"});
    CHECK(failed.exitCode == 1);
    requireNoRawControls(failed.err);
    CHECK(failed.err.find(
              "Evil\\x1b[31mRED: line one\\x0d\\x0aFAKE: forged\\x00tail\\u202efdp.exe") !=
          std::string::npos);
    CHECK(failed.err.find("request-id: id\\x1b[2Jcleared") != std::string::npos);
  }
  SECTION("as JSON: the same values, escaped by the writer") {
    const Outcome failed = runTool(
        server, {"get", "--partner-tenant-id", kPartner, "--output", "json", "--response-headers"});
    CHECK(failed.exitCode == 1);
    requireNoRawControls(failed.err);
    const msgraph::Json report = msgraph::Json::parse(failed.err.substr(0, failed.err.find('\n')));
    CHECK(report.find("code")->asString() == kRecolour);
    CHECK(report.find("message")->asString() ==
          std::string("line one\r\nFAKE: forged\0tail", 27) + kOverride);
    CHECK(report.find("request-id")->asString() == "id\x1b[2Jcleared");
  }
}

TEST_CASE("cli: --output text of a hostile displayName forges no line and retitles nothing",
          "[integration][cli]") {
  msgraph::test::LocalServer server([](httplib::Server& routes) {
    routes.Get(kPolicyPath, [](const httplib::Request&, httplib::Response& response) {
      msgraph::Json policy = msgraph::Json::object();
      policy.set("displayName", kRetitle);
      policy.set("tenantId", kOverride);
      policy.set(kRecolour, "a hostile key");
      response.set_content(policy.dump(), "application/json");
    });
  });
  const Outcome text =
      runTool(server, {"get", "--partner-tenant-id", kPartner, "--output", "text"});
  REQUIRE(text.exitCode == 0);
  requireNoRawControls(text.out);
  CHECK(text.out.find("DisplayName     : \\x1b]0;PWNED\\x07\\x1b[2J\\x0d\\x0aFAKE LINE\n") !=
        std::string::npos);
  CHECK(text.out.find("\nFAKE LINE") == std::string::npos);
  CHECK(text.out.find("\\u202efdp.exe") != std::string::npos);

  const Outcome json = runTool(server, {"get", "--partner-tenant-id", kPartner});
  REQUIRE(json.exitCode == 0);
  requireNoRawControls(json.out);
  const msgraph::Json parsed = msgraph::Json::parse(json.out);
  CHECK(parsed.find("displayName")->asString() == kRetitle);
  CHECK(parsed.find("tenantId")->asString() == kOverride);  // \u202e in the JSON, same value
}

TEST_CASE("cli: a *-env option given the secret itself is refused without echoing it",
          "[integration][cli]") {
  for (const char* option :
       {"--client-secret-env", "--access-token-env", "--certificate-password-env"}) {
    INFO(option);
    const std::string pasted = "Abc~8Q~s3cr3t.Value-With/Signs";
    const Outcome refused = testing_support::run(
        {MSGRAPH_CLI_PATH, "get", "--partner-tenant-id", kPartner, option, pasted});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.find(std::string(option) + " takes the NAME of an environment variable") !=
          std::string::npos);
    CHECK(refused.err.find("s3cr3t") == std::string::npos);
    CHECK(refused.out.find("s3cr3t") == std::string::npos);
  }
}
