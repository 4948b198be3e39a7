// SPDX-License-Identifier: MIT
#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

namespace msgraph::test {

/// An httplib server on 127.0.0.1 and a free port, serving on its own thread for as long as the
/// object lives. Routes are registered through `routes` before the server starts, because
/// httplib's route table must not change while it serves.
///
/// Destroy the clients that talk to it (transports) first: their keep-alive connections would
/// otherwise hold a server thread until the keep-alive timeout.
class LocalServer {
 public:
  explicit LocalServer(const std::function<void(httplib::Server&)>& routes) {
    routes(server_);
    // Bounds how long a forgotten keep-alive connection can delay the destructor.
    server_.set_keep_alive_timeout(2);
    // Without it, Nagle's algorithm meets delayed ACKs and every keep-alive call waits ~40 ms.
    server_.set_tcp_nodelay(true);
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ < 0) throw std::runtime_error("LocalServer: cannot bind a port on 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    if (!waitUntilRunning()) {
      stop();
      throw std::runtime_error("LocalServer: the server did not start");
    }
  }

  ~LocalServer() { stop(); }

  LocalServer(const LocalServer&) = delete;
  LocalServer& operator=(const LocalServer&) = delete;

  /// The port the server listens on.
  int port() const noexcept { return port_; }

  /// `http://127.0.0.1:<port>`, without a trailing slash.
  std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  bool waitUntilRunning() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!server_.is_running()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
  }

  void stop() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Server server_;
  int port_ = -1;
  std::thread thread_;
};

}  // namespace msgraph::test
