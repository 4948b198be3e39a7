// SPDX-License-Identifier: MIT
#pragma once

#include "msgraph/requests/request.hpp"

namespace msgraph::detail {

/// The library's own reach into a fluent request's untyped state, for settings that are not
/// per-call options of the API (a fleet run's attempt gate).
struct RequestCoreAccess {
  template <typename Derived>
  static RequestCore& core(CallOptions<Derived>& request) noexcept {
    return request.core_;
  }
};

}  // namespace msgraph::detail
