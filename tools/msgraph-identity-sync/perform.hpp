// SPDX-License-Identifier: MIT
#pragma once

#include <iostream>

#include "arguments.hpp"
#include "call_options.hpp"
#include "cli_error.hpp"
#include "error_report.hpp"
#include "inputs.hpp"
#include "msgraph/response.hpp"
#include "output.hpp"

/// @file
/// One request of a verb, sent as every verb sends it: headers, --what-if, --confirm, the error
/// or the result printed.

namespace msgraph_cli {

inline void printResult(
    const msgraph::Response<msgraph::models::IdentitySyncPolicyPartner>& response,
    const Arguments& args) {
  if (response.value) printPolicy(*response.value, args.output);
}

inline void printResult(
    const msgraph::Response<msgraph::models::CrossTenantAccessPolicyConfigurationPartner>& response,
    const Arguments& args) {
  if (response.value) printPartner(*response.value, args.output);
}

inline void printResult(const msgraph::Response<void>& /*response*/, const Arguments& args) {
  // -PassThru's True, as JSON when the output is JSON.
  if (args.raw.passThru) std::cout << (args.output == OutputFormat::Json ? "true\n" : "True\n");
}

/// Previews (--what-if), confirms (--confirm) and sends `request` to `target`, printing the
/// outcome. @return the exit code.
template <typename Request>
ExitCode perform(Request request, const Arguments& args, const Target& target) {
  applyCallOptions(request, args, target);
  if (args.raw.whatIf) {  // -WhatIf wins over -Confirm, as in PowerShell
    printWhatIf(request.whatIf(), target.partnerId);
    return kExitSuccess;
  }
  const auto result = request.send();
  if (!result.ok()) {
    const bool set = args.verb->verb == Verb::Set;
    return reportError(result.error(), args, set ? hintAfterSet(result.error()) : std::string());
  }
  const auto& response = result.value();
  if (response.declined) {
    std::cerr << "Declined: nothing was sent.\n";
    return kExitDeclined;
  }
  if (args.raw.responseHeaders) printResponseHeaders(response.headers);
  printResult(response, args);
  return kExitSuccess;
}

}  // namespace msgraph_cli
