// SPDX-License-Identifier: MIT
// How the tool signs in (MSGRAPH_CLI_PATH against the emulator over HTTPS): the default chain
// from the variables of a CI job, a Kubernetes pod, an App Service or a VM, a fake `az` on
// PATH, --credential forcing one, contradictions refused before anything is sent, the token
// verb, and --verbose naming the credential with no secret, assertion or token in any output.
// Every run is sealed from the machine's own sign-in variables (process.hpp: sealedSignIn), so
// IMDS is the emulator or a closed port of 127.0.0.1, never 169.254.169.254.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cctype>
#include <ctime>

#include "integration/emulator.hpp"
#include "integration/federated_workload.hpp"
#include "integration/terminal_run.hpp"
#include "unit/test_certificates.hpp"

using testing_support::Emulator;
using testing_support::FederatedWorkload;
using testing_support::Outcome;
using Env = std::vector<std::string>;

namespace {

const std::string kHeader = "identity-header-5d1e";
const std::string kUserAssigned = "55555555-6666-7777-8888-999999999999";

std::vector<std::string> toolArgs(const Emulator& emulator, std::vector<std::string> args) {
  args.insert(args.begin(), MSGRAPH_CLI_PATH);
  args.insert(args.end(),
              {"--graph-url", emulator.baseUrl(), "--ca-file", emulator.caFile(), "--verbose"});
  return args;
}

// `partner list` (or `args`) at --verbose with `env` as the only sign-in variables.
Outcome signIn(const Emulator& emulator, const Env& env,
               std::vector<std::string> args = {"partner", "list"}) {
  return testing_support::run(toolArgs(emulator, std::move(args)), {}, env);
}

Env secretVariables(const Emulator& emulator) {
  return {"AZURE_TENANT_ID=contoso.onmicrosoft.com",
          std::string("AZURE_CLIENT_ID=") + Emulator::kClientId,
          std::string("AZURE_CLIENT_SECRET=") + Emulator::kSecret,
          "AZURE_AUTHORITY_HOST=" + emulator.baseUrl()};
}

// What a token or a secret looks like: 40 or more base64url characters in a row. The
// emulator's access tokens are 43; ids, URLs and the redacted headers are not.
bool hasTokenShapedText(const std::string& text) {
  std::size_t run = 0;
  for (const char c : text) {
    run = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? run + 1 : 0;
    if (run >= 40) return true;
  }
  return false;
}

// The run succeeded, named `credential`, and showed none of `secrets` nor any token.
void requireSignedIn(const Outcome& outcome, const std::string& credential,
                     const std::vector<std::string>& secrets) {
  INFO(outcome.err);
  CHECK(outcome.exitCode == 0);
  CHECK(outcome.err.find("VERBOSE: signed in with " + credential + "\n") != std::string::npos);
  CHECK(outcome.err.find("Authorization: Bearer ***") != std::string::npos);
  for (const std::string& secret : secrets) {
    INFO("secret of " << secret.size() << " bytes, starting " << secret.substr(0, 4));
    CHECK(outcome.out.find(secret) == std::string::npos);
    CHECK(outcome.err.find(secret) == std::string::npos);
  }
  CHECK_FALSE(hasTokenShapedText(outcome.out + outcome.err));
}

// `text` as one single-quoted word of sh.
std::string shellQuoted(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// A fake Azure CLI in `dir` that prints `stdoutText` and `stderrText` and exits `code`; with
// PATH=dir it is the only `az` (printf is a builtin of sh, so nothing else is looked up).
std::string fakeAz(const msgraph_test::TempDir& dir, const std::string& stdoutText,
                   const std::string& stderrText = {}, int code = 0) {
  const std::string script =
      dir.write("az", "#!/bin/sh\nprintf '%s' " + shellQuoted(stdoutText) + "\nprintf '%s' " +
                          shellQuoted(stderrText) + " >&2\nexit " + std::to_string(code) + "\n");
  chmod(script.c_str(), 0755);
  return dir.path("");
}

std::string emulatorToken(const Emulator& emulator) {
  msgraph::ClientSecretCredential credential("contoso.onmicrosoft.com", Emulator::kClientId,
                                             Emulator::kSecret, emulator.tokenOptions());
  return credential.getToken({{"https://graph.microsoft.com/.default"}}, {}).token;
}

}  // namespace

TEST_CASE("cli sign-in: the chain and --credential environment use AZURE_CLIENT_SECRET",
          "[integration][cli][sign-in]") {
  const Emulator emulator;
  const Env env = secretVariables(emulator);
  requireSignedIn(signIn(emulator, env), "DefaultCredential (EnvironmentCredential)",
                  {Emulator::kSecret});
  requireSignedIn(signIn(emulator, env, {"partner", "list", "--credential", "environment"}),
                  "EnvironmentCredential (ClientSecretCredential)", {Emulator::kSecret});
  SECTION("MSGRAPH_ACCESS_TOKEN still comes first") {
    const std::string token = emulatorToken(emulator);
    Env withToken = env;
    withToken.push_back("MSGRAPH_ACCESS_TOKEN=" + token);
    requireSignedIn(signIn(emulator, withToken), "StaticTokenCredential",
                    {token, Emulator::kSecret});
  }
}

TEST_CASE("cli sign-in: --credential secret, certificate and token use their flags",
          "[integration][cli][sign-in]") {
  msgraph_test::TempDir dir;
  const auto key = msgraph_test::rsaKey(2048);
  const std::string certificate =
      msgraph_test::certificatePem(msgraph_test::makeCertificate(key.get(), "app").get());
  const std::string keyPem = msgraph_test::privateKeyPem(key.get());
  const Emulator emulator(
      {"--app-cert", std::string(Emulator::kClientId) + ":" + dir.write("app.crt", certificate)});
  const std::vector<std::string> app = {"--login-url", emulator.baseUrl(),
                                        "--tenant",    "contoso.onmicrosoft.com",
                                        "--client-id", Emulator::kClientId};
  const auto with = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"partner", "list"});
    args.insert(args.end(), app.begin(), app.end());
    return args;
  };
  const Env secret = {std::string("IT_SECRET=") + Emulator::kSecret};
  requireSignedIn(signIn(emulator, secret,
                         with({"--credential", "secret", "--client-secret-env", "IT_SECRET"})),
                  "ClientSecretCredential", {Emulator::kSecret});
  const std::string bundle = dir.write("app.pem", certificate + keyPem);
  std::vector<std::string> keyLines;
  for (std::size_t at = keyPem.find('\n') + 1; at + 64 < keyPem.size(); at += 65) {
    keyLines.push_back(keyPem.substr(at, 64));
  }
  requireSignedIn(
      signIn(emulator, {}, with({"--credential", "certificate", "--certificate", bundle})),
      "ClientCertificateCredential", keyLines);
  const std::string token = emulatorToken(emulator);
  requireSignedIn(
      signIn(emulator, {"MY_TOKEN=" + token},
             {"partner", "list", "--credential", "token", "--access-token-env", "MY_TOKEN"}),
      "StaticTokenCredential", {token});
}

