// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "msgraph/attempt.hpp"

#include "msgraph/export.hpp"
#include "msgraph/http_headers.hpp"

namespace msgraph {

namespace detail {
struct ServiceErrorFields;
}  // namespace detail

/// @brief Base of every error the library reports, whether thrown by `execute()` or returned in
/// a `Result` by `send()`.
///
/// `what()` is a complete, human-readable sentence; it never contains a secret (tokens, client
/// secrets and assertions are redacted before any message is built). Catch `msgraph::Error` to
/// handle every library failure in one place, or a subclass for one kind.
class MSGRAPH_API Error : public std::runtime_error {
 public:
  /// @brief Creates an error with a message that is safe to log.
  explicit Error(const std::string& message);
  ~Error() override;

  /// @brief Throws this error as its most derived type (used by `execute()` to turn a
  /// `Result` into an exception without slicing).
  [[noreturn]] virtual void raise() const;
  /// @brief A copy of this error with its most derived type (used by `send()` to keep an
  /// error in a `Result`).
  virtual std::shared_ptr<const Error> clone() const;

  /// @brief Every attempt the failed call made, in order (empty for errors raised before
  /// anything was sent, or outside a call).
  const std::vector<Attempt>& attempts() const noexcept { return attempts_; }
  /// @brief Attaches the call's attempt record (done by the library when the call ends).
  void attempts(std::vector<Attempt> value) { attempts_ = std::move(value); }

 private:
  std::vector<Attempt> attempts_;
};

/// @brief The caller's input cannot be sent: a bad partner id, header, body or option.
///
/// Raised before anything goes on the wire; nothing was sent and nothing changed on the service.
class MSGRAPH_API ValidationError : public Error {
 public:
  /// @brief Creates a validation error about `field` (a parameter name or JSON pointer).
  ValidationError(std::string field, const std::string& reason);
  ~ValidationError() override;
  /// @brief The input that was refused, for example `partnerTenantId` or `header name`.
  const std::string& field() const noexcept { return field_; }
  /// @brief Why it was refused, e.g. `must not be empty`.
  const std::string& reason() const noexcept { return reason_; }
  [[noreturn]] void raise() const override;
  std::shared_ptr<const Error> clone() const override;

 private:
  std::string field_;
  std::string reason_;
};

/// @brief Microsoft Graph answered with an HTTP error status (4xx or 5xx).
///
/// Carries everything Graph said: the status, the OData error `code` and `message`, the
/// `request-id`, `client-request-id` and `date` (from the error body's `innerError`, or else from
/// the response headers), a parsed `Retry-After`, every response header and the raw body (cut to
/// `kMaxRawBody` bytes). Code against `code()`, never against `message()`.
class MSGRAPH_API ServiceError : public Error {
 public:
  /// @brief The most bytes of an error body kept in `rawBody()`.
  static constexpr std::size_t kMaxRawBody = 4096;

  /// @brief Builds the error from an HTTP error response; a body that is not a Graph error
  /// object (an HTML page from a proxy, say) still gives status, headers and the raw body.
  /// `earlierAttemptMayHaveApplied` is what the accessor of that name reports (the library sets
  /// it from the call's attempts); when true, the message says so.
  ServiceError(int status, HttpHeaders headers, std::string_view body,
               bool earlierAttemptMayHaveApplied = false);
  ~ServiceError() override;

