// SPDX-License-Identifier: MIT
#pragma once

// A deliberately badly behaved HTTP/1.1 server on 127.0.0.1 for tests of what a client does when
// the other end misbehaves: it answers each request as the test's script says (an answer, exact
// raw bytes, a close without a byte of answer, a reset), and records every request as it arrived
// on the wire. A well-behaved server (httplib) cannot close a connection after reading a request,
// nor send malformed or hostile bytes; this one parses only what it must and writes what it is
// told.
//
//   HostileServer server([](const WireRequest& request) {
//     // the first request of each connection is answered, the next one is left unanswered
//     return request.onConnection == 0 ? Reply::answer(204) : Reply::closeUnanswered();
//   });
//   ... send requests to server.baseUrl() ...
//   CHECK(server.requests().size() == 2);
//
// Plain HTTP only. Requests need a Content-Length for a body (chunked bodies are not read).
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace msgraph_test {

/// One request as it arrived on the wire.
struct WireRequest {
  std::string method;
  /// The request target exactly as sent (`/v1.0/policies/...?$select=a`).
  std::string target;
  /// Every header in the order sent, names as spelled by the client.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// Which connection carried it: 0 for the first one the server accepted.
  int connection = 0;
  /// Its place on that connection: 0 for the first request.
  int onConnection = 0;
  /// Its place among all requests the server received: 0 for the first.
  int index = 0;

  /// The value of the first header called `name` (compared case-insensitively), if sent.
  std::optional<std::string> header(std::string_view name) const;
};

/// What the server does with one request.
class Reply {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  /// A complete response: the status line, `headers`, `Content-Length` (unless `headers` has
  /// one) and `body`. The connection stays open for the next request.
  static Reply answer(int status, std::string body = {}, Headers headers = {});
  /// Exactly `bytes`, nothing added (malformed or hostile responses). The connection stays open.
  static Reply raw(std::string bytes);
  /// Closes the connection (FIN) after reading the request, without a byte of answer.
  static Reply closeUnanswered();
  /// Resets the connection (RST) after reading the request, without a byte of answer.
  static Reply reset();

  /// Closes the connection (FIN) after writing this reply.
  Reply& thenClose() {
    close_ = true;
    return *this;
  }

  /// The bytes to write (empty for a close or reset).
  const std::string& bytes() const noexcept { return bytes_; }
  /// Whether the connection is closed after the bytes.
  bool closes() const noexcept { return close_; }
  /// Whether the close is a reset (SO_LINGER 0) rather than a FIN.
  bool resets() const noexcept { return reset_; }

 private:
  std::string bytes_;
  bool close_ = false;
  bool reset_ = false;
};

/// The server's script: decides the reply to each request. Calls are serialized (never two at
/// once), so a script may keep state without a lock.
using Script = std::function<Reply(const WireRequest&)>;

/// The hostile server: listens on 127.0.0.1 and a free port from construction to destruction,
/// each connection on its own thread. Destroying it closes every connection.
class HostileServer {
 public:
  /// Starts the server. @throws std::runtime_error when no port can be bound.
  explicit HostileServer(Script script);
  ~HostileServer();
  HostileServer(const HostileServer&) = delete;
  HostileServer& operator=(const HostileServer&) = delete;

  /// The port it listens on.
  int port() const noexcept { return port_; }
  /// `http://127.0.0.1:<port>`, without a trailing slash.
  std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(port_); }

  /// Every complete request received so far, in the order the script saw them.
  std::vector<WireRequest> requests() const;
  /// How many connections it has accepted so far.
  int connections() const;

 private:
  void acceptLoop();
  void serve(int fd, int connection);
  Reply decide(WireRequest& request);

  Script script_;
  int listener_ = -1;
  int wake_[2] = {-1, -1};  // a pipe made readable to stop every thread at once
  int port_ = -1;
  mutable std::mutex mutex_;
  std::vector<WireRequest> requests_;
  std::vector<std::thread> connectionThreads_;
  int connections_ = 0;
  std::thread acceptor_;
};

}  // namespace msgraph_test
