// SPDX-License-Identifier: MIT
// CurlMultiTransport, the event loop behind sendAsync(), against servers on 127.0.0.1: many
// requests in flight on one thread, cancellation and deadlines on a silent connection, timers,
// connection reuse, and shutdown with work pending.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "http/local_server.hpp"
#include "msgraph/msgraph.hpp"
#include "support/hostile_server.hpp"
#include "support/latch.hpp"

namespace {

using msgraph::AsyncHttpTransport;
using msgraph::CurlMultiTransport;
using msgraph::HttpMethod;
using msgraph::HttpRequest;
using msgraph::HttpResponse;
using msgraph_test::HostileServer;
using msgraph_test::Latch;
using msgraph_test::Reply;
using msgraph_test::WireRequest;
using std::chrono::milliseconds;

constexpr milliseconds kHangGuard{10000};

// One request sent on the loop and its outcome; it must outlive the transfer.
struct Call {
  HttpRequest request;
  msgraph::CallContext context;
  HttpResponse response;
  std::exception_ptr error;
  Latch done;

  explicit Call(std::string url, HttpMethod method = HttpMethod::Get) {
    request.method = method;
    request.url = std::move(url);
  }

  void startOn(AsyncHttpTransport& transport) {
    transport.post([this, &transport] {
      transport.start(request, context, [this](HttpResponse answer, std::exception_ptr failure) {
        response = std::move(answer);
        error = std::move(failure);
        done.countDown();
      });
    });
  }

  // Rethrows what the transfer failed with, so that Catch2 can name its type.
  void rethrow() const {
    if (error) std::rethrow_exception(error);
  }
};

// Answers each request after holding it until `release` opens: a connection that goes silent
// after the request arrived.
struct SilentServer {
  Latch arrived;
  Latch release;
  HostileServer server{[this](const WireRequest&) {
    arrived.countDown();
    release.waitFor(kHangGuard);
    return Reply::answer(204);
  }};
  ~SilentServer() { release.open(); }
};

milliseconds since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
}

}  // namespace

TEST_CASE("64 requests in flight on one loop each get their own response", "[threads]") {
  msgraph::test::LocalServer server([](httplib::Server& routes) {
    routes.Get(R"(/item/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
      response.set_content("item " + request.matches[1].str(), "text/plain");
    });
  });
  CurlMultiTransport transport;
  std::vector<std::unique_ptr<Call>> calls;
  for (int i = 0; i < 64; ++i) {
    calls.push_back(std::make_unique<Call>(server.baseUrl() + "/item/" + std::to_string(i)));
  }
  for (auto& call : calls) call->startOn(transport);
  for (std::size_t i = 0; i < calls.size(); ++i) {
    REQUIRE(calls[i]->done.waitFor(kHangGuard));
    REQUIRE_NOTHROW(calls[i]->rethrow());
    CHECK(calls[i]->response.status == 200);
    CHECK(calls[i]->response.body == "item " + std::to_string(i));
  }
}

TEST_CASE("sequential requests on the loop reuse one kept-alive connection", "[threads]") {
  HostileServer server([](const WireRequest&) { return Reply::answer(204); });
  CurlMultiTransport transport;
  for (int i = 0; i < 3; ++i) {
    Call call(server.baseUrl() + "/one", HttpMethod::Delete);
    call.startOn(transport);
    REQUIRE(call.done.waitFor(kHangGuard));
    REQUIRE_NOTHROW(call.rethrow());
    CHECK(call.response.status == 204);
  }
  CHECK(server.connections() == 1);
  CHECK(server.requests().size() == 3);
}

TEST_CASE("both transports keep the final response's headers: no 1xx fields, no trailers",
          "[threads]") {
  HostileServer server([](const WireRequest&) {
    return Reply::raw(
        "HTTP/1.1 100 Continue\r\nX-Early: 1\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nrequest-id:  r-1 \r\n"
        "Vary: a\r\nVary: b\r\nTransfer-Encoding: chunked\r\nTrailer: X-Trailer\r\n\r\n"
        "2\r\n{}\r\n0\r\nX-Trailer: late\r\n\r\n");
  });
  const std::vector<std::pair<std::string, std::string>> expected{
      {"Content-Type", "application/json"}, {"request-id", "r-1"},   {"Vary", "a"}, {"Vary", "b"},
      {"Transfer-Encoding", "chunked"},     {"Trailer", "X-Trailer"}};
  const auto fieldsOf = [](const HttpResponse& response) {
    return std::vector<std::pair<std::string, std::string>>(response.headers.begin(),
                                                            response.headers.end());
  };
  CurlMultiTransport transport;
  for (int i = 0; i < 2; ++i) {  // the second on the same pooled handle: nothing carried over
    Call call(server.baseUrl() + "/headers");
    call.startOn(transport);
    REQUIRE(call.done.waitFor(kHangGuard));
    REQUIRE_NOTHROW(call.rethrow());
    CHECK(call.response.status == 200);
    CHECK(call.response.body == "{}");
    CHECK(fieldsOf(call.response) == expected);
  }
  msgraph::CurlTransport blocking;
  HttpRequest request;
  request.url = server.baseUrl() + "/headers";
  const HttpResponse response = blocking.send(request, msgraph::CallContext());
  CHECK(response.status == 200);
  CHECK(fieldsOf(response) == expected);
}

