// SPDX-License-Identifier: MIT
#pragma once

// Graph's JSON batching (https://learn.microsoft.com/graph/json-batching): the requests of a
// `POST /$batch` envelope as its body holds them, and the envelope's answer read back into one
// response per request, as if each had been sent alone.
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph::detail {

/// The most requests Graph takes in one envelope.
constexpr int kMaxBatchRequests = 20;

/// `request` as an envelope holds it: `id`, `method`, `url` (relative to `serviceRoot`),
/// `headers` (all but `Authorization`: the envelope's applies to every request) and `body`
/// (the request's JSON).
/// @throws ValidationError when the URL is not under `serviceRoot` or the body is not JSON.
Json batchItemOf(const std::string& id, const HttpRequest& request, std::string_view serviceRoot);

/// The body of the envelope holding `items` (made by `batchItemOf`).
std::string batchEnvelopeOf(Json::Array items);

/// What an envelope's answer says of one of its requests: its own status, headers and body
/// (`response`), or why there is no usable answer (`error`, a DeserializationError naming the
/// JSON pointer; `response` is then empty).
struct BatchAnswer {
  HttpResponse response;
  std::exception_ptr error;
};

/// Reads the body of an envelope's answer (`{"responses":[{"id","status","headers","body"}]}`,
/// in any order) for the requests `ids`: one answer each, in the order of `ids`. Ids compare
/// without case, as on Graph. The body is the server's, so untrusted: an answer that is not
/// JSON, a request answered twice or not at all, a status that is not one, headers that are not
/// strings or a body that is not a JSON object give that request (or every request) an error;
/// answers without an id or with an id not asked are ignored. Never throws for bad input.
std::vector<BatchAnswer> readBatchAnswers(std::string_view body,
                                          const std::vector<std::string>& ids);

}  // namespace msgraph::detail