  /// @brief The HTTP status code, e.g. 404.
  int status() const noexcept { return status_; }
  /// @brief Graph's error code (`error.code`), e.g. `Request_ResourceNotFound`; empty if none.
  const std::string& code() const noexcept { return code_; }
  /// @brief Graph's error message (`error.message`); empty if none.
  const std::string& message() const noexcept { return message_; }
  /// @brief The service's `request-id` for support cases; empty if none.
  const std::string& requestId() const noexcept { return requestId_; }
  /// @brief The `client-request-id` the call was sent with, as echoed by the service.
  const std::string& clientRequestId() const noexcept { return clientRequestId_; }
  /// @brief The `date` from the error's `innerError` or the `Date` header.
  const std::string& date() const noexcept { return date_; }
  /// @brief How long the service asked to wait (`Retry-After`), if it said.
  std::optional<std::chrono::milliseconds> retryAfter() const noexcept { return retryAfter_; }
  /// @brief Every response header, looked up case-insensitively.
  const HttpHeaders& headers() const noexcept { return headers_; }
  /// @brief The response body, cut to `kMaxRawBody` bytes.
  const std::string& rawBody() const noexcept { return rawBody_; }
  /// @brief Whether an earlier attempt of this write (PUT, PATCH, POST or DELETE) may have been
  /// applied by the service: it was sent but got no answer (the connection dropped or timed
  /// out), or got a 500, 502 or 504, which leave the outcome open, and the call was retried.
  /// This answer may then be about the call's own write: a `409
  /// Request_MultipleObjectsWithSameKeyValue` on a create-only PUT (or on a POST that creates)
  /// may mean the first attempt created the resource, a `404` on a DELETE that it deleted it.
  /// Read the resource to know (`ensure` does). `attempts()` shows the failure before this
  /// answer. Never true for a GET or for a call answered on its first attempt.
  bool earlierAttemptMayHaveApplied() const noexcept { return earlierAttemptMayHaveApplied_; }
  [[noreturn]] void raise() const override;
  std::shared_ptr<const Error> clone() const override;

 private:
  // What the response says, read before the base's message is made from it.
  explicit ServiceError(detail::ServiceErrorFields&& fields);

  int status_;
  std::string code_;
  std::string message_;
  std::string requestId_;
  std::string clientRequestId_;
  std::string date_;
  std::optional<std::chrono::milliseconds> retryAfter_;
  HttpHeaders headers_;
  std::string rawBody_;
  bool earlierAttemptMayHaveApplied_;
};

/// @brief What the identity platform said when it refused a token request.
struct MSGRAPH_API AuthenticationDetails {
  /// @brief The OAuth 2.0 `error`, e.g. `invalid_client`.
  std::string error;
  /// @brief The AADSTS code(s), e.g. `AADSTS7000215` (several joined with `, `).
  std::string aadsts;
  /// @brief The `error_description`.
  std::string description;
  /// @brief The `trace_id`, for support cases.
  std::string traceId;
  /// @brief The `correlation_id`, for support cases.
  std::string correlationId;
  /// @brief The HTTP status of the token response (0 when none arrived).
  int status = 0;
};

class TransportError;

/// @brief A credential could not obtain a token: the identity platform refused, its answer held
/// no usable token, the token endpoint could not be reached, or the credential's own material
/// (certificate, key, token) is unusable.
///
/// When the token endpoint could not be reached (connect, TLS, timeout, a dropped connection),
/// `transportError()` holds that failure, so a caller can treat it as the transport failure it
/// is, whether it happened on the token request or on the Graph call.
class MSGRAPH_API AuthenticationError : public Error {
 public:
  /// @brief What the identity platform said.
  using Details = AuthenticationDetails;

