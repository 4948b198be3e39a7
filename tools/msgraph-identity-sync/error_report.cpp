// SPDX-License-Identifier: MIT
#include "error_report.hpp"

#include <iostream>

#include "error_json.hpp"
#include "output.hpp"
#include "terminal_text.hpp"

namespace msgraph_cli {

namespace {

ExitCode reportServiceError(const msgraph::ServiceError& error, bool withHeaders) {
  // A body that is not a Graph error (a proxy's HTML page) has no code; the status says more.
  if (error.code().empty()) {
    std::cerr << terminalSafe(error.what()) << '\n';
  } else {
    std::cerr << terminalSafe(error.code()) << ": " << terminalSafe(error.message()) << '\n';
  }
  // Both come from response headers: the server's text.
  if (!error.requestId().empty()) {
    std::cerr << "request-id: " << terminalSafe(error.requestId()) << '\n';
  }
  if (!error.clientRequestId().empty()) {
    std::cerr << "client-request-id: " << terminalSafe(error.clientRequestId()) << '\n';
  }
  if (withHeaders) printResponseHeaders(error.headers());
  return exitCodeOf(error);
}

}  // namespace

ExitCode exitCodeOf(const msgraph::Error& error) {
  if (const auto* service = dynamic_cast<const msgraph::ServiceError*>(&error)) {
    // Graph's 401 (a token it does not accept) is an authentication failure like the token
    // endpoint's.
    return service->status() == 401 ? kExitAuthentication : kExitServiceError;
  }
  if (dynamic_cast<const msgraph::ValidationError*>(&error) != nullptr) return kExitUsage;
  if (const auto* auth = dynamic_cast<const msgraph::AuthenticationError*>(&error)) {
    // A token endpoint that could not be reached (TLS, connect, timeout) fails as Graph would.
    return auth->transportError() != nullptr ? kExitTransport : kExitAuthentication;
  }
  if (dynamic_cast<const msgraph::TransportError*>(&error) != nullptr) return kExitTransport;
  // The deadline passed before an answer came, as a timeout does.
  if (dynamic_cast<const msgraph::DeadlineExceededError*>(&error) != nullptr) {
    return kExitTransport;
  }
  if (dynamic_cast<const msgraph::DeserializationError*>(&error) != nullptr) {
    return kExitUnreadableAnswer;
  }
  return kExitServiceError;
}

ExitCode reportError(const msgraph::Error& error, bool withHeaders) {
  if (const auto* service = dynamic_cast<const msgraph::ServiceError*>(&error)) {
    return reportServiceError(*service, withHeaders);
  }
  const bool unreadable = dynamic_cast<const msgraph::DeserializationError*>(&error) != nullptr;
  std::cerr << "msgraph-identity-sync: " << (unreadable ? "cannot read Graph's answer: " : "")
            << terminalSafe(error.what()) << '\n';
  return exitCodeOf(error);
}

ExitCode reportError(const msgraph::Error& error, const Arguments& args, const std::string& hint) {
  if (args.raw.output && args.output == OutputFormat::Json) {
    msgraph::Json report = errorJson(error, args.raw.responseHeaders);
    if (!hint.empty()) report.set("hint", hint);
    std::cerr << terminalSafeJson(report.dump()) << '\n';
    return exitCodeOf(error);
  }
  const ExitCode code = reportError(error, args.raw.responseHeaders);
  if (!hint.empty()) std::cerr << "hint: " << hint << '\n';
  return code;
}

std::string hintAfterSet(const msgraph::Error& error) {
  const auto* service = dynamic_cast<const msgraph::ServiceError*>(&error);
  if (service == nullptr || service->status() != 409 ||
      service->code() != "Request_MultipleObjectsWithSameKeyValue") {
    return {};
  }
  return "the policy exists already, and set (PUT) only creates one; use "
         "'msgraph-identity-sync update' to change some properties, or "
         "'msgraph-identity-sync ensure' to make it match";
}

}  // namespace msgraph_cli
