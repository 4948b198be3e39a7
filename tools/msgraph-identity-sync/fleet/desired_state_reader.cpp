// SPDX-License-Identifier: MIT
#include "fleet/desired_state_reader.hpp"

#include <string_view>

#include "cli_error.hpp"
#include "fleet/json_line.hpp"
#include "msgraph/ascii.hpp"
#include "text.hpp"

namespace msgraph_cli::fleet {

namespace {

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         msgraph::asciiEqualsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

}  // namespace

DesiredFormat desiredFormat(const std::string& path, const std::optional<std::string>& format) {
  if (format) {
    if (msgraph::asciiEqualsIgnoreCase(*format, "jsonl")) return DesiredFormat::JsonLines;
    if (msgraph::asciiEqualsIgnoreCase(*format, "csv")) return DesiredFormat::Csv;
    throw UsageError("--format: expected jsonl or csv, got '" + *format + "'");
  }
  if (endsWith(path, ".jsonl") || endsWith(path, ".ndjson") || endsWith(path, ".json")) {
    return DesiredFormat::JsonLines;
  }
  if (endsWith(path, ".csv")) return DesiredFormat::Csv;
  throw UsageError("--desired: cannot tell the format of '" + path +
                   "' from its extension (.jsonl or .csv); give --format jsonl|csv");
}

DesiredStateReader::DesiredStateReader(std::istream& in, DesiredFormat format)
    : in_(in), format_(format) {
  if (format_ != DesiredFormat::Csv) return;
  records_.emplace(in_);
  if (!records_->next(record_)) throw BadLineError("header", "the file is empty");
  columns_.emplace(record_);
}

DesiredStateReader::Status DesiredStateReader::next(DesiredItem& item, BadLine& bad) {
  return format_ == DesiredFormat::Csv ? nextCsvRecord(item, bad) : nextJsonLine(item, bad);
}

DesiredStateReader::Status DesiredStateReader::nextJsonLine(DesiredItem& item, BadLine& bad) {
  while (std::getline(in_, text_)) {
    ++line_;
    std::string_view text = text_;
    // A byte order mark, as some editors write at the start of a file.
    if (line_ == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (trimmed(text).empty()) continue;
    try {
      item = readJsonLine(text, line_);
      return Status::Item;
    } catch (const BadLineError& error) {
      bad = BadLine{line_, error.field(), error.what()};
      return Status::BadLine;
    }
  }
  return Status::End;
}

DesiredStateReader::Status DesiredStateReader::nextCsvRecord(DesiredItem& item, BadLine& bad) {
  if (!records_->next(record_)) return Status::End;
  try {
    item = columns_->read(record_);
    return Status::Item;
  } catch (const BadLineError& error) {
    bad = BadLine{record_.line, error.field(), error.what()};
    return Status::BadLine;
  }
}

}  // namespace msgraph_cli::fleet