  /// @brief An authentication error with a safe `message` and, if any, the service's details.
  explicit AuthenticationError(const std::string& message, Details details = {});
  /// @brief An authentication error for a token request that got no answer: `cause` is the
  /// transport failure, kept (copied) in `transportError()`; `details().status` is 0.
  AuthenticationError(const std::string& message, const TransportError& cause);
  ~AuthenticationError() override;
  /// @brief The OAuth 2.0 `error` value, e.g. `invalid_client`; empty if not from the service.
  const std::string& error() const noexcept { return details_.error; }
  /// @brief The AADSTS code(s), e.g. `AADSTS7000215`; empty if none.
  const std::string& aadsts() const noexcept { return details_.aadsts; }
  /// @brief The service's `error_description`; empty if none.
  const std::string& description() const noexcept { return details_.description; }
  /// @brief The service's `trace_id`; empty if none.
  const std::string& traceId() const noexcept { return details_.traceId; }
  /// @brief The service's `correlation_id`; empty if none.
  const std::string& correlationId() const noexcept { return details_.correlationId; }
  /// @brief Everything the service said.
  const Details& details() const noexcept { return details_; }
  /// @brief The transport failure that kept the token request from being answered (its kind
  /// says TLS, connect, timeout...), or null when the identity platform answered or the
  /// credential's own material is at fault.
  const TransportError* transportError() const noexcept { return transportError_.get(); }
  [[noreturn]] void raise() const override;
  std::shared_ptr<const Error> clone() const override;

 private:
  Details details_;
  std::shared_ptr<const TransportError> transportError_;
};

/// @brief The request did not get a complete HTTP response: connect, DNS, TLS, timeout, a
/// dropped connection, or a response over a size limit (the body over the transport's, the
/// headers over libcurl's). `gotResponse()` says whether a
/// response had begun to arrive.
class MSGRAPH_API TransportError : public Error {
 public:
  /// @brief What kind of failure happened on the wire.
  enum class Kind { Connect, Tls, Timeout, Send, Receive, TooLarge, Other };

  /// @brief Creates a transport error of `kind`; `gotResponse` says whether a response had
  /// begun to arrive (its status line) when the transfer failed.
  TransportError(Kind kind, const std::string& message, bool gotResponse = false);
  ~TransportError() override;
  /// @brief The kind of failure.
  Kind kind() const noexcept { return kind_; }
  /// @brief Whether the service had begun to answer when the transfer failed. When it had not,
  /// an idempotent request may be sent again: it was refused, lost or never answered; when it
  /// had, the service acted on the request, and the retry policy leaves the outcome to the caller.
  bool gotResponse() const noexcept { return gotResponse_; }
  [[noreturn]] void raise() const override;
  std::shared_ptr<const Error> clone() const override;

 private:
  Kind kind_;
  bool gotResponse_;
};

/// @brief The call was cancelled through its `CancellationToken`; what was in flight stopped.
class MSGRAPH_API CancelledError : public Error {
 public:
  /// @brief Creates the error with `message`.
  explicit CancelledError(const std::string& message);
  ~CancelledError() override;
  [[noreturn]] void raise() const override;
  std::shared_ptr<const Error> clone() const override;
};

/// @brief The call's deadline passed (or a wait the service asked for would pass it), so the call
/// stopped instead of waiting on.
class MSGRAPH_API DeadlineExceededError : public Error {
 public:
  /// @brief Creates the error with `message`.
  explicit DeadlineExceededError(const std::string& message);
  ~DeadlineExceededError() override;
  [[noreturn]] void raise() const override;
  std::shared_ptr<const Error> clone() const override;
};

/// @brief A response (or a string given to `fromJson`) could not be read: not JSON, invalid
/// UTF-8, nested too deep, too large, or a typed field of the wrong type.
class MSGRAPH_API DeserializationError : public Error {
 public:
  /// @brief Creates the error; `pointer` is the JSON pointer of the offending value (`""` for
  /// the whole document).
  DeserializationError(std::string pointer, const std::string& reason);
  ~DeserializationError() override;
  /// @brief The JSON pointer (RFC 6901) of the offending value, e.g.
  /// `/userSyncInbound/isSyncAllowed`.
  const std::string& pointer() const noexcept { return pointer_; }
  /// @brief What is wrong with that value, e.g. `expected a boolean or null, got a string`.
  const std::string& reason() const noexcept { return reason_; }
  [[noreturn]] void raise() const override;
  std::shared_ptr<const Error> clone() const override;

 private:
  std::string pointer_;
  std::string reason_;
};

}  // namespace msgraph
