// SPDX-License-Identifier: MIT
// The emulator's throttling (--throttle-*): exact token buckets per app+tenant and per tenant,
// Graph's 429 and headers, and the per-partner write counts of /emulator/stats. Time passes only
// when a test advances the manual throttling clock: no test sleeps.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "integration/raw_graph.hpp"

using msgraph::HttpMethod;
using msgraph::HttpResponse;
using msgraph::Json;
using testing_support::Emulator;
using testing_support::RawGraph;

namespace {

constexpr const char* kContoso = "contoso.onmicrosoft.com";  // RawGraph's default tenant
constexpr const char* kFabrikam = "fabrikam.onmicrosoft.com";
constexpr const char* kOtherApp = "66666666-7777-8888-9999-000000000000";
constexpr const char* kOtherSecret = "other-app-secret";
const std::string kBody = R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})";

std::string partnerId(int n) {
  char id[40];
  std::snprintf(id, sizeof id, "9c5d131d-b1c3-4fc4-9e3f-%012d", n);
  return id;
}

std::string policyPath(int n) {
  return "/v1.0/policies/crossTenantAccessPolicy/partners/" + partnerId(n) +
         "/identitySynchronization";
}

// The emulator with auto-created partners, a second app, the manual clock and `limits`.
Emulator throttledEmulator(std::vector<std::string> limits) {
  std::vector<std::string> args = {"--auto-create-partners", "--throttle-manual-clock", "--app",
                                   std::string(kOtherApp) + ":" + kOtherSecret};
  args.insert(args.end(), limits.begin(), limits.end());
  return Emulator(args);
}

HttpResponse put(RawGraph& graph, int partner) {
  return graph.send(HttpMethod::Put, policyPath(partner), kBody);
}

HttpResponse get(RawGraph& graph, int partner) {
  return graph.send(HttpMethod::Get, policyPath(partner));
}

std::string header(const HttpResponse& response, std::string_view name) {
  const std::optional<std::string_view> value = response.headers.get(name);
  return value ? std::string(*value) : std::string("<absent>");
}

void advanceClock(RawGraph& graph, int milliseconds) {
  const HttpResponse advanced =
      graph.send(HttpMethod::Post, "/emulator/clock",
                 R"({"advanceMilliseconds":)" + std::to_string(milliseconds) + "}");
  REQUIRE(advanced.status == 200);
}

std::int64_t throttledCount(const Emulator& emulator, std::string_view scope) {
  return emulator.stats().find("throttled")->find(scope)->asInt();
}

std::string contosoScope(std::string_view kind, std::string_view app) {
  return std::string(kind) + "/" + std::string(app) + "/" + kContoso;
}

}  // namespace

TEST_CASE(
    "emulator throttling: the write bucket lets exactly N writes through, then answers "
    "Graph's 429",
    "[integration][emulator][throttling]") {
  Emulator emulator = throttledEmulator({"--throttle-writes", "5/10"});
  RawGraph graph(emulator);
  for (int i = 1; i <= 5; ++i) REQUIRE(put(graph, i).status == 204);

  const HttpResponse refused = put(graph, 6);
  REQUIRE(refused.status == 429);
  // One token every 2 s; the refused write took one too: two tokens, 4 s, until the next.
  CHECK(header(refused, "Retry-After") == "4");
  CHECK(header(refused, "x-ms-throttle-scope") ==
        contosoScope("Tenant_Application/Write", Emulator::kClientId));
  CHECK(header(refused, "x-ms-throttle-information") == "WriteLimitExceeded");
  CHECK(header(refused, "x-ms-throttle-limit-percentage") == "1.20");
  CHECK(header(refused, "client-request-id") == RawGraph::kClientRequestId);
  CHECK(header(refused, "Content-Type") == "application/json");
  const Json body = Json::parse(refused.body);
  const Json& error = *body.find("error");
  CHECK(error.find("code")->asString() == "TooManyRequests");
  CHECK(error.find("message")->asString() == "Please retry again later.");
  CHECK(error.find("innerError")->find("request-id")->asString() == header(refused, "request-id"));
  CHECK(error.find("innerError")->find("status")->asString() == "429");

  // Nothing of the refused write was stored; reads are not metered by --throttle-writes.
  CHECK(get(graph, 6).status == 404);
  CHECK(get(graph, 5).status == 200);
  CHECK(throttledCount(emulator, "Tenant_Application/Write") == 1);
  CHECK(throttledCount(emulator, "Tenant/Write") == 0);
}

