// SPDX-License-Identifier: MIT
#include "msgraph/client/client_options.hpp"

namespace msgraph {

ClientOptions& ClientOptions::credential(std::shared_ptr<TokenCredential> value) {
  credential_ = std::move(value);
  return *this;
}
ClientOptions& ClientOptions::cloud(Cloud value) noexcept {
  cloud_ = value;
  return *this;
}
ClientOptions& ClientOptions::baseUrl(std::string value) {
  baseUrl_ = std::move(value);
  return *this;
}
ClientOptions& ClientOptions::apiVersion(ApiVersion value) noexcept {
  apiVersion_ = value;
  return *this;
}
ClientOptions& ClientOptions::transport(std::shared_ptr<HttpTransport> value) {
  transport_ = std::move(value);
  return *this;
}
ClientOptions& ClientOptions::transportOptions(CurlTransportOptions value) {
  transportOptions_ = std::move(value);
  return *this;
}
ClientOptions& ClientOptions::asyncTransport(std::shared_ptr<AsyncHttpTransport> value) {
  asyncTransport_ = std::move(value);
  return *this;
}
ClientOptions& ClientOptions::asyncTransportOptions(CurlMultiTransportOptions value) {
  asyncTransportOptions_ = std::move(value);
  return *this;
}
CurlMultiTransportOptions ClientOptions::asyncTransportOptions() const {
  if (asyncTransportOptions_) return *asyncTransportOptions_;
  CurlMultiTransportOptions options;
  static_cast<CurlTransportOptions&>(options) = transportOptions_;
  return options;
}
ClientOptions& ClientOptions::retry(RetryOptions value) {
  retry_ = std::move(value);
  return *this;
}
ClientOptions& ClientOptions::timeout(std::chrono::milliseconds value) noexcept {
  timeout_ = value;
  return *this;
}
ClientOptions& ClientOptions::confirm(ConfirmCallback value) {
  confirm_ = std::move(value);
  return *this;
}
ClientOptions& ClientOptions::logLevel(LogLevel value) noexcept {
  logLevel_ = value;
  return *this;
}

ClientOptions& ClientOptions::logger(Logger value) {
  logger_ = std::move(value);
  return *this;
}
ClientOptions& ClientOptions::addPolicy(PolicySlot slot, std::shared_ptr<HttpPolicy> policy) {
  policies_.emplace_back(slot, std::move(policy));
  return *this;
}
ClientOptions& ClientOptions::applicationId(std::string value) {
  applicationId_ = std::move(value);
  return *this;
}

}  // namespace msgraph
