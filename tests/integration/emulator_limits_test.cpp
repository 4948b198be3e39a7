// SPDX-License-Identifier: MIT
// The emulator's resource limits against clients that misbehave on purpose: oversized and
// chunked bodies, idle and half-sent connections. Raw sockets, so that nothing in between
// tidies up what is sent.
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "integration/plain_emulator.hpp"
#include "integration/raw_connection.hpp"

using namespace std::chrono_literals;
using testing_support::Emulator;
using testing_support::PlainEmulator;
using testing_support::RawConnection;
using testing_support::Received;

namespace {

const std::string kPolicyPath =
    "/v1.0/policies/crossTenantAccessPolicy/partners/9c5d131d-b1c3-4fc4-9e3f-c6557947d551/"
    "identitySynchronization";
// Below the emulator's 5 s read timeout: a request held up by idle connections misses it.
constexpr auto kPromptly = 4s;
// Generous bounds on a failing test, not measurements.
constexpr auto kEventually = 60s;

std::string putHead(const std::string& framing) {
  return "PUT " + kPolicyPath +
         " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer any\r\n"
         "Content-Type: application/json\r\nConnection: close\r\n" +
         framing + "\r\n\r\n";
}

std::string chunk(const std::string& data) {
  char size[20];
  std::snprintf(size, sizeof size, "%zx\r\n", data.size());
  return size + data + "\r\n";
}

// The emulator's peak resident memory so far, in KiB (VmHWM).
long peakKiB(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  FAIL("no VmHWM in /proc/" << pid << "/status");
  return 0;
}

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("emulator: a chunked body is read whole, up to the limit", "[integration][emulator]") {
  PlainEmulator emulator({"--accept-any-token", "--auto-create-partners"});
  RawConnection connection("127.0.0.1", emulator.port());
  REQUIRE(connection.send(putHead("Transfer-Encoding: chunked") + chunk(R"({"displayName":)") +
                          chunk(R"("Fabrikam"})") + chunk("")));
  const Received answer = connection.readUntilClosed(kEventually);
  CHECK(answer.closed);
  CHECK(startsWith(answer.bytes, "HTTP/1.1 204 No Content\r\n"));
}

TEST_CASE("emulator: a body over 4 MB is 413 and never held in memory", "[integration][emulator]") {
  PlainEmulator emulator({"--accept-any-token", "--auto-create-partners"});
  RawConnection connection("127.0.0.1", emulator.port());
  SECTION("64 MiB chunked: counted as it arrives, the excess dropped") {
    const long before = peakKiB(emulator.daemon().pid());
    REQUIRE(connection.send(putHead("Transfer-Encoding: chunked")));
    const std::string mebibyte(1 << 20, 'x');
    for (int i = 0; i < 64; ++i) REQUIRE(connection.send(chunk(mebibyte)));
    REQUIRE(connection.send(chunk("")));
    const Received answer = connection.readUntilClosed(kEventually);
    CHECK(startsWith(answer.bytes, "HTTP/1.1 413 Payload Too Large\r\n"));
    CHECK(answer.bytes.find(R"("code":"RequestEntityTooLarge")") != std::string::npos);
    // The 4 MB kept, and room for the allocator; not the 64 MiB sent.
    CHECK(peakKiB(emulator.daemon().pid()) - before < 24 * 1024);
  }
  SECTION("declared by Content-Length") {
    const std::string body((4 << 20) + 1, 'x');
    REQUIRE(connection.send(putHead("Content-Length: " + std::to_string(body.size())) + body));
    const Received answer = connection.readUntilClosed(kEventually);
    CHECK(startsWith(answer.bytes, "HTTP/1.1 413 Payload Too Large\r\n"));
    CHECK(answer.bytes.find(R"("code":"RequestEntityTooLarge")") != std::string::npos);
  }
}

TEST_CASE("emulator: idle connections neither hold up nor stop the others, and time out",
          "[integration][emulator][threads]") {
  Emulator emulator;
  const int port = testing_support::portOf(emulator.baseUrl());
  for (const int idle : {8, 32}) {
    DYNAMIC_SECTION(idle << " idle connections over TLS") {
      std::vector<std::unique_ptr<RawConnection>> connections;
      for (int i = 0; i < idle; ++i) {
        connections.push_back(std::make_unique<RawConnection>("127.0.0.1", port));
        // Every other one sends the start of a TLS record and stops: a half-sent handshake.
        if (i % 2 == 1) REQUIRE(connections.back()->send("\x16\x03\x01\x02\x00\x01"));
      }
      CHECK(emulator.stats(kPromptly).find("graphRequests")->asInt() == 0);
      for (const auto& connection : connections) {
        const Received end = connection->readUntilClosed(kEventually);
        CHECK(end.closed);
        CHECK(end.bytes.empty());
      }
    }
  }
}

TEST_CASE("emulator: half-sent HTTP requests neither hold up nor stop the others",
          "[integration][emulator][threads]") {
  PlainEmulator emulator({});
  std::vector<std::unique_ptr<RawConnection>> connections;
  for (int i = 0; i < 32; ++i) {
    connections.push_back(std::make_unique<RawConnection>("127.0.0.1", emulator.port()));
    REQUIRE(connections.back()->send("GET /emulator/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
  }
  RawConnection stats("127.0.0.1", emulator.port());
  REQUIRE(
      stats.send("GET /emulator/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
  const Received answer = stats.readUntilClosed(kPromptly);
  CHECK(answer.closed);
  CHECK(startsWith(answer.bytes, "HTTP/1.1 200 OK\r\n"));
  for (const auto& connection : connections) CHECK(connection->readUntilClosed(kEventually).closed);
}
