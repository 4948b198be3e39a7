// SPDX-License-Identifier: MIT
// Bad values of the emulator's workload identity flags: exit status 2 and one line naming the
// flag and the reason, before anything listens.
#include <catch2/catch.hpp>

#include "integration/emulator.hpp"
#include "support/test_jwt.hpp"

namespace {

// The emulator's outcome with `args`, which must make it refuse to start.
testing_support::Outcome refused(std::vector<std::string> args) {
  args.insert(args.begin(), MSGRAPH_EMULATOR_PATH);
  return testing_support::run(args);
}

void checkRefusal(const testing_support::Outcome& outcome, const std::string& message) {
  CHECK(outcome.exitCode == 2);
  CHECK(outcome.out.empty());
  CHECK(outcome.err == "msgraph-emulator: " + message + "\n");
}

}  // namespace

TEST_CASE("emulator: bad workload identity flags are refused naming the flag",
          "[integration][emulator][federated][managed-identity]") {
  msgraph_test::TempDir dir;
  const std::string rsa =
      dir.write("rsa.pem", msgraph_test::publicKeyPem(msgraph_test::rsaKey(2048).get()));
  const std::string ec =
      dir.write("ec.pem", msgraph_test::publicKeyPem(msgraph_test::ecP256Key().get()));
  const std::string text = dir.write("text.pem", "not a key\n");
  SECTION("--federated-issuer without a file") {
    checkRefusal(refused({"--federated-issuer", "issuer-without-a-file"}),
                 "--federated-issuer: expected ISSUER:PUBLIC_KEY.pem (split at the last ':', so "
                 "the file name may not contain one), got 'issuer-without-a-file'");
  }
  SECTION("--federated-issuer with a file that does not exist") {
    const auto outcome =
        refused({"--federated-issuer", "https://issuer.test:" + dir.path("no.pem")});
    CHECK(outcome.exitCode == 2);
    CHECK(outcome.err.rfind("msgraph-emulator: --federated-issuer https://issuer.test:" +
                                dir.path("no.pem") + ": ",
                            0) == 0);
  }
  SECTION("--federated-issuer with a file that holds no key, or a key that is not RSA") {
    checkRefusal(refused({"--federated-issuer", "https://issuer.test:" + text}),
                 "--federated-issuer https://issuer.test:" + text +
                     ": no PEM public key (BEGIN PUBLIC KEY) or certificate (BEGIN CERTIFICATE) "
                     "found");
    checkRefusal(refused({"--federated-issuer", "https://issuer.test:" + ec}),
                 "--federated-issuer https://issuer.test:" + ec + ": the public key is not RSA");
  }
  SECTION("--app-federated whose issuer is not a --federated-issuer, or without a subject") {
    const std::string expected =
        ": expected CLIENT_ID:ISSUER:SUBJECT where ISSUER is one of the --federated-issuer "
        "issuers and SUBJECT is not empty";
    checkRefusal(refused({"--federated-issuer", "https://issuer.test:" + rsa, "--app-federated",
                          "app:https://other.test:subject"}),
                 "--app-federated app:https://other.test:subject" + expected);
    checkRefusal(refused({"--federated-issuer", "https://issuer.test:" + rsa, "--app-federated",
                          "app:https://issuer.test:"}),
                 "--app-federated app:https://issuer.test:" + expected);
    checkRefusal(refused({"--app-federated", "no-colon"}),
                 "--app-federated: expected CLIENT_ID:ISSUER:SUBJECT");
  }
  SECTION("--managed-identity with a client id that is not a GUID") {
    checkRefusal(refused({"--identity-header", "h", "--managed-identity", "my-identity"}),
                 "--managed-identity: expected a client id (a GUID such as "
                 "11111111-2222-3333-4444-555555555555) or no value for the system-assigned "
                 "identity, got 'my-identity'");
  }
  SECTION("--managed-identity twice for one identity") {
    checkRefusal(refused({"--identity-header", "h", "--managed-identity", "--managed-identity"}),
                 "--managed-identity: the system-assigned identity is already registered");
    checkRefusal(
        refused({"--identity-header", "h", "--managed-identity",
                 "55555555-6666-7777-8888-999999999999",
                 "--managed-identity=" + std::string("55555555-6666-7777-8888-999999999999")}),
        "--managed-identity: the identity 55555555-6666-7777-8888-999999999999 is "
        "already registered");
  }
  SECTION("--managed-identity without --identity-header") {
    checkRefusal(refused({"--managed-identity"}),
                 "--managed-identity needs --identity-header (the value clients send as "
                 "X-IDENTITY-HEADER), --imds or --arc-key-dir");
  }
  SECTION("--imds-gone-first without --imds") {
    checkRefusal(refused({"--imds-gone-first", "1"}),
                 "--imds-gone-first needs --imds or --arc-key-dir");
  }
  SECTION("--imds and --arc-key-dir together, or a key directory that cannot be written") {
    checkRefusal(refused({"--imds", "--arc-key-dir", dir.path("keys")}),
                 "--imds and --arc-key-dir both serve /metadata/identity/oauth2/token: give one "
                 "of them");
    const auto outcome = refused({"--arc-key-dir", dir.path("missing/keys")});
    CHECK(outcome.exitCode == 2);
    CHECK(outcome.err.rfind("msgraph-emulator: --arc-key-dir " + dir.path("missing/keys") + ": ",
                            0) == 0);
  }
  SECTION("--identity-header empty or with a space") {
    for (const char* value : {"", "two words"}) {
      CAPTURE(value);
      checkRefusal(refused({"--identity-header", value}),
                   "--identity-header: expected a non-empty value of visible ASCII characters "
                   "(it is sent as an HTTP header)");
    }
  }
  SECTION("--app-role for a client id that is neither an app nor a managed identity") {
    checkRefusal(refused({"--app-role", "66666666-0000-0000-0000-000000000000:Policy.Read.All"}),
                 "--app-role 66666666-0000-0000-0000-000000000000:Policy.Read.All: no app "
                 "'66666666-0000-0000-0000-000000000000' is registered (with --app, --app-cert, "
                 "--app-federated or in the data file) and no --managed-identity has that client "
                 "id");
  }
}
