// SPDX-License-Identifier: MIT
// The `$batch` envelope: each request as Graph's JSON batching holds it, and the answer read
// back into one response per request, whatever the server sends.
#include <catch2/catch.hpp>

#include <exception>
#include <string>
#include <vector>

#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"
// Private headers: tests/CMakeLists.txt puts src/ on the unit tests' include path.
#include "requests/batch_envelope.hpp"

using msgraph::Json;
using msgraph::detail::BatchAnswer;
using msgraph::detail::batchEnvelopeOf;
using msgraph::detail::batchItemOf;
using msgraph::detail::readBatchAnswers;

namespace {

const std::string kRoot = "https://graph.microsoft.com/v1.0";

msgraph::HttpRequest put(const std::string& partner) {
  msgraph::HttpRequest request;
  request.method = msgraph::HttpMethod::Put;
  request.url =
      kRoot + "/policies/crossTenantAccessPolicy/partners/" + partner + "/identitySynchronization";
  request.headers.add("Content-Type", "application/json");
  request.headers.add("client-request-id", "c-" + partner);
  request.headers.add("Authorization", "Bearer secret");
  request.body = R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})";
  return request;
}

// The error of an answer that has none: its pointer and message.
msgraph::DeserializationError errorOf(const BatchAnswer& answer) {
  REQUIRE(answer.error);
  try {
    std::rethrow_exception(answer.error);
  } catch (const msgraph::DeserializationError& error) {
    return error;
  }
  FAIL("not a DeserializationError");
  throw;
}

}  // namespace

TEST_CASE("batch envelope: each request with its id, method, relative url, headers and body",
          "[batch]") {
  Json::Array items;
  items.push_back(batchItemOf("7", put("p1"), kRoot));
  msgraph::HttpRequest get;
  get.url = kRoot + "/policies/crossTenantAccessPolicy/partners/p2?$select=tenantId";
  items.push_back(batchItemOf("8", get, kRoot));
  const Json envelope = Json::parse(batchEnvelopeOf(std::move(items)));
  const Json::Array& requests = envelope.find("requests")->asArray();
  REQUIRE(requests.size() == 2);
  const Json& first = requests[0];
  CHECK(first.find("id")->asString() == "7");
  CHECK(first.find("method")->asString() == "PUT");
  CHECK(first.find("url")->asString() ==
        "/policies/crossTenantAccessPolicy/partners/p1/identitySynchronization");
  CHECK(first.find("headers")->find("client-request-id")->asString() == "c-p1");
  CHECK(first.find("headers")->find("Content-Type")->asString() == "application/json");
  // The envelope's Authorization applies to every request: none is repeated inside.
  CHECK(first.find("headers")->find("Authorization") == nullptr);
  CHECK(*first.find("body") == Json::parse(put("p1").body));  // JSON, not a string
  CHECK(requests[1].find("method")->asString() == "GET");
  CHECK(requests[1].find("url")->asString() ==
        "/policies/crossTenantAccessPolicy/partners/p2?$select=tenantId");
  CHECK(requests[1].find("body") == nullptr);
}

TEST_CASE("batch envelope: a request that cannot be batched is refused by name", "[batch]") {
  msgraph::HttpRequest elsewhere = put("p1");
  elsewhere.url = "https://graph.microsoft.com/beta/policies";
  CHECK_THROWS_AS(batchItemOf("1", elsewhere, kRoot), msgraph::ValidationError);
  msgraph::HttpRequest notJson = put("p1");
  notJson.body = "{not json";
  CHECK_THROWS_WITH(batchItemOf("1", notJson, kRoot),
                    Catch::Contains("$batch") && Catch::Contains("not JSON"));
}

