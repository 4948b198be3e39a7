// SPDX-License-Identifier: MIT
#include "msgraph/http/curl_transport.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "http/local_server.hpp"
#include "msgraph/error.hpp"
#include "support/latch.hpp"

namespace {

using msgraph::CallContext;
using msgraph::CurlTransport;
using msgraph::CurlTransportOptions;
using msgraph::HttpMethod;
using msgraph::HttpRequest;
using msgraph::HttpResponse;
using msgraph::TransportError;
using msgraph::test::LocalServer;
using namespace std::chrono_literals;

// What the server saw, copied out of httplib's handler thread under a lock.
struct Seen {
  std::string method;
  std::string target;
  std::string body;
  httplib::Headers headers;
  int remotePort = -1;
};

class Recorder {
 public:
  void record(const httplib::Request& req) {
    std::lock_guard<std::mutex> lock(mutex_);
    seen_.push_back({req.method, req.target, req.body, req.headers, req.remote_port});
  }
  std::vector<Seen> all() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<Seen> seen_;
};

std::optional<std::string> headerOf(const Seen& seen, const std::string& name) {
  const auto it = seen.headers.find(name);  // httplib compares names case-insensitively.
  if (it == seen.headers.end()) return std::nullopt;
  return it->second;
}

HttpRequest makeRequest(HttpMethod method, std::string url) {
  HttpRequest request;
  request.method = method;
  request.url = std::move(url);
  return request;
}

// A port on 127.0.0.1 that nobody listens on: bound by the OS, then released.
int unusedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t length = sizeof(addr);
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
                  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error("cannot find a free port");
  return ntohs(addr.sin_port);
}

// Sets environment variables for one test and restores the previous values afterwards.
class EnvGuard {
 public:
  ~EnvGuard() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->second) {
        ::setenv(it->first.c_str(), it->second->c_str(), 1);
      } else {
        ::unsetenv(it->first.c_str());
      }
    }
  }
  void set(const std::string& name, const std::optional<std::string>& value) {
    const char* old = std::getenv(name.c_str());
    saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
    if (value) {
      ::setenv(name.c_str(), value->c_str(), 1);
    } else {
      ::unsetenv(name.c_str());
    }
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

const std::string kJson = R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})";

}  // namespace

TEST_CASE("PUT sends method, exact path, headers and body, and 204 comes back with its headers") {
  Recorder recorder;
  LocalServer server([&](httplib::Server& s) {
    s.Put(".*", [&](const httplib::Request& req, httplib::Response& res) {
      recorder.record(req);
      res.status = 204;
      res.set_header("request-id", "7f3c-42");
    });
  });
  CurlTransport transport;
  const std::string path =
      "/v1.0/policies/crossTenantAccessPolicy/partners/..%2Fx/identitySynchronization";
  HttpRequest request = makeRequest(HttpMethod::Put, server.baseUrl() + path);
  request.headers.add("Content-Type", "application/json");
  request.headers.add("client-request-id", "0f4c9a1e-1111-2222-3333-444455556666");
  request.headers.add("x-custom", "1");
  request.body = kJson;

  const HttpResponse response = transport.send(request, CallContext());

  CHECK(response.status == 204);
  CHECK(response.body.empty());
  REQUIRE(response.headers.get("Request-Id").has_value());
  CHECK(*response.headers.get("Request-Id") == "7f3c-42");
  const auto seen = recorder.all();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "PUT");
  CHECK(seen[0].target == path);  // Not squashed, not decoded.
  CHECK(seen[0].body == kJson);
  CHECK(headerOf(seen[0], "Content-Type") == "application/json");
  CHECK(headerOf(seen[0], "Content-Length") == std::to_string(kJson.size()));
  CHECK(headerOf(seen[0], "client-request-id") == "0f4c9a1e-1111-2222-3333-444455556666");
  CHECK(headerOf(seen[0], "x-custom") == "1");
  CHECK_FALSE(headerOf(seen[0], "Expect").has_value());
}

