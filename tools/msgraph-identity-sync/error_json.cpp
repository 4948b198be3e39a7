// SPDX-License-Identifier: MIT
#include "error_json.hpp"

#include <cstdint>
#include <string>

#include "output.hpp"

namespace msgraph_cli {

namespace {

std::string kindOf(const msgraph::Error& error) {
  if (dynamic_cast<const msgraph::ValidationError*>(&error) != nullptr) return "ValidationError";
  if (const auto* auth = dynamic_cast<const msgraph::AuthenticationError*>(&error)) {
    return auth->aadsts().empty() ? "AuthenticationError" : auth->aadsts();
  }
  if (dynamic_cast<const msgraph::TransportError*>(&error) != nullptr) return "TransportError";
  if (dynamic_cast<const msgraph::DeserializationError*>(&error) != nullptr) {
    return "DeserializationError";
  }
  return "Error";
}

}  // namespace

msgraph::Json errorJson(const msgraph::Error& error, bool withHeaders) {
  msgraph::Json report = msgraph::Json::object();
  const auto* service = dynamic_cast<const msgraph::ServiceError*>(&error);
  report.set("status", service != nullptr ? service->status() : 0);
  if (service != nullptr) {
    // A body that is not a Graph error (a proxy's HTML page) has no code; the status says more.
    report.set("code", service->code());
    report.set("message", service->code().empty() ? std::string(error.what()) : service->message());
    report.set("request-id", service->requestId());
    report.set("client-request-id", service->clientRequestId());
  } else {
    report.set("code", kindOf(error));
    report.set("message", std::string(error.what()));
    report.set("request-id", "");
    report.set("client-request-id", "");
  }
  report.set("attempts", static_cast<std::int64_t>(error.attempts().size()));
  if (withHeaders && service != nullptr) report.set("headers", headersJson(service->headers()));
  return report;
}

}  // namespace msgraph_cli
