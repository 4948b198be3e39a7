// SPDX-License-Identifier: MIT
#pragma once

#include <httplib.h>

namespace emulator {

/// Shuts down the socket that carries `request`, so that the client sees its connection close
/// without any response (whatever httplib writes afterwards goes nowhere).
///
/// httplib 0.11 does not hand handlers their socket. A TLS connection's socket comes from the
/// request's SSL object; a plain one is found among the process's sockets by its address pair
/// (local and remote address and port), which identifies exactly one live connection.
/// @return false if the socket could not be found.
bool dropConnection(const httplib::Request& request);

}  // namespace emulator
