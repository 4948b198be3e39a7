// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace msgraph_cli::fleet {

/// One record of a CSV file: its fields, and the line it starts on (a quoted field may span
/// lines), or why it cannot be read.
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
  /// Set when the record breaks RFC 4180 (text after a closing quote, a quote left open); its
  /// fields are then incomplete.
  std::optional<std::string> error;
};

/// Reads RFC 4180 CSV a record at a time from a stream: fields separated by commas, records
/// by CRLF or LF; a field in double quotes may hold commas, line ends and `""` for a quote.
/// Only the current record is in memory. A UTF-8 byte order mark before the first record is
/// skipped (spreadsheets write one).
class CsvRecords {
 public:
  explicit CsvRecords(std::istream& in) : in_(in) {}

  /// Reads the next record into `record`; false at the end of the input. Blank lines are
  /// skipped.
  bool next(CsvRecord& record);

 private:
  // Reads one field starting at the current character; returns whether the record goes on.
  bool readField(CsvRecord& record, std::string& field);
  bool readQuoted(CsvRecord& record, std::string& field);

  std::istream& in_;
  std::size_t line_ = 1;
  bool started_ = false;
};

}  // namespace msgraph_cli::fleet