TEST_CASE("cli sign-in: workload identity from AZURE_FEDERATED_TOKEN_FILE",
          "[integration][cli][sign-in]") {
  const FederatedWorkload workload;
  std::vector<std::string> flags = workload.emulatorFlags();
  flags.insert(flags.end(), {"--tenant", FederatedWorkload::kTenant});
  const Emulator emulator(flags);
  const std::string assertion = workload.token();
  workload.writeTokenFile(assertion);
  const std::vector<std::string> secrets = {assertion, assertion.substr(assertion.rfind('.') + 1)};
  const Env file = {"AZURE_FEDERATED_TOKEN_FILE=" + workload.tokenFile(),
                    "AZURE_AUTHORITY_HOST=" + emulator.baseUrl()};
  Env env = file;
  env.insert(env.end(), {std::string("AZURE_TENANT_ID=") + FederatedWorkload::kTenant,
                         std::string("AZURE_CLIENT_ID=") + FederatedWorkload::kApp});
  requireSignedIn(signIn(emulator, env), "DefaultCredential (WorkloadIdentityCredential)", secrets);
  SECTION("--credential workload with --tenant and --client-id instead of the variables") {
    requireSignedIn(signIn(emulator, file,
                           {"partner", "list", "--credential", "workload", "--tenant",
                            FederatedWorkload::kTenant, "--client-id", FederatedWorkload::kApp}),
                    "WorkloadIdentityCredential", secrets);
  }
  SECTION("an unreadable token file: exit 3, naming the file") {
    Env missing = env;
    missing.insert(missing.begin(), "AZURE_FEDERATED_TOKEN_FILE=" + workload.tokenFile() + ".x");
    const Outcome failed = signIn(emulator, missing);
    CHECK(failed.exitCode == 3);
    CHECK(failed.err.find(workload.tokenFile() + ".x") != std::string::npos);
  }
}

