// SPDX-License-Identifier: MIT
#pragma once

// The emulator over plain HTTP: for tests that speak raw HTTP to it, and for listening
// addresses that the self-signed certificate does not name.
#include <string>
#include <vector>

#include "integration/emulator.hpp"

namespace testing_support {

class PlainEmulator {
 public:
  /// Starts the emulator with `flags` (no TLS flag; a port of its choosing unless `--port` is
  /// among them).
  explicit PlainEmulator(const std::vector<std::string>& flags)
      : daemon_(withProgram(flags)), baseUrl_(awaitBaseUrl(daemon_)) {}

  /// `http://HOST:PORT`, from the ready line.
  const std::string& baseUrl() const { return baseUrl_; }
  int port() const { return portOf(baseUrl_); }
  Daemon& daemon() { return daemon_; }

 private:
  static std::vector<std::string> withProgram(const std::vector<std::string>& flags) {
    std::vector<std::string> args = {MSGRAPH_EMULATOR_PATH};
    args.insert(args.end(), flags.begin(), flags.end());
    return args;
  }

  Daemon daemon_;
  std::string baseUrl_;
};

}  // namespace testing_support
