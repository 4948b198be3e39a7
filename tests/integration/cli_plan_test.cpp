// SPDX-License-Identifier: MIT
// `msgraph-identity-sync export`, `plan` and `drift` (MSGRAPH_CLI_PATH) against the emulator:
// the round trip, the exact diff, no writes, --prune, the exit codes, bad lines, JSON output,
// two tenants signed in to by one app, and hostile text.
#include <catch2/catch.hpp>
#include <filesystem>

#include "integration/fleet.hpp"

using testing_support::contentsOf;
using testing_support::Fleet;
using testing_support::linesOf;
using testing_support::Outcome;

namespace {

const std::string kA = "5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0";
const std::string kB = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";
const std::string kC = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";

std::string line(const std::string& id, const std::string& policy) {
  return R"({"partnerTenantId":")" + id + R"(","identitySynchronization":)" + policy + "}\n";
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "cli export: every partner with its policy from one paged listing, and plan of it is all "
    "unchanged",
    "[integration][cli][fleet]") {
  const Fleet fleet;
  fleet.partnerWithPolicy(kA, "Fabrikam");
  fleet.partnerWithPolicy(kB, "Contoso", false);
  fleet.partner(kC);
  const std::int64_t before = fleet.stat("graphRequests");
  const std::int64_t writesBefore = fleet.stat("writes");
  const std::string file = fleet.path("state.jsonl");
  const Outcome exported = fleet.cli()({"export", "--output", file});
  REQUIRE(exported.exitCode == 0);
  CHECK(exported.out == "Exported 3 partners to " + file + "\n");
  CHECK(fleet.stat("graphRequests") == before + 1);  // one page, not one GET per partner
  CHECK(fleet.stat("writes") == writesBefore);
  const auto lines = linesOf(contentsOf(file));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == R"({"partnerTenantId":")" + kA +
                        R"(","identitySynchronization":{"displayName":"Fabrikam",)"
                        R"("userSyncInbound":{"isSyncAllowed":true}}})");
  CHECK(lines[2] == R"({"partnerTenantId":")" + kC + R"("})");

  const std::int64_t writes = fleet.stat("writes");
  const Outcome planned = fleet.cli()({"plan", "--desired", file});
  CHECK(planned.exitCode == 0);
  CHECK(planned.out == "= unchanged " + kA + "\n= unchanged " + kB + "\n= unchanged " + kC +
                           "\nPlan: 0 to create, 0 to update, 3 unchanged, 0 to remove, 0 bad "
                           "lines\n");
  CHECK(planned.err.empty());
  CHECK(fleet.stat("writes") == writes);
}

