// SPDX-License-Identifier: MIT
/// msgraph-identity-sync: the Set-/Get-/Update-/Remove-MgPolicyCrossTenantAccessPolicyPartner-
/// IdentitySynchronization cmdlets as one command. `msgraph-identity-sync --help` tells more.

#include <exception>
#include <iostream>

#include "arguments.hpp"
#include "cli_error.hpp"
#include "commands.hpp"
#include "error_report.hpp"
#include "help.hpp"
#include "msgraph/version.hpp"
#include "standard_output.hpp"
#include "terminal_text.hpp"

namespace {

int runTool(int argc, char** argv) {
  using namespace msgraph_cli;
  Arguments args;  // what was parsed before a failure decides how it is reported
  try {
    args = parseArguments(argc, argv);
    if (args.raw.version) {
      std::cout << "msgraph-identity-sync " << MSGRAPH_VERSION_STRING << '\n';
      return kExitSuccess;
    }
    if (args.raw.help) {
      std::cout << (args.verb != nullptr ? verbHelp(*args.verb) : toolHelp());
      return kExitSuccess;
    }
    return runCommand(args);
  } catch (const CliError& error) {
    std::cerr << "msgraph-identity-sync: " << terminalSafe(error.what()) << '\n';
    return error.code();
  } catch (const msgraph::Error& error) {
    return reportError(error, args);
  } catch (const std::exception& error) {
    std::cerr << "msgraph-identity-sync: unexpected failure: " << terminalSafe(error.what())
              << '\n';
    return kExitServiceError;
  }
}

}  // namespace

int main(int argc, char** argv) {
  msgraph_cli::guardStandardStreams();
  return msgraph_cli::withOutputChecked(runTool(argc, argv));
}
