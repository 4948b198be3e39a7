// SPDX-License-Identifier: MIT
#include "fleet/csv_records.hpp"

namespace msgraph_cli::fleet {

namespace {

constexpr int kEnd = std::char_traits<char>::eof();

}  // namespace

bool CsvRecords::next(CsvRecord& record) {
  if (!started_) {
    started_ = true;
    if (in_.peek() == 0xEF) {
      char bom[3] = {};
      in_.read(bom, 3);
      if (std::string(bom, 3) != "\xEF\xBB\xBF") {
        in_.clear();
        in_.seekg(0);
      }
    }
  }
  for (;;) {
    const int c = in_.peek();
    if (c == kEnd) return false;
    if (c == '\n') {
      in_.get();
      ++line_;
      continue;
    }
    if (c == '\r') {
      in_.get();
      continue;
    }
    break;
  }
  record.line = line_;
  record.fields.clear();
  record.error.reset();
  std::string field;
  while (readField(record, field)) {
    record.fields.push_back(std::move(field));
    field.clear();
  }
  record.fields.push_back(std::move(field));
  return true;
}

bool CsvRecords::readField(CsvRecord& record, std::string& field) {
  if (in_.peek() == '"') {
    in_.get();
    if (!readQuoted(record, field)) return false;
  }
  for (;;) {
    const int c = in_.get();
    if (c == kEnd) return false;
    if (c == ',') return true;
    if (c == '\n') {
      ++line_;
      return false;
    }
    if (c == '\r' && in_.peek() == '\n') continue;
    if (c == '"' && !record.error) {
      record.error = "a double quote inside a field that does not start with one";
    }
    field.push_back(static_cast<char>(c));
  }
}

// After the opening quote: up to the closing one, `""` read as one quote. Returns false (the
// record ends) if the input ends first.
bool CsvRecords::readQuoted(CsvRecord& record, std::string& field) {
  for (;;) {
    const int c = in_.get();
    if (c == kEnd) {
      record.error = "a quoted field is not closed before the end of the file";
      return false;
    }
    if (c == '\n') ++line_;
    if (c == '"') {
      if (in_.peek() != '"') break;
      in_.get();
    }
    field.push_back(static_cast<char>(c));
  }
  const int after = in_.peek();
  if (after != ',' && after != '\n' && after != '\r' && after != kEnd && !record.error) {
    record.error = "text after the closing quote of a field";
  }
  return true;
}

}  // namespace msgraph_cli::fleet