TEST_CASE("cli export --what-if prints the listing's request and writes no file",
          "[integration][cli][fleet]") {
  const Fleet fleet;
  const std::string file = fleet.path("state.jsonl");
  const Outcome preview = fleet.cli()({"export", "--output", file, "--what-if"});
  CHECK(preview.exitCode == 0);
  CHECK(has(preview.out, "GET " + fleet.emulator().baseUrl() +
                             "/v1.0/policies/crossTenantAccessPolicy/partners?$expand="
                             "identitySynchronization\n"));
  CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("cli plan and drift refuse the options of writes, and --format overrides the extension",
          "[integration][cli][fleet]") {
  const Fleet fleet;
  fleet.partnerWithPolicy(kA, "A");
  const std::string file =
      fleet.file("desired.txt", "partnerTenantId,displayName,isSyncAllowed\n" + kA + ",A,true\n");
  for (const char* option : {"--what-if", "--confirm", "--response-headers"}) {
    const Outcome refused = fleet.cli()({"plan", "--desired", file, "--format", "csv", option});
    CHECK(refused.exitCode == 2);
    CHECK(has(refused.err, "'plan' does not take " + std::string(option)));
  }
  const Outcome unknown = fleet.cli()({"drift", "--desired", file});
  CHECK(unknown.exitCode == 2);
  CHECK(has(unknown.err, "give --format jsonl|csv"));
  const Outcome csv = fleet.cli()({"drift", "--desired", file, "--format", "csv"});
  CHECK(csv.exitCode == 0);
}

TEST_CASE("cli export: an existing file is kept unless --force", "[integration][cli][fleet]") {
  const Fleet fleet;
  fleet.partnerWithPolicy(kA, "Fabrikam");
  const std::string file = fleet.file("state.jsonl", "precious\n");
  const Outcome refused = fleet.cli()({"export", "--output", file});
  CHECK(refused.exitCode == 2);
  CHECK(has(refused.err, "exists; give --force to replace it"));
  CHECK(contentsOf(file) == "precious\n");
  const Outcome forced = fleet.cli()({"export", "--output", file, "--force"});
  CHECK(forced.exitCode == 0);
  CHECK(linesOf(contentsOf(file)).size() == 1);
}

TEST_CASE("cli export: a listing that fails leaves the existing file as it was",
          "[integration][cli][fleet]") {
  const Fleet fleet({"--fault-503-every", "1"});  // every Graph request: 503
  const std::string file = fleet.file("state.jsonl", "precious\n");
  const Outcome failed = fleet.cli()({"export", "--output", file, "--force", "--max-retries", "0"});
  CHECK(failed.exitCode == 1);
  CHECK(contentsOf(file) == "precious\n");
  CHECK(linesOf(contentsOf(fleet.path("state.jsonl"))).size() == 1);
  for (const auto& entry : std::filesystem::directory_iterator(fleet.path(""))) {
    CHECK(entry.path().filename() == "state.jsonl");  // no temporary file left behind
  }
}

TEST_CASE("cli plan: the exact diff per partner, and no write sent", "[integration][cli][fleet]") {
  const Fleet fleet;
  fleet.partnerWithPolicy(kA, "A");
  fleet.partnerWithPolicy(kB, "Same");
  const std::string file =
      fleet.file("desired.jsonl",
                 line(kA, R"({"displayName":"B","userSyncInbound":{"isSyncAllowed":false}})") +
                     line(kB, R"({"displayName":"Same"})") +
                     line(kC, R"({"displayName":"New","userSyncInbound":{"isSyncAllowed":true}})"));
  const std::int64_t writes = fleet.stat("writes");
  const Outcome planned = fleet.cli()({"plan", "--desired", file});
  CHECK(planned.exitCode == 0);
  CHECK(planned.out == "~ update " + kA + "\n" +
                           "    displayName: \"A\" -> \"B\"\n"
                           "    userSyncInbound.isSyncAllowed: true -> false\n"
                           "= unchanged " +
                           kB + "\n" + "+ create " + kC + " (partner and policy)\n" +
                           "    displayName: \"New\"\n"
                           "    userSyncInbound: {\"isSyncAllowed\":true}\n"
                           "Plan: 1 to create, 1 to update, 1 unchanged, 0 to remove, 0 bad "
                           "lines\n");
  CHECK(fleet.stat("writes") == writes);
}

TEST_CASE("cli plan: partner properties are planned beside the policy",
          "[integration][cli][fleet]") {
  const Fleet fleet;
  fleet.partnerWithPolicy(kA, "A");
  const std::string file = fleet.file(
      "desired.jsonl", R"({"partnerTenantId":")" + kA +
                           R"(","automaticUserConsentSettings":{"inboundAllowed":true}})" + "\n");
  const Outcome planned = fleet.cli()({"plan", "--desired", file});
  CHECK(planned.exitCode == 0);
  CHECK(linesOf(planned.out)[0] == "~ update " + kA);
  CHECK(linesOf(planned.out)[1] ==
        "    partner automaticUserConsentSettings: (absent) -> {\"inboundAllowed\":true}");
}

TEST_CASE("cli plan: --prune shows the partners no line desires as removes",
          "[integration][cli][fleet]") {
  const Fleet fleet;
  fleet.partnerWithPolicy(kA, "A");
  fleet.partnerWithPolicy(kB, "Extra");
  fleet.partner(kC);
  const std::string file = fleet.file("desired.jsonl", line(kA, R"({"displayName":"A"})"));
  const Outcome kept = fleet.cli()({"plan", "--desired", file});
  CHECK(kept.exitCode == 0);
  CHECK_FALSE(has(kept.out, "remove " + kB));
  const Outcome pruned = fleet.cli()({"plan", "--desired", file, "--prune"});
  CHECK(pruned.exitCode == 0);
  CHECK(has(pruned.out, "- remove " + kB + " (policy, then partner)\n"));
  CHECK(has(pruned.out, "- remove " + kC + " (partner)\n"));
  CHECK(has(pruned.out, "Plan: 0 to create, 0 to update, 1 unchanged, 2 to remove, 0 bad lines"));
}

