// SPDX-License-Identifier: MIT
#pragma once

#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph_cli {

/// A library error as one JSON object, for `--output json`: `status` (Graph's, or 0), `code`
/// (Graph's OData code, the AADSTS code, or the error's kind), `message`, `request-id`,
/// `client-request-id` (empty when unknown), `attempts` (how many HTTP attempts were made), and
/// Graph's response `headers` when `withHeaders`.
msgraph::Json errorJson(const msgraph::Error& error, bool withHeaders);

}  // namespace msgraph_cli