TEST_CASE("emulator throttling: Retry-After is the time until a token is really there",
          "[integration][emulator][throttling]") {
  Emulator emulator = throttledEmulator({"--throttle-writes", "5/10"});
  RawGraph graph(emulator);
  for (int i = 1; i <= 5; ++i) REQUIRE(put(graph, i).status == 204);
  REQUIRE(header(put(graph, 6), "Retry-After") == "4");

  SECTION("a write after exactly that long goes through") {
    advanceClock(graph, 4000);
    CHECK(put(graph, 6).status == 204);
  }
  SECTION("a write a millisecond earlier is refused, with the rest of the wait") {
    advanceClock(graph, 3999);
    const HttpResponse early = put(graph, 6);
    REQUIRE(early.status == 429);
    // 0.9995 tokens were there; this write took one more: 1.0005 tokens, 2.001 s, to go.
    CHECK(header(early, "Retry-After") == "2.001");
  }
}

TEST_CASE("emulator throttling: refused requests count, so hammering makes the wait longer",
          "[integration][emulator][throttling]") {
  Emulator emulator = throttledEmulator({"--throttle-writes", "5/10"});
  RawGraph graph(emulator);
  for (int i = 1; i <= 5; ++i) REQUIRE(put(graph, i).status == 204);
  // Each refusal digs a token deeper, down to 0.8 N = 4 tokens below empty (use 1.80).
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"4", "1.20"}, {"6", "1.40"}, {"8", "1.60"}, {"10", "1.80"}, {"10", "1.80"}};
  for (const auto& [retryAfter, percentage] : expected) {
    const HttpResponse refused = put(graph, 6);
    REQUIRE(refused.status == 429);
    CHECK(header(refused, "Retry-After") == retryAfter);
    CHECK(header(refused, "x-ms-throttle-limit-percentage") == percentage);
  }
  // What the first 429 said is no longer enough: the later ones counted.
  advanceClock(graph, 4000);
  CHECK(put(graph, 6).status == 429);
  CHECK(throttledCount(emulator, "Tenant_Application/Write") == 6);
}

TEST_CASE("emulator throttling: responses let through carry the limit percentage above 0.8",
          "[integration][emulator][throttling]") {
  Emulator emulator = throttledEmulator({"--throttle-writes", "10/10"});
  RawGraph graph(emulator);
  for (int i = 1; i <= 8; ++i) {
    const HttpResponse written = put(graph, i);
    REQUIRE(written.status == 204);
    CHECK(header(written, "x-ms-throttle-limit-percentage") == "<absent>");  // 0.1 .. 0.8
  }
  CHECK(header(put(graph, 9), "x-ms-throttle-limit-percentage") == "0.90");
  CHECK(header(put(graph, 10), "x-ms-throttle-limit-percentage") == "1.00");
  // Half a period gives back half the tokens.
  advanceClock(graph, 5000);
  CHECK(header(put(graph, 11), "x-ms-throttle-limit-percentage") == "<absent>");  // 0.60
}

TEST_CASE("emulator throttling: reads and writes have separate buckets",
          "[integration][emulator][throttling]") {
  Emulator emulator = throttledEmulator({"--throttle-writes", "2/10", "--throttle-reads", "3/10"});
  RawGraph graph(emulator);
  REQUIRE(put(graph, 1).status == 204);
  REQUIRE(put(graph, 2).status == 204);
  REQUIRE(put(graph, 3).status == 429);
  for (int i = 0; i < 3; ++i) CHECK(get(graph, 1).status == 200);

  const HttpResponse refused = get(graph, 1);
  REQUIRE(refused.status == 429);
  CHECK(header(refused, "x-ms-throttle-scope") ==
        contosoScope("Tenant_Application/Read", Emulator::kClientId));
  CHECK(header(refused, "x-ms-throttle-information") == "ResourceUnitLimitExceeded");
  CHECK(header(refused, "Retry-After") == "6.667");  // two tokens of 3.333.. s
  CHECK(throttledCount(emulator, "Tenant_Application/Read") == 1);
  CHECK(throttledCount(emulator, "Tenant_Application/Write") == 1);
}

