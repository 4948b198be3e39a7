// SPDX-License-Identifier: MIT
#include "auth/token_pipeline.hpp"

#include "msgraph/error.hpp"
#include "msgraph/http/curl_transport.hpp"
#include "pipeline/pipeline.hpp"

namespace msgraph::detail {

namespace {

RetryOptions withSleeper(RetryOptions retry, const TokenCredentialOptions& options) {
  retry.sleeper = options.sleeper;
  return retry;
}

}  // namespace

TokenPipeline::TokenPipeline(RetryOptions retry, Backoff backoff, const char* subject,
                             const TokenCredentialOptions& options,
                             std::shared_ptr<HttpTransport> transport)
    : transport_(std::move(transport)),
      retry_(std::make_shared<RetryPolicy>(withSleeper(std::move(retry), options),
                                           RetryStyle{std::move(backoff), subject, false,
                                                      LogSink{options.logger, options.logLevel}})),
      logging_(std::make_shared<LoggingPolicy>(LogSink{options.logger, options.logLevel})) {
  if (transport_ == nullptr) transport_ = std::make_shared<CurlTransport>(options.transportOptions);
}

HttpResponse TokenPipeline::sendRecorded(HttpRequest& request,
                                         std::shared_ptr<HttpPolicy> perRequest,
                                         const CallContext& context, CallRecord& record,
                                         const char* unreachable) const {
  // Token requests are rare (one per token lifetime), so the pipeline that carries a request's
  // own policy is put together per request.
  std::vector<std::shared_ptr<HttpPolicy>> policies{retry_};
  if (perRequest != nullptr) policies.push_back(std::move(perRequest));
  policies.push_back(logging_);
  const Pipeline pipeline(std::move(policies), transport_);
  try {
    return pipeline.send(request, context, record);
  } catch (const TransportError& error) {
    throw AuthenticationError(std::string(unreachable) + ": " + error.what(), error);
  }
}

}  // namespace msgraph::detail
