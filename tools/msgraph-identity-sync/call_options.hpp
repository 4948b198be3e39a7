// SPDX-License-Identifier: MIT
#pragma once

#include "arguments.hpp"
#include "confirm.hpp"
#include "inputs.hpp"
#include "msgraph/http/http_request.hpp"
#include "output.hpp"

namespace msgraph_cli {

/// Gives `request` the --header entries.
template <typename Request>
void applyHeaders(Request& request, const Arguments& args) {
  for (const auto& [name, value] : args.headers) request.header(name, value);
}

/// Gives `request` the --header entries and, with --confirm, the terminal question about the
/// request it is about to send to `target`'s partner.
template <typename Request>
void applyCallOptions(Request& request, const Arguments& args, const Target& target) {
  applyHeaders(request, args);
  if (args.raw.confirm) {
    request.confirm([&target](const msgraph::HttpRequest& prepared) {
      return confirmOnTerminal(operationLine(prepared, target.partnerId));
    });
  }
}

}  // namespace msgraph_cli