TEST_CASE("cli drift: 0 when the tenant matches, 8 with the differences, 9 with bad lines",
          "[integration][cli][fleet]") {
  const Fleet fleet;
  fleet.partnerWithPolicy(kA, "A");
  fleet.partnerWithPolicy(kB, "B");
  const std::string match =
      fleet.file("match.jsonl", line(kA, R"({"displayName":"A"})") + line(kB, "{}"));
  const Outcome matched = fleet.cli()({"drift", "--desired", match});
  CHECK(matched.exitCode == 0);
  CHECK(matched.out == "Plan: 0 to create, 0 to update, 2 unchanged, 0 to remove, 0 bad lines\n");

  const std::string drifted = fleet.file(
      "drift.jsonl", line(kA, R"({"displayName":"A"})") + line(kB, R"({"displayName":"X"})"));
  const Outcome found = fleet.cli()({"drift", "--desired", drifted});
  CHECK(found.exitCode == 8);
  CHECK(found.out == "~ update " + kB + "\n    displayName: \"B\" -> \"X\"\n" +
                         "Plan: 0 to create, 1 to update, 1 unchanged, 0 to remove, 0 bad lines\n");

  const Outcome pruned =
      fleet.cli()({"drift", "--desired", fleet.file("one.jsonl", line(kA, "{}")), "--prune"});
  CHECK(pruned.exitCode == 8);

  const std::string bad = fleet.file("bad.jsonl", line(kA, "{}") + "{\n");
  const Outcome badLines = fleet.cli()({"drift", "--desired", bad});
  CHECK(badLines.exitCode == 9);
  CHECK(has(badLines.err, bad + ":2: line: "));
}

TEST_CASE("cli plan: bad JSON Lines are reported with their numbers, the others are planned",
          "[integration][cli][fleet]") {
  const Fleet fleet;
  fleet.partnerWithPolicy(kA, "A");
  const std::string file = fleet.file(
      "desired.jsonl", line(kA, R"({"displayName":"B"})") +  // 1
                           R"({"identitySynchronization":{}})"
                           "\n" +                                                        // 2
                           line(kB, R"({"userSyncInbound":{"isSyncAllowed":"yes"}})") +  // 3
                           line(kA, "{}") +                                              // 4
                           line(kC, R"({"displayName":"C"})"));                          // 5
  const Outcome planned = fleet.cli()({"plan", "--desired", file});
  CHECK(planned.exitCode == 9);
  const auto errors = linesOf(planned.err);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == file + ":2: partnerTenantId: is required");
  CHECK(has(errors[1], file + ":3: identitySynchronization/userSyncInbound/isSyncAllowed: "));
  CHECK(errors[2] == file + ":4: partnerTenantId: '" + kA + "' is already desired by line 1");
  CHECK(has(planned.out, "~ update " + kA + "\n"));
  CHECK(has(planned.out, "+ create " + kC + " (partner and policy)\n"));
  CHECK(has(planned.out, "Plan: 1 to create, 1 to update, 0 unchanged, 0 to remove, 3 bad lines"));
}

TEST_CASE("cli plan: a CSV desired state, bad records reported by line",
          "[integration][cli][fleet]") {
  const Fleet fleet;
  fleet.partnerWithPolicy(kA, "Fabrikam, Inc.");
  const std::string file =
      fleet.file("desired.csv", "partnerTenantId,displayName,isSyncAllowed,inboundUserConsent\r\n" +
                                    kA + ",\"Fabrikam, Inc.\",true,\r\n" +   // 2
                                    kB + ",x,perhaps,\r\n" +                 // 3
                                    "\"" + kC + "\",\"Two\nlines\",,\r\n");  // 4-5
  const Outcome planned = fleet.cli()({"plan", "--desired", file});
  CHECK(planned.exitCode == 9);
  CHECK(planned.err ==
        file + ":3: isSyncAllowed: must be true or false (or empty), not 'perhaps'\n");
  CHECK(planned.out ==
        "= unchanged " + kA + "\n+ create " + kC + " (partner and policy)\n" +
            "    displayName: \"Two\\nlines\"\n" +
            "Plan: 1 to create, 0 to update, 1 unchanged, 0 to remove, 1 bad line\n");
  const Outcome header =
      fleet.cli()({"plan", "--desired", fleet.file("h.csv", "partnerTenantId,name\n")});
  CHECK(header.exitCode == 2);
  CHECK(has(header.err, ":1: header: unknown column 'name'"));
}

