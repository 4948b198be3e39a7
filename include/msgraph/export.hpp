// SPDX-License-Identifier: MIT
#pragma once

/// @file
/// Symbol visibility for the msgraph library. The library is built with hidden visibility, so only
/// declarations marked `MSGRAPH_API` are part of its binary interface.

#if defined(__GNUC__) || defined(__clang__)
#define MSGRAPH_API __attribute__((visibility("default")))
#else
#define MSGRAPH_API
#endif
