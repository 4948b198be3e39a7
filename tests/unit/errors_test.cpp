// SPDX-License-Identifier: MIT
// ServiceError and friends: what Graph's error bodies and a proxy's HTML page turn into.
#include <catch2/catch.hpp>

#include <string>

#include "msgraph/error.hpp"
#include "msgraph/http/http_request.hpp"

TEST_CASE("a Graph error body fills every ServiceError field", "[errors]") {
  msgraph::HttpHeaders headers;
  headers.add("Retry-After", "2.128");
  headers.add("Date", "Thu, 13 Feb 2025 10:17:06 GMT");
  const msgraph::ServiceError error(403, headers, R"({
    "error": {
        "code": "Authorization_RequestDenied",
        "message": "Insufficient privileges to complete the operation.",
        "innerError": {
            "date": "2025-02-13T10:17:06",
            "request-id": "93b6f17e-c05d-4f45-ad2a-6665c708d8a0",
            "client-request-id": "e70c5c1b-8b47-68c0-3171-3d22f5e0bd54"
        }
    }
})");
  CHECK(error.status() == 403);
  CHECK(error.code() == "Authorization_RequestDenied");
  CHECK(error.message() == "Insufficient privileges to complete the operation.");
  CHECK(error.requestId() == "93b6f17e-c05d-4f45-ad2a-6665c708d8a0");
  CHECK(error.clientRequestId() == "e70c5c1b-8b47-68c0-3171-3d22f5e0bd54");
  CHECK(error.date() == "2025-02-13T10:17:06");
  CHECK(error.retryAfter() == std::chrono::milliseconds(2128));
  CHECK(error.headers().get("date").has_value());
  CHECK(std::string(error.what()) ==
        "Graph returned HTTP 403 Forbidden: Authorization_RequestDenied: Insufficient privileges "
        "to complete the operation. [request-id: 93b6f17e-c05d-4f45-ad2a-6665c708d8a0] "
        "[client-request-id: e70c5c1b-8b47-68c0-3171-3d22f5e0bd54]");
}

TEST_CASE("the throttling body from the docs is read", "[errors]") {
  const msgraph::ServiceError error(429, {}, R"({"error":{"code":"TooManyRequests",
    "innerError":{"code":"429","date":"2020-08-18T12:51:51","message":"Please retry after",
    "request-id":"94fb3b52-452a-4535-a601-69e0a90e3aa2","status":"429"},
    "message":"Please retry again later."}})");
  CHECK(error.code() == "TooManyRequests");
  CHECK(error.message() == "Please retry again later.");
  CHECK(error.requestId() == "94fb3b52-452a-4535-a601-69e0a90e3aa2");
}

TEST_CASE("ids fall back to the response headers", "[errors]") {
  msgraph::HttpHeaders headers;
  headers.add("request-id", "from-header");
  headers.add("client-request-id", "client-from-header");
  const msgraph::ServiceError error(500, headers, R"({"error":{"code":"x","message":"y"}})");
  CHECK(error.requestId() == "from-header");
  CHECK(error.clientRequestId() == "client-from-header");
}

TEST_CASE("an HTML error page still gives a ServiceError with a truncated raw body", "[errors]") {
  std::string html = "<html><head><title>502 Bad Gateway</title></head><body>\r\n";
  html += std::string(10000, 'x') + "</body></html>";
  const msgraph::ServiceError error(502, {}, html);
  CHECK(error.status() == 502);
  CHECK(error.code().empty());
  CHECK(error.rawBody().size() == msgraph::ServiceError::kMaxRawBody);
  CHECK(error.rawBody().rfind("<html>", 0) == 0);
  const std::string what = error.what();
  CHECK(what.rfind("Graph returned HTTP 502 Bad Gateway with a body that is not a Graph error: "
                   "<html>",
                   0) == 0);
  CHECK(what.size() < 400);
  CHECK(what.find('\r') == std::string::npos);
}