TEST_CASE("emulator throttling: each app and tenant pair has a bucket of its own",
          "[integration][emulator][throttling]") {
  Emulator emulator = throttledEmulator({"--throttle-writes", "2/10"});
  RawGraph contoso(emulator);
  REQUIRE(put(contoso, 1).status == 204);
  REQUIRE(put(contoso, 2).status == 204);
  REQUIRE(put(contoso, 3).status == 429);

  RawGraph otherApp(emulator, kContoso, kOtherApp, kOtherSecret);
  CHECK(put(otherApp, 3).status == 204);
  RawGraph otherTenant(emulator, kFabrikam, Emulator::kClientId, Emulator::kSecret);
  CHECK(put(otherTenant, 4).status == 204);
  // The tenant of the scope is the one the token was issued for, in lower case.
  RawGraph upperCase(emulator, "FABRIKAM.onmicrosoft.com", Emulator::kClientId, Emulator::kSecret);
  CHECK(put(upperCase, 5).status == 204);
  const HttpResponse refused = put(upperCase, 6);
  REQUIRE(refused.status == 429);
  CHECK(header(refused, "x-ms-throttle-scope") ==
        "Tenant_Application/Write/" + std::string(Emulator::kClientId) + "/" + kFabrikam);
}

TEST_CASE("emulator throttling: the tenant bucket is shared by every app of the tenant",
          "[integration][emulator][throttling]") {
  Emulator emulator =
      throttledEmulator({"--throttle-writes", "100/10", "--throttle-tenant-writes", "3/10"});
  RawGraph first(emulator);
  RawGraph second(emulator, kContoso, kOtherApp, kOtherSecret);
  REQUIRE(put(first, 1).status == 204);
  REQUIRE(put(first, 2).status == 204);
  REQUIRE(put(second, 3).status == 204);

  const HttpResponse refused = put(second, 4);
  REQUIRE(refused.status == 429);
  CHECK(header(refused, "x-ms-throttle-scope") == contosoScope("Tenant/Write", kOtherApp));
  CHECK(header(refused, "x-ms-throttle-information") == "WriteLimitExceeded");
  CHECK(header(refused, "Retry-After") == "6.667");
  CHECK(put(first, 4).status == 429);
  RawGraph otherTenant(emulator, kFabrikam, kOtherApp, kOtherSecret);
  CHECK(put(otherTenant, 4).status == 204);
  CHECK(throttledCount(emulator, "Tenant/Write") == 2);
  CHECK(throttledCount(emulator, "Tenant_Application/Write") == 0);
}

TEST_CASE("emulator throttling: $batch items are metered one by one and throttled individually",
          "[integration][emulator][throttling]") {
  Emulator emulator = throttledEmulator({"--throttle-writes", "3/10"});
  RawGraph graph(emulator);
  Json::Array requests;
  for (int i = 1; i <= 5; ++i) {
    requests.push_back(Json::object({
        {"id", std::to_string(i)},
        {"method", "PUT"},
        {"url", policyPath(i).substr(std::string("/v1.0").size())},
        {"headers", Json::object({{"Content-Type", "application/json"}})},
        {"body", Json::parse(kBody)},
    }));
  }
  const HttpResponse batch =
      graph.send(HttpMethod::Post, "/v1.0/$batch", Json::object({{"requests", requests}}).dump());
  REQUIRE(batch.status == 200);
  CHECK(header(batch, "x-ms-throttle-limit-percentage") == "<absent>");  // the envelope is not
  const Json answer = Json::parse(batch.body);
  const Json::Array& responses = answer.find("responses")->asArray();
  REQUIRE(responses.size() == 5);
  const std::vector<int> statuses = {204, 204, 204, 429, 429};
  const std::vector<std::string> retryAfters = {"", "", "", "6.667", "10"};
  for (std::size_t i = 0; i < responses.size(); ++i) {
    CAPTURE(i);
    const Json& item = responses[i];
    CHECK(item.find("status")->asInt() == statuses[i]);
    const Json& headers = *item.find("headers");
    if (statuses[i] == 429) {
      CHECK(headers.find("Retry-After")->asString() == retryAfters[i]);
      CHECK(headers.find("x-ms-throttle-scope")->asString() ==
            contosoScope("Tenant_Application/Write", Emulator::kClientId));
      CHECK(item.find("body")->find("error")->find("code")->asString() == "TooManyRequests");
    }
  }
  CHECK(get(graph, 3).status == 200);
  CHECK(get(graph, 4).status == 404);
  const Json stats = emulator.stats();
  CHECK(stats.find("writesByPartner")->find(kContoso)->asObject().size() == 3);
  CHECK(stats.find("throttled")->find("Tenant_Application/Write")->asInt() == 2);
}

