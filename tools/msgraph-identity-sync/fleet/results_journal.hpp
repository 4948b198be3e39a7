// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "fleet/result_record.hpp"

namespace msgraph_cli::fleet {

/// The results file of `apply --results FILE`: JSON Lines appended as items finish.
///
/// Each record is one `write(2)` of a whole line to a file opened with `O_APPEND`, so a run
/// killed at any moment (SIGKILL included) leaves every finished record in the file, whole; a
/// record cut by a full disk is at most the last line, which `ResumeSet` reads as unfinished.
/// No fsync per line: the records survive the process, not a crash of the machine.
class ResultsJournal {
 public:
  /// Opens `path` for appending (created 0644 if missing: records hold no secret).
  /// @throws CliError (usage exit code) naming `--results` when it cannot be opened.
  explicit ResultsJournal(const std::string& path);
  ~ResultsJournal();
  ResultsJournal(const ResultsJournal&) = delete;
  ResultsJournal& operator=(const ResultsJournal&) = delete;

  /// Appends `record` as one line.
  /// @throws CliError (output exit code) when the line cannot be written whole.
  void append(const ResultRecord& record);

 private:
  void writeAll();  // writes line_ whole, or throws

  int fd_ = -1;
  std::string path_;
  std::string line_;  // reused buffer: the record and its newline
};

}  // namespace msgraph_cli::fleet
