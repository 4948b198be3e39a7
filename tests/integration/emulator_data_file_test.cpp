// SPDX-License-Identifier: MIT
// The emulator's --data file under hostile or careless use: a link planted beside it, and a
// second emulator on the same file.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "integration/emulator.hpp"

using testing_support::Emulator;
namespace fs = std::filesystem;

namespace {

const std::string kPartner = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";

void putPolicy(const Emulator& emulator, const std::string& partner) {
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  const auto response = emulator.client()
                            .policies()
                            .crossTenantAccessPolicy()
                            .partners(partner)
                            .identitySynchronization()
                            .put(policy)
                            .execute();
  REQUIRE(response.status == 204);
}

std::string contentOf(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The names in `folder`, to show that no temporary file is left behind.
std::vector<std::string> namesIn(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("emulator --data: a link planted at the temporary name is not followed",
          "[integration][emulator]") {
  testing_support::TempDir dir;
  const std::string data = dir.path("data.json");
  const std::string target = dir.write("target.txt", "not the emulator's\n");
  REQUIRE(::symlink(target.c_str(), dir.path("data.json.tmp").c_str()) == 0);
  {
    Emulator emulator({"--auto-create-partners"}, data);
    putPolicy(emulator, kPartner);
  }
  CHECK(contentOf(target) == "not the emulator's\n");
  CHECK(fs::is_symlink(dir.path("data.json.tmp")));
  CHECK(fs::symlink_status(data).type() == fs::file_type::regular);
  CHECK(contentOf(data).find(kPartner) != std::string::npos);
  struct stat info {};
  REQUIRE(::stat(data.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  CHECK(namesIn(dir.path("")) ==
        std::vector<std::string>{"data.json", "data.json.lock", "data.json.tmp", "target.txt"});
}

TEST_CASE("emulator --data: a link planted at the data file is replaced, not written through",
          "[integration][emulator]") {
  testing_support::TempDir dir;
  const std::string data = dir.path("data.json");
  const std::string empty = R"({"formatVersion":4,"etagCounter":0,"partners":{},"apps":{}})";
  const std::string target = dir.write("target.json", empty);
  REQUIRE(::symlink(target.c_str(), data.c_str()) == 0);
  {
    Emulator emulator({"--auto-create-partners"}, data);  // reads the state through the link
    putPolicy(emulator, kPartner);
  }
  CHECK(contentOf(target) == empty);
  CHECK(fs::symlink_status(data).type() == fs::file_type::regular);
}

TEST_CASE("emulator --data: a second emulator on the same file refuses to start",
          "[integration][emulator]") {
  testing_support::TempDir dir;
  const std::string data = dir.path("data.json");
  {
    Emulator first({"--auto-create-partners"}, data);
    putPolicy(first, kPartner);
    // On the first one's port: were the lock missing, it would fail to listen (exit 1), not
    // run beside it.
    const testing_support::Outcome second =
        testing_support::run({MSGRAPH_EMULATOR_PATH, "--data", data, "--port",
                              std::to_string(testing_support::portOf(first.baseUrl()))});
    CHECK(second.exitCode == 2);
    CHECK(second.out.empty());
    CHECK(second.err == "msgraph-emulator: data file " + data +
                            " is in use by another msgraph-emulator (it holds " + data +
                            ".lock); stop that one or give another --data file\n");
    putPolicy(first, "partner-after-the-refusal");
  }
  // The lock ends with the process: the next emulator starts and has both partners.
  Emulator next({}, data);
  const auto client = next.client();
  for (const char* partner : {kPartner.c_str(), "partner-after-the-refusal"}) {
    CAPTURE(partner);
    CHECK(client.policies()
              .crossTenantAccessPolicy()
              .partners(partner)
              .identitySynchronization()
              .get()
              .execute()
              .value->displayName.value() == "Fabrikam");
  }
}
