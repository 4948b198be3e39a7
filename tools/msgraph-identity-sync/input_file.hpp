// SPDX-License-Identifier: MIT
#pragma once

#include <fstream>
#include <string>
#include <string_view>

namespace msgraph_cli {

/// Opens the file an option names for reading (binary), or throws UsageError
/// `<option>: cannot open '<path>': <reason>` (a missing file, a directory, no permission), so
/// that every file option fails alike, with exit 2, before anything is sent.
std::ifstream openInputFile(std::string_view option, const std::string& path);

}  // namespace msgraph_cli