TEST_CASE("Retry-After as an HTTP date in the past is no wait", "[errors]") {
  msgraph::HttpHeaders headers;
  headers.add("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
  CHECK(msgraph::ServiceError(503, headers, "").retryAfter() == std::chrono::milliseconds(0));
}

TEST_CASE("errors keep their type through raise and clone", "[errors]") {
  const msgraph::TransportError transport(msgraph::TransportError::Kind::Timeout, "slow");
  std::shared_ptr<const msgraph::Error> copy = transport.clone();
  CHECK_THROWS_AS(copy->raise(), msgraph::TransportError);
  const msgraph::DeserializationError bad("/a/b", "is wrong");
  CHECK(bad.pointer() == "/a/b");
  CHECK(std::string(bad.what()) == "JSON value at '/a/b' is wrong");
  CHECK_THROWS_AS(bad.clone()->raise(), msgraph::DeserializationError);
}

TEST_CASE("one redaction routine masks secrets in headers, URLs and bodies",
          "[errors][redaction]") {
  msgraph::HttpRequest request;
  request.method = msgraph::HttpMethod::Post;
  request.url = "https://user:pa55@login.example/t/oauth2/v2.0/token?x=1&client_secret=S1#frag";
  request.headers.add("Authorization", "Bearer tok-123");
  request.headers.add("Proxy-Authorization", "Basic dXNlcjpwYXNz");
  SECTION("a form body") {
    request.body =
        "grant_type=client_credentials&client_secret=S2%26x&client_assertion=eyJ.A.B&scope=s";
    const std::string shown = request.toDisplayString();
    for (const char* secret : {"pa55", "S1", "S2", "eyJ.A.B", "tok-123", "dXNlcjpwYXNz"}) {
      CHECK(shown.find(secret) == std::string::npos);
    }
    CHECK(shown.find("grant_type=client_credentials&client_secret=***&client_assertion=***"
                     "&scope=s") != std::string::npos);
    CHECK(shown.find("Authorization: Bearer ***") != std::string::npos);
    CHECK(shown.find("?x=1&client_secret=***#frag") != std::string::npos);
  }
  SECTION("a JSON body, at any depth") {
    request.body =
        R"({"token_type":"Bearer","access_token":"AT-9","nested":[{"refresh_token":"RT"}]})";
    const std::string shown = request.toDisplayString();
    CHECK(shown.find("AT-9") == std::string::npos);
    CHECK(shown.find("RT\"") == std::string::npos);
    CHECK(shown.find(R"("token_type":"Bearer")") != std::string::npos);
  }
  SECTION("headers that name a secret: the known ones, and any holding a secret word") {
    for (const char* name : {"X-API-Key", "Ocp-Apim-Subscription-Key", "X-Client-Secret",
                             "X-Upstream-Signature", "X-Session-Token", "X-Password", "Cookie"}) {
      request.headers.add(name, std::string("v-") + name);
    }
    request.headers.add("Content-Type", "application/json");
    request.headers.add("client-request-id", "cid-1");
    const std::string shown = request.toDisplayString();
    CHECK(shown.find("v-") == std::string::npos);
    CHECK(shown.find("X-API-Key: ***") != std::string::npos);
    CHECK(shown.find("Content-Type: application/json") != std::string::npos);
    CHECK(shown.find("client-request-id: cid-1") != std::string::npos);
  }
}

TEST_CASE("a service error keeps service text only redacted", "[errors][redaction]") {
  const msgraph::ServiceError error(
      400, {},
      R"({"error":{"code":"BadRequest","message":"got client_id=c1&client_secret=S3&oauth_)"
      R"(refresh_token=RT1 with Bearer eyJ.x.y; the key vault and password policy are fine"}})");
  CHECK(error.message() ==
        "got client_id=c1&client_secret=***&oauth_refresh_token=*** with Bearer ***; the key "
        "vault and password policy are fine");
  for (const std::string& shown : {std::string(error.what()), error.rawBody()}) {
    for (const char* secret : {"S3", "RT1", "eyJ.x.y"})
      CHECK(shown.find(secret) == std::string::npos);
  }
}
