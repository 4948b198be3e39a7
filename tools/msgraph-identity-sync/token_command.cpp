// SPDX-License-Identifier: MIT
#include "token_command.hpp"

#include <unistd.h>

#include <iostream>
#include <string>

#include "client_factory.hpp"
#include "msgraph/cloud.hpp"

namespace msgraph_cli {

ExitCode runToken(const Arguments& args) {
  if (isatty(STDOUT_FILENO) == 1 && !args.raw.force) {
    throw UsageError(
        "token: standard output is a terminal, where the token would stay on screen and in "
        "scrollback; send it to a pipe or a file (TOKEN=$(msgraph-identity-sync token)), or "
        "give --force");
  }
  const auto credential = signInCredential(args);
  msgraph::CallContext context;
  context.deadline(args.deadline);
  const std::string scope = std::string(msgraph::graphRoot(args.cloud)) + "/.default";
  std::cout << credential->getToken({{scope}}, context).token << '\n';
  return kExitSuccess;
}

}  // namespace msgraph_cli
