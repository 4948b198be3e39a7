// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string>

namespace emulator {

/// Replaces `file` with `text` so that a crash at any moment leaves either the old or the new
/// file, and never writes through a link someone planted: the text goes to a fresh temporary
/// file beside `file` (`FILE.tmp-<random>`, created with O_CREAT|O_EXCL|O_NOFOLLOW and mode
/// 0600, since the emulator's state holds client secrets), which is fsynced and renamed over
/// `file`; then the folder is fsynced so that the rename itself is durable. The rename replaces
/// the directory entry, so `file` is a regular file afterwards even if it was a symbolic link.
/// @throws std::runtime_error naming the failing step and the system's reason; the temporary
/// file is removed then.
void replaceFileAtomically(const std::filesystem::path& file, const std::string& text);

}  // namespace emulator
