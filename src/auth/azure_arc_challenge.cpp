// SPDX-License-Identifier: MIT
// The challenge flow of
// https://learn.microsoft.com/azure/azure-arc/servers/managed-identity-authentication
#include "auth/azure_arc_challenge.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "core/printable_excerpt.hpp"
#include "msgraph/ascii.hpp"
#include "msgraph/error.hpp"

namespace msgraph::detail {

namespace {

[[noreturn]] void fail(const std::string& why) {
  throw AuthenticationError("ManagedIdentityCredential (Azure Arc): " + why);
}

}  // namespace

std::string answerArcChallenge(const HttpResponse& challenge, const std::string& keyDirectory) {
  const auto header = challenge.headers.get("WWW-Authenticate");
  if (!header) fail("the agent answered 401 without a WWW-Authenticate challenge");
  const std::string_view value = *header;
  constexpr std::string_view kPrefix = "Basic realm=";
  if (value.size() <= kPrefix.size() ||
      !asciiEqualsIgnoreCase(value.substr(0, kPrefix.size()), kPrefix)) {
    fail("the agent's WWW-Authenticate challenge is not Basic realm=<key file>");
  }
  const std::string path(value.substr(kPrefix.size()));
  const std::string shown = printableExcerpt(path, 300);
  const std::size_t slash = path.rfind('/');
  const bool inDirectory = slash != std::string::npos &&
                           path.compare(0, slash, keyDirectory) == 0 &&
                           slash == keyDirectory.size();
  const bool keyFile = path.size() > slash + 5 && path.compare(path.size() - 4, 4, ".key") == 0;
  if (!inDirectory || !keyFile || path.find("/..") != std::string::npos) {
    fail("the agent's challenge names " + shown + ", which is not a .key file in " +
         printableExcerpt(keyDirectory, 300));
  }
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) {
    fail("the key file " + shown + " named by the agent's challenge cannot be read");
  }
  if (static_cast<std::size_t>(status.st_size) > kMaxArcKeyBytes) {
    fail("the key file " + shown + " is larger than " + std::to_string(kMaxArcKeyBytes) + " bytes");
  }
  std::ifstream file(path, std::ios::binary);
  std::string key((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (!file.good() && !file.eof()) fail("the key file " + shown + " cannot be read");
  const bool control = std::any_of(key.begin(), key.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (key.empty() || key.size() > kMaxArcKeyBytes || control) {
    fail("the key file " + shown + " is empty, too large or holds control characters");
  }
  return key;
}

}  // namespace msgraph::detail