TEST_CASE("no body, small or large, is sent with Expect: 100-continue") {
  // libcurl asks above 1 KiB (old releases) or 1 MiB (current ones) unless told not to; only
  // the 2 MiB body tests that against this libcurl (the unit test of the list pins 1 KiB).
  const std::size_t size = GENERATE(std::size_t{1024}, std::size_t{1025}, std::size_t{2} << 20);
  Recorder recorder;
  LocalServer server([&](httplib::Server& s) {
    s.Put(".*", [&](const httplib::Request& req, httplib::Response& res) {
      recorder.record(req);
      res.status = 204;
    });
  });
  CurlTransport transport;
  HttpRequest request = makeRequest(HttpMethod::Put, server.baseUrl() + "/v1.0/big");
  request.headers.add("Content-Type", "application/json");
  request.body = "\"" + std::string(size - 2, 'a') + "\"";

  CHECK(transport.send(request, CallContext()).status == 204);
  const auto seen = recorder.all();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].body.size() == size);
  CHECK_FALSE(headerOf(seen[0], "Expect").has_value());
}

TEST_CASE("dot segments in the path are sent as they are") {
  Recorder recorder;
  LocalServer server([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
      recorder.record(req);
      res.status = 200;
    });
  });
  CurlTransport transport;
  const std::string path = "/v1.0/partners/../x/./identitySynchronization";

  const HttpResponse response =
      transport.send(makeRequest(HttpMethod::Get, server.baseUrl() + path), CallContext());

  CHECK(response.status == 200);
  const auto seen = recorder.all();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].target == path);
}

TEST_CASE("GET returns 200 with the JSON body and the Content-Type header") {
  Recorder recorder;
  LocalServer server([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
      recorder.record(req);
      res.set_content(kJson, "application/json");
    });
  });
  CurlTransport transport;
  HttpRequest request = makeRequest(HttpMethod::Get, server.baseUrl() + "/v1.0/x?$select=a,b");
  request.headers.add("Accept", "application/json");

  const HttpResponse response = transport.send(request, CallContext());

  CHECK(response.status == 200);
  // No encoding is offered (bodies are small, and undecoded bodies cannot be bombs), so the
  // server sends the body as it is.
  CHECK_FALSE(response.headers.contains("Content-Encoding"));
  CHECK(response.body == kJson);
  CHECK(response.headers.get("content-type") ==
        std::optional<std::string_view>("application/json"));
  const auto seen = recorder.all();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "GET");
  CHECK(seen[0].target == "/v1.0/x?$select=a,b");
  CHECK(seen[0].body.empty());
  CHECK(headerOf(seen[0], "Accept") == "application/json");
  CHECK_FALSE(headerOf(seen[0], "Accept-Encoding").has_value());
}

TEST_CASE("an HTTP error status is returned as a response, not thrown") {
  const std::string error =
      R"({"error":{"code":"Request_ResourceNotFound","message":"Resource not found."}})";
  LocalServer server([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request&, httplib::Response& res) {
      res.status = 404;
      res.set_header("request-id", "abc");
      res.set_content(error, "application/json");
    });
  });
  CurlTransport transport;

  HttpResponse response;
  REQUIRE_NOTHROW(response = transport.send(
                      makeRequest(HttpMethod::Get, server.baseUrl() + "/missing"), CallContext()));

  CHECK(response.status == 404);
  CHECK(response.body == error);
  CHECK(response.headers.get("request-id") == std::optional<std::string_view>("abc"));
}

