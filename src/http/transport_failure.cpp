// SPDX-License-Identifier: MIT
#include "http/transport_failure.hpp"

namespace msgraph::detail {

using Kind = TransportError::Kind;

bool failedBeforeResponse(const TransportError& error) noexcept {
  switch (error.kind()) {
    case Kind::Connect:
    case Kind::Send:
    case Kind::Receive:
    case Kind::Timeout:
      return !error.gotResponse();
    default:
      return false;
  }
}

}  // namespace msgraph::detail