TEST_CASE(
    "emulator throttling: refused callers, the token endpoint and /emulator/* take no "
    "tokens",
    "[integration][emulator][throttling]") {
  Emulator emulator = throttledEmulator(
      {"--throttle-writes", "1/10", "--app-role", std::string(kOtherApp) + ":Policy.Read.All"});
  RawGraph graph(emulator);
  msgraph::CurlTransport transport(emulator.transportOptions());
  msgraph::HttpRequest forged;
  forged.method = HttpMethod::Put;
  forged.url = emulator.baseUrl() + policyPath(1);
  forged.headers.add("Authorization", "Bearer not-a-token-of-this-emulator");
  forged.headers.add("Content-Type", "application/json");
  forged.body = kBody;
  for (int i = 0; i < 3; ++i) CHECK(transport.send(forged, {}).status == 401);
  RawGraph readOnly(emulator, kContoso, kOtherApp, kOtherSecret);  // another token request
  CHECK(put(readOnly, 1).status == 403);
  for (int i = 0; i < 3; ++i) emulator.stats();

  CHECK(put(graph, 1).status == 204);  // the one token was still there
  CHECK(put(graph, 2).status == 429);
}

TEST_CASE("emulator throttling: the manual clock moves only when told, and only in tests",
          "[integration][emulator][throttling]") {
  SECTION("without --throttle-manual-clock it cannot be advanced") {
    Emulator emulator({"--throttle-writes", "1/10"});
    RawGraph graph(emulator);
    const HttpResponse refused =
        graph.send(HttpMethod::Post, "/emulator/clock", R"({"advanceMilliseconds":1000})");
    CHECK(refused.status == 400);
    CHECK(refused.body.find("--throttle-manual-clock") != std::string::npos);
    CHECK(
        Json::parse(graph.send(HttpMethod::Get, "/emulator/clock").body).find("manual")->asBool() ==
        false);
  }
  SECTION("a bad advance is refused and moves nothing") {
    Emulator emulator = throttledEmulator({"--throttle-writes", "1/10"});
    RawGraph graph(emulator);
    for (const char* bad : {R"({"advanceMilliseconds":-1})", R"({"advanceMilliseconds":1.5})",
                            R"({"advanceMilliseconds":"10"})",
                            R"({"advanceMilliseconds":86400001})", R"([])", "not json"}) {
      CAPTURE(bad);
      CHECK(graph.send(HttpMethod::Post, "/emulator/clock", bad).status == 400);
    }
    const Json now = Json::parse(graph.send(HttpMethod::Get, "/emulator/clock").body);
    CHECK(now.find("nowMilliseconds")->asInt() == 0);
    CHECK(now.find("manual")->asBool());
    advanceClock(graph, 1500);
    CHECK(Json::parse(graph.send(HttpMethod::Get, "/emulator/clock").body)
              .find("nowMilliseconds")
              ->asInt() == 1500);
  }
}

TEST_CASE("emulator stats: writesByPartner counts the writes applied to each partner",
          "[integration][emulator][throttling]") {
  Emulator emulator({"--auto-create-partners"});
  RawGraph graph(emulator);
  const std::int64_t writesBefore = emulator.stats().find("writes")->asInt();  // registrations
  REQUIRE(put(graph, 1).status == 204);
  REQUIRE(graph.send(HttpMethod::Patch, policyPath(1), R"({"displayName":"Contoso"})").status ==
          204);
  REQUIRE(put(graph, 1).status == 409);  // refused: not a write applied
  REQUIRE(graph.send(HttpMethod::Delete, policyPath(1)).status == 204);
  REQUIRE(get(graph, 2).status == 404);  // a read
  REQUIRE(graph
              .send(HttpMethod::Post, "/v1.0/policies/crossTenantAccessPolicy/partners",
                    R"({"tenantId":")" + partnerId(3) + R"("})")
              .status == 201);
  REQUIRE(put(graph, 3).status == 204);

  const Json stats = emulator.stats();
  // By tenant (the one RawGraph signs in to), then by partner.
  CHECK(stats.find("writesByPartner")->asObject().size() == 1);
  const Json& byPartner = *stats.find("writesByPartner")->find(kContoso);
  CHECK(byPartner.asObject().size() == 2);
  CHECK(byPartner.find(partnerId(1))->asInt() == 3);
  CHECK(byPartner.find(partnerId(3))->asInt() == 2);
  CHECK(stats.find("writes")->asInt() == writesBefore + 5);
  // Without --throttle-* nothing is metered or refused.
  CHECK(stats.find("throttled")->find("Tenant_Application/Write")->asInt() == 0);
}

