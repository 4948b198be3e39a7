// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "confirm.hpp"
#include "inputs.hpp"
#include "msgraph/http/http_request.hpp"
#include "output.hpp"

namespace msgraph_cli {

/// Gives `request` the --header entries and the command's deadline.
template <typename Request>
void applyCommonOptions(Request& request, const Arguments& args) {
  for (const auto& [name, value] : args.headers) request.header(name, value);
  request.deadline(args.deadline);
}

/// Gives `request` the common options (applyCommonOptions) and, with --confirm, the terminal
/// question about the request it is about to send to `target`'s partner.
template <typename Request>
void applyCallOptions(Request& request, const Arguments& args, const Target& target) {
  applyCommonOptions(request, args);
  if (args.raw.confirm) {
    request.confirm([&target](const msgraph::HttpRequest& prepared) {
      return confirmOnTerminal(operationLine(prepared, target.partnerId));
    });
  }
}

}  // namespace msgraph_cli