TEST_CASE("cancelling a call on a silent connection wakes the loop and stops it at once",
          "[threads]") {
  SilentServer silent;
  CurlMultiTransport transport;
  Call call(silent.server.baseUrl() + "/silent");
  msgraph::CancellationToken token;
  call.context.cancellation(token);
  call.startOn(transport);
  REQUIRE(silent.arrived.waitFor(kHangGuard));
  const auto cancelledAt = std::chrono::steady_clock::now();
  token.cancel();
  REQUIRE(call.done.waitFor(kHangGuard));
  const milliseconds latency = since(cancelledAt);
  std::printf("cancel on a silent connection: completed %lld ms after cancel()\n",
              static_cast<long long>(latency.count()));
  CHECK_THROWS_AS(call.rethrow(), msgraph::CancelledError);
}

TEST_CASE("a call's deadline stops its transfer on a silent connection", "[threads]") {
  SilentServer silent;
  CurlMultiTransport transport;
  Call call(silent.server.baseUrl() + "/silent");
  call.context.deadline(std::chrono::steady_clock::now() + milliseconds(200));
  call.startOn(transport);
  REQUIRE(call.done.waitFor(kHangGuard));
  CHECK_THROWS_AS(call.rethrow(), msgraph::DeadlineExceededError);
}

TEST_CASE("a call's timeout ends a silent transfer with a Timeout TransportError", "[threads]") {
  SilentServer silent;
  CurlMultiTransport transport;
  Call call(silent.server.baseUrl() + "/silent");
  call.context.timeout(milliseconds(100));
  call.startOn(transport);
  REQUIRE(call.done.waitFor(kHangGuard));
  try {
    call.rethrow();
    FAIL("the transfer did not fail");
  } catch (const msgraph::TransportError& error) {
    CHECK(error.kind() == msgraph::TransportError::Kind::Timeout);
  }
}

TEST_CASE("a request libcurl must not send fails through its completion, not inside start",
          "[threads]") {
  HostileServer server([](const WireRequest&) { return Reply::answer(204); });
  CurlMultiTransport transport;
  Call call(server.baseUrl() + "/x");
  call.request.headers.add("X-Bad", "a\r\nInjected: yes");
  std::atomic<bool> returned{false};
  transport.post([&] {
    transport.start(call.request, call.context, [&](HttpResponse, std::exception_ptr failure) {
      CHECK(returned.load());  // start() had returned before the completion ran
      call.error = std::move(failure);
      call.done.countDown();
    });
    returned = true;
  });
  REQUIRE(call.done.waitFor(kHangGuard));
  CHECK_THROWS_AS(call.rethrow(), msgraph::TransportError);
  CHECK(server.requests().empty());
}

TEST_CASE("timers run on the loop thread in due order, and a cancelled one never runs",
          "[threads]") {
  CurlMultiTransport transport;
  std::vector<int> order;  // touched on the loop thread only
  Latch done;
  std::atomic<bool> onLoop{true};
  transport.post([&] {
    transport.schedule(milliseconds(30), [&] {
      onLoop = onLoop && transport.isLoopThread();
      order.push_back(2);
      done.countDown();
    });
    const auto dropped = transport.schedule(milliseconds(10), [&] { order.push_back(99); });
    transport.schedule(milliseconds(0), [&] { order.push_back(1); });
    CHECK(transport.cancelTimer(dropped));
    CHECK_FALSE(transport.cancelTimer(dropped));
  });
  REQUIRE(done.waitFor(kHangGuard));
  Latch read;
  std::vector<int> seen;
  transport.post([&] {
    seen = order;
    read.countDown();
  });
  REQUIRE(read.waitFor(kHangGuard));
  CHECK(seen == std::vector<int>{1, 2});
  CHECK(onLoop);
  CHECK_FALSE(transport.isLoopThread());
}

TEST_CASE("destroying the transport completes a transfer in flight with CancelledError",
          "[threads]") {
  SilentServer silent;
  Call call(silent.server.baseUrl() + "/silent");
  {
    CurlMultiTransport transport;
    call.startOn(transport);
    REQUIRE(silent.arrived.waitFor(kHangGuard));
  }
  REQUIRE(call.done.isOpen());
  CHECK_THROWS_AS(call.rethrow(), msgraph::CancelledError);
}

TEST_CASE("the multi transport checks its options as CurlTransport does") {
  msgraph::CurlMultiTransportOptions options;
  options.caFile = "/nonexistent/ca.pem";
  CHECK_THROWS_AS(CurlMultiTransport(options), msgraph::ValidationError);
  msgraph::CurlMultiTransportOptions negative;
  negative.maxConnectionsPerHost = -1;
  CHECK_THROWS_AS(CurlMultiTransport(negative), msgraph::ValidationError);
}