TEST_CASE("emulator throttling: bad --throttle-* values are usage errors that name the option",
          "[integration][emulator][throttling]") {
  for (const char* option : {"--throttle-writes", "--throttle-reads", "--throttle-tenant-writes"}) {
    for (const char* bad : {"0/10", "10/0", "10", "/10", "10/", "a/10", "10/1.5", "-1/10",
                            "1000001/10", "10/86401", "10/10/10"}) {
      CAPTURE(option, bad);
      const testing_support::Outcome outcome =
          testing_support::run({MSGRAPH_EMULATOR_PATH, option, bad});
      CHECK(outcome.exitCode == 2);
      CHECK(outcome.err.find(option) != std::string::npos);
      CHECK(outcome.err.find(bad) != std::string::npos);
    }
  }
}

TEST_CASE("emulator throttling: concurrent writers together get exactly N writes through",
          "[integration][emulator][throttling][threads]") {
  constexpr int kThreads = 8;
  constexpr int kWritesEach = 10;
  Emulator emulator = throttledEmulator({"--throttle-writes", "25/10"});
  std::vector<std::unique_ptr<RawGraph>> graphs;
  for (int t = 0; t < kThreads; ++t) graphs.push_back(std::make_unique<RawGraph>(emulator));
  std::vector<int> allowed(kThreads, 0);
  std::vector<int> refused(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesEach; ++i) {
        const int status = put(*graphs[t], t * kWritesEach + i).status;
        if (status == 204) ++allowed[t];
        if (status == 429) ++refused[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  int totalAllowed = 0;
  int totalRefused = 0;
  for (int t = 0; t < kThreads; ++t) {
    totalAllowed += allowed[t];
    totalRefused += refused[t];
  }
  CHECK(totalAllowed == 25);
  CHECK(totalRefused == kThreads * kWritesEach - 25);
  const Json stats = emulator.stats();
  CHECK(stats.find("writesByPartner")->find(kContoso)->asObject().size() == 25);
  CHECK(stats.find("throttled")->find("Tenant_Application/Write")->asInt() == totalRefused);
}

TEST_CASE("emulator throttling: the library's retry waits the Retry-After and gets through once",
          "[integration][emulator][throttling]") {
  Emulator emulator = throttledEmulator({"--throttle-writes", "2/10"});
  RawGraph clock(emulator);
  std::vector<std::chrono::milliseconds> waits;
  msgraph::RetryOptions retry;
  // The wait passes on the emulator's clock instead of the test's.
  retry.sleeper = [&](std::chrono::milliseconds wait) {
    waits.push_back(wait);
    advanceClock(clock, static_cast<int>(wait.count()));
  };
  const msgraph::GraphClient client{emulator.clientOptions().retry(retry)};
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  const auto sync = [&](int n) {
    return client.policies()
        .crossTenantAccessPolicy()
        .partners(partnerId(n))
        .identitySynchronization();
  };
  REQUIRE(sync(1).put(policy).execute().status == 204);
  REQUIRE(sync(2).put(policy).execute().status == 204);

  // A token every 5 s; the refused attempt took one: 10 s until the retry finds one.
  CHECK(sync(3).put(policy).execute().status == 204);
  CHECK(waits == std::vector<std::chrono::milliseconds>{std::chrono::seconds(10)});
  const Json stats = emulator.stats();
  CHECK(stats.find("throttled")->find("Tenant_Application/Write")->asInt() == 1);
  CHECK(stats.find("writesByPartner")->find(kContoso)->find(partnerId(3))->asInt() == 1);
}

TEST_CASE("emulator throttling: without the manual clock the buckets refill by the steady clock",
          "[integration][emulator][throttling]") {
  // A token every 8 hours: the few seconds the test takes refill a sliver of one.
  Emulator emulator({"--auto-create-partners", "--throttle-writes", "3/86400"});
  RawGraph graph(emulator);
  for (int i = 1; i <= 3; ++i) REQUIRE(put(graph, i).status == 204);
  const HttpResponse refused = put(graph, 4);
  REQUIRE(refused.status == 429);
  // Two tokens (57600 s) less what the steady clock refilled since the bucket was made; the
  // bound on the sliver is a hang guard, not a measurement.
  const double retryAfter = std::stod(header(refused, "Retry-After"));
  CHECK(retryAfter <= 57600.0);
  CHECK(retryAfter > 57600.0 - 600.0);
}
