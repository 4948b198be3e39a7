// SPDX-License-Identifier: MIT
#pragma once

// The command-line tool (MSGRAPH_CLI_PATH) run against an emulator, as a user runs it.
#include <memory>
#include <string>
#include <vector>

#include "integration/emulator.hpp"

namespace testing_support {

// Runs the tool with the emulator's endpoints, CA and the registered app's client secret.
class Cli {
 public:
  explicit Cli(const Emulator& emulator) : emulator_(emulator) {}

  Outcome operator()(std::vector<std::string> args, const std::string& input = {}) const {
    return testing_support::run(withEndpoint(std::move(args)), input, environment());
  }
  /// Starts the tool in the background (stdout discarded), for a test that signals it.
  std::unique_ptr<Daemon> start(std::vector<std::string> args) const {
    return std::make_unique<Daemon>(withEndpoint(std::move(args)), environment());
  }

 private:
  std::vector<std::string> withEndpoint(std::vector<std::string> args) const {
    args.insert(args.begin(), MSGRAPH_CLI_PATH);
    const std::vector<std::string> endpoint = {"--graph-url",
                                               emulator_.baseUrl(),
                                               "--login-url",
                                               emulator_.baseUrl(),
                                               "--ca-file",
                                               emulator_.caFile(),
                                               "--tenant",
                                               "contoso.onmicrosoft.com",
                                               "--client-id",
                                               Emulator::kClientId,
                                               "--client-secret-env",
                                               "IT_SECRET"};
    args.insert(args.end(), endpoint.begin(), endpoint.end());
    return args;
  }
  static std::vector<std::string> environment() {
    return {"IT_SECRET=" + std::string(Emulator::kSecret)};
  }

  const Emulator& emulator_;
};

}  // namespace testing_support
