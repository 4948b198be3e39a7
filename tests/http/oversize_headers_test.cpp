// SPDX-License-Identifier: MIT
// Response headers over libcurl's limits (100 KB for one header, 300 KB in all) against the
// hostile server: a TooLarge TransportError that says so, not libcurl's "Out of memory".
#include <catch2/catch.hpp>

#include <string>

#include "msgraph/msgraph.hpp"
#include "support/hostile_server.hpp"

namespace {

using msgraph_test::HostileServer;
using msgraph_test::Reply;
using msgraph_test::WireRequest;

// The transport's error for a GET answered 200 with `headers`.
msgraph::TransportError errorForHeaders(const Reply::Headers& headers) {
  HostileServer server([&](const WireRequest&) { return Reply::answer(200, "{}", headers); });
  msgraph::CurlTransportOptions options;
  options.proxy = "";
  msgraph::CurlTransport transport(options);
  msgraph::HttpRequest request;
  request.url = server.baseUrl() + "/v1.0/policies";
  try {
    transport.send(request, msgraph::CallContext());
  } catch (const msgraph::TransportError& error) {
    return error;
  }
  FAIL("the response was accepted");
  throw std::logic_error("unreachable");
}

// The message up to libcurl's code, which depends on libcurl's version.
std::string withoutCurlCode(const std::string& message) {
  return message.substr(0, message.rfind(" (curl code "));
}

const std::string kSaysHeaders =
    " failed: the response headers are larger than libcurl accepts (100 KB for one header, 300 KB "
    "in all)";

}  // namespace

TEST_CASE("a response header over libcurl's limit is a TooLarge error that names the headers") {
  const auto error = errorForHeaders({{"X-Big", std::string(100 * 1024, 'a')}});
  CHECK(error.kind() == msgraph::TransportError::Kind::TooLarge);
  CHECK(error.gotResponse());
  const std::string message = error.what();
  CHECK(withoutCurlCode(message).substr(message.find(" failed: ")) == kSaysHeaders);
  CHECK(message.find("Out of memory") == std::string::npos);
}

TEST_CASE("response headers over libcurl's total limit are a TooLarge error that names them") {
  Reply::Headers headers;
  for (int i = 0; i < 40; ++i)
    headers.emplace_back("X-H" + std::to_string(i), std::string(9000, 'a'));
  const auto error = errorForHeaders(headers);
  CHECK(error.kind() == msgraph::TransportError::Kind::TooLarge);
  const std::string message = error.what();
  CHECK(withoutCurlCode(message).substr(message.find(" failed: ")) == kSaysHeaders);
}