TEST_CASE("a redirect is not followed, so the bearer token never goes to another host") {
  std::atomic<int> reachedOther{0};
  LocalServer other([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request&, httplib::Response& res) {
      ++reachedOther;
      res.set_content("{}", "application/json");
    });
  });
  LocalServer redirecting([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request&, httplib::Response& res) {
      res.set_redirect(other.baseUrl() + "/stolen", 302);
    });
  });
  CurlTransport transport;
  auto request = makeRequest(HttpMethod::Get, redirecting.baseUrl() + "/x");
  request.headers.add("Authorization", "Bearer secret-token");
  const HttpResponse response = transport.send(request, CallContext());
  CHECK(response.status == 302);
  CHECK(response.headers.get("Location") ==
        std::optional<std::string_view>(other.baseUrl() + "/stolen"));
  CHECK(reachedOther == 0);
}

TEST_CASE("sequential calls on one transport reuse one connection") {
  Recorder recorder;
  LocalServer server([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
      recorder.record(req);
      res.set_content("ok", "text/plain");
    });
  });
  CurlTransport transport;

  for (int i = 0; i < 2; ++i) {
    const HttpResponse response =
        transport.send(makeRequest(HttpMethod::Get, server.baseUrl() + "/ping"), CallContext());
    REQUIRE(response.status == 200);
  }

  const auto seen = recorder.all();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].remotePort > 0);
  CHECK(seen[0].remotePort == seen[1].remotePort);
}

TEST_CASE("a reused handle carries no method or body over to the next request") {
  Recorder recorder;
  LocalServer server([&](httplib::Server& s) {
    const auto handler = [&](const httplib::Request& req, httplib::Response& res) {
      recorder.record(req);
      res.status = req.method == "DELETE" ? 204 : 200;
    };
    s.Put(".*", handler);
    s.Delete(".*", handler);
    s.Get(".*", handler);
  });
  CurlTransport transport;
  HttpRequest put = makeRequest(HttpMethod::Put, server.baseUrl() + "/policy");
  put.headers.add("Content-Type", "application/json");
  put.body = kJson;

  CHECK(transport.send(put, CallContext()).status == 200);
  CHECK(transport.send(makeRequest(HttpMethod::Delete, server.baseUrl() + "/policy"), CallContext())
            .status == 204);
  CHECK(transport.send(makeRequest(HttpMethod::Get, server.baseUrl() + "/policy"), CallContext())
            .status == 200);

  const auto seen = recorder.all();
  REQUIRE(seen.size() == 3);
  CHECK(seen[1].method == "DELETE");
  CHECK(seen[1].body.empty());
  CHECK_FALSE(headerOf(seen[1], "Content-Type").has_value());
  CHECK(seen[2].method == "GET");
  CHECK(seen[2].body.empty());
  CHECK_FALSE(headerOf(seen[2], "Content-Length").has_value());
  CHECK_FALSE(headerOf(seen[2], "Content-Type").has_value());
  CHECK(seen[0].remotePort == seen[2].remotePort);  // Really the same handle and connection.
}

TEST_CASE("a reused handle sends each method and body as asked, repeated or alternating") {
  Recorder recorder;
  LocalServer server([&](httplib::Server& s) {
    const auto handler = [&](const httplib::Request& req, httplib::Response& res) {
      recorder.record(req);
      res.status = 204;
    };
    s.Put(".*", handler);
    s.Patch(".*", handler);
    s.Delete(".*", handler);
    s.Get(".*", handler);
  });
  CurlTransport transport;
  const std::string url = server.baseUrl() + "/policy";
  auto withBody = [&](HttpMethod method, std::string body) {
    HttpRequest request = makeRequest(method, url);
    request.headers.add("Content-Type", "application/json");
    request.body = std::move(body);
    return request;
  };
  // Sequential calls, so one pooled handle carries them all (cpp-httplib closes a connection
  // after 5 requests, so the connection may change; the handle does not).
  const std::vector<HttpRequest> requests{
      withBody(HttpMethod::Put, kJson),         withBody(HttpMethod::Put, "{\"b\":2}"),
      withBody(HttpMethod::Delete, "{}"),       makeRequest(HttpMethod::Delete, url),
      makeRequest(HttpMethod::Get, url),        makeRequest(HttpMethod::Get, url),
      withBody(HttpMethod::Patch, "{\"c\":3}"), withBody(HttpMethod::Put, kJson)};
  for (const HttpRequest& request : requests) {
    CHECK(transport.send(request, CallContext()).status == 204);
  }

  const auto seen = recorder.all();
  REQUIRE(seen.size() == requests.size());
  const std::vector<std::string> methods{"PUT", "PUT", "DELETE", "DELETE",
                                         "GET", "GET", "PATCH",  "PUT"};
  for (std::size_t i = 0; i < seen.size(); ++i) {
    INFO("request " << i);
    CHECK(seen[i].method == methods[i]);
    CHECK(seen[i].body == requests[i].body);
    CHECK(headerOf(seen[i], "Content-Length").has_value() == !requests[i].body.empty());
  }
}

