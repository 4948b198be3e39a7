// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "msgraph/http_headers.hpp"
#include "pipeline/call_record.hpp"

namespace msgraph::detail {

/// Appends one attempt to the call's record: the status (0 when no
/// response arrived), why none arrived, and the response's `request-id`.
void recordAttempt(CallRecord& record, int status, std::string error, const HttpHeaders* headers);

}  // namespace msgraph::detail
