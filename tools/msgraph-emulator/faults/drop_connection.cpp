// SPDX-License-Identifier: MIT
#include "faults/drop_connection.hpp"

#include <dirent.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cstdlib>
#include <string>

namespace emulator {
namespace {

// The numeric address and port of one end of `fd`, as httplib reports them.
bool endpoint(int fd, bool peer, std::string& address, int& port) {
  sockaddr_storage storage{};
  socklen_t length = sizeof storage;
  auto* generic = reinterpret_cast<sockaddr*>(&storage);
  const int rc = peer ? ::getpeername(fd, generic, &length) : ::getsockname(fd, generic, &length);
  if (rc != 0) return false;
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (::getnameinfo(generic, length, host, sizeof host, service, sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
    return false;
  }
  address = host;
  port = std::atoi(service);
  return true;
}

bool carries(int fd, const httplib::Request& request) {
  std::string address;
  int port = 0;
  return endpoint(fd, true, address, port) && port == request.remote_port &&
         address == request.remote_addr && endpoint(fd, false, address, port) &&
         port == request.local_port && address == request.local_addr;
}

int findPlainSocket(const httplib::Request& request) {
  DIR* descriptors = ::opendir("/proc/self/fd");
  if (descriptors == nullptr) return -1;
  int found = -1;
  while (const dirent* entry = ::readdir(descriptors)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0' || fd == ::dirfd(descriptors)) continue;
    if (carries(static_cast<int>(fd), request)) {
      found = static_cast<int>(fd);
      break;
    }
  }
  ::closedir(descriptors);
  return found;
}

}  // namespace

bool dropConnection(const httplib::Request& request) {
  const int fd = request.ssl != nullptr ? SSL_get_fd(request.ssl) : findPlainSocket(request);
  return fd >= 0 && ::shutdown(fd, SHUT_RDWR) == 0;
}

}  // namespace emulator
