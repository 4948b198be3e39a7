// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "msgraph/auth/token_credential.hpp"
#include "msgraph/cloud.hpp"
#include "msgraph/diagnostics/log.hpp"
#include "msgraph/export.hpp"
#include "msgraph/http/async_http_transport.hpp"
#include "msgraph/http/curl_multi_transport.hpp"
#include "msgraph/http/curl_transport.hpp"
#include "msgraph/http/http_transport.hpp"
#include "msgraph/pipeline/http_policy.hpp"
#include "msgraph/pipeline/retry_options.hpp"
#include "msgraph/requests/confirm_callback.hpp"

namespace msgraph {

/// @brief Everything a `GraphClient` is configured with. Plain values with documented
/// defaults; the client copies them when it is built, so later changes do not affect it.
///
/// Setters return `*this` for chaining:
/// @code
/// msgraph::GraphClient client{msgraph::ClientOptions{}
///     .credential(std::make_shared<msgraph::StaticTokenCredential>(token))
///     .cloud(msgraph::Cloud::Global)
///     .apiVersion(msgraph::ApiVersion::V1_0)};
/// @endcode
class MSGRAPH_API ClientOptions {
 public:
  /// @brief A user policy and the slot it goes in.
  using SlottedPolicy = std::pair<PolicySlot, std::shared_ptr<HttpPolicy>>;

  /// @brief The source of bearer tokens. Default: none (no `Authorization` header is sent).
  ClientOptions& credential(std::shared_ptr<TokenCredential> value);
  /// @brief The credential, or null.
  const std::shared_ptr<TokenCredential>& credential() const noexcept { return credential_; }

  /// @brief The national cloud. Default: `Cloud::Global`.
  ClientOptions& cloud(Cloud value) noexcept;
  /// @brief The national cloud.
  Cloud cloud() const noexcept { return cloud_; }

  /// @brief A custom Graph service root (a private cloud, or the local emulator such as
  /// `https://127.0.0.1:8443`), used instead of the cloud's. `http://` is accepted only for
  /// loopback hosts. Default: empty (the cloud's root).
  ClientOptions& baseUrl(std::string value);
  /// @brief The custom service root, or empty.
  const std::string& baseUrl() const noexcept { return baseUrl_; }

  /// @brief `v1.0` or `beta`. Default: `ApiVersion::V1_0`.
  ClientOptions& apiVersion(ApiVersion value) noexcept;
  /// @brief The API version.
  ApiVersion apiVersion() const noexcept { return apiVersion_; }

  /// @brief The transport. Default: a `CurlTransport` made from `transportOptions()`.
  ClientOptions& transport(std::shared_ptr<HttpTransport> value);
  /// @brief The transport, or null for the default.
  const std::shared_ptr<HttpTransport>& transport() const noexcept { return transport_; }

  /// @brief Options of the default `CurlTransport` (CA file, proxy, timeouts).
  ClientOptions& transportOptions(CurlTransportOptions value);
  /// @brief Options of the default transport.
  const CurlTransportOptions& transportOptions() const noexcept { return transportOptions_; }

  /// @brief The transport of async calls (`sendAsync()`): an event loop whose thread runs
  /// every async call of the client. Default: a `CurlMultiTransport` made from
  /// `asyncTransportOptions()` on the first async call. A client with its own blocking
  /// `transport()` and no async one fails `sendAsync()` with a `ValidationError` naming
  /// `asyncTransport`, rather than sending past the transport it was given.
  ClientOptions& asyncTransport(std::shared_ptr<AsyncHttpTransport> value);
  /// @brief The async transport, or null for the default.
  const std::shared_ptr<AsyncHttpTransport>& asyncTransport() const noexcept {
    return asyncTransport_;
  }

  /// @brief Options of the default `CurlMultiTransport`. Default: `transportOptions()` (CA
  /// file, proxy, timeouts, body limit) with `CurlMultiTransportOptions`' own defaults.
  ClientOptions& asyncTransportOptions(CurlMultiTransportOptions value);
  /// @brief Options of the default async transport.
  CurlMultiTransportOptions asyncTransportOptions() const;

  /// @brief Retry behaviour. Default: `RetryOptions{}` (3 retries).
  ClientOptions& retry(RetryOptions value);
  /// @brief Retry behaviour.
  const RetryOptions& retry() const noexcept { return retry_; }

  /// @brief The per-attempt timeout of calls that set none. Default: the transport's.
  ClientOptions& timeout(std::chrono::milliseconds value) noexcept;
  /// @brief The default per-attempt timeout, if set.
  std::optional<std::chrono::milliseconds> timeout() const noexcept { return timeout_; }

  /// @brief A confirm callback for every call (a call's own `.confirm()` wins). Default: none.
  ClientOptions& confirm(ConfirmCallback value);
  /// @brief The client-wide confirm callback, or empty.
  const ConfirmCallback& confirm() const noexcept { return confirm_; }

  /// @brief Receives log lines (secrets redacted). Default: none.
  ClientOptions& logger(Logger value);
  /// @brief The logger, or empty.
  const Logger& logger() const noexcept { return logger_; }
  /// @brief The least severe level the logger receives; lines below it are never even built
  /// (`Info` spares the redacted request text of every call). Default: `LogLevel::Verbose`.
  ClientOptions& logLevel(LogLevel value) noexcept;
  /// @brief The least severe level the logger receives.
  LogLevel logLevel() const noexcept { return logLevel_; }

  /// @brief Adds a user policy in `slot`; policies of one slot run in the order added.
  ClientOptions& addPolicy(PolicySlot slot, std::shared_ptr<HttpPolicy> policy);
  /// @brief The user policies, in the order added.
  const std::vector<SlottedPolicy>& policies() const noexcept { return policies_; }

  /// @brief An application name appended to the `User-Agent` (e.g. `contoso-sync/2.1`).
  ClientOptions& applicationId(std::string value);
  /// @brief The application name, or empty.
  const std::string& applicationId() const noexcept { return applicationId_; }

 private:
  std::shared_ptr<TokenCredential> credential_;
  Cloud cloud_ = Cloud::Global;
  std::string baseUrl_;
  ApiVersion apiVersion_ = ApiVersion::V1_0;
  std::shared_ptr<HttpTransport> transport_;
  CurlTransportOptions transportOptions_;
  std::shared_ptr<AsyncHttpTransport> asyncTransport_;
  std::optional<CurlMultiTransportOptions> asyncTransportOptions_;
  RetryOptions retry_;
  std::optional<std::chrono::milliseconds> timeout_;
  ConfirmCallback confirm_;
  Logger logger_;
  LogLevel logLevel_ = LogLevel::Verbose;
  std::vector<SlottedPolicy> policies_;
  std::string applicationId_;
};

}  // namespace msgraph
