#include "pipeline/attempt_record.hpp"

#include "msgraph/attempt.hpp"

namespace msgraph::detail {

void recordAttempt(const CallContext& context, int status, std::string error,
                   const HttpHeaders* headers) {
  if (context.attempts() == nullptr) return;
  Attempt attempt;
  attempt.status = status;
  attempt.error = std::move(error);
  if (headers != nullptr) {
    attempt.requestId = std::string(headers->get("request-id").value_or(std::string_view()));
  }
  context.attempts()->push_back(std::move(attempt));
}

}  // namespace msgraph::detail
