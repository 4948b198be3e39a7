// SPDX-License-Identifier: MIT
// Shared by the credential tests (client_secret_credential_test.cpp, token_cache_test.cpp,
// token_endpoint_test.cpp, client_certificate_credential_test.cpp): a MockTransport playing the
// identity platform's token endpoint with an injected clock, and the form decoder that reads its
// requests independently of the library. `using namespace msgraph_test::credentials;` brings in
// these and the library names the tests use.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/msgraph.hpp"
#include "msgraph/testing/mock_transport.hpp"
#include "support/fake_environment.hpp"

namespace msgraph_test::credentials {

using msgraph::AuthenticationError;
using msgraph::Cloud;
using msgraph::HttpRequest;
using msgraph::HttpResponse;
using msgraph::Json;
using msgraph::testing::MockTransport;
using namespace std::chrono_literals;
using namespace std::string_literals;

using Clock = std::chrono::system_clock;

inline constexpr const char* kTenant = "contoso.onmicrosoft.com";
inline constexpr const char* kClientId = "535fb089-9ff3-47b6-9bfb-4f1264799865";
inline constexpr const char* kSecret = "sampleCredentials";
inline constexpr const char* kGraphScope = "https://graph.microsoft.com/.default";
inline constexpr const char* kGlobalTokenUrl =
    "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token";

// A clock the test moves by hand; copies share the same time. Whole seconds, so JWT times
// compare exactly.
class TestClock {
 public:
  TestClock() : seconds_(std::make_shared<std::atomic<std::int64_t>>(1'700'000'000)) {}
  Clock::time_point now() const {
    return Clock::time_point(std::chrono::seconds(seconds_->load()));
  }
  std::int64_t seconds() const { return seconds_->load(); }
  void advance(std::chrono::seconds by) { *seconds_ += by.count(); }
  std::function<Clock::time_point()> function() const {
    return [shared = seconds_] { return Clock::time_point(std::chrono::seconds(shared->load())); };
  }

 private:
  std::shared_ptr<std::atomic<std::int64_t>> seconds_;
};

inline std::string tokenBody(const std::string& token, Json expiresIn = 3599,
                             std::optional<int> refreshIn = std::nullopt) {
  Json body = Json::object(
      {{"token_type", "Bearer"}, {"expires_in", std::move(expiresIn)}, {"access_token", token}});
  if (refreshIn) body.set("refresh_in", *refreshIn);
  return body.dump();
}

inline HttpResponse response(int status, std::string body) {
  HttpResponse answer;
  answer.status = status;
  answer.headers.add("Content-Type", "application/json");
  answer.body = std::move(body);
  return answer;
}

inline std::string errorBody(const std::string& error, const std::string& description = {},
                             std::vector<int> codes = {}) {
  Json list = Json::array();
  for (int code : codes) list.asArray().emplace_back(code);
  return Json::object({{"error", error},
                       {"error_description", description},
                       {"error_codes", std::move(list)},
                       {"trace_id", "trace-1"},
                       {"correlation_id", "correlation-1"}})
      .dump();
}

// A mock token endpoint, its requests and the clock the credential reads.
// The waits a retry loop asked for, recorded instead of slept.
class RecordedWaits {
 public:
  std::function<void(std::chrono::milliseconds)> sleeper() {
    return [this](std::chrono::milliseconds wait) {
      std::lock_guard<std::mutex> lock(mutex_);
      waits_.push_back(wait);
    };
  }
  std::vector<std::chrono::milliseconds> waits() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return waits_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::chrono::milliseconds> waits_;
};

struct MockTokenEndpoint {
  std::shared_ptr<MockTransport> mock = std::make_shared<MockTransport>();
  TestClock clock;
  // Token retries wait through this sleeper: unit tests never sleep for them.
  std::shared_ptr<RecordedWaits> retryWaits = std::make_shared<RecordedWaits>();

  msgraph::TokenCredentialOptions options(Cloud cloud = Cloud::Global) const {
    msgraph::TokenCredentialOptions result;
    result.cloud = cloud;
    result.transport = mock;
    result.clock = clock.function();
    result.sleeper = retryWaits->sleeper();
    return result;
  }

  // Answers every request with a new token, "token-1", "token-2", ..., each after
  // `beforeAnswer` has returned (a test may hold the answer there).
  void issueNumberedTokens(std::function<void()> beforeAnswer = {}) const {
    auto issued = std::make_shared<std::atomic<int>>(0);
    mock->handler([issued, beforeAnswer = std::move(beforeAnswer)](const HttpRequest&) {
      if (beforeAnswer) beforeAnswer();
      return response(200, tokenBody("token-" + std::to_string(++*issued)));
    });
  }
};

using msgraph_test::environmentOf;
using msgraph_test::Variables;

inline msgraph::AccessToken fetch(msgraph::TokenCredential& credential,
                                  const std::string& scope = kGraphScope,
                                  const msgraph::CallContext& context = {}) {
  return credential.getToken(msgraph::TokenRequestContext{{scope}}, context);
}

// The error of type E that `action` throws; the test fails if it throws none.
template <typename E, typename Action>
E errorFrom(Action&& action) {
  try {
    action();
  } catch (const E& error) {
    return error;
  }
  FAIL("the expected error was not thrown");
  throw std::logic_error("unreachable");
}

template <typename Action>
AuthenticationError authenticationErrorFrom(Action&& action) {
  return errorFrom<AuthenticationError>(std::forward<Action>(action));
}

template <typename Action>
msgraph::ValidationError validationErrorFrom(Action&& action) {
  return errorFrom<msgraph::ValidationError>(std::forward<Action>(action));
}

inline bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// --- application/x-www-form-urlencoded, read independently of the library ---------------------

inline int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  throw std::runtime_error("bad percent escape");
}

inline std::string formDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%') {
      if (i + 2 >= text.size()) throw std::runtime_error("truncated percent escape");
      out.push_back(static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// name -> value as sent (still encoded); a repeated name is an error.
inline std::map<std::string, std::string> rawForm(const std::string& body) {
  std::map<std::string, std::string> fields;
  std::size_t start = 0;
  while (start <= body.size()) {
    const std::size_t end = std::min(body.find('&', start), body.size());
    const std::string pair = body.substr(start, end - start);
    const std::size_t equals = pair.find('=');
    if (equals == std::string::npos) throw std::runtime_error("form field without '=': " + pair);
    if (!fields.emplace(pair.substr(0, equals), pair.substr(equals + 1)).second) {
      throw std::runtime_error("repeated form field " + pair.substr(0, equals));
    }
    start = end + 1;
  }
  return fields;
}

inline std::map<std::string, std::string> form(const HttpRequest& request) {
  std::map<std::string, std::string> fields;
  for (const auto& [name, value] : rawForm(request.body))
    fields[formDecode(name)] = formDecode(value);
  return fields;
}

}  // namespace msgraph_test::credentials
