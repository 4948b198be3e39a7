// SPDX-License-Identifier: MIT
// The redaction of service text (diagnostics/redaction.cpp, through ServiceError): whatever a
// server sends, no value follows a secret name or an authorization scheme unmasked in what the
// error shows, and redacting what it shows changes nothing more.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "diagnostics/redaction.hpp"
#include "fuzz_check.hpp"
#include "msgraph/error.hpp"

namespace {

using msgraph_fuzz::check;

// Whether every `client_secret=` (the pattern of the example) is followed by `***`.
bool secretValuesMasked(std::string_view shown) {
  constexpr std::string_view kName = "client_secret=";
  for (std::size_t at = shown.find(kName); at != std::string_view::npos;
       at = shown.find(kName, at + 1)) {
    const std::string_view value = shown.substr(at + kName.size());
    // No value: what ends one comes first.
    const bool empty = value.empty() || std::string_view("&\"\\',;}< \t\r\n").find(value[0]) !=
                                            std::string_view::npos;
    // what() cuts a long body at its excerpt's end: a mask may end there as
    // "...", "*..." or "**...".
    const bool cut =
        value.rfind("...", 0) == 0 || value.rfind("*...", 0) == 0 || value.rfind("**...", 0) == 0;
    if (!empty && !cut && value.substr(0, 3) != "***") return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string once = msgraph::detail::redactServiceText(text);
  check(msgraph::detail::redactServiceText(once) == once, "redaction is idempotent");
  check(secretValuesMasked(once), "no client_secret value is left");
  const msgraph::ServiceError error(400, {}, text);
  check(secretValuesMasked(error.rawBody()), "rawBody holds no client_secret value");
  check(secretValuesMasked(error.message()), "message holds no client_secret value");
  check(secretValuesMasked(error.what()), "what() holds no client_secret value");
  return 0;
}
