// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_set>

namespace msgraph_cli::fleet {

/// The partners a results file records as done (`apply --resume FILE`): apply skips them.
///
/// A record counts when it is a whole JSON object with `"outcome":"done"`, a `partnerTenantId`
/// and a `tenant`; failed or cancelled ones do not (those partners are tried again), and the last
/// record of a partner is the one that counts. A line that is not
/// such a record (the half-written last line of a killed run, say) is reported and ignored.
class ResumeSet {
 public:
  /// Called for each line that is not a readable record: its number and why.
  using BadRecordSink = std::function<void(std::size_t line, const std::string& reason)>;

  /// Reads `path`; a file that does not exist is an empty set (the first run of a job).
  /// @throws CliError naming `--resume` when the file exists but cannot be read.
  static ResumeSet read(const std::string& path, const BadRecordSink& onBadRecord);

  /// Whether `partnerTenantId` of `tenant` (as the desired-state file names it) is done.
  bool isDone(const std::string& tenant, const std::string& partnerTenantId) const;
  /// How many partners are recorded as done.
  std::size_t size() const noexcept { return done_.size(); }

 private:
  static std::string key(const std::string& tenant, const std::string& partnerTenantId);
  std::unordered_set<std::string> done_;
};

}  // namespace msgraph_cli::fleet