TEST_CASE("batch answers: each request reads its own status, headers and body, in any order",
          "[batch]") {
  const auto answers = readBatchAnswers(
      R"({"responses":[
        {"id":"1","status":429,"headers":{"Retry-After":"2","request-id":"r1"},
         "body":{"error":{"code":"TooManyRequests","message":"Please retry again later."}}},
        {"id":"0","status":204,"headers":{"request-id":"r0"}}]})",
      {"0", "1"});
  REQUIRE(answers.size() == 2);
  REQUIRE_FALSE(answers[0].error);
  CHECK(answers[0].response.status == 204);
  CHECK(answers[0].response.headers.get("request-id") == std::optional<std::string_view>("r0"));
  CHECK(answers[0].response.body.empty());
  REQUIRE_FALSE(answers[1].error);
  CHECK(answers[1].response.status == 429);
  CHECK(answers[1].response.headers.get("Retry-After") == std::optional<std::string_view>("2"));
  CHECK(Json::parse(answers[1].response.body).find("error")->find("code")->asString() ==
        "TooManyRequests");
}

TEST_CASE("batch answers: ids compare without case, as on Graph", "[batch]") {
  const auto answers = readBatchAnswers(R"({"responses":[{"id":"ab","status":200}]})", {"AB"});
  REQUIRE_FALSE(answers[0].error);
  CHECK(answers[0].response.status == 200);
}

TEST_CASE("batch answers: a malformed answer gives the requests it concerns a clear error",
          "[batch]") {
  SECTION("missing id, unknown id: the request is left without an answer") {
    const auto answers = readBatchAnswers(
        R"({"responses":[{"status":204},{"id":"99","status":204},{"id":"1","status":204}]})",
        {"0", "1"});
    const auto error = errorOf(answers[0]);
    CHECK(error.pointer() == "/responses");
    CHECK(std::string(error.what()).find("no answer for request '0'") != std::string::npos);
    CHECK_FALSE(answers[1].error);
  }
  SECTION("duplicate id: the request's answer is ambiguous") {
    const auto answers = readBatchAnswers(
        R"({"responses":[{"id":"0","status":204},{"id":"0","status":500}]})", {"0"});
    const auto error = errorOf(answers[0]);
    CHECK(error.pointer() == "/responses/1/id");
    CHECK(std::string(error.what()).find("more than once") != std::string::npos);
  }
  SECTION("a body that is not an object, a status that is not one, headers that are not text") {
    const auto answers = readBatchAnswers(
        R"({"responses":[{"id":"0","status":200,"body":"aGVsbG8="},
                         {"id":"1","status":"200"},
                         {"id":"2","status":700},
                         {"id":"3","status":200,"headers":{"request-id":7}},
                         {"id":"4","status":200,"body":[1]},
                         {"id":"5","status":200,"body":null}]})",
        {"0", "1", "2", "3", "4", "5"});
    CHECK(errorOf(answers[0]).pointer() == "/responses/0/body");
    CHECK(errorOf(answers[1]).pointer() == "/responses/1/status");
    CHECK(errorOf(answers[2]).pointer() == "/responses/2/status");
    CHECK(errorOf(answers[3]).pointer() == "/responses/3/headers");
    CHECK(errorOf(answers[4]).pointer() == "/responses/4/body");
    for (int i = 0; i < 5; ++i) CHECK(answers[i].response.status == 0);  // no half answer
    REQUIRE_FALSE(answers[5].error);
    CHECK(answers[5].response.body.empty());
  }
  SECTION("not JSON, not an object, no responses array: every request gets the error") {
    for (const char* body : {"<html>", "[1,2]", R"({"responses":{}})", "", R"({"value":[]})",
                             R"({"responses":[1,"x",null,[]]})"}) {
      INFO(body);
      const auto answers = readBatchAnswers(body, {"0", "1"});
      REQUIRE(answers.size() == 2);
      for (const auto& answer : answers) {
        CHECK(std::string(errorOf(answer).what()).find("$batch answer") != std::string::npos);
        CHECK(answer.response.status == 0);
      }
    }
  }
}
