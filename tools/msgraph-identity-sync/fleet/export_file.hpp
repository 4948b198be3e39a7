// SPDX-License-Identifier: MIT
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace msgraph_cli::fleet {

/// A file written whole or not at all: the lines go to a new temporary file beside `path`
/// (mode 0600), which `commit` moves into place. Until then, and if anything fails, whatever
/// `path` held before is untouched; a file left uncommitted is removed.
class ExportFile {
 public:
  /// Creates the temporary file.
  /// @throws CliError(kExitOutput) naming `option` and the path when it cannot be created.
  ExportFile(std::string option, std::string path);
  ~ExportFile();
  ExportFile(const ExportFile&) = delete;
  ExportFile& operator=(const ExportFile&) = delete;

  /// Appends `line` and a line feed.
  /// @throws CliError(kExitOutput) when the write fails (a full disk).
  void writeLine(std::string_view line);

  /// Flushes the file to disk and moves it to `path`: replacing a file there only when
  /// `replace`, else failing if one appeared meanwhile.
  /// @throws UsageError when `path` exists and `replace` is false; CliError(kExitOutput) when
  /// the file cannot be completed or moved.
  void commit(bool replace);

 private:
  [[noreturn]] void fail(const std::string& what) const;

  std::string option_;
  std::string path_;
  std::string temp_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
};

}  // namespace msgraph_cli::fleet
