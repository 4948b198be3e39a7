// SPDX-License-Identifier: MIT
#include "fleet/desired_input.hpp"

#include <fstream>
#include <iostream>
#include <string>

#include "cli_error.hpp"
#include "fleet/desired_state_reader.hpp"
#include "fleet/tenant_clients.hpp"
#include "input_file.hpp"
#include "terminal_text.hpp"

namespace msgraph_cli::fleet {

namespace {

void reportBadLine(const std::string& path, const BadLine& bad) {
  std::cerr << terminalSafe(path + ":" + std::to_string(bad.line) + ": " + bad.field + ": " +
                            bad.reason)
            << '\n';
}

}  // namespace

DesiredState readDesiredState(const Arguments& args) {
  if (!args.raw.desired) {
    throw UsageError("'" + std::string(args.verb->name) + "' needs --desired FILE");
  }
  const std::string& path = *args.raw.desired;
  const DesiredFormat format = desiredFormat(path, args.raw.desiredFormat);
  std::ifstream in = openInputFile(optionName(&RawOptions::desired), path);
  try {
    DesiredStateReader reader(in, format);
    DesiredState state(reader, signInOf(args),
                       [&path](const BadLine& bad) { reportBadLine(path, bad); });
    if (in.bad()) throw UsageError("--desired: cannot read '" + path + "'");
    return state;
  } catch (const BadLineError& error) {  // a CSV header no record can be read with
    throw UsageError(path + ":1: " + error.field() + ": " + error.what());
  }
}

}  // namespace msgraph_cli::fleet