TEST_CASE("cli sign-in: managed identity at IDENTITY_ENDPOINT, or at IMDS where pointed",
          "[integration][cli][sign-in]") {
  const Emulator emulator({"--identity-header", kHeader, "--managed-identity", "--managed-identity",
                           kUserAssigned, "--imds"});
  const Env appService = {"IDENTITY_ENDPOINT=" + emulator.baseUrl() + "/msi/token",
                          "IDENTITY_HEADER=" + kHeader};
  requireSignedIn(signIn(emulator, appService), "DefaultCredential (ManagedIdentityCredential)",
                  {kHeader});
  requireSignedIn(signIn(emulator, appService,
                         {"partner", "list", "--credential", "managed-identity",
                          "--managed-identity-client-id", kUserAssigned}),
                  "ManagedIdentityCredential (App Service)", {kHeader});
  requireSignedIn(signIn(emulator, {"AZURE_POD_IDENTITY_AUTHORITY_HOST=" + emulator.baseUrl()},
                         {"partner", "list", "--credential", "managed-identity"}),
                  "ManagedIdentityCredential (IMDS)", {});
  SECTION("a wrong IDENTITY_HEADER: exit 3, the header not shown") {
    const Outcome refused =
        signIn(emulator, {"IDENTITY_ENDPOINT=" + emulator.baseUrl() + "/msi/token",
                          "IDENTITY_HEADER=stale-header-0b7"});
    CHECK(refused.exitCode == 3);
    CHECK(refused.err.find("ManagedIdentityCredential (App Service) refused (HTTP 401)") !=
          std::string::npos);
    CHECK(refused.err.find("stale-header-0b7") == std::string::npos);
  }
}

TEST_CASE("cli sign-in: the Azure CLI on PATH, signed in or not", "[integration][cli][sign-in]") {
  const Emulator emulator;
  msgraph_test::TempDir dir;
  const std::string token = emulatorToken(emulator);
  const std::string answer = "{\"accessToken\": \"" + token +
                             "\", \"expires_on\": " + std::to_string(std::time(nullptr) + 3600) +
                             ", \"tokenType\": \"Bearer\"}";
  const Env path = {"PATH=" + fakeAz(dir, answer)};
  requireSignedIn(signIn(emulator, path, {"partner", "list", "--credential", "azure-cli"}),
                  "AzureCliCredential", {token});
  requireSignedIn(signIn(emulator, path), "DefaultCredential (AzureCliCredential)", {token});
  SECTION("not signed in: exit 3, telling to run az login") {
    const Env loggedOut = {"PATH=" +
                           fakeAz(dir, "", "ERROR: Please run 'az login' to setup account.", 1)};
    const Outcome refused =
        signIn(emulator, loggedOut, {"partner", "list", "--credential", "azure-cli"});
    CHECK(refused.exitCode == 3);
    CHECK(refused.err.find("az login") != std::string::npos);
  }
}

