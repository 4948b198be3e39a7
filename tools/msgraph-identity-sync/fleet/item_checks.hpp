// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "fleet/desired_item.hpp"

/// @file
/// The checks every desired-state line passes, whatever its format.

namespace msgraph_cli::fleet {

/// The name a bad line report gives a JSON pointer (`/userSyncInbound`) of the object at `at`
/// (`identitySynchronization`, or empty for the line itself): `identitySynchronization/
/// userSyncInbound`; `line` for the whole line.
std::string fieldName(const std::string& at, const std::string& pointer);

/// `id` checked as the library checks a partner tenant id before a request, or as a tenant
/// when `field` is `tenant`.
/// @throws BadLineError naming `field`.
void checkId(const std::string& id, const char* field);

/// Checks that the item's models can be written (the library's serialization rules: UTF-8, no
/// additional property that repeats a typed one), so that nothing refused later is planned.
/// @throws BadLineError naming the JSON pointer.
void checkWritable(const DesiredItem& item);

}  // namespace msgraph_cli::fleet