TEST_CASE("cli plan --output json: one JSON object a partner with its writes, then the summary",
          "[integration][cli][fleet]") {
  const Fleet fleet;
  fleet.partnerWithPolicy(kA, "A");
  const std::string file = fleet.file(
      "desired.jsonl", line(kA, R"({"displayName":"B"})") + line(kC, R"({"displayName":"C"})"));
  const Outcome planned = fleet.cli()({"plan", "--desired", file, "--output", "json"});
  CHECK(planned.exitCode == 0);
  const auto lines = linesOf(planned.out);
  REQUIRE(lines.size() == 3);
  const msgraph::Json update = msgraph::Json::parse(lines[0]);
  CHECK(update.find("action")->asString() == "update");
  CHECK(update.find("line")->asInt() == 1);
  const auto& change = update.find("policyChanges")->asArray().at(0);
  CHECK(change.find("pointer")->asString() == "/displayName");
  CHECK(change.find("before")->asString() == "A");
  CHECK(change.find("after")->asString() == "B");
  const auto& write = update.find("writes")->asArray().at(0);
  CHECK(write.find("method")->asString() == "PATCH");
  CHECK(write.find("path")->asString() ==
        "/policies/crossTenantAccessPolicy/partners/" + kA + "/identitySynchronization");
  CHECK(write.find("body")->dump() == R"({"displayName":"B"})");
  const msgraph::Json create = msgraph::Json::parse(lines[1]);
  CHECK(create.find("writes")->asArray().size() == 2);  // POST the partner, then PUT
  CHECK(lines[2] == R"({"summary":{"create":1,"update":1,"unchanged":0,"remove":0,"badLines":0}})");
}

TEST_CASE("cli plan: two tenants, one app signed in to each, one listing per tenant",
          "[integration][cli][fleet]") {
  const Fleet fleet(
      {"--tenant", "contoso.onmicrosoft.com", "--tenant", "fabrikam.onmicrosoft.com"});
  fleet.partnerWithPolicy(kA, "A");
  const std::string file = fleet.file(
      "desired.jsonl",
      line(kA, R"({"displayName":"A"})") + R"({"partnerTenantId":")" + kA +
          R"(","tenant":"fabrikam.onmicrosoft.com","identitySynchronization":{"displayName":"F"}})" +
          "\n" + R"({"partnerTenantId":")" + kB +
          R"(","tenant":"Contoso.onmicrosoft.com","identitySynchronization":{}})" + "\n");
  const std::int64_t before = fleet.stat("graphRequests");
  const Outcome planned = fleet.cli()({"plan", "--desired", file});
  CHECK(planned.exitCode == 0);
  // The emulator keeps a store per tenant, as Graph does: partner A is contoso's only.
  CHECK(planned.out ==
        "= unchanged " + kA + "\n+ create " + kB + " (partner and policy)\n" + "+ create " + kA +
            " (partner and policy) (tenant fabrikam.onmicrosoft.com)\n" +
            "    displayName: \"F\"\n" +
            "Plan: 2 to create, 0 to update, 1 unchanged, 0 to remove, 0 bad lines\n");
  CHECK(fleet.stat("graphRequests") == before + 2);

  // The named tenant is signed in to: a tenant the token endpoint does not serve fails.
  const Outcome unknown =
      fleet.cli()({"plan", "--desired",
                   fleet.file("other.jsonl", R"({"partnerTenantId":")" + kA +
                                                 R"(","tenant":"nowhere.example"})")});
  CHECK(unknown.exitCode == 3);
  CHECK(has(unknown.err, "AADSTS90002"));
}

TEST_CASE("cli plan: a tenant named with a bearer token only is a bad line",
          "[integration][cli][fleet]") {
  const Fleet fleet;
  const std::string file = fleet.file(
      "desired.jsonl", R"({"partnerTenantId":")" + kA + R"(","tenant":"other.example"})" + "\n");
  const Outcome planned =
      testing_support::run({MSGRAPH_CLI_PATH, "plan", "--desired", file, "--graph-url",
                            fleet.emulator().baseUrl(), "--ca-file", fleet.emulator().caFile()},
                           {}, {"MSGRAPH_ACCESS_TOKEN=not-a-real-token"});
  CHECK(planned.exitCode == 9);
  CHECK(has(planned.err, file + ":1: tenant: naming a tenant needs app credentials"));
}

TEST_CASE("cli plan: text from the service and the file is shown escaped",
          "[integration][cli][fleet]") {
  const Fleet fleet;
  fleet.partnerWithPolicy(kA,
                          "\x1b]0;owned\x07\xe2\x80\xae"
                          "evil");
  const std::string file = fleet.file("desired.jsonl", line(kA, R"({"displayName":"\u001b[2J"})"));
  const Outcome text = fleet.cli()({"plan", "--desired", file});
  CHECK(text.exitCode == 0);
  CHECK(text.out.find('\x1b') == std::string::npos);
  CHECK(text.out.find("\xe2\x80\xae") == std::string::npos);
  CHECK(has(text.out, R"(displayName: "\u001B]0;owned\u0007\u202eevil" -> "\u001B[2J")"));
  const Outcome json = fleet.cli()({"plan", "--desired", file, "--output", "json"});
  CHECK(json.out.find('\x1b') == std::string::npos);
  CHECK(json.out.find("\xe2\x80\xae") == std::string::npos);
}
