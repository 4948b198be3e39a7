// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "msgraph/error.hpp"

namespace msgraph::detail {

class RequestAdapter;

/// Where a fluent builder points: the client's request adapter, the resource path so far
/// (percent-encoded, from the service root, e.g. `/policies/crossTenantAccessPolicy`), and an
/// input error found on the way, reported when a request is sent; `betaOnly` marks a resource
/// that exists only on the beta endpoint (the call then fails on a v1.0 client before it is
/// sent). Not part of the API.
struct RequestTarget {
  std::shared_ptr<const RequestAdapter> adapter;
  std::string path;
  std::shared_ptr<const Error> pendingError;
  bool betaOnly = false;

  /// The target one segment further down; `segment` is appended as given (already encoded).
  RequestTarget child(std::string_view segment) const {
    RequestTarget next{adapter, {}, pendingError, betaOnly};
    next.path.reserve(path.size() + 1 + segment.size());
    next.path.append(path).append(1, '/').append(segment);
    return next;
  }
  /// This target, marked as existing only on the beta endpoint.
  RequestTarget onlyOnBeta() && {
    betaOnly = true;
    return std::move(*this);
  }
  /// This target, failing with `error` when a request on it is sent.
  RequestTarget failing(const ValidationError& error) && {
    pendingError = std::make_shared<ValidationError>(error);
    return std::move(*this);
  }
};

}  // namespace msgraph::detail
