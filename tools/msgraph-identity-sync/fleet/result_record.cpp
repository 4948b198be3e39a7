// SPDX-License-Identifier: MIT
#include "fleet/result_record.hpp"

#include "msgraph/json/json.hpp"
#include "terminal_text.hpp"

namespace msgraph_cli::fleet {

namespace {

const char* outcomeName(ResultRecord::Outcome outcome) {
  switch (outcome) {
    case ResultRecord::Outcome::Done:
      return "done";
    case ResultRecord::Outcome::Cancelled:
      return "cancelled";
    case ResultRecord::Outcome::Failed:
      break;
  }
  return "failed";
}

}  // namespace

std::string resultLine(const ResultRecord& record) {
  using msgraph::Json;
  Json line = Json::object();
  line.set("line", Json(record.line));
  line.set("tenant", Json(record.tenant));
  line.set("partnerTenantId", Json(record.partnerTenantId));
  line.set("action", Json(record.action));
  line.set("outcome", Json(outcomeName(record.outcome)));
  line.set("status", Json(record.status));
  line.set("requestId", Json(record.requestId));
  line.set("attempts", Json(record.attempts));
  if (record.errorCode || record.errorMessage) {
    Json error = Json::object();
    error.set("code", Json(record.errorCode.value_or("")));
    error.set("message", Json(record.errorMessage.value_or("")));
    line.set("error", std::move(error));
  }
  return terminalSafeJson(line.dump());
}

}  // namespace msgraph_cli::fleet
