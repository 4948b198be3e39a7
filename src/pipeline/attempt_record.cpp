// SPDX-License-Identifier: MIT
#include "pipeline/attempt_record.hpp"

namespace msgraph::detail {

void recordAttempt(CallRecord& record, int status, std::string error, const HttpHeaders* headers) {
  Attempt attempt;
  attempt.status = status;
  attempt.error = std::move(error);
  if (headers != nullptr) {
    attempt.requestId = std::string(headers->get("request-id").value_or(std::string_view()));
  }
  record.attempts.push_back(std::move(attempt));
}

}  // namespace msgraph::detail
