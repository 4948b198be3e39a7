// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <vector>

#include "msgraph/attempt.hpp"
#include "msgraph/error.hpp"

namespace msgraph::detail {

/// A fresh copy of `error`, with its most derived type, carrying `attempts` as its record.
std::shared_ptr<const Error> withAttempts(const Error& error, std::vector<Attempt> attempts);

}  // namespace msgraph::detail
