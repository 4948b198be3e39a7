// SPDX-License-Identifier: MIT
#pragma once

// The fleet verbs' tests (export, plan, drift): an emulator with partners made through the
// library, the tool signed in as the registered app, and a folder for desired-state files.
#include <fstream>
#include <string>
#include <vector>

#include "integration/cli.hpp"

namespace testing_support {

/// An emulator whose partners the test makes, the tool pointed at it, and a temporary folder.
class Fleet {
 public:
  explicit Fleet(std::vector<std::string> extra = {})
      : emulator_(std::move(extra)), cli_(emulator_) {}

  const Cli& cli() const { return cli_; }
  const Emulator& emulator() const { return emulator_; }

  /// Makes partner `id` with an identity synchronization policy named `displayName`.
  void partnerWithPolicy(const std::string& id, const std::string& displayName,
                         bool isSyncAllowed = true) const {
    partner(id);
    msgraph::models::IdentitySyncPolicyPartner policy;
    policy.displayName = displayName;
    policy.userSyncInbound.emplace().isSyncAllowed = isSyncAllowed;
    client_.policies()
        .crossTenantAccessPolicy()
        .partners(id)
        .identitySynchronization()
        .put(policy)
        .execute();
  }

  /// Makes partner `id` without a policy.
  void partner(const std::string& id) const {
    msgraph::models::CrossTenantAccessPolicyConfigurationPartner partner;
    partner.tenantId = id;
    client_.policies().crossTenantAccessPolicy().partners().create(partner).execute();
  }

  /// Writes `text` to the file `name` in the test's folder; returns its path.
  std::string file(const std::string& name, const std::string& text) const {
    const std::string path = dir_.path(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  /// The path of `name` in the test's folder.
  std::string path(const std::string& name) const { return dir_.path(name); }

  /// A counter of the emulator's statistics (`writes`, `graphRequests`).
  std::int64_t stat(const char* name) const { return emulator_.stats().find(name)->asInt(); }

 private:
  Emulator emulator_;
  Cli cli_;
  msgraph::GraphClient client_ = emulator_.client();
  TempDir dir_;
};

/// The lines of `text`.
inline std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

/// Reads a whole file.
inline std::string contentsOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace testing_support