TEST_CASE("cli sign-in: with nothing set up, exit 3 with every credential tried and why",
          "[integration][cli][sign-in]") {
  const Emulator emulator;
  const Outcome failed = signIn(emulator, {});
  INFO(failed.err);
  CHECK(failed.exitCode == 3);
  CHECK(failed.err.find("DefaultCredential: no credential gave a token. Tried in order: "
                        "EnvironmentCredential") != std::string::npos);
  const std::size_t managed = failed.err.find("ManagedIdentityCredential (IMDS)");
  CHECK(failed.err.find("WorkloadIdentityCredential") < managed);
  CHECK(failed.err.find("127.0.0.1 port 1", managed) !=
        std::string::npos);  // never 169.254.169.254
  CHECK(failed.err.find("AzureCliCredential", managed) != std::string::npos);
  CHECK(failed.err.find("169.254.169.254") == std::string::npos);
  CHECK(emulator.stats().find("graphRequests")->asInt() == 0);
}

TEST_CASE("cli sign-in: contradictory sign-in options are usage errors, before any request",
          "[integration][cli][sign-in]") {
  const Emulator emulator;
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--credential", "environment", "--client-secret-env", "S"},
       "--client-secret-env cannot be combined with --credential environment"},
      {{"--credential", "managed-identity", "--tenant", "t"},
       "--tenant cannot be combined with --credential managed-identity"},
      {{"--credential", "secret", "--tenant", "t", "--client-id", "c"},
       "--credential secret needs --client-secret-env VAR"},
      {{"--credential", "certificate", "--client-secret-env", "S"},
       "--credential certificate needs --certificate FILE"},
      {{"--credential", "token", "--client-id", "c"},
       "--credential token cannot be combined with app credentials"},
      {{"--credential", "token"}, "--credential token: the environment variable"},
      {{"--credential", "workload", "--managed-identity-client-id", "m"},
       "--managed-identity-client-id cannot be combined with --credential workload"},
      {{"--access-token-env", "T", "--managed-identity-client-id", "m"},
       "--managed-identity-client-id cannot be combined with app credentials or "
       "--access-token-env"},
      {{"--credential", "kerberos"}, "--credential: 'kerberos' is not one of environment|"},
  };
  for (const auto& [options, message] : cases) {
    std::vector<std::string> args = {"partner", "list"};
    args.insert(args.end(), options.begin(), options.end());
    const Outcome refused = signIn(emulator, {"S=s3cr3t-value", "T=t0ken-value"}, args);
    INFO(refused.err);
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.find(message) != std::string::npos);
  }
  CHECK(emulator.stats().find("graphRequests")->asInt() == 0);
}

TEST_CASE("cli token: prints a token to a pipe for later calls, a terminal only with --force",
          "[integration][cli][sign-in]") {
  const Emulator emulator;
  const Env env = secretVariables(emulator);
  const Outcome printed = signIn(emulator, env, {"token"});
  INFO(printed.err);
  REQUIRE(printed.exitCode == 0);
  REQUIRE(printed.out.size() > 1);
  CHECK(printed.out.back() == '\n');
  const std::string token = printed.out.substr(0, printed.out.size() - 1);
  CHECK(printed.err.find(token) == std::string::npos);
  CHECK(printed.err.find(Emulator::kSecret) == std::string::npos);
  CHECK(printed.err.find("VERBOSE: signed in with DefaultCredential (EnvironmentCredential)") !=
        std::string::npos);
  requireSignedIn(signIn(emulator, {"MSGRAPH_ACCESS_TOKEN=" + token}), "StaticTokenCredential",
                  {token});

  const testing_support::TerminalOutcome refused =
      testing_support::runOnTerminal(toolArgs(emulator, {"token"}), env);
  CHECK(refused.exitCode == 2);
  CHECK(refused.err.find("token: standard output is a terminal") != std::string::npos);
  CHECK(refused.terminal.empty());
  const testing_support::TerminalOutcome forced =
      testing_support::runOnTerminal(toolArgs(emulator, {"token", "--force"}), env);
  CHECK(forced.exitCode == 0);
  CHECK(hasTokenShapedText(forced.terminal));
  CHECK(signIn(emulator, env, {"token", "--what-if"}).exitCode == 2);
}
