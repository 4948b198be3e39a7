// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>

#include "msgraph/export.hpp"
#include "msgraph/http/call_context.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"

namespace msgraph {

class NextPolicy;

namespace detail {
class Pipeline;
struct CallRecord;
/// The pipeline's own record of the call `next` belongs to (for the library's policies).
CallRecord& callRecordOf(const NextPolicy& next) noexcept;
}  // namespace detail

/// @brief The rest of the pipeline after a policy: call `send` to pass the request on.
///
/// Valid only during the `HttpPolicy::send` it was given to: it refers to the call in flight.
class MSGRAPH_API NextPolicy {
 public:
  /// @brief Sends `request` through the remaining policies and the transport.
  /// @throws TransportError, AuthenticationError (and whatever later policies throw).
  HttpResponse send(HttpRequest& request, const CallContext& context) const;

  /// @brief True while the request is only being prepared for `whatIf()` or a confirm
  /// callback: a policy must do no I/O (no token request), and nothing will be sent (the
  /// transport is skipped and an empty response with status 0 comes back).
  bool isPreview() const noexcept;

 private:
  friend class detail::Pipeline;
  friend detail::CallRecord& detail::callRecordOf(const NextPolicy& next) noexcept;
  NextPolicy(const detail::Pipeline& pipeline, std::size_t index,
             detail::CallRecord& record) noexcept
      : pipeline_(&pipeline), index_(index), record_(&record) {}
  const detail::Pipeline* pipeline_;
  std::size_t index_;
  detail::CallRecord* record_;
};

/// @brief Where a user policy sits in the pipeline.
enum class PolicySlot {
  PerCall,   ///< once per logical call, before the retry policy
  PerRetry,  ///< once per attempt, after the retry policy and before authorization
};

/// @brief One step between a request and the transport: may change the request, call `next`
/// (zero, one or several times) and change or replace the response.
///
/// The library's own policies (client-request-id, user agent, retry, authorization, logging)
/// implement this interface; users add theirs with `ClientOptions::addPolicy`. Policies are
/// shared by every call of a client, so they must be safe to call from several threads.
class MSGRAPH_API HttpPolicy {
 public:
  virtual ~HttpPolicy();
  /// @brief The name shown by `GraphClient::describePipeline()`.
  virtual std::string_view name() const noexcept = 0;
  /// @brief Processes one request.
  /// @param request the request, which this policy may change before passing it on.
  /// @param context the per-call settings the transport sees too.
  /// @param next the rest of the pipeline (`next.isPreview()` means: do no I/O).
  virtual HttpResponse send(HttpRequest& request, const CallContext& context,
                            const NextPolicy& next) = 0;
};

}  // namespace msgraph
