// SPDX-License-Identifier: MIT
#include "http/transport_failure.hpp"

namespace msgraph::detail {

bool failedBeforeResponse(const TransportError& error) noexcept {
  using Kind = TransportError::Kind;
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