TEST_CASE("a body without Content-Type is not labelled as a form") {
  Recorder recorder;
  LocalServer server([&](httplib::Server& s) {
    s.Patch(".*", [&](const httplib::Request& req, httplib::Response& res) {
      recorder.record(req);
      res.status = 204;
    });
  });
  CurlTransport transport;
  HttpRequest patch = makeRequest(HttpMethod::Patch, server.baseUrl() + "/policy");
  patch.body = kJson;

  CHECK(transport.send(patch, CallContext()).status == 204);

  const auto seen = recorder.all();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "PATCH");
  CHECK(seen[0].body == kJson);
  CHECK_FALSE(headerOf(seen[0], "Content-Type").has_value());
}

TEST_CASE("a header with a line break is refused before anything is sent") {
  std::atomic<int> served{0};
  LocalServer server([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request&, httplib::Response& res) {
      ++served;
      res.status = 200;
    });
  });
  CurlTransport transport;
  // A CRLF, a lone LF or CR, or a NUL, in a value or in a name, after other headers.
  const std::pair<std::string, std::string> bad =
      GENERATE(std::pair<std::string, std::string>{"x-custom", "a\r\nInjected: secret-value"},
               std::pair<std::string, std::string>{"x-custom", "a\nInjected: secret-value"},
               std::pair<std::string, std::string>{"x-custom", "a\rInjected: secret-value"},
               std::pair<std::string, std::string>{"x-custom", std::string("a\0secret-value", 14)},
               std::pair<std::string, std::string>{"x-custom\r\nInjected: x", "secret-value"},
               std::pair<std::string, std::string>{std::string("x-cus\0tom", 9), "secret-value"});
  HttpRequest request = makeRequest(HttpMethod::Get, server.baseUrl() + "/x");
  request.headers.add("x-before", "fine");
  request.headers.add(bad.first, bad.second);

  try {
    transport.send(request, CallContext());
    FAIL("send() did not throw");
  } catch (const TransportError& e) {
    CHECK(e.kind() == TransportError::Kind::Other);
    const std::string message = e.what();
    INFO(message);
    CHECK(message.find("line break; nothing was sent") != std::string::npos);
    CHECK(message.find_first_of("\r\n") == std::string::npos);  // the name is shown safely
    CHECK(message.find("secret-value") == std::string::npos);
  }
  CHECK(served == 0);
}

TEST_CASE("a refused connection is a Connect error without path or query in the message") {
  CurlTransport transport;
  const std::string origin = "http://127.0.0.1:" + std::to_string(unusedPort());

  try {
    transport.send(makeRequest(HttpMethod::Get, origin + "/v1.0/secret-path?$filter=hidden"),
                   CallContext());
    FAIL("send() did not throw");
  } catch (const TransportError& e) {
    CHECK(e.kind() == TransportError::Kind::Connect);
    const std::string message = e.what();
    CHECK(message.rfind("GET " + origin + " failed: ", 0) == 0);
    CHECK(message.find("(curl code 7)") != std::string::npos);
    CHECK(message.find("secret-path") == std::string::npos);
    CHECK(message.find("hidden") == std::string::npos);
  }
}

