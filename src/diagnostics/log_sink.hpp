// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

#include "msgraph/diagnostics/log.hpp"

namespace msgraph::detail {

/// A logger and the least severe level it takes.
struct LogSink {
  Logger logger;
  LogLevel level = LogLevel::Verbose;

  /// Whether a line of `lineLevel` goes out (and so is worth building).
  bool wants(LogLevel lineLevel) const noexcept { return logger && lineLevel <= level; }
  /// Passes the line on if it is wanted.
  void operator()(LogLevel lineLevel, std::string_view message) const {
    if (wants(lineLevel)) logger(lineLevel, message);
  }
};

}  // namespace msgraph::detail
