// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include "fleet/csv_item.hpp"
#include "fleet/csv_records.hpp"
#include "fleet/desired_item.hpp"

namespace msgraph_cli::fleet {

/// The formats of a desired-state file.
enum class DesiredFormat { JsonLines, Csv };

/// The format `--format` names (`jsonl`, `csv`), or else the one `path`'s extension names
/// (`.jsonl`, `.ndjson`, `.json`: JSON Lines; `.csv`: CSV), ASCII case ignored.
/// @throws UsageError when neither says.
DesiredFormat desiredFormat(const std::string& path, const std::optional<std::string>& format);

/// A line the reader could not use, and why.
struct BadLine {
  std::size_t line = 0;
  std::string field;
  std::string reason;
};

/// Reads a desired-state file a partner at a time, as a stream: only the current line (or CSV
/// record) is in memory. Blank lines are skipped; a bad line is returned as such, and reading
/// goes on with the next one.
class DesiredStateReader {
 public:
  /// What `next` found.
  enum class Status { Item, BadLine, End };

  /// Reads from `in`, which must outlive the reader.
  /// @throws BadLineError (line 1) for a CSV header that cannot be used: without it no record
  /// can be read.
  DesiredStateReader(std::istream& in, DesiredFormat format);

  /// Reads the next partner into `item`, or the next bad line into `bad`.
  Status next(DesiredItem& item, BadLine& bad);

 private:
  Status nextJsonLine(DesiredItem& item, BadLine& bad);
  Status nextCsvRecord(DesiredItem& item, BadLine& bad);

  std::istream& in_;
  DesiredFormat format_;
  std::size_t line_ = 0;  // JSON Lines: the line last read
  std::string text_;      // JSON Lines: the current line, its buffer reused
  std::optional<CsvRecords> records_;
  CsvRecord record_;  // CSV: the current record, its buffers reused
  std::optional<CsvColumns> columns_;
};

}  // namespace msgraph_cli::fleet