TEST_CASE("gotResponse tells a connection dropped unanswered from a response cut short") {
  SECTION("dropped before any response") {
    // A bare socket that reads the request and closes without a byte of answer.
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(listener >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(listener, 1) == 0);
    REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    std::thread server([listener] {
      const int connection = ::accept(listener, nullptr, nullptr);
      char buffer[4096];
      (void)::recv(connection, buffer, sizeof buffer, 0);
      ::close(connection);
    });
    CurlTransport transport;
    const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/x";
    try {
      transport.send(makeRequest(HttpMethod::Get, url), CallContext());
      FAIL("send() did not throw");
    } catch (const TransportError& e) {
      CHECK(e.kind() == TransportError::Kind::Receive);
      CHECK_FALSE(e.gotResponse());
    }
    server.join();
    ::close(listener);
  }
  SECTION("cut short in the body") {
    LocalServer server([](httplib::Server& s) {
      s.Get(".*", [](const httplib::Request&, httplib::Response& res) {
        res.set_content_provider(1000, "text/plain",
                                 [](std::size_t, std::size_t, httplib::DataSink& sink) {
                                   sink.write("abc", 3);
                                   return false;  // httplib closes the connection
                                 });
      });
    });
    CurlTransport transport;
    try {
      transport.send(makeRequest(HttpMethod::Get, server.baseUrl() + "/x"), CallContext());
      FAIL("send() did not throw");
    } catch (const TransportError& e) {
      CHECK(e.kind() == TransportError::Kind::Receive);
      CHECK(e.gotResponse());
    }
  }
}

TEST_CASE("a call that outlives its timeout is a Timeout error") {
  msgraph_test::Latch release;
  LocalServer server([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request&, httplib::Response& res) {
      // Holds the answer up to 2 s, but lets the test end early once the client has given up.
      release.waitFor(2s);
      res.set_content("late", "text/plain");
    });
  });
  CurlTransport transport;
  const auto start = std::chrono::steady_clock::now();

  try {
    transport.send(makeRequest(HttpMethod::Get, server.baseUrl() + "/slow"),
                   CallContext().timeout(200ms));
    FAIL("send() did not throw");
  } catch (const TransportError& e) {
    CHECK(e.kind() == TransportError::Kind::Timeout);
  }
  CHECK(std::chrono::steady_clock::now() - start < 1900ms);
  release.open();
}

TEST_CASE("a body over maxResponseBytes is a TooLarge error naming the limit") {
  LocalServer server([&](httplib::Server& s) {
    s.Get("/known-length", [&](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(4096, 'x'), "application/octet-stream");
    });
    s.Get("/chunked", [&](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("application/octet-stream",
                                       [](size_t, httplib::DataSink& sink) {
                                         const std::string chunk(512, 'y');
                                         for (int i = 0; i < 8; ++i) {
                                           sink.write(chunk.data(), chunk.size());
                                         }
                                         sink.done();
                                         return true;
                                       });
    });
  });
  CurlTransportOptions options;
  options.maxResponseBytes = 1024;
  CurlTransport transport(options);
  const std::string path = GENERATE(std::string("/known-length"), std::string("/chunked"));

  try {
    transport.send(makeRequest(HttpMethod::Get, server.baseUrl() + path), CallContext());
    FAIL("send() did not throw");
  } catch (const TransportError& e) {
    CHECK(e.kind() == TransportError::Kind::TooLarge);
    CHECK(std::string(e.what()).find("1024") != std::string::npos);
  }
}

