// SPDX-License-Identifier: MIT
// AzureCliCredential against a fake `az`: a shell script the test writes into a temporary
// directory that is the only PATH the credential searches. The script records its arguments,
// prints what the real CLI prints, fails as it fails, or hangs.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "msgraph/auth/azure_cli_credential.hpp"
#include "support/temp_dir.hpp"
#include "unit/credential_test_support.hpp"

using namespace msgraph_test::credentials;
using msgraph::AzureCliCredential;
using msgraph::AzureCliCredentialOptions;

namespace {

const std::string kCliToken = "eyJ0eXAiOiJKV1QifQ.cli-token-body.cli-signature";

struct FakeAz {
  msgraph_test::TempDir dir;
  TestClock clock;
  std::vector<std::string> log;

  // Installs `az` running `body` (after recording its arguments, one a line, in args.txt).
  void script(const std::string& body) {
    const std::string path = dir.write(
        "az", "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + dir.path("args.txt") + "'\n" + body + "\n");
    ::chmod(path.c_str(), 0755);
  }
  void printsToken(const std::string& json) { script("cat <<'EOF'\n" + json + "\nEOF"); }
  std::string args() const {
    std::ifstream in(dir.path("args.txt"));
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::unique_ptr<AzureCliCredential> credential(AzureCliCredentialOptions cli = {}) {
    msgraph::TokenCredentialOptions options;
    options.clock = clock.function();
    options.logger = [this](msgraph::LogLevel, std::string_view line) { log.emplace_back(line); };
    if (cli.path.empty()) cli.path = "/nonexistent-dir::" + dir.path("");
    return std::make_unique<AzureCliCredential>(options, cli);
  }
  std::string answer(std::int64_t expiresIn) const {
    return Json::object({{"accessToken", kCliToken},
                         {"expiresOn", "2023-11-14 23:13:20.000000"},
                         {"expires_on", clock.seconds() + expiresIn},
                         {"subscription", "sub"},
                         {"tenant", kTenant},
                         {"tokenType", "Bearer"}})
        .dump();
  }
};

std::string messageOf(AzureCliCredential& credential) {
  return authenticationErrorFrom([&] { fetch(credential); }).what();
}

}  // namespace

TEST_CASE("AzureCliCredential runs az account get-access-token and reads its token",
          "[auth][cli]") {
  FakeAz az;
  az.printsToken(az.answer(3600));
  auto credential = az.credential();
  const auto token = fetch(*credential);
  CHECK(token.token == kCliToken);
  CHECK(token.expiresOn == az.clock.now() + 3600s);  // expires_on wins over expiresOn
  CHECK(az.args() ==
        "account\nget-access-token\n--resource\nhttps://graph.microsoft.com\n--output\njson\n");
  for (const auto& line : az.log) CHECK_FALSE(contains(line, kCliToken));

  SECTION("cached, then run again once the token is about to expire") {
    CHECK(fetch(*credential).expiresOn == az.clock.now() + 3600s);
    az.clock.advance(3600s - 4min);
    az.printsToken(az.answer(7200));
    CHECK(fetch(*credential).expiresOn == az.clock.now() + 7200s);
  }
}

TEST_CASE("AzureCliCredential passes --tenant, and refuses a tenant that is not a name",
          "[auth][cli]") {
  FakeAz az;
  az.printsToken(az.answer(3600));
  AzureCliCredentialOptions cli;
  cli.tenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  fetch(*az.credential(cli));
  CHECK(contains(az.args(), "--tenant\n72f988bf-86f1-41af-91ab-2d7cd011db47\n"));
  for (const char* odd : {"--allow-no-subscriptions", "a b", "t;rm -rf", "x\n"}) {
    cli.tenantId = odd;
    CHECK(validationErrorFrom([&] { az.credential(cli); }).field() == "tenantId");
  }
}

TEST_CASE("AzureCliCredential reads expiresOn (local time) from older CLIs", "[auth][cli]") {
  FakeAz az;
  const std::time_t expires = static_cast<std::time_t>(az.clock.seconds() + 1800);
  std::tm local{};
  ::localtime_r(&expires, &local);
  char text[64];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S.000000", &local);
  az.printsToken(Json::object({{"accessToken", kCliToken}, {"expiresOn", text}}).dump());
  CHECK(fetch(*az.credential()).expiresOn == az.clock.now() + 1800s);
}

TEST_CASE("AzureCliCredential: az missing, not signed in, failing, hanging or babbling",
          "[auth][cli]") {
  FakeAz az;
  SECTION("no az on the PATH: says to install it and run az login") {
    AzureCliCredentialOptions cli;
    cli.path = az.dir.path("empty");
    CHECK(messageOf(*az.credential(cli)) ==
          "AzureCliCredential: the Azure CLI (az) was not found on PATH. Install it, then run 'az "
          "login'"s);
  }
  SECTION("not signed in: says to run az login") {
    az.script("echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1");
    const std::string message = messageOf(*az.credential());
    CHECK(contains(message,
                   "AzureCliCredential: the Azure CLI is not signed in. Please run 'az "
                   "login' to set up an account"));
  }
  SECTION("another failure: the exit status and stderr, masked") {
    az.script("echo \"ERROR: AADSTS70043: refresh token expired; access_token=leaked; cached " +
              kCliToken + "\" >&2\nexit 2");
    const std::string message = messageOf(*az.credential());
    CHECK(contains(message, "az account get-access-token failed (exit 2): ERROR: AADSTS70043"));
    CHECK_FALSE(contains(message, "leaked"));
    CHECK_FALSE(contains(message, "cli-token-body"));  // a token quoted without a name, too
    CHECK(contains(message, "cached ***"));
  }
  SECTION("hanging past its timeout: az and what it started are killed") {
    az.script("sleep 30 &\necho $! > '" + az.dir.path("child.pid") + "'\nwait");
    AzureCliCredentialOptions cli;
    cli.timeout = 300ms;
    const auto started = std::chrono::steady_clock::now();
    CHECK(contains(messageOf(*az.credential(cli)), "did not finish within 300 ms and was stopped"));
    CHECK(std::chrono::steady_clock::now() - started < 20s);  // a hang guard, not a timing test
    std::ifstream pidFile(az.dir.path("child.pid"));
    int child = 0;
    pidFile >> child;
    REQUIRE(child > 0);
    // The sleep was in az's process group: it is gone (or a zombie awaiting its reaper).
    const auto guard = std::chrono::steady_clock::now() + 20s;
    auto alive = [&] {
      std::ifstream stat("/proc/" + std::to_string(child) + "/stat");
      std::string all((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
      return !all.empty() && all[all.rfind(')') + 2] != 'Z';
    };
    while (alive() && std::chrono::steady_clock::now() < guard) {
      std::this_thread::sleep_for(10ms);  // a poll for a process to end, under a hang guard
    }
    CHECK_FALSE(alive());
  }
  SECTION("output beyond 1 MB is cut off") {
    az.script("head -c 2000000 /dev/zero | tr '\\0' 'x'");
    CHECK(contains(messageOf(*az.credential()), "az printed more than 1048576 bytes"));
  }
  SECTION("output that is not a token") {
    az.printsToken(R"({"tokenType":"Bearer"})");
    CHECK(messageOf(*az.credential()) ==
          "AzureCliCredential: az account get-access-token printed no accessToken"s);
    az.printsToken(R"({"accessToken":"t","expires_on":"soon"})");
    CHECK(contains(messageOf(*az.credential()), "neither a usable expires_on"));
    az.printsToken("not json");
    CHECK(contains(messageOf(*az.credential()), "printed what is not JSON"));
  }
}
