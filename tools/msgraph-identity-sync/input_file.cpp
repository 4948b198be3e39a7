// SPDX-License-Identifier: MIT
#include "input_file.hpp"

#include <cerrno>
#include <cstring>

#include "cli_error.hpp"

namespace msgraph_cli {

std::ifstream openInputFile(std::string_view option, const std::string& path) {
  errno = 0;
  std::ifstream file(path, std::ios::binary);
  // A directory opens, and only the first read fails (EISDIR): peek to find out now.
  if (file.is_open()) file.peek();
  if (!file.is_open() || file.bad()) {
    throw UsageError(std::string(option) + ": cannot open '" + path +
                     "': " + std::strerror(errno != 0 ? errno : EIO));
  }
  file.clear();  // an empty file's peek set eofbit; the caller reads from the start
  return file;
}

}  // namespace msgraph_cli