TEST_CASE("TLS is verified by default and errors never show request headers") {
  LocalServer server([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request&, httplib::Response& res) {
      res.set_content("plain", "text/plain");
    });
  });
  CurlTransport transport;
  const std::string origin = "https://127.0.0.1:" + std::to_string(server.port());
  HttpRequest request = makeRequest(HttpMethod::Get, origin + "/v1.0/me");
  request.headers.add("Authorization", "Bearer secret-token");

  try {
    transport.send(request, CallContext());
    FAIL("send() did not throw");
  } catch (const TransportError& e) {
    const std::string message = e.what();
    CHECK(message.rfind("GET " + origin + " failed: ", 0) == 0);
    CHECK(message.find("secret-token") == std::string::npos);
    CHECK(message.find("Bearer") == std::string::npos);
  }
}

TEST_CASE("an empty proxy option ignores proxy environment variables") {
  LocalServer server([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request&, httplib::Response& res) {
      res.set_content("direct", "text/plain");
    });
  });
  EnvGuard env;
  env.set("http_proxy", "http://127.0.0.1:" + std::to_string(unusedPort()));
  env.set("no_proxy", std::nullopt);
  env.set("NO_PROXY", std::nullopt);
  const HttpRequest request = makeRequest(HttpMethod::Get, server.baseUrl() + "/ping");

  SECTION("without the option the dead proxy from the environment is used") {
    CurlTransport transport;
    CHECK_THROWS_AS(transport.send(request, CallContext()), TransportError);
  }
  SECTION("with proxy = \"\" the server is reached directly") {
    CurlTransportOptions options;
    options.proxy = "";
    CurlTransport transport(options);
    const HttpResponse response = transport.send(request, CallContext());
    CHECK(response.status == 200);
    CHECK(response.body == "direct");
  }
}

TEST_CASE("a proxy libcurl cannot use is refused up front, without echoing it") {
  for (const std::string proxy : {"htps://puser:pr0xy-pa55@127.0.0.1:9", "http://[::1",
                                  "ftp://puser:pr0xy-pa55@127.0.0.1:9"}) {
    CurlTransportOptions options;
    options.proxy = proxy;
    try {
      CurlTransport transport(options);
      FAIL("the transport took " << proxy);
    } catch (const msgraph::ValidationError& e) {
      CHECK(e.field() == "proxy");
      CHECK(std::string(e.what()).find("pr0xy-pa55") == std::string::npos);
    }
  }
  CurlTransportOptions insecure;
  insecure.proxy = "http://127.0.0.1:9";
  insecure.insecureSkipTlsVerificationForLoopback = true;
  CHECK_THROWS_AS(CurlTransport(insecure), msgraph::ValidationError);
  CurlTransportOptions bare;
  bare.proxy = "127.0.0.1:3128";  // no scheme: libcurl takes http
  CHECK_NOTHROW(CurlTransport(bare));
}

TEST_CASE("a proxy from the environment that libcurl refuses is not quoted with its password") {
  EnvGuard env;
  env.set("http_proxy", "htps://puser:env-pr0xy-pa55@127.0.0.1:9");
  env.set("no_proxy", std::nullopt);
  env.set("NO_PROXY", std::nullopt);
  CurlTransport transport;
  try {
    transport.send(makeRequest(HttpMethod::Get, "http://127.0.0.1:1/x"), CallContext());
    FAIL("send() did not throw");
  } catch (const TransportError& e) {
    const std::string message = e.what();
    CHECK(message.find("env-pr0xy-pa55") == std::string::npos);
    CHECK(message.find("puser") == std::string::npos);
    CHECK(message.find("htps://***@127.0.0.1:9") != std::string::npos);  // libcurl quoted it
  }
}

TEST_CASE("proxy credentials never appear in an error") {
  CurlTransportOptions options;
  options.proxy = "http://proxyuser:pr0xy-pa55w0rd@127.0.0.1:" + std::to_string(unusedPort());
  CurlTransport transport(options);
  try {
    transport.send(makeRequest(HttpMethod::Get, "http://127.0.0.1:1/x"), CallContext());
    FAIL("send() did not throw");
  } catch (const TransportError& e) {
    const std::string message = e.what();
    CHECK(message.find("pr0xy-pa55w0rd") == std::string::npos);
    CHECK(message.find("proxyuser") == std::string::npos);
  }
}

