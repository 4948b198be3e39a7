// SPDX-License-Identifier: MIT
#pragma once

// The local Graph emulator, started for a test over HTTPS with a fresh CA, and a client
// configured to trust it.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "integration/process.hpp"
#include "msgraph/msgraph.hpp"
#include "support/temp_dir.hpp"

namespace testing_support {

using TempDir = msgraph_test::TempDir;

/// Waits for the emulator's ready line and returns the base URL it names.
/// @throws std::runtime_error if the emulator printed something else or ended.
inline std::string awaitBaseUrl(Daemon& emulator) {
  const std::string line = emulator.readLine();
  const std::string prefix = "msgraph-emulator listening on ";
  if (line.rfind(prefix, 0) != 0) throw std::runtime_error("emulator did not start: " + line);
  return line.substr(prefix.size());
}

/// The port of a base URL such as `https://127.0.0.1:43117`.
inline int portOf(const std::string& baseUrl) {
  return std::stoi(baseUrl.substr(baseUrl.rfind(':') + 1));
}

/// The emulator over HTTPS with a self-signed CA in a temporary directory.
class Emulator {
 public:
  static constexpr const char* kClientId = "11111111-2222-3333-4444-555555555555";
  static constexpr const char* kSecret = "s3cr3t~value&with=specials";

  /// Starts an emulator with `extra` flags, optionally keeping state in `dataFile`, on `port`
  /// (0: any), and with the TLS files of an earlier emulator's `tlsDir` (empty: a new CA).
  explicit Emulator(std::vector<std::string> extra = {}, const std::string& dataFile = {},
                    int port = 0, const std::string& tlsDir = {})
      : tlsDir_(tlsDir.empty() ? dir_.path("tls") : tlsDir) {
    std::vector<std::string> args = {MSGRAPH_EMULATOR_PATH, "--port", std::to_string(port), "--app",
                                     std::string(kClientId) + ":" + kSecret};
    if (tlsDir.empty()) {
      args.insert(args.end(), {"--tls-self-signed", tlsDir_});
    } else {
      args.insert(args.end(),
                  {"--tls-cert", tlsDir_ + "/server.pem", "--tls-key", tlsDir_ + "/server.key"});
    }
    if (!dataFile.empty()) args.insert(args.end(), {"--data", dataFile});
    args.insert(args.end(), extra.begin(), extra.end());
    daemon_ = std::make_unique<Daemon>(args);
    baseUrl_ = awaitBaseUrl(*daemon_);
  }

  const std::string& baseUrl() const { return baseUrl_; }
  std::string caFile() const { return tlsDir_ + "/ca.pem"; }
  const std::string& tlsDir() const { return tlsDir_; }
  Daemon& daemon() { return *daemon_; }

  /// The emulator's counters (`GET /emulator/stats`): Graph requests seen, faults injected.
  /// A TransportError after `bound` (a bound on a failing test, not a measurement).
  msgraph::Json stats(std::chrono::milliseconds bound = std::chrono::minutes(1)) const {
    return own(msgraph::HttpMethod::Get, "/emulator/stats", {}, bound);
  }
  /// Moves the manual throttling clock (`--throttle-manual-clock`) on by `by`.
  void advanceClock(std::chrono::milliseconds by) const {
    own(msgraph::HttpMethod::Post, "/emulator/clock",
        R"({"advanceMilliseconds":)" + std::to_string(by.count()) + "}", std::chrono::minutes(1));
  }

  /// Transport options that trust the emulator's CA (verification stays on).
  msgraph::CurlTransportOptions transportOptions() const {
    msgraph::CurlTransportOptions options;
    options.caFile = caFile();
    options.proxy = "";
    return options;
  }
  /// Options of a credential that signs in to the emulator with the registered secret.
  msgraph::TokenCredentialOptions tokenOptions() const {
    msgraph::TokenCredentialOptions options;
    options.authorityHost = baseUrl_;
    options.transportOptions = transportOptions();
    return options;
  }
  /// Options of a client that signs in with the registered client secret.
  msgraph::ClientOptions clientOptions(
      msgraph::ApiVersion version = msgraph::ApiVersion::V1_0) const {
    return msgraph::ClientOptions{}
        .baseUrl(baseUrl_)
        .apiVersion(version)
        .transportOptions(transportOptions())
        .credential(std::make_shared<msgraph::ClientSecretCredential>(
            "contoso.onmicrosoft.com", kClientId, kSecret, tokenOptions()));
  }
  /// A client that signs in with the registered client secret.
  msgraph::GraphClient client(msgraph::ApiVersion version = msgraph::ApiVersion::V1_0) const {
    return msgraph::GraphClient{clientOptions(version)};
  }

 private:
  // A call of the emulator's own endpoints; its JSON answer.
  msgraph::Json own(msgraph::HttpMethod method, const std::string& path, std::string body,
                    std::chrono::milliseconds bound) const {
    msgraph::CurlTransport transport(transportOptions());
    msgraph::HttpRequest request;
    request.method = method;
    request.url = baseUrl_ + path;
    request.body = std::move(body);
    const auto response = transport.send(request, msgraph::CallContext().timeout(bound));
    if (response.status != 200) throw std::runtime_error("emulator " + path + ": " + response.body);
    return msgraph::Json::parse(response.body);
  }

  TempDir dir_;
  std::string tlsDir_;
  std::unique_ptr<Daemon> daemon_;
  std::string baseUrl_;
};

}  // namespace testing_support
