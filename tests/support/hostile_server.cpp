// SPDX-License-Identifier: MIT
#include "support/hostile_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <stdexcept>

#include "msgraph/ascii.hpp"
#include "msgraph/http/http_response.hpp"

namespace msgraph_test {

namespace {

// A request larger than this is a broken test, not a hostile client: the connection is dropped.
constexpr std::size_t kMaxRequestBytes = 1u << 20;

std::string trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

// Parses the request line and headers of `head` (without the blank line) into `request`.
bool parseHead(std::string_view head, WireRequest& request) {
  std::size_t lineEnd = head.find("\r\n");
  const std::string_view line = head.substr(0, lineEnd);
  const auto space = line.find(' ');
  const auto secondSpace = line.find(' ', space + 1);
  if (space == std::string_view::npos || secondSpace == std::string_view::npos) return false;
  request.method = std::string(line.substr(0, space));
  request.target = std::string(line.substr(space + 1, secondSpace - space - 1));
  while (lineEnd != std::string_view::npos) {
    const std::size_t start = lineEnd + 2;
    lineEnd = head.find("\r\n", start);
    const std::string_view field = head.substr(start, lineEnd - start);
    const auto colon = field.find(':');
    if (colon == std::string_view::npos) return false;
    request.headers.emplace_back(std::string(field.substr(0, colon)),
                                 trimmed(field.substr(colon + 1)));
  }
  return true;
}

bool sendAll(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

// Waits until `fd` is readable; false when the server is stopping.
bool waitReadable(int fd, int wake) {
  pollfd fds[2] = {{fd, POLLIN, 0}, {wake, POLLIN, 0}};
  int ready;
  while ((ready = ::poll(fds, 2, -1)) < 0 && errno == EINTR) {
  }
  return ready > 0 && (fds[1].revents & POLLIN) == 0;
}

// Appends what `fd` has to `buffer`; false when the client closed, or the server is stopping.
bool receiveMore(int fd, int wake, std::string& buffer) {
  if (buffer.size() > kMaxRequestBytes || !waitReadable(fd, wake)) return false;
  char chunk[16384];
  const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  buffer.append(chunk, static_cast<std::size_t>(n));
  return true;
}

// Reads one request from `fd` into `request`, keeping bytes of the next one in `buffer`.
// False when the client closed the connection, sent something that is not HTTP, or the server
// is stopping.
bool readRequest(int fd, int wake, std::string& buffer, WireRequest& request) {
  std::size_t headEnd;
  while ((headEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
    if (!receiveMore(fd, wake, buffer)) return false;
  }
  if (!parseHead(std::string_view(buffer).substr(0, headEnd), request)) return false;
  const auto length = request.header("Content-Length");
  const std::size_t bodySize = length ? std::strtoul(length->c_str(), nullptr, 10) : 0;
  if (bodySize > kMaxRequestBytes) return false;
  while (buffer.size() < headEnd + 4 + bodySize) {
    if (!receiveMore(fd, wake, buffer)) return false;
  }
  request.body = buffer.substr(headEnd + 4, bodySize);
  buffer.erase(0, headEnd + 4 + bodySize);
  return true;
}

void resetConnection(int fd) {
  const linger abortive{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
}

}  // namespace

std::optional<std::string> WireRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (msgraph::asciiEqualsIgnoreCase(key, name)) return value;
  }
  return std::nullopt;
}

Reply Reply::answer(int status, std::string body, Headers headers) {
  Reply reply;
  reply.bytes_ =
      "HTTP/1.1 " + std::to_string(status) + " " + msgraph::reasonPhrase(status) + "\r\n";
  bool hasLength = false;
  for (const auto& [name, value] : headers) {
    hasLength = hasLength || msgraph::asciiEqualsIgnoreCase(name, "Content-Length");
    reply.bytes_ += name + ": " + value + "\r\n";
  }
  if (!hasLength) reply.bytes_ += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  reply.bytes_ += "\r\n" + body;
  return reply;
}

Reply Reply::raw(std::string bytes) {
  Reply reply;
  reply.bytes_ = std::move(bytes);
  return reply;
}

Reply Reply::closeUnanswered() {
  Reply reply;
  reply.close_ = true;
  return reply;
}

Reply Reply::reset() {
  Reply reply = closeUnanswered();
  reply.reset_ = true;
  return reply;
}

HostileServer::HostileServer(Script script) : script_(std::move(script)) {
  if (::pipe(wake_) != 0) throw std::runtime_error("HostileServer: pipe() failed");
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (listener_ < 0 ||
      ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener_, 16) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    for (int fd : {listener_, wake_[0], wake_[1]}) {
      if (fd >= 0) ::close(fd);
    }
    throw std::runtime_error("HostileServer: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { acceptLoop(); });
}

HostileServer::~HostileServer() {
  const char stop = 's';
  (void)!::write(wake_[1], &stop, 1);  // never read: the pipe stays readable for every thread
  acceptor_.join();
  for (std::thread& thread : connectionThreads_) thread.join();
  for (int fd : {listener_, wake_[0], wake_[1]}) ::close(fd);
}

std::vector<WireRequest> HostileServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

int HostileServer::connections() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return connections_;
}

void HostileServer::acceptLoop() {
  while (waitReadable(listener_, wake_[0])) {
    const int fd = ::accept(listener_, nullptr, nullptr);
    if (fd < 0) continue;
    std::lock_guard<std::mutex> lock(mutex_);
    const int connection = connections_++;
    connectionThreads_.emplace_back([this, fd, connection] { serve(fd, connection); });
  }
}

void HostileServer::serve(int fd, int connection) {
  std::string buffer;
  for (int onConnection = 0;; ++onConnection) {
    WireRequest request;
    if (!readRequest(fd, wake_[0], buffer, request)) break;
    request.connection = connection;
    request.onConnection = onConnection;
    const Reply reply = decide(request);
    if (reply.resets()) resetConnection(fd);
    if (!sendAll(fd, reply.bytes()) || reply.closes()) break;
  }
  ::close(fd);
}

Reply HostileServer::decide(WireRequest& request) {
  std::lock_guard<std::mutex> lock(mutex_);
  request.index = static_cast<int>(requests_.size());
  requests_.push_back(request);
  return script_(requests_.back());
}

}  // namespace msgraph_test
