// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "msgraph/cloud.hpp"
#include "msgraph/diagnostics/log.hpp"
#include "msgraph/export.hpp"
#include "msgraph/http/curl_transport.hpp"
#include "msgraph/http/http_transport.hpp"

namespace msgraph {

/// @brief Settings shared by the credentials that call the Microsoft identity platform.
struct MSGRAPH_API TokenCredentialOptions {
  /// @brief The national cloud: picks the authority (`https://login.microsoftonline.com`, ...).
  Cloud cloud = Cloud::Global;
  /// @brief A custom authority root (a private cloud, or the local emulator such as
  /// `https://127.0.0.1:8443`), used instead of the cloud's. `http://` only for loopback hosts.
  std::string authorityHost;
  /// @brief The transport for token requests. Default: a `CurlTransport` made from
  /// `transportOptions` (give it the same CA file and proxy as the Graph calls).
  std::shared_ptr<HttpTransport> transport;
  /// @brief Options of the default transport.
  CurlTransportOptions transportOptions;
  /// @brief A cached token is refreshed this long before it expires.
  std::chrono::seconds refreshMargin{std::chrono::minutes(5)};
  /// @brief Retries of a token request answered 5xx or `temporarily_unavailable` (never 4xx), or
  /// failed on the wire before any response (refused, reset or silent connection), at most 5.
  /// The wait before retry N is N x 250 ms, never past the call's deadline.
  int maxRetries = 2;
  /// @brief How token retries wait; replace it in tests to observe waits without sleeping (an
  /// injected sleeper is not woken by cancellation). Unset: the calling thread sleeps, woken at
  /// once by the call's `CancellationToken`. The same seam as `RetryOptions::sleeper`.
  std::function<void(std::chrono::milliseconds)> sleeper;
  /// @brief Receives a line per token request, as the client's logger does for Graph calls: the
  /// request at Verbose with `client_secret` and `client_assertion` masked, then the status and
  /// elapsed time at Info (Warning for a refusal or failure). Token responses are never logged.
  /// Default: none.
  Logger logger;
  /// @brief The least severe level `logger` receives. Default: `LogLevel::Verbose`.
  LogLevel logLevel = LogLevel::Verbose;
  /// @brief The clock, replaceable in tests. Default: `std::chrono::system_clock::now`.
  std::function<std::chrono::system_clock::time_point()> clock;
  /// @brief Where the credentials that read environment variables (`EnvironmentCredential`,
  /// `WorkloadIdentityCredential`, `ManagedIdentityCredential`, `AzureCliCredential`'s `PATH`,
  /// `DefaultCredential`) read them: the value of a variable by name, or `std::nullopt` when it
  /// is not set. Default: the process environment. Tests give a map here instead of changing
  /// the process's environment.
  std::function<std::optional<std::string>(std::string_view name)> environment;
};

}  // namespace msgraph
