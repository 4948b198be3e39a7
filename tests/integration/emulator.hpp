#pragma once

// The local Graph emulator, started for a test over HTTPS with a fresh CA, and a client
// configured to trust it.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "integration/process.hpp"
#include "msgraph/msgraph.hpp"

namespace testing_support {

/// A temporary directory removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "msgraph-it-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

/// The emulator over HTTPS with a self-signed CA in a temporary directory.
class Emulator {
 public:
  static constexpr const char* kClientId = "11111111-2222-3333-4444-555555555555";
  static constexpr const char* kSecret = "s3cr3t~value&with=specials";

  explicit Emulator(std::vector<std::string> extra = {}, const std::string& dataFile = {}) {
    std::vector<std::string> args = {MSGRAPH_EMULATOR_PATH,
                                     "--port",
                                     "0",
                                     "--tls-self-signed",
                                     dir_.file("tls"),
                                     "--app",
                                     std::string(kClientId) + ":" + kSecret};
    if (!dataFile.empty()) args.insert(args.end(), {"--data", dataFile});
    args.insert(args.end(), extra.begin(), extra.end());
    daemon_ = std::make_unique<Daemon>(args);
    const std::string line = daemon_->readLine();
    const std::string prefix = "msgraph-emulator listening on ";
    if (line.rfind(prefix, 0) != 0) throw std::runtime_error("emulator did not start: " + line);
    baseUrl_ = line.substr(prefix.size());
  }

  const std::string& baseUrl() const { return baseUrl_; }
  std::string caFile() const { return dir_.file("tls/ca.pem"); }
  Daemon& daemon() { return *daemon_; }

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
  /// A client that signs in with the registered client secret.
  msgraph::GraphClient client(msgraph::ApiVersion version = msgraph::ApiVersion::V1_0) const {
    return msgraph::GraphClient{
        msgraph::ClientOptions{}
            .baseUrl(baseUrl_)
            .apiVersion(version)
            .transportOptions(transportOptions())
            .credential(std::make_shared<msgraph::ClientSecretCredential>(
                "contoso.onmicrosoft.com", kClientId, kSecret, tokenOptions()))};
  }

 private:
  TempDir dir_;
  std::unique_ptr<Daemon> daemon_;
  std::string baseUrl_;
};

}  // namespace testing_support
