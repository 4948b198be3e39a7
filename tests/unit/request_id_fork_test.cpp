// SPDX-License-Identifier: MIT
// Client-request-ids stay unique across fork(): each thread draws random bytes for many UUIDs at
// once, and a forked child must not hand out the ids its parent is about to use.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <string>

#include "unit/mock_client.hpp"

namespace {

std::string nextRequestId(msgraph_test::MockClient& mock) {
  mock.mock->enqueue(204);
  auto sent = mock.client.policies()
                  .crossTenantAccessPolicy()
                  .partners("11111111-2222-3333-4444-555555555555")
                  .identitySynchronization()
                  .remove()
                  .send();
  REQUIRE(sent.ok());
  const auto requests = mock.mock->requests();
  return std::string(requests.back().headers.get("client-request-id").value());
}

}  // namespace

TEST_CASE("a forked child does not reuse its parent's next client-request-id", "[pipeline]") {
  msgraph_test::MockClient mock;
  nextRequestId(mock);  // the thread's random pool is filled now
  std::array<int, 2> pipeEnds{};
  REQUIRE(pipe(pipeEnds.data()) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(pipeEnds[0]);
    const std::string id = nextRequestId(mock);
    const bool written =
        write(pipeEnds[1], id.data(), id.size()) == static_cast<ssize_t>(id.size());
    _exit(written ? 0 : 1);
  }
  close(pipeEnds[1]);
  std::array<char, 64> buffer{};
  const ssize_t got = read(pipeEnds[0], buffer.data(), buffer.size());
  close(pipeEnds[0]);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  REQUIRE(got == 36);
  const std::string childId(buffer.data(), static_cast<std::size_t>(got));
  const std::string parentId = nextRequestId(mock);
  CHECK(childId != parentId);
}