TEST_CASE("one transport serves concurrent callers", "[threads]") {
  std::atomic<int> served{0};
  LocalServer server([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
      ++served;
      res.set_content(req.target, "text/plain");
    });
  });
  CurlTransport transport;
  constexpr int kThreads = 4;
  constexpr int kCallsPerThread = 25;
  std::atomic<int> succeeded{0};
  std::vector<std::string> failures(kThreads);

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCallsPerThread; ++i) {
        const std::string path = "/t" + std::to_string(t) + "/" + std::to_string(i);
        try {
          const HttpResponse r =
              transport.send(makeRequest(HttpMethod::Get, server.baseUrl() + path), CallContext());
          if (r.status == 200 && r.body == path) ++succeeded;
        } catch (const std::exception& e) {
          failures[t] = e.what();  // Catch2 assertions are not thread-safe; report afterwards.
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();

  for (const auto& failure : failures) CHECK(failure.empty());
  CHECK(succeeded == kThreads * kCallsPerThread);
  CHECK(served == kThreads * kCallsPerThread);
}

TEST_CASE("options() returns what the transport was made with") {
  CurlTransportOptions options;
  options.caFile = "/etc/ssl/certs/ca-certificates.crt";
  options.proxy = "";
  options.maxResponseBytes = 77;
  options.timeout = 1500ms;
  CurlTransport transport(options);

  CHECK(transport.options().caFile == options.caFile);
  CHECK(transport.options().proxy == std::optional<std::string>(""));
  CHECK(transport.options().maxResponseBytes == 77);
  CHECK(transport.options().timeout == 1500ms);
  CHECK_FALSE(transport.options().insecureSkipTlsVerificationForLoopback);
}

TEST_CASE("cancelling stops a transfer in flight, and a deadline cuts one short", "[threads]") {
  msgraph_test::Latch requestSeen;
  msgraph_test::Latch release;
  LocalServer server([&](httplib::Server& s) {
    s.Get(".*", [&](const httplib::Request&, httplib::Response& res) {
      requestSeen.countDown();
      // Holds the answer up to 3 s, but lets the test end early once the client has given up.
      release.waitFor(3s);
      res.set_content("late", "text/plain");
    });
  });
  CurlTransport transport;
  const auto request = makeRequest(HttpMethod::Get, server.baseUrl() + "/slow");
  SECTION("cancellation") {
    msgraph::CancellationToken token;
    std::atomic<bool> cancelledInFlight{false};
    std::thread canceller([&requestSeen, &cancelledInFlight, token]() mutable {
      // Cancels once the server holds the request, so the transfer is in flight; the bound only
      // keeps a broken test from hanging.
      cancelledInFlight = requestSeen.waitFor(10s);
      token.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(transport.send(request, CallContext().cancellation(token)),
                    msgraph::CancelledError);
    CHECK(std::chrono::steady_clock::now() - start < 2s);
    canceller.join();
    CHECK(cancelledInFlight);
  }
  SECTION("deadline") {
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(
        transport.send(request, CallContext().deadline(std::chrono::steady_clock::now() + 200ms)),
        msgraph::DeadlineExceededError);
    CHECK(std::chrono::steady_clock::now() - start < 2s);
  }
  release.open();
}

TEST_CASE("skipping TLS verification is refused for hosts that are not loopback") {
  msgraph::CurlTransportOptions options;
  options.insecureSkipTlsVerificationForLoopback = true;
  CurlTransport transport(options);
  try {
    transport.send(makeRequest(HttpMethod::Get, "https://graph.microsoft.com/v1.0/x"),
                   CallContext());
    FAIL("send() did not refuse");
  } catch (const TransportError& e) {
    CHECK(e.kind() == TransportError::Kind::Tls);
  }
}
