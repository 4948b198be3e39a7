// SPDX-License-Identifier: MIT
#include "auth/federated_token_file.hpp"

#include <openssl/crypto.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/printable_excerpt.hpp"
#include "msgraph/error.hpp"

namespace msgraph::detail {

namespace {

struct FileCloser {
  void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw AuthenticationError("WorkloadIdentityCredential: the federated token file " +
                            printableExcerpt(path, 300) + " (AZURE_FEDERATED_TOKEN_FILE) " + why);
}

bool isFileSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string readFederatedTokenFile(const std::string& path) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) fail(path, std::string("cannot be opened: ") + std::strerror(errno));
  std::string content(kMaxFederatedTokenBytes + 1, '\0');
  const std::size_t read = std::fread(content.data(), 1, content.size(), file.get());
  const bool failed = std::ferror(file.get()) != 0;
  content.resize(read);
  if (failed || read > kMaxFederatedTokenBytes) {
    OPENSSL_cleanse(content.data(), content.size());
    fail(path, failed ? "cannot be read"
                      : "is larger than " + std::to_string(kMaxFederatedTokenBytes) + " bytes");
  }
  std::size_t begin = 0;
  std::size_t end = content.size();
  while (begin < end && isFileSpace(content[begin])) ++begin;
  while (end > begin && isFileSpace(content[end - 1])) --end;
  if (begin == end) fail(path, "is empty");
  std::string token = content.substr(begin, end - begin);
  OPENSSL_cleanse(content.data(), content.size());
  return token;
}

}  // namespace msgraph::detail
