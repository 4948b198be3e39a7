#pragma once

#include <string>

namespace emulator {

/// Whether `host` is a loopback address: 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) or
/// `localhost`.
bool isLoopbackHost(const std::string& host);

}  // namespace emulator
